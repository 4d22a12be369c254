"""Chapter 2 shows the numbers that mathcore computes, at the precision shown."""

from __future__ import annotations

import numpy as np
import pytest

from mathcore import landscape, network
from mathcore import scene_data_ch23 as scene_data

pytestmark = pytest.mark.render


@pytest.fixture(scope="module")
def scene(rendered_chapters):
    return rendered_chapters("ch2").scene


@pytest.fixture(scope="module")
def fitted():
    return scene_data.chapter2_network()


def shown(scene, name):
    return scene.exhibits[name].get_value()


def test_rescaling_sweep_returns_to_one(scene):
    assert shown(scene, "rescale_factor") == pytest.approx(scene.rescale_sweep[-1])
    assert scene.rescale_sweep[-1] == 1.0


def test_rescaled_alpha_matches_mathcore(scene, fitted):
    factors = np.ones(fitted.U.shape[1])
    factors[scene.rescaled_neuron] = shown(scene, "rescale_factor")
    _, alpha = network.rescale(fitted.U, fitted.alpha, factors)
    expected = round(alpha[scene.rescaled_neuron], 2)
    assert round(shown(scene, "rescaled_alpha"), 2) == expected


def test_inactive_neuron_loss_matches_mathcore(scene, fitted):
    U, alpha = scene_data.add_neuron(
        fitted.U,
        fitted.alpha,
        [1.0, -scene.dead_kinks[-1]],
        scene.inactive_weights[-1],
    )
    expected = round(network.objective(U, alpha, fitted.X, fitted.y, 0.0), 3)
    assert round(shown(scene, "inactive_loss"), 3) == expected
    assert expected == 0.0


def test_inactive_kink_lies_past_the_data(scene, fitted):
    assert scene.dead_kinks[-1] > np.max(fitted.x)


def test_midpoint_loss_matches_witness(scene, fitted):
    witness = landscape.nonconvexity_witness(fitted.X, fitted.y, fitted.U, fitted.alpha)
    assert round(shown(scene, "midpoint_loss"), 2) == round(witness.midpoint_loss, 2)
    assert witness.endpoint_loss < 1e-8
    assert witness.midpoint_loss > 1.0


def test_one_slice_path_per_start(scene):
    assert len(scene.exhibits["slice_paths"]) == len(scene.slice_starts)


def test_slice_runs_reach_distinct_minima(scene, fitted):
    loss_slice = landscape.neuron_slice(
        fitted.U,
        fitted.alpha,
        fitted.X,
        fitted.y,
        scene.rescaled_neuron,
        scene.slice_norm_range,
        scene.slice_alpha_range,
        num=5,
    )
    paths = landscape.gd_paths_on_slice(
        loss_slice,
        np.array(scene.slice_starts),
        scene.slice_step,
        scene.slice_steps,
        record_every=scene.slice_steps,
    )
    ends = np.array([path.coords[-1] for path in paths])
    for path in paths:
        assert path.loss[-1] < 1e-6
    gaps = np.linalg.norm(ends[:, None, :] - ends[None, :, :], axis=-1)
    assert np.min(gaps[np.triu_indices(len(ends), k=1)]) > 0.1


def test_quiz_answer_is_valleys(scene):
    assert "valleys" in scene.exhibits["quiz_answer"][1][1].text
