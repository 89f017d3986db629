"""The sandbox runner and the integrity guard, on small notebooks and in-process."""

from __future__ import annotations

import shutil
import time

import numpy as np
import pytest
from cell_factories import answer_cell, grade_cell
from nbformat.v4 import new_code_cell, new_notebook

from course_tools import guard
from course_tools.sandbox import Limits, RunResult, bwrap_command, find_bwrap, run_notebook

CELLS = [
    "import os, numpy as np\nfrom utils.testing import assert_close",
    "print(os.getcwd(), os.getuid(), os.path.exists(COURSE_ROOT + '/source'))",
    "assert_close(np.ones(2), np.ones(2))",
]


def _notebook(course_root: str) -> str:
    import nbformat

    cells = [new_code_cell(f"COURSE_ROOT = {course_root!r}")] + [new_code_cell(c) for c in CELLS]
    return nbformat.writes(new_notebook(cells=cells))


def _stdout(result: RunResult, index: int) -> str:
    return "".join(o.get("text", "") for o in result.cells[index]["outputs"])


@pytest.mark.skipif(find_bwrap() is None, reason="needs bubblewrap")
def test_sandboxed_run_is_nobody_in_a_scratch_folder_without_the_course(repo_course, tmp_path):
    result = run_notebook(_notebook(str(repo_course.root)), tmp_path, Limits(), find_bwrap())
    assert result.stopped is None, result.stderr_tail
    assert _stdout(result, 2).split() == ["/submission", "65534", "False"]
    assert result.cells[3]["outputs"] == []


def test_unsandboxed_run_sees_the_machine(repo_course, tmp_path):
    result = run_notebook(_notebook(str(repo_course.root)), tmp_path, Limits(), None)
    assert result.stopped is None, result.stderr_tail
    cwd, uid, sees_source = _stdout(result, 2).split()
    assert sees_source == "True" and cwd != "/submission"


def test_bwrap_command_hides_the_course_folder(repo_course, tmp_path):
    command = " ".join(bwrap_command(shutil.which("bwrap") or "bwrap", tmp_path))
    assert "--unshare-all" in command and "--cap-drop ALL" in command
    assert f" {repo_course.root}/utils " in command
    assert f" {repo_course.root} " not in command
    assert f"{repo_course.root}/source" not in command
    # Nothing of the grading machine is writable; of /etc/ssl only the public certificates.
    assert " --bind " not in command and "/etc/ssl " not in command
    assert "/etc/ssl/certs" in command


@pytest.fixture
def guarded():
    """The guard's records taken now, as at the start of a grading kernel."""
    guard.remember(update=True)
    guard._findings.clear()
    yield guard
    guard._findings.clear()


@pytest.mark.parametrize("attack", ["module_function", "code", "class_method", "sys_modules",
                                    "closure", "module_class", "dispatcher_code", "json",
                                    "step_table"])
def test_guard_notices_changes_to_the_test_machinery(guarded, monkeypatch, attack):
    import contextlib
    import json
    import sys
    import types

    import utils.testing
    from course_tools.remote import student_side

    guard.remember()  # the modules imported here, as the student's kernel has them
    if attack == "step_table":  # what the student's kernel does for `with no_warnings():`
        monkeypatch.setitem(student_side.STEPS, "no_warnings",
                            lambda params, namespace: contextlib.nullcontext())
    elif attack == "closure":  # what a contextmanager-made helper runs
        cell = utils.testing.no_warnings.__closure__[0]
        monkeypatch.setattr(cell, "cell_contents", lambda *a, **k: iter([None]))
    elif attack == "module_class":
        monkeypatch.setattr(np, "__class__", type("Lying", (types.ModuleType,), {}))
    elif attack == "dispatcher_code":
        monkeypatch.setattr(np.isclose._implementation, "__code__",
                            (lambda a, b, rtol=0, atol=0, equal_nan=False: True).__code__)
    elif attack == "json":
        monkeypatch.setattr(json, "dumps", lambda *a, **k: '{"findings": []}')
    elif attack == "module_function":
        monkeypatch.setattr(np, "allclose", lambda *a, **k: True)
    elif attack == "code":
        monkeypatch.setattr(utils.testing.as_float, "__code__", (lambda v, n="x": 1.0).__code__)
    elif attack == "class_method":
        monkeypatch.setattr(guard._ProbeA, "__eq__", lambda self, other: True, raising=False)
        guard.remember()  # _ProbeA's records exist from the fixture already
    else:
        monkeypatch.setitem(sys.modules, "utils.testing", type(sys)("utils.testing"))
    assert guarded.check(), attack


def test_guard_notices_an_audit_hook_from_notebook_code_only(guarded):
    """Its own hook sees each hook added after it: one that a library adds itself is the
    library's, one that a thread (or any other library code) is made to add is not."""
    import os
    import sys
    import threading

    library = os.path.join(sys.prefix, "lib", "a_library.py")  # as filelock adds its own
    exec(compile("import sys\ndef _own(event, args):\n    pass\nsys.addaudithook(_own)\n",
                 library, "exec"), {})
    assert guarded.check() == []
    worker = threading.Thread(target=sys.addaudithook, args=(lambda event, args: None,))
    worker.start()
    worker.join()
    assert guarded.check() == [guard._AUDIT_HOOK_ADDED]
    guard.remember(update=True)  # before notebook code: the course's own doing
    guard._findings.clear()
    sys.addaudithook(lambda event, args: None)
    assert guarded.check() == [guard._AUDIT_HOOK_ADDED]


def test_guard_is_quiet_when_nothing_changed_and_accepts_library_wrappers(guarded):
    import torch

    model = torch.nn.Linear(2, 1)
    optimizer = torch.optim.Adam(model.parameters())  # torch wraps Adam.step on first use
    model(torch.ones(1, 2)).sum().backward()
    optimizer.step()
    assert guarded.check() == []


def test_guard_flags_a_class_that_calls_everything_equal(guarded):
    namespace: dict = {}
    exec("class Liar:\n    def __eq__(self, other):\n        return True\n", namespace)
    found = guarded.check()
    assert any("Liar" in f and "__eq__" in f for f in found)
    del namespace


def test_a_notebook_past_its_time_limit_is_stopped(tmp_path):
    import nbformat

    cells = ["x = 1", "import time\ntime.sleep(120)", "print('never')"]
    notebook = nbformat.writes(new_notebook(cells=[new_code_cell(c) for c in cells]))
    # The limit is kept from outside the kernels, sandboxed or not; without bubblewrap the
    # kernels start sooner, so a short limit leaves time for the first cell on a busy machine.
    limits = Limits(cell_seconds=100, notebook_seconds=15)
    result = run_notebook(notebook, tmp_path, limits, None)
    assert result.stopped == "the notebook ran past its 15 s limit"
    assert 0 in result.cells and 2 not in result.cells


def test_a_kernel_that_dies_after_its_cell_timed_out_is_reported_dead(tmp_path):
    """As a kernel near its memory limit may be: the cell times out, then the kernel dies."""
    import nbformat

    from course_tools.runner import KERNEL_DIED

    dies_when_interrupted = (
        "import os, signal, threading, time\n"
        "signal.signal(signal.SIGINT, lambda *_: threading.Timer(0.5, os._exit, (1,)).start())\n"
        "time.sleep(60)"
    )
    cells = ["x = 1", dies_when_interrupted, "print('never')"]
    notebook = nbformat.writes(new_notebook(cells=[new_code_cell(c) for c in cells]))
    result = run_notebook(notebook, tmp_path, Limits(cell_seconds=2), find_bwrap())
    assert result.stopped == KERNEL_DIED, result.stderr_tail
    assert any(o.get("ename") == "CellTimeoutError" for o in result.cells[1]["outputs"])
    assert 2 not in result.cells


def test_an_interrupt_reaches_the_cell_of_a_stopped_kernel():
    """The runner stops the kernel before interrupting it; the sleeping cell must still wake.

    A signal sent to a stopped process may be taken by any of its threads on resuming
    (about half the time with an ipykernel), and the cell's thread would sleep on.
    Each attempt uses a fresh kernel: after a stop and a resume, an ipykernel 7 may
    no longer take new requests (the runner then reports it as not answering), which
    is not what this test is about.
    """
    import os
    import queue
    import signal

    from jupyter_client.manager import start_new_kernel

    from course_tools.runner import interrupt_main_thread

    statuses = []
    for _ in range(4):
        manager, client = start_new_kernel(kernel_name="python3")
        try:
            pid = manager.provisioner.process.pid
            msg_id = client.execute("import time\ntime.sleep(20)")
            # The cell has started once the kernel says so (a fixed wait is too short on a
            # busy machine); the sleep begins a moment later.
            while not (lambda m: m["msg_type"] == "execute_input" and m["parent_header"].get(
                    "msg_id") == msg_id)(client.get_iopub_msg(timeout=30)):
                pass
            time.sleep(0.5)
            os.kill(pid, signal.SIGSTOP)
            interrupt_main_thread(pid)
            os.kill(pid, signal.SIGCONT)
            try:
                reply = client.get_shell_msg(timeout=5)
                while reply["parent_header"].get("msg_id") != msg_id:  # kernel_info, late
                    reply = client.get_shell_msg(timeout=5)
                statuses.append(reply["content"].get("ename"))
            except queue.Empty:
                statuses.append("still sleeping")
        finally:
            client.stop_channels()
            manager.shutdown_kernel(now=True)
    assert statuses == ["KeyboardInterrupt"] * 4


def test_guard_sees_no_tampering_in_what_ipython_sets_after_an_error(guarded, monkeypatch):
    import sys

    for name in ("last_type", "last_value", "last_traceback"):
        monkeypatch.setattr(sys, name, None, raising=False)
    guard.remember()
    for name, value in (("last_type", ValueError), ("last_value", ValueError("x")),
                        ("last_traceback", None)):
        monkeypatch.setattr(sys, name, value)
    assert guarded.check() == []


def test_guard_notices_a_replaced_builtin(guarded, monkeypatch):
    import builtins

    monkeypatch.setattr(builtins, "divmod", lambda *args: (0, 0))
    assert "builtins.divmod was replaced" in guarded.check()


def test_guard_is_not_fooled_by_replaced_builtins_it_uses_itself(guarded, monkeypatch):
    import builtins

    monkeypatch.setattr(builtins, "all", lambda *args: True)
    monkeypatch.setattr(builtins, "map", lambda *args: iter(()))
    monkeypatch.setattr(np, "allclose", lambda *a, **k: True)
    found = guarded.check()
    assert {"builtins.all was replaced", "builtins.map was replaced"} <= set(found)
    assert any("numpy.allclose" in f for f in found)


@pytest.mark.skipif(find_bwrap() is None, reason="needs bubblewrap")
def test_the_libraries_use_the_threads_the_limits_allow(tmp_path):
    import nbformat

    code = ("import os, torch\nprint(torch.get_num_threads(), os.environ['OPENBLAS_NUM_THREADS'],"
            " os.environ['TF_NUM_INTRAOP_THREADS'])")
    notebook = nbformat.writes(new_notebook(cells=[new_code_cell(code)]))
    result = run_notebook(notebook, tmp_path, Limits(threads=1), find_bwrap())
    assert _stdout(result, 0).split() == ["1", "1", "1"], result.cells


def test_a_test_cell_before_any_other_code_runs_and_flags_nothing(tmp_path):
    import nbformat

    cells = [grade_cell("assert 1 + 1 == 2", "first"), answer_cell("answer = 2", "answer"),
             grade_cell("assert answer == 2", "second")]
    result = run_notebook(nbformat.writes(new_notebook(cells=cells)), tmp_path, Limits(), None)
    assert result.stopped is None and result.failure is None, result.stderr_tail
    assert result.flags == []
    assert [result.cells[i]["status"] for i in (0, 1, 2)] == ["ok"] * 3


SECRET_VALUE = "s3cret-value-of-the-grader"


@pytest.mark.skipif(find_bwrap() is None, reason="needs bubblewrap")
def test_the_graders_environment_stays_out_of_the_sandbox(tmp_path, monkeypatch):
    """Neither a COURSE_-prefixed secret nor any other variable of the grader reaches the
    kernel's environment, its sandbox's process 1 or their command lines; TensorFlow's C++
    start-up lines are silenced there (TF_CPP_MIN_LOG_LEVEL) even if the grader never set it."""
    import nbformat

    for name in ("COURSE_SECRET_TOKEN", "GRADER_TOKEN", "TF_CLI_CONFIG_FILE", "NBGRADER_TOKEN"):
        monkeypatch.setenv(name, SECRET_VALUE)
    monkeypatch.delenv("TF_CPP_MIN_LOG_LEVEL", raising=False)
    code = ("import glob, os\nprint(dict(os.environ))\n"
            "for path in glob.glob('/proc/[0-9]*/environ') + glob.glob('/proc/[0-9]*/cmdline'):\n"
            "    print(path, open(path, 'rb').read())")
    notebook = nbformat.writes(new_notebook(cells=[new_code_cell(code)]))
    result = run_notebook(notebook, tmp_path, Limits(), find_bwrap())
    printed = _stdout(result, 0)
    assert "/proc/1/environ" in printed and "COURSE_DATA_DIR" in printed, printed[:2000]
    assert SECRET_VALUE not in printed
    assert "'TF_CPP_MIN_LOG_LEVEL': '2'" in printed, printed[:2000]


WRITABLE_PROBE = """
import os
limit = {limit}
found = {{}}
for line in open("/proc/self/mountinfo"):
    point = line.split()[4]
    if not os.path.isdir(point) or point.startswith("/proc"):
        continue
    try:
        with open(os.path.join(point, "probe.bin"), "wb", buffering=0) as handle:
            written = 0
            while written <= limit:
                handle.write(b"x" * (1 << 20))
                written += 1 << 20
        found[point] = "no limit"
    except OSError as exc:
        found[point] = exc.strerror if exc.strerror != "No space left on device" else written
    try:
        os.remove(os.path.join(point, "probe.bin"))
    except OSError:
        pass
print(found)
"""


@pytest.mark.skipif(find_bwrap() is None, reason="needs bubblewrap")
def test_only_size_limited_private_folders_are_writable(tmp_path):
    """Every mount of the sandbox is read-only but /tmp, /dev/shm and the working folder,
    and each of those is full at the disk limit: nothing lands on the grader's disk."""
    import ast

    import nbformat

    limit = 16 << 20
    code = WRITABLE_PROBE.format(limit=limit)
    notebook = nbformat.writes(new_notebook(cells=[new_code_cell(code)]))
    result = run_notebook(notebook, tmp_path, Limits(disk_bytes=limit), find_bwrap())
    found = ast.literal_eval(_stdout(result, 0).strip())
    writable = {point: outcome for point, outcome in found.items()
                if not isinstance(outcome, str)}
    assert set(writable) == {"/tmp", "/dev/shm", "/submission"}, found
    assert all(written <= limit for written in writable.values()), writable
    kernel_folders = [point for point in found if point.endswith("/student")]
    assert kernel_folders and all(found[p] == "Read-only file system" for p in kernel_folders)


def _scratch(parent, name: str, lock: bool | None, age: float = 0.0):
    """A scratch folder: locked by a live holder (True), with a free lock file (False), or
    with no lock file yet (None), last changed `age` seconds ago."""
    import fcntl
    import os

    folder = parent / name
    folder.mkdir()
    holder = None
    if lock is not None:
        holder = open(folder / ".in-use", "w")
        if lock:
            fcntl.flock(holder, fcntl.LOCK_EX)
        else:
            holder.close()
            holder = None
    past = time.time() - age
    os.utime(folder, (past, past))
    return folder, holder


def test_stale_scratch_folders_are_swept_and_live_ones_kept(tmp_path):
    """What a killed run left goes at the next start; a running or just-created one stays."""
    from course_tools.sandbox import sweep_stale_scratch

    stale, _ = _scratch(tmp_path, "course-grading-killed", lock=False)
    (stale / "submission").mkdir()
    live, holder = _scratch(tmp_path, "course-worker-running", lock=True)
    starting, _ = _scratch(tmp_path, "course-grading-starting", lock=None)
    abandoned, _ = _scratch(tmp_path, "course-grading-abandoned", lock=None, age=3600)
    other, _ = _scratch(tmp_path, "course-notes-mine", lock=False)
    target = tmp_path / "elsewhere"
    target.mkdir()
    (tmp_path / "course-grading-link").symlink_to(target)
    try:
        assert sweep_stale_scratch(tmp_path) == 2
        assert not stale.exists() and not abandoned.exists()
        assert live.is_dir() and starting.is_dir() and other.is_dir()
        assert target.is_dir() and not (target / ".in-use").exists()
    finally:
        holder.close()
    assert sweep_stale_scratch(tmp_path) == 1 and not live.exists()
