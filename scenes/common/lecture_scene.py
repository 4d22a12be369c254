"""The base class of every chapter: narrated beats, cards and the quiz.

A chapter is a sequence of beats.  A beat is one passage of narration with the
animations that go with it::

    with self.beat("Each neuron bends the line once."):
        self.play(Create(hinge))

The narration text is the single source of the beat's subtitle (an ``.srt``
entry), its audio (when narration is on) and its length: the beat lasts as
long as the narration, and at least as long as its animations.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from manim import (
    DOWN,
    UP,
    Circumscribe,
    Scene,
    Write,
    config,
    linear,
)

from . import encoding, narration, palette
from .fades import FadeIn, FadeOut
from .layout import layout_problems
from .preflight import require_setup
from .widgets import QuizCard, countdown_ring, summary_card, title_card

require_setup()
encoding.use_native_rate_audio()
logger = logging.getLogger("lecture.scene")

# Seconds of silence after each narrated passage, so sentences do not run on.
BEAT_GAP = 0.35


@dataclass(frozen=True)
class BeatRecord:
    """Start time, length and text of one beat, in seconds of video."""

    text: str
    start: float
    duration: float
    spoken: bool


class LectureScene(Scene):
    """A chapter scene built from narrated beats.

    Subclasses set ``chapter_number``, ``chapter_title`` and
    ``chapter_subtitle`` and write ``construct`` as a sequence of beats.
    """

    chapter_number: int = 0
    chapter_title: str = ""
    chapter_subtitle: str = ""
    # Set by tests: check the layout after every animation.
    layout_check: bool = False
    # Seconds of the visible pause before a quiz answer.
    quiz_pause: int = 5
    # Whether a beat lasts as long as its narration.  Slide decks turn this
    # off, because the presenter speaks and moves on by hand.
    pace_by_narration: bool = True

    def setup(self) -> None:
        """Prepare the beat log, the exhibits and the layout report."""
        super().setup()
        self.camera.background_color = palette.BACKGROUND
        self.beats: list[BeatRecord] = []
        # Mobjects that show a computed number, by name; tests read them back.
        self.exhibits: dict[str, object] = {}
        self.layout_problems: list[str] = []
        self._in_beat = False
        encoding.use_fast_video_preset(self.renderer.file_writer)

    # -- time and checks ---------------------------------------------------
    @property
    def now(self) -> float:
        """Seconds of video rendered so far."""
        return float(self.renderer.time)

    def _report_progress(self) -> None:
        """Write the seconds rendered so far where the series command reads them."""
        target = os.environ.get("LECTURE_PROGRESS_FILE")
        if target:
            Path(target).write_text(f"{self.now:.3f}\n", encoding="utf-8")

    def tear_down(self) -> None:
        """Write the chapter metadata file when LECTURE_METADATA_FILE is set."""
        super().tear_down()
        target = os.environ.get("LECTURE_METADATA_FILE")
        if target:
            metadata = {
                "number": self.chapter_number,
                "title": self.chapter_title,
                "subtitle": self.chapter_subtitle,
                "scene": type(self).__name__,
                "duration": self.now,
                "beats": [asdict(beat) for beat in self.beats],
            }
            Path(target).write_text(json.dumps(metadata, indent=1), encoding="utf-8")

    def _check_layout(self, after: str) -> None:
        if self.layout_check:
            for problem in layout_problems(self.mobjects):
                self.layout_problems.append(
                    f"at {self.now:.2f}s after {after}: {problem}"
                )

    def play(self, *args, **kwargs) -> None:
        """Play animations, then check the layout when checks are on."""
        super().play(*args, **kwargs)
        self._report_progress()
        names = ", ".join(type(a).__name__ for a in args if hasattr(a, "run_time"))
        self._check_layout(names or "play")

    def wait(self, *args, **kwargs) -> None:
        """Wait, then check the layout when checks are on."""
        super().wait(*args, **kwargs)
        self._report_progress()
        self._check_layout("wait")

    def exhibit(self, name: str, mobject):
        """Register ``mobject`` as showing the computed value ``name``."""
        self.exhibits[name] = mobject
        return mobject

    # -- beats ---------------------------------------------------------------
    @contextlib.contextmanager
    def beat(self, text: str, gap: float = BEAT_GAP) -> Iterator[narration.Passage]:
        """Narrate ``text`` while the body's animations play.

        Parameters
        ----------
        text : str
            The passage: spoken, written to the subtitles and used for timing.
        gap : float
            Seconds of silence added after the passage.

        Yields
        ------
        Passage
            The prepared passage, whose ``duration`` the body may use to pace
            its animations.
        """
        if self._in_beat:
            raise RuntimeError("beats cannot be nested")
        passage = narration.prepare(text)
        self.start_beat(passage)
        start = self.now
        if passage.audio is not None:
            self.add_sound(str(passage.audio))
        self.add_subcaption(passage.text, duration=passage.duration)
        self._in_beat = True
        try:
            yield passage
        finally:
            self._in_beat = False
        remaining = passage.duration + gap - (self.now - start)
        if self.pace_by_narration and remaining > 1 / config.frame_rate:
            self.wait(remaining)
        self.beats.append(
            BeatRecord(passage.text, start, self.now - start, passage.audio is not None)
        )

    def start_beat(self, passage: narration.Passage) -> None:
        """Run at the start of every beat; slide decks start a new slide here."""

    def start_pause(self) -> None:
        """Run before a pause the viewer should sit through, such as a quiz."""

    def say(self, text: str, *animations, **play_kwargs) -> None:
        """Narrate ``text`` while playing ``animations`` in one beat."""
        with self.beat(text):
            if animations:
                self.play(*animations, **play_kwargs)

    def clear_screen(self, run_time: float = 0.6) -> None:
        """Fade out everything on screen."""
        if self.mobjects:
            self.play(*(FadeOut(m) for m in self.mobjects), run_time=run_time)

    # -- cards ---------------------------------------------------------------
    def show_title(self, narration_text: str) -> None:
        """Show the chapter's title card while narrating its introduction."""
        card = title_card(
            self.chapter_number, self.chapter_title, self.chapter_subtitle
        )
        with self.beat(narration_text):
            self.play(
                FadeIn(card.kicker, shift=DOWN * 0.2), Write(card.heading), run_time=1.5
            )
            self.play(FadeIn(card.rule), FadeIn(card.tagline, shift=UP * 0.2))
        self.play(FadeOut(card), run_time=0.6)

    def show_summary(
        self, narration_text: str, points: Sequence[str], heading: str = "In short"
    ) -> None:
        """Show the closing card, one takeaway at a time."""
        card = summary_card(heading, points)
        with self.beat(narration_text) as passage:
            self.play(Write(card.title), run_time=0.8)
            pace = max(0.5, (passage.duration - 1.0) / max(1, len(points)) - 0.2)
            for row in card.bullets:
                self.play(FadeIn(row, shift=UP * 0.15), run_time=min(1.0, pace))
                if pace > 1.0:
                    self.wait(pace - 1.0)
        self.play(FadeOut(card), run_time=0.6)

    def quiz(
        self, question: str, options: Sequence[str], answer: int, reason: str
    ) -> QuizCard:
        """Ask the chapter's question, pause with a countdown, then answer it.

        Parameters
        ----------
        question : str
            The question, read aloud and shown on the card.
        options : sequence of str
            Three or four choices, lettered A to D.
        answer : int
            Index of the right choice.
        reason : str
            One sentence that explains the answer.
        """
        card = QuizCard(question, options, answer, reason)
        self.exhibit("quiz_answer", card.options[answer])
        letters = ", ".join(QuizCard.LETTERS[: len(options)])
        with self.beat(f"Quiz. {question} Is it {letters}? Pause and decide."):
            self.play(FadeIn(card.question, shift=DOWN * 0.2), run_time=1.0)
            self.play(
                *(FadeIn(o, shift=UP * 0.1) for o in card.options),
                lag_ratio=0.2,
                run_time=1.2,
            )
        ring = countdown_ring(self.quiz_pause)
        # The ring waits where the reason will appear, below the options.
        ring.next_to(card.options, DOWN, buff=0.25)
        self.start_pause()
        self.play(FadeIn(ring), run_time=0.3)
        for remaining in range(self.quiz_pause, 0, -1):
            ring.number.set_value(remaining)
            self.play(
                ring.arc.animate.set_stroke(opacity=remaining / self.quiz_pause),
                run_time=1.0,
                rate_func=linear,
            )
        self.play(FadeOut(ring), run_time=0.3)
        chosen = card.options[answer]
        letter = QuizCard.LETTERS[answer]
        with self.beat(f"The answer is {letter}. {reason}"):
            self.play(
                chosen.frame.animate.set_stroke(palette.ACCENT, width=5).set_fill(
                    palette.ACCENT, opacity=0.15
                ),
                *(
                    o[1].animate.set_opacity(0.35)
                    for i, o in enumerate(card.options)
                    if i != answer
                ),
                run_time=0.8,
            )
            self.play(Circumscribe(chosen, color=palette.ACCENT), run_time=1.0)
            self.play(FadeIn(card.reason, shift=UP * 0.15), run_time=0.8)
        self.play(
            FadeOut(card.question),
            *(FadeOut(o) for o in card.options),
            FadeOut(card.reason),
            run_time=0.6,
        )
        return card
