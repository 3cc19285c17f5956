"""A throwaway PostgreSQL server for tests, started from Debian's server binaries.

    with PostgresServer(tmp_path) as server:
        gradebook = Gradebook(server.url())

The server listens only on a unix socket in a directory of its own, keeps its data in a
directory of its own, trusts every local connection, has a superuser ``grader`` and one
database (``gradebook`` unless told otherwise). Leaving the ``with`` block stops it with
``pg_ctl -m immediate stop`` and makes sure no server process is left behind, also when the
block raises or the start fails half-way.

PostgreSQL refuses to run as root. Run as root, the harness runs ``initdb`` and ``pg_ctl`` as an
unprivileged user (Debian's ``postgres`` system user, else ``nobody``) through ``setpriv`` or
``runuser``. That user must be able to reach the server's directories: when it can't reach the
directory the caller gave (pytest's ``tmp_path`` is inside a root-only directory), the server's
directories go to a private directory under the system's temporary directory instead, which is
removed when the server stops.

This module defines no fixture: tests call ``skip_reason()`` and skip with it when it says why no
server can be started here.
"""

from __future__ import annotations

import os
import pwd
import re
import shlex
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

SUPERUSER = "grader"
DEFAULT_DATABASE = "gradebook"
_DEBIAN_ROOT = Path("/usr/lib/postgresql")
_BINARIES = ("initdb", "pg_ctl", "postgres")
_LOG_TAIL_LINES = 40
_COMMAND_TIMEOUT = 120  # seconds for initdb or pg_ctl (pg_ctl's own wait is shorter)
_PG_CTL_WAIT = 60  # seconds pg_ctl -w waits for the server to start or stop
# A unix socket's path must fit in sockaddr_un.sun_path (108 bytes on Linux, with the NUL).
_MAX_SOCKET_PATH = 100


class PostgresError(RuntimeError):
    """A step of starting or stopping the server failed."""


def _has_binaries(directory: Path) -> bool:
    return all(os.access(directory / name, os.X_OK) for name in _BINARIES)


def _version_key(directory: Path) -> tuple[int, ...]:
    """Sort key for /usr/lib/postgresql/<version>: "9.6" < "15" < "16"."""
    numbers = re.findall(r"\d+", directory.name)
    return tuple(int(n) for n in numbers) if numbers else (-1,)


def find_postgres_bin() -> Path | None:
    """The directory with initdb, pg_ctl and postgres, or None.

    Debian installs each major version in /usr/lib/postgresql/<version>/bin (the highest version
    wins); otherwise the directory of a ``pg_ctl`` on PATH that also holds the other two."""
    if _DEBIAN_ROOT.is_dir():
        versions = sorted(
            (d for d in _DEBIAN_ROOT.iterdir() if _has_binaries(d / "bin")),
            key=_version_key,
            reverse=True,
        )
        if versions:
            return versions[0] / "bin"
    pg_ctl = shutil.which("pg_ctl")
    if pg_ctl:
        directory = Path(pg_ctl).resolve().parent
        if _has_binaries(directory):
            return directory
    return None


def _switch_user_command() -> list[str] | None:
    """The command prefix that runs a command as another user (root only), or None."""
    if shutil.which("setpriv"):
        return ["setpriv"]
    if shutil.which("runuser"):
        return ["runuser"]
    return None


def skip_reason() -> str | None:
    """Why no server can be started here, or None when one can."""
    if find_postgres_bin() is None:
        return (
            "PostgreSQL server binaries not found "
            "(install Debian's postgresql package: apt-get install postgresql)"
        )
    try:
        import psycopg2  # noqa: F401
    except ImportError:
        return "psycopg2 is not installed (pip install -e '.[dev]')"
    if os.geteuid() == 0 and _switch_user_command() is None:
        return "running as root and neither setpriv nor runuser is there to drop to another user"
    return None


def _free_port() -> int:
    """A TCP port number nobody listens on right now.

    The server listens on no TCP port, but its socket's and lock file's names (.s.PGSQL.<port>)
    derive from the port: distinct ports keep servers of parallel test processes apart even
    should they share a socket directory."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _process_running(pid: int) -> bool:
    """Whether a process runs with that id (a zombie does not count: nobody may reap it)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    except OSError:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True
    # The state follows the command name, which is in parentheses and may hold anything.
    state = stat[stat.rfind(")") + 2 :].split()[0]
    return state not in ("Z", "X")


def _is_postgres(pid: int) -> bool:
    """Whether that process is a PostgreSQL server (a stale postmaster.pid may name another)."""
    try:
        return b"postgres" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return _process_running(pid)


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rfind(")") + 2 :].split()
        if len(fields) > 1 and fields[1] == str(pid):
            found.append(int(entry.name))
    return found


def process_running(pid: int | None) -> bool:
    """Whether the server process with that id (as in ``PostgresServer.pid``) still runs."""
    return pid is not None and _process_running(pid)


def _tail(path: Path, lines: int = _LOG_TAIL_LINES) -> str:
    try:
        text = path.read_text(errors="replace")
    except OSError as error:
        return f"(no server log: {error})"
    return "\n".join(text.splitlines()[-lines:]) or "(server log is empty)"


class PostgresServer:
    """A PostgreSQL server of its own, as a context manager; see the module's docstring.

    Attributes once started: ``bin`` (the server binaries), ``data_dir``, ``socket_dir``,
    ``log_path``, ``port``, ``pid`` (the postmaster's), ``database``."""

    def __init__(
        self,
        tmpdir: str | os.PathLike,
        database: str = DEFAULT_DATABASE,
        bin_dir: Path | None = None,
    ) -> None:
        self.tmpdir = Path(tmpdir)
        self.database = database
        self.bin = Path(bin_dir) if bin_dir else find_postgres_bin()
        self.port: int | None = None
        self.pid: int | None = None
        self.base: Path | None = None
        self.data_dir: Path | None = None
        self.socket_dir: Path | None = None
        self.log_path: Path | None = None
        self._remove: list[Path] = []  # directories of our own outside tmpdir
        self._user: pwd.struct_passwd | None = None  # whom the server runs as, when we're root

    # -- the context manager -------------------------------------------------------------------

    def __enter__(self) -> PostgresServer:
        self.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()

    # -- public --------------------------------------------------------------------------------

    def url(self, database: str | None = None) -> str:
        """The SQLAlchemy URL of a database on this server, for psycopg2 over the unix socket."""
        if self.socket_dir is None or self.port is None:
            raise PostgresError("the server has not been started")
        host = quote(str(self.socket_dir), safe="/")
        name = quote(database or self.database, safe="")
        return f"postgresql+psycopg2://{SUPERUSER}@/{name}?host={host}&port={self.port}"

    def start(self) -> None:
        """initdb, start, create the database; on any failure leave nothing running."""
        if self.bin is None:
            raise PostgresError(skip_reason() or "PostgreSQL server binaries not found")
        try:
            self._make_dirs()
            self._initdb()
            self._start_server()
            self.create_database(self.database)
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        """Stop the server (immediate shutdown) and make sure no server process is left."""
        try:
            if self.data_dir is not None and (
                process_running(self.pid) or (self.data_dir / "postmaster.pid").exists()
            ):
                self._stop_server()
        finally:
            for directory in self._remove:
                shutil.rmtree(directory, ignore_errors=True)
            self._remove.clear()

    def create_database(self, database: str) -> None:
        import psycopg2
        from psycopg2 import sql

        try:
            connection = psycopg2.connect(
                dbname="postgres",
                user=SUPERUSER,
                host=str(self.socket_dir),
                port=self.port,
                connect_timeout=10,
            )
        except psycopg2.Error as error:
            raise self._error(f"connecting over {self.socket_dir} failed", error) from error
        try:
            connection.autocommit = True  # CREATE DATABASE refuses to run in a transaction
            with connection.cursor() as cursor:
                cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database)))
        except psycopg2.Error as error:
            raise self._error(f"CREATE DATABASE {database} failed", error) from error
        finally:
            connection.close()

    # -- steps ---------------------------------------------------------------------------------

    def _make_dirs(self) -> None:
        if os.geteuid() == 0:
            self._user = _unprivileged_user()
        self.tmpdir.mkdir(parents=True, exist_ok=True)
        parent = self.tmpdir
        if self._user is not None and not self._user_can_enter(parent):
            parent = Path(tempfile.gettempdir())
        self.base = Path(tempfile.mkdtemp(prefix="postgres-", dir=parent))
        if parent != self.tmpdir:
            self._remove.append(self.base)
        self.port = _free_port()
        self.data_dir = self.base / "data"
        self.socket_dir = self.base / "socket"
        if len(f"{self.socket_dir}/.s.PGSQL.{self.port}") > _MAX_SOCKET_PATH:
            # tmpdir's path is too long for a socket: a short directory of our own instead.
            self.socket_dir = Path(tempfile.mkdtemp(prefix="pgsock-"))
            self._remove.append(self.socket_dir)
        else:
            self.socket_dir.mkdir()
        self.log_path = self.base / "server.log"
        # initdb makes the data directory itself (and insists on mode 0700).
        # The socket directory: others may enter, so a test process of any user can connect.
        self.socket_dir.chmod(0o755)
        if self._user is not None:
            for path in (self.base, self.socket_dir):
                os.chown(path, self._user.pw_uid, self._user.pw_gid)
        if not os.access(self.socket_dir, os.R_OK | os.X_OK):
            raise PostgresError(f"this process can't enter the socket directory {self.socket_dir}")

    def _initdb(self) -> None:
        self._run(
            [
                str(self.bin / "initdb"),
                "--pgdata",
                str(self.data_dir),
                "--username",
                SUPERUSER,
                "--auth",
                "trust",
                "--encoding",
                "UTF8",
                "--locale",
                "C",
                "--no-sync",
            ],
            "initdb",
        )

    def _start_server(self) -> None:
        settings = {
            "listen_addresses": "",  # no TCP at all: the unix socket only
            "unix_socket_directories": str(self.socket_dir),
            "port": str(self.port),
            # A throwaway server: no need to survive a crash of the machine.
            "fsync": "off",
            "synchronous_commit": "off",
            "full_page_writes": "off",
        }
        # pg_ctl hands -o to postgres through the shell: quote each argument for it.
        options = shlex.join(arg for k, v in settings.items() for arg in ("-c", f"{k}={v}"))
        self._run(
            [
                str(self.bin / "pg_ctl"),
                "start",
                "-w",
                "-t",
                str(_PG_CTL_WAIT),
                "-D",
                str(self.data_dir),
                "-l",
                str(self.log_path),
                "-o",
                options,
            ],
            "starting the server",
        )
        self.pid = self._read_pid()
        if not (self.socket_dir / f".s.PGSQL.{self.port}").exists():
            raise PostgresError(
                f"the server started but made no socket in {self.socket_dir}\n"
                f"--- server log ({self.log_path}), last lines:\n{_tail(self.log_path)}"
            )

    def _stop_server(self) -> None:
        pid = self.pid or self._read_pid(missing_ok=True)
        failure: PostgresError | None = None
        try:
            self._run(
                [
                    str(self.bin / "pg_ctl"),
                    "stop",
                    "-m",
                    "immediate",
                    "-w",
                    "-t",
                    str(_PG_CTL_WAIT),
                    "-D",
                    str(self.data_dir),
                ],
                "stopping the server",
            )
        except (PostgresError, subprocess.TimeoutExpired, OSError) as error:
            failure = error if isinstance(error, PostgresError) else PostgresError(str(error))
        if pid is not None and _is_postgres(pid) and not _wait_gone(pid, 10):
            # pg_ctl could not stop it: kill the postmaster and whatever it started.
            for victim in [*_children(pid), pid]:
                try:
                    os.kill(victim, signal.SIGKILL)
                except OSError:
                    pass
            if not _wait_gone(pid, 10):
                raise PostgresError(f"the server process {pid} survived SIGKILL") from failure
        self.pid = None
        if failure is not None and pid is None:
            raise failure

    # -- helpers -------------------------------------------------------------------------------

    def _read_pid(self, missing_ok: bool = False) -> int | None:
        """The postmaster's process id from the first line of postmaster.pid."""
        try:
            first = (self.data_dir / "postmaster.pid").read_text().splitlines()[0]
            return int(first.strip())
        except (OSError, IndexError, ValueError) as error:
            if missing_ok:
                return None
            raise PostgresError(
                f"the server started but its postmaster.pid can't be read: {error}\n"
                f"--- server log ({self.log_path}), last lines:\n{_tail(self.log_path)}"
            ) from error

    def _as_user(self, command: list[str]) -> list[str]:
        if self._user is None:
            return command
        switch = _switch_user_command()
        if switch == ["setpriv"]:
            return [
                "setpriv",
                f"--reuid={self._user.pw_uid}",
                f"--regid={self._user.pw_gid}",
                "--init-groups",
                "--",
                *command,
            ]
        if switch == ["runuser"]:
            return ["runuser", "-u", self._user.pw_name, "--", *command]
        raise PostgresError("running as root and neither setpriv nor runuser is there")

    def _user_can_enter(self, directory: Path) -> bool:
        """Whether the unprivileged user can reach (search) that directory."""
        done = subprocess.run(
            self._as_user(["test", "-x", str(directory)]),
            env=_clean_env(),
            capture_output=True,
            timeout=_COMMAND_TIMEOUT,
            stdin=subprocess.DEVNULL,
        )
        return done.returncode == 0

    def _run(self, command: list[str], what: str) -> subprocess.CompletedProcess:
        full = self._as_user(command)
        try:
            done = subprocess.run(
                full,
                cwd=self.base,  # the unprivileged user must be able to stand in its cwd
                env=_clean_env(),
                capture_output=True,
                text=True,
                timeout=_COMMAND_TIMEOUT,
                stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired as error:
            raise PostgresError(
                f"{what} timed out after {_COMMAND_TIMEOUT} s: {shlex.join(full)}\n"
                f"--- server log ({self.log_path}), last lines:\n{_tail(self.log_path)}"
            ) from error
        if done.returncode != 0:
            raise PostgresError(
                f"{what} failed (exit status {done.returncode}): {shlex.join(full)}\n"
                f"--- stdout:\n{done.stdout.strip()}\n--- stderr:\n{done.stderr.strip()}\n"
                f"--- server log ({self.log_path}), last lines:\n{_tail(self.log_path)}"
            )
        return done

    def _error(self, what: str, error: Exception) -> PostgresError:
        return PostgresError(
            f"{what}: {error}\n"
            f"--- server log ({self.log_path}), last lines:\n{_tail(self.log_path)}"
        )


def _unprivileged_user() -> pwd.struct_passwd:
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise PostgresError("running as root and there is neither a 'postgres' nor a 'nobody' user")


def _clean_env() -> dict[str, str]:
    """The environment without PG* variables (PGDATA, PGPORT, ...) that could redirect a tool."""
    return {k: v for k, v in os.environ.items() if not k.startswith("PG")}


def _wait_gone(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while _process_running(pid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True
