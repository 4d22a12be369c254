"""Tests of activation pattern enumeration, sampling and Cover's bound."""

from __future__ import annotations

import math

import numpy as np
import pytest

from mathcore import datasets, network, patterns


def as_set(rows: np.ndarray) -> set[bytes]:
    return {np.asarray(row, dtype=bool).tobytes() for row in rows}


@pytest.mark.parametrize(("n", "expected"), [(3, 6), (5, 10), (10, 20), (20, 40)])
def test_plane_count_is_2n(n, expected):
    result = patterns.enumerate_patterns_2d(datasets.plane_points(n).x)
    assert len(result) == expected
    assert len(as_set(result.patterns)) == expected


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_plane_count_robust_to_seed(seed):
    for n in (3, 5, 10, 20):
        result = patterns.enumerate_patterns_2d(datasets.plane_points(n, seed).x)
        assert len(result) == 2 * n


def test_plane_arcs_partition_circle():
    X = datasets.plane_points(7).x
    result = patterns.enumerate_patterns_2d(X)
    starts, ends = result.arcs.T
    assert np.all(np.diff(starts) > 0)
    assert np.all((starts >= 0) & (starts < 2 * np.pi))
    assert np.all((ends >= 0) & (ends < 2 * np.pi))
    np.testing.assert_allclose(ends[:-1], starts[1:])
    assert ends[-1] == pytest.approx(starts[0])
    widths = np.mod(ends - starts, 2 * np.pi)
    assert widths.sum() == pytest.approx(2 * np.pi)


def test_plane_directions_are_arc_midpoints():
    X = datasets.plane_points(6).x
    result = patterns.enumerate_patterns_2d(X)
    np.testing.assert_allclose(np.linalg.norm(result.directions, axis=1), 1.0)
    np.testing.assert_array_equal(X @ result.directions.T >= 0, result.patterns.T)
    starts, ends = result.arcs.T
    middles = np.mod(np.arctan2(*result.directions.T[::-1]), 2 * np.pi)
    half = np.mod(ends - starts, 2 * np.pi) / 2
    np.testing.assert_allclose(np.mod(middles - starts, 2 * np.pi), half)


def test_plane_patterns_match_every_direction_in_arc():
    X = datasets.plane_points(5).x
    result = patterns.enumerate_patterns_2d(X)
    for (start, end), expected in zip(result.arcs, result.patterns, strict=True):
        width = np.mod(end - start, 2 * np.pi)
        for fraction in (0.01, 0.3, 0.99):
            angle = start + fraction * width
            g = np.array([np.cos(angle), np.sin(angle)])
            np.testing.assert_array_equal(X @ g >= 0, expected)


def test_plane_ties_count_distinct_lines():
    # Rows 0 and 1 are on one line on opposite sides, rows 2 and 3 on one line
    # on the same side: three lines, six regions.
    X = np.array([[1.0, 0.0], [-2.0, 0.0], [0.0, 1.0], [0.0, 3.0], [1.0, 1.0]])
    result = patterns.enumerate_patterns_2d(X)
    assert len(result) == 6
    assert len(as_set(result.patterns)) == 6
    sampled, _ = patterns.sample_patterns(X, 5000, seed=0)
    assert as_set(sampled) == as_set(result.patterns)


def test_plane_rejects_origin():
    with pytest.raises(ValueError, match="rows \\[1\\] are zero"):
        patterns.enumerate_patterns_2d([[1.0, 0.0], [0.0, 0.0]])


def test_bias_data_patterns_are_thresholds():
    x = datasets.lecture_1d().x
    result = patterns.enumerate_patterns_2d(network.add_bias(x))
    assert len(result) == 2 * x.size
    rights = {tuple(x >= t) for t in np.append(x, np.inf)}
    lefts = {tuple(x <= t) for t in np.append(x, -np.inf)}
    assert {tuple(row) for row in result.patterns} == rights | lefts


@pytest.mark.parametrize(("n", "expected"), [(8, 58), (10, 92)])
@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_gaussian_counts_reach_cover_bound(n, expected, seed):
    X = datasets.gaussian_points(n, 3, seed).x
    found, directions = patterns.enumerate_patterns(X)
    assert found.shape == (expected, n)
    assert len(as_set(found)) == expected
    assert patterns.cover_bound(n, 3) == expected
    np.testing.assert_array_equal(X @ directions.T >= 0, found.T)


def test_directions_strictly_inside_regions():
    X = datasets.gaussian_points(10, 4, seed=5).x
    found, directions = patterns.enumerate_patterns(X)
    margins = np.abs(X @ directions.T) / np.linalg.norm(X, axis=1)[:, None]
    assert margins.min() > 1e-9
    np.testing.assert_allclose(np.linalg.norm(directions, axis=1), 1.0)
    assert len(found) == patterns.cover_bound(10, 4)


@pytest.mark.parametrize("case", range(6))
def test_count_never_exceeds_cover_bound(case):
    rng = np.random.default_rng(100 + case)
    n, d = [(6, 2), (7, 3), (9, 3), (6, 4), (12, 3), (5, 1)][case]
    X = rng.standard_normal((n, d))
    if case in (2, 4):
        # Degenerate data: duplicated rows, a row on another's line, a zero row.
        X[1] = X[0]
        X[2] = -0.5 * X[3]
        X[4] = 0.0
    found, _ = patterns.enumerate_patterns(X)
    rank = np.linalg.matrix_rank(X)
    assert 2 <= len(found) <= patterns.cover_bound(n, rank)
    assert len(as_set(found)) == len(found)


def test_degenerate_data_match_sampling():
    rng = np.random.default_rng(7)
    X = rng.standard_normal((8, 3))
    X[1] = 2.0 * X[0]
    X[2] = -X[3]
    X[5] = X[4] + X[6]
    found, _ = patterns.enumerate_patterns(X)
    sampled, _ = patterns.sample_patterns(X, 200_000, seed=1)
    assert as_set(sampled) == as_set(found)


def test_sampling_is_subset_of_exact():
    for seed in range(3):
        X = datasets.gaussian_points(10, 3, seed).x
        exact, _ = patterns.enumerate_patterns(X)
        sampled, directions = patterns.sample_patterns(X, 20_000, seed=seed)
        assert len(sampled) <= len(exact)
        assert as_set(sampled) <= as_set(exact)
        np.testing.assert_array_equal(X @ directions.T >= 0, sampled.T)


def test_sampling_finds_every_plane_pattern():
    X = datasets.plane_points(5).x
    sampled, _ = patterns.sample_patterns(X, 5000, seed=0)
    assert as_set(sampled) == as_set(patterns.enumerate_patterns_2d(X).patterns)


def test_sampling_is_deterministic():
    X = datasets.gaussian_points(8, 3, seed=0).x
    first, g1 = patterns.sample_patterns(X, 1000, seed=4)
    again, g2 = patterns.sample_patterns(X, 1000, seed=4)
    np.testing.assert_array_equal(first, again)
    np.testing.assert_array_equal(g1, g2)


def test_rank_deficient_data_use_row_space():
    # Rank-2 points in R^3 behave like points in the plane.
    rng = np.random.default_rng(2)
    X = rng.standard_normal((6, 2)) @ rng.standard_normal((2, 3))
    found, directions = patterns.enumerate_patterns(X)
    assert len(found) == 12
    np.testing.assert_array_equal(X @ directions.T >= 0, found.T)


def test_one_feature_has_two_patterns():
    found, directions = patterns.enumerate_patterns([[1.0], [2.0], [-1.0]])
    np.testing.assert_array_equal(found, [[True, True, False], [False, False, True]])
    np.testing.assert_array_equal(directions, [[1.0], [-1.0]])


def test_zero_rows_are_always_active():
    found, _ = patterns.enumerate_patterns([[0.0, 0.0, 0.0], [1.0, 2.0, 0.5]])
    np.testing.assert_array_equal(found, [[True, True], [True, False]])
    all_zero, _ = patterns.enumerate_patterns(np.zeros((3, 2)))
    np.testing.assert_array_equal(all_zero, [[True, True, True]])


def test_exact_order_is_deterministic():
    X = datasets.gaussian_points(8, 3, seed=1).x
    first, _ = patterns.enumerate_patterns(X)
    again, _ = patterns.enumerate_patterns(X.copy())
    np.testing.assert_array_equal(first, again)


@pytest.mark.parametrize(
    ("n", "r", "expected"),
    [(8, 3, 58), (10, 3, 92), (5, 2, 10), (7, 1, 2), (4, 4, 16), (4, 9, 16)],
)
def test_cover_bound_values(n, r, expected):
    assert patterns.cover_bound(n, r) == expected
    assert patterns.cover_bound(n, r) == 2 * sum(math.comb(n - 1, k) for k in range(r))


def test_plane_data_keep_angular_order():
    X = network.add_bias(datasets.lecture_1d().x)
    found, directions = patterns.enumerate_patterns(X)
    plane = patterns.enumerate_patterns_2d(X)
    np.testing.assert_array_equal(found, plane.patterns)
    np.testing.assert_allclose(directions, plane.directions)


def test_enumeration_invariant_to_scale():
    points = np.random.default_rng(1).standard_normal((5, 3))
    counts = [len(patterns.enumerate_patterns(points * s)[0]) for s in (1, 1e-160)]
    assert counts == [22, 22]
