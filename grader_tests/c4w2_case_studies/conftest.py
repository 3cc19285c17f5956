"""The notebook's graded items (functions and values), each a fixture named after it."""

from grader_tests.plugin import graded_fixtures

globals().update(graded_fixtures(__name__))
