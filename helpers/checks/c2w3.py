"""Public checks of week C2 W3 (hyperparameter search, batch normalization, softmax).

Each ``check_<name>(obj)`` runs your function on small fixed examples. It prints one ✓ line
when everything matches, or stops with a message that says what was expected, what came back
and, when it recognises it, the likely mistake. The hidden checks that grade your work use
other inputs, so write each function for any input.

The examples, the results of the course's reference solution and those of some common mistakes
are stored in ``helpers/checks/data/c2w3_tuning_batchnorm_softmax.json`` (numbers only). Your
samplers draw random numbers, so their check looks at what the samples must be instead of at
one random stream: all inside the range, about the same share in every decade of the log
scale (``decades``), and the same samples for the same seed.
"""

from __future__ import annotations

import numpy as np

from helpers.checks import CheckFailure, call, expect_shape, failure, passed, show
from helpers.checks.engine import Week

WEEK = Week("c2w3_tuning_batchnorm_softmax", __name__)

check_batchnorm_forward = WEEK.checker("batchnorm_forward")
check_update_running_averages = WEEK.checker("update_running_averages")
check_batchnorm_forward_test = WEEK.checker("batchnorm_forward_test")
check_batchnorm_backward = WEEK.checker("batchnorm_backward")
check_softmax = WEEK.checker("softmax")
check_one_hot = WEEK.checker("one_hot")
check_compute_softmax_cost = WEEK.checker("compute_softmax_cost")
check_softmax_backward = WEEK.checker("softmax_backward")

SHARE_TOLERANCE = 0.02  # a decade's share of 20,000 samples lies this close to its expected share


def decades(values, name: str, settings: dict) -> list[float] | None:
    """The share of the samples in each decade of the log scale, from the lowest up (10 ** r
    for the learning rates; 1 - beta = 10 ** r for the betas); None when a sample lies outside
    the range the settings give."""
    values = np.asarray(values, dtype=float).ravel()
    if name == "sample_learning_rates":
        low, high, scaled = settings["low_exponent"], settings["high_exponent"], values
    else:
        low, high = np.log10(1 - settings["high"]), np.log10(1 - settings["low"])
        scaled = 1 - values
    with np.errstate(all="ignore"):
        exponents = np.log10(scaled)
    inside = (exponents >= low - 1e-9) & (exponents <= high + 1e-9)
    if not values.size or not np.all(inside):
        return None
    counts = np.histogram(exponents, bins=np.arange(round(low), round(high) + 1))[0]
    return [round(float(c) / values.size, 4) for c in counts]


def _close(shares, other) -> bool:
    return (
        other is not None
        and shares is not None
        and len(shares) == len(other)
        and all(abs(a - b) <= SHARE_TOLERANCE for a, b in zip(shares, other, strict=True))
    )


def expect_samples(samples, name: str, settings: dict, num: int, what: str, mistakes=None):
    """``num`` samples inside the range, spread evenly over the decades of the log scale;
    ``mistakes``: {hint: shares per decade (None: out of range)} of known mistakes."""
    samples = expect_shape(
        np.asarray(samples) if isinstance(samples, list) else samples, (num,), what
    )
    shares = decades(samples, name, settings)
    expected = [round(1 / len(_decade_edges(name, settings)), 4)] * len(
        _decade_edges(name, settings)
    )
    if _close(shares, expected):
        return
    hint = next(
        (h for h, other in (mistakes or {}).items() if shares is None and other is None), None
    )
    hint = hint or next((h for h, other in (mistakes or {}).items() if _close(shares, other)), None)
    scale = "r" if name == "sample_learning_rates" else "1 - beta"
    raise failure(
        f"{what}: the samples are not spread evenly on a log scale."
        if shares is not None
        else f"{what}: some samples lie outside the range.",
        expected=f"{'10 ** r' if scale == 'r' else 'beta'} inside the range, and in each decade of "
        f"the log scale about the same share of the samples: {expected}",
        got=f"shares per decade {shares}"
        if shares is not None
        else f"samples from {show(float(np.min(samples)))} to {show(float(np.max(samples)))}",
        mistake=hint,
    )


def _decade_edges(name: str, settings: dict) -> list[int]:
    if name == "sample_learning_rates":
        return list(range(settings["low_exponent"], settings["high_exponent"]))
    low, high = np.log10(1 - settings["high"]), np.log10(1 - settings["low"])
    return list(range(round(low), round(high)))


def _sampler_checker(name: str):
    def check(function) -> None:
        data = WEEK.extra("samplers")[name]
        num, settings, seed = data["num"], data["kwargs"], data["seed"]
        arguments = ", ".join(f"{k}={v}" for k, v in settings.items())
        what = f"{name}({num}, {arguments}, seed={seed})"
        samples = call(what, function, num, **settings, seed=seed)
        mistakes = {WEEK.hint(key): shares for key, shares in data["mistakes"].items()}
        expect_samples(samples, name, settings, num, what, mistakes)
        again = call(what, function, num, **settings, seed=seed)
        if not np.array_equal(np.asarray(again), np.asarray(samples)):
            raise failure(
                f"{what}: two calls with the same seed gave different samples.",
                mistake=WEEK.hint("lr_no_seed" if "learning" in name else "betas_no_seed"),
            )
        passed(name, 2)

    check.__name__ = check.__qualname__ = f"check_{name}"
    check.__doc__ = f"Check {name}: the range, the spread over the decades, the seed."
    return check


check_sample_learning_rates = _sampler_checker("sample_learning_rates")
check_sample_betas = _sampler_checker("sample_betas")

__all__ = [
    "CheckFailure",
    "decades",
    "expect_samples",
    *sorted(n for n in globals() if n.startswith("check_")),
]
