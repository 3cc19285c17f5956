"""nbgrader reads its config again from inside this folder (JupyterLab's Assignment List does,
to fetch and submit): use the course's own, one folder up."""

load_subconfig("../nbgrader_config.py")  # noqa: F821 - traitlets puts it in the namespace
