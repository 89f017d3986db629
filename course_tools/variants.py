"""Alternative answers to graded cells: realistic mistakes and other correct solutions.

Each variant is a Python file ``samples/<assignment>/<verdict>/<name>.py`` whose
header says which solution cell it replaces and what grading must make of it::

    # replaces: sigmoid
    # expect-fail: test_sigmoid
    # why: the textbook formula overflows for large negative inputs
    # in-sample: yes

``verdict`` is ``wrong`` (the listed test cells, and only those, must fail) or
``correct`` (every test cell must pass). ``in-sample: yes`` puts the mistake in the
demo's mistaken student.

After the header comes either the whole replacement cell, or, for an answer a few
lines away from the reference, a *patch* of the reference answer in comment lines::

    # patch:
    #=    h = sigmoid(x @ W1 + b1)
    #-    return h @ W2 + b2
    #+    return h @ W2

``#=`` lines are context, ``#-`` lines are the reference's, ``#+`` lines replace
them; a line ``#@`` starts the next change. The lines of each change before it
(context and removed lines) must occur exactly once, as whole lines, in the answer
(changes apply in order, each to the result of the one before), so a change to the
reference flows into every variant, and a patch that no longer applies is an error
naming the file.

A whole variant need not write out the lines the release gives every student before
the first place for their code (a constructor's given assignments, say): a comment line
``# (as released)`` just before one of those lines (the ``def __init__`` line) stands for
it and the given lines after it, which the loader takes from the reference cell (its
lines before the first ``### BEGIN SOLUTION``). So the given lines follow the reference,
and the file stays valid Python.

A variant that is a few lines away from a *correct* variant of the same folder
rather than from the reference says so in its header, ``# patch-of: correct/<name>``;
its patch then applies to that variant's code, which may itself be a patch. A
missing base, a base that is a wrong variant (its patch would have to undo another
mistake) or a circle of bases is an error naming the file.

A variant written out whole shares fewer than ``COPIED_LINES`` consecutive code lines
(comments, blank lines and the lines the release gives every student aside) with the
reference answer and with every other whole variant of the same answer in its corpus
(`copied_runs`); a longer shared run is a copy that would go stale, and is written as
a patch instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from .cells import grade_id, is_solution, is_solution_marker, without_solution_markers

VERDICTS = ("wrong", "correct")
_HEADER = re.compile(r"^# (replaces|expect-fail|why|in-sample|patch-of):(.*)$")
_PATCH_START = "# patch:"
_PATCH_LINE = re.compile(r"^#([=+\-@])(.*)$")
AS_RELEASED = "# (as released)"
# Answers written separately share short runs (a loop header, a return line); eight
# student-written lines in a row are a copy.
COPIED_LINES = 8


@dataclass(frozen=True)
class Variant:
    """One alternative answer to a solution cell."""

    assignment: str
    name: str
    verdict: str
    replaces: str
    expect_fail: frozenset[str]
    why: str
    in_sample: bool
    code: str
    base: str | None = None  # what its patch applies to: "reference", "correct/<name>"

    @property
    def label(self) -> str:
        return f"{self.assignment}/{self.verdict}/{self.name}"


def apply_patch(original: str, patch_lines: list[tuple[int, str]], path: Path,
                what: str = "the reference answer") -> str:
    """`original` with the changes of a patch made; `what` names it in errors."""
    changes: list[list[tuple[int, str, str]]] = [[]]
    for number, line in patch_lines:
        match = _PATCH_LINE.match(line)
        if match is None:
            raise ValueError(f"{path}:{number}: a patch line starts with #=, #-, #+ or #@")
        kind, text = match.groups()
        if kind == "@":
            changes.append([])
        else:
            changes[-1].append((number, kind, text))
    lines = original.splitlines()
    for change in (c for c in changes if c):
        old = [text for _, kind, text in change if kind in "=-"]
        new = [text for _, kind, text in change if kind in "=+"]
        first = change[0][0]
        if not old:
            raise ValueError(f"{path}:{first}: a change needs a context (#=) or removed (#-) "
                             "line to say where it goes")
        found = [i for i in range(len(lines) - len(old) + 1) if lines[i:i + len(old)] == old]
        if len(found) != 1:
            raise ValueError(
                f"{path}:{first}: this change no longer applies: its #= and #- lines occur "
                f"{len(found)} times in {what} (they must occur once); update the patch")
        lines[found[0]:found[0] + len(old)] = new
    return "\n".join(lines)


def _with_released_lines(code_lines: list[str], given: str | None, path: Path,
                         answer: str) -> list[str]:
    """`code_lines` with each ``# (as released)`` line and the line after it replaced by
    that line's place in `given` (the released lines) and the released lines after it."""
    given_lines = (given or "").splitlines()
    for at in [i for i, line in enumerate(code_lines) if line.strip() == AS_RELEASED][::-1]:
        following = code_lines[at + 1].rstrip() if at + 1 < len(code_lines) else None
        starts = [i for i, line in enumerate(given_lines) if line.rstrip() == following]
        if not starts:
            raise ValueError(
                f"{path}: '{AS_RELEASED}' goes just before a line the release gives "
                f"ahead of the student's code in {answer!r} (the lines of the reference cell "
                "before its first '### BEGIN SOLUTION'), and stands for that line and the "
                f"given lines after it; the next line is not one of them: {following!r}")
        code_lines = code_lines[:at] + given_lines[starts[0]:] + code_lines[at + 2:]
    return code_lines


def _released_head(source: str) -> str:
    lines = source.splitlines()
    first = next((i for i, line in enumerate(lines) if is_solution_marker(line)), 0)
    return "\n".join(lines[:first])


def released_lines(source_dir: Path) -> dict[str, str]:
    """Each answer cell's lines before its first ``### BEGIN SOLUTION``, by grade id: what
    the release gives every student ahead of the first place for their code."""
    return {name: _released_head(source) for name, source in _answer_cells(source_dir).items()}


def parse_variant(path: Path, assignment: str, references: dict[str, str] | None = None,
                  base: Callable[[str], Variant | None] | None = None,
                  released: dict[str, str] | None = None) -> Variant:
    """Read a variant file; a header error names the file and the missing field.

    `references` holds the reference answers by grade id (solution markers removed);
    a patch variant needs its own. `base` finds the variant a ``patch-of`` names
    (None if there is none). `released` holds the lines a ``# (as released)`` line
    stands for, by grade id (`released_lines`).
    """
    verdict = path.parent.name
    if verdict not in VERDICTS:
        raise ValueError(f"{path}: variants live in a folder named one of {VERDICTS}")
    fields: dict[str, str] = {}
    code_lines: list[str] = []
    patch_lines: list[tuple[int, str]] | None = None
    last_field = None
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        match = _HEADER.match(line)
        if patch_lines is not None:
            if line.strip():
                patch_lines.append((number, line))
            continue
        if not code_lines and line.strip() == _PATCH_START:
            patch_lines = []
            continue
        if code_lines:
            if match:
                raise ValueError(f"{path}:{number}: header field '{match.group(1)}' after the "
                                 "code has started; keep the header at the top")
            code_lines.append(line)
        elif match:
            last_field = match.group(1)
            fields[last_field] = match.group(2).strip()
        elif last_field == "why" and line.startswith("# ") and line != AS_RELEASED:
            fields["why"] += " " + line[2:].strip()  # the reason goes on over several lines
        else:
            code_lines.append(line)
    if "replaces" not in fields or "why" not in fields:
        raise ValueError(f"{path}: the header needs '# replaces: <grade_id>' and '# why: ...'")
    expect_fail = frozenset(fields.get("expect-fail", "").split())
    if verdict == "wrong" and not expect_fail:
        raise ValueError(f"{path}: a wrong variant must list the test cells it fails")
    if verdict == "correct" and expect_fail:
        raise ValueError(f"{path}: a correct variant cannot expect failures")
    if "patch-of" in fields:
        if patch_lines is None:
            raise ValueError(f"{path}: a patch-of variant needs a '# patch:' after its header")
        name = fields["patch-of"]
        if not name.startswith("correct/"):
            raise ValueError(f"{path}: patch-of {name!r}: the base must be a correct variant "
                             "(correct/<name>), so that the patch shows only this variant's "
                             "own change, never the undoing of another mistake")
        original = base(name) if base else None
        if original is None:
            raise ValueError(f"{path}: patch-of {name!r}, but its folder has no such "
                             "variant (<verdict>/<name>, without .py)")
        code_lines = apply_patch(original.code, patch_lines, path, name).splitlines()
    elif patch_lines is not None:
        reference = (references or {}).get(fields["replaces"])
        if reference is None:
            raise ValueError(f"{path}: a patch of {fields['replaces']!r}, but the source "
                             "notebooks have no such answer cell")
        code_lines = apply_patch(reference, patch_lines, path).splitlines()
    else:
        code_lines = _with_released_lines(code_lines, (released or {}).get(fields["replaces"]),
                                          path, fields["replaces"])
    return Variant(
        assignment=assignment, name=path.stem, verdict=verdict, replaces=fields["replaces"],
        expect_fail=expect_fail, why=fields["why"],
        in_sample=fields.get("in-sample", "no").lower() == "yes",
        code="\n".join(code_lines).strip() + "\n",
        base=None if patch_lines is None else fields.get("patch-of", "reference"),
    )


def _answer_cells(folder: Path) -> dict[str, str]:
    import nbformat

    return {grade_id(cell): cell.source for path in sorted(folder.glob("*.ipynb"))
            for cell in nbformat.read(path, as_version=4).cells
            if is_solution(cell) and grade_id(cell)}


def reference_answers(source_dir: Path) -> dict[str, str]:
    """The reference answers of an assignment's source notebooks, by grade id."""
    return {name: without_solution_markers(source)
            for name, source in _answer_cells(source_dir).items()}


def given_code(release_dir: Path) -> dict[str, str]:
    """The answer cells as the release shows them (a stub or starter code), by grade id:
    what every student's answer starts from."""
    return _answer_cells(release_dir)


def load_variants(samples_dir: Path, assignment: str,
                  source_dir: Path | None = None) -> list[Variant]:
    """All variants of an assignment, sorted by verdict then name.

    Patches apply to the reference answers in `source_dir` (by default the course's
    ``source/<assignment>`` beside `samples_dir`), or to the variant their
    ``patch-of`` names.
    """
    folder = samples_dir / assignment
    paths = {f"{verdict}/{path.stem}": path for verdict in VERDICTS
             for path in sorted((folder / verdict).glob("*.py"))}
    if not paths:
        return []
    answers = _answer_cells(source_dir or samples_dir.parent / "source" / assignment)
    references = {name: without_solution_markers(source) for name, source in answers.items()}
    released = {name: _released_head(source) for name, source in answers.items()}
    loaded: dict[str, Variant] = {}

    def load(key: str, chain: tuple[str, ...] = ()) -> Variant | None:
        if key in chain:
            circle = " -> ".join(chain[chain.index(key):] + (key,))
            raise ValueError(f"{paths[chain[-1]]}: patch-of goes round in a circle: {circle}")
        if key in paths and key not in loaded:
            loaded[key] = parse_variant(paths[key], assignment, references,
                                        lambda name: load(name, (*chain, key)), released)
        return loaded.get(key)

    for key in paths:
        load(key)
    return [loaded[key] for key in paths]


def _code_lines(code: str, given: set[str]) -> list[str]:
    stripped = (line.strip() for line in code.splitlines())
    return [line for line in stripped if line and not line.startswith("#") and line not in given]


def shared_run(code: str, other: str, given: str = "") -> int:
    """The longest run of consecutive code lines `code` and `other` have in common,
    indentation, comments, blank lines and the lines of `given` aside."""
    given_lines = {line.strip() for line in given.splitlines()}
    mine, theirs = _code_lines(code, given_lines), _code_lines(other, given_lines)
    return SequenceMatcher(None, mine, theirs, autojunk=False).find_longest_match(
        0, len(mine), 0, len(theirs)).size


def copied_runs(variants: list[Variant], references: dict[str, str],
                given: dict[str, str] | None = None) -> list[str]:
    """Each whole variant of `variants` (one corpus of one assignment) that shares
    COPIED_LINES or more consecutive lines with its reference answer or with another
    whole variant of the same answer, said in a line that says how to fix it. Lines of
    the released cell (`given`, by grade id) do not count: every student has them."""
    whole = [v for v in variants if v.base is None]
    found = []
    for position, variant in enumerate(whole):
        others = [("the reference answer", references.get(variant.replaces, ""))]
        others += [(other.label, other.code) for other in whole[:position]
                   if other.replaces == variant.replaces]
        released = (given or {}).get(variant.replaces, "")
        for name, code in others:
            if (run := shared_run(variant.code, code, released)) >= COPIED_LINES:
                found.append(f"{variant.label} shares {run} consecutive lines with {name}: "
                             "write it as a '# patch:' of the reference or a '# patch-of: "
                             "correct/<name>' of a correct variant in the same style")
    return found
