"""Chapter 4 shows the numbers that mathcore computes, at the precision shown."""

from __future__ import annotations

import numpy as np
import pytest

from mathcore import convex, datasets, patterns
from mathcore import scene_data_ch45 as scene_data

pytestmark = pytest.mark.render


@pytest.fixture(scope="module")
def scene(rendered_chapters):
    return rendered_chapters("ch4").scene


def shown(scene, name):
    return scene.exhibits[name].get_value()


def shown_digits(scene, name, decimals):
    """Return the exhibited value rounded to the digits on screen."""
    return round(shown(scene, name), decimals)


def test_pattern_counter_reaches_all_patterns(scene):
    plane = datasets.plane_points(scene.plane_n, scene.plane_seed)
    expected = len(patterns.enumerate_patterns_2d(plane.x))
    assert shown(scene, "pattern_count") == expected
    assert shown(scene, "pattern_total") == expected
    assert expected == 2 * scene.plane_n


def test_pattern_subsets_are_two_to_the_n(scene):
    assert shown(scene, "pattern_subsets") == 2**scene.plane_n


def test_count_table_matches_mathcore(scene):
    rows = scene_data.pattern_counts(
        list(scene.count_cases), n_samples=scene.count_samples
    )
    for r, row in enumerate(rows):
        assert shown(scene, f"count_exact_{r}") == row.exact
        assert shown(scene, f"count_bound_{r}") == row.bound
        assert shown(scene, f"count_sampled_{r}") == row.sampled
        assert shown(scene, f"count_subsets_{r}") == row.subsets


def test_count_table_includes_known_case(scene):
    cases = list(scene.count_cases)
    r = cases.index((8, 3))
    assert shown(scene, f"count_exact_{r}") == 58
    assert shown(scene, f"count_bound_{r}") == 58


def test_min_norm_values_match_fresh_solves(scene):
    data = datasets.lecture_1d()
    relu = convex.solve(data.X, data.y, 0.0, use_cache=False).objective
    gated = convex.solve(data.X, data.y, 0.0, gated=True, use_cache=False).objective
    assert shown_digits(scene, "relu_min_norm", 2) == round(relu, 2)
    assert shown_digits(scene, "gated_min_norm", 2) == round(gated, 2)
    assert gated <= relu


def test_convex_optimum_and_blocks_match_fresh_solve(scene):
    data = datasets.lecture_1d()
    solution = convex.solve(data.X, data.y, data.beta, use_cache=False)
    assert shown_digits(scene, "convex_optimum", 4) == round(solution.objective, 4)
    assert shown(scene, "block_total") == solution.block_norms.size
    assert shown(scene, "block_active") == solution.active.size


def test_output_weights_match_recovery(scene):
    data = datasets.lecture_1d()
    _, alpha = convex.solve(data.X, data.y, data.beta, use_cache=False).network()
    for j, value in enumerate(alpha):
        assert shown_digits(scene, f"alpha_{j}", 2) == round(value, 2)


def test_gradient_descent_objectives_match_fresh_runs(scene):
    data = datasets.lecture_1d()
    runs = scene_data.train_from_seeds(
        data.X,
        data.y,
        data.beta,
        scene.gd_width,
        scene.gd_init_scale,
        scene.gd_step,
        scene.gd_steps,
        seeds=scene.gd_seeds,
        record_every=1,
        use_cache=False,
    )
    for k, value in enumerate(runs.final_objective):
        assert shown_digits(scene, f"gd_objective_{k}", 4) == round(value, 4)
    assert scene.gd_curves_drawn == len(scene.gd_seeds)
    assert shown(scene, "gd_steps") == runs.steps[-1] == scene.gd_steps


def test_gradient_descent_never_below_optimum(scene):
    optimum = shown_digits(scene, "convex_optimum", 4)
    values = np.array(
        [
            shown_digits(scene, f"gd_objective_{k}", 4)
            for k in range(len(scene.gd_seeds))
        ]
    )
    assert np.all(values >= optimum)
    assert np.any(values == optimum)
