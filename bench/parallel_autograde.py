"""Speed-up of `course autograde --workers N` over one worker on the same batch of submissions.

Builds a course in a temporary folder with ``--copies`` copies of the demo's
sample class for one assignment (four students each: reference, mistakes,
untouched, malformed), grades the batch with one worker and then with
``--workers`` workers, checks that both give the same scores, and prints the
wall-clock times and the speed-up with the 1-minute load average. One
submission is graded first, untimed, so that neither timed run pays for a cold
disk cache.

    COURSE_DATA_DIR=../shared/data python bench/parallel_autograde.py --copies 4 --workers 2
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path

from batch import build_batch, warm_up

from course_tools.autograde import autograde
from course_tools.course import Course, find_course_root


def timed_grading(course: Course, assignment: str, workers: int) -> tuple[float, dict]:
    started = time.perf_counter()
    outcomes = autograde(course, assignment, workers=workers)
    elapsed = time.perf_counter() - started
    return elapsed, {o.student: (o.status, o.auto_score) for o in outcomes}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assignment", default="hw1_foundations")
    parser.add_argument("--copies", type=int, default=4, help="copies of the 4-student class")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()
    repo = Course(find_course_root(Path(__file__).resolve().parent))
    with tempfile.TemporaryDirectory(prefix="course-bench-") as tmp:
        serial = build_batch(repo, Path(tmp) / "serial" / "course", args.assignment, args.copies)
        parallel = Course(Path(tmp) / "parallel")
        shutil.copytree(serial.root, parallel.root)
        warm_up(serial, args.assignment, Path(tmp) / "warm-up")
        n = len(serial.students(args.assignment))
        print(f"{n} submissions of {args.assignment}, load {os.getloadavg()[0]:.2f}")
        one, one_scores = timed_grading(serial, args.assignment, 1)
        print(f"1 worker: {one:.1f} s (load {os.getloadavg()[0]:.2f})")
        many, many_scores = timed_grading(parallel, args.assignment, args.workers)
        print(f"{args.workers} workers: {many:.1f} s (load {os.getloadavg()[0]:.2f})")
    if one_scores != many_scores:
        raise SystemExit("the two runs gave different scores")
    print(f"same scores; speed-up {one / many:.2f} with {args.workers} workers")


if __name__ == "__main__":
    main()
