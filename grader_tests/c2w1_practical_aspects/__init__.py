"""Hidden checks of c2w1_practical_aspects: initialization, regularization (L2, dropout) and
gradient checking.

``ISOLATE``: the graded functions each graded function calls, answered by the reference while
the grader calls the learner's function, so a mistake costs points only in its own cell (the
provided functions, such as compute_cost and forward_propagation_n, come from the instructor's
notebook anyway).

``QUICK_RUN``: text replaced in the solution notebook's cells when the test suite executes it
(see grader_tests/c1w2_logistic_regression/__init__.py).
"""

ASSIGNMENT = "c2w1_practical_aspects"
PUBLIC_CHECKS = "helpers.checks.c2w1"
ISOLATE = {"gradient_check": ["forward_propagation", "backward_propagation"]}
QUICK_RUN = {
    "num_iterations=15000": "num_iterations=300",
    "num_iterations=30000": "num_iterations=300",
}
