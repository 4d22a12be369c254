"""A progress display: one bar per chapter and an estimate of the time left."""

from __future__ import annotations

import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

BAR_WIDTH = 28


@dataclass
class Task:
    """Progress of one chapter render."""

    name: str
    expected_seconds: float  # video seconds the chapter is expected to run
    progress_file: Path
    state: str = "waiting"  # waiting, rendering, done, failed, skipped
    started: float | None = None
    finished: float | None = None

    def fraction(self) -> float:
        """Return the fraction of the chapter's video rendered so far."""
        if self.state in {"done", "skipped", "failed"}:
            return 1.0
        if self.state == "waiting":
            return 0.0
        try:
            rendered = float(self.progress_file.read_text().strip() or 0)
        except (OSError, ValueError):
            rendered = 0.0
        return min(0.99, rendered / max(self.expected_seconds, 1.0))


@dataclass
class Progress:
    """Redraws the chapter bars on a terminal, or logs a line now and then."""

    tasks: list[Task]
    stream: object = field(default_factory=lambda: sys.stderr)
    interval: float = 0.5
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None
    _drawn_lines: int = 0
    _start: float = field(default_factory=time.monotonic)

    def start(self) -> None:
        """Start redrawing in a background thread."""
        interactive = getattr(self.stream, "isatty", lambda: False)()
        if not interactive:
            self.interval = 20.0
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop redrawing and draw the final state once."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        self.draw()

    def _loop(self) -> None:
        while not self._stop.wait(self.interval):
            self.draw()

    def remaining_estimate(self) -> float | None:
        """Return the estimated seconds left, or None before any progress."""
        pending = [t for t in self.tasks if t.state not in {"skipped"}]
        total = sum(t.expected_seconds for t in pending)
        done = sum(t.expected_seconds * t.fraction() for t in pending)
        elapsed = time.monotonic() - self._start
        if done <= 0 or total <= 0:
            return None
        return elapsed * (total - done) / done

    def lines(self) -> list[str]:
        """Return the text of the display."""
        rows = []
        for task in self.tasks:
            filled = round(task.fraction() * BAR_WIDTH)
            bar = "#" * filled + "-" * (BAR_WIDTH - filled)
            rows.append(f"{task.name:<5} [{bar}] {task.fraction():4.0%} {task.state}")
        remaining = self.remaining_estimate()
        estimate = "estimating" if remaining is None else f"~{remaining:.0f} s left"
        elapsed = time.monotonic() - self._start
        rows.append(f"elapsed {elapsed:.0f} s, {estimate}")
        return rows

    def draw(self) -> None:
        """Write the display, replacing the previous one on a terminal."""
        rows = self.lines()
        interactive = getattr(self.stream, "isatty", lambda: False)()
        if interactive and self._drawn_lines:
            self.stream.write(f"\x1b[{self._drawn_lines}F\x1b[J")
        self.stream.write("\n".join(rows) + "\n")
        self.stream.flush()
        self._drawn_lines = len(rows) if interactive else 0
