"""Faster encoder settings for the video and audio Manim writes.

Manim 0.21 encodes every animation with x264's default preset and converts
the narration to AAC after resampling it to 48 kHz stereo.  Neither choice
shows in this lecture's output, but both cost render time:

- x264's ``veryfast`` preset re-encoded 40 s of chapter 7 at 1080p60 with
  40 % less CPU time than ``medium``.  At the same constant rate factor its
  file was 25 % smaller, because the frames are flat colours and thin lines.
- The narration is 22.05 kHz mono speech.  Encoding 250 s of it at its own
  rate and channel count took 2.4 s instead of 8.3 s.  The upsampled track
  would carry no sound the original lacks.

Both hooks are installed by :class:`~common.lecture_scene.LectureScene`.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import av
from manim.scene import scene_file_writer

logger = logging.getLogger("lecture.encoding")

X264_PRESET = "veryfast"


def use_fast_video_preset(writer) -> None:
    """Make each partial movie stream of ``writer`` use ``X264_PRESET``.

    Manim opens one x264 stream per animation and sets only the constant rate
    factor.  The codec opens at the first frame, so an option added right
    after Manim creates the stream still applies.
    """
    open_stream = getattr(writer, "open_partial_movie_stream", None)
    if open_stream is None:
        logger.warning("Manim's file writer changed; x264 keeps its default preset")
        return

    def open_fast_stream(*args, **kwargs):
        open_stream(*args, **kwargs)
        job = getattr(writer, "_current_encode_job", None)
        context = getattr(getattr(job, "stream", None), "codec_context", None)
        if context is not None and context.name == "libx264":
            context.options = {**context.options, "preset": X264_PRESET}

    writer.open_partial_movie_stream = open_fast_stream


def encode_audio(input_path: Path, output_path, codec_name: str) -> None:
    """Re-encode the audio file ``input_path`` with ``codec_name``.

    ``output_path`` is a path or, as Manim passes it when converting a sound
    to WAV, an open named temporary file.  The output keeps the input's
    sample rate and channel count.
    """
    if not isinstance(output_path, str | os.PathLike):
        output_path = output_path.name
    with (
        av.open(str(input_path)) as source,
        av.open(str(output_path), "w") as target,
    ):
        incoming = source.streams.audio[0]
        outgoing = target.add_stream(codec_name, rate=incoming.rate)
        outgoing.layout = {1: "mono", 2: "stereo"}.get(
            incoming.channels, incoming.layout.name
        )
        for frame in source.decode(incoming):
            for packet in outgoing.encode(frame):
                target.mux(packet)
        for packet in outgoing.encode():
            target.mux(packet)


def use_native_rate_audio() -> None:
    """Make Manim encode the narration track with :func:`encode_audio`."""
    if not callable(getattr(scene_file_writer, "convert_audio", None)):
        logger.warning("Manim's audio conversion changed; it keeps its settings")
        return
    scene_file_writer.convert_audio = encode_audio
