"""Hidden checks of backpropagation: linear_backward, linear_activation_backward ("relu" and
"sigmoid") and L_model_backward (1 to 4 layers), against numerical gradients.

Every expected gradient is a central difference of the checker's own reference forward pass
(``reference.py``), not a reference backward pass:

- linear_backward and linear_activation_backward receive a random upstream gradient dZ (dA)
  and the checker differentiates F = sum(dZ * Z) (F = sum(dA * A)) with Z (A) computed by the
  reference forward step. In the course, dA_prev is the gradient of the per-example losses,
  so it is dF/dA_prev, while dW and db are gradients of the cost, their mean: dF/dW / m and
  dF/db / m.
- L_model_backward receives caches that the checker builds in the course's format,
  ((A_prev, W, b), Z) for every layer; dW{l} and db{l} are the derivatives of the reference
  cost J, and dA{l-1} that of m * J with respect to the input of layer l.

A gradient passes when its relative error ||g - g_num|| / (||g|| + ||g_num||) is at most
GRADIENT_TOLERANCE. Inputs of relu are kept away from its kink at 0 (KINK_MARGIN), where a
numerical derivative is meaningless.
"""

from __future__ import annotations

import numpy as np
import pytest

from grader_tests.c1w4_deep_network import reference as ref
from helpers.checks import as_array, call, expect_shape, failure, show
from helpers.checks.c1w4 import (
    MISTAKES,
    W_T_HINTS,
    expect_gradient_keys,
    expect_gradient_triplet,
    gradient_keys,
)

GRADIENT_STEP = 1e-6  # step h of the central differences (f(x + h) - f(x - h)) / 2h
GRADIENT_TOLERANCE = 1e-5  # largest relative error accepted; every known mistake is far above
MISTAKE_TOLERANCE = 1e-4  # a result this close to a known wrong gradient is that mistake
KINK_MARGIN = 1e-3  # every input of relu is at least this far from 0
ACTIVATIONS = ("relu", "sigmoid")


# ------------------------------------------------------------------- numerical gradients
def _numerical_gradient(f, x: np.ndarray) -> np.ndarray:
    """The gradient of the scalar function f at x, by central differences."""
    x = np.array(x, dtype=float)
    gradient = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        saved = x[index]
        x[index] = saved + GRADIENT_STEP
        up = f(x)
        x[index] = saved - GRADIENT_STEP
        down = f(x)
        x[index] = saved
        gradient[index] = (up - down) / (2 * GRADIENT_STEP)
    return gradient


def _relative_error(got: np.ndarray, expected: np.ndarray) -> float:
    scale = np.linalg.norm(got) + np.linalg.norm(expected)
    return float(np.linalg.norm(got - expected) / scale) if scale > 0 else 0.0


def _expect_gradient(got, numerical: np.ndarray, what: str, mistakes=()) -> None:
    """``got`` matches the numerical gradient; ``mistakes`` are (wrong gradient, text)."""
    array = expect_shape(got, numerical.shape, what)
    array = as_array(array, what).astype(float)
    error = _relative_error(array, numerical)
    if error <= GRADIENT_TOLERANCE:
        return
    hint = next(
        (
            text
            for wrong, text in mistakes
            if np.shape(wrong) == array.shape and _relative_error(array, wrong) <= MISTAKE_TOLERANCE
        ),
        None,
    )
    if hint is None and np.isnan(array).any():
        hint = "the result holds NaN (not a number): look for 0/0 or inf - inf."
    raise failure(
        f"{what} does not match the numerical gradient (relative error {error:.2g}; "
        f"at most {GRADIENT_TOLERANCE:g} is accepted).",
        expected=show(numerical),
        got=show(array),
        mistake=hint,
    )


# ------------------------------------------------------------------------------ problems
def _layer(rng, n_prev: int, n: int, m: int):
    """A_prev, W, b whose Z = W A_prev + b stays away from relu's kink, with units on and off."""
    while True:
        A_prev = rng.normal(0, 1, size=(n_prev, m))
        W = rng.normal(0, 1, size=(n, n_prev)) / np.sqrt(n_prev)
        b = rng.normal(0, 0.5, size=(n, 1))
        Z = W @ A_prev + b
        both_signs = Z.size < 2 or ((Z > 0).any() and (Z < 0).any())
        if np.abs(Z).min() > KINK_MARGIN and both_signs:
            return A_prev, W, b


def _layer_sizes(rng) -> list[tuple[int, int, int]]:
    """(n_prev, n, m): different sizes, a square W, a single example, a single unit."""
    n_prev, n = (int(x) for x in rng.choice(range(2, 6), size=2, replace=False))
    square = int(rng.integers(2, 5))
    return [
        (n_prev, n, int(rng.integers(2, 7))),
        (square, square, int(rng.integers(2, 7))),
        (n_prev, n, 1),
        (int(rng.integers(2, 5)), 1, int(rng.integers(2, 7))),
    ]


def _linear_gradients(dZ, A_prev, W, b):
    """Numerical (dA_prev, dW, db) of F = sum(dZ * (W A_prev + b)), dW and db divided by m."""
    m = A_prev.shape[1]

    def F(A_prev, W, b):
        return float(np.sum(dZ * ref.linear_forward(A_prev, W, b)[0]))

    return (
        _numerical_gradient(lambda x: F(x, W, b), A_prev),
        _numerical_gradient(lambda x: F(A_prev, x, b), W) / m,
        _numerical_gradient(lambda x: F(A_prev, W, x), b) / m,
    )


def _activation_gradients(dA, A_prev, W, b, activation: str):
    """Numerical (dA_prev, dW, db) of F = sum(dA * g(W A_prev + b)), dW and db divided by m."""
    m = A_prev.shape[1]

    def F(A_prev, W, b):
        return float(np.sum(dA * ref.linear_activation_forward(A_prev, W, b, activation)[0]))

    return (
        _numerical_gradient(lambda x: F(x, W, b), A_prev),
        _numerical_gradient(lambda x: F(A_prev, x, b), W) / m,
        _numerical_gradient(lambda x: F(A_prev, W, x), b) / m,
    )


# --------------------------------------------------------------------------- linear_backward
def _linear_backward(linear_backward, rng, n_prev: int, n: int, m: int):
    A_prev, W, b = _layer(rng, n_prev, n, m)
    dZ = rng.normal(0, 1, size=(n, m))
    what = f"linear_backward(dZ, (A_prev, W, b)) for dZ of shape {dZ.shape}, W {W.shape}"
    result = call(what, linear_backward, dZ, (A_prev, W, b), hints=W_T_HINTS)
    got = expect_gradient_triplet(result, (A_prev.shape, W.shape), what)
    return what, got, (dZ, A_prev, W, b)


def _check_linear_part(what: str, part: str, got, dZ, A_prev, W, b) -> None:
    m = A_prev.shape[1]
    index = ("dA_prev", "dW", "db").index(part)
    numerical = _linear_gradients(dZ, A_prev, W, b)[index]
    mistakes = []
    if part == "dA_prev":
        if W.shape[0] == W.shape[1]:
            mistakes.append((W @ dZ, MISTAKES["backward_W_not_transposed"]))
        if m > 1:
            mistakes.append((numerical / m, MISTAKES["backward_dA_prev_m"]))
    elif m > 1:
        mistakes.append((numerical * m, MISTAKES["backward_no_m"]))
    _expect_gradient(got[index], numerical, f"{what}: {part}", mistakes)


@pytest.mark.grades("test_linear_backward")
def test_linear_backward_shapes(linear_backward, rng):
    for sizes in _layer_sizes(rng):
        _linear_backward(linear_backward, rng, *sizes)


@pytest.mark.grades("test_linear_backward")
@pytest.mark.parametrize("part", ["dA_prev", "dW", "db"])
def test_linear_backward_matches_numerical_gradients(linear_backward, rng, part):
    for sizes in _layer_sizes(rng):
        what, got, inputs = _linear_backward(linear_backward, rng, *sizes)
        _check_linear_part(what, part, got, *inputs)


# ---------------------------------------------------------------- linear_activation_backward
def _check_activation_backward(linear_activation_backward, rng, activation: str, sizes) -> None:
    other = "sigmoid" if activation == "relu" else "relu"
    wrong_key = f"backward_{activation}_uses_{other}"
    for n_prev, n, m in sizes:
        A_prev, W, b = _layer(rng, n_prev, n, m)
        Z = W @ A_prev + b
        dA = rng.normal(0, 1, size=(n, m))
        what = (
            f'linear_activation_backward(dA, cache, "{activation}") for dA of shape {dA.shape}, '
            f"W {W.shape}"
        )
        cache = ((A_prev, W, b), Z)
        result = call(what, linear_activation_backward, dA, cache, activation, hints=W_T_HINTS)
        got = expect_gradient_triplet(result, (A_prev.shape, W.shape), what)
        numerical = _activation_gradients(dA, A_prev, W, b, activation)
        swapped = ref.linear_activation_backward(dA, cache, other)
        underived = ref.linear_backward(dA, (A_prev, W, b))
        for index, part in enumerate(("dA_prev", "dW", "db")):
            mistakes = [
                (swapped[index], MISTAKES[wrong_key]),
                (underived[index], MISTAKES["backward_no_derivative"]),
            ]
            _expect_gradient(got[index], numerical[index], f"{what}: {part}", mistakes)


@pytest.mark.grades("test_linear_activation_backward")
@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_linear_activation_backward_matches_numerical_gradients(
    linear_activation_backward, rng, activation
):
    _check_activation_backward(linear_activation_backward, rng, activation, _layer_sizes(rng))


@pytest.mark.grades("test_linear_activation_backward")
def test_linear_activation_backward_single_example(linear_activation_backward, rng):
    for activation in ACTIVATIONS:
        sizes = [(int(rng.integers(1, 5)), int(rng.integers(2, 5)), 1)]
        _check_activation_backward(linear_activation_backward, rng, activation, sizes)


# --------------------------------------------------------------------------- L_model_backward
def _network(rng, L: int, m: int):
    """X, Y, the layer sizes, AL and the caches of the reference forward pass, and the
    numerical gradients; drawn again until every relu input is away from the kink, AL away
    from 0 and 1, and no layer's gradient is tiny."""
    while True:
        dims = [int(rng.integers(1, 6)) for _ in range(L)] + [1]
        X = rng.normal(0, 1, size=(dims[0], m))
        Y = (rng.random((1, m)) < 0.5).astype(float)
        parameters = {}
        for l in range(1, L + 1):
            scale = 1.5 / np.sqrt(dims[l - 1])
            parameters[f"W{l}"] = rng.normal(0, scale, size=(dims[l], dims[l - 1]))
            parameters[f"b{l}"] = rng.normal(0, 0.5, size=(dims[l], 1))
        AL, caches = ref.L_model_forward(X, parameters)
        if any(np.abs(Z).min() < KINK_MARGIN for _, Z in caches[:-1]):
            continue
        if not 0.02 < AL.min() <= AL.max() < 0.98:
            continue
        numerical = _network_gradients(Y, parameters, caches)
        if min(np.linalg.norm(numerical[f"dW{l}"]) for l in range(1, L + 1)) < 1e-3:
            continue  # a layer whose units are all off: nothing to check there
        return Y, dims, AL, caches, numerical


def _cost_from(A, Y, parameters, first: int) -> float:
    """m * J when A enters layer ``first`` (1 .. L) of the reference network."""
    L = len(parameters) // 2
    for l in range(first, L + 1):
        activation = "sigmoid" if l == L else "relu"
        A, _ = ref.linear_activation_forward(
            A, parameters[f"W{l}"], parameters[f"b{l}"], activation
        )
    return Y.shape[1] * ref.compute_cost(A, Y)


def _network_gradients(Y, parameters, caches) -> dict:
    """Numerical dA{l-1}, dW{l}, db{l} for l = 1 .. L (see the module's docstring)."""
    L, m = len(caches), Y.shape[1]
    X = caches[0][0][0]
    grads = {}
    for l, ((A_prev, _, _), _) in enumerate(caches, start=1):
        grads[f"dA{l - 1}"] = _numerical_gradient(
            lambda A, l=l: _cost_from(A, Y, parameters, l), A_prev
        )
        for key in (f"W{l}", f"b{l}"):
            grads["d" + key] = _numerical_gradient(
                lambda value, key=key: _cost_from(X, Y, {**parameters, key: value}, 1) / m,
                parameters[key],
            )
    assert len(grads) == 3 * L
    return grads


def _backward_with(AL, Y, caches, output: str) -> dict:
    """The gradients that backpropagation gives with ``output`` as the last activation."""
    grads, L = {}, len(caches)
    dA = -(Y / AL - (1 - Y) / (1 - AL))
    for l in range(L, 0, -1):
        activation = output if l == L else "relu"
        dA, dW, db = ref.linear_activation_backward(dA, caches[l - 1], activation)
        grads[f"dA{l - 1}"], grads[f"dW{l}"], grads[f"db{l}"] = dA, dW, db
    return grads


def _L_model_backward(L_model_backward, rng, L: int, m: int):
    Y, dims, AL, caches, numerical = _network(rng, L, m)
    what = (
        f"L_model_backward(AL, Y, caches) for {L} layer{'s' * (L > 1)} "
        f"({' -> '.join(map(str, dims))}) and {m} example{'s' * (m > 1)}"
    )
    grads = call(what, L_model_backward, AL, Y, caches)
    expect_gradient_keys(grads, L, f"{what}: grads")
    return what, grads, (AL, Y, caches, numerical)


def _check_grads(what, grads, AL, Y, caches, numerical, kinds) -> None:
    relu_output = _backward_with(AL, Y, caches, "relu")
    for key in gradient_keys(len(caches)):
        if key.rstrip("0123456789") not in kinds:
            continue
        mistakes = [
            (-numerical[key], MISTAKES["dAL_sign"]),
            (relu_output[key], MISTAKES["backward_output_relu"]),
        ]
        _expect_gradient(grads[key], numerical[key], f'{what}: grads["{key}"]', mistakes)


@pytest.mark.grades("test_L_model_backward")
def test_L_model_backward_keys(L_model_backward, rng):
    for L in (1, 3):
        _L_model_backward(L_model_backward, rng, L, int(rng.integers(2, 6)))


@pytest.mark.grades("test_L_model_backward")
@pytest.mark.parametrize("L", [1, 2, 3, 4])
def test_L_model_backward_dW_db(L_model_backward, rng, L):
    what, grads, inputs = _L_model_backward(L_model_backward, rng, L, int(rng.integers(2, 6)))
    _check_grads(what, grads, *inputs, kinds=("dW", "db"))


@pytest.mark.grades("test_L_model_backward")
@pytest.mark.parametrize("L", [1, 2, 3, 4])
def test_L_model_backward_dA(L_model_backward, rng, L):
    what, grads, inputs = _L_model_backward(L_model_backward, rng, L, int(rng.integers(2, 6)))
    _check_grads(what, grads, *inputs, kinds=("dA",))


@pytest.mark.grades("test_L_model_backward")
def test_L_model_backward_single_example(L_model_backward, rng):
    what, grads, inputs = _L_model_backward(L_model_backward, rng, 3, 1)
    _check_grads(what, grads, *inputs, kinds=("dA", "dW", "db"))
