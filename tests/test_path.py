"""Tests of the regularization path of the convex program."""

from __future__ import annotations

import numpy as np
import pytest

from mathcore import convex, datasets, network, path


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    """Keep every cached result of this module in a temporary folder."""
    monkeypatch.setenv("MATHCORE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("MATHCORE_NO_CACHE", raising=False)


@pytest.fixture(scope="module")
def lecture():
    return datasets.lecture_1d()


@pytest.fixture(scope="module")
def exact_path(lecture):
    return path.regularization_path(lecture.X, lecture.y, use_cache=False)


@pytest.fixture(scope="module")
def gated_path(lecture):
    return path.regularization_path(lecture.X, lecture.y, gated=True, use_cache=False)


def test_grid_is_geometric(exact_path, lecture):
    betas = exact_path.betas
    assert betas.shape == (60,)
    top = convex.beta_max(lecture.X, lecture.y)
    assert betas[0] == pytest.approx(top, rel=1e-12)
    assert betas[-1] == pytest.approx(1e-3 * top, rel=1e-12)
    ratios = betas[1:] / betas[:-1]
    np.testing.assert_allclose(ratios, ratios[0], rtol=1e-10)
    assert ratios[0] < 1


def test_group_labels_and_shapes(exact_path, gated_path):
    n_patterns = exact_path.patterns.shape[0]
    assert exact_path.group_norms.shape == (60, 2 * n_patterns)
    np.testing.assert_array_equal(exact_path.group_sign[:n_patterns], 1)
    np.testing.assert_array_equal(exact_path.group_sign[n_patterns:], -1)
    np.testing.assert_array_equal(
        exact_path.group_pattern, np.tile(np.arange(n_patterns), 2)
    )
    assert gated_path.group_norms.shape == (60, n_patterns)
    np.testing.assert_array_equal(gated_path.group_sign, 0)
    assert len(exact_path) == 60


@pytest.mark.parametrize("which", ["exact", "gated"])
def test_no_group_active_at_beta_max(which, exact_path, gated_path):
    result = exact_path if which == "exact" else gated_path
    assert result.n_active[0] == 0
    assert np.all(result.group_norms[0] == 0)
    assert result.n_active[1] >= 1


@pytest.mark.parametrize("which", ["exact", "gated"])
def test_active_count_mostly_grows(which, exact_path, gated_path):
    counts = (exact_path if which == "exact" else gated_path).n_active
    drops = np.sum(np.diff(counts) < 0)
    assert drops <= 0.1 * counts.size
    assert counts[-1] >= 3
    assert counts[-1] >= counts.max() - 1


def test_objective_matches_independent_solves(exact_path, lecture):
    for k in (5, 20, 40, 59):
        solo = convex.solve(lecture.X, lecture.y, exact_path.betas[k], use_cache=False)
        assert exact_path.objective[k] == pytest.approx(solo.objective, rel=1e-6)
        assert exact_path.n_active[k] == solo.active.size


def test_gated_objective_matches_and_bounds_exact(gated_path, exact_path, lecture):
    k = 30
    solo = convex.solve(
        lecture.X, lecture.y, gated_path.betas[k], gated=True, use_cache=False
    )
    assert gated_path.objective[k] == pytest.approx(solo.objective, rel=1e-6)
    assert gated_path.beta_max >= exact_path.beta_max
    same_beta = convex.solve(lecture.X, lecture.y, exact_path.betas[k], gated=True)
    assert same_beta.objective <= exact_path.objective[k] * (1 + 1e-7)


def test_objective_increases_with_beta(exact_path):
    # The optimal value is non-decreasing in beta; betas decrease along the path.
    assert np.all(np.diff(exact_path.objective) <= 1e-7)


def test_train_error_falls_to_zero(exact_path, lecture):
    error = exact_path.train_error
    assert error[0] == pytest.approx(0.5 * lecture.y @ lecture.y)
    assert np.all(np.diff(error) <= 1e-7)
    assert error[-1] < 1e-3 * error[0]


def test_network_at_reproduces_fit(exact_path, lecture):
    for k in (10, 30, 59):
        U, alpha = exact_path.network_at(k)
        beta = exact_path.betas[k]
        value = network.objective(U, alpha, lecture.X, lecture.y, beta)
        assert value == pytest.approx(exact_path.objective[k], rel=1e-6)
        fit = network.predict(U, alpha, lecture.X)
        residual = fit - lecture.y
        assert 0.5 * residual @ residual == pytest.approx(
            exact_path.train_error[k], rel=1e-6, abs=1e-8
        )
        np.testing.assert_allclose(exact_path.predict_at(k, lecture.X), fit)
        assert alpha.size == exact_path.n_active[k]


def test_network_at_rejects_bad_index(exact_path):
    with pytest.raises(ValueError, match="k must be in"):
        exact_path.network_at(60)
    with pytest.raises(ValueError, match="integer"):
        exact_path.network_at(1.5)
    assert exact_path.solution_at(-1).beta == exact_path.betas[-1]


def test_problem_is_built_once(lecture, monkeypatch):
    calls = []
    original = path._build_program

    def counting(*args, **kwargs):
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(path, "_build_program", counting)
    path.regularization_path(lecture.X, lecture.y, n_betas=50, use_cache=False)
    assert len(calls) == 1


def test_solver_failure_in_path_raises(lecture, monkeypatch):
    import cvxpy as cp

    def fail(problem, *args, **kwargs):
        problem._status = cp.UNBOUNDED

    monkeypatch.setattr(cp.Problem, "solve", fail)
    with pytest.raises(convex.SolverError, match="unbounded"):
        path.regularization_path(lecture.X, lecture.y, use_cache=False)


def test_path_cache_returns_same_numbers(lecture, tmp_path):
    first = path.regularization_path(lecture.X, lecture.y, n_betas=50)
    again = path.regularization_path(lecture.X, lecture.y, n_betas=50)
    np.testing.assert_array_equal(first.group_norms, again.group_norms)
    np.testing.assert_array_equal(first.objective, again.objective)
    assert len(list((tmp_path / "cache").rglob("*.pkl"))) == 1


def test_grid_size_and_ratio_checked(lecture):
    with pytest.raises(ValueError, match="n_betas must be >= 50"):
        path.regularization_path(lecture.X, lecture.y, n_betas=49)
    with pytest.raises(ValueError, match="ratio must be < 1"):
        path.regularization_path(lecture.X, lecture.y, ratio=1.0)
    with pytest.raises(ValueError, match="ratio must be > 0"):
        path.regularization_path(lecture.X, lecture.y, ratio=0.0)


def test_zero_labels_have_no_path(lecture):
    with pytest.raises(ValueError, match="beta_max is 0"):
        path.regularization_path(lecture.X, np.zeros(6), use_cache=False)
