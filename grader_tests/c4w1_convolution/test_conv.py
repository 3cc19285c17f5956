"""Hidden checks of the convolution, loop and fast versions alike, on many shapes (see
``common.CONV_SHAPES``): the forward pass and its cache against the reference; the backward
pass against numerical gradients of the checker's own forward pass of
F(A_prev, W, b) = sum(dZ * Z) (dW and db are sums over the examples, not averages, and
dA_prev has the padding cut back off)."""

from __future__ import annotations

import pytest

from grader_tests.checking import narrow
from grader_tests.nn import numerical_gradient
from helpers.checks import expect_sequence

from . import reference as ref
from .common import (
    CONV_SHAPES,
    call_student,
    check,
    conv_id,
    conv_input,
    conv_what,
    expect_gradient,
)

PARTS = ("dA_prev", "dW", "db")


def _forward(student, name: str, rng, shape) -> None:
    A_prev, W, b, hparameters = conv_input(rng, shape)
    what = conv_what(f"{name}(A_prev, W, b, hparameters)", A_prev, W, hparameters)
    check(student, name, what, A_prev, W, b, hparameters)


def _backward(student, name: str, rng, shape, part: str) -> None:
    A_prev, W, b, hparameters = conv_input(rng, shape)
    Z, cache = ref.conv_forward(A_prev, W, b, hparameters)
    dZ = rng.normal(0, 1, Z.shape)
    what = conv_what(f"{name}(dZ, cache)", A_prev, W, hparameters)
    got, wrong = call_student(student, name, what, dZ, cache)
    got = expect_sequence(got, 3, what)

    def F(A_prev, W, b):
        return float((dZ * ref.conv_forward(A_prev, W, b, hparameters)[0]).sum())

    index = PARTS.index(part)
    numerical = [
        lambda: numerical_gradient(lambda x: F(x, W, b), A_prev.copy()),
        lambda: numerical_gradient(lambda x: F(A_prev, x, b), W.copy()),
        lambda: numerical_gradient(lambda x: F(A_prev, W, x), b.copy()),
    ][index]()
    expect_gradient(got[index], numerical, f"{what}: {part}", narrow(wrong, index))


@pytest.mark.grades("test_conv_forward")
@pytest.mark.parametrize("shape", CONV_SHAPES, ids=conv_id)
def test_conv_forward(conv_forward, rng, shape):
    _forward(conv_forward, "conv_forward", rng, shape)


@pytest.mark.grades("test_conv_forward_fast")
@pytest.mark.parametrize("shape", CONV_SHAPES, ids=conv_id)
def test_conv_forward_fast(conv_forward_fast, rng, shape):
    _forward(conv_forward_fast, "conv_forward_fast", rng, shape)


@pytest.mark.grades("test_conv_backward")
@pytest.mark.parametrize("part", PARTS)
@pytest.mark.parametrize("shape", CONV_SHAPES[:5], ids=conv_id)
def test_conv_backward(conv_backward, rng, shape, part):
    _backward(conv_backward, "conv_backward", rng, shape, part)


@pytest.mark.grades("test_conv_backward_fast")
@pytest.mark.parametrize("part", PARTS)
@pytest.mark.parametrize("shape", CONV_SHAPES[:5], ids=conv_id)
def test_conv_backward_fast(conv_backward_fast, rng, shape, part):
    _backward(conv_backward_fast, "conv_backward_fast", rng, shape, part)
