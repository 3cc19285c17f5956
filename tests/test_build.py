"""release/ and notebooks/ are what nbgrader makes of source/; nothing leaks; numbers hold."""

from __future__ import annotations

import re

import pytest

from grader_tests.course import cell_source, is_solution_cell
from support import ASSIGNMENTS, ROOT, load

pytestmark = pytest.mark.slow
STATED = re.compile(r"\*\*([A-Za-z][^*:\n]*?):\s*([-+]?\d[^*\n]*?)\*\*")


def test_the_course_has_assignments():
    assert "c1w2_logistic_regression" in ASSIGNMENTS


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_source_notebooks_carry_no_outputs(assignment):
    for cell in load(ROOT / "source" / assignment / f"{assignment}.ipynb")["cells"]:
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [] and cell.get("execution_count") is None, (
                f"{assignment}: a source cell has outputs; clear them before committing"
            )


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_release_is_what_nbgrader_generates(build, assignment):
    built_course = build(assignment)
    relative = f"release/{assignment}/{assignment}.ipynb"
    assert load(ROOT / relative) == load(built_course / relative), (
        f"{relative} is stale: run `nbgrader generate_assignment {assignment} --force`"
    )


def _without_run_details(notebook: dict) -> list[dict]:
    cells = []
    for cell in notebook["cells"]:
        metadata = {k: v for k, v in cell["metadata"].items() if k != "execution"}
        cells.append({"type": cell["cell_type"], "source": cell_source(cell), "meta": metadata})
    return cells


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_solution_notebooks_are_what_nbgrader_generates(build, assignment):
    built_course = build(assignment)
    relative = f"notebooks/{assignment}/{assignment}.ipynb"
    assert _without_run_details(load(ROOT / relative)) == _without_run_details(
        load(built_course / relative)
    ), f"{relative} is stale: run `nbgrader generate_solution {assignment} --force`"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_release_leaks_no_solution_and_no_hidden_check(assignment):
    release = load(ROOT / "release" / assignment / f"{assignment}.ipynb")
    text = "\n".join(cell_source(c) for c in release["cells"])
    for marker in ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "grader_tests"):
        assert marker not in text, f"release/{assignment} contains {marker!r}"
    source = load(ROOT / "source" / assignment / f"{assignment}.ipynb")
    for cell in source["cells"]:
        if not is_solution_cell(cell):
            continue
        inside = re.findall(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION", cell_source(cell), re.S)
        for block in inside:
            for line in block.splitlines():
                code = line.strip()
                if len(code) > 12 and not code.startswith("#"):
                    assert code not in text, f"release/{assignment} contains solution code: {code}"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_solution_notebook_runs_top_to_bottom(build, assignment):
    built_course = build(assignment)
    executed = load(built_course / "notebooks" / assignment / f"{assignment}.ipynb")
    errors = [
        (cell_source(cell)[:60], output.get("ename"), output.get("evalue"))
        for cell in executed["cells"]
        if cell["cell_type"] == "code"
        for output in cell.get("outputs", [])
        if output["output_type"] == "error"
    ]
    assert not errors, f"cells raised when run top to bottom: {errors}"
    assert all(c.get("execution_count") for c in executed["cells"] if c["cell_type"] == "code")


def _printed_text(notebook: dict) -> str:
    parts = []
    for cell in notebook["cells"]:
        for output in cell.get("outputs", []):
            if output["output_type"] == "stream":
                parts.append("".join(output["text"]))
            elif "data" in output and "text/plain" in output["data"]:
                parts.append("".join(output["data"]["text/plain"]))
    return "\n".join(parts)


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_numbers_stated_in_the_text_are_the_numbers_printed(build, assignment):
    built_course = build(assignment)
    executed = load(built_course / "notebooks" / assignment / f"{assignment}.ipynb")
    printed = _printed_text(executed)
    stated = [
        m.groups()
        for c in executed["cells"]
        if c["cell_type"] == "markdown"
        for m in STATED.finditer(cell_source(c))
    ]
    assert len(stated) >= 4, "the notebook should state its results as **label: value**"
    for label, value in stated:
        assert f"{label}: {value}" in printed, (
            f"the text states '{label}: {value}' but the code printed no such line"
        )


def test_the_stated_number_pattern_finds_what_it_should():
    text = "you should see **train accuracy: 99.5 %** and **test accuracy: 70.0 %** here"
    assert [m.groups() for m in STATED.finditer(text)] == [
        ("train accuracy", "99.5 %"),
        ("test accuracy", "70.0 %"),
    ]
    assert not list(STATED.finditer("**Sigmoid function** and **note:** text"))


def test_nbgrader_config_lists_exactly_the_built_assignments():
    namespace = {"get_config": lambda: type("Config", (), {"__getattr__": _anything})()}
    exec((ROOT / "nbgrader_config.py").read_text(), namespace)
    assert sorted(namespace["ASSIGNMENTS"]) == sorted(ASSIGNMENTS)


class _Anything:
    def __getattr__(self, name):
        return self

    def __setattr__(self, name, value):
        pass


def _anything(self, name):
    return _Anything()


@pytest.mark.parametrize(
    ("program", "pinned"),
    [
        ("/venv/bin/nbgrader", True),
        ("/venv/lib/python3.11/site-packages/nbgrader/__main__.py", True),
        ("/venv/bin/jupyter-lab", False),  # a learner's JupyterLab reads the file too
        ("/venv/bin/jupyter-server", False),
    ],
)
def test_only_nbgrader_commands_fix_the_numeric_settings(monkeypatch, program, pinned):
    names = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "OPENBLAS_CORETYPE")
    for name in (*names, "NPY_DISABLE_CPU_FEATURES"):
        monkeypatch.setenv(name, "")  # recorded, so whatever the config sets is undone after
        monkeypatch.delenv(name)
    monkeypatch.setattr("sys.argv", [program])
    namespace = {"get_config": lambda: type("Config", (), {"__getattr__": _anything})()}
    exec((ROOT / "nbgrader_config.py").read_text(), namespace)
    import os

    assert ("OPENBLAS_NUM_THREADS" in os.environ) is pinned
    if pinned:
        assert os.environ["OPENBLAS_NUM_THREADS"] == "1"
