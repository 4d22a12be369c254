"""Tests of the lecture's named data sets."""

from __future__ import annotations

import numpy as np
import pytest

from mathcore import datasets


def test_lecture_1d_shape_and_bias():
    data = datasets.lecture_1d()
    assert data.name == "lecture_1d"
    assert data.x.shape == (6,)
    assert data.y.shape == (6,)
    assert data.X.shape == (6, 2)
    np.testing.assert_array_equal(data.X[:, 1], 1.0)
    assert np.all(np.diff(data.x) > 0)
    assert data.x.min() >= -2.0
    assert data.x.max() <= 2.0
    assert data.beta == 0.1


def test_lecture_1d_is_not_monotone():
    steps = np.sign(np.diff(datasets.lecture_1d().y))
    assert np.sum(steps[1:] != steps[:-1]) >= 2


def test_hand_case_values():
    data = datasets.hand_case()
    np.testing.assert_array_equal(data.X, [[1.0], [2.0], [-1.0]])
    np.testing.assert_array_equal(data.y, [1.0, 2.0, 1.0])


def test_arrays_are_read_only():
    data = datasets.lecture_1d()
    with pytest.raises(ValueError):
        data.y[0] = 5.0
    design = data.X
    design[0, 0] = 99.0
    assert datasets.lecture_1d().X[0, 0] == -1.8


@pytest.mark.parametrize("n", [3, 5, 10, 20])
def test_plane_points_general_position(n):
    points = datasets.plane_points(n).x
    assert points.shape == (n, 2)
    radii = np.linalg.norm(points, axis=1)
    assert np.all((radii >= 1.0) & (radii <= 2.5))
    lines = np.sort(np.mod(np.arctan2(points[:, 1], points[:, 0]), np.pi))
    gaps = np.diff(np.append(lines, lines[0] + np.pi))
    assert gaps.min() > 0.4 * np.pi / n


def test_plane_points_spread_round_circle():
    angles = np.sort(np.arctan2(*datasets.plane_points(5).x.T[::-1]))
    gaps = np.diff(np.append(angles, angles[0] + 2 * np.pi))
    assert gaps.max() < np.pi / 1.5


def test_factories_are_seeded():
    first = datasets.gaussian_points(8, 3, seed=2)
    again = datasets.gaussian_points(8, 3, seed=2)
    other = datasets.gaussian_points(8, 3, seed=3)
    np.testing.assert_array_equal(first.x, again.x)
    np.testing.assert_array_equal(first.y, again.y)
    assert not np.allclose(first.x, other.x)
    np.testing.assert_array_equal(
        datasets.plane_points(5, seed=1).x, datasets.plane_points(5, seed=1).x
    )


def test_registry_builds_every_set():
    for name in datasets.DATASETS:
        data = datasets.get(name)
        assert data.name == name
        assert data.X.shape[0] == data.y.shape[0]
    assert datasets.get("gaussian_points", n=4, d=2, seed=1).x.shape == (4, 2)


def test_registry_rejects_unknown_name():
    with pytest.raises(ValueError, match="unknown data set 'nope'"):
        datasets.get("nope")
    with pytest.raises(ValueError, match="invalid arguments"):
        datasets.get("hand_case", n=3)
