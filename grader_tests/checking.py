"""What the weeks' hidden checks share: call the learner's function on a check's own inputs,
compare with the reference, and name the planted mistake (the week's ``spec.py``) whose result
(or error) on those same inputs is what came back. Each function takes the week's ``SPEC``
first; a week binds it once (``functools.partial``)."""

from __future__ import annotations

import contextlib
import copy
import functools
import io
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

from grader_tests.course import assignment_config
from grader_tests.plugin import calls_allowed
from grader_tests.spec import planted, run
from helpers.checks import CheckFailure, call, expect_keys, expect_sequence, expect_shape
from helpers.checks.engine import compare, split_mistakes


class Lazy(Sequence):
    """A list made on first use: the planted mistakes run only when a learner's result is
    wrong (a right result needs no hint, and a model's mistakes train as long as it does)."""

    def __init__(self, make):
        self._make, self._items = make, None

    def _list(self) -> list:
        if self._items is None:
            self._items = list(self._make())
        return self._items

    def __getitem__(self, index):
        return self._list()[index]

    def __len__(self) -> int:
        return len(self._list())


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


def reference(spec, name: str, *args, **kwargs):
    """The reference's result on copies of the inputs (nothing printed)."""
    with contextlib.redirect_stdout(io.StringIO()), np.errstate(all="ignore"):
        return getattr(spec.reference, name)(*copy.deepcopy(args), **copy.deepcopy(kwargs))


def call_student(spec, student, name: str, what: str, *args, **kwargs):
    """(the learner's result, the planted mistakes' outputs) on these inputs; an error that a
    planted mistake raises too is named."""
    both = Lazy(lambda: mistakes_of(spec, name, *args, **kwargs))  # (outputs, errors)
    got = call(what, student, *args, hints=Lazy(lambda: both[1]), **kwargs)
    return got, Lazy(lambda: both[0])


def narrow(mistakes, key) -> list:
    """The (part, hint) pairs of the mistakes' outputs that have this item or key."""
    return Lazy(lambda: [(value[key], hint) for value, hint in mistakes if _has(value, key)])


def _has(value, key) -> bool:
    if isinstance(value, dict):
        return key in value
    return isinstance(value, (tuple, list)) and isinstance(key, int) and key < len(value)


def outcome(spec, student, name, what, *args, path=(), expected=None, parts=None, **kwargs):
    """Call the learner's ``name``: its result, ``expected`` (default: the reference's) and
    the planted mistakes' results on the same inputs, or their parts at ``path`` (tuple items,
    dict keys: see :func:`descend`)."""
    got, wrong = call_student(spec, student, name, what, *args, **kwargs)
    if expected is None:
        expected = run(getattr(spec.reference, name), args, kwargs)
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


def check(spec, student, name, what, *args, path=(), expected=None, parts=None, **kwargs):
    """:func:`outcome`, then compare part by part (the learner's public checks do the same);
    ``parts`` names the items of a tuple result (default: the spec's)."""
    parts = spec.function(name).parts if parts is None else parts
    options = {"path": path, "expected": expected, "parts": parts}
    result = outcome(spec, student, name, what, *args, **options, **kwargs)
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


def expect_reference(spec, student, name: str, *args, what: str, hints=(), **kwargs):
    """Like :func:`check` (on copies of the inputs), but the planted mistakes run only when the
    result differs from the reference's (nn_model's take a while). ``hints``: extra (text in
    the error message, likely mistake) pairs."""
    got = call(what, student, *copy.deepcopy(args), hints=hints, **kwargs)
    expected = reference(spec, name, *args, **kwargs)
    parts = spec.function(name).parts
    try:
        compare(got, expected, what, parts=parts)
    except CheckFailure:
        compare(got, expected, what, mistakes_of(spec, name, *args, **kwargs)[0], parts=parts)
    return got
