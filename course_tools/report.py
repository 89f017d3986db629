"""`course report ASSIGNMENT`: one page on how a class did, for the instructor.

``reports/report-<assignment>.html`` is self-contained (inline CSS, the histogram as an
embedded PNG, no scripts, no links outside the page) and ``report-<assignment>.json``
beside it holds the same facts for scripts. The page has the score histogram, every
test cell's pass rate and most frequent failure messages (redacted as on the
feedback pages: never hidden test code), the submissions that were flagged, rejected,
failed or partly graded with their reasons, the late ones with their penalties, and
the pairs of submissions whose answer cells are similar (`similarity.py`), each with a
side-by-side view of the matching code.

Everything comes from nbgrader's gradebook, the autograded notebooks and
``reports/autograde-<assignment>.json``; hidden test lines (``feedback.hidden_test_lines``
of the source notebooks) are withheld from every text before the page is made, and
the finished page is checked once more before it is written.
"""

from __future__ import annotations

import base64
import html
import io
import json
import os
import re
import tempfile
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook

from .autograde import Status, read_report
from .cell_results import cell_results
from .cells import grade_id, is_answer_cell
from .course import Course, CourseError, course_lock
from .deadlines import lateness
from .feedback import hidden_test_lines, quotes_hidden
from .scores import submission_score
from .similarity import SimilarityReport, answer_code, similar_pairs

TEMPLATE_DIR = Path(__file__).with_name("report_templates")
WITHHELD = "[withheld: it quotes the hidden tests]"
TOP_MESSAGES = 3
NOT_A_VERDICT = ("Similarity is a reason to look at two submissions, not a verdict: short "
                 "exercises leave little room for different answers, students may work "
                 "together where that is allowed, and code from the same lecture looks alike. "
                 "Read the code side by side, and talk to the students, before concluding "
                 "anything.")


def report_paths(course: Course, assignment: str) -> tuple[Path, Path]:
    """Where the page and its JSON go."""
    stem = course.reports_dir / f"report-{assignment}"
    return stem.with_suffix(".html"), stem.with_suffix(".json")


def _hidden_lines(course: Course, assignment: str) -> frozenset[str]:
    lines: set[str] = set()
    for path in sorted((course.source_dir / assignment).glob("*.ipynb")):
        lines |= hidden_test_lines(nbformat.read(path, as_version=4))
    return frozenset(lines)


def _withheld(value, hidden: frozenset[str]):
    """`value` with every string in it that quotes a hidden line replaced by WITHHELD."""
    if isinstance(value, str):
        return WITHHELD if quotes_hidden(value, hidden) else value
    if isinstance(value, list | tuple):
        return type(value)(_withheld(v, hidden) for v in value)
    if isinstance(value, dict):
        return {k: _withheld(v, hidden) for k, v in value.items()}
    return value


def _students(course: Course, assignment: str, db_url: str, course_id: str) -> dict[str, Status]:
    """Every submission's status: `course autograde`'s, or graded for one that plain
    nbgrader graded (it has a score in the gradebook and no report)."""
    statuses = {s: o.status for s, o in read_report(course, assignment).items()}
    with Gradebook(db_url, course_id) as gb:
        for submission in gb.assignment_submissions(assignment):
            statuses.setdefault(submission.student.id, Status.GRADED)
    return dict(sorted(statuses.items()))


def _histogram_png(scores: list[float], maximum: float) -> str:
    """A histogram of `scores` (0 to `maximum`) as a base64 PNG, drawn without pyplot."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(7, 3.2), dpi=100)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    bins = [maximum * i / 10 for i in range(11)] if maximum > 0 else 10
    axes.hist(scores, bins=bins, color="#4a7ebb", edgecolor="white")
    axes.set_xlabel("autograded points, after any late penalty")
    axes.set_ylabel("submissions")
    axes.set_xlim(0, maximum or 1)
    axes.yaxis.get_major_locator().set_params(integer=True)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return base64.b64encode(buffer.getvalue()).decode()


def _similarity(course: Course, assignment: str, graded: list[str], hidden: frozenset[str],
                settings: SimilarityReport) -> dict:
    release = [nbformat.read(p, as_version=4)
               for p in sorted((course.release_dir / assignment).glob("*.ipynb"))]
    answer_ids = [grade_id(c) for nb in release for c in nb.cells if is_answer_cell(c)]
    starter = "\n".join(answer_code(nb, answer_ids, hidden) for nb in release)
    codes = {}
    for student in graded:
        folder = course.autograded_dir / student / assignment
        codes[student] = "\n".join(answer_code(nbformat.read(p, as_version=4), answer_ids, hidden)
                                   for p in sorted(folder.glob("*.ipynb")))
    pairs, empty = similar_pairs(codes, starter, settings.noise_threshold)
    listed = [p for p in pairs if p.similarity >= settings.threshold]
    return {
        "threshold": settings.threshold,
        "compared": len(codes) - len(empty),
        "no_code_of_their_own": empty,
        "pairs_below_threshold": len(pairs) - len(listed),
        "pairs": [{"rank": rank, "first": p.first, "second": p.second,
                   "share_first": round(p.share_first, 4), "share_second": round(p.share_second, 4),
                   "similarity": round(p.similarity, 4), "overlap": p.overlap,
                   "segments_first": p.segments_first, "segments_second": p.segments_second}
                  for rank, p in enumerate(listed, start=1)],
    }


def build_report(course: Course, assignment: str) -> dict:
    """The report's facts, hidden test lines withheld from every text."""
    course.check_assignment(assignment)
    config = course.nbgrader_config()
    api = course.api(config)
    db_url, course_id = api.coursedir.db_url, api.coursedir.course_id
    outcomes = read_report(course, assignment)
    statuses = _students(course, assignment, db_url, course_id)
    hidden = _hidden_lines(course, assignment)
    submissions, tests = [], {}
    for student, status in statuses.items():
        entry = {"student": student, "status": str(status)}
        outcome = outcomes.get(student)
        entry["reasons"] = list(outcome.reasons) if outcome else []
        entry["flags"] = list(outcome.flags) if outcome else []
        if status.scored:
            score = submission_score(db_url, course_id, assignment, student)
            late = lateness(db_url, course_id, assignment, student)
            if score is not None:
                entry.update(auto_score=score.auto, auto_max=score.auto_max,
                             manual_score=score.manual, manual_max=score.manual_max)
            if late is not None:
                entry.update(late_penalty=late.penalty, seconds_late=late.seconds_late,
                             late_by=late.describe(),
                             submitted_at=late.submitted_at.isoformat(" ") + " UTC"
                             if late.submitted_at else None,
                             due=late.due.isoformat(" ") + " UTC" if late.due else None)
            for result in cell_results(db_url, course.autograded_dir / student / assignment,
                                       assignment, student):
                test = tests.setdefault((result.notebook, result.grade_id), {
                    "notebook": result.notebook, "grade_id": result.grade_id,
                    "points": result.points, "passed": 0, "graded": 0, "messages": Counter()})
                test["graded"] += 1
                test["passed"] += result.passed
                if not result.passed:
                    test["messages"][result.message] += 1
        submissions.append(entry)
    for test in tests.values():
        test["pass_rate"] = test["passed"] / test["graded"] if test["graded"] else None
        test["top_failures"] = [{"message": m, "count": n}
                                for m, n in test.pop("messages").most_common(TOP_MESSAGES)]
    graded = [s["student"] for s in submissions if "auto_score" in s]
    scores = [s["auto_score"] - s.get("late_penalty", 0.0) for s in submissions
              if "auto_score" in s]
    auto_max = max((s["auto_max"] for s in submissions if "auto_max" in s), default=0.0)
    report = {
        "assignment": assignment,
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "counts": dict(Counter(str(s) for s in statuses.values())),
        "auto_max": auto_max,
        "submissions": submissions,
        "tests": list(tests.values()),
        "flagged": [s for s in submissions if s["flags"] or s["status"] in (
            Status.REJECTED, Status.FAILED, Status.PARTLY)],
        "late": [s for s in submissions if s.get("seconds_late", 0) > 0],
        "similarity": _similarity(course, assignment, graded, hidden,
                                  SimilarityReport(config=config)),
        "not_a_verdict": NOT_A_VERDICT,
    }
    report = _withheld(report, hidden)
    report["histogram_png"] = _histogram_png(scores, auto_max) if scores else None
    return report


def render_html(report: dict) -> str:
    """The page, from ``report_templates/report.html.j2`` (autoescaped)."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(loader=FileSystemLoader(TEMPLATE_DIR), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["percent"] = lambda x: "-" if x is None else f"{100 * x:.0f}%"
    env.filters["points"] = lambda x: "-" if x is None else f"{x:g}"
    return env.get_template("report.html.j2").render(report=report)


def _page_text(page: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", page))


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w") as handle:
            handle.write(text)
        os.chmod(tmp, 0o644)  # mkstemp's files are private; the report is for the staff
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def write_assignment_report(course: Course, assignment: str) -> Path:
    """Write the report's HTML and JSON into reports/; returns the page's path."""
    with course_lock(course, f"course report {assignment}"):
        report = build_report(course, assignment)
        page = render_html(report)
        hidden = _hidden_lines(course, assignment)
        if quotes_hidden(_page_text(page), hidden):
            raise CourseError(f"the report on {assignment} would show hidden test code; it was "
                              "not written (this is a bug in course_tools/report.py: report it)")
        html_path, json_path = report_paths(course, assignment)
        data = {k: v for k, v in report.items() if k != "histogram_png"}
        data["similarity"] = {**data["similarity"], "pairs": [
            {k: v for k, v in p.items() if not k.startswith("segments")}
            for p in data["similarity"]["pairs"]]}
        _write_atomically(json_path, json.dumps(data, indent=2, default=str))
        _write_atomically(html_path, page)
    return html_path
