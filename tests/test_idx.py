"""Tests for utils.idx: parsing and reading IDX files."""

import gzip
import struct

import numpy as np
import pytest

from utils.idx import IDXError, parse_idx, read_idx

CODES = {"u1": 0x08, "i1": 0x09, ">i2": 0x0B, ">i4": 0x0C, ">f4": 0x0D, ">f8": 0x0E}


def idx_bytes(array: np.ndarray, dtype: str) -> bytes:
    """Encode ``array`` as IDX, independently of the code under test."""
    header = bytes([0, 0, CODES[dtype], array.ndim]) + struct.pack(f">{array.ndim}I", *array.shape)
    return header + np.asarray(array, dtype=dtype).tobytes()


@pytest.mark.parametrize("dtype", list(CODES))
@pytest.mark.parametrize("shape", [(5,), (3, 4), (2, 3, 4), (0, 28, 28)])
def test_round_trip(dtype, shape):
    rng = np.random.default_rng(0)
    array = rng.integers(-100, 100, size=shape).astype(dtype.lstrip(">"))
    parsed = parse_idx(idx_bytes(array, dtype))
    assert parsed.shape == shape
    assert parsed.dtype == np.dtype(dtype).newbyteorder("=")
    assert parsed.dtype.isnative
    np.testing.assert_array_equal(parsed, array)


def test_result_is_writable_copy():
    raw = idx_bytes(np.arange(6, dtype=np.uint8).reshape(2, 3), "u1")
    parsed = parse_idx(raw)
    parsed[0, 0] = 99  # must not raise: students may modify loaded data in place
    assert parsed[0, 0] == 99


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        (b"\x01\x00\x08\x01\x00\x00\x00\x01\x05", "bad magic number"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "still gzip-compressed"),
        (b"\x00\x00\x07\x01\x00\x00\x00\x01\x05", "unknown IDX type code 0x07"),
        (b"\x00\x00\x08\x00", "0 dimensions"),
        (b"\x00\x00", "header is truncated"),
        (b"\x00\x00\x08\x03\x00\x00\x00\x02\x00\x00", "header is truncated"),
    ],
    ids=["magic", "gzip-magic", "type-code", "zero-dims", "short-header", "short-sizes"],
)
def test_bad_header(raw, fragment):
    with pytest.raises(IDXError, match=fragment) as info:
        parse_idx(raw, name="some-file")
    assert "some-file" in str(info.value)


def test_truncated_data():
    raw = idx_bytes(np.zeros((4, 5), dtype=np.int16), ">i2")
    with pytest.raises(IDXError, match=r"truncated.*shape \(4, 5\).*40 bytes.*found 39"):
        parse_idx(raw[:-1], name="f.idx")


def test_too_long_data():
    raw = idx_bytes(np.zeros((4, 5), dtype=np.uint8), "u1")
    with pytest.raises(IDXError, match=r"too long.*20 bytes.*found 21"):
        parse_idx(raw + b"\x00", name="f.idx")


def test_header_count_disagrees_with_data():
    # The header claims 10 labels but only 7 follow.
    raw = bytes([0, 0, 0x08, 1]) + struct.pack(">I", 10) + bytes(range(7))
    with pytest.raises(IDXError, match=r"shape \(10,\).*10 bytes.*found 7"):
        parse_idx(raw)


def test_read_raw_and_gz(tmp_path):
    array = np.arange(24, dtype=np.float32).reshape(2, 3, 4)
    raw = idx_bytes(array, ">f4")
    (tmp_path / "a.idx").write_bytes(raw)
    (tmp_path / "a.idx.gz").write_bytes(gzip.compress(raw))
    np.testing.assert_array_equal(read_idx(tmp_path / "a.idx"), array)
    np.testing.assert_array_equal(read_idx(str(tmp_path / "a.idx.gz")), array)


def test_truncated_gz_names_file(tmp_path):
    raw = idx_bytes(np.arange(1000, dtype=np.int32), ">i4")
    path = tmp_path / "labels.gz"
    path.write_bytes(gzip.compress(raw)[:-20])
    with pytest.raises(IDXError, match="not a valid gzip file") as info:
        read_idx(path)
    assert str(path) in str(info.value)


def test_not_gzip_with_gz_name(tmp_path):
    path = tmp_path / "labels.gz"
    path.write_bytes(idx_bytes(np.arange(3, dtype=np.uint8), "u1"))
    with pytest.raises(IDXError, match="not a valid gzip file"):
        read_idx(path)


def test_bad_content_in_gz_names_file(tmp_path):
    path = tmp_path / "x.gz"
    path.write_bytes(gzip.compress(b"\x00\x00\x08\x01\x00\x00\x00\x05ab"))
    with pytest.raises(IDXError, match="truncated") as info:
        read_idx(path)
    assert str(path) in str(info.value)
