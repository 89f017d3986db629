"""`course report`: the page and JSON on the demo's sample class."""

from __future__ import annotations

import html
import json
import re

import nbformat
import pytest
from conftest import ASSIGNMENTS
from nbgrader.api import Gradebook

from course_tools.cells import hidden_parts, is_test_cell, public_source
from course_tools.cli import main
from course_tools.report import NOT_A_VERDICT, report_paths
from course_tools.samples import (
    COPIED,
    LATE,
    MISTAKES,
    REFERENCE,
    TERM_ASSIGNMENT,
    UNTOUCHED,
    renamed_locals,
)
from course_tools.similarity import WITHHELD_LINE, answer_code, similar_pairs


@pytest.fixture(scope="module")
def reports(term_course):
    """`course report` run on every assignment the demo graded (it made them too): hw1
    only, or all of them when the session runs the whole demo."""
    graded = [a for a in ASSIGNMENTS if any(term_course.autograded_dir.glob(f"*/{a}"))]
    assert TERM_ASSIGNMENT in graded
    for assignment in graded:
        assert main(["--root", str(term_course.root), "report", assignment]) == 0
    return {a: report_paths(term_course, a) for a in graded}


def _data(reports, assignment) -> dict:
    return json.loads(reports[assignment][1].read_text())


def test_the_copied_pair_ranks_first_and_the_untouched_release_is_no_pair(reports):
    similarity = _data(reports, TERM_ASSIGNMENT)["similarity"]
    pairs = similarity["pairs"]
    assert {pairs[0]["first"], pairs[0]["second"]} == {COPIED, LATE}
    assert pairs[0]["similarity"] > 0.9
    assert all(p["similarity"] < pairs[0]["similarity"] for p in pairs[1:])
    assert UNTOUCHED in similarity["no_code_of_their_own"]
    assert not [p for p in pairs if UNTOUCHED in (p["first"], p["second"])]
    page = reports[TERM_ASSIGNMENT][0].read_text()
    assert 'href="#pair-1"' in page and 'id="pair-1"' in page and "<mark>" in page
    assert html.escape(NOT_A_VERDICT, quote=False) in page


def test_renamed_variables_do_not_hide_a_copy_and_starter_code_does_not_count():
    original = ("def f(xs):\n    total = 0\n    for value in xs:\n        total += value * value\n"
                "    return total / len(xs)\n\n\ndef g(n):\n    acc = []\n    for i in range(n):\n"
                "        acc.append(i ** 2 - 3 * i + 1)\n    return acc\n")
    renamed = original.replace("total", "s").replace("value", "v").replace("acc", "out")
    other = ("def f(xs):\n    import statistics\n    return statistics.fmean(x * x for x in xs)"
             "\n\n\ndef g(n):\n    return [(k - 1) * (k - 2) - 1 for k in range(n)]\n")
    pairs, empty = similar_pairs({"a": original, "b": renamed, "c": other, "d": original},
                                 starter=original)
    # Nothing beyond the starter code: "b" is the starter code with other names.
    assert empty == ["a", "b", "d"] and not pairs
    pairs, empty = similar_pairs({"a": original, "b": renamed, "c": other}, starter="")
    assert (pairs[0].first, pairs[0].second) == ("a", "b")
    assert pairs[0].share_first == pytest.approx(1.0) and pairs[0].share_second == pytest.approx(1)
    assert all(p.similarity < 0.5 for p in pairs[1:])


def test_the_demos_copy_computes_the_same_under_other_names():
    original = ("def f(x, *rest):\n    total = 0  # the sum\n    for v in [x, *rest]:\n"
                "        total += v\n    g = lambda y: y + total\n    return g(1)\n")
    copied = renamed_locals(original)
    assert "total" not in copied and "# the sum" not in copied and "def f(x, *rest)" in copied
    here, there = {}, {}
    exec(original, here)
    exec(copied, there)
    assert here["f"](2, 3) == there["f"](2, 3) == 6
    (pair,), _ = similar_pairs({"a": original * 3, "b": copied * 3}, starter="", noise_threshold=10)
    assert pair.similarity == pytest.approx(1.0)


def test_every_test_cells_pass_rate_is_the_gradebooks(term_course, reports):
    for assignment in reports:
        data = _data(reports, assignment)
        graded = {s["student"] for s in data["submissions"] if "auto_score" in s}
        assert {REFERENCE, MISTAKES, UNTOUCHED} <= graded
        counts: dict[tuple[str, str], list[int]] = {}
        with Gradebook(term_course.db_url, term_course.course_id) as gb:
            for student in graded:
                for nb in gb.find_submission(assignment, student).notebooks:
                    for grade in nb.grades:
                        if grade.cell_type == "code":
                            count = counts.setdefault((nb.name, grade.name), [0, 0])
                            count[0] += (grade.score or 0) >= grade.max_score
                            count[1] += 1
        assert {(t["notebook"], t["grade_id"]): [t["passed"], t["graded"]]
                for t in data["tests"]} == counts
        for test in data["tests"]:
            assert test["pass_rate"] == pytest.approx(test["passed"] / test["graded"])
            assert sum(f["count"] for f in test["top_failures"]) <= test["graded"] - test["passed"]


def _hidden_lines(course, assignment) -> set[str]:
    lines = set()
    for path in sorted((course.source_dir / assignment).glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        public = {line.strip() for c in nb.cells for line in (
            public_source(c.source) if is_test_cell(c) else c.source).splitlines()}
        lines |= {line.strip() for c in nb.cells if is_test_cell(c)
                  for part in hidden_parts(c.source) for line in part.splitlines()
                  if len(line.strip()) >= 20 and line.strip() not in public}
    return lines


def test_no_hidden_test_code_in_the_page_or_the_json(term_course, reports):
    for assignment in reports:
        hidden = _hidden_lines(term_course, assignment)
        assert hidden, f"{assignment} should have hidden tests"
        page, data = (p.read_text() for p in reports[assignment])
        text = html.unescape(re.sub(r"<[^>]+>", "", page))
        assert not [line for line in hidden if line in text or line in data], assignment


def test_a_hidden_line_in_a_students_answer_is_withheld(repo_course):
    nb = nbformat.read(repo_course.source_dir / TERM_ASSIGNMENT / f"{TERM_ASSIGNMENT}.ipynb",
                       as_version=4)
    hidden = _hidden_lines(repo_course, TERM_ASSIGNMENT)
    secret = sorted(hidden)[0]
    answer = next(c for c in nb.cells if c.cell_type == "code"
                  and c.metadata.get("nbgrader", {}).get("solution"))
    answer.source += f"\n# I found this: {secret}\n"
    from course_tools.feedback import hidden_test_lines

    code = answer_code(nb, [answer.metadata.nbgrader.grade_id], hidden_test_lines(nb))
    assert secret not in code and WITHHELD_LINE in code


def test_the_page_is_self_contained(reports):
    for assignment in reports:
        page = reports[assignment][0].read_text()
        assert "<script" not in page.lower()
        assert re.search(r'<img [^>]*src="data:image/png;base64,', page)
        assert not re.findall(r'(?:src|href)="(?!#|data:image/png;base64,)', page)
        assert "<style>" in page and "<link" not in page.lower()


def test_flagged_and_late_submissions_are_listed(reports):
    data = _data(reports, TERM_ASSIGNMENT)
    flagged = {s["student"]: s for s in data["flagged"]}
    assert flagged["sample-malformed"]["status"] == "rejected"
    assert "not valid JSON" in flagged["sample-malformed"]["reasons"][0]
    (late,) = data["late"]
    assert late["student"] == LATE and late["late_penalty"] > 0 and "late" in late["late_by"]
    page = reports[TERM_ASSIGNMENT][0].read_text()
    assert f"-{late['late_penalty']:g} points" in page
