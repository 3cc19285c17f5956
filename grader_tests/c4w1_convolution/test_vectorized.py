"""Hidden checks that the fast versions are vectorized: on a moderate input (48 pictures of
32 x 32 x 3, eight 3 x 3 filters, "same" padding) the learner's call must finish within a
generous multiple of the reference's own time, measured in the same run (and never less than
0.3 s). A vectorized version takes milliseconds plus the cost of sending the arrays to
the learner's process; a loop over the pixels takes seconds, on a slow machine as on a fast
one. A first call a little over the limit (up to 3 times) is timed once more before it fails."""

from __future__ import annotations

import time

import pytest

from helpers.checks import failure
from helpers.checks.c4w1 import best_time

from . import reference as ref
from .common import call_student
from .spec import SPEC

FACTOR = 20
MIN_SECONDS = 0.3
RETRY_FACTOR = 3  # a call up to this many times over the limit is timed once more
SHAPE = (48, 32, 32, 3)  # a loop version makes 48 * 32 * 32 * 8 = 393,216 window products


def _inputs(rng):
    A_prev = rng.normal(0, 1, SHAPE)
    W, b = rng.normal(0, 0.3, (3, 3, 3, 8)), rng.normal(0, 0.1, (1, 1, 1, 8))
    return A_prev, W, b, {"pad": 1, "stride": 1}


def _expect_fast(student, name: str, args: tuple, reference_seconds: float, what: str):
    limit = max(MIN_SECONDS, FACTOR * reference_seconds)
    seconds = []
    for _ in range(2):
        start = time.perf_counter()
        call_student(student, name, what, *args)
        seconds.append(time.perf_counter() - start)
        if seconds[-1] <= limit:
            return
        if seconds[-1] > RETRY_FACTOR * limit:  # far too slow: a busy moment cannot explain it
            break
    raise failure(
        f"{what} is too slow: it took {min(seconds):.2f} s where the course's vectorized version "
        f"takes {1000 * reference_seconds:.0f} ms (allowed: {limit:.2f} s).",
        mistake=SPEC.hint("fast_loop"),
    )


@pytest.mark.grades("test_conv_forward_fast")
def test_conv_forward_fast_is_vectorized(conv_forward_fast, rng):
    args = _inputs(rng)
    reference = best_time(ref.conv_forward_fast, *args, repeat=3)
    what = f"conv_forward_fast(A_prev, W, b, hparameters) for A_prev of shape {SHAPE}"
    _expect_fast(conv_forward_fast, "conv_forward_fast", args, reference, what)


@pytest.mark.grades("test_conv_backward_fast")
def test_conv_backward_fast_is_vectorized(conv_backward_fast, rng):
    A_prev, W, b, hparameters = _inputs(rng)
    dZ = rng.normal(0, 1, (*SHAPE[:3], W.shape[-1]))
    cache = (A_prev, W, b, hparameters)
    reference = best_time(ref.conv_backward_fast, dZ, cache, repeat=3)
    what = f"conv_backward_fast(dZ, cache) for A_prev of shape {SHAPE}"
    _expect_fast(conv_backward_fast, "conv_backward_fast", (dZ, cache), reference, what)
