"""Hidden checks of c1w3_shallow_network: a network with one tanh hidden layer.

``ISOLATE``: the functions each graded function calls, answered by the reference while the
grader calls the student's function, so a mistake costs points only in its own cell.
"""

ASSIGNMENT = "c1w3_shallow_network"
PUBLIC_CHECKS = "helpers.checks.c1w3"
ISOLATE = {
    "forward_propagation": ["sigmoid"],
    "nn_model": [
        "layer_sizes",
        "initialize_parameters",
        "forward_propagation",
        "compute_cost",
        "backward_propagation",
        "update_parameters",
    ],
    "predict": ["forward_propagation"],
}
