"""No module of the grader is over 400 lines (issue #21): a newcomer reads one job per module.

A module that grows past the limit is split by job (see smmkit/grading/batch/ for the pattern), not
given an exception here.
"""
from __future__ import annotations

from pathlib import Path

import pytest

GRADER = Path(__file__).resolve().parents[2] / "smmkit" / "grading"
LIMIT = 400
MODULES = sorted(GRADER.rglob("*.py"))


def test_the_grader_has_modules():
    assert len(MODULES) > 20 and GRADER / "batch" / "pool.py" in MODULES


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(GRADER)) for p in MODULES])
def test_no_grader_module_is_over_400_lines(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= LIMIT, f"{path.relative_to(GRADER.parents[1])} has {lines} lines (at most {LIMIT}): split it by job"
