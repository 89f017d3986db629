"""Executes one notebook for grading; runs inside the sandbox (``python -m course_tools.runner``).

The notebook arrives as JSON on standard input and never touches a file the
kernel can read. Each executed cell is reported as one JSON line on standard
output: its outputs, the reply status and, for test cells, what the integrity
guard (``course_tools.guard``) found before the cell ran. The grading side
takes only outputs from these lines; cell sources and metadata stay its own.

Standard output is the only channel back, so the kernel is started with its
own output sent elsewhere, and this process makes itself undumpable so that the
kernel (same user) cannot read its memory through ``/proc``.
"""

from __future__ import annotations

import argparse
import ast
import asyncio
import ctypes
import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import DeadKernelError

PR_SET_DUMPABLE = 4
# NumPy and the test helpers are loaded before any notebook code can change them; the guard
# records them after the first course cell, or before the first notebook cell if that is first.
GUARD_SETUP = "import numpy, utils.testing, course_tools.guard\ndel numpy, utils, course_tools"
GUARD_VERDICT = "__import__('course_tools.guard').guard.verdict()"
GUARD_ANSWER = "__import__('course_tools.guard').guard.last_verdict()"
GUARD_BEFORE = "__import__('course_tools.guard').guard.before_course_cell({!r})"
GUARD_AFTER = "__import__('course_tools.guard').guard.after_course_cell(update={})"
GUARD_STUDENT = "__import__('course_tools.guard').guard.notebook_code_starts()"
SETTLE_WAITS = (3, 10, 10)  # seconds to wait for the kernel after each interrupt
KERNEL_NICENESS = 10
KERNEL_DIED = "the kernel died (out of memory, too many processes, or the code ended it)"


def emit(event: dict[str, Any]) -> None:
    """Send one result line to the grading side."""
    sys.stdout.write(json.dumps(event) + "\n")
    sys.stdout.flush()


def is_test_cell(cell) -> bool:
    nbgrader = cell.metadata.get("nbgrader", {})
    graded = nbgrader.get("grade", False) and not nbgrader.get("solution", False)
    return cell.cell_type == "code" and graded


def is_trusted_cell(cell) -> bool:
    """Cells whose code comes from the course, not the student: locked and test cells."""
    nbgrader = cell.metadata.get("nbgrader", {})
    if nbgrader.get("solution", False):
        return False
    return nbgrader.get("locked", False) or is_test_cell(cell)


class GradingClient(NotebookClient):
    """nbclient with a cap on how much output one cell may keep."""

    def __init__(self, *args, max_output_bytes: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.max_output_bytes = max_output_bytes
        self.output_bytes: dict[int, int] = {}
        self.truncated: set[int] = set()
        self.statuses: dict[int, str] = {}
        self.keep: set[int] = set()  # with --reap: the processes that may stay
        self.kernel_pid: int | None = None
        self.strays = 0
        self.timed_out = False
        self.on_cell_executed = self._remember_status

    async def _async_handle_timeout(self, timeout, cell=None):
        # Processes the cell started would get the interrupt too and, as copies of the
        # kernel, answer in its place: they go first.
        self.timed_out = True
        if not self.keep:
            return await super()._async_handle_timeout(timeout, cell)
        self.strays += reap_strays(self.keep, self.kernel_pid, interrupt=True)
        return {"content": {**self.error_on_timeout, "status": "error"}}

    async def interrupt(self) -> None:
        """Interrupt the kernel again: a signal in the sandbox, the kernel manager outside."""
        if self.kernel_pid:
            interrupt_main_thread(self.kernel_pid)
        else:
            await self.km.interrupt_kernel()

    async def settle(self) -> bool:
        """Wait until the kernel answers again, interrupting it again while it does not."""
        for seconds in SETTLE_WAITS:
            if await self.silent("", seconds) is not None:
                return True
            if not await self.km.is_alive():
                return False
            await self.interrupt()
        return False

    def _remember_status(self, cell, cell_index, execute_reply) -> None:
        self.statuses[cell_index] = str(execute_reply.get("content", {}).get("status"))

    def output(self, outs, msg, display_id, cell_index):
        size = len(json.dumps(msg.get("content", {})))
        used = self.output_bytes.get(cell_index, 0)
        if used + size > self.max_output_bytes:
            self.truncated.add(cell_index)
            return None
        self.output_bytes[cell_index] = used + size
        return super().output(outs, msg, display_id, cell_index)

    async def silent(self, code: str, timeout: float, expression: str | None = None) -> dict | None:
        """Run code the notebook does not show; the reply, or None without one in time."""
        msg_id = self.kc.execute(code, silent=True, store_history=False,
                                 user_expressions={"value": expression} if expression else None)
        deadline = asyncio.get_running_loop().time() + timeout
        while (left := deadline - asyncio.get_running_loop().time()) > 0:
            try:
                reply = await self.kc.get_shell_msg(timeout=left)
            except Exception:  # noqa: BLE001  (queue.Empty: no reply in time)
                return None
            if reply["parent_header"].get("msg_id") == msg_id:
                return reply
        return None


def guard_findings(reply: dict | None) -> list[str]:
    """What the guard reported, or why it could not report."""
    if reply is None:
        return ["the integrity check got no answer from the kernel"]
    value = reply["content"].get("user_expressions", {}).get("value", {})
    try:
        findings = json.loads(ast.literal_eval(value["data"]["text/plain"]))["findings"]
    except (KeyError, TypeError, ValueError, SyntaxError):
        return ["the integrity check could not run in the kernel"]
    if not isinstance(findings, list) or not all(isinstance(f, str) for f in findings):
        return ["the integrity check gave a malformed answer"]
    return findings


def bound_names(source: str) -> list[str]:
    """Names a cell's own statements bind (generously: any assignment target anywhere)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name).partition(".")[0] for a in node.names)
    return sorted(names)


async def check(client: GradingClient) -> list[str]:
    """Ask the guard in the kernel what notebook code has changed so far."""
    return guard_findings(await client.silent(GUARD_VERDICT, 30, GUARD_ANSWER))


def reap_strays(keep: set[int], kernel_pid: int | None = None, interrupt: bool = False) -> int:
    """Kill every process of the sandbox's pid namespace except `keep`; how many there were.

    Each round stops the strays before killing them, so that a fork bomb cannot
    replace them faster than they die. With `kernel_pid`, the kernel is stopped
    meanwhile too, and with `interrupt` its main thread is sent SIGINT before it
    resumes, so that it stops the running cell before it can start anything new.
    """
    killed = 0
    if kernel_pid:
        _signal(kernel_pid, signal.SIGSTOP)
    try:
        for _ in range(50):
            strays = [int(p) for p in os.listdir("/proc") if p.isdigit() and int(p) not in keep]
            if not strays:
                break
            for sig in (signal.SIGSTOP, signal.SIGKILL):
                for pid in strays:
                    _signal(pid, sig)
            killed += len(strays)
    finally:
        if kernel_pid:
            if interrupt:
                interrupt_main_thread(kernel_pid)
            _signal(kernel_pid, signal.SIGCONT)
    return killed


def interrupt_main_thread(pid: int) -> None:
    """SIGINT to the thread that runs the cells (its id is the process id).

    Sent to the process, the signal may be taken by another thread (always a risk
    while the process is stopped), and a main thread in `time.sleep` or a blocking
    call would then never be interrupted.
    """
    try:
        if ctypes.CDLL(None, use_errno=True).tgkill(pid, pid, signal.SIGINT) == 0:
            return
    except AttributeError:  # a C library without tgkill
        pass
    _signal(pid, signal.SIGINT)


def in_sandbox_pid_namespace() -> bool:
    """Whether this process runs in bubblewrap's own pid namespace."""
    try:
        return Path("/proc/1/comm").read_text().strip() == "bwrap"
    except OSError:
        return False


def _signal(pid: int, sig: int) -> None:
    try:
        os.kill(pid, sig)
    except ProcessLookupError:
        pass


async def run(nb, workdir: str, cell_timeout: int, max_output_bytes: int, reap: bool) -> None:
    client = GradingClient(
        nb, timeout=cell_timeout, interrupt_on_timeout=True, allow_errors=True,
        kernel_name="python3", resources={"metadata": {"path": workdir}},
        extra_arguments=["--HistoryManager.hist_file=:memory:"],
        error_on_timeout={
            "ename": "CellTimeoutError", "evalue": f"the cell ran longer than {cell_timeout} s",
            "traceback": [f"CellTimeoutError: the cell ran longer than {cell_timeout} s"],
        },
        max_output_bytes=max_output_bytes,
    )
    async with client.async_setup_kernel(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL):
        kernel_pid = client.km.provisioner.process.pid
        # The kernel and whatever it starts yield the CPU to this process, so a fork bomb
        # cannot starve the timeouts and the clean-up.
        os.setpriority(os.PRIO_PROCESS, kernel_pid, KERNEL_NICENESS)
        keep = {1, os.getpid(), kernel_pid}
        if reap:
            client.keep, client.kernel_pid = keep, kernel_pid
        if await client.silent(GUARD_SETUP, timeout=120) is None:
            emit({"event": "stopped", "reason": "the kernel did not start"})
            return
        emit({"event": "started"})
        student_code_seen = False
        # The guard's answer right after the previous code cell, when that was a test cell:
        # no notebook code has run since, so it holds for the next test cell too.
        last_check: list[str] | None = None
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            test, trusted = is_test_cell(cell), is_trusted_cell(cell)
            if trusted:
                await client.silent(GUARD_BEFORE.format(bound_names(cell.source)), timeout=60)
            elif not student_code_seen:
                student_code_seen = True
                await client.silent(GUARD_STUDENT, timeout=60)
            if test:
                findings = list(last_check) if last_check is not None else await check(client)
            else:
                findings = []
            last_check = None
            try:
                await client.async_execute_cell(cell, index, store_history=not test)
            except DeadKernelError:
                emit({"event": "stopped", "index": index, "reason": KERNEL_DIED})
                return
            # Stray processes (a fork bomb's) go first, so the checks below get the CPU.
            strays = (reap_strays(keep) if reap else 0) + client.strays
            client.strays = 0
            if strays:
                # Forked copies of the kernel share its sockets and may have answered for
                # it: stop whatever the kernel itself is still doing, and trust no test.
                reap_strays(keep, kernel_pid, interrupt=True)
                if test:
                    findings.append("processes started during this test could answer for the "
                                    "kernel (os.fork)")
            timed_out, client.timed_out = client.timed_out, False
            if timed_out:
                cell.outputs.append(nbformat.from_dict({
                    "output_type": "error", **client.error_on_timeout}))
            responsive = not (timed_out or strays) or await client.settle()
            if test and responsive:
                # Notebook code the test called may change things while the test runs.
                last_check = await check(client)
                findings += [f for f in last_check if f not in findings]
            emit({"event": "cell", "index": index, "outputs": cell.outputs,
                  "execution_count": cell.get("execution_count"), "findings": findings,
                  "status": client.statuses.get(index), "truncated": index in client.truncated,
                  "strays": strays, "timed_out": timed_out})
            if not responsive:
                # A kernel near its memory limit can take longer than the cell limit to be
                # killed: it then dies after the timeout instead of during the cell.
                why = "ran past the time limit" if timed_out else "started processes"
                reason = (f"the kernel stopped answering after a cell that {why}"
                          if await client.km.is_alive() else KERNEL_DIED)
                emit({"event": "stopped", "index": index + 1, "reason": reason})
                return
            if trusted:
                await client.silent(GUARD_AFTER.format(not student_code_seen), timeout=120)
    emit({"event": "done"})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", required=True)
    parser.add_argument("--cell-timeout", type=int, required=True)
    parser.add_argument("--max-output-bytes", type=int, required=True)
    parser.add_argument("--reap", action="store_true", help="kill stray processes after each cell")
    args = parser.parse_args()
    if args.reap and not in_sandbox_pid_namespace():
        parser.error("--reap kills every other process in sight: it is only for the sandbox, "
                     "where process 1 is bubblewrap")
    try:
        ctypes.CDLL(None).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
    except (OSError, AttributeError):
        pass
    nb = nbformat.reads(sys.stdin.read(), as_version=4)
    os.chdir(args.workdir)
    asyncio.run(run(nb, args.workdir, args.cell_timeout, args.max_output_bytes, args.reap))


if __name__ == "__main__":
    main()
