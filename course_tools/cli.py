"""Entry point of the ``course`` command: thin wrappers over nbgrader's own API."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .course import Course, CourseError, course_lock, find_course_root, shown


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="course", description="Instructor tools for the course (on top of nbgrader)."
    )
    parser.add_argument("--root", type=Path, help="course folder (default: found from here)")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("release", help="generate release/ from source/ with nbgrader")
    p.add_argument("assignments", nargs="*", help="assignment ids (default: all)")
    p = sub.add_parser("autograde", help="autograde every submission of an assignment")
    p.add_argument("assignment")
    p.add_argument("--student", action="append", help="only these students (repeatable)")
    p.add_argument("--unsandboxed", action="store_true",
                   help="run student code without the bubblewrap sandbox (trusted code only)")
    p.add_argument("--workers", type=int, default=None,
                   help="notebooks executed at once on a local Dask cluster (default: cores)")
    p.add_argument("--scheduler", help="address of an existing Dask scheduler to grade on")
    p.add_argument("--resume", action="store_true",
                   help="leave submissions an earlier run graded, if they have not changed")
    p.add_argument("--no-wait", action="store_true",
                   help="stop at once when another command (autograde, release, feedback) is using "
                        "this course (default: wait for it to finish)")
    p = sub.add_parser("feedback", help="feedback HTML without hidden tests")
    p.add_argument("assignment")
    p = sub.add_parser("collect", help="import an LMS's bulk download into submitted/ "
                       "(nbgrader zip_collect)")
    p.add_argument("assignment")
    p.add_argument("archive", type=Path, help="the zip file the LMS downloaded")
    p.add_argument("--lms", choices=["canvas", "moodle"], default="canvas",
                   help="how the LMS names the files (default: canvas)")
    p.add_argument("--students", type=Path, help="student map: a CSV with the columns lms_id "
                   "and student (the LMS's id, the course's id); default: the LMS's ids")
    p.add_argument("--replace", action="store_true",
                   help="replace submissions already in submitted/ (the old ones are moved to "
                        "downloaded/<assignment>/replaced/)")
    p.add_argument("--archive-timezone", default="UTC",
                   help="time zone of the archive's file times when it does not say (default: "
                        "UTC)")
    p = sub.add_parser("grades", help="write grades.csv and print a score table")
    p.add_argument("--csv", type=Path, default=Path("grades.csv"), help="where to write the CSV")
    p.add_argument("--lms", choices=["canvas", "moodle"],
                   help="also write the LMS's grade import file (grades-<lms>.csv)")
    p.add_argument("--lms-csv", type=Path, help="where to write it")
    p.add_argument("--students", type=Path, help="student map (see `course collect`): who each "
                   "student is in the LMS")
    p.add_argument("--canvas-id", action="append", default=[], metavar="ASSIGNMENT=ID",
                   help="Canvas's id of an assignment, so that its column is the one Canvas has "
                        "(repeatable)")
    p = sub.add_parser("report", help="an HTML page and JSON on one assignment: scores, test "
                       "cells, flags, late and similar submissions")
    p.add_argument("assignment")
    p = sub.add_parser("check", help="grade one notebook against its assignment's hidden tests "
                       "(no gradebook), with feedback beside it")
    p.add_argument("notebook", type=Path)
    p.add_argument("--assignment", help="the assignment (default: from the notebook's name)")
    p.add_argument("--unsandboxed", action="store_true",
                   help="run the notebook without the bubblewrap sandbox (trusted code only)")
    p = sub.add_parser("data", help="find or download the data sets and verify them")
    p.add_argument("--data-dir", type=Path, help="look here first")
    p.add_argument("--no-download", action="store_true", help="only look, never download")
    p = sub.add_parser("new", help="scaffold a new assignment that follows CONTRIBUTING.md "
                       "(notebook, variants, fairness case, budget entry)")
    p.add_argument("assignment", help="the new assignment's id: hw<number>_<topic>")
    p = sub.add_parser("demo", help="grade the sample class end to end")
    p.add_argument("--dir", type=Path, default=Path("build/demo"), help="demo course folder")
    p.add_argument("assignments", nargs="*", help="assignment ids (default: all)")
    return parser


def run(args: argparse.Namespace) -> int:
    """Carry out one parsed command; returns the exit code."""
    if args.command == "data":
        from .data import data_report

        table, ok = data_report(args.data_dir, download=not args.no_download)
        print(table)
        return 0 if ok else 1
    course = Course(args.root.resolve() if args.root else find_course_root())
    if args.command == "release":
        from .release import release

        with course_lock(course, "course release"):
            release(course, args.assignments)
    elif args.command == "autograde":
        from .autograde import Status, autograde, format_outcomes

        outcomes = autograde(course, args.assignment, args.student, sandbox=not args.unsandboxed,
                             workers=args.workers, scheduler=args.scheduler, resume=args.resume,
                             wait=not args.no_wait)
        print(format_outcomes(outcomes) or "no submissions found in submitted/")
        return 1 if any(o.status == Status.FAILED for o in outcomes) else 0
    elif args.command == "feedback":
        from .feedback import generate_feedback

        with course_lock(course, f"course feedback {args.assignment}"):
            paths = generate_feedback(course, args.assignment)
        for path in paths:
            print(shown(path))
    elif args.command == "collect":
        from .collect import collect, format_collect
        from .roster import read_roster

        roster = read_roster(args.students) if args.students else None
        result = collect(course, args.assignment, args.archive, args.lms, roster,
                         replace=args.replace, archive_zone=args.archive_timezone)
        print(format_collect(result))
    elif args.command == "grades":
        from .grades import collect_grades, format_table, write_csv

        roster, canvas_ids = _lms_options(args)
        rows = collect_grades(course)
        write_csv(rows, course.root / args.csv if not args.csv.is_absolute() else args.csv)
        print(format_table(rows))
        if args.lms:
            from .lms import format_notes, notes_path, write_lms_csv

            target = args.lms_csv or Path(f"grades-{args.lms}.csv")
            target = target if target.is_absolute() else course.root / target
            notes = write_lms_csv(course, rows, args.lms, target, roster, canvas_ids)
            print(f"\n{args.lms.capitalize()} grade import: {target}")
            if notes:
                print(f"Cells left empty or to check ({notes_path(target)}):")
                print(format_notes(notes))
    elif args.command == "report":
        from .report import report_paths, write_assignment_report

        page = write_assignment_report(course, args.assignment)
        print(f"Report: {page}\nData:   {report_paths(course, args.assignment)[1]}")
    elif args.command == "check":
        from .check import check_notebook, format_check

        result = check_notebook(course, args.notebook.resolve(), args.assignment,
                                sandbox=not args.unsandboxed)
        print(format_check(result))
        return 0 if result.outcome.status.scored else 1
    elif args.command == "new":
        from .scaffold import scaffold

        for path in scaffold(course, args.assignment):
            print(f"wrote {shown(str(path.relative_to(course.root)))}")
        print(f"\nNext: replace the example in source/{args.assignment}/ (CONTRIBUTING.md), "
              "then `make release` and\n  .venv/bin/python -m pytest tests/test_assignments.py "
              f"tests/test_variants.py -k {args.assignment}")
    elif args.command == "demo":
        from .demo import run_demo

        target = args.dir if args.dir.is_absolute() else course.root / args.dir
        run_demo(course, target, args.assignments)
    return 0


def _lms_options(args: argparse.Namespace):
    """The student map and Canvas assignment ids of `course grades`, checked."""
    from .roster import read_roster

    if not args.lms and (args.students or args.canvas_id or args.lms_csv):
        raise CourseError("--students, --canvas-id and --lms-csv go with --lms canvas or "
                          "--lms moodle")
    canvas_ids = {}
    for item in args.canvas_id:
        name, sep, number = item.partition("=")
        if not sep or not name or not number.strip().isdigit():
            raise CourseError(f"--canvas-id {item!r}: write ASSIGNMENT=ID, e.g. "
                              "hw1_foundations=12345 (the number in the assignment's Canvas "
                              "address)")
        canvas_ids[name] = number.strip()
    return (read_roster(args.students) if args.students else None), canvas_ids


def main(argv: list[str] | None = None) -> int:
    """Run the ``course`` command."""
    args = _parser().parse_args(argv)
    try:
        return run(args)
    except CourseError as exc:
        print(f"course: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("course: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
