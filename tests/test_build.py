"""The course as a whole: its assignments, nbgrader_config.py, the stated-number pattern.

What every week must keep (release/ and notebooks/ are what nbgrader makes of source/, nothing
leaks, the notebook runs and its stated numbers hold) is in tests/test_week_contract.py.
"""

from __future__ import annotations

import pytest

from support import ASSIGNMENTS, ROOT, STATED


def test_the_course_has_assignments():
    assert "c1w2_logistic_regression" in ASSIGNMENTS


def test_the_stated_number_pattern_finds_what_it_should():
    text = "you should see **train accuracy: 99.5 %** and **test accuracy: 70.0 %** here"
    assert [m.groups() for m in STATED.finditer(text)] == [
        ("train accuracy", "99.5 %"),
        ("test accuracy", "70.0 %"),
    ]
    assert not list(STATED.finditer("**Sigmoid function** and **note:** text"))


def test_nbgrader_config_lists_exactly_the_built_assignments():
    namespace = {
        "get_config": lambda: type("Config", (), {"__getattr__": _anything})(),
        "__file__": str(ROOT / "nbgrader_config.py"),
    }
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
    namespace = {
        "get_config": lambda: type("Config", (), {"__getattr__": _anything})(),
        "__file__": str(ROOT / "nbgrader_config.py"),
    }
    exec((ROOT / "nbgrader_config.py").read_text(), namespace)
    import os

    assert ("OPENBLAS_NUM_THREADS" in os.environ) is pinned
    if pinned:
        assert os.environ["OPENBLAS_NUM_THREADS"] == "1"
