"""Gradient descent on underdetermined least squares and its implicit bias."""

from __future__ import annotations

import numpy as np
import pytest

from mathcore import leastsq


@pytest.fixture(scope="module")
def system():
    """A seeded Gaussian system with 5 equations and 12 unknowns."""
    rng = np.random.default_rng(7)
    A = rng.standard_normal((5, 12))
    b = rng.standard_normal(5)
    w0 = rng.standard_normal(12)
    return A, b, w0


def test_min_norm_solution_solves_system(system):
    A, b, _ = system
    w = leastsq.min_norm_solution(A, b)
    assert w.shape == (12,)
    np.testing.assert_allclose(A @ w, b, atol=1e-12)


def test_min_norm_solution_orthogonal_to_null_space(system):
    A, b, _ = system
    basis = leastsq.null_space_basis(A)
    w = leastsq.min_norm_solution(A, b)
    np.testing.assert_allclose(basis.T @ w, 0.0, atol=1e-12)


def test_min_norm_solution_beats_other_solutions(system):
    A, b, _ = system
    w = leastsq.min_norm_solution(A, b)
    basis = leastsq.null_space_basis(A)
    rng = np.random.default_rng(1)
    for _ in range(5):
        other = w + basis @ rng.standard_normal(basis.shape[1])
        assert np.linalg.norm(other) > np.linalg.norm(w)


def test_null_space_basis_orthonormal(system):
    A, _, _ = system
    basis = leastsq.null_space_basis(A)
    assert basis.shape == (12, 7)
    np.testing.assert_allclose(basis.T @ basis, np.eye(7), atol=1e-12)
    np.testing.assert_allclose(A @ basis, 0.0, atol=1e-12)


def test_null_space_basis_rank_deficient():
    A = np.array([[1.0, 2.0, 3.0], [2.0, 4.0, 6.0]])
    assert leastsq.null_space_basis(A).shape == (3, 2)


def test_projection_is_feasible_and_orthogonal(system):
    A, b, w0 = system
    p = leastsq.project_onto_solutions(A, b, w0)
    np.testing.assert_allclose(A @ p, b, atol=1e-12)
    basis = leastsq.null_space_basis(A)
    # w0 - p is orthogonal to the solution set's directions.
    np.testing.assert_allclose(basis.T @ (w0 - p), 0.0, atol=1e-12)


def test_projection_is_idempotent(system):
    A, b, w0 = system
    p = leastsq.project_onto_solutions(A, b, w0)
    np.testing.assert_allclose(leastsq.project_onto_solutions(A, b, p), p, atol=1e-12)


def test_projection_of_zero_is_min_norm(system):
    A, b, _ = system
    np.testing.assert_allclose(
        leastsq.project_onto_solutions(A, b, np.zeros(12)),
        leastsq.min_norm_solution(A, b),
        atol=1e-14,
    )


def test_step_bound_is_two_over_top_eigenvalue(system):
    A, _, _ = system
    top = np.linalg.eigvalsh(A.T @ A).max()
    assert leastsq.step_bound(A) == pytest.approx(2.0 / top, rel=1e-12)


def test_step_bound_rejects_zero_matrix():
    with pytest.raises(ValueError, match="zero matrix"):
        leastsq.step_bound(np.zeros((2, 3)))


def test_convergent_step_reaches_projection(system):
    A, b, w0 = system
    step = 1.9 / np.linalg.norm(A, 2) ** 2
    run = leastsq.gradient_descent(A, b, w0, step, 3000)
    assert not run.diverged
    assert run.iterates.shape == (3001, 12)
    assert run.losses.shape == (3001,)
    target = leastsq.project_onto_solutions(A, b, w0)
    np.testing.assert_allclose(run.iterates[-1], target, atol=1e-6)


def test_too_large_step_diverges(system):
    A, b, w0 = system
    step = 2.05 / np.linalg.norm(A, 2) ** 2
    run = leastsq.gradient_descent(A, b, w0, step, 3000)
    assert run.diverged
    assert run.iterates.shape[0] < 3001
    assert np.all(np.isfinite(run.iterates))
    assert np.all(np.isfinite(run.losses))
    assert np.linalg.norm(run.iterates[-1]) >= leastsq.DEFAULT_MAX_NORM
    assert np.all(np.linalg.norm(run.iterates[:-1], axis=1) < leastsq.DEFAULT_MAX_NORM)


def test_overflowing_step_returns_finite_iterates(system):
    A, b, w0 = system
    run = leastsq.gradient_descent(A, b, w0, 1e99, 10, max_norm=1e90)
    assert run.diverged
    assert run.iterates.shape[0] >= 1
    assert np.all(np.isfinite(run.iterates))


def test_gradient_descent_from_zero_reaches_min_norm(system):
    A, b, _ = system
    step = 1.0 / np.linalg.norm(A, 2) ** 2
    run = leastsq.gradient_descent(A, b, np.zeros(12), step, 3000)
    np.testing.assert_allclose(
        run.iterates[-1], leastsq.min_norm_solution(A, b), atol=1e-6
    )


def test_gradient_descent_loss_decreases(system):
    A, b, w0 = system
    step = 1.9 / np.linalg.norm(A, 2) ** 2
    run = leastsq.gradient_descent(A, b, w0, step, 200)
    assert np.all(np.diff(run.losses) <= 1e-12)
    residual = A @ run.iterates[5] - b
    assert run.losses[5] == pytest.approx(0.5 * residual @ residual)


def test_gradient_descent_keeps_null_component(system):
    A, b, w0 = system
    basis = leastsq.null_space_basis(A)
    step = 1.5 / np.linalg.norm(A, 2) ** 2
    run = leastsq.gradient_descent(A, b, w0, step, 50)
    components = run.iterates @ basis
    np.testing.assert_allclose(components, np.tile(basis.T @ w0, (51, 1)), atol=1e-12)


def test_gradient_descent_rejects_start_beyond_cap(system):
    A, b, _ = system
    with pytest.raises(ValueError, match="max_norm"):
        leastsq.gradient_descent(A, b, np.full(12, 10.0), 0.01, 5, max_norm=1.0)


def test_chapter3_system_numbers():
    A, b = leastsq.chapter3_system()
    assert A.shape == (1, 2)
    assert b.shape == (1,)
    np.testing.assert_allclose(leastsq.min_norm_solution(A, b), [0.4, 0.8])
    assert leastsq.step_bound(A) == pytest.approx(0.4)


def test_chapter3_paths_land_on_projection():
    A, b = leastsq.chapter3_system()
    for start in ([0.0, 0.0], [2.0, -1.0], [-1.5, 0.5]):
        run = leastsq.gradient_descent(A, b, start, 0.1, 400)
        target = leastsq.project_onto_solutions(A, b, start)
        np.testing.assert_allclose(run.iterates[-1], target, atol=1e-10)
