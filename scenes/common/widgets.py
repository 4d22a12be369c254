"""Reusable mobjects: wrapped text, cards, the parameter slider, the quiz card."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Callable, Sequence

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    DecimalNumber,
    Dot,
    Line,
    RoundedRectangle,
    Text,
    ValueTracker,
    VGroup,
    tempconfig,
)

from . import palette

# Canvas on which every Text is laid out, whatever the render quality.
TEXT_CANVAS = {"pixel_width": 3840, "pixel_height": 2160}
# Characters per line at BODY_SIZE that fill about 12 of the 14.2 frame units.
BODY_LINE_CHARS = 52


def text(
    content: str,
    size: float = palette.BODY_SIZE,
    color=palette.FOREGROUND,
    weight: str = "NORMAL",
) -> Text:
    """Return a Text in the series font.

    Small text is laid out at a larger size and scaled down, because Pango
    spaces glyphs unevenly at small font sizes.
    """
    factor = 2.0 if size < 36 else 1.0
    # Pango wraps lines wider than the output's pixel width, so a tiny test
    # render would wrap text that fits at 1080p. Layout uses a fixed 4K canvas.
    # NOTE: Manim caches Text SVGs by content and style, not by canvas size.
    # A media folder from before this canvas was fixed may serve wrapped SVGs.
    with tempconfig(TEXT_CANVAS):
        mobject = Text(
            content,
            font=palette.FONT,
            font_size=size * factor,
            color=color,
            weight=weight,
            line_spacing=0.9,
        )
    if factor != 1.0:
        mobject.scale(1 / factor)
    return mobject


def paragraph(
    content: str,
    size: float = palette.BODY_SIZE,
    width_chars: int = 0,
    color=palette.FOREGROUND,
    max_width: float = 12.0,
) -> Text:
    """Return ``content`` wrapped into lines and left aligned.

    ``width_chars`` is the line length in characters; 0 picks the length
    that fills about ``max_width`` scene units at ``size``.
    """
    if width_chars <= 0:
        width_chars = max(
            12, int(BODY_LINE_CHARS * palette.BODY_SIZE / size * max_width / 12.0)
        )
    lines = textwrap.fill(content, width=width_chars, break_on_hyphens=False)
    mobject = text(lines, size=size, color=color)
    if mobject.width > max_width:
        mobject.scale_to_fit_width(max_width)
    return mobject


def title_card(number: int, title: str, subtitle: str) -> VGroup:
    """Return the chapter title card: number, title, one-line subtitle."""
    kicker = text(f"Chapter {number}", size=palette.BODY_SIZE, color=palette.MUTED)
    heading = text(title, size=palette.TITLE_SIZE, weight="BOLD")
    if heading.width > 12.5:
        heading.scale_to_fit_width(12.5)
    rule = Line(LEFT * 3, RIGHT * 3, color=palette.ACCENT, stroke_width=3)
    tagline = paragraph(
        subtitle, size=palette.BODY_SIZE, color=palette.MUTED, max_width=11
    )
    card = VGroup(kicker, heading, rule, tagline).arrange(DOWN, buff=0.35)
    card.kicker, card.heading, card.rule, card.tagline = kicker, heading, rule, tagline
    return card


def summary_card(heading: str, points: Sequence[str]) -> VGroup:
    """Return a closing card: a heading and a bulleted list of takeaways."""
    title = text(heading, size=palette.HEADING_SIZE, weight="BOLD")
    bullets = VGroup()
    for point in points:
        dot = Dot(radius=0.06, color=palette.ACCENT)
        line = paragraph(point, size=palette.BODY_SIZE - 2, max_width=11)
        row = VGroup(dot, line).arrange(RIGHT, buff=0.3, aligned_edge=UP)
        dot.shift(DOWN * 0.12)
        bullets.add(row)
    bullets.arrange(DOWN, buff=0.35, aligned_edge=LEFT)
    card = VGroup(title, bullets).arrange(DOWN, buff=0.6)
    if card.height > 7.2:
        card.scale_to_fit_height(7.2)
    card.title, card.bullets = title, bullets
    return card


class Slider(VGroup):
    """A labelled slider whose knob and live value follow a ValueTracker.

    Parameters
    ----------
    tracker : ValueTracker
        The parameter the slider shows.
    value_range : tuple of float
        ``(low, high)`` mapped to the ends of the track.
    label : str
        Name shown left of the track.
    width : float
        Track length in scene units.
    decimals : int
        Digits after the point in the live value.
    display : callable, optional
        Map from the tracked value to the number shown (for example
        ``math.exp`` when the tracker contains a logarithm).
    """

    def __init__(
        self,
        tracker: ValueTracker,
        value_range: tuple[float, float],
        label: str,
        width: float = 4.0,
        decimals: int = 2,
        display: Callable[[float], float] | None = None,
        color=palette.ACCENT,
        **kwargs,
    ) -> None:
        super().__init__(**kwargs)
        low, high = value_range
        if not high > low:
            raise ValueError(f"value_range must have low < high, got {value_range}")
        self.tracker, self.low, self.high = tracker, low, high
        self.display = display or (lambda value: value)
        self.label = text(label, size=palette.LABEL_SIZE, color=palette.FOREGROUND)
        self.track = Line(
            LEFT * width / 2, RIGHT * width / 2, color=palette.GRID, stroke_width=6
        )
        self.fill = Line(
            self.track.get_start(), self.track.get_start(), color=color, stroke_width=6
        )
        self.knob = Dot(radius=0.11, color=color)
        self.value = DecimalNumber(
            self.display(tracker.get_value()),
            num_decimal_places=decimals,
            font_size=palette.BODY_SIZE,
            color=palette.FOREGROUND,
        )
        self.label.next_to(self.track, LEFT, buff=0.3)
        self.add(self.label, self.track, self.fill, self.knob, self.value)
        self._follow()
        self.knob.add_updater(lambda _: self._follow())

    def point_for(self, value: float):
        """Return the track position of ``value`` (clamped to the range)."""
        fraction = (min(max(value, self.low), self.high) - self.low) / (
            self.high - self.low
        )
        return self.track.point_from_proportion(fraction)

    def _follow(self) -> None:
        """Move knob, filled part and live value to the tracker's value."""
        value = self.tracker.get_value()
        # Rebuilding the number is the costly part of a frame. Moving the
        # whole slider moves its parts with it, so an unchanged value needs
        # no work.
        if value == getattr(self, "_shown_value", None):
            return
        self._shown_value = value
        position = self.point_for(value)
        self.knob.move_to(position)
        self.fill.put_start_and_end_on(self.track.get_start(), position + RIGHT * 1e-4)
        self.value.set_value(self.display(value))
        self.value.next_to(self.track, RIGHT, buff=0.3)


class QuizCard(VGroup):
    """A question, three or four lettered options, and the reason of the answer.

    The options are stacked below the question; :meth:`reveal` returns the
    option group highlighted and the reason placed under the options.
    """

    LETTERS = "ABCD"

    def __init__(
        self,
        question: str,
        options: Sequence[str],
        answer: int,
        reason: str,
        width: float = 12.0,
        **kwargs,
    ) -> None:
        super().__init__(**kwargs)
        if not 3 <= len(options) <= 4:
            raise ValueError(f"options must hold 3 or 4 choices, got {len(options)}")
        if not 0 <= answer < len(options):
            raise ValueError(
                f"answer must index an option (0 to {len(options) - 1}), got {answer}"
            )
        self.answer = answer
        self.question = paragraph(question, size=palette.BODY_SIZE, max_width=width)
        self.options = VGroup()
        for letter, option in zip(self.LETTERS, options, strict=False):
            body = paragraph(option, size=palette.BODY_SIZE - 4, max_width=width - 1.6)
            badge = text(
                letter, size=palette.BODY_SIZE - 2, weight="BOLD", color=palette.ACCENT
            )
            frame = RoundedRectangle(
                corner_radius=0.12,
                width=width,
                height=max(body.height, badge.height) + 0.3,
                stroke_color=palette.GRID,
                stroke_width=2,
            )
            # Fixed columns keep every option's text on one left edge.
            badge.move_to(frame.get_left() + RIGHT * 0.45)
            body.move_to(frame).align_to(frame.get_left() + RIGHT * 0.9, LEFT)
            row = VGroup(badge, body)
            option_group = VGroup(frame, row)
            option_group.frame, option_group.badge = frame, badge
            self.options.add(option_group)
        self.options.arrange(DOWN, buff=0.18)
        self.reason = paragraph(
            reason, size=palette.LABEL_SIZE + 2, color=palette.MIN_NORM, max_width=width
        )
        body = VGroup(self.question, self.options).arrange(DOWN, buff=0.4)
        self.add(body)
        self._fit()

    def _fit(self) -> None:
        """Scale the card so question, options and reason fit in the frame."""
        total = self.height + 0.3 + self.reason.height
        if total > 7.4:
            self.scale(7.4 / total)
            self.reason.scale(7.4 / total)
        self.move_to(UP * (self.reason.height + 0.3) / 2)
        self.reason.next_to(self.options, DOWN, buff=0.3)


def countdown_ring(seconds: int, radius: float = 0.45) -> VGroup:
    """Return a countdown: a number inside a circle, with its parts named."""
    from manim import Arc, Integer

    arc = Arc(
        radius=radius,
        start_angle=math.pi / 2,
        angle=-2 * math.pi,
        color=palette.ACCENT,
        stroke_width=6,
    )
    number = Integer(seconds, font_size=palette.HEADING_SIZE, color=palette.FOREGROUND)
    ring = VGroup(arc, number)
    ring.arc, ring.number, ring.radius = arc, number, radius
    return ring
