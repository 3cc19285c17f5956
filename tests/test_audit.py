"""The planted-mistake audit (benchmarks/audit_mistakes.py): for every audited mistake, the
first public check that fails is the planted function's own, with the right hint, and the
checks of the functions that call it say "fix `<function>` first"."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from support import ROOT


def load_audit():
    path = ROOT / "benchmarks" / "audit_mistakes.py"
    spec = importlib.util.spec_from_file_location("audit_mistakes", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


AUDIT = load_audit()


@pytest.mark.parametrize("week", AUDIT.WEEKS)
def test_every_check_passes_on_the_solution_notebook(week):
    failing = {cell: text for cell, text in AUDIT.run_week(week, None).items() if text}
    assert not failing


def test_the_audit_covers_every_week_with_at_least_30_mistakes():
    assert len(AUDIT.MISTAKES) >= 30
    assert {planted.week for planted in AUDIT.MISTAKES} == set(AUDIT.WEEKS)
    assert len({planted.key for planted in AUDIT.MISTAKES}) == len(AUDIT.MISTAKES)


@pytest.mark.parametrize("planted", AUDIT.MISTAKES, ids=lambda planted: planted.key)
def test_each_planted_mistake_is_named_by_its_own_check(planted):
    finding = AUDIT.audit(planted)
    assert finding.named, f"{finding.why}\n{finding.first}: {finding.message}"
