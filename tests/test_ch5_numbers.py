"""Chapter 5 shows the numbers that mathcore computes, at the precision shown."""

from __future__ import annotations

import pytest

from mathcore import convex, datasets, path
from mathcore import scene_data_ch45 as scene_data

pytestmark = pytest.mark.render


@pytest.fixture(scope="module")
def scene(rendered_chapters):
    return rendered_chapters("ch5").scene


@pytest.fixture(scope="module")
def lecture_path():
    data = datasets.lecture_1d()
    return path.regularization_path(data.X, data.y, use_cache=False)


def shown(scene, name, decimals=0):
    """Return the exhibited value rounded to the digits on screen."""
    return round(scene.exhibits[name].get_value(), decimals)


def test_groups_in_use_match_sparsity_example(scene):
    example = scene_data.sparsity_example()
    assert shown(scene, "lasso_groups_used") == example.lasso_groups_used
    assert shown(scene, "group_lasso_groups_used") == example.group_lasso_groups_used
    assert example.group_lasso_groups_used < example.lasso_groups_used


def test_beta_max_matches_fresh_path(scene, lecture_path):
    assert shown(scene, "beta_max", 2) == round(lecture_path.beta_max, 2)


def test_width_at_lecture_beta_matches_path(scene, lecture_path):
    data = datasets.lecture_1d()
    k = scene_data.nearest_index(lecture_path.betas, data.beta)
    assert shown(scene, "lecture_beta", 3) == round(lecture_path.betas[k], 3)
    assert shown(scene, "width_at_lecture_beta") == lecture_path.n_active[k]
    cold = convex.solve(
        data.X, data.y, float(lecture_path.betas[k]), patterns=lecture_path.patterns
    )
    assert shown(scene, "width_at_lecture_beta") == cold.active.size


def test_regime_panels_match_path(scene, lecture_path):
    for r, k in enumerate(scene.regime_indices):
        assert shown(scene, f"regime_beta_{r}", 3) == round(lecture_path.betas[k], 3)
        assert shown(scene, f"regime_width_{r}") == lecture_path.n_active[k]
    widths = [shown(scene, f"regime_width_{r}") for r in range(3)]
    assert widths == sorted(widths)


def test_min_norm_width_matches_fresh_solve(scene):
    data = datasets.lecture_1d()
    solution = convex.solve(data.X, data.y, 0.0, use_cache=False)
    assert shown(scene, "regime_width_min_norm") == solution.active.size
