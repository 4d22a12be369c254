r"""Values that the scenes of chapters 6 and 7 place on screen.

Chapter 6 opens with the textbook bias-variance picture, which is a sketch,
not a measurement: :func:`classical_tradeoff` defines it by explicit
formulas, so the scene draws curves from one tested place.  Chapter 7 runs
gradient descent on the two-parameter network :math:`f(x) = a (b x)_+`
from small starts, large starts and large starts with weight decay
(:func:`tiny_showcase`), and compares the width-50 runs of
:func:`mathcore.landscape.showcase_runs` with the smallest interpolating
network of the exact convex program (:func:`min_norm_interpolant`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np

from mathcore import convex, landscape, network, twoparam
from mathcore._validate import as_count, as_real, as_record_interval, as_seed, as_vector

logger = logging.getLogger(__name__)

# Shape constants of the sketch: training error decays as exp(-DECAY * c),
# variance grows as CURVATURE * c^2, and FLOOR is the irreducible error.
DECAY = 3.5
CURVATURE = 0.9
FLOOR = 0.08
START = 0.9


@dataclass(frozen=True)
class ClassicalSketch:
    r"""The classical U-shaped test error against model capacity.

    Attributes
    ----------
    capacity : ndarray of shape (num,)
        Capacity :math:`c`, evenly spaced on [0, 1].
    train_error : ndarray of shape (num,)
        :math:`0.9\, e^{-3.5 c}`, falling towards zero.
    test_error : ndarray of shape (num,)
        :math:`0.9\, e^{-3.5 c} + 0.9\, c^2 + 0.08`: the training error plus
        a variance term that grows with capacity and a noise floor.
    sweet_spot : int
        Index of the smallest test error, the capacity the classical picture
        recommends.
    """

    capacity: np.ndarray
    train_error: np.ndarray
    test_error: np.ndarray
    sweet_spot: int


def classical_tradeoff(num: int = 101) -> ClassicalSketch:
    r"""Return the textbook bias-variance sketch on ``num`` capacities.

    The curves are illustrative formulas, not fitted to any data:

    .. math:: E_\text{train}(c) = 0.9\, e^{-3.5 c}, \qquad
              E_\text{test}(c) = E_\text{train}(c) + 0.9\, c^2 + 0.08,

    for capacity :math:`c \in [0, 1]`.  The test error is convex in
    :math:`c` with its minimum inside the interval.

    Parameters
    ----------
    num : int, default 101
        Number of capacities, at least 3.

    Returns
    -------
    ClassicalSketch
        Capacities, both error curves and the index of the test minimum.

    Raises
    ------
    ValueError
        If ``num`` is not an integer of at least 3.
    """
    num = as_count("num", num, minimum=3)
    capacity = np.linspace(0.0, 1.0, num)
    train = START * np.exp(-DECAY * capacity)
    test = train + CURVATURE * capacity**2 + FLOOR
    return ClassicalSketch(
        capacity=capacity,
        train_error=train,
        test_error=test,
        sweet_spot=int(np.argmin(test)),
    )


# Groups of the two-parameter showcase, in the order they are returned.
TINY_GROUPS = ("small", "large", "weight_decay")


@dataclass(frozen=True)
class TinyRun:
    r"""One gradient-descent run of :math:`f(x) = a (b x)_+` fitted to (1, 1).

    Attributes
    ----------
    group : str
        ``"small"``, ``"large"`` or ``"weight_decay"``.
    weight_decay : float
        :math:`\lambda` of the run.
    path : ndarray of shape (k, 2)
        Recorded :math:`(a, b)`, the start first and the last step last.
    end : ndarray of shape (2,)
        Final :math:`(a, b)`.
    norm : float
        :math:`\sqrt{a^2 + b^2}` at the end.
    loss : float
        Final data-fit loss :math:`\tfrac12 (a (b)_+ - 1)^2`, without the
        weight-decay term.
    """

    group: str
    weight_decay: float
    path: np.ndarray
    end: np.ndarray
    norm: float
    loss: float


def tiny_showcase(
    n_runs: int = 6,
    small_radius: float = 0.1,
    large_radius: float = 2.5,
    weight_decay: float = 0.2,
    step: float = 0.01,
    n_steps: int = 6000,
    record_every: int = 20,
    seed: int = 0,
) -> list[TinyRun]:
    r"""Run gradient descent on the two-parameter network from many starts.

    Start ``r`` of every group lies in the direction
    :math:`(\cos\phi_r, \sin\phi_r)` of the :math:`(a, b)` plane, with
    :math:`\phi_r` drawn uniformly from :math:`[0.15, \pi/2 - 0.15]` by
    ``np.random.default_rng(seed)``, so every start has :math:`a, b > 0`
    and no neuron starts dead:

    - ``"small"``: distance ``small_radius`` from the origin, no weight decay;
    - ``"large"``: distance ``large_radius``, no weight decay;
    - ``"weight_decay"``: the large starts again, with weight decay
      ``weight_decay``.

    Gradient flow without weight decay conserves :math:`b^2 - a^2`, so a
    small start ends near the least-norm zero-loss point (1, 1) and a large
    one ends where its own hyperbola meets :math:`a b = 1`.  With weight
    decay :math:`0 < \lambda < 1` every run ends near
    :math:`a = b = \sqrt{1 - \lambda}` (see
    :func:`mathcore.twoparam.weight_decay_minimizer`).

    Parameters
    ----------
    n_runs : int, default 6
        Runs per group, at least 1.
    small_radius, large_radius : float, default 0.1 and 2.5
        Distances of the starts from the origin, positive.
    weight_decay : float, default 0.2
        :math:`\lambda` of the third group, in (0, 1).
    step : float, default 0.01
        Step size of every run.
    n_steps : int, default 6000
        Steps of every run, at least 1.
    record_every : int, default 20
        Recording interval of the paths.
    seed : int, default 0
        Seed of the start directions.

    Returns
    -------
    list of TinyRun
        ``n_runs`` runs per group, groups in the order of ``TINY_GROUPS``.

    Raises
    ------
    ValueError
        If a count is below 1, a radius or the step is not positive, or
        ``weight_decay`` is outside (0, 1).
    FloatingPointError
        If a run diverges because the step is too large.
    """
    n_runs = as_count("n_runs", n_runs)
    small_radius = as_real("small_radius", small_radius, minimum=0.0, strict=True)
    large_radius = as_real("large_radius", large_radius, minimum=0.0, strict=True)
    weight_decay = as_real("weight_decay", weight_decay, minimum=0.0, strict=True)
    if weight_decay >= 1.0:
        raise ValueError(
            f"weight_decay must be below 1 (at 1 or more the minimizer is the "
            f"origin), got {weight_decay!r}"
        )
    step = as_real("step", step, minimum=0.0, strict=True)
    n_steps = as_count("n_steps", n_steps)
    record_every = as_record_interval(record_every, n_steps)
    rng = np.random.default_rng(as_seed(seed))
    angles = rng.uniform(0.15, np.pi / 2 - 0.15, n_runs)
    directions = np.column_stack([np.cos(angles), np.sin(angles)])
    settings = {
        "small": (small_radius, 0.0),
        "large": (large_radius, 0.0),
        "weight_decay": (large_radius, weight_decay),
    }
    runs = []
    for group in TINY_GROUPS:
        radius, decay = settings[group]
        for a0, b0 in radius * directions:
            result = twoparam.gradient_descent(
                a0, b0, step, n_steps, weight_decay=decay, record_every=record_every
            )
            if result.diverged:
                raise FloatingPointError(
                    f"two-parameter descent from ({a0!r}, {b0!r}) diverged with "
                    f"step={step!r}; use a smaller step"
                )
            a, b = result.path[-1]
            runs.append(
                TinyRun(
                    group=group,
                    weight_decay=decay,
                    path=result.path,
                    end=result.path[-1].copy(),
                    norm=float(np.hypot(a, b)),
                    loss=float(twoparam.loss(a, b)),
                )
            )
    return runs


@dataclass(frozen=True)
class MinNormInterpolant:
    r"""The smallest two-layer ReLU network that fits 1-D data exactly.

    Attributes
    ----------
    U : ndarray of shape (2, k)
        First-layer weights for inputs ``[x, 1]``, one neuron per column.
    alpha : ndarray of shape (k,)
        Output weights.
    norm : float
        Euclidean norm of all weights, :math:`\lVert \theta \rVert_2`.
    objective : float
        Optimal value of the minimum-norm program,
        :math:`\min \tfrac12 \lVert \theta \rVert^2` over interpolating
        networks; it equals ``norm ** 2 / 2`` because the recovered network
        is balanced.
    """

    U: np.ndarray
    alpha: np.ndarray
    norm: float
    objective: float


def min_norm_interpolant(x: object, y: object) -> MinNormInterpolant:
    r"""Solve the exact convex program for the least-norm interpolating network.

    With ``beta = 0``, :func:`mathcore.convex.solve` minimizes
    :math:`\tfrac12 \sum_j (\lVert u_j \rVert^2 + \alpha_j^2)` over networks
    with :math:`(XU)_+ \alpha = y`, ``X`` the inputs with a bias column, and
    recovers a balanced network from its blocks.

    Parameters
    ----------
    x : array_like of shape (n,)
        1-D inputs.
    y : array_like of shape (n,)
        Labels.

    Returns
    -------
    MinNormInterpolant
        The recovered network, its weight norm and the program's value.

    Raises
    ------
    ValueError
        If ``x`` or ``y`` is empty, not finite or of different lengths.
    mathcore.convex.SolverError
        If the solver fails.
    """
    x = as_vector("x", x)
    y = as_vector("y", y, length=x.shape[0])
    solution = convex.solve(network.add_bias(x), y, 0.0)
    U, alpha = solution.network()
    norm = float(np.sqrt(np.sum(U**2) + np.sum(alpha**2)))
    logger.debug("minimum-norm interpolant: %s neurons, norm %s", alpha.size, norm)
    return MinNormInterpolant(
        U=U, alpha=alpha, norm=norm, objective=float(solution.objective)
    )


@dataclass(frozen=True)
class GroupNorms:
    r"""Weight norms of one group of :func:`mathcore.landscape.showcase_runs`.

    Attributes
    ----------
    group : str
        Group name, one of ``mathcore.landscape.SHOWCASE_GROUPS``.
    norms : ndarray of shape (r,)
        Final :math:`\lVert \theta \rVert_2` of each run, in run order.
    low, high : float
        Smallest and largest of ``norms``.
    interpolates : ndarray of bool, shape (r,)
        Whether each run fits the data to loss below
        ``mathcore.landscape.INTERPOLATION_TOL``.
    fits : ndarray of shape (r,)
        Final data-fit loss of each run.
    """

    group: str
    norms: np.ndarray
    low: float
    high: float
    interpolates: np.ndarray
    fits: np.ndarray


def group_norms(showcase: object) -> list[GroupNorms]:
    r"""Collect the final weight norms of each group of a showcase.

    Parameters
    ----------
    showcase : mathcore.landscape.Showcase
        The result of :func:`mathcore.landscape.showcase_runs`.

    Returns
    -------
    list of GroupNorms
        One entry per group, in the order of
        ``mathcore.landscape.SHOWCASE_GROUPS``.

    Raises
    ------
    ValueError
        If ``showcase`` is not a :class:`mathcore.landscape.Showcase`.
    """
    if not isinstance(showcase, landscape.Showcase):
        raise ValueError(
            f"showcase must be a landscape.Showcase, got {type(showcase).__name__}"
        )
    summaries = []
    for name in landscape.SHOWCASE_GROUPS:
        runs = showcase.group(name)
        norms = np.array([run.norm for run in runs])
        summaries.append(
            GroupNorms(
                group=name,
                norms=norms,
                low=float(norms.min()),
                high=float(norms.max()),
                interpolates=np.array([run.interpolates for run in runs]),
                fits=np.array([run.fit for run in runs]),
            )
        )
    return summaries


@dataclass(frozen=True)
class TinyLandscape:
    r"""The two-parameter objective on a grid, measured from its minimum.

    Attributes
    ----------
    grid_a, grid_b : ndarray of shape (num, num)
        Output weight ``a`` (varying along columns) and input weight ``b``
        (varying along rows), as :func:`mathcore.twoparam.loss_grid` returns
        them.
    excess : ndarray of shape (num, num)
        :math:`L(a, b) - \min L`, zero at the global minimizers.
    minimum : float
        :math:`\min L`, the objective at
        :func:`mathcore.twoparam.weight_decay_minimizer`.
    weight_decay : float
        :math:`\lambda`.
    """

    grid_a: np.ndarray
    grid_b: np.ndarray
    excess: np.ndarray
    minimum: float
    weight_decay: float


def tiny_landscape(
    a_range: tuple[float, float],
    b_range: tuple[float, float],
    num: int = 161,
    weight_decay: float = 0.0,
) -> TinyLandscape:
    r"""Evaluate the two-parameter objective above its minimum on a grid.

    With weight decay the objective never reaches zero, so a heat map of
    :math:`L` itself would show no dark valley.  Subtracting the global
    minimum makes the darkest point the minimizer for every :math:`\lambda`.

    Parameters
    ----------
    a_range, b_range : tuple of float
        ``(low, high)`` of the output weight ``a`` and the input weight ``b``.
    num : int, default 161
        Grid points per axis, at least 2.
    weight_decay : float, default 0.0
        :math:`\lambda \ge 0`.

    Returns
    -------
    TinyLandscape
        The grids, the excess objective and the minimum.

    Raises
    ------
    ValueError
        If a range is not an increasing finite pair, ``num`` is below 2 or
        ``weight_decay`` is negative.
    """
    grid_a, grid_b, values = twoparam.loss_grid(
        a_range, b_range, num, weight_decay=weight_decay
    )
    best_a, best_b = twoparam.weight_decay_minimizer(weight_decay)
    minimum = float(twoparam.loss(best_a, best_b, weight_decay))
    return TinyLandscape(
        grid_a=grid_a,
        grid_b=grid_b,
        excess=values - minimum,
        minimum=minimum,
        weight_decay=float(weight_decay),
    )
