"""Tests of the two-layer ReLU network: formulas, gradient, symmetries, GD."""

from __future__ import annotations

import numpy as np
import pytest

from mathcore import datasets, network


@pytest.fixture
def small_problem():
    """Return a random network of width 4 and data with a bias column."""
    rng = np.random.default_rng(3)
    X = network.add_bias(rng.uniform(-2, 2, 7))
    y = rng.standard_normal(7)
    U = rng.standard_normal((2, 4))
    alpha = rng.standard_normal(4)
    return U, alpha, X, y


def test_add_bias_vector_and_matrix():
    X = network.add_bias([1.0, -2.0, 3.0])
    assert X.shape == (3, 2)
    np.testing.assert_array_equal(X[:, 1], 1.0)
    np.testing.assert_array_equal(X[:, 0], [1.0, -2.0, 3.0])
    Z = network.add_bias(np.arange(6.0).reshape(3, 2))
    assert Z.shape == (3, 3)
    np.testing.assert_array_equal(Z[:, 2], 1.0)


def test_predict_matches_formula(small_problem):
    U, alpha, X, _ = small_problem
    expected = [
        sum(alpha[j] * max(X[i] @ U[:, j], 0.0) for j in range(4)) for i in range(7)
    ]
    np.testing.assert_allclose(network.predict(U, alpha, X), expected, rtol=1e-12)


def test_hinges_sum_to_prediction(small_problem):
    U, alpha, X, _ = small_problem
    parts = network.hinges(U, alpha, X)
    assert parts.shape == (7, 4)
    np.testing.assert_allclose(parts.sum(axis=1), network.predict(U, alpha, X))


def test_objective_matches_formula(small_problem):
    U, alpha, X, y = small_problem
    beta = 0.3
    fit = network.predict(U, alpha, X)
    expected = 0.5 * np.sum((fit - y) ** 2) + 0.15 * (np.sum(U**2) + np.sum(alpha**2))
    assert network.objective(U, alpha, X, y, beta) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
@pytest.mark.parametrize("beta", [0.0, 0.7])
def test_gradient_matches_finite_differences(seed, beta):
    rng = np.random.default_rng(seed)
    X = network.add_bias(rng.uniform(-2, 2, 6))
    y = rng.standard_normal(6)
    U = rng.standard_normal((2, 5))
    alpha = rng.standard_normal(5)
    d_U, d_alpha = network.gradient(U, alpha, X, y, beta)
    h = 1e-6
    numeric_U = np.zeros_like(U)
    for index in np.ndindex(U.shape):
        step = np.zeros_like(U)
        step[index] = h
        up = network.objective(U + step, alpha, X, y, beta)
        down = network.objective(U - step, alpha, X, y, beta)
        numeric_U[index] = (up - down) / (2 * h)
    numeric_alpha = np.zeros_like(alpha)
    for j in range(alpha.size):
        step = np.zeros_like(alpha)
        step[j] = h
        up = network.objective(U, alpha + step, X, y, beta)
        down = network.objective(U, alpha - step, X, y, beta)
        numeric_alpha[j] = (up - down) / (2 * h)
    np.testing.assert_allclose(d_U, numeric_U, atol=1e-6)
    np.testing.assert_allclose(d_alpha, numeric_alpha, atol=1e-6)


def test_gradient_uses_zero_at_kink():
    # x^T u = 0 exactly: the convention 1[z > 0] gives no first-layer signal.
    X = np.array([[1.0, -1.0]])
    U = np.array([[1.0], [1.0]])
    d_U, d_alpha = network.gradient(U, [2.0], X, [1.0], 0.0)
    np.testing.assert_array_equal(d_U, 0.0)
    np.testing.assert_array_equal(d_alpha, 0.0)


def test_init_network_is_seeded():
    U1, a1 = network.init_network(3, 5, 0.1, seed=7)
    U2, a2 = network.init_network(3, 5, 0.1, seed=7)
    U3, _ = network.init_network(3, 5, 0.1, seed=8)
    assert U1.shape == (3, 5)
    assert a1.shape == (5,)
    np.testing.assert_array_equal(U1, U2)
    np.testing.assert_array_equal(a1, a2)
    assert not np.allclose(U1, U3)
    assert 0.05 < np.std(np.concatenate([U1.ravel(), a1])) < 0.2


def test_gradient_descent_records(small_problem):
    U, alpha, X, y = small_problem
    run = network.gradient_descent(U, alpha, X, y, 0.1, 0.01, 25, record_every=10)
    np.testing.assert_array_equal(run.steps, [0, 10, 20, 25])
    assert run.U.shape == (4, 2, 4)
    assert run.alpha.shape == (4, 4)
    assert run.loss.shape == (4,)
    assert run.balance.shape == (4, 4)
    np.testing.assert_array_equal(run.U[0], U)
    final = network.objective(*run.final, X, y, 0.1)
    assert run.loss[-1] == pytest.approx(final)
    np.testing.assert_allclose(
        run.balance[0], np.sum(U**2, axis=0) - alpha**2, rtol=1e-12
    )


def test_gradient_descent_step_matches_gradient(small_problem):
    U, alpha, X, y = small_problem
    run = network.gradient_descent(U, alpha, X, y, 0.2, 0.05, 1)
    d_U, d_alpha = network.gradient(U, alpha, X, y, 0.2)
    np.testing.assert_allclose(run.U[1], U - 0.05 * d_U)
    np.testing.assert_allclose(run.alpha[1], alpha - 0.05 * d_alpha)


def test_gradient_descent_decreases_loss(small_problem):
    U, alpha, X, y = small_problem
    run = network.gradient_descent(U, alpha, X, y, 0.1, 0.01, 500, record_every=50)
    assert np.all(np.diff(run.loss) <= 1e-12)
    assert run.loss[-1] < 0.5 * run.loss[0]


def test_gradient_descent_nearly_conserves_balance():
    # Gradient flow conserves ||u_j||^2 - alpha_j^2 without weight decay; a small
    # step changes it only at second order.
    data = datasets.lecture_1d()
    U, alpha = network.init_network(2, 6, 0.5, seed=1)
    run = network.gradient_descent(U, alpha, data.X, data.y, 0.0, 1e-3, 2000, 2000)
    drift = np.abs(run.balance[-1] - run.balance[0])
    assert np.max(drift) < 0.01
    assert run.loss[-1] < 0.5 * run.loss[0]


def test_gradient_descent_divergence_raises(small_problem):
    U, alpha, X, y = small_problem
    with pytest.raises(FloatingPointError, match="smaller step"):
        network.gradient_descent(10 * U, 10 * alpha, X, 100 * y, 0.0, 10.0, 200)


def test_rebalance_keeps_function(small_problem):
    U, alpha, X, y = small_problem
    U = U * np.array([3.0, 0.2, 1.0, 5.0])
    U2, alpha2 = network.rebalance(U, alpha)
    np.testing.assert_allclose(
        network.predict(U2, alpha2, X), network.predict(U, alpha, X), atol=1e-12
    )
    np.testing.assert_allclose(np.linalg.norm(U2, axis=0), np.abs(alpha2))
    penalty = np.sum(U**2) + np.sum(alpha**2)
    assert np.sum(U2**2) + np.sum(alpha2**2) <= penalty
    assert network.objective(U2, alpha2, X, y, 1.0) <= network.objective(
        U, alpha, X, y, 1.0
    )


def test_rebalance_zeroes_dead_neurons():
    U = np.array([[1.0, 0.0, 2.0], [1.0, 0.0, 0.0]])
    alpha = np.array([0.0, 3.0, 2.0])
    U2, alpha2 = network.rebalance(U, alpha)
    np.testing.assert_array_equal(U2[:, :2], 0.0)
    np.testing.assert_array_equal(alpha2[:2], 0.0)
    np.testing.assert_allclose(U2[:, 2], [2.0, 0.0])
    assert alpha2[2] == pytest.approx(2.0)


def test_kinks_1d_positions_and_sides():
    U = np.array([[2.0, -1.0, 0.0, 0.0], [1.0, 0.5, 1.0, -1.0]])
    kinks = network.kinks_1d(U)
    np.testing.assert_allclose(kinks.x[:2], [-0.5, 0.5])
    assert np.isnan(kinks.x[2])
    assert np.isnan(kinks.x[3])
    np.testing.assert_array_equal(kinks.side, [1, -1, 1, 0])


def test_kinks_1d_matches_activity():
    U, _ = network.init_network(2, 6, 1.0, seed=4)
    kinks = network.kinks_1d(U)
    for j in range(6):
        right = network.add_bias([kinks.x[j] + 0.1])
        left = network.add_bias([kinks.x[j] - 0.1])
        if kinks.side[j] == 1:
            assert (right @ U[:, j])[0] > 0
            assert (left @ U[:, j])[0] < 0
        else:
            assert (right @ U[:, j])[0] < 0
            assert (left @ U[:, j])[0] > 0


def test_permute_and_rescale_keep_function(small_problem):
    U, alpha, X, _ = small_problem
    fit = network.predict(U, alpha, X)
    U2, alpha2 = network.permute(U, alpha, [2, 0, 3, 1])
    np.testing.assert_array_equal(U2[:, 0], U[:, 2])
    np.testing.assert_allclose(network.predict(U2, alpha2, X), fit)
    U3, alpha3 = network.rescale(U, alpha, 2.5)
    np.testing.assert_allclose(network.predict(U3, alpha3, X), fit)
    U4, alpha4 = network.rescale(U, alpha, [0.5, 2.0, 3.0, 1.0])
    np.testing.assert_allclose(network.predict(U4, alpha4, X), fit)
    np.testing.assert_allclose(U4[:, 1], 2.0 * U[:, 1])
    assert alpha4[1] == pytest.approx(alpha[1] / 2.0)


def test_permuted_minima_midpoint_is_worse():
    # Two global minima related by swapping neurons; their midpoint is not a
    # minimum, so the objective is not convex.
    from mathcore import convex

    data = datasets.lecture_1d()
    U, alpha = convex.solve(data.X, data.y, data.beta, use_cache=False).network()
    order = np.roll(np.arange(alpha.size), 1)
    U2, alpha2 = network.permute(U, alpha, order)
    best = network.objective(U, alpha, data.X, data.y, data.beta)
    swapped = network.objective(U2, alpha2, data.X, data.y, data.beta)
    middle = network.objective(
        (U + U2) / 2, (alpha + alpha2) / 2, data.X, data.y, data.beta
    )
    assert swapped == pytest.approx(best, rel=1e-12)
    assert middle > best + 0.1


def test_missing_labels_rejected():
    U = np.array([[1.0, -1.0], [0.5, 0.2]])
    X = np.c_[[0.0, 1.0, 2.0], np.ones(3)]
    with pytest.raises(ValueError, match="^y "):
        network.objective(U, [1.0, -2.0], X, None, 0.1)
