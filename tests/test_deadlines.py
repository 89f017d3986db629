"""Due dates and late penalties: nbgrader's mechanism with the course's rule and dates."""

from __future__ import annotations

import csv
import math
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from nbgrader.api import Gradebook
from traitlets.config import Config

from course_tools.autograde import read_report
from course_tools.course import CourseError
from course_tools.deadlines import (
    Deadlines,
    PenaltyPerStartedDay,
    parse_due_date,
    started_days,
)
from course_tools.samples import COPIED, LATE, TERM_ASSIGNMENT, TERM_DUE_DATE


@pytest.mark.parametrize("text, utc", [
    ("2026-10-23 23:59 Europe/Berlin", datetime(2026, 10, 23, 21, 59)),  # summer time
    ("2026-12-01 00:00 Europe/Berlin", datetime(2026, 11, 30, 23, 0)),
    ("2026-03-02 08:30:15 America/New_York", datetime(2026, 3, 2, 13, 30, 15)),
    ("2026-01-01 12:00 UTC", datetime(2026, 1, 1, 12, 0)),
])
def test_due_dates_are_read_in_their_time_zone(text, utc):
    assert parse_due_date(text) == utc


@pytest.mark.parametrize("text, message", [
    ("2026-10-23 23:59", "is not a due date of the form"),
    ("2026-10-23 23:59 Mars/Olympus", "unknown time zone 'Mars/Olympus'"),
    ("2026-10-23 23:59+02:00 Europe/Berlin", "give the time zone once"),
    ("23/10/2026 23:59 UTC", "is not a due date of the form"),
])
def test_a_due_date_without_a_known_zone_is_refused(text, message):
    with pytest.raises(ValueError, match=message):
        parse_due_date(text)
    config = Config()
    config.Deadlines.due_dates = {"hw1": text}
    with pytest.raises(CourseError, match=r"c\.Deadlines\.due_dates\['hw1'\]"):
        Deadlines(config=config)


def test_a_started_day_counts_whole_and_the_penalty_is_capped():
    assert [started_days(s) for s in (0, 1, 86400, 86401, 3 * 86400)] == [0, 1, 1, 2, 3]
    config = Config()
    config.PenaltyPerStartedDay.fraction_per_day = 0.15
    config.PenaltyPerStartedDay.max_fraction = 0.4
    plugin = PenaltyPerStartedDay(config=config)
    assert plugin.late_submission_penalty("s", 60.0, 0) == 0
    assert plugin.late_submission_penalty("s", 60.0, 3600) == pytest.approx(9.0)
    assert plugin.late_submission_penalty("s", 60.0, 2 * 86400 - 1) == pytest.approx(18.0)
    assert plugin.late_submission_penalty("s", 60.0, 30 * 86400) == pytest.approx(24.0)
    config.PenaltyPerStartedDay.max_fraction = 1.5
    with pytest.raises(CourseError, match="between 0 and 1"):
        PenaltyPerStartedDay(config=config)


def _submission(course, student):
    with Gradebook(course.db_url, course.course_id) as gb:
        s = gb.find_submission(TERM_ASSIGNMENT, student)
        return s.code_score, s.late_submission_penalty, s.timestamp, s.duedate


def test_a_late_submission_scores_the_penalty_below_an_identical_on_time_one(term_course):
    """sample-copied is sample-late's notebook with renamed variables, handed in on time."""
    late_auto, late_penalty, late_at, due = _submission(term_course, LATE)
    copied_auto, copied_penalty, _, _ = _submission(term_course, COPIED)
    assert late_auto == copied_auto > 0 and copied_penalty == 0

    # The expected penalty, from the demo's rule and dates, computed here.
    config = term_course.nbgrader_config()
    fraction, cap = (config.PenaltyPerStartedDay.fraction_per_day,
                     config.PenaltyPerStartedDay.max_fraction)
    day, clock, zone = TERM_DUE_DATE.split()
    due_here = datetime.fromisoformat(f"{day}T{clock}").replace(tzinfo=ZoneInfo(zone))
    stamp = (term_course.submitted_dir / LATE / TERM_ASSIGNMENT / "timestamp.txt").read_text()
    submitted = datetime.fromisoformat(stamp).replace(tzinfo=ZoneInfo("UTC"))
    days = math.ceil((submitted - due_here).total_seconds() / 86400)
    assert days >= 1
    expected = min(cap, fraction * days) * copied_auto
    assert late_penalty == pytest.approx(expected) and expected > 0
    assert due == due_here.astimezone(ZoneInfo("UTC")).replace(tzinfo=None)
    assert late_at == submitted.replace(tzinfo=None)

    rows = {r["student"]: r for r in csv.DictReader((term_course.root / "grades.csv").open())
            if r["assignment"] == TERM_ASSIGNMENT}
    late, copied = rows[LATE], rows[COPIED]
    assert float(copied["total_score"]) - float(late["total_score"]) == pytest.approx(expected)
    assert float(late["late_penalty"]) == pytest.approx(expected)
    assert float(late["seconds_late"]) == (submitted - due_here).total_seconds()
    assert float(copied["late_penalty"]) == 0 and float(copied["seconds_late"]) == 0

    (page,) = (term_course.feedback_dir / LATE / TERM_ASSIGNMENT).glob("*.html")
    assert f"Late submission penalty: -{round(expected, 2):g} points." in page.read_text()


def test_autograde_says_what_the_lateness_cost(term_course):
    outcomes = read_report(term_course, TERM_ASSIGNMENT)
    late = outcomes[LATE]
    (note,) = [n for n in late.notes if "late penalty" in n]
    _, penalty, _, _ = _submission(term_course, LATE)
    assert note.startswith("1 day 2 h late (due 2026-10-23 21:59 UTC)")
    assert note.endswith(f"nbgrader's late penalty takes {round(penalty, 2):g} points off")
    for outcome in outcomes.values():  # nbgrader's timestamp.txt is no extra file
        assert not [n for n in outcome.notes if "timestamp.txt" in n]
        assert outcome.student == LATE or not [n for n in outcome.notes if "late" in n]
