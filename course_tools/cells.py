"""What each cell of a course notebook is, and the names and hidden parts of its code.

The predicates are nbgrader's own (``nbgrader.utils.is_grade``, ``is_solution``,
``is_locked``), restated here because importing nbgrader loads its whole server
(seconds per process) and the runner needs only these; ``tests/test_cells.py``
checks that both agree on every cell of the course. A *test* cell is an
autograded code cell (grade, not solution); an *answer* cell is one the student writes
(solution); a *course* cell is read-only code the course gives (locked, not a
test: the setup, given functions); every other code cell is the student's own
(experiments and plots).
"""

from __future__ import annotations

import ast
import re

from nbformat import NotebookNode

# nbgrader's own delimiters (ClearHiddenTests.begin_test_delimeter, end_test_delimeter).
HIDDEN_BEGIN, HIDDEN_END = "BEGIN HIDDEN TESTS", "END HIDDEN TESTS"
_SOLUTION_MARKER = re.compile(r"^\s*### (BEGIN|END) SOLUTION\s*$")


def nbgrader_metadata(cell: NotebookNode) -> dict:
    """The cell's nbgrader metadata ({} for a cell nbgrader does not know)."""
    return cell.get("metadata", {}).get("nbgrader", {})


def is_grade(cell: NotebookNode) -> bool:
    """As ``nbgrader.utils.is_grade``: the cell carries points."""
    return bool(nbgrader_metadata(cell).get("grade", False))


def is_solution(cell: NotebookNode) -> bool:
    """As ``nbgrader.utils.is_solution``: the student writes this cell."""
    return bool(nbgrader_metadata(cell).get("solution", False))


def is_locked(cell: NotebookNode) -> bool:
    """As ``nbgrader.utils.is_locked``: grading overwrites the cell with the course's copy."""
    if "nbgrader" not in cell.get("metadata", {}) or is_solution(cell):
        return False
    return is_grade(cell) or bool(nbgrader_metadata(cell).get("locked", False))


def is_test_cell(cell: NotebookNode) -> bool:
    return cell.cell_type == "code" and is_grade(cell) and not is_solution(cell)


def is_answer_cell(cell: NotebookNode) -> bool:
    return cell.cell_type == "code" and is_solution(cell)


def is_course_cell(cell: NotebookNode) -> bool:
    """Read-only code the course gives, other than tests (setup, given helpers)."""
    return cell.cell_type == "code" and is_locked(cell) and not is_grade(cell)


def is_trusted_cell(cell: NotebookNode) -> bool:
    """Cells whose code comes from the course, not the student: course and test cells."""
    return is_course_cell(cell) or is_test_cell(cell)


def grade_id(cell: NotebookNode) -> str | None:
    return nbgrader_metadata(cell).get("grade_id")


def split_hidden(source: str, begin: str = HIDDEN_BEGIN,
                 end: str = HIDDEN_END) -> tuple[list[str], list[list[str]]]:
    """A test cell's lines outside its hidden regions, and each region's lines.

    nbgrader's rule (ClearHiddenTests): a line containing `begin` opens a region, a
    line containing `end` closes it, and both marker lines belong to neither. A
    region left open runs to the end of the cell.
    """
    public: list[str] = []
    regions: list[list[str]] = []
    inside = False
    for line in source.split("\n"):
        if begin in line:
            inside = True
            regions.append([])
        elif end in line:
            inside = False
        elif inside:
            regions[-1].append(line)
        else:
            public.append(line)
    return public, regions


def hidden_parts(source: str) -> list[str]:
    """The code inside a test cell's hidden regions (without the marker lines)."""
    return ["".join(line + "\n" for line in region) for region in split_hidden(source)[1]]


def is_solution_marker(line: str) -> bool:
    """Whether a line is a ``### BEGIN SOLUTION`` or ``### END SOLUTION`` marker."""
    return bool(_SOLUTION_MARKER.match(line))


def without_solution_markers(source: str) -> str:
    """A reference answer as a student would write it: without the BEGIN/END SOLUTION lines."""
    return "\n".join(line for line in source.splitlines() if not is_solution_marker(line))


def public_source(source: str) -> str:
    """A test cell's code without its hidden part (what the release shows)."""
    return "\n".join(split_hidden(source)[0])


def top_level_names(source: str) -> list[str]:
    """Names a cell binds in the notebook's namespace (functions, classes, assignments,
    imports, loop and with targets at top level); none for code that does not parse."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    names: set[str] = set()

    def targets(node: ast.AST) -> None:
        for sub in ast.walk(node):
            if isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Store):
                names.add(sub.id)

    def visit(statements: list[ast.stmt]) -> None:
        for node in statements:
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                names.add(node.name)
            elif isinstance(node, ast.Import | ast.ImportFrom):
                names.update((a.asname or a.name).partition(".")[0] for a in node.names
                             if a.name != "*")
            elif isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign):
                for target in (node.targets if isinstance(node, ast.Assign) else [node.target]):
                    targets(target)
            elif isinstance(node, ast.For | ast.AsyncFor | ast.With | ast.AsyncWith):
                for item in ([node.target] if isinstance(node, ast.For | ast.AsyncFor)
                             else [i.optional_vars for i in node.items if i.optional_vars]):
                    targets(item)
                visit(node.body)
                visit(getattr(node, "orelse", []))
            elif isinstance(node, ast.If | ast.While):
                visit(node.body)
                visit(node.orelse)
            elif isinstance(node, ast.Try):
                visit(node.body)
                for handler in node.handlers:
                    if handler.name:
                        names.add(handler.name)
                    visit(handler.body)
                visit(node.orelse)
                visit(node.finalbody)
            elif isinstance(node, ast.Expr | ast.Assert | ast.Return | ast.Delete):
                continue
        for node in ast.walk(ast.Module(body=statements, type_ignores=[])):
            if isinstance(node, ast.NamedExpr):
                targets(node.target)

    visit(tree.body)
    return sorted(names)
