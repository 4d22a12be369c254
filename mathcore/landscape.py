r"""Two-dimensional views of a two-layer ReLU network's training loss.

A network ``(U, alpha)`` with ``U`` of shape (d, m) is flattened to one
parameter vector

.. math:: \theta = (\operatorname{vec}(U), \alpha) \in \mathbb{R}^{P},
          \qquad P = d m + m,

where :math:`\operatorname{vec}` is row-major, so ``U[r, j]`` is entry
``r * m + j`` and :math:`\alpha_j` is entry ``d * m + j``.  A slice is the
affine plane :math:`\theta(s, t) = \theta_0 + s\,e_1 + t\,e_2`, and its heat
map is the weight-decay objective of :func:`mathcore.network.objective`,

.. math:: L(\theta) = \tfrac12 \lVert (XU)_+ \alpha - y \rVert^2
          + \tfrac{\beta}{2} \lVert \theta \rVert^2,

on a grid of :math:`(s, t)`.  Gradient descent restricted to the plane uses
the projected gradient :math:`(e_1^\top \nabla L, e_2^\top \nabla L)`, so its
path lies exactly on the heat map.

The module also builds an explicit witness of non-convexity (two global
minima related by swapping neurons, whose midpoint has a larger loss), a
zero-loss valley with gradient-descent paths for the landscape chapter, and
the gradient-descent runs of the closing showcase.  Functions whose data
arguments are optional default to :func:`mathcore.datasets.lecture_1d`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np

from mathcore import network
from mathcore._validate import (
    MAX_GRID,
    as_count,
    as_data,
    as_matrix,
    as_range,
    as_real,
    as_record_interval,
    as_seed,
    as_vector,
)
from mathcore.cache import cached
from mathcore.datasets import plotting_grid

logger = logging.getLogger(__name__)

# Slice coordinates beyond this magnitude count as diverged: a few more
# steps would overflow, and the weights would fail the input checks.
DIVERGENCE_LIMIT = 1e50

# Number of parameter vectors evaluated per block when filling a heat map.
_BLOCK_POINTS = 4096

# Loss below which a constructed or supplied network counts as a global
# minimum of the unregularized loss (the loss is nonnegative).
GLOBAL_MINIMUM_TOL = 1e-8


# Parameter vectors ---------------------------------------------------------


def flatten(U: object, alpha: object) -> np.ndarray:
    r"""Stack a network's weights into one parameter vector.

    Parameters
    ----------
    U : array_like of shape (d, m)
        First-layer weights, one neuron per column.
    alpha : array_like of shape (m,)
        Output weights.

    Returns
    -------
    ndarray of shape (d * m + m,)
        :math:`\theta = (\operatorname{vec}(U), \alpha)`, ``U`` in row-major
        order.

    Raises
    ------
    ValueError
        If ``U`` is not a finite matrix or ``alpha`` not a finite vector of
        length ``m``.
    """
    U = as_matrix("U", U)
    alpha = as_vector("alpha", alpha, length=U.shape[1])
    return np.concatenate([U.ravel(), alpha])


def _check_size(d: object, m: object) -> tuple[int, int]:
    """Validate a network size (d, m)."""
    return as_count("d", d), as_count("m", m)


def unflatten(theta: object, d: int, m: int) -> tuple[np.ndarray, np.ndarray]:
    r"""Split a parameter vector into ``(U, alpha)`` (inverse of :func:`flatten`).

    Parameters
    ----------
    theta : array_like of shape (d * m + m,)
        Parameter vector.
    d, m : int
        Input dimension and width, each at least 1.

    Returns
    -------
    U : ndarray of shape (d, m)
    alpha : ndarray of shape (m,)

    Raises
    ------
    ValueError
        If ``d`` or ``m`` is below 1 or ``theta`` is not a finite vector of
        length ``d * m + m``.
    """
    d, m = _check_size(d, m)
    theta = as_vector("theta", theta, length=d * m + m)
    return theta[: d * m].reshape(d, m).copy(), theta[d * m :].copy()


def u_index(d: int, m: int, row: int, neuron: int) -> int:
    r"""Return the position of ``U[row, neuron]`` in the parameter vector.

    Raises
    ------
    ValueError
        If a size is below 1 or an index is out of range.
    """
    d, m = _check_size(d, m)
    row = as_count("row", row, minimum=0)
    neuron = as_count("neuron", neuron, minimum=0)
    if row >= d:
        raise ValueError(f"row must be < d={d}, got {row}")
    if neuron >= m:
        raise ValueError(f"neuron must be < m={m}, got {neuron}")
    return row * m + neuron


def alpha_index(d: int, m: int, neuron: int) -> int:
    r"""Return the position of ``alpha[neuron]`` in the parameter vector.

    Raises
    ------
    ValueError
        If a size is below 1 or ``neuron`` is out of range.
    """
    d, m = _check_size(d, m)
    neuron = as_count("neuron", neuron, minimum=0)
    if neuron >= m:
        raise ValueError(f"neuron must be < m={m}, got {neuron}")
    return d * m + neuron


def _objective_batch(
    thetas: np.ndarray, X: np.ndarray, y: np.ndarray, m: int, beta: float
) -> np.ndarray:
    """Evaluate the objective at each row of ``thetas`` (shape (K, P))."""
    d = X.shape[1]
    values = np.empty(thetas.shape[0])
    for start in range(0, thetas.shape[0], _BLOCK_POINTS):
        block = thetas[start : start + _BLOCK_POINTS]
        U = block[:, : d * m].reshape(-1, d, m)
        alpha = block[:, d * m :]
        hidden = np.maximum(np.einsum("nd,kdm->knm", X, U), 0.0)
        residual = np.einsum("knm,km->kn", hidden, alpha) - y
        fit = 0.5 * np.sum(residual**2, axis=1)
        values[start : start + _BLOCK_POINTS] = fit + 0.5 * beta * np.sum(
            block**2, axis=1
        )
    return values


# Slices --------------------------------------------------------------------


@dataclass(frozen=True)
class LossSlice:
    r"""The objective on a grid of the plane :math:`\theta_0 + s e_1 + t e_2`.

    Attributes
    ----------
    grid_x : ndarray of shape (num, num)
        Coordinate ``s``; it varies along columns (``grid_x[i, j] = s_j``).
    grid_y : ndarray of shape (num, num)
        Coordinate ``t``; it varies along rows (``grid_y[i, j] = t_i``).
    loss : ndarray of shape (num, num)
        :math:`L(\theta(s, t))` at each grid point.
    origin : ndarray of shape (P,)
        :math:`\theta_0`, the parameters at ``(s, t) = (0, 0)``.
    directions : ndarray of shape (2, P)
        :math:`e_1` and :math:`e_2`.
    X : ndarray of shape (n, d)
        Data, bias column included.
    y : ndarray of shape (n,)
        Labels.
    m : int
        Width of the network.
    beta : float
        Weight decay in the objective.
    """

    grid_x: np.ndarray
    grid_y: np.ndarray
    loss: np.ndarray
    origin: np.ndarray
    directions: np.ndarray
    X: np.ndarray
    y: np.ndarray
    m: int
    beta: float

    def theta_at(self, s: float, t: float) -> np.ndarray:
        r"""Return :math:`\theta_0 + s e_1 + t e_2`, of shape (P,)."""
        s = as_real("s", s)
        t = as_real("t", t)
        return self.origin + s * self.directions[0] + t * self.directions[1]

    def network_at(self, s: float, t: float) -> tuple[np.ndarray, np.ndarray]:
        """Return the network ``(U, alpha)`` at slice coordinates ``(s, t)``."""
        return unflatten(self.theta_at(s, t), self.X.shape[1], self.m)


def _build_slice(
    origin: np.ndarray,
    directions: np.ndarray,
    X: np.ndarray,
    y: np.ndarray,
    m: int,
    x_range: tuple[float, float],
    y_range: tuple[float, float],
    num: int,
    beta: float,
) -> LossSlice:
    """Evaluate the objective on the slice grid (validated inputs)."""
    grid_x, grid_y = np.meshgrid(
        np.linspace(x_range[0], x_range[1], num),
        np.linspace(y_range[0], y_range[1], num),
    )
    coords = np.column_stack([grid_x.ravel(), grid_y.ravel()])
    thetas = origin + coords @ directions
    loss = _objective_batch(thetas, X, y, m, beta).reshape(num, num)
    return LossSlice(
        grid_x=grid_x,
        grid_y=grid_y,
        loss=loss,
        origin=origin,
        directions=directions,
        X=X,
        y=y,
        m=m,
        beta=beta,
    )


def _check_network_data(U, alpha, X, y):
    """Validate a network together with its data."""
    X, y = as_data(X, y)
    U = as_matrix("U", U)
    if U.shape[0] != X.shape[1]:
        raise ValueError(
            f"U must have {X.shape[1]} rows (one per column of X), got shape {U.shape}"
        )
    alpha = as_vector("alpha", alpha, length=U.shape[1])
    return U, alpha, X, y


def weight_slice(
    U: object,
    alpha: object,
    X: object,
    y: object,
    index_x: int,
    index_y: int,
    x_range: tuple[float, float],
    y_range: tuple[float, float],
    num: int = 101,
    beta: float = 0.0,
) -> LossSlice:
    r"""Evaluate the loss as a function of two weights, the others fixed.

    The slice coordinates are the values of the two chosen entries of
    :math:`\theta` (see :func:`u_index` and :func:`alpha_index`); every other
    entry keeps its value in ``(U, alpha)``.

    Parameters
    ----------
    U : array_like of shape (d, m)
        First-layer weights.
    alpha : array_like of shape (m,)
        Output weights.
    X : array_like of shape (n, d)
        Data, bias column included.
    y : array_like of shape (n,)
        Labels.
    index_x, index_y : int
        Distinct positions in the parameter vector, in ``[0, P)``.
    x_range, y_range : tuple of float
        ``(low, high)`` of each weight on the grid.
    num : int, default 101
        Grid points per axis, at least 2.
    beta : float, default 0.0
        Weight decay, at least 0.

    Returns
    -------
    LossSlice
        ``grid_x`` and ``grid_y`` hold the two weights' values and ``loss``
        the objective, each of shape (num, num).

    Raises
    ------
    ValueError
        If an array is invalid, the shapes disagree, an index is out of range
        or repeated, a range is not increasing, ``num < 2`` or ``beta < 0``.
    """
    U, alpha, X, y = _check_network_data(U, alpha, X, y)
    theta = flatten(U, alpha)
    size = theta.shape[0]
    index_x = as_count("index_x", index_x, minimum=0)
    index_y = as_count("index_y", index_y, minimum=0)
    for name, index in (("index_x", index_x), ("index_y", index_y)):
        if index >= size:
            raise ValueError(f"{name} must be < P={size}, got {index}")
    if index_x == index_y:
        raise ValueError(f"index_x and index_y must differ, got {index_x} twice")
    x_range = as_range("x_range", x_range)
    y_range = as_range("y_range", y_range)
    num = as_count("num", num, minimum=2, maximum=MAX_GRID)
    beta = as_real("beta", beta, minimum=0.0)

    origin = theta.copy()
    origin[[index_x, index_y]] = 0.0
    directions = np.zeros((2, size))
    directions[0, index_x] = 1.0
    directions[1, index_y] = 1.0
    return _build_slice(
        origin, directions, X, y, U.shape[1], x_range, y_range, num, beta
    )


def neuron_slice(
    U: object,
    alpha: object,
    X: object,
    y: object,
    neuron: int,
    scale_range: tuple[float, float],
    alpha_range: tuple[float, float],
    num: int = 101,
    beta: float = 0.0,
) -> LossSlice:
    r"""Evaluate the loss over one neuron's size and output weight.

    Neuron ``j = neuron`` is replaced by :math:`(s\,\hat u_j, t)` with
    :math:`\hat u_j = u_j / \lVert u_j \rVert`; the other neurons stay fixed.
    Because :math:`(s z)_+ = s (z)_+` for :math:`s > 0`, the network's
    function depends on :math:`(s, t)` only through :math:`s t` where
    :math:`s > 0`.  Through an interpolating network the slice therefore has a
    zero-loss valley along the hyperbola
    :math:`s t = \lVert u_j \rVert \alpha_j` (see :func:`rescaling_curve`),
    the embedded form of the two-parameter example
    :mod:`mathcore.twoparam`.

    Parameters
    ----------
    U : array_like of shape (d, m)
        First-layer weights; column ``neuron`` must be nonzero.
    alpha : array_like of shape (m,)
        Output weights.
    X : array_like of shape (n, d)
        Data, bias column included.
    y : array_like of shape (n,)
        Labels.
    neuron : int
        Index of the neuron, in ``[0, m)``.
    scale_range : tuple of float
        ``(low, high)`` of :math:`s = \lVert u_j \rVert` on the grid.
    alpha_range : tuple of float
        ``(low, high)`` of :math:`t = \alpha_j` on the grid.
    num : int, default 101
        Grid points per axis, at least 2.
    beta : float, default 0.0
        Weight decay, at least 0.

    Returns
    -------
    LossSlice
        ``grid_x`` contains :math:`s`, ``grid_y`` contains :math:`t` and
        ``loss`` the objective, each of shape (num, num).

    Raises
    ------
    ValueError
        If an input is invalid, the neuron index is out of range or its
        first-layer weights are zero.
    """
    U, alpha, X, y = _check_network_data(U, alpha, X, y)
    d, m = U.shape
    neuron = as_count("neuron", neuron, minimum=0)
    if neuron >= m:
        raise ValueError(f"neuron must be < m={m}, got {neuron}")
    scale_range = as_range("scale_range", scale_range)
    alpha_range = as_range("alpha_range", alpha_range)
    num = as_count("num", num, minimum=2, maximum=MAX_GRID)
    beta = as_real("beta", beta, minimum=0.0)
    length = float(np.linalg.norm(U[:, neuron]))
    if length == 0.0:
        raise ValueError(f"neuron {neuron} has zero first-layer weights, so no slice")

    origin_U = U.copy()
    origin_U[:, neuron] = 0.0
    origin_alpha = alpha.copy()
    origin_alpha[neuron] = 0.0
    direction_U = np.zeros_like(U)
    direction_U[:, neuron] = U[:, neuron] / length
    directions = np.zeros((2, d * m + m))
    directions[0] = flatten(direction_U, np.zeros(m))
    directions[1, alpha_index(d, m, neuron)] = 1.0
    return _build_slice(
        flatten(origin_U, origin_alpha),
        directions,
        X,
        y,
        m,
        scale_range,
        alpha_range,
        num,
        beta,
    )


def rescaling_curve(
    U: object, alpha: object, neuron: int, s_min: float, s_max: float, num: int
) -> np.ndarray:
    r"""Sample the rescalings of one neuron in the coordinates of :func:`neuron_slice`.

    The points :math:`(s, \lVert u_j \rVert \alpha_j / s)` for
    :math:`s > 0` all give the same function.  Through an interpolating
    network they trace the zero-loss valley of the neuron slice.

    Parameters
    ----------
    U : array_like of shape (d, m)
        First-layer weights.
    alpha : array_like of shape (m,)
        Output weights.
    neuron : int
        Index of the neuron, in ``[0, m)``.
    s_min : float
        Smallest :math:`s`, positive.
    s_max : float
        Largest :math:`s`, greater than ``s_min``.
    num : int
        Number of points, at least 2.

    Returns
    -------
    ndarray of shape (num, 2)
        Columns :math:`(s, t)`.

    Raises
    ------
    ValueError
        If an input is invalid or the neuron index is out of range.
    """
    U = as_matrix("U", U)
    alpha = as_vector("alpha", alpha, length=U.shape[1])
    neuron = as_count("neuron", neuron, minimum=0)
    if neuron >= U.shape[1]:
        raise ValueError(f"neuron must be < m={U.shape[1]}, got {neuron}")
    s_min = as_real("s_min", s_min, minimum=0.0, strict=True)
    s_max = as_real("s_max", s_max, minimum=s_min, strict=True)
    num = as_count("num", num, minimum=2)
    product = float(np.linalg.norm(U[:, neuron])) * alpha[neuron]
    s = np.linspace(s_min, s_max, num)
    return np.column_stack([s, product / s])


def direction_slice(
    center: object,
    dir1: object,
    dir2: object,
    X: object,
    y: object,
    s_range: tuple[float, float] = (-1.0, 1.0),
    t_range: tuple[float, float] = (-1.0, 1.0),
    num: int = 101,
    beta: float = 0.0,
) -> LossSlice:
    r"""Evaluate the loss on the plane through ``center`` spanned by two directions.

    The grid point :math:`(s, t)` is :math:`\theta = c + s\,e_1 + t\,e_2`,
    so ``center`` sits at :math:`(0, 0)`.  The width ``m`` follows from
    :math:`P = (d + 1) m` with ``d`` the number of columns of ``X``.

    Parameters
    ----------
    center : array_like of shape (P,)
        Parameter vector at the origin of the slice.
    dir1, dir2 : array_like of shape (P,)
        Directions :math:`e_1` and :math:`e_2`, nonzero and not parallel.
    X : array_like of shape (n, d)
        Data, bias column included.
    y : array_like of shape (n,)
        Labels.
    s_range, t_range : tuple of float, default (-1, 1)
        ``(low, high)`` of each coordinate.
    num : int, default 101
        Grid points per axis, at least 2.
    beta : float, default 0.0
        Weight decay, at least 0.

    Returns
    -------
    LossSlice
        The objective on the grid, shape (num, num).

    Raises
    ------
    ValueError
        If an input is invalid, ``P`` is not a multiple of ``d + 1``, a
        direction has the wrong length, or the directions are parallel.
    """
    X, y = as_data(X, y)
    center = as_vector("center", center)
    d = X.shape[1]
    if center.shape[0] % (d + 1) != 0:
        raise ValueError(
            f"center must have length (d + 1) * m with d={d}, "
            f"got length {center.shape[0]}"
        )
    m = center.shape[0] // (d + 1)
    dir1 = as_vector("dir1", dir1, length=center.shape[0])
    dir2 = as_vector("dir2", dir2, length=center.shape[0])
    directions = np.vstack([dir1, dir2])
    if np.linalg.matrix_rank(directions) < 2:
        raise ValueError("dir1 and dir2 must be nonzero and not parallel")
    s_range = as_range("s_range", s_range)
    t_range = as_range("t_range", t_range)
    num = as_count("num", num, minimum=2, maximum=MAX_GRID)
    beta = as_real("beta", beta, minimum=0.0)
    return _build_slice(center, directions, X, y, m, s_range, t_range, num, beta)


@dataclass(frozen=True)
class SlicePath:
    r"""A gradient-descent run restricted to a slice.

    Attributes
    ----------
    steps : ndarray of shape (k,)
        Step index of each recorded point (0 first, ``n_steps`` last).
    coords : ndarray of shape (k, 2)
        Slice coordinates :math:`(s, t)` of each recorded point.
    loss : ndarray of shape (k,)
        Objective at each recorded point.
    """

    steps: np.ndarray
    coords: np.ndarray
    loss: np.ndarray


def gd_paths_on_slice(
    loss_slice: LossSlice,
    starts: object,
    step: float,
    n_steps: int,
    record_every: int = 1,
    *,
    use_cache: bool = True,
) -> list[SlicePath]:
    r"""Run gradient descent inside a slice from several starting points.

    With :math:`E = [e_1; e_2]` of shape (2, P) the update is

    .. math:: (s, t) \leftarrow (s, t) - \eta\, E\, \nabla L(\theta_0 + s e_1 + t e_2),

    gradient descent on the restriction of :math:`L` to the plane, so each
    path stays on the slice's heat map.  The gradient is
    :func:`mathcore.network.gradient` with the slice's weight decay.

    Parameters
    ----------
    loss_slice : LossSlice
        The slice, from :func:`weight_slice`, :func:`neuron_slice` or
        :func:`direction_slice`.
    starts : array_like of shape (S, 2)
        Starting coordinates :math:`(s, t)`.
    step : float
        Step size :math:`\eta > 0`.
    n_steps : int
        Number of updates, at least 1.
    record_every : int, default 1
        Record every this many steps; the start and the last step are always
        recorded.
    use_cache : bool, default True
        Read and write the result in the disk cache (:mod:`mathcore.cache`).

    Returns
    -------
    list of SlicePath
        One path per start, in order.

    Raises
    ------
    ValueError
        If ``loss_slice`` is not a :class:`LossSlice`, ``starts`` is not a
        finite (S, 2) array, ``step`` is not positive, or a count is below 1.
    FloatingPointError
        If a run overflows because the step is too large.
    """
    if not isinstance(loss_slice, LossSlice):
        raise ValueError(
            f"loss_slice must be a LossSlice, got {type(loss_slice).__name__}"
        )
    starts = as_matrix("starts", starts)
    if starts.shape[1] != 2:
        raise ValueError(f"starts must have shape (S, 2), got {starts.shape}")
    step = as_real("step", step, minimum=0.0, strict=True)
    n_steps = as_count("n_steps", n_steps)
    record_every = as_record_interval(record_every, n_steps)
    inputs = {
        "origin": loss_slice.origin,
        "directions": loss_slice.directions,
        "X": loss_slice.X,
        "y": loss_slice.y,
        "m": loss_slice.m,
        "beta": loss_slice.beta,
        "starts": starts,
        "step": step,
        "n_steps": n_steps,
        "record_every": record_every,
    }
    return cached(
        "landscape.gd_paths_on_slice",
        lambda: _slice_paths(**inputs),
        inputs,
        use_cache=use_cache,
    )


def _slice_paths(
    origin, directions, X, y, m, beta, starts, step, n_steps, record_every
) -> list[SlicePath]:
    """Run the descents of :func:`gd_paths_on_slice` on validated inputs."""
    d = X.shape[1]
    paths = []
    for start in starts:
        coords = start.copy()
        steps, points = [0], [coords.copy()]
        for k in range(1, n_steps + 1):
            theta = origin + coords @ directions
            U, alpha = theta[: d * m].reshape(d, m), theta[d * m :]
            with np.errstate(over="ignore", invalid="ignore"):
                d_U, d_alpha = network.gradient(U, alpha, X, y, beta)
                gradient = directions @ np.concatenate([d_U.ravel(), d_alpha])
            coords = coords - step * gradient
            if not np.all(np.abs(coords) < DIVERGENCE_LIMIT):
                raise FloatingPointError(
                    f"gradient descent on the slice overflowed at step {k} "
                    f"with step={step!r}; use a smaller step"
                )
            if k % record_every == 0 or k == n_steps:
                steps.append(k)
                points.append(coords.copy())
        points = np.array(points)
        thetas = origin + points @ directions
        paths.append(
            SlicePath(
                steps=np.array(steps),
                coords=points,
                loss=_objective_batch(thetas, X, y, m, beta),
            )
        )
    return paths


# Non-convexity witness -------------------------------------------------------


def interpolating_network(X: object, y: object) -> tuple[np.ndarray, np.ndarray]:
    r"""Construct a network of width ``n`` that fits the data exactly.

    ``X`` must have a constant column of ones (the bias) and at least one
    other column whose entries are distinct.  With :math:`p = X_{:, c}` for
    the first such column ``c``, sorted as :math:`p_{(1)} < \dots < p_{(n)}`,
    neuron ``k`` is the hinge :math:`(p - \tau_k)_+` with threshold
    :math:`\tau_1 = p_{(1)} - 1` and :math:`\tau_k` halfway between
    :math:`p_{(k-1)}` and :math:`p_{(k)}`.  On the data the hidden-layer
    matrix is triangular with a positive diagonal, so the output weights
    solving :math:`(XU)_+ \alpha = y` exist and are unique.  For 1-D data
    with bias this is the piecewise-linear interpolant.

    Parameters
    ----------
    X : array_like of shape (n, d)
        Data with a bias column.
    y : array_like of shape (n,)
        Labels.

    Returns
    -------
    U : ndarray of shape (d, n)
    alpha : ndarray of shape (n,)
        A network with :math:`(XU)_+ \alpha = y` up to rounding.

    Raises
    ------
    ValueError
        If ``X`` has no column of ones or no other column with distinct
        entries.
    """
    X, y = as_data(X, y)
    n, d = X.shape
    ones = [c for c in range(d) if np.all(X[:, c] == 1.0)]
    if not ones:
        raise ValueError("X must contain a bias column of ones, got none")
    candidates = [c for c in range(d) if c not in ones and np.unique(X[:, c]).size == n]
    if not candidates:
        raise ValueError(
            "X must have a non-bias column with distinct entries, got none"
        )
    column, bias = candidates[0], ones[0]
    values = np.sort(X[:, column])
    thresholds = np.concatenate([[values[0] - 1.0], (values[:-1] + values[1:]) / 2])
    U = np.zeros((d, n))
    U[column] = 1.0
    U[bias] = -thresholds
    hidden = np.maximum(X @ U, 0.0)
    alpha = np.linalg.solve(hidden, y)
    return U, alpha


@dataclass(frozen=True)
class NonconvexityWitness:
    r"""Two global minima swapped by a permutation, and the segment between them.

    Attributes
    ----------
    theta_1, theta_2 : ndarray of shape (P,)
        The two parameter vectors; ``theta_2`` is ``theta_1`` with neurons
        ``pair[0]`` and ``pair[1]`` swapped.
    d, m : int
        Input dimension (bias included) and width.
    pair : tuple of int
        The swapped neurons.
    t : ndarray of shape (num,)
        Positions along the segment, from 0 to 1.
    segment_loss : ndarray of shape (num,)
        Objective at :math:`(1 - t)\,\theta_1 + t\,\theta_2`.
    endpoint_loss : float
        Objective at ``theta_1``, equal to that at ``theta_2``.
    midpoint_loss : float
        Objective at :math:`(\theta_1 + \theta_2) / 2`.
    predictions_1, predictions_2 : ndarray of shape (n,)
        Network outputs on the data at the two endpoints (identical).
    beta : float
        Weight decay in the objective.
    """

    theta_1: np.ndarray
    theta_2: np.ndarray
    d: int
    m: int
    pair: tuple[int, int]
    t: np.ndarray
    segment_loss: np.ndarray
    endpoint_loss: float
    midpoint_loss: float
    predictions_1: np.ndarray
    predictions_2: np.ndarray
    beta: float


def nonconvexity_witness(
    X: object,
    y: object,
    U: object = None,
    alpha: object = None,
    beta: float = 0.0,
    pair: tuple[int, int] | None = None,
    num: int = 101,
) -> NonconvexityWitness:
    r"""Show that the training loss is not convex along a segment of minima.

    Swapping two neurons of a network gives a second parameter vector with
    the same function and the same loss.  If the loss were convex, every
    point between two global minima would also be a global minimum.  But the
    midpoint of the swap averages the two neurons and generally fits worse.

    Without ``(U, alpha)`` the network is :func:`interpolating_network`, a
    global minimum because its loss is zero and the loss is nonnegative; this
    requires ``beta = 0``.  A supplied network must have objective at most
    ``GLOBAL_MINIMUM_TOL`` when ``beta = 0``; with ``beta > 0`` the caller
    vouches that it is a global minimizer (for example one recovered from the
    convex program).

    Parameters
    ----------
    X : array_like of shape (n, d)
        Data, bias column included.
    y : array_like of shape (n,)
        Labels.
    U : array_like of shape (d, m), optional
        First-layer weights of a global minimizer, with ``m >= 2``.
    alpha : array_like of shape (m,), optional
        Its output weights; given together with ``U``.
    beta : float, default 0.0
        Weight decay in the objective.
    pair : tuple of int, optional
        The two neurons to swap; by default the pair whose midpoint has the
        largest objective.
    num : int, default 101
        Points along the segment, at least 3.

    Returns
    -------
    NonconvexityWitness
        Both endpoints, the objective along the segment and at its midpoint.

    Raises
    ------
    ValueError
        If an input is invalid, only one of ``U`` and ``alpha`` is given,
        ``beta > 0`` without a network, the supplied network's loss exceeds
        ``GLOBAL_MINIMUM_TOL`` with ``beta = 0``, the width is below 2, or
        ``pair`` is not two distinct neuron indices.
    """
    X, y = as_data(X, y)
    beta = as_real("beta", beta, minimum=0.0)
    num = as_count("num", num, minimum=3)
    if (U is None) != (alpha is None):
        raise ValueError("U and alpha must be given together or both omitted")
    if U is None:
        if beta > 0.0:
            raise ValueError(
                f"beta must be 0 when no network is given (the constructed "
                f"interpolant is a global minimum only without weight decay), "
                f"got {beta!r}"
            )
        U, alpha = interpolating_network(X, y)
    else:
        U, alpha, X, y = _check_network_data(U, alpha, X, y)
        loss = network.objective(U, alpha, X, y, 0.0)
        if beta == 0.0 and loss > GLOBAL_MINIMUM_TOL:
            raise ValueError(
                f"U, alpha must be a global minimum with loss <= "
                f"{GLOBAL_MINIMUM_TOL}, got loss {loss!r}"
            )
    d, m = U.shape
    if m < 2:
        raise ValueError(f"the network must have at least 2 neurons, got m={m}")
    theta_1 = flatten(U, alpha)

    def swapped(first: int, second: int) -> np.ndarray:
        order = np.arange(m)
        order[[first, second]] = [second, first]
        return flatten(*network.permute(U, alpha, order))

    if pair is None:
        candidates = [(j, k) for j in range(m) for k in range(j + 1, m)]
        midpoints = np.array([(theta_1 + swapped(j, k)) / 2 for j, k in candidates])
        best = int(np.argmax(_objective_batch(midpoints, X, y, m, beta)))
        pair = candidates[best]
    else:
        try:
            first, second = pair
        except (TypeError, ValueError):
            raise ValueError(f"pair must be two neuron indices, got {pair!r}") from None
        first = as_count("pair[0]", first, minimum=0)
        second = as_count("pair[1]", second, minimum=0)
        if first == second or max(first, second) >= m:
            raise ValueError(
                f"pair must be two distinct neurons in [0, {m}), got {pair!r}"
            )
        pair = (first, second)
    theta_2 = swapped(*pair)

    t = np.linspace(0.0, 1.0, num)
    segment = (1.0 - t)[:, None] * theta_1 + t[:, None] * theta_2
    segment_loss = _objective_batch(segment, X, y, m, beta)
    midpoint = _objective_batch(((theta_1 + theta_2) / 2)[None], X, y, m, beta)[0]
    logger.debug("non-convexity witness: pair %s, midpoint loss %s", pair, midpoint)
    return NonconvexityWitness(
        theta_1=theta_1,
        theta_2=theta_2,
        d=d,
        m=m,
        pair=pair,
        t=t,
        segment_loss=segment_loss,
        endpoint_loss=network.objective(U, alpha, X, y, beta),
        midpoint_loss=float(midpoint),
        predictions_1=network.predict(*unflatten(theta_1, d, m), X),
        predictions_2=network.predict(*unflatten(theta_2, d, m), X),
        beta=beta,
    )


# Zero-loss valley -------------------------------------------------------------


@dataclass(frozen=True)
class ValleyDemo:
    r"""A neuron slice through an interpolating network, with descent paths.

    Attributes
    ----------
    loss_slice : LossSlice
        The slice of :func:`neuron_slice`; ``grid_x`` is the neuron's size
        :math:`s` and ``grid_y`` its output weight :math:`t`.
    valley : ndarray of shape (num_valley, 2)
        Points :math:`(s, t)` of the zero-loss valley :math:`s t = c` with
        :math:`c = \lVert u_j \rVert \alpha_j`, inside the slice's ranges.
    paths : list of SlicePath
        Gradient descent inside the slice from each start.
    U : ndarray of shape (d, m)
    alpha : ndarray of shape (m,)
        The interpolating network the slice passes through.
    neuron : int
        The neuron whose size and output weight vary.
    """

    loss_slice: LossSlice
    valley: np.ndarray
    paths: list[SlicePath]
    U: np.ndarray
    alpha: np.ndarray
    neuron: int


def _default_data_1d(x: object, y: object) -> tuple[np.ndarray, np.ndarray]:
    """Return validated 1-D inputs and labels, the lecture's six points if omitted."""
    if (x is None) != (y is None):
        raise ValueError("x and y must be given together or both omitted")
    if x is None:
        from mathcore.datasets import lecture_1d

        data = lecture_1d()
        x, y = data.x, data.y
    x = as_vector("x", x)
    y = as_vector("y", y, length=x.shape[0])
    return x, y


# Starts of the valley demo in slice coordinates (s, t) for the default
# neuron of the lecture data: small and balanced, tall, wide, large, and one
# with the wrong sign of t, whose neuron shrinks to s = 0 at positive loss.
_VALLEY_STARTS = ((0.4, 0.4), (0.3, 5.0), (3.8, 0.2), (2.5, 4.5), (1.0, -1.5))


def valley_demo(
    x: object = None,
    y: object = None,
    neuron: int = 4,
    scale_range: tuple[float, float] = (0.05, 4.0),
    alpha_range: tuple[float, float] = (-2.0, 6.0),
    num: int = 101,
    starts: object = _VALLEY_STARTS,
    step: float = 0.01,
    n_steps: int = 3000,
    record_every: int = 10,
    *,
    use_cache: bool = True,
) -> ValleyDemo:
    r"""Build a heat map with a zero-loss valley and descent paths into it.

    The slice is :func:`neuron_slice` through :func:`interpolating_network`
    of the 1-D data with a bias column.  Its valley is the hyperbola of
    rescalings of the chosen neuron, :math:`s t = \lVert u_j \rVert \alpha_j`,
    and gradient descent inside the slice from different starts ends at
    different points of it, each start keeping roughly its own balance
    :math:`s^2 - t^2`.

    Parameters
    ----------
    x : array_like of shape (n,), optional
        Inputs with distinct values; the lecture's six points when omitted.
    y : array_like of shape (n,), optional
        Labels, given together with ``x``.
    neuron : int, default 4
        Neuron of the interpolating network (sorted by kink) to vary.
    scale_range : tuple of float, default (0.05, 4.0)
        Range of the neuron's size :math:`s`.
    alpha_range : tuple of float, default (-2.0, 6.0)
        Range of its output weight :math:`t`.
    num : int, default 101
        Grid points per axis.
    starts : array_like of shape (S, 2)
        Starting points :math:`(s, t)` of the paths.
    step : float, default 0.01
        Step size of the paths.
    n_steps : int, default 3000
        Steps per path.
    record_every : int, default 10
        Recording interval of the paths.
    use_cache : bool, default True
        Read and write the paths in the disk cache (:mod:`mathcore.cache`).

    Returns
    -------
    ValleyDemo
        The slice, the valley curve inside its ranges, the paths and the
        network.

    Raises
    ------
    ValueError
        If an input is invalid (see :func:`neuron_slice` and
        :func:`gd_paths_on_slice`).
    """
    x, y = _default_data_1d(x, y)
    X = network.add_bias(x)
    U, alpha = interpolating_network(X, y)
    loss_slice = neuron_slice(U, alpha, X, y, neuron, scale_range, alpha_range, num=num)
    low, high = loss_slice.grid_x[0, 0], loss_slice.grid_x[0, -1]
    # The valley lies at s > 0, because a neuron with s <= 0 is another hinge.
    if high <= 0.0:
        raise ValueError(f"scale_range must reach s > 0, got {scale_range!r}")
    curve = rescaling_curve(U, alpha, neuron, max(low, 1e-3 * high), high, 400)
    t_low, t_high = loss_slice.grid_y[0, 0], loss_slice.grid_y[-1, 0]
    inside = (curve[:, 1] >= t_low) & (curve[:, 1] <= t_high)
    paths = gd_paths_on_slice(
        loss_slice, starts, step, n_steps, record_every, use_cache=use_cache
    )
    return ValleyDemo(
        loss_slice=loss_slice,
        valley=curve[inside],
        paths=paths,
        U=U,
        alpha=alpha,
        neuron=int(neuron),
    )


# Showcase -----------------------------------------------------------------

# Data-fit loss below which a run counts as interpolating the data.
INTERPOLATION_TOL = 1e-8

# Names of the showcase's groups of runs, in the order they are returned.
SHOWCASE_GROUPS = ("small", "large", "weight_decay")


@dataclass(frozen=True)
class ShowcaseRun:
    r"""One gradient-descent run of a full network in the showcase.

    Attributes
    ----------
    group : str
        ``"small"``, ``"large"`` or ``"weight_decay"``.
    seed : int
        Seed of the starting network (:func:`mathcore.network.init_network`).
    init_scale : float
        Standard deviation of the starting weights.
    beta : float
        Weight decay of the run.
    U0 : ndarray of shape (d, m)
    alpha0 : ndarray of shape (m,)
        Starting network.
    U : ndarray of shape (d, m)
    alpha : ndarray of shape (m,)
        Final network.
    steps : ndarray of shape (k,)
        Step index of each record.
    objective : ndarray of shape (k,)
        Weight-decay objective at each record (the data-fit loss when
        ``beta = 0``).
    neuron_paths : ndarray of shape (k, m, 2)
        Each neuron's :math:`(\alpha_j, \lVert u_j \rVert)` at each record.
        Without weight decay gradient flow keeps every neuron on its
        hyperbola :math:`\lVert u_j \rVert^2 - \alpha_j^2 = \text{const}`.
    fit : float
        Final data-fit loss :math:`\tfrac12 \lVert f(X) - y \rVert^2`.
    norm : float
        Final Euclidean norm :math:`\lVert \theta \rVert_2` of all weights.
    path_norm : float
        Final :math:`\sum_j \lVert u_j \rVert\, |\alpha_j|`, which equals
        :math:`\tfrac12 \lVert \theta \rVert^2` for a balanced network.
    balance : ndarray of shape (m,)
        Final :math:`\lVert u_j \rVert^2 - \alpha_j^2`.
    values : ndarray of shape (g,)
        Final network's output on the showcase grid.
    interpolates : bool
        Whether ``fit < INTERPOLATION_TOL``.
    """

    group: str
    seed: int
    init_scale: float
    beta: float
    U0: np.ndarray
    alpha0: np.ndarray
    U: np.ndarray
    alpha: np.ndarray
    steps: np.ndarray
    objective: np.ndarray
    neuron_paths: np.ndarray
    fit: float
    norm: float
    path_norm: float
    balance: np.ndarray
    values: np.ndarray
    interpolates: bool


@dataclass(frozen=True)
class Showcase:
    r"""Gradient-descent runs from small, large and weight-decayed starts.

    Attributes
    ----------
    x : ndarray of shape (n,)
    y : ndarray of shape (n,)
        The 1-D data (a bias column is added for training).
    grid : ndarray of shape (g,)
        Inputs at which each run's function is evaluated.
    runs : list of ShowcaseRun
        ``n_runs`` runs per group, groups in the order of
        ``SHOWCASE_GROUPS``.
    m : int
        Width of every network.
    step : float
        Step size of every run.
    n_steps : int
        Steps of every run.
    """

    x: np.ndarray
    y: np.ndarray
    grid: np.ndarray
    runs: list[ShowcaseRun]
    m: int
    step: float
    n_steps: int

    def group(self, name: str) -> list[ShowcaseRun]:
        """Return the runs of group ``name`` (one of ``SHOWCASE_GROUPS``)."""
        if name not in SHOWCASE_GROUPS:
            raise ValueError(f"name must be one of {SHOWCASE_GROUPS}, got {name!r}")
        return [run for run in self.runs if run.group == name]


def _batched_descent(
    U: np.ndarray,
    alpha: np.ndarray,
    X: np.ndarray,
    y: np.ndarray,
    beta: np.ndarray,
    step: float,
    n_steps: int,
    record_every: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r"""Run gradient descent on R networks at once.

    ``U`` has shape (R, d, m), ``alpha`` shape (R, m) and ``beta`` shape
    (R,).  Each run follows the update of
    :func:`mathcore.network.gradient_descent` exactly; batching only removes
    per-run Python overhead.  Returns the recorded steps (k,), first layers
    (k, R, d, m) and output weights (k, R, m).
    """
    U = U.copy()
    alpha = alpha.copy()
    steps, U_records, alpha_records = [0], [U.copy()], [alpha.copy()]
    for k in range(1, n_steps + 1):
        pre = np.einsum("nd,rdm->rnm", X, U)
        hidden = np.maximum(pre, 0.0)
        residual = np.einsum("rnm,rm->rn", hidden, alpha) - y
        grad_alpha = np.einsum("rnm,rn->rm", hidden, residual)
        grad_alpha += beta[:, None] * alpha
        signal = (pre > 0) * residual[:, :, None] * alpha[:, None, :]
        grad_U = np.einsum("nd,rnm->rdm", X, signal) + beta[:, None, None] * U
        U -= step * grad_U
        alpha -= step * grad_alpha
        if k % record_every == 0 or k == n_steps:
            if not (np.all(np.isfinite(U)) and np.all(np.isfinite(alpha))):
                raise FloatingPointError(
                    f"showcase gradient descent diverged by step {k} with "
                    f"step={step!r}; use a smaller step"
                )
            steps.append(k)
            U_records.append(U.copy())
            alpha_records.append(alpha.copy())
    return np.array(steps), np.array(U_records), np.array(alpha_records)


def _compute_showcase(
    x: np.ndarray,
    y: np.ndarray,
    grid: np.ndarray,
    m: int,
    n_runs: int,
    small_scale: float,
    large_scale: float,
    decay_scale: float,
    weight_decay: float,
    step: float,
    n_steps: int,
    record_every: int,
    seed: int,
) -> Showcase:
    """Run every group of the showcase (validated inputs, no cache)."""
    X = network.add_bias(x)
    grid_X = network.add_bias(grid)
    d = X.shape[1]
    settings = {
        "small": (small_scale, 0.0),
        "large": (large_scale, 0.0),
        "weight_decay": (decay_scale, weight_decay),
    }
    starts_U, starts_alpha, betas, labels = [], [], [], []
    for group in SHOWCASE_GROUPS:
        scale, beta = settings[group]
        for run in range(n_runs):
            # Every group uses the same seeds, so the three groups start from
            # the same directions and differ only in scale and weight decay.
            U0, alpha0 = network.init_network(d, m, scale, seed + run)
            starts_U.append(U0)
            starts_alpha.append(alpha0)
            betas.append(beta)
            labels.append((group, seed + run, scale, beta))

    steps, U_records, alpha_records = _batched_descent(
        np.array(starts_U),
        np.array(starts_alpha),
        X,
        y,
        np.array(betas),
        step,
        n_steps,
        record_every,
    )
    runs = []
    for index, (group, run_seed, scale, beta) in enumerate(labels):
        U_path, alpha_path = U_records[:, index], alpha_records[:, index]
        U, alpha = U_path[-1], alpha_path[-1]
        lengths = np.linalg.norm(U_path, axis=1)
        objective = np.array(
            [
                network.objective(u, a, X, y, beta)
                for u, a in zip(U_path, alpha_path, strict=True)
            ]
        )
        fit = network.objective(U, alpha, X, y, 0.0)
        runs.append(
            ShowcaseRun(
                group=group,
                seed=run_seed,
                init_scale=scale,
                beta=beta,
                U0=U_path[0],
                alpha0=alpha_path[0],
                U=U,
                alpha=alpha,
                steps=steps,
                objective=objective,
                neuron_paths=np.stack([alpha_path, lengths], axis=-1),
                fit=fit,
                norm=float(np.linalg.norm(flatten(U, alpha))),
                path_norm=float(np.sum(lengths[-1] * np.abs(alpha))),
                balance=lengths[-1] ** 2 - alpha**2,
                values=network.predict(U, alpha, grid_X),
                interpolates=bool(fit < INTERPOLATION_TOL),
            )
        )
        logger.debug(
            "showcase run %s seed %s: fit %s, norm %s",
            group,
            run_seed,
            fit,
            runs[-1].norm,
        )
    return Showcase(x=x, y=y, grid=grid, runs=runs, m=m, step=step, n_steps=n_steps)


def showcase_runs(
    x: object = None,
    y: object = None,
    m: int = 50,
    n_runs: int = 6,
    small_scale: float = 0.01,
    large_scale: float = 1.0,
    decay_scale: float = 0.5,
    weight_decay: float = 0.1,
    step: float = 0.01,
    n_steps: int = 40_000,
    record_every: int = 200,
    grid: object = None,
    num: int = 201,
    seed: int = 0,
    use_cache: bool = True,
) -> Showcase:
    r"""Train one network from many starts: small, large, and with weight decay.

    Every run is full-batch gradient descent on
    :math:`\tfrac12 \lVert (XU)_+ \alpha - y\rVert^2 + \tfrac{\beta}{2}
    \lVert \theta \rVert^2` with ``X`` the 1-D data with a bias column, as
    in :func:`mathcore.network.gradient_descent`.  Run ``r`` of every group
    starts from :func:`mathcore.network.init_network` with seed
    ``seed + r``:

    - ``"small"``: scale ``small_scale``, no weight decay;
    - ``"large"``: scale ``large_scale``, no weight decay;
    - ``"weight_decay"``: scale ``decay_scale``, weight decay
      ``weight_decay``.

    Gradient flow conserves each neuron's :math:`\lVert u_j\rVert^2 -
    \alpha_j^2`, so small starts end nearly balanced and, when they
    interpolate, near the minimum-norm interpolant, while large starts end
    elsewhere on the zero-loss set with a larger norm.  With weight decay
    the runs agree with each other and reach the optimum of the convex
    program.  Runs can also stall at a spurious stationary point with
    nonzero loss.  On the lecture data with the defaults, seed 4 ends at loss
    0.005 from both small and large starts.  Such runs have
    ``interpolates = False`` and are returned as they are.

    NOTE: weight decay does not make gradient descent global.  On the lecture
    data with ``weight_decay = 0.1``, starts of scale 0.1 to 0.5 all reached
    the optimum 0.78958 in a check of seeds 0 to 9, but some starts of scale
    0.01 or 1.0 stop at local minima with objective 0.792 or 0.881.

    Parameters
    ----------
    x : array_like of shape (n,), optional
        1-D inputs; the lecture's six points when omitted.
    y : array_like of shape (n,), optional
        Labels, given together with ``x``.
    m : int, default 50
        Width of every network.
    n_runs : int, default 6
        Runs per group.
    small_scale, large_scale, decay_scale : float, default 0.01, 1.0, 0.5
        Standard deviations of the starting weights of each group, positive.
    weight_decay : float, default 0.1
        :math:`\beta` of the weight-decay group, positive.
    step : float, default 0.01
        Step size of every run.
    n_steps : int, default 40000
        Steps of every run.
    record_every : int, default 200
        Recording interval; the start and the last step are always recorded.
    grid : array_like of shape (g,), optional
        Inputs for the functions; by default ``num`` points over the data
        range widened by 10 % on each side.
    num : int, default 201
        Number of default grid points, at least 2.
    seed : int, default 0
        Seed of the first run of each group.
    use_cache : bool, default True
        Whether to read and store the result in the disk cache.

    Returns
    -------
    Showcase
        The data, the grid and ``3 * n_runs`` runs.

    Raises
    ------
    ValueError
        If an input is invalid: missing or non-finite data, a non-positive
        scale, step or weight decay, or a count below its minimum.
    FloatingPointError
        If a run diverges because the step is too large.
    """
    x, y = _default_data_1d(x, y)
    m = as_count("m", m)
    n_runs = as_count("n_runs", n_runs)
    small_scale = as_real("small_scale", small_scale, minimum=0.0, strict=True)
    large_scale = as_real("large_scale", large_scale, minimum=0.0, strict=True)
    decay_scale = as_real("decay_scale", decay_scale, minimum=0.0, strict=True)
    weight_decay = as_real("weight_decay", weight_decay, minimum=0.0, strict=True)
    step = as_real("step", step, minimum=0.0, strict=True)
    n_steps = as_count("n_steps", n_steps)
    record_every = as_record_interval(record_every, n_steps)
    grid = plotting_grid(x, grid, num)
    seed = as_seed(seed)
    inputs = {
        "x": x,
        "y": y,
        "grid": grid,
        "m": m,
        "n_runs": n_runs,
        "small_scale": small_scale,
        "large_scale": large_scale,
        "decay_scale": decay_scale,
        "weight_decay": weight_decay,
        "step": step,
        "n_steps": n_steps,
        "record_every": record_every,
        "seed": seed,
    }
    return cached(
        "landscape.showcase_runs",
        lambda: _compute_showcase(**inputs),
        inputs,
        use_cache=use_cache,
    )
