"""The stock nbgrader commands work in a course that uses the kit's nbgrader_config.py.

``stock_class`` (class_worker.py) ran ``nbgrader generate_assignment`` and ``nbgrader autograde`` as
commands; here the feedback and the export follow.
"""
from __future__ import annotations

import csv

import pytest

from . import honest, scored_class
from .conftest import BIN, run

pytestmark = pytest.mark.slow
A = scored_class.A


def test_stock_commands(stock_class, tmp_path):
    root, home = stock_class, tmp_path
    nbgrader = BIN / "nbgrader"
    assert (root / "autograded" / "s1" / A / f"{A}.ipynb").exists(), "stock nbgrader autograde ran"
    run([nbgrader, "generate_feedback", A, "--student", "s1", "--force"], root, home)
    assert (root / "feedback" / "s1" / A / f"{A}.html").exists()

    out = root / "cijfers.csv"
    run([nbgrader, "export", "--to", out], root, home)
    rows = {(r["assignment"], r["student_id"]): r for r in csv.DictReader(out.open(encoding="utf-8"))}
    good = rows[(A, "s1")]
    auto_max = honest.max_code_score(f"sqlite:///{root / 'gradebook.db'}", A)
    assert auto_max > 0
    assert float(good["raw_score"]) == auto_max + scored_class.MANUAL["s1"], good
    assert float(good["max_score"]) > auto_max, "max includes the manually graded question"
    assert float(rows[(A, "s5")]["raw_score"]) == 0
