"""Similar submissions, for `course report`: copydetect's winnowing fingerprints (the
method of MOSS) over the students' own answer cells.

Each graded submission becomes one Python text: its code answer cells in notebook
order. The release's answer cells (stubs, signatures, docstrings, starter code) are
copydetect's *boilerplate*: code that matches them counts for no one. copydetect
replaces names by placeholders before fingerprinting, so renamed variables do not
hide a copy. For every pair it gives the share of each submission's fingerprinted
code found in the other; a pair is listed when the larger share reaches
``c.SimilarityReport.threshold``. A high share is a reason to look, not a verdict:
short exercises leave little room for different answers.
"""

from __future__ import annotations

import io
import itertools
from dataclasses import dataclass, field

import numpy as np
from traitlets import Float, Integer
from traitlets.config import Configurable

from .cells import grade_id, is_answer_cell
from .feedback import quotes_hidden

WITHHELD_LINE = "# (line withheld: it quotes the hidden tests)"
_FILE = "answers.py"  # copydetect picks its tokenizer by the extension


class SimilarityReport(Configurable):
    """Settings of the similarity part of `course report` (nbgrader_config.py)."""

    threshold = Float(0.6, help="List a pair when this share (0 to 1) of one submission's "
                      "answer code is found in the other's.").tag(config=True)
    noise_threshold = Integer(25, help="copydetect's noise threshold: the shortest match "
                              "counted, in characters of normalised code.").tag(config=True)


def answer_code(nb, answer_ids: list[str], hidden: frozenset[str]) -> str:
    """The code of `nb`'s answer cells named in `answer_ids`, in notebook order, each
    headed by a comment with its grade id. A line that quotes hidden test code is
    replaced by WITHHELD_LINE, so no page that shows the code can show those lines."""
    parts = []
    for cell in nb.cells:
        if is_answer_cell(cell) and grade_id(cell) in answer_ids:
            lines = [WITHHELD_LINE if quotes_hidden(line, hidden) else line
                     for line in cell.source.splitlines()]
            parts.append(f"# --- {grade_id(cell)}\n" + "\n".join(lines) + "\n")
    return "\n".join(parts)


@dataclass
class SimilarPair:
    """Two submissions and how much of each one's code is found in the other."""

    first: str
    second: str
    share_first: float  # of first's fingerprinted code, found in second's
    share_second: float
    overlap: int  # matching characters of normalised code
    segments_first: list[tuple[str, bool]] = field(default_factory=list)  # (text, matching)
    segments_second: list[tuple[str, bool]] = field(default_factory=list)

    @property
    def similarity(self) -> float:
        return max(self.share_first, self.share_second)


def _segments(code: str, slices: np.ndarray) -> list[tuple[str, bool]]:
    """`code` cut into (text, is part of a match) pieces at copydetect's slices."""
    pieces, at = [], 0
    if slices.size:
        for start, end in sorted(zip(slices[0].tolist(), slices[1].tolist())):
            start, end = max(start, at), max(end, at)
            if start > at:
                pieces.append((code[at:start], False))
            if end > start:
                pieces.append((code[start:end], True))
            at = end
    if at < len(code):
        pieces.append((code[at:], False))
    return pieces


def similar_pairs(codes: dict[str, str], starter: str, noise_threshold: int = 25
                  ) -> tuple[list[SimilarPair], list[str]]:
    """Every pair of `codes` (by student) that shares code, most similar first, and the
    students with no code of their own (all of it matches `starter`, or there is none)."""
    from copydetect import CodeFingerprint, compare_files

    def fingerprint(code: str, boilerplate=None, window: int = 1):
        return CodeFingerprint(_FILE, noise_threshold, window, boilerplate,
                               fp=io.StringIO(code))

    boilerplate = np.unique(np.array(sorted(fingerprint(starter).hashes), dtype=np.int64))
    prints = {student: fingerprint(code, boilerplate) for student, code in sorted(codes.items())}
    empty = sorted(s for s, p in prints.items() if not p.hashes or not p.token_coverage)
    pairs = []
    for first, second in itertools.combinations([s for s in prints if s not in empty], 2):
        overlap, (share_first, share_second), (slices_first, slices_second) = compare_files(
            prints[first], prints[second])
        if overlap <= 0:
            continue
        pairs.append(SimilarPair(first, second, float(share_first), float(share_second),
                                 int(overlap), _segments(codes[first], slices_first),
                                 _segments(codes[second], slices_second)))
    pairs.sort(key=lambda p: (-p.similarity, -p.overlap, p.first, p.second))
    return pairs, empty
