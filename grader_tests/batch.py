"""``python -m grader_tests.batch ASSIGNMENT``: autograde every submission, N at a time.

1. **Workers, in parallel**: ``nbgrader autograde`` of each submission into a private copy of
   the assignment's gradebook rows (a throwaway SQLite file) and a private ``autograded/``
   folder; its two expensive steps store their results (grader_tests/cache.py).
2. **One writer**: one long-lived nbgrader process (grader_tests/batch_process.py) autogrades
   each finished student into the real gradebook, one at a time; the steps reuse the stored
   results. nbgrader's own ``autograde`` stays the only thing that writes the gradebook.

The README says how reruns, ``--force`` and ``--retry`` choose whom to grade. Exit status: 0
when every submission was graded or recorded (whatever the scores), 1 when the tool itself
failed for some submission, 2 for bad usage.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import queue
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import cache
from .sandbox import kill_group, warn_once

STATE_DIR = ".grader_batch"
# what copy_assignment copies of each kind of nbgrader cell, besides its name
CELL_FIELDS = {
    "grade": ("max_score", "cell_type"),
    "solution": (),
    "task": ("max_score", "cell_type"),
    "source": ("cell_type", "locked", "source", "checksum"),
}


@dataclass
class Outcome:
    """What happened to one student's submission."""

    student: str
    status: str = "pending"  # graded | crashed | timed out | error | skipped
    score: float | None = None
    max_score: float | None = None
    failed: list[str] = field(default_factory=list)  # test cells that lost points
    seconds: float = 0.0
    detail: str = ""
    digest: str = ""
    reused: bool = False  # the writer reused the worker's stored results


class UsageError(Exception):
    pass


# --------------------------------------------------------------------------- course
class Course:
    """The course folder, read through nbgrader's own configuration."""

    def __init__(self, root: Path, assignment: str):
        from nbgrader.coursedir import CourseDirectory
        from traitlets.config import Config
        from traitlets.config.loader import PyFileConfigLoader

        self.root = Path(root).resolve()
        file = self.root / "nbgrader_config.py"
        config = PyFileConfigLoader(str(file)).load_config() if file.is_file() else Config()
        self.coursedir = CourseDirectory(config=config, root=str(self.root))
        self.assignment = assignment
        self.course_id = self.coursedir.course_id
        self.state = self.root / STATE_DIR / assignment

    def submission(self, student: str) -> Path:
        return self._folder(self.coursedir.submitted_directory, student)

    def autograded(self, student: str) -> Path:
        return self._folder(self.coursedir.autograded_directory, student)

    def _folder(self, kind: str, student: str) -> Path:
        return Path(self.coursedir.format_path(kind, student, self.assignment))

    def students(self) -> list[str]:
        submitted = self.root / self.coursedir.submitted_directory
        if not submitted.is_dir():
            return []
        return sorted(
            p.name
            for p in submitted.iterdir()
            if (p / self.assignment).is_dir() and not p.name.startswith(".")
        )

    def gradebook(self):
        from nbgrader.api import Gradebook

        return Gradebook(self.coursedir.db_url, self.course_id)


def copy_assignment(course: Course, target_url: str) -> None:
    """Write the assignment's definition (notebooks and cells, no grades) to another gradebook."""
    from nbgrader.api import Gradebook, MissingEntry

    with course.gradebook() as source:
        try:
            assignment = source.find_assignment(course.assignment)
        except MissingEntry:
            raise UsageError(
                f"assignment '{course.assignment}' is not in the gradebook: run "
                f"`nbgrader generate_assignment {course.assignment}` first"
            ) from None
        name = assignment.name
        with Gradebook(target_url, course.course_id) as target:
            target.update_or_create_assignment(name, duedate=assignment.duedate)
            for notebook in assignment.notebooks:
                nb = notebook.name
                target.update_or_create_notebook(nb, name, kernelspec=notebook.kernelspec)
                for kind, fields in CELL_FIELDS.items():
                    create = getattr(target, f"update_or_create_{kind}_cell")
                    for cell in getattr(notebook, f"{kind}_cells"):
                        create(cell.name, nb, name, **{f: getattr(cell, f) for f in fields})


# --------------------------------------------------------------------------- state
def submission_digest(course: Course, student: str, grader: str) -> str:
    """What a grade depends on: the submission's files and ``grader`` (cache.grader_digest)."""
    return cache.key("submission", cache.folder_digest(course.submission(student)), grader)


def load_state(course: Course, student: str) -> dict | None:
    try:
        return json.loads((course.state / "students" / f"{student}.json").read_text())
    except (OSError, ValueError):
        return None


def save_state(course: Course, outcome: Outcome) -> None:
    cache.write_json(course.state / "students" / f"{outcome.student}.json", asdict(outcome))


def needs_grading(course: Course, student: str, digest: str, force: bool, retry: bool) -> bool:
    state = None if force else load_state(course, student)
    if state is None or state.get("digest") != digest:
        return True
    if state.get("status") == "graded":
        return not course.autograded(student).is_dir()
    return retry or state.get("status") not in ("crashed", "timed out")


# --------------------------------------------------------------------------- running
def tool_env() -> dict:
    env = dict(os.environ)
    bin_dir = os.path.dirname(sys.executable)  # nbgrader calls `alembic` from here
    env["PATH"] = bin_dir + os.pathsep + env.get("PATH", "")
    env.setdefault("OPENBLAS_NUM_THREADS", "1")
    return env


def last_error(tail: str) -> str:
    """The exception line of a failed nbgrader run's output, else its last line."""
    lines = [line.strip() for line in tail.splitlines() if line.strip()]
    for line in reversed(lines):
        if re.match(r"^[\w.]+(Error|Exception|Exit)\b", line):
            return line[-300:]
    return lines[-1][-300:] if lines else "no output"


class Batch:
    def __init__(self, course: Course, jobs: int, timeout: float, work: Path):
        self.course = course
        self.timeout = timeout
        self.work = work
        self.cache_dir = course.state / "cache"
        self.template = work / "template.db"
        # a worker thread takes an Autograder from the pool while it grades
        self.pool: queue.Queue = queue.Queue()
        for number in range(jobs):
            self.pool.put(Autograder(course, self.cache_dir, work / f"worker-{number}.log"))
        self.writer = Autograder(course, self.cache_dir, work / "writer.log")
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        copy_assignment(course, f"sqlite:///{self.template}")

    def close(self) -> None:
        for process in [*self.pool.queue, self.writer]:
            process.close()

    def work_phase(self, outcome: Outcome) -> Outcome:
        """Grade in private: a copy of the gradebook rows, a private autograded folder."""
        folder = self.work / outcome.student
        folder.mkdir(parents=True, exist_ok=True)
        db = folder / "gradebook.db"
        shutil.copyfile(self.template, db)
        process = self.pool.get()
        began = time.monotonic()
        private = {"db_url": f"sqlite:///{db}", "autograded": str(folder / "autograded")}
        try:
            status, detail = process.autograde(
                outcome.student, folder / "work.log", self.timeout, **private
            )
        finally:
            self.pool.put(process)
        outcome.seconds = time.monotonic() - began
        if status == "timed out":
            outcome.status, outcome.detail = status, f"grading took more than {self.timeout:.0f} s"
        elif status == "failed":
            log = (folder / "work.log").read_text("utf-8", "replace")
            outcome.status, outcome.detail = "crashed", detail or last_error(log)
        else:
            outcome.status = "worked"
        shutil.rmtree(folder / "autograded", ignore_errors=True)
        return outcome

    def write_phase(self, outcome: Outcome) -> Outcome:
        """nbgrader autograde into the real gradebook, reusing the stored results."""
        folder = self.work / outcome.student
        began = time.monotonic()
        status, detail = self.writer.autograde(outcome.student, folder / "write.log", self.timeout)
        outcome.seconds += time.monotonic() - began
        log = (folder / "write.log").read_text("utf-8", "replace")
        outcome.reused = log.count("reused a stored result") >= 2
        if status != "ok":
            outcome.status = "error"
            outcome.detail = f"writing the gradebook failed: {detail or last_error(log)}"
            return outcome
        try:
            with self.course.gradebook() as gradebook:
                submission = gradebook.find_submission(self.course.assignment, outcome.student)
                outcome.score = float(submission.score)
                outcome.max_score = float(submission.max_score)
                outcome.failed = sorted(
                    grade.name
                    for notebook in submission.notebooks
                    for grade in notebook.grades
                    if (grade.score or 0) < (grade.max_score or 0)
                )
        except Exception as exc:  # the gradebook has no row: the tool failed
            outcome.status = "error"
            outcome.detail = f"no grade in the gradebook after autograde ({exc})"
            return outcome
        outcome.status = "graded"
        return outcome


class Autograder:
    """One long-lived ``python -m grader_tests.batch_process`` process (nbgrader's Autograde
    converter, imported once), started when first used and fed one student at a time: one per
    worker thread, one for the single gradebook writer. One that dies or runs past the time
    limit is ended (with everything it started) and started afresh for the next student."""

    def __init__(self, course: Course, cache_dir: Path, log: Path):
        self.course = course
        self.cache_dir = cache_dir
        self.log_path = log
        self.proc: subprocess.Popen | None = None
        self.answers: queue.Queue = queue.Queue()

    def _start(self) -> None:
        command = [sys.executable, "-m", "grader_tests.batch_process"]
        command += [self.course.assignment, str(self.cache_dir)]
        with open(self.log_path, "ab") as log:
            self.proc = subprocess.Popen(
                command,
                cwd=self.course.root,
                env=tool_env(),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=log,
                text=True,
                start_new_session=True,
            )
        answers = self.answers = queue.Queue()
        stdout = self.proc.stdout

        def read() -> None:
            for line in stdout:
                answers.put(line)
            answers.put(None)  # the process ended

        threading.Thread(target=read, daemon=True).start()

    def autograde(
        self, student: str, log: Path, timeout: float, db_url: str = "", autograded: str = ""
    ) -> tuple[str, str]:
        """Autograde ``student`` (into the course's gradebook and autograded folder unless
        ``db_url`` and ``autograded`` say otherwise): ("ok" | "failed" | "timed out", detail)."""
        log.parent.mkdir(parents=True, exist_ok=True)
        log.touch()
        if self.proc is None or self.proc.poll() is not None:
            self._start()
        request = {"student": student, "log": str(log)}
        request.update({"db_url": db_url, "autograded_directory": autograded})
        try:
            self.proc.stdin.write(json.dumps(request) + "\n")
            self.proc.stdin.flush()
            line = self.answers.get(timeout=timeout)
        except queue.Empty:
            self.close(kill=True)
            return "timed out", f"autograding took more than {timeout:.0f} s"
        except OSError:
            line = None
        if line is None:  # the process died
            self.close(kill=True)
            tail = self.log_path.read_bytes()[-4000:].decode("utf-8", "replace")
            return "failed", f"the nbgrader process ended: {last_error(tail)}"
        answer = json.loads(line)
        return answer["status"], answer.get("detail", "")

    def close(self, kill: bool = False) -> None:
        if self.proc is None:
            return
        proc, self.proc = self.proc, None
        if not kill:
            try:
                proc.stdin.close()
                proc.wait(timeout=30)
                return
            except (OSError, subprocess.TimeoutExpired):
                pass
        kill_group(proc.pid)
        proc.wait()


# --------------------------------------------------------------------------- display
class Progress:
    def __init__(self, total: int, stream=None):
        self.total = total
        self.done = 0
        self.counts: dict[str, int] = {}
        self.began = time.monotonic()
        self.stream = stream or sys.stderr
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()

    def update(self, outcome: Outcome) -> None:
        self.done += 1
        self.counts[outcome.status] = self.counts.get(outcome.status, 0) + 1
        filled = int(30 * self.done / max(self.total, 1))
        bar = "#" * filled + "-" * (30 - filled)
        counts = ", ".join(f"{n} {status}" for status, n in sorted(self.counts.items()))
        elapsed = time.monotonic() - self.began
        line = f"[{bar}] {self.done}/{self.total} ({counts}) {elapsed:.0f} s"
        if self.tty:
            self.stream.write("\r" + line + ("\n" if self.done == self.total else ""))
        else:
            self.stream.write(f"{line}  {outcome.student}: {outcome.status}\n")
        self.stream.flush()


def table(outcomes: list[Outcome]) -> str:
    rows = [("student", "score", "failed checks", "time", "status")]
    for o in outcomes:
        score = f"{o.score:g} / {o.max_score:g}" if o.score is not None else "-"
        failed = ", ".join(o.failed) if o.failed else ("-" if o.score is not None else "")
        status = o.status + (f": {o.detail}" if o.detail and o.status != "graded" else "")
        rows.append((o.student, score, failed[:60], f"{o.seconds:.1f} s", status[:100]))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = ["  ".join([*map(str.ljust, row[:4], widths), row[4]]).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths) + "  ------")
    return "\n".join(lines)


# --------------------------------------------------------------------------- main
def main(argv: list[str] | None = None) -> int:
    from grader_tests import skip_unused_imports

    skip_unused_imports()
    parser = argparse.ArgumentParser(
        prog="python -m grader_tests.batch",
        description="Autograde every submission of an assignment with N parallel workers; "
        "one process writes the gradebook.",
    )
    add = parser.add_argument
    add("assignment", help="the assignment id, e.g. c1w2_logistic_regression")
    add("--student", action="append", default=[], help="grade only these")
    add("-j", "--jobs", type=int, default=os.cpu_count() or 1, help="parallel workers")
    add("--force", action="store_true", help="regrade every submission")
    add("--retry", action="store_true", help="also regrade those that crashed or timed out")
    add("--timeout", type=float, default=3600, help="seconds one submission may take")
    add("--course-dir", default=".", help="the course folder (default: here)")
    add("--json", action="store_true", help="print the outcomes as JSON")
    args = parser.parse_args(argv)
    try:
        return run(args)
    except UsageError as exc:
        print(f"grader_tests.batch: {exc}", file=sys.stderr)
        return 2


def run(args) -> int:
    root = Path(args.course_dir)
    if not (root / "source" / args.assignment).is_dir():
        raise UsageError(f"no assignment '{args.assignment}' under {root.resolve() / 'source'}")
    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    course = Course(root, args.assignment)
    everyone = course.students()
    students = args.student or everyone
    unknown = sorted(set(students) - set(everyone))
    if unknown:
        raise UsageError(
            f"no submission of {args.assignment} for: {', '.join(unknown)} "
            f"(expected {course.coursedir.submitted_directory}/STUDENT/{args.assignment}/)"
        )
    if not students:
        raise UsageError(f"no submissions of {args.assignment} under {root.resolve()}/submitted")
    warn_once()

    todo, outcomes = [], {}
    grader = cache.grader_digest(course.root, args.assignment)
    for student in students:
        digest = submission_digest(course, student, grader)
        if needs_grading(course, student, digest, args.force, args.retry):
            todo.append(Outcome(student, digest=digest))
        else:
            outcomes[student] = Outcome(**{**load_state(course, student), "student": student})
    skipped = len(students) - len(todo)
    line = f"{args.assignment}: {len(todo)} to grade with {args.jobs} workers"
    if skipped:
        line += f", {skipped} unchanged since their last grading (--force regrades them, "
        line += "--retry those that crashed or timed out)"
    print(line, file=sys.stderr)
    tool_failed = False
    if todo:
        course.state.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix="batch-", dir=course.state) as tmp:
            batch = Batch(course, args.jobs, args.timeout, Path(tmp))
            progress = Progress(len(todo))
            with ThreadPoolExecutor(max_workers=args.jobs) as pool, contextlib.closing(batch):
                owner = {pool.submit(batch.work_phase, outcome): outcome for outcome in todo}
                for future in as_completed(owner):  # the single writer: this thread only
                    outcome = owner[future]
                    try:
                        outcome = future.result()
                        if outcome.status == "worked":
                            outcome = batch.write_phase(outcome)
                    except Exception as exc:  # a bug of the tool, not the student's
                        outcome.status, outcome.detail = "error", f"{type(exc).__name__}: {exc}"
                    tool_failed |= outcome.status == "error"
                    save_state(course, outcome)
                    outcomes[outcome.student] = outcome
                    progress.update(outcome)
    ordered = [outcomes[s] for s in students]
    if args.json:
        json.dump([asdict(o) for o in ordered], sys.stdout, indent=1)
        sys.stdout.write("\n")
    else:
        print(table(ordered))
    return 1 if tool_failed else 0


if __name__ == "__main__":
    sys.exit(main())
