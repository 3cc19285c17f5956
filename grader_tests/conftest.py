"""Hooks and fixtures of the hidden checks (see grader_tests/plugin.py)."""

from grader_tests.plugin import (  # noqa: F401 - pytest finds hooks and fixtures by name
    implementation,
    pytest_addoption,
    pytest_collection_modifyitems,
    pytest_configure,
    pytest_generate_tests,
    pytest_unconfigure,
    rng,
)
