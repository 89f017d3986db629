"""Executes one notebook for grading in two kernels (``python -m course_tools.runner``).

This process runs outside every sandbox, as the grader. It starts the student's
kernel in one sandbox and a trusted kernel in another, and goes through the
notebook in order:

* course cells (setup, given code) run in both kernels;
* answer cells and the student's own cells run in the student's kernel only;
* test cells run in the trusted kernel only. Before each, the names the answer
  cells defined are bound there to proxies (``course_tools.remote``); while it
  runs, the student's kernel answers the proxies' requests, and this process
  relays them. Nothing of a test cell (its code, its expected values) is ever
  sent to the student's kernel, and nothing the student's kernel says is taken
  for more than the student's answer.

The configuration and the notebook arrive as JSON on standard input; each
executed cell is reported as one JSON line on standard output (its outputs, the
reply status, what the limits did), then the guard's flags and ``done``.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import nbformat
from jupyter_client import AsyncKernelManager
from nbclient import NotebookClient
from nbclient.exceptions import DeadKernelError
from nbformat.v4 import new_code_cell

from .cells import is_answer_cell, is_course_cell, is_test_cell, public_source, top_level_names
from .remote.agent import refusal, refusal_reply
from .remote.channel import frame_header, header_parts, read_frame, write_frame

SETTLE_WAITS = (3, 10, 10)  # seconds to wait for a kernel after each interrupt
KERNEL_NICENESS = 10
KERNEL_DIED = "the kernel died (out of memory, too many processes, or the code ended it)"
START_SECONDS = 120
KERNEL_IPC = "/tmp/kernel"  # where a sandboxed kernel binds its sockets, as it sees it
STUDENT_START = ("__import__('course_tools.remote.student_kernel').remote.student_kernel"
                 ".start({socket!r}, {files!r})")
TRUSTED_START = "__import__('course_tools.remote.trusted').remote.trusted.connect({socket!r})"
SERVE = "__import__('course_tools.remote.student_kernel').remote.student_kernel.serve()"
BIND = "__import__('course_tools.remote.trusted').remote.trusted.bind({names!r})"
GUARD_VERDICT = "__import__('course_tools.guard').guard.verdict()"
GUARD_ANSWER = "__import__('course_tools.guard').guard.last_verdict()"
GUARD_AFTER = "__import__('course_tools.guard').guard.after_course_cell(update={})"
GUARD_STUDENT = "__import__('course_tools.guard').guard.notebook_code_starts()"


class InfrastructureError(RuntimeError):
    """Grading could not run (not the student's doing): the submission must not be scored."""


def emit(event: dict[str, Any]) -> None:
    """Send one result line to the grading side."""
    sys.stdout.write(json.dumps(event) + "\n")
    sys.stdout.flush()


# ----------------------------------------------------------------------- processes


def _children(pid: int) -> list[int]:
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            text = Path(f"/proc/{pid}/task/{task}/children").read_text()
            found += [int(p) for p in text.split()]
    except OSError:
        pass
    return found


def descendants(pid: int) -> list[int]:
    """Every process below `pid` (through reparenting to a sandbox's own init, too)."""
    found, todo = [], [pid]
    while todo:
        for child in _children(todo.pop()):
            if child not in found:
                found.append(child)
                todo.append(child)
    return found


def _innermost_pid(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("NSpid:"):
                return int(line.split()[-1])
    except (OSError, ValueError):
        pass
    return None


def find_kernel(launched: int, sandboxed: bool) -> int | None:
    """The kernel's process id: bubblewrap runs it as process 2 of its own namespace."""
    if not sandboxed:
        return launched
    for pid in descendants(launched):
        if _innermost_pid(pid) == 2:
            return pid
    return None


async def wait_for_kernel(launched: int, seconds: float = START_SECONDS) -> int:
    """The sandboxed kernel's process id, once bubblewrap has started it."""
    deadline = asyncio.get_running_loop().time() + seconds
    while (pid := find_kernel(launched, True)) is None:
        if not Path(f"/proc/{launched}").exists():
            raise InfrastructureError("the sandbox ended before its kernel started (bubblewrap "
                                      "refused its command line?)")
        if asyncio.get_running_loop().time() > deadline:
            raise InfrastructureError("the kernel process could not be found in its sandbox")
        await asyncio.sleep(0.02)
    return pid


def _signal(pid: int, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.kill(pid, sig)


def interrupt_main_thread(pid: int) -> None:
    """SIGINT to the thread that runs the cells (its id is the process id).

    Sent to the process, the signal may be taken by another thread, and a main
    thread in `time.sleep` or a blocking call would then never be interrupted.
    """
    try:
        if ctypes.CDLL(None, use_errno=True).tgkill(pid, pid, signal.SIGINT) == 0:
            return
    except AttributeError:  # a C library without tgkill
        pass
    _signal(pid, signal.SIGINT)


def reap_strays(keep: set[int], below: int, kernel: int | None = None,
                interrupt: bool = False) -> int:
    """Kill every process below `below` except `keep`; how many there were.

    Each round stops the strays before killing them, so that a fork bomb cannot
    replace them faster than they die. With `kernel`, the kernel is stopped
    meanwhile too, and with `interrupt` its main thread gets SIGINT before it
    resumes, so that it stops the running cell before it can start anything new.
    """
    killed = 0
    if kernel:
        _signal(kernel, signal.SIGSTOP)
    try:
        for _ in range(50):
            strays = [p for p in descendants(below) if p not in keep]
            if not strays:
                break
            for sig in (signal.SIGSTOP, signal.SIGKILL):
                for pid in strays:
                    _signal(pid, sig)
            killed += len(strays)
    finally:
        if kernel:
            if interrupt:
                interrupt_main_thread(kernel)
            _signal(kernel, signal.SIGCONT)
    return killed


# ----------------------------------------------------------------------- kernels


class SandboxedKernelManager(AsyncKernelManager):
    """A kernel manager that starts the kernel behind a command prefix (the sandbox)
    and interrupts it by signalling its main thread directly.

    A sandboxed kernel binds its ZeroMQ sockets in its own ``/tmp`` (the connection
    file names them as the kernel sees them); once the kernel runs, this side
    connects to them through ``/proc/<kernel>/root``, so the sandbox needs no
    writable folder of the grading machine.
    """

    prefix: list[str] = []
    interrupt_pid: int | None = None
    sandboxed = False

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        return [*self.prefix, *super().format_kernel_cmd(extra_arguments)]

    async def _async_post_start_kernel(self, **kw: Any) -> None:
        if self.sandboxed:
            self.interrupt_pid = await wait_for_kernel(self.provisioner.process.pid)
            self.ip = f"/proc/{self.interrupt_pid}/root{self.ip}"
        await super()._async_post_start_kernel(**kw)

    async def _async_interrupt_kernel(self) -> None:
        if self.interrupt_pid:
            interrupt_main_thread(self.interrupt_pid)
        else:
            await super()._async_interrupt_kernel()

    interrupt_kernel = _async_interrupt_kernel


class GradingClient(NotebookClient):
    """nbclient with a cap on how much output one cell may keep, and shared test outputs.

    While a test cell runs, both kernels' clients put their outputs into one list
    (`shared`), in the order they arrive.
    """

    def __init__(self, *args, max_output_bytes: int, counts: dict[int, int], **kwargs):
        super().__init__(*args, **kwargs)
        self.max_output_bytes = max_output_bytes
        self.output_bytes = counts
        self.truncated: set[int] = set()
        self.statuses: dict[int, str] = {}
        self.timed_out = False
        self.shared: list | None = None
        self.ignore_clear = False
        self.on_timeout = None  # called before this kernel is interrupted for a timeout
        self.on_cell_executed = self._remember_status

    async def _async_handle_timeout(self, timeout, cell=None):
        self.timed_out = True
        if self.on_timeout is not None:
            await self.on_timeout()
        return await super()._async_handle_timeout(timeout, cell)

    def _remember_status(self, cell, cell_index, execute_reply) -> None:
        self.statuses[cell_index] = str(execute_reply.get("content", {}).get("status"))

    def output(self, outs, msg, display_id, cell_index):
        size = len(json.dumps(msg.get("content", {})))
        used = self.output_bytes.get(cell_index, 0)
        if used + size > self.max_output_bytes:
            self.truncated.add(cell_index)
            return None
        self.output_bytes[cell_index] = used + size
        return super().output(self.shared if self.shared is not None else outs, msg,
                              display_id, cell_index)

    def clear_output(self, outs, msg, cell_index):
        if self.ignore_clear:
            return None  # the student's code must not wipe what the test printed
        return super().clear_output(self.shared if self.shared is not None else outs, msg,
                                    cell_index)

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

    async def settle(self) -> bool:
        """Wait until the kernel answers again, interrupting it again while it does not."""
        for seconds in SETTLE_WAITS:
            if await self.silent("", seconds) is not None:
                return True
            if not await self.km.is_alive():
                return False
            await self.km.interrupt_kernel()
        return False


class Kernel:
    """One of the two kernels: its process, its client and its connection to us."""

    def __init__(self, role: str, nb, config: dict, counts: dict[int, int]):
        self.role = role
        self.config = config
        self.folder = Path(config["run_dir"]) / role
        self.folder.mkdir(parents=True, exist_ok=True)
        self.sandboxed = bool(config.get("bwrap"))
        km = SandboxedKernelManager(kernel_name="python3", transport="ipc",
                                    ip=KERNEL_IPC if self.sandboxed else str(self.folder / "k"),
                                    connection_file=str(self.folder / "kernel.json"))
        km.prefix = config["prefixes"][role]
        km.sandboxed = self.sandboxed
        self.km = km
        limits = config["limits"]
        self.client = GradingClient(
            nb, km=km, timeout=limits["cell_seconds"], interrupt_on_timeout=True,
            allow_errors=True, kernel_name="python3", max_output_bytes=limits["output_bytes"],
            counts=counts, extra_arguments=["--HistoryManager.hist_file=:memory:"],
            # The folder the kernel process starts in, here (a sandbox sets its own).
            resources={"metadata": {"path": config["workdir"] if role == "student" and not
                                    self.sandboxed else str(self.folder)}},
            error_on_timeout={
                "ename": "CellTimeoutError",
                "evalue": f"the cell ran longer than {limits['cell_seconds']} s",
                "traceback": [f"CellTimeoutError: the cell ran longer than "
                              f"{limits['cell_seconds']} s"]})
        # The limit of the next cell: the cell limit, or longer for the course's cells
        # before any of the student's code (NotebookRun.cell sets it).
        self.cell_limit = limits["cell_seconds"]
        self.client.timeout_func = lambda cell: (
            None if cell.get("metadata", {}).get("course_serve") else self.cell_limit)
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None
        self.launched = 0
        self.pid = 0
        self.strays = 0
        # Why the frames from this kernel can no longer be read (it sent a malformed one).
        self.unreadable: str | None = None
        self._reading: asyncio.Future | None = None  # the read of the next frame, once begun

    @property
    def socket_path(self) -> str:
        return str(self.folder / "agent.sock")

    async def start(self, stack: contextlib.AsyncExitStack) -> None:
        connected: asyncio.Future = asyncio.get_running_loop().create_future()

        async def accept(reader, writer):
            if connected.done():
                writer.close()  # one connection only: the kernel's own, made first
                return
            connected.set_result((reader, writer))

        server = await asyncio.start_unix_server(accept, path=self.socket_path, limit=1 << 24)
        await stack.enter_async_context(self.client.async_setup_kernel(
            env=self.config["envs"][self.role], stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, independent=False))
        self.launched = self.km.provisioner.process.pid
        self.pid = self.km.interrupt_pid or self.launched
        self.km.interrupt_pid = self.pid
        if self.role == "student":
            os.setpriority(os.PRIO_PROCESS, self.pid, KERNEL_NICENESS)
            start = STUDENT_START.format(socket=self.socket_path, files=self.config["files"])
        else:
            start = TRUSTED_START.format(socket=self.socket_path)
        reply = await self.client.silent(start, START_SECONDS)
        if reply is None or reply["content"].get("status") != "ok":
            why = "did not answer" if reply is None else (
                f"{reply['content'].get('ename')}: {reply['content'].get('evalue')}")
            if reply is not None and reply["content"].get("ename") == "ModuleNotFoundError":
                why += (" (the kernel's Python does not find the course's packages where the "
                        "sandbox holds them: is the environment installed from another "
                        "checkout of the course? Reinstall it from this one with `make venv`)")
            raise InfrastructureError(f"the {self.role} kernel could not start for grading: {why}")
        try:
            self.reader, self.writer = await asyncio.wait_for(connected, 30)
        except TimeoutError:
            raise InfrastructureError(f"the {self.role} kernel did not connect") from None
        finally:
            server.close()

    async def next_frame(self) -> list[bytes]:
        """The kernel's next frame, read whole even when the caller is cancelled meanwhile.

        A relay is stopped (cancelled) at the end of every test cell, possibly while
        a frame is coming in: the read goes on, and the next call gets that frame, so
        the stream never gets out of step. Once the stream has ended or carried
        something that is not a frame, every call raises that again.
        """
        if self._reading is None:
            self._reading = asyncio.ensure_future(read_frame(self.reader))
        parts = await asyncio.shield(self._reading)
        self._reading = None
        return parts

    def reap(self, interrupt: bool = False) -> int:
        """Kill what the kernel left running; the count, also added to `strays`."""
        if not self.pid:
            return 0
        keep = {self.pid, *([] if not self.sandboxed else
                            [p for p in _children(self.launched)])}
        below = self.launched if self.sandboxed else self.pid
        killed = reap_strays(keep, below, self.pid if interrupt else None, interrupt)
        self.strays += killed
        return killed


# ----------------------------------------------------------------------- relaying


class Relay:
    """Carries requests and replies between the two kernels during a test cell.

    Only what answers a waiting request goes through; a reply nobody waits for (a
    late one after a timeout, or one the student's code made up) is dropped, and
    a helper the trusted kernel sends to run in the student's kernel must come
    from a public part of a test cell. Once the student's kernel has sent
    something that is not a frame, its stream cannot be read any more: every
    request of the test then gets an error at once (the student's answers cannot
    be had), in this test cell and in every later one.
    """

    def __init__(self, student: Kernel, trusted: Kernel, public_text: str):
        self.student, self.trusted = student, trusted
        self.public_text = public_text
        self.waiting_trusted: set[Any] = set()  # requests of the trusted kernel
        self.waiting_student: set[Any] = set()  # requests of the student's kernel
        self.tasks: list[asyncio.Task] = []

    def start(self) -> None:
        self.tasks = [asyncio.ensure_future(self._from_trusted()),
                      asyncio.ensure_future(self._from_student())]

    async def stop(self) -> None:
        for task in self.tasks:
            task.cancel()
        for task in self.tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        self.waiting_trusted.clear()
        self.waiting_student.clear()

    async def _reply_error(self, number: Any, message: str) -> None:
        await write_frame(self.trusted.writer, header_parts(refusal_reply(number, message)))

    async def _from_trusted(self) -> None:
        while True:
            parts = await self.trusted.next_frame()
            header = frame_header(parts)
            if "request" in header:
                problem = refusal(header, self.public_text) or self.student.unreadable
                if problem:
                    await self._reply_error(header["request"], problem)
                    continue
                self.waiting_trusted.add(header["request"])
            elif header.get("reply") in self.waiting_student:
                self.waiting_student.discard(header["reply"])
            else:
                continue
            await write_frame(self.student.writer, parts)

    async def _from_student(self) -> None:
        if self.student.unreadable:
            return
        try:
            while True:
                parts = await self.student.next_frame()
                header = frame_header(parts)
                number = header.get("request", header.get("reply"))
                if type(number) is not int:
                    continue  # a frame, but nothing can wait for it
                if "request" in header and header.get("op") == "call":
                    self.waiting_student.add(number)
                elif "reply" in header and number in self.waiting_trusted:
                    self.waiting_trusted.discard(number)
                else:
                    continue  # nothing waits for it
                await write_frame(self.trusted.writer, parts)
        except (EOFError, ConnectionError):
            await self._fail_waiting("the kernel running the student's code stopped")
        except ValueError as exc:  # WireError: not a frame, so the stream is out of step
            self.student.unreadable = (
                f"the kernel running the student's code sent a malformed message ({exc}); "
                "from then on its answers could not be read")
            await self._fail_waiting(self.student.unreadable)

    async def _fail_waiting(self, message: str) -> None:
        for number in list(self.waiting_trusted):
            await self._reply_error(number, message)
        self.waiting_trusted.clear()


async def stop_serving(student: Kernel) -> None:
    await write_frame(student.writer, header_parts({"op": "stop"}))


# ----------------------------------------------------------------------- the notebook


class NotebookRun:
    """The walk through one notebook; see the module docstring."""

    def __init__(self, nb, config: dict):
        self.nb = nb
        self.config = config
        counts: dict[int, int] = {}
        self.student = Kernel("student", nb, config, counts)
        self.trusted = Kernel("trusted", nb, config, counts)
        self.public_text = "\n".join(public_source(c.source) for c in nb.cells
                                     if c.cell_type == "code")
        self.answer_names: set[str] = set()
        self.course_names: set[str] = set()
        self.bound: dict[str, None] = {}
        self.student_code_seen = False

    async def run(self) -> None:
        async with contextlib.AsyncExitStack() as stack:
            await asyncio.gather(self.student.start(stack), self.trusted.start(stack))
            emit({"event": "started"})
            for index, cell in enumerate(self.nb.cells):
                if cell.cell_type != "code":
                    continue
                if not await self.cell(index, cell):
                    return
            flags = await self.guard_flags()
            if self.student.unreadable:  # seen here, outside the student's reach
                flags.append(self.student.unreadable)
            emit({"event": "done", "flags": flags})

    async def cell(self, index: int, cell) -> bool:
        """Execute one cell where it belongs and report it; False once the notebook stops."""
        student, trusted = self.student.client, self.trusted.client
        if is_test_cell(cell):
            done = await self.test_cell(index, cell)
            self.course_names.update(top_level_names(cell.source))
            return done
        course = is_course_cell(cell)
        if course:
            self.course_names.update(top_level_names(cell.source))
        elif not self.student_code_seen:
            self.student_code_seen = True
            await student.silent(GUARD_STUDENT, 60)
        # Until the student's code runs, a cell is the course's own code: it may take as
        # long as a kernel may take to start (a busy machine importing PyTorch), and only
        # grading fails if it does not finish (below).
        limits = self.config["limits"]
        limit = (max(limits["cell_seconds"], limits.get("setup_seconds", START_SECONDS))
                 if course and not self.student_code_seen else limits["cell_seconds"])
        self.student.cell_limit = self.trusted.cell_limit = limit
        jobs = [self._execute(self.student, cell, index, store_history=True)]
        if course:
            # The trusted kernel runs its own copy; only the student's outputs are shown.
            jobs.append(self._execute(self.trusted, new_code_cell(cell.source), index,
                                      store_history=False))
        results = await asyncio.gather(*jobs)
        if course and results[1] == "dead":
            raise InfrastructureError(f"the grading kernel died running course cell {index + 1}")
        if course and not self.student_code_seen and {"timeout", "dead"} & {*results}:
            # No code of the student's has run in either kernel yet: not the student's doing.
            which = "the student's kernel died" if results[0] == "dead" else (
                f"it ran past the {limit} s limit of the course's cells before the student's code")
            raise InfrastructureError(
                f"course cell {index + 1} did not finish before any of the student's code ran "
                f"({which}): the machine is too busy, or the limit too tight for the course's "
                "own code; grade the submission again")
        if course and trusted.statuses.get(index) == "error" and not self.student_code_seen:
            raise InfrastructureError(
                f"the grading kernel could not run course cell {index + 1} (the "
                "course's own code fails there; check the environment)")
        if is_answer_cell(cell):
            self.answer_names.update(top_level_names(cell.source))
        return await self.report(index, cell, self.student, results[0],
                                 student.statuses.get(index), after_course=course)

    async def _execute(self, kernel: Kernel, cell, index: int, store_history: bool) -> str:
        """'ok', 'timeout' or 'dead'."""
        try:
            await kernel.client.async_execute_cell(cell, index, store_history=store_history)
        except DeadKernelError:
            return "dead"
        if kernel.client.timed_out:
            kernel.client.timed_out = False
            cell.outputs.append(nbformat.from_dict({
                "output_type": "error", **kernel.client.error_on_timeout}))
            return "timeout"
        return "ok"

    async def report(self, index: int, cell, kernel: Kernel, outcome: str,
                     status: str | None, after_course: bool = False) -> bool:
        if outcome == "dead":
            emit({"event": "stopped", "index": index, "reason": KERNEL_DIED})
            return False
        strays = kernel.reap()
        if strays:
            kernel.reap(interrupt=True)  # forked copies of the kernel may still be running it
        responsive = (outcome == "ok" and not strays) or await kernel.client.settle()
        emit({"event": "cell", "index": index, "outputs": cell.outputs,
              "execution_count": cell.get("execution_count"),
              "status": status,
              "truncated": index in kernel.client.truncated, "strays": strays,
              "timed_out": outcome == "timeout"})
        if not responsive:
            why = "ran past the time limit" if outcome == "timeout" else "started processes"
            reason = (f"the kernel stopped answering after a cell that {why}"
                      if await kernel.km.is_alive() else KERNEL_DIED)
            emit({"event": "stopped", "index": index + 1, "reason": reason})
            return False
        if after_course:
            await self.student.client.silent(
                GUARD_AFTER.format(not self.student_code_seen), 120)
        return True

    async def test_cell(self, index: int, cell) -> bool:
        student, trusted = self.student, self.trusted
        relay = Relay(student, trusted, self.public_text)
        serve = new_code_cell(SERVE, metadata={"course_serve": True})
        shared: list = []
        student.client.shared = trusted.client.shared = shared
        student.client.ignore_clear = True

        async def interrupt_student() -> None:
            # The test most likely waits for the student's code: stop that first, and give
            # its answer (the interruption) a moment to reach the test.
            interrupt_main_thread(student.pid)
            for _ in range(50):
                if not relay.waiting_trusted:
                    return
                await asyncio.sleep(0.1)

        trusted.client.on_timeout = interrupt_student
        relay.start()
        serving = asyncio.ensure_future(
            self._execute(student, serve, index, store_history=False))
        try:
            names = sorted(self.answer_names - self.course_names)
            reply = await trusted.client.silent(BIND.format(names=names),
                                                self.config["limits"]["cell_seconds"])
            if reply is None:
                raise InfrastructureError("the grading kernel did not bind the answers' names")
            outcome = await self._execute(trusted, cell, index, store_history=False)
        finally:
            student.client.shared = trusted.client.shared = None
            trusted.client.on_timeout = None
            with contextlib.suppress(Exception):
                await stop_serving(student)
        try:
            served = await asyncio.wait_for(asyncio.shield(serving), SETTLE_WAITS[0])
        except TimeoutError:
            interrupt_main_thread(student.pid)
            try:
                served = await asyncio.wait_for(serving, sum(SETTLE_WAITS))
            except TimeoutError:
                served = "timeout"
        await relay.stop()
        student.client.ignore_clear = False
        cell.outputs = shared + list(cell.outputs)  # and the time limit's error, if it struck
        if trusted.client.statuses.get(index) == "error" and not any(
                o.get("output_type") == "error" for o in shared):
            shared.append(nbformat.from_dict({
                "output_type": "error", "ename": "TestError",
                "evalue": "the test failed", "traceback": []}))
        if outcome == "dead":
            raise InfrastructureError("the grading kernel died during a test cell")
        if served == "dead":
            emit({"event": "cell", "index": index, "outputs": cell.outputs,
                  "execution_count": None, "status": "error", "truncated": False,
                  "strays": 0, "timed_out": False})
            emit({"event": "stopped", "index": index + 1, "reason": KERNEL_DIED})
            return False
        if outcome == "timeout" and not await trusted.client.settle():
            raise InfrastructureError("the grading kernel stopped answering after a timeout")
        timed_out = served == "timeout" or outcome == "timeout"
        return await self.report(index, cell, student, "timeout" if timed_out else "ok",
                                 "error" if timed_out else trusted.client.statuses.get(index))

    async def guard_flags(self) -> list[str]:
        """What the guard in the student's kernel saw notebook code change (for a human)."""
        reply = await self.student.client.silent(GUARD_VERDICT, 30, GUARD_ANSWER)
        if reply is None:
            return ["the integrity check got no answer from the kernel"]
        value = reply["content"].get("user_expressions", {}).get("value", {})
        try:
            import ast

            findings = json.loads(ast.literal_eval(value["data"]["text/plain"]))["findings"]
        except (KeyError, TypeError, ValueError, SyntaxError):
            return ["the integrity check could not run in the kernel"]
        if not isinstance(findings, list):
            return ["the integrity check gave a malformed answer"]
        return [str(f)[:500] for f in findings[:50]]


def main() -> None:
    config = json.loads(sys.stdin.read())
    nb = nbformat.reads(config.pop("notebook"), as_version=4)
    try:
        asyncio.run(NotebookRun(nb, config).run())
    except InfrastructureError as exc:
        emit({"event": "failed", "reason": str(exc)})
    except Exception as exc:  # noqa: BLE001  (reported, never a student's zero)
        emit({"event": "failed", "reason": f"the grading process failed: "
                                           f"{type(exc).__name__}: {exc}"})


if __name__ == "__main__":
    main()
