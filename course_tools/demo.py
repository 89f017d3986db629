"""`course demo`: release, autograde a sample class, write feedback and grades."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from .autograde import Status, autograde, format_outcomes
from .course import CONFIG_FILE, Course, CourseError, shown
from .feedback import generate_feedback
from .grades import collect_grades, format_table, write_csv
from .release import release
from .samples import write_sample_class
from .variants import load_variants


def build_demo_course(repo: Course, target: Path) -> Course:
    """A fresh course folder at `target` with the repository's source and configuration."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    shutil.copy2(repo.root / CONFIG_FILE, target / CONFIG_FILE)
    shutil.copytree(repo.source_dir, target / "source",
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    return Course(target)


def build_sample_class(repo: Course, target: Path, assignments: list[str] | None = None,
                       extra_config: str = "") -> Course:
    """`build_demo_course` with `assignments` (default: all) released and the sample class
    submitted; `extra_config` is appended to the course's nbgrader_config.py."""
    course = build_demo_course(repo, target)
    if extra_config:
        with open(course.root / CONFIG_FILE, "a") as config:
            config.write("\n" + extra_config)
    names = assignments or course.assignments()
    release(course, names)
    for name in names:
        write_sample_class(course.submitted_dir, name, course.release_dir / name,
                           course.source_dir / name, load_variants(repo.root / "samples", name))
    return course


def run_demo(repo: Course, target: Path, assignments: list[str] | None = None) -> Course:
    """Run the whole instructor workflow on the sample class in `target`."""
    started = time.perf_counter()
    print(f"Demo course in {target}")
    demo = build_sample_class(repo, target, assignments)
    names = assignments or demo.assignments()
    failed = []
    for name in names:
        print(f"\nAutograding {name} ...")
        outcomes = autograde(demo, name)
        print(format_outcomes(outcomes))
        failed += [o for o in outcomes if o.status == Status.FAILED]
        if any(o.status.scored for o in outcomes):
            generate_feedback(demo, name)
    rows = collect_grades(demo)
    write_csv(rows, demo.root / "grades.csv")
    print("\nScores (autograded points, then +hand-graded points; ? = not graded yet):")
    print(format_table(rows))
    print(f"\nFeedback: {demo.feedback_dir}\nGrades:   {demo.root / 'grades.csv'}")
    print(f"Demo finished in {time.perf_counter() - started:.0f} s")
    if failed:
        raise CourseError(
            "nbgrader could not grade "
            + ", ".join(f"{shown(o.student)} ({o.assignment})" for o in failed)
            + ": see the reasons above"
        )
    return demo
