"""The spec of c2w2: the public examples of each graded function and the planted mistakes,
each with its hint (see ``grader_tests/spec.py``). ``python -m grader_tests.spec
c2w2_optimization`` turns it into ``helpers/checks/data/c2w2_optimization.json``.

random_mini_batches is checked by what its batches must be (every example once, X and Y still
paired, complete batches then the smaller rest, shuffled, the same for the same seed), not by
one random stream: it has no examples here, only the sizes its public check tries
(``SPEC.extra``) and its mistakes' hints.
"""

from __future__ import annotations

import numpy as np

from grader_tests.spec import Example, Function, Mistake, WeekSpec
from grader_tests.spec import function_source as _function

from . import reference as ref

ASSIGNMENT = "c2w2_optimization"
_RNG = np.random.default_rng(2025)
# (m, mini_batch_size) of the public mini-batch check: a rest, a multiple, m below the size
MINI_BATCH_SIZES = [(148, 64), (128, 32), (5, 64)]


def _parameters(dims) -> dict:
    """Parameters of a network with these layer sizes: small numbers from the spec's seed."""
    parameters = {}
    for l in range(1, len(dims)):
        parameters[f"W{l}"] = np.round(_RNG.normal(0, 1, (dims[l], dims[l - 1])), 3)
        parameters[f"b{l}"] = np.round(_RNG.normal(0, 0.5, (dims[l], 1)), 3)
    return parameters


def _like(parameters, scale=1.0, positive=False) -> dict:
    """A dict "d" + key of random arrays shaped like the parameters (gradients, states)."""
    out = {}
    for key, value in parameters.items():
        numbers = np.round(_RNG.normal(0, scale, value.shape), 3)
        out["d" + key] = np.abs(numbers) if positive else numbers
    return out


P2 = _parameters([3, 2, 1])  # two layers
P3 = _parameters([2, 3, 2, 1])  # three layers
G2, G3 = _like(P2), _like(P3)
V3 = _like(P3, 0.5)
S3 = _like(P3, 0.3, positive=True)
ZEROS3 = ref.initialize_velocity(P3)
TINY3 = {key: value * 1e-5 for key, value in _like(P3).items()}  # where epsilon matters
THETA = np.round(20 + 5 * np.sin(np.arange(8) / 2) + _RNG.normal(0, 1, 8), 2)


def _net(parameters) -> str:
    L = len(parameters) // 2
    return f"{L} layers"


FUNCTIONS = [
    Function(
        "update_parameters_with_gd",
        (
            Example(
                "update_parameters_with_gd(parameters, grads, learning_rate=0.1) for 2 layers",
                (P2, G2, 0.1),
            ),
            Example(
                "update_parameters_with_gd(parameters, grads, learning_rate=0.01) for 3 layers",
                (P3, G3, 0.01),
            ),
        ),
    ),
    Function("random_mini_batches"),
    Function(
        "exponentially_weighted_average",
        (
            Example(
                f"exponentially_weighted_average(theta, beta=0.9) for theta = {THETA.tolist()}",
                (THETA, 0.9),
            ),
            Example(
                "exponentially_weighted_average(theta, beta=0.9, bias_correction=True) for theta "
                f"= {THETA.tolist()}",
                (THETA, 0.9),
                {"bias_correction": True},
            ),
            Example(
                "exponentially_weighted_average(theta, beta=0.5) for theta = [1.0, 3.0, 2.0]",
                (np.array([1.0, 3.0, 2.0]), 0.5),
            ),
        ),
    ),
    Function(
        "initialize_velocity",
        (
            Example("initialize_velocity(parameters) for 2 layers", (P2,)),
            Example("initialize_velocity(parameters) for 3 layers", (P3,)),
        ),
    ),
    Function(
        "update_parameters_with_momentum",
        (
            Example(
                "update_parameters_with_momentum(parameters, grads, v, beta=0.9, "
                "learning_rate=0.01) for 3 layers, v from earlier steps",
                (P3, G3, V3, 0.9, 0.01),
            ),
            Example(
                "update_parameters_with_momentum(parameters, grads, v, beta=0.8, "
                "learning_rate=0.1) for 3 layers, v all zeros (the first step)",
                (P3, G3, ZEROS3, 0.8, 0.1),
            ),
        ),
        parts=("parameters", "v"),
    ),
    Function(
        "initialize_adam",
        (
            Example("initialize_adam(parameters) for 2 layers", (P2,)),
            Example("initialize_adam(parameters) for 3 layers", (P3,)),
        ),
        parts=("v", "s"),
    ),
    Function(
        "update_parameters_with_adam",
        (
            Example(
                "update_parameters_with_adam(parameters, grads, v, s, t=1) for 3 layers, v and s "
                "all zeros (the first step)",
                (P3, G3, ZEROS3, ZEROS3, 1),
            ),
            Example(
                "update_parameters_with_adam(parameters, grads, v, s, t=1) for 3 layers with tiny "
                "gradients (about 1e-5), v and s all zeros",
                (P3, TINY3, ZEROS3, ZEROS3, 1),
            ),
            Example(
                "update_parameters_with_adam(parameters, grads, v, s, t=3, learning_rate=0.02) for "
                "3 layers, v and s from earlier steps",
                (P3, G3, V3, S3, 3),
                {"learning_rate": 0.02},
            ),
        ),
        parts=("parameters", "v", "s", "v_corrected", "s_corrected"),
    ),
    Function(
        "update_lr",
        tuple(
            Example(f"update_lr(learning_rate0={a}, epoch_num={e}, decay_rate={d})", (a, e, d))
            for a, e, d in ((0.5, 2, 1), (0.1, 10, 0.3), (1.0, 0, 2))
        ),
    ),
    Function(
        "schedule_lr_decay",
        tuple(
            Example(
                f"schedule_lr_decay(learning_rate0={a}, epoch_num={e}, decay_rate={d}, "
                f"time_interval={i})",
                (a, e, d),
                {"time_interval": i},
            )
            for a, e, d, i in ((0.5, 100, 1, 10), (0.5, 2500, 0.3, 1000), (0.3, 999, 1, 1000))
        ),
    ),
]


# --------------------------------------------------------------------- mistakes' sources


GD_W = 'parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]'
GD_B = 'parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]'


def _gd(w=GD_W, b=GD_B, loop="range(1, L + 1)"):
    return _function(
        "update_parameters_with_gd(parameters, grads, learning_rate)",
        f"""
L = len(parameters) // 2
parameters = dict(parameters)
for l in {loop}:
    parameters["W" + str(l)] = {w}
    parameters["b" + str(l)] = {b}
return parameters
""",
    )


def _mini_batches(
    shuffle_y="Y[:, permutation].reshape((1, m))",
    seed="np.random.seed(seed)",
    complete="num_complete_minibatches",
    rest="m % mini_batch_size != 0",
    last="shuffled_X[:, num_complete_minibatches * mini_batch_size :]",
    permutation="list(np.random.permutation(m))",
):
    last_y = last.replace("shuffled_X", "shuffled_Y")
    return _function(
        "random_mini_batches(X, Y, mini_batch_size=64, seed=0)",
        f"""
{seed}
m = X.shape[1]
mini_batches = []
permutation = {permutation}
shuffled_X = X[:, permutation]
shuffled_Y = {shuffle_y}
num_complete_minibatches = math.floor(m / mini_batch_size)
for k in range(0, {complete}):
    mini_batch_X = shuffled_X[:, k * mini_batch_size : (k + 1) * mini_batch_size]
    mini_batch_Y = shuffled_Y[:, k * mini_batch_size : (k + 1) * mini_batch_size]
    mini_batches.append((mini_batch_X, mini_batch_Y))
if {rest}:
    mini_batches.append(({last}, {last_y}))
return mini_batches
""",
    )


def _ewa(
    update="beta * v + (1 - beta) * theta[t - 1]", corrected="v / (1 - beta ** t)", start="0.0"
):
    return _function(
        "exponentially_weighted_average(theta, beta, bias_correction=False)",
        f"""
v = {start}
averages = np.zeros(len(theta))
for t in range(1, len(theta) + 1):
    v = {update}
    averages[t - 1] = {corrected} if bias_correction else v
return averages
""",
    )


def _velocity(
    w='np.zeros(parameters["W" + str(l)].shape)',
    b='np.zeros(parameters["b" + str(l)].shape)',
    key="d",
):
    return _function(
        "initialize_velocity(parameters)",
        f"""
L = len(parameters) // 2
v = {{}}
for l in range(1, L + 1):
    v["{key}W" + str(l)] = {w}
    v["{key}b" + str(l)] = {b}
return v
""",
    )


def _momentum(
    v_line="beta * v[name] + (1 - beta) * grads[name]", step="learning_rate * v[name]", returned="v"
):
    return _function(
        "update_parameters_with_momentum(parameters, grads, v, beta, learning_rate)",
        f"""
parameters, old_v, v = dict(parameters), v, dict(v)
for key in parameters:
    name = "d" + key
    v[name] = {v_line}
    parameters[key] = parameters[key] - {step}
return parameters, {returned}
""",
    )


def _adam(
    v_line="beta1 * v[name] + (1 - beta1) * grads[name]",
    s_line="beta2 * s[name] + (1 - beta2) * np.square(grads[name])",
    v_hat="v[name] / (1 - beta1 ** t)",
    s_hat="s[name] / (1 - beta2 ** t)",
    step="learning_rate * v_corrected[name] / (np.sqrt(s_corrected[name]) + epsilon)",
):
    return _function(
        "update_parameters_with_adam(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, "
        "beta2=0.999, epsilon=1e-8)",
        f"""
parameters, v, s = dict(parameters), dict(v), dict(s)
v_corrected, s_corrected = {{}}, {{}}
for key in list(parameters):
    name = "d" + key
    v[name] = {v_line}
    v_corrected[name] = {v_hat}
    s[name] = {s_line}
    s_corrected[name] = {s_hat}
    parameters[key] = parameters[key] - {step}
return parameters, v, s, v_corrected, s_corrected
""",
    )


# ------------------------------------------------------------------------------ hints
BETA_SWAPPED = (
    "beta and 1 - beta are swapped: the old average keeps the weight beta (close to 1) and the "
    "new value gets 1 - beta: v = beta * v + (1 - beta) * {}."
)

MISTAKES = [
    # ---------------------------------------------------------------------------- gd
    Mistake(
        "gd_plus",
        "update_parameters_with_gd",
        "gradient descent goes AGAINST the gradient: W = W - learning_rate * dW.",
        _gd(
            w='parameters["W" + str(l)] + learning_rate * grads["dW" + str(l)]',
            b='parameters["b" + str(l)] + learning_rate * grads["db" + str(l)]',
        ),
    ),
    Mistake(
        "gd_b_not_updated",
        "update_parameters_with_gd",
        "update the biases too: b = b - learning_rate * db.",
        _gd(b='parameters["b" + str(l)]'),
    ),
    Mistake(
        "gd_last_layer",
        "update_parameters_with_gd",
        "the layers are numbered 1 to L (L = len(parameters) // 2): loop over range(1, L + 1), "
        "or the last layer is never updated.",
        _gd(loop="range(1, L)"),
    ),
    # ---------------------------------------------------------------- mini-batches
    Mistake(
        "mini_batches_two_permutations",
        "random_mini_batches",
        "X and Y were shuffled with two different permutations, so an example's label no longer "
        "sits in the same column as the example: shuffle both with the SAME permutation.",
        _mini_batches(shuffle_y="Y[:, list(np.random.permutation(m))].reshape((1, m))"),
    ),
    Mistake(
        "mini_batches_no_rest",
        "random_mini_batches",
        "when m is not a multiple of mini_batch_size, the examples left over after the complete "
        "batches form one last, smaller mini-batch: do not drop them.",
        _mini_batches(rest="False"),
    ),
    Mistake(
        "mini_batches_empty_last",
        "random_mini_batches",
        "add the last, smaller mini-batch only when there is a rest (m % mini_batch_size != 0): "
        "otherwise it is empty.",
        _mini_batches(rest="True"),
    ),
    Mistake(
        "mini_batches_no_shuffle",
        "random_mini_batches",
        "shuffle the examples first (one permutation of the columns, np.random.permutation(m)), "
        "then cut the shuffled X and Y into batches.",
        _mini_batches(permutation="list(range(m))"),
    ),
    Mistake(
        "mini_batches_last_overlaps",
        "random_mini_batches",
        "the last mini-batch holds the examples after the complete batches, from "
        "num_complete_minibatches * mini_batch_size to m, not the last mini_batch_size columns "
        "(which repeats examples).",
        _mini_batches(last="shuffled_X[:, -mini_batch_size:]"),
    ),
    Mistake(
        "mini_batches_no_seed",
        "random_mini_batches",
        "call np.random.seed(seed) before drawing the permutation, so that the same seed gives "
        "the same mini-batches (the training function changes the seed every epoch).",
        _mini_batches(seed="pass"),
    ),
    Mistake(
        "mini_batches_fixed_seed",
        "random_mini_batches",
        "use the seed argument, np.random.seed(seed), not a number of your own: the training "
        "function passes a new seed every epoch so that each epoch sees the examples in a new "
        "order.",
        _mini_batches(seed="np.random.seed(1)"),
    ),
    # ---------------------------------------------------------------------------- EWA
    Mistake(
        "ewa_swapped",
        "exponentially_weighted_average",
        BETA_SWAPPED.format("theta_t"),
        _ewa(update="(1 - beta) * v + beta * theta[t - 1]"),
    ),
    Mistake(
        "ewa_start_first_value",
        "exponentially_weighted_average",
        "start from v_0 = 0 (that is what makes the early averages too small, and what bias "
        "correction fixes), not from the first value.",
        _ewa(start="theta[0]"),
    ),
    Mistake(
        "ewa_correction_t_minus_1",
        "exponentially_weighted_average",
        "the correction of step t divides by 1 - beta**t, with t counted from 1 (the first "
        "average is v_1): not 1 - beta**(t + 1).",
        _ewa(corrected="v / (1 - beta ** (t + 1))"),
    ),
    Mistake(
        "ewa_correction_kept",
        "exponentially_weighted_average",
        "the corrected value is only reported: keep averaging the uncorrected v (v_t = beta "
        "v_(t-1) + (1 - beta) theta_t) and divide a copy by 1 - beta**t.",
        _ewa(
            update="(beta * v + (1 - beta) * theta[t - 1]) / (1 - beta ** t) if bias_correction "
            "else beta * v + (1 - beta) * theta[t - 1]",
            corrected="v",
        ),
    ),
    # ------------------------------------------------------------ initialize_velocity
    Mistake(
        "velocity_keys",
        "initialize_velocity",
        'the velocity has the gradients\' keys, "dW1", "db1", ...: v["dW" + str(l)].',
        _velocity(key=""),
    ),
    Mistake(
        "velocity_b_1d",
        "initialize_velocity",
        'each velocity has the shape of its parameter: v["db1"] is a column like b1, '
        'np.zeros(parameters["b" + str(l)].shape).',
        _velocity(b='np.zeros(parameters["b" + str(l)].shape[0])'),
    ),
    # -------------------------------------------------------------------- momentum
    Mistake(
        "momentum_swapped",
        "update_parameters_with_momentum",
        BETA_SWAPPED.format("dW"),
        _momentum(v_line="(1 - beta) * v[name] + beta * grads[name]"),
    ),
    Mistake(
        "momentum_no_one_minus_beta",
        "update_parameters_with_momentum",
        "the new gradient enters with the weight 1 - beta: v = beta * v + (1 - beta) * dW.",
        _momentum(v_line="beta * v[name] + grads[name]"),
    ),
    Mistake(
        "momentum_step_with_gradient",
        "update_parameters_with_momentum",
        "the step uses the velocity, not the gradient: W = W - learning_rate * v_dW.",
        _momentum(step="learning_rate * grads[name]"),
    ),
    Mistake(
        "momentum_old_v",
        "update_parameters_with_momentum",
        "return the UPDATED velocity v with the parameters: the next step continues from it.",
        _momentum(returned="old_v"),
    ),
    # --------------------------------------------------------------- initialize_adam
    Mistake(
        "adam_init_keys",
        "initialize_adam",
        'v and s have the gradients\' keys, "dW1", "db1", ...',
        _function(
            "initialize_adam(parameters)",
            "v = {k: np.zeros(p.shape) for k, p in parameters.items()}\n"
            "s = {k: np.zeros(p.shape) for k, p in parameters.items()}\nreturn v, s",
        ),
    ),
    Mistake(
        "adam_init_ones",
        "initialize_adam",
        "both moving averages start at 0 (np.zeros), like the velocity of momentum.",
        _function(
            "initialize_adam(parameters)",
            'v = {"d" + k: np.zeros(p.shape) for k, p in parameters.items()}\n'
            's = {"d" + k: np.ones(p.shape) for k, p in parameters.items()}\nreturn v, s',
        ),
    ),
    # ------------------------------------------------------------------------ Adam
    Mistake(
        "adam_epsilon_inside",
        "update_parameters_with_adam",
        "epsilon goes OUTSIDE the square root: v_corrected / (np.sqrt(s_corrected) + epsilon).",
        _adam(step="learning_rate * v_corrected[name] / np.sqrt(s_corrected[name] + epsilon)"),
    ),
    Mistake(
        "adam_t_minus_1",
        "update_parameters_with_adam",
        "the bias correction divides by 1 - beta**t with t, the number of the step (1 for the "
        "first step), not t - 1 (which divides by 0 at the first step).",
        _adam(v_hat="v[name] / (1 - beta1 ** (t - 1))", s_hat="s[name] / (1 - beta2 ** (t - 1))"),
    ),
    Mistake(
        "adam_no_correction",
        "update_parameters_with_adam",
        "correct the bias of both averages: v_corrected = v / (1 - beta1**t) and "
        "s_corrected = s / (1 - beta2**t).",
        _adam(v_hat="v[name]", s_hat="s[name]"),
    ),
    Mistake(
        "adam_step_uncorrected_s",
        "update_parameters_with_adam",
        "the step divides by the square root of s_corrected, not of s: both averages are "
        "corrected before the step, v_corrected / (np.sqrt(s_corrected) + epsilon).",
        _adam(step="learning_rate * v_corrected[name] / (np.sqrt(s[name]) + epsilon)"),
    ),
    Mistake(
        "adam_power_outside",
        "update_parameters_with_adam",
        "the correction is 1 - beta1**t (beta1 to the power t), not (1 - beta1)**t.",
        _adam(v_hat="v[name] / (1 - beta1) ** t", s_hat="s[name] / (1 - beta2) ** t"),
    ),
    Mistake(
        "adam_s_not_squared",
        "update_parameters_with_adam",
        "s averages the SQUARED gradients: s = beta2 * s + (1 - beta2) * np.square(dW).",
        _adam(s_line="beta2 * s[name] + (1 - beta2) * grads[name]"),
    ),
    Mistake(
        "adam_betas_swapped",
        "update_parameters_with_adam",
        "v (the average of the gradients) uses beta1 and s (the average of their squares) "
        "uses beta2.",
        _adam(
            v_line="beta2 * v[name] + (1 - beta2) * grads[name]",
            s_line="beta1 * s[name] + (1 - beta1) * np.square(grads[name])",
            v_hat="v[name] / (1 - beta2 ** t)",
            s_hat="s[name] / (1 - beta1 ** t)",
        ),
    ),
    # ------------------------------------------------------------------- decay
    Mistake(
        "update_lr_precedence",
        "update_lr",
        "divide learning_rate0 by the whole (1 + decay_rate * epoch_num): mind the brackets.",
        _function(
            "update_lr(learning_rate0, epoch_num, decay_rate)",
            "return learning_rate0 / 1 + decay_rate * epoch_num",
        ),
    ),
    Mistake(
        "update_lr_no_rate0",
        "update_lr",
        "the schedule scales the initial rate: learning_rate0 / (1 + decay_rate * epoch_num).",
        _function(
            "update_lr(learning_rate0, epoch_num, decay_rate)",
            "return 1 / (1 + decay_rate * epoch_num)",
        ),
    ),
    Mistake(
        "schedule_no_floor",
        "schedule_lr_decay",
        "the rate steps down once every time_interval epochs: use np.floor(epoch_num / "
        "time_interval) (a whole number), so it stays constant in between.",
        _function(
            "schedule_lr_decay(learning_rate0, epoch_num, decay_rate, time_interval=1000)",
            "return learning_rate0 / (1 + decay_rate * epoch_num / time_interval)",
        ),
    ),
    Mistake(
        "schedule_every_epoch",
        "schedule_lr_decay",
        "with a schedule the decay does not count epochs one by one but intervals: "
        "np.floor(epoch_num / time_interval).",
        _function(
            "schedule_lr_decay(learning_rate0, epoch_num, decay_rate, time_interval=1000)",
            "return learning_rate0 / (1 + decay_rate * epoch_num)",
        ),
    ),
]


SPEC = WeekSpec(
    ASSIGNMENT,
    FUNCTIONS,
    MISTAKES,
    extra={"mini_batch_sizes": lambda: [list(pair) for pair in MINI_BATCH_SIZES]},
)
