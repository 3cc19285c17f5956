"""Hidden checks of the NumPy warm-up: sigmoid and its derivative, reshaping, normalising,
softmax and the two losses. Inputs are random (seeded per check) and of varied shapes."""

from __future__ import annotations

import numpy as np
import pytest

from grader_tests.c1w2_logistic_regression import reference as ref
from helpers.checks import call, expect_close, expect_shape
from helpers.checks.c1w2 import MISTAKES

GRADIENT_STEP = 1e-6  # step of the central differences


def _is_reordering(expected):
    flat = np.sort(np.ravel(expected))
    return lambda got: got.size == flat.size and np.allclose(np.sort(got.ravel()), flat)


def _matrix_shape(rng, square: bool | None = None) -> tuple[int, int]:
    """A random (rows, columns) shape; square or not square when asked."""
    rows = int(rng.integers(2, 6))
    if square:
        return rows, rows
    columns = int(rng.integers(2, 7))
    while square is False and columns == rows:
        columns = int(rng.integers(2, 7))
    return rows, columns


# ------------------------------------------------------------------------- basic_sigmoid
@pytest.mark.grades("test_basic_sigmoid")
def test_basic_sigmoid_values(basic_sigmoid, rng):
    for x in rng.uniform(-6, 6, size=5):
        x = float(x)
        expected = ref.basic_sigmoid(x)
        got = call(f"basic_sigmoid({x:.6g})", basic_sigmoid, x)
        mistakes = [(1 - expected, MISTAKES["exp_sign"])]
        expect_close(got, expected, f"basic_sigmoid({x:.6g})", mistakes=mistakes)


@pytest.mark.grades("test_basic_sigmoid")
def test_basic_sigmoid_integer_input(basic_sigmoid, rng):
    for x in (-3, 0, int(rng.integers(1, 5))):
        expected = ref.basic_sigmoid(x)
        got = call(f"basic_sigmoid({x})", basic_sigmoid, x)
        mistakes = [(1 - expected, MISTAKES["exp_sign"])]
        expect_close(got, expected, f"basic_sigmoid({x})", mistakes=mistakes)


@pytest.mark.grades("test_basic_sigmoid")
def test_basic_sigmoid_far_from_zero(basic_sigmoid, rng):
    for x in (float(rng.uniform(15, 30)), float(rng.uniform(-30, -15))):
        expected = ref.basic_sigmoid(x)
        got = call(f"basic_sigmoid({x:.6g})", basic_sigmoid, x)
        mistakes = [(1 - expected, MISTAKES["exp_sign"])]
        expect_close(got, expected, f"basic_sigmoid({x:.6g})", mistakes=mistakes)


# ------------------------------------------------------------------------------- sigmoid
def _check_sigmoid(sigmoid, x, what: str) -> None:
    expected = ref.sigmoid(x)
    got = call(what, sigmoid, x)
    expect_close(got, expected, what, mistakes=[(1 - expected, MISTAKES["exp_sign"])])


@pytest.mark.grades("test_sigmoid")
def test_sigmoid_vector(sigmoid, rng):
    x = rng.normal(0, 3, size=int(rng.integers(1, 9)))
    _check_sigmoid(sigmoid, x, f"sigmoid(x) for x of shape {x.shape}")


@pytest.mark.grades("test_sigmoid")
def test_sigmoid_matrix(sigmoid, rng):
    x = rng.normal(0, 3, size=_matrix_shape(rng))
    _check_sigmoid(sigmoid, x, f"sigmoid(x) for x of shape {x.shape}")


@pytest.mark.grades("test_sigmoid")
def test_sigmoid_scalar(sigmoid, rng):
    x = float(rng.normal(0, 3))
    _check_sigmoid(sigmoid, x, f"sigmoid({x:.6g})")


@pytest.mark.grades("test_sigmoid")
def test_sigmoid_large_inputs(sigmoid, rng):
    x = np.array([-700.0, -60.0, -rng.uniform(20, 40), 0.0, rng.uniform(20, 40), 60.0, 700.0])
    _check_sigmoid(sigmoid, x, f"sigmoid(x) for x = {np.round(x, 3).tolist()}")


# -------------------------------------------------------------------- sigmoid_derivative
def _check_sigmoid_derivative(sigmoid_derivative, x) -> None:
    what = f"sigmoid_derivative(x) for x of shape {x.shape}"
    got = call(what, sigmoid_derivative, x)
    mistakes = [
        (ref.sigmoid(x), MISTAKES["sigmoid_derivative_is_sigmoid"]),
        (x * (1 - x), MISTAKES["sigmoid_derivative_of_x"]),
    ]
    expect_close(got, ref.sigmoid_derivative(x), what, mistakes=mistakes)


@pytest.mark.grades("test_sigmoid_derivative")
def test_sigmoid_derivative_vector(sigmoid_derivative, rng):
    _check_sigmoid_derivative(sigmoid_derivative, rng.normal(0, 2, size=int(rng.integers(1, 9))))


@pytest.mark.grades("test_sigmoid_derivative")
def test_sigmoid_derivative_matrix(sigmoid_derivative, rng):
    _check_sigmoid_derivative(sigmoid_derivative, rng.normal(0, 2, size=_matrix_shape(rng)))


@pytest.mark.grades("test_sigmoid_derivative")
def test_sigmoid_derivative_matches_numerical(sigmoid_derivative, rng):
    """Compare with central differences of the sigmoid, not with the reference derivative."""
    x = rng.normal(0, 2, size=6)
    h = GRADIENT_STEP
    numerical = (ref.sigmoid(x + h) - ref.sigmoid(x - h)) / (2 * h)
    what = f"sigmoid_derivative(x) for x = {np.round(x, 4).tolist()}"
    got = call(what, sigmoid_derivative, x)
    mistakes = [
        (ref.sigmoid(x), MISTAKES["sigmoid_derivative_is_sigmoid"]),
        (x * (1 - x), MISTAKES["sigmoid_derivative_of_x"]),
    ]
    expect_close(got, numerical, what, mistakes=mistakes)


# -------------------------------------------------------------------------- image2vector
def _check_image2vector(image2vector, image) -> None:
    n = image.size
    what = f"image2vector(image) for an image of shape {image.shape}"
    got = call(what, image2vector, image)
    expect_shape(
        got,
        (n, 1),
        what,
        mistakes=[((n,), MISTAKES["image2vector_1d"]), ((1, n), MISTAKES["image2vector_row"])],
    )
    expected = ref.image2vector(image)
    mistakes = [(_is_reordering(expected), MISTAKES["image2vector_order"])]
    expect_close(got, expected, what, mistakes=mistakes)


@pytest.mark.grades("test_image2vector")
def test_image2vector_shape(image2vector, rng):
    image = rng.random((int(rng.integers(2, 6)), int(rng.integers(2, 6)), 3))
    n = image.size
    what = f"image2vector(image) for an image of shape {image.shape}"
    got = call(what, image2vector, image)
    expect_shape(
        got,
        (n, 1),
        what,
        mistakes=[((n,), MISTAKES["image2vector_1d"]), ((1, n), MISTAKES["image2vector_row"])],
    )


@pytest.mark.grades("test_image2vector")
def test_image2vector_values(image2vector, rng):
    side = int(rng.integers(2, 6))
    _check_image2vector(image2vector, rng.random((side, side, 3)))


@pytest.mark.grades("test_image2vector")
def test_image2vector_not_square(image2vector, rng):
    length, height = _matrix_shape(rng, square=False)
    _check_image2vector(image2vector, rng.random((length, height, 3)))


@pytest.mark.grades("test_image2vector")
def test_image2vector_any_depth(image2vector, rng):
    for depth in (1, 4):
        _check_image2vector(image2vector, rng.random((*_matrix_shape(rng), depth)))


# ------------------------------------------------------------------------ normalize_rows
def _check_normalize_rows(normalize_rows, x) -> None:
    what = f"normalize_rows(x) for x of shape {x.shape}"
    hints = [("broadcast", MISTAKES["normalize_rows_no_keepdims"])]
    got = call(what, normalize_rows, x, hints=hints)
    row_norms = np.linalg.norm(x, axis=1)
    mistakes = [
        (x / np.linalg.norm(x, axis=0, keepdims=True), MISTAKES["normalize_rows_axis0"]),
        (x / (row_norms**2)[:, None], MISTAKES["normalize_rows_no_sqrt"]),
        (x / np.linalg.norm(x), MISTAKES["normalize_rows_whole"]),
    ]
    if x.shape[0] == x.shape[1]:
        mistakes.append((x / row_norms[None, :], MISTAKES["normalize_rows_no_keepdims"]))
    expect_close(got, ref.normalize_rows(x), what, mistakes=mistakes)


@pytest.mark.grades("test_normalize_rows")
def test_normalize_rows_values(normalize_rows, rng):
    _check_normalize_rows(normalize_rows, rng.normal(0, 2, size=_matrix_shape(rng, square=False)))


@pytest.mark.grades("test_normalize_rows")
def test_normalize_rows_square(normalize_rows, rng):
    _check_normalize_rows(normalize_rows, rng.normal(0, 2, size=_matrix_shape(rng, square=True)))


@pytest.mark.grades("test_normalize_rows")
def test_normalize_rows_one_row_or_one_column(normalize_rows, rng):
    for shape in ((1, int(rng.integers(2, 7))), (int(rng.integers(2, 7)), 1)):
        _check_normalize_rows(normalize_rows, rng.normal(0, 2, size=shape))


@pytest.mark.grades("test_normalize_rows")
def test_normalize_rows_rows_have_length_one(normalize_rows, rng):
    """Independent of the reference: each row keeps its direction and gets length 1."""
    x = rng.normal(0, 3, size=_matrix_shape(rng, square=False))
    what = f"normalize_rows(x) for x of shape {x.shape}"
    hints = [("broadcast", MISTAKES["normalize_rows_no_keepdims"])]
    got = expect_shape(call(what, normalize_rows, x, hints=hints), x.shape, what)
    columns_have_length_one = np.allclose(np.linalg.norm(got, axis=0), 1)
    expect_close(
        np.linalg.norm(got, axis=1),
        np.ones(x.shape[0]),
        f"the length of each row of {what}",
        mistakes=[(lambda _: columns_have_length_one, MISTAKES["normalize_rows_axis0"])],
    )
    expect_close(got * np.linalg.norm(x, axis=1, keepdims=True), x, f"{what} times the row norms")


# ------------------------------------------------------------------------------- softmax
def _check_softmax(softmax, x) -> None:
    what = f"softmax(x) for x of shape {x.shape}"
    got = call(what, softmax, x, hints=[("broadcast", MISTAKES["softmax_no_keepdims"])])
    e = np.exp(x)
    mistakes = [
        (e / e.sum(axis=0, keepdims=True), MISTAKES["softmax_axis0"]),
        (e / e.sum(), MISTAKES["softmax_whole"]),
    ]
    if x.shape[0] == x.shape[1]:
        mistakes.append((e / e.sum(axis=1)[None, :], MISTAKES["softmax_no_keepdims"]))
    expect_close(got, ref.softmax(x), what, mistakes=mistakes)


@pytest.mark.grades("test_softmax")
def test_softmax_values(softmax, rng):
    _check_softmax(softmax, rng.normal(0, 2, size=_matrix_shape(rng, square=False)))


@pytest.mark.grades("test_softmax")
def test_softmax_square(softmax, rng):
    _check_softmax(softmax, rng.normal(0, 2, size=_matrix_shape(rng, square=True)))


@pytest.mark.grades("test_softmax")
def test_softmax_one_row_or_one_column(softmax, rng):
    for shape in ((1, int(rng.integers(2, 7))), (int(rng.integers(2, 7)), 1)):
        _check_softmax(softmax, rng.normal(0, 2, size=shape))


@pytest.mark.grades("test_softmax")
def test_softmax_rows_sum_to_one(softmax, rng):
    """Independent of the reference: each row is positive, sums to 1 and keeps x's ratios."""
    x = rng.normal(0, 2, size=_matrix_shape(rng, square=False))
    what = f"softmax(x) for x of shape {x.shape}"
    hints = [("broadcast", MISTAKES["softmax_no_keepdims"])]
    got = expect_shape(call(what, softmax, x, hints=hints), x.shape, what)
    columns_sum_to_one = np.allclose(got.sum(axis=0), 1)
    expect_close(
        got.sum(axis=1),
        np.ones(x.shape[0]),
        f"the sum of each row of {what}",
        mistakes=[(lambda _: columns_sum_to_one, MISTAKES["softmax_axis0"])],
    )
    ratios = np.log(got[:, 1:] / got[:, :1])  # log(s_ij / s_i0) = x_ij - x_i0
    expect_close(ratios, x[:, 1:] - x[:, :1], f"log(s[i, j] / s[i, 0]) for s = {what}")


# ---------------------------------------------------------------------------- L1 and L2
def _loss_problem(rng, m: int):
    return rng.random(m), (rng.random(m) < 0.5).astype(float)


def _check_L1(L1, yhat, y) -> None:
    what = f"L1(yhat, y) for vectors of length {y.size}"
    got = call(what, L1, yhat, y)
    expected = ref.L1(yhat, y)
    mistakes = [
        (np.sum(y - yhat), MISTAKES["L1_no_abs"]),
        (np.sum(yhat - y), MISTAKES["L1_no_abs"]),
        (expected / y.size, MISTAKES["loss_mean"]),
    ]
    expect_close(got, expected, what, mistakes=mistakes if y.size > 1 else mistakes[:2])


def _check_L2(L2, yhat, y) -> None:
    what = f"L2(yhat, y) for vectors of length {y.size}"
    got = call(what, L2, yhat, y)
    expected = ref.L2(yhat, y)
    mistakes = [
        (np.sqrt(expected), MISTAKES["L2_sqrt"]),
        (np.sum(y - yhat), MISTAKES["L2_no_square"]),
        (np.sum(yhat - y), MISTAKES["L2_no_square"]),
        (np.sum(np.abs(y - yhat)), MISTAKES["L2_abs"]),
        (expected / y.size, MISTAKES["loss_mean"]),
    ]
    expect_close(got, expected, what, mistakes=mistakes if y.size > 1 else mistakes[:4])


@pytest.mark.grades("test_L1")
def test_L1_values(L1, rng):
    _check_L1(L1, *_loss_problem(rng, int(rng.integers(3, 12))))


@pytest.mark.grades("test_L1")
def test_L1_single_example(L1, rng):
    _check_L1(L1, *_loss_problem(rng, 1))


@pytest.mark.grades("test_L1")
def test_L1_perfect_predictions(L1, rng):
    _, y = _loss_problem(rng, int(rng.integers(3, 8)))
    _check_L1(L1, y.copy(), y)


@pytest.mark.grades("test_L2")
def test_L2_values(L2, rng):
    _check_L2(L2, *_loss_problem(rng, int(rng.integers(3, 12))))


@pytest.mark.grades("test_L2")
def test_L2_single_example(L2, rng):
    _check_L2(L2, *_loss_problem(rng, 1))


@pytest.mark.grades("test_L2")
def test_L2_perfect_predictions(L2, rng):
    _, y = _loss_problem(rng, int(rng.integers(3, 8)))
    _check_L2(L2, y.copy(), y)
