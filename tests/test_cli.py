"""The `course` command's own behaviour: data, grades, errors."""

from __future__ import annotations

import csv
import dataclasses

import pytest

from course_tools.cli import main
from course_tools.samples import MALFORMED, REFERENCE, UNTOUCHED
from utils import data


def test_course_data_reports_where_each_file_was_found(capsys, monkeypatch, tmp_path):
    if not data.dataset_report(download=False) or not all(
        "error" not in row for row in data.dataset_report(download=False)
    ):
        pytest.skip("COURSE_DATA_DIR does not point at the eight data files")
    monkeypatch.setenv("COURSE_CACHE_DIR", str(tmp_path / "cache"))
    assert main(["data", "--no-download"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 8 and all(line.strip().startswith("ok") for line in lines)
    assert sum("mnist/" in line for line in lines) == 8


def test_course_data_says_what_is_missing(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("COURSE_DATA_DIR", str(tmp_path / "empty"))
    monkeypatch.setenv("COURSE_CACHE_DIR", str(tmp_path / "cache"))
    for name, info in list(data.DATASETS.items()):
        monkeypatch.setitem(data.DATASETS, name, dataclasses.replace(info, system_dirs=()))
    assert main(["data", "--no-download"]) == 1
    out = capsys.readouterr().out
    assert out.count("MISSING") == 8 and "COURSE_DATA_DIR" in out


def test_course_grades_writes_csv_and_table(demo_course, capsys):
    target = demo_course.root / "grades-test.csv"
    assert main(["--root", str(demo_course.root), "grades", "--csv", str(target)]) == 0
    table = capsys.readouterr().out
    assert REFERENCE in table and "rejected" in table
    rows = list(csv.DictReader(target.open()))
    by_student = {(r["student"], r["assignment"]): r for r in rows}
    reference = by_student[(REFERENCE, "hw1_foundations")]
    assert float(reference["auto_score"]) == float(reference["auto_max"]) > 0
    assert float(by_student[(UNTOUCHED, "hw1_foundations")]["auto_score"]) == 0
    malformed = by_student[(MALFORMED, "hw1_foundations")]
    assert malformed["status"] == "rejected" and "JSON" in malformed["reason"]


def test_unknown_assignment_is_a_clear_error(repo_course, capsys):
    assert main(["--root", str(repo_course.root), "autograde", "hw9_nothing"]) == 2
    assert "unknown assignment 'hw9_nothing'" in capsys.readouterr().err


def test_autograde_refuses_to_grade_without_bubblewrap(repo_course, capsys, monkeypatch):
    import course_tools.sandbox

    monkeypatch.setattr(course_tools.sandbox, "find_bwrap", lambda choice="auto": None)
    assert main(["--root", str(repo_course.root), "autograde", "hw1_foundations"]) == 2
    err = capsys.readouterr().err
    assert "refusing to autograde without a sandbox" in err
    assert "apt-get install bubblewrap" in err and "--unsandboxed" in err
