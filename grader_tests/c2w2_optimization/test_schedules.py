"""Hidden checks of the exponentially weighted averages (random series of 1 to 60 values, beta
from 0.5 to 0.98, with and without bias correction) and of the learning-rate decays (epochs on
both sides of a step of the staircase)."""

from __future__ import annotations

import numpy as np
import pytest

from .common import check


@pytest.mark.grades("test_exponentially_weighted_average")
@pytest.mark.parametrize("beta", [0.5, 0.9, 0.98])
@pytest.mark.parametrize("bias_correction", [False, True])
def test_exponentially_weighted_average(exponentially_weighted_average, rng, beta, bias_correction):
    for length in (1, int(rng.integers(20, 60))):
        theta = rng.normal(15, 5, length)
        what = (
            f"exponentially_weighted_average(theta, beta={beta}, bias_correction={bias_correction})"
            f" for {length} values"
        )
        name = "exponentially_weighted_average"
        check(
            exponentially_weighted_average, name, what, theta, beta, bias_correction=bias_correction
        )


@pytest.mark.grades("test_update_lr")
@pytest.mark.parametrize("epoch_num", [0, 1, 37])
def test_update_lr(update_lr, rng, epoch_num):
    rate0, decay = float(np.round(rng.uniform(0.01, 1), 3)), float(np.round(rng.uniform(0.1, 2), 2))
    what = f"update_lr(learning_rate0={rate0}, epoch_num={epoch_num}, decay_rate={decay})"
    check(update_lr, "update_lr", what, rate0, epoch_num, decay)


@pytest.mark.grades("test_schedule_lr_decay")
@pytest.mark.parametrize("epoch_num", [0, 99, 100, 250, 1999])
def test_schedule_lr_decay(schedule_lr_decay, rng, epoch_num):
    rate0, decay = float(np.round(rng.uniform(0.01, 1), 3)), float(np.round(rng.uniform(0.1, 2), 2))
    what = (
        f"schedule_lr_decay(learning_rate0={rate0}, epoch_num={epoch_num}, decay_rate={decay}, "
        "time_interval=100)"
    )
    check(schedule_lr_decay, "schedule_lr_decay", what, rate0, epoch_num, decay, time_interval=100)
