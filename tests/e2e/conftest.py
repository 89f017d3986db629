"""Fixtures for the end-to-end tests: JupyterLab over a copy of the course, driven by Chromium.

`lab_server` starts ``jupyter lab`` on 127.0.0.1 (free port, random token) in a temporary
copy of the course, with Jupyter's config, data and runtime folders inside the test's
temporary folder (the virtualenv's own config, which enables nbgrader's server
extensions, still applies). The server and every kernel it started are always stopped,
also when a test or the fixture itself fails.

`browser` is Debian's Chromium (`/usr/bin/chromium`) driven by Playwright with
`executable_path`: Playwright's own browser download does not work here. When Chromium or
Playwright is missing the tests fail with the command that installs them.
"""

from __future__ import annotations

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
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
INSTALL_HINT = (
    "The end-to-end tests need Debian's Chromium and the playwright Python package:\n"
    "  sudo apt-get install chromium chromium-driver\n"
    '  .venv/bin/pip install -e ".[dev]"   (playwright is pinned in the dev extras)\n'
    "Never run `playwright install`: its browser download fails here.\n"
    'Deselect these tests with `-m "not e2e"` to run the rest without them.'
)

SERVER_START_TIMEOUT = 120  # s; jupyter lab imports every server extension on a loaded machine
SERVER_STOP_TIMEOUT = 30  # s before SIGKILL
PORT_ATTEMPTS = 3  # the free port may be taken between choosing it and jupyter binding it
# Variables that would make the student's server differ from `make lab` on a student's laptop.
ENV_DROPPED = (
    "MPLBACKEND",  # tests/conftest.py sets Agg; the kernel must use the inline backend
    "NBGRADER_EXECUTION",
    "JUPYTER_TOKEN",
    "JUPYTER_PATH",
    "JUPYTER_CONFIG_PATH",
    "JUPYTERLAB_SETTINGS_DIR",
    "JUPYTERLAB_WORKSPACES_DIR",
    "JUPYTER_PREFER_ENV_PATH",
)
# JupyterLab user settings: no news or update checks (no internet here, no toasts).
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
}


def require_browser_stack() -> None:
    """Fail (not skip) with install instructions when Chromium or Playwright is missing."""
    missing = []
    if not os.access(CHROMIUM, os.X_OK):
        missing.append(f"{CHROMIUM} not found (Debian packages chromium, chromium-driver)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append(f"the playwright package is not installed in {sys.prefix}")
    if missing:
        pytest.fail("; ".join(missing) + "\n" + INSTALL_HINT, pytrace=False)


# --- the JupyterLab server -------------------------------------------------------------


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start_time(pid: int) -> int | None:
    """The process's start time in clock ticks (to tell a process from a reused pid)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return int(stat.rsplit(")", 1)[1].split()[19])


def _descendants(root: int) -> dict[int, int]:
    """{pid: start time} of every living descendant of `root` (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    found: dict[int, int] = {}
    todo = [root]
    while todo:
        for child in children.get(todo.pop(), []):
            started = _start_time(child)
            if started is not None:
                found[child] = started
                todo.append(child)
    return found


class PortTaken(RuntimeError):
    pass


@dataclass
class LabServer:
    root: Path  # the course copy, also the server's root_dir and cwd
    port: int
    token: str
    process: subprocess.Popen
    log: Path

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def lab_url(self, workspace: str, path: str | None = None) -> str:
        """A JupyterLab URL in a workspace of its own (a fresh layout), logged in by token."""
        tree = f"/tree/{path}" if path else ""
        return f"{self.base_url}lab/workspaces/{workspace}{tree}?token={self.token}"

    def api(self, method: str, path: str, timeout: float = 10):
        request = urllib.request.Request(
            self.base_url + path.lstrip("/"),
            method=method,
            headers={"Authorization": f"token {self.token}"},
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
        return json.loads(body) if body else None

    def log_tail(self, lines: int = 40) -> str:
        try:
            text = self.log.read_text(errors="replace")
        except OSError:
            return "(no server log)"
        return "\n".join(text.splitlines()[-lines:])

    def shut_down_sessions(self) -> None:
        """Close every notebook session and kernel, as a fresh student login would find it."""
        for session in self.api("GET", "api/sessions"):
            self.api("DELETE", f"api/sessions/{session['id']}", timeout=30)
        for kernel in self.api("GET", "api/kernels"):
            self.api("DELETE", f"api/kernels/{kernel['id']}", timeout=30)

    def wait_until_up(self) -> None:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                error = PortTaken if "is not available" in self.log_tail() else RuntimeError
                raise error(
                    f"jupyter lab exited with {self.process.returncode} while starting; "
                    f"log {self.log}:\n{self.log_tail()}"
                )
            try:
                self.api("GET", "api/status", timeout=2)
                return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.5)
        raise RuntimeError(
            f"jupyter lab did not answer /api/status within {SERVER_START_TIMEOUT} s; "
            f"log {self.log}:\n{self.log_tail()}"
        )

    def stop(self) -> None:
        """Stop the server and everything it started; raise if anything survives."""
        if self.process.poll() is None:
            try:  # kernels first, politely, while the server still answers
                self.shut_down_sessions()
            except Exception:  # the kill below does the job anyway
                pass
        # Kernels run in sessions of their own (jupyter_client starts them so), so
        # killing the server's process group would not reach them: note them first.
        started = _descendants(self.process.pid)
        if self.process.poll() is None:  # not reaped yet, so its group id is still ours
            os.killpg(self.process.pid, signal.SIGTERM)  # the server's own group
            try:
                self.process.wait(timeout=SERVER_STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=SERVER_STOP_TIMEOUT)
        survivors = _kill_survivors(started)
        if survivors:
            raise RuntimeError(f"processes started by jupyter lab survived: {survivors}")


def _kill_survivors(started: dict[int, int]) -> list[int]:
    """SIGKILL the still-living processes of `started` (and their groups); list the undead."""
    own_group = os.getpgrp()
    for pid, start in started.items():
        if _start_time(pid) != start:
            continue  # gone, or the pid now belongs to someone else
        try:
            group = os.getpgid(pid)
            if group != own_group and group == pid:
                os.killpg(group, signal.SIGKILL)  # a kernel and whatever it spawned
            else:
                os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    deadline = time.monotonic() + 10
    alive = list(started)
    while alive and time.monotonic() < deadline:
        alive = [pid for pid in alive if _start_time(pid) == started[pid] and not _zombie(pid)]
        if alive:
            time.sleep(0.2)
    return alive


def _zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True


def _copy_course(destination: Path) -> Path:
    ignore = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__")
    destination.mkdir(parents=True)
    for folder in ("source", "release"):
        shutil.copytree(REPO / folder, destination / folder, ignore=ignore)
    shutil.copy2(REPO / "nbgrader_config.py", destination / "nbgrader_config.py")
    return destination


def _server_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ENV_DROPPED}
    # As under `make lab`, the virtualenv's commands come first on PATH: nbgrader's
    # gradebook runs `alembic`, the formgrader fails without it.
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    for name, folder in {
        "JUPYTER_CONFIG_DIR": "config",
        "JUPYTER_DATA_DIR": "data",
        "JUPYTER_RUNTIME_DIR": "runtime",
        "IPYTHONDIR": "ipython",
    }.items():
        (home / folder).mkdir(parents=True, exist_ok=True)
        env[name] = str(home / folder)
    for name, settings in LAB_SETTINGS.items():
        path = home / "config" / "lab" / "user-settings" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(settings))
    return env


def _launch(course: Path, env: dict[str, str], log: Path) -> LabServer:
    port, token = _free_port(), secrets.token_hex(24)
    command = [
        sys.executable, "-m", "jupyterlab",
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        "--ServerApp.port_retries=0",  # fail rather than silently serve on another port
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={course}",
    ]  # fmt: skip
    if os.geteuid() == 0:  # CI runs as root; jupyter refuses that unless told
        command.append("--ServerApp.allow_root=True")
    with log.open("wb") as out:
        process = subprocess.Popen(
            command,
            cwd=course,  # nbgrader's formgrader reads nbgrader_config.py from the cwd
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, killed as a whole
        )
    return LabServer(root=course, port=port, token=token, process=process, log=log)


@contextmanager
def running_lab(folder: Path) -> Iterator[LabServer]:
    """`jupyter lab` over a fresh copy of the course in `folder`; always stopped afterwards."""
    course = _copy_course(folder / "course")
    env = _server_env(folder / "jupyter")
    server = None
    try:
        for attempt in range(1, PORT_ATTEMPTS + 1):
            server = _launch(course, env, folder / f"jupyter-lab-{attempt}.log")
            try:
                server.wait_until_up()
                break
            except PortTaken:  # another program took the free port first: take another
                if attempt == PORT_ATTEMPTS:
                    raise
                server.stop()
        yield server
    finally:
        if server is not None:
            server.stop()


@pytest.fixture(scope="session")
def lab_server(tmp_path_factory) -> Iterator[LabServer]:
    require_browser_stack()
    with running_lab(tmp_path_factory.mktemp("jupyterlab")) as server:
        yield server


# --- the browser -----------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser(tmp_path_factory, lab_server):
    """A headless Chromium context with a fresh profile (depends on the server so that it
    closes first)."""
    require_browser_stack()
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            user_data_dir=str(profile),  # Playwright's form of --user-data-dir
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_FLAGS,
            viewport={"width": 1440, "height": 1000},
        )
        context.set_default_timeout(30_000)
        try:
            yield context
        finally:
            context.close()


@pytest.fixture
def page(browser):
    page = browser.new_page()
    try:
        yield page
    finally:
        page.close()


class Screenshots:
    """``with shots(n, "name"):`` runs a step, then saves ``step-n-name.png`` in the test's
    temporary folder; when the step fails the screenshot is taken at the point of failure
    and its path is printed and attached to the error."""

    def __init__(self, page, folder: Path):
        self.page = page
        self.folder = folder
        self.taken: list[Path] = []

    @contextmanager
    def __call__(self, number: int | str, name: str) -> Iterator[None]:
        path = self.folder / f"step-{number}-{name}.png"
        try:
            yield
        except BaseException as error:
            failed = path.with_name(f"step-{number}-{name}-FAILED.png")
            where = self._take(failed)
            message = f"step {number} ({name}) failed; screenshot: {where}"
            print(message)
            error.add_note(message)
            raise
        where = self._take(path)
        if not isinstance(where, Path):
            raise AssertionError(f"step {number} ({name}): {where}")

    def _take(self, path: Path) -> Path | str:
        try:
            self.page.screenshot(path=path, full_page=False, timeout=15_000)
        except Exception as error:  # never hide the step's own failure
            return f"no screenshot ({type(error).__name__}: {error})"
        self.taken.append(path)
        return path


@pytest.fixture
def shots(page, tmp_path) -> Screenshots:
    return Screenshots(page, tmp_path)
