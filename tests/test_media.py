"""Audio encoding of chapters and the audio track of published chapter videos."""

from __future__ import annotations

import math
import struct
import subprocess
import wave
from pathlib import Path

import pytest
from conftest import probe

from series import media


def ffmpeg(*arguments: str) -> None:
    subprocess.run(["ffmpeg", "-v", "error", "-y", *arguments], check=True)


def write_tone(path: Path, rate: int, channels: int, seconds: float = 1.0) -> None:
    frames = int(rate * seconds)
    samples = [
        int(8000 * math.sin(2 * math.pi * 440 * i / rate)) for i in range(frames)
    ]
    with wave.open(str(path), "wb") as file:
        file.setnchannels(channels)
        file.setsampwidth(2)
        file.setframerate(rate)
        file.writeframes(b"".join(struct.pack("<h", s) * channels for s in samples))


def audio_of(path: Path) -> dict:
    streams = [s for s in probe(path)["streams"] if s["codec_type"] == "audio"]
    assert len(streams) == 1
    return streams[0]


def audio_packets(path: Path) -> bytes:
    return subprocess.run(
        [
            "ffmpeg",
            "-v",
            "error",
            "-i",
            str(path),
            "-map",
            "0:a",
            "-c",
            "copy",
            "-f",
            "data",
            "-",
        ],
        check=True,
        capture_output=True,
    ).stdout


def make_video(path: Path, audio: Path | None = None) -> Path:
    inputs = ["-f", "lavfi", "-i", "testsrc=size=64x36:rate=5:duration=1"]
    if audio is None:
        ffmpeg(*inputs, "-c:v", "libx264", "-pix_fmt", "yuv420p", str(path))
    else:
        ffmpeg(
            *inputs,
            "-i",
            str(audio),
            "-c:v",
            "libx264",
            "-pix_fmt",
            "yuv420p",
            "-c:a",
            "copy",
            "-shortest",
            str(path),
        )
    return path


@pytest.mark.parametrize(("rate", "channels"), [(22050, 1), (16000, 1), (44100, 2)])
def test_encode_audio_keeps_rate_and_channels(tmp_path, rate, channels):
    from common.encoding import encode_audio

    source = tmp_path / "tone.wav"
    write_tone(source, rate, channels)
    encode_audio(source, tmp_path / "tone.aac", "aac")
    stream = audio_of(tmp_path / "tone.aac")
    assert stream["codec_name"] == "aac"
    assert int(stream["sample_rate"]) == rate
    assert int(stream["channels"]) == channels


def test_lecture_scene_installs_audio_encoder():
    from common import encoding, lecture_scene  # noqa: F401
    from manim.scene import scene_file_writer

    assert scene_file_writer.convert_audio is encoding.encode_audio


def test_silent_chapter_gets_silent_track(tmp_path):
    source = make_video(tmp_path / "silent.mp4")
    media.normalize_chapter(source, tmp_path / "out.mp4")
    stream = audio_of(tmp_path / "out.mp4")
    assert stream["codec_name"] == "aac"
    assert int(stream["sample_rate"]) == media.AUDIO_RATE
    assert int(stream["channels"]) == media.AUDIO_CHANNELS


def test_matching_narration_track_is_copied(tmp_path):
    from common.encoding import encode_audio

    write_tone(tmp_path / "voice.wav", media.AUDIO_RATE, media.AUDIO_CHANNELS)
    encode_audio(tmp_path / "voice.wav", tmp_path / "voice.m4a", "aac")
    source = make_video(tmp_path / "narrated.mp4", tmp_path / "voice.m4a")
    media.normalize_chapter(source, tmp_path / "out.mp4")
    assert audio_packets(tmp_path / "out.mp4") == audio_packets(source)


def test_other_audio_is_converted(tmp_path):
    write_tone(tmp_path / "music.wav", 48000, 2)
    ffmpeg("-i", str(tmp_path / "music.wav"), "-c:a", "aac", str(tmp_path / "m.m4a"))
    source = make_video(tmp_path / "music.mp4", tmp_path / "m.m4a")
    media.normalize_chapter(source, tmp_path / "out.mp4")
    stream = audio_of(tmp_path / "out.mp4")
    assert int(stream["sample_rate"]) == media.AUDIO_RATE
    assert int(stream["channels"]) == media.AUDIO_CHANNELS


def test_encode_audio_writes_into_open_temporary_file(tmp_path):
    # Manim converts a non-WAV sound by passing an open temporary file.
    import tempfile

    from common.encoding import encode_audio

    write_tone(tmp_path / "tone.wav", 44100, 2)
    ffmpeg(
        "-i", str(tmp_path / "tone.wav"), "-c:a", "libvorbis", str(tmp_path / "t.ogg")
    )
    with tempfile.NamedTemporaryFile(suffix=".wav", dir=tmp_path, delete=False) as out:
        encode_audio(tmp_path / "t.ogg", out, "pcm_s16le")
    stream = audio_of(Path(out.name))
    assert stream["codec_name"] == "pcm_s16le"
    assert int(stream["sample_rate"]) == 44100
