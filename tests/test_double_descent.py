"""Double descent of minimum-norm random ReLU feature regression."""

from __future__ import annotations

import numpy as np
import pytest

from mathcore import double_descent as dd
from mathcore.cache import cache_dir

N_POINTS = 40

# Ridge penalty that removes the peak for n = 40, d = 5: it is comparable to
# the smallest squared singular values of the features near N = n.
PEAK_REMOVING_RIDGE = 0.1


@pytest.fixture(scope="module")
def curve():
    """The default curve: n = 40, d = 5, noise 0.5, computed without cache."""
    return dd.double_descent(use_cache=False)


@pytest.fixture(scope="module")
def ridge_curve():
    return dd.double_descent(ridge=PEAK_REMOVING_RIDGE, use_cache=False)


@pytest.fixture(scope="module")
def noisy_curve():
    return dd.double_descent(noise=1.0, use_cache=False)


def test_default_widths_resolve_threshold():
    widths = dd.default_widths(N_POINTS)
    assert N_POINTS in widths
    assert widths[0] == 2
    assert widths[-1] == 20 * N_POINTS
    assert np.all(np.diff(widths) > 0)
    near = widths[(widths >= 0.9 * N_POINTS) & (widths <= 1.1 * N_POINTS)]
    assert len(near) >= 5


def test_default_widths_small_n():
    widths = dd.default_widths(1)
    assert 1 in widths
    assert np.all(widths >= 1)


def test_curve_shapes(curve):
    count = len(curve.widths)
    for field in ("test_error", "test_error_q25", "test_error_q75", "train_error"):
        assert getattr(curve, field).shape == (count,)
    assert curve.norm.shape == (count,)
    assert np.all(curve.test_error_q25 <= curve.test_error)
    assert np.all(curve.test_error <= curve.test_error_q75)
    assert (curve.n, curve.d, curve.noise, curve.ridge) == (40, 5, 0.5, 0.0)


def test_peak_at_interpolation_threshold(curve):
    peak = dd.peak_width(curve)
    assert abs(peak - N_POINTS) <= 0.1 * N_POINTS


def test_peak_far_above_minimum(curve):
    assert curve.test_error.max() > 10.0 * curve.test_error.min()


def test_error_descends_again_past_peak(curve):
    assert curve.test_error[-1] < 0.1 * curve.test_error.max()


def test_norm_peaks_with_error(curve):
    assert curve.widths[np.argmax(curve.norm)] == dd.peak_width(curve)


def test_training_error_zero_past_threshold(curve):
    assert np.all(curve.train_error[curve.widths >= N_POINTS] < 1e-20)
    assert np.all(curve.train_error[curve.widths < 0.9 * N_POINTS] > 1e-3)


def test_ridge_removes_peak(curve, ridge_curve):
    widths = ridge_curve.widths
    near = (widths >= N_POINTS / 2) & (widths <= 2 * N_POINTS)
    assert ridge_curve.test_error[near].max() < 2.0 * ridge_curve.test_error[-1]
    peak = curve.widths == N_POINTS
    assert ridge_curve.test_error[peak][0] < 0.1 * curve.test_error[peak][0]


def test_higher_noise_higher_peak(curve, noisy_curve):
    assert noisy_curve.test_error.max() > 1.5 * curve.test_error.max()
    assert dd.peak_width(noisy_curve) == dd.peak_width(curve)


def test_noiseless_labels_interpolate_target():
    clean = dd.double_descent(noise=0.0, n_trials=5, use_cache=False)
    assert clean.test_error[-1] < 0.2


def test_same_seed_same_curve():
    first = dd.double_descent(n=10, widths=[5, 10, 20], n_trials=3, use_cache=False)
    second = dd.double_descent(n=10, widths=[5, 10, 20], n_trials=3, use_cache=False)
    np.testing.assert_array_equal(first.test_error, second.test_error)
    np.testing.assert_array_equal(first.norm, second.norm)


def test_width_results_independent_of_grid():
    small = dd.double_descent(n=10, widths=[5, 10], n_trials=3, use_cache=False)
    large = dd.double_descent(n=10, widths=[5, 10, 30], n_trials=3, use_cache=False)
    np.testing.assert_allclose(small.test_error, large.test_error[:2], rtol=1e-12)


def test_different_seed_different_curve():
    first = dd.double_descent(n=10, widths=[5, 10], n_trials=3, use_cache=False)
    other = dd.double_descent(n=10, widths=[5, 10], n_trials=3, seed=1, use_cache=False)
    assert not np.array_equal(first.test_error, other.test_error)


def test_cache_returns_same_curve(tmp_path, monkeypatch):
    monkeypatch.setenv("MATHCORE_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("MATHCORE_NO_CACHE", raising=False)
    options = {"n": 10, "widths": [5, 10, 20], "n_trials": 3}
    fresh = dd.double_descent(**options, use_cache=False)
    stored = dd.double_descent(**options)
    assert list((cache_dir() / "double_descent").glob("*.pkl"))
    loaded = dd.double_descent(**options)
    np.testing.assert_array_equal(stored.test_error, fresh.test_error)
    np.testing.assert_array_equal(loaded.test_error, fresh.test_error)
    np.testing.assert_array_equal(loaded.widths, fresh.widths)


def test_peak_width_rejects_other_objects():
    with pytest.raises(ValueError, match="DoubleDescentCurve"):
        dd.peak_width({"widths": [1, 2]})


@pytest.fixture(scope="module")
def points_1d():
    rng = np.random.default_rng(3)
    x = np.sort(rng.uniform(-1.0, 1.0, 12))
    y = np.sin(3.0 * x) + 0.3 * rng.standard_normal(12)
    return x, y


def test_fit_1d_interpolates_above_threshold(points_1d):
    x, y = points_1d
    fit = dd.fit_random_features_1d(x, y, 200, seed=0)
    assert fit.train_error < 1e-20
    np.testing.assert_allclose(fit.fitted, y, atol=1e-9)
    assert fit.grid.shape == fit.values.shape == (200,)
    assert fit.first_layer.shape == (2, 200)
    assert fit.output_weights.shape == (200,)


def test_fit_1d_underfits_below_threshold(points_1d):
    x, y = points_1d
    fit = dd.fit_random_features_1d(x, y, 3, seed=0)
    assert fit.train_error > 1e-3


def test_fit_1d_rank_reaches_n_late(points_1d):
    x, y = points_1d
    ranks = [dd.fit_random_features_1d(x, y, w, seed=0).rank for w in (3, 12, 400)]
    assert ranks[0] <= 3
    # Kinks of 1-D features rarely fall in narrow gaps, so width n is short
    # of full rank.
    assert ranks[1] < len(x)
    assert ranks[2] == len(x)


def test_fit_1d_output_weights_min_norm(points_1d):
    x, y = points_1d
    fit = dd.fit_random_features_1d(x, y, 40, seed=0)
    inputs = np.column_stack([x, np.ones_like(x)])
    features = np.maximum(inputs @ fit.first_layer, 0.0) / np.sqrt(40)
    # The minimum-norm solution lies in the row space of the features.
    _, singular, right_t = np.linalg.svd(features)
    null_rows = right_t[np.sum(singular > 1e-10 * singular[0]) :]
    np.testing.assert_allclose(null_rows @ fit.output_weights, 0.0, atol=1e-8)


def test_fit_1d_values_match_features(points_1d):
    x, y = points_1d
    fit = dd.fit_random_features_1d(x, y, 30, seed=2, grid=x)
    np.testing.assert_allclose(fit.values, fit.fitted, atol=1e-12)
    inputs = np.column_stack([x, np.ones_like(x)])
    features = np.maximum(inputs @ fit.first_layer, 0.0) / np.sqrt(30)
    np.testing.assert_allclose(features @ fit.output_weights, fit.fitted, atol=1e-12)


def test_fit_1d_ridge_shrinks_norm(points_1d):
    x, y = points_1d
    plain = dd.fit_random_features_1d(x, y, 12, seed=0)
    ridged = dd.fit_random_features_1d(x, y, 12, seed=0, ridge=0.1)
    assert ridged.norm < plain.norm
    assert ridged.train_error > plain.train_error


def test_fit_1d_default_grid_covers_data(points_1d):
    x, y = points_1d
    fit = dd.fit_random_features_1d(x, y, 20, num=50)
    assert fit.grid.shape == (50,)
    assert fit.grid[0] < x.min()
    assert fit.grid[-1] > x.max()


def test_gram_fit_matches_svd_fit():
    rng = np.random.default_rng(11)
    inputs = rng.standard_normal((4, 20, 5))
    features = dd._relu_features(inputs, rng.standard_normal((4, 5, 120)))
    labels = rng.standard_normal((4, 20))
    for ridge in (0.0, 0.1):
        by_gram = dd._fit_by_gram(features, labels, ridge)
        by_svd = dd._fit_by_svd(features, labels, ridge)
        np.testing.assert_allclose(by_gram, by_svd, rtol=1e-9, atol=1e-12)


def test_gram_fit_declines_ill_conditioned():
    features = np.ones((1, 3, 10))
    assert dd._fit_by_gram(features, np.ones((1, 3)), 0.0) is None
    weights = dd._fit_output_weights(features, np.ones((1, 3)), 0.0)
    np.testing.assert_allclose(features[0] @ weights[0], np.ones(3), atol=1e-12)
