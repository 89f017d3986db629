"""Tests for utils.data: lookup order, verification, downloads and helpers.

Downloads are served by a local http.server on 127.0.0.1; nothing here uses the network.
"""

import dataclasses
import gzip
import hashlib
import http.server
import os
import socket
import struct
import threading
from pathlib import Path

import numpy as np
import pytest

from utils import data
from utils.data import DATA_ENV_VAR, DataError, DatasetInfo, locate

REAL_DATA_DIR = Path("/work/shared/data")
BASE = "train-images-idx3-ubyte"
FNAME = BASE + ".gz"


# --------------------------------------------------------------------------- fixtures


def idx_bytes(array: np.ndarray) -> bytes:
    """uint8 IDX encoding, written independently of utils.idx."""
    header = bytes([0, 0, 0x08, array.ndim]) + struct.pack(f">{array.ndim}I", *array.shape)
    return header + array.astype(np.uint8).tobytes()


def make_split(n: int, seed: int) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    return {
        "images": rng.integers(0, 256, size=(n, 4, 4), dtype=np.uint8),
        "labels": rng.integers(0, 10, size=n, dtype=np.uint8),
    }


FAKE = {"train": make_split(6, 1), "t10k": make_split(3, 2)}
RAW = {
    f"{split}-{kind}-idx{3 if kind == 'images' else 1}-ubyte": idx_bytes(arrays[kind])
    for split, arrays in FAKE.items()
    for kind in ("images", "labels")
}
GOOD_GZ = {base: gzip.compress(raw) for base, raw in RAW.items()}
# Valid gzip, valid IDX, but not the pinned content.
WRONG_GZ = gzip.compress(idx_bytes(np.full((6, 4, 4), 7, dtype=np.uint8)))


@pytest.fixture(autouse=True)
def clean_env(monkeypatch, tmp_path):
    """No data/cache variables or proxies from the outside, a fresh checksum memo."""
    for var in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.delenv(DATA_ENV_VAR, raising=False)
    monkeypatch.setenv(data.CACHE_ENV_VAR, str(tmp_path / "cache"))
    data._md5_memo.clear()
    yield
    data._md5_memo.clear()


@pytest.fixture
def system_dir(tmp_path):
    return tmp_path / "system"


@pytest.fixture
def fake(monkeypatch, system_dir):
    """Register a small 'fake' data set whose MD5s the test computed itself."""
    info = DatasetInfo(
        name="Fake",
        folder="fake",
        files={base: hashlib.md5(raw).hexdigest() for base, raw in RAW.items()},
        mirrors=("http://127.0.0.1:9/unused/",),
        system_dirs=(system_dir,),
    )
    monkeypatch.setitem(data.DATASETS, "fake", info)
    return info


def put(folder: Path, content: bytes, fname: str = FNAME) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / fname).write_bytes(content)
    return folder / fname


def files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


class Server:
    """A local HTTP server serving ``routes``.

    A route maps a path to the body (bytes), an HTTP error status (int) or
    ``(body, claimed_length)`` to cut the transfer short.
    """

    def __init__(self, routes: dict[str, bytes | int | tuple[bytes, int]]):
        self.routes = routes
        self.requests: list[str] = []
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's naming)
                outer.requests.append(self.path)
                body = outer.routes.get(self.path, 404)
                if isinstance(body, int):
                    self.send_error(body)
                    return
                body, length = body if isinstance(body, tuple) else (body, len(body))
                self.send_response(200)
                self.send_header("Content-Length", str(length))
                self.end_headers()
                self.wfile.write(body)
                self.close_connection = True

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


@pytest.fixture
def serve(request):
    """Factory: ``serve({"/m/file.gz": bytes})`` -> running Server, shut down afterwards."""

    def start(routes):
        server = Server(routes)
        request.addfinalizer(server.close)
        return server

    return start


@pytest.fixture
def dead_url():
    """A URL on a port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/m/"


def with_mirrors(monkeypatch, info: DatasetInfo, *mirrors: str) -> None:
    monkeypatch.setitem(
        data.DATASETS,
        "fake",
        DatasetInfo(info.name, info.folder, info.files, tuple(mirrors), info.system_dirs),
    )


# --------------------------------------------------------------------------- real data


@pytest.mark.skipif(
    not REAL_DATA_DIR.is_dir(), reason=f"real data sets not available at {REAL_DATA_DIR}"
)
@pytest.mark.parametrize("loader", [data.load_mnist, data.load_fashion_mnist])
def test_real_data_via_env(monkeypatch, tmp_path, loader):
    monkeypatch.setenv(DATA_ENV_VAR, str(REAL_DATA_DIR))
    images, labels = loader("test", download=False)
    assert images.shape == (10_000, 28, 28) and images.dtype == np.uint8
    assert labels.shape == (10_000,) and labels.dtype == np.uint8
    assert set(np.unique(labels)) == set(range(10))
    assert images.max() > 200
    assert not (tmp_path / "cache").exists()


@pytest.mark.skipif(
    not REAL_DATA_DIR.is_dir(), reason=f"real data sets not available at {REAL_DATA_DIR}"
)
def test_real_data_report(monkeypatch):
    monkeypatch.setenv(DATA_ENV_VAR, str(REAL_DATA_DIR))
    rows = data.dataset_report(download=False)
    assert len(rows) == 8
    for row in rows:
        assert "error" not in row, row.get("error")
        assert row["origin"] == "$COURSE_DATA_DIR"
        assert row["path"] == str(REAL_DATA_DIR / row["dataset"] / row["file"])


@pytest.mark.skipif(
    not REAL_DATA_DIR.is_dir(), reason=f"real data sets not available at {REAL_DATA_DIR}"
)
def test_real_mnist_train_split():
    images, labels = data.load_mnist("train", data_dir=REAL_DATA_DIR, download=False)
    assert images.shape == (60_000, 28, 28) and labels.shape == (60_000,)
    assert labels.min() == 0 and labels.max() == 9


# --------------------------------------------------------------------------- lookup


@pytest.mark.parametrize("layout", ["parent", "dataset-folder"])
def test_load_fake_from_data_dir(tmp_path, fake, layout):
    root = tmp_path / "mine"
    folder = root / "fake" if layout == "parent" else root
    for base, content in GOOD_GZ.items():
        put(folder, content, base + ".gz")
    for split, prefix in (("train", "train"), ("test", "t10k")):
        images, labels = data.load_dataset("fake", split, data_dir=root, download=False)
        np.testing.assert_array_equal(images, FAKE[prefix]["images"])
        np.testing.assert_array_equal(labels, FAKE[prefix]["labels"])
        assert images.dtype == np.uint8 and labels.dtype == np.uint8
    assert locate("fake", BASE, data_dir=root, download=False) == (folder / FNAME, "data_dir")


def test_lookup_order(monkeypatch, tmp_path, fake, system_dir):
    mine, env, cache = tmp_path / "mine", tmp_path / "env", tmp_path / "cache"
    good = GOOD_GZ[BASE]
    p_mine = put(mine / "fake", good)
    p_env = put(env, good)
    p_sys = put(system_dir, good)
    p_cache = put(cache / "fake", good)
    monkeypatch.setenv(DATA_ENV_VAR, str(env))

    def where():
        return locate("fake", BASE, data_dir=mine, download=False)

    assert where() == (p_mine, "data_dir")
    p_mine.unlink()
    assert where() == (p_env, "$COURSE_DATA_DIR")
    p_env.unlink()
    assert where() == (p_sys, "system")
    p_sys.unlink()
    assert where() == (p_cache, "cache")


def test_system_dir_is_the_dataset_folder(tmp_path, fake, system_dir):
    put(system_dir / "fake", GOOD_GZ[BASE])  # <system>/fake/<file> is not a place to look
    with pytest.raises(DataError):
        locate("fake", BASE, download=False)
    path = put(system_dir, GOOD_GZ[BASE])
    assert locate("fake", BASE, download=False) == (path, "system")


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        (WRONG_GZ, "checksum mismatch"),
        (GOOD_GZ[BASE][:-30], "not a valid gzip file"),
        (RAW[BASE], "not a valid gzip file"),
    ],
    ids=["wrong-content", "truncated-gz", "not-gzip"],
)
def test_bad_candidate_is_skipped(monkeypatch, tmp_path, fake, system_dir, bad, reason):
    mine, env = tmp_path / "mine", tmp_path / "env"
    put(mine, bad)
    put(env / "fake", bad)
    good = put(system_dir, GOOD_GZ[BASE])
    monkeypatch.setenv(DATA_ENV_VAR, str(env))
    assert locate("fake", BASE, data_dir=mine, download=False) == (good, "system")
    # The reason shows up when nothing valid is left.
    good.unlink()
    with pytest.raises(DataError, match=reason):
        locate("fake", BASE, data_dir=mine, download=False)


def test_mismatch_everywhere_without_download(monkeypatch, tmp_path, fake, system_dir):
    mine, env = tmp_path / "mine", tmp_path / "env"
    places = [put(mine, WRONG_GZ), put(env / "fake", WRONG_GZ), put(system_dir, WRONG_GZ)]
    monkeypatch.setenv(DATA_ENV_VAR, str(env))
    with pytest.raises(DataError) as info:
        locate("fake", BASE, data_dir=mine, download=False)
    message = str(info.value)
    assert FNAME in message
    for place in places:
        assert f"{place} " in message
    expected, got = fake.files[BASE], hashlib.md5(gzip.decompress(WRONG_GZ)).hexdigest()
    assert message.count(f"checksum mismatch (expected MD5 {expected}, got {got})") == 3
    assert str(tmp_path / "cache" / "fake" / FNAME) in message  # the cache was looked at
    assert DATA_ENV_VAR in message and "download=True" in message
    assert "network" not in message  # downloading was off: do not blame the network
    assert not (tmp_path / "cache").exists()


def test_failure_message_for_system_dataset_mentions_debian(tmp_path, monkeypatch):
    # Whatever this machine has installed, the Debian folder is empty here.
    debian = tmp_path / "debian-fashion-mnist"
    monkeypatch.setattr(data, "DEBIAN_FASHION_MNIST_DIR", debian)
    monkeypatch.setitem(data.DATASETS, "fashion-mnist",
                        dataclasses.replace(data.DATASETS["fashion-mnist"], system_dirs=(debian,)))
    with pytest.raises(DataError, match="dataset-fashion-mnist"):
        locate("fashion-mnist", BASE, data_dir=tmp_path / "none", download=False)
    with pytest.raises(DataError) as info:
        locate("mnist", BASE, data_dir=tmp_path / "none", download=False)
    assert "$COURSE_DATA_DIR: not set" in str(info.value)


def test_corrupt_cache_is_deleted(tmp_path, fake):
    cached = put(tmp_path / "cache" / "fake", WRONG_GZ)
    with pytest.raises(DataError, match="deleted it"):
        locate("fake", BASE, download=False)
    assert not cached.exists()


def test_changed_file_is_checked_again(tmp_path, fake):
    path = put(tmp_path / "mine", GOOD_GZ[BASE])
    assert locate("fake", BASE, data_dir=tmp_path / "mine", download=False)[1] == "data_dir"
    path.write_bytes(WRONG_GZ + b"\x00")  # different size: the memoised result must not apply
    with pytest.raises(DataError, match="checksum mismatch"):
        locate("fake", BASE, data_dir=tmp_path / "mine", download=False)


# --------------------------------------------------------------------------- downloads


def test_download_then_cache(monkeypatch, tmp_path, fake, serve):
    server = serve({"/m/" + FNAME: GOOD_GZ[BASE]})
    with_mirrors(monkeypatch, fake, server.url + "/m/")
    path, origin = locate("fake", BASE)
    assert origin == "downloaded"
    assert path == tmp_path / "cache" / "fake" / FNAME
    assert path.read_bytes() == GOOD_GZ[BASE]
    assert files_under(tmp_path / "cache") == [path]  # no temporary leftovers
    assert server.requests == ["/m/" + FNAME]

    data._md5_memo.clear()  # a new process: the cache is re-verified from disk
    assert locate("fake", BASE) == (path, "cache")
    assert len(server.requests) == 1


def test_load_dataset_downloads_both_files(monkeypatch, tmp_path, fake, serve):
    server = serve({f"/m/{base}.gz": gz for base, gz in GOOD_GZ.items()})
    with_mirrors(monkeypatch, fake, server.url + "/m")  # no trailing slash on purpose
    images, labels = data.load_dataset("fake", "test", cache_dir=tmp_path / "elsewhere")
    np.testing.assert_array_equal(images, FAKE["t10k"]["images"])
    np.testing.assert_array_equal(labels, FAKE["t10k"]["labels"])
    assert len(files_under(tmp_path / "elsewhere" / "fake")) == 2


@pytest.mark.parametrize(
    ("body", "reason"),
    [(WRONG_GZ, "checksum mismatch"), (b"<html>not here</html>", "not a valid gzip file")],
    ids=["wrong-content", "not-gzip"],
)
def test_corrupt_download_leaves_nothing(monkeypatch, tmp_path, fake, serve, body, reason):
    server = serve({"/m/" + FNAME: body})
    with_mirrors(monkeypatch, fake, server.url + "/m/")
    with pytest.raises(DataError, match=reason) as info:
        locate("fake", BASE)
    assert f"{server.url}/m/{FNAME}" in str(info.value)
    assert files_under(tmp_path / "cache") == []


def test_server_down(monkeypatch, tmp_path, fake, dead_url):
    with_mirrors(monkeypatch, fake, dead_url)
    with pytest.raises(DataError) as info:
        locate("fake", BASE)
    message = str(info.value)
    assert f"{dead_url}{FNAME} (download): download failed: ConnectionError" in message
    assert "network" in message and str(tmp_path / "cache" / "fake") in message
    assert files_under(tmp_path / "cache") == []


def test_interrupted_transfer_leaves_nothing(monkeypatch, tmp_path, fake, serve):
    good = GOOD_GZ[BASE]
    server = serve({"/m/" + FNAME: (good[:50], len(good))})
    with_mirrors(monkeypatch, fake, server.url + "/m/")
    with pytest.raises(DataError, match="download failed"):
        locate("fake", BASE)
    assert files_under(tmp_path / "cache") == []


def test_download_goes_through_temporary_folder_in_cache(monkeypatch, tmp_path, fake, serve):
    server = serve({"/m/" + FNAME: GOOD_GZ[BASE]})
    with_mirrors(monkeypatch, fake, server.url + "/m/")
    seen = []
    retrieve = data.pooch.retrieve

    def spy(url, **kwargs):
        seen.append(Path(kwargs["path"]))
        return retrieve(url, **kwargs)

    monkeypatch.setattr(data.pooch, "retrieve", spy)
    locate("fake", BASE)
    (folder,) = seen
    assert folder.parent == tmp_path / "cache" / "fake"
    assert not folder.exists()


def test_http_error_is_reported(monkeypatch, fake, serve):
    server = serve({})
    with_mirrors(monkeypatch, fake, server.url + "/m/")
    with pytest.raises(DataError, match="download failed: HTTPError: 404"):
        locate("fake", BASE)


def test_second_mirror_used_when_first_is_corrupt(monkeypatch, tmp_path, fake, serve, dead_url):
    bad = serve({"/m/" + FNAME: WRONG_GZ})
    good = serve({"/m/" + FNAME: GOOD_GZ[BASE]})
    with_mirrors(monkeypatch, fake, dead_url, bad.url + "/m/", good.url + "/m/")
    path, origin = locate("fake", BASE)
    assert origin == "downloaded" and path.read_bytes() == GOOD_GZ[BASE]
    assert len(bad.requests) == 1 and len(good.requests) == 1
    assert files_under(tmp_path / "cache") == [path]


def test_corrupt_cache_replaced_by_download(monkeypatch, tmp_path, fake, serve):
    cached = put(tmp_path / "cache" / "fake", GOOD_GZ[BASE][:-30])
    server = serve({"/m/" + FNAME: GOOD_GZ[BASE]})
    with_mirrors(monkeypatch, fake, server.url + "/m/")
    assert locate("fake", BASE) == (cached, "downloaded")
    assert cached.read_bytes() == GOOD_GZ[BASE]
    assert files_under(tmp_path / "cache") == [cached]


def test_local_copy_means_no_download(monkeypatch, tmp_path, fake, serve):
    server = serve({"/m/" + FNAME: GOOD_GZ[BASE]})
    with_mirrors(monkeypatch, fake, server.url + "/m/")
    put(tmp_path / "mine", GOOD_GZ[BASE])
    assert locate("fake", BASE, data_dir=tmp_path / "mine")[1] == "data_dir"
    assert server.requests == []


# --------------------------------------------------------------------------- API checks


def test_mismatched_counts(tmp_path, fake, monkeypatch):
    # Test labels (3) next to train images (6): verified files that do not belong together.
    files = dict(fake.files, **{"t10k-images-idx3-ubyte": fake.files[BASE]})
    monkeypatch.setitem(
        data.DATASETS, "fake", DatasetInfo("Fake", "fake", files, (), fake.system_dirs)
    )
    put(tmp_path / "mine", GOOD_GZ[BASE], "t10k-images-idx3-ubyte.gz")
    put(tmp_path / "mine", GOOD_GZ["t10k-labels-idx1-ubyte"], "t10k-labels-idx1-ubyte.gz")
    with pytest.raises(DataError, match="6 images but .* 3 labels"):
        data.load_dataset("fake", "test", data_dir=tmp_path / "mine", download=False)


def test_bad_names():
    with pytest.raises(ValueError, match="'train', 'test'"):
        data.load_mnist("validation")
    with pytest.raises(ValueError, match="'mnist', 'fashion-mnist'"):
        data.load_dataset("cifar10")
    with pytest.raises(ValueError, match="train-images-idx3-ubyte"):
        locate("mnist", "train-images")
    with pytest.raises(ValueError, match="choose one of"):
        data.class_names("cifar10")


def test_class_names():
    assert data.class_names("mnist") == [str(i) for i in range(10)]
    names = data.class_names("fashion-mnist")
    assert len(names) == 10 and names[0] == "T-shirt/top" and names[9] == "Ankle boot"
    assert names == list(data.FASHION_MNIST_CLASSES)


def test_registry_pins_readme_checksums():
    assert data.DATASETS["mnist"].files[BASE] == "6bbc9ace898e44ae57da46a324031adb"
    assert data.DATASETS["fashion-mnist"].files["t10k-labels-idx1-ubyte"] == (
        "15d484375f8d13e6eb1aabb0c3f46965"
    )
    assert data.DATASETS["fashion-mnist"].system_dirs == (data.DEBIAN_FASHION_MNIST_DIR,)
    assert all(len(info.files) == 4 for info in data.DATASETS.values())


def test_default_cache_dir(monkeypatch, tmp_path):
    assert data.default_cache_dir() == tmp_path / "cache"
    monkeypatch.delenv(data.CACHE_ENV_VAR)
    assert "dl-fundamentals-course" in str(data.default_cache_dir())


def test_dataset_report_never_raises(monkeypatch, tmp_path, fake):
    monkeypatch.setattr(data, "DATASETS", {"fake": fake})
    put(tmp_path / "mine", GOOD_GZ[BASE])
    rows = data.dataset_report(data_dir=tmp_path / "mine", download=False)
    assert len(rows) == 4
    by_file = {row["file"]: row for row in rows}
    assert by_file[FNAME]["origin"] == "data_dir" and "error" not in by_file[FNAME]
    missing = by_file["t10k-labels-idx1-ubyte.gz"]
    assert missing["path"] is None and "missing" in missing["error"]


# --------------------------------------------------------------------------- helpers


def test_one_hot():
    encoded = data.one_hot(np.array([2, 0, 1, 2]))
    assert encoded.dtype == np.float32 and encoded.shape == (4, 3)
    np.testing.assert_array_equal(encoded.argmax(axis=1), [2, 0, 1, 2])
    np.testing.assert_array_equal(encoded.sum(axis=1), 1)
    assert data.one_hot(np.array([1], dtype=np.uint8), n_classes=10).shape == (1, 10)


@pytest.mark.parametrize(
    ("labels", "n_classes", "fragment"),
    [
        (np.array([0.0, 1.0]), None, "must be integers"),
        (np.array([0, 3]), 3, r"0\.\.2"),
        (np.array([-1, 0]), 2, r"from -1"),
        (np.array([[0, 1]]), None, "1-D"),
        (np.array([0, 1]), 0, "positive integer"),
    ],
)
def test_one_hot_rejects(labels, n_classes, fragment):
    with pytest.raises(ValueError, match=fragment):
        data.one_hot(labels, n_classes)


def test_train_validation_split():
    x = np.arange(100).reshape(50, 2)
    y = np.arange(50)
    x_tr, y_tr, x_val, y_val = data.train_validation_split(x, y, 10, seed=3)
    assert x_tr.shape == (40, 2) and x_val.shape == (10, 2) and y_tr.shape == (40,)
    np.testing.assert_array_equal(x_tr[:, 0] // 2, y_tr)  # rows stay paired with labels
    assert set(y_tr).isdisjoint(y_val) and set(y_tr) | set(y_val) == set(range(50))
    again = data.train_validation_split(x, y, 10, seed=3)
    np.testing.assert_array_equal(again[3], y_val)
    other = data.train_validation_split(x, y, 10, seed=4)
    assert not np.array_equal(other[3], y_val)
    assert len(data.train_validation_split(x, y, 0.2)[3]) == 10


@pytest.mark.parametrize("size", [0, 50, -1, 0.0, 1.0, 1.5, 0.001, "10", True, None])
def test_train_validation_split_rejects(size):
    with pytest.raises(ValueError, match="validation_size"):
        data.train_validation_split(np.zeros((50, 2)), np.zeros(50), size)


def test_train_validation_split_length_mismatch():
    with pytest.raises(ValueError, match="same number of examples"):
        data.train_validation_split(np.zeros((5, 2)), np.zeros(4), 1)


def test_synthetic_reexported():
    from utils import synthetic

    assert data.two_class_2d is synthetic.two_class_2d
    assert {"two_class_2d", "noisy_function_data", "linear_regression_data"} <= set(data.__all__)


def test_no_real_cache_touched(tmp_path):
    # Guard for the fixtures above: every test runs with the cache under tmp_path.
    assert os.environ[data.CACHE_ENV_VAR] == str(tmp_path / "cache")
