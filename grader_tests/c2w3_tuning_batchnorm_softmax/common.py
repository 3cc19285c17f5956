"""What the hidden checks of c2w3 share: the shared helpers (``grader_tests.checking``) bound to
this week's spec."""

from __future__ import annotations

import functools

from grader_tests import checking

from .spec import SPEC

call_student = functools.partial(checking.call_student, SPEC)
check = functools.partial(checking.check, SPEC)
expect_gradient = functools.partial(checking.expect_gradient, tolerance=1e-6, floor=1e-9)
