"""Hidden checks of the log-scale samplers on other ranges: every sample inside the range, the
same share in each decade (20,000 samples), the same samples for the same seed. No random
stream is compared (``helpers.checks.c2w3.expect_samples``)."""

from __future__ import annotations

import numpy as np
import pytest

from helpers.checks import failure
from helpers.checks.c2w3 import decades, expect_samples

from .common import call_student
from .spec import SPEC

NUM = 20_000
SETTINGS = {
    "sample_learning_rates": [
        {"low_exponent": -5, "high_exponent": -1},
        {"low_exponent": -3, "high_exponent": 0},
    ],
    "sample_betas": [{"low": 0.9, "high": 0.999}, {"low": 0.99, "high": 0.9999}],
}


def _check(function, name: str, settings: dict, seed: int) -> None:
    arguments = ", ".join(f"{k}={v}" for k, v in settings.items())
    what = f"{name}({NUM}, {arguments}, seed={seed})"
    samples, wrong = call_student(function, name, what, NUM, seed=seed, **settings)
    mistakes = {hint: decades(output, name, settings) for output, hint in wrong}
    expect_samples(samples, name, settings, NUM, what, mistakes)
    again = call_student(function, name, what, NUM, seed=seed, **settings)[0]
    if not np.array_equal(np.asarray(again), np.asarray(samples)):
        key = "lr_no_seed" if name == "sample_learning_rates" else "betas_no_seed"
        raise failure(
            f"{what}: two calls with the same seed gave different samples.", mistake=SPEC.hint(key)
        )


@pytest.mark.grades("test_sample_learning_rates")
@pytest.mark.parametrize("case", [0, 1])
def test_sample_learning_rates(sample_learning_rates, rng, case):
    settings = SETTINGS["sample_learning_rates"][case]
    _check(sample_learning_rates, "sample_learning_rates", settings, int(rng.integers(0, 1000)))


@pytest.mark.grades("test_sample_betas")
@pytest.mark.parametrize("case", [0, 1])
def test_sample_betas(sample_betas, rng, case):
    _check(sample_betas, "sample_betas", SETTINGS["sample_betas"][case], int(rng.integers(0, 1000)))
