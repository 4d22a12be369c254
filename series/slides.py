"""Command line: render chapters as slide decks and convert them to HTML.

``./lecture slides --chapters 4`` renders chapter 4 as a manim-slides deck
(one slide per narrated beat, the narration as speaker notes, no audio) and
writes ``out/slides/ch4-slides.html`` with its videos beside it.  The HTML
loads reveal.js from its CDN, so showing it needs a network connection.
Presenters with a Qt binding installed can also run ``manim-slides present``
on the deck (see ``--help``).
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import time
from pathlib import Path

from .plan import (
    QUALITIES,
    REPOSITORY,
    SCENES,
    Chapter,
    discover,
    manim_command,
    parse_chapter_list,
    run_logged,
)

logger = logging.getLogger("lecture.slides")

# The module manim renders: it builds the deck of one chapter file.
DECK_MODULE = """\
import importlib
import inspect
import sys

sys.path.insert(0, {scenes!r})
from common.lecture_scene import LectureScene  # noqa: E402
from common.slides import slide_deck  # noqa: E402

_module = importlib.import_module({stem!r})
_chapters = [
    value
    for value in vars(_module).values()
    if inspect.isclass(value)
    and issubclass(value, LectureScene)
    and value.__module__ == _module.__name__
]
if len(_chapters) != 1:
    raise SystemExit(f"{stem}.py defines {{len(_chapters)}} chapter scenes, not 1")
Deck = slide_deck(_chapters[0])
Deck.__module__ = __name__
"""


class SlidesError(RuntimeError):
    """A deck failed to render or to convert."""


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(
        prog="lecture slides",
        description="Render chapters as slide decks (one slide per narrated beat, "
        "speaker notes from the narration) and convert them to HTML.",
        epilog="To present with manim-slides' own player, install a Qt binding "
        "(pip install pyside6) and run: manim-slides present --folder "
        "OUT/.work/chN/slides SCENESlides, with the name of the JSON file there",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=REPOSITORY / "out" / "slides",
        help="output folder (default: out/slides/ in the repository)",
    )
    parser.add_argument(
        "--quality",
        choices=sorted(QUALITIES),
        default="high",
        help="high = 1080p60 (default), preview = 480p15, tiny = 256x144 at 5 fps",
    )
    parser.add_argument(
        "--chapters",
        default="",
        help="comma-separated chapter numbers, e.g. 0,3,5 (default: all)",
    )
    arguments = parser.parse_args(argv)
    try:
        arguments.selected = parse_chapter_list(arguments.chapters)
    except ValueError as error:
        parser.error(str(error))
    return arguments


def _run(command: list[str], log_path: Path, environment: dict[str, str]) -> None:
    """Run ``command`` with ``run_logged``; raise SlidesError if it fails."""
    failure = run_logged(command, log_path, environment)
    if failure is not None:
        raise SlidesError(failure)


def build_deck(chapter: Chapter, out: Path, quality: str) -> Path:
    """Render ``chapter`` as a deck and convert it; return the HTML file."""
    work = out / ".work" / chapter.stem
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    deck_file = work / "deck.py"
    deck_file.write_text(
        DECK_MODULE.format(scenes=str(SCENES), stem=chapter.stem), encoding="utf-8"
    )

    environment = {
        **os.environ,
        "LECTURE_NARRATION": "off",
        "LECTURE_SLIDES_FOLDER": str(work / "slides"),
    }
    _run(
        manim_command(quality, work / "media", deck_file),
        work / "render.log",
        environment,
    )

    decks = sorted((work / "slides").glob("*.json"))
    if len(decks) != 1:
        raise SlidesError(f"expected one deck in {work / 'slides'}, found {len(decks)}")

    html = out / f"{chapter.stem}-slides.html"
    _run(
        [
            sys.executable,
            "-m",
            "manim_slides",
            "convert",
            "--folder",
            str(work / "slides"),
            "-cslide_number=true",
            decks[0].stem,
            str(html),
        ],
        work / "convert.log",
        environment,
    )
    return html


def main(argv: list[str] | None = None) -> int:
    """Build the selected decks; return 0, or 1 if any deck failed."""
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    arguments = parse_arguments(argv)
    try:
        import manim_slides  # noqa: F401
    except ImportError:
        logger.error('manim-slides is not installed: pip install -e ".[slides]"')
        return 1
    try:
        chapters = discover(arguments.selected)
    except ValueError as error:
        logger.error("%s", error)
        return 1
    arguments.out.mkdir(parents=True, exist_ok=True)
    failed = 0
    for chapter in chapters:
        start = time.monotonic()
        try:
            html = build_deck(chapter, arguments.out, arguments.quality)
        except SlidesError as error:
            failed += 1
            logger.error("%s failed: %s", chapter.stem, error)
            continue
        logger.info("%s: %s in %.0f s", chapter.stem, html, time.monotonic() - start)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
