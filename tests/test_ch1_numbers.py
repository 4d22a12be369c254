"""Chapter 1 shows the numbers mathcore computes, at the precision shown."""

from __future__ import annotations

import numpy as np
import pytest

from mathcore import datasets, network
from mathcore import scene_data_ch01 as scene_data

pytestmark = pytest.mark.render


def displayed(number):
    """Return the value a DecimalNumber shows, rounded to its decimals."""
    return round(number.get_value(), number.num_decimal_places)


@pytest.fixture(scope="module")
def scene(rendered_chapters):
    return rendered_chapters("ch1").scene


def test_kink_shown_for_final_neuron(scene):
    u1, u2, _ = scene.neuron_start
    # The chapter ends the single-neuron part with both weights negated.
    kinks = network.kinks_1d(np.array([[-u1], [-u2]]))
    assert displayed(scene.exhibits["kink"]) == pytest.approx(round(kinks.x[0], 2))


def test_sweep_ends_at_best_angles(scene):
    data = datasets.lecture_1d()
    best = scene_data.best_angle_pair(data.X, data.y)
    final = sorted(tracker.get_value() for tracker in scene.theta)
    np.testing.assert_allclose(final, np.sort(best.angles))


def test_two_neuron_loss_shown(scene):
    data = datasets.lecture_1d()
    best = scene_data.best_angle_pair(data.X, data.y)
    displayed_loss = displayed(scene.exhibits["two_neuron_loss"])
    assert displayed_loss == pytest.approx(round(best.loss, 3))
    # Two hinges cannot fit six points that rise and fall twice.
    assert displayed_loss > 0.5


def test_two_param_midpoint_loss_shown(scene):
    ends = [(1.0 / b, b) for b in scene.valley_b]
    segment = scene_data.two_param_segment(*ends)
    displayed_loss = displayed(scene.exhibits["two_param_midpoint_loss"])
    assert displayed_loss == pytest.approx(round(segment.midpoint_loss, 2))
    assert displayed_loss > 0.1
