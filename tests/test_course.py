"""The course folder is where the course's nbgrader configuration says it is."""

from __future__ import annotations

import pytest

from course_tools.course import CONFIG_FILE, Course, CourseError


def test_the_folders_and_gradebook_follow_nbgraders_course_directory(tmp_path):
    (tmp_path / CONFIG_FILE).write_text(
        'c = get_config()\nc.CourseDirectory.course_id = "demo-term"\n'
        'c.CourseDirectory.submitted_directory = "handed_in"\n'
        'c.CourseDirectory.source_directory = "instructor"\n')
    (tmp_path / "handed_in" / "ada" / "hw1").mkdir(parents=True)
    (tmp_path / "instructor" / "hw1").mkdir(parents=True)
    (tmp_path / "instructor" / "hw1" / "hw1.ipynb").write_text("{}")
    course = Course(tmp_path)
    assert course.submitted_dir == tmp_path / "handed_in"
    assert course.students("hw1") == ["ada"]
    assert course.assignments() == ["hw1"]
    assert course.release_dir == tmp_path / "release"  # nbgrader's default
    assert course.course_id == "demo-term"
    assert course.db_path == tmp_path.resolve() / "gradebook.db"


def test_a_gradebook_that_is_not_a_sqlite_file_is_refused_with_the_reason(tmp_path):
    (tmp_path / CONFIG_FILE).write_text(
        'c = get_config()\nc.CourseDirectory.db_url = "postgresql://grader@db/course"\n')
    with pytest.raises(CourseError, match="not in an SQLite file"):
        _ = Course(tmp_path).db_path
