"""Plain-data encoding between the student's worker process and the checker.

The worker (student code) encodes whatever a function returned into nested tagged tuples of
builtin scalars, strings and bytes. The checker unpickles those with :class:`PlainUnpickler`,
which refuses every global, so a hostile pickle cannot build objects or run code in the
checker; then :func:`decode` turns the tags back into NumPy arrays and Python values,
checking dtypes and sizes on the way.

Both sides share this file: the worker receives its source text (it never imports
``grader_tests``), so keep it dependent on NumPy and the standard library only.
"""

from __future__ import annotations

import io
import os
import pickle
import select
import time

import numpy as np

MAX_DEPTH = 32
MAX_BYTES = 256 * 1024 * 1024
ARRAY_KINDS = "biufcSU"  # bool, ints, floats, complex, bytes and str arrays; never objects
SCALARS = {t.__name__: t for t in (bool, int, float, str, bytes)}  # bool first: a bool is an int
HEADER = 8  # bytes of big-endian length before each message


class Unsupported:
    """Stands in for a returned value the grader does not accept (a class, a generator, ...)."""

    def __init__(self, type_name: str, summary: str):
        self.type_name = type_name
        self.summary = summary

    def __repr__(self) -> str:
        return f"<unsupported {self.type_name}: {self.summary}>"


def encode(value, depth: int = 0):
    """Turn a value into tagged builtin tuples that pickle without any global."""
    if depth > MAX_DEPTH:
        return ("unsupported", "deeply nested value", f"nesting deeper than {MAX_DEPTH}")
    if value is None:
        return ("none",)
    for tag, kind in SCALARS.items():
        if isinstance(value, kind):
            return (tag, kind(value))
    if isinstance(value, complex):
        return ("complex", value.real, value.imag)
    if isinstance(value, np.ndarray) and type(value) is np.ndarray:
        if value.dtype.kind not in ARRAY_KINDS or value.dtype.hasobject:
            return ("unsupported", f"numpy array of dtype {value.dtype}", repr(value.shape))
        data = np.ascontiguousarray(value)
        return ("ndarray", data.dtype.str, tuple(int(n) for n in value.shape), data.tobytes())
    if isinstance(value, np.generic) and value.dtype.kind in ARRAY_KINDS:
        return ("npscalar", value.dtype.str, np.asarray(value).tobytes())
    if type(value) in (list, tuple):
        return (type(value).__name__, [encode(item, depth + 1) for item in value])
    if type(value) is dict:
        return ("dict", [(encode(k, depth + 1), encode(v, depth + 1)) for k, v in value.items()])
    try:
        summary = object.__repr__(value)
    except Exception:  # pragma: no cover - object.__repr__ does not normally fail
        summary = "?"
    return ("unsupported", type(value).__name__, summary[:200])


class PlainUnpickler(pickle.Unpickler):
    """An unpickler that builds builtin containers and scalars only."""

    def find_class(self, module, name):
        raise pickle.UnpicklingError(f"refusing to load {module}.{name}: only plain data may cross")


def loads_plain(data: bytes):
    return PlainUnpickler(io.BytesIO(data)).load()


class DecodeError(ValueError):
    """The worker sent something that is not a well-formed encoded value."""


def decode(tagged, depth: int = 0):
    """Rebuild a value from :func:`encode`'s output, validating as it goes."""
    if depth > MAX_DEPTH + 1 or not isinstance(tagged, tuple) or not tagged:
        raise DecodeError("malformed value")
    tag = tagged[0]
    if tag == "none":
        return None
    if tag in SCALARS:
        if len(tagged) != 2 or type(tagged[1]) is not SCALARS[tag]:
            raise DecodeError(f"malformed {tag}")
        return tagged[1]
    if tag == "complex":
        return complex(float(tagged[1]), float(tagged[2]))
    if tag in ("ndarray", "npscalar"):
        dtype = _checked_dtype(tagged[1])
        if tag == "npscalar":
            return np.frombuffer(_checked_bytes(tagged[2]), dtype=dtype, count=1)[0]
        shape = tagged[2]
        if not isinstance(shape, tuple) or not all(type(n) is int and n >= 0 for n in shape):
            raise DecodeError("malformed array shape")
        data = _checked_bytes(tagged[3])
        count = int(np.prod(shape, dtype=np.int64)) if shape else 1
        if count * dtype.itemsize != len(data):
            raise DecodeError("array data does not match its shape")
        return np.frombuffer(data, dtype=dtype, count=count).reshape(shape).copy()
    if tag in ("list", "tuple", "dict"):
        if len(tagged) != 2 or type(tagged[1]) is not list:
            raise DecodeError(f"malformed {tag}")
        if tag != "dict":
            items = [decode(item, depth + 1) for item in tagged[1]]
            return items if tag == "list" else tuple(items)
        result = {}
        for pair in tagged[1]:
            if not isinstance(pair, tuple) or len(pair) != 2:
                raise DecodeError("malformed dict item")
            key = decode(pair[0], depth + 1)
            try:
                result[key] = decode(pair[1], depth + 1)
            except TypeError as exc:  # an unhashable key such as a list
                raise DecodeError(f"dict key cannot be used: {exc}") from None
        return result
    if tag == "unsupported":
        return Unsupported(str(tagged[1]), str(tagged[2]))
    raise DecodeError(f"unknown tag {tag!r}")


def _checked_dtype(text):
    if type(text) is not str or len(text) > 16:
        raise DecodeError("malformed dtype")
    try:
        dtype = np.dtype(text)
    except TypeError:
        raise DecodeError(f"unknown dtype {text!r}") from None
    if dtype.kind not in ARRAY_KINDS or dtype.hasobject:
        raise DecodeError(f"dtype {dtype} is not plain data")
    return dtype


def _checked_bytes(data):
    if type(data) is not bytes or len(data) > MAX_BYTES:
        raise DecodeError("malformed or oversized data")
    return data


def contains_unsupported(value) -> Unsupported | None:
    """The first :class:`Unsupported` inside a decoded value, if any."""
    if isinstance(value, Unsupported):
        return value
    if isinstance(value, (list, tuple, dict)):
        for item in value.values() if isinstance(value, dict) else value:
            if found := contains_unsupported(item):
                return found
    return None


def frame(obj) -> bytes:
    """One message on the wire: its length, then its pickle (protocol 4, no globals needed)."""
    payload = pickle.dumps(obj, protocol=4)
    return len(payload).to_bytes(HEADER, "big") + payload


def send(fd: int, obj) -> None:
    """Write one message, whole, to ``fd``."""
    view = memoryview(frame(obj))
    while view:
        view = view[os.write(fd, view) :]


def read_exact(fd: int, n: int, deadline: float | None = None) -> bytes:
    """``n`` bytes from ``fd``: EOFError when the writer has gone, TimeoutError once
    ``time.monotonic()`` passes ``deadline``."""
    chunks = []
    while n:
        if deadline is not None:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([fd], [], [], remaining)[0]:
                raise TimeoutError
        chunk = os.read(fd, min(n, 1 << 20))
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)
