"""Chapter 7 shows the norms and endpoints that mathcore computes."""

from __future__ import annotations

import pytest

from mathcore import convex, landscape, network, twoparam
from mathcore import scene_data_ch67 as sd

pytestmark = pytest.mark.render


@pytest.fixture(scope="module")
def scene(rendered_chapters):
    return rendered_chapters("ch7").scene


@pytest.fixture(scope="module")
def showcase():
    return landscape.showcase_runs()


@pytest.fixture(scope="module")
def smallest(showcase):
    return sd.min_norm_interpolant(showcase.x, showcase.y)


def test_bar_count_equals_runs(scene, showcase):
    assert sum(len(group) for group in scene.bars) == len(showcase.runs)


@pytest.mark.parametrize("group", landscape.SHOWCASE_GROUPS)
def test_norm_range_shown(scene, showcase, group):
    summary = next(s for s in sd.group_norms(showcase) if s.group == group)
    low = scene.exhibits[f"norm_low_{group}"].get_value()
    high = scene.exhibits[f"norm_high_{group}"].get_value()
    assert round(low, 2) == round(summary.low, 2)
    assert round(high, 2) == round(summary.high, 2)


def test_min_norm_reference_shown(scene, smallest):
    shown = scene.exhibits["min_norm_interpolant"].get_value()
    assert round(shown, 2) == round(smallest.norm, 2)


def test_small_starts_just_above_min_norm(showcase, smallest):
    for run in showcase.group("small"):
        if run.interpolates:
            assert smallest.norm <= run.norm <= 1.02 * smallest.norm


def test_large_starts_twice_min_norm(showcase, smallest):
    for run in showcase.group("large"):
        if run.interpolates:
            assert run.norm > 2 * smallest.norm


def test_weight_decay_runs_agree(showcase):
    norms = [run.norm for run in showcase.group("weight_decay")]
    assert max(norms) - min(norms) < 1e-6


def test_weight_decay_objective_shown(scene, showcase):
    run = showcase.group("weight_decay")[0]
    shown = scene.exhibits["decay_objective"].get_value()
    assert round(shown, 4) == round(float(run.objective[-1]), 4)


def test_convex_optimum_shown(scene, showcase):
    beta = showcase.group("weight_decay")[0].beta
    optimum = convex.solve(network.add_bias(showcase.x), showcase.y, beta)
    shown = scene.exhibits["convex_optimum"].get_value()
    assert round(shown, 4) == round(optimum.objective, 4)
    assert round(shown, 4) == round(scene.exhibits["decay_objective"].get_value(), 4)


def test_stalled_runs_share_one_seed(showcase):
    stalled = [run for run in showcase.runs if run.beta == 0 and not run.interpolates]
    assert len(stalled) == 2
    assert len({run.seed for run in stalled}) == 1


def test_stalled_fit_shown(scene, showcase):
    stalled = [run for run in showcase.runs if run.beta == 0 and not run.interpolates]
    shown = scene.exhibits["stalled_fit"].get_value()
    for run in stalled:
        assert round(shown, 3) == round(run.fit, 3)


def test_tiny_weight_decay_endpoint_shown(scene):
    expected = twoparam.weight_decay_minimizer(scene.tiny_decay)
    assert round(scene.exhibits["decay_end_a"].get_value(), 3) == round(expected[0], 3)
    assert round(scene.exhibits["decay_end_b"].get_value(), 3) == round(expected[1], 3)
