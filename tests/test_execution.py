"""Where notebooks execute: one execution per run, checked once, passed to nbgrader by config.

Grading on Dask itself is exercised by tests/test_parallel.py and the hostile corpus.
"""

from __future__ import annotations

import copy

import pytest
from traitlets.config import Config

from course_tools.execution import LocalExecution, open_execution
from course_tools.sandbox import Limits, SandboxError
from course_tools.sandboxed_execute import DEFAULT_LIMITS, SandboxedExecute


def _no_cluster(*args, **kwargs):
    raise AssertionError("a Dask cluster was started")


@pytest.mark.parametrize(("workers", "submissions"), [(1, 5), (2, 1), (4, 0)])
def test_one_worker_or_one_submission_executes_here(monkeypatch, workers, submissions):
    monkeypatch.setattr("course_tools.parallel.dask_client", _no_cluster)
    local = LocalExecution(None)
    with open_execution(local, workers, submissions) as execution:
        assert execution is local


def test_more_submissions_than_one_worker_open_a_cluster(monkeypatch):
    opened = []

    def fake_client(workers, scheduler):
        opened.append((workers, scheduler))
        raise RuntimeError("stop here")

    monkeypatch.setattr("course_tools.parallel.dask_client", fake_client)
    with pytest.raises(RuntimeError, match="stop here"), \
            open_execution(LocalExecution(None), 2, 3):
        pass
    assert opened == [(2, None)]


def test_a_bubblewrap_that_cannot_run_fails_where_the_execution_is_made(tmp_path):
    broken = tmp_path / "bwrap"
    broken.write_text("#!/bin/sh\nexit 1\n")
    broken.chmod(0o755)
    with pytest.raises(SandboxError):
        LocalExecution(str(broken))


def test_nbgrader_steps_get_the_runs_execution_itself():
    execution = LocalExecution(None)
    config = Config()
    config.SandboxedExecute.execution = execution
    # traitlets deep-copies configuration values into every configurable it builds.
    assert copy.deepcopy(config).SandboxedExecute.execution is execution
    assert SandboxedExecute(config=config).execution is execution
    assert SandboxedExecute().execution is None


def test_an_unconfigured_step_executes_here_with_its_own_settings(tmp_path):
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    nb = new_notebook(cells=[new_code_cell("print(6 * 7)")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    step = SandboxedExecute(sandbox=False)
    done, _ = step.preprocess(nb, {"metadata": {"path": str(tmp_path)}})
    assert [o.get("text") for o in done.cells[0].outputs] == ["42\n"], nbformat.writes(done)


def test_the_limits_are_declared_once():
    assert SandboxedExecute().limits() == DEFAULT_LIMITS == Limits()
    config = Config()
    config.SandboxedExecute.cell_timeout = 7
    assert SandboxedExecute(config=config).limits().cell_seconds == 7



def test_the_readme_states_the_default_limits(repo_course):
    text = " ".join((repo_course.root / "README.md").read_text().split())
    limits = Limits()
    for stated in (f"{limits.cell_seconds} s per cell",
                   f"{limits.notebook_seconds // 60} minutes per notebook",
                   f"{limits.memory_bytes >> 30} GiB of memory and {limits.processes} processes",
                   f"{limits.disk_bytes >> 30} GiB for each writable folder",
                   f"{limits.output_bytes_per_cell >> 20} MiB of output kept per cell",
                   "one thread for each numerical library" if limits.threads == 1 else "?"):
        assert stated in text, f"README.md's Limits paragraph should say {stated!r}"
