"""Measure render times: each chapter at -ql and -qh, and the whole series.

Run from the repository root with the virtual environment active::

    python benchmarks/bench_render.py                 # everything (slow)
    python benchmarks/bench_render.py --skip-series   # per-chapter only
    python benchmarks/bench_render.py --skip-chapters # whole series only
    python benchmarks/bench_render.py --qualities preview --chapters 0,4

Each measurement renders into a fresh temporary folder with ``--force``, so
nothing is reused, and reports wall seconds per second of video.  The
narration cache (``.cache/narration``) is kept, as in a normal re-render.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]


def render(
    out: Path,
    quality: str,
    narration: str,
    chapters: str | None,
    jobs: int,
    force: bool = True,
) -> tuple[float, dict]:
    """Run the series command and return its wall time and index."""
    command = [
        sys.executable,
        "-m",
        "series.cli",
        "--out",
        str(out),
        "--quality",
        quality,
        "--narration",
        narration,
        "--jobs",
        str(jobs),
    ]
    if chapters is not None:
        command += ["--chapters", chapters]
    if force:
        command.append("--force")
    start = time.perf_counter()
    subprocess.run(
        command,
        cwd=REPOSITORY,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wall = time.perf_counter() - start
    return wall, json.loads((out / "index.json").read_text())


def main() -> None:
    """Measure and print a Markdown table of the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--qualities",
        default="preview,high",
        help="comma-separated qualities (preview, high)",
    )
    parser.add_argument(
        "--chapters", default="", help="comma-separated chapter numbers (default: all)"
    )
    parser.add_argument("--narration", default="on", choices=["on", "off"])
    parser.add_argument(
        "--skip-series",
        action="store_true",
        help="skip the whole-series and re-run measurements",
    )
    parser.add_argument(
        "--skip-chapters",
        action="store_true",
        help="skip the one-chapter-at-a-time measurements",
    )
    parser.add_argument(
        "--keep",
        type=Path,
        default=None,
        help="render the whole series into KEEP/<quality> and keep it for viewing",
    )
    arguments = parser.parse_args()
    chapters = sorted(
        int(path.stem[2:]) for path in (REPOSITORY / "scenes").glob("ch[0-9].py")
    )
    if arguments.chapters:
        chapters = [int(c) for c in arguments.chapters.split(",")]
    qualities = arguments.qualities.split(",")
    cores = os.cpu_count()
    print(
        f"machine: {platform.processor() or platform.machine()}, {cores} cores, "
        f"Python {platform.python_version()}, narration {arguments.narration}"
    )
    if not arguments.skip_chapters:
        print("\n| chapter | quality | video s | wall s | wall / video |")
        print("|---|---|---|---|---|")
    for chapter in [] if arguments.skip_chapters else chapters:
        for quality in qualities:
            with tempfile.TemporaryDirectory() as folder:
                wall, index = render(
                    Path(folder), quality, arguments.narration, str(chapter), jobs=1
                )
            video = index["chapters"][0]["duration"]
            print(
                f"| {chapter} | {quality} | {video:.1f} | {wall:.1f} | "
                f"{wall / video:.2f} |",
                flush=True,
            )
    if arguments.skip_series:
        return
    print("\n| whole series | quality | video s | wall s | wall / video |")
    print("|---|---|---|---|---|")
    for quality in qualities:
        with tempfile.TemporaryDirectory() as temporary:
            folder = temporary
            if arguments.keep is not None:
                folder = arguments.keep / quality
                shutil.rmtree(folder, ignore_errors=True)
            wall, index = render(
                Path(folder), quality, arguments.narration, None, jobs=cores
            )
            video = index["lecture"]["duration"]
            print(
                f"| all, {cores} at once | {quality} | {video:.1f} | {wall:.1f} | "
                f"{wall / video:.2f} |",
                flush=True,
            )
            for entry in index["chapters"]:
                seconds = entry["render_seconds"]
                print(
                    f"| chapter {entry['number']} in this run | {quality} | "
                    f"{entry['duration']:.1f} | {seconds:.1f} | "
                    f"{seconds / entry['duration']:.2f} |",
                    flush=True,
                )
            again, _ = render(
                Path(folder),
                quality,
                arguments.narration,
                None,
                jobs=cores,
                force=False,
            )
            print(
                f"| re-run, nothing changed | {quality} | - | {again:.1f} | - |",
                flush=True,
            )


if __name__ == "__main__":
    main()
