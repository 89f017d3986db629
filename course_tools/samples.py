"""The demo's sample class, built from the source and release notebooks and the variants."""

from __future__ import annotations

import ast
from datetime import datetime, timedelta
from pathlib import Path

import nbformat

from .cells import grade_id, is_solution, top_level_names, without_solution_markers
from .variants import Variant

REFERENCE = "sample-reference"
MISTAKES = "sample-mistakes"
UNTOUCHED = "sample-untouched"
MALFORMED = "sample-malformed"
SAMPLE_STUDENTS = (REFERENCE, MISTAKES, UNTOUCHED, MALFORMED)
# Two more for one assignment of the demo's term: a student with answers of their own who
# hands in late, and one who copies that notebook, renames its variables and hands in on time.
LATE = "sample-late"
COPIED = "sample-copied"
TERM_STUDENTS = (LATE, COPIED)
TERM_ASSIGNMENT = "hw1_foundations"
TERM_DUE_DATE = "2026-10-23 23:59 Europe/Berlin"
LATE_BY = timedelta(days=1, hours=2)  # two started days
ON_TIME_BY = timedelta(days=1)


def reference_submission(release_nb, source_nb):
    """The release notebook with every solution cell answered as in the source."""
    answers = {grade_id(c): c.source for c in source_nb.cells if is_solution(c)}
    nb = nbformat.from_dict(release_nb)
    for cell in nb.cells:
        if is_solution(cell):
            cell.source = without_solution_markers(answers[grade_id(cell)])
    return nb


def with_variants(nb, variants: list[Variant]):
    """A copy of `nb` in which each variant replaces the solution cell it names."""
    nb = nbformat.from_dict(nb)
    cells = {grade_id(c): c for c in nb.cells if is_solution(c)}
    for variant in variants:
        if variant.replaces not in cells:
            raise ValueError(f"{variant.label}: no solution cell {variant.replaces!r}")
        cells[variant.replaces].source = variant.code
    return nb


def write_sample_class(
    submitted_dir: Path, assignment: str, release_dir: Path, source_dir: Path,
    variants: list[Variant],
) -> None:
    """Write the four sample students' submissions of one assignment."""
    mistakes = [v for v in variants if v.in_sample and v.verdict == "wrong"]
    for release_path in sorted(release_dir.glob("*.ipynb")):
        release_nb = nbformat.read(release_path, as_version=4)
        source_nb = nbformat.read(source_dir / release_path.name, as_version=4)
        reference = reference_submission(release_nb, source_nb)
        mine = [v for v in mistakes if v.replaces in {grade_id(c) for c in reference.cells}]
        notebooks = {
            REFERENCE: nbformat.writes(reference),
            MISTAKES: nbformat.writes(with_variants(reference, mine)),
            UNTOUCHED: release_path.read_text(),
            # An upload cut short: the file ends in the middle of the JSON.
            MALFORMED: release_path.read_text()[: len(release_path.read_text()) // 2],
        }
        for student, text in notebooks.items():
            folder = submitted_dir / student / assignment
            folder.mkdir(parents=True, exist_ok=True)
            (folder / release_path.name).write_text(text)


def _names_used(code: str) -> set[str]:
    try:
        return {n.id for n in ast.walk(ast.parse(code)) if isinstance(n, ast.Name)}
    except SyntaxError:
        return set()


def alternative_submission(reference, variants: list[Variant]):
    """`reference` answered, where a cell has one, with its first correct variant that
    works when the notebook runs top to bottom (one that calls a function only a later
    answer cell defines is passed over): answers written differently from the reference."""
    order = [grade_id(c) for c in reference.cells if is_solution(c)]
    defined_at = {}
    for position, cell in enumerate(c for c in reference.cells if is_solution(c)):
        for name in top_level_names(cell.source):
            defined_at.setdefault(name, position)
    chosen: dict[str, Variant] = {}
    for variant in variants:
        if variant.verdict != "correct" or variant.replaces in chosen or \
                variant.replaces not in order:
            continue
        here = order.index(variant.replaces)
        if all(defined_at.get(name, -1) <= here for name in _names_used(variant.code)):
            chosen[variant.replaces] = variant
    return with_variants(reference, list(chosen.values()))


def _renamable_functions(tree: ast.Module) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    """Functions at module level and methods of module-level classes whose locals can be
    renamed safely: no class inside, no locals()/vars()/eval()/exec()."""
    functions = [node for node in tree.body if isinstance(node, ast.FunctionDef |
                                                           ast.AsyncFunctionDef)]
    functions += [item for node in tree.body if isinstance(node, ast.ClassDef)
                  for item in node.body if isinstance(item, ast.FunctionDef |
                                                      ast.AsyncFunctionDef)]
    unsafe_calls = {"locals", "vars", "eval", "exec"}
    return [f for f in functions if not any(
        isinstance(n, ast.ClassDef) or (isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
                                        and n.func.id in unsafe_calls)
        for n in ast.walk(f) if n is not f)]


def renamed_locals(source: str, prefix: str = "my") -> str:
    """`source` with the local variables of its functions renamed and the code reformatted
    (comments dropped), as a student who copies a notebook and disguises it would do.

    Parameters (of the function, nested functions and lambdas) and names declared global
    or nonlocal keep their names, so the code computes exactly what it did.
    """
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return source
    taken = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    for function in _renamable_functions(tree):
        nodes = list(ast.walk(function))
        keep = {n.arg for n in nodes if isinstance(n, ast.arg)}
        keep |= {name for n in nodes if isinstance(n, ast.Global | ast.Nonlocal)
                 for name in n.names}
        stored = {n.id for n in nodes if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
        renames = {}
        for name in sorted(stored - keep):
            new = prefix + name[:1].upper() + name[1:]  # count -> myCount, E -> myE
            while new in taken:
                new = prefix + new
            renames[name] = new
            taken.add(new)
        for node in nodes:
            if isinstance(node, ast.Name) and node.id in renames:
                node.id = renames[node.id]
    return ast.unparse(tree)


def copied_submission(nb):
    """A copy of `nb` whose answer cells have their variables renamed (`renamed_locals`)."""
    nb = nbformat.from_dict(nb)
    for cell in nb.cells:
        if is_solution(cell) and cell.cell_type == "code":
            cell.source = renamed_locals(cell.source)
    return nb


def write_timestamp(folder: Path, when: datetime) -> None:
    """nbgrader's timestamp.txt for a submission made at `when` (UTC, naive)."""
    (folder / "timestamp.txt").write_text(when.isoformat(" "))


def write_term_submissions(submitted_dir: Path, assignment: str, release_dir: Path,
                           source_dir: Path, variants: list[Variant], due: datetime) -> None:
    """Add the late and the copied student to an assignment of the sample class, and give
    every submission of it a time: the late one `LATE_BY` after `due` (UTC), the others
    `ON_TIME_BY` before."""
    for release_path in sorted(release_dir.glob("*.ipynb")):
        release_nb = nbformat.read(release_path, as_version=4)
        source_nb = nbformat.read(source_dir / release_path.name, as_version=4)
        late = alternative_submission(reference_submission(release_nb, source_nb), variants)
        for student, nb in ((LATE, late), (COPIED, copied_submission(late))):
            folder = submitted_dir / student / assignment
            folder.mkdir(parents=True, exist_ok=True)
            nbformat.write(nb, folder / release_path.name)
    for folder in sorted(submitted_dir.glob(f"*/{assignment}")):
        late = folder.parent.name == LATE
        write_timestamp(folder, due + LATE_BY if late else due - ON_TIME_BY)
