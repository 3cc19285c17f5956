"""``python -m grader_tests NOTEBOOK [--json]``: grade one notebook with the hidden checks.

Exit status: 0 every check passed, 1 some check failed, 2 the input is not a gradable
notebook of a known assignment (one line on stderr), 3 the grader itself failed.
"""

from __future__ import annotations

import argparse
import json
import sys

from .course import NotGradable
from .runner import failure_lines, grade


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m grader_tests",
        description="Grade a notebook with the course's hidden checks, in separate processes.",
    )
    add = parser.add_argument
    add("notebook", help="the submitted .ipynb to grade")
    add("--json", action="store_true", help="print the result as JSON on stdout")
    add("--assignment", help="assignment id (default: from the file or its cells)")
    add("--course-dir", help="the course root with source/ (default: here)")
    add("--call-timeout", type=float, help="seconds per call of student code")
    add("--notebook-timeout", type=float, help="seconds the student's notebook may take to run")
    add("--cells", help="grade only these test cells (grade_ids, comma-separated)")
    args = parser.parse_args(argv)
    try:
        timeouts = (args.call_timeout, args.notebook_timeout)
        cells = [c for c in (args.cells or "").split(",") if c] or None
        report = grade(args.notebook, args.assignment, args.course_dir, *timeouts, cells)
    except NotGradable as exc:
        print(f"grader_tests: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # the grader's own failure, not the student's
        print(f"grader_tests: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 3
    if args.json:
        json.dump(report.as_json(), sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print(summary(report))
    return 0 if report.all_passed else 1


def summary(report) -> str:
    """A readable per-cell summary of a :class:`~.runner.GradeReport`."""
    lines = [
        f"{report.assignment}: {report.score:g} / {report.max_score:g} points "
        f"({report.seconds:.1f} s)"
    ]
    cells = report.as_json()["cells"]
    width = max((len(cell["grade_id"]) for cell in cells), default=0)
    for cell in cells:
        passed = sum(c["passed"] for c in cell["checks"])
        lines.append(
            f"  {cell['grade_id']:<{width}} {cell['points']:>6g} / {cell['max_points']:<4g} "
            f"{passed}/{len(cell['checks'])} checks passed"
        )
        if passed < len(cell["checks"]):
            lines.extend(
                line for line in failure_lines(cell["checks"], "      ") if "✓" not in line
            )
    return "\n".join(lines)


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # the reader went away (`... | head`): nothing more to say
        sys.stderr.close()
        sys.exit(0)
