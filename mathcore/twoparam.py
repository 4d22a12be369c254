r"""The two-parameter network :math:`f(x) = a\,(b x)_+` fitted to one point.

With the single sample :math:`(x, y) = (1, 1)` the training loss is

.. math:: L(a, b) = \tfrac12 \bigl(a\,(b)_+ - 1\bigr)^2
          + \tfrac{\lambda}{2} (a^2 + b^2),

where :math:`\lambda \ge 0` is the weight decay.  Without weight decay the
zero-loss set is the hyperbola :math:`a b = 1, b > 0`, whose point of least
norm is :math:`a = b = 1`.  Gradient flow conserves :math:`c = b^2 - a^2`, so a
run that reaches the hyperbola ends at

.. math:: b = \sqrt{\bigl(c + \sqrt{c^2 + 4}\bigr) / 2}, \qquad a = 1 / b .

A start with :math:`b_0 \le 0` or :math:`a_0 \le -b_0` ends at a dead neuron
(:math:`b \le 0`) with loss 1/2 instead.  With :math:`0 \le \lambda < 1` the
global minimizer is :math:`a = b = \sqrt{1 - \lambda}`, and for
:math:`\lambda \ge 1` it is the origin.

The ReLU derivative at zero is taken as 0, so every point with
:math:`b \le 0` and no weight decay is stationary.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass

import numpy as np

from mathcore._validate import (
    MAX_GRID,
    MAX_MAGNITUDE,
    as_count,
    as_range,
    as_real,
    as_record_interval,
)

logger = logging.getLogger(__name__)

# Parameter norm beyond which gradient descent is reported as diverged.
DEFAULT_MAX_NORM = 1e6


@dataclass(frozen=True)
class TwoParamPath:
    r"""A gradient-descent run on :math:`L(a, b)`.

    Attributes
    ----------
    steps : ndarray of shape (k,)
        Step index of each recorded point; the first is 0 and the last is
        the final step taken.
    path : ndarray of shape (k, 2)
        Recorded parameters, columns :math:`(a, b)`.
    loss : ndarray of shape (k,)
        :math:`L(a, b)` at each recorded point, weight decay included.
    balance : ndarray of shape (k,)
        :math:`b^2 - a^2` at each recorded point.
    diverged : bool
        Whether the parameter norm reached ``max_norm`` and the run stopped
        early.
    step : float
        Step size used.
    weight_decay : float
        :math:`\lambda` used.
    """

    steps: np.ndarray
    path: np.ndarray
    loss: np.ndarray
    balance: np.ndarray
    diverged: bool
    step: float
    weight_decay: float


def _as_finite_array(name: str, value: object) -> np.ndarray:
    """Coerce ``value`` to a finite float array of any shape, or raise."""
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError) as error:
        raise ValueError(
            f"{name} must be a real number or numeric array, got {value!r} ({error})"
        ) from None
    if array.size == 0:
        raise ValueError(f"{name} must not be empty, got shape {array.shape}")
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{name} must contain only finite values, got NaN or inf")
    return array


def _check_weight_decay(weight_decay: object) -> float:
    """Validate a nonnegative weight decay."""
    return as_real("weight_decay", weight_decay, minimum=0.0)


def _loss_values(a: np.ndarray, b: np.ndarray, weight_decay: float) -> np.ndarray:
    """Evaluate :math:`L(a, b)` on validated, broadcastable arrays."""
    residual = a * np.maximum(b, 0.0) - 1.0
    return 0.5 * residual**2 + 0.5 * weight_decay * (a**2 + b**2)


def loss(a: object, b: object, weight_decay: float = 0.0) -> float | np.ndarray:
    r"""Evaluate the training loss of the two-parameter network.

    .. math:: L(a, b) = \tfrac12 \bigl(a (b)_+ - 1\bigr)^2
              + \tfrac{\lambda}{2} (a^2 + b^2)

    Parameters
    ----------
    a : float or array_like
        Output weight(s).
    b : float or array_like
        Input weight(s), broadcastable against ``a``.
    weight_decay : float, default 0.0
        :math:`\lambda \ge 0`.

    Returns
    -------
    float or ndarray
        A float when both ``a`` and ``b`` are scalars, else an array of the
        broadcast shape of ``a`` and ``b``.

    Raises
    ------
    ValueError
        If ``a`` or ``b`` is empty, non-numeric or not finite, the shapes do
        not broadcast, or ``weight_decay`` is negative or not finite.
    """
    a = _as_finite_array("a", a)
    b = _as_finite_array("b", b)
    weight_decay = _check_weight_decay(weight_decay)
    try:
        np.broadcast_shapes(a.shape, b.shape)
    except ValueError:
        raise ValueError(
            f"a and b must have broadcastable shapes, got {a.shape} and {b.shape}"
        ) from None
    values = _loss_values(a, b, weight_decay)
    if values.ndim == 0:
        return float(values)
    return values


def loss_grid(
    a_range: tuple[float, float],
    b_range: tuple[float, float],
    num: int,
    weight_decay: float = 0.0,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r"""Evaluate :math:`L(a, b)` on a regular grid for a heat map.

    Parameters
    ----------
    a_range : tuple of float
        ``(a_min, a_max)`` with ``a_min < a_max``.
    b_range : tuple of float
        ``(b_min, b_max)`` with ``b_min < b_max``.
    num : int
        Grid points per axis, at least 2.
    weight_decay : float, default 0.0
        :math:`\lambda \ge 0`.

    Returns
    -------
    A : ndarray of shape (num, num)
        ``A[i, j]`` is the j-th value of ``a`` (``a`` varies along columns).
    B : ndarray of shape (num, num)
        ``B[i, j]`` is the i-th value of ``b`` (``b`` varies along rows).
    L : ndarray of shape (num, num)
        ``L[i, j] = L(A[i, j], B[i, j])``.

    Raises
    ------
    ValueError
        If a range is not a finite increasing pair, ``num`` is below 2 or
        above ``MAX_GRID``, or ``weight_decay`` is negative.
    """
    a_low, a_high = as_range("a_range", a_range)
    b_low, b_high = as_range("b_range", b_range)
    num = as_count("num", num, minimum=2, maximum=MAX_GRID)
    weight_decay = _check_weight_decay(weight_decay)
    grid_a, grid_b = np.meshgrid(
        np.linspace(a_low, a_high, num), np.linspace(b_low, b_high, num)
    )
    return grid_a, grid_b, _loss_values(grid_a, grid_b, weight_decay)


def gradient(a: float, b: float, weight_decay: float = 0.0) -> tuple[float, float]:
    r"""Return the gradient of :math:`L` at :math:`(a, b)`.

    With :math:`r = a (b)_+ - 1`,

    .. math:: \partial_a L = r\,(b)_+ + \lambda a, \qquad
              \partial_b L = r\,a\,\mathbb{1}[b > 0] + \lambda b .

    Parameters
    ----------
    a, b : float
        The two weights.
    weight_decay : float, default 0.0
        :math:`\lambda \ge 0`.

    Returns
    -------
    tuple of float
        :math:`(\partial_a L, \partial_b L)`.

    Raises
    ------
    ValueError
        If ``a`` or ``b`` is not a finite real number, or ``weight_decay`` is
        negative.
    """
    a = as_real("a", a)
    b = as_real("b", b)
    weight_decay = _check_weight_decay(weight_decay)
    return _gradient(a, b, weight_decay)


def _gradient(a: float, b: float, weight_decay: float) -> tuple[float, float]:
    """Compute the gradient on validated floats (no checks)."""
    if b <= 0.0:
        return weight_decay * a, weight_decay * b
    residual = a * b - 1.0
    return residual * b + weight_decay * a, residual * a + weight_decay * b


def gradient_descent(
    a0: float,
    b0: float,
    step: float,
    n_steps: int,
    weight_decay: float = 0.0,
    record_every: int = 1,
    *,
    max_norm: float = DEFAULT_MAX_NORM,
) -> TwoParamPath:
    r"""Run gradient descent on :math:`L(a, b)` from :math:`(a_0, b_0)`.

    The update is :math:`(a, b) \leftarrow (a, b) - \eta \nabla L(a, b)`
    (see :func:`gradient`).  Without weight decay each step multiplies the
    balance :math:`b^2 - a^2` by :math:`1 - \eta^2 r^2`, so it drifts by
    :math:`O(\eta)` over a run of fixed length in time, while gradient flow
    conserves it exactly.

    Parameters
    ----------
    a0, b0 : float
        Starting point, of norm below ``max_norm``.
    step : float
        Step size :math:`\eta > 0`.
    n_steps : int
        Number of updates, at least 1.
    weight_decay : float, default 0.0
        :math:`\lambda \ge 0`.
    record_every : int, default 1
        Record every this many steps; the start and the final step are
        always recorded.
    max_norm : float, default 1e6
        Parameter norm that ends the run as diverged.

    Returns
    -------
    TwoParamPath
        Recorded steps (k,), path (k, 2) with columns (a, b), loss (k,),
        balance (k,), the divergence flag, the step and the weight decay.

    Raises
    ------
    ValueError
        If a number is not finite, ``step`` or ``max_norm`` is not positive,
        ``n_steps`` or ``record_every`` is below 1, ``weight_decay`` is
        negative, or the start has norm ``>= max_norm``.
    """
    a = as_real("a0", a0)
    b = as_real("b0", b0)
    step = as_real("step", step, minimum=0.0, strict=True)
    n_steps = as_count("n_steps", n_steps, minimum=1)
    weight_decay = _check_weight_decay(weight_decay)
    record_every = as_record_interval(record_every, n_steps)
    max_norm = as_real("max_norm", max_norm, minimum=0.0, strict=True)
    if math.hypot(a, b) >= max_norm:
        raise ValueError(
            f"(a0, b0) must have norm below max_norm={max_norm!r}, got ({a!r}, {b!r})"
        )

    # Plain floats keep this scalar loop fast for the 1e5 to 1e6 small steps
    # that approximate gradient flow.
    steps = [0]
    points = [(a, b)]
    diverged = False
    for k in range(1, n_steps + 1):
        grad_a, grad_b = _gradient(a, b, weight_decay)
        a, b = a - step * grad_a, b - step * grad_b
        if not math.hypot(a, b) < max_norm:
            diverged = True
            logger.info("two-parameter gradient descent diverged at step %s", k)
            if math.isfinite(a) and math.isfinite(b):
                steps.append(k)
                points.append((a, b))
            break
        if k % record_every == 0 or k == n_steps:
            steps.append(k)
            points.append((a, b))

    path = np.array(points)
    return TwoParamPath(
        steps=np.array(steps),
        path=path,
        loss=_loss_values(path[:, 0], path[:, 1], weight_decay),
        balance=path[:, 1] ** 2 - path[:, 0] ** 2,
        diverged=diverged,
        step=step,
        weight_decay=weight_decay,
    )


def zero_loss_curve(b_min: float, b_max: float, num: int) -> np.ndarray:
    r"""Sample the zero-loss hyperbola :math:`a b = 1, b > 0`.

    Parameters
    ----------
    b_min : float
        Smallest ``b``, positive.
    b_max : float
        Largest ``b``, greater than ``b_min``.
    num : int
        Number of points, at least 2.

    Returns
    -------
    ndarray of shape (num, 2)
        Points with columns :math:`(a, b) = (1/b, b)`, ``b`` evenly spaced
        from ``b_min`` to ``b_max``.

    Raises
    ------
    ValueError
        If ``b_min`` is below 1e-100 (where ``1 / b`` could overflow),
        ``b_max <= b_min``, a bound is not finite, or ``num`` is below 2.
    """
    b_min = as_real("b_min", b_min, minimum=1.0 / MAX_MAGNITUDE)
    b_max = as_real("b_max", b_max, minimum=b_min, strict=True)
    num = as_count("num", num, minimum=2)
    b = np.linspace(b_min, b_max, num)
    return np.column_stack([1.0 / b, b])


def ends_dead(a0: float, b0: float) -> bool:
    r"""Tell whether gradient flow from :math:`(a_0, b_0)` ends at a dead neuron.

    Without weight decay the flow ends with :math:`b \le 0` (loss 1/2) exactly
    when :math:`b_0 \le 0` (the neuron is inactive from the start and never
    moves) or :math:`a_0 \le -b_0` (the conserved balance
    :math:`c = b^2 - a^2 \le 0` while :math:`a < 0` drives :math:`b` down to 0).

    Parameters
    ----------
    a0, b0 : float
        Starting point.

    Returns
    -------
    bool
        True for a dead end, False when the flow reaches :math:`a b = 1`.

    Raises
    ------
    ValueError
        If ``a0`` or ``b0`` is not a finite real number.
    """
    a0 = as_real("a0", a0)
    b0 = as_real("b0", b0)
    return b0 <= 0.0 or a0 <= -b0


def flow_endpoint(a0: float, b0: float) -> tuple[float, float]:
    r"""Return the limit of gradient flow on :math:`L` (no weight decay).

    The flow conserves :math:`c = b_0^2 - a_0^2`.  When it reaches the
    zero-loss set (see :func:`ends_dead`) the limit is

    .. math:: b = \sqrt{\bigl(c + \sqrt{c^2 + 4}\bigr) / 2}, \qquad a = 1 / b .

    Otherwise the neuron dies and the flow stops on the line :math:`b = 0`
    with loss 1/2: a start with :math:`b_0 \le 0` is already stationary and is
    returned unchanged, and a start with :math:`b_0 > 0, a_0 \le -b_0` ends at
    :math:`(-\sqrt{a_0^2 - b_0^2},\ 0)`, the point of the conserved hyperbola
    on that line.

    Parameters
    ----------
    a0, b0 : float
        Starting point.

    Returns
    -------
    tuple of float
        The limit :math:`(a, b)`.

    Raises
    ------
    ValueError
        If ``a0`` or ``b0`` is not a finite real number.
    """
    if ends_dead(a0, b0):
        a0, b0 = float(a0), float(b0)
        if b0 <= 0.0:
            return a0, b0
        return -math.sqrt(a0 * a0 - b0 * b0), 0.0
    balance = float(b0) ** 2 - float(a0) ** 2
    b = math.sqrt((balance + math.sqrt(balance * balance + 4.0)) / 2.0)
    return 1.0 / b, b


def weight_decay_minimizer(lam: float) -> tuple[float, float]:
    r"""Return the global minimizer of :math:`L` with weight decay :math:`\lambda`.

    For a fixed product :math:`p = a b \ge 0` the penalty
    :math:`a^2 + b^2 \ge 2 p` is least when :math:`a = b`, and
    :math:`\tfrac12 (p - 1)^2 + \lambda p` is least at :math:`p = 1 - \lambda`.
    So the minimizer is :math:`a = b = \sqrt{1 - \lambda}` for
    :math:`0 \le \lambda < 1` and the origin for :math:`\lambda \ge 1`.

    Parameters
    ----------
    lam : float
        Weight decay :math:`\lambda \ge 0`.

    Returns
    -------
    tuple of float
        The minimizer :math:`(a, b)`.

    Raises
    ------
    ValueError
        If ``lam`` is negative or not finite.
    """
    lam = as_real("lam", lam, minimum=0.0)
    if lam >= 1.0:
        return 0.0, 0.0
    root = math.sqrt(1.0 - lam)
    return root, root


def min_norm_point() -> tuple[float, float]:
    r"""Return :math:`(a, b) = (1, 1)`, the least-norm point of :math:`a b = 1`."""
    return 1.0, 1.0
