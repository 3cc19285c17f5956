"""The batch command's result store: a stored result is reused only for the same input and
the same grader."""

from __future__ import annotations

import shutil

from grader_tests import cache
from support import ROOT

A = "c1w2_logistic_regression"


def course_copy(tmp_path):
    root = tmp_path / "course"
    shutil.copytree(ROOT / "source" / A, root / "source" / A)
    shutil.copy(ROOT / "nbgrader_config.py", root / "nbgrader_config.py")
    return root


def test_the_grader_digest_follows_the_source_and_the_config(tmp_path):
    root = course_copy(tmp_path)
    first = cache.grader_digest(root, A)
    assert cache.grader_digest(root, A) == first
    notebook = root / "source" / A / f"{A}.ipynb"
    notebook.write_text(notebook.read_text() + " ")  # the instructor edits the source notebook
    edited = cache.grader_digest(root, A)
    assert edited != first
    with open(root / "nbgrader_config.py", "a") as config:
        config.write("\nc.HiddenChecks.call_timeout = 30\n")
    assert cache.grader_digest(root, A) not in (first, edited)


def test_the_grader_digest_ignores_compiled_files_and_checkpoints(tmp_path):
    root = course_copy(tmp_path)
    first = cache.grader_digest(root, A)
    for folder in ("__pycache__", ".ipynb_checkpoints"):
        (root / "source" / A / folder).mkdir()
        (root / "source" / A / folder / "x.pyc").write_bytes(b"compiled")
    assert cache.grader_digest(root, A) == first


def test_the_grader_digest_covers_the_hidden_checks():
    folders = {p.name for p in cache.grader_folders(ROOT, A)}
    assert {"grader_tests", "helpers", A} <= folders
