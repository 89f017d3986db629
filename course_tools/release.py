"""`course release`: generate the student versions of assignments with nbgrader."""

from __future__ import annotations

from .course import Course, nbgrader_failure


def release(course: Course, assignments: list[str] | None = None) -> list[str]:
    """Regenerate release/<assignment>/ from source/ for each assignment (all by default)."""
    names = assignments or course.assignments()
    for name in names:
        course.check_assignment(name)
    api = course.api()
    for name in names:
        result = api.generate_assignment(name, force=True, create=True)
        if not result["success"]:
            raise nbgrader_failure(f"nbgrader generate_assignment {name}", result)
        print(f"released {name} -> {course.release_dir / name}")
    return names
