"""Deterministic on-disk cache for expensive results.

A result is stored under a key that hashes the computation's name, every
input and the source code of :mod:`mathcore` itself, so that editing any
module invalidates every entry.  Files are written under a temporary name and
renamed when complete.  Each file carries a SHA-256 digest of its payload; a
file that is truncated, corrupt or unreadable is logged, discarded and
recomputed, never trusted.

The cache lives in ``$MATHCORE_CACHE_DIR`` when that is set, else in
``.cache/mathcore`` at the repository root.  Setting ``MATHCORE_NO_CACHE=1``
or passing ``use_cache=False`` bypasses it (nothing is read or written).
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import pickle
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from mathcore._validate import as_flag

logger = logging.getLogger(__name__)

T = TypeVar("T")

# Bytes at the start of every cache file, followed by the payload's SHA-256.
_MAGIC = b"MATHCORE-CACHE-1\n"
_PACKAGE_DIR = Path(__file__).resolve().parent


def cache_dir() -> Path:
    """Return the folder that contains cached results (it may not exist yet)."""
    configured = os.environ.get("MATHCORE_CACHE_DIR")
    if configured:
        return Path(configured)
    return _PACKAGE_DIR.parent / ".cache" / "mathcore"


def cache_enabled() -> bool:
    """Return False when ``MATHCORE_NO_CACHE`` is set to a true value."""
    flag = os.environ.get("MATHCORE_NO_CACHE", "").strip().lower()
    return flag not in {"1", "true", "yes", "on"}


@functools.cache
def code_version() -> str:
    """Return a SHA-256 digest of every ``.py`` file of the package."""
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE_DIR.rglob("*.py")):
        digest.update(path.relative_to(_PACKAGE_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _feed(digest: Any, value: object) -> None:
    """Feed a canonical byte form of ``value`` into ``digest``."""
    if isinstance(value, np.ndarray):
        array = np.ascontiguousarray(value)
        digest.update(f"ndarray{array.dtype.str}{array.shape}".encode())
        digest.update(array.tobytes())
    elif isinstance(value, Mapping):
        digest.update(b"map{")
        for key in sorted(value, key=str):
            _feed(digest, str(key))
            _feed(digest, value[key])
        digest.update(b"}")
    elif isinstance(value, list | tuple):
        digest.update(f"seq{len(value)}[".encode())
        for item in value:
            _feed(digest, item)
        digest.update(b"]")
    elif isinstance(value, float | np.floating):
        digest.update(f"float{float(value).hex()}".encode())
    elif value is None or isinstance(value, bool | int | str | np.integer):
        digest.update(f"{type(value).__name__}:{value!r}".encode())
    else:
        raise TypeError(
            f"cannot hash cache input of type {type(value).__name__}: "
            "pass arrays, numbers, strings or containers of them"
        )


def cache_key(name: str, inputs: Mapping[str, object]) -> str:
    """Return the hex key for computation ``name`` applied to ``inputs``."""
    digest = hashlib.sha256()
    digest.update(name.encode())
    digest.update(code_version().encode())
    _feed(digest, dict(inputs))
    return digest.hexdigest()


def _read(path: Path) -> tuple[bool, Any]:
    """Return ``(True, value)`` for a valid file, else ``(False, None)``."""
    try:
        blob = path.read_bytes()
    except FileNotFoundError:
        return False, None
    except OSError as error:
        logger.warning("cache file %s is unreadable (%s); recomputing", path, error)
        return False, None
    header = len(_MAGIC) + 32
    payload = blob[header:]
    valid = (
        blob.startswith(_MAGIC)
        and len(blob) > header
        and hashlib.sha256(payload).digest() == blob[len(_MAGIC) : header]
    )
    if valid:
        try:
            return True, pickle.loads(payload)
        except Exception as error:  # noqa: BLE001 - any unpickling failure
            logger.warning("cache file %s failed to load (%s)", path, error)
    logger.warning("cache file %s is corrupt; recomputing", path)
    path.unlink(missing_ok=True)
    return False, None


def _write(path: Path, value: object) -> None:
    """Write ``value`` to ``path`` atomically with its digest."""
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(_MAGIC)
            stream.write(hashlib.sha256(payload).digest())
            stream.write(payload)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def cached(
    name: str,
    compute: Callable[[], T],
    inputs: Mapping[str, object],
    *,
    use_cache: bool = True,
) -> T:
    """Return ``compute()``, read from or stored in the disk cache.

    Parameters
    ----------
    name : str
        Name of the computation, part of the key.
    compute : callable
        Zero-argument function that computes the result; it must be a pure
        function of ``inputs``.
    inputs : mapping
        Every input of the computation (arrays, numbers, strings, and lists,
        tuples or dicts of them).
    use_cache : bool, default True
        False computes afresh and neither reads nor writes the cache.

    Returns
    -------
    object
        The result, as computed or as loaded from a valid cache file.
    """
    if not (as_flag("use_cache", use_cache) and cache_enabled()):
        return compute()
    path = cache_dir() / name / f"{cache_key(name, inputs)}.pkl"
    found, value = _read(path)
    if found:
        logger.debug("cache hit for %s at %s", name, path)
        return value
    value = compute()
    try:
        _write(path, value)
    except OSError as error:
        logger.warning("could not write cache file %s (%s)", path, error)
    return value
