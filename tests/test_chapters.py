"""Every chapter renders at a tiny size, with a clean layout and subtitles."""

from __future__ import annotations

import re

import pytest
from conftest import SCENES, TINY

CHAPTERS = sorted(path.stem for path in SCENES.glob("ch[0-9].py"))

pytestmark = pytest.mark.render


def srt_entries(text: str) -> list[str]:
    """Return the text of each entry of an SRT file."""
    blocks = [block for block in re.split(r"\n\s*\n", text.strip()) if block]
    return [" ".join(block.splitlines()[2:]) for block in blocks]


def test_all_chapter_files_present():
    assert CHAPTERS, "no scenes/chN.py files found"
    assert CHAPTERS[0] == "ch0"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_video_is_h264_at_configured_size(rendered_chapters, chapter):
    rendered = rendered_chapters(chapter)
    video = [s for s in rendered.probe["streams"] if s["codec_type"] == "video"]
    assert len(video) == 1
    assert video[0]["codec_name"] == "h264"
    assert video[0]["width"] == TINY["pixel_width"]
    assert video[0]["height"] == TINY["pixel_height"]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_video_encoded_with_fast_preset(rendered_chapters, chapter):
    # x264 stores its settings as text in the stream; the veryfast preset
    # uses one reference frame and subme=2, medium three and subme=7.
    data = rendered_chapters(chapter).video.read_bytes()
    settings = re.findall(rb" ref=(\d+) .*? subme=(\d+) ", data)
    assert settings, "no x264 settings found in the video"
    assert set(settings) == {(b"1", b"2")}


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_duration_matches_scene_time(rendered_chapters, chapter):
    rendered = rendered_chapters(chapter)
    played = rendered.scene.renderer.time
    duration = float(rendered.probe["format"]["duration"])
    # Each animation is rounded to whole frames, so allow a few frames.
    assert abs(duration - played) <= 3 / TINY["frame_rate"]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_length_two_to_five_minutes(rendered_chapters, chapter):
    played = rendered_chapters(chapter).scene.renderer.time
    assert 120 <= played <= 300, f"{chapter} runs {played:.0f} s"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_layout_clean_after_every_animation(rendered_chapters, chapter):
    problems = rendered_chapters(chapter).scene.layout_problems
    assert problems == [], "\n".join(problems[:20])


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_one_subtitle_per_narrated_beat(rendered_chapters, chapter):
    rendered = rendered_chapters(chapter)
    assert rendered.subtitles.is_file()
    entries = srt_entries(rendered.subtitles.read_text(encoding="utf-8"))
    assert entries == [beat.text for beat in rendered.scene.beats]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_ends_with_quiz(rendered_chapters, chapter):
    scene = rendered_chapters(chapter).scene
    assert "quiz_answer" in scene.exhibits
    assert any(beat.text.startswith("Quiz.") for beat in scene.beats[-4:])
