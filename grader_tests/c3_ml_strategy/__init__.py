"""Hidden checks of c3_ml_strategy: metrics, choosing a model, data splits, the
bias/variance/mismatch diagnosis, error analysis and the multi-task cost.

``ISOLATE``: f1_score may call the learner's precision and recall; they are answered by the
reference, so a mistake in them costs points only in their own cells.

``QUICK_RUN``: text replaced in the solution notebook's cells when the test suite executes it
(see grader_tests/c1w2_logistic_regression/__init__.py). None: the whole notebook runs in
about 11 s, so the suite runs it as it is.
"""

ASSIGNMENT = "c3_ml_strategy"
PUBLIC_CHECKS = "helpers.checks.c3"
ISOLATE = {"f1_score": ["precision", "recall"]}
QUICK_RUN: dict[str, str] = {}
