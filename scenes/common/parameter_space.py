"""Builders for pictures of weight space: paths, points and live readouts.

Chapters 2 and 3 draw gradient-descent paths and zero-loss sets in planes of
weights.  A diverging run leaves its axes in any direction, so paths here are
clipped to the axes' whole box, not only to the y-range as
:func:`common.plots.polyline` does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Axes,
    DecimalNumber,
    Dot,
    LineJointType,
    MathTex,
    ValueTracker,
    VGroup,
    VMobject,
)

from . import palette


def clip_segment(
    start: np.ndarray,
    end: np.ndarray,
    x_range: Sequence[float],
    y_range: Sequence[float],
) -> tuple[np.ndarray, np.ndarray] | None:
    """Clip the segment from ``start`` to ``end`` to a box (Liang-Barsky).

    Returns
    -------
    tuple of ndarray or None
        The part of the segment inside ``[x_min, x_max] x [y_min, y_max]``,
        or None when no part of it is inside.
    """
    delta = end - start
    low, high = 0.0, 1.0
    for p, q in (
        (-delta[0], start[0] - x_range[0]),
        (delta[0], x_range[1] - start[0]),
        (-delta[1], start[1] - y_range[0]),
        (delta[1], y_range[1] - start[1]),
    ):
        if p == 0:
            if q < 0:
                return None
            continue
        ratio = q / p
        if p < 0:
            low = max(low, ratio)
        else:
            high = min(high, ratio)
        if low > high:
            return None
    return start + low * delta, start + high * delta


def clip_path(
    points: np.ndarray, x_range: Sequence[float], y_range: Sequence[float]
) -> list[np.ndarray]:
    """Split a path into its pieces inside a box.

    Parameters
    ----------
    points : ndarray of shape (k, 2)
        Vertices of the path.
    x_range, y_range : sequence of float
        ``(min, max, ...)`` of the box; extra entries (a tick step) are ignored.

    Returns
    -------
    list of ndarray of shape (j, 2)
        Each piece's vertices, with crossings of the box as new vertices.
    """
    points = np.asarray(points, dtype=float)[:, :2]
    inside = (
        (points[:, 0] >= x_range[0])
        & (points[:, 0] <= x_range[1])
        & (points[:, 1] >= y_range[0])
        & (points[:, 1] <= y_range[1])
    )
    if inside.all():
        return [points] if len(points) >= 2 else []
    pieces: list[list[np.ndarray]] = []
    current: list[np.ndarray] = []
    for start, end in zip(points[:-1], points[1:], strict=True):
        clipped = clip_segment(start, end, x_range, y_range)
        if clipped is None:
            if current:
                pieces.append(current)
                current = []
            continue
        first, last = clipped
        if current and np.array_equal(current[-1], first):
            current.append(last)
        else:
            if current:
                pieces.append(current)
            current = [first, last]
        if not np.array_equal(last, end):
            pieces.append(current)
            current = []
    if current:
        pieces.append(current)
    return [np.array(piece) for piece in pieces if len(piece) >= 2]


def path_in_axes(
    axes: Axes,
    points: np.ndarray,
    color=palette.FOREGROUND,
    stroke_width: float = 3.0,
) -> VGroup:
    """Return the path through ``points`` (shape (k, 2)), clipped to the axes' box."""
    group = VGroup()
    for piece in clip_path(points, axes.x_range, axes.y_range):
        line = VMobject(
            color=color, stroke_width=stroke_width, joint_type=LineJointType.MITER
        )
        corners = np.column_stack([piece, np.zeros(len(piece))]) @ axes_matrix(
            axes
        ) + axes.c2p(0, 0)
        line.set_points_as_corners(corners)
        group.add(line)
    return group


def level_curves(
    axes: Axes, levels: Sequence[Sequence[np.ndarray]], dimming: float
) -> VGroup:
    """Return contour lines of a loss, the lowest level brightest.

    ``levels`` holds, for each level from the lowest up, the pieces of its
    curve as arrays of points.  Opacity falls from 0.85 at the lowest level by
    ``dimming`` at the highest, so the floor of the bowl is easiest to see.
    """
    contours = VGroup()
    for k, pieces in enumerate(levels):
        opacity = 0.85 - dimming * k / max(1, len(levels) - 1)
        for piece in pieces:
            contours.add(
                path_in_axes(
                    axes, piece, color=palette.VALLEY, stroke_width=2
                ).set_stroke(opacity=opacity)
            )
    return contours


def axes_matrix(axes: Axes) -> np.ndarray:
    """Return the 3-by-3 matrix taking axes coordinates to scene offsets.

    Linear axes map a coordinate vector ``c`` to ``c2p(0, 0) + c @ M``, which
    saves calling ``c2p`` once per vertex of a long path.  Axes with a
    logarithmic x-axis are not linear, so they must not use this.
    """
    origin = axes.c2p(0, 0)
    return np.array([axes.c2p(1, 0) - origin, axes.c2p(0, 1) - origin, [0, 0, 0]])


def inside_axes(axes: Axes, point: Sequence[float]) -> bool:
    """Return whether ``point`` (two coordinates) lies in the axes' box."""
    return (
        axes.x_range[0] <= point[0] <= axes.x_range[1]
        and axes.y_range[0] <= point[1] <= axes.y_range[1]
    )


def point_on_path(points: np.ndarray, position: float) -> np.ndarray:
    """Return the point at fractional index ``position`` along recorded ``points``.

    Position 2.5 is halfway between rows 2 and 3. Positions outside the rows
    are clamped to the first or last row.
    """
    last = len(points) - 1
    position = min(max(position, 0.0), float(last))
    index = min(int(position), last - 1) if last > 0 else 0
    fraction = position - index
    if last == 0:
        return np.asarray(points[0], dtype=float)
    return (1 - fraction) * points[index] + fraction * points[index + 1]


def follower_dot(
    axes: Axes,
    points: np.ndarray,
    tracker: ValueTracker,
    color=palette.FOREGROUND,
    radius: float = 0.08,
) -> Dot:
    """Return a dot that sits at row ``tracker`` (fractional) of ``points``."""
    dot = Dot(radius=radius, color=color)

    def follow(mobject: Dot) -> None:
        x, y = point_on_path(points, tracker.get_value())
        mobject.move_to(axes.c2p(x, y))

    follow(dot)
    dot.add_updater(follow)
    return dot


def follow_value(
    number: DecimalNumber, value: Callable[[], float], keep_center: bool = False
) -> DecimalNumber:
    """Make ``number`` show ``value()`` on every frame, and return it.

    The number is rebuilt only when its displayed digits change, because a
    rebuild copies one TeX glyph per character and is slow, and because a
    transform that moves or scales the number (``Indicate``, ``.animate``)
    would otherwise be undone while the digits stay put.
    ``get_value()`` then returns the latest value that changed the digits.
    Copies that an animation makes of the number keep the updater but skip
    it: rebuilding a copy while the original is paused would change its
    number of glyphs and break the animation's pairing of parts.  With
    ``keep_center`` the number stays centred where it was; otherwise its
    left edge stays fixed.
    """

    def refresh(mobject: DecimalNumber) -> None:
        if mobject is not number:
            return
        current = float(value())
        places = mobject.num_decimal_places
        if round(current, places) == round(mobject.get_value(), places):
            return
        center = mobject.get_center()
        mobject.set_value(current)
        if keep_center:
            mobject.move_to(center)

    number.set_value(float(value()))
    number.add_updater(refresh)
    return number


def readout(
    label: str,
    value: Callable[[], float] | float,
    decimals: int = 2,
    color=palette.FOREGROUND,
    size: float = palette.LABEL_SIZE + 4,
) -> VGroup:
    """Return ``label`` in TeX followed by a number, live when ``value`` is callable.

    The group's parts are ``.label`` (MathTex) and ``.number``
    (DecimalNumber). A callable ``value`` is read again on every frame.
    """
    tex = MathTex(label, font_size=size, color=color)
    number = DecimalNumber(
        value() if callable(value) else value,
        num_decimal_places=decimals,
        font_size=size,
        color=color,
    )
    number.next_to(tex, RIGHT, buff=0.15)
    if callable(value):
        follow_value(number, value)
    group = VGroup(tex, number)
    group.label, group.number = tex, number
    return group


def section_heading(label: str):
    """Return a section heading placed in the top-left corner of the frame."""
    from .widgets import text

    heading = text(label, size=palette.BODY_SIZE, color=palette.ACCENT, weight="BOLD")
    return heading.to_corner(UP + LEFT, buff=0.45)


def axis_labels(
    axes: Axes, x_tex: str, y_tex: str, size: float = palette.LABEL_SIZE + 4
) -> VGroup:
    """Return TeX labels right of the x-axis and above the y-axis."""
    x_label = MathTex(x_tex, font_size=size, color=palette.MUTED)
    y_label = MathTex(y_tex, font_size=size, color=palette.MUTED)
    x_label.next_to(axes.x_axis.get_right(), RIGHT, buff=0.15)
    y_label.next_to(axes.y_axis.get_top(), UP, buff=0.12)
    return VGroup(x_label, y_label)


def axis_labels_below_left(
    axes: Axes, x_tex: str, y_tex: str, size: float = palette.LABEL_SIZE + 4
) -> VGroup:
    """Return TeX labels under the x-axis (right end) and left of the y-axis (top).

    For axes whose box is filled by a heat map, labels outside the box stay
    clear of the image.
    """
    corner_low = axes.c2p(axes.x_range[0], axes.y_range[0])
    corner_high = axes.c2p(axes.x_range[1], axes.y_range[1])
    x_label = MathTex(x_tex, font_size=size, color=palette.MUTED)
    y_label = MathTex(y_tex, font_size=size, color=palette.MUTED)
    x_label.next_to(np.array([corner_high[0], corner_low[1], 0]), DOWN, buff=0.15)
    x_label.align_to(np.array([corner_high[0], 0, 0]), RIGHT)
    y_label.next_to(np.array([corner_low[0], corner_high[1], 0]), LEFT, buff=0.15)
    y_label.align_to(np.array([0, corner_high[1], 0]), UP)
    return VGroup(x_label, y_label)
