"""Chapter 6 shows the double-descent numbers that mathcore computes."""

from __future__ import annotations

import numpy as np
import pytest

from mathcore import datasets
from mathcore import double_descent as dd

pytestmark = pytest.mark.render


@pytest.fixture(scope="module")
def scene(rendered_chapters):
    return rendered_chapters("ch6").scene


def chapter_curve(scene, noise, ridge=0.0):
    """Return the curve of the chapter's experiment at ``noise`` and ``ridge``."""
    return dd.double_descent(
        n=scene.n, d=scene.d, noise=noise, n_trials=scene.n_trials, ridge=ridge
    )


def test_peak_width_shown_is_mathcore_peak(scene):
    # The sweep ends at the chapter's noise level, so the readout shows its peak.
    curve = chapter_curve(scene, scene.noise_sweep[-1])
    assert scene.exhibits["peak_width"].get_value() == dd.peak_width(curve)


def test_peak_width_shown_equals_n(scene):
    assert scene.exhibits["peak_width"].get_value() == scene.n


def test_peak_height_shown(scene):
    curve = chapter_curve(scene, scene.noise_sweep[-1])
    shown = scene.exhibits["peak_test_error"].get_value()
    assert round(shown, 1) == round(float(np.max(curve.test_error)), 1)


@pytest.mark.parametrize("noise", [0.1, 0.5, 1.0])
def test_peak_at_n_for_every_noise_level(scene, noise):
    assert noise in (scene.noise, *scene.noise_sweep)
    assert dd.peak_width(chapter_curve(scene, noise)) == scene.n


def test_peak_grows_with_noise(scene):
    heights = [
        float(np.max(chapter_curve(scene, noise).test_error))
        for noise in sorted({scene.noise, *scene.noise_sweep})
    ]
    assert heights == sorted(heights)


@pytest.mark.parametrize("noise", [0.1, 0.5, 1.0])
def test_training_error_zero_from_n(scene, noise):
    curve = chapter_curve(scene, noise)
    assert np.all(curve.train_error[curve.widths >= scene.n] < 1e-20)
    assert np.all(curve.train_error[curve.widths < scene.n] > 0)


def test_norm_peaks_at_n(scene):
    curve = chapter_curve(scene, scene.noise)
    assert curve.widths[np.argmax(curve.norm)] == scene.n


def test_small_ridge_flattens_most_of_peak(scene):
    plain = chapter_curve(scene, scene.noise)
    ridged = chapter_curve(scene, scene.noise, ridge=scene.ridges[0])
    assert np.max(ridged.test_error) < 0.05 * np.max(plain.test_error)


def test_larger_ridge_removes_peak(scene):
    curve = chapter_curve(scene, scene.noise, ridge=scene.ridges[-1])
    at_n = curve.test_error[curve.widths == scene.n][0]
    past = curve.test_error[curve.widths >= scene.n // 2]
    assert at_n < 1.1 * past.min()
    assert np.all(curve.train_error > 0)


def test_one_dimensional_norms_shown(scene):
    data = datasets.lecture_1d()
    for index, width in enumerate(scene.fit_widths):
        fit = dd.fit_random_features_1d(data.x, data.y, width, seed=scene.fit_seed)
        shown = scene.exhibits[f"fit_norm_{index}"].get_value()
        assert round(shown, 1) == round(fit.norm, 1)


def test_one_dimensional_widths_straddle_threshold(scene):
    data = datasets.lecture_1d()
    under, at, over = (
        dd.fit_random_features_1d(data.x, data.y, width, seed=scene.fit_seed)
        for width in scene.fit_widths
    )
    assert under.rank < data.n
    assert under.train_error > 0.1
    assert at.width == data.n
    assert at.rank == data.n
    assert over.rank == data.n
    assert at.norm > 10 * over.norm
