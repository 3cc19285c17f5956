"""Public checks of week C1 W4 (a deep neural network, step by step).

Each ``check_<name>(obj)`` runs your function on small fixed examples. It prints one ✓ line
when everything matches, or stops with a message that says what was expected, what came back
and, when it recognises it, the likely mistake. The hidden checks that grade your work use
other inputs (other sizes, other numbers of layers), so write each function for any input.

The examples, the results of the course's reference solution and those of some common mistakes
are stored in ``helpers/checks/data/c1w4_deep_network.json``. Your initializers draw random
numbers, so their results are compared by what matters: the keys, the shapes, zero biases,
random weights and how spread out the weights are (``describe``).

The checks of ``two_layer_model`` and ``L_layer_model`` start the training from fixed
parameters: while they run, ``initialize_parameters`` (``initialize_parameters_deep``) in your
notebook stands for a function that returns those parameters, so that the results can be
compared with the expected numbers, and ``update_parameters`` gets copies of its arguments, as
it does when your work is graded. Your initializers have their own checks.
"""

from __future__ import annotations

import contextlib
import copy
import inspect

import numpy as np

from helpers.checks import (
    call,
    expect_close,
    expect_facts,
    expect_sequence,
    failure,
    parameter_facts,
    passed,
    show,
)
from helpers.checks.engine import Week, compare, named, split_mistakes

WEEK = Week("c1w4_deep_network", __name__)

SPREAD_MIN_SIZE = 400  # the spread of a weight matrix is measured when it has this many entries
SPREAD_MIN_UNITS = 16  # ... and the layer before has this many units or more
SPREAD_RATIO = 1.25  # "about s" means within a factor 1.25 of s


# ---------------------------------------------------------------------- initialization
def _spread(W: np.ndarray, n_prev: int, lax: bool) -> str | None:
    """How spread out the weights are, in words, or None where too few to say."""
    if W.size < SPREAD_MIN_SIZE or n_prev < SPREAD_MIN_UNITS:
        return None
    spread, limit = float(np.std(W)), 2 / np.sqrt(n_prev)
    if lax and 0 < spread <= limit:
        return f"small: at most 2 / sqrt({n_prev}) = {limit:.3g} (0.01 is typical)"
    scales = {"0.01": 0.01, f"1 / sqrt({n_prev}) = {1 / np.sqrt(n_prev):.3g}": 1 / np.sqrt(n_prev)}
    for label, scale in {**scales, "1": 1.0}.items():
        if 1 / SPREAD_RATIO <= spread / scale <= SPREAD_RATIO:
            return f"about {label}"
    return f"{spread:.2g}"


def describe(parameters, layer_dims, *, lax: bool = False) -> dict[str, str]:
    """What matters about freshly initialized parameters of a network with these layer sizes,
    in words: the keys W1, b1, ..., their shapes, zero biases, weights that are not all equal,
    and, for weight matrices big enough to measure it, their spread (standard deviation):
    ``lax`` accepts any small spread, else it must be about 1 / sqrt(units of the layer before).
    """
    facts, complete = parameter_facts(parameters, layer_dims)
    if not complete:
        return facts
    L = len(layer_dims) - 1
    arrays = {k: v for k, v in parameters.items() if isinstance(v, np.ndarray) and v.size}
    for l in range(1, L + 1):
        if f"b{l}" in arrays:
            facts[f"values in b{l}"] = "not all zero" if np.any(arrays[f"b{l}"]) else "all zero"
    for l in range(1, L + 1):
        W = arrays.get(f"W{l}")
        if W is None or W.dtype.kind not in "biuf":
            continue
        same = W.size > 1 and bool(np.all(W == W.flat[0]))
        facts[f"values in W{l}"] = (
            "all zero" if not np.any(W) else "all equal" if same else "random (not all equal)"
        )
        spread = _spread(W, layer_dims[l - 1], lax)
        if spread:
            facts[f"spread (standard deviation) of W{l}"] = spread
    return facts


def _initializer_checker(name: str):
    def check(function) -> None:
        examples = WEEK.extra("initializers")[name]
        for example in examples:
            got = call(example["label"], function, *example["args"])
            mistakes = [(facts, WEEK.hint(key)) for key, facts in example["mistakes"].items()]
            facts = describe(got, example["dims"], lax=example["lax"])
            expect_facts(facts, example["expected"], example["label"], mistakes)
        passed(name, len(examples))

    return named(check, name, f"Check {name} on the layer sizes of its public examples.")


# ------------------------------------------------------------------------------ models
INITIALIZERS = {
    "two_layer_model": "initialize_parameters",
    "L_layer_model": "initialize_parameters_deep",
}


def expect_model_result(got, expected, what: str, num_iterations: int, mistakes=(), first=None):
    """(parameters, costs) as the reference's ``expected``: the trained parameters, then the
    costs recorded every 100 iterations, with or without the last iteration's (the reference
    records it too). ``mistakes`` are (output, hint) pairs; ``first`` names a wrong costs[0]."""
    parameters, costs = expect_sequence(got, 2, what)
    right_parameters, right_costs = expected
    narrowed = [(w, h) for w, h in mistakes if isinstance(w, (tuple, list)) and len(w) == 2]
    compare(parameters, right_parameters, f"{what}: parameters", [(w[0], h) for w, h in narrowed])
    if not isinstance(costs, (list, tuple, np.ndarray)):
        raise failure(f"{what}: costs should be a list, got {type(costs).__name__}.")
    costs, every_100 = list(costs), len(range(0, num_iterations, 100))
    if len(costs) not in (len(right_costs), every_100):
        hint = next((h for w, h in narrowed if np.ndim(w[1]) and len(w[1]) == len(costs)), None)
        without = f", or {every_100} without the last" if every_100 != len(right_costs) else ""
        raise failure(
            f"{what}: costs should hold the cost at iterations 0, 100, 200, ... and at the last "
            f"one ({num_iterations - 1}).",
            expected=f"{len(right_costs)} costs{without}",
            got=f"{len(costs)}: {show(costs)}",
            mistake=hint,
        )
    recorded = [i for i in range(num_iterations) if i % 100 == 0 or i == num_iterations - 1]
    for k, (i, cost) in enumerate(zip(recorded, costs, strict=False)):
        wrong = [(w[1][k], h) for w, h in narrowed if np.ndim(w[1]) and len(w[1]) > k]
        if k == 0 and first:
            wrong.append((lambda _: True, first))
        expect_close(cost, right_costs[k], f"{what}: the cost at iteration {i}", mistakes=wrong)


@contextlib.contextmanager
def _stand_ins(model, name: str, start: dict, dims):
    """While the block runs, the notebook's initializer (of the notebook that defines
    ``model``) returns copies of ``start`` when called with the sizes ``dims``, and its
    update_parameters gets copies of its arguments (as in the grader)."""
    namespace = getattr(model, "__globals__", None)
    initializer = INITIALIZERS[name]
    if not isinstance(namespace, dict) or initializer not in namespace:
        yield
        return
    saved = {n: namespace[n] for n in (initializer, "update_parameters") if n in namespace}
    expected_args = tuple(dims) if name == "two_layer_model" else (list(dims),)

    def fixed(*args, **kwargs):
        try:  # the arguments in the order of the learner's signature, keywords included
            bound = inspect.signature(saved[initializer]).bind(*args, **kwargs)
            given = list(bound.arguments.values())
        except (TypeError, ValueError):
            given = list(args) + list(kwargs.values())
        same = len(given) == len(expected_args) and all(
            np.array_equal(np.asarray(a), np.asarray(e)) and np.ndim(a) == np.ndim(e)
            for a, e in zip(given, expected_args, strict=True)
        )
        if not same:
            raise failure(
                f"{name} called {initializer} with other sizes.",
                expected=f"{initializer}({', '.join(repr(e) for e in expected_args)})",
                got=f"{initializer}({', '.join(show(a) for a in given)})",
                mistake=WEEK.hint("L_layer_model_dims_shifted"),
            )
        return copy.deepcopy(start)

    def copied(*args, **kwargs):
        return saved["update_parameters"](*copy.deepcopy(args), **copy.deepcopy(kwargs))

    namespace[initializer] = fixed
    if "update_parameters" in saved:
        namespace["update_parameters"] = copied
    try:
        yield
    finally:
        namespace.update(saved)


def _model_checker(name: str):
    def check(model) -> None:
        WEEK.dependencies_first(name, model)
        (example,) = WEEK.examples(name)
        what, (X, Y, dims), options = example["label"], example["args"], example["kwargs"]
        wrong, errors = split_mistakes(example["mistakes"])
        with _stand_ins(model, name, WEEK.extra("starts")[name], dims):
            got = call(what, model, X, Y, dims, hints=errors, **options)
        first = WEEK.hint(f"{name}_cost_arguments")
        expect_model_result(got, example["expected"], what, options["num_iterations"], wrong, first)
        passed(name, 3)

    doc = f"Check {name} on 6 examples, from fixed parameters: the trained parameters and costs."
    return named(check, name, doc)


# ------------------------------------------------------------------------------ checks
check_initialize_parameters = _initializer_checker("initialize_parameters")
check_initialize_parameters_deep = _initializer_checker("initialize_parameters_deep")
check_linear_forward = WEEK.checker("linear_forward")
check_linear_activation_forward = WEEK.checker("linear_activation_forward")
check_L_model_forward = WEEK.checker("L_model_forward")  # noqa: N816
check_compute_cost = WEEK.checker("compute_cost")
check_linear_backward = WEEK.checker("linear_backward")
check_linear_activation_backward = WEEK.checker("linear_activation_backward")
check_L_model_backward = WEEK.checker("L_model_backward", result="grads")  # noqa: N816
check_update_parameters = WEEK.checker("update_parameters", result="the new parameters")
check_two_layer_model = _model_checker("two_layer_model")
check_L_layer_model = _model_checker("L_layer_model")  # noqa: N816
