"""Counts too large to compute and inputs whose results leave the float range."""

from __future__ import annotations

import math

import numpy as np
import pytest

from mathcore import landscape, leastsq, network, patterns, twoparam
from mathcore._validate import MAX_COUNT, MAX_GRID, as_count, as_record_interval

TOO_MANY = 10**9


def test_count_above_maximum_rejected():
    with pytest.raises(ValueError, match="n_steps must be <= 10000000, got 1000000000"):
        as_count("n_steps", 10**9)


def test_count_at_maximum_accepted():
    assert as_count("n", MAX_COUNT) == MAX_COUNT


def test_network_descent_rejects_huge_step_count():
    U0 = np.array([[1.0, -1.0], [0.5, 0.2]])
    alpha0 = np.array([0.3, -0.2])
    X = np.array([[0.0, 1.0], [1.0, 1.0]])
    y = np.array([0.0, 1.0])
    with pytest.raises(ValueError, match="n_steps must be <="):
        network.gradient_descent(U0, alpha0, X, y, 0.1, 0.01, TOO_MANY)


def test_least_squares_descent_rejects_huge_step_count():
    A = np.array([[1.0, 2.0], [0.0, 1.0]])
    with pytest.raises(ValueError, match="n_steps must be <="):
        leastsq.gradient_descent(A, np.ones(2), np.zeros(2), 0.1, TOO_MANY)


def test_two_parameter_descent_rejects_huge_step_count():
    with pytest.raises(ValueError, match="n_steps must be <="):
        twoparam.gradient_descent(0.1, 0.1, 0.1, TOO_MANY)


def test_loss_grid_rejects_more_than_grid_limit():
    with pytest.raises(ValueError, match=f"num must be <= {MAX_GRID}"):
        twoparam.loss_grid((-1.0, 1.0), (-1.0, 1.0), MAX_GRID + 1)


def test_landscape_slice_rejects_more_than_grid_limit():
    U = np.array([[1.0, -1.0], [0.5, 0.2]])
    alpha = np.array([0.3, -0.2])
    X = np.array([[0.0, 1.0], [1.0, 1.0]])
    y = np.array([0.0, 1.0])
    with pytest.raises(ValueError, match=f"num must be <= {MAX_GRID}"):
        landscape.weight_slice(
            U, alpha, X, y, 0, 1, (-1.0, 1.0), (-1.0, 1.0), MAX_GRID + 1
        )


@pytest.mark.parametrize(("n", "r"), [(1, 1), (5, 2), (20, 3), (30, 40), (200, 7)])
def test_cover_bound_matches_binomial_sum(n, r):
    expected = 2 * sum(math.comb(n - 1, k) for k in range(r))
    assert patterns.cover_bound(n, r) == expected


def test_cover_bound_at_point_limit():
    n = patterns.COVER_BOUND_MAX_POINTS
    assert patterns.cover_bound(n, n) == 2**n


def test_cover_bound_rejects_too_many_points():
    with pytest.raises(ValueError, match="n must be <="):
        patterns.cover_bound(patterns.COVER_BOUND_MAX_POINTS + 1, 3)


def test_zero_loss_curve_rejects_subnormal_start():
    with pytest.raises(ValueError, match="b_min"):
        twoparam.zero_loss_curve(1e-320, 1.0, 10)


def test_zero_loss_curve_is_finite_at_smallest_start():
    curve = twoparam.zero_loss_curve(1e-100, 1.0, 10)
    assert np.all(np.isfinite(curve))


def test_rescale_rejects_factor_that_overflows():
    U = np.array([[1.0], [2.0]])
    with pytest.raises(ValueError, match="float range"):
        network.rescale(U, np.array([1e100]), 1e-300)


def test_rescale_rejects_factor_that_underflows():
    U = np.array([[1e-100], [2.0]])
    with pytest.raises(ValueError, match="float range"):
        network.rescale(U, np.array([1.0]), 1e-300)


def test_kinks_reject_overflowing_position():
    U = np.array([[1e-320, 1.0], [1.0, 0.5]])
    with pytest.raises(ValueError, match=r"neurons \[0\]"):
        network.kinks_1d(U)


def test_large_seed_accepted():
    U, alpha = network.init_network(2, 3, 1.0, 2**32 - 1)
    assert U.shape == (2, 3)
    assert alpha.shape == (3,)


def test_descent_rejects_too_many_records():
    U0 = np.array([[1.0, -1.0], [0.5, 0.2]])
    with pytest.raises(ValueError, match="raise record_every"):
        network.gradient_descent(
            U0, np.array([0.3, -0.2]), np.eye(2), np.ones(2), 0.1, 0.01, 10**7
        )


def test_sparse_records_accepted():
    # 10**7 steps recorded every 10**4 steps keep 1001 states.
    assert as_record_interval(10**4, 10**7) == 10**4


def test_least_squares_descent_rejects_too_many_records():
    A = np.array([[1.0, 2.0], [0.0, 1.0]])
    with pytest.raises(ValueError, match="raise record_every"):
        leastsq.gradient_descent(A, np.ones(2), np.zeros(2), 0.1, 2 * 10**6)


def test_rescale_rejects_subnormal_result():
    U = np.array([[1e-300], [2e-300]])
    with pytest.raises(ValueError, match="float range"):
        network.rescale(U, np.array([1.0]), 1e-23)


def test_cover_bound_takes_any_rank():
    assert patterns.cover_bound(5, 10**8) == 2**5
