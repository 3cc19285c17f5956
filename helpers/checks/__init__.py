"""Checks that compare a result with the expected one and explain a difference in plain words.

The notebooks' check cells (``helpers.checks.c1w2`` ...) and the hidden grader both use
these helpers, so a failure reads the same everywhere::

    propagate: grads['dw'] is wrong.
      expected: [[-0.56119138] [-0.39631664]]
      got:      [[-2.2447655 ] [-1.58526657]]
      likely mistake: you forgot to divide by m (the number of examples).

``mistakes`` arguments are lists of ``(wrong_value, text)`` pairs: when a comparison fails and
the result matches ``wrong_value`` (or ``wrong_value(result)`` is true, for a function), the
message ends with ``likely mistake: text``.
"""

from __future__ import annotations

import re
import sys
import traceback
from pathlib import Path

import numpy as np

__all__ = [
    "ATOL",
    "RTOL",
    "CheckFailure",
    "as_array",
    "as_number",
    "call",
    "learner_error",
    "expect_close",
    "expect_equal",
    "expect_integer",
    "expect_keys",
    "expect_sequence",
    "expect_shape",
    "expect_type",
    "failure",
    "likely_mistake",
    "passed",
    "show",
]

# Correct code agrees with the reference to ~1e-12 in float64 and ~1e-6 in float32; every
# mistake the checks look for is off by far more than these tolerances.
RTOL = 1e-4  # relative tolerance of value comparisons
ATOL = 1e-6  # absolute tolerance, for values near zero

SMALL_ARRAY = 24  # arrays up to this many entries are printed in full
DIGITS = 8  # significant digits printed for a number


class CheckFailure(AssertionError):
    """A check found a result that differs from the expected one; the message says how."""

    def _render_traceback_(self) -> list[str]:
        """What Jupyter shows for this failure: the message in plain words, no traceback
        through the checks' own code (the cell still fails, so nbgrader gives it 0)."""
        lines = str(self).splitlines() or ["the check failed"]
        return [f"\x1b[1;31m✗ {lines[0]}\x1b[0m", *lines[1:]]


def show(value) -> str:
    """A compact one-line description of a value: small arrays in full, big ones summarised."""
    if isinstance(value, np.ndarray):
        if value.dtype.kind not in "biuf":
            return f"array of shape {value.shape}, dtype {value.dtype}"
        if value.size <= SMALL_ARRAY:
            text = np.array2string(value, precision=DIGITS, separator=" ", max_line_width=10**6)
            return re.sub(r"\s*\n\s*", " ", text)
        if value.dtype.kind == "b":
            return f"array of shape {value.shape}, dtype bool, {int(value.sum())} True"
        first = ", ".join(f"{x:.{DIGITS}g}" for x in value.ravel()[:4])
        return (
            f"array of shape {value.shape}, dtype {value.dtype}, min {value.min():.{DIGITS}g}, "
            f"max {value.max():.{DIGITS}g}, first values [{first}, ...]"
        )
    if isinstance(value, (bool, np.bool_)):
        return repr(bool(value))
    if isinstance(value, (float, np.floating)):
        return f"{float(value):.{DIGITS}g}"
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k!r}: {show(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)) and len(value) <= SMALL_ARRAY:
        inside = ", ".join(show(item) for item in value)
        return f"[{inside}]" if isinstance(value, list) else f"({inside}{',' * (len(value) == 1)})"
    text = repr(value)
    return text if len(text) <= 200 else text[:200] + " ..."


def _type_name(value) -> str:
    kind = type(value)
    return kind.__name__ if kind.__module__ == "builtins" else f"{kind.__module__}.{kind.__name__}"


def failure(headline: str, *, expected=None, got=None, mistake: str | None = None) -> CheckFailure:
    """A CheckFailure whose message has the headline, then expected/got lines and a hint."""
    lines = [headline]
    if expected is not None:
        lines.append(f"  expected: {expected}")
    if got is not None:
        lines.append(f"  got:      {got}")
    if mistake:
        lines.append(f"  likely mistake: {mistake}")
    return CheckFailure("\n".join(lines))


def passed(name: str, count: int) -> None:
    """Print the one line that says every public check of ``name`` passed."""
    text = {1: "the public check", 2: "both public checks"}.get(count, f"all {count} public checks")
    print(f"✓ {name}: {text} passed.")


# ----------------------------------------------------------------------------- calling
MATRIX_PRODUCT_HINT = (
    "the shapes of a matrix product do not fit: A times B needs as many columns in A as rows "
    "in B. Print both shapes, and check which one the formula transposes."
)
ELEMENTWISE_HINT = (
    "`*` multiplies two arrays entry by entry, so their shapes must match; the formula asks "
    "for a matrix product here: write `@` (or np.dot) instead of `*`."
)
KEEPDIMS_HINT = (
    "two arrays whose shapes do not fit were combined; print the shapes. When you divide "
    "by a sum or a norm taken along an axis, keep that axis with keepdims=True."
)
BROADCAST_HINT = "two arrays whose shapes do not fit were combined: print their shapes."
UNPACK_HINT = (
    "a value here is a tuple (or a number) where an array was expected: a function that "
    "returns several values must be unpacked, `first, second = f(...)`, in the order it "
    "returns them (see its docstring)."
)
ERROR_HINTS = [
    (
        "arrays can be converted to Python scalars",
        "math functions (math.exp, math.log, ...) take one number; use np.exp, np.log, ... "
        "which work on whole arrays.",
    ),
    ("not aligned", MATRIX_PRODUCT_HINT),
    ("mismatch in its core dimension", MATRIX_PRODUCT_HINT),
    (
        "cannot reshape array of size",
        "the new shape must hold exactly as many numbers as the array: compute it from the "
        "input's shape instead of typing numbers.",
    ),
    ("setting an array element with a sequence", UNPACK_HINT),
    ("'tuple'", UNPACK_HINT),
    ("invalid index to scalar variable", UNPACK_HINT),
    ("object is not subscriptable", UNPACK_HINT),
]


def call(name: str, function, *args, hints=(), none_ok=False, **kwargs):
    """Call the learner's ``function``; an error, a stub not written yet or a missing return
    becomes a CheckFailure in plain words. ``hints`` are extra ``(text in the error message,
    likely mistake)`` pairs."""
    try:
        result = function(*args, **kwargs)
    except Exception as exc:  # the learner's code raised: say so without our own frames
        raise learner_error(name, function, exc, hints) from None
    if result is None and not none_ok:  # none_ok: None is a right answer here
        raise CheckFailure(f"{name} returned None — did you forget the `return` statement?")
    return result


def learner_error(name: str, function, exc: BaseException, hints=()) -> CheckFailure:
    """The failure that reports an exception raised by the learner's ``function``: the
    error in plain words, the line of the learner's cell that raised it (and the line of
    ``function`` that led there, when the error came from a function it called), a likely
    mistake."""
    own = getattr(function, "__name__", "your function")
    # the grader's proxy already describes the learner's error; other errors get their type
    student = type(exc).__name__ == "StudentCodeError"
    text = str(exc) if student else f"{type(exc).__name__}: {exc}"
    if isinstance(exc, NotImplementedError) or text.startswith("NotImplementedError"):
        stub = _learner_frames(exc)
        own = stub[-1].name if stub and stub[-1].name != "<module>" else own
        return CheckFailure(
            f"`{own}` is not written yet: in its cell, replace the lines under "
            "# YOUR CODE HERE (the `raise NotImplementedError()` too) with your code, run that "
            "cell, then run this one again."
        )
    lines = [f"{name} failed with an error: {text.strip()}"]
    frames = [] if student else _learner_frames(exc)
    if frames:
        lines.append(f"  where:    {_describe(frames[-1])}")
        outer = next((f for f in frames if f.name == own), None)
        if outer is not None and outer is not frames[-1] and frames[-1].name != own:
            lines.append(f"  called from {_describe(outer)}")
    code = frames[-1].line or "" if frames else getattr(exc, "code", "")
    hint = next((h for fragment, h in hints if fragment in text), None)
    hint = hint or _error_hint(exc, text, code, own)
    if hint:
        lines.append(f"  likely mistake: {hint}")
    return CheckFailure("\n".join(lines))


def _error_hint(exc: BaseException, text: str, code: str, own: str) -> str | None:
    """A likely mistake for an error of the learner's code: from the error's kind and the
    line that raised it (``code``), in words that fit any week."""
    # the grader's proxy reports the learner's error by its kind and message (``kind``,
    # ``detail``); an error raised here is looked at itself
    kind = getattr(exc, "kind", "") or type(exc).__name__
    detail = getattr(exc, "detail", None)
    if kind == "KeyError" and (exc.args if detail is None else detail):
        key = str(exc.args[0]) if detail is None else detail.strip("'\"")
        if re.fullmatch(r"d?[A-Za-z]0", key):
            return (
                f"there is no {key!r}: the layers are numbered from 1 (W1, b1, ... up to the "
                "last layer; layer 0 is the input, which has no parameters), so loop over "
                "l = 1 .. L, for example for l in range(1, L + 1)."
            )
        if re.fullmatch(r"d?[WbAZ]\d+", key):
            return (
                f"there is no {key!r}: either your loop goes one layer too far (parameters "
                "holds a W and a b for each layer, so there are L = len(parameters) // 2 "
                "layers, and range(1, L + 1) ends at layer L) or the key is misspelled (keys "
                "are case-sensitive; print(list(the_dict)) shows them)."
            )
        return (
            f"the dict has no key {key!r}: keys are spelled exactly (they are case-sensitive); "
            "print(list(the_dict)) shows the keys it has."
        )
    if kind == "NameError":
        said = text if detail is None else detail  # the call's own text may quote names too
        missing = getattr(exc, "name", None) or next(iter(re.findall(r"'(\w+)'", said)), "")
        if missing:
            return (
                f"`{missing}` is used but never defined: define `{missing}`, with exactly "
                f"this name, before the line above uses it (the given lines of `{own}` rely "
                f"on the names the exercise asks for); work it out from `{own}`'s arguments. "
                f"If `{missing}` is a function or value that another cell of the notebook "
                "defines, run that cell first."
            )
    if kind == "UnboundLocalError":
        return (
            "a variable is used before your code gives it a value: define it first, with "
            "exactly the name the exercise asks for."
        )
    padded = _padding_left_on(text)
    if padded:
        return padded
    if "could not be broadcast together" in text:
        if re.search(r"\bpad\(", code):
            return (
                "np.pad takes one (before, after) pair for each axis of the array, in order: "
                "for X of shape (m, n_H, n_W, n_C), ((0, 0), (pad, pad), (pad, pad), (0, 0)) "
                "pads only the height and the width."
            )
        if re.search(r"keepdims|axis|np\.sum|\.sum\(|norm", code):
            return KEEPDIMS_HINT
        if re.search(r"[\w)\]]\s*\*\s*[\w(]", code.replace("**", "^")):
            return ELEMENTWISE_HINT
        return BROADCAST_HINT
    if "arrays can be converted to Python scalars" in text and re.search(r"\b(float|int)\(", code):
        return (
            "float() and int() take a single number, and NumPy 2 no longer converts an array "
            "that holds one (such as b of shape (1, 1, 1)): take the number out with .item()."
        )
    return next((hint for fragment, hint in ERROR_HINTS if fragment in text), None)


def _padding_left_on(text: str) -> str | None:
    """The hint for assigning a padded array where the unpadded one goes: NumPy's 'could not
    broadcast input array from shape (7,8,3) into shape (5,6,3)' (two sizes larger by the
    same even number, 2 * pad)."""
    found = re.search(r"from shape \(([\d, ]+)\) into shape \(([\d, ]+)\)", text)
    if not found:
        return None
    big, small = ([int(n) for n in group.split(",") if n.strip()] for group in found.groups())
    extra = {b - s for b, s in zip(big, small, strict=False) if b != s}
    larger = sum(b > s for b, s in zip(big, small, strict=False))
    if len(big) != len(small) or larger != 2 or len(extra) != 1 or min(extra) % 2:
        return None
    return (
        f"what you assign is {min(extra)} larger in height and width than where it goes: the "
        "padding is still on. Cut it off first, e.g. [pad:pad + n_H_prev, pad:pad + n_W_prev] "
        "(which also works for pad = 0)."
    )


_NOT_LEARNER = tuple(
    str(Path(p).resolve())
    for p in {sys.prefix, sys.base_prefix, sys.exec_prefix, Path(__file__).parents[1]}
)


def _learner_frames(exc: BaseException) -> list:
    """The frames of the traceback that are the learner's code (not NumPy's, Python's or
    the checks' own), outermost first."""
    return [
        frame
        for frame in traceback.extract_tb(exc.__traceback__)
        if not str(Path(frame.filename).resolve()).startswith(_NOT_LEARNER)
        and frame.filename != __file__
    ]


def _describe(frame) -> str:
    """'line 3 of `propagate`: A = sigmoid(w X + b)'."""
    code = f": {frame.line.strip()}" if frame.line else ""
    return f"line {frame.lineno} of `{frame.name}`{code}"


# ------------------------------------------------------------------------- conversions
def as_number(value, what: str) -> float:
    """``value`` as a float: a Python int or float, a NumPy scalar, or an array of one number
    (a 0-d array or shape (1, 1), for example) are all accepted."""
    if isinstance(value, (bool, np.bool_)) or value is None:
        raise failure(f"{what} should be a number, got {_type_name(value)}: {show(value)}")
    if isinstance(value, (int, float, np.integer, np.floating)):
        return float(value)
    if isinstance(value, np.ndarray) and value.dtype.kind in "iuf":
        if value.size == 1:
            return float(value.reshape(()))
        raise failure(
            f"{what} should be a single number, got an array of shape {value.shape}: {show(value)}",
            mistake="sum (or average) over the examples so that one number remains."
            if value.size > 1
            else None,
        )
    raise failure(f"{what} should be a number, got {_type_name(value)}: {show(value)}")


def as_array(value, what: str) -> np.ndarray:
    """``value`` if it is a NumPy array of numbers (bool, int or float), else a failure."""
    if isinstance(value, np.ndarray) and value.dtype.kind in "biuf":
        return value
    if isinstance(value, np.ndarray):
        raise failure(f"{what} should be an array of numbers, got an array of dtype {value.dtype}")
    hint = "build it with NumPy (np.array, np.zeros, ...)." if isinstance(value, list) else None
    raise failure(
        f"{what} should be a NumPy array, got {_type_name(value)}: {show(value)}", mistake=hint
    )


def expect_type(value, types, what: str, *, description: str | None = None):
    """``value`` if it is an instance of ``types``; ``description`` words the expectation."""
    if isinstance(value, types):
        return value
    if description is None:
        names = [t.__name__ for t in (types if isinstance(types, tuple) else (types,))]
        description = " or ".join(names)
    raise failure(f"{what} should be {description}, got {_type_name(value)}: {show(value)}")


def expect_sequence(value, length: int, what: str):
    """``value`` if it is a tuple or list of ``length`` items (what a function returns)."""
    if isinstance(value, (tuple, list)) and len(value) == length:
        return value
    count = f"{len(value)} values" if isinstance(value, (tuple, list)) else _type_name(value)
    raise failure(f"{what} should return {length} values (a tuple), got {count}: {show(value)}")


def expect_keys(mapping, keys, what: str) -> dict:
    """``mapping`` if it is a dict holding every key in ``keys``."""
    expect_type(mapping, dict, what, description="a dict")
    missing = [k for k in keys if k not in mapping]
    if missing:
        raise failure(
            f"{what} lacks the key(s) {', '.join(map(repr, missing))}.",
            expected=f"keys {', '.join(map(repr, keys))}",
            got=f"keys {', '.join(map(repr, mapping)) or '(none)'}",
            mistake="the keys must be spelled exactly as above (they are case-sensitive).",
        )
    return mapping


def expect_integer(value, what: str) -> int:
    """``value`` as an int: a Python int or a NumPy integer (not a float, bool or tuple)."""
    if isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_)):
        return int(value)
    hint = None
    if isinstance(value, (tuple, list)) or isinstance(value, np.ndarray):
        hint = "a shape is a tuple of numbers: take the one entry you need, e.g. shape[0]."
    elif isinstance(value, (float, np.floating)):
        hint = "it counts something, so it should be a whole number (an int), not a float."
    raise failure(
        f"{what} should be an integer, got {_type_name(value)}: {show(value)}", mistake=hint
    )


# ------------------------------------------------------------------------- comparisons
def _matches(got, wrong, rtol: float, atol: float) -> bool:
    if callable(wrong):
        try:
            return bool(wrong(got))
        except Exception:
            return False
    if any(isinstance(x, (str, dict)) or x is None for x in (got, wrong)):
        try:  # names, answers and records: the same when equal
            return type(got) is type(wrong) and bool(got == wrong)
        except Exception:
            return False
    try:
        got_a = np.asarray(got, dtype=float)
        wrong_a = np.asarray(wrong, dtype=float)
    except (TypeError, ValueError):
        return False
    if got_a.shape != wrong_a.shape:
        if got_a.size == wrong_a.size == 1:  # a number written as a 0-d or (1, 1) array
            got_a, wrong_a = got_a.reshape(()), wrong_a.reshape(())
        else:
            return False
    # NaN where the mistake's output has NaN counts as the same (a run that blew up)
    return bool(np.allclose(got_a, wrong_a, rtol=rtol, atol=atol, equal_nan=True))


def likely_mistake(got, mistakes, *, rtol: float = RTOL, atol: float = ATOL) -> str | None:
    """The text of the first mistake in ``mistakes`` that ``got`` matches, else None."""
    for wrong, text in mistakes:
        if _matches(got, wrong, rtol, atol):
            return text
    return None


def expect_shape(value, shape, what: str, *, mistakes=()) -> np.ndarray:
    """``value`` if it is a NumPy array of ``shape``; ``mistakes`` are (wrong shape, text)."""
    array = as_array(value, what)
    shape = tuple(shape)
    if array.shape != shape:
        hint = next((text for wrong, text in mistakes if tuple(wrong) == array.shape), None)
        raise failure(
            f"{what} has the wrong shape.",
            expected=f"shape {shape}",
            got=f"shape {array.shape}",
            mistake=hint,
        )
    return array


def expect_equal(got, expected, what: str, *, mistakes=()):
    """``got`` if it equals ``expected`` exactly (integers, labels, strings)."""
    try:
        same = bool(np.array_equal(got, expected)) and np.shape(got) == np.shape(expected)
    except Exception:
        same = False
    if not same:
        raise failure(
            f"{what} is wrong.",
            expected=show(expected),
            got=show(got),
            mistake=likely_mistake(got, mistakes, rtol=0, atol=0),
        )
    return got


def expect_close(got, expected, what: str, *, rtol: float = RTOL, atol: float = ATOL, mistakes=()):
    """``got`` if it is close to ``expected`` (a number or an array), else a failure that shows
    both and names the likely mistake. A number may come back as a Python float or int, a
    NumPy scalar or an array holding one number."""
    if np.ndim(expected) == 0:
        number = as_number(got, what)
        if np.isclose(number, float(expected), rtol=rtol, atol=atol):
            return got
        hint = likely_mistake(got, mistakes, rtol=rtol, atol=atol)
        hint = hint or _nan_hint(np.asarray(number), np.asarray(expected))
        raise failure(f"{what} is wrong.", expected=show(expected), got=show(number), mistake=hint)
    expected = np.asarray(expected)
    array = as_array(got, what)
    if array.shape != expected.shape:
        raise failure(
            f"{what} has the wrong shape.",
            expected=f"shape {expected.shape}: {show(expected)}",
            got=f"shape {array.shape}: {show(array)}",
            mistake=likely_mistake(got, mistakes, rtol=rtol, atol=atol),
        )
    if np.allclose(array, expected, rtol=rtol, atol=atol):
        return got
    hint = likely_mistake(got, mistakes, rtol=rtol, atol=atol)
    if hint is None and array.dtype.kind in "biu" and not np.allclose(expected, np.round(expected)):
        hint = (
            "the result is an array of integers, so the fractions were cut off "
            "(np.zeros_like of an integer array is an integer array, for example)."
        )
    hint = hint or _nan_hint(array, expected)
    raise failure(f"{what} is wrong.", expected=show(expected), got=show(array), mistake=hint)


def _nan_hint(got: np.ndarray, expected: np.ndarray) -> str | None:
    if np.isnan(got).any() and not np.isnan(expected).any():
        return "the result holds NaN (not a number): look for log(0), 0/0 or inf - inf."
    return None


def expect_facts(got: dict, expected: dict, what: str, mistakes=()) -> None:
    """Every fact of ``expected`` (a dict of words describing a result: its keys, shapes,
    spread...) holds in ``got``; ``mistakes`` are (facts, hint) pairs: a mistake that has the
    same wrong fact is named."""
    for fact, value in expected.items():
        mine = got.get(fact, "(none)")
        if mine != value:
            hint = next((h for facts, h in mistakes if facts.get(fact) == mine), None)
            raise failure(f"{what}: unexpected {fact}.", expected=value, got=mine, mistake=hint)


def parameter_facts(parameters, layers_dims) -> tuple[dict[str, str], bool]:
    """(facts, complete): what the keys and shapes of freshly initialized parameters are, in
    words (the keys W1, b1, ..., WL, bL; each one's shape), and whether every key is there, so
    that an initializer's check can go on with the values."""
    if not isinstance(parameters, dict):
        return {"type": type(parameters).__name__}, False
    L = len(layers_dims) - 1
    keys = sorted(k for k in map(str, parameters) if re.fullmatch(r"[Wb]\d+", k))
    facts = {"type": "dict", "keys": ", ".join(keys)}
    if keys != sorted(f"{p}{l}" for l in range(1, L + 1) for p in "Wb"):
        return facts, False
    for l in range(1, L + 1):
        for p in "Wb":
            value = parameters[f"{p}{l}"]
            facts[f"shape of {p}{l}"] = (
                str(value.shape)
                if isinstance(value, np.ndarray)
                else f"not an array: {type(value).__name__}"
            )
    return facts, True
