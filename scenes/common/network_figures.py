"""Figures of small networks shared by chapters 0 and 1.

Numbers in scientific notation, log-scale loss panels, bar rows of a
network's weights and colour-keyed legend rows.  Every value drawn here is
passed in by the caller from :mod:`mathcore`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Axes,
    DecimalNumber,
    Integer,
    Line,
    MathTex,
    Rectangle,
    VGroup,
)

from . import palette, plots
from .widgets import text

# Font size of numbers (DecimalNumber, Integer) set beside BODY_SIZE text:
# TeX digits look about 0.7 times as large as series text of the same size.
NUMBER_SIZE = palette.BODY_SIZE + 10

# Run k of a multi-seed experiment is drawn in RUN_COLORS[k % len(RUN_COLORS)];
# chapter 0 shows runs, not neurons, so it borrows the neuron colours.
RUN_COLORS = palette.NEURONS


def run_color(index: int):
    """Return the colour of run ``index`` (cycling through RUN_COLORS)."""
    return RUN_COLORS[index % len(RUN_COLORS)]


class ScientificNumber(VGroup):
    r"""A positive number shown as ``m.m × 10^e``, with its parts named.

    ``mantissa`` is a DecimalNumber and ``exponent`` an Integer, so a test can
    read the value back with :meth:`get_value`.

    Parameters
    ----------
    value : float
        The number, ``> 0``.
    decimals : int
        Digits after the point in the mantissa.
    size : float
        Font size of the mantissa; the exponent uses ``LABEL_SIZE``.
    color : ManimColor
        Colour of every part.
    """

    def __init__(
        self,
        value: float,
        decimals: int = 1,
        size: float = palette.BODY_SIZE,
        color=palette.FOREGROUND,
        **kwargs,
    ) -> None:
        super().__init__(**kwargs)
        if not (math.isfinite(value) and value > 0):
            raise ValueError(f"value must be positive and finite, got {value!r}")
        exponent = math.floor(math.log10(value))
        mantissa = round(value / 10.0**exponent, decimals)
        # Rounding can carry the mantissa to 10 (9.96 -> 10.0).
        if mantissa >= 10:
            exponent += 1
            mantissa = round(value / 10.0**exponent, decimals)
        self.mantissa = DecimalNumber(
            mantissa, num_decimal_places=decimals, font_size=size, color=color
        )
        self.times = MathTex(r"\times 10", font_size=size, color=color)
        self.exponent = Integer(exponent, font_size=palette.LABEL_SIZE, color=color)
        self.times.next_to(self.mantissa, RIGHT, buff=0.1)
        self.exponent.next_to(self.times, RIGHT, buff=0.05)
        self.exponent.align_to(self.times, UP).shift(UP * 0.12)
        self.add(self.mantissa, self.times, self.exponent)

    def get_value(self) -> float:
        """Return the value shown, mantissa times ten to the exponent."""
        return self.mantissa.get_value() * 10.0 ** self.exponent.get_value()


def log_values(values: Sequence[float], decades: tuple[int, int]) -> np.ndarray:
    """Return heights of ``values`` on a log axis spanning ``decades``.

    Manim draws the x-axis through y = 0, so the axis runs from 0 and a value
    v sits at ``log10(v) - decades[0]``; zeros and values below the range go
    one decade below the axis, where the plot clips them.
    """
    floor = 10.0 ** (decades[0] - 1)
    return np.log10(np.maximum(np.asarray(values, dtype=float), floor)) - decades[0]


def log_loss_axes(
    decades: tuple[int, int],
    tick_powers: Sequence[int],
    x_max: float,
    x_step: float,
    x_length: float = 4.6,
    y_length: float = 3.0,
    x_label: str = "step",
    y_label: str = "training loss",
) -> Axes:
    """Return axes of a loss on a log scale against the step.

    The tick labels ``10^k`` for ``k`` in ``tick_powers`` are in
    ``axes.ticks`` and the axis titles in ``axes.labels``; move the axes
    with both (``VGroup(axes, axes.ticks, axes.labels)``).
    """
    axes = plots.lecture_axes(
        x_range=(0, x_max, x_step),
        y_range=(0, decades[1] - decades[0], 1),
        x_length=x_length,
        y_length=y_length,
        x_label=x_label,
        y_label=y_label,
    )
    axes.y_axis.ticks.set_opacity(0)
    ticks = VGroup()
    for power in tick_powers:
        label = MathTex(f"10^{{{power}}}", font_size=palette.LABEL_SIZE + 2)
        label.set_color(palette.MUTED)
        label.next_to(axes.c2p(0, power - decades[0]), LEFT, buff=0.12)
        ticks.add(label)
    axes.labels[0].next_to(axes.x_axis, DOWN, buff=0.2)
    axes.labels[1].next_to(ticks, LEFT, buff=0.2).set_y(axes.get_center()[1])
    axes.ticks = ticks
    axes.decades = decades
    return axes


def legend_row(color, label: str, size: float = palette.LABEL_SIZE) -> VGroup:
    """Return a short coloured line followed by its label, parts named."""
    swatch = Line(LEFT * 0.25, RIGHT * 0.25, color=color, stroke_width=5)
    words = text(label, size=size, color=palette.FOREGROUND)
    row = VGroup(swatch, words).arrange(RIGHT, buff=0.2)
    row.swatch, row.words = swatch, words
    return row


class WeightBars(VGroup):
    r"""One network's weights as bars, three per neuron: slope, bias, output.

    Neuron :math:`j` of a 1-D network with a bias column has the weights
    :math:`u_j = (u_{j1}, u_{j2})` and :math:`\alpha_j`; its three bars stand
    side by side in ``groups[j]``, the output weight brighter than the two
    first-layer weights.  Heights are ``weight * unit`` scene units from the
    baseline.

    Parameters
    ----------
    U : array_like of shape (2, m)
        First-layer weights.
    alpha : array_like of shape (m,)
        Output weights.
    unit : float
        Scene units per unit of weight.
    color : ManimColor
        Colour of the bars.
    bar_width : float
        Width of one bar.
    group_gap : float
        Space between the groups of two neurons.
    """

    def __init__(
        self,
        U,
        alpha,
        unit: float,
        color=palette.FOREGROUND,
        bar_width: float = 0.09,
        group_gap: float = 0.2,
        **kwargs,
    ) -> None:
        super().__init__(**kwargs)
        U = np.asarray(U, dtype=float)
        alpha = np.asarray(alpha, dtype=float)
        self.unit, self.bar_width, self.group_gap = unit, bar_width, group_gap
        self.bar_color = color
        self.group_width = 3 * bar_width + 2 * 0.03
        m = U.shape[1]
        total = m * self.group_width + (m - 1) * group_gap
        self.baseline = Line(
            LEFT * total / 2, RIGHT * total / 2, color=palette.GRID, stroke_width=2
        )
        self.groups = VGroup()
        for j in range(m):
            weights = (U[0, j], U[1, j], alpha[j])
            group = VGroup(
                *(
                    self._bar(value, color, opacity)
                    for value, opacity in zip(weights, (0.55, 0.55, 1.0), strict=True)
                )
            )
            self._place(group, j)
            self.groups.add(group)
        self.add(self.baseline, self.groups)

    def _bar(self, value: float, color, opacity: float) -> Rectangle:
        """Return one bar of height ``|value| * unit`` (a sliver for zero)."""
        height = max(abs(value) * self.unit, 0.01)
        bar = Rectangle(
            width=self.bar_width,
            height=height,
            stroke_width=0,
            fill_color=color,
            fill_opacity=opacity,
        )
        bar.value = value
        return bar

    def slot_center(self, j: int) -> np.ndarray:
        """Return the x position of neuron ``j``'s group on the baseline."""
        left = self.baseline.get_start()
        offset = j * (self.group_width + self.group_gap) + self.group_width / 2
        return left + RIGHT * offset

    def _place(self, group: VGroup, j: int) -> None:
        """Stand the bars of ``group`` on the baseline at slot ``j``."""
        center = self.slot_center(j)
        for k, bar in enumerate(group):
            x = center[0] + (k - 1) * (self.bar_width + 0.03)
            bar.move_to([x, center[1], 0])
            direction = UP if bar.value >= 0 else DOWN
            bar.shift(direction * bar.height / 2)

    def matching(self, U, alpha) -> WeightBars:
        """Return the bars of ``(U, alpha)`` drawn to this row's scale and place.

        The result is the target of an animation that permutes or rescales
        this row's neurons, even after the row was moved or scaled.
        """
        other = WeightBars(
            U,
            alpha,
            unit=self.unit,
            color=self.bar_color,
            bar_width=self.bar_width,
            group_gap=self.group_gap,
        )
        other.scale(self.baseline.width / other.baseline.width)
        other.shift(self.baseline.get_center() - other.baseline.get_center())
        return other
