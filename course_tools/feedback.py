"""Feedback for students without the hidden tests, and `course feedback`."""

from __future__ import annotations

import html
import keyword
import re
from collections.abc import Iterator

from nbformat import NotebookNode
from nbformat.v4 import new_output
from nbgrader.preprocessors import ClearHiddenTests

from .course import Course, nbgrader_failure

HIDDEN_NOTE = "# (hidden tests ran here; their code is not shown)"
WITHHELD_NOTE = "[output withheld: it quoted the hidden tests]\n"
MIN_HIDDEN_LINE = 12

_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")
_TAG = re.compile(r"<[^<>]*>")
_PY_ESCAPE = re.compile(r"\\([\\'\"nt])")
_PY_ESCAPED = {"n": "\n", "t": "\t"}
_WORD = re.compile(r"[A-Za-z_]\w*")
_GENERIC_WORDS = frozenset(keyword.kwlist)


def _squash(text: str) -> str:
    """`text` with every run of whitespace made one space, and stripped."""
    return " ".join(text.split())


def hidden_test_lines(
    nb: NotebookNode, begin: str = "BEGIN HIDDEN TESTS", end: str = "END HIDDEN TESTS"
) -> frozenset[str]:
    """The lines of hidden test code in `nb` that feedback must not quote.

    A line counts if it lies inside a hidden-test region of any cell and, after
    stripping (and squashing inner whitespace), it is at least MIN_HIDDEN_LINE
    characters long, has a word that is not a Python keyword (so not blank, pure
    punctuation, or `assert`/`pass`/`return None`-like), and does not also appear
    outside the hidden regions: a line the notebook shows anyway is no secret, and
    short generic lines would withhold ordinary student output by accident.
    """
    hidden: set[str] = set()
    public: set[str] = set()
    for cell in nb.cells:
        in_region = False
        for raw in cell.source.split("\n"):
            if begin in raw or end in raw:
                in_region = begin in raw
                continue
            line = _squash(raw)
            (hidden if in_region else public).add(line)
    return frozenset(
        line for line in hidden - public
        if len(line) >= MIN_HIDDEN_LINE
        and any(word not in _GENERIC_WORDS for word in _WORD.findall(line))
    )


def _texts(value: object) -> Iterator[str]:
    """Every string in an output (or a field of it); a list of strings is one text."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list) and all(isinstance(v, str) for v in value):
        yield "".join(value)
    elif isinstance(value, list | dict):
        for item in value.values() if isinstance(value, dict) else value:
            yield from _texts(item)


def quotes_hidden(text: str, hidden: frozenset[str]) -> bool:
    """Whether `text` contains a hidden line, also once ANSI colour codes are removed
    and HTML tags, HTML entities (`&lt;`, `&quot;`, `&#x27;`...) or Python string
    escapes (as in `repr(In)`: `\\'`, `\\n`) are undone, whitespace squashed."""
    if not hidden:
        return False
    variants = {_ANSI.sub("", text)}
    for undo in (
        lambda t: _TAG.sub("", t),
        html.unescape,
        lambda t: _PY_ESCAPE.sub(lambda m: _PY_ESCAPED.get(m[1], m[1]), t),
    ):
        variants |= {undo(t) for t in variants}
    squashed = {_squash(t) for t in variants}
    return any(line in t for t in squashed for line in hidden)


def withhold_quoting_outputs(outputs: list, hidden: frozenset[str]) -> list:
    """`outputs` with each output that quotes a hidden line replaced by a note.

    The remaining stream outputs are also checked joined per stream name, so a line
    printed a few characters at a time is caught too (all those parts are withheld);
    an output that quotes nothing is kept as is.
    """
    leaks = [any(quotes_hidden(text, hidden) for text in _texts(o)) for o in outputs]
    for name in ("stdout", "stderr"):
        rest = [i for i, o in enumerate(outputs) if not leaks[i]
                and o.get("output_type") == "stream" and o.get("name") == name]
        if quotes_hidden("".join(t for i in rest for t in _texts(outputs[i].get("text"))), hidden):
            for i in rest:
                leaks[i] = True
    kept: list = []
    for output, leak in zip(outputs, leaks):
        if not leak:
            kept.append(output)
        elif not kept or kept[-1].get("text") != WITHHELD_NOTE:
            kept.append(new_output("stream", name="stdout", text=WITHHELD_NOTE))
    return kept


class RedactHiddenTests(ClearHiddenTests):
    """Remove hidden test code from feedback, and the outputs that would quote it.

    nbgrader's feedback shows the autograded notebook, whose test cells hold the
    full source version. A failing cell's traceback quotes lines around the failure,
    so for a cell that had hidden tests only the error's name and message are kept.
    Student code ran in the same kernel as the hidden tests and can print them
    (`In`, the notebook file, exception messages, HTML...), so any output of any
    cell that quotes a hidden line (see `hidden_test_lines`) is withheld.
    """

    hidden_lines: frozenset[str] = frozenset()

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        self.hidden_lines = hidden_test_lines(
            nb, self.begin_test_delimeter, self.end_test_delimeter)
        return super().preprocess(nb, resources)

    def preprocess_cell(
        self, cell: NotebookNode, resources: dict, cell_index: int
    ) -> tuple[NotebookNode, dict]:
        if cell.cell_type != "code":
            return cell, resources
        if self._remove_hidden_test_region(cell):
            cell.source = cell.source.rstrip() + "\n" + HIDDEN_NOTE
            for output in cell.get("outputs", []):
                if output.get("output_type") == "error":
                    output["traceback"] = [f"{output.get('ename')}: {output.get('evalue')}"]
        if cell.get("outputs"):
            cell.outputs = withhold_quoting_outputs(cell.outputs, self.hidden_lines)
        return cell, resources


def generate_feedback(course: Course, assignment: str) -> list[str]:
    """Write feedback HTML for every autograded submission of `assignment`."""
    course.check_assignment(assignment)
    result = course.api().generate_feedback(assignment, force=True)
    if not result["success"]:
        raise nbgrader_failure(f"nbgrader generate_feedback {assignment}", result)
    return sorted(str(p) for p in course.feedback_dir.glob(f"*/{assignment}/*.html"))
