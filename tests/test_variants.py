"""Grading is fair both ways: realistic mistakes lose their part's points, and other
correct answers keep full marks (samples/<assignment>/{wrong,correct}/*.py)."""

from __future__ import annotations

import pytest
from conftest import ASSIGNMENTS, COURSE
from notebook_harness import SourceNotebook

from course_tools.variants import load_variants, parse_variant

VARIANTS = [v for a in ASSIGNMENTS for v in load_variants(COURSE.root / "samples", a)]
_notebooks: dict = {}


def _notebook_for(assignment: str, grade_id: str) -> SourceNotebook:
    for path in sorted((COURSE.source_dir / assignment).glob("*.ipynb")):
        if path not in _notebooks:
            _notebooks[path] = SourceNotebook(path)
        if grade_id in _notebooks[path].solution_ids:
            return _notebooks[path]
    raise AssertionError(f"{assignment} has no solution cell {grade_id!r}")


@pytest.mark.parametrize("kernels", [1, 2], ids=["one kernel (JupyterLab)", "two kernels"])
def test_reference_passes_every_test_in_process(assignment, kernels):
    """As a student runs it in JupyterLab, and as grading sees it."""
    for path in sorted((COURSE.source_dir / assignment).glob("*.ipynb")):
        run = _notebooks.setdefault(path, SourceNotebook(path)).run(two_kernels=kernels == 2)
        assert not run.failed, f"{path.name}:\n{run.explain()}"


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.label)
def test_variant_is_graded_as_declared(variant):
    notebook = _notebook_for(variant.assignment, variant.replaces)
    run = notebook.run({variant.replaces: variant.code}, must_run=variant.expect_fail)
    assert run.failed == set(variant.expect_fail), (
        f"{variant.label} ({variant.why}) should fail exactly "
        f"{sorted(variant.expect_fail) or 'nothing'}:\n{run.explain()}"
    )


def test_every_graded_function_has_wrong_and_correct_variants(assignment):
    variants = load_variants(COURSE.root / "samples", assignment)
    for path in sorted((COURSE.source_dir / assignment).glob("*.ipynb")):
        for grade_id in sorted(SourceNotebook(path).solution_ids):
            mine = [v for v in variants if v.replaces == grade_id]
            wrong = sum(v.verdict == "wrong" for v in mine)
            correct = sum(v.verdict == "correct" for v in mine)
            assert wrong >= 2 and correct >= 1, (
                f"{assignment}:{grade_id} has {wrong} wrong and {correct} correct variants; "
                "it needs at least 2 and 1"
            )


def test_demo_mistakes_exist(assignment):
    variants = load_variants(COURSE.root / "samples", assignment)
    assert any(v.in_sample for v in variants), f"no '# in-sample: yes' mistake for {assignment}"


def test_a_variant_header_reads_a_reason_over_several_lines(tmp_path):
    path = tmp_path / "wrong" / "split_reason.py"
    path.parent.mkdir()
    path.write_text("# replaces: sigmoid\n# expect-fail: test_sigmoid\n# why: the first half\n"
                    "# and the second half\n# in-sample: yes\ndef sigmoid(x):\n    return x\n")
    variant = parse_variant(path, "hw1_foundations")
    assert variant.why == "the first half and the second half"
    assert variant.in_sample and variant.code == "def sigmoid(x):\n    return x\n"


def test_a_header_field_after_the_code_is_an_error(tmp_path):
    path = tmp_path / "wrong" / "late_field.py"
    path.parent.mkdir()
    path.write_text("# replaces: sigmoid\n# why: a reason\ndef sigmoid(x):\n    return x\n"
                    "# expect-fail: test_sigmoid\n")
    with pytest.raises(ValueError, match="late_field.py:5: header field 'expect-fail'"):
        parse_variant(path, "hw1_foundations")


def test_a_patch_variant_is_the_reference_with_its_changes(tmp_path):
    references = {"sigmoid": "def sigmoid(x):\n    z = np.clip(x, -50, 50)\n"
                             "    return 1 / (1 + np.exp(-z))"}
    path = tmp_path / "wrong" / "no_clip.py"
    path.parent.mkdir()
    path.write_text("# replaces: sigmoid\n# expect-fail: test_sigmoid\n# why: no clipping\n"
                    "# patch:\n#-    z = np.clip(x, -50, 50)\n#+    z = x\n")
    variant = parse_variant(path, "hw1_foundations", references)
    assert variant.code == "def sigmoid(x):\n    z = x\n    return 1 / (1 + np.exp(-z))\n"


def test_a_patch_that_no_longer_applies_names_the_file_and_line(tmp_path):
    path = tmp_path / "wrong" / "stale.py"
    path.parent.mkdir()
    path.write_text("# replaces: sigmoid\n# expect-fail: test_sigmoid\n# why: stale\n"
                    "# patch:\n#-    return old_code\n#+    return new_code\n")
    with pytest.raises(ValueError, match="stale.py:5: this change no longer applies"):
        parse_variant(path, "hw1_foundations", {"sigmoid": "def sigmoid(x):\n    return x\n"})
