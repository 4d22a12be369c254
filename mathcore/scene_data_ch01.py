r"""Results drawn by chapters 0 and 1: seeded training runs, segments, angle fits.

Chapter 0 trains one small network from several random starts and compares
its solutions with those of linear least squares.  Chapter 1 sweeps the
directions of two neurons of a 1-D network with a bias column.  Every
function validates its inputs and is deterministic (random draws are seeded).

A 1-D neuron with a bias column and direction angle :math:`\theta` has
:math:`u = (\cos\theta, \sin\theta)` and computes
:math:`(x\cos\theta + \sin\theta)_+`: its kink is at :math:`x = -\tan\theta`,
and it is active to the right of the kink when :math:`\cos\theta > 0`, to the
left when :math:`\cos\theta < 0`.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import optimize

from mathcore import network, twoparam
from mathcore._validate import (
    as_count,
    as_data,
    as_matrix,
    as_range,
    as_real,
    as_record_interval,
    as_vector,
)
from mathcore.cache import cached

logger = logging.getLogger(__name__)


# Seeded training runs --------------------------------------------------------


@dataclass(frozen=True)
class SeededRuns:
    r"""Gradient-descent runs of one network from consecutive seeds.

    Attributes
    ----------
    seeds : tuple of int
        Seeds of the runs whose final loss is below ``tol``, in increasing
        order.
    runs : tuple of Trajectory
        The trajectory of each of those runs, in the order of ``seeds``.
    missed : tuple of int
        Seeds tried whose run ended with loss ``>= tol`` or diverged.
    tol : float
        Final loss below which a run counts as fitting the data.
    """

    seeds: tuple[int, ...]
    runs: tuple[network.Trajectory, ...]
    missed: tuple[int, ...]
    tol: float

    @property
    def tried(self) -> int:
        """Number of seeds tried: fitting runs plus missed ones."""
        return len(self.seeds) + len(self.missed)


def _fitting_runs(X, y, m, n_runs, scale, step, n_steps, record_every, tol, max_seeds):
    """Compute :func:`fitting_runs` on validated inputs."""
    seeds, runs, missed = [], [], []
    for seed in range(max_seeds):
        U0, alpha0 = network.init_network(X.shape[1], m, scale, seed)
        try:
            # fitting_runs caches its whole result, runs included.
            run = network.gradient_descent(
                U0, alpha0, X, y, 0.0, step, n_steps, record_every, use_cache=False
            )
        except FloatingPointError:
            missed.append(seed)
            continue
        if run.loss[-1] < tol:
            seeds.append(seed)
            runs.append(run)
            if len(runs) == n_runs:
                break
        else:
            missed.append(seed)
    if len(runs) < n_runs:
        raise ValueError(
            f"only {len(runs)} of {max_seeds} seeds reached loss < {tol}; "
            f"raise max_seeds, n_steps or tol (n_runs={n_runs})"
        )
    return SeededRuns(tuple(seeds), tuple(runs), tuple(missed), tol)


def fitting_runs(
    X: object,
    y: object,
    m: object,
    n_runs: object,
    scale: object = 1.0,
    step: object = 0.02,
    n_steps: object = 2000,
    record_every: object = 10,
    tol: object = 1e-6,
    max_seeds: object = 50,
) -> SeededRuns:
    r"""Train a width-``m`` network from seeds 0, 1, 2, ... until ``n_runs`` fit.

    Each run draws its start with :func:`mathcore.network.init_network`
    (``scale``, seed) and runs :func:`mathcore.network.gradient_descent`
    without weight decay (``beta = 0``), so its loss is
    :math:`\tfrac12 \lVert (XU)_+ \alpha - y \rVert^2`.  A run fits when its
    final loss is below ``tol``; other seeds are recorded as missed.

    Parameters
    ----------
    X : array_like of shape (n, d)
        Inputs, bias column included.
    y : array_like of shape (n,)
        Labels.
    m : int
        Width, ``>= 1``.
    n_runs : int
        Number of fitting runs to collect, ``>= 1``.
    scale : float, default 1.0
        Standard deviation of the initial weights, ``> 0``.
    step : float, default 0.02
        Step size, ``> 0``.
    n_steps : int, default 2000
        Iterations per run, ``>= 1``.
    record_every : int, default 10
        Record every this many iterations (start and end always recorded).
    tol : float, default 1e-6
        Final loss below which a run fits, ``> 0``.
    max_seeds : int, default 50
        Number of seeds to try at most, ``>= n_runs``.

    Returns
    -------
    SeededRuns
        The fitting runs, their seeds and the missed seeds.

    Raises
    ------
    ValueError
        If an input is invalid, or fewer than ``n_runs`` of the first
        ``max_seeds`` seeds fit.
    """
    X, y = as_data(X, y)
    m = as_count("m", m)
    n_runs = as_count("n_runs", n_runs)
    scale = as_real("scale", scale, minimum=0.0, strict=True)
    step = as_real("step", step, minimum=0.0, strict=True)
    n_steps = as_count("n_steps", n_steps)
    record_every = as_record_interval(record_every, n_steps)
    tol = as_real("tol", tol, minimum=0.0, strict=True)
    max_seeds = as_count("max_seeds", max_seeds, minimum=n_runs)
    inputs = {
        "X": X,
        "y": y,
        "m": m,
        "n_runs": n_runs,
        "scale": scale,
        "step": step,
        "n_steps": n_steps,
        "record_every": record_every,
        "tol": tol,
        "max_seeds": max_seeds,
    }
    return cached(
        "fitting_runs",
        lambda: _fitting_runs(
            X, y, m, n_runs, scale, step, n_steps, record_every, tol, max_seeds
        ),
        inputs,
    )


# Agreement on the data, disagreement between the points ---------------------


@dataclass(frozen=True)
class Disagreement:
    r"""How far several 1-D networks differ on the data and between the points.

    Attributes
    ----------
    x : float
        Grid point where the spread :math:`\max_k f_k(x) - \min_k f_k(x)` is
        largest.
    values : ndarray of shape (K,)
        Each network's output at ``x``.
    spread : float
        The spread at ``x``.
    data_spread : float
        The largest spread over the data points.
    """

    x: float
    values: np.ndarray
    spread: float
    data_spread: float


def _check_networks(networks: object, d: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """Validate a non-empty sequence of ``(U, alpha)`` pairs with ``d`` rows."""
    if not isinstance(networks, Sequence) or len(networks) == 0:
        raise ValueError(
            f"networks must be a non-empty sequence of (U, alpha) pairs, "
            f"got {type(networks).__name__}"
        )
    checked = []
    for k, pair in enumerate(networks):
        try:
            U, alpha = pair
        except (TypeError, ValueError):
            raise ValueError(
                f"networks[{k}] must be a pair (U, alpha), got {pair!r}"
            ) from None
        U = as_matrix(f"networks[{k}] U", U)
        if U.shape[0] != d:
            raise ValueError(f"networks[{k}] U must have {d} rows, got shape {U.shape}")
        alpha = as_vector(f"networks[{k}] alpha", alpha, length=U.shape[1])
        checked.append((U, alpha))
    return checked


def disagreement_1d(networks: object, x_data: object, x_grid: object) -> Disagreement:
    r"""Compare 1-D networks with a bias column on the data and on a grid.

    Parameters
    ----------
    networks : sequence of (U, alpha)
        Networks with ``U`` of shape (2, m) for inputs ``[x, 1]``.
    x_data : array_like of shape (n,)
        Raw inputs of the data points.
    x_grid : array_like of shape (g,)
        Raw inputs where the spread is searched, for example a fine grid
        between the data points.

    Returns
    -------
    Disagreement
        The grid point of largest spread, the outputs there, that spread and
        the largest spread on the data.

    Raises
    ------
    ValueError
        If a network or an input array is invalid.
    """
    checked = _check_networks(networks, 2)
    X_data = network.add_bias(as_vector("x_data", x_data))
    grid = as_vector("x_grid", x_grid)
    X_grid = network.add_bias(grid)
    on_data = np.array([network.predict(U, a, X_data) for U, a in checked])
    on_grid = np.array([network.predict(U, a, X_grid) for U, a in checked])
    grid_spread = on_grid.max(axis=0) - on_grid.min(axis=0)
    best = int(np.argmax(grid_spread))
    return Disagreement(
        x=float(grid[best]),
        values=on_grid[:, best].copy(),
        spread=float(grid_spread[best]),
        data_spread=float(np.max(on_data.max(axis=0) - on_data.min(axis=0))),
    )


# Straight segments between two solutions ------------------------------------


@dataclass(frozen=True)
class SegmentLoss:
    r"""A loss along the straight segment between two parameter vectors.

    Attributes
    ----------
    t : ndarray of shape (num,)
        Positions from 0 (first end) to 1 (second end).
    loss : ndarray of shape (num,)
        Loss at :math:`(1 - t)\,\theta_a + t\,\theta_b`.
    midpoint_loss : float
        Loss at :math:`(\theta_a + \theta_b) / 2`.
    """

    t: np.ndarray
    loss: np.ndarray
    midpoint_loss: float


def network_segment(
    first: object,
    second: object,
    X: object,
    y: object,
    beta: object = 0.0,
    num: object = 101,
) -> SegmentLoss:
    r"""Evaluate the network objective between two networks of one width.

    The network at :math:`t` has
    :math:`U = (1 - t) U_a + t U_b` and
    :math:`\alpha = (1 - t) \alpha_a + t \alpha_b`; its loss is
    :func:`mathcore.network.objective` with weight decay ``beta``.

    Parameters
    ----------
    first, second : tuple (U, alpha)
        The two ends, with ``U`` of shape (d, m) and ``alpha`` of shape (m,).
    X : array_like of shape (n, d)
        Inputs, bias column included.
    y : array_like of shape (n,)
        Labels.
    beta : float, default 0.0
        Weight decay, ``>= 0``.
    num : int, default 101
        Points along the segment, ``>= 3``.

    Returns
    -------
    SegmentLoss
        Positions, losses and the midpoint loss.

    Raises
    ------
    ValueError
        If an input is invalid or the two networks differ in shape.
    """
    X, y = as_data(X, y)
    (U_a, alpha_a), (U_b, alpha_b) = _check_networks([first, second], X.shape[1])
    if U_a.shape != U_b.shape:
        raise ValueError(
            f"both networks must have the same width, got {U_a.shape} and {U_b.shape}"
        )
    beta = as_real("beta", beta, minimum=0.0)
    num = as_count("num", num, minimum=3)
    t = np.linspace(0.0, 1.0, num)
    loss = np.array(
        [
            network.objective(
                (1 - s) * U_a + s * U_b, (1 - s) * alpha_a + s * alpha_b, X, y, beta
            )
            for s in t
        ]
    )
    midpoint = network.objective((U_a + U_b) / 2, (alpha_a + alpha_b) / 2, X, y, beta)
    return SegmentLoss(t=t, loss=loss, midpoint_loss=midpoint)


def _least_squares_values(A: np.ndarray, b: np.ndarray, W: np.ndarray) -> np.ndarray:
    """Evaluate one half of the squared residual at each row of ``W``."""
    residual = W @ A.T - b
    return 0.5 * np.sum(residual**2, axis=1)


def least_squares_segment(
    A: object, b: object, w_a: object, w_b: object, num: object = 101
) -> SegmentLoss:
    r"""Evaluate :math:`\tfrac12 \lVert A w - b \rVert^2` between two points.

    Parameters
    ----------
    A : array_like of shape (n, d)
        System matrix.
    b : array_like of shape (n,)
        Right-hand side.
    w_a, w_b : array_like of shape (d,)
        The two ends.
    num : int, default 101
        Points along the segment, ``>= 3``.

    Returns
    -------
    SegmentLoss
        Positions, losses and the midpoint loss.

    Raises
    ------
    ValueError
        If an input is not finite or the shapes do not match.
    """
    A = as_matrix("A", A)
    b = as_vector("b", b, length=A.shape[0])
    w_a = as_vector("w_a", w_a, length=A.shape[1])
    w_b = as_vector("w_b", w_b, length=A.shape[1])
    num = as_count("num", num, minimum=3)
    t = np.linspace(0.0, 1.0, num)
    W = (1 - t)[:, None] * w_a + t[:, None] * w_b
    loss = _least_squares_values(A, b, W)
    midpoint = _least_squares_values(A, b, ((w_a + w_b) / 2)[None])[0]
    return SegmentLoss(t=t, loss=loss, midpoint_loss=float(midpoint))


def determined_system() -> tuple[np.ndarray, np.ndarray]:
    r"""Return a two-equation, two-unknown system with one solution.

    The equations are :math:`w_1 + 2 w_2 = 2` (the single equation of
    :func:`mathcore.leastsq.chapter3_system`) and :math:`w_1 - w_2 = 0.5`,
    so the unique solution is :math:`(1, 0.5)`, a point of the line of
    solutions of the first equation alone.

    Returns
    -------
    A : ndarray of shape (2, 2)
        ``[[1, 2], [1, -1]]``.
    b : ndarray of shape (2,)
        ``[2, 0.5]``.
    """
    return np.array([[1.0, 2.0], [1.0, -1.0]]), np.array([2.0, 0.5])


def least_squares_contours(
    A: object, b: object, levels: object, num: object = 160, reach: object = 10.0
) -> list[list[np.ndarray]]:
    r"""Trace the level sets of :math:`\tfrac12 \lVert A w - b \rVert^2` in the plane.

    With :math:`M = A^\top A = Q \Lambda Q^\top`, the least-norm minimizer
    :math:`w^\star = A^+ b` and the least loss :math:`L^\star`, the level set of
    :math:`c > L^\star` is
    :math:`(w - w^\star)^\top M (w - w^\star) = 2 (c - L^\star)`: an ellipse
    when ``A`` has rank 2, and two lines parallel to the null space of ``A``
    when it has rank 1.

    Parameters
    ----------
    A : array_like of shape (n, 2)
        System matrix with two unknowns, of rank 1 or 2.
    b : array_like of shape (n,)
        Right-hand side.
    levels : array_like of shape (k,)
        Loss values, each above the least loss.
    num : int, default 160
        Points per traced curve, ``>= 4``.
    reach : float, default 10.0
        For rank 1, half the length of each line, measured along the null
        space from the point nearest :math:`w^\star`.

    Returns
    -------
    list of list of ndarray of shape (num, 2)
        For each level, its curves: one closed ellipse (first point repeated
        last) for rank 2, two lines for rank 1.

    Raises
    ------
    ValueError
        If ``A`` does not have two columns or has rank 0, or a level is not
        above the least loss.
    """
    A = as_matrix("A", A)
    if A.shape[1] != 2:
        raise ValueError(f"A must have 2 columns (two unknowns), got shape {A.shape}")
    b = as_vector("b", b, length=A.shape[0])
    levels = as_vector("levels", levels)
    num = as_count("num", num, minimum=4)
    reach = as_real("reach", reach, minimum=0.0, strict=True)
    eigenvalues, Q = np.linalg.eigh(A.T @ A)
    tolerance = 2 * np.finfo(float).eps * max(eigenvalues[-1], 0.0)
    if eigenvalues[-1] <= 0.0:
        raise ValueError("A must have a nonzero entry, got the zero matrix")
    center = np.linalg.pinv(A) @ b
    least = float(_least_squares_values(A, b, center[None])[0])
    if np.any(levels <= least):
        raise ValueError(
            f"levels must exceed the least loss {least!r}, got {levels.tolist()!r}"
        )
    curves = []
    for level in levels:
        radius = 2.0 * (level - least)
        if eigenvalues[0] > tolerance:
            angle = np.linspace(0.0, 2.0 * np.pi, num)
            axes = np.column_stack(
                [
                    np.sqrt(radius / eigenvalues[0]) * np.cos(angle),
                    np.sqrt(radius / eigenvalues[1]) * np.sin(angle),
                ]
            )
            ellipse = center + axes @ Q.T
            ellipse[-1] = ellipse[0]
            curves.append([ellipse])
        else:
            across = np.sqrt(radius / eigenvalues[1]) * Q[:, 1]
            along = np.linspace(-reach, reach, num)[:, None] * Q[:, 0]
            curves.append([center + across + along, center - across + along])
    return curves


def two_param_contours(
    levels: object, b_range: tuple[float, float], num: object = 120
) -> list[list[np.ndarray]]:
    r"""Trace level sets of the two-parameter loss where :math:`b > 0`.

    The network :math:`a (b x)_+` fitted to :math:`(1, 1)` without weight
    decay has loss :math:`\tfrac12 (a b - 1)^2` where :math:`b > 0` (see
    :func:`mathcore.twoparam.loss`), so its level set of loss :math:`c` there
    is the pair of hyperbolas :math:`a b = 1 \pm \sqrt{2 c}`.

    Parameters
    ----------
    levels : array_like of shape (k,)
        Loss values :math:`c > 0`.
    b_range : tuple of float
        ``(b_min, b_max)`` with ``0 < b_min < b_max``.
    num : int, default 120
        Points per curve, ``>= 2``, spaced evenly in :math:`\log b` so the
        steep part near :math:`b_{\min}` is sampled finely.

    Returns
    -------
    list of list of ndarray of shape (num, 2)
        For each level, its two curves with columns :math:`(a, b)`: first
        :math:`a b = 1 + \sqrt{2c}`, then :math:`a b = 1 - \sqrt{2c}`.

    Raises
    ------
    ValueError
        If a level is not positive, ``b_min <= 0`` or the range is not
        increasing.
    """
    levels = as_vector("levels", levels)
    if np.any(levels <= 0.0):
        raise ValueError(f"levels must be > 0, got {levels.tolist()!r}")
    b_min, b_max = as_range("b_range", b_range)
    if b_min <= 0.0:
        raise ValueError(f"b_range must lie in b > 0, got {b_range!r}")
    num = as_count("num", num, minimum=2)
    b = np.geomspace(b_min, b_max, num)
    curves = []
    for level in levels:
        root = np.sqrt(2.0 * level)
        curves.append([np.column_stack([p / b, b]) for p in (1.0 + root, 1.0 - root)])
    return curves


def two_param_segment(start: object, end: object, num: object = 101) -> SegmentLoss:
    r"""Evaluate the two-parameter loss between two points :math:`(a, b)`.

    The loss is :func:`mathcore.twoparam.loss` without weight decay,
    :math:`\tfrac12 (a (b)_+ - 1)^2`.

    Parameters
    ----------
    start, end : array_like of shape (2,)
        The ends :math:`(a, b)`.
    num : int, default 101
        Points along the segment, ``>= 3``.

    Returns
    -------
    SegmentLoss
        Positions, losses and the midpoint loss.

    Raises
    ------
    ValueError
        If an end is not a finite pair.
    """
    start = as_vector("start", start, length=2)
    end = as_vector("end", end, length=2)
    num = as_count("num", num, minimum=3)
    t = np.linspace(0.0, 1.0, num)
    points = (1 - t)[:, None] * start + t[:, None] * end
    middle = (start + end) / 2
    return SegmentLoss(
        t=t,
        loss=twoparam.loss(points[:, 0], points[:, 1]),
        midpoint_loss=twoparam.loss(middle[0], middle[1]),
    )


# Neurons set by an angle -----------------------------------------------------


@dataclass(frozen=True)
class AngleFit:
    r"""A 1-D network whose neuron directions are given by angles.

    Attributes
    ----------
    angles : ndarray of shape (m,)
        :math:`\theta_j` in radians.
    U : ndarray of shape (2, m)
        Column :math:`j` is :math:`(\cos\theta_j, \sin\theta_j)`.
    alpha : ndarray of shape (m,)
        Output weights of least norm among those minimizing
        :math:`\tfrac12 \lVert (XU)_+ \alpha - y \rVert^2`.
    loss : float
        That least loss.
    """

    angles: np.ndarray
    U: np.ndarray
    alpha: np.ndarray
    loss: float


def _angle_fit(angles: np.ndarray, X: np.ndarray, y: np.ndarray) -> AngleFit:
    """Compute :func:`angle_network` on validated inputs."""
    U = np.vstack([np.cos(angles), np.sin(angles)])
    hidden = np.maximum(X @ U, 0.0)
    alpha = np.linalg.lstsq(hidden, y, rcond=None)[0]
    return AngleFit(
        angles=angles.copy(),
        U=U,
        alpha=alpha,
        loss=network.objective(U, alpha, X, y, 0.0),
    )


def angle_network(angles: object, X: object, y: object) -> AngleFit:
    r"""Fit the output weights of a 1-D network whose neurons are set by angles.

    Neuron :math:`j` has :math:`u_j = (\cos\theta_j, \sin\theta_j)` for inputs
    ``[x, 1]``; its norm is 1 because rescaling :math:`u_j` by :math:`t > 0`
    and :math:`\alpha_j` by :math:`1/t` leaves the function unchanged.  With
    the first layer fixed the loss is least squares in :math:`\alpha`, solved
    by ``numpy.linalg.lstsq`` (least-norm solution when the hidden outputs
    are rank deficient, so a neuron inactive on every point gets
    :math:`\alpha_j = 0`).

    Parameters
    ----------
    angles : array_like of shape (m,)
        Angles :math:`\theta_j` in radians.
    X : array_like of shape (n, 2)
        Inputs ``[x, 1]``.
    y : array_like of shape (n,)
        Labels.

    Returns
    -------
    AngleFit
        The network and its loss (no weight decay).

    Raises
    ------
    ValueError
        If an input is not finite or ``X`` does not have two columns.
    """
    angles = as_vector("angles", angles)
    X, y = as_data(X, y)
    if X.shape[1] != 2:
        raise ValueError(f"X must have 2 columns [x, 1], got shape {X.shape}")
    return _angle_fit(angles, X, y)


def best_angle_pair(X: object, y: object, num: object = 181) -> AngleFit:
    r"""Find the pair of neuron angles whose least-squares fit has least loss.

    The pair is the best point of a ``num`` by ``num`` grid of
    :math:`[-\pi, \pi)^2`, refined by Nelder-Mead; the refined pair is kept
    only when its loss is no larger.  The loss jumps where a kink crosses a
    data point, so the result is the best found, not a certified optimum.

    Parameters
    ----------
    X : array_like of shape (n, 2)
        Inputs ``[x, 1]``.
    y : array_like of shape (n,)
        Labels.
    num : int, default 181
        Grid points per angle, ``>= 8``.

    Returns
    -------
    AngleFit
        The best two-neuron network found, with angles wrapped to
        :math:`[-\pi, \pi)`.

    Raises
    ------
    ValueError
        If an input is invalid.
    """
    X, y = as_data(X, y)
    if X.shape[1] != 2:
        raise ValueError(f"X must have 2 columns [x, 1], got shape {X.shape}")
    num = as_count("num", num, minimum=8)
    grid = np.linspace(-np.pi, np.pi, num, endpoint=False)
    losses = np.array(
        [[_angle_fit(np.array([a, b]), X, y).loss for b in grid] for a in grid]
    )
    i, j = np.unravel_index(int(np.argmin(losses)), losses.shape)
    start = np.array([grid[i], grid[j]])
    refined = optimize.minimize(
        lambda angles: _angle_fit(angles, X, y).loss,
        start,
        method="Nelder-Mead",
        options={"xatol": 1e-8, "fatol": 1e-12},
    )
    best = _angle_fit(start, X, y)
    candidate = _angle_fit(np.asarray(refined.x), X, y)
    if candidate.loss <= best.loss:
        best = candidate
    wrapped = (best.angles + np.pi) % (2 * np.pi) - np.pi
    logger.debug("best angle pair %s with loss %s", wrapped, best.loss)
    return _angle_fit(wrapped, X, y)
