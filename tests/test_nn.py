"""Tests of the instructor-side NumPy library grader_tests.nn.

Every backward step and derivative is compared with the library's own gradient checker
(central differences of the forward step), and the checker itself is tested on known values
and on a planted wrong gradient.
"""

from __future__ import annotations

from functools import partial

import numpy as np
import pytest

from grader_tests import nn

ACTIVATION_NAMES = ("sigmoid", "relu", "tanh")
SHAPES = [(1, 1), (3, 1), (1, 4), (2, 5), (4, 3)]  # (n, m): m = 1 included
LAYER_SIZES = [(1, 1, 1), (3, 2, 1), (2, 3, 4), (4, 4, 3), (5, 1, 6)]  # (n_prev, n, m)
TOLERANCE = 1e-7  # a right gradient's relative error is far below this
KINK_MARGIN = 1e-3  # relu inputs stay this far from 0


@pytest.fixture
def rng():
    return np.random.default_rng(20240611)


def _away_from_kink(rng, shape) -> np.ndarray:
    """Normal numbers of the given shape, none closer to 0 than KINK_MARGIN."""
    Z = rng.normal(0, 1.5, size=shape)
    return np.where(np.abs(Z) < KINK_MARGIN, KINK_MARGIN * 10, Z)


def _layer(rng, n_prev: int, n: int, m: int):
    """A_prev, W, b whose Z = W A_prev + b stays away from relu's kink."""
    while True:
        A_prev = rng.normal(0, 1, size=(n_prev, m))
        W = rng.normal(0, 1, size=(n, n_prev))
        b = rng.normal(0, 0.5, size=(n, 1))
        if np.abs(W @ A_prev + b).min() > KINK_MARGIN:
            return A_prev, W, b


# --------------------------------------------------------------------------- activations
@pytest.mark.parametrize("name", ACTIVATION_NAMES)
def test_activation_derivative_and_backward_match_numerical_gradient(name, rng):
    g = getattr(nn, name)
    derivative = getattr(nn, f"{name}_derivative")
    forward = getattr(nn, f"{name}_forward")
    backward = getattr(nn, f"{name}_backward")
    for shape in SHAPES:
        Z = _away_from_kink(rng, shape)
        dA = rng.normal(0, 1, size=shape)
        numerical = nn.numerical_gradient(lambda x, dA=dA: np.sum(dA * g(x)), Z)
        assert nn.relative_error(dA * derivative(Z), numerical) < TOLERANCE, (name, shape)
        A, cache = forward(Z)
        np.testing.assert_array_equal(A, g(Z))
        assert cache is Z
        dZ = backward(dA, cache)
        assert dZ.shape == shape
        assert nn.relative_error(dZ, numerical) < TOLERANCE, (name, shape)


def test_activation_values():
    Z = np.array([[-2.0, 0.0, 3.0]])
    np.testing.assert_allclose(nn.sigmoid(Z), 1 / (1 + np.exp(-Z)))
    assert nn.sigmoid(0) == 0.5
    np.testing.assert_array_equal(nn.relu(Z), [[0.0, 0.0, 3.0]])
    np.testing.assert_array_equal(nn.relu_derivative(Z), [[0.0, 0.0, 1.0]])
    np.testing.assert_array_equal(nn.relu_backward(np.ones((1, 3)), Z), [[0.0, 0.0, 1.0]])
    np.testing.assert_allclose(nn.tanh_derivative(Z), 1 - np.tanh(Z) ** 2)
    with np.errstate(over="raise"):  # exp overflows inside: no warning, the limits come out
        np.testing.assert_array_equal(nn.sigmoid(np.array([-1000.0, 1000.0])), [0.0, 1.0])


# -------------------------------------------------------------------------------- layers
def _layer_numerical(forward, d_out, A_prev, W, b):
    """(dA_prev, dW / m, db / m) of F = sum(d_out * forward(A_prev, W, b)[0]) by central
    differences: the course's gradients for the upstream gradient d_out."""
    m = A_prev.shape[1]

    def F(A_prev, W, b):
        return np.sum(d_out * forward(A_prev, W, b)[0])

    return (
        nn.numerical_gradient(lambda x: F(x, W, b), A_prev),
        nn.numerical_gradient(lambda x: F(A_prev, x, b), W) / m,
        nn.numerical_gradient(lambda x: F(A_prev, W, x), b) / m,
    )


def test_linear_forward_returns_Z_and_cache(rng):
    A, W, b = _layer(rng, 3, 2, 4)
    Z, cache = nn.linear_forward(A, W, b)
    np.testing.assert_array_equal(Z, W @ A + b)
    assert len(cache) == 3 and all(x is y for x, y in zip(cache, (A, W, b), strict=True))


@pytest.mark.parametrize("sizes", LAYER_SIZES)
def test_linear_backward_matches_numerical_gradient(sizes, rng):
    A_prev, W, b = _layer(rng, *sizes)
    dZ = rng.normal(0, 1, size=(W.shape[0], A_prev.shape[1]))
    got = nn.linear_backward(dZ, (A_prev, W, b))
    expected = _layer_numerical(nn.linear_forward, dZ, A_prev, W, b)
    for part, g, g_num in zip(("dA_prev", "dW", "db"), got, expected, strict=True):
        assert g.shape == g_num.shape, part
        assert nn.relative_error(g, g_num) < TOLERANCE, (part, sizes)


def test_linear_backward_averages_over_m(rng):
    """Repeating every example leaves dW and db (means) unchanged and repeats dA_prev."""
    A_prev, W, b = _layer(rng, 3, 2, 5)
    dZ = rng.normal(0, 1, size=(2, 5))
    dA_prev, dW, db = nn.linear_backward(dZ, (A_prev, W, b))
    twice = nn.linear_backward(np.hstack([dZ, dZ]), (np.hstack([A_prev, A_prev]), W, b))
    np.testing.assert_allclose(twice[1], dW, rtol=1e-12)
    np.testing.assert_allclose(twice[2], db, rtol=1e-12)
    np.testing.assert_allclose(twice[0], np.hstack([dA_prev, dA_prev]), rtol=1e-12)
    np.testing.assert_allclose(db, dZ.mean(axis=1, keepdims=True), rtol=1e-12)
    np.testing.assert_allclose(dW, dZ @ A_prev.T / 5, rtol=1e-12)


@pytest.mark.parametrize("activation", ACTIVATION_NAMES)
def test_linear_activation_backward_matches_numerical_gradient(activation, rng):
    for n_prev, n, m in LAYER_SIZES:
        A_prev, W, b = _layer(rng, n_prev, n, m)
        dA = rng.normal(0, 1, size=(n, m))
        A, cache = nn.linear_activation_forward(A_prev, W, b, activation)
        assert A.shape == (n, m)
        (A_c, W_c, b_c), Z = cache
        assert A_c is A_prev and W_c is W and b_c is b
        np.testing.assert_array_equal(Z, W @ A_prev + b)
        forward = partial(nn.linear_activation_forward, activation=activation)
        expected = _layer_numerical(forward, dA, A_prev, W, b)
        got = nn.linear_activation_backward(dA, cache, activation)
        for part, g, g_num in zip(("dA_prev", "dW", "db"), got, expected, strict=True):
            assert g.shape == g_num.shape, part
            assert nn.relative_error(g, g_num) < TOLERANCE, (activation, part, (n_prev, n, m))


def test_unknown_activation_is_a_value_error(rng):
    A_prev, W, b = _layer(rng, 2, 2, 2)
    with pytest.raises(ValueError, match="softplus"):
        nn.linear_activation_forward(A_prev, W, b, "softplus")
    cache = ((A_prev, W, b), W @ A_prev + b)
    with pytest.raises(ValueError, match="Relu"):
        nn.linear_activation_backward(np.ones((2, 2)), cache, "Relu")


# -------------------------------------------------------------------------------- losses
def test_binary_cross_entropy_value():
    cost = nn.binary_cross_entropy(np.array([[0.5, 0.5]]), np.array([[1.0, 0.0]]))
    assert type(cost) is float
    assert cost == pytest.approx(np.log(2), rel=1e-15)
    AL, Y = np.array([[0.9, 0.2, 0.7]]), np.array([[1.0, 0.0, 0.0]])
    expected = -(np.log(0.9) + np.log(0.8) + np.log(0.3)) / 3
    assert nn.binary_cross_entropy(AL, Y) == pytest.approx(expected, rel=1e-14)


@pytest.mark.parametrize("m", [1, 2, 7])
def test_binary_cross_entropy_gradient_is_that_of_the_summed_losses(m, rng):
    AL = rng.uniform(0.05, 0.95, size=(1, m))
    Y = (rng.random((1, m)) < 0.5).astype(float)
    numerical = nn.numerical_gradient(lambda x: m * nn.binary_cross_entropy(x, Y), AL)
    dAL = nn.binary_cross_entropy_gradient(AL, Y)
    assert dAL.shape == (1, m)
    assert nn.relative_error(dAL, numerical) < TOLERANCE
    np.testing.assert_array_equal(nn.binary_cross_entropy_gradient(AL, Y.ravel()), dAL)


# ---------------------------------------------------------------------------- initializers
def _random_initializers():
    return {
        "scaled_random": lambda dims, rng: nn.scaled_random(dims, 0.05, rng=rng),
        "he": lambda dims, rng: nn.he(dims, rng=rng),
        "xavier": lambda dims, rng: nn.xavier(dims, rng=rng),
    }


@pytest.mark.parametrize("name", ["zeros", "scaled_random", "he", "xavier"])
@pytest.mark.parametrize("dims", [[1, 1], [5, 4, 3, 1], [2, 7, 1]])
def test_initializer_keys_shapes_and_zero_biases(name, dims):
    init = nn.zeros if name == "zeros" else lambda d: _random_initializers()[name](d, 1)
    parameters = init(dims)
    L = len(dims) - 1
    assert list(parameters) == [f"{p}{l}" for l in range(1, L + 1) for p in ("W", "b")]
    for l in range(1, L + 1):
        assert parameters[f"W{l}"].shape == (dims[l], dims[l - 1])
        assert parameters[f"b{l}"].shape == (dims[l], 1)
        assert parameters[f"b{l}"].dtype == float and not parameters[f"b{l}"].any()
        assert parameters[f"W{l}"].any() == (name != "zeros")


@pytest.mark.parametrize(
    "name, spread",
    [("scaled_random", 0.05), ("he", np.sqrt(2 / 400)), ("xavier", np.sqrt(1 / 400))],
)
def test_initializer_spread_on_a_large_layer(name, spread):
    W = _random_initializers()[name]([400, 300], 3)["W1"]
    assert abs(W.mean()) < 0.05 * spread
    assert W.std() == pytest.approx(spread, rel=0.03)


def test_initializers_take_a_seed_a_generator_or_a_random_state():
    dims = [4, 3, 2]
    same = nn.xavier(dims, rng=5)
    np.testing.assert_array_equal(same["W2"], nn.xavier(dims, rng=5)["W2"])
    from_generator = nn.xavier(dims, rng=np.random.default_rng(5))
    np.testing.assert_array_equal(same["W1"], from_generator["W1"])
    generator = np.random.default_rng(5)
    first, second = nn.he(dims, rng=generator), nn.he(dims, rng=generator)
    assert not np.array_equal(first["W1"], second["W1"])  # the generator advanced
    assert nn.scaled_random(dims, rng=None)["W1"].shape == (3, 4)
    with pytest.raises(TypeError):
        nn.he(dims, rng="seed")
    with pytest.raises(ValueError):
        nn.he([3], rng=0)
    with pytest.raises(ValueError):
        nn.zeros([3, 0, 1])


def test_random_state_reproduces_a_notebooks_seed_and_randn():
    saved = np.random.get_state()
    try:
        np.random.seed(3)
        W1 = np.random.randn(4, 2) * 0.01
        W2 = np.random.randn(1, 4) * 0.01
    finally:
        np.random.set_state(saved)
    parameters = nn.initialize_parameters(2, 4, 1, rng=np.random.RandomState(3))
    np.testing.assert_array_equal(parameters["W1"], W1)
    np.testing.assert_array_equal(parameters["W2"], W2)


def test_course_initializers_reproduce_the_references_exactly():
    """The c1w3/c1w4 references draw from default_rng(0), W1 first, as written here."""
    rng = np.random.default_rng(0)
    W1 = rng.standard_normal((4, 3)) * 0.01
    W2 = rng.standard_normal((2, 4)) * 0.01
    parameters = nn.initialize_parameters(3, 4, 2)
    np.testing.assert_array_equal(parameters["W1"], W1)
    np.testing.assert_array_equal(parameters["W2"], W2)
    dims = [5, 4, 3, 1]
    rng = np.random.default_rng(0)
    deep = nn.initialize_parameters_deep(dims)
    for l in range(1, len(dims)):
        W = rng.standard_normal((dims[l], dims[l - 1])) / np.sqrt(dims[l - 1])
        np.testing.assert_array_equal(deep[f"W{l}"], W)


# ------------------------------------------------------------------------------- update
def test_update_parameters_returns_a_new_dict_and_leaves_the_input_alone(rng):
    parameters = {"W1": rng.normal(size=(3, 2)), "b1": np.zeros((3, 1)), "b": 0.5}
    grads = {"dW1": rng.normal(size=(3, 2)), "db1": np.ones((3, 1)), "db": 2.0, "dA0": 1.0}
    before = {key: np.copy(value) for key, value in parameters.items()}
    updated = nn.update_parameters(parameters, grads, 0.1)
    assert updated is not parameters and set(updated) == {"W1", "b1", "b"}
    for key, value in parameters.items():
        np.testing.assert_array_equal(value, before[key])
        np.testing.assert_allclose(updated[key], before[key] - 0.1 * grads["d" + key])
    assert updated["W1"] is not parameters["W1"] and updated["b"] == pytest.approx(0.3)
    with pytest.raises(KeyError, match="dW1"):
        nn.update_parameters(parameters, {"db1": 0.0, "db": 0.0}, 0.1)


# ---------------------------------------------------------------------- gradient checker
@pytest.mark.parametrize(
    "g, g_num, expected",
    [
        ([1.0, 2.0], [1.0, 2.0], 0.0),
        ([0.0, 0.0], [0.0, 0.0], 0.0),
        ([1.0, 0.0], [0.0, 1.0], np.sqrt(2) / 2),
        ([3.0, 4.0], [0.0, 0.0], 1.0),
        ([3.0, 4.0], [6.0, 8.0], 1 / 3),
        ([3.0, 4.0], [-3.0, -4.0], 1.0),
        (2.0, 1.0, 1 / 3),
    ],
)
def test_relative_error_known_values(g, g_num, expected):
    assert nn.relative_error(g, g_num) == pytest.approx(expected, rel=1e-12, abs=1e-15)
    assert type(nn.relative_error(g, g_num)) is float


def test_numerical_gradient_of_a_known_function_restores_x(rng):
    x = rng.normal(size=(3, 2))
    before = x.copy()
    gradient = nn.numerical_gradient(lambda v: np.sum(v**3), x)
    assert nn.relative_error(gradient, 3 * before**2) < TOLERANCE
    np.testing.assert_array_equal(x, before)

    def failing(v):
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        nn.numerical_gradient(failing, x)
    np.testing.assert_array_equal(x, before)
    with pytest.raises(TypeError):
        nn.numerical_gradient(lambda v: 0.0, np.arange(3))


def test_numerical_gradients_of_a_dict_with_a_number(rng):
    """Logistic regression's cost: w an array, b a number; the caller's dict is untouched."""
    X, Y = rng.normal(size=(3, 6)), (rng.random((1, 6)) < 0.5).astype(float)
    params = {"w": rng.normal(size=(3, 1)), "b": 0.3}
    before = params["w"].copy()

    def cost(p):
        assert p is not params and np.array_equal(params["w"], before)  # even during the calls
        return nn.binary_cross_entropy(nn.sigmoid(p["w"].T @ X + p["b"]), Y)

    numerical = nn.numerical_gradients(cost, params)
    A = nn.sigmoid(params["w"].T @ X + params["b"])
    grads = {"dw": X @ (A - Y).T / 6, "db": float(np.sum(A - Y) / 6)}
    assert set(numerical) == {"dw", "db"} and isinstance(numerical["db"], float)
    key, error = nn.worst_relative_error(grads, numerical)
    assert error < TOLERANCE, key
    np.testing.assert_array_equal(params["w"], before)
    assert params["b"] == 0.3


def _two_layer_problem(rng):
    """A tanh -> sigmoid network (course c1w3), its cost and its backward via the library."""
    X, Y = rng.normal(size=(3, 5)), np.array([[1.0, 0.0, 1.0, 1.0, 0.0]])
    params = {
        "W1": rng.normal(size=(4, 3)),
        "b1": rng.normal(0, 0.5, size=(4, 1)),
        "W2": rng.normal(size=(1, 4)),
        "b2": rng.normal(0, 0.5, size=(1, 1)),
    }

    def cost(p):
        A1, _ = nn.linear_activation_forward(X, p["W1"], p["b1"], "tanh")
        A2, _ = nn.linear_activation_forward(A1, p["W2"], p["b2"], "sigmoid")
        return nn.binary_cross_entropy(A2, Y)

    A1, cache1 = nn.linear_activation_forward(X, params["W1"], params["b1"], "tanh")
    A2, cache2 = nn.linear_activation_forward(A1, params["W2"], params["b2"], "sigmoid")
    dA1, dW2, db2 = nn.linear_activation_backward(
        nn.binary_cross_entropy_gradient(A2, Y), cache2, "sigmoid"
    )
    _, dW1, db1 = nn.linear_activation_backward(dA1, cache1, "tanh")
    grads = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
    return cost, params, grads


def test_checker_accepts_a_right_backward_pass_and_finds_a_planted_bug(rng):
    cost, params, grads = _two_layer_problem(rng)
    numerical = nn.numerical_gradients(cost, params)
    key, error = nn.worst_relative_error(grads, numerical)
    assert error < TOLERANCE, key

    wrong = dict(grads, db1=grads["db1"] * 5)  # e.g. a forgotten / m
    assert nn.worst_relative_error(wrong, numerical)[0] == "db1"
    assert nn.worst_relative_error(wrong, numerical)[1] > 1e-3
    shifted = dict(grads, dW1=grads["dW1"] + 0.05 * np.abs(grads["dW1"]).max())  # a small bias
    key, error = nn.worst_relative_error(shifted, numerical)
    assert key == "dW1" and error > 1e-3
    nan = dict(grads, dW2=grads["dW2"] * np.nan)
    assert nn.worst_relative_error(nan, numerical)[0] == "dW2"
    with pytest.raises(KeyError, match="db2"):
        nn.worst_relative_error({k: v for k, v in grads.items() if k != "db2"}, numerical)


# ------------------------------------------------------------------------ regularization
def test_l2_penalty_and_its_gradient_match_numerical_gradient(rng):
    params = {
        "W1": rng.normal(size=(4, 3)),
        "b1": rng.normal(size=(4, 1)),
        "W2": rng.normal(size=(1, 4)),
    }
    params["b2"] = np.array([[0.7]])
    lambd, m = 0.7, 5
    expected = lambd / (2 * m) * sum(np.sum(params[k] ** 2) for k in ("W1", "W2"))
    assert nn.l2_penalty(params, lambd, m) == pytest.approx(expected, rel=1e-14)
    assert type(nn.l2_penalty(params, lambd, m)) is float
    numerical = nn.numerical_gradients(lambda p: nn.l2_penalty(p, lambd, m), params)
    for key in ("W1", "W2"):
        assert (
            nn.relative_error(nn.l2_gradient(params[key], lambd, m), numerical["d" + key])
            < TOLERANCE
        )
    assert not numerical["db1"].any() and not numerical["db2"].any()  # biases are not regularized


def test_dropout_keeps_about_keep_prob_scales_the_kept_and_backward_reuses_the_mask(rng):
    A = rng.normal(size=(300, 400))
    out, cache = nn.dropout_forward(A, 0.8, rng)
    D, keep_prob = cache
    assert D.shape == A.shape and keep_prob == 0.8 and set(np.unique(D)) <= {0.0, 1.0}
    assert D.mean() == pytest.approx(0.8, abs=0.01)
    np.testing.assert_allclose(out, A * D / 0.8)
    dout = rng.normal(size=A.shape)
    # with the mask fixed, dropout is linear in A: its backward is the gradient of sum(dout * out)
    small, small_cache = nn.dropout_forward(A[:3, :4], 0.5, rng)
    numerical = nn.numerical_gradient(
        lambda a: np.sum(dout[:3, :4] * a * small_cache[0] / 0.5), A[:3, :4].copy()
    )
    assert nn.relative_error(nn.dropout_backward(dout[:3, :4], small_cache), numerical) < TOLERANCE
    dA = nn.dropout_backward(dout, cache)
    assert np.array_equal(dA == 0, (D == 0) | (dout == 0))
    unchanged, _ = nn.dropout_forward(A, 1.0, rng)
    np.testing.assert_array_equal(unchanged, A)
    with pytest.raises(ValueError, match="keep_prob"):
        nn.dropout_forward(A, 0.0, rng)


# -------------------------------------------------------------------------- optimizers
def _params_and_grads(rng):
    params = {
        "W1": rng.normal(size=(3, 2)),
        "b1": rng.normal(size=(3, 1)),
        "W2": rng.normal(size=(1, 3)),
    }
    grads = {"d" + key: rng.normal(size=value.shape) for key, value in params.items()}
    return params, grads


def test_momentum_with_beta_zero_is_gradient_descent_and_keeps_inputs(rng):
    params, grads = _params_and_grads(rng)
    v = nn.zeros_like_grads(params)
    assert set(v) == {"dW1", "db1", "dW2"} and all(not x.any() for x in v.values())
    before = {key: value.copy() for key, value in params.items()}
    new, v1 = nn.momentum_step(params, grads, v, beta=0.0, learning_rate=0.1)
    plain = nn.update_parameters(params, grads, 0.1)
    for key in params:
        np.testing.assert_allclose(new[key], plain[key], rtol=1e-15)
        np.testing.assert_array_equal(params[key], before[key])
        assert not v["d" + key].any()  # the caller's velocity is untouched
    # a constant gradient: the velocity approaches it as 1 - beta^t
    v, p = nn.zeros_like_grads(params), params
    for _ in range(3):
        p, v = nn.momentum_step(p, grads, v, beta=0.9, learning_rate=0.1)
    np.testing.assert_allclose(v["dW1"], (1 - 0.9**3) * grads["dW1"], rtol=1e-12)


def test_adam_first_step_moves_each_parameter_by_the_learning_rate(rng):
    """At t = 1 the bias corrections make v_hat = g and s_hat = g^2: a step of lr * sign(g)."""
    params, grads = _params_and_grads(rng)
    v, s = nn.zeros_like_grads(params), nn.zeros_like_grads(params)
    new, v1, s1, v_hat, s_hat = nn.adam_step(params, grads, v, s, t=1, learning_rate=0.01)
    for key in params:
        np.testing.assert_allclose(v_hat["d" + key], grads["d" + key], rtol=1e-12)
        np.testing.assert_allclose(s_hat["d" + key], grads["d" + key] ** 2, rtol=1e-12)
        np.testing.assert_allclose(
            new[key] - params[key], -0.01 * np.sign(grads["d" + key]), rtol=1e-6
        )
        np.testing.assert_allclose(v1["d" + key], 0.1 * grads["d" + key], rtol=1e-12)
        assert not v["d" + key].any() and not s["d" + key].any()
    # a constant gradient keeps the corrected moments equal to it at every t
    p, v, s = params, nn.zeros_like_grads(params), nn.zeros_like_grads(params)
    for t in range(1, 5):
        p, v, s, v_hat, s_hat = nn.adam_step(p, grads, v, s, t)
    np.testing.assert_allclose(v_hat["db1"], grads["db1"], rtol=1e-12)
    np.testing.assert_allclose(s_hat["db1"], grads["db1"] ** 2, rtol=1e-12)
    with pytest.raises(ValueError, match="t starts at 1"):
        nn.adam_step(params, grads, v, s, t=0)


def test_rmsprop_first_step_is_scaled_by_the_root_mean_square(rng):
    params, grads = _params_and_grads(rng)
    new, s = nn.rmsprop_step(
        params, grads, nn.zeros_like_grads(params), beta2=0.99, learning_rate=0.01
    )
    np.testing.assert_allclose(s["dW1"], 0.01 * grads["dW1"] ** 2, rtol=1e-12)
    np.testing.assert_allclose(new["W1"] - params["W1"], -0.1 * np.sign(grads["dW1"]), rtol=1e-5)


@pytest.mark.parametrize("m, size", [(148, 64), (128, 64), (5, 64), (1, 1), (7, 3)])
def test_random_mini_batches_partition_the_examples_with_one_permutation(m, size, rng):
    X = np.vstack([np.arange(m), -np.arange(m)]).astype(float)
    Y = np.arange(m)[None, :] * 10.0
    batches = nn.random_mini_batches(X, Y, size, rng)
    assert len(batches) == -(-m // size)
    assert [b[0].shape[1] for b in batches[:-1]] == [size] * (len(batches) - 1)
    assert batches[-1][0].shape[1] == m - size * (len(batches) - 1)
    seen = np.concatenate([b[0][0] for b in batches])
    assert sorted(seen) == list(range(m))  # no example lost or repeated
    for X_b, Y_b in batches:
        np.testing.assert_array_equal(Y_b[0], X_b[0] * 10)  # columns still paired
        np.testing.assert_array_equal(X_b[1], -X_b[0])
    with pytest.raises(ValueError):
        nn.random_mini_batches(X, Y, 0, rng)


def test_random_mini_batches_reproduce_the_courses_seed():
    X, Y = np.arange(20.0).reshape(2, 10), np.arange(10.0).reshape(1, 10)
    saved = np.random.get_state()
    try:
        np.random.seed(4)
        permutation = np.random.permutation(10)
    finally:
        np.random.set_state(saved)
    batches = nn.random_mini_batches(X, Y, 4, np.random.RandomState(4))
    np.testing.assert_array_equal(np.concatenate([b[1][0] for b in batches]), permutation)


def test_learning_rate_decay_schedules():
    assert nn.update_lr(0.5, 2, 1) == pytest.approx(0.5 / 3)
    assert nn.update_lr(0.5, 0, 1) == 0.5
    assert nn.schedule_lr_decay(0.5, 999, 0.3, 1000) == 0.5
    assert nn.schedule_lr_decay(0.5, 1000, 0.3, 1000) == pytest.approx(0.5 / 1.3)
    assert nn.schedule_lr_decay(0.5, 2500, 0.3, 1000) == pytest.approx(0.5 / 1.6)


def test_exponentially_weighted_average_with_and_without_bias_correction():
    values = np.full(50, 20.0)
    plain = nn.exponentially_weighted_average(values, 0.9)
    corrected = nn.exponentially_weighted_average(values, 0.9, bias_correction=True)
    assert plain[0] == pytest.approx(2.0) and plain[1] == pytest.approx(3.8)  # the start-up dip
    np.testing.assert_allclose(corrected, 20.0, rtol=1e-12)
    np.testing.assert_allclose(plain, 20.0 * (1 - 0.9 ** np.arange(1, 51)), rtol=1e-12)
    assert nn.exponentially_weighted_average([1.0, 3.0], 0.0).tolist() == [1.0, 3.0]


# ---------------------------------------------------------------------- batch norm, softmax
@pytest.mark.parametrize("shape", [(1, 3), (3, 5), (4, 9)])  # m = 2: Z_norm is always +-1
def test_batchnorm_forward_normalizes_each_row_and_backward_matches_numerical_gradients(shape, rng):
    Z = rng.normal(2, 3, size=shape)
    gamma, beta = rng.normal(1, 0.3, size=(shape[0], 1)), rng.normal(0, 0.5, size=(shape[0], 1))
    Z_tilde, cache = nn.batchnorm_forward(Z, gamma, beta)
    Z_norm = cache[1]
    np.testing.assert_allclose(Z_norm.mean(axis=1), 0, atol=1e-12)
    np.testing.assert_allclose(Z_norm.std(axis=1), 1, rtol=1e-6)
    np.testing.assert_allclose(Z_tilde, gamma * Z_norm + beta)
    dZ_tilde = rng.normal(size=shape)
    m = shape[1]

    def F(Z, gamma, beta):
        return np.sum(dZ_tilde * nn.batchnorm_forward(Z, gamma, beta)[0])

    numerical = (
        nn.numerical_gradient(lambda x: F(x, gamma, beta), Z.copy()),
        nn.numerical_gradient(lambda x: F(Z, x, beta), gamma.copy()) / m,
        nn.numerical_gradient(lambda x: F(Z, gamma, x), beta.copy()) / m,
    )
    for part, got, expected in zip(
        ("dZ", "dgamma", "dbeta"), nn.batchnorm_backward(dZ_tilde, cache), numerical, strict=True
    ):
        assert got.shape == expected.shape, part
        assert nn.relative_error(got, expected) < 1e-6, part


def test_batchnorm_running_averages_and_test_mode(rng):
    Z = rng.normal(5, 2, size=(3, 400))
    mean, var = np.zeros((3, 1)), np.ones((3, 1))
    for _ in range(200):
        _, (_, _, mu, v, *_) = nn.batchnorm_forward(Z, np.ones((3, 1)), np.zeros((3, 1)))
        mean, var = nn.update_running_averages(mean, var, mu, v, momentum=0.9)
    np.testing.assert_allclose(mean, Z.mean(axis=1, keepdims=True), rtol=1e-6)
    np.testing.assert_allclose(var, Z.var(axis=1, keepdims=True), rtol=1e-6)
    one = Z[:, :1]  # a single example at test time: normalized with the running averages
    expected = (one - Z.mean(axis=1, keepdims=True)) / np.sqrt(Z.var(axis=1, keepdims=True) + 1e-8)
    np.testing.assert_allclose(
        nn.batchnorm_forward_test(one, np.ones((3, 1)), np.zeros((3, 1)), mean, var),
        expected,
        rtol=1e-5,
    )


def test_softmax_one_hot_and_cross_entropy(rng):
    Z = rng.normal(size=(4, 6))
    A = nn.softmax(Z)
    np.testing.assert_allclose(A.sum(axis=0), 1)
    np.testing.assert_allclose(A, np.exp(Z) / np.exp(Z).sum(axis=0))
    with np.errstate(over="raise"):
        np.testing.assert_allclose(nn.softmax(np.array([[1000.0], [1000.0]])), [[0.5], [0.5]])
    Y = nn.one_hot(np.array([[2, 0, 3, 3, 1, 0]]), 4)
    assert Y.shape == (4, 6) and Y.sum() == 6 and Y[2, 0] == 1 and Y[3, 3] == 1
    cost = nn.softmax_cross_entropy(A, Y)
    assert type(cost) is float and cost == pytest.approx(
        -np.mean(np.log(A[[2, 0, 3, 3, 1, 0], range(6)]))
    )
    numerical = nn.numerical_gradient(
        lambda z: 6 * nn.softmax_cross_entropy(nn.softmax(z), Y), Z.copy()
    )
    assert nn.relative_error(nn.softmax_cross_entropy_gradient(A, Y), numerical) < TOLERANCE


# ------------------------------------------------------------------------- conv and pool
CONV_CASES = [  # (m, n_H, n_W, n_C_prev, n_C, f, pad, stride): odd strides, f = 1, m = 1
    (2, 5, 7, 3, 4, 3, 1, 1),
    (1, 6, 6, 2, 3, 3, 0, 2),
    (2, 7, 5, 1, 2, 2, 2, 3),
    (3, 4, 4, 2, 2, 1, 0, 1),
]


@pytest.mark.parametrize("case", CONV_CASES)
def test_conv_forward_equals_the_loop_and_backward_matches_numerical_gradients(case, rng):
    m, n_H, n_W, n_C_prev, n_C, f, pad, stride = case
    A_prev = rng.normal(size=(m, n_H, n_W, n_C_prev))
    W, b = rng.normal(size=(f, f, n_C_prev, n_C)), rng.normal(size=(1, 1, 1, n_C))
    hp = {"stride": stride, "pad": pad}
    Z, cache = nn.conv_forward(A_prev, W, b, hp)
    np.testing.assert_allclose(
        Z, nn.loop_conv_forward(A_prev, W, b, stride, pad), rtol=1e-12, atol=1e-12
    )
    dZ = rng.normal(size=Z.shape)

    def F(A, W_, b_):
        return np.sum(dZ * nn.conv_forward(A, W_, b_, hp)[0])

    expected = (
        nn.numerical_gradient(lambda x: F(x, W, b), A_prev.copy()),
        nn.numerical_gradient(lambda x: F(A_prev, x, b), W.copy()),  # sums: not divided by m
        nn.numerical_gradient(lambda x: F(A_prev, W, x), b.copy()),
    )
    for part, got, want in zip(
        ("dA_prev", "dW", "db"), nn.conv_backward(dZ, cache), expected, strict=True
    ):
        assert got.shape == want.shape, part
        assert nn.relative_error(got, want) < TOLERANCE, (part, case)


CONV_LOOP_CASES = CONV_CASES + [  # stride 1 (the column matrix's wide rows), pad 0, 1 x 1 out
    (2, 6, 5, 3, 4, 3, 0, 1),
    (1, 3, 3, 2, 2, 3, 0, 1),
    (2, 4, 6, 2, 3, 5, 2, 1),
    (3, 8, 8, 1, 8, 3, 1, 1),
    (2, 4, 4, 8, 16, 3, 1, 1),
    (2, 6, 7, 2, 3, 3, 1, 2),
]


@pytest.mark.parametrize("case", CONV_LOOP_CASES)
def test_conv_forward_and_backward_equal_the_loop_versions(case, rng):
    m, n_H, n_W, n_C_prev, n_C, f, pad, stride = case
    A_prev = rng.normal(size=(m, n_H, n_W, n_C_prev))
    W, b = rng.normal(size=(f, f, n_C_prev, n_C)), rng.normal(size=(1, 1, 1, n_C))
    hp = {"stride": stride, "pad": pad}
    originals = [x.copy() for x in (A_prev, W, b)]
    Z, cache = nn.conv_forward(A_prev, W, b, hp)
    assert cache[0] is A_prev and cache[1] is W and cache[2] is b and cache[3] is hp
    np.testing.assert_allclose(
        Z, nn.loop_conv_forward(A_prev, W, b, stride, pad), rtol=1e-12, atol=1e-12
    )
    dZ = rng.normal(size=Z.shape)
    dZ_before = dZ.copy()
    got = nn.conv_backward(dZ, cache)
    want = nn.loop_conv_backward(dZ, A_prev, W, stride, pad)
    for part, g, w in zip(("dA_prev", "dW", "db"), got, want, strict=True):
        assert g.shape == w.shape and g.dtype == np.float64, part
        np.testing.assert_allclose(g, w, rtol=1e-12, atol=1e-12, err_msg=part)
    for before, after in zip(originals + [dZ_before], (A_prev, W, b, dZ), strict=True):
        np.testing.assert_array_equal(before, after)  # the inputs are left untouched


@pytest.mark.parametrize(("f", "stride"), [(2, 2), (3, 1), (3, 2), (2, 3)])
@pytest.mark.parametrize("mode", ["max", "average"])
def test_pool_forward_and_backward(f, stride, mode, rng):
    A_prev = rng.permutation(2 * 7 * 6 * 3).reshape(2, 7, 6, 3).astype(float) / 10  # distinct
    hp = {"f": f, "stride": stride}
    A, cache = nn.pool_forward(A_prev, hp, mode)
    n_H, n_W = nn.output_size(7, f, 0, stride), nn.output_size(6, f, 0, stride)
    assert A.shape == (2, n_H, n_W, 3)
    window = A_prev[1, stride : stride + f, 0:f, 2]
    assert A[1, 1, 0, 2] == pytest.approx(window.max() if mode == "max" else window.mean())
    dA = rng.normal(size=A.shape)
    numerical = nn.numerical_gradient(
        lambda x: np.sum(dA * nn.pool_forward(x, hp, mode)[0]), A_prev.copy()
    )
    assert nn.relative_error(nn.pool_backward(dA, cache, mode), numerical) < TOLERANCE
    with pytest.raises(ValueError, match="mode"):
        nn.pool_forward(A_prev, hp, "min")


def test_max_pool_backward_marks_only_the_first_maximum():
    A_prev = np.ones((1, 2, 2, 1))
    A, cache = nn.pool_forward(A_prev, {"f": 2, "stride": 2}, "max")
    dA_prev = nn.pool_backward(np.full(A.shape, 5.0), cache, "max")
    assert dA_prev[0, :, :, 0].tolist() == [[5.0, 0.0], [0.0, 0.0]]


def test_zero_pad_pads_only_the_picture():
    X = np.ones((2, 3, 4, 5))
    padded = nn.zero_pad(X, 2)
    assert padded.shape == (2, 7, 8, 5)
    assert padded[:, :2].sum() == 0 and padded[:, 2:5, 2:6].sum() == X.sum()
