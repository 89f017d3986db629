"""`course collect`: LMS downloads built here the way Canvas and Moodle name their files."""

from __future__ import annotations

import shutil
import stat
import struct
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from course_tools.cli import main
from course_tools.course import Course
from course_tools.demo import build_demo_course
from course_tools.release import release

ASSIGNMENT = "hw1_foundations"
NOTEBOOK = f"{ASSIGNMENT}.ipynb"


@pytest.fixture(scope="module")
def released(repo_course, tmp_path_factory) -> Course:
    course = build_demo_course(repo_course, tmp_path_factory.mktemp("collect") / "course")
    release(course, [ASSIGNMENT])
    return course


@pytest.fixture
def course(released, tmp_path) -> Course:
    root = tmp_path / "course"
    shutil.copytree(released.root, root)
    return Course(root)


def _notebook(course: Course, marker: str) -> bytes:
    """The release notebook with a marker in its first cell, so versions can be told apart."""
    text = (course.release_dir / ASSIGNMENT / NOTEBOOK).read_text()
    return text.replace('"cells": [', f'"cells": [{{"cell_type": "raw", "metadata": {{}}, '
                        f'"source": "{marker}"}},', 1).encode()


def _member(name: str, data: bytes, when: datetime, unix_time: bool = True) -> tuple:
    return name, data, when, unix_time


def _zip(path: Path, members) -> Path:
    """A zip as an LMS writes it: each member with its DOS time and, when `unix_time`,
    the extended-timestamp field (the exact UTC time)."""
    with zipfile.ZipFile(path, "w") as archive:
        for name, data, when, unix_time in members:
            info = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
            if unix_time:
                info.extra = struct.pack("<HHBi", 0x5455, 5, 1,
                                         int(when.replace(tzinfo=UTC).timestamp()))
            archive.writestr(info, data)
    return path


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and p.name != "gradebook.db.lock"}


def _lines_for(out: str, name: str) -> str:
    (line,) = [line for line in out.splitlines() if line.startswith(name)]
    return line


T1 = datetime(2026, 10, 20, 10, 0)
T2 = datetime(2026, 10, 21, 9, 30)
T3 = datetime(2026, 10, 24, 6, 15, 30)


def test_a_canvas_download_is_collected_with_times_and_reasons(course, tmp_path, capsys):
    first, second = _notebook(course, "first upload"), _notebook(course, "second upload")
    archive = _zip(tmp_path / "submissions.zip", [
        _member(f"smithjohn_101_9001_{NOTEBOOK}", first, T1),
        _member(f"smithjohn_101_9002_{ASSIGNMENT}-1.ipynb", second, T2),
        _member(f"doejane_LATE_102_9003_{NOTEBOOK}", first, T3),
        _member("doejane_102_9003_notes.txt", b"my notes", T3),
        _member("../../evil.ipynb", first, T1),
        _member("/etc/evil.ipynb", first, T1),
        _member("random.ipynb", first, T1),
        _member("smithjohn_101_9001_other.ipynb", first, T1),
    ])
    outside = _tree(tmp_path.parent)
    before = _tree(course.root)
    assert main(["--root", str(course.root), "collect", ASSIGNMENT, str(archive)]) == 0
    out = capsys.readouterr().out

    smith = course.submitted_dir / "101" / ASSIGNMENT
    assert (smith / NOTEBOOK).read_bytes() == second  # the resubmission ("-1"), the later one
    assert (smith / "timestamp.txt").read_text() == "2026-10-21 09:30:00"
    doe = course.submitted_dir / "102" / ASSIGNMENT
    assert (doe / NOTEBOOK).read_bytes() == first
    assert (doe / "timestamp.txt").read_text() == "2026-10-24 06:15:30"
    assert sorted(p.name for p in smith.iterdir()) == [NOTEBOOK, "timestamp.txt"]
    assert sorted(p.name for p in doe.iterdir()) == [NOTEBOOK, "timestamp.txt"]

    # Nothing but the two submissions was written, in the course or anywhere beside it.
    after = _tree(course.root)
    assert {k for k in after if k not in before} == {
        f"submitted/{s}/{ASSIGNMENT}/{n}" for s in ("101", "102")
        for n in (NOTEBOOK, "timestamp.txt")}
    assert all(after[k] == v for k, v in before.items())
    assert not list(tmp_path.parent.parent.rglob("evil.ipynb"))
    submitted = f"{tmp_path.name}/course/submitted/"
    assert {k: v for k, v in _tree(tmp_path.parent).items() if not k.startswith(submitted)} == {
        k: v for k, v in outside.items() if not k.startswith(submitted)}

    assert "older version" in _lines_for(out, f"smithjohn_101_9001_{NOTEBOOK}")
    assert "collected" in _lines_for(out, f"smithjohn_101_9002_{ASSIGNMENT}-1.ipynb")
    assert "collected" in _lines_for(out, f"doejane_LATE_102_9003_{NOTEBOOK}")
    assert "not a notebook" in _lines_for(out, "doejane_102_9003_notes.txt")
    assert "goes up a folder" in _lines_for(out, "../../evil.ipynb")
    assert "absolute" in _lines_for(out, "/etc/evil.ipynb")
    assert "not named the way Canvas names" in _lines_for(out, "random.ipynb")
    assert "none of the assignment's notebooks" in _lines_for(out, "smithjohn_101_9001_other")
    assert "2 students found; 2 files collected for 2 students" in out


def test_a_moodle_download_is_collected_through_the_student_map(course, tmp_path, capsys):
    roster = tmp_path / "students.csv"
    roster.write_text("lms_id,student,email\n555,jdoe,jane@example.org\n"
                      "556,jroe,john@example.org\n")
    nb = _notebook(course, "moodle")
    berlin_noon = datetime(2026, 10, 21, 12, 0)  # CEST, two hours ahead of UTC
    archive = _zip(tmp_path / "moodle.zip", [
        _member(f"Jane Doe_555_assignsubmission_file_{NOTEBOOK}", nb, berlin_noon, False),
        _member(f"John Roe_556_assignsubmission_file/{NOTEBOOK}", nb, berlin_noon, False),
        _member("Ann Ex_557_assignsubmission_onlinetext_onlinetext.html", b"<p>hi</p>",
                berlin_noon, False),
        _member(f"Zed Unknown_999_assignsubmission_file_{NOTEBOOK}", nb, berlin_noon, False),
    ])
    assert main(["--root", str(course.root), "collect", ASSIGNMENT, str(archive), "--lms",
                 "moodle", "--students", str(roster), "--archive-timezone",
                 "Europe/Berlin"]) == 0
    out = capsys.readouterr().out
    for student in ("jdoe", "jroe"):
        folder = course.submitted_dir / student / ASSIGNMENT
        assert (folder / NOTEBOOK).read_bytes() == nb
        assert (folder / "timestamp.txt").read_text() == "2026-10-21 10:00:00"
    assert sorted(p.name for p in course.submitted_dir.iterdir()) == ["jdoe", "jroe"]
    assert "not a notebook" in _lines_for(out, "Ann Ex_557")
    assert "LMS id 999 is not in the student map" in _lines_for(out, "Zed Unknown_999")


@pytest.mark.parametrize("damage", ["truncated", "bad checksum", "not a zip"])
def test_a_damaged_archive_is_refused_before_anything_is_written(course, tmp_path, capsys,
                                                                 damage):
    archive = _zip(tmp_path / "submissions.zip",
                   [_member(f"smithjohn_101_9001_{NOTEBOOK}", _notebook(course, "x"), T1)])
    data = archive.read_bytes()
    if damage == "truncated":
        archive.write_bytes(data[: len(data) // 2])
    elif damage == "bad checksum":
        at = data.index(b'"cells"')
        archive.write_bytes(data[:at] + b"X" + data[at + 1:])
    else:
        archive.write_bytes(b"this is an HTML error page, not the download")
    before = _tree(course.root)
    assert main(["--root", str(course.root), "collect", ASSIGNMENT, str(archive)]) == 2
    err = capsys.readouterr().err
    assert "download the submissions from the LMS again" in err and "Traceback" not in err
    assert _tree(course.root) == before


def test_links_nested_archives_and_twice_named_members_are_skipped(course, tmp_path, capsys):
    archive = tmp_path / "odd.zip"
    nb = _notebook(course, "x")
    with zipfile.ZipFile(archive, "w") as out:
        link = zipfile.ZipInfo(f"smithjohn_101_9001_{NOTEBOOK}")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        out.writestr(link, "/etc/passwd")
        out.writestr(f"doejane_102_9003_{ASSIGNMENT}.zip", b"PK")
        out.writestr(f"roe_103_9004_{NOTEBOOK}", nb)
        with pytest.warns(UserWarning, match="Duplicate name"):
            out.writestr(f"roe_103_9004_{NOTEBOOK}", b"second of the same name")
        out.writestr(f"roe_103_9004_{NOTEBOOK}/inside.ipynb", b"a folder named as a file")
    assert main(["--root", str(course.root), "collect", ASSIGNMENT, str(archive)]) == 0
    out = capsys.readouterr().out
    assert "symbolic link" in _lines_for(out, f"smithjohn_101_9001_{NOTEBOOK}")
    assert "archive inside the archive" in _lines_for(out, f"doejane_102_9003_{ASSIGNMENT}.zip")
    assert "holds this name twice" in out
    assert "a file and a folder of the archive have the same name" in _lines_for(
        out, f"roe_103_9004_{NOTEBOOK}/inside.ipynb")
    assert sorted(p.name for p in course.submitted_dir.iterdir()) == ["103"]
    assert (course.submitted_dir / "103" / ASSIGNMENT / NOTEBOOK).read_bytes() == nb


def test_a_submission_already_collected_is_kept_unless_replaced(course, tmp_path, capsys):
    old, new = _notebook(course, "old"), _notebook(course, "new")
    root = ["--root", str(course.root), "collect", ASSIGNMENT]
    first = _zip(tmp_path / "first.zip", [_member(f"smithjohn_101_9001_{NOTEBOOK}", old, T1)])
    assert main([*root, str(first)]) == 0
    capsys.readouterr()
    assert main([*root, str(first)]) == 0  # the same download again changes nothing
    assert "unchanged" in _lines_for(capsys.readouterr().out, f"smithjohn_101_9001_{NOTEBOOK}")

    folder = course.submitted_dir / "101" / ASSIGNMENT
    second = _zip(tmp_path / "second.zip", [_member(f"smithjohn_101_9005_{NOTEBOOK}", new, T2)])
    assert main([*root, str(second)]) == 0
    line = _lines_for(capsys.readouterr().out, f"smithjohn_101_9005_{NOTEBOOK}")
    assert "kept" in line and "--replace" in line
    assert (folder / NOTEBOOK).read_bytes() == old

    assert main([*root, str(second), "--replace"]) == 0
    out = capsys.readouterr().out
    assert (folder / NOTEBOOK).read_bytes() == new
    (moved,) = (course.root / "downloaded" / ASSIGNMENT / "replaced").glob(f"*/101/{ASSIGNMENT}")
    assert (moved / NOTEBOOK).read_bytes() == old
    assert (moved / "timestamp.txt").read_text() == "2026-10-20 10:00:00"
    assert str(moved.parent) in out


@pytest.mark.parametrize("text, message", [
    ("lms_id,student\n1,ann\n2,ann\n", "student ann is listed again"),
    ("lms_id,student\n1,ann\n1,bob\n", "LMS id 1 is listed twice"),
    ("lms_id,student,e-mail\n1,ann,a@b\n", "unknown column 'e-mail'"),
    ("id,student\n1,ann\n", "no column lms_id"),
    ("lms_id,student\n1,../ann\n", "cannot be used"),
])
def test_a_bad_student_map_is_a_clear_error(course, tmp_path, capsys, text, message):
    roster = tmp_path / "students.csv"
    roster.write_text(text)
    archive = _zip(tmp_path / "a.zip", [_member(f"x_1_2_{NOTEBOOK}", _notebook(course, "x"), T1)])
    assert main(["--root", str(course.root), "collect", ASSIGNMENT, str(archive),
                 "--students", str(roster)]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not course.submitted_dir.exists()


def test_an_empty_archive_or_another_lms_download_says_so(course, tmp_path, capsys):
    root = ["--root", str(course.root), "collect", ASSIGNMENT]
    assert main([*root, str(_zip(tmp_path / "empty.zip", []))]) == 0
    assert "the archive holds no files" in capsys.readouterr().out
    moodle = _zip(tmp_path / "moodle.zip", [
        _member(f"Jane Doe_555_assignsubmission_file_{NOTEBOOK}", _notebook(course, "x"), T1)])
    assert main([*root, str(moodle)]) == 0  # collected as a Canvas download
    out = capsys.readouterr().out
    assert "not named the way Canvas names" in out and "nothing was collected" in out
    assert not course.submitted_dir.exists()


def test_a_student_map_reads_quoted_line_breaks_and_counts_lines_as_a_spreadsheet_does(
        tmp_path):
    from course_tools.course import CourseError
    from course_tools.roster import read_roster

    roster = tmp_path / "students.csv"
    roster.write_text('lms_id,student,name\r\n1,ann,"Lee,\r\nAnn"\r\n2,bob,"Ng, Bob"\r\n',
                      newline="")
    people = read_roster(roster).by_lms_id
    assert people["1"].name == "Lee,\nAnn" and people["2"].student == "bob"
    roster.write_text('lms_id,student,name\n1,ann,"Lee,\nAnn"\n2,ann,Ng\n')
    with pytest.raises(CourseError, match=r"line 4: student ann is listed again"):
        read_roster(roster)
