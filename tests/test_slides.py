"""Slide decks: one slide per narrated beat, the narration as speaker notes."""

from __future__ import annotations

import json

import pytest

from series import slides

pytestmark = pytest.mark.render

CHAPTER = "ch5"


@pytest.fixture(scope="module")
def deck(tmp_path_factory):
    out = tmp_path_factory.mktemp("slides")
    assert slides.main(["--quality", "tiny", "--chapters", "5", "--out", str(out)]) == 0
    [deck_file] = (out / ".work" / CHAPTER / "slides").glob("*.json")
    return out, json.loads(deck_file.read_text())


def test_deck_has_one_slide_per_beat(deck, rendered_chapters):
    _, content = deck
    beats = rendered_chapters(CHAPTER).scene.beats
    notes = [slide["notes"] for slide in content["slides"]]
    assert notes == [beat.text for beat in beats]


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
