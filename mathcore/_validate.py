"""Input checks shared by the public functions of :mod:`mathcore`.

Each helper coerces one argument and raises a ``ValueError`` that names the
parameter, shows the value received and states what is allowed.
"""

from __future__ import annotations

import math
from numbers import Integral, Real

import numpy as np

# Largest accepted magnitude of any input. Norms computed as the square root
# of a sum of squares overflow above about 1e154, and products of two such
# values above 1e308; inputs up to 1e100 keep every intermediate finite.
MAX_MAGNITUDE = 1e100

# Largest accepted count (steps, points, trials, grid points along one axis).
# Larger counts would run for many minutes.  The lecture uses at most 200,000
# steps.
MAX_COUNT = 10**7

# Largest seed: numpy's generators take any non-negative integer, and 64 bits
# cover every seed in common use.
MAX_SEED = 2**64 - 1

# Largest number of states a gradient-descent run records.  Each recorded state
# is a copy of the weights: 10**6 states of a width-10 network took about 1 GB
# (measured with tracemalloc).
MAX_RECORDS = 10**6

# Largest number of points along each axis of a two-dimensional grid, which
# has MAX_GRID ** 2 nodes.
MAX_GRID = 2000


def as_flag(name: str, value: object) -> bool:
    """Return ``value`` if it is a bool (numpy bools included), else raise.

    Raises
    ------
    ValueError
        If ``value`` is not ``True`` or ``False``; truthy strings such as
        ``"no"`` are rejected rather than read as True.
    """
    if not isinstance(value, bool | np.bool_):
        raise ValueError(f"{name} must be True or False, got {_show(value)}")
    return bool(value)


def _show(value: object) -> str:
    """Return a short printable form of ``value`` for an error message."""
    text = repr(value)
    if len(text) > 80:
        text = text[:77] + "..."
    if isinstance(value, np.ndarray):
        text = f"array of shape {value.shape}"
    return text


def as_array(name: str, value: object, ndim: int, min_rows: int = 1) -> np.ndarray:
    """Coerce ``value`` to a finite float array with ``ndim`` dimensions.

    Parameters
    ----------
    name : str
        Parameter name used in the error message.
    value : array_like
        The value to check.
    ndim : int
        Required number of dimensions (1 or 2).
    min_rows : int, default 1
        Minimum length of the first axis.

    Returns
    -------
    ndarray
        A float64 copy of ``value``.

    Raises
    ------
    ValueError
        If ``value`` is not numeric, has another number of dimensions, has
        fewer than ``min_rows`` rows or an empty axis, or contains NaN or
        infinite entries.
    """
    try:
        raw = np.asarray(value)
        if raw.dtype.kind not in "iufO":
            raise ValueError(
                f"{name} must hold real numbers (int or float), got dtype "
                f"{raw.dtype} from {_show(value)}"
            )
        array = np.array(raw, dtype=float)
    except ValueError as error:
        if "real numbers" in str(error):
            raise
        raise ValueError(
            f"{name} must be a numeric array, got {_show(value)} ({error})"
        ) from None
    except TypeError as error:
        raise ValueError(
            f"{name} must be a numeric array, got {_show(value)} ({error})"
        ) from None
    if array.ndim != ndim:
        raise ValueError(f"{name} must be {ndim}-dimensional, got shape {array.shape}")
    if array.shape[0] < min_rows or 0 in array.shape:
        raise ValueError(
            f"{name} must have at least {min_rows} row(s) and no empty axis, "
            f"got shape {array.shape}"
        )
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{name} must contain only finite values, got NaN or inf")
    largest = float(np.max(np.abs(array)))
    if largest > MAX_MAGNITUDE:
        raise ValueError(
            f"{name} must have entries of magnitude at most {MAX_MAGNITUDE:g}, "
            f"got {largest:g}; rescale the data"
        )
    return array


def as_matrix(name: str, value: object, min_rows: int = 1) -> np.ndarray:
    """Coerce ``value`` to a finite 2-D float array (see :func:`as_array`)."""
    return as_array(name, value, ndim=2, min_rows=min_rows)


def as_vector(name: str, value: object, length: int | None = None) -> np.ndarray:
    """Coerce ``value`` to a finite 1-D float array, optionally of ``length``.

    Raises
    ------
    ValueError
        As :func:`as_array`, or if the length differs from ``length``.
    """
    vector = as_array(name, value, ndim=1)
    if length is not None and vector.shape[0] != length:
        raise ValueError(
            f"{name} must have length {length}, got length {vector.shape[0]}"
        )
    return vector


def as_data(X: object, y: object) -> tuple[np.ndarray, np.ndarray]:
    """Check a data matrix and its labels together.

    Returns
    -------
    X : ndarray of shape (n_samples, n_features)
    y : ndarray of shape (n_samples,)

    Raises
    ------
    ValueError
        If either is invalid or their lengths differ.
    """
    X = as_matrix("X", X)
    y = as_vector("y", y, length=X.shape[0])
    return X, y


def as_real(
    name: str,
    value: object,
    *,
    minimum: float | None = None,
    strict: bool = False,
    maximum: float | None = None,
) -> float:
    """Coerce ``value`` to a finite float within the allowed range.

    Parameters
    ----------
    name : str
        Parameter name used in the error message.
    value : float
        The value to check.
    minimum : float, optional
        Lower bound, inclusive unless ``strict``.
    strict : bool, default False
        Whether the lower bound is excluded.
    maximum : float, optional
        Inclusive upper bound.

    Raises
    ------
    ValueError
        If ``value`` is not a real number, is NaN or infinite, or lies
        outside the range.
    """
    if isinstance(value, bool) or not isinstance(value, Real | np.floating):
        raise ValueError(f"{name} must be a real number, got {_show(value)}")
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"{name} must be finite, got {number!r}")
    if abs(number) > MAX_MAGNITUDE:
        raise ValueError(
            f"{name} must have magnitude at most {MAX_MAGNITUDE:g}, got {number!r}"
        )
    if minimum is not None:
        if strict and number <= minimum:
            raise ValueError(f"{name} must be > {minimum}, got {number!r}")
        if not strict and number < minimum:
            raise ValueError(f"{name} must be >= {minimum}, got {number!r}")
    if maximum is not None and number > maximum:
        raise ValueError(f"{name} must be <= {maximum}, got {number!r}")
    return number


def as_range(name: str, value: object) -> tuple[float, float]:
    """Coerce ``value`` to a finite interval ``(low, high)`` with ``low < high``.

    Raises
    ------
    ValueError
        If ``value`` is not a pair of finite real numbers in increasing order.
    """
    try:
        low, high = value  # type: ignore[misc]
    except (TypeError, ValueError):
        raise ValueError(
            f"{name} must be a pair (low, high), got {_show(value)}"
        ) from None
    low = as_real(f"{name}[0]", low)
    high = as_real(f"{name}[1]", high)
    if not low < high:
        raise ValueError(f"{name} must satisfy low < high, got ({low!r}, {high!r})")
    return low, high


def as_count(
    name: str, value: object, minimum: int = 1, maximum: int = MAX_COUNT
) -> int:
    """Coerce ``value`` to an ``int`` between ``minimum`` and ``maximum``.

    Raises
    ------
    ValueError
        If ``value`` is not an integer (booleans and floats are rejected) or
        lies outside ``[minimum, maximum]``.
    """
    if isinstance(value, bool) or not isinstance(value, Integral):
        raise ValueError(f"{name} must be an integer, got {_show(value)}")
    if value < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {int(value)}")
    if value > maximum:
        raise ValueError(f"{name} must be <= {maximum}, got {int(value)}")
    return int(value)


def as_record_interval(value: object, n_steps: int) -> int:
    """Coerce ``record_every`` of a run of ``n_steps`` steps to an ``int``.

    Raises
    ------
    ValueError
        If ``value`` is not a count, or the run would record more than
        ``MAX_RECORDS`` states.
    """
    record_every = as_count("record_every", value)
    records = n_steps // record_every + 1
    if records > MAX_RECORDS:
        raise ValueError(
            f"n_steps={n_steps} with record_every={record_every} would record "
            f"{records} states, more than {MAX_RECORDS}; raise record_every"
        )
    return record_every


def as_seed(value: object) -> int:
    """Coerce a random seed to a non-negative ``int``."""
    return as_count("seed", value, minimum=0, maximum=MAX_SEED)
