"""The checker's side of the worker: start it, run the program, call the student's code.

A :class:`Worker` runs the student's notebook program in a separate ``python -I`` process with
a memory cap and time limits, then answers calls by forking one child per call, so a call
that hangs, exits or corrupts state affects only itself. Everything that comes back is
plain data (see codec.py). When the worker dies or a cell hangs while running the program,
it is started again without the offending cell, so one bad cell costs only its own checks.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import codec
from .sandbox import Sandbox, SandboxLimits, kill_group

HERE = Path(__file__).resolve().parent
WORKER_SOURCE = (HERE / "codec.py").read_text() + "\n\n" + (HERE / "worker.py").read_text()
MAX_RESTARTS = 6


class StudentCodeError(Exception):
    """The student's code raised, hung, exited or returned something the grader cannot use.
    When it raised: ``kind`` is the exception's type name, ``detail`` its message and
    ``code`` the line of the student's cell that raised it (for the hints of
    ``helpers.checks.learner_error``)."""

    def __init__(self, text: str, kind: str = "", detail: str = "", code: str = ""):
        super().__init__(text)
        self.kind, self.detail, self.code = kind, detail, code


class WorkerGone(Exception):
    """The worker process ended or stopped answering."""


@dataclass
class CallLimits:
    """Resource limits for the student's code (seconds and mebibytes)."""

    call_seconds: float = 60.0
    cell_seconds: float = 120.0
    program_seconds: float = 600.0
    memory_mb: int = 4096


@dataclass
class Cell:
    label: str  # the grade_id, or a position for cells without one
    source: str
    from_student: bool


@dataclass
class ProgramReport:
    """What happened while the notebook program ran."""

    errors: dict[str, str] = field(default_factory=dict)  # label -> what went wrong
    seconds: float = 0.0
    restarts: int = 0


class Worker:
    """One student's notebook, running in its own process."""

    def __init__(
        self, cells: list[Cell], names: list[str], limits: CallLimits | None = None, hidden=()
    ):
        """``hidden``: folders the student's code must not see (the course root)."""
        self.cells = cells
        self.names = list(names)
        self.limits = limits or CallLimits()
        self.report = ProgramReport()
        self.inventory: dict[str, str] = {}
        self._skip: set[int] = set()
        self._hung: dict[str, str] = {}  # function -> why it is not called again
        self._proc: subprocess.Popen | None = None
        self._scratch = tempfile.TemporaryDirectory(prefix="grader-worker-")
        scratch = Path(self._scratch.name)
        (scratch / "home").mkdir()
        self._log = scratch / "output.log"  # beside the student's home, out of its reach
        limits = SandboxLimits(memory_mb=self.limits.memory_mb)
        self.sandbox = Sandbox(scratch / "home", hidden=list(hidden), limits=limits)

    # ----------------------------------------------------------------- lifecycle
    def start(self) -> ProgramReport:
        """Run the program, restarting past cells that hang or end the process."""
        began = time.monotonic()
        while True:
            try:
                self._spawn()
                self._run_program(began)
                break
            except _CellKilled as killed:
                self._skip.add(killed.index)
                self.report.errors[self.cells[killed.index].label] = killed.reason
                self.report.restarts += 1
                self._kill()
                if self.report.restarts > MAX_RESTARTS:
                    self.inventory = {}
                    break
        self.report.seconds = time.monotonic() - began
        return self.report

    def close(self) -> None:
        if self._proc is not None:
            with contextlib.suppress(OSError):
                codec.send(self._to_worker, ("quit",))
            self._kill()
        self._scratch.cleanup()

    def _spawn(self) -> None:
        to_worker_r, self._to_worker = os.pipe()
        self._from_worker, from_worker_w = os.pipe()
        log = open(self._log, "ab")
        try:
            self._proc = self.sandbox.popen(
                [sys.executable, "-I", "-c", WORKER_SOURCE, str(to_worker_r), str(from_worker_w)],
                env={"MPLBACKEND": "Agg"},
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
                pass_fds=(to_worker_r, from_worker_w),
            )
        finally:
            log.close()
            os.close(to_worker_r)
            os.close(from_worker_w)

    def _kill(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        kill_group(proc.pid)
        proc.wait()
        for fd in (self._to_worker, self._from_worker):
            with contextlib.suppress(OSError):
                os.close(fd)

    # ----------------------------------------------------------------- messages
    def _send(self, obj) -> None:
        try:
            codec.send(self._to_worker, obj)
        except OSError as exc:
            raise WorkerGone(f"the worker stopped listening ({exc})") from None

    def _receive(self, deadline: float):
        """The worker's next message; TimeoutError past ``deadline``."""
        try:
            header = codec.read_exact(self._from_worker, codec.HEADER, deadline)
            size = int.from_bytes(header, "big")
            if size > codec.MAX_BYTES + 1024:
                raise WorkerGone(f"the worker sent {size} bytes, more than the grader accepts")
            payload = codec.read_exact(self._from_worker, size, deadline)
        except EOFError:
            raise WorkerGone("the worker process ended") from None
        try:
            return codec.loads_plain(payload)
        except Exception as exc:
            raise WorkerGone(f"the worker sent data the grader refuses: {exc}") from None

    # ----------------------------------------------------------------- program
    def _run_program(self, began: float) -> None:
        sources = [(cell.label, cell.source) for cell in self.cells]
        self._send(("program", sources, sorted(self._skip), self.names))
        current = None
        cell_started = time.monotonic()
        while True:
            deadline = min(
                cell_started + self.limits.cell_seconds, began + self.limits.program_seconds
            )
            try:
                message = self._receive(deadline)
            except TimeoutError:
                if current is None:
                    raise _CellKilled(len(self.cells) - 1, "the notebook took too long") from None
                if time.monotonic() - began >= self.limits.program_seconds:
                    why = f"the notebook did not finish within {self.limits.program_seconds:.0f} s"
                else:
                    why = f"this cell did not finish within {self.limits.cell_seconds:.0f} s"
                raise _CellKilled(current, why) from None
            except WorkerGone as gone:
                index = current if current is not None else 0
                raise _CellKilled(index, f"running this cell ended the process ({gone})") from None
            kind = message[0] if isinstance(message, tuple) and message else None
            if kind == "cell_start":
                current, cell_started = int(message[1]), time.monotonic()
            elif kind == "cell_end":
                index, error = int(message[1]), message[2]
                if error:
                    self.report.errors[self.cells[index].label] = str(error)
                current = None
            elif kind == "ready":
                self.inventory = {str(k): str(v) for k, v in dict(message[1]).items()}
                return
            else:
                raise _CellKilled(current or 0, "the worker sent an unexpected message")

    # ----------------------------------------------------------------- calls
    def _ensure_running(self) -> None:
        if self._proc is None or self._proc.poll() is not None:
            if self.report.restarts > MAX_RESTARTS:
                raise StudentCodeError("the notebook's code ended the grading process too often")
            self.report.restarts += 1
            self._kill()
            self._spawn()
            self._run_program(time.monotonic())

    def call(self, name: str, args=(), kwargs=None, isolate=None, max_calls=None):
        """Call the student's ``name(*args, **kwargs)`` in a fresh child of the worker.

        ``isolate`` maps names to trusted functions: in that child only, those names call
        back here and get the trusted function's answer (plain data both ways), so a mistake
        elsewhere does not fail this call and no trusted code enters the worker. The call is
        stopped when it calls one of them more than ``max_calls`` times.

        A function that did not finish within the time limit once is not called again: its
        later checks fail at once with the same reason (each hang would cost the time limit,
        and a sandbox restart, again).
        """
        if name in self._hung:
            raise StudentCodeError(f"{name}(...) was not run again: {self._hung[name]}")
        request = ("call", name, tuple(args), dict(kwargs or {}), sorted(isolate or {}))
        return self._ask(request, name, f"{name}(...)", isolate or {}, max_calls)

    def value(self, name: str):
        """The value the student's notebook bound to ``name``."""
        return self._ask(("value", name), name, name, {})

    def _ask(self, request, name: str, what: str, isolate: dict, max_calls=None):
        self._ensure_running()
        self._send(request)
        try:
            message = self._receive(time.monotonic() + 30)
            if message[0] != "forked":
                raise WorkerGone("unexpected answer")
            child = int(message[1])
            deadline = time.monotonic() + self.limits.call_seconds
            calls: dict[str, int] = {}
            try:
                result = self._receive(deadline)
                while result and result[0] == "callback":
                    callee = str(result[1])
                    calls[callee] = calls.get(callee, 0) + 1
                    if max_calls is not None and calls[callee] > max_calls:
                        self._send(("stop",))  # the child ends itself (worker.py)
                        self._receive(deadline)  # the worker's "exited"
                        raise StudentCodeError(
                            f"{what} was stopped after {max_calls} calls of {callee}, far more "
                            "than these arguments need (does it ignore an argument such as "
                            "num_iterations and repeat its work a fixed number of times?)"
                        )
                    self._send(_answer_callback(result, isolate))
                    result = self._receive(deadline)
            except TimeoutError:
                if self.sandbox.isolated:  # the child's pid is the sandbox's, not ours:
                    self._kill()  # end the whole sandbox; the next call starts a new one
                else:
                    kill_group(child)
                    self._receive(time.monotonic() + 30)  # the worker's "exited"
                late = f"did not finish within {self.limits.call_seconds:.0f} s"
                hint = "(an endless loop, or far too much work?)"
                if request[0] == "call":
                    self._hung[name] = f"it {late} in an earlier check {hint}"
                raise StudentCodeError(f"{what} {late} {hint}") from None
            if result[0] == "exited":  # the child ended before answering
                raise StudentCodeError(_exit_text(what, int(result[1])))
            self._receive(time.monotonic() + 30)  # the worker's "exited"
        except WorkerGone as gone:
            self._kill()
            raise StudentCodeError(f"{what} ended the grading process ({gone})") from None
        except TimeoutError:
            self._kill()
            raise StudentCodeError(f"{what}: the worker stopped answering") from None
        if result[0] == "raised":
            _, exc_type, exc_message, trace = result
            if exc_type == "NotImplementedError":
                raise StudentCodeError(
                    f"{name} is not written yet: it still raises NotImplementedError. "
                    "Replace `raise NotImplementedError()` with your code."
                )
            text = f"{what} raised {exc_type}: {exc_message}\n{trace}".rstrip()
            code = re.findall(r'File "<cell [^\n]*\n {4}([^\n]*)', trace)
            raise StudentCodeError(text, exc_type, exc_message, code[-1] if code else "")
        if result[0] != "ok":
            raise StudentCodeError(f"{what}: the worker sent an unexpected answer")
        try:
            value = codec.decode(result[1])
        except codec.DecodeError as exc:
            raise StudentCodeError(f"{what} returned data the grader cannot read: {exc}") from None
        bad = codec.contains_unsupported(value)
        if bad is not None:
            raise StudentCodeError(
                f"{what} returned an object of type {bad.type_name}; the grader accepts NumPy "
                "arrays, numbers, strings, None, and lists, tuples or dicts of these."
            )
        return value


def _answer_callback(message, isolate: dict):
    """Compute a callback of the student's code with the trusted function it names."""
    try:
        _, name, args, kwargs = message
        function = isolate[name]
        args, kwargs = codec.decode(args), codec.decode(kwargs)
        if not isinstance(args, tuple) or not isinstance(kwargs, dict):
            raise codec.DecodeError("malformed call")
        bad = codec.contains_unsupported([args, kwargs])
        if bad is not None:
            raise codec.DecodeError(f"an argument of type {bad.type_name} is not plain data")
    except (KeyError, ValueError, TypeError) as exc:
        return ("raised", f"refused: {exc}")
    try:
        return ("ok", function(*args, **kwargs))
    except Exception as exc:  # the student passed arguments the reference cannot use
        return ("raised", f"{type(exc).__name__}: {exc}")


class _CellKilled(Exception):
    def __init__(self, index: int, reason: str):
        super().__init__(reason)
        self.index, self.reason = index, reason


def _exit_text(what: str, status: int) -> str:
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        hint = " (out of memory?)" if sig in (signal.SIGKILL, signal.SIGSEGV) else ""
        return f"{what} ended the process with signal {signal.Signals(sig).name}{hint}"
    return f"{what} ended the process (exit status {os.WEXITSTATUS(status)}) instead of returning"
