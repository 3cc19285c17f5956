"""Hidden checks of c1w3_shallow_network: a network with one tanh hidden layer.

``ISOLATE``: the functions each graded function calls, answered by the reference while the
grader calls the student's function, so a mistake costs points only in its own cell.

``QUICK_RUN``: text replaced in the solution notebook's cells when the test suite executes it
(see grader_tests/c1w2_logistic_regression/__init__.py).
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
QUICK_RUN = {
    "num_iterations=10000, print_cost=True": "num_iterations=200, print_cost=True",
    "steps=2000": "steps=100",
    "num_iterations=5000)": "num_iterations=100)",
}
