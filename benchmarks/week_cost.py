"""What one week costs the test suite: build, execution, grading and planted mistakes.

For each week (or the ones named), the suite's own steps are timed, one after another, each
with the tools the tests use (tests/support.py):

- build: ``nbgrader generate_assignment`` in a fresh course folder (the ``course`` fixture);
- execution: ``nbgrader generate_solution`` of the source cut with the week's ``QUICK_RUN``
  (the ``executed`` fixture; ``--full`` also times the notebook as it is);
- grading: the instructor's solutions and the untouched release, graded in one checker
  process (the week contract's ``graded`` fixture, first part);
- mistakes: every round of planted mistakes, graded in one checker process (the rest of it),
  each round only in the test cells it needs (``support.round_cells``).

Each line gives the wall time and the CPU time the machine was busy meanwhile (/proc/stat: run
it on a quiet machine): on a machine whose cores are all busy, as in the suite, the CPU time
is what a week adds. The
projection at the end adds the measured fixed part of the suite (``--fixed`` seconds of
pytest wall time, measured by the caller without the week steps) to nine times the mean week.

    python benchmarks/week_cost.py                     # every week
    python benchmarks/week_cost.py c1w4_deep_network --full
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for path in (ROOT, ROOT / "tests"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

import support  # noqa: E402


def _busy_cpu() -> float:
    """CPU seconds the whole machine has been busy (/proc/stat): the sandboxed workers' time
    does not reach this process's RUSAGE_CHILDREN (bubblewrap's processes are not waited for
    by their parents), so on a quiet machine the machine's busy time is the measure."""
    try:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    except OSError:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime
    user, nice, system, _idle, _iowait, irq, softirq = (int(v) for v in fields[:7])
    return (user + nice + system + irq + softirq) / os.sysconf("SC_CLK_TCK")


class Timer:
    def __init__(self):
        self.rows: list[tuple[str, str, float, float]] = []

    def time(self, week: str, step: str, action):
        wall, cpu = time.monotonic(), _busy_cpu()
        result = action()
        self.rows.append((week, step, time.monotonic() - wall, _busy_cpu() - cpu))
        print(
            f"  {step:<22} {self.rows[-1][2]:7.1f} s wall {self.rows[-1][3]:7.1f} s CPU",
            file=sys.stderr,
            flush=True,
        )
        return result


def measure(week: str, folder: Path, timer: Timer, full: bool) -> None:
    print(week, file=sys.stderr)
    course = folder / week
    shutil.copytree(ROOT / "source" / week, course / "source" / week)
    shutil.copy(ROOT / "nbgrader_config.py", course / "nbgrader_config.py")
    timer.time(week, "build", lambda: support.nbgrader(course, "generate_assignment", week))

    def execute(cut: bool) -> None:
        copy = folder / f"{week}-{'quick' if cut else 'full'}"
        shutil.copytree(course, copy)
        source = copy / "source" / week / f"{week}.ipynb"
        notebook = support.load(source)
        if cut:
            notebook = support.quick_run(notebook, week)
        support.write(notebook, source)
        support.nbgrader(copy, "generate_solution", week, "--force")

    timer.time(week, "execution (quick run)", lambda: execute(True))
    if full:
        timer.time(week, "execution (full run)", lambda: execute(False))

    release = support.load(course / "release" / week / f"{week}.ipynb")
    answers = support.solution_answers(week)
    solutions = support.write(
        support.make_submission(release, answers), folder / "solutions" / week / f"{week}.ipynb"
    )
    stubs = course / "release" / week / f"{week}.ipynb"
    timer.time(week, "grading (2 notebooks)", lambda: support.grade_many([solutions, stubs]))
    rounds = support.round_notebooks(week, release, folder / "rounds" / week)
    step = f"mistakes ({len(rounds)} rounds)"
    timer.time(week, step, lambda: support.grade_many(rounds))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("weeks", nargs="*", help="assignment ids (default: every week)")
    parser.add_argument("--full", action="store_true", help="also time the full execution")
    parser.add_argument(
        "--fixed", type=float, help="seconds of the suite that are not week steps, if measured"
    )
    args = parser.parse_args(argv)
    weeks = args.weeks or support.ASSIGNMENTS
    unknown = sorted(set(weeks) - set(support.ASSIGNMENTS))
    if unknown:
        parser.error(f"unknown week(s): {', '.join(unknown)} (known: {support.ASSIGNMENTS})")
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    timer = Timer()
    with tempfile.TemporaryDirectory(prefix="week-cost-") as tmp:
        for week in weeks:
            measure(week, Path(tmp), timer, args.full)

    print("| week | step | wall (s) | CPU (s) |\n|---|---|---:|---:|")
    totals: dict[str, float] = {}
    for week, step, wall, cpu in timer.rows:
        print(f"| {week} | {step} | {wall:.1f} | {cpu:.1f} |")
        if "full run" not in step:
            totals[week] = totals.get(week, 0.0) + cpu
    for week, cpu in totals.items():
        print(f"| {week} | **all steps (quick run)** | | **{cpu:.1f}** |")
    mean = sum(totals.values()) / len(totals)
    print(f"\nmean CPU per week: {mean:.1f} s; on 2 busy cores about {mean / 2:.1f} s of wall time")
    if args.fixed is not None:
        nine = args.fixed + 9 * mean / 2
        print(
            f"projection at nine weeks: {args.fixed:.0f} s fixed + 9 x {mean / 2:.1f} s "
            f"= {nine:.0f} s of pytest wall time on 2 cores"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
