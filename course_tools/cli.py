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
    p = sub.add_parser("grades", help="write grades.csv and print a score table")
    p.add_argument("--csv", type=Path, default=Path("grades.csv"), help="where to write the CSV")
    p = sub.add_parser("data", help="find or download the data sets and verify them")
    p.add_argument("--data-dir", type=Path, help="look here first")
    p.add_argument("--no-download", action="store_true", help="only look, never download")
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
    elif args.command == "grades":
        from .grades import collect_grades, format_table, write_csv

        rows = collect_grades(course)
        write_csv(rows, course.root / args.csv if not args.csv.is_absolute() else args.csv)
        print(format_table(rows))
    elif args.command == "demo":
        from .demo import run_demo

        target = args.dir if args.dir.is_absolute() else course.root / args.dir
        run_demo(course, target, args.assignments)
    return 0


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
