"""Grading in parallel on Dask survives dead workers.

That it grades exactly as one worker does, and resumes an interrupted run, is checked
on the hostile corpus's own run (tests/test_hostile_corpus.py), which grades in
parallel anyway.
"""

from __future__ import annotations

import os
import shutil
import signal
import threading
import time

import pytest
from hostile.corpus import ASSIGNMENT

from course_tools.autograde import FAILED, GRADED, autograde, format_outcomes, read_report
from course_tools.course import Course
from course_tools.demo import build_demo_course
from course_tools.parallel import NOTEBOOK_RESOURCE, SCHEDULER_SETTINGS
from course_tools.release import release
from course_tools.samples import write_sample_class
from course_tools.sandbox import find_bwrap
from course_tools.variants import load_variants

pytestmark = pytest.mark.skipif(find_bwrap() is None, reason="needs bubblewrap")


@pytest.fixture(scope="module")
def class_course(repo_course, tmp_path_factory) -> Course:
    """hw1 released, with the sample class, not yet graded."""
    course = build_demo_course(repo_course, tmp_path_factory.mktemp("parallel") / "course")
    with open(course.root / "nbgrader_config.py", "a") as config:
        config.write("c.SandboxedExecute.cell_timeout = 30\n")
    release(course, [ASSIGNMENT])
    write_sample_class(course.submitted_dir, ASSIGNMENT, course.release_dir / ASSIGNMENT,
                       course.source_dir / ASSIGNMENT,
                       load_variants(repo_course.root / "samples", ASSIGNMENT))
    return course


def _copy(course: Course, target) -> Course:
    shutil.copytree(course.root, target)
    return Course(target)


def _grade_while_killing(course: Course, student: str, kills: int):
    """Grade one submission on a 2-worker cluster, killing the worker that runs it `kills` times."""
    import dask
    from dask.distributed import Client, LocalCluster

    killed: list[str] = []
    stop = threading.Event()

    def killer(client) -> None:
        seen: set[tuple] = set()
        while not stop.is_set() and len(killed) < kills:
            try:
                pids = client.run(os.getpid)
                processing = client.processing()
            except Exception:  # noqa: BLE001  (a worker is restarting)
                processing = {}
            for worker, keys in processing.items():
                attempts = [(key, worker) for key in keys if f"-{student}/" in str(key)]
                for attempt in attempts:
                    if attempt not in seen and worker in pids and len(killed) < kills:
                        seen.add(attempt)
                        time.sleep(1)  # let the notebook start
                        os.kill(pids[worker], signal.SIGKILL)
                        killed.append(worker)
            time.sleep(0.2)

    with dask.config.set(SCHEDULER_SETTINGS), LocalCluster(
            n_workers=2, threads_per_worker=1, memory_limit=0, resources={NOTEBOOK_RESOURCE: 1},
            dashboard_address=None) as cluster, Client(cluster) as client:
        watcher = threading.Thread(target=killer, args=(client,), daemon=True)
        watcher.start()
        try:
            outcomes = autograde(course, ASSIGNMENT, [student], scheduler=cluster.scheduler_address)
        finally:
            stop.set()
    assert len(killed) == kills, format_outcomes(outcomes)
    assert [o.student for o in outcomes] == [student]
    return outcomes[0]


def test_a_killed_worker_is_retried_once_then_reported(class_course, tmp_path):
    """Killed once, a submission's notebook runs again elsewhere; killed twice, it is reported."""
    course = _copy(class_course, tmp_path / "course")
    once = _grade_while_killing(course, "sample-reference", 1)
    assert once.status == GRADED and once.auto_score == once.auto_max, format_outcomes([once])
    twice = _grade_while_killing(course, "sample-untouched", 2)
    assert twice.status == FAILED, format_outcomes([twice])
    assert any("KilledWorker" in reason for reason in twice.reasons), format_outcomes([twice])
    report = read_report(course, ASSIGNMENT)
    assert sorted(report) == ["sample-reference", "sample-untouched"]
