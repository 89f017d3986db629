"""The feedback page a student gets, generated through `course autograde` and `course
feedback` (nbgrader's pipeline with the course's configuration) for one hostile submission
of hw1: the reference answers, except a wrong first answer that also holds a
``### BEGIN HIDDEN TESTS`` comment, a written answer with scripts, an unanswered written
answer, and a cell of the student's own that displays scripts.

The sanitiser and the output limits are also checked on their own, without grading.
"""

from __future__ import annotations

import html
import re

import nbformat
import pytest
from bs4 import BeautifulSoup
from nbformat.v4 import new_code_cell, new_notebook, new_output

from course_tools.autograde import GRADED, autograde, format_outcomes
from course_tools.demo import build_demo_course
from course_tools.feedback import (
    HIDDEN_NOTE,
    MATHJAX_DIR,
    PLAIN_NOTE,
    LimitRichOutputs,
    clean_html,
    generate_feedback,
)
from course_tools.release import release
from course_tools.samples import reference_submission
from course_tools.sandbox import find_bwrap
from course_tools.scores import failed_test_cells, submission_score
from course_tools.submissions import MAX_CELL_BYTES, MAX_MARKDOWN_BYTES

ASSIGNMENT = "hw1_foundations"
STUDENT = "hostile-feedback"
WRONG = "mlp_parameter_count"
PENDING = "answer_timing"  # answered: waits for a grader
UNANSWERED = "answer_ridge"  # left as released: nbgrader scores it 0 at once
MARKER = "# ### BEGIN HIDDEN TESTS (the student's own comment)"
WRONG_ANSWER = f"def {WRONG}(n_inputs, hidden, n_outputs):\n    {MARKER}\n    return 0\n"
WRITTEN = """Timing grows with $n_0 \\cdot n_1$, as in
$$\\text{cost} = \\sum_l n_{l-1} n_l .$$
<script>alert("xss-markdown")</script>
<img src="x" onerror="alert('xss-markdown-img')">
<a href="javascript:alert('xss-link')">a link</a>
"""
OWN_CELL = """from IPython.display import HTML, Markdown, display
display(HTML('<b>bold</b><script>alert("xss-output")</script>'
             '<img src="x" onerror="alert(1)"><svg onload="alert(2)"></svg>'))
display(Markdown('*emphasis* <script>alert("xss-output-markdown")</script>'))
"""
HIDDEN = re.compile(r"### BEGIN HIDDEN TESTS\n(.*?)### END HIDDEN TESTS", re.S)

pytestmark = pytest.mark.skipif(find_bwrap() is None, reason="needs bubblewrap")


def _grade_id(cell) -> str | None:
    return cell.metadata.get("nbgrader", {}).get("grade_id")


@pytest.fixture(scope="module")
def feedback(repo_course, tmp_path_factory):
    course = build_demo_course(repo_course, tmp_path_factory.mktemp("feedback") / "course")
    release(course, [ASSIGNMENT])
    name = f"{ASSIGNMENT}.ipynb"
    source = nbformat.read(course.source_dir / ASSIGNMENT / name, as_version=4)
    released = nbformat.read(course.release_dir / ASSIGNMENT / name, as_version=4)
    nb = reference_submission(released, source)
    answers = {_grade_id(cell): cell for cell in nb.cells}
    answers[WRONG].source = WRONG_ANSWER
    answers[PENDING].source = WRITTEN
    answers[UNANSWERED].source = next(c.source for c in released.cells
                                      if _grade_id(c) == UNANSWERED)
    nb.cells.append(new_code_cell(OWN_CELL))
    folder = course.submitted_dir / STUDENT / ASSIGNMENT
    folder.mkdir(parents=True)
    nbformat.write(nb, folder / name)
    [outcome] = autograde(course, ASSIGNMENT, workers=1)
    assert outcome.status == GRADED, format_outcomes([outcome])
    [page] = generate_feedback(course, ASSIGNMENT)
    api = course.api()
    db = (api.coursedir.db_url, api.coursedir.course_id, ASSIGNMENT, STUDENT)
    autograded = nbformat.read(course.autograded_dir / STUDENT / ASSIGNMENT / name, as_version=4)
    return {"page": page, "html": open(page).read(), "score": submission_score(*db),
            "failed": failed_test_cells(*db), "autograded": autograded, "source": source}


def _soup(feedback) -> BeautifulSoup:
    return BeautifulSoup(feedback["html"], "html.parser")


def _plain(text: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


def test_math_is_rendered_by_a_local_mathjax(feedback):
    from pathlib import Path

    soup = _soup(feedback)
    sources = [s["src"] for s in soup.find_all("script", src=True)]
    assert sources, "no script loads MathJax"
    assert not [s for s in sources if "//" in s], f"scripts from the network: {sources}"
    folder = Path(feedback["page"]).parent
    for src in sources:
        assert src.startswith(f"{MATHJAX_DIR}/")
        assert (folder / src.split("?")[0]).is_file(), f"{src} is not beside the page"
    assert soup.find("script", type="text/x-mathjax-config") is not None
    assert (folder / MATHJAX_DIR / "config" / "Safe.js").is_file()  # TeX from students is safe
    assert r"$n_0 \cdot n_1$" in _plain(feedback["html"])  # left to MathJax, not mangled


def test_summary_has_both_parts_of_the_points_and_every_failed_test(feedback):
    score = feedback["score"]
    summary = _soup(feedback).find(id="course-summary")
    text = " ".join(summary.get_text().split())
    assert f"Autograded: {round(score.auto, 2)} / {round(score.auto_max, 2)} points." in text
    assert score.manual is None, "the gradebook should wait for a grader"
    assert f"Graded by hand: not graded yet ({round(score.manual_max, 2)} points)" in text
    listed = [code.get_text() for code in summary.select("ul.course-failed a code")]
    assert sorted(listed) == feedback["failed"] and f"test_{WRONG}" in listed
    errors = {_grade_id(cell): output.evalue for cell in feedback["autograded"].cells
              for output in cell.get("outputs", []) if output.output_type == "error"}
    messages = [" ".join(pre.get_text().split()) for pre in summary.select("pre.course-message")]
    for grade_id, message in zip(listed, messages):
        assert " ".join(errors[grade_id].split()) in message


def test_pending_written_answer_is_not_shown_as_zero(feedback):
    soup = _soup(feedback)
    toc = {a["href"].lstrip("#"): " ".join(a.parent.get_text().split())
           for a in soup.select("#toc a")}
    assert "not graded yet" in toc[PENDING] and "Score" not in toc[PENDING]
    assert "Score: 0.0 /" in toc[UNANSWERED]  # unanswered: 0 for good, not waiting
    heading = soup.find("a", attrs={"name": PENDING}).find_next("div", class_="panel-heading")
    assert "not graded yet" in heading.get_text() and "Score" not in heading.get_text()


def test_scripts_from_markdown_and_outputs_are_gone(feedback):
    soup = _soup(feedback)
    handlers = [(tag.name, attr) for tag in soup.find_all(True) for attr in tag.attrs
                if attr.lower().startswith("on")]
    assert not handlers, f"event handlers in the page: {handlers}"
    for script in soup.find_all("script"):
        assert "xss" not in script.get_text() and "alert" not in script.get_text()
    assert not soup.find_all(["svg", "iframe", "object", "embed"])
    assert not [a for a in soup.find_all("a", href=True) if "javascript" in a["href"].lower()]
    text = soup.get_text()
    # Shown as the text the student wrote, not dropped.
    assert 'alert("xss-markdown")' in text and 'alert("xss-output")' in text
    assert soup.find("b", string="bold") and soup.find("em", string="emphasis")


def test_hidden_marker_in_an_answer_breaks_nothing(feedback):
    plain = _plain(feedback["html"])
    assert MARKER in plain, "the student's own comment should be shown as written"
    assert plain.count(HIDDEN_NOTE) == sum(
        1 for c in feedback["source"].cells if HIDDEN.search(c.source))
    hidden = [line.strip() for block in HIDDEN.findall(
        "\n".join(c.source for c in feedback["source"].cells))
        for line in block.splitlines() if len(line.strip()) >= 25]
    assert hidden and not [line for line in hidden if line in plain]


# --- without grading ---------------------------------------------------------------------


@pytest.mark.parametrize("dirty, kept, gone", [
    ('<h2>Title</h2><p>text <em>x</em></p>', "<h2>Title</h2>", None),
    ('<img src="https://e.org/a.png" onerror="alert(1)">', '<img src="https://e.org/a.png"',
     "onerror"),
    ('<script>alert(1)</script>', "&lt;script&gt;", "<script>"),
    ('<a href="javascript:alert(1)">x</a>', "<a>x</a>", "javascript"),
    ('<a href="data:text/html,<b>">x</a>', "<a>x</a>", "data:"),
    ('<img src="data:image/png;base64,iVBO">', 'src="data:image/png;base64,iVBO"', None),
    ('<img src="data:text/html;base64,PGI+">', "<img>", "data:"),
    ('<div class="panel panel-success">fake</div>', "<div>fake</div>", "panel"),
    ('<h1 id="top">x</h1>', "<h1>x</h1>", "id="),
    ('<table><tr><td style="text-align: right; position: fixed">1</td></tr></table>',
     'style="text-align: right;"', "position"),
    ('<pre><code class="language-python">x</code></pre>', 'class="language-python"', None),
    ('<input type="text" value="password">', "<input>", "text"),
])
def test_clean_html_keeps_markdown_and_drops_what_runs(dirty, kept, gone):
    cleaned = clean_html(dirty)
    assert kept in cleaned, cleaned
    if gone:
        assert gone not in cleaned.replace("&lt;script&gt;", ""), cleaned


def test_rich_outputs_past_the_limits_are_shown_as_their_source():
    small = "<b>ok</b>"
    big = "*a" * (MAX_CELL_BYTES // 2 + 1)
    many = ["<i>x</i>" * (MAX_CELL_BYTES // 8 - 1)] * (MAX_MARKDOWN_BYTES // MAX_CELL_BYTES + 2)
    outputs = [new_output("display_data", data={"text/html": small, "text/plain": "<HTML>"}),
               new_output("display_data", data={"text/markdown": big, "text/plain": "<Md>"})]
    outputs += [new_output("display_data", data={"text/html": m, "text/plain": "<HTML>"})
                for m in many]
    nb = new_notebook(cells=[new_code_cell("show()", outputs=outputs)])
    nb, _ = LimitRichOutputs().preprocess(nb, {})
    data = [o.data for o in nb.cells[0].outputs]
    assert data[0] == {"text/html": small, "text/plain": "<HTML>"}
    assert data[1] == {"text/plain": PLAIN_NOTE + big}
    rendered = [d for d in data[2:] if "text/html" in d]
    assert 0 < len(rendered) < len(many)
    assert sum(len(d["text/html"]) for d in data if "text/html" in d) <= MAX_MARKDOWN_BYTES
