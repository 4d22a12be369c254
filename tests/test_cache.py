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


def _descent(use_cache):
    from mathcore import datasets, network

    data = datasets.lecture_1d()
    U0, alpha0 = network.init_network(2, 8, 0.5, 3)
    run = network.gradient_descent(
        U0, alpha0, data.X, data.y, 0.1, 0.05, 200, 50, use_cache=use_cache
    )
    return run.loss


def _patterns(use_cache):
    from mathcore import datasets, patterns

    found, _ = patterns.enumerate_patterns(
        datasets.gaussian_points(8, 3, seed=1).x, use_cache=use_cache
    )
    return found


def _slice_paths(use_cache):
    from mathcore import landscape

    demo = landscape.valley_demo(num=21, n_steps=100, use_cache=use_cache)
    return np.concatenate([path.coords for path in demo.paths])


@pytest.mark.parametrize(
    ("name", "run"),
    [
        ("network.gradient_descent", _descent),
        ("patterns.enumerate_patterns", _patterns),
        ("landscape.gd_paths_on_slice", _slice_paths),
    ],
)
def test_cached_computation_matches_fresh(cache_folder, name, run):
    fresh = run(use_cache=False)
    assert not list(cache_folder.rglob("*.pkl"))
    stored = run(use_cache=True)
    assert len(list((cache_folder / name).glob("*.pkl"))) == 1
    again = run(use_cache=True)
    np.testing.assert_array_equal(stored, fresh)
    np.testing.assert_array_equal(again, fresh)
