"""`course autograde` against stock `nbgrader autograde`: time and grades on the same class.

Builds a course in a temporary folder with ``--copies`` copies of the demo's sample
class for one assignment (four students each: reference, mistakes, untouched,
malformed) and two identical copies of it:

- stock: its nbgrader_config.py sets only the course id, so `nbgrader autograde
  ASSIGNMENT --force`, run in a subprocess from the course root as an instructor
  would type it, grades with nbgrader's default pipeline (its own ``Execute``, no
  sandbox, no guard, one submission after the other);
- course: the course's configuration, graded by ``course_tools.autograde.autograde``
  (the sandbox, the guard, ``--workers`` workers, default one per core).

One submission is graded first, untimed, so that neither timed run pays for a cold
disk cache. The script prints the two wall-clock times with the 1-minute load, a
table of the grades, and last the ratio course/nbgrader.

Grades are compared, score and failed test cells, for every submission stock
nbgrader grades correctly, by what the sample class is made to get: the reference
full marks with no test failing, the untouched release 0 points with every test
failing, the mistakes exactly the test cells its variants declare (``expect-fail``
in samples/). The others are listed as excluded, with the reason: a submission
stock nbgrader could not grade, or graded otherwise, and the malformed one (a
notebook cut short, which `course autograde` rejects at intake). The stock kernel
imports the same ``utils`` as the sandbox (PYTHONPATH) and keeps the numerical
libraries' own thread counts; the sandbox gives each library one thread.

    COURSE_DATA_DIR=../shared/data python bench/vs_nbgrader.py [--copies 3] [--max-load 2]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import nbformat
from batch import build_batch, warm_up
from quiet import add_load_arguments, load_1min, wait_for_quiet

from course_tools.autograde import Outcome, autograde
from course_tools.cells import grade_id, is_grade
from course_tools.course import CONFIG_FILE, Course, find_course_root
from course_tools.samples import MALFORMED, MISTAKES, REFERENCE, SAMPLE_STUDENTS, UNTOUCHED
from course_tools.scores import failed_test_cells, submission_score
from course_tools.variants import load_variants

STOCK_CONFIG = '''"""Stock nbgrader: its default autograde pipeline (its Execute, no sandbox)."""

c = get_config()  # noqa: F821
c.CourseDirectory.course_id = {course_id!r}
'''
# nbgrader's last words on each submission it could not grade (converters/base.py).
STOCK_ERROR = re.compile(r"There was an error processing assignment '[^']*' for student '([^']*)'")
EXCEPTION_LINE = re.compile(r"^\s*[\w.]*(Error|Exception)\b")
GOAL = 0.6


@dataclass(frozen=True)
class Grade:
    """What one grader made of one submission: points and failed test cells, or why none."""

    auto: float | None = None
    auto_max: float | None = None
    failed: frozenset[str] = frozenset()
    problem: str = ""  # why there is no grade

    def __str__(self) -> str:
        if self.auto is None:
            return self.problem
        return f"{self.auto:g}/{self.auto_max:g}, {len(self.failed)} tests failed"


def stock_copy(course: Course, target: Path) -> Course:
    """A copy of `course` at `target` whose configuration is nbgrader's defaults."""
    shutil.copytree(course.root, target)
    (target / CONFIG_FILE).write_text(STOCK_CONFIG.format(course_id=course.course_id))
    return Course(target)


def stock_autograde(course: Course, assignment: str) -> tuple[float, set[str], str]:
    """`nbgrader autograde ASSIGNMENT --force` from the course root: seconds, the students
    nbgrader reports it could not grade, and, when it exits with an error, what it says."""
    bin_dir = Path(sys.executable).parent
    utils_root = Path(importlib.util.find_spec("utils").origin).resolve().parents[1]
    env = {"PATH": f"{bin_dir}:/usr/bin:/bin", "PYTHONPATH": str(utils_root)}
    env.update({k: v for k, v in os.environ.items() if k.startswith(("COURSE_", "HOME"))})
    started = time.perf_counter()
    done = subprocess.run([str(bin_dir / "nbgrader"), "autograde", assignment, "--force"],
                          cwd=course.root, env=env, capture_output=True, text=True,
                          timeout=3600)
    elapsed = time.perf_counter() - started
    errors = set(STOCK_ERROR.findall(done.stderr))
    said = ""
    if done.returncode != 0:
        exceptions = dict.fromkeys(line.strip() for line in done.stderr.splitlines()
                                   if EXCEPTION_LINE.match(line))
        said = (f"exit status {done.returncode}, could not grade {sorted(errors)}; "
                f"exceptions: {'; '.join(exceptions) or 'none logged'}")
    return elapsed, errors, said


def gradebook_grade(course: Course, assignment: str, student: str) -> Grade:
    score = submission_score(course.db_url, course.course_id, assignment, student)
    if score is None:
        return Grade(problem="not in the gradebook")
    failed = failed_test_cells(course.db_url, course.course_id, assignment, student)
    return Grade(score.auto, score.auto_max, frozenset(failed))


def stock_grade(course: Course, assignment: str, student: str, errors: set[str]) -> Grade:
    if student in errors:
        return Grade(problem="nbgrader: error processing it")
    missing = [n for n in course.notebook_names(assignment)
               if not (course.autograded_dir / student / assignment / n).is_file()]
    if missing:
        return Grade(problem=f"no autograded {', '.join(missing)}")
    return gradebook_grade(course, assignment, student)


def course_grade(course: Course, outcome: Outcome) -> Grade:
    if not outcome.status.scored:
        return Grade(problem=str(outcome.status))
    return gradebook_grade(course, outcome.assignment, outcome.student)


def expected_failures(course: Course, repo: Course, assignment: str) -> dict[str, frozenset]:
    """The test cells each kind of sample student is made to fail (samples.write_sample_class)."""
    tests = frozenset(grade_id(c) for name in course.notebook_names(assignment)
                      for c in nbformat.read(course.source_dir / assignment / name, 4).cells
                      if c.cell_type == "code" and is_grade(c))
    declared = frozenset(cell for v in load_variants(repo.root / "samples", assignment)
                         if v.in_sample and v.verdict == "wrong" for cell in v.expect_fail)
    return {REFERENCE: frozenset(), MISTAKES: declared, UNTOUCHED: tests}


def kind(student: str) -> str:
    return next((k for k in SAMPLE_STUDENTS if student.startswith(f"{k}-")), student)


def exclusion(student: str, stock: Grade, expected: dict[str, frozenset]) -> str:
    """Why stock nbgrader's grade of `student` is not a correct one to compare with, or ''."""
    if kind(student) == MALFORMED:
        return "a notebook cut short: course autograde rejects it at intake"
    if stock.auto is None:
        return "stock nbgrader gave no grade"
    failed = expected.get(kind(student))
    if failed is None:
        return "not a sample student"
    if stock.failed != failed:
        return (f"stock nbgrader's failed tests differ from those the sample is made to fail "
                f"in {sorted(stock.failed ^ failed)}")
    if kind(student) == UNTOUCHED and stock.auto != 0:
        return f"stock nbgrader gave the untouched release {stock.auto:g} points"
    if kind(student) == REFERENCE and stock.auto != stock.auto_max:
        return "stock nbgrader gave the reference less than full marks"
    return ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assignment", default="hw1_foundations")
    parser.add_argument("--copies", type=int, default=3,
                        help="copies of the 4-student class (3: 13 min on 2 cores at load 10-12)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2,
                        help="workers of course autograde (default: one per core)")
    add_load_arguments(parser, longest=300.0)
    args = parser.parse_args()
    assignment = args.assignment
    repo = Course(find_course_root(Path(__file__).resolve().parent))
    with tempfile.TemporaryDirectory(prefix="course-bench-") as tmp:
        course = build_batch(repo, Path(tmp) / "course" / "course", assignment, args.copies)
        stock = stock_copy(course, Path(tmp) / "stock")
        warm_up(course, assignment, Path(tmp) / "warm-up")
        students = course.students(assignment)
        print(f"{len(students)} submissions of {assignment} ({args.copies} copies of the sample "
              f"class), {os.cpu_count()} cores")

        wait_for_quiet(args.max_load, args.wait)
        before = load_1min()
        stock_seconds, errors, said = stock_autograde(stock, assignment)
        print(f"stock nbgrader autograde (Execute, no sandbox, serial): {stock_seconds:.1f} s "
              f"(load {before:.2f} before, {load_1min():.2f} after)")
        if said:
            print(f"  nbgrader: {said}")

        wait_for_quiet(args.max_load, args.wait)
        before = load_1min()
        started = time.perf_counter()
        outcomes = autograde(course, assignment, workers=args.workers)
        course_seconds = time.perf_counter() - started
        print(f"course autograde (sandbox, guard, {args.workers} workers): {course_seconds:.1f} s "
              f"(load {before:.2f} before, {load_1min():.2f} after)")
        reasons = {(o.status, r) for o in outcomes if not o.status.scored for r in o.reasons
                   if not r.endswith("failed:") and "Traceback" not in r}
        for status, reason in sorted(reasons):
            print(f"  course autograde, {status}: {reason[:300]}")

        expected = expected_failures(course, repo, assignment)
        rows: Counter = Counter()
        equal = True
        compared = 0
        for outcome in outcomes:
            theirs = stock_grade(stock, assignment, outcome.student, errors)
            ours = course_grade(course, outcome)
            why = exclusion(outcome.student, theirs, expected)
            if why:
                verdict = f"excluded: {why}"
            else:
                compared += 1
                same = theirs == ours
                equal = equal and same
                verdict = "equal" if same else "DIFFERENT"
            rows[kind(outcome.student), str(theirs), str(ours), verdict] += 1
    equal = equal and compared > 0
    table = [("student", "n", "stock nbgrader", "course autograde", "grades"),
             *((k, str(n), theirs, ours, verdict)
               for (k, theirs, ours, verdict), n in sorted(rows.items()))]
    widths = [max(len(row[i]) for row in table) for i in range(4)]
    for row in table:
        print("  " + "  ".join(cell.ljust(w) for cell, w in zip(row, widths)) + "  " + row[4])
    ratio = course_seconds / stock_seconds
    print(f"grades compared for {compared} of {len(outcomes)} submissions; goal: course at most "
          f"{GOAL:.1f}x stock nbgrader's time ({'met' if ratio <= GOAL else 'not met'})")
    print(f"course/nbgrader time ratio: {ratio:.2f} (grades equal: {'yes' if equal else 'no'})")


if __name__ == "__main__":
    main()
