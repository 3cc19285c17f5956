"""The sandbox's file system: what student code sees of the machine."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from grader_tests.sandbox import SYSTEM_DIRS, Sandbox, isolation

LIST_FOLDER = "import json, os, sys; print(json.dumps(sorted(os.listdir(sys.argv[1]))))"


def run_in(sandbox: Sandbox, *argv: str) -> subprocess.CompletedProcess:
    proc = sandbox.popen(
        [sys.executable, *argv], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    out, err = proc.communicate(timeout=120)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def test_a_virtual_environment_inside_the_course_folder_still_runs(tmp_path):
    """README suggests `python -m venv .venv` in the course folder, which the sandbox hides:
    the environment itself must stay visible, and nothing else of the folder around it."""
    if not isolation()[0]:
        pytest.skip("no bubblewrap here: the fallback hides no folder")
    prefix = Path(sys.prefix).resolve()
    around = prefix.parent
    if sys.prefix == sys.base_prefix or str(around).startswith(SYSTEM_DIRS) or around == Path("/"):
        pytest.skip(f"not run from a virtual environment in a folder of its own ({prefix})")
    (tmp_path / "scratch").mkdir()
    sandbox = Sandbox(tmp_path / "scratch", hidden=[around])
    done = run_in(sandbox, "-c", LIST_FOLDER, str(around))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [prefix.name], "the folder around the environment shows"
    done = run_in(sandbox, "-c", "import numpy, helpers; print(numpy.__name__, helpers.__name__)")
    assert done.returncode == 0 and done.stdout.split() == ["numpy", "helpers"], done.stderr
