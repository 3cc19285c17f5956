"""The spec of c2w3: the public examples of each graded function and the planted mistakes,
each with its hint (see ``grader_tests/spec.py``). ``python -m grader_tests.spec
c2w3_tuning_batchnorm_softmax`` turns it into
``helpers/checks/data/c2w3_tuning_batchnorm_softmax.json``.

The two samplers draw random numbers: they have no examples, and their public check looks at
what their samples must be (the range, the same share of samples in every decade, the same
samples for the same seed), with the settings in ``SPEC.extra``.
"""

from __future__ import annotations

import numpy as np

from grader_tests.spec import Example, Function, Mistake, WeekSpec, planted, run
from grader_tests.spec import function_source as _function
from helpers.checks.c2w3 import decades
from helpers.checks.engine import Raised

from . import reference as ref

ASSIGNMENT = "c2w3_tuning_batchnorm_softmax"
_RNG = np.random.default_rng(2026)

Z = np.round(_RNG.normal(1, 2, (3, 5)), 2)  # 3 units, 5 examples
GAMMA = np.array([[1.5], [0.5], [2.0]])
BETA = np.array([[0.1], [-0.3], [1.0]])
_, CACHE = ref.batchnorm_forward(Z, GAMMA, BETA)
DZ_TILDE = np.round(_RNG.normal(0, 1, (3, 5)), 2)
RUNNING = (np.array([[0.9], [1.1], [-0.5]]), np.array([[3.0], [0.8], [1.5]]))
BATCH = (np.array([[1.2], [0.7], [-0.2]]), np.array([[2.5], [1.2], [0.9]]))
LOGITS = np.round(_RNG.normal(0, 2, (4, 5)), 2)  # 4 classes, 5 examples
LABELS = np.array([[2, 0, 3, 1, 2]])
A = ref.softmax(LOGITS)
Y = ref.one_hot(LABELS, 4)

SAMPLERS = {
    "sample_learning_rates": {"num": 20_000, "kwargs": {"low_exponent": -4, "high_exponent": 0}},
    "sample_betas": {"num": 20_000, "kwargs": {"low": 0.9, "high": 0.999}},
}

FUNCTIONS = [
    Function("sample_learning_rates"),
    Function("sample_betas"),
    Function(
        "batchnorm_forward",
        (
            Example("batchnorm_forward(Z, gamma, beta) for Z of shape (3, 5)", (Z, GAMMA, BETA)),
            Example(
                "batchnorm_forward(Z, gamma, beta, epsilon=0.5) for Z of shape (3, 5)",
                (Z, GAMMA, BETA),
                {"epsilon": 0.5},
            ),
        ),
        parts=("Z_tilde", "cache"),
    ),
    Function(
        "update_running_averages",
        (
            Example(
                "update_running_averages(running_mean, running_var, mu, var, momentum=0.9)",
                (*RUNNING, *BATCH),
            ),
            Example(
                "update_running_averages(running_mean, running_var, mu, var, momentum=0.5)",
                (*RUNNING, *BATCH),
                {"momentum": 0.5},
            ),
        ),
        parts=("running_mean", "running_var"),
    ),
    Function(
        "batchnorm_forward_test",
        (
            Example(
                "batchnorm_forward_test(Z, gamma, beta, running_mean, running_var) for Z of "
                "shape (3, 5)",
                (Z, GAMMA, BETA, *RUNNING),
            ),
        ),
    ),
    Function(
        "batchnorm_backward",
        (Example("batchnorm_backward(dZ_tilde, cache) for Z of shape (3, 5)", (DZ_TILDE, CACHE)),),
        parts=("dZ", "dgamma", "dbeta"),
    ),
    Function(
        "softmax",
        (
            Example("softmax(Z) for Z of shape (4, 5)", (LOGITS,)),
            Example(
                "softmax(Z) for Z = [[1000, 1], [1001, 3], [999, 2]] (large entries)",
                (np.array([[1000.0, 1.0], [1001.0, 3.0], [999.0, 2.0]]),),
            ),
        ),
    ),
    Function(
        "one_hot",
        (
            Example(f"one_hot(Y, C=4) for Y = {LABELS.tolist()}", (LABELS, 4)),
            Example("one_hot(Y, C=6) for Y = [[5, 0, 0]]", (np.array([[5, 0, 0]]), 6)),
        ),
    ),
    Function(
        "compute_softmax_cost",
        (Example("compute_softmax_cost(A, Y) for 4 classes and 5 examples", (A, Y)),),
    ),
    Function(
        "softmax_backward",
        (Example("softmax_backward(A, Y) for 4 classes and 5 examples", (A, Y)),),
    ),
]


# --------------------------------------------------------------------- mistakes' sources


def _lr(body: str) -> str:
    return _function(
        "sample_learning_rates(num, low_exponent=-4, high_exponent=0, seed=0)",
        f"np.random.seed(seed)\n{body}",
    )


def _betas(body: str) -> str:
    return _function(
        "sample_betas(num, low=0.9, high=0.999, seed=0)", f"np.random.seed(seed)\n{body}"
    )


def _bn(
    mu="np.mean(Z, axis=1, keepdims=True)",
    var="np.mean((Z - mu) ** 2, axis=1, keepdims=True)",
    norm="(Z - mu) / np.sqrt(var + epsilon)",
    out="gamma * Z_norm + beta",
    cache="(Z, Z_norm, mu, var, gamma, beta, epsilon)",
):
    return _function(
        "batchnorm_forward(Z, gamma, beta, epsilon=1e-8)",
        f"mu = {mu}\nvar = {var}\nZ_norm = {norm}\nZ_tilde = {out}\nreturn Z_tilde, {cache}",
    )


def _bn_backward(
    dgamma="np.mean(dZ_tilde * Z_norm, axis=1, keepdims=True)",
    dbeta="np.mean(dZ_tilde, axis=1, keepdims=True)",
    dz="gamma / np.sqrt(var + epsilon) * (dZ_tilde - np.mean(dZ_tilde, axis=1, keepdims=True) "
    "- Z_norm * np.mean(dZ_tilde * Z_norm, axis=1, keepdims=True))",
):
    return _function(
        "batchnorm_backward(dZ_tilde, cache)",
        f"Z, Z_norm, mu, var, gamma, beta, epsilon = cache\ndZ = {dz}\n"
        f"dgamma = {dgamma}\ndbeta = {dbeta}\nreturn dZ, dgamma, dbeta",
    )


def _softmax(body: str) -> str:
    return _function("softmax(Z)", body)


# ------------------------------------------------------------------------------ hints
MISTAKES = [
    # ------------------------------------------------------------------- samplers
    Mistake(
        "lr_linear",
        "sample_learning_rates",
        "that is uniform on a linear scale: most samples land in the top decade. Draw the "
        "EXPONENT uniformly, r = np.random.uniform(low_exponent, high_exponent, num), then "
        "return 10 ** r.",
        _lr("return np.random.uniform(10.0 ** low_exponent, 10.0 ** high_exponent, num)"),
    ),
    Mistake(
        "lr_exponent_returned",
        "sample_learning_rates",
        "you returned the exponents r; the learning rates are 10 ** r.",
        _lr("return np.random.uniform(low_exponent, high_exponent, num)"),
    ),
    Mistake(
        "lr_natural_exp",
        "sample_learning_rates",
        "the exponents are powers of TEN: 10 ** r, not np.exp(r).",
        _lr("return np.exp(np.random.uniform(low_exponent, high_exponent, num))"),
    ),
    Mistake(
        "lr_no_seed",
        "sample_learning_rates",
        "call np.random.seed(seed) first, so that the same seed gives the same samples.",
        _function(
            "sample_learning_rates(num, low_exponent=-4, high_exponent=0, seed=0)",
            "return 10 ** np.random.uniform(low_exponent, high_exponent, num)",
        ),
    ),
    Mistake(
        "betas_linear",
        "sample_betas",
        "that samples beta uniformly on a linear scale, so very few samples come close to 1, "
        "where a small change of beta matters most. Sample 1 - beta on a log scale: r uniform "
        "in [log10(1 - high), log10(1 - low)], beta = 1 - 10 ** r.",
        _betas("return np.random.uniform(low, high, num)"),
    ),
    Mistake(
        "betas_one_minus",
        "sample_betas",
        "10 ** r is 1 - beta; return beta = 1 - 10 ** r.",
        _betas("return 10 ** np.random.uniform(np.log10(1 - high), np.log10(1 - low), num)"),
    ),
    Mistake(
        "betas_no_seed",
        "sample_betas",
        "call np.random.seed(seed) first, so that the same seed gives the same samples.",
        _function(
            "sample_betas(num, low=0.9, high=0.999, seed=0)",
            "return 1 - 10 ** np.random.uniform(np.log10(1 - high), np.log10(1 - low), num)",
        ),
    ),
    # ---------------------------------------------------------------- batchnorm_forward
    Mistake(
        "bn_axis0",
        "batchnorm_forward",
        "the mean and the variance are taken over the EXAMPLES of the mini-batch, which are the "
        "columns: axis=1 with keepdims=True (one mu and one sigma^2 per unit).",
        _bn(
            mu="np.mean(Z, axis=0, keepdims=True)",
            var="np.mean((Z - mu) ** 2, axis=0, keepdims=True)",
        ),
    ),
    Mistake(
        "bn_unbiased",
        "batchnorm_forward",
        "batch norm uses the variance divided by m (np.var's default), not the unbiased one "
        "divided by m - 1.",
        _bn(var="np.var(Z, axis=1, keepdims=True, ddof=1)"),
    ),
    Mistake(
        "bn_epsilon_outside",
        "batchnorm_forward",
        "epsilon goes INSIDE the square root: (Z - mu) / np.sqrt(var + epsilon).",
        _bn(norm="(Z - mu) / (np.sqrt(var) + epsilon)"),
    ),
    Mistake(
        "bn_gamma_beta_swapped",
        "batchnorm_forward",
        "gamma scales and beta shifts: Z_tilde = gamma * Z_norm + beta.",
        _bn(out="beta * Z_norm + gamma"),
    ),
    Mistake(
        "bn_std_as_var",
        "batchnorm_forward",
        "divide by the standard deviation, np.sqrt(var + epsilon), not by the variance.",
        _bn(norm="(Z - mu) / (var + epsilon)"),
    ),
    # ----------------------------------------------------------- running averages
    Mistake(
        "running_swapped",
        "update_running_averages",
        "the running average keeps the weight momentum (close to 1) and the batch's value gets "
        "1 - momentum: running = momentum * running + (1 - momentum) * batch value.",
        _function(
            "update_running_averages(running_mean, running_var, mu, var, momentum=0.9)",
            "return ((1 - momentum) * running_mean + momentum * mu,\n"
            "        (1 - momentum) * running_var + momentum * var)",
        ),
    ),
    Mistake(
        "running_replaced",
        "update_running_averages",
        "average the batch's values INTO the running ones (momentum * running + (1 - momentum) "
        "* batch value): replacing them forgets every earlier mini-batch.",
        _function(
            "update_running_averages(running_mean, running_var, mu, var, momentum=0.9)",
            "return mu, var",
        ),
    ),
    # ---------------------------------------------------------------- test mode
    Mistake(
        "bn_test_batch_statistics",
        "batchnorm_forward_test",
        "at test time use the running averages, not the mean and variance of the examples you "
        "are given (a single test example has no variance of its own).",
        _function(
            "batchnorm_forward_test(Z, gamma, beta, running_mean, running_var, epsilon=1e-8)",
            "mu = np.mean(Z, axis=1, keepdims=True)\nvar = np.var(Z, axis=1, keepdims=True)\n"
            "return gamma * (Z - mu) / np.sqrt(var + epsilon) + beta",
        ),
    ),
    Mistake(
        "bn_test_no_gamma_beta",
        "batchnorm_forward_test",
        "after normalizing, scale by gamma and shift by beta, as in training.",
        _function(
            "batchnorm_forward_test(Z, gamma, beta, running_mean, running_var, epsilon=1e-8)",
            "return (Z - running_mean) / np.sqrt(running_var + epsilon)",
        ),
    ),
    # ---------------------------------------------------------------- backward
    Mistake(
        "bn_backward_axis0",
        "batchnorm_backward",
        "dgamma and dbeta have the shape of gamma and beta, (n, 1): average over the examples "
        "(axis=1, keepdims=True), not over the units.",
        _bn_backward(
            dgamma="np.mean(dZ_tilde * Z_norm, axis=0, keepdims=True)",
            dbeta="np.mean(dZ_tilde, axis=0, keepdims=True)",
        ),
    ),
    Mistake(
        "bn_backward_sum",
        "batchnorm_backward",
        "dgamma and dbeta are gradients of the cost, an average over the examples: divide the "
        "sums by m (np.mean), as for dW and db.",
        _bn_backward(
            dgamma="np.sum(dZ_tilde * Z_norm, axis=1, keepdims=True)",
            dbeta="np.sum(dZ_tilde, axis=1, keepdims=True)",
        ),
    ),
    Mistake(
        "bn_backward_naive",
        "batchnorm_backward",
        "mu and sigma^2 depend on every example of the batch, so dZ has two more terms: "
        "gamma / sqrt(var + epsilon) * (dZ_tilde - mean(dZ_tilde) - Z_norm * mean(dZ_tilde * "
        "Z_norm)).",
        _bn_backward(dz="gamma / np.sqrt(var + epsilon) * dZ_tilde"),
    ),
    Mistake(
        "bn_backward_no_variance_term",
        "batchnorm_backward",
        "the variance depends on Z too: subtract Z_norm * mean(dZ_tilde * Z_norm) as well.",
        _bn_backward(
            dz="gamma / np.sqrt(var + epsilon) * (dZ_tilde - np.mean(dZ_tilde, axis=1, "
            "keepdims=True))"
        ),
    ),
    # ---------------------------------------------------------------- softmax
    Mistake(
        "softmax_rows",
        "softmax",
        "each COLUMN is an example: subtract the max of each column and divide by each "
        "column's sum (axis=0, keepdims=True), so that every column sums to 1.",
        _softmax(
            "E = np.exp(Z - np.max(Z, axis=1, keepdims=True))\n"
            "return E / np.sum(E, axis=1, keepdims=True)"
        ),
    ),
    Mistake(
        "softmax_unstable",
        "softmax",
        "np.exp of a large number overflows to inf (and inf / inf is nan): subtract each "
        "column's maximum from Z first; the result does not change.",
        _softmax("E = np.exp(Z)\nreturn E / np.sum(E, axis=0, keepdims=True)"),
    ),
    Mistake(
        "softmax_no_exp",
        "softmax",
        "softmax divides EXPONENTIALS by their sum: np.exp(Z) / the column sums of np.exp(Z).",
        _softmax("return Z / np.sum(Z, axis=0, keepdims=True)"),
    ),
    Mistake(
        "one_hot_transposed",
        "one_hot",
        "one_hot returns (C, m): one row per class and one column per example.",
        _function(
            "one_hot(Y, C)",
            "out = np.zeros((Y.shape[1], C))\nout[np.arange(Y.shape[1]), Y[0]] = 1\nreturn out",
        ),
    ),
    Mistake(
        "one_hot_off_by_one",
        "one_hot",
        "class c goes in row c, counting from 0 (the label 0 in row 0).",
        _function(
            "one_hot(Y, C)",
            "out = np.zeros((C, Y.shape[1]))\nout[(Y[0] + 1) % C, np.arange(Y.shape[1])] = 1\n"
            "return out",
        ),
    ),
    Mistake(
        "softmax_cost_no_m",
        "compute_softmax_cost",
        "the cost is an average: divide the sum by m, the number of examples.",
        _function("compute_softmax_cost(A, Y)", "return float(-np.sum(Y * np.log(A)))"),
    ),
    Mistake(
        "softmax_cost_binary",
        "compute_softmax_cost",
        "with C classes the loss of an example is -sum over classes of y log(a); the "
        "(1 - y) log(1 - a) term belongs to a single sigmoid output.",
        _function(
            "compute_softmax_cost(A, Y)",
            "m = Y.shape[1]\nreturn float(-np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m)",
        ),
    ),
    Mistake(
        "softmax_backward_sign",
        "softmax_backward",
        "dZ = A - Y (prediction minus label), not Y - A.",
        _function("softmax_backward(A, Y)", "return Y - A"),
    ),
    Mistake(
        "softmax_backward_over_m",
        "softmax_backward",
        "dZ = A - Y is per example: the division by m comes later, in dW and db.",
        _function("softmax_backward(A, Y)", "return (A - Y) / Y.shape[1]"),
    ),
]


def _samplers() -> dict:
    """Each sampler's settings and seed, the share of its samples per decade, and the shares
    each planted mistake gives (None: samples out of the range)."""
    data = {}
    for name, settings in SAMPLERS.items():
        call = (settings["num"],)
        options = {**settings["kwargs"], "seed": 3}
        mistakes = {}
        for mistake in SPEC.mistakes_of(name):
            np.random.seed(0)  # a mistake that forgets the seed gives the same shares every time
            output = run(planted(SPEC, mistake.key), call, options)
            raised = isinstance(output, Raised)
            mistakes[mistake.key] = None if raised else decades(output, name, settings["kwargs"])
        data[name] = {
            **settings,
            "seed": 3,
            "expected": decades(getattr(ref, name)(*call, **options), name, settings["kwargs"]),
            "mistakes": mistakes,
        }
    return data


SPEC = WeekSpec(ASSIGNMENT, FUNCTIONS, MISTAKES, extra={"samplers": _samplers})
