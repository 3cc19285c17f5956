"""What the hidden checks of c3 share: the shared helpers bound to this week's spec."""

from __future__ import annotations

import functools

from grader_tests import checking

from .spec import SPEC

call_student = functools.partial(checking.call_student, SPEC)
check = functools.partial(checking.check, SPEC)
