"""Chapter 3 shows the numbers that mathcore computes, at the precision shown."""

from __future__ import annotations

import math

import numpy as np
import pytest

from mathcore import leastsq, twoparam

pytestmark = pytest.mark.render


@pytest.fixture(scope="module")
def scene(rendered_chapters):
    return rendered_chapters("ch3").scene


def shown(scene, name, decimals=2):
    return round(scene.exhibits[name].get_value(), decimals)


def relu_run(scene, start, weight_decay=0.0):
    return twoparam.gradient_descent(
        *start,
        scene.relu_step,
        scene.relu_steps,
        weight_decay=weight_decay,
        record_every=scene.relu_record_every,
    )


def test_min_norm_solution_matches_mathcore(scene):
    w_star = leastsq.min_norm_solution(*leastsq.chapter3_system())
    assert shown(scene, "min_norm_w1") == round(w_star[0], 2)
    assert shown(scene, "min_norm_w2") == round(w_star[1], 2)


def test_step_bound_matches_mathcore(scene):
    A, _ = leastsq.chapter3_system()
    assert shown(scene, "step_bound") == round(leastsq.step_bound(A), 2)


def test_step_sweep_ends_below_bound(scene):
    A, _ = leastsq.chapter3_system()
    final = scene.exhibits["step_size"].get_value()
    assert final == pytest.approx(scene.step_sweep[-1])
    assert final < leastsq.step_bound(A)


def test_step_sweep_crosses_bound(scene):
    A, _ = leastsq.chapter3_system()
    assert max(scene.step_sweep) > leastsq.step_bound(A)


def test_one_path_per_other_start(scene):
    assert len(scene.exhibits["other_runs"]) == len(scene.other_starts)


def test_other_runs_reach_projections(scene):
    A, b = leastsq.chapter3_system()
    for start in scene.other_starts:
        run = leastsq.gradient_descent(
            A, b, np.array(start), scene.ls_step, scene.ls_steps
        )
        expected = leastsq.project_onto_solutions(A, b, np.array(start))
        np.testing.assert_allclose(run.iterates[-1], expected, atol=1e-6)


def test_small_start_ends_near_flow_limit(scene):
    a, b = twoparam.flow_endpoint(*scene.small_start)
    assert shown(scene, "small_end_a") == round(a, 2)
    assert shown(scene, "small_end_b") == round(b, 2)
    assert (round(a, 2), round(b, 2)) != twoparam.min_norm_point()


def test_small_start_balance_conserved(scene):
    a0, b0 = scene.small_start
    assert shown(scene, "small_balance") == round(b0**2 - a0**2, 2)


@pytest.mark.parametrize("k", [0, 1])
def test_unbalanced_balance_conserved(scene, k):
    a0, b0 = scene.unbalanced_starts[k]
    assert shown(scene, f"unbalanced_{k}_balance") == round(b0**2 - a0**2, 2)


@pytest.mark.parametrize("k", [0, 1])
def test_unbalanced_end_matches_flow_and_descent(scene, k):
    start = scene.unbalanced_starts[k]
    flow = twoparam.flow_endpoint(*start)
    descent = relu_run(scene, start).path[-1]
    for name, flow_value, descent_value in zip(("a", "b"), flow, descent, strict=True):
        assert shown(scene, f"unbalanced_{k}_end_{name}") == round(flow_value, 2)
        assert shown(scene, f"unbalanced_{k}_end_{name}") == round(descent_value, 2)


def test_dead_start_loss_is_one_half(scene):
    assert twoparam.ends_dead(*scene.dead_start)
    assert shown(scene, "dead_loss", 3) == round(
        relu_run(scene, scene.dead_start).loss[-1], 3
    )
    assert shown(scene, "dead_loss", 3) == 0.5


def test_decay_minimizer_matches_mathcore(scene):
    a, _ = twoparam.weight_decay_minimizer(scene.weight_decay)
    assert shown(scene, "decay_minimizer") == round(a, 2)
    assert a == pytest.approx(math.sqrt(1.0 - scene.weight_decay))


def test_one_decay_path_per_start(scene):
    starts = [scene.small_start, *scene.unbalanced_starts, scene.dead_start]
    assert len(scene.exhibits["decay_paths"]) == len(starts)


def test_decay_runs_meet_at_minimizer(scene):
    starts = [scene.small_start, *scene.unbalanced_starts, scene.dead_start]
    target = twoparam.weight_decay_minimizer(scene.weight_decay)
    for start in starts[:-1]:
        end = relu_run(scene, start, scene.weight_decay).path[-1]
        np.testing.assert_allclose(end, target, atol=1e-3)
    dead_end = relu_run(scene, scene.dead_start, scene.weight_decay).path[-1]
    assert np.linalg.norm(dead_end) < 1e-2
