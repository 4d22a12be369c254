"""Shared fixtures: tiny in-process renders of the chapter scenes."""

from __future__ import annotations

import importlib
import inspect
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[1]
SCENES = REPOSITORY / "scenes"
if str(SCENES) not in sys.path:
    sys.path.insert(0, str(SCENES))

# Renders in tests are silent unless a test requests narration itself.
os.environ.setdefault("LECTURE_NARRATION", "off")

# Frame size and rate of the renders in tests: small enough for CI, large
# enough that text boxes keep their proportions.
TINY = {"pixel_width": 256, "pixel_height": 144, "frame_rate": 5}


@dataclass
class Rendered:
    """A chapter scene after a tiny render, with its video's probe."""

    scene: object
    video: Path
    subtitles: Path
    probe: dict


def chapter_class(module_name: str):
    """Return the one LectureScene subclass defined in ``scenes/<module>.py``."""
    from common.lecture_scene import LectureScene

    module = importlib.import_module(module_name)
    classes = [
        obj
        for obj in vars(module).values()
        if inspect.isclass(obj)
        and issubclass(obj, LectureScene)
        and obj.__module__ == module.__name__
    ]
    assert len(classes) == 1, f"{module_name} defines {len(classes)} scenes"
    return classes[0]


def probe(path: Path) -> dict:
    """Return ffprobe's JSON description of a media file's streams and format."""
    output = subprocess.run(
        [
            "ffprobe",
            "-v",
            "error",
            "-print_format",
            "json",
            "-show_streams",
            "-show_format",
            "-show_chapters",
            str(path),
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output)


def render_tiny(scene_class, media_dir: Path, **overrides) -> Rendered:
    """Render ``scene_class`` at the tiny size with layout checks on."""
    from manim import tempconfig

    settings = {
        **TINY,
        "media_dir": str(media_dir),
        "tex_dir": str(REPOSITORY / ".cache" / "tex"),
        "disable_caching": True,
        "write_to_movie": True,
        "verbosity": "WARNING",
        "progress_bar": "none",
        **overrides,
    }
    checked = type(scene_class.__name__, (scene_class,), {"layout_check": True})
    with tempconfig(settings):
        scene = checked()
        scene.render()
        video = Path(scene.renderer.file_writer.movie_file_path)
    return Rendered(scene, video, video.with_suffix(".srt"), probe(video))


@pytest.fixture(scope="session")
def rendered_chapters(tmp_path_factory):
    """Return a function that renders a chapter once per test session."""
    cache: dict[str, Rendered] = {}

    def get(module_name: str) -> Rendered:
        if module_name not in cache:
            media = tmp_path_factory.mktemp(f"media_{module_name}")
            cache[module_name] = render_tiny(chapter_class(module_name), media)
        return cache[module_name]

    return get
