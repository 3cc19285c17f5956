"""Parameter updates and what drives them (Course 1; Course 2, week 2).

Every step returns NEW dicts and never edits the caller's dicts or arrays. Optimizer states
(``v``, ``s``) use the gradients' keys ("dW1", "db1", ...), as the course's do. Mini-batches,
learning-rate decay and exponentially weighted averages live here too.
"""

from __future__ import annotations

import math

import numpy as np

from .init import as_generator


def _grads_for(parameters: dict, grads: dict) -> dict:
    """{key: grads["d" + key]} for each parameter; KeyError naming what grads lacks."""
    missing = [key for key in parameters if "d" + key not in grads]
    if missing:
        raise KeyError(
            f"no gradient for {', '.join(missing)} (expected key(s) "
            f"{', '.join('d' + key for key in missing)} in grads)"
        )
    return {key: grads["d" + key] for key in parameters}


def update_parameters(parameters: dict, grads: dict, learning_rate: float) -> dict:
    """One gradient-descent step (the course's ``update_parameters`` and
    ``update_parameters_with_gd``): {key: parameters[key] - learning_rate * grads["d" + key]}.

    Values may be arrays or numbers (the b of logistic regression); keys of ``grads`` with no
    parameter (``"dA0"``, ...) are ignored; a parameter without its gradient is a KeyError.
    """
    g = _grads_for(parameters, grads)
    return {key: value - learning_rate * g[key] for key, value in parameters.items()}


def zeros_like_grads(parameters: dict) -> dict:
    """{"d" + key: zeros of the parameter's shape}: the course's ``initialize_velocity``,
    and each of the two dicts of ``initialize_adam``."""
    return {"d" + key: np.zeros_like(value, dtype=float) for key, value in parameters.items()}


def momentum_step(parameters, grads, v, beta: float, learning_rate: float):
    """(parameters, v): v = beta v + (1 - beta) grad, then parameter -= learning_rate v."""
    g = _grads_for(parameters, grads)
    v = {**v, **{"d" + key: beta * v["d" + key] + (1 - beta) * g[key] for key in parameters}}
    new = {key: value - learning_rate * v["d" + key] for key, value in parameters.items()}
    return new, v


def rmsprop_step(parameters, grads, s, beta2: float, learning_rate: float, epsilon=1e-8):
    """(parameters, s): s = beta2 s + (1 - beta2) grad^2, then
    parameter -= learning_rate grad / (sqrt(s) + epsilon)."""
    g = _grads_for(parameters, grads)
    s = {**s, **{"d" + k: beta2 * s["d" + k] + (1 - beta2) * g[k] ** 2 for k in parameters}}
    new = {
        key: value - learning_rate * g[key] / (np.sqrt(s["d" + key]) + epsilon)
        for key, value in parameters.items()
    }
    return new, s


def adam_step(
    parameters, grads, v, s, t: int, learning_rate=0.01, beta1=0.9, beta2=0.999, epsilon=1e-8
):
    """(parameters, v, s, v_corrected, s_corrected) after Adam's step number t (t >= 1):
    v = beta1 v + (1 - beta1) grad, s = beta2 s + (1 - beta2) grad^2, the bias corrections
    v / (1 - beta1^t) and s / (1 - beta2^t), then
    parameter -= learning_rate v_corrected / (sqrt(s_corrected) + epsilon) (epsilon outside
    the root)."""
    if t < 1:
        raise ValueError(f"Adam's step count t starts at 1, not {t!r}")
    g = _grads_for(parameters, grads)
    v, s, v_hat, s_hat = dict(v), dict(s), {}, {}
    for key in parameters:
        d = "d" + key
        v[d] = beta1 * v[d] + (1 - beta1) * g[key]
        s[d] = beta2 * s[d] + (1 - beta2) * g[key] ** 2
        v_hat[d] = v[d] / (1 - beta1**t)
        s_hat[d] = s[d] / (1 - beta2**t)
    new = {
        key: value - learning_rate * v_hat["d" + key] / (np.sqrt(s_hat["d" + key]) + epsilon)
        for key, value in parameters.items()
    }
    return new, v, s, v_hat, s_hat


def random_mini_batches(X, Y, mini_batch_size: int = 64, rng=None) -> list:
    """[(X_batch, Y_batch), ...]: the columns of X and Y shuffled by ONE permutation, cut into
    floor(m / mini_batch_size) complete batches and, when m is not a multiple, a last smaller
    one; every example in exactly one batch. ``rng`` as in ``init.as_generator``; with
    ``np.random.RandomState(seed)`` the course's ``np.random.seed(seed)`` then
    ``np.random.permutation(m)``."""
    if int(mini_batch_size) != mini_batch_size or mini_batch_size < 1:
        raise ValueError(f"mini_batch_size should be a positive int, not {mini_batch_size!r}")
    m = X.shape[1]
    permutation = as_generator(rng).permutation(m)
    X, Y = X[:, permutation], Y[:, permutation].reshape((-1, m))
    size = int(mini_batch_size)
    return [(X[:, k : k + size], Y[:, k : k + size]) for k in range(0, m, size)]


def update_lr(learning_rate0: float, epoch_num: int, decay_rate: float) -> float:
    """learning_rate0 / (1 + decay_rate * epoch_num): decay every epoch."""
    return learning_rate0 / (1 + decay_rate * epoch_num)


def schedule_lr_decay(learning_rate0, epoch_num, decay_rate, time_interval=1000) -> float:
    """learning_rate0 / (1 + decay_rate * floor(epoch_num / time_interval)): a staircase that
    steps down once every time_interval epochs."""
    return learning_rate0 / (1 + decay_rate * math.floor(epoch_num / time_interval))


def exponentially_weighted_average(values, beta: float, bias_correction: bool = False):
    """[V_1, ..., V_T] with V_0 = 0 and V_t = beta V_{t-1} + (1 - beta) values[t-1]; with
    bias_correction, V_t / (1 - beta^t) (no start-up dip). A float array of len(values)."""
    out, average = np.empty(len(values)), 0.0
    for t, value in enumerate(values, start=1):
        average = beta * average + (1 - beta) * value
        out[t - 1] = average / (1 - beta**t) if bias_correction else average
    return out
