"""Waiting for a quiet machine before timing: shared by the bench scripts."""

from __future__ import annotations

import argparse
import os
import time


def add_load_arguments(parser: argparse.ArgumentParser, longest: float) -> None:
    """``--max-load`` and ``--wait``, with `longest` seconds as the default wait."""
    parser.add_argument("--max-load", type=float, default=None,
                        help="wait (up to --wait seconds) until the 1-minute load is below this")
    parser.add_argument("--wait", type=float, default=longest,
                        help="longest wait for a quiet moment")


def load_1min() -> float:
    return os.getloadavg()[0]


def wait_for_quiet(max_load: float | None, longest: float) -> None:
    """Sleep until the 1-minute load is at most `max_load`, or `longest` seconds have passed."""
    if max_load is None:
        return
    deadline = time.monotonic() + longest
    while load_1min() > max_load and time.monotonic() < deadline:
        print(f"  load {load_1min():.2f} > {max_load}: waiting", flush=True)
        time.sleep(15)
