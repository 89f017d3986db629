"""Feedback for students, and `course feedback`.

nbgrader's GenerateFeedback renders each autograded notebook with nbconvert's
HTMLExporter; ``nbgrader_config.py`` gives it the steps below and the course's
template (``feedback_templates/feedback/course_feedback.html.j2``, which extends nbgrader's):

- `GetFeedbackGrades`: nbgrader's GetGrades, also noting answers no one graded yet;
- `RedactHiddenTests`: the hidden tests' code, and any output quoting it, removed;
- `SummarizeFeedback`: the points and each failed test's message, for the top of the page;
- `LimitRichOutputs`: outputs' HTML and Markdown past the intake limits shown as text;
- `AddLocalMathJax`: MathJax written beside the page, so that formulas need no network;
- `clean_html`: the sanitiser for Markdown and HTML from the notebook (no scripts).
"""

from __future__ import annotations

import functools
import html
import keyword
import re
from collections.abc import Iterator
from pathlib import Path

import bleach
from bleach.css_sanitizer import CSSSanitizer
from nbformat import NotebookNode
from nbformat.v4 import new_output
from nbgrader.api import Gradebook, MissingEntry
from nbgrader.preprocessors import ClearHiddenTests, GetGrades, NbGraderPreprocessor
from pygments.token import STANDARD_TYPES

from .cells import HIDDEN_BEGIN, HIDDEN_END, grade_id, is_test_cell, split_hidden
from .course import Course, nbgrader_failure
from .submissions import MAX_CELL_BYTES, MAX_MARKDOWN_BYTES

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


def course_test_cells(nb: NotebookNode, resources: dict | None = None) -> frozenset[int]:
    """Indexes of the cells of `nb` that are the course's test cells.

    By metadata, a test cell is code, grade and not solution; a student can put
    such metadata on a cell of their own. When `resources` name the gradebook (as
    nbgrader's pipeline does), a cell also has to be a test cell of this notebook
    there and end with its source as the course wrote it (nbgrader restored it; a
    deleted cell put back starts with nbgrader's note).
    """
    tests = {i for i, cell in enumerate(nb.cells) if is_test_cell(cell)}
    info = (resources or {}).get("nbgrader", {})
    if not all(info.get(key) for key in ("db_url", "notebook", "assignment")):
        return frozenset(tests)
    with Gradebook(info["db_url"]) as gradebook:
        try:
            notebook = gradebook.find_notebook(info["notebook"], info["assignment"])
        except MissingEntry:
            return frozenset()
        graded = {cell.name for cell in notebook.grade_cells}
        answers = {cell.name for cell in notebook.solution_cells}
        sources = {cell.name: cell.source for cell in notebook.source_cells
                   if cell.name in graded - answers}
    return frozenset(
        i for i in tests
        if (source := sources.get(grade_id(nb.cells[i]))) is not None
        and nb.cells[i].source.endswith(source)
    )


def hidden_test_lines(
    nb: NotebookNode, begin: str = HIDDEN_BEGIN, end: str = HIDDEN_END,
    tests: frozenset[int] | None = None,
) -> frozenset[str]:
    """The lines of hidden test code in `nb` that feedback must not quote.

    Hidden regions are those of the test cells `tests` (indexes; default: every test
    cell by its metadata); the markers in any other cell are the student's text.
    A line counts if it lies inside a hidden-test region of a test cell and, after
    stripping (and squashing inner whitespace), it is at least MIN_HIDDEN_LINE
    characters long, has a word that is not a Python keyword (so not blank, pure
    punctuation, or `assert`/`pass`/`return None`-like), and does not also appear
    outside the hidden regions: a line the notebook shows anyway is no secret, and
    short generic lines would withhold ordinary student output by accident.
    """
    hidden: set[str] = set()
    public: set[str] = set()
    if tests is None:
        tests = frozenset(i for i, cell in enumerate(nb.cells) if is_test_cell(cell))
    for index, cell in enumerate(nb.cells):
        shown, regions = (split_hidden(cell.source, begin, end) if index in tests
                          else (cell.source.split("\n"), []))
        public.update(map(_squash, shown))
        hidden.update(_squash(line) for region in regions for line in region)
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

    Only the course's test cells (`course_test_cells`) have hidden regions: the
    markers in a student's own cell are the student's text, shown as written.
    """

    hidden_lines: frozenset[str] = frozenset()
    test_cells: frozenset[int] = frozenset()

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        self.test_cells = course_test_cells(nb, resources)
        self.hidden_lines = hidden_test_lines(
            nb, self.begin_test_delimeter, self.end_test_delimeter, self.test_cells)
        return super().preprocess(nb, resources)

    def preprocess_cell(
        self, cell: NotebookNode, resources: dict, cell_index: int
    ) -> tuple[NotebookNode, dict]:
        if cell.cell_type != "code":
            return cell, resources
        if cell_index in self.test_cells and self._redact_test_source(cell):
            for output in cell.get("outputs", []):
                if output.get("output_type") == "error":
                    output["traceback"] = [f"{output.get('ename')}: {output.get('evalue')}"]
        if cell.get("outputs"):
            cell.outputs = withhold_quoting_outputs(cell.outputs, self.hidden_lines)
        return cell, resources

    def _redact_test_source(self, cell: NotebookNode) -> bool:
        """Remove the hidden region of a test cell; True if it had one."""
        try:
            if not self._remove_hidden_test_region(cell):
                return False
        except RuntimeError:  # markers that do not pair up: show none of the cell's code
            cell.source = HIDDEN_NOTE
            return True
        cell.source = cell.source.rstrip() + "\n" + HIDDEN_NOTE
        return True


class GetFeedbackGrades(GetGrades):
    """nbgrader's GetGrades, also noting in each graded cell's metadata whether it
    waits for a grader (`pending`): nbgrader scores such an answer 0 until then."""

    def _get_score(self, cell: NotebookNode, resources: dict) -> None:
        grade = self.gradebook.find_grade(cell.metadata.nbgrader["grade_id"], self.notebook_id,
                                          self.assignment_id, self.student_id)
        cell.metadata.nbgrader["score"] = grade.score
        cell.metadata.nbgrader["points"] = grade.max_score
        cell.metadata.nbgrader["pending"] = grade.manual_score is None and grade.needs_manual_grade


MESSAGE_CHARS = 2000  # of a failure message in the summary; the cell shows all of it
WITHHELD_MESSAGE = "its message is withheld: it quoted the hidden tests"


def failure_message(cell: NotebookNode) -> str:
    """What a failed test cell said: its last error's name and message, ANSI codes removed."""
    outputs = cell.get("outputs", [])
    errors = [o for o in outputs if o.get("output_type") == "error"]
    if errors:
        message = _ANSI.sub("", f"{errors[-1].get('ename')}: {errors[-1].get('evalue')}")
        return message if len(message) <= MESSAGE_CHARS else message[:MESSAGE_CHARS] + " [...]"
    if any(o.get("text") == WITHHELD_NOTE for o in outputs):
        return WITHHELD_MESSAGE
    return "no error message (partial points)"


class SummarizeFeedback(NbGraderPreprocessor):
    """The page's summary, in ``resources["course_feedback"]``: autograded points,
    hand-graded points (`manual_pending` while any answer waits for a grader), the late
    penalty, and each test cell below its points with its failure message.

    Runs after GetFeedbackGrades (the points) and RedactHiddenTests (the messages).
    Code cells are autograded and the others graded by hand, as in `course grades`.
    """

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        summary = {"auto_score": 0.0, "auto_max": 0.0, "manual_score": 0.0, "manual_max": 0.0,
                   "manual_pending": False, "failed": [],
                   "late_penalty": resources.get("nbgrader", {}).get("late_penalty") or 0.0}
        for cell in nb.cells:
            meta = cell.metadata.get("nbgrader", {})
            if not meta.get("grade") or "points" not in meta:
                continue
            score, points = float(meta.get("score") or 0.0), float(meta["points"] or 0.0)
            if cell.cell_type != "code":
                summary["manual_max"] += points
                summary["manual_pending"] |= bool(meta.get("pending"))
                summary["manual_score"] += score
                continue
            summary["auto_score"] += score
            summary["auto_max"] += points
            if score < points and not meta.get("solution"):
                summary["failed"].append({"grade_id": meta.get("grade_id", ""), "score": score,
                                          "points": points, "message": failure_message(cell)})
        resources["course_feedback"] = summary
        return nb, resources


RICH_TYPES = ("text/html", "text/markdown")
PLAIN_NOTE = "[shown as source: this output's HTML or Markdown is more than feedback renders]\n"


class LimitRichOutputs(NbGraderPreprocessor):
    """Show outputs' HTML and Markdown as plain text beyond the intake limits for Markdown.

    Rendering and sanitising them costs more than in proportion to their length, and
    student code makes them while it is graded, after intake: one larger than a cell may
    hold (MAX_CELL_BYTES), and every one once the notebook's Markdown and rich outputs
    together pass MAX_MARKDOWN_BYTES, is shown as its source text instead.
    """

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        spent = sum(len(c.source) for c in nb.cells if c.cell_type == "markdown")
        for cell in nb.cells:
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                for mime in [m for m in RICH_TYPES if m in data]:
                    text = "".join(data[mime]) if isinstance(data[mime], list) else data[mime]
                    spent += len(text)
                    if len(text) > MAX_CELL_BYTES or spent > MAX_MARKDOWN_BYTES:
                        del data[mime]
                        data["text/plain"] = PLAIN_NOTE + text
        return nb, resources


MATHJAX_DIR = "mathjax"  # beside the page; feedback_templates/feedback/mathjax.html.j2 loads it
# Not needed by the page's configuration (TeX in, HTML-CSS out, English, no menu).
_MATHJAX_UNUSED = ("localization/", "extensions/a11y/", "jax/output/SVG/")


@functools.cache
def mathjax_files() -> dict[str, bytes]:
    """MathJax from the jupyter-server-mathjax package, by path under MATHJAX_DIR."""
    import jupyter_server_mathjax

    root = Path(jupyter_server_mathjax.__file__).parent / "static"
    return {
        f"{MATHJAX_DIR}/{name}": path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and not (name := path.relative_to(root).as_posix()).startswith(
            _MATHJAX_UNUSED)
    }


class AddLocalMathJax(NbGraderPreprocessor):
    """Write MathJax into the page's folder: nbconvert's writer saves the files in
    ``resources["outputs"]`` beside the page, so the formulas render without network."""

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        resources.setdefault("outputs", {}).update(mathjax_files())
        return nb, resources


# --------------------------------------------------------------------------- sanitising
#
# HTMLExporter.sanitize_html runs the `clean_html` filter over Markdown and HTML from the
# notebook. nbconvert's own allows too few tags for Markdown (headings and paragraphs come
# out as text); this one allows what Markdown, tables and highlighted code produce, and
# nothing that runs code, loads a page, submits a form or takes the page's ids.

_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del",
    "details", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5",
    "h6", "hr", "i", "img", "input", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s",
    "samp", "small", "span", "strike", "strong", "sub", "summary", "sup", "table", "tbody",
    "td", "tfoot", "th", "thead", "tr", "tt", "u", "ul", "var",
})
# Markdown's own classes and Pygments' token classes: a page's layout classes (Bootstrap's
# panels, alerts) would let a student's output pass for the course's summary.
_CLASSES = frozenset({"highlight", "anchor-link", "task-list-item", "task-list-item-checkbox",
                      *STANDARD_TYPES.values()}) - {""}
_ATTRIBUTES = {
    "*": {"title"}, "a": {"href", "class"}, "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan", "align", "style"}, "th": {"colspan", "rowspan", "align", "style"},
    "ol": {"start"}, "input": {"type", "checked", "disabled", "class"},
    "code": {"class"}, "pre": {"class"}, "span": {"class"}, "div": {"class"}, "li": {"class"},
}
_CSS = CSSSanitizer(allowed_css_properties=["text-align"])
_URL_NOISE = re.compile(r"[\x00-\x20]+")


def _allowed_attribute(tag: str, name: str, value: str) -> bool:
    if name not in _ATTRIBUTES["*"] and name not in _ATTRIBUTES.get(tag, ()):
        return False
    url = _URL_NOISE.sub("", value).lower()
    if name == "class":
        return all(word in _CLASSES or word.startswith("language-") for word in value.split())
    if tag == "img" and name == "src":
        return url.startswith(("data:image/", "http://", "https://"))
    if tag == "a" and name == "href":
        return not url.startswith("data:")
    if tag == "input" and name == "type":
        return value == "checkbox"
    return True


def clean_html(element: str | bytes) -> str:
    """`element` with only the tags and attributes above (others shown as text, comments
    dropped): the course's `clean_html` filter for nbconvert."""
    text = element.decode() if isinstance(element, bytes) else str(element)
    return bleach.clean(text, tags=_TAGS, attributes=_allowed_attribute,
                        protocols={"http", "https", "mailto", "data"},
                        strip=False, strip_comments=True, css_sanitizer=_CSS)


def feedback_template_dirs() -> list[str]:
    """Where nbconvert finds the course's feedback template and nbgrader's, which it extends."""
    import nbgrader

    nbgrader_templates = Path(nbgrader.__file__).parent / "server_extensions/formgrader/templates"
    return [str(Path(__file__).with_name("feedback_templates")), str(nbgrader_templates)]


def generate_feedback(course: Course, assignment: str) -> list[str]:
    """Write feedback HTML for every autograded submission of `assignment`."""
    course.check_assignment(assignment)
    result = course.api().generate_feedback(assignment, force=True)
    if not result["success"]:
        raise nbgrader_failure(f"nbgrader generate_feedback {assignment}", result)
    return sorted(str(p) for p in course.feedback_dir.glob(f"*/{assignment}/*.html"))
