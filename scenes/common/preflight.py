"""Checks that a render has what it needs, before Manim fails deep inside.

Importing a chapter runs :func:`require_setup`.  A missing program or package
ends the run with one line that names it and the command that fixes it.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys

SETUP_COMMAND = "./lecture setup"

# Programs a render calls, with the Debian package that provides each.
REQUIRED_PROGRAMS = {
    "latex": "texlive-latex-base",
    "dvisvgm": "dvisvgm",
    "ffmpeg": "ffmpeg",
}


def missing_pieces() -> list[str]:
    """Return a description of each missing program or package."""
    missing = [
        f"{program} (Debian package {package})"
        for program, package in REQUIRED_PROGRAMS.items()
        if shutil.which(program) is None
    ]
    if importlib.util.find_spec("mathcore") is None:
        missing.append("the mathcore package (not installed in this Python)")
    return missing


def require_setup() -> None:
    """Exit with a one-line message when a program or package is missing."""
    missing = missing_pieces()
    if missing:
        sys.stderr.write(
            f"error: missing {', '.join(missing)}; run {SETUP_COMMAND} from the "
            "repository root, then activate .venv (source .venv/bin/activate)\n"
        )
        raise SystemExit(2)
