"""The disk cache: hits, misses, bypass and corrupt files."""

from __future__ import annotations

import logging

import numpy as np
import pytest

from mathcore import cache


@pytest.fixture
def cache_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("MATHCORE_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("MATHCORE_NO_CACHE", raising=False)
    return tmp_path


def counting(value):
    calls = []

    def compute():
        calls.append(1)
        return value

    return compute, calls


def test_second_call_reads_cache(cache_folder):
    compute, calls = counting(np.arange(3.0))
    first = cache.cached("demo", compute, {"n": 3})
    second = cache.cached("demo", compute, {"n": 3})
    assert len(calls) == 1
    np.testing.assert_array_equal(first, second)


def test_different_inputs_miss(cache_folder):
    compute, calls = counting(1.0)
    cache.cached("demo", compute, {"x": np.array([1.0, 2.0])})
    cache.cached("demo", compute, {"x": np.array([1.0, 2.5])})
    assert len(calls) == 2


def test_key_distinguishes_int_and_float():
    assert cache.cache_key("k", {"a": 1}) != cache.cache_key("k", {"a": 1.0})


def test_key_distinguishes_array_shape():
    flat = cache.cache_key("k", {"a": np.zeros(4)})
    square = cache.cache_key("k", {"a": np.zeros((2, 2))})
    assert flat != square


def test_key_rejects_unhashable_input():
    with pytest.raises(TypeError, match="cannot hash"):
        cache.cache_key("k", {"a": object()})


def test_use_cache_false_bypasses(cache_folder):
    compute, calls = counting(2.0)
    cache.cached("demo", compute, {}, use_cache=False)
    cache.cached("demo", compute, {}, use_cache=False)
    assert len(calls) == 2
    assert not any(cache_folder.rglob("*.pkl"))


def test_environment_bypasses(cache_folder, monkeypatch):
    monkeypatch.setenv("MATHCORE_NO_CACHE", "1")
    compute, calls = counting(2.0)
    cache.cached("demo", compute, {})
    cache.cached("demo", compute, {})
    assert len(calls) == 2


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage", "empty"])
def test_corrupt_file_recomputed(cache_folder, caplog, damage):
    compute, calls = counting({"value": 42.0})
    cache.cached("demo", compute, {"k": damage})
    (path,) = list(cache_folder.rglob("*.pkl"))
    blob = path.read_bytes()
    if damage == "truncate":
        path.write_bytes(blob[: len(blob) // 2])
    elif damage == "flip":
        path.write_bytes(blob[:-1] + bytes([blob[-1] ^ 0xFF]))
    elif damage == "garbage":
        path.write_bytes(b"not a cache file at all")
    else:
        path.write_bytes(b"")
    with caplog.at_level(logging.WARNING, logger="mathcore.cache"):
        value = cache.cached("demo", compute, {"k": damage})
    assert value == {"value": 42.0}
    assert len(calls) == 2
    assert "corrupt" in caplog.text


def test_no_partial_files_left(cache_folder):
    cache.cached("demo", lambda: list(range(1000)), {})
    assert not any(cache_folder.rglob("*.part"))


def test_code_version_is_stable():
    assert cache.code_version() == cache.code_version()
    assert len(cache.code_version()) == 64
