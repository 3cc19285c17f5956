"""Hidden checks of backpropagation: linear_backward, linear_activation_backward ("relu" and
"sigmoid") and L_model_backward (1 to 4 layers), against numerical gradients
(``grader_tests.nn.gradcheck``) of the reference's forward pass:

- linear_backward and linear_activation_backward receive a random upstream gradient dZ (dA);
  the checker differentiates F = sum(dZ * Z) (F = sum(dA * A)) with Z (A) from the reference
  forward step. dA_prev is the gradient of the per-example losses, dF/dA_prev, while dW and db
  are gradients of the cost, their mean: dF/dW / m and dF/db / m.
- L_model_backward receives the caches of the reference forward pass; dW{l} and db{l} are the
  derivatives of the cost J, and dA{l-1} that of m * J with respect to the input of layer l.

Inputs of relu are kept away from its kink at 0, where a numerical derivative is meaningless.
A wrong gradient is named by the planted mistake that gives the same one on the same inputs.
"""

from __future__ import annotations

import numpy as np
import pytest

from grader_tests.c1w4_deep_network import reference as ref
from grader_tests.c1w4_deep_network.common import (
    KINK_MARGIN,
    call_student,
    expect_gradient,
    layer,
    layer_sizes,
    layers_text,
    network,
)
from grader_tests.checking import narrow
from grader_tests.nn import numerical_gradient, numerical_gradients
from helpers.checks import expect_sequence, expect_type
from helpers.checks.engine import expect_structure

PARTS = ("dA_prev", "dW", "db")


def _layer_gradients(upstream, A_prev, W, b, forward):
    """Numerical (dA_prev, dW, db) of F = sum(upstream * forward(A_prev, W, b)), dW and db
    divided by m."""
    m = A_prev.shape[1]
    inputs = [np.array(x, dtype=float) for x in (A_prev, W, b)]

    def F_of(index):
        def F(x):
            return float(np.sum(upstream * forward(*inputs[:index], x, *inputs[index + 1 :])))

        return F

    return [numerical_gradient(F_of(i), inputs[i].copy()) / (m if i else 1) for i in range(3)]


def _check_layer(function, name, what, args, numerical, parts=PARTS) -> None:
    got, wrong = call_student(function, name, what, *args)
    got = expect_sequence(got, 3, what)
    for index, part in enumerate(PARTS):
        if part in parts:
            expect_gradient(got[index], numerical[index], f"{what}: {part}", narrow(wrong, index))


@pytest.mark.grades("test_linear_backward")
@pytest.mark.parametrize("part", PARTS)
def test_linear_backward(linear_backward, rng, part):
    for sizes in layer_sizes(rng):
        A_prev, W, b = layer(rng, *sizes)
        dZ = rng.normal(0, 1, size=(W.shape[0], A_prev.shape[1]))
        what = f"linear_backward(dZ, (A_prev, W, b)) for dZ of shape {dZ.shape}, W {W.shape}"
        numerical = _layer_gradients(dZ, A_prev, W, b, lambda *x: ref.linear_forward(*x)[0])
        _check_layer(
            linear_backward, "linear_backward", what, (dZ, (A_prev, W, b)), numerical, (part,)
        )


def _check_activation_backward(linear_activation_backward, rng, activation, sizes) -> None:
    for n_prev, n, m in sizes:
        A_prev, W, b = layer(rng, n_prev, n, m)
        dA = rng.normal(0, 1, size=(n, m))
        what = (
            f'linear_activation_backward(dA, cache, "{activation}") for dA of shape {dA.shape}, '
            f"W {W.shape}"
        )
        numerical = _layer_gradients(
            dA, A_prev, W, b, lambda *x: ref.linear_activation_forward(*x, activation)[0]
        )
        cache = ((A_prev, W, b), W @ A_prev + b)
        name = "linear_activation_backward"
        _check_layer(linear_activation_backward, name, what, (dA, cache, activation), numerical)


@pytest.mark.grades("test_linear_activation_backward")
@pytest.mark.parametrize("activation", ["relu", "sigmoid"])
def test_linear_activation_backward(linear_activation_backward, rng, activation):
    _check_activation_backward(linear_activation_backward, rng, activation, layer_sizes(rng))


@pytest.mark.grades("test_linear_activation_backward")
def test_linear_activation_backward_single_example(linear_activation_backward, rng):
    for activation in ("relu", "sigmoid"):
        sizes = [(int(rng.integers(1, 5)), int(rng.integers(2, 5)), 1)]
        _check_activation_backward(linear_activation_backward, rng, activation, sizes)


# --------------------------------------------------------------------------- L_model_backward
def _problem(rng, L: int, m: int):
    """X, Y, the layer sizes, AL and the caches of the reference forward pass, and the
    numerical gradients; drawn again until every relu input is away from the kink, AL away
    from 0 and 1, and no layer's gradient is tiny."""
    while True:
        X, parameters, dims = network(rng, L, m)
        Y = (rng.random((1, m)) < 0.5).astype(float)
        AL, caches = ref.L_model_forward(X, parameters)
        if any(np.abs(Z).min() < KINK_MARGIN for _, Z in caches[:-1]):
            continue
        if not 0.02 < AL.min() <= AL.max() < 0.98:
            continue
        numerical = _network_gradients(X, Y, parameters, caches)
        if min(np.linalg.norm(numerical[f"dW{l}"]) for l in range(1, L + 1)) < 1e-3:
            continue  # a layer whose units are all off: nothing to check there
        return Y, dims, AL, caches, numerical


def _network_gradients(X, Y, parameters, caches) -> dict:
    """Numerical dA{l-1}, dW{l}, db{l} for l = 1 .. L (see the module's docstring)."""
    L, m = len(caches), Y.shape[1]

    def m_cost(A, first: int) -> float:
        """m * J when A enters layer ``first`` of the reference network."""
        rest = {
            f"{p}{l - first + 1}": parameters[f"{p}{l}"] for l in range(first, L + 1) for p in "Wb"
        }
        return m * ref.compute_cost(ref.L_model_forward(A, rest)[0], Y)

    grads = numerical_gradients(
        lambda p: ref.compute_cost(ref.L_model_forward(X, p)[0], Y), parameters
    )
    for l, ((A_prev, _, _), _) in enumerate(caches, start=1):
        grads[f"dA{l - 1}"] = numerical_gradient(lambda A, l=l: m_cost(A, l), A_prev.copy())
    return grads


@pytest.mark.grades("test_L_model_backward")
@pytest.mark.parametrize("kinds", ["dW db", "dA"])
@pytest.mark.parametrize("L", [1, 2, 3, 4])
def test_L_model_backward(L_model_backward, rng, L, kinds):
    """The gradients that grads holds first, then the keys it lacks (so that a missing key
    does not hide a wrong gradient)."""
    m = 1 if L == 2 else int(rng.integers(2, 6))  # one single example
    Y, dims, AL, caches, numerical = _problem(rng, L, m)
    what = f"L_model_backward(AL, Y, caches) for {layers_text(dims)}, {m} example{'s' * (m > 1)}"
    grads, wrong = call_student(L_model_backward, "L_model_backward", what, AL, Y, caches)
    grads = expect_type(grads, dict, f"{what}: grads", description="a dict")
    keys = [k for k in numerical if k.rstrip("0123456789") in kinds.split()]
    for key in [k for k in keys if k in grads]:
        expect_gradient(grads[key], numerical[key], f'{what}: grads["{key}"]', narrow(wrong, key))
    expect_structure(grads, dict.fromkeys(keys), f"{what}: grads", wrong)
