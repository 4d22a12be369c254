"""Invalid inputs to leastsq, twoparam, double_descent and landscape.

Every public function must raise ``ValueError`` naming the offending
parameter for non-finite numbers, wrong shapes, out-of-range values and
non-integer counts.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mathcore import double_descent as dd
from mathcore import landscape, leastsq, twoparam

FAST = settings(max_examples=25, deadline=None)

non_finite = st.sampled_from([math.nan, math.inf, -math.inf])
negative = st.floats(max_value=-1e-9, allow_nan=False, allow_infinity=False)
non_positive = st.floats(max_value=0.0, allow_nan=False, allow_infinity=False)
bad_count = st.one_of(
    st.integers(max_value=0),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
)

A_GOOD = np.array([[1.0, 2.0, 0.5], [0.0, 1.0, -1.0]])
B_GOOD = np.array([1.0, -1.0])
W_GOOD = np.zeros(3)


def with_entry(array: np.ndarray, value: float, index: int) -> np.ndarray:
    """Return a copy of ``array`` with one flat entry replaced by ``value``."""
    copy = np.array(array, dtype=float)
    copy.flat[index % copy.size] = value
    return copy


# leastsq --------------------------------------------------------------------


@FAST
@given(value=non_finite, index=st.integers(0, 5))
def test_leastsq_rejects_non_finite_matrix(value, index):
    A = with_entry(A_GOOD, value, index)
    for call in (
        lambda: leastsq.min_norm_solution(A, B_GOOD),
        lambda: leastsq.project_onto_solutions(A, B_GOOD, W_GOOD),
        lambda: leastsq.step_bound(A),
        lambda: leastsq.null_space_basis(A),
        lambda: leastsq.gradient_descent(A, B_GOOD, W_GOOD, 0.1, 5),
    ):
        with pytest.raises(ValueError, match="A must"):
            call()


@FAST
@given(value=non_finite, index=st.integers(0, 2))
def test_leastsq_rejects_non_finite_vectors(value, index):
    with pytest.raises(ValueError, match="b must"):
        leastsq.min_norm_solution(A_GOOD, with_entry(B_GOOD, value, index))
    with pytest.raises(ValueError, match="w0 must"):
        leastsq.project_onto_solutions(A_GOOD, B_GOOD, with_entry(W_GOOD, value, index))
    with pytest.raises(ValueError, match="w0 must"):
        leastsq.gradient_descent(
            A_GOOD, B_GOOD, with_entry(W_GOOD, value, index), 0.1, 5
        )


@FAST
@given(length=st.integers(1, 6).filter(lambda n: n != 2))
def test_leastsq_rejects_wrong_rhs_length(length):
    with pytest.raises(ValueError, match="b must have length 2"):
        leastsq.min_norm_solution(A_GOOD, np.ones(length))


@FAST
@given(length=st.integers(1, 6).filter(lambda n: n != 3))
def test_leastsq_rejects_wrong_start_length(length):
    with pytest.raises(ValueError, match="w0 must have length 3"):
        leastsq.gradient_descent(A_GOOD, B_GOOD, np.ones(length), 0.1, 5)


@pytest.mark.parametrize(
    "A", [np.ones(3), np.ones((2, 2, 2)), np.zeros((0, 3)), [["a", "b"]]]
)
def test_leastsq_rejects_bad_matrix_shapes(A):
    with pytest.raises(ValueError, match="A must"):
        leastsq.step_bound(A)


@FAST
@given(step=st.one_of(non_positive, non_finite))
def test_leastsq_rejects_bad_step(step):
    with pytest.raises(ValueError, match="step must"):
        leastsq.gradient_descent(A_GOOD, B_GOOD, W_GOOD, step, 5)


@FAST
@given(n_steps=bad_count)
def test_leastsq_rejects_bad_step_count(n_steps):
    with pytest.raises(ValueError, match="n_steps must"):
        leastsq.gradient_descent(A_GOOD, B_GOOD, W_GOOD, 0.1, n_steps)


@FAST
@given(max_norm=st.one_of(non_positive, non_finite))
def test_leastsq_rejects_bad_max_norm(max_norm):
    with pytest.raises(ValueError, match="max_norm must"):
        leastsq.gradient_descent(A_GOOD, B_GOOD, W_GOOD, 0.1, 5, max_norm=max_norm)


# twoparam -------------------------------------------------------------------


@FAST
@given(value=non_finite)
def test_twoparam_rejects_non_finite_weights(value):
    with pytest.raises(ValueError, match="a must"):
        twoparam.loss(value, 1.0)
    with pytest.raises(ValueError, match="b must"):
        twoparam.loss(np.array([1.0, 2.0]), np.array([0.5, value]))
    with pytest.raises(ValueError, match="a must"):
        twoparam.gradient(value, 1.0)
    with pytest.raises(ValueError, match="a0 must"):
        twoparam.gradient_descent(value, 1.0, 0.1, 5)
    with pytest.raises(ValueError, match="b0 must"):
        twoparam.gradient_descent(1.0, value, 0.1, 5)
    with pytest.raises(ValueError, match="a0 must"):
        twoparam.flow_endpoint(value, 1.0)
    with pytest.raises(ValueError, match="b0 must"):
        twoparam.ends_dead(1.0, value)


@pytest.mark.parametrize("value", [[], np.zeros((0, 2)), "abc", [1.0, "x"]])
def test_twoparam_loss_rejects_bad_arrays(value):
    with pytest.raises(ValueError, match="a must"):
        twoparam.loss(value, 1.0)


@FAST
@given(weight_decay=st.one_of(negative, non_finite))
def test_twoparam_rejects_bad_weight_decay(weight_decay):
    with pytest.raises(ValueError, match="weight_decay must"):
        twoparam.loss(1.0, 1.0, weight_decay=weight_decay)
    with pytest.raises(ValueError, match="weight_decay must"):
        twoparam.loss_grid((0.0, 1.0), (0.0, 1.0), 3, weight_decay=weight_decay)
    with pytest.raises(ValueError, match="weight_decay must"):
        twoparam.gradient(1.0, 1.0, weight_decay)
    with pytest.raises(ValueError, match="weight_decay must"):
        twoparam.gradient_descent(1.0, 1.0, 0.1, 5, weight_decay=weight_decay)
    with pytest.raises(ValueError, match="lam must"):
        twoparam.weight_decay_minimizer(weight_decay)


@FAST
@given(step=st.one_of(non_positive, non_finite))
def test_twoparam_rejects_bad_step(step):
    with pytest.raises(ValueError, match="step must"):
        twoparam.gradient_descent(0.1, 0.5, step, 5)


@FAST
@given(count=bad_count)
def test_twoparam_rejects_bad_counts(count):
    with pytest.raises(ValueError, match="n_steps must"):
        twoparam.gradient_descent(0.1, 0.5, 0.1, count)
    with pytest.raises(ValueError, match="record_every must"):
        twoparam.gradient_descent(0.1, 0.5, 0.1, 5, record_every=count)


@FAST
@given(num=st.one_of(st.integers(max_value=1), st.floats(), st.booleans()))
def test_twoparam_rejects_bad_grid_size(num):
    with pytest.raises(ValueError, match="num must"):
        twoparam.loss_grid((0.0, 1.0), (0.0, 1.0), num)
    with pytest.raises(ValueError, match="num must"):
        twoparam.zero_loss_curve(0.5, 2.0, num)


@pytest.mark.parametrize(
    "bad_range", [(1.0, 1.0), (2.0, 1.0), (0.0, math.nan), (0.0,), 3.0, "ab"]
)
def test_twoparam_rejects_bad_ranges(bad_range):
    with pytest.raises(ValueError, match="a_range"):
        twoparam.loss_grid(bad_range, (0.0, 1.0), 5)
    with pytest.raises(ValueError, match="b_range"):
        twoparam.loss_grid((0.0, 1.0), bad_range, 5)


@FAST
@given(b_min=st.one_of(non_positive, non_finite))
def test_zero_loss_curve_rejects_bad_lower_bound(b_min):
    with pytest.raises(ValueError, match="b_min must"):
        twoparam.zero_loss_curve(b_min, 2.0, 10)


@FAST
@given(b_max=st.floats(max_value=0.5, allow_nan=False))
def test_zero_loss_curve_rejects_bad_upper_bound(b_max):
    with pytest.raises(ValueError, match="b_max must"):
        twoparam.zero_loss_curve(0.5, b_max, 10)


def test_twoparam_rejects_start_beyond_cap():
    with pytest.raises(ValueError, match="max_norm"):
        twoparam.gradient_descent(10.0, 10.0, 0.1, 5, max_norm=1.0)


# double_descent -------------------------------------------------------------


@FAST
@given(count=bad_count)
def test_double_descent_rejects_bad_counts(count):
    for name in ("n", "d", "n_trials", "n_test"):
        with pytest.raises(ValueError, match=f"{name} must"):
            dd.double_descent(**{name: count}, widths=[2, 4], use_cache=False)


@FAST
@given(value=st.one_of(negative, non_finite))
def test_double_descent_rejects_bad_noise_and_ridge(value):
    with pytest.raises(ValueError, match="noise must"):
        dd.double_descent(noise=value, use_cache=False)
    with pytest.raises(ValueError, match="ridge must"):
        dd.double_descent(ridge=value, use_cache=False)
    with pytest.raises(ValueError, match="ridge must"):
        dd.fit_random_features_1d([0.0, 1.0], [0.0, 1.0], 3, ridge=value)


@pytest.mark.parametrize(
    "widths",
    [[0, 2], [2, 2], [4, 2], [1.5, 3], [], [[2, 4]], [2, math.nan], "ab"],
)
def test_double_descent_rejects_bad_widths(widths):
    with pytest.raises(ValueError, match="widths must"):
        dd.double_descent(widths=widths, use_cache=False)


@FAST
@given(seed=st.one_of(st.integers(max_value=-1), st.floats(), st.booleans()))
def test_double_descent_rejects_bad_seed(seed):
    with pytest.raises(ValueError, match="seed must"):
        dd.double_descent(seed=seed, widths=[2], use_cache=False)
    with pytest.raises(ValueError, match="seed must"):
        dd.fit_random_features_1d([0.0, 1.0], [0.0, 1.0], 3, seed=seed)


def test_default_widths_rejects_bad_n():
    with pytest.raises(ValueError, match="n must"):
        dd.default_widths(0)


@FAST
@given(value=non_finite, index=st.integers(0, 3))
def test_fit_1d_rejects_non_finite_data(value, index):
    x = with_entry(np.linspace(0, 1, 4), value, index)
    with pytest.raises(ValueError, match="x must"):
        dd.fit_random_features_1d(x, np.zeros(4), 5)
    with pytest.raises(ValueError, match="y must"):
        dd.fit_random_features_1d(np.zeros(4), x, 5)
    with pytest.raises(ValueError, match="grid must"):
        dd.fit_random_features_1d(np.zeros(4), np.zeros(4), 5, grid=x)


@FAST
@given(length=st.integers(1, 8).filter(lambda n: n != 4))
def test_fit_1d_rejects_label_length(length):
    with pytest.raises(ValueError, match="y must have length 4"):
        dd.fit_random_features_1d(np.zeros(4), np.zeros(length), 5)


@FAST
@given(count=bad_count)
def test_fit_1d_rejects_bad_width_and_num(count):
    with pytest.raises(ValueError, match="width must"):
        dd.fit_random_features_1d([0.0, 1.0], [0.0, 1.0], count)
    if not (isinstance(count, int) and not isinstance(count, bool) and count >= 2):
        with pytest.raises(ValueError, match="num must"):
            dd.fit_random_features_1d([0.0, 1.0], [0.0, 1.0], 3, num=count)


def test_fit_1d_rejects_empty_data():
    with pytest.raises(ValueError, match="x must"):
        dd.fit_random_features_1d([], [], 3)


# landscape --------------------------------------------------------------------

X_GOOD = np.array([[-1.0, 1.0], [0.0, 1.0], [1.0, 1.0]])
Y_GOOD = np.array([1.0, 0.0, 1.0])
U_GOOD = np.array([[1.0, -1.0], [0.5, 0.5]])
ALPHA_GOOD = np.array([1.0, 1.0])


@pytest.fixture(scope="module")
def slice_good():
    return landscape.weight_slice(
        U_GOOD, ALPHA_GOOD, X_GOOD, Y_GOOD, 0, 4, (0, 1), (0, 1), 3
    )


@FAST
@given(value=non_finite, index=st.integers(0, 5))
def test_landscape_rejects_non_finite_arrays(value, index):
    U = with_entry(U_GOOD, value, index)
    X = with_entry(X_GOOD, value, index)
    y = with_entry(Y_GOOD, value, index)
    with pytest.raises(ValueError, match="U must"):
        landscape.flatten(U, ALPHA_GOOD)
    with pytest.raises(ValueError, match="U must"):
        landscape.weight_slice(U, ALPHA_GOOD, X_GOOD, Y_GOOD, 0, 1, (0, 1), (0, 1))
    with pytest.raises(ValueError, match="X must"):
        landscape.neuron_slice(U_GOOD, ALPHA_GOOD, X, Y_GOOD, 0, (0.1, 1), (0, 1))
    with pytest.raises(ValueError, match="y must"):
        landscape.nonconvexity_witness(X_GOOD, y)
    with pytest.raises(ValueError, match="y must"):
        landscape.interpolating_network(X_GOOD, y)
    with pytest.raises(ValueError, match="theta must"):
        landscape.unflatten(with_entry(np.zeros(6), value, index), 2, 2)
    with pytest.raises(ValueError, match="x must"):
        landscape.showcase_runs(x=with_entry(np.arange(3.0), value, index), y=Y_GOOD)
    with pytest.raises(ValueError, match="x must"):
        landscape.valley_demo(x=with_entry(np.arange(3.0), value, index), y=Y_GOOD)


@FAST
@given(length=st.integers(1, 9).filter(lambda n: n != 6))
def test_unflatten_rejects_wrong_length(length):
    with pytest.raises(ValueError, match="theta must have length 6"):
        landscape.unflatten(np.zeros(length), 2, 2)


def test_landscape_rejects_shape_mismatch():
    with pytest.raises(ValueError, match="alpha must have length 2"):
        landscape.flatten(U_GOOD, np.ones(3))
    with pytest.raises(ValueError, match="U must have 2 rows"):
        landscape.weight_slice(
            np.ones((3, 2)), ALPHA_GOOD, X_GOOD, Y_GOOD, 0, 1, (0, 1), (0, 1)
        )
    with pytest.raises(ValueError, match="y must have length 3"):
        landscape.direction_slice(np.ones(6), np.ones(6), np.arange(6.0), X_GOOD, [1.0])
    with pytest.raises(ValueError, match="dir2 must have length 6"):
        landscape.direction_slice(np.ones(6), np.ones(6), np.ones(5), X_GOOD, Y_GOOD)


@FAST
@given(count=bad_count)
def test_landscape_rejects_bad_counts(count):
    with pytest.raises(ValueError, match="(d|m) must"):
        landscape.unflatten(np.zeros(6), count, 2)
    with pytest.raises(ValueError, match="num must"):
        landscape.weight_slice(
            U_GOOD, ALPHA_GOOD, X_GOOD, Y_GOOD, 0, 1, (0, 1), (0, 1), num=count
        )
    for name in ("m", "n_runs", "n_steps", "record_every"):
        with pytest.raises(ValueError, match=f"{name} must"):
            landscape.showcase_runs(**{name: count}, use_cache=False)


@FAST
@given(index=st.one_of(st.integers(max_value=-1), st.integers(6, 100)))
def test_landscape_rejects_bad_indices(index):
    with pytest.raises(ValueError, match="index_x must"):
        landscape.weight_slice(
            U_GOOD, ALPHA_GOOD, X_GOOD, Y_GOOD, index, 1, (0, 1), (0, 1)
        )
    with pytest.raises(ValueError, match="neuron must"):
        landscape.neuron_slice(
            U_GOOD, ALPHA_GOOD, X_GOOD, Y_GOOD, index, (0.1, 1), (0, 1)
        )
    with pytest.raises(ValueError, match="neuron must"):
        landscape.alpha_index(2, 2, index)
    with pytest.raises(ValueError, match="row must|neuron must"):
        landscape.u_index(2, 2, index, index)


@FAST
@given(value=st.one_of(negative, non_finite))
def test_landscape_rejects_bad_beta(value):
    with pytest.raises(ValueError, match="beta must"):
        landscape.weight_slice(
            U_GOOD, ALPHA_GOOD, X_GOOD, Y_GOOD, 0, 1, (0, 1), (0, 1), beta=value
        )
    with pytest.raises(ValueError, match="beta must"):
        landscape.nonconvexity_witness(X_GOOD, Y_GOOD, beta=value)


@FAST
@given(value=st.one_of(non_positive, non_finite))
def test_landscape_rejects_non_positive_settings(value, slice_good):
    with pytest.raises(ValueError, match="step must"):
        landscape.gd_paths_on_slice(slice_good, [[0.5, 0.5]], value, 5)
    for name in ("small_scale", "large_scale", "decay_scale", "weight_decay", "step"):
        with pytest.raises(ValueError, match=f"{name} must"):
            landscape.showcase_runs(**{name: value}, use_cache=False)


@pytest.mark.parametrize("starts", [[0.5, 0.5], [[0.5, 0.5, 0.5]], [[math.nan, 0]]])
def test_slice_descent_rejects_bad_starts(starts, slice_good):
    with pytest.raises(ValueError, match="starts must"):
        landscape.gd_paths_on_slice(slice_good, starts, 0.1, 5)


def test_slice_descent_rejects_other_objects():
    with pytest.raises(ValueError, match="loss_slice must"):
        landscape.gd_paths_on_slice({"loss": 1}, [[0.0, 0.0]], 0.1, 5)


@pytest.mark.parametrize("bad_range", [(1.0, 1.0), (0.0, math.inf), (1.0,), None])
def test_landscape_rejects_bad_ranges(bad_range):
    with pytest.raises(ValueError, match="x_range"):
        landscape.weight_slice(
            U_GOOD, ALPHA_GOOD, X_GOOD, Y_GOOD, 0, 1, bad_range, (0, 1)
        )
    with pytest.raises(ValueError, match="alpha_range"):
        landscape.neuron_slice(
            U_GOOD, ALPHA_GOOD, X_GOOD, Y_GOOD, 0, (0.1, 1), bad_range
        )


def test_landscape_rejects_half_given_data():
    with pytest.raises(ValueError, match="x and y must be given together"):
        landscape.showcase_runs(x=[0.0, 1.0])
    with pytest.raises(ValueError, match="U and alpha must be given together"):
        landscape.nonconvexity_witness(X_GOOD, Y_GOOD, U=U_GOOD)


def test_rescaling_curve_rejects_bad_bounds():
    with pytest.raises(ValueError, match="s_min must"):
        landscape.rescaling_curve(U_GOOD, ALPHA_GOOD, 0, 0.0, 1.0, 5)
    with pytest.raises(ValueError, match="s_max must"):
        landscape.rescaling_curve(U_GOOD, ALPHA_GOOD, 0, 1.0, 0.5, 5)


def test_valley_demo_rejects_non_positive_scales():
    with pytest.raises(ValueError, match="scale_range must reach s > 0"):
        landscape.valley_demo(scale_range=(-2.0, -1.0), n_steps=1)


@FAST
@given(value=non_finite, index=st.integers(0, 4))
def test_showcase_rejects_non_finite_grid(value, index):
    grid = with_entry(np.linspace(-1, 1, 5), value, index)
    with pytest.raises(ValueError, match="grid must"):
        landscape.showcase_runs(grid=grid, use_cache=False)


@FAST
@given(seed=st.one_of(st.integers(max_value=-1), st.floats(), st.booleans()))
def test_showcase_rejects_bad_seed(seed):
    with pytest.raises(ValueError, match="seed must"):
        landscape.showcase_runs(seed=seed, use_cache=False)
