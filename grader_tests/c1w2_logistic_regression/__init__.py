"""Hidden checks of c1w2_logistic_regression: logistic regression as a one-neuron network.

``ISOLATE``: the functions each graded function calls, answered by the reference while the
grader calls the student's function, so a mistake costs points only in its own cell.
"""

ASSIGNMENT = "c1w2_logistic_regression"
PUBLIC_CHECKS = "helpers.checks.c1w2"
ISOLATE = {
    "sigmoid_derivative": ["sigmoid"],
    "propagate": ["sigmoid"],
    "optimize": ["propagate"],
    "predict": ["sigmoid"],
    "model": ["initialize_with_zeros", "optimize", "predict"],
}
