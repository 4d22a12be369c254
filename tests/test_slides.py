"""Slide decks: one slide per narrated beat, the narration as speaker notes."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import numpy as np
import pytest

from series import slides

pytestmark = pytest.mark.render

CHAPTER = "ch5"


def ink(video: Path) -> np.ndarray:
    """Return, per frame of ``video``, how much it differs from the background."""
    raw = subprocess.run(
        [
            "ffmpeg",
            "-v",
            "error",
            "-i",
            str(video),
            "-f",
            "rawvideo",
            "-pix_fmt",
            "gray",
            "-s",
            "64x36",
            "-",
        ],
        check=True,
        capture_output=True,
    ).stdout
    frames = np.frombuffer(raw, dtype=np.uint8).reshape(-1, 36 * 64).astype(int)
    background = np.median(frames[0])
    return np.abs(frames - background).sum(axis=1)


@pytest.fixture(scope="module")
def deck(tmp_path_factory):
    out = tmp_path_factory.mktemp("slides")
    assert slides.main(["--quality", "tiny", "--chapters", "5", "--out", str(out)]) == 0
    [deck_file] = (out / ".work" / CHAPTER / "slides").glob("*.json")
    return out, json.loads(deck_file.read_text())


def test_deck_has_one_slide_per_beat(deck, rendered_chapters):
    _, content = deck
    beats = rendered_chapters(CHAPTER).scene.beats
    notes = [slide["notes"] for slide in content["slides"] if slide["notes"]]
    spoken = [note for note in notes if not note.startswith("Pause")]
    assert spoken == [beat.text for beat in beats]


def test_transitions_run_into_the_next_slide(deck):
    _, content = deck
    transitions = [slide for slide in content["slides"] if not slide["notes"]]
    assert transitions
    assert all(slide["auto_next"] for slide in transitions)


def test_quiz_pause_has_its_own_slide(deck):
    _, content = deck
    pauses = [s for s in content["slides"] if s["notes"].startswith("Pause")]
    assert len(pauses) == 1
    assert not pauses[0]["auto_next"]


def test_beat_slides_end_on_their_full_picture(deck):
    # A slide that ended on a fade-out would stop on a dim or empty frame.
    out, content = deck
    for slide in content["slides"]:
        if slide["auto_next"]:
            continue
        amounts = ink(out / ".work" / CHAPTER / "slides" / slide["file"])
        assert amounts[-1] >= 0.7 * amounts.max(), f"{slide['file']} ends faded"


def test_html_refers_to_every_slide_video(deck):
    out, content = deck
    html = (out / f"{CHAPTER}-slides.html").read_text(encoding="utf-8")
    videos = sorted((out / f"{CHAPTER}-slides_assets").glob("*.mp4"))
    assert len(videos) == len(content["slides"])
    for video in videos:
        assert video.name in html


def test_unknown_chapter_fails(tmp_path):
    assert slides.main(["--chapters", "99", "--out", str(tmp_path)]) == 1


def test_bad_chapter_list_rejected():
    with pytest.raises(SystemExit):
        slides.parse_arguments(["--chapters", "five"])
