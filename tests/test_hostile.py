"""Hostile submissions (tests/hostile.py) through real ``nbgrader autograde`` runs of c1w2.

One module fixture builds two temporary courses side by side, writes every hostile submission
as its own student plus one honest student (half of them in each course), starts a TCP
listener on 127.0.0.1, snapshots the courses, the repository's course folders and a file
outside them, and autogrades each course's students with one ``nbgrader autograde``, the two
running at the same time (then generates the feedback). Two halves, not one run: the module
is the longest part of the suite, and one autograde grades one student after another. The
tests then hold the grader to: 0 points for every hostile student and full marks for the
honest one, gradebooks with exactly the expected rows, no file changed or planted anywhere,
no connection, no hidden material in the feedback, a readable feedback whatever was printed,
and no process left behind.

Hostile code runs only inside bubblewrap: without it the module is skipped (the attacks would
run unconfined on this machine). The fallback mode is covered separately, with the
instructor's solutions only.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from grader_tests.sandbox import isolation
from hostile import (
    ASSIGNMENT,
    CATALOGUE,
    EVIDENCE,
    MARKER,
    SENTINEL,
    SENTINEL_NAME,
    honest,
)
from support import ROOT, copy_course, load, solution_answers, tool_env, write

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("hostile")]

ATTACKS = sorted(CATALOGUE)

HONEST = "honest"
MAX_SCORE = 27.0
# Short limits keep the module fast. The honest student's points come only from the hidden
# checks (about 5 s in all here), so cutting its slow demo cells in the executor costs nothing.
SETTINGS = """
# tests/test_hostile.py: short limits
c.SandboxedExecute.timeout = 10
c.SandboxedExecute.notebook_timeout = 15
c.HiddenChecks.call_timeout = 5
c.HiddenChecks.notebook_timeout = 10  # a hanging cell stops here (the honest program: ~2 s)
c.HiddenChecks.timeout = 60  # honest work grades in ~8 s alone, over 20 s on a loaded CI
"""
# Course folders of the repository itself: an attacker who escapes may find them.
ROOT_FOLDERS = ["source", "grader_tests", "notebooks", "release", "helpers", "autograded"]
FEEDBACK_LIMIT = 2 * 1024 * 1024


# the students' rough grading times alone (s), to split them into halves of about equal time
SECONDS = {"infinite_loop": 37, HONEST: 20, "fork_bomb": 14, "patch_numpy": 14}
PARTS = 2


def halves(students: list[str]) -> list[list[str]]:
    """The students split into PARTS groups of about equal grading time, longest first."""
    parts: list[list[str]] = [[] for _ in range(PARTS)]
    load_of = [0.0] * PARTS
    for student in sorted(students, key=lambda s: (-SECONDS.get(s, 10), s)):
        lightest = load_of.index(min(load_of))
        parts[lightest].append(student)
        load_of[lightest] += SECONDS.get(student, 10)
    return parts


def attacks() -> list[str]:
    """The catalogue's names, as parameters."""
    return list(ATTACKS)


class Listener:
    """A TCP server on 127.0.0.1 that records every connection it gets."""

    def __init__(self):
        self.server = socket.create_server(("127.0.0.1", 0))
        self.server.settimeout(0.2)
        self.port = self.server.getsockname()[1]
        self.connections: list[tuple[object, bytes]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self):
        while not self._stop.is_set():
            try:
                conn, peer = self.server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with conn:
                conn.settimeout(1)
                try:
                    data = conn.recv(200)
                except OSError:
                    data = b""
            self.connections.append((peer, data))

    def close(self):
        self._stop.set()
        self._thread.join(5)
        self.server.close()


def snapshot(folder: Path, skip: tuple[str, ...] = ()) -> dict[str, str]:
    """sha256 of every file under ``folder`` (not in __pycache__ or the ``skip`` parts)."""
    files = {}
    if not folder.exists():
        return files
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if relative.parts[0] in skip or "__pycache__" in relative.parts:
            continue
        if path.is_file() and not path.is_symlink():
            try:
                files[str(relative)] = hashlib.sha256(path.read_bytes()).hexdigest()
            except OSError:
                continue
    return files


def root_snapshot() -> dict[str, str]:
    files = {}
    for name in ROOT_FOLDERS:
        files.update({f"{name}/{k}": v for k, v in snapshot(ROOT / name).items()})
    for path in ROOT.iterdir():
        if path.is_file():
            files[path.name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return files


def python_places() -> list[Path]:
    """Where this Python and the course's helpers live (a file planted there would run)."""
    import site

    import helpers
    import helpers.checks

    places = {Path(p) for p in site.getsitepackages()}
    places |= {Path(sys.prefix), Path(sys.executable).parent, Path(os.__file__).parent}
    places |= {Path(m.__file__).parent for m in (helpers, helpers.checks)}
    return sorted(p for p in places if p.is_dir())


def marked_processes() -> dict[int, str]:
    """Processes with the attacks' marker in their command line."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if MARKER.encode() in cmdline:
            found[int(entry.name)] = cmdline.replace(b"\0", b" ").decode(errors="replace")[:200]
    return found


def notebook_text(path: Path) -> str:
    """Every source and output text of a notebook, as one string."""
    notebook = load(path)
    parts = []
    for cell in notebook["cells"]:
        parts.append(_text(cell.get("source", "")))
        for output in cell.get("outputs", []):
            parts.append(_text(output.get("text", "")))
            parts.append(output.get("ename", "") + ": " + output.get("evalue", ""))
            parts.extend(_text(v) for v in output.get("traceback", []))
            parts.extend(_text(v) for v in output.get("data", {}).values())
    return "\n".join(parts)


def _text(value) -> str:
    if isinstance(value, list):
        return "".join(str(v) for v in value)
    return value if isinstance(value, str) else json.dumps(value)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@dataclass
class Outcome:
    courses: dict[str, Path]  # student -> the course folder that graded them
    students: list[str]
    seconds: float
    autograde: list[subprocess.CompletedProcess]
    feedback: list[subprocess.CompletedProcess]
    scores: dict[str, tuple[float, float] | None] = field(default_factory=dict)
    cells: dict[str, dict[str, tuple]] = field(default_factory=dict)
    gradebook_students: list[str] = field(default_factory=list)
    grade_rows: int = 0
    submission_rows: int = 0
    course_before: dict = field(default_factory=dict)
    course_after: dict = field(default_factory=dict)
    root_before: dict = field(default_factory=dict)
    root_after: dict = field(default_factory=dict)
    outside: tuple[bytes, bytes, float, float] = (b"", b"", 0.0, 0.0)
    planted: list[str] = field(default_factory=list)
    connections: list = field(default_factory=list)
    leftovers: dict[int, str] = field(default_factory=dict)

    @property
    def course_folders(self) -> list[Path]:
        return sorted(set(self.courses.values()))

    def autograded(self, student: str) -> Path:
        course = self.courses[student]
        return course / "autograded" / student / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"

    def feedback_of(self, student: str) -> Path:
        return self.courses[student] / "feedback" / student / ASSIGNMENT / f"{ASSIGNMENT}.html"

    def log(self, tail: int = 6000) -> str:
        text = "".join(done.stdout + done.stderr for done in self.autograde)
        return text if tail < 0 else text[-tail:]


def _run_side_by_side(commands: list[tuple[list[str], Path]], timeout: float) -> list:
    """Run the commands at the same time (each in its folder): their CompletedProcesses."""
    started = [
        (
            command,
            subprocess.Popen(
                command,
                cwd=cwd,
                env=tool_env(),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            ),
        )
        for command, cwd in commands
    ]
    finished = []
    for command, proc in started:  # communicate() reads both pipes: neither process blocks
        stdout, stderr = proc.communicate(timeout=timeout)
        finished.append(subprocess.CompletedProcess(command, proc.returncode, stdout, stderr))
    return finished


@pytest.fixture(scope="module")
def outcome(course, tmp_path_factory) -> Outcome:
    on, why = isolation()
    if not on:
        pytest.skip(f"no bubblewrap sandbox here, hostile code would run unconfined: {why}")
    built = course(ASSIGNMENT)  # the run's one generated c1w2 course (no notebook executed)
    base = tmp_path_factory.mktemp("hostile")
    outside = base / "outside-sentinel.txt"
    outside.write_text("a file next to the courses that no submission may change\n")

    listener = Listener()
    release = load(built / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb")
    submissions = {name: CATALOGUE[name].notebook(release, port=listener.port) for name in ATTACKS}
    submissions[HONEST] = honest(release, solution_answers(ASSIGNMENT))
    courses = {}
    for number, students in enumerate(halves(list(submissions))):
        folder = base / f"course-{number}"
        folder.mkdir()
        copy_course(built, folder)
        with open(folder / "nbgrader_config.py", "a") as config:
            config.write(SETTINGS)
        for student in students:
            courses[student] = folder
            path = folder / "submitted" / student / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
            write(submissions[student], path)

    skip = ("autograded", "feedback", "gradebook.db")
    result = Outcome(courses, list(submissions), 0.0, [], [])

    def snapshot_courses() -> dict[str, str]:
        return {
            f"{folder.name}/{name}": digest
            for folder in result.course_folders
            for name, digest in snapshot(folder, skip).items()
        }

    result.course_before = snapshot_courses()
    result.root_before = root_snapshot()
    outside_before = (outside.read_bytes(), outside.stat().st_mtime)
    began = time.monotonic()
    nbgrader = [sys.executable, "-m", "nbgrader"]
    try:
        result.autograde = _run_side_by_side(
            [([*nbgrader, "autograde", ASSIGNMENT, "--force"], c) for c in result.course_folders],
            1500,
        )
        result.feedback = _run_side_by_side(
            [
                ([*nbgrader, "generate_feedback", ASSIGNMENT, "--force"], c)
                for c in result.course_folders
            ],
            600,
        )
    finally:
        result.seconds = time.monotonic() - began
        deadline = time.monotonic() + 5
        while marked_processes() and time.monotonic() < deadline:
            time.sleep(0.2)  # a sandbox that is being torn down
        result.leftovers = marked_processes()
        for pid in result.leftovers:  # the test started them (through the grader): end them
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        listener.close()
    result.connections = list(listener.connections)
    result.course_after = snapshot_courses()
    result.root_after = root_snapshot()
    result.outside = (
        outside_before[0],
        outside.read_bytes() if outside.exists() else b"",
        outside_before[1],
        outside.stat().st_mtime if outside.exists() else 0.0,
    )
    result.planted = [
        str(path) for place in python_places() for path in place.glob(f"{SENTINEL_NAME}*")
    ]
    for folder in result.course_folders:
        _read_gradebook(result, folder)
    return result


def _read_gradebook(result: Outcome, course: Path) -> None:
    from nbgrader.api import Gradebook, MissingEntry

    students = [s for s in result.students if result.courses[s] == course]
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        result.gradebook_students = sorted(
            result.gradebook_students + [s.id for s in gradebook.students]
        )
        for student in students:
            try:
                submission = gradebook.find_submission(ASSIGNMENT, student)
            except MissingEntry:
                result.scores[student] = None
                continue
            result.scores[student] = (submission.score, submission.max_score)
            result.cells[student] = {
                g.name: (g.score, g.max_score, g.auto_score)
                for notebook in submission.notebooks
                for g in notebook.grades
            }
    with sqlite3.connect(course / "gradebook.db") as db:
        result.grade_rows += db.execute("SELECT COUNT(*) FROM grade").fetchone()[0]
        result.submission_rows += db.execute(
            "SELECT COUNT(*) FROM submitted_assignment"
        ).fetchone()[0]


def _graded_cells() -> int:
    release = load(ROOT / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb")
    return sum(
        1 for c in release["cells"] if c.get("metadata", {}).get("nbgrader", {}).get("grade")
    )


# ------------------------------------------------------------------------------ scores
@pytest.mark.parametrize("attack", attacks())
def test_a_hostile_submission_scores_zero(outcome, attack):
    score = outcome.scores[attack]
    assert score is not None, f"{attack} has no submission in the gradebook\n{outcome.log()}"
    earned = {k: v for k, v in outcome.cells[attack].items() if v[0]}
    assert score[0] == 0 and not earned, f"{attack} earned points: {earned}"
    assert score[1] == MAX_SCORE


def test_the_honest_submission_gets_full_marks(outcome):
    assert outcome.scores[HONEST] == (MAX_SCORE, MAX_SCORE), outcome.log()


def test_the_gradebook_holds_exactly_the_expected_rows(outcome):
    assert outcome.gradebook_students == sorted(outcome.students)
    assert outcome.submission_rows == len(outcome.students)
    assert outcome.grade_rows == len(outcome.students) * _graded_cells()
    for student, cells in outcome.cells.items():
        assert len(cells) == _graded_cells(), student
        over = {k: v for k, v in cells.items() if v[0] is not None and v[0] > v[1]}
        assert not over, f"{student}: grades above their maximum {over}"


def test_the_whole_autograde_ran(outcome):
    missing = [s for s in outcome.students if outcome.scores.get(s) is None]
    assert not missing, f"no submission row for {missing}\n{outcome.log()}"
    # nbgrader itself refuses a notebook whose grade ids were changed (its metadata check),
    # so that one has no autograded notebook; every other one went through the whole pipeline.
    unprocessed = sorted(s for s in outcome.students if not outcome.autograded(s).is_file())
    assert unprocessed == ["grade_id_changed"], outcome.log()
    failed = re.findall(r"error processing assignment '\S+' for student '(\S+)'", outcome.log(-1))
    assert sorted(set(failed)) == unprocessed, outcome.log()
    no_feedback = sorted(s for s in outcome.students if not outcome.feedback_of(s).is_file())
    assert no_feedback == unprocessed


# ---------------------------------------------------------------------- containment
def test_no_file_of_the_course_changed_and_none_appeared(outcome):
    before, after = outcome.course_before, outcome.course_after
    changed = sorted(k for k in before if after.get(k) != before[k])
    new = sorted(set(after) - set(before))
    assert not changed and not new, f"changed: {changed}, new: {new}"


def test_the_file_outside_the_course_is_untouched(outcome):
    before, after, mtime_before, mtime_after = outcome.outside
    assert after == before and mtime_after == mtime_before


def test_nothing_was_planted_in_the_repository_or_beside_python(outcome):
    before, after = outcome.root_before, outcome.root_after
    suspicious = []
    for name in sorted(set(after)):
        if after[name] == before.get(name):
            continue  # unchanged (others may edit the repository meanwhile: only look at changes)
        path = ROOT / name
        if SENTINEL_NAME in path.name:
            suspicious.append(name)
        elif path.is_file() and SENTINEL.encode() in path.read_bytes():
            suspicious.append(name)
    gradebook = ROOT / "gradebook.db"
    if gradebook.is_file() and after.get("gradebook.db") != before.get("gradebook.db"):
        assert gradebook.read_bytes()[:16] == b"SQLite format 3\x00"
        with sqlite3.connect(gradebook) as db:
            intruders = db.execute("SELECT id FROM student WHERE id = 'hostile_intruder'")
            suspicious.extend(row[0] for row in intruders)
    assert not suspicious and not outcome.planted, (suspicious, outcome.planted)


def test_no_connection_reached_the_listener(outcome):
    assert outcome.connections == []


def test_no_process_outlived_the_autograde(outcome):
    assert outcome.leftovers == {}


@pytest.mark.parametrize("attack", attacks())
def test_no_attack_got_anything(outcome, attack):
    """Attacks print EVIDENCE (or raise it) when they reach what the sandbox should hide."""
    for path in (outcome.autograded(attack), outcome.feedback_of(attack)):
        if path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            assert EVIDENCE not in text, _around(text, EVIDENCE)


def _around(text: str, word: str, width: int = 600) -> str:
    at = text.find(word)
    return text[max(0, at - 100) : at + width]


# ------------------------------------------------------------------ hidden material
def hidden_lines() -> list[str]:
    """Text of the hidden checks, reference.py and the instructor's solution cells that no
    student may see (lines that are also in the release notebook, the public checks or the
    attack's own notebook are left out: those are public anyway)."""
    release = load(ROOT / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb")
    attack = CATALOGUE["read_hidden_tests"].notebook(release)
    public = squeeze(
        "\n".join(_text(c.get("source", "")) for nb in (release, attack) for c in nb["cells"])
        + "".join(p.read_text() for p in (ROOT / "helpers" / "checks").glob("*.py"))
    )
    lines = ["@pytest.mark.grades", "def test_", "from grader_tests", "import pytest"]
    reference = ROOT / "grader_tests" / ASSIGNMENT / "reference.py"
    for line in reference.read_text().splitlines():
        text = line.strip().strip('"').strip()
        if len(text) >= 20 and not text.startswith("#"):
            lines.append(text)
    for source in solution_answers(ASSIGNMENT).values():
        inside = re.findall(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION", source, re.S)
        for block in inside:
            lines.extend(s.strip() for s in block.splitlines() if len(s.strip()) >= 15)
    return sorted({squeeze(line) for line in lines if squeeze(line) not in public})


def html_text(path: Path) -> str:
    """An HTML page's text: tags dropped (code is highlighted token by token), entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8")))


def test_hidden_checks_and_solutions_do_not_reach_the_feedback(outcome):
    lines = hidden_lines()
    assert len(lines) > 20
    student = "read_hidden_tests"
    texts = {
        "autograded notebook": notebook_text(outcome.autograded(student)),
        "feedback": html_text(outcome.feedback_of(student)),
    }
    leaks = {
        where: [line for line in lines if line in squeeze(text)] for where, text in texts.items()
    }
    assert not any(leaks.values()), leaks


# -------------------------------------------------------------------------- output
def test_megabytes_of_fake_output_leave_a_readable_feedback(outcome):
    feedback = outcome.feedback_of("fake_output")
    assert feedback.stat().st_size < FEEDBACK_LIMIT, f"{feedback.stat().st_size} bytes"
    assert outcome.autograded("fake_output").stat().st_size < FEEDBACK_LIMIT


def test_fake_scores_in_the_output_change_no_score(outcome):
    assert outcome.scores["fake_output"] == (0.0, MAX_SCORE)
    text = notebook_text(outcome.autograded("fake_output"))
    # the grader's own verdicts are there, whatever was printed
    assert re.search(r"Grader: \d+ of \d+ checks passed — 0 of \d+ points", text)


# ------------------------------------------------------------------------ fallback
@pytest.fixture(scope="module")
def fallback() -> subprocess.CompletedProcess:
    """``python -m grader_tests`` on the instructor's solutions with GRADER_SANDBOX=off."""
    env = tool_env()
    env["GRADER_SANDBOX"] = "off"
    notebook = ROOT / "notebooks" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    return subprocess.run(
        [sys.executable, "-m", "grader_tests", str(notebook), "--json"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        stdin=subprocess.DEVNULL,
    )


def test_without_bubblewrap_the_solutions_still_get_full_marks(fallback):
    assert fallback.returncode == 0, fallback.stderr[-3000:]
    result = json.loads(fallback.stdout)
    assert result["score"] == result["max_score"] == MAX_SCORE


def test_without_bubblewrap_the_grader_warns_once(fallback):
    warnings = [line for line in fallback.stderr.splitlines() if "isolation" in line]
    assert len(warnings) == 1, fallback.stderr[-3000:]
    assert "bubblewrap" in warnings[0]
