"""The public checks of a week, read from the week's generated data.

``helpers/checks/data/<week>.json`` holds, for every graded function, its public examples, the
outputs the course's reference solution gives on them, and the outputs of the typical mistakes
with the hint that names each one (written by ``python -m grader_tests.spec`` on the
instructor's side; numbers only, no solution code). :class:`Week` turns that into
``check_<name>`` functions: each calls your function on every example and compares what comes
back, part by part (a tuple's items, a dict's keys, an array's shape and values), with the
expected output. At the first difference it stops with what was expected, what came back and,
when your result is what a known mistake gives, that mistake's hint.

A function that calls other graded functions (``optimize`` calls ``propagate``) is checked
only once those are right: its check first runs their checks, silently, on the very functions
it will call (the ones of your notebook), and when one fails it says in one line which one to
fix first, instead of blaming the function for a mistake made elsewhere.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import importlib
import io
import json
import types
from pathlib import Path

import numpy as np

from helpers.checks import (
    CheckFailure,
    call,
    expect_close,
    expect_equal,
    expect_integer,
    expect_keys,
    expect_sequence,
    failure,
    likely_mistake,
    passed,
    show,
)

DATA_DIR = Path(__file__).resolve().parent / "data"


def decode(value):
    """The Python value of an encoded one (arrays, tuples, dicts, numbers, raised errors)."""
    if isinstance(value, list):
        return [decode(v) for v in value]
    if not isinstance(value, dict):
        return value
    if "array" in value:
        return np.array(value["array"], dtype=np.dtype(value["dtype"])).reshape(value["shape"])
    if "tuple" in value:
        return tuple(decode(v) for v in value["tuple"])
    if "dict" in value:
        return {k: decode(v) for k, v in value["dict"].items()}
    if "float64" in value:
        return np.float64(value["float64"])
    if "raised" in value:
        return Raised(value["raised"])
    raise ValueError(f"unknown encoded value: {sorted(value)}")


class Raised:
    """A mistake whose output is an error: the error's text, ``"TypeError: ..."``."""

    def __init__(self, text: str):
        self.text = text


class DependencyFailure(CheckFailure):
    """A function's check stopped because the check of a function it calls fails."""

    def __init__(self, root: str, first_line: str):
        self.root, self.first_line = root, first_line
        super().__init__(f"fix `{root}` first: its check above fails ({first_line})")


def global_names(code) -> set[str]:
    """The global names a function's code (and the code nested in it) refers to."""
    names: set[str] = set()
    if isinstance(code, types.CodeType):
        names.update(code.co_names)
        for constant in code.co_consts:
            names |= global_names(constant)
    return names


class Week:
    """A week's public-check data: examples, expected outputs, mistakes and hints.
    ``module`` is the week's check module (``helpers.checks.c1w2``): the checks of the
    functions a function calls are looked up there."""

    def __init__(self, assignment: str, module: str | None = None):
        self.assignment = assignment
        self.module = module

    @functools.cached_property
    def data(self) -> dict:
        path = DATA_DIR / f"{self.assignment}.json"
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise FileNotFoundError(
                f"the checks' data file {path} is missing: reinstall the course, or (instructors) "
                "run `python -m grader_tests.spec`"
            ) from None

    def hint(self, key: str) -> str:
        """The hint text of a mistake, by its key."""
        return self.data["hints"][key]

    def extra(self, name: str):
        """More data for a hand-written check (see ``WeekSpec.extra``)."""
        return decode(self.data["extra"][name])

    def examples(self, name: str) -> list[dict]:
        """The decoded public examples of a function: label, args, kwargs, expected, mistakes
        (a list of (wrong output, hint) pairs)."""
        return [
            {
                "label": example["label"],
                **{k: decode(example[k]) for k in ("args", "kwargs", "expected")},
                "mistakes": [(decode(v), self.hint(k)) for k, v in example["mistakes"].items()],
            }
            for example in self.data["functions"][name]["examples"]
        ]

    def calls(self, name: str) -> list[str]:
        """The graded functions ``name`` calls (its spec's ``calls``)."""
        return list(self.data["functions"].get(name, {}).get("calls", []))

    def dependencies_first(self, name: str, function) -> None:
        """Run, silently, the public checks of the graded functions ``function`` calls, on the
        objects it will call (its module's globals: the learner's notebook); stop with
        "fix `X` first" at the first one that fails. Nothing happens when ``function`` is not
        a plain Python function (the grader's proxy: there the calls are answered by the
        course's own versions) or does not refer to a function by its name."""
        namespace = getattr(function, "__globals__", None)
        if not isinstance(namespace, dict) or self.module is None:
            return
        used = global_names(getattr(function, "__code__", None))
        module = importlib.import_module(self.module)
        for dependency in self.calls(name):
            called, check = namespace.get(dependency), getattr(module, f"check_{dependency}", None)
            if dependency not in used or not callable(called) or check is None:
                continue
            try:
                with contextlib.redirect_stdout(io.StringIO()), np.errstate(all="ignore"):
                    check(called)
            except DependencyFailure as failed:
                raise DependencyFailure(failed.root, failed.first_line) from None
            except Exception as failed:  # noqa: BLE001 - any failure of the check counts
                text = str(failed).strip() or type(failed).__name__
                raise DependencyFailure(dependency, text.splitlines()[0].rstrip(".:")) from None

    def check(self, name: str, function, then=None, result: str = "", only=()) -> None:
        """Run ``function`` on each public example of ``name``; print one ✓ line if every
        result matches, else raise a CheckFailure that says where and why. ``then(result,
        label)`` checks more about each result once it matches; ``result`` names what is
        compared ("grads": messages say "<label>: grads['dW1']"); ``only`` names the keys of a
        dict result that are compared (what the hidden checks grade), when not all are."""
        self.dependencies_first(name, function)
        parts = self.data["functions"][name]["parts"]
        examples = self.examples(name)
        for example in examples:
            what = example["label"]
            wrong, errors = split_mistakes(example["mistakes"])
            none_ok = example["expected"] is None
            # the function gets copies: one that edits its arguments in place is compared
            # with the arguments as they were given (and the next example is not changed)
            args, kwargs = copy.deepcopy((example["args"], example["kwargs"]))
            got = call(what, function, *args, hints=errors, none_ok=none_ok, **kwargs)
            label = f"{what}: {result}" if result else what
            expected = example["expected"]
            if only:
                got, expected, wrong = (
                    _keys(got, only),
                    _keys(expected, only),
                    [(_keys(value, only), hint) for value, hint in wrong],
                )
            compare(got, expected, label, wrong, parts=parts, inputs=example["args"])
            if then is not None:
                then(got, what)
        passed(name, len(examples))

    def checker(self, name: str, then=None, result: str = "", only=()):
        """``check_<name>``: the public check of one graded function (see :meth:`check`)."""
        doc = f"Check {name} on its public examples (see the notebook's text)."
        return named(lambda function: self.check(name, function, then, result, only), name, doc)


def _keys(value, keys):
    """A dict narrowed to ``keys`` (those it has); anything else as it is."""
    return {k: value[k] for k in keys if k in value} if isinstance(value, dict) else value


def named(check, name: str, doc: str):
    """``check`` named ``check_<name>``, with ``doc`` as its help text."""
    check.__name__ = check.__qualname__ = f"check_{name}"
    check.__doc__ = doc
    return check


def split_mistakes(mistakes) -> tuple[list, list]:
    """(wrong outputs, error hints) from (output, hint) pairs: a mistake whose output is an
    error is named by its error's text (see :func:`helpers.checks.call`)."""
    wrong = [(v, h) for v, h in mistakes if not isinstance(v, Raised)]
    errors = [(v.text, h) for v, h in mistakes if isinstance(v, Raised)]
    return wrong, errors


# ------------------------------------------------------------------------- comparisons
def _has(value, key) -> bool:
    if isinstance(value, dict):
        return key in value
    return isinstance(value, (tuple, list)) and isinstance(key, int) and key < len(value)


def narrowed(mistakes, key) -> list:
    """The (part, hint) pairs of the mistakes' outputs that have this item or key."""
    return [(value[key], hint) for value, hint in mistakes if _has(value, key)]


def _same_everywhere(got, wrong) -> bool:
    """True when ``got`` equals a mistake's output in every part (its structure included)."""
    if isinstance(wrong, (dict, tuple, list)):
        keys = wrong if isinstance(wrong, dict) else range(len(wrong))
        same = _structure(got) == _structure(wrong)
        return same and all(_same_everywhere(got[k], wrong[k]) for k in keys)
    return likely_mistake(got, [(wrong, True)]) is not None


def _structure(value):
    """A dict's keys or a sequence's length (None for anything else)."""
    if isinstance(value, dict):
        return ("keys", frozenset(value))
    return ("items", len(value)) if isinstance(value, (tuple, list)) else None


def expect_structure(got, expected, what: str, mistakes=()) -> None:
    """``got`` has the items (a tuple ``expected``) or the keys (a dict) of ``expected``; when
    not, a mistake whose output has the learner's structure is named."""
    try:
        if isinstance(expected, tuple):
            expect_sequence(got, len(expected), what)
        else:
            expect_keys(got, list(expected), what)
    except CheckFailure as failed:
        mine = _structure(got)
        hint = next((h for v, h in mistakes if mine is not None and _structure(v) == mine), None)
        if hint is None:
            raise
        text = str(failed).rsplit("\n  likely mistake:", 1)[0]
        raise CheckFailure(f"{text}\n  likely mistake: {hint}") from None


def _show_items(items) -> str:
    try:
        return show(np.asarray(items, dtype=float))
    except (TypeError, ValueError):
        return show(list(items))


def _leaves(value):
    """The arrays and numbers inside a function's inputs (dicts, tuples and lists opened)."""
    if isinstance(value, (dict, tuple, list)):
        for item in value.values() if isinstance(value, dict) else value:
            yield from _leaves(item)
    elif isinstance(value, (np.ndarray, float, int, np.number)) and not isinstance(value, bool):
        yield value


def _unchanged(got, expected, inputs) -> bool:
    """True when ``got`` is wrong and is one of the inputs as it was given (not all zeros):
    a parameter that was never updated."""
    try:
        if _same_everywhere(got, expected) or not np.any(got):
            return False
        return any(
            np.shape(leaf) == np.shape(got) and np.array_equal(leaf, got)
            for leaf in _leaves(inputs)
        )
    except (TypeError, ValueError):
        return False


def compare(got, expected, what: str, mistakes=(), *, parts=(), inputs=()) -> None:
    """Compare ``got`` with ``expected`` part by part; ``mistakes`` are (wrong output, hint)
    pairs of the whole result, narrowed to each part as the comparison goes down. A mistake
    whose whole output is what came back is named first, wherever the difference shows (even
    where its part has another type or structure than the expected one). ``inputs`` are the
    function's arguments: a part of a dict that still holds one of them (a parameter never
    updated) is the one a message names. ``mistakes`` are looked at only when the result is
    wrong (they may be computed on first use)."""
    try:
        return _compare(got, expected, what, (), parts=parts, inputs=inputs)
    except CheckFailure:
        pass  # wrong: compared again below, with the mistakes, for the message
    # a mistake whose output is the expected one cannot be what went wrong (a list holding
    # the right numbers matches it too)
    mistakes = [pair for pair in mistakes if not _same_everywhere(expected, pair[0])]
    mistakes = sorted(mistakes, key=lambda pair: not _same_everywhere(got, pair[0]))
    try:
        _compare(got, expected, what, mistakes, parts=parts, inputs=inputs)
    except CheckFailure as failed:
        whole = next((h for wrong, h in mistakes if _same_everywhere(got, wrong)), None)
        if whole is None or f"likely mistake: {whole}" in str(failed):
            raise
        text = str(failed).split("\n  likely mistake:")[0]
        raise CheckFailure(f"{text}\n  likely mistake: {whole}") from None


def _compare(got, expected, what: str, mistakes=(), *, parts=(), inputs=()) -> None:
    if isinstance(expected, (tuple, dict)):
        expect_structure(got, expected, what, mistakes)
    if isinstance(expected, tuple):
        for i, item in enumerate(expected):
            name = f"{what}: {parts[i]}" if i < len(parts) else f"{what}: item {i}"
            _compare(got[i], item, name, narrowed(mistakes, i), inputs=inputs)
        return
    if isinstance(expected, dict):
        stale = [k for k in expected if _unchanged(got[k], expected[k], inputs)]
        for key in stale:  # a part never updated is named first, as what it is
            try:
                _compare(got[key], expected[key], f"{what}[{key!r}]", narrowed(mistakes, key))
            except CheckFailure as failed:
                first, *rest = str(failed).split("\n")
                note = f"{first} It still holds the value it was given: it was never updated."
                raise CheckFailure("\n".join([note, *rest])) from None
        for key, item in expected.items():
            _compare(got[key], item, f"{what}[{key!r}]", narrowed(mistakes, key), inputs=inputs)
        return
    if isinstance(expected, list):
        if not isinstance(got, (list, tuple, np.ndarray)):
            raise failure(f"{what} should be a list, got {type(got).__name__}: {show(got)}")
        if len(got) != len(expected):
            hint = next(
                (h for v, h in mistakes if isinstance(v, (list, tuple)) and len(v) == len(got)),
                None,
            )
            raise failure(
                f"{what} has the wrong length.",
                expected=f"{len(expected)} items: {show(expected)}",
                got=f"{len(got)} items: {_show_items(got)}",
                mistake=hint,
            )
        for i, item in enumerate(expected):
            _compare(got[i], item, f"{what}[{i}]", narrowed(mistakes, i))
        return
    try:
        if isinstance(expected, (bool, str)) or expected is None:
            expect_equal(got, expected, what, mistakes=mistakes)
        elif isinstance(expected, int):
            expect_equal(expect_integer(got, what), expected, what, mistakes=mistakes)
        else:
            expect_close(got, expected, what, mistakes=mistakes)
    except CheckFailure as failed:
        # a wrong type or shape: still name the mistake whose output this is
        text = str(failed)
        telling = [(w, h) for w, h in mistakes if not _same_everywhere(expected, w)]
        hint = None if "likely mistake:" in text else likely_mistake(got, telling)
        if hint is None:
            raise
        raise CheckFailure(f"{text}\n  likely mistake: {hint}") from None
