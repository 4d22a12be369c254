"""Tests of the exact and gated convex programs and of beta_max."""

from __future__ import annotations

import warnings

import cvxpy as cp
import numpy as np
import pytest

from mathcore import convex, datasets, network, patterns


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    """Keep every cached result of this module in a temporary folder."""
    monkeypatch.setenv("MATHCORE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("MATHCORE_NO_CACHE", raising=False)


@pytest.fixture
def hand():
    return datasets.hand_case()


@pytest.fixture
def lecture():
    return datasets.lecture_1d()


def cone_violation(solution, X):
    """Return the largest violation of (2 D_i - I) X u >= 0 by the neurons."""
    U, _ = solution.network()
    masks = solution.patterns[solution.block_pattern[solution.active]]
    orientation = 2.0 * masks.T - 1.0
    return max(0.0, float(-np.min(orientation * (X @ U))))


def test_hand_case_beta_max(hand):
    assert convex.beta_max(hand.X, hand.y) == pytest.approx(5.0, rel=1e-12)
    assert convex.beta_max(hand.X, hand.y, gated=True) == pytest.approx(5.0, rel=1e-12)


@pytest.mark.parametrize("beta", [0.05, 0.25, 0.5, 0.75, 1.0])
def test_hand_case_optimal_value(hand, beta):
    solution = convex.solve(hand.X, hand.y, beta)
    assert solution.objective == pytest.approx(2 * beta - 0.6 * beta**2, abs=1e-7)


def test_hand_case_network_at_half(hand):
    solution = convex.solve(hand.X, hand.y, 0.5)
    U, alpha = solution.network()
    assert U.shape == (1, 2)
    order = np.argsort(-U[0])
    np.testing.assert_allclose(U[0, order], [0.948683, -0.707107], atol=1e-6)
    np.testing.assert_allclose(alpha[order], [0.948683, 0.707107], atol=1e-6)
    assert solution.objective == pytest.approx(0.85, abs=1e-6)
    assert network.objective(U, alpha, hand.X, hand.y, 0.5) == pytest.approx(
        0.85, abs=1e-6
    )


@pytest.mark.parametrize("beta", [0.02, 0.1, 0.5, 2.0])
def test_recovered_network_matches_optimum(lecture, beta):
    solution = convex.solve(lecture.X, lecture.y, beta)
    U, alpha = solution.network()
    value = network.objective(U, alpha, lecture.X, lecture.y, beta)
    assert value == pytest.approx(solution.objective, rel=1e-6)
    np.testing.assert_allclose(np.linalg.norm(U, axis=0), np.abs(alpha), rtol=1e-12)
    assert cone_violation(solution, lecture.X) < 1e-7
    np.testing.assert_allclose(
        solution.predict(lecture.X),
        np.sum(solution.patterns.T * (lecture.X @ (solution.v - solution.w).T), 1),
        atol=1e-7,
    )


def test_recovered_signs_follow_blocks(lecture):
    solution = convex.solve(lecture.X, lecture.y, lecture.beta)
    _, alpha = solution.network()
    np.testing.assert_array_equal(np.sign(alpha), solution.block_sign[solution.active])
    assert 2 <= alpha.size <= 4


def test_split_neurons_are_merged(lecture):
    # At small beta kinks sit on data points, where several pattern cones
    # share a ray; no two active blocks of one sign may remain parallel.
    solution = convex.solve(lecture.X, lecture.y, 0.01)
    blocks = np.vstack([solution.v, solution.w])[solution.active]
    units = blocks / np.linalg.norm(blocks, axis=1, keepdims=True)
    signs = solution.block_sign[solution.active]
    for i in range(len(units)):
        for j in range(i):
            if signs[i] == signs[j]:
                assert np.linalg.norm(units[i] - units[j]) > 1e-3


def test_gd_never_beats_convex_optimum(lecture):
    beta = lecture.beta
    optimum = convex.solve(lecture.X, lecture.y, beta).objective
    finals = []
    for seed in range(10):
        U, alpha = network.init_network(2, 10, 0.5, seed)
        run = network.gradient_descent(
            U, alpha, lecture.X, lecture.y, beta, 0.05, 3000, record_every=3000
        )
        assert run.loss.min() >= optimum * (1 - 1e-6)
        finals.append(run.loss[-1])
    assert min(finals) <= optimum * (1 + 1e-3)


def test_interpolation_fits_exactly(lecture):
    solution = convex.solve(lecture.X, lecture.y, 0.0)
    np.testing.assert_allclose(solution.predict(lecture.X), lecture.y, atol=1e-7)
    U, alpha = solution.network()
    penalty = 0.5 * (np.sum(U**2) + np.sum(alpha**2))
    assert penalty == pytest.approx(solution.objective, rel=1e-7)
    assert solution.objective == pytest.approx(np.sum(solution.block_norms), rel=1e-12)


def test_interpolation_is_limit_of_small_beta(lecture):
    exact = convex.solve(lecture.X, lecture.y, 0.0)
    small = convex.solve(lecture.X, lecture.y, 1e-4)
    assert np.sum(small.block_norms) <= exact.objective * (1 + 1e-6)
    assert np.sum(small.block_norms) == pytest.approx(exact.objective, rel=1e-2)


def test_gated_interpolation_fits(lecture):
    solution = convex.solve(lecture.X, lecture.y, 0.0, gated=True)
    np.testing.assert_allclose(solution.predict(lecture.X), lecture.y, atol=1e-7)
    exact = convex.solve(lecture.X, lecture.y, 0.0)
    assert solution.objective <= exact.objective * (1 + 1e-7)


@pytest.mark.parametrize("beta", [0.05, 0.1, 0.5])
def test_gated_at_most_exact(lecture, beta):
    gated = convex.solve(lecture.X, lecture.y, beta, gated=True)
    exact = convex.solve(lecture.X, lecture.y, beta)
    assert gated.objective <= exact.objective * (1 + 1e-7)
    assert gated.block_norms.shape == (gated.n_patterns,)
    assert exact.block_norms.shape == (2 * exact.n_patterns,)
    np.testing.assert_array_equal(gated.w, 0.0)


def test_gated_gap_on_gaussian_data():
    data = datasets.gaussian_points(10, 3, seed=0)
    gated = convex.solve(data.X, data.y, 0.1, gated=True)
    exact = convex.solve(data.X, data.y, 0.1)
    assert gated.objective < exact.objective


@pytest.mark.parametrize("gated", [False, True])
@pytest.mark.parametrize("name", ["lecture_1d", "hand_case"])
def test_blocks_vanish_exactly_above_beta_max(name, gated):
    data = datasets.get(name)
    top = convex.beta_max(data.X, data.y, gated=gated)
    above = convex.solve(data.X, data.y, 1.001 * top, gated=gated)
    below = convex.solve(data.X, data.y, 0.999 * top, gated=gated)
    assert above.active.size == 0
    assert below.active.size >= 1
    assert above.objective == pytest.approx(0.5 * data.y @ data.y, rel=1e-7)


def test_exact_beta_max_between_zero_and_gated():
    for seed in range(3):
        data = datasets.gaussian_points(8, 3, seed)
        exact = convex.beta_max(data.X, data.y)
        gated = convex.beta_max(data.X, data.y, gated=True)
        assert 0.0 < exact <= gated * (1 + 1e-12)


def test_exact_beta_max_matches_socp(lecture):
    # Solve max_{u in K_i, ||u|| <= 1} +-y^T D_i X u with cvxpy for every
    # pattern, independently of the projection formula.
    found, _ = patterns.enumerate_patterns(lecture.X)
    best = 0.0
    for mask in found:
        u = cp.Variable(2)
        orientation = 2.0 * mask - 1.0
        cone = [cp.multiply(orientation, lecture.X @ u) >= 0, cp.norm(u) <= 1]
        gain = (mask * lecture.y) @ lecture.X @ u
        for sign in (1, -1):
            problem = cp.Problem(cp.Maximize(sign * gain), cone)
            problem.solve(solver=cp.CLARABEL)
            best = max(best, problem.value)
    assert convex.beta_max(lecture.X, lecture.y) == pytest.approx(best, rel=1e-6)


def test_exact_beta_max_bounds_sampled_directions(lecture):
    angles = np.linspace(0, 2 * np.pi, 200_001)
    units = np.vstack([np.cos(angles), np.sin(angles)])
    values = np.abs(lecture.y @ np.maximum(lecture.X @ units, 0.0))
    top = convex.beta_max(lecture.X, lecture.y)
    assert values.max() <= top * (1 + 1e-12)
    assert values.max() >= top * (1 - 1e-6)


def test_sampled_patterns_give_upper_bound():
    data = datasets.gaussian_points(10, 3, seed=1)
    full = convex.solve(data.X, data.y, 0.1)
    subset = patterns.sample_patterns(data.X, 30, seed=0)
    partial = convex.solve(data.X, data.y, 0.1, patterns=subset)
    assert partial.n_patterns < full.n_patterns
    assert partial.objective >= full.objective * (1 - 1e-7)


def test_gated_predict_uses_gates(lecture):
    solution = convex.solve(lecture.X, lecture.y, lecture.beta, gated=True)
    fitted = np.sum(solution.patterns.T * (lecture.X @ solution.v.T), axis=1)
    np.testing.assert_allclose(solution.predict(lecture.X), fitted, atol=1e-12)
    with pytest.raises(ValueError, match="no ReLU network"):
        solution.network()


def test_gated_predict_without_directions_raises(lecture):
    found, _ = patterns.enumerate_patterns(lecture.X)
    solution = convex.solve(lecture.X, lecture.y, lecture.beta, True, found)
    assert solution.directions is None
    with pytest.raises(ValueError, match="no gate directions"):
        solution.predict(lecture.X)


def test_patterns_argument_forms(lecture):
    plane = patterns.enumerate_patterns_2d(lecture.X)
    pair = (plane.patterns, plane.directions)
    by_object = convex.solve(lecture.X, lecture.y, 0.3, patterns=plane)
    by_pair = convex.solve(lecture.X, lecture.y, 0.3, patterns=pair)
    by_array = convex.solve(lecture.X, lecture.y, 0.3, patterns=plane.patterns)
    default = convex.solve(lecture.X, lecture.y, 0.3)
    for other in (by_pair, by_array, default):
        assert other.objective == pytest.approx(by_object.objective, rel=1e-9)
    with pytest.raises(ValueError, match="do not produce"):
        convex.solve(lecture.X, lecture.y, 0.3, patterns=(plane.patterns, -pair[1]))


def test_failed_status_raises(lecture, monkeypatch):
    def fail(problem, *args, **kwargs):
        problem._status = cp.INFEASIBLE

    monkeypatch.setattr(cp.Problem, "solve", fail)
    with pytest.raises(convex.SolverError, match="status 'infeasible'"):
        convex.solve(lecture.X, lecture.y, 0.2, use_cache=False)


def test_solver_exception_raises(lecture, monkeypatch):
    def crash(problem, *args, **kwargs):
        raise cp.error.SolverError("numerical trouble")

    monkeypatch.setattr(cp.Problem, "solve", crash)
    with pytest.raises(convex.SolverError, match="numerical trouble"):
        convex.solve(lecture.X, lecture.y, 0.2, use_cache=False)


def test_inaccurate_status_warns(lecture, monkeypatch):
    original = cp.Problem.solve

    def inaccurate(problem, *args, **kwargs):
        result = original(problem, *args, **kwargs)
        problem._status = cp.OPTIMAL_INACCURATE
        return result

    monkeypatch.setattr(cp.Problem, "solve", inaccurate)
    with pytest.warns(convex.InaccurateSolutionWarning, match="inaccurate"):
        solution = convex.solve(lecture.X, lecture.y, 0.2, use_cache=False)
    assert solution.status == cp.OPTIMAL_INACCURATE


def test_infeasible_interpolation_raises():
    # One input with two labels: no network interpolates.
    X = network.add_bias([0.5, 0.5, 1.0])
    with pytest.raises(convex.SolverError, match="no network interpolates"):
        convex.solve(X, [0.0, 1.0, 2.0], 0.0, use_cache=False)


def test_cache_returns_same_numbers(lecture, tmp_path):
    first = convex.solve(lecture.X, lecture.y, 0.3)
    files = list((tmp_path / "cache").rglob("*.pkl"))
    assert len(files) == 1
    again = convex.solve(lecture.X, lecture.y, 0.3)
    fresh = convex.solve(lecture.X, lecture.y, 0.3, use_cache=False)
    assert again.objective == first.objective
    np.testing.assert_array_equal(again.v, first.v)
    np.testing.assert_array_equal(again.active, first.active)
    assert fresh.objective == pytest.approx(first.objective, rel=1e-9)
    other = convex.solve(lecture.X, lecture.y, 0.31)
    assert other.objective != first.objective
    assert len(list((tmp_path / "cache").rglob("*.pkl"))) == 2


def test_too_many_patterns_to_enumerate():
    data = datasets.gaussian_points(60, 5, seed=0)
    with pytest.raises(ValueError, match="sample_patterns"):
        convex.solve(data.X, data.y, 0.1)


def test_no_warnings_on_normal_solve(lecture):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        convex.solve(lecture.X, lecture.y, 0.1, use_cache=False)


@pytest.mark.parametrize("scale", [1e-9, 1e-5, 1e5])
def test_solution_scales_with_labels(scale):
    data = datasets.lecture_1d()
    base = convex.solve(data.X, data.y, 0.1, use_cache=False)
    scaled = convex.solve(data.X, data.y * scale, 0.1 * scale, use_cache=False)
    assert scaled.objective / scale**2 == pytest.approx(base.objective, rel=1e-6)
    assert scaled.active.size == base.active.size


def test_solution_invariant_to_input_scale():
    data = datasets.lecture_1d()
    base = convex.solve(data.X, data.y, 0.1, use_cache=False)
    scaled = convex.solve(data.X * 1e-6, data.y, 0.1 * 1e-6, use_cache=False)
    assert scaled.objective == pytest.approx(base.objective, rel=1e-6)
