"""The network a (b x)_+ fitted to (1, 1): loss, gradient descent and flow."""

from __future__ import annotations

import math

import numpy as np
import pytest

from mathcore import twoparam

# Live starts (b0 > 0, a0 > -b0) used by several tests.
LIVE_STARTS = [(0.1, 0.5), (2.0, 0.3), (-0.3, 1.5), (0.5, 2.5), (1.5, 1.5)]


@pytest.fixture(scope="module")
def flow_run():
    """Small-step gradient descent from (0.1, 0.5), close to gradient flow."""
    return twoparam.gradient_descent(0.1, 0.5, 1e-4, 200_000, record_every=1000)


def test_loss_known_values():
    assert twoparam.loss(1.0, 1.0) == 0.0
    assert twoparam.loss(0.0, 0.0) == 0.5
    assert twoparam.loss(3.0, -2.0) == 0.5
    assert twoparam.loss(2.0, 1.0) == 0.5
    assert twoparam.loss(1.0, 1.0, weight_decay=0.5) == pytest.approx(0.5)


def test_loss_returns_float_for_scalars():
    assert isinstance(twoparam.loss(0.3, 0.7), float)


def test_loss_broadcasts():
    values = twoparam.loss(np.linspace(-1, 1, 4)[:, None], np.linspace(0, 2, 3))
    assert values.shape == (4, 3)
    assert values[2, 1] == pytest.approx(twoparam.loss(np.linspace(-1, 1, 4)[2], 1.0))


def test_loss_rejects_mismatched_shapes():
    with pytest.raises(ValueError, match="broadcastable"):
        twoparam.loss(np.zeros(3), np.zeros(4))


def test_loss_grid_orientation():
    A, B, L = twoparam.loss_grid((-1.0, 2.0), (0.0, 3.0), 7, weight_decay=0.2)
    assert A.shape == B.shape == L.shape == (7, 7)
    np.testing.assert_allclose(A[0], np.linspace(-1, 2, 7))
    np.testing.assert_allclose(B[:, 0], np.linspace(0, 3, 7))
    np.testing.assert_allclose(L, twoparam.loss(A, B, weight_decay=0.2))


def test_gradient_matches_finite_differences():
    h = 1e-6
    for a, b in [(0.3, 0.8), (-1.2, 0.4), (2.0, 1.7)]:
        for lam in (0.0, 0.3):
            grad_a, grad_b = twoparam.gradient(a, b, lam)
            diff_a = (twoparam.loss(a + h, b, lam) - twoparam.loss(a - h, b, lam)) / (
                2 * h
            )
            diff_b = (twoparam.loss(a, b + h, lam) - twoparam.loss(a, b - h, lam)) / (
                2 * h
            )
            assert grad_a == pytest.approx(diff_a, abs=1e-7)
            assert grad_b == pytest.approx(diff_b, abs=1e-7)


def test_gradient_zero_for_dead_neuron():
    assert twoparam.gradient(0.7, -0.4) == (0.0, 0.0)
    assert twoparam.gradient(0.7, 0.0) == (0.0, 0.0)


def test_flow_endpoint_known_value():
    a, b = twoparam.flow_endpoint(0.1, 0.5)
    assert round(a, 5) == 0.94190
    assert round(b, 5) == 1.06168


def test_flow_endpoint_on_hyperbola_with_same_balance():
    for a0, b0 in LIVE_STARTS:
        a, b = twoparam.flow_endpoint(a0, b0)
        assert a * b == pytest.approx(1.0, rel=1e-12)
        assert b**2 - a**2 == pytest.approx(b0**2 - a0**2, abs=1e-12)


def test_flow_endpoint_balanced_start_reaches_min_norm():
    assert twoparam.flow_endpoint(0.01, 0.01) == pytest.approx(
        twoparam.min_norm_point()
    )


def test_gd_matches_flow_endpoint(flow_run):
    a, b = flow_run.path[-1]
    assert round(a, 5) == 0.94190
    assert round(b, 5) == 1.06168
    np.testing.assert_allclose(
        flow_run.path[-1], twoparam.flow_endpoint(0.1, 0.5), atol=1e-5
    )
    assert flow_run.loss[-1] < 1e-20


def test_gd_record_layout(flow_run):
    assert flow_run.steps[0] == 0
    assert flow_run.steps[-1] == 200_000
    assert flow_run.path.shape == (201, 2)
    assert flow_run.loss.shape == (201,)
    assert flow_run.balance.shape == (201,)
    assert not flow_run.diverged


def test_gd_balance_drift_proportional_to_step():
    drifts = {}
    for step in (1e-2, 1e-3):
        run = twoparam.gradient_descent(0.1, 0.5, step, int(30 / step))
        drifts[step] = abs(run.balance[-1] - run.balance[0])
    # One step multiplies b^2 - a^2 by 1 - step^2 r^2, so over a fixed time
    # the drift scales with the step.
    assert drifts[1e-3] < 1e-3 * 0.24
    assert drifts[1e-2] / drifts[1e-3] == pytest.approx(10.0, rel=0.05)


def test_gd_balance_within_step_of_start(flow_run):
    assert np.max(np.abs(flow_run.balance - 0.24)) < 0.24 * 1e-4


def test_unbalanced_start_ends_dead():
    a0, b0 = -1.0, 0.5
    assert twoparam.ends_dead(a0, b0)
    run = twoparam.gradient_descent(a0, b0, 1e-3, 20_000)
    assert run.loss[-1] == pytest.approx(0.5, abs=1e-12)
    assert run.path[-1, 1] <= 0.0
    assert run.path[-1, 0] == pytest.approx(twoparam.flow_endpoint(a0, b0)[0], abs=1e-2)
    assert twoparam.loss(*twoparam.flow_endpoint(a0, b0)) == 0.5


def test_inactive_start_is_stationary():
    assert twoparam.ends_dead(0.8, -0.2)
    assert twoparam.flow_endpoint(0.8, -0.2) == (0.8, -0.2)
    run = twoparam.gradient_descent(0.8, -0.2, 0.1, 10)
    np.testing.assert_array_equal(run.path[-1], [0.8, -0.2])


def test_ends_dead_boundary():
    assert twoparam.ends_dead(-0.5, 0.5)
    assert not twoparam.ends_dead(-0.49, 0.5)
    assert twoparam.flow_endpoint(-0.5, 0.5) == (0.0, 0.0)
    for start in LIVE_STARTS:
        assert not twoparam.ends_dead(*start)


def test_weight_decay_runs_reach_minimizer():
    for lam in (0.1, 0.5):
        target = math.sqrt(1.0 - lam)
        assert twoparam.weight_decay_minimizer(lam) == (target, target)
        for start in LIVE_STARTS:
            run = twoparam.gradient_descent(*start, 0.02, 5000, weight_decay=lam)
            np.testing.assert_allclose(run.path[-1], [target, target], atol=1e-8)


def test_strong_weight_decay_reaches_origin():
    assert twoparam.weight_decay_minimizer(1.5) == (0.0, 0.0)
    assert twoparam.weight_decay_minimizer(1.0) == (0.0, 0.0)
    run = twoparam.gradient_descent(0.5, 1.0, 0.05, 4000, weight_decay=1.5)
    np.testing.assert_allclose(run.path[-1], [0.0, 0.0], atol=1e-8)


def test_weight_decay_minimizer_beats_grid():
    for lam in (0.0, 0.3, 0.8, 1.2):
        A, B, L = twoparam.loss_grid((-2.0, 2.0), (-2.0, 2.0), 201, weight_decay=lam)
        best = twoparam.loss(*twoparam.weight_decay_minimizer(lam), weight_decay=lam)
        assert best <= L.min() + 1e-12


def test_zero_loss_curve_has_zero_loss():
    curve = twoparam.zero_loss_curve(0.25, 4.0, 50)
    assert curve.shape == (50, 2)
    np.testing.assert_allclose(curve[:, 0] * curve[:, 1], 1.0)
    np.testing.assert_allclose(twoparam.loss(curve[:, 0], curve[:, 1]), 0.0, atol=1e-15)


def test_min_norm_point_is_least_norm_on_curve():
    curve = twoparam.zero_loss_curve(0.2, 5.0, 1001)
    norms = np.linalg.norm(curve, axis=1)
    assert np.linalg.norm(twoparam.min_norm_point()) <= norms.min() + 1e-12


def test_large_step_diverges_with_finite_path():
    # The penalty's update factor 1 - step * weight_decay is -2 here, and from
    # this start the weights alternate in sign and grow without bound.
    run = twoparam.gradient_descent(0.5, -0.5, 3.0, 100, weight_decay=1.0)
    assert run.diverged
    assert np.all(np.isfinite(run.path))
    assert run.steps.shape[0] == run.path.shape[0]
    assert np.hypot(*run.path[-1]) >= twoparam.DEFAULT_MAX_NORM
