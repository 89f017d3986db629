"""The course folder: where assignments live and how nbgrader is configured for it."""

from __future__ import annotations

import fcntl
import json
import logging
import os
import re
import sys
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path

from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

CONFIG_FILE = "nbgrader_config.py"
# Held while a command uses the gradebook, which every assignment shares, and the reports.
LOCK_FILE = "gradebook.db.lock"
# nbgrader's gradebook keeps a student id in a String(128) column.
MAX_STUDENT_ID = 128
# Characters nbgrader gives a meaning in a student id: a file glob (CourseDirectory.student_id),
# path separators, the separator of its exchange's file names ('+', refused by `nbgrader
# submit`) and of CourseDirectory.student_id_exclude (',').
_SPECIAL_IN_IDS = {
    **dict.fromkeys("*?[]", "a file-name pattern character, which nbgrader expands to other "
                    "students' folders"),
    **dict.fromkeys("/\\", "a path separator"),
    "+": "'+', which nbgrader's exchange uses to separate the parts of a submission's name",
    ",": "',', which separates the ids in nbgrader's student_id_exclude",
}


class CourseError(RuntimeError):
    """A problem with the course folder that the instructor has to fix."""


class CourseBusy(CourseError):
    """Another command holds the course lock and the caller chose not to wait."""


def find_course_root(start: Path | None = None) -> Path:
    """The nearest folder at or above `start` that holds nbgrader_config.py and source/."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_FILE).is_file() and (folder / "source").is_dir():
            return folder
    raise CourseError(
        f"no course folder found at or above {here}: run `course` from the repository root "
        f"(the folder with {CONFIG_FILE} and source/), or pass --root."
    )


@dataclass(frozen=True)
class Course:
    """A course folder laid out the nbgrader way (source/, release/, submitted/, ...).

    The folders and the gradebook are where the course's nbgrader configuration
    puts them (nbgrader's ``CourseDirectory``: ``source_directory`` and the others).
    """

    root: Path

    @cached_property
    def coursedir(self):
        """nbgrader's CourseDirectory for this folder, as its configuration sets it."""
        from nbgrader.coursedir import CourseDirectory

        return CourseDirectory(config=self.nbgrader_config())

    def _folder(self, name: str) -> Path:
        return self.root / getattr(self.coursedir, f"{name}_directory")

    @property
    def source_dir(self) -> Path:
        return self._folder("source")

    @property
    def release_dir(self) -> Path:
        return self._folder("release")

    @property
    def submitted_dir(self) -> Path:
        return self._folder("submitted")

    @property
    def autograded_dir(self) -> Path:
        return self._folder("autograded")

    @property
    def feedback_dir(self) -> Path:
        return self._folder("feedback")

    @property
    def reports_dir(self) -> Path:
        return self.root / "reports"  # the course's own (autograde reports, class reports)

    @property
    def course_id(self) -> str:
        return self.coursedir.course_id

    @property
    def db_url(self) -> str:
        return self.coursedir.db_url

    @property
    def db_path(self) -> Path:
        """The gradebook's file (the course keeps it in SQLite, as nbgrader does by default)."""
        prefix = "sqlite:///"
        if not self.db_url.startswith(prefix):
            raise CourseError(f"the gradebook is at {self.db_url}, not in an SQLite file: "
                              "`course` supports only nbgrader's SQLite gradebook")
        return Path(self.db_url.removeprefix(prefix))

    @property
    def lock_path(self) -> Path:
        return self.root / LOCK_FILE

    def assignments(self) -> list[str]:
        """Assignment ids: the folders of source/ that hold at least one notebook."""
        if not self.source_dir.is_dir():
            return []
        return sorted(
            p.name for p in self.source_dir.iterdir() if p.is_dir() and any(p.glob("*.ipynb"))
        )

    def notebook_names(self, assignment: str) -> list[str]:
        """Notebook file names (with .ipynb) of an assignment's source."""
        return sorted(p.name for p in (self.source_dir / assignment).glob("*.ipynb"))

    def check_assignment(self, assignment: str) -> None:
        """Raise CourseError unless `assignment` is one of the course's assignments."""
        known = self.assignments()
        if assignment not in known:
            raise CourseError(
                f"unknown assignment {assignment!r}: the course has {', '.join(known) or 'none'}"
            )

    def students(self, assignment: str) -> list[str]:
        """Students with a folder submitted/<student>/<assignment>/, usable ids or not."""
        if not self.submitted_dir.is_dir():
            return []
        return sorted(
            p.name for p in self.submitted_dir.iterdir() if (p / assignment).is_dir()
        )

    def nbgrader_config(self) -> Config:
        """The course's nbgrader configuration, rooted at this folder."""
        config_path = self.root / CONFIG_FILE
        if config_path.is_file():
            try:
                config = PyFileConfigLoader(CONFIG_FILE, path=str(self.root)).load_config()
            except Exception as exc:  # noqa: BLE001  (the file is Python: anything can fail)
                raise CourseError(
                    f"{config_path} could not be loaded ({type(exc).__name__}: {exc}). "
                    "nbgrader only logs such an error and grades with its defaults, without "
                    "the sandbox. Fix the file, and run `course` and nbgrader with the "
                    "course's Python (.venv/bin), where course_tools can be imported."
                ) from exc
        else:
            config = Config()
        config.CourseDirectory.root = str(self.root)
        return config

    def api(self, config: Config | None = None):
        """An nbgrader API object for this course (imported lazily: nbgrader is slow to load).

        `config` (default: the course's own) lets a command change a setting for one run.
        """
        from nbgrader.apps import NbGraderAPI
        from sqlalchemy.exc import SAWarning

        # nbgrader's gradebook triggers SQLAlchemy autoflush warnings that say
        # nothing an instructor can act on.
        warnings.filterwarnings("ignore", category=SAWarning)
        ensure_environment_on_path()
        api = NbGraderAPI(config=config or self.nbgrader_config())
        api.log.setLevel(logging.ERROR)
        return api


def shown(text: str) -> str:
    """`text` as it can be printed safely: unchanged when plain, else as a Python literal.

    Names and reasons come from students' files and folders: a line break, a
    terminal escape, a right-to-left mark or surrounding spaces could make a
    printed report say something it does not.
    """
    return text if text and text.isprintable() and text == text.strip() else repr(text)


def student_id_problem(student: str) -> str | None:
    """Why nbgrader cannot safely grade a submission folder named `student`, or None."""
    if not student:
        return "the name is empty"
    hidden = [c for c in student if not c.isprintable()]
    if hidden:
        listed = ", ".join(dict.fromkeys(repr(c)[1:-1] for c in hidden))
        return f"it contains control or invisible characters ({listed})"
    if student != student.strip():
        return "it starts or ends with a space, which nbgrader strips from student ids"
    if student.startswith("."):
        return "it starts with '.', which makes it a hidden folder nbgrader skips"
    for char in student:
        if char in _SPECIAL_IN_IDS:
            return f"it contains {_SPECIAL_IN_IDS[char]}"
    if len(student) > MAX_STUDENT_ID:
        return f"it is longer than the {MAX_STUDENT_ID} characters nbgrader's gradebook keeps"
    return None


_held = threading.local()  # lock files this thread holds, with how deep


@contextmanager
def course_lock(course: Course, command: str, wait: bool = True) -> Iterator[None]:
    """Hold the course-wide lock while `command` (for messages) uses the gradebook and reports.

    An exclusive ``flock`` on the course's lock file: the kernel drops it when the
    process ends, however it ends, so a killed run never blocks the next one.
    When another process holds it, wait (saying so on stderr) or, with
    ``wait=False``, raise CourseBusy. Re-entrant within one thread.
    """
    key = str(course.lock_path)
    depths = _held.__dict__.setdefault("depths", {})
    if key in depths:
        depths[key] += 1
        try:
            yield
        finally:
            depths[key] -= 1
        return
    try:
        fd = os.open(course.lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise CourseError(f"cannot create the course lock {course.lock_path}: {exc}") from exc
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _lock_holder(fd)
            if not wait:
                raise CourseBusy(
                    f"{holder} is using this course (lock {course.lock_path}); wait for it to "
                    "finish, or leave out --no-wait to wait for it automatically") from None
            print(f"course: waiting for {holder} to finish: both use the gradebook "
                  "(Ctrl-C stops waiting)", file=sys.stderr, flush=True)
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps({
            "command": command, "pid": os.getpid(), "host": os.uname().nodename,
            "since": datetime.now(UTC).isoformat(timespec="seconds"),
        }).encode(), 0)
        depths[key] = 1
        try:
            yield
        finally:
            del depths[key]
            os.ftruncate(fd, 0)
    finally:
        os.close(fd)  # releases the lock


def _lock_holder(fd: int) -> str:
    """Who holds the lock, as its holder wrote it into the lock file."""
    try:
        info = json.loads(os.pread(fd, 4096, 0))
        return (f"{shown(str(info['command']))} (pid {int(info['pid'])} on "
                f"{shown(str(info['host']))}, since {shown(str(info['since']))})")
    except (ValueError, KeyError, TypeError, OSError):
        return "another course command"


def ensure_environment_on_path() -> None:
    """Put this Python's scripts folder first on PATH.

    nbgrader runs helper programs (``alembic``) by name, which fails when the
    virtual environment was not activated (``.venv/bin/course ...``).
    """
    scripts = str(Path(sys.executable).parent)
    if os.environ.get("PATH", "").split(os.pathsep)[0] != scripts:
        os.environ["PATH"] = scripts + os.pathsep + os.environ.get("PATH", "")


def nbgrader_failure(action: str, result: dict) -> CourseError:
    """A CourseError carrying the error lines of a failed nbgrader API call."""
    log = result.get("log") or ""
    exception = re.compile(r"^\s*[\w.]*(Error|Exception): ")
    errors = [
        line.strip() for line in log.splitlines()
        if line.startswith("[ERROR]") or exception.match(line)
    ]
    detail = "\n".join(errors[-8:]) or (result.get("error") or "no details").strip()
    return CourseError(f"{action} failed:\n{detail}")
