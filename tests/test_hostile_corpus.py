"""Grading integrity: the hostile corpus graded together in one sandboxed `course autograde` run.

Each submission in tests/hostile/corpus.py attacks or breaks grading in one way.
The run must grade the perfect one fully and the blank one at zero, zero every
faked or broken part and flag it, and let nothing out of the sandbox: checked
from outside (files in the course folder, requests to a server, secrets in the
executed notebooks and the feedback).
"""

from __future__ import annotations

import http.server
import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import nbformat
import pytest
from gradebook import cell_grades
from hostile.corpus import ASSIGNMENT, CASES, NOTEBOOK, Case, corpus_context
from notebook_harness import nbgrader_metadata

from course_tools.autograde import autograde, format_outcomes
from course_tools.course import Course
from course_tools.demo import build_demo_course
from course_tools.feedback import generate_feedback
from course_tools.release import release
from course_tools.sandbox import find_bwrap
from course_tools.scores import failed_test_cells, submission_score

pytestmark = pytest.mark.skipif(find_bwrap() is None, reason="needs bubblewrap")

# Tight limits keep the corpus quick; the reference hw1 needs well under these.
LIMITS = """
c.SandboxedExecute.cell_timeout = 8
c.SandboxedExecute.notebook_timeout = 240
c.SandboxedExecute.memory_limit = 2 * 2**30
c.SandboxedExecute.process_limit = 64
"""
# Text only the instructor's files hold (source/, the gradebook, the configuration):
# no output may show it. The autograded notebooks are the instructor's and show
# hidden tests in the tracebacks of failing test cells; the feedback must not.
SECRETS = ("### BEGIN SOLUTION", "SQLite format 3", "c.SandboxedExecute.cell_timeout")
FEEDBACK_SECRETS = (*SECRETS, "### BEGIN HIDDEN TESTS")


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self):  # noqa: N802  (http.server's name)
        self.requests.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


def _host_address() -> str:
    """An address of this machine other than loopback, if it has one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # no packet is sent for a UDP connect
            return probe.getsockname()[0]
        except OSError:
            return "127.0.0.1"


def _files(root: Path) -> set[str]:
    skip = ("autograded", "feedback", "reports", "gradebook.db", "submitted")
    return {str(p.relative_to(root)) for p in root.rglob("*")
            if not str(p.relative_to(root)).startswith(skip)}


@pytest.fixture(scope="module")
def corpus(repo_course, tmp_path_factory):
    """The course with the corpus submitted and autograded in one run, plus what it saw."""
    course = build_demo_course(repo_course, tmp_path_factory.mktemp("hostile") / "course")
    with open(course.root / "nbgrader_config.py", "a") as config:
        config.write(LIMITS)
    release(course, [ASSIGNMENT])
    server = http.server.ThreadingHTTPServer(("0.0.0.0", 0), _Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    ctx = corpus_context(repo_course, course,
                         f"http://{_host_address()}:{server.server_address[1]}")
    for case in CASES:
        case.build(ctx, course.submitted_dir / case.name / ASSIGNMENT)
    submitted_before = {p: p.read_bytes() for p in course.submitted_dir.rglob("*")
                        if p.is_file() and not p.is_symlink()}
    files_before = _files(course.root)
    ungraded = tmp_path_factory.mktemp("hostile-one-worker") / "course"
    shutil.copytree(course.root, ungraded, symlinks=True)
    outcomes = {o.student: o for o in autograde(course, ASSIGNMENT, workers=2)}
    print(format_outcomes(list(outcomes.values())))
    generate_feedback(course, ASSIGNMENT)
    server.shutdown()
    source_nb = nbformat.read(course.source_dir / ASSIGNMENT / NOTEBOOK, as_version=4)
    return {"course": course, "outcomes": outcomes, "source": source_nb,
            "requests": list(_Recorder.requests), "files_before": files_before,
            "submitted_before": submitted_before, "ungraded": Course(ungraded)}


def _test_cells(source_nb) -> list[str]:
    return [nbgrader_metadata(c)["grade_id"] for c in source_nb.cells
            if nbgrader_metadata(c).get("grade") and not nbgrader_metadata(c).get("solution")
            and c.cell_type == "code"]


def _expected_failures(case: Case, tests: list[str]) -> set[str]:
    failed = set()
    for item in case.failed:
        if item.startswith("from:"):
            failed |= set(tests[tests.index(item.removeprefix("from:")):])
        else:
            failed.add(item)
    return failed


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_outcome(corpus, case):
    outcome = corpus["outcomes"][case.name]
    summary = format_outcomes([outcome])
    assert outcome.status == case.status, summary
    for wanted, found in ((case.flags, outcome.flags), (case.reasons, outcome.reasons),
                          (case.notes, outcome.notes)):
        for text in wanted:
            assert any(text in item for item in found), f"expected {text!r}:\n{summary}"
    if not case.flags:
        assert not outcome.flags, summary
    if case.status == "rejected":
        return
    course = corpus["course"]
    tests = _test_cells(corpus["source"])
    failed = set(failed_test_cells(f"sqlite:///{course.db_path}", "dl-fundamentals",
                                   ASSIGNMENT, case.name))
    assert failed == _expected_failures(case, tests), summary


def _summary(outcomes) -> dict:
    # Reasons may word one event two ways (a kernel at its memory limit dies during its
    # cell or just after), so the comparison is of what they decide: status, score, flags.
    return {o.student: (o.status, o.auto_score, o.auto_max, o.flags) for o in outcomes}


def test_one_worker_grades_everything_exactly_as_two(corpus):
    """The same class and corpus graded one notebook at a time: the same report and gradebook."""
    serial_course = corpus["ungraded"]
    serial = autograde(serial_course, ASSIGNMENT, workers=1)
    parallel = corpus["outcomes"].values()
    assert _summary(serial) == _summary(parallel), format_outcomes(serial)
    assert cell_grades(serial_course, ASSIGNMENT) == cell_grades(corpus["course"], ASSIGNMENT)


def test_nothing_reached_the_network(corpus):
    assert corpus["requests"] == []


def test_nothing_was_written_outside_the_scratch_copy(corpus):
    course = corpus["course"]
    assert _files(course.root) == corpus["files_before"]
    after = {p: p.read_bytes() for p in course.submitted_dir.rglob("*")
             if p.is_file() and not p.is_symlink()}
    assert after == corpus["submitted_before"]
    assert not any("pwned" in str(p) for p in course.root.rglob("*"))


def test_no_secret_reached_an_output_or_the_feedback(corpus):
    course = corpus["course"]
    for path in sorted((course.autograded_dir).glob(f"*/{ASSIGNMENT}/{NOTEBOOK}")):
        nb = nbformat.read(path, as_version=4)
        outputs = "\n".join(str(o) for c in nb.cells if c.cell_type == "code" for o in c.outputs)
        for secret in SECRETS:
            assert secret not in outputs, f"{path.parent.parent.name}: {secret!r} in an output"
    for page in sorted(course.feedback_dir.glob(f"*/{ASSIGNMENT}/*.html")):
        text = page.read_text()
        for secret in FEEDBACK_SECRETS:
            assert secret not in text, f"{page}: {secret!r}"
    printed = _outputs_of(course, "read-secrets")
    assert "cannot read" in printed and "no course folder" in printed


def _outputs_of(course: Course, student: str) -> str:
    nb = nbformat.read(course.autograded_dir / student / ASSIGNMENT / NOTEBOOK, as_version=4)
    return "\n".join(re.sub(r"\s+", " ", str(o)) for c in nb.cells if c.cell_type == "code"
                     for o in c.outputs)


def _runner_started(course: Course) -> bool:
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            text = cmdline.read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if "course_tools.runner" in text and "ipykernel" not in text:
            return True
    return False


def test_killed_and_rerun_autograde_gives_the_same_grades(corpus):
    """Kill `course autograde` while a notebook runs; grading again gives the first run's grades."""
    course = corpus["course"]
    students = ["patch-numpy"]
    db_url = f"sqlite:///{course.db_path}"
    first = {s: submission_score(db_url, "dl-fundamentals", ASSIGNMENT, s) for s in students}
    proc = subprocess.Popen(
        [sys.executable, "-m", "course_tools.cli", "--root", str(course.root), "autograde",
         ASSIGNMENT, "--student", "patch-numpy"], start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not _runner_started(course) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
    time.sleep(2)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    with sqlite3.connect(course.db_path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    outcomes = autograde(course, ASSIGNMENT, students)
    again = {s: submission_score(db_url, "dl-fundamentals", ASSIGNMENT, s) for s in students}
    assert again == first, format_outcomes(outcomes)
    report = json.loads((course.reports_dir / f"autograde-{ASSIGNMENT}.json").read_text())
    assert set(report) == set(corpus["outcomes"])
