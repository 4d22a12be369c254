"""Seeded runs, segments and angle fits drawn by chapters 0 and 1."""

from __future__ import annotations

import numpy as np
import pytest

from mathcore import datasets, leastsq, network, twoparam
from mathcore import scene_data_ch01 as data


@pytest.fixture(scope="module")
def lecture():
    return datasets.lecture_1d()


@pytest.fixture(scope="module")
def runs(lecture):
    return data.fitting_runs(lecture.X, lecture.y, m=6, n_runs=3)


def test_fitting_runs_reach_tolerance(runs):
    assert len(runs.seeds) == 3
    assert len(runs.runs) == 3
    for run in runs.runs:
        assert run.loss[-1] < runs.tol


def test_fitting_runs_seeds_partition_tried(runs):
    tried = sorted(runs.seeds + runs.missed)
    assert tried == list(range(runs.tried))
    assert runs.seeds == tuple(sorted(runs.seeds))


def test_fitting_runs_missed_seeds_do_not_fit(lecture, runs):
    for seed in runs.missed:
        U0, alpha0 = network.init_network(2, 6, 1.0, seed)
        run = network.gradient_descent(
            U0, alpha0, lecture.X, lecture.y, 0.0, 0.02, 2000
        )
        assert run.loss[-1] >= runs.tol


def test_fitting_runs_match_direct_training(lecture, runs):
    seed, run = runs.seeds[0], runs.runs[0]
    U0, alpha0 = network.init_network(2, 6, 1.0, seed)
    direct = network.gradient_descent(
        U0, alpha0, lecture.X, lecture.y, 0.0, 0.02, 2000, 10
    )
    np.testing.assert_allclose(run.U, direct.U)
    np.testing.assert_allclose(run.loss, direct.loss)


def test_fitting_runs_weights_differ(runs):
    first = np.concatenate([runs.runs[0].U[-1].ravel(), runs.runs[0].alpha[-1]])
    second = np.concatenate([runs.runs[1].U[-1].ravel(), runs.runs[1].alpha[-1]])
    assert np.linalg.norm(first - second) > 0.5


def test_fitting_runs_too_few_seeds_raises(lecture):
    with pytest.raises(ValueError, match="seeds reached loss"):
        data.fitting_runs(lecture.X, lecture.y, m=1, n_runs=2, n_steps=50, max_seeds=3)


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("m", 0, "m must be >= 1"),
        ("n_runs", 2.0, "n_runs must be an integer"),
        ("scale", -1.0, "scale must be > 0"),
        ("tol", 0.0, "tol must be > 0"),
    ],
)
def test_fitting_runs_rejects_invalid(lecture, name, value, message):
    arguments = {"m": 3, "n_runs": 2, name: value}
    with pytest.raises(ValueError, match=message):
        data.fitting_runs(lecture.X, lecture.y, **arguments)


def test_disagreement_zero_for_identical_networks(lecture):
    U, alpha = network.init_network(2, 4, 1.0, 0)
    result = data.disagreement_1d([(U, alpha), (U, alpha)], lecture.x, [-1.0, 0.0, 1.0])
    assert result.spread == 0.0
    assert result.data_spread == 0.0


def test_disagreement_finds_largest_gap(lecture, runs):
    networks = [run.final for run in runs.runs]
    grid = np.linspace(lecture.x.min(), lecture.x.max(), 361)
    result = data.disagreement_1d(networks, lecture.x, grid)
    assert result.data_spread < 1e-2
    assert result.spread > 0.1
    assert result.spread == pytest.approx(result.values.max() - result.values.min())
    outputs = [network.predict(U, a, network.add_bias(grid)) for U, a in networks]
    assert result.spread == pytest.approx(np.max(np.ptp(outputs, axis=0)))


def test_disagreement_rejects_wrong_rows(lecture):
    with pytest.raises(ValueError, match="must have 2 rows"):
        data.disagreement_1d([(np.ones((3, 2)), np.ones(2))], lecture.x, [0.0])


def test_disagreement_rejects_empty(lecture):
    with pytest.raises(ValueError, match="non-empty sequence"):
        data.disagreement_1d([], lecture.x, [0.0])


def test_network_segment_ends_and_midpoint(lecture, runs):
    first, second = runs.runs[0].final, runs.runs[1].final
    segment = data.network_segment(first, second, lecture.X, lecture.y, num=5)
    np.testing.assert_allclose(segment.t, [0, 0.25, 0.5, 0.75, 1])
    assert segment.loss[0] == pytest.approx(runs.runs[0].loss[-1])
    assert segment.loss[-1] == pytest.approx(runs.runs[1].loss[-1])
    assert segment.midpoint_loss == pytest.approx(segment.loss[2])
    # Two zero-loss networks whose midpoint fits worse: the loss is not convex.
    assert segment.midpoint_loss > 100 * max(segment.loss[0], segment.loss[-1])


def test_network_segment_rejects_width_mismatch(lecture):
    first = network.init_network(2, 3, 1.0, 0)
    second = network.init_network(2, 4, 1.0, 0)
    with pytest.raises(ValueError, match="same width"):
        data.network_segment(first, second, lecture.X, lecture.y)


def test_least_squares_segment_flat_between_solutions():
    A, b = leastsq.chapter3_system()
    basis = leastsq.null_space_basis(A)[:, 0]
    w_min = leastsq.min_norm_solution(A, b)
    segment = data.least_squares_segment(A, b, w_min - basis, w_min + 2 * basis)
    np.testing.assert_allclose(segment.loss, 0.0, atol=1e-24)
    assert segment.midpoint_loss == pytest.approx(0.0, abs=1e-24)


def test_least_squares_segment_convex_profile():
    A, b = data.determined_system()
    segment = data.least_squares_segment(A, b, [0.0, 0.0], [2.0, 2.0], num=11)
    chord = (1 - segment.t) * segment.loss[0] + segment.t * segment.loss[-1]
    assert np.all(segment.loss <= chord + 1e-12)


def test_determined_system_unique_solution():
    A, b = data.determined_system()
    np.testing.assert_allclose(np.linalg.solve(A, b), [1.0, 0.5])
    line_A, line_b = leastsq.chapter3_system()
    np.testing.assert_allclose(line_A @ np.array([1.0, 0.5]), line_b)


def least_squares_loss(A, b, points):
    residual = points @ A.T - b
    return 0.5 * np.sum(residual**2, axis=1)


def test_contours_of_determined_system_are_ellipses():
    A, b = data.determined_system()
    levels = [0.1, 0.5, 2.0]
    curves = data.least_squares_contours(A, b, levels, num=50)
    assert len(curves) == 3
    for level, pieces in zip(levels, curves, strict=True):
        assert len(pieces) == 1
        ellipse = pieces[0]
        assert ellipse.shape == (50, 2)
        np.testing.assert_allclose(ellipse[0], ellipse[-1])
        np.testing.assert_allclose(least_squares_loss(A, b, ellipse), level)
        np.testing.assert_allclose(ellipse.mean(axis=0), [1.0, 0.5], atol=0.05)


def test_contours_of_line_system_are_parallel_lines():
    A, b = leastsq.chapter3_system()
    curves = data.least_squares_contours(A, b, [0.2], num=7, reach=3.0)
    first, second = curves[0]
    for line in (first, second):
        np.testing.assert_allclose(least_squares_loss(A, b, line), 0.2)
        # Each line runs along the null space direction (2, -1).
        direction = line[-1] - line[0]
        assert abs(direction @ A[0]) < 1e-12
        assert np.linalg.norm(direction) == pytest.approx(6.0)
    offsets = A @ np.array([first[0], second[0]]).T - b
    assert offsets[0, 0] == pytest.approx(-offsets[0, 1])


def test_contours_reject_level_at_minimum():
    A, b = data.determined_system()
    with pytest.raises(ValueError, match="exceed the least loss"):
        data.least_squares_contours(A, b, [0.0])


def test_contours_reject_three_unknowns():
    with pytest.raises(ValueError, match="2 columns"):
        data.least_squares_contours(np.ones((2, 3)), np.ones(2), [1.0])


def test_contours_reject_zero_matrix():
    with pytest.raises(ValueError, match="zero matrix"):
        data.least_squares_contours(np.zeros((1, 2)), np.ones(1), [1.0])


def test_two_param_contours_match_twoparam_loss():
    levels = [0.08, 0.7]
    curves = data.two_param_contours(levels, (0.3, 3.0), num=40)
    assert len(curves) == 2
    for level, pieces in zip(levels, curves, strict=True):
        assert len(pieces) == 2
        for curve in pieces:
            assert curve.shape == (40, 2)
            np.testing.assert_allclose(curve[[0, -1], 1], [0.3, 3.0])
            np.testing.assert_allclose(twoparam.loss(curve[:, 0], curve[:, 1]), level)
    # Above loss 1/2 the second hyperbola has a b < 0.
    assert np.all(curves[1][1][:, 0] < 0)


def test_two_param_contours_reject_nonpositive_b():
    with pytest.raises(ValueError, match="b > 0"):
        data.two_param_contours([0.1], (0.0, 2.0))


def test_two_param_contours_reject_zero_level():
    with pytest.raises(ValueError, match="levels must be > 0"):
        data.two_param_contours([0.0], (0.5, 2.0))


def test_two_param_segment_between_zero_loss_points():
    segment = data.two_param_segment([2.5, 0.4], [0.4, 2.5], num=5)
    assert segment.loss[0] == pytest.approx(0.0, abs=1e-15)
    assert segment.loss[-1] == pytest.approx(0.0, abs=1e-15)
    # Halfway a = b = 1.45, so a b = 2.1025 and the loss is (1.1025)^2 / 2.
    assert segment.midpoint_loss == pytest.approx(0.5 * 1.1025**2)
    assert segment.midpoint_loss == pytest.approx(segment.loss[2])


def test_two_param_segment_rejects_wrong_length():
    with pytest.raises(ValueError, match="length 2"):
        data.two_param_segment([1.0, 2.0, 3.0], [1.0, 1.0])


def test_angle_network_unit_neurons_and_fit(lecture):
    fit = data.angle_network([0.3, -2.0], lecture.X, lecture.y)
    np.testing.assert_allclose(np.linalg.norm(fit.U, axis=0), 1.0)
    hidden = np.maximum(lecture.X @ fit.U, 0.0)
    # The output weights solve the normal equations of the least-squares fit.
    np.testing.assert_allclose(
        hidden.T @ (hidden @ fit.alpha - lecture.y), 0.0, atol=1e-10
    )
    assert fit.loss == pytest.approx(
        network.objective(fit.U, fit.alpha, lecture.X, lecture.y, 0.0)
    )


def test_angle_network_kink_at_minus_tangent(lecture):
    fit = data.angle_network([0.4, 2.5], lecture.X, lecture.y)
    kinks = network.kinks_1d(fit.U)
    np.testing.assert_allclose(kinks.x, -np.tan([0.4, 2.5]))
    np.testing.assert_array_equal(kinks.side, [1, -1])


def test_angle_network_dead_neuron_gets_zero_weight(lecture):
    # Angle -pi/2 gives u = (0, -1): the neuron outputs zero everywhere.
    fit = data.angle_network([-np.pi / 2, 0.3], lecture.X, lecture.y)
    assert fit.alpha[0] == pytest.approx(0.0, abs=1e-12)


def test_angle_network_rejects_wide_inputs():
    with pytest.raises(ValueError, match="2 columns"):
        data.angle_network([0.0], np.ones((3, 3)), np.ones(3))


def test_best_angle_pair_beats_grid(lecture):
    best = data.best_angle_pair(lecture.X, lecture.y, num=90)
    assert np.all(best.angles >= -np.pi)
    assert np.all(best.angles < np.pi)
    grid = np.linspace(-np.pi, np.pi, 37, endpoint=False)
    for first in grid:
        for second in grid[::3]:
            other = data.angle_network([first, second], lecture.X, lecture.y)
            assert best.loss <= other.loss + 1e-9


def test_best_angle_pair_lecture_value(lecture):
    best = data.best_angle_pair(lecture.X, lecture.y)
    # One neuron is linear on all six points, the other fits the first point:
    # the loss is the residual of the best line through the other five.
    x, y = lecture.x[1:], lecture.y[1:]
    design = np.column_stack([x, np.ones_like(x)])
    residual = design @ np.linalg.lstsq(design, y, rcond=None)[0] - y
    assert best.loss == pytest.approx(0.5 * residual @ residual, rel=1e-6)
