"""pyproject.toml and environment.yml pin the same versions."""

from __future__ import annotations

import re
import tomllib

import yaml
from conftest import REPO

PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s;]+)$")


def _pins(requirements: list[str]) -> dict[str, str]:
    pins = {}
    for requirement in requirements:
        match = PIN.match(requirement.strip())
        assert match, f"{requirement!r} is not an exact pin (name==version)"
        pins[match[1].lower().replace("_", "-")] = match[2]
    return pins


def test_pyproject_and_environment_yml_agree():
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    wanted = _pins(project["dependencies"] + project["optional-dependencies"]["dev"])
    env = yaml.safe_load((REPO / "environment.yml").read_text())
    python = [d for d in env["dependencies"] if isinstance(d, str) and d.startswith("python=")]
    assert python == ["python=3.11"], "environment.yml must ask for Python 3.11"
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert "-e ." in pip_section, "environment.yml must install the course itself (-e .)"
    conda = _pins([r for r in pip_section if r != "-e ."])
    assert conda == wanted, (
        f"only in pyproject: {sorted(set(wanted.items()) - set(conda.items()))}; "
        f"only in environment.yml: {sorted(set(conda.items()) - set(wanted.items()))}"
    )


def test_grading_stack_is_pinned_as_the_course_requires():
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    pins = _pins(project["dependencies"])
    assert pins["torch"] == "2.13.0"
    assert pins["tensorflow"].startswith("2.21.")
    assert pins["keras"].startswith("3.")
    assert pins["nbgrader"] == "0.9.6"
    assert pins["jupyterlab"].startswith("4.")
    for name in ("numpy", "matplotlib", "scipy", "pooch", "tqdm", "pytest"):
        assert name in pins, f"{name} must be pinned"
