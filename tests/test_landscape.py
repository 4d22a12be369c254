"""Loss slices, descent inside them, the non-convexity witness and the showcase."""

from __future__ import annotations

import numpy as np
import pytest

from mathcore import convex, datasets, landscape, network

D, M = 2, 3


@pytest.fixture(scope="module")
def data():
    dataset = datasets.lecture_1d()
    return dataset.X, dataset.y


@pytest.fixture(scope="module")
def interpolant(data):
    X, y = data
    return landscape.interpolating_network(X, y)


@pytest.fixture(scope="module")
def showcase():
    """The default showcase on the lecture data, computed without cache."""
    return landscape.showcase_runs(use_cache=False)


@pytest.fixture(scope="module")
def demo():
    return landscape.valley_demo()


@pytest.fixture(scope="module")
def convex_optimum(data):
    """Optimal values of the exact convex program at beta = 0 and 0.1."""
    X, y = data
    return {
        beta: convex.solve(X, y, beta, use_cache=False).objective for beta in (0.0, 0.1)
    }


def random_network(seed: int = 0):
    rng = np.random.default_rng(seed)
    return rng.standard_normal((D, M)), rng.standard_normal(M)


# Parameter vectors -------------------------------------------------------------


def test_flatten_round_trip():
    U, alpha = random_network()
    theta = landscape.flatten(U, alpha)
    assert theta.shape == (D * M + M,)
    U_back, alpha_back = landscape.unflatten(theta, D, M)
    np.testing.assert_array_equal(U_back, U)
    np.testing.assert_array_equal(alpha_back, alpha)


def test_indices_match_flatten():
    U, alpha = random_network()
    theta = landscape.flatten(U, alpha)
    for row in range(D):
        for neuron in range(M):
            assert theta[landscape.u_index(D, M, row, neuron)] == U[row, neuron]
    for neuron in range(M):
        assert theta[landscape.alpha_index(D, M, neuron)] == alpha[neuron]


# Slices ----------------------------------------------------------------------


def test_weight_slice_matches_objective(data, interpolant):
    X, y = data
    U, alpha = interpolant
    d, m = U.shape
    i, j = landscape.u_index(d, m, 1, 2), landscape.alpha_index(d, m, 3)
    loss_slice = landscape.weight_slice(
        U, alpha, X, y, i, j, (-2.0, 2.0), (-3.0, 1.0), num=21, beta=0.05
    )
    assert loss_slice.loss.shape == (21, 21)
    for row, col in [(0, 0), (5, 17), (20, 3)]:
        s, t = loss_slice.grid_x[row, col], loss_slice.grid_y[row, col]
        U_here, alpha_here = U.copy(), alpha.copy()
        U_here[1, 2], alpha_here[3] = s, t
        expected = network.objective(U_here, alpha_here, X, y, 0.05)
        assert loss_slice.loss[row, col] == pytest.approx(expected, rel=1e-12)
        np.testing.assert_allclose(
            landscape.flatten(*loss_slice.network_at(s, t)),
            landscape.flatten(U_here, alpha_here),
        )


def test_weight_slice_axes_are_weight_values(data, interpolant):
    X, y = data
    U, alpha = interpolant
    loss_slice = landscape.weight_slice(U, alpha, X, y, 0, 1, (-1.0, 1.0), (0, 2), 5)
    np.testing.assert_allclose(loss_slice.grid_x[0], np.linspace(-1, 1, 5))
    np.testing.assert_allclose(loss_slice.grid_y[:, 0], np.linspace(0, 2, 5))


def test_weight_slice_rejects_repeated_index(data, interpolant):
    X, y = data
    U, alpha = interpolant
    with pytest.raises(ValueError, match="must differ"):
        landscape.weight_slice(U, alpha, X, y, 2, 2, (0, 1), (0, 1), 5)


def test_neuron_slice_zero_on_rescalings(data, interpolant):
    X, y = data
    U, alpha = interpolant
    neuron = 4
    curve = landscape.rescaling_curve(U, alpha, neuron, 0.5, 3.0, 7)
    length = np.linalg.norm(U[:, neuron])
    for s, t in curve:
        U_here, alpha_here = U.copy(), alpha.copy()
        U_here[:, neuron] *= s / length
        alpha_here[neuron] = t
        assert network.objective(U_here, alpha_here, X, y, 0.0) < 1e-20


def test_neuron_slice_origin_and_valley(data, interpolant):
    X, y = data
    U, alpha = interpolant
    neuron = 4
    loss_slice = landscape.neuron_slice(
        U, alpha, X, y, neuron, (0.05, 4.0), (-2.0, 6.0), num=41
    )
    length = np.linalg.norm(U[:, neuron])
    theta = loss_slice.theta_at(length, alpha[neuron])
    np.testing.assert_allclose(theta, landscape.flatten(U, alpha), atol=1e-14)
    # Dead neuron (s t = 0): the other neurons alone, a positive loss.
    assert loss_slice.loss.min() < loss_slice.loss.max() * 1e-2
    assert loss_slice.loss.max() > 1.0


def test_neuron_slice_rejects_zero_neuron(data, interpolant):
    X, y = data
    U, alpha = interpolant
    U = U.copy()
    U[:, 0] = 0.0
    with pytest.raises(ValueError, match="zero first-layer weights"):
        landscape.neuron_slice(U, alpha, X, y, 0, (0.1, 1), (0, 1), 5)


def test_direction_slice_center_at_origin(data, interpolant):
    X, y = data
    center = landscape.flatten(*interpolant)
    rng = np.random.default_rng(5)
    dir1, dir2 = rng.standard_normal((2, center.size))
    loss_slice = landscape.direction_slice(
        center, dir1, dir2, X, y, (-1, 1), (-1, 1), num=11, beta=0.1
    )
    expected = network.objective(*interpolant, X, y, 0.1)
    assert loss_slice.loss[5, 5] == pytest.approx(expected, rel=1e-12)
    assert loss_slice.m == interpolant[0].shape[1]
    corner = landscape.unflatten(center - dir1 + dir2, 2, loss_slice.m)
    assert loss_slice.loss[10, 0] == pytest.approx(
        network.objective(*corner, X, y, 0.1), rel=1e-12
    )


def test_direction_slice_rejects_parallel_directions(data, interpolant):
    X, y = data
    center = landscape.flatten(*interpolant)
    with pytest.raises(ValueError, match="not parallel"):
        landscape.direction_slice(center, center, 2 * center, X, y)


def test_direction_slice_rejects_bad_length(data):
    X, y = data
    with pytest.raises(ValueError, match="center must have length"):
        landscape.direction_slice(np.ones(7), np.ones(7), np.arange(7.0), X, y)


# Descent inside a slice ----------------------------------------------------------


def test_slice_descent_first_step_is_projected_gradient(data, interpolant):
    X, y = data
    U, alpha = interpolant
    loss_slice = landscape.neuron_slice(
        U, alpha, X, y, 4, (0.05, 4.0), (-2.0, 6.0), num=5, beta=0.02
    )
    start = np.array([0.7, 1.3])
    (path,) = landscape.gd_paths_on_slice(loss_slice, [start], 0.01, 1)
    d_U, d_alpha = network.gradient(*loss_slice.network_at(*start), X, y, 0.02)
    gradient = loss_slice.directions @ landscape.flatten(d_U, d_alpha)
    np.testing.assert_allclose(path.coords[1], start - 0.01 * gradient, rtol=1e-12)
    assert path.loss[0] == pytest.approx(
        network.objective(*loss_slice.network_at(*start), X, y, 0.02)
    )


def test_slice_descent_records(data, interpolant):
    X, y = data
    loss_slice = landscape.neuron_slice(*interpolant, X, y, 4, (0.05, 4), (-2, 6), 5)
    paths = landscape.gd_paths_on_slice(
        loss_slice, [[0.4, 0.4], [3.0, 1.0]], 0.01, 95, record_every=10
    )
    assert len(paths) == 2
    for path in paths:
        np.testing.assert_array_equal(path.steps, [0, *range(10, 100, 10), 95])
        assert path.coords.shape == (11, 2)
        assert np.all(np.diff(path.loss) <= 1e-12)


def test_slice_descent_overflow_raises(data, interpolant):
    X, y = data
    loss_slice = landscape.neuron_slice(*interpolant, X, y, 4, (0.05, 4), (-2, 6), 5)
    with pytest.raises(FloatingPointError, match="smaller step"):
        landscape.gd_paths_on_slice(loss_slice, [[3.0, 5.0]], 50.0, 200)


def test_valley_demo_paths_end_in_valley(demo):
    product = np.linalg.norm(demo.U[:, demo.neuron]) * demo.alpha[demo.neuron]
    np.testing.assert_allclose(demo.valley[:, 0] * demo.valley[:, 1], product)
    live = [path for path in demo.paths if path.coords[0, 1] > 0]
    assert len(live) == 4
    ends = []
    for path in live:
        assert path.loss[-1] < 1e-12
        s, t = path.coords[-1]
        assert s * t == pytest.approx(product, rel=1e-6)
        ends.append(s)
    # The runs land at different points of the valley.
    assert max(ends) - min(ends) > 2.0


def test_valley_demo_paths_keep_balance(demo):
    for path in demo.paths:
        balance = path.coords[:, 0] ** 2 - path.coords[:, 1] ** 2
        scale = np.max(np.sum(path.coords**2, axis=1))
        assert np.max(np.abs(balance - balance[0])) < 0.05 * scale


def test_valley_demo_wrong_sign_start_dies(demo):
    dead = [path for path in demo.paths if path.coords[0, 1] < 0]
    assert len(dead) == 1
    assert abs(dead[0].coords[-1, 0]) < 1e-6
    assert dead[0].loss[-1] > 1.0


# Non-convexity witness -------------------------------------------------------------


def test_interpolating_network_fits(data, interpolant):
    X, y = data
    np.testing.assert_allclose(network.predict(*interpolant, X), y, atol=1e-12)
    assert interpolant[0].shape == (2, 6)


def test_interpolating_network_needs_bias():
    with pytest.raises(ValueError, match="bias column"):
        landscape.interpolating_network([[1.0, 2.0], [3.0, 4.0]], [1.0, 2.0])


def test_witness_endpoints_are_global_minima(data):
    X, y = data
    witness = landscape.nonconvexity_witness(X, y)
    assert witness.endpoint_loss < 1e-8
    assert witness.segment_loss[0] < 1e-8
    assert witness.segment_loss[-1] < 1e-8


def test_witness_same_function_at_endpoints(data):
    X, y = data
    witness = landscape.nonconvexity_witness(X, y)
    # Swapping neurons only reorders the sum over neurons, so the outputs
    # agree up to rounding.
    np.testing.assert_allclose(witness.predictions_1, witness.predictions_2, atol=1e-13)
    assert not np.array_equal(witness.theta_1, witness.theta_2)


def test_witness_midpoint_loss_clearly_positive(data):
    X, y = data
    witness = landscape.nonconvexity_witness(X, y, num=11)
    # The default pair maximizes the midpoint loss; on the lecture data it
    # is above 100, far beyond any rounding error of the endpoints.
    assert witness.midpoint_loss > 100.0
    assert witness.segment_loss[5] == pytest.approx(witness.midpoint_loss)
    assert np.argmax(witness.segment_loss) == 5


def test_witness_with_given_pair(data):
    X, y = data
    witness = landscape.nonconvexity_witness(X, y, pair=(1, 2))
    assert witness.pair == (1, 2)
    assert witness.midpoint_loss > 1.0
    U_2, alpha_2 = landscape.unflatten(witness.theta_2, witness.d, witness.m)
    U_1, alpha_1 = landscape.unflatten(witness.theta_1, witness.d, witness.m)
    np.testing.assert_array_equal(U_2[:, [1, 2]], U_1[:, [2, 1]])
    np.testing.assert_array_equal(alpha_2[[1, 2]], alpha_1[[2, 1]])


def test_witness_at_weight_decay_optimum(data, showcase, convex_optimum):
    X, y = data
    run = showcase.group("weight_decay")[0]
    witness = landscape.nonconvexity_witness(X, y, run.U, run.alpha, beta=0.1)
    assert witness.endpoint_loss == pytest.approx(convex_optimum[0.1], abs=1e-6)
    assert witness.midpoint_loss > witness.endpoint_loss + 0.1


def test_witness_rejects_non_minimum(data):
    X, y = data
    U, alpha = random_network()
    with pytest.raises(ValueError, match="global minimum"):
        landscape.nonconvexity_witness(X, y, U, alpha)


def test_witness_rejects_weight_decay_without_network(data):
    X, y = data
    with pytest.raises(ValueError, match="beta must be 0"):
        landscape.nonconvexity_witness(X, y, beta=0.1)


def test_witness_rejects_bad_pair(data):
    X, y = data
    for pair in [(1, 1), (0, 9), (0,), "ab"]:
        with pytest.raises(ValueError, match="pair"):
            landscape.nonconvexity_witness(X, y, pair=pair)


# Showcase ---------------------------------------------------------------------


def test_batched_descent_matches_network(data):
    X, y = data
    U0, alpha0 = network.init_network(2, 5, 0.5, 3)
    expected = network.gradient_descent(U0, alpha0, X, y, 0.1, 0.01, 300, 100)
    steps, U_records, alpha_records = landscape._batched_descent(
        U0[None], alpha0[None], X, y, np.array([0.1]), 0.01, 300, 100
    )
    np.testing.assert_array_equal(steps, expected.steps)
    np.testing.assert_allclose(U_records[:, 0], expected.U, rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(alpha_records[:, 0], expected.alpha, rtol=1e-10)


def test_showcase_layout(showcase):
    assert len(showcase.runs) == 18
    assert [run.group for run in showcase.runs[::6]] == list(landscape.SHOWCASE_GROUPS)
    run = showcase.runs[0]
    k = run.steps.shape[0]
    assert run.objective.shape == (k,)
    assert run.neuron_paths.shape == (k, showcase.m, 2)
    assert run.values.shape == showcase.grid.shape
    assert showcase.grid[0] < showcase.x.min()


def test_showcase_groups_share_seeds(showcase):
    small, large = showcase.group("small"), showcase.group("large")
    for a, b in zip(small, large, strict=True):
        np.testing.assert_allclose(a.U0 / a.init_scale, b.U0 / b.init_scale)


def test_large_starts_reach_larger_norm(showcase):
    small = [run for run in showcase.group("small") if run.interpolates]
    large = [run for run in showcase.group("large") if run.interpolates]
    assert len(small) >= 4
    assert len(large) >= 4
    assert min(run.norm for run in large) > 1.5 * max(run.norm for run in small)


def test_small_starts_near_min_norm(showcase, convex_optimum):
    # For a balanced network the path norm equals (1/2)||theta||^2, whose
    # minimum over interpolating networks is the convex optimum at beta = 0.
    for run in showcase.group("small"):
        if run.interpolates:
            assert run.path_norm >= convex_optimum[0.0] - 1e-6
            assert run.path_norm < 1.03 * convex_optimum[0.0]
            assert np.max(np.abs(run.balance)) < 0.01


def test_large_starts_unbalanced(showcase):
    for run in showcase.group("large"):
        assert np.max(np.abs(run.balance)) > 1.0


def test_stalled_run_is_flagged(showcase):
    stalled = [run for run in showcase.runs[:12] if not run.interpolates]
    assert stalled
    for run in stalled:
        assert run.fit > 1e-4


def test_weight_decay_runs_agree(showcase, convex_optimum):
    runs = showcase.group("weight_decay")
    reference = runs[0]
    for run in runs:
        assert run.objective[-1] == pytest.approx(convex_optimum[0.1], abs=1e-4)
        assert run.norm == pytest.approx(reference.norm, rel=1e-3)
        np.testing.assert_allclose(run.values, reference.values, atol=1e-3)
        assert np.max(np.abs(run.balance)) < 1e-3


def test_showcase_cache_round_trip(tmp_path, monkeypatch):
    monkeypatch.setenv("MATHCORE_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("MATHCORE_NO_CACHE", raising=False)
    options = {"m": 4, "n_runs": 1, "n_steps": 50, "record_every": 25}
    fresh = landscape.showcase_runs(**options, use_cache=False)
    stored = landscape.showcase_runs(**options)
    loaded = landscape.showcase_runs(**options)
    assert list(tmp_path.rglob("*.pkl"))
    for first, second in zip(fresh.runs, loaded.runs, strict=True):
        np.testing.assert_array_equal(first.U, second.U)
        np.testing.assert_array_equal(first.values, second.values)
    assert stored.runs[0].norm == fresh.runs[0].norm


def test_showcase_group_rejects_unknown_name(showcase):
    with pytest.raises(ValueError, match="name must be one of"):
        showcase.group("medium")
