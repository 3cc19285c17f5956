"""Hidden checks of the course and the machinery that runs them (instructor-only).

- ``python -m grader_tests NOTEBOOK [--json]`` grades one notebook in a separate process.
- ``pytest grader_tests`` runs every check against the solutions in ``source/``;
  ``pytest grader_tests --notebook PATH`` against any notebook.
- :class:`grader_tests.nbgrader_step.HiddenChecks` is the autograde step in nbgrader_config.py.
"""

import sys

from .client import StudentCodeError

__all__ = ["StudentCodeError", "skip_unused_imports"]


def skip_unused_imports() -> None:
    """For the grader's own nbgrader processes, before they import nbformat: jsonschema, which
    nbformat validates with, imports rfc3987_syntax for IRI checks when it is installed (about
    a second per process); nbformat's schema checks no IRI. Not for a Jupyter server."""
    sys.modules.setdefault("rfc3987_syntax", None)
