"""Hidden checks of c1w3_shallow_network: a network with one tanh hidden layer.

``ISOLATE`` names, for each graded function, the functions it calls: when the grader calls the
student's function, those are first rebound to the reference versions (``reference.py``), so a
mistake costs points only in its own cell. The reference ``initialize_parameters`` always
draws the same numbers, which makes the student's ``nn_model`` comparable with the reference's.
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
