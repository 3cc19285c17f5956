"""Hidden checks of random_mini_batches on numbered examples (the label of example i is
1000 + i) for many (m, mini_batch_size): with a rest, m a multiple of the size, m below the
size, batches of one. What the batches must be is checked, never one random order
(``helpers.checks.c2w2.expect_mini_batches``): every example once, with its own label,
complete batches then the smaller rest, shuffled (from 8 examples on), the same batches
for the same seed and (from 8 examples on) others for another seed."""

from __future__ import annotations

import pytest

from helpers.checks.c2w2 import (
    expect_mini_batches,
    expect_other_order_for_other_seed,
    expect_same_for_same_seed,
    numbered_examples,
)

from .common import call_student

SIZES = [(300, 64), (256, 64), (1000, 128), (7, 3), (5, 64), (1, 4), (9, 1), (64, 64)]


@pytest.mark.grades("test_random_mini_batches")
@pytest.mark.parametrize(("m", "size"), SIZES, ids=[f"m={m}-size={s}" for m, s in SIZES])
def test_random_mini_batches(random_mini_batches, rng, m, size):
    X, Y = numbered_examples(m)
    seed = int(rng.integers(0, 10_000))
    what = f"random_mini_batches(X, Y, mini_batch_size={size}, seed={seed}) for m = {m}"
    name = "random_mini_batches"
    batches = call_student(random_mini_batches, name, what, X, Y, mini_batch_size=size, seed=seed)[
        0
    ]
    expect_mini_batches(batches, X, Y, size, what)
    again = call_student(random_mini_batches, name, what, X, Y, mini_batch_size=size, seed=seed)[0]
    expect_same_for_same_seed(batches, again, what)
    other = call_student(random_mini_batches, name, what, X, Y, mini_batch_size=size, seed=seed + 1)
    expect_other_order_for_other_seed(batches, other[0], what)
