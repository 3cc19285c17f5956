"""Tools the project's tests share: running nbgrader and the grader, making submissions."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from pathlib import Path

from grader_tests.course import SourceNotebook, is_solution_cell, known_assignments, nbgrader_meta

ROOT = Path(__file__).resolve().parents[1]
ASSIGNMENTS = [a for a in known_assignments() if (ROOT / "source" / a / f"{a}.ipynb").is_file()]


def tool_env() -> dict:
    """The environment for child tools: this Python's scripts first on PATH (for the kernel)."""
    env = dict(os.environ)
    env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", "")
    env.setdefault("MPLBACKEND", "Agg")
    env.setdefault("OPENBLAS_NUM_THREADS", "1")  # steady timings on a shared 2-core machine
    return env


def run(command: list[str], cwd: Path, timeout: float = 900) -> subprocess.CompletedProcess:
    done = subprocess.run(
        command,
        cwd=cwd,
        env=tool_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )
    return done


def nbgrader(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    done = run([sys.executable, "-m", "nbgrader", *args], cwd)
    assert done.returncode == 0, f"nbgrader {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return done


def grade_cli(notebook: Path, *extra: str) -> tuple[int, dict | None, str]:
    """Run ``python -m grader_tests NOTEBOOK --json``: (exit status, parsed JSON, stderr)."""
    done = run([sys.executable, "-m", "grader_tests", str(notebook), "--json", *extra], ROOT)
    result = json.loads(done.stdout) if done.stdout.strip() else None
    return done.returncode, result, done.stderr


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def solution_answers(assignment: str) -> dict[str, str]:
    """grade_id -> the instructor's solution cell source."""
    source = SourceNotebook.load(ROOT, assignment)
    return {
        nbgrader_meta(c)["grade_id"]: "".join(c["source"])
        for c in source.cells
        if is_solution_cell(c)
    }


def make_submission(release: dict, answers: dict[str, str]) -> dict:
    """A copy of the release notebook with the given solution cells filled in."""
    notebook = copy.deepcopy(release)
    for cell in notebook["cells"]:
        grade_id = nbgrader_meta(cell).get("grade_id")
        if is_solution_cell(cell) and grade_id in answers:
            cell["source"] = answers[grade_id]
    return notebook


def replace_function(answers: dict[str, str], name: str, new_source: str) -> dict[str, str]:
    changed = dict(answers)
    changed[name] = new_source
    return changed


def write(notebook: dict, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(notebook, indent=1, ensure_ascii=False), encoding="utf-8")
    return path
