"""Invalid inputs to datasets, network, patterns, convex and path.

Every public function must raise ``ValueError`` naming the offending
parameter for non-finite numbers, wrong shapes or lengths, empty data,
negative ``beta`` and non-positive steps or counts.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mathcore import convex, datasets, network, path, patterns

FAST = settings(max_examples=25, deadline=None)

non_finite = st.sampled_from([math.nan, math.inf, -math.inf])
negative = st.floats(max_value=-1e-9, allow_nan=False, allow_infinity=False)
non_positive = st.floats(max_value=0.0, allow_nan=False, allow_infinity=False)
bad_count = st.one_of(
    st.integers(max_value=0),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.text(max_size=3),
)

X_GOOD = network.add_bias([-1.0, 0.5, 2.0])
Y_GOOD = np.array([1.0, -0.5, 0.3])
U_GOOD = np.array([[1.0, -1.0], [0.2, 0.4]])
ALPHA_GOOD = np.array([0.5, -1.5])


def with_entry(array: np.ndarray, value: float, index: int) -> np.ndarray:
    """Return a copy of ``array`` with one flat entry replaced by ``value``."""
    copy = np.array(array, dtype=float)
    copy.flat[index % copy.size] = value
    return copy


def network_calls(U, alpha, X, y, beta=0.1):
    """Return every network function applied to the given arguments."""
    return [
        lambda: network.predict(U, alpha, X),
        lambda: network.hinges(U, alpha, X),
        lambda: network.objective(U, alpha, X, y, beta),
        lambda: network.gradient(U, alpha, X, y, beta),
        lambda: network.gradient_descent(U, alpha, X, y, beta, 0.01, 3),
    ]


def data_calls(X, y):
    """Return every function that takes data ``X`` and labels ``y``."""
    return [
        *network_calls(U_GOOD, ALPHA_GOOD, X, y)[2:],
        lambda: convex.solve(X, y, 0.1, use_cache=False),
        lambda: convex.beta_max(X, y),
        lambda: path.regularization_path(X, y, use_cache=False),
    ]


# network ---------------------------------------------------------------------


@FAST
@given(value=non_finite, index=st.integers(0, 5))
def test_non_finite_data_rejected(value, index):
    bad_X = with_entry(X_GOOD, value, index)
    for call in network_calls(U_GOOD, ALPHA_GOOD, bad_X, Y_GOOD) + data_calls(
        bad_X, Y_GOOD
    ):
        with pytest.raises(ValueError, match="X must contain only finite"):
            call()
    for call in data_calls(X_GOOD, with_entry(Y_GOOD, value, index)):
        with pytest.raises(ValueError, match="y must contain only finite"):
            call()


@FAST
@given(value=non_finite, index=st.integers(0, 3))
def test_non_finite_weights_rejected(value, index):
    bad_U = with_entry(U_GOOD, value, index)
    bad_alpha = with_entry(ALPHA_GOOD, value, index)
    for call in network_calls(bad_U, ALPHA_GOOD, X_GOOD, Y_GOOD):
        with pytest.raises(ValueError, match="U must contain only finite"):
            call()
    for call in network_calls(U_GOOD, bad_alpha, X_GOOD, Y_GOOD):
        with pytest.raises(ValueError, match="alpha must contain only finite"):
            call()
    for call in (
        lambda: network.rebalance(bad_U, ALPHA_GOOD),
        lambda: network.kinks_1d(bad_U),
        lambda: network.permute(bad_U, ALPHA_GOOD, [1, 0]),
        lambda: network.rescale(bad_U, ALPHA_GOOD, 2.0),
    ):
        with pytest.raises(ValueError, match="U must"):
            call()


@FAST
@given(length=st.integers(1, 7).filter(lambda n: n != 3))
def test_label_length_must_match(length):
    for call in data_calls(X_GOOD, np.ones(length)):
        with pytest.raises(ValueError, match="y must have length 3"):
            call()


@FAST
@given(rows=st.integers(1, 5).filter(lambda r: r != 2), width=st.integers(1, 4))
def test_weight_rows_must_match_features(rows, width):
    U = np.ones((rows, width))
    alpha = np.ones(width)
    for call in network_calls(U, alpha, X_GOOD, Y_GOOD):
        with pytest.raises(ValueError, match="U must have 2 rows"):
            call()
    with pytest.raises(ValueError, match="U must have 2 rows"):
        network.kinks_1d(U)


@FAST
@given(length=st.integers(1, 6).filter(lambda n: n != 2))
def test_alpha_length_must_match_width(length):
    alpha = np.ones(length)
    for call in network_calls(U_GOOD, alpha, X_GOOD, Y_GOOD):
        with pytest.raises(ValueError, match="alpha must have length 2"):
            call()
    for call in (
        lambda: network.rebalance(U_GOOD, alpha),
        lambda: network.permute(U_GOOD, alpha, [1, 0]),
        lambda: network.rescale(U_GOOD, alpha, 1.0),
    ):
        with pytest.raises(ValueError, match="alpha must have length 2"):
            call()


@FAST
@given(shape=st.sampled_from([(3,), (3, 2, 1), (0, 2), (3, 0), ()]))
def test_data_matrix_shape_checked(shape):
    X = np.ones(shape)
    for call in data_calls(X, Y_GOOD):
        with pytest.raises(ValueError, match="X must"):
            call()
    for call in (
        lambda: network.predict(U_GOOD, ALPHA_GOOD, X),
        lambda: network.hinges(U_GOOD, ALPHA_GOOD, X),
        lambda: patterns.enumerate_patterns(X),
        lambda: patterns.sample_patterns(X, 10, 0),
        lambda: patterns.enumerate_patterns_2d(X),
    ):
        with pytest.raises(ValueError, match="X must"):
            call()


def test_empty_inputs_rejected():
    with pytest.raises(ValueError, match="x must"):
        network.add_bias([])
    with pytest.raises(ValueError, match="x must"):
        network.add_bias(np.ones((2, 2, 2)))
    with pytest.raises(ValueError, match="x must contain only finite"):
        network.add_bias([1.0, math.nan])
    with pytest.raises(ValueError, match="x must be a numeric array"):
        network.add_bias([[1.0], [1.0, 2.0]])
    with pytest.raises(ValueError, match="X must"):
        convex.solve(np.ones((0, 2)), np.ones(0), 0.1)


@FAST
@given(beta=st.one_of(negative, non_finite))
def test_beta_must_be_non_negative_and_finite(beta):
    for call in (
        lambda: network.objective(U_GOOD, ALPHA_GOOD, X_GOOD, Y_GOOD, beta),
        lambda: network.gradient(U_GOOD, ALPHA_GOOD, X_GOOD, Y_GOOD, beta),
        lambda: network.gradient_descent(
            U_GOOD, ALPHA_GOOD, X_GOOD, Y_GOOD, beta, 0.1, 3
        ),
        lambda: convex.solve(X_GOOD, Y_GOOD, beta, use_cache=False),
    ):
        with pytest.raises(ValueError, match="beta must"):
            call()


@FAST
@given(step=st.one_of(non_positive, non_finite))
def test_step_must_be_positive(step):
    with pytest.raises(ValueError, match="step must"):
        network.gradient_descent(U_GOOD, ALPHA_GOOD, X_GOOD, Y_GOOD, 0.1, step, 3)


@FAST
@given(count=bad_count)
def test_counts_must_be_positive_integers(count):
    with pytest.raises(ValueError, match="n_steps must"):
        network.gradient_descent(U_GOOD, ALPHA_GOOD, X_GOOD, Y_GOOD, 0.1, 0.1, count)
    with pytest.raises(ValueError, match="record_every must"):
        network.gradient_descent(
            U_GOOD, ALPHA_GOOD, X_GOOD, Y_GOOD, 0.1, 0.1, 3, record_every=count
        )
    with pytest.raises(ValueError, match="d must"):
        network.init_network(count, 3, 1.0, 0)
    with pytest.raises(ValueError, match="m must"):
        network.init_network(2, count, 1.0, 0)
    with pytest.raises(ValueError, match="n_samples must"):
        patterns.sample_patterns(X_GOOD, count, 0)
    with pytest.raises(ValueError, match="n must"):
        patterns.cover_bound(count, 2)
    with pytest.raises(ValueError, match="r must"):
        patterns.cover_bound(5, count)
    with pytest.raises(ValueError, match="n must"):
        datasets.plane_points(count)
    with pytest.raises(ValueError, match="d must"):
        datasets.gaussian_points(4, count, 0)
    with pytest.raises(ValueError, match="n_betas must"):
        path.regularization_path(X_GOOD, Y_GOOD, n_betas=count, use_cache=False)


@FAST
@given(seed=st.one_of(st.integers(max_value=-1), st.floats(), st.none()))
def test_seeds_must_be_non_negative_integers(seed):
    for call in (
        lambda: network.init_network(2, 3, 1.0, seed),
        lambda: patterns.sample_patterns(X_GOOD, 10, seed),
        lambda: datasets.plane_points(5, seed),
        lambda: datasets.gaussian_points(5, 2, seed),
    ):
        with pytest.raises(ValueError, match="seed must"):
            call()


@FAST
@given(scale=st.one_of(non_positive, non_finite))
def test_init_scale_must_be_positive(scale):
    with pytest.raises(ValueError, match="scale must"):
        network.init_network(2, 3, scale, 0)


@FAST
@given(order=st.lists(st.integers(-2, 3), min_size=0, max_size=4))
def test_permute_needs_a_permutation(order):
    if sorted(order) == [0, 1]:
        return
    with pytest.raises(ValueError, match="order must be a permutation"):
        network.permute(U_GOOD, ALPHA_GOOD, order)


@FAST
@given(t=st.one_of(non_positive, non_finite))
def test_rescale_needs_positive_factor(t):
    with pytest.raises(ValueError, match="t must"):
        network.rescale(U_GOOD, ALPHA_GOOD, t)
    with pytest.raises(ValueError, match="t must"):
        network.rescale(U_GOOD, ALPHA_GOOD, [1.0, t])


def test_rescale_factor_length_checked():
    with pytest.raises(ValueError, match="t must have length 2"):
        network.rescale(U_GOOD, ALPHA_GOOD, [1.0, 2.0, 3.0])


# patterns --------------------------------------------------------------------


@FAST
@given(columns=st.integers(1, 5).filter(lambda c: c != 2))
def test_plane_enumeration_needs_two_columns(columns):
    with pytest.raises(ValueError, match="X must have 2 columns"):
        patterns.enumerate_patterns_2d(np.ones((4, columns)))


@FAST
@given(value=non_finite, index=st.integers(0, 5))
def test_pattern_functions_reject_non_finite(value, index):
    X = with_entry(X_GOOD, value, index)
    for call in (
        lambda: patterns.enumerate_patterns(X),
        lambda: patterns.enumerate_patterns_2d(X),
        lambda: patterns.sample_patterns(X, 10, 0),
    ):
        with pytest.raises(ValueError, match="X must contain only finite"):
            call()


# convex and path -------------------------------------------------------------


@FAST
@given(
    n_patterns=st.integers(0, 4),
    columns=st.integers(1, 6),
)
def test_pattern_argument_shape_checked(n_patterns, columns):
    if n_patterns >= 1 and columns == 3:
        return
    masks = np.ones((n_patterns, columns), dtype=bool)
    for call in (
        lambda: convex.solve(X_GOOD, Y_GOOD, 0.1, patterns=masks, use_cache=False),
        lambda: convex.beta_max(X_GOOD, Y_GOOD, patterns=masks),
        lambda: path.regularization_path(X_GOOD, Y_GOOD, patterns=masks),
    ):
        with pytest.raises(ValueError, match="patterns must"):
            call()


def test_pattern_entries_must_be_binary():
    with pytest.raises(ValueError, match="patterns must be a 0/1 array"):
        convex.solve(X_GOOD, Y_GOOD, 0.1, patterns=[[0, 2, 1]], use_cache=False)
    with pytest.raises(ValueError, match="directions must have shape"):
        convex.solve(
            X_GOOD,
            Y_GOOD,
            0.1,
            patterns=([[1, 1, 1]], np.ones((2, 2))),
            use_cache=False,
        )


@pytest.mark.parametrize("flag", [1, "yes", None, 0.0])
def test_gated_must_be_boolean(flag):
    with pytest.raises(ValueError, match="gated must be True or False"):
        convex.solve(X_GOOD, Y_GOOD, 0.1, gated=flag, use_cache=False)
    with pytest.raises(ValueError, match="gated must be True or False"):
        convex.beta_max(X_GOOD, Y_GOOD, gated=flag)
    with pytest.raises(ValueError, match="gated must be True or False"):
        path.regularization_path(X_GOOD, Y_GOOD, gated=flag)


@FAST
@given(ratio=st.one_of(non_positive, non_finite, st.floats(min_value=1.0)))
def test_path_ratio_in_open_unit_interval(ratio):
    with pytest.raises(ValueError, match="ratio must"):
        path.regularization_path(X_GOOD, Y_GOOD, ratio=ratio, use_cache=False)


def test_predict_checks_columns():
    solution = convex.solve(X_GOOD, Y_GOOD, 0.1, use_cache=False)
    with pytest.raises(ValueError, match="X must have 2 columns"):
        solution.predict(np.ones((4, 3)))
    with pytest.raises(ValueError, match="X must contain only finite"):
        solution.predict([[math.nan, 1.0]])
