"""The contract every week of the course keeps, for every assignment in ASSIGNMENTS.

Build side (``executed``: the week's solution notebook, executed ONCE per test run by
``nbgrader generate_solution``; ``course``: its release and gradebook):

- ``source/`` carries no outputs; ``release/`` and ``notebooks/`` are what nbgrader makes of it;
- the release leaks no solution and no hidden check;
- the solution notebook runs top to bottom (here with the week's ``QUICK_RUN`` cuts: fewer
  training steps, see support.quick_run; COURSE_FULL_RUN=1 runs it as it is), and the committed
  ``notebooks/`` copy holds a complete run in which every number the text states
  (``**label: value**``) is a number it printed.

Grade side (``graded``: ONE checker process per week, the CLI's own code run for each
notebook, grades the instructor's solutions, the untouched release and every planted mistake):

- the solutions earn every point, the stubs none, and every test cell has public and hidden
  checks;
- every planted mistake (``support.mutants_of``) loses points in its own test cell only, with
  its hint in the messages. The mistakes are planted in rounds, one per graded item per round
  (a notebook holds one version of each item), so a week needs as many notebooks as its item
  with the most mistakes has mistakes. A mistake may not cost points in any cell where no
  mistake of its round was planted; the grader's ``ISOLATE`` (grader_tests/<week>/__init__.py)
  is what makes that hold for a function whose callees are planted in the same round. A round
  grades its planted cells and each other cell not yet graded against one of its planted
  functions (``support.round_cells``): a later round with the same functions proves nothing new.
"""

from __future__ import annotations

import re

import pytest

from grader_tests.course import SourceNotebook, cell_source, is_solution_cell
from support import (
    ASSIGNMENTS,
    FULL_RUN,
    ROOT,
    STATED,
    grade_many,
    load,
    make_submission,
    mutant_rounds,
    mutants_of,
    printed_text,
    quick_run,
    round_cells,
    round_notebooks,
    solution_answers,
    write,
)

pytestmark = pytest.mark.slow

# every test here is per week: the module-scoped fixtures below are made once per week
weekly = pytest.mark.parametrize("assignment", ASSIGNMENTS, scope="module")


def _mutant_params() -> list:
    return [
        pytest.param(assignment, index, id=f"{assignment}-{index:02d}-{mutant.name}")
        for assignment in ASSIGNMENTS
        for index, mutant in enumerate(mutants_of(assignment))
    ]


def notebook_of(course, folder: str, assignment: str) -> dict:
    return load(course / folder / assignment / f"{assignment}.ipynb")


# ------------------------------------------------------------------------------- build side
@weekly
def test_source_notebook_carries_no_outputs(assignment):
    for cell in notebook_of(ROOT, "source", assignment)["cells"]:
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [] and cell.get("execution_count") is None, (
                f"{assignment}: a source cell has outputs; clear them before committing"
            )


@weekly
def test_release_is_what_nbgrader_generates(course, assignment):
    relative = f"release/{assignment}/{assignment}.ipynb"
    committed = quick_run(load(ROOT / relative), assignment)  # as the suite's course was cut
    assert _without_checksums(committed) == _without_checksums(
        load(course(assignment) / relative)
    ), f"{relative} is stale: run `nbgrader generate_assignment {assignment} --force`"


def _without_checksums(notebook: dict) -> dict:
    """The notebook without nbgrader's checksums of cell sources (a cut cell's differs; the
    sources themselves are compared)."""
    for cell in notebook["cells"]:
        cell.get("metadata", {}).get("nbgrader", {}).pop("checksum", None)
    return notebook


def _without_run_details(notebook: dict) -> list[dict]:
    cells = []
    for cell in notebook["cells"]:
        metadata = {k: v for k, v in cell["metadata"].items() if k != "execution"}
        cells.append({"type": cell["cell_type"], "source": cell_source(cell), "meta": metadata})
    return cells


@weekly
def test_solution_notebook_is_what_nbgrader_generates(executed, assignment):
    relative = f"notebooks/{assignment}/{assignment}.ipynb"
    committed = quick_run(load(ROOT / relative), assignment)  # as the suite's run was cut
    assert _without_run_details(committed) == _without_run_details(
        load(executed(assignment) / relative)
    ), f"{relative} is stale: run `nbgrader generate_solution {assignment} --force`"


@weekly
def test_each_quick_run_cut_changes_the_source(assignment):
    """A QUICK_RUN entry that no longer matches the source would silently run it in full."""
    from grader_tests.course import assignment_config

    text = "".join(cell_source(c) for c in notebook_of(ROOT, "source", assignment)["cells"])
    for old, new in getattr(assignment_config(assignment), "QUICK_RUN", {}).items():
        assert old in text and old != new, f"{assignment}: QUICK_RUN's {old!r} is not in the source"


@weekly
def test_release_leaks_no_solution_and_no_hidden_check(assignment):
    release = notebook_of(ROOT, "release", assignment)
    text = "\n".join(cell_source(c) for c in release["cells"])
    for marker in ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "grader_tests"):
        assert marker not in text, f"release/{assignment} contains {marker!r}"
    for cell in notebook_of(ROOT, "source", assignment)["cells"]:
        if not is_solution_cell(cell):
            continue
        inside = re.findall(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION", cell_source(cell), re.S)
        for block in inside:
            for line in block.splitlines():
                code = line.strip()
                if len(code) > 12 and not code.startswith("#"):
                    assert code not in text, f"release/{assignment} contains solution code: {code}"


def _ran_top_to_bottom(run: dict, what: str) -> None:
    errors = [
        (cell_source(cell)[:60], output.get("ename"), output.get("evalue"))
        for cell in run["cells"]
        if cell["cell_type"] == "code"
        for output in cell.get("outputs", [])
        if output["output_type"] == "error"
    ]
    assert not errors, f"{what}: cells raised when run top to bottom: {errors}"
    counts = [c.get("execution_count") for c in run["cells"] if c["cell_type"] == "code"]
    assert all(counts) and counts == sorted(counts), f"{what}: not every cell ran, in order"


@weekly
def test_solution_notebook_runs_top_to_bottom(executed, assignment):
    _ran_top_to_bottom(notebook_of(executed(assignment), "notebooks", assignment), "this run")
    committed = f"notebooks/{assignment}: run `nbgrader generate_solution {assignment} --force`"
    _ran_top_to_bottom(notebook_of(ROOT, "notebooks", assignment), committed)


@weekly
@pytest.mark.parametrize("which", ["committed", "this run"] if FULL_RUN else ["committed"])
def test_numbers_stated_in_the_text_are_the_numbers_printed(executed, assignment, which):
    """On the committed solution notebook (the full run), and with COURSE_FULL_RUN=1 on this
    run's execution too (a quick run trains less, so it prints other numbers)."""
    folder = ROOT if which == "committed" else executed(assignment)
    run = notebook_of(folder, "notebooks", assignment)
    printed = printed_text(run)
    stated = [
        m.groups()
        for c in run["cells"]
        if c["cell_type"] == "markdown"
        for m in STATED.finditer(cell_source(c))
    ]
    assert len(stated) >= 4, "the notebook should state its results as **label: value**"
    for label, value in stated:
        assert f"{label}: {value}" in printed, (
            f"the text states '{label}: {value}' but the code printed no such line"
        )


# ------------------------------------------------------------------------------- grade side
@pytest.fixture(scope="module")
def graded(assignment, tmp_path_factory) -> dict:
    """The CLI's verdicts on the week's solutions ("solutions"), its untouched release
    ("stubs") and each round of planted mistakes (0, 1, ...), all from one checker process."""
    folder = tmp_path_factory.mktemp(f"graded-{assignment}")
    release = notebook_of(ROOT, "release", assignment)
    answers = solution_answers(assignment)
    notebooks = {
        "solutions": write(
            make_submission(release, answers), folder / "solutions" / f"{assignment}.ipynb"
        ),
        "stubs": ROOT / "release" / assignment / f"{assignment}.ipynb",
    }
    notebooks.update(enumerate(round_notebooks(assignment, release, folder)))
    return dict(zip(notebooks, grade_many(list(notebooks.values())), strict=True))


def failed_checks(result: dict) -> list[tuple[str, str, str]]:
    return [
        (cell["grade_id"], check["name"], check["message"])
        for cell in result["cells"]
        for check in cell["checks"]
        if not check["passed"]
    ]


@weekly
def test_the_solutions_earn_every_point(graded, assignment):
    status, result = graded["solutions"]
    assert result is not None and result["assignment"] == assignment
    assert not failed_checks(result), failed_checks(result)
    assert status == 0
    assert result["score"] == result["max_score"] > 0


@weekly
def test_every_test_cell_has_public_and_hidden_checks(graded, assignment):
    _, result = graded["solutions"]
    source_cells = SourceNotebook.load(ROOT, assignment).test_cells
    assert [cell["grade_id"] for cell in result["cells"]] == [c.grade_id for c in source_cells]
    for cell in result["cells"]:
        names = [check["name"] for check in cell["checks"]]
        assert names[0] == "public checks", cell["grade_id"]
        assert len(names) >= 2, f"{cell['grade_id']} has no hidden check"
        assert cell["max_points"] > 0


@weekly
def test_every_check_fails_on_the_untouched_release(graded, assignment):
    status, result = graded["stubs"]
    assert status == 1, result
    passed = [
        (cell["grade_id"], check["name"])
        for cell in result["cells"]
        for check in cell["checks"]
        if check["passed"]
    ]
    assert not passed, f"checks that pass on the empty stubs: {passed}"
    assert result["score"] == 0


@weekly
def test_the_week_has_planted_mistakes_for_every_graded_item(assignment):
    mutants = mutants_of(assignment)
    graded_names = set(SourceNotebook.load(ROOT, assignment).graded_names)
    test_cells = {c.grade_id for c in SourceNotebook.load(ROOT, assignment).test_cells}
    assert {m.name for m in mutants} == graded_names
    for mutant in mutants:
        assert mutant.cell in test_cells and mutant.fragment and mutant.source.strip(), mutant


@pytest.mark.parametrize(("assignment", "index"), _mutant_params(), scope="module")
def test_a_planted_mistake_loses_points_only_in_its_own_cell(graded, assignment, index):
    rounds = mutant_rounds(assignment)
    number = next(n for n, planted in enumerate(rounds) if index in dict(planted))
    mutant = dict(rounds[number])[index]
    status, result = graded[number]
    assert status == 1, result
    cells = {cell["grade_id"]: cell for cell in result["cells"]}
    assert set(cells) == round_cells(assignment)[number], "the round graded other cells"
    cell = cells[mutant.cell]
    assert cell["points"] < cell["max_points"], f"{mutant.cell} kept all points with this mistake"
    messages = "\n".join(c["message"] for c in cell["checks"] if not c["passed"])
    assert mutant.fragment.lower() in messages.lower(), (
        f"expected {mutant.fragment!r} in the messages of {mutant.cell}:\n{messages}"
    )
    planted_here = {m.cell for _, m in rounds[number]}
    leaks = {
        grade_id: [c["message"] for c in other["checks"] if not c["passed"]]
        for grade_id, other in cells.items()
        if grade_id not in planted_here and other["points"] < other["max_points"]
    }
    assert not leaks, (
        f"cells lost points for mistakes planted elsewhere (round {number}, with "
        f"{sorted(m.name for _, m in rounds[number])}): {leaks}"
    )
