"""Where the student's code runs: a bubblewrap sandbox, or plain process limits without it.

Every process that runs student code at autograde time (the checker's worker, the kernel that
executes the notebook) is started through :class:`Sandbox`. With bubblewrap: new mount, PID,
network, IPC and UTS namespaces; a read-only file system with only what Python needs (the
system, the interpreter and its packages, ``helpers``), never the course folder; the scratch
folder as the only writable home; as root, a fresh unprivileged user id so the process limit
binds (the README says more). Without it: the same memory, process and core-file limits, a
process group killed at the end, and one warning. ``GRADER_SANDBOX=off`` forces the second.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import os
import resource
import secrets
import shutil
import signal
import subprocess
import sys
import sysconfig
from dataclasses import dataclass, field
from pathlib import Path

ENV_SWITCH = "GRADER_SANDBOX"
HOME = "/home/student"  # the scratch folder's path inside the sandbox
SYSTEM_DIRS = ("/usr", "/etc", "/opt")
SYSTEM_LINKS = ("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")
PACKAGE_DIR = Path(__file__).resolve().parent

OFF_WARNING = (
    "grader: file-system and network isolation are OFF: {why}. Student code still runs "
    "with memory, time and process limits, but it can read and write whatever this user "
    "can and can reach the network. To turn isolation on, install bubblewrap "
    "(Debian/Ubuntu: sudo apt-get install bubblewrap) and grade again."
)


@dataclass
class SandboxLimits:
    """Limits of every process in one sandbox (the kernel's or the worker's)."""

    memory_mb: int = 4096  # address space of each process
    processes: int = 64  # processes and threads of the sandbox's user


@functools.lru_cache(maxsize=1)
def _bwrap_status() -> tuple[str | None, str]:
    """(path to a working bwrap or None, why not)."""
    if os.environ.get(ENV_SWITCH, "").lower() in ("off", "0", "no", "none"):
        return None, f"{ENV_SWITCH}=off is set"
    path = shutil.which("bwrap")
    if path is None:
        return None, "bubblewrap (bwrap) is not installed"
    probe = [path, "--ro-bind", "/", "/", *_unshare_flags(), "--die-with-parent", "true"]
    try:
        done = subprocess.run(probe, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return None, f"bubblewrap is installed but could not start ({exc})"
    if done.returncode != 0:
        why = done.stderr.strip().splitlines()[-1:] or [f"exit status {done.returncode}"]
        return None, f"bubblewrap is installed but cannot make a sandbox here ({why[0]})"
    return path, ""


def isolation() -> tuple[bool, str]:
    """(True, "") when student code runs in bubblewrap; else (False, the warning to show)."""
    path, why = _bwrap_status()
    return (True, "") if path else (False, OFF_WARNING.format(why=why))


_warned = False


def warn_once(write=None) -> None:
    """Say once per process that isolation is off (nothing when it is on)."""
    global _warned
    on, message = isolation()
    if not (on or _warned):
        _warned = True
        (write or (lambda text: print(text, file=sys.stderr)))(message)


def _unshare_flags() -> list[str]:
    flags = ["--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts"]
    return [*flags, "--unshare-cgroup-try", *([] if os.geteuid() == 0 else ["--unshare-user"])]


def interpreter_paths() -> list[Path]:
    """Folders this interpreter cannot run without: its prefixes (a virtual environment's
    and the base Python's), standard library and site-packages."""
    found = {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix}
    found.add(os.path.dirname(os.path.dirname(os.path.realpath(sys.executable))))
    for name in ("stdlib", "platstdlib", "purelib", "platlib"):
        found.add(sysconfig.get_paths().get(name, ""))
    return [Path(p) for p in sorted(found) if p and os.path.isdir(p)]


def python_paths() -> list[Path]:
    """Folders this interpreter reads: :func:`interpreter_paths` and the entries of sys.path."""
    found = {str(p) for p in interpreter_paths()}
    found.update(p for p in sys.path if p and os.path.isabs(p))
    return [Path(p) for p in sorted(found) if p and os.path.isdir(p)]


@dataclass
class Sandbox:
    """One sandbox: a scratch folder, what may be read, what must stay invisible."""

    scratch: Path
    hidden: list[Path] = field(default_factory=list)  # never visible (course root, gradebook)
    readable: list[Path] = field(default_factory=list)  # extra read-only folders
    limits: SandboxLimits = field(default_factory=SandboxLimits)

    def __post_init__(self):
        self.scratch = Path(self.scratch).resolve()
        self.readable = [Path(p).resolve() for p in self.readable] + course_packages()
        self.hidden = [Path(p).resolve() for p in self.hidden] + [PACKAGE_DIR]
        self.uid = None
        if os.geteuid() == 0 and self.isolated:
            # A fresh user id per sandbox: the process limit counts only this sandbox's
            # processes, and nothing on the machine belongs to it.
            self.uid = 200_000 + secrets.randbelow(1_000_000_000)
            for path in [self.scratch, *self.scratch.rglob("*")]:
                os.lchown(path, self.uid, self.uid)

    @property
    def isolated(self) -> bool:
        return isolation()[0]

    @property
    def home(self) -> str:
        """The scratch folder as the student's code sees it."""
        return HOME if self.isolated else str(self.scratch)

    def environment(self, extra: dict | None = None) -> dict[str, str]:
        home = self.home
        return {
            "PATH": os.path.dirname(sys.executable) + ":/usr/local/bin:/usr/bin:/bin",
            "HOME": home,
            "TMPDIR": home,
            "MPLCONFIGDIR": os.path.join(home, ".matplotlib"),
            "JUPYTER_RUNTIME_DIR": os.path.join(home, ".jupyter-runtime"),
            "OPENBLAS_NUM_THREADS": "1",
            "OMP_NUM_THREADS": "1",
            "MKL_NUM_THREADS": "1",
            "PYTHONHASHSEED": "0",
            "LANG": "C.UTF-8",
            **(extra or {}),
        }

    # ------------------------------------------------------------------ bwrap
    def _visible(self) -> list[Path]:
        """Read-only folders: the interpreter's and the extra ones, never a hidden folder's
        ancestor (that would show the hidden folder)."""
        chosen = []
        # Asked for by name (the helpers package), or the interpreter itself: shown even inside
        # a hidden folder (a virtual environment in the course folder, `python -m venv .venv`).
        needed = set(self.readable) | {p.resolve() for p in interpreter_paths()}
        for path in [*python_paths(), *map(Path, self.readable)]:
            path = path.resolve()
            if any(path == h or path in h.parents for h in self.hidden):
                continue
            explicit = path in needed
            if not explicit and any(h in path.parents for h in self.hidden):
                continue  # e.g. a sys.path entry inside the course folder
            if str(path).startswith(SYSTEM_DIRS) or path == Path("/"):
                continue
            chosen.append(path)
        # keep only outermost folders
        chosen = sorted(set(chosen), key=lambda p: (len(p.parts), str(p)))
        outer: list[Path] = []
        for path in chosen:
            if not any(o == path or o in path.parents for o in outer):
                outer.append(path)
        return outer

    def bwrap_arguments(self) -> list[str]:
        args = [_bwrap_status()[0], "--die-with-parent", "--new-session", *_unshare_flags()]
        # /tmp first: a venv or a course under /tmp is then bound on top of it
        args.extend(["--perms", "1777", "--tmpfs", "/tmp"])
        made: set[str] = {"/", "/tmp"}

        def parents(path: Path):
            for parent in map(str, reversed(path.parents)):
                if parent not in made:
                    made.add(parent)
                    args.extend(["--perms", "0755", "--dir", parent])

        for name in SYSTEM_DIRS + SYSTEM_LINKS:
            if name in SYSTEM_LINKS and os.path.islink(name):
                args.extend(["--symlink", os.readlink(name), name])
            elif os.path.isdir(name):
                args.extend(["--ro-bind", name, name])
            made.add(name)
        bound = [Path(name) for name in SYSTEM_DIRS + SYSTEM_LINKS if os.path.isdir(name)]
        for path in self._visible():
            parents(path)
            args.extend(["--ro-bind", str(path), str(path)])
            made.add(str(path))
            bound.append(path)
        for hidden in self.hidden:  # a hidden folder inside a visible one: mask it
            if hidden.exists() and any(b in hidden.parents for b in bound):
                if hidden.is_dir():
                    args.extend(["--tmpfs", str(hidden)])
                else:
                    args.extend(["--ro-bind", "/dev/null", str(hidden)])
        args.extend(["--proc", "/proc", "--dev", "/dev"])
        args.extend(["--perms", "0755", "--dir", "/home"])
        args.extend(["--bind", str(self.scratch), HOME, "--chdir", HOME])
        if self.uid is not None:
            args.extend(["--cap-add", "CAP_SETUID,CAP_SETGID"])
        return args

    def command(self, argv: list[str]) -> list[str]:
        """The command line that runs ``argv`` in this sandbox."""
        if not self.isolated:
            return list(argv)
        inner = []
        if self.uid is not None:
            inner = ["setpriv", f"--reuid={self.uid}", f"--regid={self.uid}", "--clear-groups"]
            inner += ["--inh-caps=-all", "--bounding-set=-all", "--no-new-privs"]
        inner += ["prlimit", f"--nproc={self.limits.processes}", "--"]
        return [*self.bwrap_arguments(), "--", *inner, *argv]

    def preexec(self):
        """Limits set in the child before exec (inherited by everything it starts)."""
        memory = self.limits.memory_mb * 1024 * 1024
        processes = self.limits.processes
        isolated = self.isolated
        extra = 0 if isolated or os.geteuid() == 0 else _processes_of(os.getuid())

        def limit():
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
            if not isolated:
                # Counts every process of this user, so leave room for the ones that exist.
                resource.setrlimit(resource.RLIMIT_NPROC, (extra + processes,) * 2)

        return limit

    def popen(self, argv: list[str], env: dict | None = None, **kwargs) -> subprocess.Popen:
        """Start ``argv`` in the sandbox, in a new session (its own process group)."""
        warn_once()
        return subprocess.Popen(
            self.command(argv),
            cwd=str(self.scratch),
            env=self.environment(env),
            preexec_fn=self.preexec(),
            start_new_session=True,
            **kwargs,
        )


def course_packages() -> list[Path]:
    """The course's public package (``helpers``), which notebooks import."""
    spec = importlib.util.find_spec("helpers")
    if spec is None or not spec.submodule_search_locations:
        return []
    return [Path(p).resolve() for p in spec.submodule_search_locations]


def kill_group(pid: int) -> None:
    """SIGKILL the process group ``pid`` leads (or the process alone), if it still exists."""
    for kill in (os.killpg, os.kill):
        try:
            return kill(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def _processes_of(uid: int) -> int:
    def owner(pid: str) -> int | None:
        with contextlib.suppress(OSError):  # the process ended meanwhile
            return os.stat(f"/proc/{pid}").st_uid

    return sum(owner(entry) == uid for entry in os.listdir("/proc") if entry.isdigit())
