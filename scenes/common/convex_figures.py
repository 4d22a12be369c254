"""Figures shared by the convex-program chapters (4 and 5).

Factories return groups with named parts. None of them computes anything
beyond placing the numbers that mathcore returned.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UL,
    Animation,
    Axes,
    DecimalNumber,
    Integer,
    Line,
    Mobject,
    Rectangle,
    UpdateFromAlphaFunc,
    ValueTracker,
    VGroup,
    config,
)

from . import palette, plots, widgets

# MathTex and DecimalNumber glyphs come out about two thirds as tall as Text
# of the same font size, so formulas and numbers use these larger sizes to
# match BODY_SIZE text.
MATH_SIZE = 46
NUMBER_SIZE = 42

# Top-left corner where section headings sit, in scene units.
HEADING_CORNER = np.array([-config.frame_width / 2 + 0.4, 3.65, 0.0])


# Canvas in points on which Pango lays out Text. Manim uses the output's
# pixel size, so at the 256-pixel width of the test renders long lines wrap
# and the layout checks would measure boxes that the real video never shows.
# Text is laid out on a fixed canvas by widgets.text itself.
text = widgets.text


def section_heading(content: str) -> VGroup:
    """Return a muted section heading with an accent rule, placed top left."""
    label = text(content, size=palette.BODY_SIZE, color=palette.MUTED)
    rule = Line(label.get_left(), label.get_right(), color=palette.ACCENT)
    rule.set_stroke(width=3).next_to(label, DOWN, buff=0.1, aligned_edge=LEFT)
    group = VGroup(label, rule)
    group.move_to(HEADING_CORNER, aligned_edge=UL)
    group.label, group.rule = label, rule
    return group


def data_plot(
    xs: Sequence[float],
    ys: Sequence[float],
    x_range: Sequence[float],
    y_range: Sequence[float],
    x_length: float,
    y_length: float,
) -> VGroup:
    """Return unlabelled axes with the data's dots as parts ``.axes``, ``.dots``."""
    axes = plots.lecture_axes(x_range, y_range, x_length=x_length, y_length=y_length)
    dots = plots.data_dots(axes, xs, ys)
    group = VGroup(axes, dots)
    group.axes, group.dots = axes, dots
    return group


def sweep(tracker: ValueTracker, end: float, **kwargs) -> Animation:
    """Return an animation that moves ``tracker`` from its value to ``end``.

    ``tracker.animate`` would add the tracker to the scene, and the layout
    check fails on a ValueTracker in the scene (it has points but no fill
    or stroke), so the value moves through an empty group instead.
    ``kwargs`` go to the animation (``run_time``, ``rate_func``).
    """
    start = tracker.get_value()

    def update(_, alpha: float) -> None:
        tracker.set_value(start + alpha * (end - start))

    return UpdateFromAlphaFunc(VGroup(), update, **kwargs)


def labelled_axes(axes: Axes) -> VGroup:
    """Return the axes together with their labels, so that they move as one."""
    group = VGroup(axes, axes.labels)
    group.axes, group.labels = axes, axes.labels
    return group


def number(
    value: float,
    decimals: int = 2,
    size: float = NUMBER_SIZE,
    color=palette.FOREGROUND,
    signed: bool = False,
) -> DecimalNumber:
    """Return a DecimalNumber (an Integer when ``decimals`` is 0) in series style."""
    if decimals == 0:
        return Integer(int(value), font_size=size, color=color)
    return DecimalNumber(
        value,
        num_decimal_places=decimals,
        font_size=size,
        color=color,
        include_sign=signed,
    )


def labelled_value(
    label: str, value: Mobject, size: float = palette.BODY_SIZE, color=None
) -> VGroup:
    """Return ``label`` followed by ``value`` on one baseline, as named parts."""
    caption = text(label, size=size, color=color or palette.FOREGROUND)
    row = VGroup(caption, value).arrange(RIGHT, buff=0.2)
    value.align_to(caption, DOWN)
    row.caption, row.value = caption, value
    return row


def block_bars(
    axes: Axes,
    norms: Sequence[float],
    colors: Sequence,
    width: float = 0.6,
) -> VGroup:
    """Return one bar per block, of height ``norms[k]`` at x = k + 1.

    A zero block gets a flat bar of zero height, so every block keeps a
    mobject that later animations can address.
    """
    bars = VGroup()
    unit_x = axes.x_axis.get_unit_size()
    for k, (height, color) in enumerate(zip(norms, colors, strict=True)):
        bottom = axes.c2p(k + 1, 0)
        top = axes.c2p(k + 1, max(float(height), 0.0))
        bar = Rectangle(
            width=width * unit_x,
            height=max(top[1] - bottom[1], 1e-3),
            stroke_width=0,
            fill_color=color,
            fill_opacity=0.9,
        )
        bar.move_to(bottom, aligned_edge=DOWN)
        bars.add(bar)
    return bars
