"""Hidden checks of the course and the machinery that runs them (instructor-only).

- ``python -m grader_tests NOTEBOOK [--json]`` grades one notebook in a separate process.
- ``pytest grader_tests`` runs every check against the solutions in ``source/``;
  ``pytest grader_tests --notebook PATH`` against any notebook.
- :class:`grader_tests.nbgrader_step.HiddenChecks` is the autograde step in nbgrader_config.py.
"""

from .client import StudentCodeError

__all__ = ["StudentCodeError"]
