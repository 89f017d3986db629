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
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

VERDICTS = ("wrong", "correct")
_HEADER = re.compile(r"^# (replaces|expect-fail|why|in-sample):(.*)$")


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

    @property
    def label(self) -> str:
        return f"{self.assignment}/{self.verdict}/{self.name}"


def parse_variant(path: Path, assignment: str) -> Variant:
    """Read a variant file; a header error names the file and the missing field."""
    verdict = path.parent.name
    if verdict not in VERDICTS:
        raise ValueError(f"{path}: variants live in a folder named one of {VERDICTS}")
    fields: dict[str, str] = {}
    code_lines: list[str] = []
    last_field = None
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        match = _HEADER.match(line)
        if code_lines:
            if match:
                raise ValueError(f"{path}:{number}: header field '{match.group(1)}' after the "
                                 "code has started; keep the header at the top")
            code_lines.append(line)
        elif match:
            last_field = match.group(1)
            fields[last_field] = match.group(2).strip()
        elif last_field == "why" and line.startswith("# "):
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
    return Variant(
        assignment=assignment, name=path.stem, verdict=verdict, replaces=fields["replaces"],
        expect_fail=expect_fail, why=fields["why"],
        in_sample=fields.get("in-sample", "no").lower() == "yes",
        code="\n".join(code_lines).strip() + "\n",
    )


def load_variants(samples_dir: Path, assignment: str) -> list[Variant]:
    """All variants of an assignment, sorted by verdict then name."""
    folder = samples_dir / assignment
    return [
        parse_variant(path, assignment)
        for verdict in VERDICTS
        for path in sorted((folder / verdict).glob("*.py"))
    ]
