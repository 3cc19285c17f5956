"""What the weeks' hidden checks share: call the learner's function on a check's own inputs,
compare with the reference, and name the planted mistake (the week's ``spec.py``) whose result
(or error) on those same inputs is what came back. Each function takes the week's ``SPEC``
first; a week binds it once (``functools.partial``)."""

from __future__ import annotations

import contextlib
import functools
import io
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

from grader_tests.course import assignment_config
from grader_tests.nn import relative_error
from grader_tests.plugin import calls_allowed
from grader_tests.spec import planted, run
from helpers.checks import (
    CheckFailure,
    call,
    expect_keys,
    expect_sequence,
    expect_shape,
    failure,
    likely_mistake,
    show,
)
from helpers.checks.engine import compare, narrowed, split_mistakes


class Lazy(Sequence):
    """A list made on first use: the planted mistakes run only when a learner's result is
    wrong (a right result needs no hint, and a model's mistakes train as long as it does)."""

    def __init__(self, make):
        self._make = make

    @functools.cached_property
    def _items(self) -> list:
        return list(self._make())

    def __getitem__(self, index):
        return self._items[index]

    def __len__(self) -> int:
        return len(self._items)


class Outcome(NamedTuple):
    got: object  # the learner's result (or the part of it asked for)
    expected: object
    wrong: list  # (a planted mistake's result, its hint)
    what: str  # how messages name it


def mistakes_of(spec, name: str, *args, **kwargs) -> tuple[list, list]:
    """(wrong outputs, error hints) of the planted mistakes of ``name`` on these inputs: the
    (output, hint) of those that return, the (error text, hint) of those that raise."""
    limited = functools.partial(_limited, spec, name, args, kwargs)
    mistakes = spec.mistakes_of(name)
    with contextlib.redirect_stdout(io.StringIO()):
        outputs = [(run(limited(planted(spec, m.key)), args, kwargs), m.hint) for m in mistakes]
    return split_mistakes(outputs)


def _limited(spec, name: str, args, kwargs, mistake):
    """The planted ``mistake`` under the learner's limit (:func:`~.plugin.calls_allowed`): one
    that ignores num_iterations raises instead of running its 10,000 iterations here, as the
    learner's would be stopped (so no learner's result can be its output)."""
    limit = calls_allowed(getattr(spec.reference, name, None), args, kwargs)
    isolated = getattr(assignment_config(spec.assignment), "ISOLATE", {}).get(name, ())
    for callee in isolated if limit is not None else ():
        mistake.__globals__[callee] = _counted(mistake.__globals__[callee], limit)
    return mistake


def _counted(function, limit: int):
    calls = 0

    def counted(*args, **kwargs):
        nonlocal calls
        calls += 1
        if calls > limit:
            raise RuntimeError(f"stopped after {limit} calls of {function.__name__}")
        return function(*args, **kwargs)

    return counted


def call_student(spec, student, name: str, what: str, *args, hints=(), none_ok=False, **kwargs):
    """(the learner's result, the planted mistakes' outputs) on these inputs; an error that
    ``hints`` ((text in the error message, likely mistake) pairs) or a planted mistake names
    is named; ``none_ok``: None is a right answer."""
    both = Lazy(lambda: mistakes_of(spec, name, *args, **kwargs))  # (outputs, errors)
    named = Lazy(lambda: [*hints, *both[1]])
    got = call(what, student, *args, hints=named, none_ok=none_ok, **kwargs)
    return got, Lazy(lambda: both[0])


def narrow(mistakes, key) -> list:
    """The (part, hint) pairs of the mistakes' outputs that have this item or key."""
    return Lazy(lambda: narrowed(mistakes, key))


def outcome(
    spec, student, name, what, *args, path=(), expected=None, parts=None, hints=(), **kwargs
):
    """Call the learner's ``name``: its result, ``expected`` (default: the reference's) and
    the planted mistakes' results on the same inputs, or their parts at ``path`` (tuple items,
    dict keys: see :func:`descend`); ``parts`` names a tuple's items (default: the spec's),
    ``hints`` as for :func:`call_student`."""
    if expected is None:
        expected = run(getattr(spec.reference, name), args, kwargs)
    none_ok = expected is None  # the reference's answer is None: so may the learner's be
    got, wrong = call_student(
        spec, student, name, what, *args, hints=hints, none_ok=none_ok, **kwargs
    )
    parts = spec.function(name).parts if parts is None else parts
    return descend(Outcome(got, expected, wrong, what), path, parts)


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
            compare(got, expected, what, wrong, parts=parts)  # has the learner's structure
            raise
        got, expected = got[key], expected[key]
        what = f"{what}: {parts[key]}" if isinstance(key, int) else f"{what}[{key!r}]"
        wrong, parts = narrow(wrong, key), ()
    return Outcome(got, expected, wrong, what)


def check(spec, student, name, what, *args, path=(), parts=None, **kwargs):
    """:func:`outcome` (its keywords too), then compare part by part (the learner's public
    checks do the same)."""
    parts = spec.function(name).parts if parts is None else parts
    result = outcome(spec, student, name, what, *args, path=path, parts=parts, **kwargs)
    compare(result.got, result.expected, result.what, result.wrong, parts=() if path else parts)
    return result.got


def check_view(result: Outcome, view=None, what: str = ""):
    """Compare the shapes, then ``view(result)`` with ``view(expected)`` (a property of the
    result: row sums, sorted columns ...); a mistake is named when its result has the same
    view. Returns the learner's result."""
    shape = np.shape(result.expected)
    shapes = Lazy(lambda: [(np.shape(value), hint) for value, hint in result.wrong])
    got = expect_shape(result.got, shape, result.what, mistakes=shapes)  # read on a mismatch
    if view is not None:
        wrong = Lazy(lambda: [(view(v), hint) for v, hint in result.wrong if np.shape(v) == shape])
        compare(view(got), view(result.expected), what or result.what, wrong)
    return got


def expect_gradient_shape(got, shape: tuple, what: str, mistakes=()) -> None:
    """``got`` is an array of ``shape``; ``mistakes``: (wrong gradient, hint) pairs."""
    if isinstance(got, np.ndarray) and got.shape == shape:
        return
    mine = np.shape(got) if isinstance(got, (np.ndarray, np.generic)) else None
    hint = likely_mistake(got, mistakes)
    hint = hint or next((h for w, h in mistakes if mine and np.shape(w) == mine), None)
    raise failure(
        f"{what} should be an array of shape {shape}.",
        got=f"shape {mine}: {show(got)}" if mine is not None else show(got),
        mistake=hint,
    )


def expect_gradient(got, numerical, what: str, mistakes=(), *, tolerance: float, floor=0.0):
    """``got`` has the shape of ``numerical`` and matches it: a relative error
    ||g - g_num|| / (||g|| + ||g_num||) of at most ``tolerance``, or every entry within
    ``floor`` (a gradient near 0). ``mistakes`` (wrong gradient, hint) are read on a mismatch."""
    expect_gradient_shape(got, numerical.shape, what, mistakes)
    error = relative_error(got, numerical)
    if error <= tolerance or np.allclose(got, numerical, rtol=0, atol=floor):
        return
    hint = likely_mistake(got, mistakes)
    if hint is None and np.isnan(got).any():
        hint = "the result holds NaN (not a number): look for 0/0 or inf - inf."
    raise failure(
        f"{what} does not match the numerical gradient of the cost (relative error "
        f"{error:.2g}; at most {tolerance:g} is accepted).",
        expected=f"{show(numerical)} (central differences)",
        got=show(got),
        mistake=hint,
    )
