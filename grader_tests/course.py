"""The course on disk: where source notebooks live, and how a submission becomes a program.

Only the student's *solution cells* are taken from a submission (matched by nbgrader
``grade_id``); every other cell comes from the trusted notebook in ``source/``.
"""

from __future__ import annotations

import ast
import importlib
import json
import os
import symtable
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
    return cell.get("cell_type") == "code" and bool(nbgrader_meta(cell).get("solution"))


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
    """Drop trusted cells that bind nothing the solution cells need (demos, plots, training),
    and the imports of a kept trusted cell that bind nothing needed (matplotlib, widgets,
    scikit-learn: over a second in every graded notebook).

    Walking backwards, a trusted cell is kept when it binds a name that a kept cell after it
    reads; the student's cells are always kept, whole. A cell that cannot be parsed is kept
    whole. Grading then runs only what it needs, and a student function that hangs cannot
    stall every demo cell that calls it.
    """
    needed: set[str] = set()
    kept: list[Cell] = []
    for cell in reversed(program):
        names = _names(cell.source)
        if cell.from_student or names is None:
            kept.append(cell)
            needed |= names[1] if names else set()
        elif names[0] & needed:
            cell = Cell(cell.label, _needed_imports(cell.source, needed), False)
            kept.append(cell)
            needed |= _names(cell.source)[1]
    return kept[::-1]


def _python(source: str) -> str | None:
    """The cell's code as Python (IPython's magics turned into calls); None if it won't parse."""
    try:
        from IPython.core.inputtransformer2 import TransformerManager

        code = TransformerManager().transform_cell(source)
        ast.parse(code)
    except Exception:
        return None
    return code


def _needed_imports(source: str, needed: set[str]) -> str:
    """A trusted cell's code without its top-level imports of names that neither ``needed``
    nor a later statement of the cell reads (every other statement kept, in order)."""
    code = _python(source)
    if code is None:
        return source
    wanted, body = set(needed), []
    for statement in reversed(ast.parse(code).body):
        if isinstance(statement, (ast.Import, ast.ImportFrom)):
            aliases = [
                alias
                for alias in statement.names
                if alias.name == "*" or (alias.asname or alias.name).split(".")[0] in wanted
            ]
            if not aliases:
                continue
            statement.names = aliases
        body.append(statement)
        wanted |= _names(ast.unparse(statement))[1]
    return ast.unparse(ast.Module(body=body[::-1], type_ignores=[]))


def _names(source: str) -> tuple[set[str], set[str]] | None:
    """(global names the cell binds, global names it reads, in functions too: a function's
    own arguments and local variables are not), or None if it does not parse."""
    code = _python(source)
    if code is None:
        return None
    bound, read = set(), set()
    tables = [symtable.symtable(code, "<cell>", "exec")]
    while tables:
        table = tables.pop()
        module = table.get_type() == "module"
        for symbol in table.get_symbols():
            name, is_global = symbol.get_name(), module or symbol.is_global()
            if is_global and symbol.is_referenced():
                read.add(name)
            if (module or symbol.is_declared_global()) and (
                symbol.is_assigned() or symbol.is_imported() or symbol.is_namespace()
            ):
                bound.add(name)
        tables.extend(table.get_children())
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
