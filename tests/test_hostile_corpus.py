"""Grading integrity: the hostile corpus graded together in one sandboxed `course autograde` run.

Each submission in tests/hostile/corpus.py attacks or breaks grading in one way.
The run must grade the perfect one fully and the blank one at zero, zero every
faked or broken part (and flag what the guard can see), record every score in
grades.csv, and let nothing out of the sandbox: checked from outside (files in
the course folder, requests to a server, secrets, hidden tests and expected
values in the executed notebooks and the feedback).
"""

from __future__ import annotations

import base64
import binascii
import csv
import fcntl
import html
import http.server
import json
import math
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
import uuid
from pathlib import Path

import nbformat
import pytest
from gradebook import cell_grades
from hostile.corpus import (
    ASSIGNMENT,
    CASES,
    FILL_READ_ONLY,
    FILL_WRITABLE,
    LOW_PRECISION_SIGMOID,
    MAE,
    MAE_FALLBACK,
    MAE_TEST,
    MSE,
    MSE_FALLBACK,
    MSE_TEST,
    NOTEBOOK,
    SECRET_VARIABLES,
    TEST,
    Case,
    corpus_context,
    graded_test_cells,
)

from course_tools.autograde import Status, autograde, format_outcomes, read_report
from course_tools.cells import (
    hidden_parts,
    is_test_cell,
    nbgrader_metadata,
    public_source,
    without_solution_markers,
)
from course_tools.course import Course
from course_tools.demo import build_demo_course
from course_tools.feedback import generate_feedback
from course_tools.grades import collect_grades, write_csv
from course_tools.release import release
from course_tools.runner import descendants
from course_tools.sandbox import SCRATCH_PREFIXES, find_bwrap
from course_tools.scores import failed_test_cells, submission_score

pytestmark = pytest.mark.skipif(find_bwrap() is None, reason="needs bubblewrap")

DISK_LIMIT_MIB = 64
# Tight limits keep the corpus quick: the cases that run into the cell limit (a loop, a
# sleep, a fork bomb) take it whole. 30 s still leaves the slowest honest work (the
# collector's scan of its process, 2 s on an idle machine in a kernel that runs at a lower
# priority) room on a machine shared with other work; the setup cell, before any of the
# student's code, gets the runner's start-up allowance (120 s) whatever this says.
LIMITS = f"""
c.SandboxedExecute.cell_timeout = 30
c.SandboxedExecute.notebook_timeout = 300
c.SandboxedExecute.memory_limit = 2 * 2**30
c.SandboxedExecute.process_limit = 64
c.SandboxedExecute.disk_limit = {DISK_LIMIT_MIB} * 2**20
"""
# Text only the instructor's files hold (source/, the gradebook, the configuration):
# no output may show it. The autograded notebooks are the instructor's and show
# hidden tests in the tracebacks of failing test cells; the feedback must not.
SECRETS = ("### BEGIN SOLUTION", "SQLite format 3", "c.SandboxedExecute.cell_timeout")
FEEDBACK_SECRETS = (*SECRETS, "### BEGIN HIDDEN TESTS")
# Graded again one notebook at a time, interrupted and resumed, to compare with the
# two-worker run of the whole corpus: the sample class, a limit, an attack with a flag,
# a broken channel and a rejection.
ONE_WORKER_CASES = ("perfect", "mistakes", "memory", "patch-numpy", "channel-garbage",
                    "malformed")


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
    skip = ("autograded", "feedback", "reports", "gradebook.db", "submitted", "grades.csv")
    return {str(p.relative_to(root)) for p in root.rglob("*")
            if not str(p.relative_to(root)).startswith(skip)}


def _subset_copy(course: Course, target: Path) -> Course:
    """`course` before grading, with only the ONE_WORKER_CASES submitted."""
    def ignore(folder: str, names: list[str]) -> list[str]:
        if Path(folder) == course.submitted_dir:
            return [n for n in names if n not in ONE_WORKER_CASES]
        return []

    shutil.copytree(course.root, target, symlinks=True, ignore=ignore)
    return Course(target)


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
    one_worker = _subset_copy(course, tmp_path_factory.mktemp("hostile-one-worker") / "c")
    # Secrets of the grader's own environment (Dask's workers start with it).
    tokens = {name: f"{name.lower()}-{uuid.uuid4().hex}" for name in SECRET_VARIABLES}
    saved = {name: os.environ.get(name) for name in tokens}
    os.environ.update(tokens)
    started = time.perf_counter()
    try:
        outcomes = {o.student: o for o in autograde(course, ASSIGNMENT, workers=2)}
    finally:
        for name, value in saved.items():
            os.environ.pop(name) if value is None else os.environ.update({name: value})
    seconds = time.perf_counter() - started
    print(format_outcomes(list(outcomes.values())))
    print(f"the corpus ({len(CASES)} submissions) was graded in {seconds:.1f} s")
    generate_feedback(course, ASSIGNMENT)
    write_csv(collect_grades(course), course.root / "grades.csv")
    server.shutdown()
    source_nb = nbformat.read(course.source_dir / ASSIGNMENT / NOTEBOOK, as_version=4)
    return {"course": course, "outcomes": outcomes, "source": source_nb,
            "requests": list(_Recorder.requests), "files_before": files_before,
            "submitted_before": submitted_before, "one_worker": one_worker,
            "tokens": tokens, "release_text": ctx.release_text}


# ----------------------------------------------------------------------- expectations


def _expected_failures(case: Case, source_nb) -> set[str]:
    tests = [nbgrader_metadata(c)["grade_id"] for c in graded_test_cells(source_nb)]
    failed: set[str] = set()
    for item in case.failed:
        if item.startswith("from:"):
            failed |= set(tests[tests.index(item.removeprefix("from:")):])
        else:
            failed.add(item)
    return failed


def _points(source_nb) -> dict[str, float]:
    return {nbgrader_metadata(c)["grade_id"]: float(nbgrader_metadata(c)["points"])
            for c in graded_test_cells(source_nb)}


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
    course = corpus["course"]
    if case.shows:
        printed = _outputs_of(course, case.name)
        for text in case.shows:
            assert text in printed, f"{case.name} should print {text!r}"
    if case.status == "rejected":
        return
    failed = set(failed_test_cells(course.db_url, course.course_id, ASSIGNMENT, case.name))
    assert failed == _expected_failures(case, corpus["source"]), summary


def test_every_score_is_in_grades_csv(corpus):
    """grades.csv (`course grades`) holds each submission's status and the score its
    expectations give: all points but those of the test cells that must fail."""
    with open(corpus["course"].root / "grades.csv", newline="") as handle:
        rows = {row["student"]: row for row in csv.DictReader(handle)
                if row["assignment"] == ASSIGNMENT}
    points = _points(corpus["source"])
    for case in CASES:
        row = rows[case.name]
        if case.status == "rejected":
            assert (row["status"], row["auto_score"]) == ("rejected", ""), row
            continue
        expected = sum(p for name, p in points.items()
                       if name not in _expected_failures(case, corpus["source"]))
        status = Status.PARTLY if case.status == Status.PARTLY else (
            Status.NEEDS_MANUAL if _wrote_a_written_answer(corpus, case.name) else Status.GRADED)
        assert row["status"] == status, (case.name, row)
        assert float(row["auto_score"]) == expected, (case.name, row)
        assert float(row["auto_max"]) == sum(points.values()), (case.name, row)


def _wrote_a_written_answer(corpus, student: str) -> bool:
    """Whether a written answer (graded by hand) differs from the release; nbgrader scores
    an untouched one 0 itself, so only then does the submission wait for an instructor."""
    released = {nbgrader_metadata(c).get("grade_id"): c.source
                for c in nbformat.reads(corpus["release_text"], as_version=4).cells}
    path = corpus["course"].submitted_dir / student / ASSIGNMENT / NOTEBOOK
    return any(c.cell_type == "markdown" and nbgrader_metadata(c).get("grade")
               and c.source != released.get(nbgrader_metadata(c).get("grade_id"))
               for c in nbformat.read(path, as_version=4).cells)


def test_the_wrong_answers_pass_the_visible_checks_and_fail_hidden_ones(corpus):
    """The attacks pair with these answers: one kernel, an attack on the hidden checks
    would be all that a wrong answer needs for full marks (checked here, in one kernel)."""
    source_nb = corpus["source"]
    cells = {nbgrader_metadata(c).get("grade_id"): c for c in source_nb.cells}
    wrong = {TEST: LOW_PRECISION_SIGMOID,
             MSE_TEST: f"def {MSE}(y):\n{MSE_FALLBACK}",
             MAE_TEST: f"def {MAE}(y):\n{MAE_FALLBACK}"}
    for test, answer in wrong.items():
        for code, should_pass in ((public_source(cells[test].source), True),
                                  (cells[test].source, False)):
            namespace: dict = {"__name__": "__main__"}
            _run_setup(cells["setup"].source, namespace)
            exec(answer, namespace)  # noqa: S102
            try:
                exec(code, namespace)  # noqa: S102
                passed = True
            except AssertionError:
                passed = False
            assert passed == should_pass, (test, "visible part" if should_pass else "whole")


# ----------------------------------------------------------------------- one worker, killed


def _summary(outcomes) -> dict:
    # Reasons may word one event two ways (a kernel at its memory limit dies during its
    # cell or just after), so the comparison is of what they decide: status, score, flags.
    return {o.student: (o.status, o.auto_score, o.auto_max, o.flags) for o in outcomes}


def test_one_worker_killed_midway_and_resumed_grades_exactly_as_two(corpus):
    """Part of the corpus graded one notebook at a time (one worker), killed midway and
    resumed: each submission graded once, and exactly as the two-worker run of the whole
    corpus graded it (the report and the gradebook). Resuming takes the same path with
    any number of workers; grading with two is the whole corpus's run."""
    course = corpus["one_worker"]
    students = course.students(ASSIGNMENT)
    report = course.reports_dir / f"autograde-{ASSIGNMENT}.json"
    proc = subprocess.Popen(
        [sys.executable, "-m", "course_tools.cli", "--root", str(course.root), "autograde",
         ASSIGNMENT, "--workers", "1"], start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None:
        if report.is_file() and len(json.loads(report.read_text())) >= 3:
            break
        time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    first = read_report(course, ASSIGNMENT)
    assert 3 <= len(first) < len(students), "the run should be interrupted midway"
    resumed = autograde(course, ASSIGNMENT, workers=1, resume=True)
    assert sorted(o.student for o in resumed) == sorted(set(students) - set(first))
    final = read_report(course, ASSIGNMENT)
    assert sorted(final) == sorted(students)
    for student, outcome in first.items():
        assert final[student].graded_at == outcome.graded_at, student
    assert autograde(course, ASSIGNMENT, resume=True) == []
    whole = [o for name, o in corpus["outcomes"].items() if name in ONE_WORKER_CASES]
    assert _summary(final.values()) == _summary(whole), format_outcomes(list(final.values()))
    both = cell_grades(corpus["course"], ASSIGNMENT)
    assert cell_grades(course, ASSIGNMENT) == {
        s: g for s, g in both.items() if s in ONE_WORKER_CASES}


def _runners_below(pid: int) -> list[int]:
    found = []
    for child in descendants(pid):
        try:
            text = Path(f"/proc/{child}/cmdline").read_bytes().replace(b"\0", b" ")
        except OSError:
            continue
        if b"course_tools.runner" in text:
            found.append(child)
    return found


def _in_use(folder: Path) -> bool:
    """Whether a live run holds the folder's lock (as ``sandbox.sweep_stale_scratch`` asks)."""
    try:
        with open(folder / ".in-use") as lock:
            fcntl.flock(lock, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        return True
    return False


def _scratch_folders() -> set[Path]:
    return {p for p in Path("/tmp").glob("course-*-*") if p.name.startswith(SCRATCH_PREFIXES)}


def test_killed_and_rerun_autograde_gives_the_same_grades(corpus):
    """Kill `course autograde` while a notebook runs; grading again gives the first run's
    grades and sweeps the scratch folders the killed run left."""
    course = corpus["course"]
    students = ["patch-numpy"]
    db_url, course_id = course.db_url, course.course_id
    first = {s: submission_score(db_url, course_id, ASSIGNMENT, s) for s in students}
    before = _scratch_folders()
    proc = subprocess.Popen(
        [sys.executable, "-m", "course_tools.cli", "--root", str(course.root), "autograde",
         ASSIGNMENT, "--student", "patch-numpy"], start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not _runners_below(proc.pid) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
    assert _runners_below(proc.pid), "the notebook never started"
    time.sleep(2)
    new = _scratch_folders() - before
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    left = {folder for folder in new if not _in_use(folder)}  # others' runs may be going on
    assert left, "the killed run had no scratch folder"
    with sqlite3.connect(course.db_path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    outcomes = autograde(course, ASSIGNMENT, students)
    again = {s: submission_score(db_url, course_id, ASSIGNMENT, s) for s in students}
    assert again == first, format_outcomes(outcomes)
    report = json.loads((course.reports_dir / f"autograde-{ASSIGNMENT}.json").read_text())
    assert set(report) == set(corpus["outcomes"])
    assert not any(folder.exists() for folder in left), "stale scratch folders were not swept"


# ----------------------------------------------------------------------- nothing got out


def test_nothing_reached_the_network(corpus):
    assert corpus["requests"] == []


def test_nothing_was_written_outside_the_scratch_copy(corpus):
    course = corpus["course"]
    assert _files(course.root) == corpus["files_before"]
    after = {p: p.read_bytes() for p in course.submitted_dir.rglob("*")
             if p.is_file() and not p.is_symlink()}
    assert after == corpus["submitted_before"]
    assert not any("pwned" in str(p) for p in course.root.rglob("*"))


def test_each_writable_folder_stops_at_the_disk_limit_and_the_rest_is_read_only(corpus):
    written = {}
    for line in _outputs_of(corpus["course"], "fill-disk").splitlines():
        match = re.fullmatch(r"fill (\S+): (\d+) MiB, (.+)", line.strip())
        if match:
            written[match[1]] = (int(match[2]), match[3])
    for folder in FILL_WRITABLE:
        mib, outcome = written[folder]
        assert mib <= DISK_LIMIT_MIB and outcome == "No space left on device", (folder, mib)
    kernel_folders = [f for f in written if f.startswith("/tmp/course-grading-")]
    assert kernel_folders, written
    for folder in (*FILL_READ_ONLY, *kernel_folders):
        assert written[folder] == (0, "Read-only file system"), (folder, written[folder])


def _outputs_of(course: Course, student: str) -> str:
    nb = nbformat.read(course.autograded_dir / student / ASSIGNMENT / NOTEBOOK, as_version=4)
    return "\n".join(_output_text(o) for c in nb.cells if c.cell_type == "code"
                     for o in c.outputs)


def _output_text(output) -> str:
    parts = [output.get("text", ""), output.get("evalue", ""), *output.get("traceback", [])]
    parts += [str(v) for v in output.get("data", {}).values()]
    return "\n".join(str(p) if isinstance(p, str) else "".join(p) for p in parts)


def _student_side_outputs(path: Path) -> str:
    """What a submission's kernel could have printed: every output of its own cells, and
    the outputs of test cells other than errors (those are the trusted kernel's, and
    quote the tests in the instructor's copy)."""
    nb = nbformat.read(path, as_version=4)
    return "\n".join(_output_text(o) for c in nb.cells if c.cell_type == "code"
                     for o in c.outputs
                     if not (is_test_cell(c) and o.get("output_type") == "error"))


_BASE64 = re.compile(r"[A-Za-z0-9+/]{24,}={0,2}")


def _readable(text: str) -> str:
    """`text` with every base64 run in it decoded too (as a leak would be encoded)."""
    decoded = []
    for run in _BASE64.findall(text):
        try:
            decoded.append(base64.b64decode(run + "=" * (-len(run) % 4)).decode(errors="ignore"))
        except (binascii.Error, ValueError):
            continue
    return "\n".join([text, *decoded])


def _hidden_lines(source_nb, release_text: str) -> list[str]:
    """Lines of the hidden tests that the release does not show anywhere."""
    released = json.loads(release_text)
    public = "\n".join("".join(c["source"]) for c in released["cells"])
    lines = []
    for cell in graded_test_cells(source_nb):
        lines += [line.strip() for part in hidden_parts(cell.source) for line in part.splitlines()
                  if len(line.strip()) >= 24 and line.strip() not in public]
    return lines


def _run_setup(code: str, namespace: dict) -> None:
    """The notebook's setup cell in this process, keeping this process's thread count."""
    import torch

    threads = torch.get_num_threads()
    try:
        exec(code, namespace)  # noqa: S102
    finally:
        torch.set_num_threads(threads)


class _Recording(dict):
    """A namespace that remembers every value given to a name at the top level."""

    def __init__(self):
        super().__init__(__name__="__main__")
        self.assigned: list[tuple[str, object]] = []

    def __setitem__(self, name, value):
        self.assigned.append((name, value))
        super().__setitem__(name, value)


def _expected_values(source_nb) -> list[str]:
    """The optimal losses test_best_constant_mae compares against, as its hidden part computes
    them here with the reference answer: no kernel of a student ever has them."""
    cells = {nbgrader_metadata(c).get("grade_id"): c for c in source_nb.cells}
    namespace = _Recording()
    _run_setup(cells["setup"].source, namespace)
    for code in (without_solution_markers(cells[MAE].source), cells[MAE_TEST].source):
        exec(code, namespace)  # noqa: S102
    values = [repr(float(v)) for name, v in namespace.assigned if name == "_optimum"]
    assert len(values) >= 5 and all(math.isfinite(float(v)) for v in values), values
    return values


def _leaks(text: str, forbidden: list[str]) -> list[str]:
    readable = _readable(text)
    return [item for item in forbidden if item in readable]


def test_the_leak_check_finds_encoded_and_plain_leaks(corpus):
    hidden = _hidden_lines(corpus["source"], corpus["release_text"])
    values = _expected_values(corpus["source"])
    assert hidden and values
    clean = _student_side_outputs(
        corpus["course"].autograded_dir / "perfect" / ASSIGNMENT / NOTEBOOK)
    assert _leaks(clean, hidden + values) == []
    leaked = f"{clean}\nb64:{base64.b64encode(hidden[0].encode()).decode()}\n{values[0]}"
    assert _leaks(leaked, hidden + values) == [hidden[0], values[0]]


def test_no_secret_reached_an_output_or_the_feedback(corpus):
    course = corpus["course"]
    tokens = list(corpus["tokens"].values())
    shadow = Path("/etc/shadow")
    host_only = [line for line in (shadow.read_text().splitlines() if os.access(shadow, os.R_OK)
                                   else []) if line.strip()]
    hidden = _hidden_lines(corpus["source"], corpus["release_text"])
    expected = _expected_values(corpus["source"])
    for path in sorted(course.autograded_dir.glob(f"*/{ASSIGNMENT}/{NOTEBOOK}")):
        student = path.parent.parent.name
        nb = nbformat.read(path, as_version=4)
        outputs = "\n".join(_output_text(o) for c in nb.cells if c.cell_type == "code"
                            for o in c.outputs)
        assert _leaks(outputs, [*SECRETS, *tokens, *host_only]) == [], student
        assert _leaks(_student_side_outputs(path), hidden + expected) == [], student
    for page in sorted(course.feedback_dir.glob(f"*/{ASSIGNMENT}/*.html")):
        text = html.unescape(re.sub(r"<[^>]+>", "", page.read_text()))
        found = _leaks(text, [*FEEDBACK_SECRETS, *tokens, *host_only, *hidden, *expected])
        assert found == [], page
    printed = _outputs_of(course, "read-secrets")
    assert "cannot read" in printed and "no course folder" in printed
