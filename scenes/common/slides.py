"""Slide decks of the chapters, for presenting with manim-slides.

A deck plays a chapter's animations without the narration.  Each narrated beat
starts a slide that stops when its animations end, with the narration text as
the slide's speaker notes, for the presenter to put in their own words.
``series.slides`` renders decks and converts them to HTML.
"""

from __future__ import annotations

import os
from pathlib import Path

from .lecture_scene import LectureScene


def slide_deck(chapter: type[LectureScene]) -> type[LectureScene]:
    """Return a manim-slides scene that shows ``chapter`` one beat per slide.

    The deck writes its slides to ``$LECTURE_SLIDES_FOLDER`` when that is
    set, and to manim-slides' default ``./slides`` otherwise.

    Raises
    ------
    ImportError
        If manim-slides is not installed (``pip install -e ".[slides]"``).
    """
    from manim_slides import Slide

    class Deck(chapter, Slide):
        pace_by_narration = False
        # Presenters step forward; reversed copies of every animation would
        # double the render time for a rarely used key.
        skip_reversing = True

        def __init__(self, *args, **kwargs) -> None:
            folder = os.environ.get("LECTURE_SLIDES_FOLDER")
            if folder:
                kwargs.setdefault("output_folder", Path(folder))
            super().__init__(*args, **kwargs)
            # Whether the animations since the last beat already have a slide.
            self._between_beats = False

        def start_beat(self, passage) -> None:
            # manim-slides gives the notes to the slide that starts here.
            self.next_slide(notes=passage.text)
            self._between_beats = False

        def start_pause(self) -> None:
            # The quiz countdown stops at its end, before the answer.
            self.next_slide(notes="Pause: let the audience answer.")
            self._between_beats = True

        def play(self, *args, **kwargs) -> None:
            # Animations between beats (mostly fading a section out) get a slide
            # of their own that runs straight into the next beat, so that a
            # beat's slide stops on its finished picture, not on a fade.
            if not self._in_beat and not self._between_beats:
                self.next_slide(auto_next=True)
                self._between_beats = True
            super().play(*args, **kwargs)

    Deck.__name__ = Deck.__qualname__ = f"{chapter.__name__}Slides"
    Deck.__doc__ = f"{chapter.__name__} as a slide deck, one slide per beat."
    return Deck
