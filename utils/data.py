"""Load MNIST and Fashion-MNIST from verified local files, or download them into a cache.

Each file ``<base>.gz`` is looked up, in order, in the caller's ``data_dir``, in the folder
named by ``$COURSE_DATA_DIR``, in the dataset's system folder (Debian's
``dataset-fashion-mnist`` package) and in the per-user cache. A file is used only if the
MD5 of its *decompressed* content matches the pinned checksum (Debian recompresses the
``.gz`` files, so the compressed bytes may differ while the content does not). When no
verified copy exists the file is downloaded from the dataset's mirrors into the cache;
a corrupt file never stays in the cache.
"""

from __future__ import annotations

import gzip
import hashlib
import logging
import numbers
import os
import shutil
import sys
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pooch

from utils.idx import IDXError, read_idx
from utils.synthetic import (
    linear_regression_data,
    noisy_function_data,
    true_function,
    two_class_2d,
)

__all__ = [
    "CACHE_ENV_VAR",
    "DATASETS",
    "DATA_ENV_VAR",
    "DEBIAN_FASHION_MNIST_DIR",
    "FASHION_MNIST_CLASSES",
    "MNIST_CLASSES",
    "DataError",
    "DatasetInfo",
    "class_names",
    "dataset_report",
    "default_cache_dir",
    "linear_regression_data",
    "load_dataset",
    "load_fashion_mnist",
    "load_mnist",
    "locate",
    "noisy_function_data",
    "one_hot",
    "train_validation_split",
    "true_function",
    "two_class_2d",
]

DATA_ENV_VAR = "COURSE_DATA_DIR"
CACHE_ENV_VAR = "COURSE_CACHE_DIR"
DEBIAN_FASHION_MNIST_DIR = Path("/usr/share/datasets/fashion-mnist")

_CHUNK = 1 << 20
_DOWNLOAD_TIMEOUT_S = 60


class DataError(RuntimeError):
    """Raised when a data set file cannot be found, verified, downloaded or read."""


@dataclass(frozen=True)
class DatasetInfo:
    """Where to find one data set and how to verify its files.

    ``files`` maps each base file name (without ``.gz``) to the MD5 of its decompressed
    content. Files are stored as ``<base>.gz`` in ``folder`` and on every mirror.
    """

    name: str
    folder: str
    files: dict[str, str]
    mirrors: tuple[str, ...]
    system_dirs: tuple[Path, ...] = ()


DATASETS: dict[str, DatasetInfo] = {
    "mnist": DatasetInfo(
        name="MNIST",
        folder="mnist",
        files={
            "train-images-idx3-ubyte": "6bbc9ace898e44ae57da46a324031adb",
            "train-labels-idx1-ubyte": "a25bea736e30d166cdddb491f175f624",
            "t10k-images-idx3-ubyte": "2646ac647ad5339dbf082846283269ea",
            "t10k-labels-idx1-ubyte": "27ae3e4e09519cfbb04c329615203637",
        },
        mirrors=(
            "https://ossci-datasets.s3.amazonaws.com/mnist/",
            "https://storage.googleapis.com/cvdf-datasets/mnist/",
        ),
    ),
    "fashion-mnist": DatasetInfo(
        name="Fashion-MNIST",
        folder="fashion-mnist",
        files={
            "train-images-idx3-ubyte": "f4a8712d7a061bf5bd6d2ca38dc4d50a",
            "train-labels-idx1-ubyte": "9018921c3c673c538a1fc5bad174d6f9",
            "t10k-images-idx3-ubyte": "8181f5470baa50b63fa0f6fddb340f0a",
            "t10k-labels-idx1-ubyte": "15d484375f8d13e6eb1aabb0c3f46965",
        },
        mirrors=("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",),
        system_dirs=(DEBIAN_FASHION_MNIST_DIR,),
    ),
}

MNIST_CLASSES: tuple[str, ...] = tuple(str(d) for d in range(10))
FASHION_MNIST_CLASSES: tuple[str, ...] = (
    "T-shirt/top",
    "Trouser",
    "Pullover",
    "Dress",
    "Coat",
    "Sandal",
    "Shirt",
    "Sneaker",
    "Bag",
    "Ankle boot",
)
_CLASS_NAMES = {"mnist": MNIST_CLASSES, "fashion-mnist": FASHION_MNIST_CLASSES}
_SPLITS = {"train": "train", "test": "t10k"}

# (path, size, mtime_ns, inode) -> MD5 of the decompressed content, so that loading the
# same file again in one process does not decompress and hash it again.
_md5_memo: dict[tuple[str, int, int, int], str] = {}


# --------------------------------------------------------------------------- lookup


def default_cache_dir() -> Path:
    """The download cache: ``$COURSE_CACHE_DIR`` if set, else the per-user OS cache."""
    env = os.environ.get(CACHE_ENV_VAR)
    if env:
        return Path(env).expanduser()
    return Path(pooch.os_cache("dl-fundamentals-course"))


def _normalise(name: str) -> str:
    return str(name).strip().lower().replace("_", "-")


def _dataset_info(dataset: str) -> tuple[str, DatasetInfo]:
    key = _normalise(dataset)
    if key not in DATASETS:
        raise ValueError(
            f"Unknown dataset {dataset!r}; choose one of {', '.join(map(repr, DATASETS))}."
        )
    return key, DATASETS[key]


def _stat_key(path: Path) -> tuple[str, int, int, int]:
    st = path.stat()
    return (os.path.abspath(path), st.st_size, st.st_mtime_ns, st.st_ino)


def _content_md5(path: Path) -> str:
    """MD5 of the gzip-decompressed content of ``path``, streamed in chunks and memoised."""
    key = _stat_key(path)
    if key in _md5_memo:
        return _md5_memo[key]
    digest = hashlib.md5(usedforsecurity=False)
    with gzip.open(path, "rb") as f:
        while chunk := f.read(_CHUNK):
            digest.update(chunk)
    _md5_memo[key] = digest.hexdigest()
    return _md5_memo[key]


def _forget(path: Path) -> None:
    absolute = os.path.abspath(path)
    for key in [k for k in _md5_memo if k[0] == absolute]:
        del _md5_memo[key]


def _verify(path: Path, expected_md5: str) -> tuple[str | None, bool]:
    """Check ``path``: ``(None, False)`` if it holds the expected content, else
    ``(reason, corrupt)`` where ``corrupt`` means the file exists but has bad content."""
    if not path.is_file():
        missing = "missing" if path.parent.is_dir() else "missing (the folder does not exist)"
        return missing, False
    try:
        got = _content_md5(path)
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        return f"not a valid gzip file, probably truncated or damaged ({exc})", True
    except OSError as exc:
        return f"could not be read ({exc})", False
    if got != expected_md5:
        return f"checksum mismatch (expected MD5 {expected_md5}, got {got})", True
    return None, False


def _candidates(
    info: DatasetInfo, fname: str, data_dir: str | os.PathLike[str] | None, cache: Path
) -> list[tuple[Path | None, str]]:
    """The files to try, in order, with their origin labels (path None: variable not set)."""
    found: list[tuple[Path | None, str]] = []

    def both(folder: Path, origin: str) -> None:
        # Accept both the parent folder (.../data) and the data set folder (.../data/mnist).
        found.append((folder / info.folder / fname, origin))
        found.append((folder / fname, origin))

    if data_dir is not None:
        both(Path(data_dir).expanduser(), "data_dir")
    env = os.environ.get(DATA_ENV_VAR)
    if env:
        both(Path(env).expanduser(), f"${DATA_ENV_VAR}")
    else:
        found.append((None, f"${DATA_ENV_VAR}"))
    for folder in info.system_dirs:
        found.append((Path(folder) / fname, "system"))
    both(cache, "cache")

    unique: list[tuple[Path | None, str]] = []
    seen: set[str] = set()
    for path, origin in found:  # drop repeats, e.g. data_dir equal to $COURSE_DATA_DIR
        if path is not None:
            if os.path.abspath(path) in seen:
                continue
            seen.add(os.path.abspath(path))
        unique.append((path, origin))
    return unique


def _fetch(url: str, fname: str, folder: Path) -> Path:
    """Download ``url`` to ``folder/fname`` with pooch and return the path."""
    print(f"Downloading {url}", file=sys.stderr, flush=True)
    downloader = pooch.HTTPDownloader(
        progressbar=True, chunk_size=64 * 1024, timeout=_DOWNLOAD_TIMEOUT_S
    )
    # With known_hash=None pooch logs the SHA256 and advises pinning it; we verify the
    # decompressed MD5 ourselves, so that advice would only confuse students.
    logger = pooch.get_logger()
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        return Path(
            pooch.retrieve(url, known_hash=None, fname=fname, path=folder, downloader=downloader)
        )
    finally:
        logger.setLevel(level)


def _download(
    info: DatasetInfo, fname: str, expected_md5: str, cache: Path, tried: list[str]
) -> Path | None:
    """Try each mirror; move the first verified download into the cache and return it."""
    target_dir = cache / info.folder
    target = target_dir / fname
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        tried.append(f"{target_dir} (cache): could not create the cache folder ({exc})")
        return None
    for mirror in info.mirrors:
        url = mirror.rstrip("/") + "/" + fname
        # A private temporary folder inside the cache: same file system, so os.replace is
        # atomic, and removing the folder removes any partial download.
        tmp = Path(tempfile.mkdtemp(prefix=f".{fname}.", suffix=".download", dir=target_dir))
        try:
            try:
                downloaded = _fetch(url, fname, tmp)
            except Exception as exc:  # pooch/requests raise many types; record them all
                tried.append(f"{url} (download): download failed: {type(exc).__name__}: {exc}")
                continue
            reason, _ = _verify(downloaded, expected_md5)
            if reason is not None:
                tried.append(f"{url} (download): downloaded file rejected: {reason}")
                continue
            os.replace(downloaded, target)
            _forget(target)
            _md5_memo[_stat_key(target)] = expected_md5
            return target
        finally:
            _forget(tmp / fname)
            shutil.rmtree(tmp, ignore_errors=True)
    try:
        target_dir.rmdir()  # only succeeds if empty: leave no empty folder behind
    except OSError:
        pass
    return None


def _failure_message(
    info: DatasetInfo, fname: str, tried: list[str], cache: Path, download: bool
) -> str:
    lines = [
        f"Could not load {fname} of {info.name}: no copy with the expected content was found.",
        "Places tried, in order:",
        *(f"  - {entry}" for entry in tried),
        "What to do:",
        f"  - Set the environment variable {DATA_ENV_VAR} to a folder holding the "
        f"{info.name} files (the folder itself, or its parent with a '{info.folder}' "
        "subfolder), then rerun.",
    ]
    if DEBIAN_FASHION_MNIST_DIR in info.system_dirs:
        lines.append(
            "  - On Debian or Ubuntu, install the data set system-wide: "
            f"sudo apt install dataset-fashion-mnist (it fills {DEBIAN_FASHION_MNIST_DIR})."
        )
    if download:
        lines.append("  - Or check your network connection and rerun to download the file.")
    else:
        lines.append("  - Or rerun with download=True to download the file (it was switched off).")
    lines.append(
        f"  The download cache is {cache / info.folder} (change it with ${CACHE_ENV_VAR})."
    )
    return "\n".join(lines)


def locate(
    dataset: str,
    base: str,
    data_dir: str | os.PathLike[str] | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
    download: bool = True,
) -> tuple[Path, str]:
    """Find (or download) a verified copy of ``<base>.gz`` and return ``(path, origin)``.

    ``origin`` is one of "data_dir", "$COURSE_DATA_DIR", "system", "cache" or "downloaded".
    Raises DataError, listing every place tried and what to do, if there is none.
    """
    _, info = _dataset_info(dataset)
    if base not in info.files:
        raise ValueError(
            f"{info.name} has no file {base!r}; choose one of {', '.join(map(repr, info.files))}."
        )
    expected = info.files[base]
    fname = f"{base}.gz"
    cache = Path(cache_dir).expanduser() if cache_dir is not None else default_cache_dir()

    tried: list[str] = []
    for path, origin in _candidates(info, fname, data_dir, cache):
        if path is None:
            tried.append(f"{origin}: not set")
            continue
        reason, corrupt = _verify(path, expected)
        if reason is None:
            return path, origin
        tried.append(f"{path} ({origin}): {reason}")
        if origin == "cache" and corrupt:
            # Never keep a corrupt file in the cache: delete it, then download again below.
            try:
                path.unlink()
                _forget(path)
                tried[-1] += "; deleted it"
            except OSError as exc:
                tried[-1] += f"; could not delete it ({exc})"

    if download:
        target = _download(info, fname, expected, cache, tried)
        if target is not None:
            return target, "downloaded"
    else:
        tried.append("download: switched off (download=False)")
    raise DataError(_failure_message(info, fname, tried, cache, download))


# --------------------------------------------------------------------------- loading


def _read(path: Path) -> np.ndarray:
    try:
        return read_idx(path)
    except IDXError as exc:
        raise DataError(f"{exc}\nDelete {path} and rerun to fetch it again.") from exc


def load_dataset(
    name: str,
    split: str = "train",
    data_dir: str | os.PathLike[str] | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
    download: bool = True,
) -> tuple[np.ndarray, np.ndarray]:
    """Load ``(images, labels)`` of data set ``name`` ("mnist" or "fashion-mnist").

    ``split`` is "train" or "test". Images are uint8 of shape (n, 28, 28), labels uint8 of
    shape (n,). See ``locate`` for where files are looked up.
    """
    key, _ = _dataset_info(name)
    if split not in _SPLITS:
        raise ValueError(f"Unknown split {split!r}; choose one of {', '.join(map(repr, _SPLITS))}.")
    prefix = _SPLITS[split]
    kwargs = {"data_dir": data_dir, "cache_dir": cache_dir, "download": download}
    images_path, _ = locate(key, f"{prefix}-images-idx3-ubyte", **kwargs)
    labels_path, _ = locate(key, f"{prefix}-labels-idx1-ubyte", **kwargs)
    images = _read(images_path)
    labels = _read(labels_path)
    if images.ndim != 3 or labels.ndim != 1:
        raise DataError(
            f"{images_path} has shape {images.shape} and {labels_path} has shape "
            f"{labels.shape}; expected images (n, height, width) and labels (n,)."
        )
    if len(images) != len(labels):
        raise DataError(
            f"{images_path} holds {len(images)} images but {labels_path} holds "
            f"{len(labels)} labels; the files do not belong together. "
            f"Check the files in {images_path.parent}."
        )
    return images, labels


def load_mnist(
    split: str = "train",
    data_dir: str | os.PathLike[str] | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
    download: bool = True,
) -> tuple[np.ndarray, np.ndarray]:
    """Load MNIST ``(images, labels)``: uint8 (n, 28, 28) and uint8 (n,), split "train"/"test"."""
    return load_dataset("mnist", split, data_dir=data_dir, cache_dir=cache_dir, download=download)


def load_fashion_mnist(
    split: str = "train",
    data_dir: str | os.PathLike[str] | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
    download: bool = True,
) -> tuple[np.ndarray, np.ndarray]:
    """Load Fashion-MNIST ``(images, labels)`` like ``load_mnist``."""
    return load_dataset(
        "fashion-mnist", split, data_dir=data_dir, cache_dir=cache_dir, download=download
    )


def class_names(dataset: str) -> list[str]:
    """The class names of ``dataset``, indexed by label."""
    key = _normalise(dataset)
    if key not in _CLASS_NAMES:
        raise ValueError(
            f"Unknown dataset {dataset!r}; choose one of {', '.join(map(repr, _CLASS_NAMES))}."
        )
    return list(_CLASS_NAMES[key])


def dataset_report(
    data_dir: str | os.PathLike[str] | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
    download: bool = True,
) -> list[dict]:
    """Locate every file of every data set; one dict per file, never raising.

    Each dict has keys ``dataset``, ``file``, ``path`` and ``origin``; when a file could
    not be located ``path`` and ``origin`` are None and ``error`` holds the message.
    """
    rows: list[dict] = []
    for key, info in DATASETS.items():
        for base in info.files:
            row: dict = {"dataset": key, "file": f"{base}.gz"}
            try:
                path, origin = locate(
                    key, base, data_dir=data_dir, cache_dir=cache_dir, download=download
                )
                row.update(path=str(path), origin=origin)
            except (DataError, OSError) as exc:
                row.update(path=None, origin=None, error=str(exc))
            rows.append(row)
    return rows


# --------------------------------------------------------------------------- helpers


def _is_int(value: object) -> bool:
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def train_validation_split(
    x: np.ndarray, y: np.ndarray, validation_size: int | float, seed: int = 0
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Randomly split ``(x, y)`` into ``(x_train, y_train, x_val, y_val)``.

    ``validation_size`` is a number of examples (int) or a fraction in (0, 1) (float).
    The same ``seed`` always gives the same split.
    """
    x = np.asarray(x)
    y = np.asarray(y)
    if x.ndim == 0 or y.ndim == 0 or len(x) != len(y):
        raise ValueError(
            f"x and y must hold the same number of examples along axis 0; got shapes "
            f"{x.shape} and {y.shape}."
        )
    n = len(x)
    if n < 2:
        raise ValueError(f"Need at least 2 examples to split, got {n}.")
    if _is_int(validation_size):
        n_val = int(validation_size)
        if not 1 <= n_val <= n - 1:
            raise ValueError(
                f"validation_size={n_val} must be between 1 and {n - 1} for {n} examples."
            )
    elif isinstance(validation_size, numbers.Real) and not isinstance(validation_size, bool):
        fraction = float(validation_size)
        if not 0.0 < fraction < 1.0:
            raise ValueError(
                f"validation_size={validation_size} as a fraction must be strictly between "
                "0 and 1; pass an int for a number of examples."
            )
        n_val = round(fraction * n)
        if not 1 <= n_val <= n - 1:
            raise ValueError(
                f"validation_size={validation_size} of {n} examples gives {n_val} validation "
                "examples; choose a fraction that leaves at least one example on each side."
            )
    else:
        raise ValueError(
            "validation_size must be an int (number of examples) or a float in (0, 1), "
            f"got {validation_size!r}."
        )
    order = np.random.default_rng(seed).permutation(n)
    val, train = order[:n_val], order[n_val:]
    return x[train], y[train], x[val], y[val]


def one_hot(labels: np.ndarray, n_classes: int | None = None) -> np.ndarray:
    """Encode integer labels as a float32 array of shape (n, n_classes) of zeros and ones.

    ``n_classes`` defaults to ``labels.max() + 1``.
    """
    labels = np.asarray(labels)
    if labels.ndim != 1:
        raise ValueError(f"labels must be a 1-D array, got shape {labels.shape}.")
    if labels.dtype.kind not in "iu":
        raise ValueError(
            f"labels must be integers, got dtype {labels.dtype}; if they are whole numbers, "
            "convert them with labels.astype(int)."
        )
    if n_classes is None:
        n_classes = int(labels.max()) + 1 if labels.size else 0
    elif not _is_int(n_classes) or n_classes < 1:
        raise ValueError(f"n_classes must be a positive integer, got {n_classes!r}.")
    n_classes = int(n_classes)
    if labels.size and (labels.min() < 0 or labels.max() >= n_classes):
        raise ValueError(
            f"labels must lie in 0..{n_classes - 1} for n_classes={n_classes}; found values "
            f"from {labels.min()} to {labels.max()}."
        )
    encoded = np.zeros((labels.size, n_classes), dtype=np.float32)
    encoded[np.arange(labels.size), labels] = 1.0
    return encoded
