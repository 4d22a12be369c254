r"""The lecture's data sets, each defined once, named and seeded.

Every factory returns a :class:`Dataset` whose arrays are read-only, so a
scene cannot change the data that another scene uses. :data:`DATASETS` maps
each name to its factory and :func:`get` looks one up.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from mathcore._validate import as_count, as_seed, as_vector
from mathcore.network import add_bias

logger = logging.getLogger(__name__)


def plotting_grid(x: np.ndarray, grid: object = None, num: object = 200) -> np.ndarray:
    r"""Return ``grid`` validated, or ``num`` points spanning ``x`` with a margin.

    The default grid runs from :math:`\min x - 0.1 w` to :math:`\max x + 0.1 w`,
    with :math:`w` the data's width (1 when all points coincide).

    Parameters
    ----------
    x : ndarray of shape (n,)
        One-dimensional inputs, already validated.
    grid : array_like of shape (k,), optional
        Points to use as they are.
    num : int, default 200
        Number of points of the default grid, at least 2.

    Returns
    -------
    ndarray of shape (k,) or (num,)

    Raises
    ------
    ValueError
        If ``grid`` is not a finite vector or ``num`` is below 2.
    """
    if grid is not None:
        return as_vector("grid", grid)
    num = as_count("num", num, minimum=2)
    low, high = float(x.min()), float(x.max())
    margin = 0.1 * (high - low) if high > low else 1.0
    return np.linspace(low - margin, high + margin, num)


@dataclass(frozen=True, eq=False)
class Dataset:
    r"""A named data set.

    Attributes
    ----------
    name : str
        Registry name.
    x : ndarray of shape (n,) or (n, d)
        Raw inputs: 1-D for sets on the real line (a bias column is added by
        :attr:`X`), 2-D otherwise (used as given).
    y : ndarray of shape (n,)
        Labels.
    description : str
        One sentence on what the set is and where the lecture uses it.
    beta : float or None
        Regularization strength the lecture uses with this set, if any.
    """

    name: str
    x: np.ndarray
    y: np.ndarray
    description: str
    beta: float | None = None

    @property
    def X(self) -> np.ndarray:  # noqa: N802 - the design matrix is X throughout
        """Design matrix of shape (n, d): ``[x, 1]`` for 1-D inputs, else ``x``."""
        if self.x.ndim == 1:
            return add_bias(self.x)
        return self.x.copy()

    @property
    def n(self) -> int:
        """Number of samples."""
        return self.y.shape[0]


def _frozen(values: object) -> np.ndarray:
    """Return a read-only float copy of ``values``."""
    array = np.array(values, dtype=float)
    array.setflags(write=False)
    return array


# Inputs and labels of the 1-D set: high, low, low, high, high, low, which a
# fit needs a valley and a peak for. At beta = 0.1 the exact convex program
# recovers 4 neurons, two hinges meeting at x = -0.62 and two at x = 0.79.
# At beta = 0 the min-norm interpolant has four kinks at -0.61 and 0.79.
_LECTURE_X = (-1.8, -1.0, -0.3, 0.4, 1.1, 1.8)
_LECTURE_Y = (1.7, 0.1, -0.1, 1.2, 1.3, -0.1)
_LECTURE_BETA = 0.1


def lecture_1d() -> Dataset:
    r"""Return the lecture's six points on the real line.

    Returns
    -------
    Dataset
        ``x`` of shape (6,) in ``[-1.8, 1.8]``, ``y`` of shape (6,), and
        ``beta = 0.1``; :attr:`Dataset.X` has shape (6, 2) with the bias
        column last.
    """
    return Dataset(
        name="lecture_1d",
        x=_frozen(_LECTURE_X),
        y=_frozen(_LECTURE_Y),
        description=(
            "Six points on [-1.8, 1.8] going high, low, low, high, high, low; "
            "with a bias column, the data of chapters 0, 1, 4, 5 and 7."
        ),
        beta=_LECTURE_BETA,
    )


def hand_case() -> Dataset:
    r"""Return the three-point case whose convex program is solved by hand.

    ``X = [[1], [2], [-1]]`` (one feature, no bias) and ``y = [1, 2, 1]``.
    Both programs have :math:`\beta_{\max} = 5`, the optimum is
    :math:`p^*(\beta) = 2\beta - 0.6\beta^2` for :math:`0 \le \beta \le 1`,
    and at :math:`\beta = 0.5` the network has the neurons
    :math:`(u, \alpha) = (\sqrt{0.9}, \sqrt{0.9})` and
    :math:`(-\sqrt{0.5}, \sqrt{0.5})` with objective 0.85.

    Returns
    -------
    Dataset
        ``x`` of shape (3, 1), ``y`` of shape (3,), ``beta = 0.5``.
    """
    return Dataset(
        name="hand_case",
        x=_frozen([[1.0], [2.0], [-1.0]]),
        y=_frozen([1.0, 2.0, 1.0]),
        description="Three points on a line through the origin, without bias.",
        beta=0.5,
    )


def plane_points(n: object = 5, seed: object = 0) -> Dataset:
    r"""Draw points in the plane in general position, spread in angle.

    The directions of the points modulo :math:`\pi` are
    :math:`\theta_k = \theta_0 + \pi k / n + \epsilon_k` with
    :math:`|\epsilon_k| \le 0.25\,\pi/n`, and every other point is turned by
    :math:`\pi`, so no two points lie on one line through the origin and
    the points go round the whole circle (evenly for odd ``n``). Norms are
    uniform on ``[1, 2.5]``. Lines through the origin then give exactly
    ``2 n`` activation patterns.

    Parameters
    ----------
    n : int, default 5
        Number of points, ``>= 1``.
    seed : int, default 0
        Seed of ``np.random.default_rng``, ``>= 0``.

    Returns
    -------
    Dataset
        ``x`` of shape (n, 2), used as the design matrix without bias, and
        labels ``y`` of shape (n,) drawn from :math:`\mathcal{N}(0, 1)` after
        the points.

    Raises
    ------
    ValueError
        If ``n < 1`` or the seed is negative.
    """
    n = as_count("n", n)
    seed = as_seed(seed)
    rng = np.random.default_rng(seed)
    offset = rng.uniform(0.0, math.pi / n)
    jitter = rng.uniform(-0.25, 0.25, n) * math.pi / n
    angles = offset + math.pi * np.arange(n) / n + jitter
    angles = angles + math.pi * (np.arange(n) % 2)
    radii = rng.uniform(1.0, 2.5, n)
    points = radii[:, None] * np.column_stack([np.cos(angles), np.sin(angles)])
    labels = rng.standard_normal(n)
    return Dataset(
        name="plane_points",
        x=_frozen(points),
        y=_frozen(labels),
        description=(
            f"{n} points in the plane in general position (seed {seed}), for "
            "the rotating line through the origin of chapter 4."
        ),
    )


def gaussian_points(n: object = 10, d: object = 3, seed: object = 0) -> Dataset:
    r"""Draw standard normal points and labels.

    Parameters
    ----------
    n : int, default 10
        Number of points, ``>= 1``.
    d : int, default 3
        Dimension, ``>= 1``.
    seed : int, default 0
        Seed of ``np.random.default_rng``, ``>= 0``.

    Returns
    -------
    Dataset
        ``x`` of shape (n, d) with rows from :math:`\mathcal{N}(0, I_d)`, used
        without bias, and ``y`` of shape (n,) from :math:`\mathcal{N}(0, 1)`,
        drawn after ``x``.

    Raises
    ------
    ValueError
        If a count is below 1 or the seed is negative.
    """
    n = as_count("n", n)
    d = as_count("d", d)
    seed = as_seed(seed)
    rng = np.random.default_rng(seed)
    points = rng.standard_normal((n, d))
    labels = rng.standard_normal(n)
    return Dataset(
        name="gaussian_points",
        x=_frozen(points),
        y=_frozen(labels),
        description=f"{n} standard normal points in dimension {d} (seed {seed}).",
    )


# Registry of every data set: name -> factory (keyword arguments optional).
DATASETS: dict[str, Callable[..., Dataset]] = {
    "lecture_1d": lecture_1d,
    "hand_case": hand_case,
    "plane_points": plane_points,
    "gaussian_points": gaussian_points,
}


def get(name: str, **kwargs: object) -> Dataset:
    """Build the data set registered as ``name``.

    Parameters
    ----------
    name : str
        A key of :data:`DATASETS`.
    **kwargs
        Passed to the factory (``n``, ``d``, ``seed`` where it takes them).

    Returns
    -------
    Dataset

    Raises
    ------
    ValueError
        If ``name`` is not registered, or the factory rejects an argument.
    """
    if name not in DATASETS:
        raise ValueError(
            f"unknown data set {name!r}; expected one of {sorted(DATASETS)}"
        )
    try:
        return DATASETS[name](**kwargs)
    except TypeError as error:
        raise ValueError(f"invalid arguments for data set {name!r}: {error}") from None
