r"""Results that the scenes of chapters 4 and 5 show and the core modules lack.

* :func:`arc_index` and :func:`patterns_found` place a rotating direction
  among the arcs of :func:`mathcore.patterns.enumerate_patterns_2d`.
* :func:`pattern_counts` tabulates exact pattern counts against Cover's bound,
  the count that random directions find, and :math:`2^n`.
* :func:`train_from_seeds` runs :func:`mathcore.network.gradient_descent`
  from several random starts and keeps each run's loss curve.
* :func:`path_widths`, :func:`activation_order`, :func:`width_drops` and
  :func:`nearest_index` read a regularization path for the chapter 5 sweep.
* :func:`sparsity_example` solves a lasso and a group lasso on one small
  regression problem, to contrast single zeros with whole zero groups.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass

import cvxpy as cp
import numpy as np

from mathcore import datasets, network, patterns
from mathcore._validate import (
    as_count,
    as_data,
    as_matrix,
    as_real,
    as_record_interval,
    as_seed,
)
from mathcore.cache import cached
from mathcore.convex import SOLVER, SOLVER_OPTIONS, SolverError

logger = logging.getLogger(__name__)

TWO_PI = 2.0 * math.pi

# A path group counts as nonzero for the width shown on screen when its norm
# exceeds this fraction of the largest group norm at the same beta. The
# warm-started path solves can leave a block near 3e-5 of the largest where a
# cold solve returns zero (beta = 0.468 on the lecture's data), while on that
# data's default grid every block that genuinely enters is above 1e-2 of it.
PATH_WIDTH_RTOL = 1e-4

# A coefficient of the sparsity example counts as zero below this fraction of
# the largest coefficient. Clarabel leaves exact zeros below 1e-10 of it.
SPARSITY_RTOL = 1e-6


def _check_arcs(arcs: object) -> np.ndarray:
    """Validate arcs of shape (P, 2) ordered by start angle in [0, 2 pi)."""
    arcs = as_matrix("arcs", arcs)
    if arcs.shape[1] != 2:
        raise ValueError(f"arcs must have shape (P, 2), got {arcs.shape}")
    starts = arcs[:, 0]
    if np.any(starts < 0) or np.any(starts >= TWO_PI) or np.any(np.diff(starts) <= 0):
        raise ValueError(
            "arcs must start at increasing angles in [0, 2 pi), as "
            "enumerate_patterns_2d returns them"
        )
    return arcs


def arc_index(arcs: object, angle: object) -> int:
    r"""Return the index of the arc that contains the direction at ``angle``.

    Arc ``k`` covers the angles from ``arcs[k, 0]`` (included) to
    ``arcs[k, 1]`` (excluded), going counterclockwise. The last arc wraps
    through angle 0.

    Parameters
    ----------
    arcs : array_like of shape (P, 2)
        :attr:`mathcore.patterns.PlanePatterns.arcs`.
    angle : float
        Direction angle in radians, any real number (taken modulo
        :math:`2\pi`).

    Returns
    -------
    int
        Index ``k`` in ``0 .. P-1``.

    Raises
    ------
    ValueError
        If ``arcs`` is not ordered as ``enumerate_patterns_2d`` returns it,
        or ``angle`` is not a finite number.
    """
    arcs = _check_arcs(arcs)
    angle = as_real("angle", angle)
    starts = arcs[:, 0]
    offset = np.mod(angle - starts[0], TWO_PI)
    return int(np.searchsorted(starts - starts[0], offset, side="right") - 1)


def patterns_found(arcs: object, start: object, angle: object) -> int:
    r"""Count the patterns a direction has met turning from ``start`` to ``angle``.

    The direction turns counterclockwise. Each arc it enters shows one
    pattern, and a full turn shows all ``P`` of them.

    Parameters
    ----------
    arcs : array_like of shape (P, 2)
        :attr:`mathcore.patterns.PlanePatterns.arcs`.
    start : float
        Angle where the turn begins, in radians.
    angle : float
        Current angle, ``>= start``.

    Returns
    -------
    int
        Number of distinct arcs met, from 1 to ``P``.

    Raises
    ------
    ValueError
        If the arcs are invalid or ``angle < start``.
    """
    arcs = _check_arcs(arcs)
    start = as_real("start", start)
    angle = as_real("angle", angle, minimum=start)
    count = arcs.shape[0]
    if angle - start >= TWO_PI:
        return count
    first = arc_index(arcs, start)
    current = arc_index(arcs, angle)
    steps = (current - first) % count
    # A turn of nearly 2 pi re-enters the first arc after crossing every other.
    if steps == 0 and angle - start > TWO_PI / 2:
        return count
    return steps + 1


@dataclass(frozen=True)
class PatternCount:
    r"""Pattern counts of one data set.

    Attributes
    ----------
    name : str
        Data set that was counted (``plane_points`` or ``gaussian_points``).
    n : int
        Number of points.
    rank : int
        Rank of the data matrix.
    exact : int
        Number of activation patterns, enumerated exactly.
    bound : int
        Cover's bound :math:`2\sum_{k<r}\binom{n-1}{k}`.
    sampled : int
        Distinct patterns among ``n_samples`` random Gaussian directions.
    n_samples : int
        Number of random directions drawn.
    subsets : int
        :math:`2^n`, the number of 0/1 diagonals, which equals Cover's bound
        for rank ``n``.
    """

    name: str
    n: int
    rank: int
    exact: int
    bound: int
    sampled: int
    n_samples: int
    subsets: int


def pattern_counts(
    cases: Sequence[tuple[int, int]], n_samples: object = 1000, seed: object = 0
) -> list[PatternCount]:
    r"""Count the activation patterns of seeded data sets of several sizes.

    Case ``(n, d)`` uses :func:`mathcore.datasets.plane_points` when
    ``d == 2`` and :func:`mathcore.datasets.gaussian_points` otherwise, both
    with seed 0, which put the points in general position, so the exact count
    equals Cover's bound.

    Parameters
    ----------
    cases : sequence of (int, int)
        Pairs ``(n, d)`` with ``n >= 1`` and ``d >= 2``.
    n_samples : int, default 1000
        Random directions for the sampled count.
    seed : int, default 0
        Seed of the random directions.

    Returns
    -------
    list of PatternCount
        One entry per case, in order.

    Raises
    ------
    ValueError
        If a case is not a pair of integers with ``n >= 1`` and ``d >= 2``.
    """
    n_samples = as_count("n_samples", n_samples)
    seed = as_seed(seed)
    rows = []
    for case in cases:
        if not (isinstance(case, tuple | list) and len(case) == 2):
            raise ValueError(f"each case must be a pair (n, d), got {case!r}")
        n = as_count("n", case[0])
        d = as_count("d", case[1], minimum=2)
        if d == 2:
            data = datasets.plane_points(n)
        else:
            data = datasets.gaussian_points(n, d)
        found, _ = patterns.enumerate_patterns(data.x)
        sampled, _ = patterns.sample_patterns(data.x, n_samples, seed)
        rank = int(np.linalg.matrix_rank(data.x))
        rows.append(
            PatternCount(
                name=data.name,
                n=n,
                rank=rank,
                exact=int(found.shape[0]),
                bound=patterns.cover_bound(n, rank),
                sampled=int(sampled.shape[0]),
                n_samples=n_samples,
                subsets=patterns.cover_bound(n, n),
            )
        )
    return rows


@dataclass(frozen=True)
class TrainingRuns:
    r"""Gradient descent runs on one problem from several random starts.

    Attributes
    ----------
    seeds : ndarray of int, shape (S,)
        Seed of :func:`mathcore.network.init_network` for each run.
    steps : ndarray of int, shape (k,)
        Iterations at which the losses were recorded, 0 first.
    losses : ndarray of shape (S, k)
        Weight-decay objective of each run at each recorded iteration.
    final_objective : ndarray of shape (S,)
        Objective of each run's final network.
    networks : tuple of (ndarray (d, m), ndarray (m,))
        Final ``(U, alpha)`` of each run.
    beta : float
        Weight decay.
    width : int
        Number of neurons ``m``.
    """

    seeds: np.ndarray
    steps: np.ndarray
    losses: np.ndarray
    final_objective: np.ndarray
    networks: tuple[tuple[np.ndarray, np.ndarray], ...]
    beta: float
    width: int


def train_from_seeds(
    X: object,
    y: object,
    beta: object,
    width: object,
    init_scale: object,
    step: object,
    n_steps: object,
    seeds: Sequence[int],
    record_every: object = 10,
    use_cache: bool = True,
) -> TrainingRuns:
    r"""Train one network per seed by full-batch gradient descent.

    Run ``s`` starts from ``init_network(d, width, init_scale, seed_s)`` and
    takes ``n_steps`` steps of :func:`mathcore.network.gradient_descent` on
    the objective
    :math:`\tfrac12\lVert (XU)_+\alpha - y\rVert^2 + \tfrac\beta2
    \sum_j (\lVert u_j\rVert^2 + \alpha_j^2)`.

    Parameters
    ----------
    X : array_like of shape (n, d)
        Data matrix, including any bias column.
    y : array_like of shape (n,)
        Labels.
    beta : float
        Weight decay, ``>= 0``.
    width : int
        Number of neurons, ``>= 1``.
    init_scale : float
        Standard deviation of the initial weights, ``> 0``.
    step : float
        Step size, ``> 0``.
    n_steps : int
        Iterations per run, ``>= 1``.
    seeds : sequence of int
        One non-negative seed per run, at least one.
    record_every : int, default 10
        Record the loss every this many iterations (and at the last one).
    use_cache : bool, default True
        Read and store the runs in the disk cache of :mod:`mathcore.cache`.

    Returns
    -------
    TrainingRuns

    Raises
    ------
    ValueError
        If an input is invalid or ``seeds`` is empty.
    FloatingPointError
        If a run diverges because the step is too large.
    """
    X, y = as_data(X, y)
    beta = as_real("beta", beta, minimum=0.0)
    width = as_count("width", width)
    init_scale = as_real("init_scale", init_scale, minimum=0.0, strict=True)
    step = as_real("step", step, minimum=0.0, strict=True)
    n_steps = as_count("n_steps", n_steps)
    record_every = as_record_interval(record_every, n_steps)
    seed_list = [as_seed(seed) for seed in seeds]
    if not seed_list:
        raise ValueError("seeds must hold at least one seed, got none")
    inputs = {
        "X": X,
        "y": y,
        "beta": beta,
        "width": width,
        "init_scale": init_scale,
        "step": step,
        "n_steps": n_steps,
        "seeds": seed_list,
        "record_every": record_every,
    }

    def compute() -> TrainingRuns:
        losses, networks = [], []
        trajectory = None
        for seed in seed_list:
            U0, alpha0 = network.init_network(X.shape[1], width, init_scale, seed)
            # The whole set of runs is cached below, so the runs are not.
            trajectory = network.gradient_descent(
                U0,
                alpha0,
                X,
                y,
                beta,
                step,
                n_steps,
                record_every=record_every,
                use_cache=False,
            )
            losses.append(trajectory.loss)
            networks.append(trajectory.final)
        final = np.array([network.objective(U, a, X, y, beta) for U, a in networks])
        logger.info(
            "trained %s runs of width %s: objectives %s", len(seed_list), width, final
        )
        return TrainingRuns(
            seeds=np.array(seed_list),
            steps=trajectory.steps,
            losses=np.array(losses),
            final_objective=final,
            networks=tuple(networks),
            beta=beta,
            width=width,
        )

    return cached(
        "scene_data_ch45.train_from_seeds", compute, inputs, use_cache=use_cache
    )


def log_spaced_records(steps: object, count: object) -> np.ndarray:
    r"""Pick about ``count`` records whose iterations are evenly spaced in log scale.

    Parameters
    ----------
    steps : array_like of int, shape (k,)
        Recorded iterations, increasing, as :attr:`TrainingRuns.steps`.
    count : int
        Number of log-spaced targets between the first positive iteration and
        the last, ``>= 2``.

    Returns
    -------
    ndarray of int
        Increasing indices into ``steps`` of the records nearest to the
        targets, without repeats. The first positive record and the last one
        are always included, and iteration 0 never is.

    Raises
    ------
    ValueError
        If ``steps`` is not increasing or has no positive iteration.
    """
    steps = np.asarray(steps)
    if steps.ndim != 1 or steps.size == 0 or np.any(np.diff(steps) <= 0):
        raise ValueError(
            f"steps must be a non-empty increasing 1-D array, got {steps!r}"
        )
    count = as_count("count", count, minimum=2)
    positive = np.flatnonzero(steps > 0)
    if positive.size == 0:
        raise ValueError("steps must contain a positive iteration, got none")
    first, last = steps[positive[0]], steps[-1]
    targets = np.geomspace(first, last, count)
    logs = np.log10(steps[positive])
    nearest = np.abs(logs[None, :] - np.log10(targets)[:, None]).argmin(axis=1)
    return np.unique(positive[nearest])


def runs_at_optimum(
    final_objective: object, optimum: object, decimals: object = 4
) -> np.ndarray:
    r"""Flag the runs whose objective agrees with ``optimum`` when rounded.

    Parameters
    ----------
    final_objective : array_like of shape (S,)
        Final objective of each run.
    optimum : float
        The convex optimum :math:`p^*`.
    decimals : int, default 4
        Digits after the point at which the values are compared (the digits
        a scene shows).

    Returns
    -------
    ndarray of bool, shape (S,)
        True where ``round(objective, decimals) == round(optimum, decimals)``.
    """
    values = np.asarray(final_objective, dtype=float)
    if values.ndim != 1 or not np.all(np.isfinite(values)):
        raise ValueError(
            f"final_objective must be a finite 1-D array, got shape {values.shape}"
        )
    optimum = as_real("optimum", optimum)
    decimals = as_count("decimals", decimals, minimum=0)
    return np.round(values, decimals) == np.round(optimum, decimals)


@dataclass(frozen=True)
class SparsityExample:
    r"""A lasso and a group lasso fitted to the same small regression problem.

    Both minimize :math:`\tfrac12\lVert A b - y\rVert^2` plus a penalty:
    :math:`\lambda_1 \lVert b\rVert_1` for the lasso and
    :math:`\lambda_2 \sum_g \lVert b_g\rVert_2` for the group lasso, each
    :math:`\lambda` the same fraction of the smallest value that zeros every
    coefficient (:math:`\lVert A^\top y\rVert_\infty` and
    :math:`\max_g \lVert A_g^\top y\rVert_2`).

    Attributes
    ----------
    A : ndarray of shape (n, p)
        Design matrix with standard normal entries.
    y : ndarray of shape (n,)
        Labels from two nonzero groups plus noise.
    groups : ndarray of int, shape (p,)
        Group of each coefficient, ``0 .. G-1`` in consecutive runs.
    truth : ndarray of shape (p,)
        Coefficients that generated ``y``.
    lasso : ndarray of shape (p,)
        Lasso solution, exact zeros where the solver's value is negligible.
    group_lasso : ndarray of shape (p,)
        Group lasso solution, likewise.
    lasso_lambda : float
    group_lambda : float
    """

    A: np.ndarray
    y: np.ndarray
    groups: np.ndarray
    truth: np.ndarray
    lasso: np.ndarray
    group_lasso: np.ndarray
    lasso_lambda: float
    group_lambda: float

    @property
    def n_groups(self) -> int:
        """Number of groups ``G``."""
        return int(self.groups.max()) + 1

    @staticmethod
    def _groups_used(groups: np.ndarray, coefficients: np.ndarray) -> int:
        return int(np.unique(groups[coefficients != 0]).size)

    @property
    def lasso_groups_used(self) -> int:
        """Number of groups with at least one nonzero lasso coefficient."""
        return self._groups_used(self.groups, self.lasso)

    @property
    def group_lasso_groups_used(self) -> int:
        """Number of groups with a nonzero group lasso block."""
        return self._groups_used(self.groups, self.group_lasso)


def _solve_penalized(A, y, penalty, description: str) -> np.ndarray:
    """Minimize half the squared residual plus ``penalty(b)`` with Clarabel."""
    b = cp.Variable(A.shape[1])
    problem = cp.Problem(cp.Minimize(0.5 * cp.sum_squares(A @ b - y) + penalty(b)))
    try:
        problem.solve(solver=SOLVER, **SOLVER_OPTIONS)
    except cp.error.SolverError as error:
        raise SolverError(f"Clarabel failed on {description}: {error}") from error
    if problem.status != cp.OPTIMAL:
        raise SolverError(
            f"Clarabel did not solve {description}: status {problem.status!r}"
        )
    values = np.asarray(b.value, dtype=float)
    top = float(np.max(np.abs(values)))
    values[np.abs(values) <= SPARSITY_RTOL * max(top, 1e-300)] = 0.0
    return values


def sparsity_example(
    seed: object = 1,
    n_samples: object = 24,
    n_groups: object = 4,
    group_size: object = 3,
    noise: object = 0.5,
    fraction: object = 0.25,
) -> SparsityExample:
    r"""Fit a lasso and a group lasso to one seeded regression problem.

    The true coefficients are nonzero in groups 0 and 2 only (the values
    ``1.5, -1.0, 0.8`` and ``-0.9, 1.2, 0.6``, cycled to ``group_size``),
    and ``y = A b + noise * e`` with standard normal ``A`` and ``e`` drawn
    from ``np.random.default_rng(seed)`` in that order.

    Parameters
    ----------
    seed : int, default 1
        Seed of the random generator.
    n_samples : int, default 24
        Rows of ``A``.
    n_groups : int, default 4
        Number of groups, ``>= 3``.
    group_size : int, default 3
        Coefficients per group.
    noise : float, default 0.5
        Standard deviation of the label noise, ``>= 0``.
    fraction : float, default 0.25
        Each :math:`\lambda` as a fraction of its all-zero threshold, in
        ``(0, 1)``.

    Returns
    -------
    SparsityExample

    Raises
    ------
    ValueError
        If a parameter is out of range.
    SolverError
        If Clarabel does not solve either problem to optimality.
    """
    seed = as_seed(seed)
    n_samples = as_count("n_samples", n_samples)
    n_groups = as_count("n_groups", n_groups, minimum=3)
    group_size = as_count("group_size", group_size)
    noise = as_real("noise", noise, minimum=0.0)
    fraction = as_real("fraction", fraction, minimum=0.0, strict=True, maximum=1.0)
    if fraction >= 1.0:
        raise ValueError(f"fraction must be < 1, got {fraction!r}")

    rng = np.random.default_rng(seed)
    p = n_groups * group_size
    groups = np.repeat(np.arange(n_groups), group_size)
    truth = np.zeros(p)
    truth[groups == 0] = np.resize([1.5, -1.0, 0.8], group_size)
    truth[groups == 2] = np.resize([-0.9, 1.2, 0.6], group_size)
    A = rng.standard_normal((n_samples, p))
    y = A @ truth + noise * rng.standard_normal(n_samples)

    lasso_lambda = fraction * float(np.max(np.abs(A.T @ y)))
    group_lambda = fraction * max(
        float(np.linalg.norm(A[:, groups == g].T @ y)) for g in range(n_groups)
    )
    lasso = _solve_penalized(
        A, y, lambda b: lasso_lambda * cp.norm1(b), "the lasso example"
    )
    group_lasso = _solve_penalized(
        A,
        y,
        lambda b: (
            group_lambda
            * sum(
                cp.norm(b[g * group_size : (g + 1) * group_size], 2)
                for g in range(n_groups)
            )
        ),
        "the group lasso example",
    )
    return SparsityExample(
        A=A,
        y=y,
        groups=groups,
        truth=truth,
        lasso=lasso,
        group_lasso=group_lasso,
        lasso_lambda=lasso_lambda,
        group_lambda=group_lambda,
    )


def _check_group_norms(group_norms: object) -> np.ndarray:
    """Validate a (K, G) array of non-negative group norms."""
    norms = as_matrix("group_norms", group_norms)
    if np.any(norms < 0):
        raise ValueError("group_norms must be non-negative")
    return norms


def _nonzero_groups(norms: np.ndarray, rtol: float) -> np.ndarray:
    """Return a (K, G) mask of groups above ``rtol`` times each row's maximum."""
    top = norms.max(axis=1, keepdims=True)
    return (norms > rtol * top) & (top > 0)


def path_widths(group_norms: object, rtol: object = PATH_WIDTH_RTOL) -> np.ndarray:
    r"""Count the nonzero groups at each ``beta`` of a regularization path.

    Group :math:`g` counts at grid point :math:`k` when its norm exceeds
    ``rtol`` times the largest group norm at :math:`k`. This ignores the
    solver residue that :attr:`mathcore.path.RegularizationPath.n_active`
    can count (see ``PATH_WIDTH_RTOL``).

    Parameters
    ----------
    group_norms : array_like of shape (K, G)
        :attr:`mathcore.path.RegularizationPath.group_norms`.
    rtol : float, default PATH_WIDTH_RTOL
        Relative threshold in ``[0, 1)``.

    Returns
    -------
    ndarray of int, shape (K,)
        The width of the recovered network at each grid point.
    """
    norms = _check_group_norms(group_norms)
    rtol = as_real("rtol", rtol, minimum=0.0, maximum=1.0)
    return _nonzero_groups(norms, rtol).sum(axis=1)


def activation_order(group_norms: object, rtol: object = PATH_WIDTH_RTOL) -> np.ndarray:
    r"""List the groups that are ever nonzero, in the order they switch on.

    Parameters
    ----------
    group_norms : array_like of shape (K, G)
        Group norms along a path whose ``beta`` decreases with ``k``.
    rtol : float, default PATH_WIDTH_RTOL
        Relative threshold of :func:`path_widths`.

    Returns
    -------
    ndarray of int
        Group indices sorted by the first grid point at which each is
        nonzero, ties by index. Groups that are never nonzero are left out.
    """
    norms = _check_group_norms(group_norms)
    rtol = as_real("rtol", rtol, minimum=0.0, maximum=1.0)
    mask = _nonzero_groups(norms, rtol)
    ever = np.flatnonzero(mask.any(axis=0))
    first = mask[:, ever].argmax(axis=0)
    return ever[np.lexsort((ever, first))]


def width_drops(widths: object) -> np.ndarray:
    """Return the grid indices ``k`` where the width is lower than at ``k - 1``.

    Parameters
    ----------
    widths : array_like of int, shape (K,)
        Widths along the path, as :func:`path_widths` returns them.

    Returns
    -------
    ndarray of int
        Increasing indices, empty when the width never decreases.
    """
    values = np.asarray(widths)
    if values.ndim != 1:
        raise ValueError(f"widths must be 1-D, got shape {values.shape}")
    return np.flatnonzero(np.diff(values) < 0) + 1


def nearest_index(betas: object, beta: object) -> int:
    """Return the index of the grid value closest to ``beta`` in log scale.

    Parameters
    ----------
    betas : array_like of shape (K,)
        Positive grid values, as :attr:`RegularizationPath.betas`.
    beta : float
        Target value, ``> 0``.

    Returns
    -------
    int
    """
    grid = np.asarray(betas, dtype=float)
    if grid.ndim != 1 or grid.size == 0 or np.any(grid <= 0):
        raise ValueError("betas must be a non-empty 1-D array of positive values")
    beta = as_real("beta", beta, minimum=0.0, strict=True)
    return int(np.argmin(np.abs(np.log(grid) - np.log(beta))))
