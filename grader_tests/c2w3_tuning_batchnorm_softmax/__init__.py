"""Hidden checks of c2w3_tuning_batchnorm_softmax: sampling hyperparameters on a log scale,
batch normalization and softmax regression.

``ISOLATE``: none of the graded functions calls another one (the notebook's training code,
which calls them, is provided and not graded).

``QUICK_RUN``: text replaced in the solution notebook's cells when the test suite executes it
(see grader_tests/c1w2_logistic_regression/__init__.py). None: the whole notebook runs in
about 8 s (its trainings are short), so the suite runs it as it is.
"""

ASSIGNMENT = "c2w3_tuning_batchnorm_softmax"
PUBLIC_CHECKS = "helpers.checks.c2w3"
ISOLATE: dict[str, list[str]] = {}
QUICK_RUN: dict[str, str] = {}
