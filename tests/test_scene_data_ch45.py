"""Tests of the scene data of chapters 4 and 5."""

from __future__ import annotations

import math

import numpy as np
import pytest

from mathcore import convex, datasets, network, path, patterns
from mathcore import scene_data_ch45 as sd


@pytest.fixture
def plane():
    return patterns.enumerate_patterns_2d(datasets.plane_points(5).x)


def test_arc_index_matches_patterns(plane):
    X = datasets.plane_points(5).x
    for k, (start, end) in enumerate(plane.arcs):
        width = np.mod(end - start, 2 * np.pi)
        for fraction in (0.001, 0.5, 0.999):
            angle = start + fraction * width
            assert sd.arc_index(plane.arcs, angle) == k
            g = np.array([math.cos(angle), math.sin(angle)])
            np.testing.assert_array_equal(X @ g >= 0, plane.patterns[k])


def test_arc_index_wraps_angles(plane):
    middle = plane.arcs[3].mean()
    assert sd.arc_index(plane.arcs, middle + 2 * np.pi) == 3
    assert sd.arc_index(plane.arcs, middle - 4 * np.pi) == 3


def test_patterns_found_counts_each_arc_once(plane):
    start = plane.arcs[0].mean()
    angles = start + np.linspace(0.0, 2 * np.pi, 400)
    counts = [sd.patterns_found(plane.arcs, start, a) for a in angles]
    assert counts[0] == 1
    assert counts[-1] == len(plane)
    assert np.all(np.diff(counts) >= 0)
    assert sorted(set(counts)) == list(range(1, len(plane) + 1))


def test_patterns_found_from_arc_start(plane):
    start = float(plane.arcs[4, 0])
    end = start + 2 * np.pi - 1e-9
    assert sd.patterns_found(plane.arcs, start, start) == 1
    assert sd.patterns_found(plane.arcs, start, end) == len(plane)


def test_patterns_found_rejects_backwards_turn(plane):
    with pytest.raises(ValueError, match="angle must be >="):
        sd.patterns_found(plane.arcs, 1.0, 0.5)


def test_arc_index_rejects_unordered_arcs(plane):
    with pytest.raises(ValueError, match="increasing angles"):
        sd.arc_index(plane.arcs[::-1], 0.0)


def test_pattern_counts_match_known_cases():
    rows = sd.pattern_counts([(5, 2), (8, 3), (10, 3)])
    assert [row.exact for row in rows] == [10, 58, 92]
    assert [row.bound for row in rows] == [10, 58, 92]
    assert [row.subsets for row in rows] == [32, 256, 1024]
    assert [row.rank for row in rows] == [2, 3, 3]
    for row in rows:
        assert row.sampled <= row.exact


def test_pattern_counts_sampling_misses_regions_in_3d():
    (row,) = sd.pattern_counts([(10, 3)], n_samples=1000, seed=0)
    assert row.sampled < row.exact


def test_pattern_counts_rejects_bad_case():
    with pytest.raises(ValueError, match="pair"):
        sd.pattern_counts([(5, 2, 1)])
    with pytest.raises(ValueError, match="d must be >= 2"):
        sd.pattern_counts([(5, 1)])


def test_train_from_seeds_matches_gradient_descent():
    data = datasets.lecture_1d()
    runs = sd.train_from_seeds(
        data.X, data.y, 0.1, 3, 0.5, 0.02, 200, seeds=[0, 5], use_cache=False
    )
    assert runs.losses.shape == (2, runs.steps.size)
    assert runs.steps[0] == 0
    assert runs.steps[-1] == 200
    U0, alpha0 = network.init_network(2, 3, 0.5, 5)
    trajectory = network.gradient_descent(
        U0, alpha0, data.X, data.y, 0.1, 0.02, 200, record_every=10
    )
    np.testing.assert_allclose(runs.losses[1], trajectory.loss)
    np.testing.assert_allclose(runs.networks[1][0], trajectory.final[0])
    assert runs.final_objective[1] == pytest.approx(trajectory.loss[-1])


def test_train_from_seeds_never_below_convex_optimum():
    data = datasets.lecture_1d()
    optimum = convex.solve(data.X, data.y, data.beta).objective
    runs = sd.train_from_seeds(
        data.X, data.y, data.beta, 10, 0.5, 0.02, 3000, seeds=range(4), use_cache=False
    )
    assert np.all(runs.final_objective >= optimum - 1e-6)


def test_train_from_seeds_rejects_empty_seeds():
    data = datasets.lecture_1d()
    with pytest.raises(ValueError, match="at least one seed"):
        sd.train_from_seeds(data.X, data.y, 0.1, 3, 0.5, 0.02, 10, seeds=[])


def test_log_spaced_records_cover_the_run():
    steps = np.arange(0, 20_001)
    picked = sd.log_spaced_records(steps, 100)
    assert picked[0] == 1
    assert picked[-1] == 20_000
    assert np.all(np.diff(picked) > 0)
    assert 50 <= picked.size <= 100
    # Below 10 iterations whole steps are further apart than the targets.
    gaps = np.diff(np.log10(steps[picked]))
    assert gaps[steps[picked][:-1] >= 10].max() < 0.1


def test_log_spaced_records_reject_unsorted_steps():
    with pytest.raises(ValueError, match="increasing"):
        sd.log_spaced_records([0, 5, 3], 10)


def test_runs_at_optimum_rounds_to_shown_digits():
    flags = sd.runs_at_optimum([0.78957, 0.78966, 0.7921], 0.789576, decimals=4)
    np.testing.assert_array_equal(flags, [True, False, False])


def test_sparsity_example_zero_patterns():
    example = sd.sparsity_example()
    assert example.lasso.shape == example.groups.shape
    # The group lasso zeros whole groups: every group is all zero or all nonzero.
    for g in range(example.n_groups):
        block = example.group_lasso[example.groups == g]
        assert np.all(block == 0) or np.all(block != 0)
    # The lasso zeros single coefficients inside groups it uses.
    assert example.lasso_groups_used > example.group_lasso_groups_used
    partly = [
        g
        for g in range(example.n_groups)
        if 0 < np.count_nonzero(example.lasso[example.groups == g]) < 3
    ]
    assert partly


def test_sparsity_example_optimality_conditions():
    example = sd.sparsity_example()
    A, y = example.A, example.y
    # Clarabel's tolerances leave the conditions off by about 1e-5 of lambda.
    tolerance = 1e-4 * max(example.lasso_lambda, example.group_lambda)
    gradient = A.T @ (A @ example.lasso - y)
    active = example.lasso != 0
    np.testing.assert_allclose(
        gradient[active],
        -example.lasso_lambda * np.sign(example.lasso[active]),
        atol=tolerance,
    )
    assert np.all(np.abs(gradient[~active]) <= example.lasso_lambda + tolerance)
    residual = A @ example.group_lasso - y
    for g in range(example.n_groups):
        mask = example.groups == g
        part = A[:, mask].T @ residual
        block = example.group_lasso[mask]
        if np.any(block != 0):
            expected = -example.group_lambda * block / np.linalg.norm(block)
            np.testing.assert_allclose(part, expected, atol=tolerance)
        else:
            assert np.linalg.norm(part) <= example.group_lambda + tolerance


def test_sparsity_example_rejects_bad_fraction():
    with pytest.raises(ValueError, match="fraction"):
        sd.sparsity_example(fraction=1.0)


@pytest.fixture(scope="module")
def lecture_path():
    data = datasets.lecture_1d()
    return path.regularization_path(data.X, data.y)


def test_path_widths_match_cold_solves(lecture_path):
    data = datasets.lecture_1d()
    widths = sd.path_widths(lecture_path.group_norms)
    for k in (5, 19, 24, 32, 59):
        beta = float(lecture_path.betas[k])
        cold = convex.solve(
            data.X, data.y, beta, patterns=lecture_path.patterns, use_cache=False
        )
        assert widths[k] == cold.active.size, f"grid point {k}"


def test_path_widths_start_at_zero(lecture_path):
    widths = sd.path_widths(lecture_path.group_norms)
    assert widths[0] == 0
    assert widths[-1] == lecture_path.n_active[-1]


def test_activation_order_is_by_first_entry(lecture_path):
    order = sd.activation_order(lecture_path.group_norms)
    widths = sd.path_widths(lecture_path.group_norms)
    mask = lecture_path.group_norms > 1e-4 * lecture_path.group_norms.max(
        axis=1, keepdims=True
    )
    first = [int(np.argmax(mask[:, g])) for g in order]
    assert first == sorted(first)
    assert first[0] == int(np.argmax(widths > 0))
    assert len(set(order.tolist())) == len(order)


def test_width_drops_finds_decreases():
    np.testing.assert_array_equal(sd.width_drops([0, 1, 2, 1, 1, 3, 2]), [3, 6])
    assert sd.width_drops([0, 1, 1, 2]).size == 0


def test_nearest_index_in_log_scale():
    betas = 4.0 * np.geomspace(1.0, 1e-3, 60)
    k = sd.nearest_index(betas, 0.1)
    assert abs(np.log(betas[k] / 0.1)) <= abs(np.log(betas[k + 1] / 0.1))
    assert abs(np.log(betas[k] / 0.1)) <= abs(np.log(betas[k - 1] / 0.1))


def test_nearest_index_rejects_nonpositive_beta():
    with pytest.raises(ValueError, match="beta must be > 0"):
        sd.nearest_index([1.0, 0.5], 0.0)
