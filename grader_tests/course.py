"""The course on disk: where source notebooks live, and how a submission becomes a program.

Only the student's *solution cells* are taken from a submission (matched by nbgrader
``grade_id``); every other cell comes from the trusted notebook in ``source/``.
"""

from __future__ import annotations

import ast
import importlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from .client import Cell

PACKAGE_DIR = Path(__file__).resolve().parent


class NotGradable(Exception):
    """The input is not a notebook of a known assignment; the message says what to do."""


def find_course_root(explicit: str | os.PathLike | None = None) -> Path:
    """The course directory: explicit, else the current one, else the one holding this package."""
    candidates = [Path(explicit)] if explicit else [Path.cwd(), PACKAGE_DIR.parent]
    for candidate in candidates:
        if (candidate / "source").is_dir():
            return candidate.resolve()
    where = candidates[0]
    raise NotGradable(
        f"no course found at {where}: expected a 'source/' folder there "
        "(pass --course-dir, or run from the course's root)"
    )


def known_assignments() -> list[str]:
    """Assignment ids that have a hidden-check folder in this package (one with a reference;
    ``nn`` is the shared library, not an assignment)."""
    return sorted(
        p.name
        for p in PACKAGE_DIR.iterdir()
        if p.is_dir() and (p / "reference.py").is_file() and not p.name.startswith("_")
    )


def assignment_config(assignment: str):
    """The assignment's hidden-check package (ASSIGNMENT, PUBLIC_CHECKS, ISOLATE, reference)."""
    return importlib.import_module(f"grader_tests.{assignment}")


def nbgrader_meta(cell: dict) -> dict:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return meta if isinstance(meta, dict) else {}


def cell_source(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def is_solution_cell(cell: dict) -> bool:
    meta = nbgrader_meta(cell)
    return cell.get("cell_type") == "code" and bool(meta.get("solution"))


def is_test_cell(cell: dict) -> bool:
    meta = nbgrader_meta(cell)
    return cell.get("cell_type") == "code" and bool(meta.get("grade")) and not meta.get("solution")


@dataclass
class TestCell:
    grade_id: str
    points: float
    source: str


@dataclass
class SourceNotebook:
    """The instructor's notebook of one assignment."""

    assignment: str
    path: Path
    cells: list[dict]

    @classmethod
    def load(cls, root: Path, assignment: str) -> SourceNotebook:
        path = root / "source" / assignment / f"{assignment}.ipynb"
        if not path.is_file():
            raise NotGradable(f"the course has no source notebook {path}")
        return cls(assignment, path, json.loads(path.read_text(encoding="utf-8"))["cells"])

    @property
    def graded_names(self) -> list[str]:
        return [nbgrader_meta(c)["grade_id"] for c in self.cells if is_solution_cell(c)]

    @property
    def test_cells(self) -> list[TestCell]:
        cells = [(nbgrader_meta(c), cell_source(c)) for c in self.cells if is_test_cell(c)]
        return [TestCell(meta["grade_id"], float(meta.get("points", 0)), s) for meta, s in cells]

    def program(self, submission_cells: list[dict] | None) -> tuple[list[Cell], list[str]]:
        """The cells the worker runs, and the solution cells missing from the submission.

        With ``submission_cells=None`` the instructor's own solutions are used.
        """
        answers: dict[str, str] = {}
        for cell in self.cells if submission_cells is None else submission_cells:
            if not isinstance(cell, dict) or cell.get("cell_type") != "code":
                continue  # a solution cell turned into markdown or raw gives no code
            grade_id = nbgrader_meta(cell).get("grade_id")
            if isinstance(grade_id, str) and grade_id not in answers:
                answers[grade_id] = cell_source(cell)
        program, missing = [], []
        for position, cell in enumerate(self.cells):
            if cell.get("cell_type") != "code" or is_test_cell(cell):
                continue
            label = nbgrader_meta(cell).get("grade_id") or f"cell {position + 1}"
            if not is_solution_cell(cell):
                program.append(Cell(label, cell_source(cell), False))
            elif label in answers:
                program.append(Cell(label, answers[label], True))
            else:
                missing.append(label)
        return needed_cells(program), missing


def needed_cells(program: list[Cell]) -> list[Cell]:
    """Drop trusted cells that bind nothing the solution cells need (demos, plots, training).

    Walking backwards, a trusted cell is kept when it binds a name that a kept cell after it
    reads; the student's cells are always kept. A cell that cannot be parsed is kept.
    Grading then runs only what it needs, and a student function that hangs cannot stall
    every demo cell that calls it.
    """
    needed: set[str] = set()
    kept: list[Cell] = []
    for cell in reversed(program):
        names = _names(cell.source)
        if cell.from_student or names is None or names[0] & needed:
            kept.append(cell)
            if names is not None:
                needed |= names[1]
    return kept[::-1]


def _names(source: str) -> tuple[set[str], set[str]] | None:
    """(names the cell binds, names it reads), or None if it does not parse."""
    try:
        from IPython.core.inputtransformer2 import TransformerManager

        tree = ast.parse(TransformerManager().transform_cell(source))
    except Exception:
        return None
    bound, read = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (read if isinstance(node.ctx, ast.Load) else bound).add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                bound.add((alias.asname or alias.name).split(".")[0])
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
    return bound, read


def read_submission(path: str | os.PathLike) -> dict:
    """Parse a submitted notebook, or raise NotGradable with one clear sentence."""
    path = Path(path)
    if not path.is_file():
        raise NotGradable(f"{path}: no such file")
    try:
        notebook = json.loads(path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError:
        raise NotGradable(f"{path}: not a notebook (the file is not UTF-8 text)") from None
    except json.JSONDecodeError as exc:
        raise NotGradable(
            f"{path}: not a notebook (invalid JSON at line {exc.lineno}: {exc.msg})"
        ) from None
    if not isinstance(notebook, dict) or not isinstance(notebook.get("cells"), list):
        raise NotGradable(f"{path}: not a Jupyter notebook (no list of cells)")
    return notebook


def guess_assignment(path: Path, notebook: dict, root: Path) -> str:
    """Which assignment a submission belongs to: its file name, its folder, or its cells."""
    known = [a for a in known_assignments() if (root / "source" / a / f"{a}.ipynb").is_file()]
    for name in [path.stem, *[p.name for p in path.resolve().parents]]:
        if name in known:
            return name
    ids = {nbgrader_meta(c).get("grade_id") for c in notebook["cells"] if isinstance(c, dict)}
    scores = {a: len(ids & set(SourceNotebook.load(root, a).graded_names)) for a in known}
    best = max(scores, key=scores.get, default=None)
    if best is None or scores[best] == 0:
        raise NotGradable(
            f"{path}: cannot tell which assignment this is (known: "
            f"{', '.join(known) or 'none'}); pass --assignment ID"
        )
    return best
