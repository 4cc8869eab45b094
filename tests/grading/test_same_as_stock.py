"""The kit's runner gives exactly the scores stock ``nbgrader autograde`` gives, on honest submissions.

The class of five (scored_class.py: full marks, three with typical mistakes, one untouched release)
is handed in twice: in a course graded by stock ``nbgrader autograde`` (all students in one run,
``stock_class``), and in one graded by the kit's runner (``kit_class``: sandboxed workers, one
gradebook writer; into PostgreSQL when the machine has a server, else SQLite). Every autograded cell
of every student must agree, read from each gradebook with nbgrader's API after the runs ended (the
open question is graded by hand afterwards, so only the autograded cells are compared).
"""
from __future__ import annotations

import pytest

from . import honest, scored_class

pytestmark = pytest.mark.slow
ASSIGNMENT = scored_class.A


def test_kit_runner_scores_equal_stock_nbgrader(stock_class, kit_class):
    by_stock = honest.gradebook_scores(f"sqlite:///{stock_class / 'gradebook.db'}", ASSIGNMENT, auto_only=True)
    by_kit = honest.gradebook_scores(kit_class[1], ASSIGNMENT, auto_only=True)
    assert set(by_stock) == set(scored_class.PLAN), by_stock
    assert by_kit == by_stock, f"kit {by_kit}\nstock {by_stock}"
    # and the comparison is not between two empty or two perfect classes
    top = honest.max_code_score(f"sqlite:///{stock_class / 'gradebook.db'}", ASSIGNMENT)
    totals = {student: sum(cells.values()) for student, cells in by_stock.items()}
    assert totals["s1"] == top > totals["s2"] > totals["s5"] == 0
    assert all(0 < totals[s] < top for s in ("s2", "s3", "s4")), totals
    assert len(by_stock["s1"]) == 7, "every autograded cell is compared"
