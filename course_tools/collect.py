"""`course collect`: an LMS's bulk download of submissions into ``submitted/``.

nbgrader's ``zip_collect`` does the work: its ``ZipCollectApp`` takes the archive
apart with an extractor plugin, asks a file-name collector plugin (a ``named_regexp``
with ``student_id`` and ``file_id`` groups) who handed in each file, keeps the latest
of two versions of a file by their timestamps and writes
``submitted/<student>/<assignment>/`` with nbgrader's ``timestamp.txt``. The course
gives it two plugins of its own:

- `SafeExtractor`: nbgrader's extractor stops at the first unsafe member, discards the
  members' times and applies the archive's permission bits; this one skips each
  unsafe, linked, oversized or nested member with a reason, and gives every file the
  time the archive records for it (the time of the upload);
- `LmsFileNameCollector`: the LMS's naming (`LMS_PATTERNS`), a student map, Canvas's
  resubmission suffixes (``-1``, ``-2``), and a reason for every file it skips.

Nothing is written outside ``submitted/``, and no submission already there is changed
unless the instructor asks for it (``--replace``, which first moves the old one aside).
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import struct
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from dateutil import tz
from nbgrader.plugins import ExtractorPlugin, FileNameCollectorPlugin

from .course import Course, CourseError, course_lock, shown, student_id_problem
from .roster import Roster
from .submissions import MAX_NOTEBOOK_BYTES, MAX_SUBMISSION_BYTES, _size

# Applied to each file's path inside the archive. Canvas names a file
# "<lastnamefirstname>[_late]_<user id>_<submission id>_<file name>" and adds "-1", "-2"
# to a file a student uploaded again; Moodle "<Full Name>_<participant id>_assignsubmission
# _file_<file name>", or puts the files in a folder of that name.
LMS_PATTERNS = {
    "canvas": r"(?P<last_name>[^_/]+)(?:_(?i:late))?_(?P<student_id>\d+)_(?P<submission_id>\d+)"
              r"_(?P<file_id>[^/]+)\Z",
    "moodle": r"(?P<full_name>[^_/]+)_(?P<student_id>\d+)_assignsubmission_file(?:_|_?/)"
              r"(?P<file_id>[^/]+)\Z",
}
LMS_NAMES = {"canvas": "Canvas", "moodle": "Moodle"}
_RESUBMISSION = re.compile(r"^(?P<stem>.+)-(?P<number>\d+)$")
MAX_ARCHIVE_MEMBERS = 20000
MAX_EXTRACTED_BYTES = 4 << 30
_EXTENDED_TIMESTAMP = 0x5455  # zip extra field: the file's Unix time (UTC)


@dataclass
class FileOutcome:
    """What became of one file of the archive."""

    name: str  # its path inside the archive, as printed
    status: str  # "collected", "ignored", "older version", "unchanged", "kept"
    student: str = ""
    reason: str = ""


@dataclass
class CollectResult:
    """Everything `course collect` did, for the table it prints."""

    assignment: str
    files: list[FileOutcome] = field(default_factory=list)
    collected: dict[str, list[str]] = field(default_factory=dict)  # student -> notebooks
    notes: list[str] = field(default_factory=list)

    @property
    def students(self) -> list[str]:
        return sorted({f.student for f in self.files if f.student})


# --------------------------------------------------------------------------- archive


def _member_time(info: zipfile.ZipInfo, zone) -> datetime:
    """A member's time in UTC (naive): the extended-timestamp field when the archive has
    one (exact, UTC), else its DOS date and time, read in `zone` (zip stores no zone)."""
    extra = info.extra
    while len(extra) >= 4:
        kind, size = struct.unpack("<HH", extra[:4])
        body = extra[4:4 + size]
        if kind == _EXTENDED_TIMESTAMP and len(body) >= 5 and body[0] & 1:
            (seconds,) = struct.unpack("<i", body[1:5])
            return datetime.fromtimestamp(seconds, UTC).replace(tzinfo=None)
        extra = extra[4 + size:]
    local = datetime(*info.date_time, tzinfo=zone)
    return (local - local.utcoffset()).replace(tzinfo=None)


def unsafe_name_problem(name: str) -> str | None:
    """Why a member name cannot be extracted as it is, or None."""
    if not name or "\x00" in name or any(not c.isprintable() for c in name):
        return "its name is empty or has control characters"
    if name.startswith("/") or "\\" in name or re.match(r"^[A-Za-z]:", name):
        return "its name is an absolute or Windows path, which would leave the archive's folder"
    parts = PurePosixPath(name).parts
    if ".." in parts:
        return "its name goes up a folder ('..'), which would leave the archive's folder"
    if any(len(p.encode()) > 255 for p in parts):
        return "a part of its name is longer than a file name can be"
    return None


def open_archive(path: Path) -> zipfile.ZipFile:
    """The LMS archive at `path`, checked whole before anything is extracted."""
    if not path.is_file():
        raise CourseError(f"no archive at {path}: give the zip file the LMS downloaded")
    if not zipfile.is_zipfile(path):
        raise CourseError(f"{path} is not a zip archive (or it is cut short): download the "
                          "submissions from the LMS again")
    try:
        archive = zipfile.ZipFile(path)
        if len(archive.infolist()) > MAX_ARCHIVE_MEMBERS:
            raise CourseError(f"{path} has {len(archive.infolist())} files, more than the "
                              f"{MAX_ARCHIVE_MEMBERS} an LMS download of one assignment has")
        damaged = archive.testzip()
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
        raise CourseError(f"{path} is a damaged zip archive ({type(exc).__name__}: {exc}); "
                          "download the submissions from the LMS again") from exc
    if damaged is not None:
        archive.close()
        raise CourseError(f"{path} is damaged: {shown(damaged)} fails its checksum; download "
                          "the submissions from the LMS again (nothing was collected)")
    return archive


class SafeExtractor(ExtractorPlugin):
    """nbgrader extractor plugin: extract each safe member of each archive, with its time.

    Skipped members are listed in `skipped` (name, reason), the time of every extracted
    file is set to the member's time (see `_member_time`), and the files go into the
    extracted folder under their own paths, never outside it and never over another.
    """

    archive_zone = None  # tzinfo for DOS times; set by `collect`
    skipped: list[tuple[str, str]]

    def extract(self, archive_path: str, extracted_path: str) -> None:
        self.skipped = []
        total = 0
        root = Path(extracted_path).resolve()
        for archive_file in sorted(Path(archive_path).iterdir()):
            with open_archive(archive_file) as archive:
                for info in archive.infolist():
                    reason = self._skip_reason(info)
                    if reason is None and total + info.file_size > MAX_EXTRACTED_BYTES:
                        reason = (f"the archive holds more than {_size(MAX_EXTRACTED_BYTES)}; "
                                  "the rest was not extracted")
                    if reason is not None:
                        if not info.is_dir():
                            self.skipped.append((info.filename, reason))
                        continue
                    target = root.joinpath(*PurePosixPath(info.filename).parts)
                    if root not in target.resolve().parents:
                        self.skipped.append((info.filename, "it would be written outside the "
                                                            "archive's folder"))
                        continue
                    try:
                        moment = _member_time(info, self.archive_zone or UTC)
                    except ValueError:
                        self.skipped.append((info.filename, "its time in the archive is not a "
                                                            "valid date; collect it by hand"))
                        continue
                    try:
                        target.parent.mkdir(parents=True, exist_ok=True)
                        total += self._write(archive, info, target, moment)
                    except (FileExistsError, NotADirectoryError, IsADirectoryError):
                        self.skipped.append((info.filename, (
                            "the archive holds this name twice; the first one was taken"
                            if target.is_file() else "a file and a folder of the archive have "
                            "the same name; the first one was taken")))

    def _skip_reason(self, info: zipfile.ZipInfo) -> str | None:
        if info.is_dir():
            return "a folder"
        problem = unsafe_name_problem(info.filename)
        if problem:
            return f"unsafe: {problem}"
        if stat.S_ISLNK(info.external_attr >> 16):
            return "a symbolic link, not a file"
        parts = PurePosixPath(info.filename).parts
        if parts[0] == "__MACOSX" or parts[-1].startswith("._"):
            return "macOS metadata, not a submission"
        if Path(info.filename).suffix.lower() in self.zip_ext:
            return "an archive inside the archive: ask the student to upload the notebook itself"
        if info.file_size > MAX_NOTEBOOK_BYTES:
            return (f"{_size(info.file_size)}, more than the {_size(MAX_NOTEBOOK_BYTES)} a "
                    "notebook may be")
        return None

    def _write(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path,
               moment: datetime) -> int:
        written = 0
        with archive.open(info) as source, open(target, "xb") as out:  # "x": never over a file
            while chunk := source.read(1 << 20):
                written += len(chunk)
                if written > info.file_size:  # a member larger than it says it is
                    raise CourseError(f"{shown(info.filename)} holds more than the archive "
                                      "says; the archive is damaged or malicious")
                out.write(chunk)
        seconds = moment.replace(tzinfo=UTC).timestamp()
        os.utime(target, (seconds, seconds))
        return written


# --------------------------------------------------------------------------- file names


@dataclass
class _Match:
    path: str  # inside the archive
    student: str
    lms_id: str
    lms_name: str
    notebook: str
    resubmission: int
    timestamp: datetime


class LmsFileNameCollector(FileNameCollectorPlugin):
    """nbgrader collector plugin: who handed in a file, from the LMS's name for it.

    `collect` returns nbgrader's ``student_id``/``file_id``/``timestamp`` for a file
    to collect, or None; every decision is recorded in `outcomes` and `matches`.
    """

    roster: Roster | None = None
    notebooks: tuple[str, ...] = ()
    extracted_root: Path = Path()
    lms_name: str = "the LMS"

    def init_outcomes(self) -> None:
        self.outcomes: dict[str, FileOutcome] = {}
        self.matches: dict[str, _Match] = {}

    def _ignore(self, path: str, reason: str, student: str = "") -> None:
        self.outcomes[path] = FileOutcome(path, "ignored", student, reason)

    def collect(self, submitted_file: str):
        path = Path(submitted_file).relative_to(self.extracted_root).as_posix()
        name = PurePosixPath(path).name
        if Path(name).suffix not in self.valid_ext:
            self._ignore(path, "not a notebook (.ipynb)")
            return None
        found = self._match(path)
        if not found:
            self._ignore(path, f"not named the way {self.lms_name} names submissions")
            return None
        lms_id = found["student_id"]
        notebook = self._notebook_name(found["file_id"])
        if notebook is None:
            self._ignore(path, f"{shown(found['file_id'])} is none of the assignment's "
                               f"notebooks ({', '.join(self.notebooks)})")
            return None
        student = lms_id
        if self.roster is not None:
            person = self.roster.by_lms_id.get(lms_id)
            if person is None:
                self._ignore(path, f"LMS id {lms_id} is not in the student map "
                                   f"{self.roster.path}; add a row for it")
                return None
            student = person.student
        problem = student_id_problem(student)
        if problem:
            self._ignore(path, f"{shown(student)} cannot be a student id: {problem}")
            return None
        moment = datetime.fromtimestamp(os.stat(submitted_file).st_mtime, UTC).replace(tzinfo=None)
        resubmission = _RESUBMISSION.match(Path(found["file_id"]).stem)
        self.matches[submitted_file] = _Match(
            path, student, lms_id, found.get("last_name") or found.get("full_name") or "",
            notebook, int(resubmission["number"]) if resubmission and notebook !=
            found["file_id"] else 0, moment)
        self.outcomes[path] = FileOutcome(path, "collected", student)
        return {"student_id": student, "file_id": notebook, "timestamp": moment}

    def _match(self, filename: str):
        # nbgrader's own matching, quiet: an unmatched file is reported in the table.
        match = re.match(self.named_regexp, filename)
        return match.groupdict() if match else None

    def _notebook_name(self, file_id: str) -> str | None:
        """The assignment's notebook `file_id` is, allowing for Canvas's "-1" suffixes."""
        if file_id in self.notebooks:
            return file_id
        stem = _RESUBMISSION.match(Path(file_id).stem)
        if stem and f"{stem['stem']}{Path(file_id).suffix}" in self.notebooks:
            return f"{stem['stem']}{Path(file_id).suffix}"
        return None


# --------------------------------------------------------------------------- collect


def _zip_collect_app(course: Course, assignment: str, downloaded: Path):
    """nbgrader's ZipCollectApp for `assignment`, working in `downloaded`."""
    import logging

    from nbgrader.apps import ZipCollectApp
    from nbgrader.coursedir import CourseDirectory

    config = course.nbgrader_config()
    config.CourseDirectory.assignment_id = assignment
    # An absolute structure: nbgrader joins it to the course root, which then drops out.
    config.ZipCollectApp.collect_directory_structure = str(
        downloaded / "{downloaded}" / "{assignment_id}" / "{collect_step}")
    config.ZipCollectApp.strict = True
    app = ZipCollectApp(config=config)
    app.coursedir = CourseDirectory(parent=app)
    app.log.setLevel(logging.ERROR)
    return app


def _same_submission(folder: Path, sources: list[Path], names: list[str], stamp) -> bool:
    """Whether `folder` already holds exactly these files and this timestamp."""
    if not folder.is_dir():
        return False
    stamp_file = folder / "timestamp.txt"
    if stamp is not None and (not stamp_file.is_file()
                              or stamp_file.read_text().strip() != stamp.isoformat(" ")):
        return False
    return all((folder / n).is_file() and (folder / n).read_bytes() == s.read_bytes()
               for s, n in zip(sources, names))


def collect(course: Course, assignment: str, archive: Path, lms: str,
            roster: Roster | None = None, replace: bool = False,
            archive_zone: str = "UTC") -> CollectResult:
    """Collect the LMS download `archive` of `assignment` into submitted/.

    A student whose folder already holds a different submission keeps it (reported),
    unless `replace`: the old folder is then moved to
    ``downloaded/<assignment>/replaced/<time>/<student>/<assignment>/`` first.
    """
    course.check_assignment(assignment)
    if lms not in LMS_PATTERNS:
        raise CourseError(f"unknown LMS {lms!r}: use one of {', '.join(LMS_PATTERNS)}")
    notebooks = tuple(sorted(p.name for p in (course.release_dir / assignment).glob("*.ipynb")))
    if not notebooks:
        raise CourseError(f"{assignment} has no release: run `course release {assignment}` "
                          "first (collect checks file names against it)")
    zone = tz.gettz(archive_zone)
    if zone is None:
        raise CourseError(f"unknown time zone {archive_zone!r}: use an IANA name such as "
                          "Europe/Berlin, or UTC")
    open_archive(archive).close()  # a damaged archive stops here, before anything is written
    result = CollectResult(assignment)
    with course_lock(course, f"course collect {assignment}"), tempfile.TemporaryDirectory(
            prefix="course-collect-") as tmp:
        app = _zip_collect_app(course, assignment, Path(tmp))
        archive_dir = Path(app._format_collect_path(app.archive_directory))
        archive_dir.mkdir(parents=True)
        shutil.copy(archive, archive_dir / "download.zip")
        extracted = Path(app._format_collect_path(app.extracted_directory))
        app.extractor_plugin_inst = SafeExtractor(parent=app)
        app.extractor_plugin_inst.archive_zone = zone
        collector = LmsFileNameCollector(parent=app, named_regexp=LMS_PATTERNS[lms])
        collector.roster, collector.notebooks = roster, notebooks
        collector.extracted_root, collector.lms_name = extracted.resolve(), LMS_NAMES[lms]
        collector.init_outcomes()
        app.collector_plugin_inst = collector
        app.extract_archive_files()
        for name, reason in app.extractor_plugin_inst.skipped:
            result.files.append(FileOutcome(name, "ignored", reason=reason))
        files = [str(p.resolve()) for p in sorted(extracted.rglob("*")) if p.is_file()]
        data = _collect_files(app, collector, files)
        _drop_shared_students(collector, data, result)
        _settle_existing(course, assignment, collector, data, replace, result)
        _check_sizes(collector, data)
        try:
            app._transfer_files(data)
        except SystemExit as exc:  # nbgrader's app.fail; its reason is in its log
            raise CourseError("nbgrader zip_collect stopped while writing submitted/; see "
                              "the messages above") from exc
        for student, info in data.items():
            result.collected[student] = list(info["file_ids"])
        result.files += sorted(collector.outcomes.values(), key=lambda f: f.name)
    return result


def _collect_files(app, collector: LmsFileNameCollector, files: list[str]) -> dict:
    """nbgrader's file collection, given the files oldest first so that of two versions
    of a notebook with the same time the higher resubmission number is kept."""
    def order(path: str):
        collector.collect(path)  # a dry run, to learn the file's time and suffix
        found = collector.matches.get(path)
        return (0, datetime.min, 0, path) if found is None else (
            1, found.timestamp, found.resubmission, path)

    ordered = sorted(files, key=order)
    collector.init_outcomes()
    try:
        data = app._collect_files(ordered)
    except SystemExit as exc:
        raise CourseError("nbgrader zip_collect could not collect the files") from exc
    kept = {src for info in data.values() for src in info["src_files"]}
    for path, found in collector.matches.items():
        if path not in kept:
            newer = next(src for src in data[found.student]["src_files"]
                         if collector.matches[src].notebook == found.notebook)
            collector.outcomes[found.path] = FileOutcome(
                found.path, "older version", found.student,
                f"{shown(collector.matches[newer].path)} is later and is kept")
    return data


def _drop_shared_students(collector: LmsFileNameCollector, data: dict,
                          result: CollectResult) -> None:
    """Leave out a course id that two LMS accounts hand in for: which is right is unknown."""
    for student in list(data):
        accounts = sorted({collector.matches[s].lms_id for s in data[student]["src_files"]})
        if len(accounts) > 1:
            del data[student]
            for found in collector.matches.values():
                if found.student == student:
                    collector.outcomes[found.path] = FileOutcome(
                        found.path, "ignored", student,
                        f"LMS accounts {', '.join(accounts)} both hand in as {shown(student)}; "
                        "fix the student map and collect again")
        names = sorted({collector.matches[s].lms_name for s in data.get(student, {}).get(
            "src_files", [])} - {""})
        if len(names) > 1:
            result.notes.append(f"{shown(student)} appears under several names "
                                f"({', '.join(map(shown, names))}); check the student map")


def _settle_existing(course: Course, assignment: str, collector: LmsFileNameCollector,
                     data: dict, replace: bool, result: CollectResult) -> None:
    """Decide, for students who already have a submission, whether it stays."""
    moved_to = course.root / "downloaded" / assignment / "replaced" / datetime.now(UTC).strftime(
        "%Y%m%dT%H%M%SZ")
    for student in list(data):
        folder = course.submitted_dir / student / assignment
        if not folder.exists() or not any(folder.iterdir()):
            continue
        info = data[student]
        sources = [Path(s) for s in info["src_files"]]
        if _same_submission(folder, sources, info["file_ids"], info["timestamp"]):
            status, reason = "unchanged", "already in submitted/, the same files and time"
        elif replace:
            (moved_to / student).mkdir(parents=True, exist_ok=True)
            shutil.move(str(folder), str(moved_to / student / assignment))
            result.notes.append(f"{shown(student)}: the submission that was in submitted/ is "
                                f"now in {moved_to / student / assignment}")
            continue
        else:
            status, reason = "kept", ("submitted/ already holds another submission of this "
                                      "student, which was left as it is; pass --replace to "
                                      "replace it (the old one is moved aside, not deleted)")
        del data[student]
        for src in sources:
            found = collector.matches[str(src)]
            collector.outcomes[found.path] = FileOutcome(found.path, status, student, reason)


def _check_sizes(collector: LmsFileNameCollector, data: dict) -> None:
    for student in list(data):
        size = sum(Path(s).stat().st_size for s in data[student]["src_files"])
        if size > MAX_SUBMISSION_BYTES:
            del data[student]
            for found in collector.matches.values():
                if found.student == student and collector.outcomes[found.path].status == \
                        "collected":
                    collector.outcomes[found.path] = FileOutcome(
                        found.path, "ignored", student,
                        f"the student's files are {_size(size)} in all, more than a "
                        f"submission may be ({_size(MAX_SUBMISSION_BYTES)})")


def format_collect(result: CollectResult) -> str:
    """The table `course collect` prints: one line per file of the archive, then totals.

    Names come from the archive, so every one is printed through `shown`.
    """
    header = ("file", "student", "outcome")
    rows = [(shown(f.name), shown(f.student) if f.student else "-", f.status, f.reason)
            for f in result.files]
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(header)]

    def line(values, reason: str) -> str:
        return ("  ".join(v.ljust(w) for v, w in zip(values, widths)) + "  " + reason).rstrip()

    lines = [line(header, "reason"), line(["-" * w for w in widths], "------")]
    lines += [line(r[:3], shown(r[3]) if r[3] else "") for r in rows]
    counts: dict[str, int] = {}
    for f in result.files:
        counts[f.status] = counts.get(f.status, 0) + 1
    others = [f"{n} {status}" for status, n in sorted(counts.items()) if status != "collected"]
    lines += ["", f"{len(result.students)} students found; {counts.get('collected', 0)} files "
              f"collected for {len(result.collected)} students" + "".join(f"; {o}" for o in others)]
    lines += [f"note: {shown(n)}" for n in result.notes]
    if not result.files:
        lines.append("note: the archive holds no files")
    elif not counts.get("collected") and not counts.get("unchanged") and not counts.get("kept"):
        lines.append("note: nothing was collected; is this the download of this assignment, "
                     "and from the LMS that --lms names?")
    return "\n".join(lines)
