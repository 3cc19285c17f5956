"""Public checks of week C4 W1 (convolution and pooling, forward and backward, a fast
convolution).

Each ``check_<name>(obj)`` runs your function on small fixed examples. It prints one ✓ line
when everything matches, or stops with a message that says what was expected, what came back
and, when it recognises it, the likely mistake. The hidden checks that grade your work use
other inputs (many sizes, paddings and strides), so write each function for any input.

The examples, the results of the course's reference solution and those of some common mistakes
are stored in ``helpers/checks/data/c4w1_convolution.json`` (numbers only). The checks of the
two fast functions also time them (``expect_vectorized``): a loop over the pixels is correct
but far too slow to train a network with, and the check says so.
"""

from __future__ import annotations

import contextlib
import io
import time

import numpy as np

from helpers.checks import call, failure
from helpers.checks.engine import Week

WEEK = Week("c4w1_convolution", __name__)

check_zero_pad = WEEK.checker("zero_pad")


def _one_number(result, what: str) -> None:
    """conv_single_step returns one number, which conv_forward stores in one entry of Z."""
    if np.ndim(result) != 0:
        raise failure(
            f"{what} should return a single number.",
            got=f"an array of shape {np.shape(result)}",
            mistake=WEEK.hint("step_array"),
        )


check_conv_single_step = WEEK.checker("conv_single_step", then=_one_number)
check_conv_forward = WEEK.checker("conv_forward", result="(Z, cache)")
check_pool_forward = WEEK.checker("pool_forward", result="(A, cache)")
check_conv_backward = WEEK.checker("conv_backward", result="(dA_prev, dW, db)")
check_create_mask_from_window = WEEK.checker("create_mask_from_window")
check_distribute_value = WEEK.checker("distribute_value")
check_pool_backward = WEEK.checker("pool_backward")

# A vectorized convolution of the timing input takes a few milliseconds; the loop version
# about a second. The limit sits far from both: this many times the time of one matrix
# product doing the same multiplications, and never less than MIN_SECONDS.
YARDSTICK_FACTOR = 20
MIN_SECONDS = 0.25
RETRY_FACTOR = 3  # a call up to this many times over the limit is timed once more


def timing_input(seed: int = 7) -> tuple:
    """(A_prev, W, b, hparameters) of the sizes in the checks' data: the same every time."""
    sizes = WEEK.extra("timing")
    rng = np.random.default_rng(seed)
    A_prev = rng.normal(0, 1, (sizes["m"], sizes["n_H_prev"], sizes["n_W_prev"], sizes["n_C_prev"]))
    W = rng.normal(0, 0.3, (sizes["f"], sizes["f"], sizes["n_C_prev"], sizes["n_C"]))
    b = rng.normal(0, 0.1, (1, 1, 1, sizes["n_C"]))
    return A_prev, W, b, {"pad": sizes["pad"], "stride": 1}


def best_time(function, *args, repeat: int = 2) -> float:
    """The shortest of ``repeat`` wall-clock times of ``function(*args)``, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function(*args)
        times.append(time.perf_counter() - start)
    return min(times)


def timed_call(what: str, function, *args) -> float:
    """The wall-clock time of the learner's ``function(*args)`` (an error is reported as the
    learner's, by :func:`helpers.checks.call`)."""
    start = time.perf_counter()
    call(what, function, *args)
    return time.perf_counter() - start


def yardstick(A_prev, W) -> float:
    """The time of one matrix product with as many multiplications as the convolution (every
    output position of every picture times every filter: (m n_H n_W, f f n_C_prev) by
    (f f n_C_prev, n_C)); stride 1 and "same" padding are assumed."""
    m, n_H, n_W, _ = A_prev.shape
    rows = np.ones((m * n_H * n_W, W[..., 0].size))
    columns = np.ones((W[..., 0].size, W.shape[-1]))
    np.matmul(rows, columns)  # once before timing: the first call may start BLAS threads
    return best_time(np.matmul, rows, columns, repeat=3)


def expect_vectorized(name: str, function, args: tuple, yardstick: float, what: str) -> None:
    """Fail when ``function(*args)`` takes far longer than vectorized code (timed twice when
    the first call is a little over the limit: a machine may be busy for a moment)."""
    limit = max(MIN_SECONDS, YARDSTICK_FACTOR * yardstick)
    seconds = timed_call(what, function, *args)
    if limit < seconds <= RETRY_FACTOR * limit:  # near the limit: the machine may have been busy
        seconds = min(seconds, timed_call(what, function, *args))
    if seconds <= limit:
        return
    raise failure(
        f"{name} gives the right numbers but is too slow: {what} took {seconds:.2f} s, where "
        f"vectorized code takes a few milliseconds (a matrix product with as many "
        f"multiplications took {1000 * yardstick:.1f} ms here).",
        mistake=WEEK.hint("fast_loop"),
    )


def _checked_quietly(name: str, function, result: str) -> str:
    """The public examples' check of ``name``; its ✓ line is returned, not printed yet."""
    with contextlib.redirect_stdout(io.StringIO()) as printed:
        WEEK.check(name, function, result=result)
    return printed.getvalue()


def check_conv_forward_fast(conv_forward_fast) -> None:
    """Check conv_forward_fast on the public examples, then time it; one ✓ line for both."""
    passed_line = _checked_quietly("conv_forward_fast", conv_forward_fast, "(Z, cache)")
    A_prev, W, b, hparameters = timing_input()
    what = f"conv_forward_fast on A_prev of shape {A_prev.shape} and W of shape {W.shape}"
    args = (A_prev, W, b, hparameters)
    expect_vectorized("conv_forward_fast", conv_forward_fast, args, yardstick(A_prev, W), what)
    print(passed_line, end="")


def check_conv_backward_fast(conv_backward_fast) -> None:
    """Check conv_backward_fast on the public examples, then time it; one ✓ line for both."""
    passed_line = _checked_quietly("conv_backward_fast", conv_backward_fast, "(dA_prev, dW, db)")
    A_prev, W, b, hparameters = timing_input()
    dZ = np.random.default_rng(8).normal(0, 1, (*A_prev.shape[:3], W.shape[-1]))
    cache = (A_prev, W, b, hparameters)
    what = f"conv_backward_fast on dZ of shape {dZ.shape} and W of shape {W.shape}"
    # the backward pass does about twice the forward's multiplications
    expect_vectorized(
        "conv_backward_fast", conv_backward_fast, (dZ, cache), 2 * yardstick(A_prev, W), what
    )
    print(passed_line, end="")
