"""Hidden checks of the cat data set's sizes and of the flattened, scaled picture matrices.

The expected values come from ``helpers.datasets.load_cat_dataset()``, loaded here in the
checker (the student's values arrive as plain arrays from the worker).
"""

from __future__ import annotations

import functools

import numpy as np
import pytest

from helpers.checks import as_number, expect_close, expect_equal, expect_integer, expect_shape
from helpers.checks.c1w2 import MISTAKES


@functools.lru_cache(maxsize=1)
def _pictures() -> tuple[np.ndarray, np.ndarray]:
    """(train_set_x_orig, test_set_x_orig), each (m, num_px, num_px, 3) uint8."""
    from helpers.datasets import load_cat_dataset

    train_set_x_orig, _, test_set_x_orig, _, _ = load_cat_dataset()
    return np.array(train_set_x_orig), np.array(test_set_x_orig)


def _check_count(name: str, value, expected: int, mistakes: list) -> None:
    number = as_number(value, name)
    mistakes = [(wrong, text) for wrong, text in mistakes if wrong != expected]
    expect_equal(number, float(expected), name, mistakes=mistakes)


# ------------------------------------------------------------------ m_train, m_test, num_px
@pytest.mark.grades("test_m_train")
def test_m_train_is_an_integer(m_train):
    expect_integer(m_train, "m_train")


@pytest.mark.grades("test_m_train")
def test_m_train_value(m_train):
    train, test = _pictures()
    mistakes = [
        (train.shape[1], MISTAKES["m_train_num_px"]),
        (1, MISTAKES["m_train_len_y"]),
        (train.shape[3], MISTAKES["channels"]),
        (test.shape[0], MISTAKES["m_train_m_test"]),
    ]
    _check_count("m_train", m_train, train.shape[0], mistakes)


@pytest.mark.grades("test_m_test")
def test_m_test_is_an_integer(m_test):
    expect_integer(m_test, "m_test")


@pytest.mark.grades("test_m_test")
def test_m_test_value(m_test):
    train, test = _pictures()
    mistakes = [
        (train.shape[0], MISTAKES["m_test_train"]),
        (test.shape[1], MISTAKES["m_test_num_px"]),
        (1, MISTAKES["m_test_len_y"]),
        (test.shape[3], MISTAKES["channels"]),
    ]
    _check_count("m_test", m_test, test.shape[0], mistakes)


@pytest.mark.grades("test_num_px")
def test_num_px_is_an_integer(num_px):
    expect_integer(num_px, "num_px")


@pytest.mark.grades("test_num_px")
def test_num_px_value(num_px):
    train, _ = _pictures()
    side, channels = train.shape[1], train.shape[3]
    mistakes = [
        (train.shape[0], MISTAKES["num_px_m"]),
        (channels, MISTAKES["channels"]),
        (side * side, MISTAKES["num_px_pixels"]),
        (side * side * channels, MISTAKES["num_px_n_x"]),
    ]
    _check_count("num_px", num_px, side, mistakes)


# --------------------------------------------------------------- train_set_x, test_set_x
def _check_shape(name: str, got, pictures, others, wrong_set: str) -> np.ndarray:
    m, n_x = pictures.shape[0], pictures[0].size
    return expect_shape(
        got,
        (n_x, m),
        name,
        mistakes=[
            ((m, n_x), MISTAKES["not_transposed"]),
            (pictures.shape, MISTAKES["not_flattened"]),
            ((m * n_x,), MISTAKES["flattened_all"]),
            ((n_x, others.shape[0]), MISTAKES[wrong_set]),
        ],
    )


def _check_values(name: str, got, pictures, others, wrong_set: str) -> None:
    got = _check_shape(name, got, pictures, others, wrong_set)
    m = pictures.shape[0]
    flat = pictures.reshape(m, -1).T.astype(float)
    mixed = pictures.reshape(-1, m).astype(float)
    reordered = pictures.T.reshape(-1, m).astype(float)  # each picture's axes reversed
    mistakes = [
        (flat, MISTAKES["not_scaled"]),
        (mixed / 255, MISTAKES["mixed"]),
        (mixed, MISTAKES["mixed"] + " Also divide by 255."),
        (reordered / 255, MISTAKES["pixel_order"]),
    ]
    expect_close(got, flat / 255, name, mistakes=mistakes)


def _check_scaled(name: str, got, pictures, others, wrong_set: str) -> None:
    """Independent of the order: the smallest and largest numbers are those of the pixels / 255."""
    got = _check_shape(name, got, pictures, others, wrong_set)
    low, high = pictures.min() / 255, pictures.max() / 255
    mistakes = [((float(pictures.min()), float(pictures.max())), MISTAKES["not_scaled"])]
    expect_close(
        np.array([got.min(), got.max()]),
        np.array([low, high]),
        f"(the smallest, the largest number) in {name}",
        mistakes=mistakes,
    )


def _check_pictures_in_columns(name: str, got, pictures, others, wrong_set: str) -> None:
    """Independent of the pixel order: column j holds exactly the pixels of picture j."""
    got = _check_shape(name, got, pictures, others, wrong_set)
    m = pictures.shape[0]
    expected = np.sort(pictures.reshape(m, -1), axis=1).T / 255
    mixed = np.sort(pictures.reshape(-1, m), axis=0)
    mistakes = [
        (expected * 255, MISTAKES["not_scaled"]),
        (mixed / 255, MISTAKES["mixed"]),
        (mixed, MISTAKES["mixed"] + " Also divide by 255."),
    ]
    expect_close(
        np.sort(got, axis=0),
        expected,
        f"{name} with each column sorted (which pixels each column holds)",
        mistakes=mistakes,
    )


@pytest.mark.grades("test_train_set_x")
def test_train_set_x_shape(train_set_x):
    train, test = _pictures()
    _check_shape("train_set_x", train_set_x, train, test, "train_from_test")


@pytest.mark.grades("test_train_set_x")
def test_train_set_x_values(train_set_x):
    train, test = _pictures()
    _check_values("train_set_x", train_set_x, train, test, "train_from_test")


@pytest.mark.grades("test_train_set_x")
def test_train_set_x_scaled_to_0_1(train_set_x):
    train, test = _pictures()
    _check_scaled("train_set_x", train_set_x, train, test, "train_from_test")


@pytest.mark.grades("test_train_set_x")
def test_train_set_x_one_picture_per_column(train_set_x):
    train, test = _pictures()
    _check_pictures_in_columns("train_set_x", train_set_x, train, test, "train_from_test")


@pytest.mark.grades("test_test_set_x")
def test_test_set_x_shape(test_set_x):
    train, test = _pictures()
    _check_shape("test_set_x", test_set_x, test, train, "test_from_train")


@pytest.mark.grades("test_test_set_x")
def test_test_set_x_values(test_set_x):
    train, test = _pictures()
    _check_values("test_set_x", test_set_x, test, train, "test_from_train")


@pytest.mark.grades("test_test_set_x")
def test_test_set_x_scaled_to_0_1(test_set_x):
    train, test = _pictures()
    _check_scaled("test_set_x", test_set_x, test, train, "test_from_train")


@pytest.mark.grades("test_test_set_x")
def test_test_set_x_one_picture_per_column(test_set_x):
    train, test = _pictures()
    _check_pictures_in_columns("test_set_x", test_set_x, test, train, "test_from_train")
