"""Grading is fair both ways: realistic mistakes lose their part's points, and other
correct answers keep full marks (samples/<assignment>/{wrong,correct}/*.py)."""

from __future__ import annotations

from dataclasses import replace

import nbformat
import pytest
from cell_factories import answer_cell
from conftest import ASSIGNMENTS, COURSE
from nbformat.v4 import new_notebook
from notebook_harness import SourceNotebook

from course_tools.variants import (
    COPIED_LINES,
    copied_runs,
    given_code,
    load_variants,
    parse_variant,
    reference_answers,
    released_lines,
)

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


@pytest.mark.parametrize("corpus", ["samples", "tests/fairness"])
def test_no_variant_is_a_copy_that_would_go_stale(assignment, corpus):
    """A variant written out whole is not a near-copy of the reference or of a sibling."""
    variants = load_variants(COURSE.root / corpus, assignment, COURSE.source_dir / assignment)
    copies = copied_runs(variants, reference_answers(COURSE.source_dir / assignment),
                         given_code(COURSE.release_dir / assignment))
    assert not copies, "\n".join(copies)


def test_a_copied_run_is_found_and_a_patch_is_not_a_copy(tmp_path):
    body = "".join(f"    x{i} = {i}\n" for i in range(COPIED_LINES - 2))  # + def and return
    for name in ("first", "second"):
        path = tmp_path / "correct" / f"{name}.py"
        path.parent.mkdir(exist_ok=True)
        path.write_text(f"# replaces: f\n# why: {name}\ndef f():\n{body}    return 1\n")
    (tmp_path / "correct" / "third.py").write_text(
        "# replaces: f\n# why: a patch\n# patch-of: correct/first\n# patch:\n"
        "#-    return 1\n#+    return 2\n")
    variants = load_variants(tmp_path.parent, tmp_path.name, tmp_path / "no-source")
    copies = copied_runs(variants, {})
    assert len(copies) == 1 and copies[0].startswith(f"{tmp_path.name}/correct/second shares "
                                                     f"{COPIED_LINES} consecutive")
    shorter = [v if v.name != "second" else replace(v, code=v.code.replace("    x0 = 0\n", ""))
               for v in variants]
    assert copied_runs(shorter, {}) == [], "one line fewer than COPIED_LINES in a row is allowed"
    assert copied_runs(variants, {}, {"f": "def f():\n    x3 = 3\n"}) == [], (
        "the lines the release gives every student are not a copy")


def _variant_file(folder, key: str, text: str):
    """`text` written as the variant file ``<folder>/<verdict>/<name>.py`` (`key` is
    ``<verdict>/<name>``), its folder made if needed; the file's path."""
    path = folder / f"{key}.py"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_a_variant_header_reads_a_reason_over_several_lines(tmp_path):
    path = _variant_file(tmp_path, "wrong/split_reason",
                         "# replaces: sigmoid\n# expect-fail: test_sigmoid\n# why: the first half\n"
                         "# and the second half\n# in-sample: yes\ndef sigmoid(x):\n    return x\n")
    variant = parse_variant(path, "hw1_foundations")
    assert variant.why == "the first half and the second half"
    assert variant.in_sample and variant.code == "def sigmoid(x):\n    return x\n"


def test_a_header_field_after_the_code_is_an_error(tmp_path):
    path = _variant_file(tmp_path, "wrong/late_field",
                         "# replaces: sigmoid\n# why: a reason\ndef sigmoid(x):\n    return x\n"
                         "# expect-fail: test_sigmoid\n")
    with pytest.raises(ValueError, match="late_field.py:5: header field 'expect-fail'"):
        parse_variant(path, "hw1_foundations")


def test_a_patch_variant_is_the_reference_with_its_changes(tmp_path):
    references = {"sigmoid": "def sigmoid(x):\n    z = np.clip(x, -50, 50)\n"
                             "    return 1 / (1 + np.exp(-z))"}
    path = _variant_file(tmp_path, "wrong/no_clip",
                         "# replaces: sigmoid\n# expect-fail: test_sigmoid\n# why: no clipping\n"
                         "# patch:\n#-    z = np.clip(x, -50, 50)\n#+    z = x\n")
    variant = parse_variant(path, "hw1_foundations", references)
    assert variant.code == "def sigmoid(x):\n    z = x\n    return 1 / (1 + np.exp(-z))\n"


_CLASS_CELL = ("class Counter:\n    def __init__(self, start=0):\n        self.start = start\n"
               "        ### BEGIN SOLUTION\n        self.n = start\n        ### END SOLUTION\n")


def test_as_released_stands_for_the_given_lines_from_the_next_one_on(tmp_path):
    notebook = new_notebook(cells=[answer_cell(_CLASS_CELL, "Counter")])
    nbformat.write(notebook, tmp_path / "toy.ipynb")
    released = released_lines(tmp_path)
    assert released == {"Counter": "class Counter:\n    def __init__(self, start=0):\n"
                                   "        self.start = start"}
    path = _variant_file(tmp_path, "correct/list_count",
                         "# replaces: Counter\n# why: a list\nclass Counter:\n"
                         "    # (as released)\n    def __init__(self, start=0):\n"
                         "        self.seen = [start]\n")
    variant = parse_variant(path, "toy", released=released)
    assert variant.code == released["Counter"] + "\n        self.seen = [start]\n"


def test_as_released_before_a_line_the_release_does_not_give_is_an_error(tmp_path):
    path = _variant_file(tmp_path, "correct/renamed",
                         "# replaces: Counter\n# why: another signature\nclass Counter:\n"
                         "    # (as released)\n    def __init__(self, first=0):\n"
                         "        self.n = first\n")
    with pytest.raises(ValueError, match=r"renamed.py: '# \(as released\)' goes just before a "
                                         r"line the release gives .* '    def __init__\(self, "
                                         r"first=0\):'"):
        parse_variant(path, "toy", released={"Counter": _CLASS_CELL.split("        ###")[0]})


def test_a_patch_that_no_longer_applies_names_the_file_and_line(tmp_path):
    path = _variant_file(tmp_path, "wrong/stale",
                         "# replaces: sigmoid\n# expect-fail: test_sigmoid\n# why: stale\n"
                         "# patch:\n#-    return old_code\n#+    return new_code\n")
    with pytest.raises(ValueError, match="stale.py:5: this change no longer applies"):
        parse_variant(path, "hw1_foundations", {"sigmoid": "def sigmoid(x):\n    return x\n"})


def _write_variants(folder, files: dict[str, str]) -> None:
    """Variant files of an assignment 'toy' under `folder`, by '<verdict>/<name>'."""
    for key, text in files.items():
        _variant_file(folder / "toy", key, text)


_LOOP = ("# replaces: total\n# why: a loop\ndef total(xs):\n    s = 0\n    for x in xs:\n"
         "        s += x\n    return s\n")


def test_a_patch_of_variant_applies_to_another_variant_which_may_be_a_patch(tmp_path):
    _write_variants(tmp_path, {
        "correct/loop": _LOOP,
        "wrong/starts_at_one": "# replaces: total\n# expect-fail: test_total\n# why: s = 1\n"
                               "# patch-of: correct/loop\n# patch:\n#-    s = 0\n#+    s = 1\n",
        "correct/builtin_start": "# replaces: total\n# why: sum's start\n"
                                 "# patch-of: correct/loop\n# patch:\n#=    s = 0\n"
                                 "#+    s += sum(xs, start=0)\n#@\n#-    for x in xs:\n"
                                 "#-        s += x\n",
        "wrong/squares": "# replaces: total\n# expect-fail: test_total\n# why: squares\n"
                         "# patch-of: correct/builtin_start\n# patch:\n"
                         "#-    s += sum(xs, start=0)\n#+    s += sum(x * x for x in xs)\n",
    })
    variants = {v.name: v for v in load_variants(tmp_path, "toy", tmp_path)}
    assert variants["starts_at_one"].code == _LOOP.split("loop\n")[1].replace("s = 0", "s = 1")
    assert variants["builtin_start"].code == (
        "def total(xs):\n    s = 0\n    s += sum(xs, start=0)\n    return s\n")
    assert variants["squares"].code == (
        "def total(xs):\n    s = 0\n    s += sum(x * x for x in xs)\n    return s\n")


def test_a_patch_of_a_wrong_variant_is_refused(tmp_path):
    _write_variants(tmp_path, {
        "correct/loop": _LOOP,
        "wrong/starts_at_one": "# replaces: total\n# expect-fail: test_total\n# why: s = 1\n"
                               "# patch-of: correct/loop\n# patch:\n#-    s = 0\n#+    s = 1\n",
        "wrong/twice": "# replaces: total\n# expect-fail: test_total\n# why: twice\n"
                       "# patch-of: wrong/starts_at_one\n# patch:\n#-    return s\n"
                       "#+    return 2 * s\n",
    })
    with pytest.raises(ValueError, match=r"twice.py: patch-of 'wrong/starts_at_one': the base "
                                         "must be a correct variant"):
        load_variants(tmp_path, "toy", tmp_path)


def test_a_stale_patch_of_names_its_file_line_and_base(tmp_path):
    _write_variants(tmp_path, {
        "correct/loop": _LOOP,
        "wrong/stale": "# replaces: total\n# expect-fail: test_total\n# why: stale\n"
                       "# patch-of: correct/loop\n# patch:\n#-    total = 0\n#+    total = 1\n",
    })
    with pytest.raises(ValueError, match=r"stale.py:6: this change no longer applies: .* "
                                         r"0 times in correct/loop"):
        load_variants(tmp_path, "toy", tmp_path)


def test_a_patch_of_a_missing_variant_names_the_file(tmp_path):
    _write_variants(tmp_path, {
        "wrong/orphan": "# replaces: total\n# expect-fail: test_total\n# why: no base\n"
                        "# patch-of: correct/loop\n# patch:\n#-    s = 0\n#+    s = 1\n",
    })
    with pytest.raises(ValueError, match=r"orphan.py: patch-of 'correct/loop', but its folder "
                                         "has no such variant"):
        load_variants(tmp_path, "toy", tmp_path)


def test_patch_of_in_a_circle_is_an_error_naming_the_file(tmp_path):
    def patch_of(base):
        return (f"# replaces: total\n# why: circle\n"
                f"# patch-of: {base}\n# patch:\n#-    s = 0\n#+    s = 1\n")

    _write_variants(tmp_path, {"correct/loop": _LOOP, "correct/a": patch_of("correct/b"),
                               "correct/b": patch_of("correct/a")})
    with pytest.raises(ValueError, match=r"correct/b.py: patch-of goes round in a circle: "
                                         "correct/a -> correct/b -> correct/a"):
        load_variants(tmp_path, "toy", tmp_path)


def _toy_notebook(tmp_path) -> SourceNotebook:
    """Given code, two answers and five tests, to see what a variant's run skips."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    def cell(grade_id, source, **meta):
        return new_code_cell(source, metadata={"nbgrader": {"grade_id": grade_id, **meta}})

    nb = new_notebook(cells=[
        cell("setup", "import math\nSEED = 3", locked=True),
        cell("square", "def square(x):\n    return x * x", solution=True),
        cell("halve", "def halve(x):\n    return x / 2", solution=True),
        cell("given", "def area(r):\n    return math.pi * square(r)", locked=True),
        cell("test_square", "_seen = square(3)\nassert _seen == 9", grade=True, points=1),
        cell("test_halve", "for _x in range(SEED):\n    assert halve(2 * _x) == _x",
             grade=True, points=1),
        cell("test_area", "assert abs(area(1) - math.pi) < 1e-12", grade=True, points=1),
        cell("test_seen", "assert _seen == 9", grade=True, points=1),
        cell("test_named", "assert 'halve' in globals()", grade=True, points=1),
    ])
    path = tmp_path / "toy.ipynb"
    nbformat.write(nb, path)
    return SourceNotebook(path)


def test_a_variant_runs_only_the_cells_its_answer_can_reach(tmp_path):
    notebook = _toy_notebook(tmp_path)

    def ids(cells):
        return [c.metadata["nbgrader"]["grade_id"] for c in cells]

    program, tests = notebook.plan({"square": "def square(x):\n    return x ** 2"})
    # test_area reaches square through the given helper; test_seen reads what
    # test_square bound; test_halve and test_named cannot see the change.
    assert ids(tests) == ["test_square", "test_area", "test_seen"]
    assert ids(program) == ["setup", "square", "given"]
    program, tests = notebook.plan({"halve": "def halve(x):\n    return x * 0.5"},
                                   must_run=frozenset({"test_seen"}))
    # A name spelled in a string counts; a test that must fail runs with what it needs.
    assert ids(tests) == ["test_square", "test_halve", "test_seen", "test_named"]
    run = notebook.run({"halve": "def halve(x):\n    return x"})
    assert run.failed == {"test_halve"} and len(run.results) == 2
