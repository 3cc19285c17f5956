"""Reference versions of the graded functions of c3 (instructor-only; they run in the checker
and answer the learner's calls of the functions ``ISOLATE`` names). Predictions and labels are
0/1 arrays of shape (1, m); error rates are fractions."""

from __future__ import annotations

import numpy as np

GAPS = ("avoidable bias", "variance", "data mismatch", "overfitting to dev")


def _counts(predictions, labels):
    p = np.asarray(predictions).ravel() == 1
    y = np.asarray(labels).ravel() == 1
    return int(np.sum(p & y)), int(np.sum(p)), int(np.sum(y))


def precision(predictions, labels):
    """TP / (TP + FP); 0.0 when nothing is predicted positive."""
    tp, predicted, _ = _counts(predictions, labels)
    return tp / predicted if predicted else 0.0


def recall(predictions, labels):
    """TP / (TP + FN); 0.0 when no label is positive."""
    tp, _, actual = _counts(predictions, labels)
    return tp / actual if actual else 0.0


def f1_score(predictions, labels):
    """2 P R / (P + R), the harmonic mean; 0.0 when P + R = 0."""
    p, r = precision(predictions, labels), recall(predictions, labels)
    return 2 * p * r / (p + r) if p + r else 0.0


def choose_model(models, max_runtime_ms=100):
    """The name of the most accurate model that runs within max_runtime_ms; None if none."""
    eligible = [model for model in models if model["runtime_ms"] <= max_runtime_ms]
    return max(eligible, key=lambda model: model["accuracy"])["name"] if eligible else None


def split_indices(n_web, n_target, dev_size, test_size, seed=0):
    """(train, dev, test) positions: dev and test from the shuffled target positions, train =
    every web position then the remaining target positions."""
    shuffled = np.random.RandomState(seed).permutation(n_target) + n_web
    dev, test = shuffled[:dev_size], shuffled[dev_size : dev_size + test_size]
    train = np.concatenate([np.arange(n_web), shuffled[dev_size + test_size :]])
    return train, dev, test


def diagnose(human, train, train_dev, dev, test):
    """The name of the largest of the four gaps (the first on a tie)."""
    gaps = dict(
        zip(GAPS, (train - human, train_dev - train, dev - train_dev, test - dev), strict=True)
    )
    return max(gaps, key=gaps.get)


def cause_shares(tags):
    """{cause: the fraction of misclassified examples tagged with it}, first appearance order."""
    counts = {}
    for example in tags:
        for cause in dict.fromkeys(example):
            counts[cause] = counts.get(cause, 0) + 1
    return {cause: count / len(tags) for cause, count in counts.items()}


def error_ceiling(dev_error, share):
    """The dev error left if every misclassified example of this cause were fixed."""
    return dev_error * (1 - share)


def multitask_cost(A, Y):
    """The mean logistic loss over the present labels (Y not NaN)."""
    present = ~np.isnan(Y)
    a, y = A[present], Y[present]
    return float(-np.mean(y * np.log(a) + (1 - y) * np.log(1 - a)))
