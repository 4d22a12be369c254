r"""Two-layer ReLU networks: prediction, weight-decay objective and gradient descent.

A network of width :math:`m` on inputs in :math:`\mathbb{R}^d` is a first-layer
matrix ``U`` of shape ``(d, m)``, whose column :math:`u_j` is neuron :math:`j`,
and output weights ``alpha`` of shape ``(m,)``. It computes

.. math:: f(x) = \sum_{j=1}^m \alpha_j \, (x^\top u_j)_+ .

The data matrix ``X`` of shape ``(n, d)`` already contains any bias column:
one-dimensional inputs get a column of ones from :func:`add_bias`, so a
neuron's bias is part of :math:`u_j` and weight decay penalizes it too.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from mathcore._validate import (
    as_count,
    as_data,
    as_matrix,
    as_real,
    as_record_interval,
    as_seed,
    as_vector,
)
from mathcore.cache import cached

logger = logging.getLogger(__name__)


def add_bias(x: object) -> np.ndarray:
    r"""Append a column of ones to the inputs.

    Parameters
    ----------
    x : array_like of shape (n,) or (n, k)
        Raw inputs, one row (or one number) per sample.

    Returns
    -------
    ndarray of shape (n, k + 1)
        ``[x, 1]``: the inputs with a constant 1 as the last column (``k = 1``
        for 1-D input).

    Raises
    ------
    ValueError
        If ``x`` is empty, has more than two dimensions, or is not finite.
    """
    try:
        array = np.asarray(x, dtype=float)
    except (TypeError, ValueError):
        array = x  # as_matrix reports the invalid value with its name
    if getattr(array, "ndim", None) == 1:
        matrix = as_vector("x", array)[:, None]
    else:
        matrix = as_matrix("x", array)
    return np.hstack([matrix, np.ones((matrix.shape[0], 1))])


def _check_network(U: object, alpha: object, d: int | None = None):
    """Validate ``U`` of shape (d, m) and ``alpha`` of shape (m,)."""
    U = as_matrix("U", U)
    if d is not None and U.shape[0] != d:
        raise ValueError(
            f"U must have {d} rows (one per column of X), got shape {U.shape}"
        )
    alpha = as_vector("alpha", alpha, length=U.shape[1])
    return U, alpha


def _check_network_and_data(U, alpha, X, y=None, *, labels=True):
    """Validate a network with data ``X`` and, unless ``labels`` is False, ``y``."""
    if not labels:
        X = as_matrix("X", X)
    else:
        X, y = as_data(X, y)
    U, alpha = _check_network(U, alpha, d=X.shape[1])
    return U, alpha, X, y


def predict(U: object, alpha: object, X: object) -> np.ndarray:
    r"""Evaluate the network on every row of ``X``.

    .. math:: f(X) = (X U)_+ \, \alpha

    Parameters
    ----------
    U : array_like of shape (d, m)
        First-layer weights, one neuron per column.
    alpha : array_like of shape (m,)
        Output weights.
    X : array_like of shape (n, d)
        Inputs, including any bias column.

    Returns
    -------
    ndarray of shape (n,)
        The network's output on each row.

    Raises
    ------
    ValueError
        If an array is not finite or the shapes disagree.
    """
    U, alpha, X, _ = _check_network_and_data(U, alpha, X, labels=False)
    return np.maximum(X @ U, 0.0) @ alpha


def hinges(U: object, alpha: object, X: object) -> np.ndarray:
    r"""Return each neuron's contribution :math:`\alpha_j (X u_j)_+`.

    Parameters
    ----------
    U : array_like of shape (d, m)
        First-layer weights.
    alpha : array_like of shape (m,)
        Output weights.
    X : array_like of shape (n, d)
        Inputs, including any bias column.

    Returns
    -------
    ndarray of shape (n, m)
        Column ``j`` is neuron ``j``'s output; the rows sum to
        :func:`predict`.
    """
    U, alpha, X, _ = _check_network_and_data(U, alpha, X, labels=False)
    return np.maximum(X @ U, 0.0) * alpha[None, :]


def _objective(U, alpha, X, y, beta) -> float:
    """Compute :func:`objective` on validated arrays."""
    residual = np.maximum(X @ U, 0.0) @ alpha - y
    penalty = np.sum(U * U) + np.sum(alpha * alpha)
    return float(0.5 * residual @ residual + 0.5 * beta * penalty)


def _gradient(U, alpha, X, y, beta):
    """Compute :func:`gradient` on validated arrays."""
    Z = X @ U
    A = np.maximum(Z, 0.0)
    residual = A @ alpha - y
    d_alpha = A.T @ residual + beta * alpha
    d_U = X.T @ ((Z > 0) * np.outer(residual, alpha)) + beta * U
    return d_U, d_alpha


def objective(U: object, alpha: object, X: object, y: object, beta: object) -> float:
    r"""Compute the weight-decay training objective.

    .. math::
        L(U, \alpha) = \tfrac12 \lVert (XU)_+ \alpha - y \rVert^2
        + \tfrac{\beta}{2} \sum_{j=1}^m \left(\lVert u_j \rVert^2
        + \alpha_j^2\right)

    Parameters
    ----------
    U : array_like of shape (d, m)
        First-layer weights.
    alpha : array_like of shape (m,)
        Output weights.
    X : array_like of shape (n, d)
        Inputs, including any bias column.
    y : array_like of shape (n,)
        Labels.
    beta : float
        Weight decay, ``>= 0``.

    Returns
    -------
    float
        The value of :math:`L`.

    Raises
    ------
    ValueError
        If an array is not finite, the shapes disagree or ``beta < 0``.
    """
    U, alpha, X, y = _check_network_and_data(U, alpha, X, y)
    beta = as_real("beta", beta, minimum=0.0)
    return _objective(U, alpha, X, y, beta)


def gradient(
    U: object, alpha: object, X: object, y: object, beta: object
) -> tuple[np.ndarray, np.ndarray]:
    r"""Compute the gradient of :func:`objective`.

    With :math:`r = (XU)_+ \alpha - y` and the subgradient convention
    :math:`\partial (z)_+ / \partial z = 1[z > 0]`,

    .. math::
        \nabla_{u_j} L = \alpha_j X^\top (1[X u_j > 0] \odot r) + \beta u_j,
        \qquad
        \nabla_{\alpha_j} L = (X u_j)_+^\top r + \beta \alpha_j .

    Parameters
    ----------
    U : array_like of shape (d, m)
        First-layer weights.
    alpha : array_like of shape (m,)
        Output weights.
    X : array_like of shape (n, d)
        Inputs, including any bias column.
    y : array_like of shape (n,)
        Labels.
    beta : float
        Weight decay, ``>= 0``.

    Returns
    -------
    d_U : ndarray of shape (d, m)
        Derivative with respect to ``U``.
    d_alpha : ndarray of shape (m,)
        Derivative with respect to ``alpha``.

    Raises
    ------
    ValueError
        If an array is not finite, the shapes disagree or ``beta < 0``.
    """
    U, alpha, X, y = _check_network_and_data(U, alpha, X, y)
    beta = as_real("beta", beta, minimum=0.0)
    return _gradient(U, alpha, X, y, beta)


def init_network(
    d: object, m: object, scale: object, seed: object
) -> tuple[np.ndarray, np.ndarray]:
    r"""Draw a random network with independent Gaussian weights.

    Every entry of ``U`` and ``alpha`` is drawn from
    :math:`\mathcal{N}(0, \mathrm{scale}^2)` by ``np.random.default_rng(seed)``,
    ``U`` first.

    Parameters
    ----------
    d : int
        Input dimension (columns of ``X``, bias included), ``>= 1``.
    m : int
        Width, ``>= 1``.
    scale : float
        Standard deviation of each weight, ``> 0``.
    seed : int
        Seed of the random generator, ``>= 0``.

    Returns
    -------
    U : ndarray of shape (d, m)
    alpha : ndarray of shape (m,)

    Raises
    ------
    ValueError
        If a count is below 1, ``scale <= 0`` or the seed is negative.
    """
    d = as_count("d", d)
    m = as_count("m", m)
    scale = as_real("scale", scale, minimum=0.0, strict=True)
    rng = np.random.default_rng(as_seed(seed))
    U = scale * rng.standard_normal((d, m))
    alpha = scale * rng.standard_normal(m)
    return U, alpha


@dataclass(frozen=True)
class Trajectory:
    r"""Recorded states of a gradient descent run.

    Attributes
    ----------
    steps : ndarray of shape (k,)
        Iteration number of each record (0 is the start, the last is
        ``n_steps``).
    U : ndarray of shape (k, d, m)
        First-layer weights at each record.
    alpha : ndarray of shape (k, m)
        Output weights at each record.
    loss : ndarray of shape (k,)
        The weight-decay objective of :func:`objective` at each record.
    balance : ndarray of shape (k, m)
        :math:`\lVert u_j \rVert^2 - \alpha_j^2` per neuron, which gradient
        flow conserves when ``beta = 0``.
    """

    steps: np.ndarray
    U: np.ndarray
    alpha: np.ndarray
    loss: np.ndarray
    balance: np.ndarray

    @property
    def final(self) -> tuple[np.ndarray, np.ndarray]:
        """Final network ``(U, alpha)`` of the run."""
        return self.U[-1], self.alpha[-1]


def gradient_descent(
    U0: object,
    alpha0: object,
    X: object,
    y: object,
    beta: object,
    step: object,
    n_steps: object,
    record_every: object = 1,
    *,
    use_cache: bool = True,
) -> Trajectory:
    r"""Run full-batch gradient descent on the weight-decay objective.

    Each iteration updates
    :math:`(U, \alpha) \leftarrow (U, \alpha) - \eta \nabla L(U, \alpha)`
    with the gradient of :func:`gradient` and step :math:`\eta`.

    Parameters
    ----------
    U0 : array_like of shape (d, m)
        Initial first-layer weights.
    alpha0 : array_like of shape (m,)
        Initial output weights.
    X : array_like of shape (n, d)
        Inputs, including any bias column.
    y : array_like of shape (n,)
        Labels.
    beta : float
        Weight decay, ``>= 0``.
    step : float
        Step size :math:`\eta`, ``> 0``.
    n_steps : int
        Number of iterations, ``>= 1``.
    record_every : int, default 1
        Record the state every this many iterations; the start and the final
        iteration are always recorded.
    use_cache : bool, default True
        Read and write the result in the disk cache (:mod:`mathcore.cache`).

    Returns
    -------
    Trajectory
        The recorded states.

    Raises
    ------
    ValueError
        If an input is invalid (see :func:`objective`), ``step <= 0``,
        ``n_steps < 1`` or ``record_every < 1``.
    FloatingPointError
        If the weights become infinite or NaN, which happens when the step
        is too large for the data's scale.
    """
    U, alpha, X, y = _check_network_and_data(U0, alpha0, X, y)
    beta = as_real("beta", beta, minimum=0.0)
    step = as_real("step", step, minimum=0.0, strict=True)
    n_steps = as_count("n_steps", n_steps)
    record_every = as_record_interval(record_every, n_steps)
    inputs = {
        "U": U,
        "alpha": alpha,
        "X": X,
        "y": y,
        "beta": beta,
        "step": step,
        "n_steps": n_steps,
        "record_every": record_every,
    }
    return cached(
        "network.gradient_descent",
        lambda: _descend(**inputs),
        inputs,
        use_cache=use_cache,
    )


def _descend(U, alpha, X, y, beta, step, n_steps, record_every) -> Trajectory:
    """Run the descent of :func:`gradient_descent` on validated inputs."""
    record_at = set(range(0, n_steps + 1, record_every)) | {n_steps}
    steps, Us, alphas = [], [], []
    with np.errstate(over="ignore", invalid="ignore"):
        for iteration in range(n_steps + 1):
            if iteration in record_at:
                steps.append(iteration)
                Us.append(U.copy())
                alphas.append(alpha.copy())
            if iteration == n_steps:
                break
            d_U, d_alpha = _gradient(U, alpha, X, y, beta)
            U = U - step * d_U
            alpha = alpha - step * d_alpha
            if not (np.all(np.isfinite(U)) and np.all(np.isfinite(alpha))):
                raise FloatingPointError(
                    f"gradient descent diverged at iteration {iteration + 1} "
                    f"with step={step!r}: the weights are no longer finite; "
                    "use a smaller step"
                )

    U_record = np.array(Us)
    alpha_record = np.array(alphas)
    loss = np.array(
        [_objective(u, a, X, y, beta) for u, a in zip(Us, alphas, strict=True)]
    )
    balance = np.sum(U_record**2, axis=1) - alpha_record**2
    if not np.all(np.isfinite(loss)):
        raise FloatingPointError(
            f"gradient descent with step={step!r} produced an infinite loss; "
            "use a smaller step"
        )
    logger.debug(
        "gradient descent: %s steps, loss %s -> %s", n_steps, loss[0], loss[-1]
    )
    return Trajectory(
        steps=np.array(steps),
        U=U_record,
        alpha=alpha_record,
        loss=loss,
        balance=balance,
    )


def rebalance(U: object, alpha: object) -> tuple[np.ndarray, np.ndarray]:
    r"""Rescale every neuron so that :math:`\lVert u_j \rVert = |\alpha_j|`.

    Neuron :math:`j` becomes :math:`(t_j u_j, \alpha_j / t_j)` with
    :math:`t_j = \sqrt{|\alpha_j| / \lVert u_j \rVert}`, which leaves the
    function unchanged because :math:`(t z)_+ = t (z)_+` for :math:`t > 0`,
    and minimizes :math:`\lVert u_j \rVert^2 + \alpha_j^2` over such
    rescalings. A neuron with :math:`u_j = 0` or :math:`\alpha_j = 0`
    computes zero and is set to exactly zero.

    Parameters
    ----------
    U : array_like of shape (d, m)
        First-layer weights.
    alpha : array_like of shape (m,)
        Output weights.

    Returns
    -------
    U : ndarray of shape (d, m)
    alpha : ndarray of shape (m,)
        The balanced network.
    """
    U, alpha = _check_network(U, alpha)
    norms = np.linalg.norm(U, axis=0)
    alive = (norms > 0) & (alpha != 0)
    factor = np.zeros_like(alpha)
    factor[alive] = np.sqrt(np.abs(alpha[alive]) / norms[alive])
    U_out = U * factor[None, :]
    alpha_out = np.zeros_like(alpha)
    alpha_out[alive] = alpha[alive] / factor[alive]
    return U_out, alpha_out


class Kinks(NamedTuple):
    r"""Kink positions and active sides of 1-D neurons with a bias.

    Attributes
    ----------
    x : ndarray of shape (m,)
        :math:`-u_j[1] / u_j[0]`, where neuron :math:`j` switches on; NaN
        when :math:`u_j[0] = 0` (a constant neuron without a kink).
    side : ndarray of shape (m,)
        ``+1`` when the neuron is active to the right of its kink
        (:math:`u_j[0] > 0`), ``-1`` when active to the left; for
        :math:`u_j[0] = 0`, ``+1`` if the neuron is active everywhere
        (:math:`u_j[1] > 0`) and ``0`` if it is never active.
    """

    x: np.ndarray
    side: np.ndarray


def kinks_1d(U: object) -> Kinks:
    r"""Locate the kink of each neuron of a 1-D network with a bias column.

    Neuron :math:`j` computes :math:`(u_j[0] x + u_j[1])_+`, which is zero on
    one side of :math:`x = -u_j[1] / u_j[0]` and linear on the other.

    Parameters
    ----------
    U : array_like of shape (2, m)
        First-layer weights for inputs ``[x, 1]``.

    Returns
    -------
    Kinks
        Kink positions ``x`` and active sides ``side``, both of shape (m,).

    Raises
    ------
    ValueError
        If ``U`` does not have exactly two rows or is not finite, or a kink
        position overflows the float range.
    """
    U = as_matrix("U", U)
    if U.shape[0] != 2:
        raise ValueError(
            f"U must have 2 rows (slope and bias weights), got shape {U.shape}"
        )
    slope, offset = U
    positions = np.full(U.shape[1], np.nan)
    moving = slope != 0
    with np.errstate(over="ignore"):
        positions[moving] = -offset[moving] / slope[moving]
    if not np.all(np.isfinite(positions[moving])):
        neurons = np.flatnonzero(moving & ~np.isfinite(positions)).tolist()
        raise ValueError(
            f"U gives kink positions beyond the float range for neurons {neurons}: "
            "their slope weights are too small next to their bias weights"
        )
    side = np.sign(slope).astype(int)
    side[~moving] = (offset[~moving] > 0).astype(int)
    return Kinks(x=positions, side=side)


def permute(U: object, alpha: object, order: object) -> tuple[np.ndarray, np.ndarray]:
    r"""Reorder the neurons, which leaves the function unchanged.

    Parameters
    ----------
    U : array_like of shape (d, m)
        First-layer weights.
    alpha : array_like of shape (m,)
        Output weights.
    order : array_like of int, shape (m,)
        A permutation of ``0, ..., m - 1``; neuron ``order[j]`` becomes
        neuron ``j``.

    Returns
    -------
    U : ndarray of shape (d, m)
    alpha : ndarray of shape (m,)

    Raises
    ------
    ValueError
        If ``order`` is not a permutation of the neuron indices.
    """
    U, alpha = _check_network(U, alpha)
    m = U.shape[1]
    try:
        order_array = np.asarray(order)
    except (TypeError, ValueError):
        order_array = None
    is_permutation = (
        order_array is not None
        and order_array.shape == (m,)
        and np.issubdtype(order_array.dtype, np.integer)
        and np.array_equal(np.sort(order_array), np.arange(m))
    )
    if not is_permutation:
        raise ValueError(
            f"order must be a permutation of 0..{m - 1} (integers), got {order!r}"
        )
    return U[:, order_array], alpha[order_array]


def rescale(U: object, alpha: object, t: object) -> tuple[np.ndarray, np.ndarray]:
    r"""Map each neuron to :math:`(t_j u_j, \alpha_j / t_j)`, keeping the function.

    Parameters
    ----------
    U : array_like of shape (d, m)
        First-layer weights.
    alpha : array_like of shape (m,)
        Output weights.
    t : float or array_like of shape (m,)
        Positive factor, one for all neurons or one per neuron.

    Returns
    -------
    U : ndarray of shape (d, m)
    alpha : ndarray of shape (m,)

    Raises
    ------
    ValueError
        If a factor is not positive and finite, ``t`` has the wrong length, or
        a nonzero rescaled weight overflows or falls below the smallest normal
        float.
    """
    U, alpha = _check_network(U, alpha)
    if np.ndim(t) == 0:
        factor = np.full(U.shape[1], as_real("t", t, minimum=0.0, strict=True))
    else:
        factor = as_vector("t", t, length=U.shape[1])
        if np.any(factor <= 0):
            raise ValueError(f"t must be > 0 for every neuron, got {factor!r}")
    with np.errstate(over="ignore", under="ignore"):
        scaled_U, scaled_alpha = U * factor[None, :], alpha / factor
    finite = np.all(np.isfinite(scaled_U)) and np.all(np.isfinite(scaled_alpha))
    # Weights below the smallest normal float lose digits, so the network
    # would no longer compute exactly the same function.
    tiny = np.finfo(float).tiny
    imprecise = np.any((np.abs(scaled_U) < tiny) & (U != 0)) or np.any(
        (np.abs(scaled_alpha) < tiny) & (alpha != 0)
    )
    if not finite or imprecise:
        raise ValueError(
            f"t = {t!r} moves weights outside the float range; rescaled by it, "
            "the network would no longer compute the same function"
        )
    return scaled_U, scaled_alpha
