"""ruff is clean on the code and, through nbqa, on the notebooks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import REPO

BIN = Path(sys.executable).parent


def _run(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=300)


def test_ruff_is_clean_on_code():
    done = _run(str(BIN / "ruff"), "check", ".")
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_is_clean_on_notebooks():
    done = _run(str(BIN / "nbqa"), "ruff", "source", "release")
    assert done.returncode == 0, done.stdout + done.stderr
