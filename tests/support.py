"""Tools the project's tests share: running nbgrader and the grader, making submissions."""

from __future__ import annotations

import copy
import importlib
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from grader_tests.course import (
    SourceNotebook,
    assignment_config,
    is_solution_cell,
    known_assignments,
    nbgrader_meta,
)

ROOT = Path(__file__).resolve().parents[1]
# a number the notebook's text states as a result: **label: value** (the code prints label: value)
STATED = re.compile(r"\*\*([A-Za-z][^*:\n]*?):\s*([-+]?\d[^*\n]*?)\*\*")
ASSIGNMENTS = [a for a in known_assignments() if (ROOT / "source" / a / f"{a}.ipynb").is_file()]


# COURSE_FULL_RUN=1: the suite executes the solution notebooks as they are (minutes of
# training) and checks the numbers their text states on that run too; by default it runs them
# with each week's QUICK_RUN cuts (grader_tests/<week>/__init__.py)
FULL_RUN = os.environ.get("COURSE_FULL_RUN", "") not in ("", "0")


def quick_run(notebook: dict, assignment: str) -> dict:
    """The notebook with its week's ``QUICK_RUN`` replacements made in every code cell: the
    same cells with fewer training steps (``FULL_RUN``: the notebook unchanged)."""
    if FULL_RUN:
        return notebook
    notebook = copy.deepcopy(notebook)
    cuts = getattr(assignment_config(assignment), "QUICK_RUN", {})
    for cell in notebook["cells"]:
        if cell["cell_type"] != "code":
            continue
        lines = isinstance(cell["source"], list)  # as stored on disk, or one string
        text = original = "".join(cell["source"]) if lines else cell["source"]
        for old, new in cuts.items():
            text = text.replace(old, new)
        if text != original:
            cell["source"] = text.splitlines(keepends=True) if lines else text
    return notebook


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


# Grades several notebooks in one checker process: `python -m grader_tests NOTEBOOK --json`'s
# own main() for each, one JSON line per notebook (its exit status and its stdout).
_GRADE_MANY = """
import contextlib, io, json, sys
from grader_tests.__main__ import main
for argument in sys.argv[1:]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main([*json.loads(argument), "--json"])
    sys.stdout.write(json.dumps({"status": status, "stdout": out.getvalue()}) + "\\n")
    sys.stdout.flush()
"""


def grade_many(notebooks: list) -> list[tuple[int, dict | None]]:
    """Grade several notebooks with the CLI's own code in ONE checker process (Python, pytest
    and the hidden checks are loaded once; each notebook still gets its own pytest session and
    its own sandboxed worker): [(exit status, parsed JSON)] in the order given. An item is a
    path, or (path, the test cells to grade)."""
    arguments = []
    for item in notebooks:
        path, cells = item if isinstance(item, tuple) else (item, None)
        extra = ["--cells", ",".join(sorted(cells))] if cells else []
        arguments.append(json.dumps([str(path), *extra]))
    done = run([sys.executable, "-c", _GRADE_MANY, *arguments], ROOT)
    lines = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert done.returncode == 0 and len(lines) == len(notebooks), (
        f"the checker process failed after {len(lines)} of {len(notebooks)} notebooks:\n"
        f"{done.stderr[-3000:]}"
    )
    return [
        (line["status"], json.loads(line["stdout"]) if line["stdout"].strip() else None)
        for line in lines
    ]


def mutants_of(assignment: str) -> list:
    """The planted mistakes of a week, the ONLY way the tests get them: objects with ``.name``
    (the graded item replaced), ``.source`` (the whole solution cell), ``.cell`` (the test cell
    that must lose points) and ``.fragment`` (text its messages must contain).

    They are the mistakes of the week's spec (``grader_tests/<week>/spec.py``), or, for a week
    without one, the values of its ``grader_tests/<week>/mutants.py`` ``CATALOGUE``."""
    try:
        from grader_tests import spec

        return list(spec.load(assignment).mistakes)
    except ModuleNotFoundError as exc:
        if exc.name not in ("grader_tests.spec", f"grader_tests.{assignment}.spec"):
            raise
    return list(importlib.import_module(f"grader_tests.{assignment}.mutants").CATALOGUE.values())


def mutant_rounds(assignment: str) -> list[list[tuple[int, object]]]:
    """The week's mutants as (index in ``mutants_of``, mutant), grouped into as few notebooks
    as can hold them: one mutant per graded item per round (a notebook holds one version of
    each item, so there are as many rounds as the item with the most mutants has mutants).

    Which rounds an item's mutants go to is chosen so that, for as many pairs of items as
    possible, some round plants a mistake in one and not in the other: the leak checks of the
    week contract need such a round to see a mistake in ``f`` cost points in ``c``'s cell.
    Items with more mutants are placed first, each in the rounds that add the most such pairs
    with the items already placed (ties: the rounds holding the fewest mutants so far)."""
    by_item: dict[str, list[tuple[int, object]]] = {}
    for index, mutant in enumerate(mutants_of(assignment)):
        by_item.setdefault(mutant.name, []).append((index, mutant))
    count = max((len(v) for v in by_item.values()), default=0)
    placed: dict[str, set[int]] = {}
    for name in sorted(by_item, key=lambda item: (-len(by_item[item]), item)):
        best = None
        for combination in itertools.islice(
            itertools.combinations(range(count), len(by_item[name])), 5000
        ):
            rounds = set(combination)
            pairs = sum((not other <= rounds) + (not rounds <= other) for other in placed.values())
            load = sum(r in other for r in rounds for other in placed.values())
            if best is None or (pairs, -load) > best[0]:
                best = ((pairs, -load), rounds)
        placed[name] = best[1]
    grouped: list[list[tuple[int, object]]] = [[] for _ in range(count)]
    for name, rounds in placed.items():
        for pair, number in zip(by_item[name], sorted(rounds), strict=True):
            grouped[number].append(pair)
    return [sorted(group, key=lambda pair: pair[0]) for group in grouped]


def round_cells(assignment: str) -> list[set[str]]:
    """For each round of ``mutant_rounds``, the test cells its grading needs: the cells of its
    planted mistakes, and each other cell not yet graded against one of the round's planted
    functions. A later round with the same functions proves nothing new about such a cell (the
    grader's ISOLATE answers for a function whatever mistake it holds), so it is left out."""
    every = [cell.grade_id for cell in SourceNotebook.load(ROOT, assignment).test_cells]
    covered: set[tuple[str, str]] = set()
    selected = []
    for planted in mutant_rounds(assignment):
        cells = {mutant.cell for _, mutant in planted}
        functions = {mutant.name for _, mutant in planted}
        for cell in every:
            pairs = {(cell, function) for function in functions}
            if cell not in cells and not pairs <= covered:
                cells.add(cell)
                covered |= pairs
        selected.append(cells)
    return selected


def round_notebooks(assignment: str, release: dict, folder: Path) -> list[tuple[Path, set[str]]]:
    """Each round of planted mistakes written as a submission under ``folder`` (the release
    with every solution cell filled in, the round's mistakes in place of theirs), with the test
    cells its grading needs: items for :func:`grade_many`."""
    answers = solution_answers(assignment)
    notebooks = []
    for number, (planted, cells) in enumerate(
        zip(mutant_rounds(assignment), round_cells(assignment), strict=True)
    ):
        mistakes = {mutant.name: mutant.source for _, mutant in planted}
        path = folder / f"round-{number}" / f"{assignment}.ipynb"
        notebooks.append((write(make_submission(release, {**answers, **mistakes}), path), cells))
    return notebooks


def copy_course(built: Path, target: Path) -> Path:
    """A private, writable copy of a course made by the ``course`` fixture (tests/conftest.py):
    source/, release/, nbgrader_config.py and gradebook.db."""
    for part in ("source", "release", "nbgrader_config.py", "gradebook.db"):
        src = built / part
        (shutil.copytree if src.is_dir() else shutil.copy)(src, target / part)
    return target


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def printed_text(notebook: dict) -> str:
    """Everything an executed notebook printed or displayed as text."""
    parts = []
    for cell in notebook["cells"]:
        for output in cell.get("outputs", []):
            if output["output_type"] == "stream":
                parts.append("".join(output["text"]))
            elif "data" in output and "text/plain" in output["data"]:
                parts.append("".join(output["data"]["text/plain"]))
    return "\n".join(parts)


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
