"""The shared hidden-check helpers (``grader_tests.checking``) bound to this week's spec, and
what only this week needs."""

from __future__ import annotations

import contextlib
import functools
import io

import numpy as np

from grader_tests import checking
from grader_tests.spec import planted
from helpers.checks import call

from .spec import SPEC

check = functools.partial(checking.check, SPEC)
outcome = functools.partial(checking.outcome, SPEC)


def check_shape(student, name, what, *args, path=(), **kwargs) -> np.ndarray:
    """:func:`outcome`, then compare only the shape (mistakes named by their shapes)."""
    return checking.check_view(outcome(student, name, what, *args, path=path, **kwargs))


@functools.cache
def planted_values(name: str) -> list:
    """(value, hint) of every planted mistake of a graded item (m_train, train_set_x, model
    ...)."""
    return [(planted(SPEC, m.key), m.hint) for m in SPEC.mistakes_of(name)]


def printed(function, *args, **kwargs) -> str:
    """What calling ``function`` prints in this process (the isolated reference functions of
    a student's call run here, so their printing is seen; the student's own is not)."""
    text = io.StringIO()
    with contextlib.redirect_stdout(text), np.errstate(all="ignore"):
        call(getattr(function, "__name__", "the function"), function, *args, **kwargs)
    return text.getvalue()
