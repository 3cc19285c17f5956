"""Public checks of week C2 W2 (optimization: mini-batches, exponentially weighted averages,
momentum, Adam, learning-rate decay).

Each ``check_<name>(obj)`` runs your function on small fixed examples. It prints one ✓ line
when everything matches, or stops with a message that says what was expected, what came back
and, when it recognises it, the likely mistake. The hidden checks that grade your work use
other inputs (other numbers of layers, other steps t, other sizes), so write each function for
any input.

The examples, the results of the course's reference solution and those of some common mistakes
are stored in ``helpers/checks/data/c2w2_optimization.json`` (numbers only). Your mini-batches
are random, so their check looks at what they must be instead of at one random order
(``expect_mini_batches``): every example exactly once, each with its own label, complete
batches first and the smaller rest last, shuffled, and the same batches for the same seed.
"""

from __future__ import annotations

import numpy as np

from helpers.checks import (
    CheckFailure,
    call,
    expect_sequence,
    expect_shape,
    failure,
    passed,
    show,
)
from helpers.checks.engine import Week

WEEK = Week("c2w2_optimization", __name__)

check_update_parameters_with_gd = WEEK.checker(
    "update_parameters_with_gd", result="the new parameters"
)
check_exponentially_weighted_average = WEEK.checker("exponentially_weighted_average")
check_initialize_velocity = WEEK.checker("initialize_velocity")
check_update_parameters_with_momentum = WEEK.checker("update_parameters_with_momentum")
check_initialize_adam = WEEK.checker("initialize_adam")
check_update_parameters_with_adam = WEEK.checker("update_parameters_with_adam")
check_update_lr = WEEK.checker("update_lr")
check_schedule_lr_decay = WEEK.checker("schedule_lr_decay")

LABEL_OFFSET = 1000.0  # the label of example i is 1000 + i: a label tells which example it is
SHUFFLED_FROM = 8  # with this many examples, an unshuffled order is a mistake, not chance


def numbered_examples(m: int) -> tuple[np.ndarray, np.ndarray]:
    """X (2, m) whose column i is (i, -i) and Y (1, m) whose label i is 1000 + i."""
    index = np.arange(m, dtype=float)
    return np.vstack([index, -index]), (index + LABEL_OFFSET).reshape(1, m)


def _batch_count(batches, m: int, size: int, what: str) -> None:
    complete, rest = divmod(m, size)
    expected = complete + (rest > 0)
    if len(batches) == expected:
        return
    hint = (
        f"there are m // mini_batch_size complete mini-batches ({m} // {size} = {complete} "
        "here), computed from the arguments, plus one for the rest when m is not a multiple "
        "of mini_batch_size; the rest is added once, after the loop."
    )
    if rest and len(batches) == expected - 1:
        hint = WEEK.hint("mini_batches_no_rest")
    elif not rest and len(batches) == expected + 1:
        hint = WEEK.hint("mini_batches_empty_last")
    raise failure(
        f"{what} returned {len(batches)} mini-batches.",
        expected=f"{expected} mini-batches: {complete} of {size} examples each"
        + (f" and one of the {rest} left over" if rest else ""),
        got=f"{len(batches)} mini-batches of sizes {[np.shape(b[1])[-1] for b in batches]}",
        mistake=hint,
    )


def expect_mini_batches(batches, X: np.ndarray, Y: np.ndarray, size: int, what: str) -> None:
    """The mini-batches of the numbered examples X, Y (see ``numbered_examples``) are what
    random_mini_batches must return, in any random order."""
    m = X.shape[1]
    if not isinstance(batches, (list, tuple)):
        raise failure(
            f"{what} should return a list of (mini_batch_X, mini_batch_Y) pairs.", got=show(batches)
        )
    for number, batch in enumerate(batches):
        batch_X, batch_Y = expect_sequence(batch, 2, f"{what}: mini-batch {number}")
        expect_shape(batch_X, (2, np.shape(batch_X)[-1]), f"{what}: mini-batch {number}'s X")
        expect_shape(batch_Y, (1, np.shape(batch_X)[-1]), f"{what}: mini-batch {number}'s Y")
    _batch_count(batches, m, size, what)
    sizes = [batch[0].shape[1] for batch in batches]
    expected_sizes = [size] * (m // size) + ([m % size] if m % size else [])
    if sizes != expected_sizes:
        last_full = m % size and sizes[:-1] == expected_sizes[:-1] and sizes[-1] == size
        raise failure(
            f"{what} returned mini-batches of the wrong sizes.",
            expected=str(expected_sizes),
            got=str(sizes),
            mistake=WEEK.hint("mini_batches_last_overlaps")
            if last_full
            else "cut the shuffled columns in order: batch k holds columns k * mini_batch_size "
            "to (k + 1) * mini_batch_size, and the last one the rest.",
        )
    for number, (batch_X, batch_Y) in enumerate(batches):
        if not np.array_equal(batch_Y[0], batch_X[0] + LABEL_OFFSET):
            raise failure(
                f"{what}: in mini-batch {number}, the labels are not those of the examples beside "
                "them (the label of the example numbered i is 1000 + i here).",
                expected=show(batch_X[0] + LABEL_OFFSET),
                got=show(batch_Y[0]),
                mistake=WEEK.hint("mini_batches_two_permutations"),
            )
    order = np.concatenate([batch[0][0] for batch in batches])
    if sorted(order.tolist()) != list(range(m)):
        raise failure(
            f"{what} does not hold every example exactly once.",
            expected=f"the examples 0 to {m - 1}, once each",
            got=f"repeated: {sorted({int(i) for i in order if (order == i).sum() > 1})[:10]}",
            mistake=WEEK.hint("mini_batches_last_overlaps"),
        )
    if m >= SHUFFLED_FROM and np.array_equal(order, np.arange(m)):
        raise failure(
            f"{what}: the examples are in their original order.",
            mistake=WEEK.hint("mini_batches_no_shuffle"),
        )


def same_batches(first, second) -> bool:
    """True when two lists of (mini_batch_X, mini_batch_Y) pairs hold the same numbers."""
    return len(first) == len(second) and all(
        np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1])
        for a, b in zip(first, second, strict=True)
    )


def expect_same_for_same_seed(first, second, what: str) -> None:
    if not same_batches(first, second):
        raise failure(
            f"{what}: two calls with the same seed gave different mini-batches.",
            mistake=WEEK.hint("mini_batches_no_seed"),
        )


def expect_other_order_for_other_seed(first, other, what: str) -> None:
    """From 8 examples on, two seeds giving the same order means the seed argument is ignored
    (two random orders of 8 examples agree once in 40,320 draws)."""
    if sum(batch[0].shape[1] for batch in first) >= 8 and same_batches(first, other):
        raise failure(
            f"{what}: another seed gave the same mini-batches.",
            mistake=WEEK.hint("mini_batches_fixed_seed"),
        )


def check_random_mini_batches(random_mini_batches) -> None:
    """Check random_mini_batches on numbered examples of several sizes."""
    pairs = WEEK.extra("mini_batch_sizes")
    for m, size in pairs:
        X, Y = numbered_examples(m)
        what = f"random_mini_batches(X, Y, mini_batch_size={size}, seed=1) for m = {m}"
        batches = call(what, random_mini_batches, X, Y, mini_batch_size=size, seed=1)
        expect_mini_batches(batches, X, Y, size, what)
        again = call(what, random_mini_batches, X, Y, mini_batch_size=size, seed=1)
        expect_same_for_same_seed(batches, again, what)
        other = call(what, random_mini_batches, X, Y, mini_batch_size=size, seed=2)
        expect_other_order_for_other_seed(batches, other, what)
    passed("random_mini_batches", len(pairs))


__all__ = [
    "CheckFailure",
    "expect_mini_batches",
    "expect_other_order_for_other_seed",
    "expect_same_for_same_seed",
    "numbered_examples",
    *sorted(n for n in globals() if n.startswith("check_")),
]
