"""Feedback redaction (course_tools.feedback.RedactHiddenTests) on notebooks built in memory.

Student code runs in the same kernel as the hidden tests, so any output of any cell
may quote them; no kernel is started here, the outputs are written by hand.
"""

from __future__ import annotations

import copy
import html
import json
import re

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output
from pygments import highlight
from pygments.formatters import HtmlFormatter, TerminalFormatter
from pygments.lexers import PythonLexer

from course_tools.feedback import (
    HIDDEN_NOTE,
    WITHHELD_NOTE,
    RedactHiddenTests,
    hidden_test_lines,
)

# Both quote kinds, so that repr() escapes one of them.
SECRET = """assert_close(_secret_reference(_x), 0.73105, name="the grader's value")"""
SECRET_2 = "for _seed in range(3):"
GENERIC = "assert ok"
KEYWORDS_ONLY = "assert True is not False"
SHARED = "torch.manual_seed(1)"  # also in a visible cell: no secret
VISIBLE = "assert answer() is not None"
TEST_SOURCE = "\n".join([
    VISIBLE,
    "### BEGIN HIDDEN TESTS",
    SHARED,
    SECRET_2,
    "    " + SECRET,
    GENERIC,
    KEYWORDS_ONLY,
    "pass",
    ")",
    "### END HIDDEN TESTS",
])
SECRETS = (SECRET, SECRET_2)


def _metadata(grade_id: str, *, solution: bool = False) -> dict:
    return {"nbgrader": {"grade": not solution, "solution": solution, "locked": not solution,
                         "grade_id": grade_id, "points": 0 if solution else 2,
                         "schema_version": 3}}


def _stdout(text: str):
    return new_output("stream", name="stdout", text=text)


def _notebook(*, test_outputs=(), student_outputs=()) -> nbformat.NotebookNode:
    """A solution cell, a test cell with hidden tests, and a later student cell."""
    return new_notebook(cells=[
        new_markdown_cell("## Exercise 1"),
        new_code_cell(f"def answer():\n    {SHARED}\n    return 1",
                      metadata=_metadata("answer", solution=True)),
        new_code_cell(TEST_SOURCE, metadata=_metadata("test_answer"), outputs=list(test_outputs)),
        new_code_cell("explore()", outputs=list(student_outputs)),
    ])


def _redact(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    nb, _ = RedactHiddenTests().preprocess(nb, {})
    nbformat.validate(nb)
    return nb


def _strings(value) -> list[str]:
    """Every string in a notebook (a list of strings counts as one text)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return ["".join(value)]
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    return [text for item in items for text in _strings(item)]


def _leaks(nb: nbformat.NotebookNode) -> list[str]:
    """Secret lines in any string of the notebook, once colours, tags and escapes are undone."""
    found = []
    for text in _strings(nb):
        text = html.unescape(re.sub(r"\x1b\[[0-9;]*m|<[^>]*>", "", text))
        text = text.replace('\\"', '"').replace("\\'", "'").replace("\\n", "\n")
        text = " ".join(text.split())
        found += [secret for secret in SECRETS if secret in text]
    return found


def _withheld() -> list:
    return [_stdout(WITHHELD_NOTE)]


def test_rule_keeps_long_specific_lines_only():
    assert hidden_test_lines(_notebook()) == frozenset(SECRETS)


def test_hidden_code_is_gone_from_the_test_cell_source():
    nb = _redact(_notebook())
    source = nb.cells[2].source
    assert source.startswith(VISIBLE) and source.endswith(HIDDEN_NOTE)
    assert "HIDDEN TESTS" not in source and not _leaks(nb)


# Hidden code as a student could display it. The cases that need a normalisation
# (ANSI codes, HTML tags and entities, Python and JSON escapes) quote only SECRET,
# which has both quote kinds: as SECRET_2 is not quoted too, the normalisation is tested.
_CELL = TEST_SOURCE
_CODE = f"x = 1\n{SECRET}\n"
_ANSI_CODE = highlight(_CODE, PythonLexer(), TerminalFormatter())
_HTML_CODE = highlight(_CODE, PythonLexer(), HtmlFormatter())
assert SECRET not in _ANSI_CODE and SECRET not in _HTML_CODE

LEAKING_OUTPUTS = {
    "print(In)": [_stdout(repr(["", "import numpy as np", _CODE]) + "\n")],
    "print(open(notebook).read())": [_stdout(json.dumps({"cells": [{"source": _CODE}]}))],
    "pre_run_cell hook printing info.raw_cell": [_stdout(_CELL + "\n")],
    "stderr": [new_output("stream", name="stderr", text=f"warning: {SECRET}\n")],
    "printed a few characters at a time": [_stdout(SECRET[i:i + 5])
                                           for i in range(0, len(SECRET), 5)],
    "exception message": [new_output("error", ename="RuntimeError", evalue=_CELL,
                                     traceback=["RuntimeError", _CELL])],
    "traceback with ANSI colours": [new_output(
        "error", ename="ValueError", evalue="bad", traceback=[_ANSI_CODE, "ValueError: bad"])],
    "execute_result text/plain": [new_output(
        "execute_result", execution_count=3, data={"text/plain": repr(_CELL)})],
    "display_data text/html, HTML-escaped": [new_output(
        "display_data", data={"text/html": f"<pre>{html.escape(_CODE)}</pre>",
                              "text/plain": "<IPython.core.display.HTML object>"})],
    "display_data text/html, spaces as &nbsp;": [new_output(
        "display_data", data={"text/html": html.escape(SECRET).replace(" ", "&nbsp;"),
                              "text/plain": "<HTML>"})],
    "display_data text/html, highlighted": [new_output(
        "display_data", data={"text/html": _HTML_CODE, "text/plain": "<HTML>"})],
    "display_data text/markdown as a list of strings": [new_output(
        "display_data", data={"text/markdown": ["```python\n", *_CELL.splitlines(True), "```"],
                              "text/plain": "<Markdown>"})],
    "display_data application/json": [new_output(
        "display_data", data={"application/json": {"history": [{"code": _CELL}]},
                              "text/plain": "<JSON>"})],
}


@pytest.mark.parametrize("outputs", LEAKING_OUTPUTS.values(), ids=LEAKING_OUTPUTS.keys())
def test_student_output_quoting_hidden_code_is_withheld(outputs):
    nb = _notebook(student_outputs=outputs)
    assert _leaks(nb), "the case does not quote the hidden code"
    nb = _redact(nb)
    assert nb.cells[3].outputs == _withheld()
    assert not _leaks(nb)


def test_only_the_quoting_output_is_withheld():
    loss = _stdout("epoch 3: loss 0.2315\n")
    nb = _redact(_notebook(student_outputs=[
        loss, _stdout(f"{SECRET}\n"), new_output("stream", name="stderr", text=f"{SECRET_2}\n"),
        _stdout("done\n"),
    ]))
    assert nb.cells[3].outputs == [loss, *_withheld(), _stdout("done\n")]


def test_failing_test_cell_keeps_name_and_message_only():
    error = new_output("error", ename="AssertionError", evalue="expected 0.73105, got 0.5",
                       traceback=["\x1b[31mAssertionError\x1b[0m", f"----> 5 {SECRET}"])
    nb = _redact(_notebook(test_outputs=[error]))
    [output] = nb.cells[2].outputs
    assert output.traceback == ["AssertionError: expected 0.73105, got 0.5"]
    assert output.evalue == "expected 0.73105, got 0.5"


def test_failing_test_cell_whose_message_quotes_hidden_code_is_withheld():
    error = new_output("error", ename="AssertionError", evalue=f"failed: {SECRET}",
                       traceback=[f"----> 5 {SECRET}"])
    nb = _redact(_notebook(test_outputs=[error]))
    assert nb.cells[2].outputs == _withheld()
    assert not _leaks(nb)


ORDINARY_OUTPUTS = {
    "printed loss": [_stdout("epoch 1: loss 0.6931\nepoch 2: loss 0.4120\n")],
    "error in a student cell": [new_output(
        "error", ename="NameError", evalue="name 'explore' is not defined",
        traceback=["\x1b[0;31mNameError\x1b[0m Traceback (most recent call last)",
                   "\x1b[0;32m----> 1\x1b[0m explore()",
                   "\x1b[0;31mNameError\x1b[0m: name 'explore' is not defined"])],
    "short or generic lines also in the hidden tests": [
        _stdout(f"{GENERIC}\n{KEYWORDS_ONLY}\npass\n)\n")],
    "hidden line that a visible cell shows too": [_stdout(f"{SHARED}\n")],
    "part of a hidden line": [_stdout("_secret_reference(_x)\n")],
    "plot": [new_output("display_data", data={"image/png": "iVBORw0KGgo=",
                                              "text/plain": "<Figure size 640x480>"})],
}


@pytest.mark.parametrize("outputs", ORDINARY_OUTPUTS.values(), ids=ORDINARY_OUTPUTS.keys())
def test_output_quoting_no_hidden_code_is_kept_verbatim(outputs):
    nb = _redact(_notebook(student_outputs=copy.deepcopy(outputs)))
    assert nb.cells[3].outputs == outputs


def test_feedback_html_does_not_show_hidden_code():
    from nbconvert import HTMLExporter

    outputs = [output for case in LEAKING_OUTPUTS.values() for output in case]
    nb = _notebook(student_outputs=outputs)
    nb.cells.append(new_code_cell("train()", outputs=[_stdout("epoch 1: loss 0.6931\n")]))
    nb = nbformat.reads(nbformat.writes(nb), as_version=4)  # as read from disk: no lists

    def plain(notebook) -> str:
        page, _ = HTMLExporter().from_notebook_node(notebook)
        return " ".join(html.unescape(re.sub(r"<[^>]+>", "", page)).split())

    assert SECRET in plain(copy.deepcopy(nb)), "the unredacted page should show the secret"
    page = plain(_redact(nb))
    assert "epoch 1: loss 0.6931" in page and WITHHELD_NOTE.strip() in page
    assert not [secret for secret in SECRETS if secret in page]
