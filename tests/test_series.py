"""The series command: outputs, chapter markers, re-runs, interruption."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REPOSITORY, SCENES, probe

from series import media
from series.cli import main, parse_arguments, slug
from series.plan import Settings, discover, fingerprint

pytestmark = pytest.mark.render

CHAPTER_COUNT = len(list(SCENES.glob("ch[0-9].py")))


def run_series(out: Path, *extra: str) -> int:
    return main(["--quality", "tiny", "--narration", "off", "--out", str(out), *extra])


def digests(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


@pytest.fixture(scope="module")
def series_out(tmp_path_factory):
    out = tmp_path_factory.mktemp("series")
    assert run_series(out) == 0
    return out


def test_every_chapter_has_outputs(series_out):
    index = json.loads((series_out / "index.json").read_text())
    assert [entry["number"] for entry in index["chapters"]] == list(
        range(CHAPTER_COUNT)
    )
    for entry in index["chapters"]:
        for kind in ("video", "srt", "vtt", "thumbnail"):
            path = series_out / entry["files"][kind]["name"]
            assert path.is_file(), path
            assert path.stat().st_size == entry["files"][kind]["bytes"]


def test_lecture_has_chapter_markers(series_out):
    index = json.loads((series_out / "index.json").read_text())
    description = probe(series_out / "lecture.mp4")
    chapters = description.get("chapters", [])
    assert len(chapters) == CHAPTER_COUNT
    start = 0.0
    for marker, entry in zip(chapters, index["chapters"], strict=True):
        assert abs(float(marker["start_time"]) - start) < 0.05
        assert marker["tags"]["title"].endswith(entry["title"])
        start += entry["duration"]
    assert abs(float(description["format"]["duration"]) - start) < 0.5


def test_lecture_has_subtitle_track(series_out):
    streams = probe(series_out / "lecture.mp4")["streams"]
    kinds = [stream["codec_type"] for stream in streams]
    assert "subtitle" in kinds
    assert "audio" in kinds


def test_vtt_matches_srt(series_out):
    for srt in series_out.glob("ch*.srt"):
        cues = media.read_srt(srt)
        vtt = srt.with_suffix(".vtt").read_text()
        assert vtt.startswith("WEBVTT")
        assert vtt.count(" --> ") == len(cues) > 0


def test_index_markdown_lists_chapters(series_out):
    text = (series_out / "index.md").read_text()
    assert "lecture.mp4" in text
    assert (
        len(
            [
                line
                for line in text.splitlines()
                if line.startswith("| ") and line[2].isdigit()
            ]
        )
        == CHAPTER_COUNT
    )


def test_rerun_renders_nothing(series_out):
    before = digests(series_out)
    started = time.monotonic()
    assert run_series(series_out) == 0
    assert time.monotonic() - started < 15
    log = (series_out / "render.log").read_text().splitlines()
    assert f"0 rendered, {CHAPTER_COUNT} unchanged, 0 failed" in log[-1]
    after = digests(series_out)
    del before["render.log"], after["render.log"]
    assert before == after


def test_same_code_gives_same_frames(tmp_path):
    frames = []
    for attempt in ("first", "second"):
        out = tmp_path / attempt
        assert run_series(out, "--chapters", "0") == 0
        video = next(out.glob("ch0-*.mp4"))
        frames.append(
            media.run_tool(
                [
                    "ffmpeg",
                    "-v",
                    "error",
                    "-i",
                    str(video),
                    "-map",
                    "0:v",
                    "-f",
                    "framemd5",
                    "-",
                ]
            )
        )
    assert frames[0] == frames[1]
    assert frames[0].count("\n") > 20
    # Only chapter 0 has output, so the lecture cannot be joined yet.
    log = (tmp_path / "first" / "render.log").read_text()
    assert "no output yet for ch1" in log


def test_interrupted_run_keeps_outputs(tmp_path):
    out = tmp_path / "out"
    assert run_series(out, "--chapters", "0") == 0
    before = digests(out)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "series.cli",
            "--quality",
            "tiny",
            "--narration",
            "off",
            "--out",
            str(out),
            "--chapters",
            "0",
            "--force",
        ],
        cwd=REPOSITORY,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    progress = out / ".work" / "ch0.progress"
    deadline = time.monotonic() + 60
    while not progress.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert progress.exists(), "the forced render never started"
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    after = digests(out)
    del before["render.log"], after["render.log"]
    assert after == before


def test_unknown_chapter_rejected(tmp_path):
    assert run_series(tmp_path, "--chapters", "99") == 2


def test_bad_chapter_list_rejected():
    with pytest.raises(SystemExit):
        parse_arguments(["--chapters", "one"])


def test_fingerprint_depends_on_settings():
    chapter = discover([0])[0]
    assert fingerprint(chapter, Settings("tiny", "off")) != fingerprint(
        chapter, Settings("preview", "off")
    )


def test_slug_is_file_name_safe():
    assert slug("Why Multiple Solutions?") == "why-multiple-solutions"
    assert slug("???") == "chapter"


def test_failed_chapter_reported_others_finish(tmp_path, monkeypatch):
    import series.plan

    scenes = tmp_path / "scenes"
    scenes.mkdir()
    (scenes / "common").symlink_to(SCENES / "common")
    (scenes / "ch0.py").write_text((SCENES / "ch0.py").read_text())
    (scenes / "ch1.py").write_text(
        "from common.lecture_scene import LectureScene\n\n\n"
        "class Broken(LectureScene):\n"
        "    chapter_number = 1\n"
        "    chapter_title = 'Broken'\n\n"
        "    def construct(self):\n"
        "        raise RuntimeError('deliberately broken chapter')\n"
    )
    monkeypatch.setattr(series.plan, "SCENES", scenes)
    out = tmp_path / "out"
    assert run_series(out) == 1
    assert list(out.glob("ch0-*.mp4"))
    assert not list(out.glob("ch1-*"))
    assert not (out / "lecture.mp4").exists()
    log = (out / "render.log").read_text()
    assert "ch1 failed" in log
    assert "deliberately broken chapter" in log
