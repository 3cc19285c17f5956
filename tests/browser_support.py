"""A JupyterLab server and a headless Chromium for tests/test_browser.py.

Everything lives in one temporary folder: the course copy, the server's HOME, Jupyter's config,
data and runtime folders, Chromium's profile, the logs and the screenshots. The server runs in
its own process group (the kernels in their own sessions): :meth:`Lab.stop` asks it to shut
down, then ends whatever is left of the processes it started, by their ids.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

BROWSERS = ("chromium", "chromium-browser", "/usr/lib/chromium/chromium")
DRIVERS = ("chromedriver", "/usr/lib/chromium/chromedriver")

# JupyterLab without what a test cannot use and a learner never asked for: the news feed and
# the update check (both fetch from the internet), and with ``window.jupyterapp`` exposed so
# that the test can run JupyterLab's own commands (the menu items call the same commands).
LAB_CONFIG = {
    "LabApp": {
        "expose_app_in_browser": True,
        "news_url": None,
        "check_for_updates_class": "jupyterlab.NeverCheckForUpdate",
    },
    "ServerApp": {"open_browser": False},
}
# JupyterLab's own question "Would you like to get notified about official Jupyter news?"
# would cover the bottom right corner of every screenshot: answered "no" in the user settings.
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False}
}


def _which(candidates) -> str | None:
    for name in candidates:
        found = shutil.which(name)
        if found:
            return found
    return None


def tools() -> tuple[str | None, str | None, str | None]:
    """(chromium, chromedriver, reason): the reason says what is missing, else None."""
    missing = []
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("selenium (pip)")
    browser, driver = _which(BROWSERS), _which(DRIVERS)
    if browser is None:
        missing.append("chromium (apt: chromium)")
    if driver is None:
        missing.append("chromedriver (apt: chromium-driver)")
    if missing:
        return None, None, "the browser test needs " + ", ".join(missing) + ": not installed"
    return browser, driver, None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def private_env(home: Path) -> dict:
    """An environment whose HOME and Jupyter/IPython/matplotlib folders are under ``home``."""
    env = dict(os.environ)
    env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", "")
    for name in ("NBGRADER_EXCHANGE", "JUPYTER_PATH", "JUPYTERLAB_SETTINGS_DIR", "MPLBACKEND"):
        env.pop(name, None)  # the course-local exchange; the notebook's own inline figures
    env.update(
        HOME=str(home),
        JUPYTER_CONFIG_DIR=str(home / ".jupyter"),
        JUPYTER_DATA_DIR=str(home / ".local/share/jupyter"),
        JUPYTER_RUNTIME_DIR=str(home / "runtime"),
        IPYTHONDIR=str(home / ".ipython"),
        MPLCONFIGDIR=str(home / ".matplotlib"),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_DATA_HOME=str(home / ".local/share"),
        OPENBLAS_NUM_THREADS="1",  # steady timings on a shared machine
    )
    for folder in ("JUPYTER_CONFIG_DIR", "JUPYTER_RUNTIME_DIR", "MPLCONFIGDIR"):
        Path(env[folder]).mkdir(parents=True, exist_ok=True)
    return env


def _children(pid: int) -> list[int]:
    """Every live descendant of ``pid`` (read from /proc)."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        parents.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


class Lab:
    """``jupyter lab`` on 127.0.0.1, a free port and a fresh token, serving ``course``."""

    def __init__(self, course: Path, home: Path, log: Path):
        self.course, self.home, self.log = course, home, log
        self.env = private_env(home)
        self.port = free_port()
        self.token = secrets.token_hex(16)
        self.process: subprocess.Popen | None = None
        config = Path(self.env["JUPYTER_CONFIG_DIR"]) / "jupyter_server_config.json"
        config.write_text(json.dumps(LAB_CONFIG, indent=1))
        for plugin, settings in LAB_SETTINGS.items():
            path = config.parent / "lab" / "user-settings" / f"{plugin}.jupyterlab-settings"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(settings, indent=1))

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        joiner = "&" if "?" in path else "?"
        return f"{self.base}/{path.lstrip('/')}{joiner}token={self.token}"

    def start(self, timeout: float = 120) -> None:
        command = [
            sys.executable,
            "-m",
            "jupyterlab",
            "--no-browser",
            "--ip=127.0.0.1",
            f"--port={self.port}",
            "--port-retries=0",
            f"--IdentityProvider.token={self.token}",
            f"--ServerApp.root_dir={self.course}",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.append("--allow-root")  # a CI container
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                command,
                cwd=self.course,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"jupyter lab exited with {self.process.returncode}:\n{self.tail()}"
                )
            with contextlib.suppress(OSError):
                if self.get("api/status")[0] == 200:
                    return
            time.sleep(0.5)
        raise RuntimeError(f"jupyter lab did not answer within {timeout:.0f} s:\n{self.tail()}")

    def get(self, path: str, method: str = "GET") -> tuple[int, bytes]:
        request = urllib.request.Request(self.url(path), method=method)
        try:
            with urllib.request.urlopen(request, timeout=10) as answer:
                return answer.status, answer.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def tail(self, chars: int = 3000) -> str:
        try:
            return self.log.read_text(errors="replace")[-chars:]
        except OSError:
            return ""

    def stop(self) -> None:
        """Shut the server down (its kernels with it); then end what is left, by id."""
        process = self.process
        if process is None:
            return
        left = _children(process.pid)
        if process.poll() is None:
            with contextlib.suppress(OSError):
                self.get("api/shutdown", method="POST")
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=15)
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
        for pid in left:  # the kernels run in sessions of their own
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)
        self.process = None


def chromium(browser: str, driver: str, folder: Path, env: dict):
    """A headless Chromium driven by chromedriver, its profile and log in ``folder``."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--window-size=1400,1000",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-extensions",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={folder / 'profile'}",
    ):
        options.add_argument(argument)
    service = Service(executable_path=driver, log_output=str(folder / "chromedriver.log"), env=env)
    browser_driver = webdriver.Chrome(options=options, service=service)
    # A headless window may never get the system's focus (Debian's Chromium 150 does not), and
    # JupyterLab makes a tab its current widget only on a focus event: let the page act as
    # focused, as a learner's window is.
    browser_driver.execute_cdp_cmd("Emulation.setFocusEmulationEnabled", {"enabled": True})
    return browser_driver
