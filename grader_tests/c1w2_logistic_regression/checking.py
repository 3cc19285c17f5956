"""What the hidden checks of c1w2 share: call the student's function on the check's own inputs,
compare with the reference, and name the planted mistake (``spec.py``) that gives the student's
result (or error) on those same inputs."""

from __future__ import annotations

import contextlib
import functools
import io
from typing import NamedTuple

import numpy as np

from grader_tests import spec as specs
from grader_tests.c1w2_logistic_regression import reference as ref
from grader_tests.c1w2_logistic_regression.spec import SPEC
from helpers.checks import CheckFailure, call, expect_keys, expect_sequence, expect_shape
from helpers.checks.engine import Raised, compare


class Outcome(NamedTuple):
    got: object  # the student's result (or the part of it asked for)
    expected: object
    wrong: list  # (a planted mistake's result, its hint)
    what: str  # how messages name it


def _has(value, key) -> bool:
    if isinstance(value, dict):
        return key in value
    return isinstance(value, (tuple, list)) and isinstance(key, int) and key < len(value)


def outcome(student, name, what, *args, path=(), expected=None, **kwargs) -> Outcome:
    """Call the student's ``name``; its result, ``expected`` (default: the reference's) and
    the planted mistakes' results on the same inputs, or their parts at ``path`` (tuple items,
    dict keys: see :func:`descend`)."""
    errors, wrong = [], []
    for mistake in SPEC.mistakes_of(name):
        output = specs.run(specs.planted(SPEC, mistake.key), args, kwargs)
        if isinstance(output, Raised):
            errors.append((output.text, mistake.hint))
        else:
            wrong.append((output, mistake.hint))
    got = call(what, student, *args, hints=errors, **kwargs)
    if expected is None:
        expected = specs.run(getattr(ref, name), args, kwargs)
    return descend(Outcome(got, expected, wrong, what), path, SPEC.function(name).parts)


def descend(result: Outcome, path, parts=()) -> Outcome:
    """The part at ``path`` of a result (of the expected result, of the mistakes' results);
    the structure along the path is checked on the way down."""
    got, expected, wrong, what = result
    for key in path:
        try:
            if isinstance(key, int):
                expect_sequence(got, len(expected), what)
            else:
                expect_keys(got, list(expected), what)
        except CheckFailure:  # the whole comparison fails here too, naming a mistake that
            compare(got, expected, what, wrong, parts=parts)  # has the student's structure
            raise
        got, expected = got[key], expected[key]
        what = f"{what}: {parts[key]}" if isinstance(key, int) else f"{what}[{key!r}]"
        wrong = [(value[key], hint) for value, hint in wrong if _has(value, key)]
        parts = ()
    return Outcome(got, expected, wrong, what)


def check(student, name, what, *args, path=(), expected=None, **kwargs):
    """:func:`outcome`, then compare part by part (the learner's public checks do the same)."""
    got, expected, wrong, what = outcome(
        student, name, what, *args, path=path, expected=expected, **kwargs
    )
    compare(got, expected, what, wrong, parts=() if path else SPEC.function(name).parts)
    return got


def check_shape(student, name, what, *args, path=(), **kwargs) -> np.ndarray:
    """:func:`outcome`, then compare only the shape (mistakes named by their shapes)."""
    return check_view(outcome(student, name, what, *args, path=path, **kwargs))


def check_view(result: Outcome, view=None, what: str = ""):
    """Compare the shapes, then ``view(result)`` with ``view(expected)`` (a property of the
    result: row sums, sorted columns ...); a mistake is named when its result has the same
    view. Returns the student's result."""
    shape = np.shape(result.expected)
    shapes = [(np.shape(value), hint) for value, hint in result.wrong]
    got = expect_shape(result.got, shape, result.what, mistakes=shapes)
    if view is not None:
        wrong = [(view(value), hint) for value, hint in result.wrong if np.shape(value) == shape]
        compare(view(got), view(result.expected), what or result.what, wrong)
    return got


@functools.cache
def planted_values(name: str) -> list:
    """(value, hint) of every planted mistake of a graded value (m_train, train_set_x ...)."""
    return [(specs.planted(SPEC, m.key), m.hint) for m in SPEC.mistakes_of(name)]


def printed(function, *args, **kwargs) -> str:
    """What calling ``function`` prints in this process (the isolated reference functions of
    a student's call run here, so their printing is seen; the student's own is not)."""
    text = io.StringIO()
    with contextlib.redirect_stdout(text), np.errstate(all="ignore"):
        call(getattr(function, "__name__", "the function"), function, *args, **kwargs)
    return text.getvalue()
