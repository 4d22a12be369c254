"""Layout checks: everything inside the frame, no text over other text.

:func:`layout_problems` inspects the mobjects on screen and describes each
violation.  A :class:`~common.lecture_scene.LectureScene` with
``layout_check = True`` runs it after every animation and collects the
results in ``scene.layout_problems`` so that tests can assert on them.
"""

from __future__ import annotations

import numpy as np
from manim import (
    DecimalNumber,
    Integer,
    MarkupText,
    MathTex,
    Mobject,
    Paragraph,
    SingleStringMathTex,
    Tex,
    Text,
    VMobject,
    config,
)
from manim.mobject.types.image_mobject import AbstractImageMobject

TEXT_TYPES = (
    Text,
    MarkupText,
    Paragraph,
    MathTex,
    Tex,
    SingleStringMathTex,
    DecimalNumber,
    Integer,
)

# Distance in scene units that everything keeps from the frame's edge.
FRAME_MARGIN = 0.05
# Bounding boxes may touch by this much before two texts count as overlapping:
# glyph boxes include side bearings, so touching boxes are not touching ink.
OVERLAP_TOLERANCE = 0.03


def _visible(mobject: Mobject) -> bool:
    """Return whether any part of ``mobject`` draws with nonzero opacity.

    Only vector shapes carry fill and stroke opacities; Manim synthesizes
    ``get_*`` methods on other mobjects that raise when called, so images
    count as visible and mobjects without points (trackers) as invisible.
    """
    for part in mobject.get_family():
        if isinstance(part, AbstractImageMobject):
            return True
        if not isinstance(part, VMobject) or not part.has_points():
            continue
        fill = part.get_fill_opacity()
        stroke = part.get_stroke_opacity()
        if fill > 0.01 or (stroke > 0.01 and part.get_stroke_width() > 0):
            return True
    return False


def _box(mobject: Mobject) -> tuple[np.ndarray, np.ndarray]:
    """Return the lower-left and upper-right corners of the bounding box."""
    return mobject.get_corner(np.array([-1, -1, 0])), mobject.get_corner(
        np.array([1, 1, 0])
    )


def _texts(mobjects: list[Mobject]) -> list[Mobject]:
    """Return the outermost visible text mobjects among ``mobjects``."""
    found: list[Mobject] = []

    def visit(mobject: Mobject) -> None:
        if isinstance(mobject, TEXT_TYPES):
            if mobject.has_points() or mobject.submobjects:
                if _visible(mobject):
                    found.append(mobject)
            return
        for child in mobject.submobjects:
            visit(child)

    for mobject in mobjects:
        visit(mobject)
    return found


def _describe(mobject: Mobject) -> str:
    """Return a short name for ``mobject`` in a problem report."""
    text = getattr(mobject, "text", None) or getattr(mobject, "tex_string", None)
    if text is None and isinstance(mobject, DecimalNumber):
        text = f"{mobject.get_value():g}"
    label = f" {str(text)[:30]!r}" if text else ""
    return f"{type(mobject).__name__}{label}"


def layout_problems(mobjects: list[Mobject], margin: float = FRAME_MARGIN) -> list[str]:
    """Describe every mobject outside the frame and every pair of overlapping texts.

    Parameters
    ----------
    mobjects : list of Mobject
        The scene's top-level mobjects (``scene.mobjects``).
    margin : float
        Distance in scene units that everything must keep from the edge.

    Returns
    -------
    list of str
        One sentence per problem; empty when the layout is clean.
    """
    problems = []
    half_width = config.frame_width / 2 - margin
    half_height = config.frame_height / 2 - margin
    for mobject in mobjects:
        if not mobject.get_family() or not _visible(mobject):
            continue
        points = [m for m in mobject.get_family() if m.has_points()]
        if not points:
            continue
        low, high = _box(mobject)
        if (
            low[0] < -half_width
            or high[0] > half_width
            or low[1] < -half_height
            or high[1] > half_height
        ):
            problems.append(
                f"{_describe(mobject)} leaves the frame: box x [{low[0]:.2f}, "
                f"{high[0]:.2f}], y [{low[1]:.2f}, {high[1]:.2f}]"
            )
    texts = _texts(mobjects)
    for i, first in enumerate(texts):
        low_a, high_a = _box(first)
        for second in texts[i + 1 :]:
            low_b, high_b = _box(second)
            overlap_x = min(high_a[0], high_b[0]) - max(low_a[0], low_b[0])
            overlap_y = min(high_a[1], high_b[1]) - max(low_a[1], low_b[1])
            if overlap_x > OVERLAP_TOLERANCE and overlap_y > OVERLAP_TOLERANCE:
                problems.append(f"{_describe(first)} overlaps {_describe(second)}")
    return problems
