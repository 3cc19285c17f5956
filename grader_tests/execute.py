"""``SandboxedExecute``: nbgrader's Execute step, with the kernel inside the sandbox.

nbgrader's own ``Execute`` runs the student's kernel as the instructor, with the course folder
and the gradebook in reach; this step runs nbclient and its kernel inside
:class:`~grader_tests.sandbox.Sandbox`, in a scratch copy of the submission's folder. The
outputs are only for the feedback (``HiddenChecks`` grades the test cells), and untrusted:
size-capped, a valid notebook with the same cells, only code cells' outputs and counts taken.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbformat.notebooknode import NotebookNode
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import NbGraderPreprocessor
from nbgrader.utils import is_grade
from traitlets import Float, Integer, Unicode

from . import cache
from .sandbox import Sandbox, SandboxLimits, kill_group, warn_once

# Runs inside the sandbox, as `python -I -c RUNNER in.ipynb out.ipynb cell_timeout`.
RUNNER = r"""
import json, os, sys, uuid
# jsonschema checks IRIs with rfc3987_syntax when it is installed, which takes a second to
# import; nothing here validates an IRI (and the trusted side validates what it reads back)
sys.modules["rfc3987_syntax"] = None
import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import DeadKernelError

source, target, cell_timeout = sys.argv[1], sys.argv[2], float(sys.argv[3])
nb = nbformat.read(source, as_version=4)
current = [None]

def save(**_):  # after every cell, so that a kill keeps what ran; unvalidated (see above)
    part = target + ".part"
    with open(part, "w", encoding="utf-8") as handle:
        json.dump(nb, handle, ensure_ascii=False)
    os.replace(part, target)

def started(cell_index=None, **_):
    current[0] = cell_index

client = NotebookClient(
    nb, kernel_name="python3", timeout=cell_timeout, interrupt_on_timeout=True, allow_errors=True,
    skip_cells_with_tag=uuid.uuid4().hex,  # no cell tag changes what runs
    record_timing=False, resources={"metadata": {"path": os.getcwd()}},
    extra_arguments=["--HistoryManager.hist_file=:memory:"],
    on_cell_start=started, on_cell_executed=save)
try:
    client.execute()
except DeadKernelError:
    if current[0] is not None:
        nb.cells[current[0]].outputs.append(nbformat.v4.new_output(
            "error", ename="DeadKernelError",
            evalue="the kernel died while running this cell (it ended its own process, "
                   "or ran out of memory); the cells below were not run",
            traceback=[]))
except Exception as exc:
    print(f"notebook execution stopped: {type(exc).__name__}: {exc}", file=sys.stderr)
save()
"""


class SandboxedExecute(NbGraderPreprocessor):
    """Execute the notebook for its outputs, with the kernel in the sandbox."""

    timeout = Float(180, help="Seconds one cell may run before it is interrupted.").tag(config=True)
    notebook_timeout = Float(1800, help="Seconds the whole notebook may run.").tag(config=True)
    memory_mb = Integer(4096, help="Address-space limit of each process, in MiB.").tag(config=True)
    processes = Integer(128, help="Processes and threads the notebook may have.").tag(config=True)
    max_output_mb = Integer(64, help="Largest executed notebook taken back (MiB).").tag(config=True)
    max_output_kb = Integer(100, help="Longest output text kept (KiB).").tag(config=True)
    copy_limit_mb = Integer(200, help="Largest submission folder copied in (MiB).").tag(config=True)
    cache_directory = Unicode("", help=cache.DIRECTORY_HELP).tag(config=True)

    def preprocess(self, nb: NotebookNode, resources: dict):
        warn_once(self.log.warning)
        folder = Path(resources.get("metadata", {}).get("path") or ".")

        def key_parts():
            root = CourseDirectory(config=self.config).root
            assignment = resources.get("nbgrader", {}).get("assignment", "")
            return [
                "execute",
                [(c.cell_type, c.source) for c in nb.cells],
                cache.folder_digest(folder, exclude_suffix=".ipynb"),
                cache.grader_digest(root, assignment),
                [self.timeout, self.notebook_timeout, self.memory_mb, self.processes],
                [self.max_output_mb, self.max_output_kb, self.copy_limit_mb],
            ]

        stored = cache.reuse_or_compute(self, key_parts, lambda: self._execute(nb, folder))
        apply_outputs(nb, stored)
        return nb, resources

    def _execute(self, nb: NotebookNode, folder: Path) -> dict:
        root = Path(CourseDirectory(config=self.config).root).resolve()
        began = time.monotonic()
        with tempfile.TemporaryDirectory(prefix="grader-execute-") as tmp:
            home = Path(tmp) / "home"
            _copy_folder(folder, home, self.copy_limit_mb * 1024 * 1024)
            runner = home / ".grader"
            runner.mkdir(exist_ok=True)
            nbformat.write(nb, str(runner / "in.ipynb"))
            limits = SandboxLimits(memory_mb=self.memory_mb, processes=self.processes)
            sandbox = Sandbox(home, hidden=[root, folder.resolve()], limits=limits)
            inside = f"{sandbox.home}/.grader"
            argv = [sys.executable, "-I", "-c", RUNNER]
            argv += [f"{inside}/in.ipynb", f"{inside}/out.ipynb", str(self.timeout)]
            with open(Path(tmp) / "runner.log", "wb") as log:
                proc = sandbox.popen(argv, stdin=subprocess.DEVNULL, stdout=log, stderr=log)
            timed_out = False
            try:
                proc.wait(timeout=self.notebook_timeout)
            except subprocess.TimeoutExpired:  # end the whole sandbox
                kill_group(proc.pid)
                proc.wait()
                timed_out = True
            seconds = time.monotonic() - began
            result = _read_outputs(runner / "out.ipynb", nb, self.max_output_mb)
            for cell in result["cells"].values():
                cell["outputs"] = tidy_outputs(cell["outputs"], self.max_output_kb * 1024)
            tail = (Path(tmp) / "runner.log").read_bytes()[-2000:].decode("utf-8", "replace")
        if result["problem"]:
            self.log.warning("Notebook outputs not used: %s", result["problem"])
        if timed_out:
            result["note"] = (
                f"The notebook did not finish within {self.notebook_timeout:.0f} s; "
                "the cells below were not run."
            )
        elif proc.returncode != 0 and not result["cells"]:
            result["note"] = f"The notebook could not be run: {tail.strip()[-500:]}"
        result["seconds"] = round(seconds, 2)
        return result


def _copy_folder(folder: Path, home: Path, limit: int) -> None:
    """Copy the submission's files (not its notebooks) into the sandbox's home."""
    home.mkdir(parents=True)
    total = 0
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() or not path.is_file() or path.suffix == ".ipynb":
            continue
        total += path.stat().st_size
        if total > limit:
            break
        target = home / path.relative_to(folder)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)


def _read_outputs(path: Path, given: NotebookNode, max_mb: int) -> dict:
    """{"cells": {index: {"outputs", "execution_count"}}, "problem": text or ""}."""
    if not path.is_file():
        return {"cells": {}, "problem": "the sandbox wrote no notebook"}
    if path.stat().st_size > max_mb * 1024 * 1024:
        return {"cells": {}, "problem": f"the executed notebook is larger than {max_mb} MiB"}
    try:
        executed = nbformat.reads(path.read_text(encoding="utf-8"), as_version=4)
        nbformat.validate(executed)
    except Exception as exc:  # anything the sandbox wrote may be hostile or broken
        return {
            "cells": {},
            "problem": f"the executed notebook is not valid ({type(exc).__name__})",
        }
    cells = executed.get("cells", [])
    if len(cells) != len(given.cells):
        return {"cells": {}, "problem": "the executed notebook has different cells"}
    result = {"cells": {}, "problem": ""}
    for index, (mine, theirs) in enumerate(zip(given.cells, cells, strict=True)):
        same = theirs.get("source") == mine.source
        if mine.cell_type == "code" and theirs.get("cell_type") == "code" and same:
            result["cells"][str(index)] = {
                "outputs": theirs.get("outputs", []),
                "execution_count": theirs.get("execution_count"),
            }
    return result


def tidy_outputs(outputs: list[dict], limit: int) -> list[dict]:
    """Join runs of the same stream, cut long texts, and keep about 10 x ``limit`` per cell."""
    merged: list[dict] = []  # a stream's text as a list of parts here, joined by cut_output
    for output in outputs:
        if output.get("output_type") == "stream":
            text = output.get("text")
            parts = [str(t) for t in text] if isinstance(text, list) else [str(text)]
            last = merged[-1] if merged else {}
            if last.get("output_type") == "stream" and last.get("name") == output.get("name"):
                last["text"].extend(parts)
                continue
            output = {**output, "text": parts}
        merged.append(output)
    tidied, total = [], 0
    for output in merged:
        output = cut_output(output, limit)
        total += len(json.dumps(output))
        if total > 10 * limit and tidied:
            tidied.append(
                {"output_type": "stream", "name": "stdout", "text": "… (more output cut)\n"}
            )
            break
        tidied.append(output)
    return tidied


def cut_output(output: dict, limit: int) -> dict:
    """One output with any text or data longer than ``limit`` characters cut."""

    def cut(value):
        if isinstance(value, list):
            value = "".join(str(v) for v in value)
        if isinstance(value, str) and len(value) > limit:
            return value[:limit] + f"\n… (output cut: {len(value) - limit} more characters)"
        return value

    output = dict(output)
    for key in ("text", "evalue"):
        if key in output:
            output[key] = cut(output[key])
    if isinstance(output.get("data"), dict):
        data = {}
        for mime, value in output["data"].items():
            if mime.startswith("text/"):
                data[mime] = cut(value)
            elif len(json.dumps(value)) <= 20 * limit:  # a picture: whole, or not at all
                data[mime] = value
            else:
                data.setdefault("text/plain", f"({mime} output left out: too large)")
        output["data"] = data
    if "traceback" in output and isinstance(output["traceback"], list):
        output["traceback"] = [cut(line) for line in output["traceback"][:200]]
    return output


def apply_outputs(nb: NotebookNode, result: dict) -> None:
    """Put stored outputs on the notebook's code cells (and a note where execution stopped)."""
    cells = result.get("cells", {})
    first_unrun = None
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        got = cells.get(str(index)) or {}
        cell.outputs = [nbformat.from_dict(o) for o in got.get("outputs", [])]
        cell.execution_count = got.get("execution_count")
        unrun = cell.execution_count is None and not cell.outputs
        if first_unrun is None and unrun and not is_grade(cell):
            first_unrun = index  # not a test cell: HiddenChecks replaces their outputs
    note = result.get("note")
    if note and first_unrun is not None:
        nb.cells[first_unrun].outputs.append(
            nbformat.v4.new_output("error", ename="NotebookStopped", evalue=note, traceback=[])
        )
