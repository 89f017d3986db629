"""What the grading sandbox costs per notebook, measured against unsandboxed execution.

Three ways of executing the same notebook, interleaved in one run so that load
on a shared machine hits all of them alike:

- ``plain``: one kernel driven by nbclient in this process, as nbgrader's own
  Execute step does;
- ``unsandboxed``: ``course_tools.runner`` in a subprocess: the student's kernel
  and the trusted kernel, the answers' names bound as proxies before each test
  cell, the guard; no bubblewrap (``course autograde --unsandboxed``);
- ``sandboxed``: the same with each kernel inside bubblewrap with cgroup limits
  (the default).

The sandbox's overhead is ``sandboxed - unsandboxed``; that of the second kernel,
the proxies and the guard is ``unsandboxed - plain``. The notebook is a small one
by default (a setup cell, an answer and its test, as nbgrader marks them: the fixed
cost is what matters) or any notebook with ``--notebook``; the median of
``--repeats`` runs of each is reported with the 1-minute load average. Every way runs
its kernels with the grading's thread settings (one thread per library). The last line
is the fixed cost per notebook, ``sandboxed - plain``.

    python bench/sandbox_overhead.py --repeats 5
    COURSE_DATA_DIR=../shared/data python bench/sandbox_overhead.py \\
        --notebook build/demo/submitted/sample-reference/hw1_foundations/hw1_foundations.ipynb
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_notebook

from course_tools.sandbox import Limits, find_bwrap, run_notebook, thread_settings

SMALL = [  # (code, nbgrader metadata): a setup cell, an answer, its test
    ("import numpy as np\nfrom utils.testing import assert_close",
     {"grade_id": "setup", "grade": False, "solution": False, "locked": True}),
    ("def sigmoid(x):\n    return 1 / (1 + np.exp(-x))",
     {"grade_id": "sigmoid", "grade": False, "solution": True, "locked": False}),
    ("assert_close(sigmoid(np.zeros(3)), np.full(3, 0.5))",
     {"grade_id": "test_sigmoid", "grade": True, "solution": False, "locked": True,
      "points": 1}),
]


def small_notebook():
    nb = new_notebook(cells=[new_code_cell(code, metadata={"nbgrader": {
        **meta, "schema_version": 3}}) for code, meta in SMALL])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    return nb


def run_plain(nb, folder: Path) -> None:
    # The same thread settings as the grading kernels, so that only the way differs.
    env = {**os.environ, **thread_settings(Limits().threads)}
    NotebookClient(nb, timeout=600, allow_errors=True, kernel_name="python3",
                   resources={"metadata": {"path": str(folder)}}).execute(env=env)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notebook", type=Path, help="notebook to execute (default: a small one)")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    bwrap = find_bwrap()
    if bwrap is None:
        raise SystemExit("bubblewrap is not installed (apt install bubblewrap)")
    nb = nbformat.read(args.notebook, as_version=4) if args.notebook else small_notebook()
    os.environ.setdefault("NBGRADER_EXECUTION", "autograde")
    text = nbformat.writes(nb)
    times: dict[str, list[float]] = {"plain": [], "unsandboxed": [], "sandboxed": []}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ways = {
            "plain": lambda: run_plain(nbformat.reads(text, as_version=4), folder),
            "unsandboxed": lambda: run_notebook(text, folder, Limits(), None),
            "sandboxed": lambda: run_notebook(text, folder, Limits(), bwrap),
        }
        for repeat in range(args.repeats):
            for name, way in ways.items():
                started = time.perf_counter()
                result = way()
                times[name].append(time.perf_counter() - started)
                if result is not None and (result.stopped or result.failure):
                    raise SystemExit(f"{name}: the run did not grade: "
                                     f"{result.stopped or result.failure}")
            print(f"run {repeat + 1}: " + ", ".join(f"{n} {t[-1]:.2f} s" for n, t in times.items())
                  + f" (load {os.getloadavg()[0]:.2f})")
    median = {name: statistics.median(t) for name, t in times.items()}
    print("\nmedian seconds per notebook: "
          + ", ".join(f"{name} {value:.2f}" for name, value in median.items()))
    print(f"sandbox overhead (sandboxed - unsandboxed): "
          f"{median['sandboxed'] - median['unsandboxed']:+.2f} s")
    print(f"second kernel, proxies, guard and runner (unsandboxed - plain): "
          f"{median['unsandboxed'] - median['plain']:+.2f} s")
    print(f"fixed cost per notebook: {median['sandboxed'] - median['plain']:.2f} s")


if __name__ == "__main__":
    main()
