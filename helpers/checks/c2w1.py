"""Public checks of week C2 W1 (practical aspects: initialization, regularization, gradient
checking).

Each ``check_<name>(obj)`` runs your function on small fixed examples. It prints one ✓ line when
everything matches, or stops with a message that says what was expected, what came back and,
when it recognises it, the likely mistake. The hidden checks that grade your work use other
inputs, so write each function for any input.

The examples, the results of the course's reference solution and those of some common mistakes
are stored in ``helpers/checks/data/c2w1_practical_aspects.json`` (numbers only). Three kinds of
results are random or rounding noise, so their checks look at what matters instead:

- your random initializers: the keys, the shapes, zero biases and how spread out the weights
  are (``describe``), on layers large enough to measure it;
- your dropout: the masks you drew are read from your cache, and the check verifies what
  inverted dropout must do with them (the kept fraction, the scaling by 1 / keep_prob);
- your gradient checks: on right gradients the difference is rounding noise, so it must only be
  below the threshold 2e-7; on wrong gradients it is compared with the expected number.
"""

from __future__ import annotations

import contextlib
import io
import types

import numpy as np

from helpers.checks import (
    CheckFailure,
    as_number,
    call,
    expect_close,
    expect_facts,
    expect_keys,
    expect_sequence,
    expect_shape,
    failure,
    likely_mistake,
    parameter_facts,
    passed,
    show,
)
from helpers.checks.engine import Week

WEEK = Week("c2w1_practical_aspects", __name__)

check_initialize_parameters_zeros = WEEK.checker("initialize_parameters_zeros")
check_compute_cost_with_regularization = WEEK.checker("compute_cost_with_regularization")
# the backward passes are compared on the parameters' gradients, as the hidden checks grade
# them: dZ3, dA2 ... may differ by where 1 / m is applied
WEIGHT_GRADIENTS = tuple(f"d{p}{l}" for l in (1, 2, 3) for p in "Wb")
check_backward_propagation_with_regularization = WEEK.checker(
    "backward_propagation_with_regularization", only=WEIGHT_GRADIENTS
)
check_forward_propagation = WEEK.checker("forward_propagation")
check_backward_propagation = WEEK.checker("backward_propagation")
check_backward_propagation_n = WEEK.checker("backward_propagation_n")

SPREAD_MIN_SIZE = 10_000  # a weight matrix's spread is measured when it has this many entries
SPREAD_RATIO = 1.08  # "about s" means within this factor of s
SIGN_MIN_SIZE = 24  # weights of one sign are a mistake only in a matrix this big
KEPT_TOLERANCE = 0.02  # the kept fraction of a large layer lies this close to keep_prob
DROPOUT_CACHE = ("Z1", "D1", "A1", "W1", "b1", "Z2", "D2", "A2", "W2", "b2", "Z3", "A3", "W3", "b3")


def _named(check, name: str, doc: str):
    check.__name__, check.__qualname__, check.__doc__ = f"check_{name}", f"check_{name}", doc
    return check


# ---------------------------------------------------------------------- initialization
def describe(parameters, layers_dims, scales: dict) -> dict[str, str]:
    """What matters about freshly initialized parameters, in words: the keys, the shapes, zero
    biases, weights not all equal and of both signs, and the spread (standard deviation) of
    each weight matrix large enough to measure it. ``scales`` maps names to the spreads of
    W1, W2, ... that a result may have (the reference's first): a measured spread within
    SPREAD_RATIO of one of them is said as "about" that number."""
    facts, complete = parameter_facts(parameters, layers_dims)
    if not complete:
        return facts
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        b, W = parameters[f"b{l}"], parameters[f"W{l}"]
        if isinstance(b, np.ndarray):
            facts[f"values in b{l}"] = "not all zero" if np.any(b) else "all zero"
        if not isinstance(W, np.ndarray) or W.dtype.kind not in "biuf" or not W.size:
            continue
        same = W.size > 1 and bool(np.all(W == W.flat[0]))
        facts[f"values in W{l}"] = (
            "all zero" if not np.any(W) else "all equal" if same else "random (not all equal)"
        )
        if W.size >= SIGN_MIN_SIZE and np.any(W):
            facts[f"signs in W{l}"] = "both" if W.min() < 0 < W.max() else "one sign only"
        if W.size >= SPREAD_MIN_SIZE:
            spread = float(np.std(W))
            near = [s[l - 1] for s in scales.values() if 0 < s[l - 1]]
            label = next((s for s in near if 1 / SPREAD_RATIO <= spread / s <= SPREAD_RATIO), None)
            facts[f"spread (standard deviation) of W{l}"] = (
                f"about {label:.3g}" if label is not None else f"{spread:.3g}"
            )
    return facts


def _initializer_checker(name: str):
    def check(function) -> None:
        examples = WEEK.extra("initializers")[name]
        for example in examples:
            got = call(example["label"], function, *example["args"])
            mistakes = [(facts, WEEK.hint(key)) for key, facts in example["mistakes"].items()]
            facts = describe(got, example["dims"], example["scales"])
            expect_facts(facts, example["expected"], example["label"], mistakes)
        passed(name, len(examples))

    return _named(check, name, f"Check {name} on layers large enough to measure the spread.")


check_initialize_parameters_random = _initializer_checker("initialize_parameters_random")
check_initialize_parameters_he = _initializer_checker("initialize_parameters_he")


# ---------------------------------------------------------------------- dropout forward
def dropout_parts(result, what: str):
    """(A3, cache as a dict of its 14 named parts) from forward_propagation_with_dropout."""
    A3, cache = expect_sequence(result, 2, what)
    try:
        cache = expect_sequence(cache, len(DROPOUT_CACHE), f"{what}: cache")
    except CheckFailure as failed:
        raise CheckFailure(
            f"{failed}\n  likely mistake: {WEEK.hint('dropout_cache_order')}"
        ) from None
    return A3, dict(zip(DROPOUT_CACHE, cache, strict=True))


def expect_mask(D, A, keep_prob: float, layer: int, what: str) -> np.ndarray:
    """D is a mask of 0s and 1s of A's shape keeping about keep_prob of the units."""
    D = expect_shape(D, np.shape(A), f"{what}: D{layer}")
    values = np.unique(np.asarray(D, dtype=float))
    if not set(values.tolist()) <= {0.0, 1.0}:
        raise failure(
            f"{what}: D{layer} should hold only 0s and 1s (1 = keep the unit).",
            got=show(D),
            mistake="compare the random numbers with keep_prob: D = (D < keep_prob).astype(int).",
        )
    kept = float(np.mean(D))
    if abs(kept - keep_prob) > KEPT_TOLERANCE:
        hint = {True: WEEK.hint("dropout_reversed"), False: WEEK.hint("dropout_randn")}[
            abs(kept - (1 - keep_prob)) <= KEPT_TOLERANCE
        ]
        raise failure(
            f"{what}: D{layer} keeps {kept:.1%} of the units, not about keep_prob = {keep_prob}.",
            expected=f"a fraction within {KEPT_TOLERANCE} of {keep_prob}",
            got=f"{kept:.4f}",
            mistake=hint,
        )
    return np.asarray(D, dtype=float)


def expect_scaled(A, before, D, keep_prob: float, layer: int, what: str) -> None:
    """A = before * D / keep_prob, naming the usual ways to get the scaling wrong."""
    expected = before * D / keep_prob
    wrong = [
        (before * D, WEEK.hint("dropout_no_scale")),
        (before * D * keep_prob, WEEK.hint("dropout_times_keep_prob")),
        (before, WEEK.hint("dropout_first_layer_only")),
    ]
    expect_close(A, expected, f"{what}: A{layer} (after dropout)", mistakes=wrong)


def check_forward_propagation_with_dropout(forward_propagation_with_dropout) -> None:
    """Check forward_propagation_with_dropout: the exact numbers with keep_prob = 1 (nothing
    dropped), then, on a wide network, your masks and what is done with them."""
    with contextlib.redirect_stdout(io.StringIO()):  # one ✓ line, at the end
        WEEK.check("forward_propagation_with_dropout", forward_propagation_with_dropout)
    data = WEEK.extra("dropout")
    sizes, m, keep_prob = data["sizes"], data["m"], data["keep_prob"]
    rng = np.random.default_rng(data["seed"])  # any numbers do: your own cache is checked
    X = rng.standard_normal((sizes[0], m))
    parameters = {}
    for l in range(1, len(sizes)):
        parameters[f"W{l}"] = rng.standard_normal((sizes[l], sizes[l - 1])) / np.sqrt(sizes[l - 1])
        parameters[f"b{l}"] = rng.standard_normal((sizes[l], 1)) * 0.1
    what = (
        f"forward_propagation_with_dropout(X, parameters, keep_prob={keep_prob}) for a network "
        f"of {' -> '.join(map(str, sizes))} and {m} examples"
    )
    result = call(what, forward_propagation_with_dropout, X, parameters, keep_prob=keep_prob)
    _, cache = dropout_parts(result, what)
    D1 = expect_mask(cache["D1"], cache["Z1"], keep_prob, 1, what)
    expect_scaled(cache["A1"], np.where(cache["Z1"] > 0, cache["Z1"], 0.0), D1, keep_prob, 1, what)
    D2 = expect_mask(cache["D2"], cache["Z2"], keep_prob, 2, what)
    expect_scaled(cache["A2"], np.where(cache["Z2"] > 0, cache["Z2"], 0.0), D2, keep_prob, 2, what)
    # a function of the notebook is called again (the grader's calls each start from the same
    # random state, so there two calls always draw the same masks)
    if isinstance(forward_propagation_with_dropout, types.FunctionType):
        again = call(what, forward_propagation_with_dropout, X, parameters, keep_prob=keep_prob)
        D1_again, D2_again = (dropout_parts(again, what)[1][key] for key in ("D1", "D2"))
        if np.array_equal(D1_again, D1) and np.array_equal(D2_again, D2):
            raise failure(
                f"{what}: called twice, it drew the same masks both times.",
                mistake="do not call np.random.seed inside the function: with a seed inside, "
                "every iteration of the training drops the same units, so the network learns to "
                "do without those units instead of learning not to rely on any one. The "
                "training function seeds the random numbers once, before it starts.",
            )
    passed("forward_propagation_with_dropout", 2)


# --------------------------------------------------------------------- dropout backward
def leaks(grads, cache) -> list[str]:
    """The gradients dA1, dA2 that are not zero where the forward pass dropped a unit."""
    return [
        key
        for key, mask in (("dA1", cache[1]), ("dA2", cache[6]))
        if isinstance(grads, dict)
        and np.shape(grads.get(key)) == np.shape(mask)
        and np.any(np.asarray(grads[key])[np.asarray(mask) == 0])
    ]


def check_backward_propagation_with_dropout(backward_propagation_with_dropout) -> None:
    """Check backward_propagation_with_dropout on its example: the parameters' gradients, then
    that dA1 and dA2 are zero where the forward pass dropped a unit (with ReLU the dW are
    right without that mask, but the gradient of a dropped unit is 0)."""
    name = "backward_propagation_with_dropout"
    example = WEEK.examples(name)[0]
    X, Y, cache, keep_prob = example["args"]
    try:
        with contextlib.redirect_stdout(io.StringIO()):  # one ✓ line, at the end
            WEEK.check(name, backward_propagation_with_dropout, only=WEIGHT_GRADIENTS)
    except CheckFailure as failed:
        if "likely mistake:" in str(failed):
            raise
        grads = call(example["label"], backward_propagation_with_dropout, X, Y, cache, keep_prob)
        leaked = leaks(grads, cache)
        if not leaked:
            raise
        raise CheckFailure(
            f"{failed}\n  {' and '.join(leaked)} not zero where the forward pass dropped a "
            f"unit.\n  likely mistake: {WEEK.hint('dropout_backward_new_mask')}"
        ) from None
    grads = call(example["label"], backward_propagation_with_dropout, X, Y, cache, keep_prob)
    expect_keys(grads, ["dA1", "dA2"], f"{example['label']}: grads")
    leaked = leaks(grads, cache)
    if leaked:
        raise failure(
            f"{example['label']}: {' and '.join(leaked)} not zero where the forward pass dropped "
            "a unit.",
            mistake=WEEK.hint("dropout_backward_no_mask"),
        )
    passed(name, len(WEEK.examples(name)))


# --------------------------------------------------------------------- gradient checks
def _difference(value, what: str) -> float:
    number = as_number(value, what)
    if not number >= 0:
        raise failure(
            f"{what} should be a relative difference: a number of 0 or more.",
            got=show(number),
            mistake="the difference is a quotient of two norms, "
            "||grad - gradapprox|| / (||grad|| + ||gradapprox||).",
        )
    return number


def _below_threshold(value, threshold: float, what: str, mistakes=()) -> None:
    number = _difference(value, what)
    if number >= threshold:
        raise failure(
            f"{what} is {number:.3g}, but the gradients are right, so the difference should be "
            f"rounding noise, far below {threshold:g}.",
            expected=f"less than {threshold:g} (about 1e-8 or smaller)",
            got=show(number),
            mistake=likely_mistake(number, mistakes),
        )


def check_gradient_check(gradient_check) -> None:
    """Check gradient_check: with your (checked) forward and backward propagation the difference
    is tiny; with a backward propagation that returns twice the derivative it is the expected
    relative difference."""
    WEEK.dependencies_first("gradient_check", gradient_check)
    data = WEEK.extra("gradient_check")
    x, theta, threshold = data["x"], data["theta"], data["threshold"]
    what = f"gradient_check(x={x}, theta={theta})"
    mistakes = [(value, WEEK.hint(key)) for key, value in data["mistakes_right"].items()]
    _below_threshold(call(what, gradient_check, x, theta), threshold, what, mistakes)
    namespace = getattr(gradient_check, "__globals__", None)
    backward = namespace.get("backward_propagation") if isinstance(namespace, dict) else None
    if not callable(backward):  # not a notebook function: the grader checks this part itself
        passed("gradient_check", 1)
        return
    namespace["backward_propagation"] = lambda x, theta: 2 * backward(x, theta)
    try:
        what = (
            f"gradient_check(x={x}, theta={theta}) when backward_propagation returns twice dtheta"
        )
        got = _difference(call(what, gradient_check, x, theta), what)
    finally:
        namespace["backward_propagation"] = backward
    mistakes = [(value, WEEK.hint(key)) for key, value in data["mistakes_doubled"].items()]
    expect_close(got, data["doubled"], what, mistakes=mistakes)
    passed("gradient_check", 2)


def check_gradient_check_n(gradient_check_n) -> None:
    """Check gradient_check_n: on wrong gradients the expected difference, on right ones a
    difference below the threshold."""
    with contextlib.redirect_stdout(io.StringIO()):  # one ✓ line, at the end
        WEEK.check("gradient_check_n", gradient_check_n)
    data = WEEK.extra("gradient_check")
    what = "gradient_check_n(parameters, gradients, X, Y) with the right gradients"
    result = call(what, gradient_check_n, *data["right_gradients_n"])
    _below_threshold(result, data["threshold"], what)
    passed("gradient_check_n", 2)


__all__ = [
    "CheckFailure",
    "describe",
    "leaks",
    "expect_facts",
    *sorted(n for n in globals() if n.startswith("check_")),
]
