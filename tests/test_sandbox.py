"""The sandbox runner and the integrity guard, on small notebooks and in-process."""

from __future__ import annotations

import shutil
import time

import numpy as np
import pytest
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


@pytest.fixture
def guarded():
    """The guard's records taken now, as at the start of a grading kernel."""
    guard.remember(update=True)
    guard._findings.clear()
    yield guard
    guard._findings.clear()


@pytest.mark.parametrize("attack", ["module_function", "code", "class_method", "sys_modules"])
def test_guard_notices_changes_to_the_test_machinery(guarded, monkeypatch, attack):
    import sys

    import utils.testing

    if attack == "module_function":
        monkeypatch.setattr(np, "allclose", lambda *a, **k: True)
    elif attack == "code":
        monkeypatch.setattr(utils.testing.as_float, "__code__", (lambda v, n="x": 1.0).__code__)
    elif attack == "class_method":
        monkeypatch.setattr(guard._ProbeA, "__eq__", lambda self, other: True, raising=False)
        guard.remember()  # _ProbeA's records exist from the fixture already
    else:
        monkeypatch.setitem(sys.modules, "utils.testing", type(sys)("utils.testing"))
    assert guarded.check(), attack


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

    cells = ["x = 1", "import time\ntime.sleep(60)", "print('never')"]
    notebook = nbformat.writes(new_notebook(cells=[new_code_cell(c) for c in cells]))
    limits = Limits(cell_seconds=30, notebook_seconds=8)
    result = run_notebook(notebook, tmp_path, limits, find_bwrap())
    assert result.stopped == "the notebook ran past its 8 s limit"
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
    """
    import os
    import queue
    import signal

    from jupyter_client.manager import start_new_kernel

    from course_tools.runner import interrupt_main_thread

    manager, client = start_new_kernel(kernel_name="python3")
    try:
        pid = manager.provisioner.process.pid
        statuses = []
        for _ in range(5):
            msg_id = client.execute("import time\ntime.sleep(20)")
            time.sleep(0.5)
            os.kill(pid, signal.SIGSTOP)
            interrupt_main_thread(pid)
            os.kill(pid, signal.SIGCONT)
            try:
                reply = client.get_shell_msg(timeout=5)
            except queue.Empty:
                statuses.append("still sleeping")
                manager.interrupt_kernel()
                client.get_shell_msg(timeout=5)
                continue
            assert reply["parent_header"]["msg_id"] == msg_id
            statuses.append(reply["content"].get("ename"))
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    assert statuses == ["KeyboardInterrupt"] * 5


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

    def cell(code: str, grade_id: str, **kind):
        return new_code_cell(code, metadata={"nbgrader": {
            "grade_id": grade_id, "locked": False, "schema_version": 3, **kind}})

    test = {"grade": True, "solution": False, "locked": True, "points": 1}
    cells = [cell("assert 1 + 1 == 2", "first", **test),
             cell("answer = 2", "answer", grade=False, solution=True),
             cell("assert answer == 2", "second", **test)]
    result = run_notebook(nbformat.writes(new_notebook(cells=cells)), tmp_path, Limits(), None)
    assert result.stopped is None and result.failure is None, result.stderr_tail
    assert result.flags == []
    assert [result.cells[i]["status"] for i in (0, 1, 2)] == ["ok"] * 3
