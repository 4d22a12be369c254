"""ffmpeg and ffprobe steps of the series: probing, subtitles, joining.

Every function that writes a final file writes it under a temporary name in
the same folder and renames it when complete, so an interrupted run never
leaves a half-written file under a final name.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path


class MediaError(RuntimeError):
    """An ffmpeg or ffprobe call failed."""


def run_tool(arguments: Sequence[str]) -> str:
    """Run ffmpeg or ffprobe and return its standard output.

    Raises
    ------
    MediaError
        If the program is missing or exits non-zero; the message contains the
        last lines of its error output.
    """
    try:
        completed = subprocess.run(
            list(arguments), capture_output=True, text=True, check=False
        )
    except FileNotFoundError:
        raise MediaError(
            f"{arguments[0]} not found: install ffmpeg (Debian package ffmpeg)"
        ) from None
    if completed.returncode != 0:
        tail = "\n".join(completed.stderr.strip().splitlines()[-5:])
        raise MediaError(f"{arguments[0]} failed ({completed.returncode}): {tail}")
    return completed.stdout


def probe(path: Path) -> dict:
    """Return ffprobe's description of the streams and format of ``path``."""
    return json.loads(
        run_tool(
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
            ]
        )
    )


def duration(path: Path) -> float:
    """Return the duration of a media file in seconds."""
    return float(probe(path)["format"]["duration"])


@contextlib.contextmanager
def atomic_path(final: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``final`` and rename it on success."""
    final.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(
        dir=final.parent, prefix=f".{final.stem}.", suffix=f".part{final.suffix}"
    )
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        # mkstemp creates files readable by the owner only; outputs are shared.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, final)
    finally:
        temporary.unlink(missing_ok=True)


def write_text_atomic(final: Path, content: str) -> None:
    """Write ``content`` to ``final`` through a temporary file."""
    with atomic_path(final) as temporary:
        temporary.write_text(content, encoding="utf-8")


@dataclass(frozen=True)
class Cue:
    """One subtitle entry, times in seconds."""

    start: float
    end: float
    text: str


_SRT_TIME = re.compile(r"(\d+):(\d\d):(\d\d)[,.](\d{3})")


def _seconds(stamp: str) -> float:
    match = _SRT_TIME.fullmatch(stamp.strip())
    if match is None:
        raise ValueError(f"invalid SRT timestamp {stamp!r}")
    hours, minutes, seconds, millis = (int(part) for part in match.groups())
    return hours * 3600 + minutes * 60 + seconds + millis / 1000


def read_srt(path: Path) -> list[Cue]:
    """Parse an SRT file into cues."""
    cues = []
    blocks = re.split(r"\n\s*\n", path.read_text(encoding="utf-8").strip())
    for block in blocks:
        lines = block.strip().splitlines()
        if len(lines) < 2 or "-->" not in lines[1]:
            continue
        start, end = (_seconds(part) for part in lines[1].split("-->"))
        cues.append(Cue(start, end, "\n".join(lines[2:])))
    return cues


def _stamp(seconds: float, separator: str) -> str:
    millis = round(seconds * 1000)
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    whole, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{whole:02d}{separator}{millis:03d}"


def format_srt(cues: Sequence[Cue]) -> str:
    """Return ``cues`` as SRT text."""
    return "".join(
        f"{index}\n{_stamp(cue.start, ',')} --> {_stamp(cue.end, ',')}\n{cue.text}\n\n"
        for index, cue in enumerate(cues, start=1)
    )


def format_vtt(cues: Sequence[Cue]) -> str:
    """Return ``cues`` as WebVTT text."""
    body = "".join(
        f"{_stamp(cue.start, '.')} --> {_stamp(cue.end, '.')}\n{cue.text}\n\n"
        for cue in cues
    )
    return "WEBVTT\n\n" + body


def shift(cues: Sequence[Cue], offset: float) -> list[Cue]:
    """Return ``cues`` moved later by ``offset`` seconds."""
    return [Cue(c.start + offset, c.end + offset, c.text) for c in cues]


# Audio of every published chapter: AAC at the narration voice's own rate, mono.
# Chapters must share these for the lecture to be joined without re-encoding.
AUDIO_RATE = 22050
AUDIO_CHANNELS = 1


def audio_stream(path: Path) -> dict | None:
    """Return ffprobe's description of the first audio stream of ``path``."""
    streams = [s for s in probe(path)["streams"] if s["codec_type"] == "audio"]
    return streams[0] if streams else None


def normalize_chapter(source: Path, final: Path) -> None:
    """Copy a chapter video to ``final`` with a mono AAC track at ``AUDIO_RATE``.

    A narrated render already has such a track, which is copied.  Other audio
    is re-encoded and a silent render gets a silent track.  So every chapter
    has the same streams, and the chapters join without re-encoding.
    """
    audio = audio_stream(source)
    with atomic_path(final) as temporary:
        if audio is None:
            arguments = [
                "-i",
                str(source),
                "-f",
                "lavfi",
                "-i",
                f"anullsrc=channel_layout=mono:sample_rate={AUDIO_RATE}",
                "-map",
                "0:v:0",
                "-map",
                "1:a:0",
                "-c:v",
                "copy",
                "-c:a",
                "aac",
                "-shortest",
            ]
        else:
            matches = (
                audio["codec_name"] == "aac"
                and int(audio["sample_rate"]) == AUDIO_RATE
                and int(audio["channels"]) == AUDIO_CHANNELS
            )
            audio_codec = (
                ["copy"]
                if matches
                else ["aac", "-ar", str(AUDIO_RATE), "-ac", str(AUDIO_CHANNELS)]
            )
            arguments = [
                "-i",
                str(source),
                "-map",
                "0:v:0",
                "-map",
                "0:a:0",
                "-c:v",
                "copy",
                "-c:a",
                *audio_codec,
            ]
        run_tool(
            [
                "ffmpeg",
                "-v",
                "error",
                "-y",
                *arguments,
                "-movflags",
                "+faststart",
                "-f",
                "mp4",
                str(temporary),
            ]
        )


def thumbnail(video: Path, final: Path, at: float, width: int = 1280) -> None:
    """Write the frame at ``at`` seconds of ``video`` as a PNG of ``width`` pixels."""
    with atomic_path(final) as temporary:
        run_tool(
            [
                "ffmpeg",
                "-v",
                "error",
                "-y",
                "-ss",
                f"{at:.3f}",
                "-i",
                str(video),
                "-frames:v",
                "1",
                "-vf",
                f"scale={width}:-2",
                "-f",
                "image2",
                "-c:v",
                "png",
                str(temporary),
            ]
        )


def _ffmetadata(
    titles: Sequence[str], starts: Sequence[float], ends: Sequence[float]
) -> str:
    def escape(value: str) -> str:
        return re.sub(r"([=;#\\\n])", r"\\\1", value)

    lines = [";FFMETADATA1", "title=Convex Neural Networks: the lecture"]
    for title, start, end in zip(titles, starts, ends, strict=True):
        lines += [
            "[CHAPTER]",
            "TIMEBASE=1/1000",
            f"START={round(start * 1000)}",
            f"END={round(end * 1000)}",
            f"title={escape(title)}",
        ]
    return "\n".join(lines) + "\n"


def join_lecture(
    videos: Sequence[Path],
    titles: Sequence[str],
    subtitles: Sequence[Path],
    final: Path,
    work: Path,
) -> list[float]:
    """Join chapter videos into one MP4 with chapter markers and soft subtitles.

    The streams are copied, not re-encoded; :func:`normalize_chapter` gives
    every chapter the same stream layout first.  Returns each chapter's start
    time in seconds.
    """
    work.mkdir(parents=True, exist_ok=True)
    lengths = [duration(video) for video in videos]
    starts = [sum(lengths[:k]) for k in range(len(lengths))]
    ends = [start + length for start, length in zip(starts, lengths, strict=True)]
    listing = work / "concat.txt"
    listing.write_text(
        "".join(f"file '{video.resolve().as_posix()}'\n" for video in videos),
        encoding="utf-8",
    )
    metadata = work / "chapters.ffmeta"
    metadata.write_text(_ffmetadata(titles, starts, ends), encoding="utf-8")
    cues: list[Cue] = []
    for path, start in zip(subtitles, starts, strict=True):
        cues += shift(read_srt(path), start)
    merged = work / "lecture.srt"
    merged.write_text(format_srt(cues), encoding="utf-8")
    with atomic_path(final) as temporary:
        run_tool(
            [
                "ffmpeg",
                "-v",
                "error",
                "-y",
                "-f",
                "concat",
                "-safe",
                "0",
                "-i",
                str(listing),
                "-i",
                str(metadata),
                "-i",
                str(merged),
                "-map",
                "0:v",
                "-map",
                "0:a",
                "-map",
                "2:s",
                "-map_metadata",
                "1",
                "-map_chapters",
                "1",
                "-c:v",
                "copy",
                "-c:a",
                "copy",
                "-c:s",
                "mov_text",
                "-metadata:s:s:0",
                "language=eng",
                "-movflags",
                "+faststart",
                "-f",
                "mp4",
                str(temporary),
            ]
        )
    return starts
