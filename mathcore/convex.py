r"""The convex programs equivalent to training a two-layer ReLU network.

With activation patterns :math:`D_1, \dots, D_P` of the data (see
:mod:`mathcore.patterns`), the exact ReLU program (Pilanci and Ergen, ICML
2020) is

.. math::
    \min_{v_i, w_i \in \mathbb{R}^d}\;
    \tfrac12 \Big\lVert \sum_{i=1}^P D_i X (v_i - w_i) - y \Big\rVert^2
    + \beta \sum_{i=1}^P \left(\lVert v_i \rVert + \lVert w_i \rVert\right)
    \quad \text{s.t.}\quad (2D_i - I) X v_i \ge 0,\; (2D_i - I) X w_i \ge 0 .

The cone constraints make :math:`D_i X v_i = (X v_i)_+`, so a nonzero
:math:`v_i` is a neuron with positive output weight and a nonzero :math:`w_i`
one with negative output weight. With every pattern included, its optimum
equals the minimum of the weight-decay objective of
:func:`mathcore.network.objective` over networks of width at least the number
of nonzero blocks. The gated ReLU program (Mishkin, Sahiner and Pilanci, ICML
2022) drops the cone constraints and keeps one block per pattern,

.. math::
    \min_{u_k}\; \tfrac12 \Big\lVert \sum_k D_k X u_k - y \Big\rVert^2
    + \beta \sum_k \lVert u_k \rVert ,

a relaxation whose optimum is at most the exact one. For ``beta = 0`` both
become min-norm interpolation: minimize the sum of block norms subject to the
fit holding with equality.

Every solve uses Clarabel through cvxpy and checks the solver status: a
failed solve raises :class:`SolverError`, an inaccurate one warns with
:class:`InaccurateSolutionWarning`.
"""

from __future__ import annotations

import logging
import time
import warnings
from dataclasses import dataclass

import cvxpy as cp
import numpy as np
from scipy.optimize import nnls

from mathcore._validate import as_data, as_flag, as_matrix, as_real
from mathcore.cache import cached
from mathcore.network import predict as network_predict
from mathcore.patterns import PlanePatterns, cover_bound, enumerate_patterns

logger = logging.getLogger(__name__)

# A block is active when its norm exceeds ACTIVE_RTOL times the larger of the
# largest block norm and the data scale ||y|| / ||X||_2. With SOLVER_OPTIONS,
# zero blocks come out about two orders of magnitude below this.
ACTIVE_RTOL = 1e-6

# Blocks of one sign whose unit vectors differ by at most this are one neuron
# split among patterns (see _merge_parallel). In the lecture's data, distinct
# neurons differ by more than 0.1 and split ones by about 1e-11.
_MERGE_TOL = 1e-7

# Default patterns are enumerated only when Cover's bound is at most this;
# larger problems must pass sampled patterns.
MAX_ENUMERATED_PATTERNS = 20_000

SOLVER = cp.CLARABEL

# Clarabel's duality-gap and feasibility tolerances, tightened from the
# defaults (1e-8) so that zero blocks come out near 1e-8 relative to the data
# scale even when beta is within 0.1 % of beta_max.
SOLVER_OPTIONS = {
    "tol_gap_abs": 1e-10,
    "tol_gap_rel": 1e-10,
    "tol_feas": 1e-10,
    "tol_ktratio": 1e-8,
}


class SolverError(RuntimeError):
    """Raised when the conic solver fails or reports a status other than optimal."""


class InaccurateSolutionWarning(UserWarning):
    """Issued when the solver reports an optimal but inaccurate solution."""


@dataclass(frozen=True)
class ConvexSolution:
    r"""Solution of the exact or gated convex program.

    Blocks are numbered ``0 .. G-1``. For the exact program ``G = 2P``:
    block ``i < P`` is :math:`v_i` and block ``P + i`` is :math:`w_i`. For
    the gated program ``G = P`` and block ``k`` is :math:`u_k`.

    Attributes
    ----------
    objective : float
        Optimal value: :math:`\tfrac12\lVert r \rVert^2 + \beta \sum` block
        norms for ``beta > 0``, and the sum of block norms for ``beta = 0``,
        evaluated at the returned blocks.
    beta : float
        Regularization strength.
    gated : bool
        Whether this is the gated ReLU program.
    patterns : ndarray of bool, shape (P, n)
        Pattern :math:`D_i` of each block pair, as a row of its diagonal.
    directions : ndarray of shape (P, d) or None
        A direction ``g`` producing each pattern, used by the gated
        :meth:`predict`; None when the caller passed patterns alone.
    v : ndarray of shape (P, d)
        Blocks :math:`v_i` of the exact program, or :math:`u_k` of the gated
        program.
    w : ndarray of shape (P, d)
        Blocks :math:`w_i` of the exact program; zeros for the gated program.
    block_norms : ndarray of shape (G,)
        Euclidean norm of every block.
    active : ndarray of int, shape (k,)
        Indices of the blocks whose norm exceeds ``active_threshold``, in
        increasing order.
    active_threshold : float
        ``ACTIVE_RTOL * max(max(block_norms), ||y|| / ||X||_2)``, or infinity
        when ``y`` or ``X`` is zero (the solution is then zero).
    status : str
        Solver status (``"optimal"`` or ``"optimal_inaccurate"``).
    solve_time : float
        Seconds spent building and solving the problem when it was computed.
    """

    objective: float
    beta: float
    gated: bool
    patterns: np.ndarray
    directions: np.ndarray | None
    v: np.ndarray
    w: np.ndarray
    block_norms: np.ndarray
    active: np.ndarray
    active_threshold: float
    status: str
    solve_time: float

    @property
    def n_patterns(self) -> int:
        """Number of patterns ``P``."""
        return self.patterns.shape[0]

    @property
    def block_pattern(self) -> np.ndarray:
        """Pattern index of every block, shape (G,)."""
        return _block_labels(self.n_patterns, self.gated)[0]

    @property
    def block_sign(self) -> np.ndarray:
        """Sign of every block's output weight (+1 v, -1 w, 0 gated), shape (G,)."""
        return _block_labels(self.n_patterns, self.gated)[1]

    def network(self) -> tuple[np.ndarray, np.ndarray]:
        r"""Recover the ReLU network of the exact program's solution.

        Each active :math:`v_i` gives :math:`u = v_i / \sqrt{\lVert v_i
        \rVert}`, :math:`\alpha = \sqrt{\lVert v_i \rVert}` and each active
        :math:`w_i` gives :math:`u = w_i / \sqrt{\lVert w_i \rVert}`,
        :math:`\alpha = -\sqrt{\lVert w_i \rVert}`. The network is balanced
        (:math:`\lVert u_j \rVert = |\alpha_j|`). For ``beta > 0`` its
        weight-decay objective (:func:`mathcore.network.objective`) equals
        :attr:`objective`, and for ``beta = 0`` it interpolates the data with
        :math:`\tfrac12\sum_j(\lVert u_j\rVert^2 + \alpha_j^2)` equal to
        :attr:`objective`.

        Returns
        -------
        U : ndarray of shape (d, k)
            One neuron per active block, in the order of :attr:`active`.
        alpha : ndarray of shape (k,)

        Raises
        ------
        ValueError
            For the gated program, whose neurons use fixed gates instead of
            their own sign (use :meth:`predict`).
        """
        if self.gated:
            raise ValueError(
                "a gated ReLU solution has no ReLU network; use predict() instead"
            )
        blocks = np.vstack([self.v, self.w])[self.active]
        norms = self.block_norms[self.active]
        root = np.sqrt(norms)
        U = (blocks / root[:, None]).T
        alpha = root * self.block_sign[self.active]
        return U, alpha

    def predict(self, X: object) -> np.ndarray:
        r"""Evaluate the fitted model at the rows of ``X``.

        The exact program's model is the network of :meth:`network`. The
        gated model is
        :math:`\sum_k 1[X g_k \ge 0] \odot X u_k` with the stored gate
        directions :math:`g_k`.

        Parameters
        ----------
        X : array_like of shape (n_new, d)
            Inputs, including any bias column.

        Returns
        -------
        ndarray of shape (n_new,)

        Raises
        ------
        ValueError
            If ``X`` is invalid, or for a gated solution without directions.
        """
        d = self.v.shape[1]
        X = as_matrix("X", X)
        if X.shape[1] != d:
            raise ValueError(f"X must have {d} columns, got shape {X.shape}")
        if not self.gated:
            U, alpha = self.network()
            if alpha.size == 0:
                return np.zeros(X.shape[0])
            return network_predict(U, alpha, X)
        if self.directions is None:
            raise ValueError(
                "this gated solution has no gate directions; pass patterns "
                "together with directions to solve() to predict at new points"
            )
        gates = X @ self.directions.T >= 0
        return np.sum(gates * (X @ self.v.T), axis=1)


def _block_labels(n_patterns: int, gated: bool) -> tuple[np.ndarray, np.ndarray]:
    """Return pattern index and sign of every block."""
    index = np.arange(n_patterns)
    if gated:
        return index, np.zeros(n_patterns, dtype=int)
    pattern = np.concatenate([index, index])
    sign = np.concatenate([np.ones(n_patterns, int), -np.ones(n_patterns, int)])
    return pattern, sign


def _check_patterns(
    X: np.ndarray, patterns: object
) -> tuple[np.ndarray, np.ndarray | None]:
    """Return validated patterns (P, n) and directions (P, d) or None.

    ``patterns`` is None (enumerate all), a (P, n) 0/1 array, a
    ``(patterns, directions)`` pair or a :class:`PlanePatterns`.
    """
    n, d = X.shape
    if patterns is None:
        rank = int(np.linalg.matrix_rank(X))
        bound = cover_bound(n, max(rank, 1))
        if bound > MAX_ENUMERATED_PATTERNS:
            raise ValueError(
                f"X of shape {X.shape} and rank {rank} may have up to {bound} "
                "patterns, too many to enumerate; pass patterns="
                "sample_patterns(X, n_samples, seed)"
            )
        # solve() and regularization_path() cache their whole result.
        return enumerate_patterns(X, use_cache=False)
    directions = None
    if isinstance(patterns, PlanePatterns):
        patterns, directions = patterns.patterns, patterns.directions
    elif isinstance(patterns, tuple) and len(patterns) == 2:
        patterns, directions = patterns
    try:
        array = np.asarray(patterns)
    except (TypeError, ValueError):
        array = None
    valid = (
        array is not None
        and array.ndim == 2
        and array.shape[0] >= 1
        and array.shape[1] == n
        and (array.dtype == bool or np.isin(array, (0, 1)).all())
    )
    if not valid:
        shape = getattr(array, "shape", None)
        raise ValueError(
            f"patterns must be a 0/1 array of shape (P, {n}) with P >= 1, or a "
            f"(patterns, directions) pair, got shape {shape}"
        )
    array = array.astype(bool)
    if directions is not None:
        directions = as_matrix("directions", directions)
        if directions.shape != (array.shape[0], d):
            raise ValueError(
                f"directions must have shape {(array.shape[0], d)}, got "
                f"{directions.shape}"
            )
        if not np.array_equal(X @ directions.T >= 0, array.T):
            raise ValueError("directions do not produce the given patterns on X")
    return array, directions


def _data_scale(X: np.ndarray, y: np.ndarray) -> float:
    """Return ||y|| / ||X||_2, the size of a block that could fit ``y``.

    Returns 0 when ``X`` or ``y`` is zero, where the only solution is zero.
    """
    spectral = float(np.linalg.norm(X, 2))
    labels = float(np.linalg.norm(y))
    if spectral == 0 or labels == 0:
        return 0.0
    return labels / spectral


def _active_threshold(block_norms: np.ndarray, scale: float) -> float:
    """Return the norm above which a block counts as active (see ACTIVE_RTOL)."""
    if scale == 0:
        return np.inf
    return ACTIVE_RTOL * max(float(np.max(block_norms)), scale)


@dataclass
class _Program:
    """A cvxpy problem for one data set, pattern set and form."""

    problem: cp.Problem
    V: cp.Variable
    W: cp.Variable | None
    beta: cp.Parameter | None


def _build_program(
    X: np.ndarray,
    y: np.ndarray,
    patterns: np.ndarray,
    gated: bool,
    interpolate: bool,
) -> _Program:
    """Build the exact or gated program with ``beta`` as a cvxpy Parameter."""
    d = X.shape[1]
    n_patterns = patterns.shape[0]
    mask = patterns.T.astype(float)
    V = cp.Variable((d, n_patterns), name="V")
    W = None if gated else cp.Variable((d, n_patterns), name="W")
    signed = V if gated else V - W
    fit = cp.sum(cp.multiply(mask, X @ signed), axis=1)
    penalty = cp.sum(cp.norm(V, 2, axis=0))
    constraints = []
    if not gated:
        penalty = penalty + cp.sum(cp.norm(W, 2, axis=0))
        orientation = 2.0 * mask - 1.0
        constraints = [
            cp.multiply(orientation, X @ V) >= 0,
            cp.multiply(orientation, X @ W) >= 0,
        ]
    if interpolate:
        problem = cp.Problem(cp.Minimize(penalty), [*constraints, fit == y])
        return _Program(problem, V, W, None)
    beta = cp.Parameter(nonneg=True, name="beta")
    objective = 0.5 * cp.sum_squares(fit - y) + beta * penalty
    return _Program(cp.Problem(cp.Minimize(objective), constraints), V, W, beta)


def _run(problem: cp.Problem, description: str, **options) -> str:
    """Solve ``problem`` with Clarabel and return its status.

    Raises
    ------
    SolverError
        If the solver fails or the status is neither optimal nor
        optimal_inaccurate.
    """
    settings = {**SOLVER_OPTIONS, **options}
    try:
        with warnings.catch_warnings():
            # cvxpy's own inaccuracy warning is replaced by _check_status's.
            warnings.filterwarnings("ignore", message="Solution may be inaccurate")
            problem.solve(solver=SOLVER, **settings)
    except cp.error.SolverError as error:
        raise SolverError(f"Clarabel failed on {description}: {error}") from error
    _check_status(problem.status, description, warn=False)
    return problem.status


def _check_status(status: str | None, description: str, warn: bool = True) -> None:
    """Raise unless a cvxpy status is optimal, and warn if it is inaccurate.

    Raises
    ------
    SolverError
        For any status other than ``"optimal"`` and ``"optimal_inaccurate"``.

    Warns
    -----
    InaccurateSolutionWarning
        For ``"optimal_inaccurate"`` when ``warn`` is True.
    """
    if status == cp.OPTIMAL:
        return
    if status == cp.OPTIMAL_INACCURATE:
        if warn:
            warnings.warn(
                f"Clarabel returned an inaccurate solution for {description}; "
                "its numbers may be off in the last digits",
                InaccurateSolutionWarning,
                stacklevel=3,
            )
        return
    hint = ""
    if status in (cp.INFEASIBLE, cp.INFEASIBLE_INACCURATE):
        hint = "; with beta = 0 this means that no network interpolates the data"
    raise SolverError(f"Clarabel did not solve {description}: status {status!r}{hint}")


def _blocks_of(program: _Program, n_patterns: int, d: int):
    """Return blocks v, w of shape (P, d) from a solved program."""
    v = np.asarray(program.V.value, dtype=float).T
    if program.W is None:
        w = np.zeros((n_patterns, d))
    else:
        w = np.asarray(program.W.value, dtype=float).T
    return v, w


def _merge_parallel(
    X: np.ndarray,
    patterns: np.ndarray,
    blocks: np.ndarray,
    block_pattern: np.ndarray,
    block_sign: np.ndarray,
    threshold: float,
) -> np.ndarray:
    r"""Sum blocks that describe one neuron into the block of lowest index.

    A neuron whose kink passes through a data point lies in the cones of two
    or more patterns, so the optimum is not unique and an interior-point
    solver splits it among those blocks. Block ``j`` is added to an earlier
    block ``i`` of the same sign when their unit vectors differ by at most
    ``_MERGE_TOL`` and both patterns give the same fit,
    :math:`(D_i - D_j) X b_j pprox 0`. The sum keeps the fit and the sum
    of norms, so the merged blocks are an optimal solution too.

    Returns
    -------
    ndarray of shape (G, d)
        The blocks after merging (merged-away blocks are zero).
    """
    merged = blocks.copy()
    norms = np.linalg.norm(blocks, axis=1)
    representatives: list[int] = []
    for j in np.flatnonzero(norms > threshold):
        unit = blocks[j] / norms[j]
        image = X @ blocks[j]
        for i in representatives:
            if block_sign[i] != block_sign[j]:
                continue
            if (
                np.linalg.norm(merged[i] / np.linalg.norm(merged[i]) - unit)
                > _MERGE_TOL
            ):
                continue
            gap = (patterns[block_pattern[i]] ^ patterns[block_pattern[j]]) * image
            if np.linalg.norm(gap) > _MERGE_TOL * max(np.linalg.norm(image), 1e-300):
                continue
            merged[i] += merged[j]
            merged[j] = 0.0
            break
        else:
            representatives.append(j)
    return merged


def _assemble(
    X: np.ndarray,
    y: np.ndarray,
    beta: float,
    gated: bool,
    patterns: np.ndarray,
    directions: np.ndarray | None,
    v: np.ndarray,
    w: np.ndarray,
    status: str,
    solve_time: float,
) -> ConvexSolution:
    """Merge split neurons and compute objective, block norms and active set."""
    n_patterns, d = v.shape
    block_pattern, block_sign = _block_labels(n_patterns, gated)
    blocks = v if gated else np.vstack([v, w])
    scale = _data_scale(X, y)
    threshold = _active_threshold(np.linalg.norm(blocks, axis=1), scale)
    blocks = _merge_parallel(X, patterns, blocks, block_pattern, block_sign, threshold)
    if gated:
        v = blocks
    else:
        v, w = blocks[:n_patterns], blocks[n_patterns:]
    block_norms = np.linalg.norm(blocks, axis=1)
    threshold = _active_threshold(block_norms, scale)

    fit = np.sum(patterns.T * (X @ (v - w).T), axis=1)
    penalty = float(np.sum(block_norms))
    if beta == 0:
        value = penalty
    else:
        residual = fit - y
        value = float(0.5 * residual @ residual + beta * penalty)
    return ConvexSolution(
        objective=value,
        beta=beta,
        gated=gated,
        patterns=patterns,
        directions=directions,
        v=v,
        w=w,
        block_norms=block_norms,
        active=np.flatnonzero(block_norms > threshold),
        active_threshold=threshold,
        status=status,
        solve_time=solve_time,
    )


def _normalization(X: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    r"""Return the scales ``(c, s)`` of ``X`` and ``y`` that the solver works in.

    Clarabel's tolerances are absolute, so data of very small or very large
    scale would be solved to the wrong relative accuracy.  Both programs are
    homogeneous: with :math:`X' = X / c`, :math:`y' = y / s` and
    :math:`\beta' = \beta / (s c)`, the blocks of the original program are
    :math:`(s / c)` times those of the scaled one.  ``c`` and ``s`` are the
    largest absolute entries (1 for an all-zero array).
    """
    c = float(np.max(np.abs(X))) or 1.0
    s = float(np.max(np.abs(y))) or 1.0
    return c, s


def _solve_uncached(X, y, beta, gated, patterns, directions) -> ConvexSolution:
    """Build and solve one program on normalized data, then scale back."""
    start = time.perf_counter()
    c, s = _normalization(X, y)
    program = _build_program(X / c, y / s, patterns, gated, interpolate=beta == 0)
    if program.beta is not None:
        program.beta.value = beta / (s * c)
    form = "gated" if gated else "exact"
    status = _run(program.problem, f"the {form} program with beta={beta!r}")
    elapsed = time.perf_counter() - start
    v, w = _blocks_of(program, patterns.shape[0], X.shape[1])
    v, w = v * (s / c), w * (s / c)
    solution = _assemble(X, y, beta, gated, patterns, directions, v, w, status, elapsed)
    logger.info(
        "%s program: n=%s, d=%s, P=%s, beta=%s, objective=%s, %s active, %.3f s",
        form,
        X.shape[0],
        X.shape[1],
        patterns.shape[0],
        beta,
        solution.objective,
        solution.active.size,
        elapsed,
    )
    return solution


def solve(
    X: object,
    y: object,
    beta: object,
    gated: bool = False,
    patterns: object = None,
    use_cache: bool = True,
) -> ConvexSolution:
    r"""Solve the exact (or gated) convex program of a two-layer ReLU network.

    See the module docstring for both programs. The optimal value equals the
    minimum over ReLU networks of
    :math:`\tfrac12\lVert (XU)_+\alpha - y\rVert^2 + \tfrac\beta2
    \sum_j(\lVert u_j\rVert^2 + \alpha_j^2)` when all patterns are used; for
    ``beta = 0`` it equals the minimum of
    :math:`\tfrac12 \sum_j(\lVert u_j\rVert^2 + \alpha_j^2)` over networks
    that interpolate the data.

    Parameters
    ----------
    X : array_like of shape (n, d)
        Data matrix, including any bias column.
    y : array_like of shape (n,)
        Labels.
    beta : float
        Regularization strength, ``>= 0``; 0 solves min-norm interpolation.
    gated : bool, default False
        Solve the gated ReLU relaxation instead of the exact program.
    patterns : None, array_like of shape (P, n), (patterns, directions) or PlanePatterns
        Activation patterns to use. None enumerates all of them exactly
        (:func:`mathcore.patterns.enumerate_patterns`), which is allowed when
        Cover's bound is at most ``MAX_ENUMERATED_PATTERNS``. A subset of the
        patterns gives an optimum at least the true one.
    use_cache : bool, default True
        Read and store the result in the disk cache of :mod:`mathcore.cache`.

    Returns
    -------
    ConvexSolution
        Blocks, optimal value and active set.

    Raises
    ------
    ValueError
        If the data are invalid, ``beta`` is negative or not finite, the
        patterns have the wrong shape, or there are too many patterns to
        enumerate.
    SolverError
        If Clarabel fails or the problem is infeasible (``beta = 0`` with data
        that no network interpolates).

    Warns
    -----
    InaccurateSolutionWarning
        If Clarabel reports an inaccurate solution.

    Notes
    -----
    NOTE: at ``beta`` equal to :func:`beta_max` the interior-point solution
    keeps a block of norm about 1e-6 times the data scale, which counts as
    active. From ``1.001 * beta_max`` up, no block does.
    :func:`mathcore.path.regularization_path` sets the zero solution at
    ``beta_max`` without solving.
    """
    X, y = as_data(X, y)
    beta = as_real("beta", beta, minimum=0.0)
    gated = as_flag("gated", gated)
    pattern_array, directions = _check_patterns(X, patterns)
    inputs = {
        "X": X,
        "y": y,
        "beta": beta,
        "gated": gated,
        "patterns": pattern_array,
        "directions": directions,
    }
    solution = cached(
        "convex.solve",
        lambda: _solve_uncached(X, y, beta, gated, pattern_array, directions),
        inputs,
        use_cache=use_cache,
    )
    form = "gated" if gated else "exact"
    _check_status(solution.status, f"the {form} program with beta={beta!r}")
    return solution


def beta_max(
    X: object, y: object, gated: bool = False, patterns: object = None
) -> float:
    r"""Return the smallest ``beta`` at which every block of the solution is zero.

    Gated program: :math:`\beta_{\max} = \max_i \lVert X^\top D_i y \rVert`.
    Exact program:

    .. math::
        \beta_{\max} = \max_{\lVert u \rVert \le 1} |y^\top (X u)_+|
        = \max_{i,\, s = \pm 1}\; \max_{u \in K_i,\, \lVert u \rVert \le 1}
          s\, y^\top D_i X u ,

    where :math:`K_i = \{u : (2D_i - I) X u \ge 0\}` is the cone on which
    :math:`(Xu)_+ = D_i X u`. The inner maximum of a linear function
    :math:`c^\top u` over a cone and the unit ball is the norm of the
    projection of :math:`c` onto the cone. With :math:`A_i = (2D_i - I)X`,
    the projection is :math:`c + A_i^\top \lambda^*` for the non-negative
    least-squares solution
    :math:`\lambda^* = \arg\min_{\lambda \ge 0}\lVert A_i^\top\lambda + c\rVert`
    (Moreau decomposition), computed with :func:`scipy.optimize.nnls`.
    The exact value lies between 0 and the gated one.

    Parameters
    ----------
    X : array_like of shape (n, d)
        Data matrix, including any bias column.
    y : array_like of shape (n,)
        Labels.
    gated : bool, default False
        Return the gated program's value.
    patterns : optional
        As in :func:`solve`; None enumerates all patterns.

    Returns
    -------
    float
        :math:`\beta_{\max}`.

    Raises
    ------
    ValueError
        If the data or the patterns are invalid.
    """
    X, y = as_data(X, y)
    gated = as_flag("gated", gated)
    pattern_array, _ = _check_patterns(X, patterns)
    best = 0.0
    for pattern in pattern_array:
        c = X.T @ (pattern * y)
        if gated:
            best = max(best, float(np.linalg.norm(c)))
            continue
        A = (2.0 * pattern - 1.0)[:, None] * X
        for sign in (1.0, -1.0):
            multipliers, _ = nnls(A.T, -sign * c)
            projection = sign * c + A.T @ multipliers
            best = max(best, float(np.linalg.norm(projection)))
    return best
