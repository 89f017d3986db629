"""The `course` command's own behaviour: data, grades, errors."""

from __future__ import annotations

import csv
import dataclasses
import shutil

import pytest

from course_tools.autograde import check_grading_pipeline
from course_tools.cli import main
from course_tools.course import CONFIG_FILE
from course_tools.demo import build_sample_class
from course_tools.samples import MALFORMED, REFERENCE, UNTOUCHED
from utils import data


def test_course_data_reports_where_each_file_was_found(capsys, monkeypatch, tmp_path):
    if not data.dataset_report(download=False) or not all(
        "error" not in row for row in data.dataset_report(download=False)
    ):
        pytest.skip("COURSE_DATA_DIR does not point at the eight data files")
    monkeypatch.setenv("COURSE_CACHE_DIR", str(tmp_path / "cache"))
    assert main(["data", "--no-download"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 8 and all(line.strip().startswith("ok") for line in lines)
    assert sum("mnist/" in line for line in lines) == 8


def test_course_data_says_what_is_missing(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("COURSE_DATA_DIR", str(tmp_path / "empty"))
    monkeypatch.setenv("COURSE_CACHE_DIR", str(tmp_path / "cache"))
    for name, info in list(data.DATASETS.items()):
        monkeypatch.setitem(data.DATASETS, name, dataclasses.replace(info, system_dirs=()))
    assert main(["data", "--no-download"]) == 1
    out = capsys.readouterr().out
    assert out.count("MISSING") == 8 and "COURSE_DATA_DIR" in out


def test_course_grades_writes_csv_and_table(demo_course, capsys):
    target = demo_course.root / "grades-test.csv"
    assert main(["--root", str(demo_course.root), "grades", "--csv", str(target)]) == 0
    table = capsys.readouterr().out
    assert REFERENCE in table and "rejected" in table
    rows = list(csv.DictReader(target.open()))
    by_student = {(r["student"], r["assignment"]): r for r in rows}
    reference = by_student[(REFERENCE, "hw1_foundations")]
    assert float(reference["auto_score"]) == float(reference["auto_max"]) > 0
    assert float(by_student[(UNTOUCHED, "hw1_foundations")]["auto_score"]) == 0
    malformed = by_student[(MALFORMED, "hw1_foundations")]
    assert malformed["status"] == "rejected" and "JSON" in malformed["reason"]


def test_unknown_assignment_is_a_clear_error(repo_course, capsys):
    assert main(["--root", str(repo_course.root), "autograde", "hw9_nothing"]) == 2
    assert "unknown assignment 'hw9_nothing'" in capsys.readouterr().err


def test_autograde_refuses_to_grade_without_bubblewrap(repo_course, capsys, monkeypatch):
    import course_tools.sandbox

    monkeypatch.setattr(course_tools.sandbox, "find_bwrap", lambda choice="auto": None)
    assert main(["--root", str(repo_course.root), "autograde", "hw1_foundations"]) == 2
    err = capsys.readouterr().err
    assert "refusing to autograde without a sandbox" in err
    assert "apt-get install bubblewrap" in err and "--unsandboxed" in err


# Ways a configuration can leave nbgrader grading without the sandbox, and what the error says.
SANDBOXED = "course_tools.sandboxed_execute.SandboxedExecute"
_STEPS = "c.Autograde.autograde_preprocessors"
UNSAFE_CONFIGS = {
    "course_tools not importable": (
        lambda text: "import course_tools_not_installed\n" + text,
        "could not be loaded (ModuleNotFoundError"),
    "no configuration file": (lambda text: None, "Execute, outside the sandbox"),
    "nbgrader's stock execution": (
        lambda text: text + f'{_STEPS} = ["nbgrader.preprocessors.Execute", '
                            f'*[p for p in {_STEPS} if p != "{SANDBOXED}"]]\n',
        "Execute, outside the sandbox"),
    "stock execution as well": (
        lambda text: text + f'{_STEPS}.insert(0, "nbgrader.preprocessors.Execute")\n',
        "Execute, outside the sandbox"),
    "no execution step": (
        lambda text: text + f'{_STEPS} = [p for p in {_STEPS} if p != "{SANDBOXED}"]\n',
        "no enabled SandboxedExecute"),
    "execution step disabled": (
        lambda text: text + "c.SandboxedExecute.enabled = False\n",
        "no enabled SandboxedExecute"),
    "executed after the grades are saved": (
        lambda text: text + f'{_STEPS} = [p for p in {_STEPS} if p != "{SANDBOXED}"] '
                            f'+ ["{SANDBOXED}"]\n',
        "SaveAutoGrades after SandboxedExecute"),
    "sandbox switched off": (
        lambda text: text + "c.SandboxedExecute.sandbox = False\n",
        "sets c.SandboxedExecute.sandbox = False"),
    "a step nbgrader cannot import": (
        lambda text: text + f'{_STEPS}.append("course_tools.no_such_step")\n',
        "cannot import the preprocessor 'course_tools.no_such_step'"),
}


@pytest.fixture(scope="module")
def released(repo_course, tmp_path_factory):
    """hw1 released with the sample class submitted, nothing graded yet."""
    return build_sample_class(repo_course, tmp_path_factory.mktemp("cli") / "course",
                              ["hw1_foundations"])


def _contents(root) -> dict:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()}


@pytest.mark.parametrize("case", UNSAFE_CONFIGS)
def test_autograde_stops_before_any_submission_when_the_configuration_is_unsafe(
        case, released, tmp_path, capsys):
    root = tmp_path / "course"
    shutil.copytree(released.root, root)
    change, message = UNSAFE_CONFIGS[case]
    config = change((root / CONFIG_FILE).read_text())
    if config is None:
        (root / CONFIG_FILE).unlink()
    else:
        (root / CONFIG_FILE).write_text(config)
    before = _contents(root)
    assert main(["--root", str(root), "autograde", "hw1_foundations"]) == 2
    err = capsys.readouterr().err
    assert message in err, err
    assert "refusing to autograde" in err or "without the sandbox" in err, err
    assert "Traceback" not in err
    assert _contents(root) == before  # no submission graded, no report, not even a lock file


def test_the_course_configuration_passes_the_check(repo_course):
    from course_tools.sandboxed_execute import SandboxedExecute

    step = check_grading_pipeline(repo_course.nbgrader_config())
    assert type(step) is SandboxedExecute and step.sandbox
