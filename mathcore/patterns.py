r"""Activation patterns of a ReLU neuron on a fixed data set.

A direction :math:`g \in \mathbb{R}^d` splits the rows of ``X`` (shape
``(n, d)``) into active and inactive points, giving the pattern
:math:`D(g) = \mathrm{diag}(1[X g \ge 0])`. The patterns that open sets of
directions produce are the regions of the central hyperplane arrangement
:math:`\{g : x_i^\top g = 0\}`. Cover's bound limits their number to
:math:`2 \sum_{k<r} \binom{n-1}{k}` for data of rank :math:`r`; points in
general position in the plane give exactly :math:`2n`.

Only full-dimensional regions are listed. When two points lie on one line
through the origin on opposite sides, directions on that line's hyperplane
give a further sign pattern. Any weight vector in such a lower-dimensional
cone also lies in the closure of a full-dimensional region, so the convex
programs of :mod:`mathcore.convex` lose nothing without these patterns.
"""

from __future__ import annotations

import itertools
import logging
import math
import sys
from dataclasses import dataclass

import numpy as np

from mathcore._validate import as_count, as_matrix, as_seed
from mathcore.cache import cached

# Largest n accepted by cover_bound: the bound then has about 3,000 digits.
COVER_BOUND_MAX_POINTS = 10_000

logger = logging.getLogger(__name__)

# Two boundary angles closer than this (radians) count as one; the arc between
# them would be thinner than floating-point error in arctan2 can resolve.
_ANGLE_TOL = 1e-12

# A row counts as orthogonal to a direction when |x_i^T r| <= _ORTHO_TOL ||x_i||
# for the unit vector r.
_ORTHO_TOL = 1e-10

TWO_PI = 2.0 * math.pi


@dataclass(frozen=True)
class PlanePatterns:
    r"""Activation patterns of points in the plane, one per open arc of directions.

    The boundaries of the arcs are the angles :math:`\phi_i \pm \pi/2`
    orthogonal to the points; every direction strictly inside one arc gives
    the same pattern.

    Attributes
    ----------
    patterns : ndarray of bool, shape (P, n)
        ``patterns[k, i]`` is ``1[x_i^T g >= 0]`` for ``g`` inside arc ``k``.
    directions : ndarray of shape (P, 2)
        Unit vector at the midpoint of each arc.
    arcs : ndarray of shape (P, 2)
        Start and end angle of each arc in radians, both in ``[0, 2 pi)``,
        ordered by start angle. The last arc wraps through angle 0, so its
        end is smaller than its start.
    """

    patterns: np.ndarray
    directions: np.ndarray
    arcs: np.ndarray

    def __len__(self) -> int:
        return self.patterns.shape[0]


def _check_points(X: object, columns: int | None = None) -> np.ndarray:
    """Validate a data matrix, optionally with a fixed number of columns."""
    X = as_matrix("X", X)
    if columns is not None and X.shape[1] != columns:
        raise ValueError(f"X must have {columns} columns, got shape {X.shape}")
    return X


def enumerate_patterns_2d(X: object) -> PlanePatterns:
    r"""List every activation pattern of points in the plane, exactly.

    Point :math:`x_i` at angle :math:`\phi_i` is active for directions within
    :math:`\pi/2` of :math:`\phi_i`, so the :math:`2L` angles
    :math:`\phi_i \pm \pi/2` (for :math:`L` distinct lines through the
    origin) cut the circle into :math:`2L` open arcs with distinct patterns.
    For points in general position (no two on one line through the origin)
    that gives :math:`P = 2n`.

    Parameters
    ----------
    X : array_like of shape (n, 2)
        Points in the plane, none at the origin.

    Returns
    -------
    PlanePatterns
        Patterns, arc midpoints and arcs ordered by angle.

    Raises
    ------
    ValueError
        If ``X`` is not finite, has other than 2 columns, or has a zero row
        (a point at the origin has no angle).
    """
    X = _check_points(X, columns=2)
    norms = np.linalg.norm(X, axis=1)
    if np.any(norms == 0):
        rows = np.flatnonzero(norms == 0).tolist()
        raise ValueError(
            f"X must not contain the origin (rows {rows} are zero): a point at "
            "the origin has no angle; remove it"
        )
    angles = np.arctan2(X[:, 1], X[:, 0])
    boundaries = np.mod(
        np.concatenate([angles + np.pi / 2, angles - np.pi / 2]), TWO_PI
    )
    boundaries = np.sort(boundaries)
    distinct = [boundaries[0]]
    for angle in boundaries[1:]:
        if angle - distinct[-1] > _ANGLE_TOL:
            distinct.append(angle)
    if TWO_PI - distinct[-1] + distinct[0] <= _ANGLE_TOL:
        distinct.pop()
    starts = np.array(distinct)
    ends = np.roll(starts, -1)
    widths = np.mod(ends - starts, TWO_PI)
    middles = np.mod(starts + widths / 2, TWO_PI)
    directions = np.column_stack([np.cos(middles), np.sin(middles)])
    patterns = X @ directions.T >= 0
    logger.debug("plane patterns: %s points, %s arcs", X.shape[0], starts.size)
    return PlanePatterns(
        patterns=np.ascontiguousarray(patterns.T),
        directions=directions,
        arcs=np.column_stack([starts, ends]),
    )


def cover_bound(n: object, r: object) -> int:
    r"""Return Cover's bound on the number of activation patterns.

    .. math:: C(n, r) = 2 \sum_{k=0}^{r-1} \binom{n-1}{k}

    It is the number of regions of :math:`n` hyperplanes through the origin
    in general position in :math:`\mathbb{R}^r`, and an upper bound for any
    central arrangement of :math:`n` hyperplanes of rank :math:`r`.

    Parameters
    ----------
    n : int
        Number of points, ``>= 1``.
    r : int
        Rank of the data matrix, ``>= 1``.

    Returns
    -------
    int
        The bound.

    Raises
    ------
    ValueError
        If ``n`` or ``r`` is not an integer of at least 1.
    """
    n = as_count("n", n, maximum=COVER_BOUND_MAX_POINTS)
    # Only the first min(r, n) terms are nonzero, so r needs no upper limit.
    r = as_count("r", r, maximum=sys.maxsize)
    # Each binomial follows from the previous one by one multiplication and
    # one exact division, instead of being computed from scratch.
    total, term = 0, 1
    for k in range(min(r, n)):
        total += term
        term = term * (n - 1 - k) // (k + 1)
    return 2 * total


def sample_patterns(
    X: object, n_samples: object, seed: object
) -> tuple[np.ndarray, np.ndarray]:
    r"""Collect the distinct patterns of random Gaussian directions.

    Draws :math:`g_1, \dots, g_S \sim \mathcal{N}(0, I_d)` with
    ``np.random.default_rng(seed)`` and keeps each distinct
    :math:`1[X g_s \ge 0]` once, in order of first appearance. Small regions
    of the arrangement may be missed in dimension 3 and above.

    Parameters
    ----------
    X : array_like of shape (n, d)
        Data matrix.
    n_samples : int
        Number of random directions, ``>= 1``.
    seed : int
        Seed of the random generator, ``>= 0``.

    Returns
    -------
    patterns : ndarray of bool, shape (P, n)
        Distinct patterns found.
    directions : ndarray of shape (P, d)
        For each pattern, the unit vector of the first direction that gave it.

    Raises
    ------
    ValueError
        If ``X`` is invalid, ``n_samples < 1`` or the seed is negative.
    """
    X = _check_points(X)
    n_samples = as_count("n_samples", n_samples)
    rng = np.random.default_rng(as_seed(seed))
    G = rng.standard_normal((n_samples, X.shape[1]))
    signs = (G @ X.T) >= 0
    _, first = np.unique(signs, axis=0, return_index=True)
    first = np.sort(first)
    directions = G[first] / np.linalg.norm(G[first], axis=1, keepdims=True)
    return signs[first], directions


def enumerate_patterns(
    X: object, *, use_cache: bool = True
) -> tuple[np.ndarray, np.ndarray]:
    r"""List every activation pattern of a data matrix, exactly.

    Each pattern is the sign vector of one open region of the arrangement
    :math:`\{g : x_i^\top g = 0\}`. The data are first reduced to the row
    space of ``X`` (rank :math:`r`), where every region is a pointed cone.
    For :math:`r \ge 2` each region has an extreme ray :math:`\rho` on which
    :math:`r - 1` independent hyperplanes meet. The method visits every such
    ray (both signs), lists the regions of the hyperplanes through
    :math:`\rho` inside :math:`\rho^\perp` (all sign vectors when they are
    independent, by recursion in one dimension less otherwise), and steps
    from :math:`\rho` a short way into each. The cost grows like
    :math:`\binom{n}{r-1}`, which suits the small cases of the lecture
    (:math:`d \le 4`, :math:`n \lesssim 20`). Plane data use
    :func:`enumerate_patterns_2d`.

    Rows equal to zero are active for every direction (``0 >= 0``).

    Parameters
    ----------
    X : array_like of shape (n, d)
        Data matrix.
    use_cache : bool, default True
        Read and write the result in the disk cache (:mod:`mathcore.cache`).

    Returns
    -------
    patterns : ndarray of bool, shape (P, n)
        Distinct patterns, sorted lexicographically with active first, except
        that rank-2 data keep the angular order of
        :func:`enumerate_patterns_2d`.
    directions : ndarray of shape (P, d)
        A unit vector strictly inside each region (no point on its boundary).

    Raises
    ------
    ValueError
        If ``X`` is not a finite 2-D array.
    """
    X = _check_points(X)
    return cached(
        "patterns.enumerate_patterns",
        lambda: _enumerate(X),
        {"X": X},
        use_cache=use_cache,
    )


def _enumerate(X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Enumerate the patterns of :func:`enumerate_patterns` for validated ``X``."""
    n, d = X.shape
    # Patterns depend only on signs of X g, so one positive factor changes
    # nothing; it keeps norms of tiny data from underflowing to zero.
    largest = np.max(np.abs(X))
    if largest > 0:
        X = X / largest
    nonzero = np.linalg.norm(X, axis=1) > 0
    if not np.any(nonzero):
        direction = np.zeros((1, d))
        direction[0, 0] = 1.0
        return np.ones((1, n), dtype=bool), direction

    # Coordinates in the row space: X = A @ basis.T with basis (d, r) orthonormal.
    # Full-rank data keep their own coordinates, so plane data keep their angles.
    _, singular, Vt = np.linalg.svd(X[nonzero], full_matrices=False)
    rank = int(np.sum(singular > singular[0] * max(X.shape) * np.finfo(float).eps))
    basis = np.eye(d) if rank == d else Vt[:rank].T
    A = X[nonzero] @ basis

    if rank == 2:
        local = enumerate_patterns_2d(A).directions
        keep_order = True
    else:
        local = np.array(_region_directions(A))
        keep_order = False

    directions = local @ basis.T
    directions /= np.linalg.norm(directions, axis=1, keepdims=True)
    patterns = X @ directions.T >= 0
    patterns = np.ascontiguousarray(patterns.T)
    patterns[:, ~nonzero] = True
    if not keep_order:
        order = np.lexsort((~patterns).T[::-1])
        patterns = patterns[order]
        directions = directions[order]
    logger.debug("exact patterns: n=%s, d=%s, rank=%s, P=%s", n, d, rank, len(patterns))
    return patterns, directions


def _region_directions(A: np.ndarray) -> list[np.ndarray]:
    """Return one direction strictly inside each region of the rows of ``A``.

    ``A`` has shape (n, k), full column rank k and no zero row.
    """
    n, k = A.shape
    if k == 1:
        return [np.array([1.0]), np.array([-1.0])]
    row_norms = np.linalg.norm(A, axis=1)
    found: dict[bytes, np.ndarray] = {}
    seen_rays: set[tuple[float, ...]] = set()
    for subset in itertools.combinations(range(n), k - 1):
        _, singular, Vt = np.linalg.svd(A[list(subset)])
        if singular[-1] <= singular[0] * k * 1e-12:
            continue
        ray = Vt[-1]
        # Rays met through several subsets are visited once; a rounding miss
        # only repeats work because patterns are deduplicated below.
        ray = ray * np.sign(ray[np.argmax(np.abs(ray))])
        key = tuple(np.round(ray, 9).tolist())
        if key in seen_rays:
            continue
        seen_rays.add(key)
        for sign in (1.0, -1.0):
            for direction in _directions_near_ray(A, row_norms, sign * ray):
                key = (A @ direction > 0).tobytes()
                found.setdefault(key, direction)
    return list(found.values())


def _directions_near_ray(
    A: np.ndarray, row_norms: np.ndarray, ray: np.ndarray
) -> list[np.ndarray]:
    """Return directions inside every region whose closure contains ``ray``."""
    k = A.shape[1]
    values = A @ ray
    on_ray = np.abs(values) <= _ORTHO_TOL * row_norms
    # Orthonormal basis of the complement of the ray, shape (k, k - 1).
    complement = np.linalg.svd(ray[None, :])[2][1:].T
    B = A[on_ray] @ complement
    if B.shape[0] == k - 1:
        offsets = [
            np.linalg.solve(B, np.array(signs))
            for signs in itertools.product((1.0, -1.0), repeat=k - 1)
        ]
    else:
        offsets = _region_directions(B)
    off_ray = ~on_ray
    directions = []
    for offset in offsets:
        step = complement @ offset
        step /= np.linalg.norm(step)
        change = np.abs(A[off_ray] @ step)
        moving = change > 0
        # Half the distance at which the first point off the ray changes sign.
        limits = np.abs(values[off_ray][moving]) / change[moving]
        size = 0.5 * min(1.0, float(np.min(limits, initial=np.inf)))
        direction = ray + size * step
        directions.append(direction / np.linalg.norm(direction))
    return directions
