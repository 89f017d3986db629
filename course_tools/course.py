"""The course folder: where assignments live and how nbgrader is configured for it."""

from __future__ import annotations

import logging
import os
import re
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path

from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

CONFIG_FILE = "nbgrader_config.py"


class CourseError(RuntimeError):
    """A problem with the course folder that the instructor has to fix."""


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
    """A course folder laid out the nbgrader way (source/, release/, submitted/, ...)."""

    root: Path

    @property
    def source_dir(self) -> Path:
        return self.root / "source"

    @property
    def release_dir(self) -> Path:
        return self.root / "release"

    @property
    def submitted_dir(self) -> Path:
        return self.root / "submitted"

    @property
    def autograded_dir(self) -> Path:
        return self.root / "autograded"

    @property
    def feedback_dir(self) -> Path:
        return self.root / "feedback"

    @property
    def reports_dir(self) -> Path:
        return self.root / "reports"

    @property
    def db_path(self) -> Path:
        return self.root / "gradebook.db"

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
        """Students with a folder submitted/<student>/<assignment>/."""
        if not self.submitted_dir.is_dir():
            return []
        return sorted(
            p.name for p in self.submitted_dir.iterdir() if (p / assignment).is_dir()
        )

    def nbgrader_config(self) -> Config:
        """The course's nbgrader configuration, rooted at this folder."""
        config_path = self.root / CONFIG_FILE
        if config_path.is_file():
            config = PyFileConfigLoader(CONFIG_FILE, path=str(self.root)).load_config()
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
