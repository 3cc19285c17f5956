"""Hidden checks of c1w4_deep_network: a deep network built step by step.

``ISOLATE``: the functions (graded or provided) each graded function calls, answered by the
reference while the grader calls the student's function, so a mistake costs points only in
its own cell.
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
