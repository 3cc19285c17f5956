"""Hidden checks of c1w2_logistic_regression: logistic regression as a one-neuron network.

``ISOLATE``: the functions each graded function calls, answered by the reference while the
grader calls the student's function, so a mistake costs points only in its own cell.

``QUICK_RUN``: text replaced in the solution notebook's cells when the test suite executes it
(tests/conftest.py ``executed``): the same cells run with fewer training steps. The committed
``notebooks/`` hold the full run, whose printed numbers the text states.
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
QUICK_RUN = {
    "num_iterations=2000,\n": "num_iterations=100,\n",
    "num_iterations=1000,\n": "num_iterations=100,\n",
    "num_iterations=500\n": "num_iterations=100\n",
}
