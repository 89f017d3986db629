"""The course lock: `course autograde` runs at the same time wait for each other, and a killed
run leaves no lock behind.

Without the lock, two runs grading the same submission at once make one of them
fail with nbgrader's ``UNIQUE constraint failed`` from the shared gradebook.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from course_tools.autograde import read_report
from course_tools.cli import main
from course_tools.course import Course, course_lock
from course_tools.demo import build_sample_class
from course_tools.release import release
from course_tools.samples import MALFORMED, UNTOUCHED
from course_tools.sandbox import find_bwrap
from course_tools.scores import submission_score

ASSIGNMENT = "hw1_foundations"
COPY = "hw1_again"  # a second assignment, the same notebook under another name
LIMITS = """
c.SandboxedExecute.cell_timeout = 60
c.SandboxedExecute.notebook_timeout = 300
c.SandboxedExecute.memory_limit = 2 * 2**30
c.SandboxedExecute.process_limit = 64
"""
WAITING = "waiting for"

needs_bwrap = pytest.mark.skipif(find_bwrap() is None, reason="needs bubblewrap")


@pytest.fixture(scope="module")
def two_assignments(repo_course, tmp_path_factory) -> Course:
    """hw1 and a copy of it released, the sample class submitted to hw1, one student to both."""
    course = build_sample_class(repo_course, tmp_path_factory.mktemp("lock") / "course",
                                [ASSIGNMENT], LIMITS)
    shutil.copytree(course.source_dir / ASSIGNMENT, course.source_dir / COPY)
    release(course, [COPY])
    shutil.copytree(course.submitted_dir / UNTOUCHED / ASSIGNMENT,
                    course.submitted_dir / UNTOUCHED / COPY)
    return course


def _copy(course: Course, target: Path) -> Course:
    shutil.copytree(course.root, target)
    return Course(target)


def _autograde(course: Course, *args: str) -> list[str]:
    return [sys.executable, "-m", "course_tools.cli", "--root", str(course.root), "autograde",
            *args, "--workers", "1"]


@needs_bwrap
def test_runs_at_the_same_time_wait_for_each_other(two_assignments, tmp_path):
    """Three runs started together (two of one assignment, one of another) all grade."""
    course = _copy(two_assignments, tmp_path / "course")
    runs = [[ASSIGNMENT, "--student", UNTOUCHED, "--student", MALFORMED],
            [ASSIGNMENT, "--student", UNTOUCHED],
            [COPY]]
    logs = [(tmp_path / f"run{i}.out", tmp_path / f"run{i}.err") for i in range(len(runs))]
    procs = []
    for args, (out, err) in zip(runs, logs):
        with out.open("w") as stdout, err.open("w") as stderr:
            procs.append(subprocess.Popen(_autograde(course, *args), stdout=stdout,
                                          stderr=stderr))
    results = [(proc.wait(timeout=1200), out.read_text(), err.read_text())
               for proc, (out, err) in zip(procs, logs)]
    summary = "\n\n".join(f"{args}: exit {rc}\n{out}\n{err[-2000:]}"
                          for args, (rc, out, err) in zip(runs, results))
    assert [rc for rc, _, _ in results] == [0, 0, 0], summary
    for _, out, _ in results:
        assert any(line.split()[:2] == [UNTOUCHED, "graded"] for line in out.splitlines()), summary
    assert sum(WAITING in err for _, _, err in results) == 2, summary
    report = read_report(course, ASSIGNMENT)
    assert {s: o.status for s, o in report.items()} == {UNTOUCHED: "graded",
                                                        MALFORMED: "rejected"}
    assert {s: o.status for s, o in read_report(course, COPY).items()} == {UNTOUCHED: "graded"}
    assert sorted(p.name for p in course.reports_dir.iterdir()) == sorted([
        f"autograde-{ASSIGNMENT}.json", f"autograde-{COPY}.json"])  # no temporary file left
    db_url, course_id = course.db_url, course.course_id
    for assignment in (ASSIGNMENT, COPY):
        assert submission_score(db_url, course_id, assignment, UNTOUCHED) is not None
    with sqlite3.connect(course.db_path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def _descendants(pid: int) -> list[int]:
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    found, frontier = [], [pid]
    while frontier:
        children = [p for p, parent in parents.items() if parent in frontier]
        found += children
        frontier = children
    return found


def _running_a_notebook(pid: int) -> bool:
    for child in _descendants(pid):
        try:
            if b"course_tools.runner" in Path(f"/proc/{child}/cmdline").read_bytes():
                return True
        except OSError:
            continue
    return False


@needs_bwrap
def test_a_killed_run_leaves_no_lock(two_assignments, tmp_path, capsys):
    """SIGKILL while a notebook runs on a worker: the next run starts at once."""
    course = _copy(two_assignments, tmp_path / "course")
    proc = subprocess.Popen(_autograde(course, ASSIGNMENT, "--student", UNTOUCHED),
                            start_new_session=True, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 300
        while not _running_a_notebook(proc.pid) and proc.poll() is None:
            assert time.monotonic() < deadline, "the notebook never started"
            time.sleep(0.2)
        assert proc.poll() is None, "the run ended before it could be killed"
        workers = _descendants(proc.pid)
        os.kill(proc.pid, signal.SIGKILL)  # only the run itself: its workers live on
        proc.wait()
        with open(course.lock_path, "rb") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)  # raises if anything holds it
            fcntl.flock(lock, fcntl.LOCK_UN)
        assert main(["--root", str(course.root), "autograde", ASSIGNMENT, "--student", MALFORMED,
                     "--no-wait", "--workers", "1"]) == 0
        assert "rejected" in capsys.readouterr().out
    finally:
        # The run's workers: its process group, and those it had when it was killed.
        for kill, target in [(os.killpg, proc.pid), *((os.kill, pid) for pid in workers)]:
            try:
                kill(target, signal.SIGKILL)
            except ProcessLookupError:
                pass
        proc.wait()


def test_no_wait_stops_at_once_and_names_the_run_holding_the_course(two_assignments, capsys):
    course = two_assignments
    holding, done = threading.Event(), threading.Event()

    def hold() -> None:
        with course_lock(course, f"course autograde {COPY}"):
            holding.set()
            done.wait(60)

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert holding.wait(10)
        started = time.monotonic()
        code = main(["--root", str(course.root), "autograde", ASSIGNMENT, "--no-wait"])
        took = time.monotonic() - started
    finally:
        done.set()
        holder.join()
    err = capsys.readouterr().err
    assert code == 2, err
    assert f"course autograde {COPY} (pid {os.getpid()}" in err and "--no-wait" in err, err
    assert took < 30, f"waited {took:.0f} s"
    assert not course.autograded_dir.exists() and not course.reports_dir.exists()
