r"""Regularization path of the convex ReLU program, the group lasso of the lecture.

Every block of the program of :mod:`mathcore.convex` is zero at
:math:`\beta_{\max}`. As :math:`\beta` falls towards zero, blocks become
nonzero one group at a time, and the number of nonzero blocks is the width of
the recovered network.
"""

from __future__ import annotations

import logging
import time
import warnings
from dataclasses import dataclass

import cvxpy as cp
import numpy as np

from mathcore._validate import as_count, as_data, as_flag, as_real
from mathcore.cache import cached
from mathcore.convex import (
    ConvexSolution,
    InaccurateSolutionWarning,
    _assemble,
    _block_labels,
    _blocks_of,
    _build_program,
    _check_patterns,
    _normalization,
    _run,
    beta_max,
)

logger = logging.getLogger(__name__)

# Minimum number of grid points, so that plotted paths look continuous.
MIN_BETAS = 50


@dataclass(frozen=True)
class RegularizationPath:
    r"""Solutions of the convex program on a decreasing grid of ``beta``.

    Groups are the blocks of :class:`mathcore.convex.ConvexSolution`: for
    the exact program ``G = 2P`` (group ``i < P`` is :math:`v_i`, group
    ``P + i`` is :math:`w_i`), for the gated program ``G = P``.

    Attributes
    ----------
    betas : ndarray of shape (K,)
        Geometric grid from ``beta_max`` down to ``ratio * beta_max``.
    beta_max : float
        Smallest ``beta`` with an all-zero solution.
    gated : bool
        Whether the path is of the gated program.
    patterns : ndarray of bool, shape (P, n)
        Activation patterns used.
    group_norms : ndarray of shape (K, G)
        Norm of every group at every ``beta``.
    group_pattern : ndarray of int, shape (G,)
        Pattern index of each group.
    group_sign : ndarray of int, shape (G,)
        +1 for a :math:`v` group, -1 for a :math:`w` group, 0 for gated.
    n_active : ndarray of int, shape (K,)
        Number of active groups (see ``ConvexSolution.active``), the width
        of the recovered network.  NOTE: warm-started solves can leave a
        group of about 1e-5 relative norm that this count includes (one
        grid point of ``lecture_1d`` counts 4 where a fresh solve gives 3);
        :func:`mathcore.scene_data_ch45.path_widths` counts with a 1e-4
        relative threshold that matches fresh solves.
    objective : ndarray of shape (K,)
        Optimal value :math:`\tfrac12\lVert r\rVert^2 + \beta\sum` group
        norms.
    train_error : ndarray of shape (K,)
        :math:`\tfrac12 \lVert f(X) - y \rVert^2` of the fitted model (half
        the sum of squared residuals, not a mean).
    solutions : tuple of ConvexSolution, length K
        Full solution at every ``beta``.
    solve_time : float
        Seconds spent building and solving all programs when computed.
    """

    betas: np.ndarray
    beta_max: float
    gated: bool
    patterns: np.ndarray
    group_norms: np.ndarray
    group_pattern: np.ndarray
    group_sign: np.ndarray
    n_active: np.ndarray
    objective: np.ndarray
    train_error: np.ndarray
    solutions: tuple[ConvexSolution, ...]
    solve_time: float

    def __len__(self) -> int:
        return self.betas.size

    def solution_at(self, k: int) -> ConvexSolution:
        """Return the solution at grid index ``k`` (negative counts from the end)."""
        return self.solutions[self._index(k)]

    def network_at(self, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Return the ReLU network ``(U (d, m), alpha (m,))`` at grid index ``k``.

        Raises
        ------
        ValueError
            For a gated path, or an index outside the grid.
        """
        return self.solution_at(k).network()

    def predict_at(self, k: int, X: object) -> np.ndarray:
        """Evaluate the model at grid index ``k`` on the rows of ``X`` (n_new, d)."""
        return self.solution_at(k).predict(X)

    def _index(self, k: object) -> int:
        """Validate a grid index."""
        size = self.betas.size
        if isinstance(k, bool) or not isinstance(k, int | np.integer):
            raise ValueError(f"k must be an integer grid index, got {k!r}")
        if not -size <= k < size:
            raise ValueError(f"k must be in [{-size}, {size - 1}], got {k}")
        return int(k)


def regularization_path(
    X: object,
    y: object,
    n_betas: object = 60,
    ratio: object = 1e-3,
    gated: bool = False,
    patterns: object = None,
    use_cache: bool = True,
) -> RegularizationPath:
    r"""Solve the convex program for a decreasing geometric grid of ``beta``.

    The grid is :math:`\beta_k = \beta_{\max}\, \mathrm{ratio}^{k/(K-1)}`,
    ``k = 0 .. K-1``, with :math:`\beta_{\max}` from
    :func:`mathcore.convex.beta_max`. At :math:`\beta_0 = \beta_{\max}` the
    solution is exactly zero (the optimality condition holds with equality),
    so it is set without a solve: an interior-point solver leaves blocks of
    size about the square root of its tolerance there. Every other point
    re-solves one cvxpy problem whose ``beta`` is a Parameter, with
    ``warm_start=True``, so the problem is canonicalized once.

    Parameters
    ----------
    X : array_like of shape (n, d)
        Data matrix, including any bias column.
    y : array_like of shape (n,)
        Labels.
    n_betas : int, default 60
        Number of grid points ``K``, at least ``MIN_BETAS`` (50).
    ratio : float, default 1e-3
        Smallest ``beta`` as a fraction of ``beta_max``, in ``(0, 1)``.
    gated : bool, default False
        Trace the gated ReLU program instead of the exact one.
    patterns : optional
        As in :func:`mathcore.convex.solve`; None enumerates all patterns.
    use_cache : bool, default True
        Read and store the whole path in the disk cache.

    Returns
    -------
    RegularizationPath

    Raises
    ------
    ValueError
        If the data or patterns are invalid, ``n_betas < 50``, ``ratio`` is
        not in ``(0, 1)``, or ``y`` is orthogonal to every pattern's cone
        (``beta_max = 0``).
    SolverError
        If any solve fails.

    Warns
    -----
    InaccurateSolutionWarning
        For each ``beta`` whose solution Clarabel reports as inaccurate.
    """
    X, y = as_data(X, y)
    n_betas = as_count("n_betas", n_betas, minimum=MIN_BETAS)
    ratio = as_real("ratio", ratio, minimum=0.0, strict=True)
    if ratio >= 1.0:
        raise ValueError(f"ratio must be < 1, got {ratio!r}")
    gated = as_flag("gated", gated)
    pattern_array, directions = _check_patterns(X, patterns)
    inputs = {
        "X": X,
        "y": y,
        "n_betas": n_betas,
        "ratio": ratio,
        "gated": gated,
        "patterns": pattern_array,
        "directions": directions,
    }
    path = cached(
        "path.regularization_path",
        lambda: _compute_path(X, y, n_betas, ratio, gated, pattern_array, directions),
        inputs,
        use_cache=use_cache,
    )
    for solution in path.solutions:
        if solution.status == cp.OPTIMAL_INACCURATE:
            warnings.warn(
                f"Clarabel returned an inaccurate solution at beta={solution.beta!r}",
                InaccurateSolutionWarning,
                stacklevel=2,
            )
    return path


def _compute_path(X, y, n_betas, ratio, gated, patterns, directions):
    """Solve the whole path without the cache."""
    start = time.perf_counter()
    top = beta_max(X, y, gated=gated, patterns=(patterns, directions))
    if top <= 0:
        raise ValueError(
            "beta_max is 0: y is orthogonal to every pattern's cone, so every "
            "solution is zero and there is no path to trace"
        )
    betas = top * np.geomspace(1.0, ratio, n_betas)
    n_patterns, d = patterns.shape[0], X.shape[1]
    c, s = _normalization(X, y)
    program = _build_program(X / c, y / s, patterns, gated, interpolate=False)
    form = "gated" if gated else "exact"

    zero = np.zeros((n_patterns, d))
    solutions = [
        _assemble(X, y, top, gated, patterns, directions, zero, zero, cp.OPTIMAL, 0.0)
    ]
    for beta in betas[1:]:
        program.beta.value = beta / (s * c)
        tic = time.perf_counter()
        status = _run(
            program.problem, f"the {form} program with beta={beta!r}", warm_start=True
        )
        v, w = _blocks_of(program, n_patterns, d)
        v, w = v * (s / c), w * (s / c)
        solutions.append(
            _assemble(
                X,
                y,
                float(beta),
                gated,
                patterns,
                directions,
                v,
                w,
                status,
                time.perf_counter() - tic,
            )
        )

    group_pattern, group_sign = _block_labels(n_patterns, gated)
    residuals = [
        np.sum(patterns.T * (X @ (s.v - s.w).T), axis=1) - y for s in solutions
    ]
    elapsed = time.perf_counter() - start
    logger.info(
        "%s path: %s betas from %s, P=%s, %.3f s",
        form,
        n_betas,
        top,
        n_patterns,
        elapsed,
    )
    return RegularizationPath(
        betas=betas,
        beta_max=top,
        gated=gated,
        patterns=patterns,
        group_norms=np.array([s.block_norms for s in solutions]),
        group_pattern=group_pattern,
        group_sign=group_sign,
        n_active=np.array([s.active.size for s in solutions]),
        objective=np.array([s.objective for s in solutions]),
        train_error=np.array([0.5 * r @ r for r in residuals]),
        solutions=tuple(solutions),
        solve_time=elapsed,
    )
