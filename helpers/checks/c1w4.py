"""Public checks of week C1 W4 (a deep neural network, step by step).

Each ``check_<name>(obj)`` runs your function on small fixed examples. It prints one ✓ line
when everything matches, or stops with a message that says what was expected, what came back
and, when it recognises it, the likely mistake. The hidden checks that grade your work use
other inputs (other sizes, other numbers of layers), so write each function for any input.

The expected numbers below were computed with the course's reference solution (the project's
tests recompute them); the "wrong" numbers are what some common mistakes produce.

The checks of ``two_layer_model`` and ``L_layer_model`` start the training from fixed
parameters: while they run, ``initialize_parameters`` (``initialize_parameters_deep``) in your
notebook stands for a function that returns those parameters, so that the results can be
compared with the expected numbers. Your initializers have their own checks.
"""

from __future__ import annotations

import contextlib
import inspect

import numpy as np

from helpers.checks import (
    CheckFailure,
    call,
    expect_close,
    expect_equal,
    expect_keys,
    expect_sequence,
    expect_shape,
    failure,
    passed,
    show,
)

# Likely mistakes, keyed like the planted mistakes of the hidden grader's tests.
MISTAKES = {
    "init_zeros": (
        "the weights are all zero: every unit of a layer would then compute the same thing and "
        "get the same gradient, so the units would stay equal. Draw the weights at random: "
        "np.random.randn(...) * 0.01."
    ),
    "init_constant": (
        "every weight has the same value, so the units of a layer stay equal: draw the weights "
        "at random, np.random.randn(...) * 0.01."
    ),
    "init_scale": (
        "the weights are too large (standard deviation about 1): multiply np.random.randn(...) "
        "by 0.01 (or divide it by the square root of the previous layer's size)."
    ),
    "init_W_transposed": (
        "a weight matrix has shape (units of this layer, units of the layer before): W1 is "
        "(n_h, n_x) and W2 is (n_y, n_h); in a deep network W{l} is "
        "(layer_dims[l], layer_dims[l - 1])."
    ),
    "init_b_1d": (
        "b should be a column of zeros, shape (n, 1): np.zeros((n, 1)), not np.zeros(n)."
    ),
    "init_b_zeros": "b starts at zero: np.zeros((n, 1)).",
    "init_missing_last": (
        "the last layer's W and b are missing: the loop must cover every layer, "
        "for l in range(1, len(layer_dims))."
    ),
    "init_from_0": (
        "layers are numbered from 1: the first weights are W1 (layer 0 is the input, "
        "which has no parameters)."
    ),
    "linear_forward_no_b": "Z = W A + b: did you leave out b?",
    "linear_forward_W_transposed": (
        "Z = np.dot(W, A) + b, without transposing: W has shape (n_l, n_{l-1}) and A has "
        "shape (n_{l-1}, m), so W A has shape (n_l, m)."
    ),
    "linear_cache": (
        "the cache should be the tuple (A, W, b), in this order: the inputs, kept for the "
        "backward pass."
    ),
    "activation_swapped": (
        'the activations are swapped: "sigmoid" applies sigmoid(Z) and "relu" applies relu(Z).'
    ),
    "activation_cache_format": (
        "the cache should be (linear_cache, activation_cache) = ((A_prev, W, b), Z): the cache "
        "linear_forward returns, then the cache the activation returns."
    ),
    "activation_cache_A": (
        "the activation cache should be Z, the second value that sigmoid(Z) or relu(Z) "
        "returns, not A."
    ),
    "forward_output_relu": (
        'the output layer uses "sigmoid": layers 1 .. L-1 use "relu", then layer L uses '
        '"sigmoid" so that AL holds probabilities.'
    ),
    "forward_all_sigmoid": (
        'the hidden layers 1 .. L-1 use "relu"; only the output layer L uses "sigmoid".'
    ),
    "L_len": (
        "parameters holds two entries per layer (W and b), so the number of layers is "
        "L = len(parameters) // 2."
    ),
    "forward_caches_missing_last": (
        "caches should hold one cache per layer, L in all: append the output layer's cache too."
    ),
    "cost_sign": (
        "the cost has the wrong sign: it is minus the mean of Y log(AL) + (1 - Y) log(1 - AL)."
    ),
    "cost_no_m": "you forgot to divide by m (the number of examples).",
    "cost_one_term": (
        "the cross-entropy has two terms: Y log(AL) + (1 - Y) log(1 - AL), averaged over the "
        "examples."
    ),
    "backward_W_not_transposed": (
        "dA_prev = W.T dZ: W has shape (n_l, n_{l-1}) and dZ has shape (n_l, m), so W.T dZ has "
        "the shape of A_prev, (n_{l-1}, m)."
    ),
    "backward_no_m": "dW and db are averages over the m examples: divide by m.",
    "backward_db_axis": (
        "db sums dZ over the examples, which are the columns: "
        "np.sum(dZ, axis=1, keepdims=True) / m."
    ),
    "backward_db_keepdims": (
        "db should be a column of shape (n_l, 1), like b: keep the summed axis with keepdims=True."
    ),
    "backward_dW_transposed": (
        "dW = dZ A_prev.T / m has the shape of W, (n_l, n_{l-1}); A_prev dZ.T is its transpose."
    ),
    "backward_dA_prev_m": "dA_prev = W.T dZ has no 1/m: only dW and db are divided by m.",
    "backward_relu_uses_sigmoid": (
        'for "relu" you used the sigmoid\'s derivative: dZ = relu_backward(dA, activation_cache).'
    ),
    "backward_sigmoid_uses_relu": (
        'for "sigmoid" you used relu\'s derivative: dZ = sigmoid_backward(dA, activation_cache).'
    ),
    "backward_no_derivative": (
        "dA must first go through the derivative of the activation (relu_backward or "
        "sigmoid_backward, with the activation cache Z); then linear_backward(dZ, linear_cache)."
    ),
    "dAL_sign": "dAL has the wrong sign: dAL = -(Y / AL - (1 - Y) / (1 - AL)).",
    "backward_output_relu": (
        'the output layer L is a sigmoid unit: its backward step uses "sigmoid"; the layers '
        'L-1 down to 1 use "relu".'
    ),
    "backward_missing_first": (
        "the loop over the hidden layers stops too early: it must go from l = L-1 down to 1 "
        '(for l in reversed(range(L - 1)), with caches[l] and grads["dA" + str(l + 1)]).'
    ),
    "backward_keys_shifted": (
        "layer l's backward step gives the gradient of A_{l-1}, its input: store it as "
        'grads["dA" + str(l - 1)], from dA0 (the input X) up to dA{L-1}.'
    ),
    "update_plus": (
        "gradient descent subtracts the gradient: W = W - learning_rate * dW (and the same for b)."
    ),
    "update_missing_last": (
        "the last layer was not updated: loop over every layer, l = 1 .. L (range(1, L + 1))."
    ),
    "update_not_updated": "this parameter was not updated: loop over every layer, l = 1 .. L.",
    "model_uphill": (
        "the parameters moved uphill, so the cost grows: check the sign of "
        "dA2 = -(np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))."
    ),
    "model_costs_no_last": (
        "record the cost every 100 iterations and also at the last iteration: "
        "if i % 100 == 0 or i == num_iterations - 1."
    ),
    "model_costs_every_iteration": (
        "record the cost only every 100 iterations (when i % 100 == 0) and at the last one, "
        "not at every iteration."
    ),
    "model_fixed_learning_rate": (
        "the steps do not follow the learning_rate argument: pass learning_rate on to "
        "update_parameters."
    ),
    "model_not_assigned": (
        "the parameters did not change: update_parameters returns the new parameters, so "
        "assign them: parameters = update_parameters(parameters, grads, learning_rate)."
    ),
    "model_first_cost": (
        "costs[0] is the cost of the starting parameters: take them from the initializer, then "
        "run the forward pass (relu for the hidden layers, sigmoid for the output) and "
        "compute_cost before the first update."
    ),
    "model_layers_dims": (
        "the parameters do not fit X: initialize them from the whole layers_dims, whose first "
        "entry is the number of rows of X."
    ),
}

SCALE_FACTOR = 2.0  # a weight's standard deviation may be up to 2 / sqrt(units of the layer before)
SCALE_MIN_UNITS = 16  # ... checked only where the layer before has this many units or more
SCALE_MIN_SIZE = 64  # ... and where the matrix has this many weights or more

# ------------------------------------------------------------------------------ examples
# initialize_parameters(n_x, n_h, n_y): a small network, then a wide one to measure the scale.
INITIALIZE_PARAMETERS_SIZES = [(3, 2, 1), (300, 40, 1)]
# initialize_parameters_deep(layer_dims)
INITIALIZE_PARAMETERS_DEEP_DIMS = [[5, 4, 3], [4, 1], [300, 40, 20, 1]]

LINEAR_FORWARD_EXAMPLE = {
    "A": [[1.0, -2.0], [0.5, 1.5], [-1.0, 0.25]],
    "W": [[0.2, -0.4, 0.1], [0.5, 0.3, -0.6]],
    "b": [[0.1], [-0.2]],
}
# --- computed: begin
# fmt: off
LINEAR_FORWARD_EXPECTED = {"Z": [[0.0, -0.875], [1.05, -0.9000000000000001]]}
LINEAR_FORWARD_WRONG = {
    "linear_forward_no_b": {"Z": [[-0.1, -0.975], [1.25, -0.7000000000000001]]},
}
# fmt: on
# --- computed: end

LINEAR_ACTIVATION_FORWARD_EXAMPLE = {
    "A_prev": [[0.5, -1.0, 2.0], [1.5, 0.0, -0.5]],
    "W": [[0.8, -0.3], [-0.5, 1.2], [0.25, 0.6]],
    "b": [[-0.1], [0.2], [0.05]],
}
# --- computed: begin
# fmt: off
LINEAR_ACTIVATION_FORWARD_EXPECTED = {
    "Z": [
        [-0.14999999999999997, -0.9, 1.65],
        [1.7499999999999998, 0.7, -1.4000000000000001],
        [1.075, -0.2, 0.25],
    ],
    "sigmoid": {
        "A": [
            [0.46257015465625045, 0.289050497374996, 0.8388910504234147],
            [0.8519528019683106, 0.6681877721681662, 0.19781611144141822],
            [0.7455466141264027, 0.45016600268752216, 0.5621765008857981],
        ],
    },
    "relu": {"A": [[0.0, 0.0, 1.65], [1.7499999999999998, 0.7, 0.0], [1.075, 0.0, 0.25]]},
}
# fmt: on
# --- computed: end

# Three layers (2 -> 3 -> 2 -> 1) on three examples; L_model_backward reuses the caches.
L_MODEL_FORWARD_EXAMPLE = {
    "X": [[1.0, -0.5, 2.0], [0.5, 1.5, -1.0]],
    "parameters": {
        "W1": [[0.6, -0.4], [-0.3, 0.8], [0.5, 0.2]],
        "b1": [[0.1], [-0.15], [0.05]],
        "W2": [[0.7, -0.5, 0.3], [-0.2, 0.4, 0.9]],
        "b2": [[-0.05], [0.1]],
        "W3": [[1.2, -0.8]],
        "b3": [[0.2]],
    },
}
# --- computed: begin
# fmt: off
L_MODEL_FORWARD_EXPECTED = {
    "A": [
        [
            [0.5, 0.0, 1.7000000000000002],
            [0.0, 1.2000000000000002, 0.0],
            [0.65, 0.10000000000000002, 0.8500000000000001],
        ],
        [[0.49499999999999994, 0.0, 1.395], [0.5850000000000001, 0.67, 0.525]],
        [[0.5807857981259906, 0.4167814509159666, 0.8106132746500342]],
    ],
    "Z": [
        [
            [0.5, -0.8, 1.7000000000000002],
            [-0.04999999999999996, 1.2000000000000002, -1.5499999999999998],
            [0.65, 0.10000000000000002, 0.8500000000000001],
        ],
        [[0.49499999999999994, -0.6200000000000001, 1.395], [0.5850000000000001, 0.67, 0.525]],
        [[0.3259999999999998, -0.336, 1.4539999999999997]],
    ],
}
L_MODEL_FORWARD_WRONG = {
    "L_model_forward_output_relu": {"AL": [[0.3259999999999998, 0.0, 1.4539999999999997]]},
    "L_model_forward_all_sigmoid": {
        "AL": [[0.5879166974285581, 0.5565199388114088, 0.6154009459580316]],
    },
}
# fmt: on
# --- computed: end

COMPUTE_COST_EXAMPLE = {"AL": [[0.7, 0.2, 0.9, 0.35]], "Y": [[1.0, 0.0, 1.0, 1.0]]}
# --- computed: begin
# fmt: off
COMPUTE_COST_EXPECTED = 0.4337502838523616
COMPUTE_COST_WRONG = {"compute_cost_one_term": 0.37796439602380916}
# fmt: on
# --- computed: end

LINEAR_BACKWARD_EXAMPLE = {
    "dZ": [[0.3, -0.2, 0.5, 0.1], [-0.4, 0.6, 0.2, -0.1]],
    "A_prev": [[1.0, -0.5, 0.2, 2.0], [0.5, 1.0, -1.5, 0.3], [-0.2, 0.8, 0.6, -1.0]],
    "W": [[0.4, -0.7, 0.2], [0.1, 0.5, -0.3]],
    "b": [[0.05], [-0.02]],
}
# --- computed: begin
# fmt: off
LINEAR_BACKWARD_EXPECTED = {
    "dA_prev": [
        [0.07999999999999999, -0.020000000000000014, 0.22, 0.030000000000000006],
        [-0.41000000000000003, 0.43999999999999995, -0.24999999999999997, -0.12],
        [0.18, -0.22, 0.04000000000000001, 0.05],
    ],
    "dW": [
        [0.175, -0.1925, -0.005000000000000011],
        [-0.21499999999999997, 0.017499999999999988, 0.195],
    ],
    "db": [[0.175], [0.07499999999999998]],
}
# fmt: on
# --- computed: end

# Z is W A_prev + b (computed).
LINEAR_ACTIVATION_BACKWARD_EXAMPLE = {
    "dA": [[0.5, -1.0, 0.8], [-0.3, 0.6, 1.2]],
    "A_prev": [[1.0, -0.5, 0.5], [0.2, 1.5, -1.0], [-0.8, 0.4, 2.0]],
    "W": [[0.6, -0.2, 0.3], [-0.4, 0.5, 0.1]],
    "b": [[0.1], [-0.2]],
}
# --- computed: begin
# fmt: off
LINEAR_ACTIVATION_BACKWARD_EXAMPLE["Z"] = [
    [0.41999999999999993, -0.38, 1.2000000000000002],
    [-0.5800000000000001, 0.79, -0.7],
]
LINEAR_ACTIVATION_BACKWARD_EXPECTED = {
    "relu": {
        "dA_prev": [[0.3, -0.24, 0.48], [-0.1, 0.3, -0.16000000000000003], [0.15, 0.06, 0.24]],
        "dW": [[0.3, -0.23333333333333336, 0.4000000000000001], [-0.09999999999999999, 0.3, 0.08]],
        "db": [[0.43333333333333335], [0.19999999999999998]],
    },
    "sigmoid": {
        "dA_prev": [
            [0.09939936352362651, -0.19624535822766465, -0.021032847670225643],
            [-0.05844411973023861, 0.11265338548454706, 0.10456461347237653],
            [0.028990682943516168, -0.05947318868856597, 0.06930021055040644],
        ],
        "dW": [
            [0.10379910167673251, -0.16005606387865826, 0.030813160672569607],
            [-0.00013936315352292006, -0.028871331679199076, 0.21295584888420302],
        ],
        "db": [[0.006924440156881997], [0.1086190288805428]],
    },
}
LINEAR_ACTIVATION_BACKWARD_WRONG = {
    "linear_activation_backward_relu_uses_sigmoid": {
        "relu": {
            "dA_prev": [
                [0.09939936352362651, -0.19624535822766465, -0.021032847670225643],
                [-0.05844411973023861, 0.11265338548454706, 0.10456461347237653],
                [0.028990682943516168, -0.05947318868856597, 0.06930021055040644],
            ],
            "dW": [
                [0.10379910167673251, -0.16005606387865826, 0.030813160672569607],
                [-0.00013936315352292006, -0.028871331679199076, 0.21295584888420302],
            ],
            "db": [[0.006924440156881997], [0.1086190288805428]],
        },
    },
    "linear_activation_backward_sigmoid_uses_relu": {
        "sigmoid": {
            "dA_prev": [[0.3, -0.24, 0.48], [-0.1, 0.3, -0.16000000000000003], [0.15, 0.06, 0.24]],
            "dW": [
                [0.3, -0.23333333333333336, 0.4000000000000001],
                [-0.09999999999999999, 0.3, 0.08],
            ],
            "db": [[0.43333333333333335], [0.19999999999999998]],
        },
    },
    "linear_activation_backward_no_derivative": {
        "relu": {
            "dA_prev": [
                [0.42, -0.84, -2.6645352591003756e-17],
                [-0.25, 0.5, 0.43999999999999995],
                [0.12, -0.24, 0.36],
            ],
            "dW": [
                [0.4666666666666666, -0.7333333333333334, 0.26666666666666666],
                [0.0, -0.12, 0.96],
            ],
            "db": [[0.10000000000000002], [0.5]],
        },
        "sigmoid": {
            "dA_prev": [
                [0.42, -0.84, -2.6645352591003756e-17],
                [-0.25, 0.5, 0.43999999999999995],
                [0.12, -0.24, 0.36],
            ],
            "dW": [
                [0.4666666666666666, -0.7333333333333334, 0.26666666666666666],
                [0.0, -0.12, 0.96],
            ],
            "db": [[0.10000000000000002], [0.5]],
        },
    },
}
# fmt: on
# --- computed: end

# The caches and AL of L_MODEL_FORWARD_EXAMPLE, with these labels.
L_MODEL_BACKWARD_Y = [[1.0, 0.0, 1.0]]
# --- computed: begin
# fmt: off
L_MODEL_BACKWARD_EXPECTED = {
    "dA0": [
        [-0.17606996478708387, -0.11003030304181521, -0.07954242464698562],
        [0.19786910328453247, -0.1667125803663867, 0.08939053436518385],
    ],
    "dA1": [
        [-0.4192142018740094, 0.06668503214655468, -0.18938672534996578],
        [0.3856770657240886, -0.13337006429310935, 0.17423578732196854],
        [0.15091711267464344, -0.300082644659496, 0.0681792211259877],
    ],
    "dA2": [
        [-0.5030570422488112, 0.50013774109916, -0.22726407041995897],
        [0.33537136149920754, -0.33342516073277334, 0.15150938027997266],
    ],
    "dW1": [
        [-0.26599588419131365, -0.006740125195679634],
        [0.02222834404885156, -0.06668503214655468],
        [0.14577229241878895, -0.14761487725930333],
    ],
    "db1": [[-0.20286697574132506], [-0.04445668809770312], [-0.02699543695295496]],
    "dW2": [
        [-0.21262581361277863, 0.0, -0.1733871791062308],
        [0.14175054240851911, -0.13337006429310935, 0.10447728071306145],
    ],
    "db2": [[-0.24344037088959006], [0.051151860348802286]],
    "dW3": [[-0.15723517059694564, -0.02180825559710997]],
    "db3": [[-0.06393982543600285]],
}
L_MODEL_BACKWARD_WRONG = {
    "L_model_backward_output_relu": {
        "dA0": [
            [-0.7231581787213206, 0.0, -0.5181262300217404],
            [0.81269204846777, 0.0, 0.582275191833956],
        ],
        "dA1": [
            [-1.721805187431716, 0.0, -1.233633881004144],
            [1.584060772437179, 0.0, 1.1349431705238127],
            [0.6198498674754179, 0.0, 0.444108197161492],
        ],
        "dA2": [
            [-2.0661662249180592, 0.0, -1.480360657204973],
            [1.377444149945373, 0.0, 0.9869071048033154],
        ],
        "dW1": [
            [-1.3963576498133348, 0.1242437624294287],
            [0.0, 0.0],
            [0.5026887539328007, -0.04472775447459435],
        ],
        "db1": [[-0.9851463561452866], [0.0], [0.35465268821230334]],
        "dW2": [
            [-1.1832320765691613, 0.0, -0.8671048682736552],
            [0.788821384379441, 0.0, 0.5780699121824369],
        ],
        "db2": [[-1.1821756273743442], [0.7881170849162294]],
        "dW3": [[-0.8577376105931602, -0.5516379407249099]],
        "db3": [[-0.9851463561452868]],
    },
}
# fmt: on
# --- computed: end

UPDATE_PARAMETERS_EXAMPLE = {
    "parameters": {
        "W1": [[0.5, -0.2, 0.1], [-0.3, 0.8, 0.4]],
        "b1": [[0.05], [-0.1]],
        "W2": [[0.9, -0.6]],
        "b2": [[0.2]],
    },
    "grads": {
        "dW1": [[0.1, 0.2, -0.3], [-0.05, 0.4, 0.25]],
        "db1": [[0.02], [-0.04]],
        "dW2": [[-0.5, 0.3]],
        "db2": [[0.15]],
        "dA1": [[0.3, -0.1], [0.2, 0.4]],
        "dA0": [[0.1, 0.2], [-0.2, 0.05], [0.3, -0.3]],
    },
    "learning_rate": 0.1,
}
# --- computed: begin
# fmt: off
UPDATE_PARAMETERS_EXPECTED = {
    "W1": [[0.49, -0.22000000000000003, 0.13], [-0.295, 0.76, 0.375]],
    "b1": [[0.048], [-0.096]],
    "W2": [[0.9500000000000001, -0.63]],
    "b2": [[0.185]],
}
# fmt: on
# --- computed: end

MODEL_DATA = {
    "X": [
        [1.0, -0.5, 2.0, 0.3, -1.2, 0.8],
        [0.5, 1.5, -1.0, -0.7, 0.4, 1.1],
        [-0.3, 0.2, 0.6, 1.4, -0.9, -0.4],
    ],
    "Y": [[1.0, 0.0, 1.0, 1.0, 0.0, 0.0]],
}
TWO_LAYER_MODEL_EXAMPLE = {
    **MODEL_DATA,
    "layers_dims": (3, 4, 1),
    "learning_rate": 0.05,
    "num_iterations": 151,
}
L_LAYER_MODEL_EXAMPLE = {
    **MODEL_DATA,
    "layers_dims": [3, 4, 3, 1],
    "learning_rate": 0.1,
    "num_iterations": 151,
}
# --- computed: begin
# fmt: off
TWO_LAYER_MODEL_START = {
    "W1": [
        [0.001257302210933933, -0.0013210486329130189, 0.006404226504432821],
        [0.001049001171530397, -0.005356693731611109, 0.0036159505490948474],
        [0.013040000451301373, 0.009470809631292421, -0.007037352358069926],
        [-0.012654214710460526, -0.006232744625373522, 0.000413259793472436],
    ],
    "b1": [[0.0], [0.0], [0.0], [0.0]],
    "W2": [
        [
            -0.023250307746388345,
            -0.0021879166393254574,
            -0.012459109472530651,
            -0.007322673547034517,
        ],
    ],
    "b2": [[0.0]],
}
TWO_LAYER_MODEL_EXPECTED = {
    "parameters": {
        "W1": [
            [-0.0011253959338892688, 0.001074080205715192, 0.0028222325269062973],
            [0.00889479426789341, -0.00940342338679815, 0.008658288375221434],
            [-0.02279411304323588, 0.055692894174223934, -0.021319330846577608],
            [-0.027579877099074255, 0.013686251764183156, -0.00822221306486744],
        ],
        "b1": [
            [-0.003051735983837271],
            [0.006975117084659526],
            [0.03369493764711014],
            [0.02030994824923686],
        ],
        "W2": [
            [
                -0.022675476306794114,
                0.015923058314460326,
                -0.07107318793514661,
                -0.03576846714710631,
            ],
        ],
        "b2": [[0.0014252188822306943]],
    },
    "costs": [0.6931809775672241, 0.6927365352641243, 0.691134709749622],
}
TWO_LAYER_MODEL_WRONG = {
    "two_layer_model_dA2_sign": {
        "parameters": {
            "W1": [
                [0.12856065359413313, -0.11493983531671798, 0.11137426000651542],
                [0.029209946282269965, -0.027686218516960754, 0.02546346765920934],
                [0.060878059530150096, -0.0335285922692337, 0.028060306814659975],
                [-0.005807513134823457, -0.01173861583775506, 0.01034439336545471],
            ],
            "b1": [
                [0.10231209993466356],
                [0.023247950343005686],
                [0.03413986290397294],
                [0.002936914802598085],
            ],
            "W2": [
                [
                    -0.2303908608009639,
                    -0.052645067987574776,
                    -0.08136210138995431,
                    -0.011854396728308987,
                ],
            ],
            "b2": [[-0.023699795823949432]],
        },
    },
    "two_layer_model_fixed_learning_rate": {
        "parameters": {
            "W1": [
                [-0.0010293561846102907, 0.0010083035365541083, 0.002893337907732338],
                [0.000755834498595836, -0.005140006148737528, 0.0033610249785013036],
                [0.009724671784891496, 0.013204350473014444, -0.007701253985538397],
                [-0.013629566245604238, -0.0057524442572786235, -0.0006221542710745981],
            ],
            "b1": [
                [-0.0029762737903916803],
                [-0.0002549262627315563],
                [7.345399580921778e-05],
                [0.0004894946340496463],
            ],
            "W2": [
                [
                    -0.0226999560976255,
                    -0.0005346954891179658,
                    -0.013192476368720642,
                    -0.008599336126855714,
                ],
            ],
            "b2": [[4.23518756615275e-05]],
        },
    },
}
L_LAYER_MODEL_START = {
    "W1": [
        [0.07259037699354179, -0.07627077838249186, 0.36974818962856254],
        [0.060564110876330755, -0.3092688567912055, 0.20876700228962852],
        [0.7528647770791689, 0.5467974490070381, -0.40630172783139196],
        [-0.7305914269467707, -0.35984767872495965, 0.02385956530065601],
    ],
    "b1": [[0.0], [0.0], [0.0], [0.0]],
    "W2": [
        [-1.1625153873194172, -0.10939583196627287, -0.6229554736265326, -0.3661336773517258],
        [-0.27212949142865495, -0.15815007818457727, 0.2058152681870664, 0.5212566847213388],
        [-0.06426733147201713, 0.6832317352748429, -0.33259733674330677, 0.17575503504650986],
    ],
    "b2": [[0.0], [0.0], [0.0]],
    "W3": [[0.5216187525814718, 0.05427802541937619, -0.42925949175670597]],
    "b3": [[0.0]],
}
L_LAYER_MODEL_EXPECTED = {
    "parameters": {
        "W1": [
            [0.2487374770423798, -0.15781603263631547, 0.45678372445837007],
            [0.03252404653335638, -0.20840826182150976, -0.0064834484053598145],
            [0.6772599185491401, 0.6344278859724383, -0.42738298027255306],
            [-1.201691554745006, 0.19698863890729487, -0.17973642321430525],
        ],
        "b1": [
            [0.16137547640192176],
            [-0.14822817467780905],
            [-0.027373706449542713],
            [0.5435652716015262],
        ],
        "W2": [
            [-1.1625153873194172, -0.10939583196627287, -0.6229554736265326, -0.3661336773517258],
            [-0.40281922278475285, -0.17889199073457568, 0.32535681346025597, 0.9142725093141407],
            [-0.2993676169752512, 0.6179484903718516, -0.24691496825859577, 0.7804974644924709],
        ],
        "b2": [[0.0], [0.30432262779055447], [0.29488848457670175]],
        "W3": [[0.5216187525814718, -0.9065806658528751, -0.8928224676397213]],
        "b3": [[0.562862490238003]],
    },
    "costs": [0.7073848116968748, 0.5831382493960331, 0.39493664788600213],
}
L_LAYER_MODEL_WRONG = {
    "L_layer_model_fixed_learning_rate": {
        "parameters": {
            "W1": [
                [0.07569683285722893, -0.07969944146550068, 0.3751470719295353],
                [0.032643579076083645, -0.28003032655126536, 0.16400079495835562],
                [0.7630777723236344, 0.5406086817956349, -0.40342356118811],
                [-0.7399073685202273, -0.35203650129196584, 0.0076569596191787825],
            ],
            "b1": [
                [0.004451627710917271],
                [-0.0375721289707486],
                [0.00427426173938073],
                [-0.00204059780373524],
            ],
            "W2": [
                [
                    -1.1625153873194172,
                    -0.10939583196627287,
                    -0.6229554736265326,
                    -0.3661336773517258,
                ],
                [
                    -0.27212949142865495,
                    -0.15815007818457727,
                    0.20406430914880921,
                    0.5191427564027188,
                ],
                [
                    -0.09577942405368967,
                    0.6570095483602936,
                    -0.34318820949120066,
                    0.20179907802363936,
                ],
            ],
            "b2": [[0.0], [-0.005963432256801874], [-0.017233709731394528]],
            "W3": [[0.5216187525814718, 0.008831652542234456, -0.4140392200891333]],
            "b3": [[0.005485791336498487]],
        },
    },
}
# fmt: on
# --- computed: end


def _arrays(example: dict, *names: str) -> list:
    """Fresh copies of an example's inputs (so a function that edits its input harms nothing)."""
    return [_array_of(example[n]) for n in names]


def _array_of(value):
    if isinstance(value, list):
        return np.array(value, dtype=float)
    if isinstance(value, dict):
        return {k: _array_of(v) for k, v in value.items()}
    return value


def _wrong(wrong: dict, *path: str) -> list:
    """(wrong value, likely mistake) pairs from an example's hard-coded wrong outputs; each
    key of ``wrong`` is a mutant key whose MISTAKES entry is in ``MUTANT_MISTAKES``."""
    pairs = []
    for key, value in wrong.items():
        for step in path:
            value = value.get(step) if isinstance(value, dict) else None
        if value is not None:
            pairs.append((_array_of(value), MISTAKES[MUTANT_MISTAKES[key]]))
    return pairs


# Which MISTAKES entry names the mistake of a planted mutant whose outputs are hard-coded.
MUTANT_MISTAKES = {
    "linear_forward_no_b": "linear_forward_no_b",
    "L_model_forward_output_relu": "forward_output_relu",
    "L_model_forward_all_sigmoid": "forward_all_sigmoid",
    "compute_cost_one_term": "cost_one_term",
    "linear_activation_backward_relu_uses_sigmoid": "backward_relu_uses_sigmoid",
    "linear_activation_backward_sigmoid_uses_relu": "backward_sigmoid_uses_relu",
    "linear_activation_backward_no_derivative": "backward_no_derivative",
    "L_model_backward_output_relu": "backward_output_relu",
    "two_layer_model_dA2_sign": "model_uphill",
    "two_layer_model_fixed_learning_rate": "model_fixed_learning_rate",
    "L_layer_model_fixed_learning_rate": "model_fixed_learning_rate",
}


def _structure(value) -> str:
    """A short description of a nested value: arrays by their shapes."""
    if isinstance(value, np.ndarray):
        return f"array {value.shape}"
    if isinstance(value, (tuple, list)):
        inside = ", ".join(_structure(item) for item in value[:6])
        more = ", ..." if len(value) > 6 else ""
        return (
            f"({inside}{more})"
            if isinstance(value, tuple)
            else f"[{inside}{more}]" + f" ({len(value)} items)"
        )
    return show(value)


def _same(got, expected) -> bool:
    return (
        isinstance(got, np.ndarray)
        and got.shape == np.shape(expected)
        and bool(np.allclose(got, expected, rtol=1e-4, atol=1e-6))
    )


# ---------------------------------------------------------------- shared expectations
def expect_parameter_keys(parameters, L: int, what: str, prefixes=("W", "b")) -> dict:
    """``parameters`` if it is a dict with the keys W1, b1, ..., WL, bL (``prefixes`` + l)."""
    keys = [f"{p}{l}" for l in range(1, L + 1) for p in prefixes]
    if isinstance(parameters, dict):
        missing = [k for k in keys if k not in parameters]
        if missing and f"{prefixes[0]}0" in parameters:
            raise failure(
                f"{what} lacks the key(s) {', '.join(map(repr, missing))}.",
                got=f"keys {', '.join(map(repr, parameters))}",
                mistake=MISTAKES["init_from_0"],
            )
        if missing and all(k[1:] == str(L) for k in missing) and L > 1:
            raise failure(
                f"{what} lacks the key(s) {', '.join(map(repr, missing))}.",
                expected=f"keys {', '.join(map(repr, keys))}",
                got=f"keys {', '.join(map(repr, parameters)) or '(none)'}",
                mistake=MISTAKES["init_missing_last"],
            )
    return expect_keys(parameters, keys, what)


def expect_parameter_shapes(parameters, layer_dims, what: str) -> None:
    """W{l} is (layer_dims[l], layer_dims[l - 1]) and b{l} is (layer_dims[l], 1)."""
    expect_parameter_keys(parameters, len(layer_dims) - 1, what)
    for l in range(1, len(layer_dims)):
        n, n_prev = layer_dims[l], layer_dims[l - 1]
        expect_shape(
            parameters[f"W{l}"],
            (n, n_prev),
            f"{what}['W{l}']",
            mistakes=[((n_prev, n), MISTAKES["init_W_transposed"])] if n != n_prev else [],
        )
        b_mistakes = [((n,), MISTAKES["init_b_1d"])]
        if n > 1:
            b_mistakes.append(((1, n), MISTAKES["init_b_1d"]))
        expect_shape(parameters[f"b{l}"], (n, 1), f"{what}['b{l}']", mistakes=b_mistakes)


def expect_zero_biases(parameters, layer_dims, what: str) -> None:
    """Every b{l} is a column of zeros."""
    expect_parameter_shapes(parameters, layer_dims, what)
    for l in range(1, len(layer_dims)):
        zeros = np.zeros((layer_dims[l], 1))
        expect_close(parameters[f"b{l}"], zeros, f"{what}['b{l}']", rtol=0, atol=0,
                     mistakes=[(lambda _: True, MISTAKES["init_b_zeros"])])  # fmt: skip


def expect_initialized(parameters, layer_dims, what: str) -> None:
    """Freshly initialized parameters of a network with these layer sizes: the keys, the
    shapes, b zero, W random and small."""
    expect_zero_biases(parameters, layer_dims, what)
    for l in range(1, len(layer_dims)):
        expect_random_weights(parameters[f"W{l}"], layer_dims[l - 1], f"{what}['W{l}']")


def expect_random_weights(W: np.ndarray, n_prev: int, what: str) -> None:
    """W holds different, small random numbers (scale 0.01 or about 1 / sqrt(n_prev))."""
    if not np.any(W):
        raise failure(f"{what} is all zeros.", mistake=MISTAKES["init_zeros"])
    if W.size > 1 and np.all(W == W.flat[0]):
        raise failure(
            f"{what} has the same value everywhere.",
            got=show(W),
            mistake=MISTAKES["init_constant"],
        )
    if n_prev >= SCALE_MIN_UNITS and W.size >= SCALE_MIN_SIZE:
        limit = SCALE_FACTOR / np.sqrt(n_prev)
        spread = float(np.std(W))
        if spread > limit:
            raise failure(
                f"{what} has weights that are too large for a layer after {n_prev} units.",
                expected=f"a standard deviation of at most {limit:.3g} (0.01 is typical)",
                got=f"a standard deviation of {spread:.3g}",
                mistake=MISTAKES["init_scale"],
            )


def expect_linear_cache(cache, A, W, b, what: str) -> None:
    """``cache`` is the tuple (A, W, b) with these arrays, in this order."""
    expected = {"A": A, "W": W, "b": b}
    if not isinstance(cache, (tuple, list)) or len(cache) != 3:
        raise failure(
            f"{what} should be the tuple (A, W, b).",
            got=_structure(cache),
            mistake=MISTAKES["linear_cache"],
        )
    for position, ((name, value), got) in enumerate(zip(expected.items(), cache, strict=True)):
        if not _same(got, value):
            raise failure(
                f"{what}[{position}] should be {name}.",
                expected=show(value),
                got=show(got),
                mistake=MISTAKES["linear_cache"],
            )


def expect_layer_cache(cache, A_prev, W, b, Z, A, what: str) -> None:
    """``cache`` is ((A_prev, W, b), Z), what linear_activation_forward returns."""
    if not isinstance(cache, (tuple, list)) or len(cache) != 2:
        raise failure(
            f"{what} should be the pair (linear_cache, activation_cache).",
            expected="((A_prev, W, b), Z)",
            got=_structure(cache),
            mistake=MISTAKES["activation_cache_format"],
        )
    linear_cache, activation_cache = cache
    if isinstance(linear_cache, np.ndarray) and isinstance(activation_cache, (tuple, list)):
        raise failure(
            f"{what} has its two parts in the wrong order.",
            expected="((A_prev, W, b), Z)",
            got=_structure(cache),
            mistake=MISTAKES["activation_cache_format"],
        )
    if not isinstance(linear_cache, (tuple, list)):
        raise failure(
            f"{what}[0] should be the linear cache (A_prev, W, b).",
            expected="((A_prev, W, b), Z)",
            got=_structure(cache),
            mistake=MISTAKES["activation_cache_format"],
        )
    expect_linear_cache(linear_cache, A_prev, W, b, f"{what}[0] (the linear cache)")
    what_z = f"{what}[1] (the activation cache, Z)"
    if not _same(activation_cache, Z) and _same(activation_cache, A):
        raise failure(
            f"{what_z} holds A.",
            expected=show(Z),
            got=show(activation_cache),
            mistake=MISTAKES["activation_cache_A"],
        )
    expect_close(activation_cache, Z, what_z)


def expect_layer_caches(caches, layers, what: str) -> None:
    """``caches`` is a list with one cache ((A_prev, W, b), Z) per layer; ``layers`` lists
    (A_prev, W, b, Z, A) for every layer."""
    L = len(layers)
    if not isinstance(caches, (list, tuple)):
        raise failure(f"{what} should be a list of {L} caches, got {_structure(caches)}.")
    if len(caches) != L:
        hint = MISTAKES["forward_caches_missing_last"] if len(caches) == L - 1 else None
        raise failure(
            f"{what} should hold {L} caches, one per layer.",
            expected=f"{L} caches",
            got=f"{len(caches)}: {_structure(caches)}",
            mistake=hint,
        )
    for l, (cache, (A_prev, W, b, Z, A)) in enumerate(zip(caches, layers, strict=True)):
        expect_layer_cache(cache, A_prev, W, b, Z, A, f"{what}[{l}] (layer {l + 1})")


def expect_gradient_triplet(result, shapes, what: str) -> tuple:
    """(dA_prev, dW, db) with the shapes of (A_prev, W, b): the shapes' likely mistakes named."""
    dA_prev, dW, db = expect_sequence(result, 3, what)
    (n_prev, m), (n, _) = shapes
    expect_shape(
        dA_prev,
        (n_prev, m),
        f"{what}: dA_prev",
        mistakes=[((n, m), MISTAKES["backward_W_not_transposed"])],
    )
    expect_shape(
        dW,
        (n, n_prev),
        f"{what}: dW",
        mistakes=[((n_prev, n), MISTAKES["backward_dW_transposed"])] if n != n_prev else [],
    )
    if np.ndim(db) == 0 and isinstance(db, (int, float, np.number, np.ndarray)):
        raise failure(
            f"{what}: db should be an array of shape ({n}, 1), got the number {show(db)}.",
            mistake=MISTAKES["backward_db_axis"],
        )
    db_mistakes = [((n,), MISTAKES["backward_db_keepdims"])]
    if (1, m) != (n, 1):
        db_mistakes.append(((1, m), MISTAKES["backward_db_axis"]))
    if (1, 1) != (n, 1):
        db_mistakes.append(((1, 1), MISTAKES["backward_db_axis"]))
    expect_shape(db, (n, 1), f"{what}: db", mistakes=db_mistakes)
    return dA_prev, dW, db


def gradient_keys(L: int) -> list[str]:
    """The keys L_model_backward returns: dA0 .. dA{L-1}, dW1 .. dWL, db1 .. dbL."""
    return [f"dA{l - 1}" for l in range(1, L + 1)] + [
        f"{p}{l}" for l in range(1, L + 1) for p in ("dW", "db")
    ]


def expect_gradient_keys(grads, L: int, what: str) -> dict:
    """``grads`` if it holds every key of ``gradient_keys(L)`` (extra keys are fine)."""
    if isinstance(grads, dict):
        missing = [k for k in gradient_keys(L) if k not in grads]
        hint = None
        if "dA0" in missing and f"dA{L}" in grads:
            hint = MISTAKES["backward_keys_shifted"]
        elif L > 1 and missing and all(k[-1] == "1" or k == "dA0" for k in missing):
            hint = MISTAKES["backward_missing_first"]
        if missing and hint:
            raise failure(
                f"{what} lacks the key(s) {', '.join(map(repr, missing))}.",
                expected=f"keys {', '.join(map(repr, gradient_keys(L)))}",
                got=f"keys {', '.join(map(repr, grads)) or '(none)'}",
                mistake=hint,
            )
    return expect_keys(grads, gradient_keys(L), what)


def expect_model_result(result, L: int, what: str) -> tuple[dict, list]:
    """(parameters, costs) with W1 .. bL, and costs a list."""
    parameters, costs = expect_sequence(result, 2, what)
    expect_parameter_keys(parameters, L, f"{what}: parameters")
    if not isinstance(costs, (list, tuple, np.ndarray)):
        raise failure(f"{what}: costs should be a list, got {type(costs).__name__}.")
    return parameters, list(costs)


def recorded_iterations(num_iterations: int) -> list[int]:
    """The iterations whose cost the models record: every 100th and the last one."""
    return [i for i in range(num_iterations) if i % 100 == 0 or i == num_iterations - 1]


def expect_costs_count(costs, num_iterations: int, what: str) -> None:
    expected = len(recorded_iterations(num_iterations))
    every_100 = len(range(0, num_iterations, 100))
    mistakes = [(num_iterations, MISTAKES["model_costs_every_iteration"])]
    if every_100 != expected:
        mistakes.append((every_100, MISTAKES["model_costs_no_last"]))
    expect_equal(len(costs), expected, f"{what}: the number of costs recorded", mistakes=mistakes)


@contextlib.contextmanager
def _fixed_start(model, initializer: str, start: dict, expected_args: tuple, model_name: str):
    """While the block runs, ``initializer`` in the notebook of ``model`` (a function defined
    in the notebook) returns copies of ``start`` when called with ``expected_args``."""
    namespace = getattr(model, "__globals__", None)
    if not isinstance(namespace, dict) or initializer not in namespace:
        yield
        return
    original = namespace[initializer]

    def _stand_in(*args, **kwargs):
        try:  # the arguments in the order of the learner's signature, keywords included
            given = list(inspect.signature(original).bind(*args, **kwargs).arguments.values())
        except (TypeError, ValueError):
            given = list(args) + list(kwargs.values())
        same = len(given) == len(expected_args) and all(
            np.array_equal(np.asarray(a), np.asarray(e)) and np.ndim(a) == np.ndim(e)
            for a, e in zip(given, expected_args, strict=True)
        )
        if not same:
            wanted = ", ".join(repr(e) for e in expected_args)
            raise failure(
                f"{model_name} called {initializer} with other sizes.",
                expected=f"{initializer}({wanted})",
                got=f"{initializer}({', '.join(show(a) for a in given)})",
                mistake=MISTAKES["model_layers_dims"],
            )
        return _array_of(start)

    namespace[initializer] = _stand_in
    try:
        yield
    finally:
        namespace[initializer] = original


# ------------------------------------------------------------------------ initialization
def check_initialize_parameters(initialize_parameters) -> None:
    """Check initialize_parameters for a small network and for a wide one."""
    for n_x, n_h, n_y in INITIALIZE_PARAMETERS_SIZES:
        what = f"initialize_parameters({n_x}, {n_h}, {n_y})"
        parameters = call(what, initialize_parameters, n_x, n_h, n_y)
        expect_initialized(parameters, [n_x, n_h, n_y], what)
    passed("initialize_parameters", len(INITIALIZE_PARAMETERS_SIZES))


def check_initialize_parameters_deep(initialize_parameters_deep) -> None:
    """Check initialize_parameters_deep for 2, 1 and 3 layers."""
    for layer_dims in INITIALIZE_PARAMETERS_DEEP_DIMS:
        what = f"initialize_parameters_deep({layer_dims})"
        parameters = call(what, initialize_parameters_deep, list(layer_dims))
        expect_initialized(parameters, layer_dims, what)
    passed("initialize_parameters_deep", len(INITIALIZE_PARAMETERS_DEEP_DIMS))


# ------------------------------------------------------------------------------- forward
LINEAR_FORWARD_HINTS = [
    ("not aligned", MISTAKES["linear_forward_W_transposed"]),
    ("core dimension", MISTAKES["linear_forward_W_transposed"]),
]


def check_linear_forward(linear_forward) -> None:
    """Check linear_forward on 2 examples of 3 features, into 2 units: Z and the cache."""
    A, W, b = _arrays(LINEAR_FORWARD_EXAMPLE, "A", "W", "b")
    what = "linear_forward(A, W, b) for A of shape (3, 2), W (2, 3), b (2, 1)"
    result = call(what, linear_forward, A, W, b, hints=LINEAR_FORWARD_HINTS)
    Z, cache = expect_sequence(result, 2, what)
    expected = np.array(LINEAR_FORWARD_EXPECTED["Z"])
    expect_shape(Z, expected.shape, f"{what}: Z")
    expect_close(Z, expected, f"{what}: Z", mistakes=_wrong(LINEAR_FORWARD_WRONG, "Z"))
    expect_linear_cache(cache, *_arrays(LINEAR_FORWARD_EXAMPLE, "A", "W", "b"), f"{what}: cache")
    passed("linear_forward", 2)


def check_linear_activation_forward(linear_activation_forward) -> None:
    """Check linear_activation_forward with "sigmoid" and with "relu": A and the cache."""
    for activation, other in (("sigmoid", "relu"), ("relu", "sigmoid")):
        A_prev, W, b = _arrays(LINEAR_ACTIVATION_FORWARD_EXAMPLE, "A_prev", "W", "b")
        what = f'linear_activation_forward(A_prev, W, b, "{activation}")'
        result = call(what, linear_activation_forward, A_prev, W, b, activation)
        A, cache = expect_sequence(result, 2, what)
        expected = LINEAR_ACTIVATION_FORWARD_EXPECTED
        mistakes = [(np.array(expected[other]["A"]), MISTAKES["activation_swapped"])]
        expect_close(A, np.array(expected[activation]["A"]), f"{what}: A", mistakes=mistakes)
        expect_layer_cache(
            cache,
            *_arrays(LINEAR_ACTIVATION_FORWARD_EXAMPLE, "A_prev", "W", "b"),
            np.array(expected["Z"]),
            np.array(expected[activation]["A"]),
            f"{what}: cache",
        )
    passed("linear_activation_forward", 2)


def _forward_layers(example: dict, expected: dict) -> list[tuple]:
    """(A_prev, W, b, Z, A) of every layer of the L_model_forward example."""
    X = np.array(example["X"])
    parameters = _array_of(example["parameters"])
    outputs = [np.array(A) for A in expected["A"]]
    inputs = [X, *outputs[:-1]]
    return [
        (inputs[l], parameters[f"W{l + 1}"], parameters[f"b{l + 1}"], np.array(Z), outputs[l])
        for l, Z in enumerate(expected["Z"])
    ]


def _L_hints(L: int) -> list[tuple[str, str]]:
    """Hints for the KeyError of a loop that runs past the last layer."""
    return [(f"KeyError: '{p}{L + 1}'", MISTAKES["L_len"]) for p in ("W", "b", "dW", "db")]


def check_L_model_forward(L_model_forward) -> None:
    """Check L_model_forward on a 3-layer network and 3 examples: AL and the caches."""
    example, expected = L_MODEL_FORWARD_EXAMPLE, L_MODEL_FORWARD_EXPECTED
    (X,) = _arrays(example, "X")
    L = len(example["parameters"]) // 2
    what = "L_model_forward(X, parameters) for a network of 3 layers (2 -> 3 -> 2 -> 1)"
    result = call(what, L_model_forward, X, _array_of(example["parameters"]), hints=_L_hints(L))
    AL, caches = expect_sequence(result, 2, what)
    AL_expected = np.array(expected["A"][-1])
    expect_close(AL, AL_expected, f"{what}: AL", mistakes=_wrong(L_MODEL_FORWARD_WRONG, "AL"))
    expect_layer_caches(caches, _forward_layers(example, expected), f"{what}: caches")
    passed("L_model_forward", 2)


def check_compute_cost(compute_cost) -> None:
    """Check compute_cost on 4 examples."""
    AL, Y = _arrays(COMPUTE_COST_EXAMPLE, "AL", "Y")
    m = Y.shape[1]
    what = f"compute_cost(AL, Y) for AL = {AL.tolist()}, Y = {Y.tolist()}"
    cost = call(what, compute_cost, AL, Y)
    expected = COMPUTE_COST_EXPECTED
    mistakes = [
        (-expected, MISTAKES["cost_sign"]),
        (expected * m, MISTAKES["cost_no_m"]),
        (-expected * m, MISTAKES["cost_no_m"] + " " + MISTAKES["cost_sign"]),
        *_wrong(COMPUTE_COST_WRONG),
    ]
    expect_close(cost, expected, what, mistakes=mistakes)
    passed("compute_cost", 1)


# ------------------------------------------------------------------------------ backward
W_T_HINTS = [
    ("not aligned", MISTAKES["backward_W_not_transposed"]),
    ("core dimension", MISTAKES["backward_W_not_transposed"]),
]


def check_linear_backward(linear_backward) -> None:
    """Check linear_backward for 2 units, 3 inputs and 4 examples: dA_prev, dW and db."""
    dZ, A_prev, W, b = _arrays(LINEAR_BACKWARD_EXAMPLE, "dZ", "A_prev", "W", "b")
    m = A_prev.shape[1]
    what = "linear_backward(dZ, (A_prev, W, b)) for dZ (2, 4), A_prev (3, 4), W (2, 3)"
    result = call(what, linear_backward, dZ, (A_prev, W, b), hints=W_T_HINTS)
    dA_prev, dW, db = expect_gradient_triplet(result, (A_prev.shape, W.shape), what)
    expected = {k: np.array(v) for k, v in LINEAR_BACKWARD_EXPECTED.items()}
    expect_close(
        dA_prev,
        expected["dA_prev"],
        f"{what}: dA_prev",
        mistakes=[(expected["dA_prev"] / m, MISTAKES["backward_dA_prev_m"])],
    )
    for name in ("dW", "db"):
        expect_close(
            {"dW": dW, "db": db}[name],
            expected[name],
            f"{what}: {name}",
            mistakes=[(expected[name] * m, MISTAKES["backward_no_m"])],
        )
    passed("linear_backward", 3)


def _layer_cache(example: dict):
    A_prev, W, b, Z = _arrays(example, "A_prev", "W", "b", "Z")
    return ((A_prev, W, b), Z)


def check_linear_activation_backward(linear_activation_backward) -> None:
    """Check linear_activation_backward with "relu" and with "sigmoid"."""
    example = LINEAR_ACTIVATION_BACKWARD_EXAMPLE
    for activation in ("relu", "sigmoid"):
        (dA,) = _arrays(example, "dA")
        cache = _layer_cache(example)
        what = f'linear_activation_backward(dA, cache, "{activation}")'
        result = call(what, linear_activation_backward, dA, cache, activation, hints=W_T_HINTS)
        shapes = (np.shape(example["A_prev"]), np.shape(example["W"]))
        triplet = expect_gradient_triplet(result, shapes, what)
        grads = dict(zip(("dA_prev", "dW", "db"), triplet, strict=True))
        for name, got in grads.items():
            expect_close(
                got,
                np.array(LINEAR_ACTIVATION_BACKWARD_EXPECTED[activation][name]),
                f"{what}: {name}",
                mistakes=_wrong(LINEAR_ACTIVATION_BACKWARD_WRONG, activation, name),
            )
    passed("linear_activation_backward", 2)


def _forward_caches() -> tuple[np.ndarray, list]:
    """AL and the caches of the L_model_forward example, as L_model_forward returns them."""
    layers = _forward_layers(L_MODEL_FORWARD_EXAMPLE, L_MODEL_FORWARD_EXPECTED)
    caches = [((A_prev, W, b), Z) for A_prev, W, b, Z, _ in layers]
    return np.array(L_MODEL_FORWARD_EXPECTED["A"][-1]), caches


def check_L_model_backward(L_model_backward) -> None:
    """Check L_model_backward on the 3-layer network of L_model_forward's check."""
    AL, caches = _forward_caches()
    Y = np.array(L_MODEL_BACKWARD_Y)
    L = len(caches)
    what = "L_model_backward(AL, Y, caches) for a network of 3 layers (2 -> 3 -> 2 -> 1)"
    grads = call(what, L_model_backward, AL, Y, caches)
    expect_gradient_keys(grads, L, f"{what}: grads")
    for key in gradient_keys(L):
        expected = np.array(L_MODEL_BACKWARD_EXPECTED[key])
        mistakes = [
            (-expected, MISTAKES["dAL_sign"]),
            *_wrong(L_MODEL_BACKWARD_WRONG, key),
        ]
        expect_close(grads[key], expected, f'{what}: grads["{key}"]', mistakes=mistakes)
    passed("L_model_backward", 2)


def check_update_parameters(update_parameters) -> None:
    """Check one step of update_parameters on a 2-layer network."""
    example = UPDATE_PARAMETERS_EXAMPLE
    parameters, grads = _arrays(example, "parameters", "grads")
    rate = example["learning_rate"]
    L = len(parameters) // 2
    what = f"update_parameters(parameters, grads, learning_rate={rate}) for 2 layers"
    result = call(what, update_parameters, parameters, grads, rate, hints=_L_hints(L))
    expect_parameter_keys(result, L, what)
    start, gradient = _arrays(example, "parameters", "grads")
    for key, expected in UPDATE_PARAMETERS_EXPECTED.items():
        layer = int(key[1:])
        unchanged = "update_missing_last" if layer == L else "update_not_updated"
        mistakes = [
            (start[key] + rate * gradient["d" + key], MISTAKES["update_plus"]),
            (start[key], MISTAKES[unchanged]),
        ]
        expect_close(
            result[key], np.array(expected), f"{what}: parameters[{key!r}]", mistakes=mistakes
        )
    passed("update_parameters", 1)


# -------------------------------------------------------------------------------- models
def _check_model(name: str, model, example, start, expected, wrong, initializer, init_args):
    X, Y = _arrays(example, "X", "Y")
    dims, rate, iterations = (
        example[k] for k in ("layers_dims", "learning_rate", "num_iterations")
    )
    L = len(dims) - 1
    what = f"{name}(X, Y, {dims}, learning_rate={rate}, num_iterations={iterations})"
    options = {"learning_rate": rate, "num_iterations": iterations, "print_cost": False}
    hints = [
        ("not aligned", MISTAKES["model_layers_dims"]),
        ("core dimension", MISTAKES["model_layers_dims"]),
    ]
    with _fixed_start(model, initializer, start, init_args, name):
        result = call(what, model, X, Y, dims, hints=hints, **options)
    parameters, costs = expect_model_result(result, L, what)
    expect_costs_count(costs, iterations, what)
    for key, value in expected["parameters"].items():
        mistakes = [
            (_array_of(start[key]), MISTAKES["model_not_assigned"]),
            *_wrong(wrong, "parameters", key),
        ]
        expect_close(parameters[key], np.array(value), f"{what}: parameters[{key!r}]",
                     mistakes=mistakes)  # fmt: skip
    for i, got, cost in zip(recorded_iterations(iterations), costs, expected["costs"], strict=True):
        mistakes = [(lambda _: True, MISTAKES["model_first_cost"])] if i == 0 else []
        expect_close(got, cost, f"{what}: the cost at iteration {i}", mistakes=mistakes)


def check_two_layer_model(two_layer_model) -> None:
    """Check two_layer_model on 6 examples, from fixed starting parameters: the number of
    costs, the trained parameters and the costs."""
    example = TWO_LAYER_MODEL_EXAMPLE
    _check_model(
        "two_layer_model",
        two_layer_model,
        example,
        TWO_LAYER_MODEL_START,
        TWO_LAYER_MODEL_EXPECTED,
        TWO_LAYER_MODEL_WRONG,
        "initialize_parameters",
        tuple(example["layers_dims"]),
    )
    passed("two_layer_model", 3)


def check_L_layer_model(L_layer_model) -> None:
    """Check L_layer_model (3 layers) on 6 examples, from fixed starting parameters: the
    number of costs, the trained parameters and the costs."""
    example = L_LAYER_MODEL_EXAMPLE
    _check_model(
        "L_layer_model",
        L_layer_model,
        example,
        L_LAYER_MODEL_START,
        L_LAYER_MODEL_EXPECTED,
        L_LAYER_MODEL_WRONG,
        "initialize_parameters_deep",
        (list(example["layers_dims"]),),
    )
    passed("L_layer_model", 3)


__all__ = [
    "CheckFailure",
    "check_L_layer_model",
    "check_L_model_backward",
    "check_L_model_forward",
    "check_compute_cost",
    "check_initialize_parameters",
    "check_initialize_parameters_deep",
    "check_linear_activation_backward",
    "check_linear_activation_forward",
    "check_linear_backward",
    "check_linear_forward",
    "check_two_layer_model",
    "check_update_parameters",
]
