r"""Implicit bias of gradient descent on underdetermined least squares.

For a matrix :math:`A \in \mathbb{R}^{n \times d}` with :math:`n < d` the loss

.. math:: L(w) = \tfrac12 \lVert A w - b \rVert^2

has a whole affine set of minimizers.  Gradient descent
:math:`w_{k+1} = w_k - \eta A^\top (A w_k - b)` never moves in the null space
of :math:`A`, so from :math:`w_0` it converges to the projection of
:math:`w_0` onto that set, :math:`A^+ b + (I - A^+ A) w_0`, and from zero to
the minimum-norm solution :math:`A^+ b`.  It converges exactly when
:math:`0 < \eta < 2 / \lVert A \rVert_2^2`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np

from mathcore._validate import (
    as_count,
    as_matrix,
    as_real,
    as_record_interval,
    as_vector,
)

logger = logging.getLogger(__name__)

# Norm of an iterate beyond which gradient descent is reported as diverged.
DEFAULT_MAX_NORM = 1e6


@dataclass(frozen=True)
class LeastSquaresPath:
    r"""Iterates of gradient descent on :math:`\tfrac12 \lVert A w - b \rVert^2`.

    Attributes
    ----------
    iterates : ndarray of shape (k, d)
        :math:`w_0, w_1, \dots, w_{k-1}`.  ``k = n_steps + 1`` unless the run
        diverged, in which case the last row is the first iterate whose norm
        reached ``max_norm``.  Every row is finite: an update that overflows
        is dropped and the run ends at the iterate before it.
    losses : ndarray of shape (k,)
        :math:`\tfrac12 \lVert A w_i - b \rVert^2` for each iterate; ``inf``
        only when ``max_norm`` is set so large that a loss overflows.
    diverged : bool
        Whether an iterate's norm reached ``max_norm`` (or an update
        overflowed) and the run stopped early.
    step : float
        The step size :math:`\eta` used.
    """

    iterates: np.ndarray
    losses: np.ndarray
    diverged: bool
    step: float


def _check_system(A: object, b: object) -> tuple[np.ndarray, np.ndarray]:
    """Validate a system matrix and its right-hand side."""
    A = as_matrix("A", A)
    b = as_vector("b", b, length=A.shape[0])
    return A, b


def min_norm_solution(A: object, b: object) -> np.ndarray:
    r"""Return the minimum-norm least-squares solution :math:`A^+ b`.

    Parameters
    ----------
    A : array_like of shape (n, d)
        System matrix.
    b : array_like of shape (n,)
        Right-hand side.

    Returns
    -------
    ndarray of shape (d,)
        :math:`A^+ b`, the solution of :math:`A w = b` of least Euclidean norm
        when the system is consistent, else the least-norm minimizer of
        :math:`\lVert A w - b \rVert`.

    Raises
    ------
    ValueError
        If ``A`` is not a finite 2-D array or ``b`` not a finite vector of
        length ``n``.
    """
    A, b = _check_system(A, b)
    return np.linalg.pinv(A) @ b


def project_onto_solutions(A: object, b: object, w0: object) -> np.ndarray:
    r"""Project a point onto the set of least-squares minimizers.

    The minimizers of :math:`\lVert A w - b \rVert` form the affine set
    :math:`A^+ b + \ker A`, and the Euclidean projection of :math:`w_0` onto
    it is

    .. math:: A^+ b + (I - A^+ A) w_0 .

    Parameters
    ----------
    A : array_like of shape (n, d)
        System matrix.
    b : array_like of shape (n,)
        Right-hand side.
    w0 : array_like of shape (d,)
        Point to project.

    Returns
    -------
    ndarray of shape (d,)
        The projection, which is also the limit of gradient descent from
        ``w0`` with a convergent step.

    Raises
    ------
    ValueError
        If an input is not finite or the shapes do not match.
    """
    A, b = _check_system(A, b)
    w0 = as_vector("w0", w0, length=A.shape[1])
    pinv = np.linalg.pinv(A)
    return pinv @ b + w0 - pinv @ (A @ w0)


def null_space_basis(A: object) -> np.ndarray:
    r"""Return an orthonormal basis of :math:`\ker A`.

    Parameters
    ----------
    A : array_like of shape (n, d)
        System matrix.

    Returns
    -------
    ndarray of shape (d, d - r)
        Orthonormal columns spanning the null space, where ``r`` is the
        numerical rank of ``A``.  The solution set of a consistent system is
        :math:`A^+ b + \operatorname{span}` of these columns.

    Raises
    ------
    ValueError
        If ``A`` is not a finite 2-D array.
    """
    A = as_matrix("A", A)
    _, singular, vt = np.linalg.svd(A)
    tolerance = max(A.shape) * np.finfo(float).eps * singular.max(initial=0.0)
    rank = int(np.sum(singular > tolerance))
    return vt[rank:].T.copy()


def step_bound(A: object) -> float:
    r"""Return the largest convergent step size :math:`2 / \lVert A \rVert_2^2`.

    Gradient descent on :math:`\tfrac12 \lVert A w - b \rVert^2` converges for
    every step in :math:`(0, 2 / \lVert A \rVert_2^2)`, where
    :math:`\lVert A \rVert_2` is the largest singular value, and diverges for
    larger steps unless :math:`w_0 - A^+ b` has no component along the top
    singular vector.

    Parameters
    ----------
    A : array_like of shape (n, d)
        System matrix.

    Returns
    -------
    float
        :math:`2 / \sigma_{\max}(A)^2`.

    Raises
    ------
    ValueError
        If ``A`` is not a finite 2-D array or is zero (every step would then
        leave ``w`` unchanged).
    """
    A = as_matrix("A", A)
    spectral = float(np.linalg.norm(A, 2))
    if spectral == 0.0:
        raise ValueError("A must have a nonzero entry, got the zero matrix")
    return 2.0 / spectral**2


def gradient_descent(
    A: object,
    b: object,
    w0: object,
    step: float,
    n_steps: int,
    *,
    max_norm: float = DEFAULT_MAX_NORM,
) -> LeastSquaresPath:
    r"""Run gradient descent on :math:`\tfrac12 \lVert A w - b \rVert^2`.

    The update is :math:`w_{k+1} = w_k - \eta\, A^\top (A w_k - b)`.  A run
    whose iterate norm exceeds ``max_norm`` stops there and is flagged as
    diverged, so the returned iterates are always finite.

    Parameters
    ----------
    A : array_like of shape (n, d)
        System matrix.
    b : array_like of shape (n,)
        Right-hand side.
    w0 : array_like of shape (d,)
        Starting point, with norm below ``max_norm``.
    step : float
        Step size :math:`\eta > 0`.
    n_steps : int
        Number of updates, at least 1.
    max_norm : float, default 1e6
        Iterate norm that ends the run as diverged.

    Returns
    -------
    LeastSquaresPath
        Iterates of shape (k, d), their losses of shape (k,), the divergence
        flag and the step; ``k = n_steps + 1`` unless the run diverged.

    Raises
    ------
    ValueError
        If an input is not finite, the shapes do not match, ``step`` or
        ``max_norm`` is not positive, ``n_steps`` is below 1, or
        ``||w0|| >= max_norm``.
    """
    A, b = _check_system(A, b)
    w = as_vector("w0", w0, length=A.shape[1])
    step = as_real("step", step, minimum=0.0, strict=True)
    n_steps = as_count("n_steps", n_steps, minimum=1)
    as_record_interval(1, n_steps)  # every step is recorded
    max_norm = as_real("max_norm", max_norm, minimum=0.0, strict=True)
    if np.linalg.norm(w) >= max_norm:
        raise ValueError(
            f"w0 must have norm below max_norm={max_norm!r}, "
            f"got norm {np.linalg.norm(w)!r}"
        )

    iterates = np.empty((n_steps + 1, A.shape[1]))
    iterates[0] = w
    diverged = False
    count = n_steps + 1
    with np.errstate(over="ignore", invalid="ignore"):
        for k in range(1, n_steps + 1):
            w = w - step * (A.T @ (A @ w - b))
            # An overflowing update is dropped, so every returned row is finite.
            finite = bool(np.all(np.isfinite(w)))
            if finite:
                iterates[k] = w
            if not finite or np.linalg.norm(w) >= max_norm:
                diverged = True
                count = k + 1 if finite else k
                logger.info(
                    "least-squares gradient descent diverged at step %s "
                    "with step size %s",
                    k,
                    step,
                )
                break
        iterates = iterates[:count]
        residuals = iterates @ A.T - b
        losses = 0.5 * np.sum(residuals**2, axis=1)
    return LeastSquaresPath(
        iterates=iterates, losses=losses, diverged=diverged, step=step
    )


def chapter3_system() -> tuple[np.ndarray, np.ndarray]:
    r"""Return the one-equation, two-unknown system drawn in the plane.

    The system is :math:`w_1 + 2 w_2 = 2`, so the solution set is a line and
    its minimum-norm point is :math:`A^+ b = (0.4, 0.8)`.  The step bound is
    :math:`2 / \lVert A \rVert_2^2 = 0.4`.

    Returns
    -------
    A : ndarray of shape (1, 2)
        ``[[1, 2]]``.
    b : ndarray of shape (1,)
        ``[2]``.
    """
    return np.array([[1.0, 2.0]]), np.array([2.0])
