"""Values of the double-descent and showcase chapters."""

from __future__ import annotations

import numpy as np
import pytest

from mathcore import datasets, landscape, network, twoparam
from mathcore import scene_data_ch67 as sd


def test_classical_sketch_shapes():
    sketch = sd.classical_tradeoff(num=51)
    assert sketch.capacity.shape == (51,)
    assert sketch.train_error.shape == (51,)
    assert sketch.test_error.shape == (51,)


def test_classical_training_error_falls():
    sketch = sd.classical_tradeoff()
    assert np.all(np.diff(sketch.train_error) < 0)


def test_classical_sweet_spot_inside():
    sketch = sd.classical_tradeoff()
    best = sketch.sweet_spot
    assert 0 < best < len(sketch.capacity) - 1
    assert sketch.test_error[best] == sketch.test_error.min()


def test_classical_test_error_above_training():
    sketch = sd.classical_tradeoff()
    assert np.all(sketch.test_error > sketch.train_error)


def test_classical_rejects_too_few_points():
    with pytest.raises(ValueError, match="num"):
        sd.classical_tradeoff(num=2)


@pytest.fixture(scope="module")
def tiny_runs():
    return sd.tiny_showcase()


def test_tiny_showcase_groups(tiny_runs):
    groups = [run.group for run in tiny_runs]
    assert groups == [name for name in sd.TINY_GROUPS for _ in range(6)]


def test_tiny_starts_positive(tiny_runs):
    for run in tiny_runs:
        assert np.all(run.path[0] > 0)


def test_tiny_large_and_decay_share_starts(tiny_runs):
    large = [run.path[0] for run in tiny_runs if run.group == "large"]
    decay = [run.path[0] for run in tiny_runs if run.group == "weight_decay"]
    np.testing.assert_allclose(large, decay)


def test_tiny_small_starts_end_at_min_norm(tiny_runs):
    best = np.array(twoparam.min_norm_point())
    for run in tiny_runs:
        if run.group == "small":
            assert np.linalg.norm(run.end - best) < 0.01
            assert run.loss < 1e-8


def test_tiny_large_starts_keep_balance(tiny_runs):
    for run in tiny_runs:
        if run.group != "large":
            continue
        a0, b0 = run.path[0]
        a, b = run.end
        assert run.loss < 1e-8
        # Discrete steps move the balance b^2 - a^2 by O(step) only.
        assert abs((b**2 - a**2) - (b0**2 - a0**2)) < 0.05 * max(
            1.0, abs(b0**2 - a0**2)
        )
        expected = twoparam.flow_endpoint(a0, b0)
        np.testing.assert_allclose(run.end, expected, atol=0.05)


def test_tiny_large_norms_exceed_min_norm(tiny_runs):
    for run in tiny_runs:
        if run.group == "large":
            assert run.norm > np.sqrt(2.0)


def test_tiny_weight_decay_reaches_minimizer(tiny_runs):
    for run in tiny_runs:
        if run.group == "weight_decay":
            expected = twoparam.weight_decay_minimizer(run.weight_decay)
            np.testing.assert_allclose(run.end, expected, atol=1e-4)


def test_tiny_norm_is_endpoint_length(tiny_runs):
    for run in tiny_runs:
        assert run.norm == pytest.approx(np.hypot(*run.end))


def test_tiny_showcase_rejects_decay_of_one():
    with pytest.raises(ValueError, match="weight_decay"):
        sd.tiny_showcase(weight_decay=1.0)


def test_tiny_showcase_rejects_zero_radius():
    with pytest.raises(ValueError, match="small_radius"):
        sd.tiny_showcase(small_radius=0.0)


def test_tiny_landscape_excess_nonnegative():
    grid = sd.tiny_landscape((-0.3, 2.8), (-0.3, 2.8), 81, weight_decay=0.2)
    assert np.all(grid.excess >= -1e-12)
    assert grid.excess.min() < 1e-3


def test_tiny_landscape_minimum_value():
    grid = sd.tiny_landscape((0.0, 2.0), (0.0, 2.0), 11, weight_decay=0.2)
    # At a = b = sqrt(0.8): (0.8 - 1)^2 / 2 + 0.1 * 1.6 = 0.18.
    assert grid.minimum == pytest.approx(0.18)


def test_tiny_landscape_without_decay_is_loss():
    grid = sd.tiny_landscape((0.0, 2.0), (0.0, 2.0), 11)
    _, _, loss = twoparam.loss_grid((0.0, 2.0), (0.0, 2.0), 11)
    np.testing.assert_allclose(grid.excess, loss)


@pytest.fixture(scope="module")
def lecture_min_norm():
    data = datasets.lecture_1d()
    return data, sd.min_norm_interpolant(data.x, data.y)


def test_min_norm_interpolant_fits_data(lecture_min_norm):
    data, smallest = lecture_min_norm
    fitted = network.predict(smallest.U, smallest.alpha, network.add_bias(data.x))
    np.testing.assert_allclose(fitted, data.y, atol=1e-5)


def test_min_norm_interpolant_balanced(lecture_min_norm):
    _, smallest = lecture_min_norm
    np.testing.assert_allclose(
        np.linalg.norm(smallest.U, axis=0), np.abs(smallest.alpha), rtol=1e-6
    )


def test_min_norm_norm_matches_objective(lecture_min_norm):
    _, smallest = lecture_min_norm
    assert smallest.norm**2 / 2 == pytest.approx(smallest.objective, rel=1e-5)


def test_min_norm_rejects_mismatched_lengths():
    with pytest.raises(ValueError, match="y"):
        sd.min_norm_interpolant([0.0, 1.0], [1.0])


@pytest.fixture(scope="module")
def showcase():
    return landscape.showcase_runs()


def test_group_norms_match_runs(showcase):
    summaries = sd.group_norms(showcase)
    assert [s.group for s in summaries] == list(landscape.SHOWCASE_GROUPS)
    for summary in summaries:
        runs = showcase.group(summary.group)
        np.testing.assert_array_equal(summary.norms, [run.norm for run in runs])
        assert summary.low == min(run.norm for run in runs)
        assert summary.high == max(run.norm for run in runs)
        np.testing.assert_array_equal(
            summary.interpolates, [run.interpolates for run in runs]
        )


def test_group_norms_rejects_other_objects():
    with pytest.raises(ValueError, match="Showcase"):
        sd.group_norms([1.0, 2.0])
