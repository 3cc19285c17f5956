"""Benchmark: plain sequential ``nbgrader autograde`` against the parallel batch command.

Builds one c1w2 course in a temporary folder, writes N generated submissions (students
s01..sNN: about half full solutions, 30% with one or two planted mistakes, 20% hostile),
then grades two identical copies of it:

1. ``sequential/``: ``nbgrader autograde c1w2_logistic_regression`` (one student after
   another, the course's nbgrader_config.py: sandboxed execution and hidden checks);
2. ``parallel/``: ``python -m grader_tests.batch c1w2_logistic_regression -j JOBS``.

Both start from the same pristine copy (no ``.grader_batch/``, so no stored result is
reused). The script checks that every student got the same score in both gradebooks
(exit status 1 and a table of the differences if not) and prints the wall times, the
submissions graded per minute and the ratio sequential / parallel.

Run it from the repository root with the project's Python, on a quiet machine::

    OPENBLAS_NUM_THREADS=1 PATH=/work/venv/bin:$PATH \\
        python benchmarks/batch_autograde.py [--submissions 40] [--jobs N] [--keep DIR]

Progress goes to stderr; the report to stdout.
"""

from __future__ import annotations

import argparse
import copy
import importlib
import itertools
import math
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for _path in (ROOT, ROOT / "tests"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from support import load, make_submission, solution_answers, tool_env, write  # noqa: E402

A = "c1w2_logistic_regression"
CATEGORIES = ("correct", "partly wrong", "hostile")
SHARES = {"correct": 0.5, "partly wrong": 0.3}  # hostile: the rest
HEARTBEAT = 30.0  # seconds between progress lines of the sequential run


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- hostile
# Attacks of tests/hostile.py (CATALOGUE) used here, in this order (cycled through: 40
# submissions have 8 hostile ones, so the last is used only from 41 on). Only cheap ones: each
# is graded in about the time of an honest submission, so the benchmark measures grading
# and not the time limits. Left out: infinite_loop, memory_bomb and fork_bomb (the limits
# would dominate), socket (needs a listening port), kill_parent (signals every process it
# sees: not something to run on a shared machine) and grade_id_changed (nbgrader itself fails
# on it, so there is no score to compare). fake_output prints megabytes; the executor cuts
# them, and it is graded in about 11 s.
HOSTILE_ATTACKS = (
    "fake_output",
    "os_exit",
    "write_gradebook",
    "patch_numpy",
    "sys_exit",
    "always_equal",
    "skip_execution_tag",
    "cell_type_switched",
    "read_hidden_tests",
)

# Used when tests/hostile.py is missing or student code would run without bubblewrap (the
# attacks of tests/hostile.py must not run unconfined; its own test skips them then).
# Harmless and cheap. grade_id -> text appended to the solution, or the whole cell source.
FALLBACK_HOSTILE: dict[str, list[tuple[str, str, str]]] = {
    "exit_in_cell": [("append", "sigmoid", "import os\nos._exit(1)\n")],
    "fake_score_output": [
        ("append", "basic_sigmoid", 'print("All tests passed.")\nprint("Score: 27 / 27")\n'),
        ("replace", "propagate", 'print("test_propagate: 4 / 4 points")\n'),
    ],
    "fool_public_tests": [
        (
            "append",
            "sigmoid",
            "np.allclose = lambda *a, **k: True\n"
            "np.testing.assert_allclose = lambda *a, **k: None\n",
        ),
        ("replace", "softmax", "def softmax(x):\n    return x\n"),
    ],
    "system_exit": [("append", "predict", "raise SystemExit('bye')\n")],
}


def _fallback_hostile(release: dict, answers: dict[str, str]) -> list[tuple[str, dict]]:
    made = []
    for name, edits in FALLBACK_HOSTILE.items():
        changed = dict(answers)
        for how, grade_id, text in edits:
            changed[grade_id] = text if how == "replace" else changed[grade_id] + "\n" + text
        made.append((name, make_submission(release, changed)))
    return made


def hostile_submissions(release: dict, answers: dict[str, str]) -> tuple[str, list]:
    """(where they come from, [(name, notebook)]): the hostile submissions to cycle through."""
    from grader_tests.sandbox import isolation

    if not isolation()[0]:
        why = "student code would run without bubblewrap"
    else:
        try:
            hostile = importlib.import_module("hostile")
        except ImportError as exc:
            why = f"tests/hostile.py cannot be imported: {exc}"
        else:
            names = [name for name in HOSTILE_ATTACKS if name in hostile.CATALOGUE]
            if names:
                made = [(name, hostile.CATALOGUE[name].notebook(release)) for name in names]
                return "tests/hostile.py", made
            why = "none of the chosen attacks is in tests/hostile.py"
    return f"built-in harmless set ({why})", _fallback_hostile(release, answers)


# --------------------------------------------------------------------------- the mix
def counts(n: int) -> dict[str, int]:
    correct = round(n * SHARES["correct"])
    partly = min(round(n * SHARES["partly wrong"]), n - correct)
    return {"correct": correct, "partly wrong": partly, "hostile": n - correct - partly}


def interleave(numbers: dict[str, int]) -> list[str]:
    """The categories spread evenly over the students (s01 is not always the same kind)."""
    slots = [
        ((i + 0.5) / count, order, category)
        for order, (category, count) in enumerate(numbers.items())
        for i in range(count)
    ]
    return [category for _, _, category in sorted(slots)]


def partly_wrong(count: int) -> list[list]:
    """``count`` lists of one or two mutants, cycling through the c1w2 catalogue with a stride
    that spreads them over all of it (warm-up functions to the model)."""
    catalogue = importlib.import_module(f"grader_tests.{A}.mutants").CATALOGUE
    keys = list(catalogue)
    needed = count + count // 2
    step = max(1, len(keys) // max(needed, 1))
    position = itertools.count(0, step)

    def pick():
        return catalogue[keys[next(position) % len(keys)]]

    chosen = []
    for i in range(count):
        picks = [pick()]
        if i % 2:  # every other one has a second mistake, in another graded cell
            other = pick()
            while other.name == picks[0].name:
                other = pick()
            picks.append(other)
        chosen.append(picks)
    return chosen


def sign(notebook: dict, student: str) -> None:
    """Make every submission unique, as real ones are: a comment with the student's name at
    the end of the first code cell the student wrote in. (The batch command stores results by
    what they were computed from, so identical notebooks would be graded only once.)"""
    for cell in notebook["cells"]:
        if cell.get("cell_type") == "code" and cell.get("metadata", {}).get("nbgrader", {}).get(
            "solution"
        ):
            source = cell["source"]
            source = "".join(source) if isinstance(source, list) else source
            cell["source"] = source.rstrip("\n") + f"\n# submitted by {student}\n"
            return


def write_submissions(course: Path, n: int) -> tuple[dict[str, tuple[str, str]], str]:
    """Write s01..sNN; {student: (category, what it is)} and where the hostile ones came from."""
    release = load(course / "release" / A / f"{A}.ipynb")
    answers = solution_answers(A)
    origin, hostile = hostile_submissions(release, answers)
    numbers = counts(n)
    wrong = iter(partly_wrong(numbers["partly wrong"]))
    bad = itertools.cycle(hostile)
    width = max(2, len(str(n)))
    students = {}
    for i, category in enumerate(interleave(numbers), start=1):
        student = f"s{i:0{width}d}"
        if category == "correct":
            notebook, what = make_submission(release, answers), "full solution"
        elif category == "partly wrong":
            mutants = next(wrong)
            changed = {**answers, **{m.name: m.source for m in mutants}}
            notebook = make_submission(release, changed)
            what = " + ".join(m.cell for m in mutants)
        else:
            what, notebook = next(bad)
            notebook = copy.deepcopy(notebook)
        sign(notebook, student)
        write(notebook, course / "submitted" / student / A / f"{A}.ipynb")
        students[student] = (category, what)
    return students, origin


# --------------------------------------------------------------------------- running
def build_course(folder: Path) -> None:
    shutil.copytree(ROOT / "source" / A, folder / "source" / A)
    shutil.copy(ROOT / "nbgrader_config.py", folder / "nbgrader_config.py")
    done = subprocess.run(
        [sys.executable, "-m", "nbgrader", "generate_assignment", A, "--force"],
        cwd=folder,
        env=tool_env(),
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    if done.returncode != 0:
        sys.exit(f"nbgrader generate_assignment failed:\n{done.stdout}\n{done.stderr}")


def graded_so_far(course: Path) -> int:
    return sum(1 for _ in (course / "autograded").glob(f"*/{A}/{A}.ipynb"))


def run_sequential(course: Path, total: int) -> tuple[float, int]:
    """``nbgrader autograde`` in the course: (wall seconds, exit status). Output to a log."""
    stop = threading.Event()
    began = time.monotonic()

    def heartbeat() -> None:
        while not stop.wait(HEARTBEAT):
            elapsed = time.monotonic() - began
            log(f"sequential: {graded_so_far(course)}/{total} autograded, {elapsed:.0f} s")

    with open(course.parent / "sequential.log", "wb") as out:
        beat = threading.Thread(target=heartbeat, daemon=True)
        beat.start()
        began = time.monotonic()
        status = subprocess.run(
            [sys.executable, "-m", "nbgrader", "autograde", A],
            cwd=course,
            env=tool_env(),
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
        ).returncode
        seconds = time.monotonic() - began
        stop.set()
        beat.join()
    return seconds, status


def run_parallel(course: Path, jobs: int) -> tuple[float, int]:
    """The batch command in the course: (wall seconds, exit status). Its progress passes
    through on stderr; its summary table goes to a log."""
    with open(course.parent / "parallel.log", "wb") as out:
        began = time.monotonic()
        status = subprocess.run(
            [sys.executable, "-m", "grader_tests.batch", A, "-j", str(jobs)],
            cwd=course,
            env=tool_env(),
            stdin=subprocess.DEVNULL,
            stdout=out,
        ).returncode
        seconds = time.monotonic() - began
    return seconds, status


def scores(course: Path, students) -> dict[str, float | None]:
    """Each student's total score in the course's gradebook (None: no grade there)."""
    from nbgrader.api import MissingEntry

    from grader_tests.batch import Course

    found: dict[str, float | None] = {}
    with Course(course, A).gradebook() as gradebook:
        for student in students:
            try:
                found[student] = float(gradebook.find_submission(A, student).score)
            except MissingEntry:
                found[student] = None
        max_score = float(gradebook.find_assignment(A).max_score)
    found["<max>"] = max_score
    return found


# --------------------------------------------------------------------------- report
def show(score: float | None) -> str:
    return "no grade" if score is None else f"{score:g}"


def same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, abs_tol=1e-9)


def report(args, students, origin, seq, par, seq_scores, par_scores) -> int:
    n = len(students)
    max_score = seq_scores["<max>"]
    isolation = "unknown"
    try:
        from grader_tests.sandbox import isolation as sandbox_isolation

        isolation = "bubblewrap" if sandbox_isolation()[0] else "OFF (process limits only)"
    except Exception:  # only informative
        pass
    import nbgrader

    numbers = {c: sum(1 for cat, _ in students.values() if cat == c) for c in CATEGORIES}
    print("== batch autograde benchmark (c1w2_logistic_regression) ==")
    print(
        f"machine     : {os.cpu_count()} CPUs ({len(os.sched_getaffinity(0))} usable), "
        f"{platform.machine()}, {platform.system()} {platform.release()}"
    )
    print(
        f"software    : Python {platform.python_version()}, nbgrader {nbgrader.__version__}, "
        f"sandbox {isolation}, OPENBLAS_NUM_THREADS={tool_env()['OPENBLAS_NUM_THREADS']}"
    )
    print(
        f"submissions : {n} = "
        + ", ".join(f"{numbers[c]} {c}" for c in CATEGORIES)
        + f" (hostile: {origin})"
    )
    hostile_kinds = sorted({what for cat, what in students.values() if cat == "hostile"})
    if hostile_kinds:
        print(f"hostile     : {', '.join(hostile_kinds)}")
    print()
    rows = [
        ("sequential", "nbgrader autograde", seq),
        ("parallel", f"grader_tests.batch -j {args.jobs}", par),
    ]
    print(f"{'run':<11} {'command':<26} {'wall':>9} {'subs/min':>9}  exit")
    for name, command, (seconds, status) in rows:
        rate = n / (seconds / 60) if seconds > 0 else float("inf")
        print(f"{name:<11} {command:<26} {seconds:8.1f}s {rate:9.2f}  {status}")
    ratio = seq[0] / par[0] if par[0] > 0 else float("inf")
    print(f"ratio sequential / parallel: {ratio:.2f}x")
    print()
    print(f"mean score by category (of {max_score:g}; sequential gradebook):")
    for category in CATEGORIES:
        members = [s for s, (cat, _) in students.items() if cat == category]
        if not members:
            continue
        got = [seq_scores[s] for s in members if seq_scores[s] is not None]
        missing = len(members) - len(got)
        mean = sum(got) / len(got) if got else float("nan")
        note = f"  ({missing} without a grade)" if missing else ""
        print(f"  {category:<13} {len(members):>3}  mean {mean:6.2f}{note}")
    print()
    mismatches = [
        (s, cat, what, seq_scores[s], par_scores[s])
        for s, (cat, what) in students.items()
        if not same(seq_scores[s], par_scores[s])
    ]
    if mismatches:
        print(f"SCORE MISMATCH for {len(mismatches)} of {n} students:")
        head = ("student", "category", "submission", "sequential", "parallel")
        table = [head] + [(s, c, w[:40], show(a), show(b)) for s, c, w, a, b in mismatches]
        widths = [max(len(row[i]) for row in table) for i in range(5)]
        for row in table:
            cells = [cell.ljust(w) for cell, w in zip(row, widths, strict=True)]
            print("  " + "  ".join(cells).rstrip())
        return 1
    print(f"scores: identical in both gradebooks for all {n} students")
    return 0


# --------------------------------------------------------------------------- main
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Time sequential `nbgrader autograde` against `python -m grader_tests.batch`"
        " on generated c1w2 submissions."
    )
    parser.add_argument("--submissions", type=int, default=40, help="how many (default 40)")
    parser.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1, help="batch workers (default: CPUs)"
    )
    parser.add_argument("--keep", metavar="DIR", help="work in DIR and keep it (must be empty)")
    args = parser.parse_args(argv)
    if args.submissions < 1 or args.jobs < 1:
        parser.error("--submissions and --jobs must be at least 1")

    if args.keep:
        work = Path(args.keep).resolve()
        if work.exists() and any(work.iterdir()):
            parser.error(f"--keep {work}: the folder is not empty")
        work.mkdir(parents=True, exist_ok=True)
    else:
        work = Path(tempfile.mkdtemp(prefix="bench-batch-"))
    try:
        pristine = work / "course"
        log(f"building the course in {pristine}")
        build_course(pristine)
        students, origin = write_submissions(pristine, args.submissions)
        log(f"wrote {len(students)} submissions ({origin} for the hostile ones)")
        (work / "submissions.tsv").write_text(
            "".join(f"{s}\t{cat}\t{what}\n" for s, (cat, what) in students.items())
        )
        for name in ("sequential", "parallel"):
            (work / name).mkdir()
            shutil.copytree(pristine, work / name / "course")

        log("sequential: nbgrader autograde ...")
        seq = run_sequential(work / "sequential" / "course", len(students))
        log(f"sequential: done in {seq[0]:.1f} s (exit {seq[1]})")
        log(f"parallel: python -m grader_tests.batch {A} -j {args.jobs} ...")
        par = run_parallel(work / "parallel" / "course", args.jobs)
        log(f"parallel: done in {par[0]:.1f} s (exit {par[1]})")

        seq_scores = scores(work / "sequential" / "course", students)
        par_scores = scores(work / "parallel" / "course", students)
        status = report(args, students, origin, seq, par, seq_scores, par_scores)
        if args.keep:
            print(
                f"\nwork folder kept: {work} (submissions.tsv; logs: "
                "sequential/sequential.log, parallel/parallel.log)"
            )
        return status
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
