"""The copy-free fades leave every part where Manim's fades would."""

from __future__ import annotations

import ast

import numpy as np
import pytest
from common import fades, plots
from conftest import SCENES
from manim import (
    DOWN,
    RIGHT,
    UP,
    Circle,
    FadeIn,
    FadeOut,
    Square,
    Text,
    VGroup,
    smooth,
)

# Options as the chapters use them.
CASES = [
    {},
    {"shift": UP * 0.3},
    {"shift": DOWN * 0.5 + RIGHT * 0.2, "scale": 0.8},
    {"lag_ratio": 0.2},
    {"shift": RIGHT, "lag_ratio": 0.5, "rate_func": smooth},
]


def build():
    from manim import Axes

    axes = Axes(x_range=[0, 3, 1], y_range=[0, 2, 1], x_length=4, y_length=3)
    image = plots.heatmap(axes, np.arange(12.0).reshape(3, 4))
    shapes = VGroup(
        Circle(radius=0.5, fill_opacity=0.4).shift(UP),
        Square(side_length=0.7, stroke_opacity=0.6),
        Text("fade").shift(DOWN),
    ).shift(RIGHT * 2)
    from manim import Group

    return Group(axes, image, shapes)


def look(mobject) -> list:
    """Points and colours of every part, as a list of arrays."""
    arrays = []
    for part in mobject.family_members_with_points():
        arrays.append(part.points)
        if hasattr(part, "fill_rgbas"):
            arrays += [part.fill_rgbas, part.stroke_rgbas, part.background_stroke_rgbas]
        if hasattr(part, "pixel_array"):
            arrays.append(part.pixel_array.astype(float))
    return arrays


class _Scene:
    """Stands in for a scene: fades only remove their mobject from it."""

    def remove(self, *mobjects):
        pass


def assert_same_look(ours, manims):
    first, second = look(ours), look(manims)
    assert len(first) == len(second)
    for a, b in zip(first, second, strict=True):
        assert a.shape == b.shape
        # Image alpha is rounded to whole levels in different places.
        np.testing.assert_allclose(a, b, atol=1.0 if a.ndim == 3 else 1e-9)


@pytest.mark.parametrize("options", CASES)
@pytest.mark.parametrize(
    ("ours", "manims"), [(fades.FadeIn, FadeIn), (fades.FadeOut, FadeOut)]
)
def test_fade_matches_manim_at_every_moment(ours, manims, options):
    mine, theirs = build(), build()
    animations = ours(mine, **options), manims(theirs, **options)
    for animation in animations:
        animation.begin()
    for alpha in (0.0, 0.13, 0.5, 0.87, 1.0):
        for animation in animations:
            animation.interpolate(alpha)
        assert_same_look(mine, theirs)
    for animation in animations:
        animation.finish()
        animation.clean_up_from_scene(_Scene())
    assert_same_look(mine, theirs)


def test_fade_out_restores_the_mobject():
    mobject, untouched = build(), build()
    animation = fades.FadeOut(mobject, shift=UP, scale=0.5)
    animation.begin()
    animation.interpolate(0.6)
    animation.finish()
    animation.clean_up_from_scene(_Scene())
    assert_same_look(mobject, untouched)


def test_fades_do_not_copy(monkeypatch):
    from manim import Mobject

    def no_copy(self):
        raise AssertionError("a fade copied a mobject")

    monkeypatch.setattr(Mobject, "copy", no_copy)
    animation = fades.FadeIn(build(), shift=UP)
    animation.begin()
    animation.interpolate(0.5)
    animation.finish()


def test_fade_needs_a_mobject():
    with pytest.raises(ValueError, match="at least one mobject"):
        fades.FadeIn()


CHAPTER_FILES = sorted(SCENES.glob("ch[0-9].py"))


@pytest.mark.parametrize("path", CHAPTER_FILES, ids=[p.stem for p in CHAPTER_FILES])
def test_chapters_fade_without_copies(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "manim":
            names = {alias.name for alias in node.names}
            assert not names & {"FadeIn", "FadeOut"}, "import fades from common.fades"


def test_mobject_with_updater_uses_manim_fade():
    from manim import Dot, ValueTracker

    tracker = ValueTracker(0.0)
    dot = Dot().add_updater(lambda m: m.move_to(RIGHT * tracker.get_value()))
    assert isinstance(fades.FadeIn(dot), FadeIn)
    assert isinstance(fades.FadeOut(VGroup(dot)), FadeOut)


def test_unsupported_option_uses_manim_fade():
    assert isinstance(fades.FadeIn(Circle(), target_position=UP), FadeIn)


def test_arrow_scaled_uses_manim_fade():
    from manim import Arrow

    assert isinstance(fades.FadeIn(Arrow(DOWN, UP), scale=0.5), FadeIn)
    assert not isinstance(fades.FadeIn(Arrow(DOWN, UP), shift=UP), FadeIn)
