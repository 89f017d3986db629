"""Time one training epoch of hw3's NetworkScratch (NumPy) against NetworkPyTorch.

Both classes are taken from the source notebook's solution cells, executed as the
test harness executes them (tests/notebook_harness.py), so this measures the
reference answers themselves. Each network is a 784-256-128-64-10 MLP trained for one
epoch (``fit`` with ``epochs=1``) on the 60 000 MNIST training images with mini-batches
of 128, with the same number of threads for NumPy's BLAS and for PyTorch.

The machine may be shared: the script reports the 1-minute load average with every
run, can wait for a quiet moment (``--max-load``), alternates the two networks and
keeps the fastest of ``--repeats`` runs of each.

    COURSE_DATA_DIR=/path/to/data python bench/hw3_scratch_vs_pytorch.py --threads 2
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import statistics
import sys
import time
from pathlib import Path

from quiet import add_load_arguments, load_1min, wait_for_quiet

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "source" / "hw3_mnist_three_ways" / "hw3_networks.ipynb"
SIZES = [784, 256, 128, 64, 10]
BATCH_SIZE = 128
LEARNING_RATES = {"NetworkScratch": 2.0, "NetworkPyTorch": 0.5}


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2, help="threads for BLAS and PyTorch")
    parser.add_argument("--repeats", type=int, default=3, help="timed epochs per network")
    add_load_arguments(parser, longest=600.0)
    return parser.parse_args()


def notebook_classes(namespace: dict) -> dict:
    """Execute the setup cell and the two solution cells of the source notebook."""
    import nbformat

    from course_tools.cells import grade_id

    wanted = ("setup", "NetworkScratch", "NetworkPyTorch")
    cells = {}
    for cell in nbformat.read(NOTEBOOK, as_version=4).cells:
        if (name := grade_id(cell)) in wanted:
            cells[name] = cell.source
    missing = set(wanted) - set(cells)
    if missing:
        sys.exit(f"{NOTEBOOK} has no cells {sorted(missing)}")
    for name in wanted:
        with contextlib.redirect_stdout(io.StringIO()):
            exec(compile(cells[name], f"{NOTEBOOK.name}:{name}", "exec"), namespace)  # noqa: S102
    return {name: namespace[name] for name in ("NetworkScratch", "NetworkPyTorch")}


def main() -> None:
    args = parse_args()
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = str(args.threads)  # before NumPy and PyTorch load their libraries
    sys.path.insert(0, str(ROOT))

    import numpy as np
    import torch

    from utils.data import load_mnist, one_hot

    torch.set_num_threads(args.threads)
    namespace: dict = {"__name__": "__main__"}
    classes = notebook_classes(namespace)
    torch.set_num_threads(args.threads)  # the setup cell must not have changed it

    images, labels = load_mnist("train")
    x = images.reshape(len(images), -1).astype(np.float32) / 255.0
    y = one_hot(labels, 10)
    val_images, val_labels = load_mnist("test")
    x_val = val_images[:1000].reshape(1000, -1).astype(np.float32) / 255.0
    y_val = one_hot(val_labels[:1000], 10)

    try:
        from threadpoolctl import threadpool_info

        blas = [f"{p['internal_api']} ({p['num_threads']} threads)" for p in threadpool_info()]
    except ImportError:
        blas = ["threadpoolctl not installed"]
    print(f"{len(x)} images, sizes {SIZES}, batch {BATCH_SIZE}; torch threads "
          f"{torch.get_num_threads()}; thread pools: {', '.join(blas)}")

    times: dict[str, list[tuple[float, float]]] = {name: [] for name in classes}
    for repeat in range(args.repeats):
        order = list(classes) if repeat % 2 == 0 else list(classes)[::-1]
        for name in order:
            wait_for_quiet(args.max_load, args.wait)
            net = classes[name](SIZES, epochs=1, learning_rate=LEARNING_RATES[name],
                                batch_size=BATCH_SIZE, seed=repeat)
            load = load_1min()
            start = time.perf_counter()
            with contextlib.redirect_stdout(io.StringIO()):
                history = net.fit(x, y, x_val, y_val)
            seconds = time.perf_counter() - start
            times[name].append((seconds, load))
            print(f"  run {repeat + 1} {name:15s} {seconds:6.2f} s  (load {load:.2f}, "
                  f"val_accuracy {history['val_accuracy'][-1]:.3f})", flush=True)

    best = {name: min(runs) for name, runs in times.items()}
    for name, runs in times.items():
        seconds = [s for s, _ in runs]
        print(f"{name:15s} min {best[name][0]:.2f} s (load {best[name][1]:.2f}), "
              f"median {statistics.median(seconds):.2f} s over {len(runs)} epochs")
    ratio = best["NetworkScratch"][0] / best["NetworkPyTorch"][0]
    print(f"epoch time ratio scratch / PyTorch (fastest runs): {ratio:.2f}")


if __name__ == "__main__":
    main()
