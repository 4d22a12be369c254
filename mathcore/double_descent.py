r"""Double descent of minimum-norm random ReLU feature regression.

A training set of ``n`` points :math:`x_i \sim N(0, I_d)` carries labels
:math:`y_i = x_i^\top w_\star + \sigma \varepsilon_i` from a fixed unit vector
:math:`w_\star` and standard normal noise :math:`\varepsilon_i`.  A model of
width ``N`` draws a Gaussian first layer :math:`W \in \mathbb{R}^{d \times N}`
and fits only the output weights :math:`a` on the features

.. math:: \phi(x) = (W^\top x)_+ / \sqrt{N} \in \mathbb{R}^N,

by minimum-norm least squares :math:`a = \Phi^+ y` (or by ridge regression).
As ``N`` grows the test error first falls, rises to a sharp peak at the
interpolation threshold ``N = n``, where the square feature matrix
:math:`\Phi` is nearly singular, and falls again once the minimum-norm
interpolant has room to be smooth.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np

from mathcore._validate import as_count, as_real, as_seed, as_vector
from mathcore.cache import cached
from mathcore.datasets import plotting_grid

logger = logging.getLogger(__name__)

# Upper bound on the floats of one block of test features, so that wide
# models with many trials are evaluated in chunks of about 32 MB.
_MAX_BLOCK_FLOATS = 4_000_000

# Widths above this multiple of n are fitted through the n x n Gram matrix,
# which needs only single-threaded einsum and a small eigh.  A batched SVD of
# the wide feature matrices ran 3 to 20 times slower when other processes
# shared the two cores of the development machine (OpenBLAS threads).
_GRAM_WIDTH_RATIO = 2

# Smallest eigenvalue ratio of a Gram matrix accepted by _fit_by_gram; below
# it the SVD is used, because the Gram route squares the condition number.
_GRAM_MIN_RCOND = 1e-8

# Ratios of n added to the log-spaced default widths, to resolve the peak.
_NEAR_THRESHOLD = (0.8, 0.9, 0.95, 0.975, 1.0, 1.025, 1.05, 1.1, 1.2)


@dataclass(frozen=True)
class DoubleDescentCurve:
    r"""Errors and norms of random-feature regression against width.

    Medians and quartiles are taken over independent trials, each with its
    own training set, test set and first layer.

    Attributes
    ----------
    widths : ndarray of shape (W,)
        Numbers of features ``N``, increasing integers.
    test_error : ndarray of shape (W,)
        Median test mean squared error against the noiseless target
        :math:`x^\top w_\star`, i.e. the excess risk.
    test_error_q25, test_error_q75 : ndarray of shape (W,)
        First and third quartiles of the test error.
    train_error : ndarray of shape (W,)
        Median training mean squared error against the noisy labels.
    norm : ndarray of shape (W,)
        Median Euclidean norm of the output weights :math:`a`.
    n, d : int
        Training-set size and input dimension.
    noise : float
        Label noise standard deviation :math:`\sigma`.
    ridge : float
        Ridge penalty (0 for minimum-norm least squares).
    n_trials, n_test : int
        Number of trials and test points per trial.
    seed : int
        Seed of the random generators.
    """

    widths: np.ndarray
    test_error: np.ndarray
    test_error_q25: np.ndarray
    test_error_q75: np.ndarray
    train_error: np.ndarray
    norm: np.ndarray
    n: int
    d: int
    noise: float
    ridge: float
    n_trials: int
    n_test: int
    seed: int


@dataclass(frozen=True)
class RandomFeatureFit:
    r"""A random ReLU feature model fitted to one-dimensional data.

    Attributes
    ----------
    grid : ndarray of shape (num,)
        Inputs at which the fitted function is evaluated.
    values : ndarray of shape (num,)
        :math:`f(t) = \phi(t)^\top a` at each grid point.
    fitted : ndarray of shape (n,)
        :math:`f(x_i)` at the training inputs.
    train_error : float
        Training mean squared error.
    norm : float
        Euclidean norm of the output weights.
    width : int
        Number of features ``N``.
    rank : int
        Numerical rank of the (n, N) training feature matrix; the model
        interpolates generic labels exactly when it equals ``n``.
    first_layer : ndarray of shape (2, N)
        Random weights; column k maps :math:`(x, 1)` to the k-th feature's
        pre-activation, so its kink sits at :math:`x = -W_{1k} / W_{0k}`.
    output_weights : ndarray of shape (N,)
        Fitted output weights :math:`a`.
    """

    grid: np.ndarray
    values: np.ndarray
    fitted: np.ndarray
    train_error: float
    norm: float
    width: int
    rank: int
    first_layer: np.ndarray
    output_weights: np.ndarray


def default_widths(n: int) -> np.ndarray:
    r"""Return the default width grid for ``n`` training points.

    The grid contains 24 log-spaced integers from 2 to ``20 n`` together with
    ``round(r n)`` for ``r`` in 0.8, 0.9, 0.95, 0.975, 1, 1.025, 1.05, 1.1,
    1.2, so it contains ``n`` itself and resolves the peak around it.

    Parameters
    ----------
    n : int
        Number of training points, at least 1.

    Returns
    -------
    ndarray of shape (W,)
        Sorted unique positive integers.

    Raises
    ------
    ValueError
        If ``n`` is not an integer of at least 1.
    """
    n = as_count("n", n, minimum=1)
    spread = np.geomspace(2.0, 20.0 * n, 24)
    near = n * np.array(_NEAR_THRESHOLD)
    widths = np.round(np.concatenate([spread, near])).astype(int)
    return np.unique(np.maximum(widths, 1))


def _as_widths(widths: object) -> np.ndarray:
    """Validate a strictly increasing vector of positive integer widths."""
    values = as_vector("widths", widths)
    if np.any(values != np.round(values)) or np.any(values < 1):
        raise ValueError(f"widths must be positive integers, got {values.tolist()!r}")
    if np.any(np.diff(values) <= 0):
        raise ValueError(f"widths must be strictly increasing, got {values.tolist()!r}")
    return values.astype(int)


def _inverse_singular(singular: np.ndarray, shape: tuple[int, int], ridge: float):
    r"""Return the spectral filter of the fit for singular values ``singular``.

    Minimum-norm least squares inverts every singular value above
    ``max(shape) * eps * s_max`` (the rank cutoff of ``numpy.linalg.lstsq``)
    and zeroes the rest.  Ridge regression uses :math:`s / (s^2 + \rho)`.
    """
    if ridge > 0.0:
        return singular / (singular**2 + ridge)
    cutoff = max(shape) * np.finfo(float).eps * singular[..., :1]
    above = singular > cutoff
    return np.where(above, 1.0 / np.where(above, singular, 1.0), 0.0)


def _fit_output_weights(features: np.ndarray, labels: np.ndarray, ridge: float):
    r"""Fit output weights for a batch of feature matrices.

    ``features`` has shape (T, n, N) and ``labels`` shape (T, n).  The result
    of shape (T, N) is :math:`\Phi^+ y` per trial (ridge: the solution of
    :math:`\min \lVert \Phi a - y \rVert^2 + \rho \lVert a \rVert^2`).
    """
    n, width = features.shape[1:]
    if width > _GRAM_WIDTH_RATIO * n:
        weights = _fit_by_gram(features, labels, ridge)
        if weights is not None:
            return weights
    return _fit_by_svd(features, labels, ridge)


def _fit_by_svd(features: np.ndarray, labels: np.ndarray, ridge: float):
    """Fit output weights through the SVD of each feature matrix."""
    if features.shape[2] > features.shape[1]:
        # LAPACK is several times faster on the tall orientation: factor
        # Phi^T = P S Q^T, so that Phi = Q S P^T.
        tall = np.ascontiguousarray(features.transpose(0, 2, 1))
        right, singular, left_t = np.linalg.svd(tall, full_matrices=False)
        left = left_t.transpose(0, 2, 1)
        right_t = right.transpose(0, 2, 1)
    else:
        left, singular, right_t = np.linalg.svd(features, full_matrices=False)
    filtered = _inverse_singular(singular, features.shape[1:], ridge)
    coefficients = np.einsum("tik,ti->tk", left, labels) * filtered
    return np.einsum("tkj,tk->tj", right_t, coefficients)


def _fit_by_gram(features: np.ndarray, labels: np.ndarray, ridge: float):
    r"""Fit wide feature matrices through their (n, n) Gram matrices.

    With :math:`K = \Phi \Phi^\top = V \Lambda V^\top` the weights are
    :math:`a = \Phi^\top V (\Lambda + \rho I)^{-1} V^\top y`, equal to
    :math:`\Phi^+ y` when :math:`K` is invertible.  Forming :math:`K`
    squares the condition number, so the function returns None, and the
    caller uses the SVD, unless every :math:`K` has eigenvalue ratio above
    ``_GRAM_MIN_RCOND``.  The relative error is then of order
    ``eps / _GRAM_MIN_RCOND``, about 1e-8 (an estimate).
    """
    gram = np.einsum("tik,tjk->tij", features, features)
    eigenvalues, vectors = np.linalg.eigh(gram)
    if np.any(eigenvalues[:, 0] <= _GRAM_MIN_RCOND * eigenvalues[:, -1]):
        return None
    coefficients = np.einsum("tik,ti->tk", vectors, labels) / (eigenvalues + ridge)
    dual = np.einsum("tik,tk->ti", vectors, coefficients)
    return np.einsum("tij,ti->tj", features, dual)


def _relu_features(inputs: np.ndarray, first_layer: np.ndarray) -> np.ndarray:
    """Return ``(inputs @ first_layer)_+ / sqrt(N)`` for batched arrays."""
    width = first_layer.shape[-1]
    # einsum runs single-threaded; with an inner dimension of d = 5 a
    # threaded BLAS call only adds overhead, and much more when other
    # processes share the cores.
    pre = np.einsum("...nd,...dk->...nk", inputs, first_layer)
    return np.maximum(pre, 0.0) / np.sqrt(width)


def _compute_curve(
    n: int,
    d: int,
    noise: float,
    widths: np.ndarray,
    n_trials: int,
    ridge: float,
    n_test: int,
    seed: int,
) -> DoubleDescentCurve:
    """Run every trial at every width (validated inputs, no cache)."""
    rng = np.random.default_rng(seed)
    target = rng.standard_normal(d)
    target /= np.linalg.norm(target)
    train_x = rng.standard_normal((n_trials, n, d))
    test_x = rng.standard_normal((n_trials, n_test, d))
    train_y = train_x @ target + noise * rng.standard_normal((n_trials, n))
    test_y = test_x @ target

    # The model of width N uses the first N neurons of each trial's widest
    # layer.  Nested feature matrices make the smallest singular value, and
    # with it the error and the norm, peak at N = n in every single trial.
    # Rows come from a generator per trial, so they do not depend on the grid.
    widest = int(widths[-1])
    neurons = np.stack(
        [
            np.random.default_rng((seed, trial)).standard_normal((widest, d))
            for trial in range(n_trials)
        ]
    )
    count = len(widths)
    test_error = np.empty((count, n_trials))
    train_error = np.empty((count, n_trials))
    norm = np.empty((count, n_trials))
    for index, width in enumerate(widths):
        first_layer = neurons[:, : int(width), :].transpose(0, 2, 1)
        features = _relu_features(train_x, first_layer)
        weights = _fit_output_weights(features, train_y, ridge)
        fitted = np.einsum("tij,tj->ti", features, weights)
        train_error[index] = np.mean((fitted - train_y) ** 2, axis=1)
        norm[index] = np.linalg.norm(weights, axis=1)

        chunk = max(1, _MAX_BLOCK_FLOATS // (n_test * int(width)))
        for start in range(0, n_trials, chunk):
            block = slice(start, start + chunk)
            test_features = _relu_features(test_x[block], first_layer[block])
            predicted = np.einsum("tij,tj->ti", test_features, weights[block])
            test_error[index, block] = np.mean((predicted - test_y[block]) ** 2, axis=1)

    quartiles = np.percentile(test_error, [25.0, 50.0, 75.0], axis=1)
    return DoubleDescentCurve(
        widths=widths.copy(),
        test_error=quartiles[1],
        test_error_q25=quartiles[0],
        test_error_q75=quartiles[2],
        train_error=np.median(train_error, axis=1),
        norm=np.median(norm, axis=1),
        n=n,
        d=d,
        noise=noise,
        ridge=ridge,
        n_trials=n_trials,
        n_test=n_test,
        seed=seed,
    )


def double_descent(
    n: int = 40,
    d: int = 5,
    noise: float = 0.5,
    widths: object = None,
    n_trials: int = 30,
    ridge: float = 0.0,
    n_test: int = 500,
    seed: int = 0,
    use_cache: bool = True,
) -> DoubleDescentCurve:
    r"""Compute test and training error of random-feature regression by width.

    For each width ``N`` and each trial, the output weights are

    .. math:: a = \Phi^+ y \quad (\rho = 0), \qquad
              a = \arg\min_a \lVert \Phi a - y \rVert^2 + \rho \lVert a \rVert^2
              \quad (\rho > 0),

    with :math:`\Phi \in \mathbb{R}^{n \times N}` the training features
    :math:`(W^\top x_i)_+ / \sqrt{N}`.  The pseudo-inverse drops singular
    values below ``max(n, N) * eps`` times the largest.  Test labels are
    noiseless, so the test error measures the distance to the target
    function; training labels carry noise of standard deviation ``noise``.
    Trials share nothing but ``w_star``, and a given ``seed`` draws the same
    data at every noise level, so curves for several noise levels differ only
    by the scale of the noise.

    With the defaults the median test error peaks at ``N = n`` at over 100
    times its minimum, and ``ridge=0.1`` removes the peak.  Input dimensions
    ``d >= 5`` give a sharp peak; in one dimension the features are nearly
    rank-deficient and the peak smears far past ``n``.

    Parameters
    ----------
    n : int, default 40
        Training points per trial, at least 1.
    d : int, default 5
        Input dimension, at least 1.
    noise : float, default 0.5
        Label noise standard deviation, at least 0.
    widths : array_like of int, optional
        Strictly increasing positive widths; :func:`default_widths` of ``n``
        when omitted.
    n_trials : int, default 30
        Independent trials, at least 1.
    ridge : float, default 0.0
        Ridge penalty :math:`\rho \ge 0`.
    n_test : int, default 500
        Test points per trial, at least 1.
    seed : int, default 0
        Seed of the random generators, at least 0.
    use_cache : bool, default True
        Whether to read and store the result in the disk cache.

    Returns
    -------
    DoubleDescentCurve
        Median errors (with test-error quartiles) and median output-weight
        norms, all of shape (W,), and the parameters.

    Raises
    ------
    ValueError
        If a count is below its minimum, ``noise`` or ``ridge`` is negative or
        not finite, or ``widths`` is not a strictly increasing vector of
        positive integers.
    """
    n = as_count("n", n, minimum=1)
    d = as_count("d", d, minimum=1)
    noise = as_real("noise", noise, minimum=0.0)
    widths = default_widths(n) if widths is None else _as_widths(widths)
    n_trials = as_count("n_trials", n_trials, minimum=1)
    ridge = as_real("ridge", ridge, minimum=0.0)
    n_test = as_count("n_test", n_test, minimum=1)
    seed = as_seed(seed)
    inputs = {
        "n": n,
        "d": d,
        "noise": noise,
        "widths": widths,
        "n_trials": n_trials,
        "ridge": ridge,
        "n_test": n_test,
        "seed": seed,
    }
    logger.debug("double descent curve for %s", inputs)
    return cached(
        "double_descent",
        lambda: _compute_curve(**inputs),
        inputs,
        use_cache=use_cache,
    )


def peak_width(curve: DoubleDescentCurve) -> int:
    r"""Return the width at which the median test error is largest.

    Parameters
    ----------
    curve : DoubleDescentCurve
        A curve from :func:`double_descent`.

    Returns
    -------
    int
        ``curve.widths[argmax(curve.test_error)]``.

    Raises
    ------
    ValueError
        If ``curve`` is not a :class:`DoubleDescentCurve`.
    """
    if not isinstance(curve, DoubleDescentCurve):
        raise ValueError(
            f"curve must be a DoubleDescentCurve, got {type(curve).__name__}"
        )
    return int(curve.widths[int(np.argmax(curve.test_error))])


def fit_random_features_1d(
    x: object,
    y: object,
    width: int,
    seed: int = 0,
    ridge: float = 0.0,
    grid: object = None,
    num: int = 200,
) -> RandomFeatureFit:
    r"""Fit a random ReLU feature model with bias to one-dimensional data.

    Each input is extended to :math:`(x, 1)`, the features are
    :math:`\phi_k(x) = (W_{0k} x + W_{1k})_+ / \sqrt{N}` with Gaussian
    :math:`W \in \mathbb{R}^{2 \times N}`, and the output weights are the
    minimum-norm least-squares (or ridge) solution, as in
    :func:`double_descent`.

    In one dimension the features are far from generic: on the data, every
    feature whose kink falls in the same gap between sorted inputs, active
    on the same side, lies in one two-dimensional space.  Kinks
    :math:`-W_{1k} / W_{0k}` rarely land in narrow gaps, so the feature
    matrix reaches rank ``n`` only at widths several times ``n`` and the
    threshold is smeared.  The ``rank`` field shows how far a given width is
    from interpolation.  Compute error curves with :func:`double_descent` in
    ``d >= 5``.

    Parameters
    ----------
    x : array_like of shape (n,)
        Training inputs.
    y : array_like of shape (n,)
        Training labels.
    width : int
        Number of features ``N``, at least 1.
    seed : int, default 0
        Seed of the first layer, at least 0.
    ridge : float, default 0.0
        Ridge penalty, at least 0.
    grid : array_like of shape (num,), optional
        Evaluation inputs; by default ``num`` evenly spaced points over the
        data range widened by 10 % on each side.
    num : int, default 200
        Number of default grid points, at least 2; ignored when ``grid`` is
        given.

    Returns
    -------
    RandomFeatureFit
        The fitted function on the grid and at the data, its training error,
        the output-weight norm and both layers.

    Raises
    ------
    ValueError
        If ``x``, ``y`` or ``grid`` is empty or not finite, ``x`` and ``y``
        differ in length, or a count, seed or ridge is out of range.
    """
    x = as_vector("x", x)
    y = as_vector("y", y, length=x.shape[0])
    width = as_count("width", width, minimum=1)
    seed = as_seed(seed)
    ridge = as_real("ridge", ridge, minimum=0.0)
    grid = plotting_grid(x, grid, num)

    first_layer = np.random.default_rng(seed).standard_normal((2, width))
    train_inputs = np.column_stack([x, np.ones_like(x)])
    grid_inputs = np.column_stack([grid, np.ones_like(grid)])
    features = _relu_features(train_inputs, first_layer)
    weights = _fit_output_weights(features[None], y[None], ridge)[0]
    fitted = features @ weights
    return RandomFeatureFit(
        grid=grid,
        values=_relu_features(grid_inputs, first_layer) @ weights,
        fitted=fitted,
        train_error=float(np.mean((fitted - y) ** 2)),
        norm=float(np.linalg.norm(weights)),
        width=width,
        rank=int(np.linalg.matrix_rank(features)),
        first_layer=first_layer,
        output_weights=weights,
    )
