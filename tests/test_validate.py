"""Input checks: each error names the parameter, the value and the rule."""

from __future__ import annotations

import numpy as np
import pytest

from mathcore import _validate as validate


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ([[1.0, np.nan]], "finite"),
        ([[1.0, np.inf]], "finite"),
        ([1.0, 2.0], "2-dimensional"),
        ([[1.0], [1.0, 2.0]], "numeric"),
        (np.zeros((0, 2)), "at least 1 row"),
        (np.zeros((2, 0)), "no empty axis"),
        ([["a", "b"]], "real numbers"),
        ([True, False], "real numbers"),
        ([[1 + 2j, 3]], "real numbers"),
        ([[1.0, 1e101]], "magnitude at most"),
    ],
)
def test_matrix_rejections(value, message):
    with pytest.raises(ValueError, match=message) as error:
        validate.as_matrix("X", value)
    assert str(error.value).startswith("X ")


def test_vector_length_checked():
    with pytest.raises(ValueError, match="y must have length 3, got length 2"):
        validate.as_vector("y", [1.0, 2.0], length=3)


def test_data_lengths_must_agree():
    with pytest.raises(ValueError, match="y must have length 2"):
        validate.as_data([[1.0], [2.0]], [1.0, 2.0, 3.0])


@pytest.mark.parametrize(
    "value", [float("nan"), float("inf"), "0.1", None, True, 1e101, -1e300]
)
def test_real_rejections(value):
    with pytest.raises(ValueError, match="beta"):
        validate.as_real("beta", value, minimum=0.0)


def test_real_bounds():
    assert validate.as_real("beta", 0.0, minimum=0.0) == 0.0
    with pytest.raises(ValueError, match=r"beta must be >= 0.0, got -0.1"):
        validate.as_real("beta", -0.1, minimum=0.0)
    with pytest.raises(ValueError, match=r"step must be > 0.0, got 0.0"):
        validate.as_real("step", 0.0, minimum=0.0, strict=True)
    with pytest.raises(ValueError, match=r"ratio must be <= 1.0"):
        validate.as_real("ratio", 2.0, maximum=1.0)


@pytest.mark.parametrize("value", [0, -3, 2.5, True, "4"])
def test_count_rejections(value):
    with pytest.raises(ValueError, match="n_trials"):
        validate.as_count("n_trials", value)


def test_count_accepts_numpy_integer():
    assert validate.as_count("n", np.int64(4)) == 4


def test_seed_must_be_non_negative():
    with pytest.raises(ValueError, match="seed must be >= 0"):
        validate.as_seed(-1)


def test_flag_rejects_truthy_strings():
    with pytest.raises(ValueError, match="use_cache must be True or False"):
        validate.as_flag("use_cache", "no")
    assert validate.as_flag("gated", np.bool_(True)) is True
