"""Builders for plots whose geometry mathcore computed.

Piecewise-linear functions (ReLU networks and their hinges) are drawn as
polylines through their kinks, so every kink stays sharp; Manim's own
``Axes.plot`` would smooth them.  Polylines are clipped to the axes' y-range
so that no curve leaves its axes.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from manim import Axes, Dot, LineJointType, VGroup, VMobject

from . import palette


def clip_polyline(
    xs: np.ndarray, ys: np.ndarray, y_min: float, y_max: float
) -> list[np.ndarray]:
    """Split a polyline into the pieces that lie within ``[y_min, y_max]``.

    Returns
    -------
    list of ndarray of shape (k, 2)
        Each piece's vertices; crossings of the bounds become new vertices.
    """
    xs = np.asarray(xs, dtype=float)
    ys = np.asarray(ys, dtype=float)
    pieces: list[list[tuple[float, float]]] = []
    current: list[tuple[float, float]] = []

    def inside(y: float) -> bool:
        return y_min <= y <= y_max

    for k in range(len(xs)):
        x, y = xs[k], ys[k]
        if k > 0:
            x0, y0 = xs[k - 1], ys[k - 1]
            for bound in (y_min, y_max):
                if (y0 - bound) * (y - bound) < 0:
                    t = (bound - y0) / (y - y0)
                    crossing = (x0 + t * (x - x0), bound)
                    if inside(y0):
                        current.append(crossing)
                        pieces.append(current)
                        current = []
                    else:
                        current = [crossing]
        if inside(y):
            current.append((x, y))
    if current:
        pieces.append(current)
    return [np.array(piece) for piece in pieces if len(piece) >= 2]


def polyline(
    axes: Axes,
    xs: Sequence[float],
    ys: Sequence[float],
    color=palette.FIT,
    stroke_width: float = 4.0,
) -> VGroup:
    """Return the polyline through ``(xs, ys)`` in ``axes``, clipped to its y-range."""
    y_min, y_max = axes.y_range[0], axes.y_range[1]
    group = VGroup()
    for piece in clip_polyline(np.asarray(xs), np.asarray(ys), y_min, y_max):
        points = [axes.c2p(x, y) for x, y in piece]
        # A miter joint keeps each kink a point instead of rounding it.
        line = VMobject(
            color=color, stroke_width=stroke_width, joint_type=LineJointType.MITER
        )
        line.set_points_as_corners(points)
        group.add(line)
    return group


def breakpoints(x_min: float, x_max: float, kinks: Sequence[float]) -> np.ndarray:
    """Return ``x_min``, ``x_max`` and every finite kink between them, sorted."""
    kinks = np.asarray(kinks, dtype=float)
    inner = kinks[np.isfinite(kinks) & (kinks > x_min) & (kinks < x_max)]
    return np.unique(np.concatenate([[x_min, x_max], inner]))


def data_dots(
    axes: Axes,
    xs: Sequence[float],
    ys: Sequence[float],
    color=palette.DATA,
    radius: float = 0.08,
) -> VGroup:
    """Return one dot per data point."""
    return VGroup(
        *(
            Dot(axes.c2p(x, y), radius=radius, color=color)
            for x, y in zip(xs, ys, strict=True)
        )
    )


def network_graph(
    axes: Axes, U, alpha, color=palette.FIT, stroke_width: float = 4.0
) -> VGroup:
    """Return the graph of a 1-D network with a bias column, kinks exact.

    ``U`` has shape (2, m) for inputs ``[x, 1]``; mathcore evaluates the
    network at the ends of the axes and at every kink between them.
    """
    from mathcore import network

    x_min, x_max = axes.x_range[0], axes.x_range[1]
    xs = breakpoints(x_min, x_max, network.kinks_1d(U).x)
    ys = network.predict(U, alpha, network.add_bias(xs))
    return polyline(axes, xs, ys, color=color, stroke_width=stroke_width)


def hinge_graphs(axes: Axes, U, alpha, stroke_width: float = 3.0) -> VGroup:
    """Return one graph per neuron, alpha_j (u_j^T [x, 1])_+, in its colour."""
    U = np.asarray(U, dtype=float)
    alpha = np.asarray(alpha, dtype=float)
    return VGroup(
        *(
            network_graph(
                axes,
                U[:, [j]],
                alpha[[j]],
                color=palette.neuron_color(j),
                stroke_width=stroke_width,
            )
            for j in range(U.shape[1])
        )
    )


def lecture_axes(
    x_range: Sequence[float],
    y_range: Sequence[float],
    x_length: float = 6.0,
    y_length: float = 4.0,
    x_label: str = "",
    y_label: str = "",
    log_x: bool = False,
) -> Axes:
    """Return axes in the series style, with optional text labels.

    ``x_range`` and ``y_range`` are ``(min, max, step)``.  With ``log_x`` the
    x values are base-10 exponents, so ``x_range = (0, 3, 1)`` spans 1 to
    1000, and callers pass ``np.log10(x)`` to ``c2p``.
    """
    from .widgets import text

    axes = Axes(
        x_range=list(x_range),
        y_range=list(y_range),
        x_length=x_length,
        y_length=y_length,
        axis_config={
            "color": palette.MUTED,
            "stroke_width": 2,
            "include_tip": False,
            "tick_size": 0.05,
        },
        tips=False,
    )
    labels = VGroup()
    if x_label:
        labels.add(
            text(x_label, size=palette.LABEL_SIZE, color=palette.MUTED).next_to(
                axes.x_axis, np.array([0, -1, 0]), buff=0.25
            )
        )
    if y_label:
        labels.add(
            text(y_label, size=palette.LABEL_SIZE, color=palette.MUTED)
            .rotate(np.pi / 2)
            .next_to(axes.y_axis, np.array([-1, 0, 0]), buff=0.25)
        )
    axes.labels = labels
    axes.log_x = log_x
    return axes


def heatmap(
    axes: Axes,
    values: np.ndarray,
    low_color=palette.BACKGROUND,
    high_color=palette.DATA,
    gamma: float = 0.5,
    vmax: float | None = None,
):
    """Return an image of ``values`` filling the axes' plotting area.

    ``values`` has shape (rows, columns): row 0 is the lowest y, column 0 the
    lowest x, as ``numpy.meshgrid(xs, ys)`` lays them out.  Values are scaled
    to [0, 1] by ``vmax`` (default: their maximum), raised to ``gamma`` so
    that the low-loss valley keeps contrast, and blended between the colours.
    """
    from manim import RESAMPLING_ALGORITHMS, ImageMobject

    values = np.asarray(values, dtype=float)
    top = float(np.max(values)) if vmax is None else float(vmax)
    scaled = np.clip(values / top if top > 0 else values * 0, 0, 1) ** gamma
    low = np.array(low_color.to_rgb())
    high = np.array(high_color.to_rgb())
    rgb = low[None, None, :] + scaled[..., None] * (high - low)[None, None, :]
    pixels = (np.flipud(rgb) * 255).astype(np.uint8)
    # Manim resamples an image on every frame that redraws it.  Bilinear
    # sampling draws a smooth field as well as the default bicubic filter at a
    # third of its cost (18 ms instead of 48 ms for a 900x600 image).
    image = ImageMobject(pixels, resampling_algorithm=RESAMPLING_ALGORITHMS["bilinear"])
    corner_low = axes.c2p(axes.x_range[0], axes.y_range[0])
    corner_high = axes.c2p(axes.x_range[1], axes.y_range[1])
    image.stretch_to_fit_width(corner_high[0] - corner_low[0])
    image.stretch_to_fit_height(corner_high[1] - corner_low[1])
    image.move_to((corner_low + corner_high) / 2)
    return image
