"""The hidden-check step of ``nbgrader autograde`` (listed in nbgrader_config.py).

After nbgrader has executed the submission, this step grades it again with
``python -m grader_tests --json`` in a separate process and writes each test cell's verdict
into that cell's outputs, which is what nbgrader's SaveAutoGrades reads:

- some points: a stdout summary, then an ``execute_result`` holding the points (partial credit);
- no points: a stdout summary, then an ``error`` output.

Whatever the student's kernel printed in a test cell (a warning on stderr from correct code,
or a fake "all passed") is replaced, so only the checker's verdict counts.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat
from nbformat.notebooknode import NotebookNode
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import NbGraderPreprocessor
from nbgrader.utils import is_grade, is_solution
from traitlets import Float, Unicode

from . import cache
from .runner import failure_lines

SUMMARY_LIMIT = 6000


class HiddenChecks(NbGraderPreprocessor):
    """Grade test cells with the hidden checks, in a process of their own."""

    timeout = Float(1800, help="Seconds the whole hidden-check run may take.").tag(config=True)
    call_timeout = Float(60, help="Seconds per call of the student's code.").tag(config=True)
    notebook_timeout = Float(600, help="Seconds the notebook may run.").tag(config=True)
    cache_directory = Unicode("", help=cache.DIRECTORY_HELP).tag(config=True)

    def preprocess(self, nb: NotebookNode, resources: dict):
        assignment = resources["nbgrader"]["assignment"]
        student = resources["nbgrader"].get("student", "?")
        root = CourseDirectory(config=self.config).root

        def key_parts() -> list:
            cells = [(c.cell_type, c.source, c.metadata.get("nbgrader", {})) for c in nb.cells]
            grader = cache.grader_digest(root, assignment)
            timeouts = [self.call_timeout, self.notebook_timeout, self.timeout]
            return ["hidden-checks", assignment, cells, grader, timeouts]

        def compute() -> dict:
            try:
                return {"result": self._run(nb, assignment, root), "error": None}
            except _StepFailed as exc:
                return {"result": None, "error": str(exc)}

        stored = cache.reuse_or_compute(self, key_parts, compute)
        result, error = stored["result"], stored["error"]
        if error:
            self.log.error("Hidden checks failed to run for %s/%s: %s", student, assignment, error)
        cells = {c["grade_id"]: c for c in result["cells"]} if result else {}
        for cell in nb.cells:
            if cell.cell_type != "code" or not is_grade(cell) or is_solution(cell):
                continue
            grade_id = cell.metadata["nbgrader"]["grade_id"]
            if grade_id in cells:
                cell.outputs = verdict_outputs(cells[grade_id])
            else:
                why = error or "no hidden-check result for this cell"
                cell.outputs = [_error("HiddenChecksUnavailable", why)]
        return nb, resources

    def _run(self, nb: NotebookNode, assignment: str, root: str) -> dict:
        with tempfile.TemporaryDirectory(prefix="hidden-checks-") as tmp:
            path = Path(tmp) / f"{assignment}.ipynb"
            nbformat.write(nb, str(path))
            command = [sys.executable, "-m", "grader_tests", str(path), "--json"]
            command += ["--assignment", assignment, "--course-dir", str(root)]
            command += ["--call-timeout", str(self.call_timeout)]
            command += ["--notebook-timeout", str(self.notebook_timeout)]
            run = {"capture_output": True, "text": True, "stdin": subprocess.DEVNULL}
            try:
                done = subprocess.run(command, cwd=root, timeout=self.timeout, **run)
            except subprocess.TimeoutExpired:
                raise _StepFailed(f"grading took more than {self.timeout:.0f} s") from None
        if done.returncode not in (0, 1):
            raise _StepFailed(done.stderr.strip()[-2000:] or f"exit status {done.returncode}")
        try:
            return json.loads(done.stdout)
        except json.JSONDecodeError:
            raise _StepFailed("the grader printed something that is not JSON") from None


class _StepFailed(Exception):
    pass


def verdict_outputs(cell: dict) -> list[NotebookNode]:
    """The outputs nbgrader reads the cell's points from, with a readable summary first."""
    checks = cell["checks"]
    passed = sum(c["passed"] for c in checks)
    score = f"{cell['points']:g} of {cell['max_points']:g} points"
    lines = [f"Grader: {passed} of {len(checks)} checks passed — {score}.", *failure_lines(checks)]
    text = "\n".join(lines)
    if len(text) > SUMMARY_LIMIT:
        text = text[:SUMMARY_LIMIT] + "\n… (cut)"
    outputs = [nbformat.v4.new_output("stream", name="stdout", text=text + "\n")]
    if cell["points"] > 0:
        points = {"text/plain": repr(float(cell["points"]))}
        outputs.append(nbformat.v4.new_output("execute_result", data=points, execution_count=None))
    else:
        outputs.append(_error("ChecksFailed", f"0 of {cell['max_points']:g} points"))
    return outputs


def _error(name: str, value: str) -> NotebookNode:
    return nbformat.v4.new_output("error", ename=name, evalue=value, traceback=[f"{name}: {value}"])
