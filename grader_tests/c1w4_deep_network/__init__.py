"""Hidden checks of c1w4_deep_network: a deep network built step by step.

``ISOLATE``: the functions (graded or provided) each graded function calls, answered by the
reference while the grader calls the student's function, so a mistake costs points only in
its own cell.

``QUICK_RUN``: text replaced in the solution notebook's cells when the test suite executes it
(see grader_tests/c1w2_logistic_regression/__init__.py).
"""

ASSIGNMENT = "c1w4_deep_network"
PUBLIC_CHECKS = "helpers.checks.c1w4"

_ACTIVATIONS = ["sigmoid", "relu"]
_DERIVATIVES = ["sigmoid_backward", "relu_backward"]
# Everything a model may call to run one iteration (a two-layer model may use L_model_* too).
_TRAINING = [
    "linear_forward",
    "linear_activation_forward",
    "L_model_forward",
    "compute_cost",
    "linear_backward",
    "linear_activation_backward",
    "L_model_backward",
    "update_parameters",
    *_ACTIVATIONS,
    *_DERIVATIVES,
]

ISOLATE = {
    "linear_activation_forward": ["linear_forward", *_ACTIVATIONS],
    "L_model_forward": ["linear_activation_forward", "linear_forward", *_ACTIVATIONS],
    "linear_activation_backward": ["linear_backward", *_DERIVATIVES],
    "L_model_backward": ["linear_activation_backward", "linear_backward", *_DERIVATIVES],
    "two_layer_model": ["initialize_parameters", *_TRAINING],
    "L_layer_model": ["initialize_parameters_deep", *_TRAINING],
}
QUICK_RUN = {
    "num_iterations=2500,\n": "num_iterations=30,\n",
    "iterations=2000, rate=0.005": "iterations=50, rate=0.005",
    "num_iterations=300,\n": "num_iterations=100,\n",
}
