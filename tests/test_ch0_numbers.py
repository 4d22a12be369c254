"""Chapter 0 shows the numbers mathcore computes, at the precision shown."""

from __future__ import annotations

import numpy as np
import pytest

from mathcore import datasets, leastsq, network
from mathcore import scene_data_ch01 as scene_data

pytestmark = pytest.mark.render


def displayed(number):
    """Return the value a DecimalNumber shows, rounded to its decimals."""
    return round(number.get_value(), number.num_decimal_places)


@pytest.fixture(scope="module")
def scene(rendered_chapters):
    return rendered_chapters("ch0").scene


@pytest.fixture(scope="module")
def experiment(scene):
    data = datasets.lecture_1d()
    return scene_data.fitting_runs(
        data.X,
        data.y,
        m=scene.width,
        n_runs=scene.n_runs,
        scale=scene.init_scale,
        step=scene.step,
        n_steps=scene.n_steps,
        record_every=scene.record_every,
        tol=scene.fit_tol,
    )


def assert_scientific(number, expected):
    """Check a ScientificNumber against ``expected`` to its last digit."""
    exponent = int(number.exponent.get_value())
    mantissa = number.mantissa.get_value()
    decimals = number.mantissa.num_decimal_places
    assert mantissa == pytest.approx(round(expected / 10.0**exponent, decimals))
    assert 1 <= mantissa < 10


def test_one_curve_per_fitted_run(scene, experiment):
    assert len(scene.curves) == len(experiment.runs)
    assert all(curve is not None for curve in scene.curves)


def test_final_losses_shown(scene, experiment):
    for k, run in enumerate(experiment.runs):
        assert_scientific(scene.exhibits[f"final_loss_{k}"], float(run.loss[-1]))
        assert run.loss[-1] < scene.fit_tol


def test_seed_counts_shown(scene, experiment):
    assert displayed(scene.exhibits["fitted_runs"]) == len(experiment.seeds)
    assert displayed(scene.exhibits["seeds_tried"]) == experiment.tried


def test_symmetries_keep_predictions(scene, experiment):
    grid = network.add_bias(np.linspace(-2.2, 2.2, 89))
    U, alpha = experiment.runs[0].final
    original = network.predict(U, alpha, grid)
    for transformed in scene.symmetric_networks:
        np.testing.assert_allclose(network.predict(*transformed, grid), original)
        assert not np.allclose(transformed[0], U)


def test_spreads_shown(scene, experiment):
    data = datasets.lecture_1d()
    grid = np.linspace(data.x.min(), data.x.max(), 361)
    spread = scene_data.disagreement_1d(
        [run.final for run in experiment.runs], data.x, grid
    )
    assert displayed(scene.exhibits["spread_between"]) == pytest.approx(
        round(spread.spread, 2)
    )
    assert_scientific(scene.exhibits["spread_on_data"], spread.data_spread)


def test_unique_solution_shown(scene):
    A, b = scene_data.determined_system()
    solution = np.linalg.solve(A, b)
    assert displayed(scene.exhibits["unique_w1"]) == pytest.approx(solution[0])
    assert displayed(scene.exhibits["unique_w2"]) == pytest.approx(solution[1])


def test_least_squares_midpoint_zero(scene):
    A, b = leastsq.chapter3_system()
    ends = [
        leastsq.gradient_descent(
            A, b, scene.lsq_starts[k], scene.lsq_step, scene.lsq_steps
        ).iterates[-1]
        for k in scene.midpoint_paths
    ]
    segment = scene_data.least_squares_segment(A, b, *ends)
    displayed_loss = displayed(scene.exhibits["least_squares_midpoint_loss"])
    assert displayed_loss == pytest.approx(round(segment.midpoint_loss, 2))
    assert displayed_loss == 0.0


def test_network_midpoint_loss_shown(scene, experiment):
    data = datasets.lecture_1d()
    first, second = (experiment.runs[k].final for k in scene.segment_runs)
    segment = scene_data.network_segment(first, second, data.X, data.y)
    displayed_loss = displayed(scene.exhibits["network_midpoint_loss"])
    assert displayed_loss == pytest.approx(round(segment.midpoint_loss, 2))
    assert displayed_loss > 1.0
