"""Time each mathcore computation cold and from the disk cache.

Run from the repository root with the virtual environment active::

    python benchmarks/bench_mathcore.py                # every entry
    python benchmarks/bench_mathcore.py --only convex  # names containing "convex"
    python benchmarks/bench_mathcore.py --repeat 5

Every entry of ``BENCHMARKS`` is a ``(name, run)`` pair where ``run(use_cache)``
performs one computation. For each entry the script reports

* ``first``: the first call with ``use_cache=False`` in this process, which
  includes one-time costs such as cvxpy's first canonicalization;
* ``cold``: the median of ``--repeat`` further calls with ``use_cache=False``;
* ``cached``: a call with ``use_cache=True`` after one call has filled the
  cache (``n/a`` for entries marked with :func:`no_cache`).

The cache lives in a temporary folder for the run, so existing entries in
``.cache/mathcore`` neither help nor change. To add a computation, append a
pair to ``BENCHMARKS``.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

REPOSITORY = Path(__file__).resolve().parents[1]
if str(REPOSITORY) not in sys.path:
    sys.path.insert(0, str(REPOSITORY))

IMPORT_START = time.perf_counter()
from mathcore import (  # noqa: E402
    convex,
    datasets,
    double_descent,
    landscape,
    leastsq,
    network,
    path,
    patterns,
    twoparam,
)

IMPORT_SECONDS = time.perf_counter() - IMPORT_START

Run = Callable[[bool], object]


def no_cache(run: Run) -> Run:
    """Mark ``run`` as a computation that never uses the disk cache."""
    run.uses_cache = False  # type: ignore[attr-defined]
    return run


LECTURE = datasets.lecture_1d()
GAUSS_10_3 = datasets.gaussian_points(10, 3, seed=0)
GAUSS_20_4 = datasets.gaussian_points(20, 4, seed=0)
PLANE_20 = datasets.plane_points(20)


def _gd_ten_starts(use_cache: bool) -> float:
    best = float("inf")
    for seed in range(10):
        U, alpha = network.init_network(2, 10, 0.5, seed)
        run = network.gradient_descent(
            U,
            alpha,
            LECTURE.X,
            LECTURE.y,
            LECTURE.beta,
            0.05,
            3000,
            3000,
            use_cache=use_cache,
        )
        best = min(best, run.loss[-1])
    return best


BENCHMARKS: list[tuple[str, Run]] = [
    (
        "patterns.enumerate_patterns_2d, plane n=20",
        no_cache(lambda use_cache: patterns.enumerate_patterns_2d(PLANE_20.x)),
    ),
    (
        "patterns.enumerate_patterns, gaussian n=10 d=3",
        lambda use_cache: patterns.enumerate_patterns(
            GAUSS_10_3.x, use_cache=use_cache
        ),
    ),
    (
        "patterns.enumerate_patterns, gaussian n=20 d=4",
        lambda use_cache: patterns.enumerate_patterns(
            GAUSS_20_4.x, use_cache=use_cache
        ),
    ),
    (
        "convex.beta_max exact, lecture_1d",
        no_cache(lambda use_cache: convex.beta_max(LECTURE.X, LECTURE.y)),
    ),
    (
        "convex.solve exact, lecture_1d beta=0.1",
        lambda use_cache: convex.solve(
            LECTURE.X, LECTURE.y, LECTURE.beta, use_cache=use_cache
        ),
    ),
    (
        "convex.solve gated, lecture_1d beta=0.1",
        lambda use_cache: convex.solve(
            LECTURE.X, LECTURE.y, LECTURE.beta, gated=True, use_cache=use_cache
        ),
    ),
    (
        "convex.solve exact, lecture_1d beta=0",
        lambda use_cache: convex.solve(LECTURE.X, LECTURE.y, 0.0, use_cache=use_cache),
    ),
    (
        "convex.solve exact, gaussian n=10 d=3 beta=0.1",
        lambda use_cache: convex.solve(
            GAUSS_10_3.X, GAUSS_10_3.y, 0.1, use_cache=use_cache
        ),
    ),
    (
        "path.regularization_path exact, lecture_1d 60 betas",
        lambda use_cache: path.regularization_path(
            LECTURE.X, LECTURE.y, use_cache=use_cache
        ),
    ),
    (
        "path.regularization_path gated, lecture_1d 60 betas",
        lambda use_cache: path.regularization_path(
            LECTURE.X, LECTURE.y, gated=True, use_cache=use_cache
        ),
    ),
    ("network.gradient_descent, 10 starts x 3000 steps", _gd_ten_starts),
]


_LSQ_RNG = np.random.default_rng(7)
_LSQ_A = _LSQ_RNG.standard_normal((5, 12))
_LSQ_B = _LSQ_RNG.standard_normal(5)
_LSQ_STEP = 1.9 / np.linalg.norm(_LSQ_A, 2) ** 2

BENCHMARKS += [
    (
        "leastsq.gradient_descent, n=5 d=12 3000 steps",
        no_cache(
            lambda use_cache: leastsq.gradient_descent(
                _LSQ_A, _LSQ_B, np.zeros(12), _LSQ_STEP, 3000
            )
        ),
    ),
    (
        "twoparam.gradient_descent, 200000 steps of 1e-4",
        no_cache(
            lambda use_cache: twoparam.gradient_descent(
                0.1, 0.5, 1e-4, 200_000, record_every=1000
            )
        ),
    ),
    (
        "double_descent.double_descent, n=40 d=5 30 trials",
        lambda use_cache: double_descent.double_descent(use_cache=use_cache),
    ),
    (
        "double_descent.fit_random_features_1d, width 200",
        no_cache(
            lambda use_cache: double_descent.fit_random_features_1d(
                LECTURE.x, LECTURE.y, 200
            )
        ),
    ),
    (
        "landscape.nonconvexity_witness, lecture_1d",
        no_cache(
            lambda use_cache: landscape.nonconvexity_witness(LECTURE.X, LECTURE.y)
        ),
    ),
    (
        "landscape.valley_demo, 5 paths x 3000 steps",
        lambda use_cache: landscape.valley_demo(use_cache=use_cache),
    ),
    (
        "landscape.showcase_runs, 18 runs x 40000 steps",
        lambda use_cache: landscape.showcase_runs(use_cache=use_cache),
    ),
]


def measure(run: Run, repeat: int) -> tuple[float, float, float | None]:
    """Return first cold, median cold and cached seconds of one entry."""
    start = time.perf_counter()
    run(False)
    first = time.perf_counter() - start
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run(False)
        times.append(time.perf_counter() - start)
    cached = None
    if getattr(run, "uses_cache", True):
        run(True)
        start = time.perf_counter()
        run(True)
        cached = time.perf_counter() - start
    return first, statistics.median(times), cached


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--repeat", type=int, default=3, help="cold calls per entry (default 3)"
    )
    parser.add_argument(
        "--only", default="", help="run only entries whose name contains this text"
    )
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as folder:
        os.environ["MATHCORE_CACHE_DIR"] = folder
        os.environ.pop("MATHCORE_NO_CACHE", None)
        print(f"python {platform.python_version()}, {platform.machine()}")
        print(
            f"{os.cpu_count()} logical CPUs, import of mathcore {IMPORT_SECONDS:.2f} s"
        )
        header = f"{'computation':<55} {'first':>9} {'cold':>9} {'cached':>9}"
        print(header)
        print("-" * len(header))
        for name, run in BENCHMARKS:
            if args.only not in name:
                continue
            first, cold, cached = measure(run, args.repeat)
            cached_text = "n/a" if cached is None else f"{cached * 1e3:7.1f}ms"
            print(
                f"{name:<55} {first * 1e3:7.1f}ms {cold * 1e3:7.1f}ms {cached_text:>9}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
