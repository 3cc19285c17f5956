"""Hidden checks of c2w2_optimization: mini-batches, exponentially weighted averages, momentum,
Adam and learning-rate decay.

``ISOLATE``: none of the graded functions calls another one (the notebook's training function,
which calls them all, is provided and not graded).

``QUICK_RUN``: text replaced in the solution notebook's cells when the test suite executes it
(see grader_tests/c1w2_logistic_regression/__init__.py).
"""

ASSIGNMENT = "c2w2_optimization"
PUBLIC_CHECKS = "helpers.checks.c2w2"
ISOLATE: dict[str, list[str]] = {}
QUICK_RUN = {"num_epochs=5000": "num_epochs=100"}
