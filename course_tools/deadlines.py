"""Due dates and late penalties, with nbgrader's own mechanism.

nbgrader already knows when a submission is late: the gradebook holds each
assignment's due date, ``submitted/<student>/<assignment>/timestamp.txt`` the time
of the submission (``course collect`` writes it from the LMS's archive), and at
autograde its ``AssignLatePenalties`` step asks a late-submission plugin for the
penalty of each late notebook and stores it in the gradebook, where the formgrader,
the feedback pages, ``course grades`` and ``course report`` all read it.

The course adds the two pieces nbgrader leaves to a course, both set in
``nbgrader_config.py``:

- `Deadlines` (``c.Deadlines.due_dates``): the due date of each assignment, with its
  time zone. `RecordDueDates`, a step of the autograde pipeline that runs before
  ``AssignLatePenalties``, writes it into the gradebook, so the configuration is the
  one place a due date is set;
- `PenaltyPerStartedDay` (``c.AssignLatePenalties.plugin_class``): a fraction of the
  notebook's points per started day late, up to a cap.

nbgrader computes penalties at autograde, from the points a notebook has then: its
autograded points (hand-graded answers score nothing yet). Points given by hand
later are not reduced; autograde again to recompute.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

from dateutil import tz
from nbgrader.api import Gradebook
from nbgrader.plugins import BasePlugin
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Dict, Float, Unicode, validate
from traitlets.config import Configurable

from .course import CourseError
from .scores import gradebook_submission

DAY_SECONDS = 24 * 3600
DUE_DATE_FORMAT = "YYYY-MM-DD HH:MM[:SS] <time zone>, e.g. '2026-10-23 23:59 Europe/Berlin'"


def parse_due_date(text: str) -> datetime:
    """A due date as nbgrader stores it (UTC without tzinfo), from ``date time zone``.

    The zone is required and must be one the system knows (an IANA name such as
    ``Europe/Berlin``, or ``UTC``): nbgrader reads a date without one as UTC, and an
    unknown name silently as UTC too, which moves every deadline by hours.
    """
    parts = text.split()
    if len(parts) != 3:
        raise ValueError(f"{text!r} is not a due date of the form {DUE_DATE_FORMAT}")
    day, clock, zone_name = parts
    zone = tz.gettz(zone_name)
    if zone is None:
        raise ValueError(f"{text!r}: unknown time zone {zone_name!r} (use an IANA name such as "
                         "Europe/Berlin or America/New_York, or UTC)")
    try:
        local = datetime.fromisoformat(f"{day}T{clock}")
    except ValueError as exc:
        raise ValueError(f"{text!r} is not a due date of the form {DUE_DATE_FORMAT} "
                         f"({exc})") from exc
    if local.tzinfo is not None:
        raise ValueError(f"{text!r}: give the time zone once, by name, after the time")
    aware = local.replace(tzinfo=zone)
    return (aware - aware.utcoffset()).replace(tzinfo=None)


class Deadlines(Configurable):
    """The course's due dates (``c.Deadlines.due_dates`` in nbgrader_config.py)."""

    due_dates = Dict(
        key_trait=Unicode(), value_trait=Unicode(), default_value={},
        help="Due date of each assignment, by assignment id, as 'YYYY-MM-DD HH:MM "
             "<time zone>'. Assignments not listed have no due date (never late).",
    ).tag(config=True)

    @validate("due_dates")
    def _valid_dates(self, proposal):
        for assignment, text in proposal["value"].items():
            try:
                parse_due_date(text)
            except ValueError as exc:
                raise CourseError(f"c.Deadlines.due_dates[{assignment!r}] in "
                                  f"nbgrader_config.py: {exc}") from exc
        return proposal["value"]

    def due_date(self, assignment: str) -> datetime | None:
        """The assignment's due date in UTC (naive, as nbgrader stores it), or None."""
        text = self.due_dates.get(assignment)
        return None if text is None else parse_due_date(text)


def record_due_date(db_url: str, course_id: str, assignment: str, config) -> datetime | None:
    """Write the configured due date of `assignment` into the gradebook; return it.

    An assignment the configuration gives no due date keeps the gradebook's (set with
    ``nbgrader db assignment add --duedate`` or the formgrader, if at all).
    """
    due = Deadlines(config=config).due_date(assignment)
    if due is not None:
        with Gradebook(db_url, course_id) as gb:
            gb.update_or_create_assignment(assignment, duedate=due)
    return due


class RecordDueDates(NbGraderPreprocessor):
    """Autograde step: put the configured due date into the gradebook before
    ``AssignLatePenalties`` reads it, so plain ``nbgrader autograde`` and the
    formgrader's button penalise exactly as ``course autograde`` does."""

    def preprocess(self, nb, resources):
        from nbgrader.coursedir import CourseDirectory

        info = resources["nbgrader"]
        record_due_date(info["db_url"], CourseDirectory(config=self.config).course_id,
                        info["assignment"], self.config)
        return nb, resources


def started_days(seconds_late: float) -> int:
    """Days late, each started day counting whole (one second late is one day)."""
    return math.ceil(seconds_late / DAY_SECONDS) if seconds_late > 0 else 0


class PenaltyPerStartedDay(BasePlugin):
    """nbgrader late-submission plugin: `fraction_per_day` of the notebook's points for
    each started day late, at most `max_fraction` of them."""

    fraction_per_day = Float(0.1, help="Fraction of the points lost per started day late."
                             ).tag(config=True)
    max_fraction = Float(1.0, help="The most a late submission can lose, as a fraction of "
                         "its points.").tag(config=True)

    @validate("fraction_per_day", "max_fraction")
    def _fraction(self, proposal):
        value = proposal["value"]
        if not 0 <= value <= 1:
            raise CourseError(f"c.PenaltyPerStartedDay.{proposal['trait'].name} in "
                              f"nbgrader_config.py is {value}; it must be between 0 and 1")
        return value

    def fraction(self, seconds_late: float) -> float:
        """The fraction of the points a submission this late loses."""
        return min(self.max_fraction, self.fraction_per_day * started_days(seconds_late))

    def late_submission_penalty(self, student_id: str, score: float,
                                total_seconds_late: float) -> float:
        """The points lost (nbgrader's plugin interface)."""
        return self.fraction(total_seconds_late) * score


@dataclass(frozen=True)
class Lateness:
    """When a submission came in against its due date, and what it cost."""

    submitted_at: datetime | None  # UTC
    due: datetime | None  # UTC
    seconds_late: float
    penalty: float  # points nbgrader took off at autograde

    @property
    def late(self) -> bool:
        return self.seconds_late > 0

    def describe(self) -> str:
        """'1 day 2 h late' style text, empty when on time."""
        if not self.late:
            return ""
        days, rest = divmod(int(self.seconds_late), DAY_SECONDS)
        hours, rest = divmod(rest, 3600)
        minutes = rest // 60
        parts = [f"{days} day{'s' if days != 1 else ''}"] if days else []
        parts += [f"{hours} h"] if hours else []
        parts += [f"{minutes} min"] if minutes and not days else []
        return " ".join(parts or ["under a minute"]) + " late"


def lateness(db_url: str, course_id: str, assignment: str, student: str) -> Lateness | None:
    """The submission's time, due date and late penalty as the gradebook holds them."""
    with gradebook_submission(db_url, course_id, assignment, student) as submission:
        if submission is None:
            return None
        return Lateness(submitted_at=submission.timestamp, due=submission.duedate,
                        seconds_late=float(submission.total_seconds_late or 0.0),
                        penalty=float(submission.late_submission_penalty or 0.0))
