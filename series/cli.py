"""Command line: render the lecture series into one output folder.

``lecture`` renders every chapter (1080p60 with narration by default), one
``manim`` process per chapter and as many at once as there are cores, then
joins the chapters into one MP4 with chapter markers and a subtitle track.
A chapter whose fingerprint (see :mod:`series.plan`) is unchanged is not
rendered again.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import shutil
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from . import media
from .plan import (
    QUALITIES,
    REPOSITORY,
    Chapter,
    Settings,
    discover,
    fingerprint,
    manim_command,
    parse_chapter_list,
    run_logged,
)
from .progress import Progress, Task

logger = logging.getLogger("lecture.series")

# Expected video seconds of a chapter never rendered before, for the estimate.
DEFAULT_CHAPTER_SECONDS = 180.0
# Seconds into a chapter where the thumbnail is taken: the title card is up.
THUMBNAIL_AT = 3.0


@dataclass
class Outcome:
    """Result of one chapter in this run: rendered, unchanged or failed."""

    chapter: Chapter
    status: str  # rendered, unchanged, failed
    error: str = ""
    render_seconds: float = 0.0


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(
        prog="lecture",
        description="Render the convex neural network lecture series.",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=REPOSITORY / "out",
        help="output folder (default: out/ in the repository)",
    )
    parser.add_argument(
        "--preview",
        action="store_const",
        const="preview",
        dest="quality",
        help="render at 480p15 instead of 1080p60",
    )
    parser.add_argument(
        "--quality",
        choices=sorted(QUALITIES),
        default="high",
        help="high = 1080p60 (default), preview = 480p15, "
        "tiny = 256x144 at 5 fps for tests",
    )
    parser.add_argument(
        "--chapters",
        default="",
        help="comma-separated chapter numbers, e.g. 0,3,5 (default: all)",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=os.cpu_count() or 1,
        help="chapters rendered at once (default: number of cores)",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="render every selected chapter even if unchanged",
    )
    parser.add_argument(
        "--narration",
        choices=["on", "off", "auto"],
        default="on",
        help="spoken narration (default: on; off renders silently)",
    )
    arguments = parser.parse_args(argv)
    if arguments.jobs < 1:
        parser.error(f"--jobs must be at least 1, got {arguments.jobs}")
    try:
        arguments.selected = parse_chapter_list(arguments.chapters)
    except ValueError as error:
        parser.error(str(error))
    return arguments


def slug(title: str) -> str:
    """Return a file-name form of a chapter title."""
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "chapter"


class SeriesRenderer:
    """Renders chapters into ``out`` and assembles the lecture."""

    def __init__(self, out: Path, settings: Settings, jobs: int, force: bool):
        self.out = out
        self.settings = settings
        self.jobs = jobs
        self.force = force
        self.state_dir = out / ".state"
        self.work_dir = out / ".work"

    # -- state -----------------------------------------------------------------
    def state_path(self, chapter: Chapter) -> Path:
        """Return the file that records a chapter's last good render."""
        return self.state_dir / f"{chapter.stem}.json"

    def load_state(self, chapter: Chapter) -> dict | None:
        """Return a chapter's recorded state, or None if absent or corrupt."""
        try:
            state = json.loads(self.state_path(chapter).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        files = state.get("files", {}).values()
        if not all((self.out / name).is_file() for name in files):
            return None
        return state

    def is_current(self, chapter: Chapter) -> bool:
        """Return whether a chapter's outputs match its code and settings."""
        state = self.load_state(chapter)
        return (
            not self.force
            and state is not None
            and state.get("fingerprint") == fingerprint(chapter, self.settings)
        )

    # -- one chapter -------------------------------------------------------------
    def render(self, chapter: Chapter, task: Task) -> Outcome:
        """Render one chapter in its own ``manim`` process and publish its files."""
        work = self.work_dir / chapter.stem
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        metadata_file = work / "metadata.json"
        environment = {
            **os.environ,
            "LECTURE_NARRATION": self.settings.narration,
            "LECTURE_PROGRESS_FILE": str(task.progress_file),
            "LECTURE_METADATA_FILE": str(metadata_file),
        }
        if self.jobs > 1:
            # Parallel chapters already fill the cores; threaded BLAS inside
            # each one would oversubscribe them.
            environment.setdefault("OPENBLAS_NUM_THREADS", "1")
            environment.setdefault("OMP_NUM_THREADS", "1")
        command = manim_command(self.settings.quality, work / "media", chapter.path)
        digest = fingerprint(chapter, self.settings)
        task.state, task.started = "rendering", time.monotonic()
        log_path = work / "manim.log"
        failure = run_logged(command, log_path, environment)
        seconds = time.monotonic() - task.started
        if failure is None and not metadata_file.is_file():
            failure = f"manim wrote no chapter metadata; log {log_path}"
        if failure is not None:
            task.state = "failed"
            return Outcome(chapter, "failed", failure, seconds)
        try:
            self.publish(chapter, work, digest, seconds)
        except (media.MediaError, OSError, ValueError) as error:
            task.state = "failed"
            return Outcome(
                chapter, "failed", f"assembling outputs failed: {error}", seconds
            )
        task.state = "done"
        return Outcome(chapter, "rendered", render_seconds=seconds)

    def publish(
        self, chapter: Chapter, work: Path, digest: str, render_seconds: float
    ) -> None:
        """Copy a finished render into the output folder under final names."""
        metadata = json.loads((work / "metadata.json").read_text(encoding="utf-8"))
        videos = [
            p
            for p in (work / "media" / "videos").rglob(f"{metadata['scene']}.mp4")
            if "partial_movie_files" not in p.parts
        ]
        if len(videos) != 1:
            raise ValueError(
                f"expected one video of {metadata['scene']}, found {len(videos)}"
            )
        video = videos[0]
        subtitles = video.with_suffix(".srt")
        base = f"{chapter.stem}-{slug(metadata['title'])}"
        files = {
            "video": f"{base}.mp4",
            "srt": f"{base}.srt",
            "vtt": f"{base}.vtt",
            "thumbnail": f"{base}.png",
        }
        media.normalize_chapter(video, self.out / files["video"])
        cues = media.read_srt(subtitles) if subtitles.is_file() else []
        media.write_text_atomic(self.out / files["srt"], media.format_srt(cues))
        media.write_text_atomic(self.out / files["vtt"], media.format_vtt(cues))
        at = min(THUMBNAIL_AT, max(0.0, metadata["duration"] / 2))
        media.thumbnail(video, self.out / files["thumbnail"], at)
        for stale in self.out.glob(f"{chapter.stem}-*"):
            if stale.name not in files.values() and not stale.name.startswith("."):
                stale.unlink()
        state = {
            "fingerprint": digest,
            "files": files,
            "title": metadata["title"],
            "duration": media.duration(self.out / files["video"]),
            "beats": len(metadata["beats"]),
            "render_seconds": round(render_seconds, 2),
            "settings": vars(self.settings),
        }
        self.state_dir.mkdir(parents=True, exist_ok=True)
        media.write_text_atomic(self.state_path(chapter), json.dumps(state, indent=1))

    # -- the whole run -----------------------------------------------------------
    def run(self, chapters: list[Chapter]) -> list[Outcome]:
        """Render what changed among ``chapters``, in parallel."""
        self.out.mkdir(parents=True, exist_ok=True)
        self.work_dir.mkdir(parents=True, exist_ok=True)
        for leftover in self.out.glob(".*.part*"):
            logger.info("removing %s left by an interrupted run", leftover.name)
            leftover.unlink()
        tasks, outcomes, pending = {}, [], []
        for chapter in chapters:
            state = self.load_state(chapter) or {}
            task = Task(
                chapter.stem,
                state.get("duration", DEFAULT_CHAPTER_SECONDS),
                self.work_dir / f"{chapter.stem}.progress",
            )
            task.progress_file.unlink(missing_ok=True)
            tasks[chapter.number] = task
            if self.is_current(chapter):
                task.state = "skipped"
                outcomes.append(Outcome(chapter, "unchanged"))
            else:
                pending.append(chapter)
        logger.info(
            "%d chapter(s) to render, %d unchanged, %d at once",
            len(pending),
            len(chapters) - len(pending),
            self.jobs,
        )
        progress = Progress(list(tasks.values()))
        if pending:
            progress.start()
        try:
            with ThreadPoolExecutor(max_workers=self.jobs) as pool:
                futures = [
                    pool.submit(self.render, c, tasks[c.number]) for c in pending
                ]
                outcomes += [future.result() for future in futures]
        finally:
            if pending:
                progress.stop()
        return sorted(outcomes, key=lambda outcome: outcome.chapter.number)

    def assemble(self, chapters: list[Chapter]) -> dict | None:
        """Join every chapter into ``lecture.mp4`` unless it is already current."""
        states = [self.load_state(chapter) for chapter in chapters]
        missing = [
            chapter.stem
            for chapter, state in zip(chapters, states, strict=True)
            if state is None
        ]
        if missing:
            logger.warning(
                "lecture.mp4 not updated: no output yet for %s; render them "
                "(for example with --chapters) to join the whole lecture",
                ", ".join(missing),
            )
            return None
        digest = "".join(state["fingerprint"] for state in states)
        record_path = self.state_dir / "lecture.json"
        try:
            record = json.loads(record_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            record = {}
        lecture = self.out / "lecture.mp4"
        if record.get("fingerprint") == digest and lecture.is_file():
            return record
        starts = media.join_lecture(
            [self.out / s["files"]["video"] for s in states],
            [
                f"{c.number}. {s['title']}"
                for c, s in zip(chapters, states, strict=True)
            ],
            [self.out / s["files"]["srt"] for s in states],
            lecture,
            self.work_dir / "lecture",
        )
        record = {
            "fingerprint": digest,
            "starts": starts,
            "duration": media.duration(lecture),
        }
        media.write_text_atomic(record_path, json.dumps(record, indent=1))
        return record

    def write_index(self, chapters: list[Chapter], lecture: dict | None) -> None:
        """Write ``index.json`` and ``index.md`` describing the outputs."""
        entries = []
        for chapter in chapters:
            state = self.load_state(chapter)
            if state is None:
                continue
            entries.append(
                {
                    "number": chapter.number,
                    "title": state["title"],
                    "duration": round(state["duration"], 3),
                    "render_seconds": state["render_seconds"],
                    "files": {
                        kind: {"name": name, "bytes": (self.out / name).stat().st_size}
                        for kind, name in state["files"].items()
                    },
                }
            )
        index = {"settings": vars(self.settings), "chapters": entries}
        lecture_file = self.out / "lecture.mp4"
        if lecture is not None and lecture_file.is_file():
            index["lecture"] = {
                "name": "lecture.mp4",
                "duration": round(lecture["duration"], 3),
                "bytes": lecture_file.stat().st_size,
                "chapter_starts": [round(s, 3) for s in lecture["starts"]],
            }
        media.write_text_atomic(self.out / "index.json", json.dumps(index, indent=1))
        lines = [
            "# Convex Neural Networks: the lecture",
            "",
            "| # | chapter | duration | video | subtitles | size |",
            "|---|---|---|---|---|---|",
        ]
        for entry in entries:
            files = entry["files"]
            minutes, seconds = divmod(round(entry["duration"]), 60)
            size = files["video"]["bytes"] / 1e6
            lines.append(
                f"| {entry['number']} | {entry['title']} | "
                f"{minutes}:{seconds:02d} | [{files['video']['name']}]"
                f"({files['video']['name']}) | [srt]({files['srt']['name']}), "
                f"[vtt]({files['vtt']['name']}) | {size:.1f} MB |"
            )
        if "lecture" in index:
            total = round(index["lecture"]["duration"])
            lines += [
                "",
                f"Whole lecture: [lecture.mp4](lecture.mp4), "
                f"{total // 60}:{total % 60:02d}, with chapter markers and "
                "a subtitle track.",
            ]
        media.write_text_atomic(self.out / "index.md", "\n".join(lines) + "\n")


def configure_logging(out: Path) -> None:
    """Log to the terminal and append to ``render.log`` in the output folder."""
    out.mkdir(parents=True, exist_ok=True)
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    file_handler = logging.FileHandler(out / "render.log", encoding="utf-8")
    file_handler.setFormatter(formatter)
    console = logging.StreamHandler(sys.stderr)
    console.setFormatter(logging.Formatter("%(message)s"))
    root = logging.getLogger("lecture")
    root.setLevel(logging.INFO)
    root.handlers[:] = [file_handler, console]


def main(argv: list[str] | None = None) -> int:
    """Render the series; return 0 when every chapter is rendered or current."""
    arguments = parse_arguments(argv)
    out = arguments.out.resolve()
    configure_logging(out)
    try:
        chapters = discover(arguments.selected)
    except ValueError as error:
        logger.error("error: %s", error)
        return 2
    settings = Settings(arguments.quality, arguments.narration)
    renderer = SeriesRenderer(out, settings, arguments.jobs, arguments.force)
    start = time.monotonic()
    logger.info(
        "rendering into %s at quality %s, narration %s",
        out,
        settings.quality,
        settings.narration,
    )
    outcomes = renderer.run(chapters)
    failed = [o for o in outcomes if o.status == "failed"]
    for outcome in outcomes:
        if outcome.status == "failed":
            logger.error("%s failed: %s", outcome.chapter.stem, outcome.error)
        else:
            logger.info(
                "%s %s%s",
                outcome.chapter.stem,
                outcome.status,
                f" in {outcome.render_seconds:.1f} s"
                if outcome.status == "rendered"
                else "",
            )
    lecture = None
    if not failed:
        try:
            lecture = renderer.assemble(discover())
        except (media.MediaError, OSError, ValueError) as error:
            logger.error("joining the lecture failed: %s", error)
            failed.append(None)
    renderer.write_index(discover(), lecture)
    logger.info(
        "finished in %.1f s: %d rendered, %d unchanged, %d failed",
        time.monotonic() - start,
        sum(o.status == "rendered" for o in outcomes),
        sum(o.status == "unchanged" for o in outcomes),
        len(failed),
    )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
