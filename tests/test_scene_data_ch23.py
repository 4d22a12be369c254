"""Values placed on screen by chapters 2 and 3: networks, segments, residuals."""

from __future__ import annotations

import numpy as np
import pytest

from mathcore import landscape, leastsq, network
from mathcore import scene_data_ch23 as scene_data


@pytest.fixture(scope="module")
def fitted():
    return scene_data.chapter2_network()


@pytest.fixture(scope="module")
def witness(fitted):
    return landscape.nonconvexity_witness(fitted.X, fitted.y, fitted.U, fitted.alpha)


def test_chapter2_network_interpolates(fitted):
    predictions = network.predict(fitted.U, fitted.alpha, fitted.X)
    np.testing.assert_allclose(predictions, fitted.y, atol=1e-6)


def test_chapter2_network_has_four_balanced_neurons(fitted):
    assert fitted.U.shape == (2, 4)
    np.testing.assert_allclose(
        np.linalg.norm(fitted.U, axis=0), np.abs(fitted.alpha), rtol=1e-5
    )


def test_chapter2_network_neuron_order(fitted):
    kinks = network.kinks_1d(fitted.U)
    assert np.all(np.diff(kinks.x) > -scene_data.KINK_TOL)
    # Two neurons share each kink: the one active to the left comes first.
    np.testing.assert_array_equal(kinks.side, [-1, 1, -1, 1])


def test_chapter2_network_inputs_are_first_column(fitted):
    np.testing.assert_array_equal(fitted.x, fitted.X[:, 0])


def test_neuron_sizes_values():
    U = np.array([[3.0, 0.0], [4.0, 1.0]])
    alpha = np.array([2.0, -1.0])
    np.testing.assert_allclose(scene_data.neuron_sizes(U, alpha), [29.0, 2.0])


def test_neuron_sizes_least_at_balance(fitted):
    factors = np.linspace(0.3, 3.0, 271)
    sizes = [
        scene_data.neuron_sizes(*network.rescale(fitted.U, fitted.alpha, t))[0]
        for t in factors
    ]
    assert factors[int(np.argmin(sizes))] == pytest.approx(1.0, abs=0.01)


def test_neuron_sizes_rejects_mismatched_alpha():
    with pytest.raises(ValueError, match="alpha must have length 2"):
        scene_data.neuron_sizes(np.ones((2, 2)), np.ones(3))


def test_add_neuron_appends_last_column(fitted):
    U, alpha = scene_data.add_neuron(fitted.U, fitted.alpha, [1.0, -0.5], 0.0)
    assert U.shape == (2, 5)
    np.testing.assert_array_equal(U[:, -1], [1.0, -0.5])
    assert alpha[-1] == 0.0


def test_add_neuron_with_zero_weight_keeps_function(fitted):
    U, alpha = scene_data.add_neuron(fitted.U, fitted.alpha, [0.7, 0.2], 0.0)
    xs = network.add_bias(np.linspace(-3.0, 3.0, 13))
    np.testing.assert_allclose(
        network.predict(U, alpha, xs), network.predict(fitted.U, fitted.alpha, xs)
    )


def test_add_inactive_neuron_keeps_loss(fitted):
    beyond = float(np.max(fitted.x)) + 0.3
    U, alpha = scene_data.add_neuron(fitted.U, fitted.alpha, [1.0, -beyond], 1.5)
    assert network.objective(U, alpha, fitted.X, fitted.y, 0.0) < 1e-10
    d_U, d_alpha = network.gradient(U, alpha, fitted.X, fitted.y, 0.0)
    np.testing.assert_array_equal(d_U[:, -1], 0.0)
    assert d_alpha[-1] == 0.0


def test_add_neuron_rejects_wrong_length(fitted):
    with pytest.raises(ValueError, match="u must have length 2"):
        scene_data.add_neuron(fitted.U, fitted.alpha, [1.0, 2.0, 3.0], 0.0)


def test_add_neuron_rejects_infinite_weight(fitted):
    with pytest.raises(ValueError, match="output_weight"):
        scene_data.add_neuron(fitted.U, fitted.alpha, [1.0, 2.0], float("inf"))


def test_slice_coordinates_are_norm_and_alpha(fitted):
    norm, weight = scene_data.slice_coordinates(fitted.U, fitted.alpha, 2)
    assert norm == pytest.approx(np.linalg.norm(fitted.U[:, 2]))
    assert weight == fitted.alpha[2]


def test_slice_coordinates_reject_missing_neuron(fitted):
    with pytest.raises(ValueError, match="neuron must be < m=4"):
        scene_data.slice_coordinates(fitted.U, fitted.alpha, 4)


def test_segment_network_ends_are_the_minima(witness):
    for t, theta in ((0.0, witness.theta_1), (1.0, witness.theta_2)):
        U, alpha = scene_data.segment_network(witness, t)
        np.testing.assert_allclose(landscape.flatten(U, alpha), theta)


def test_segment_network_midpoint_averages_swapped_neurons(witness):
    U, alpha = scene_data.segment_network(witness, 0.5)
    first, second = witness.pair
    np.testing.assert_allclose(U[:, first], U[:, second])
    np.testing.assert_allclose(alpha[first], alpha[second])


def test_segment_network_midpoint_loss_matches_witness(witness, fitted):
    U, alpha = scene_data.segment_network(witness, 0.5)
    loss = network.objective(U, alpha, fitted.X, fitted.y, 0.0)
    assert loss == pytest.approx(witness.midpoint_loss)
    assert loss > 1.0


def test_segment_network_rejects_large_t(witness):
    with pytest.raises(ValueError, match="t must be <= 1.0"):
        scene_data.segment_network(witness, 1.5)


def test_segment_network_rejects_other_objects():
    with pytest.raises(ValueError, match="NonconvexityWitness"):
        scene_data.segment_network(object(), 0.5)


def test_residuals_shrink_by_constant_factor():
    A, b = leastsq.chapter3_system()
    step = 0.3
    run = leastsq.gradient_descent(A, b, np.zeros(2), step, 8)
    values = scene_data.residuals(A, b, run.iterates)[:, 0]
    ratio = 1.0 - step * np.linalg.norm(A, 2) ** 2
    np.testing.assert_allclose(values[1:], ratio * values[:-1], atol=1e-12)


def test_residuals_shape():
    A, b = leastsq.chapter3_system()
    assert scene_data.residuals(A, b, np.zeros((5, 2))).shape == (5, 1)


def test_residuals_reject_wrong_columns():
    A, b = leastsq.chapter3_system()
    with pytest.raises(ValueError, match="iterates must have 2 columns"):
        scene_data.residuals(A, b, np.zeros((5, 3)))


def test_solution_line_ends_solve_system():
    A, b = leastsq.chapter3_system()
    ends = scene_data.solution_line(A, b, 2.5)
    np.testing.assert_allclose(ends @ A.T, np.tile(b, (2, 1)))


def test_solution_line_centred_on_min_norm():
    A, b = leastsq.chapter3_system()
    ends = scene_data.solution_line(A, b, 2.5)
    np.testing.assert_allclose(ends.mean(axis=0), leastsq.min_norm_solution(A, b))
    assert np.linalg.norm(ends[1] - ends[0]) == pytest.approx(5.0)


def test_solution_line_rejects_two_equations():
    with pytest.raises(ValueError, match=r"shape \(1, 2\)"):
        scene_data.solution_line(np.eye(2), np.ones(2), 1.0)


def test_solution_line_rejects_zero_matrix():
    with pytest.raises(ValueError, match="zero matrix"):
        scene_data.solution_line(np.zeros((1, 2)), np.ones(1), 1.0)


def test_solution_line_rejects_nonpositive_length():
    A, b = leastsq.chapter3_system()
    with pytest.raises(ValueError, match="half_length must be > 0"):
        scene_data.solution_line(A, b, 0.0)
