"""The stock nbgrader commands work in a course that uses the kit's nbgrader_config.py."""
from __future__ import annotations

import csv

import pytest

from .conftest import ASSIGNMENTS, BIN, FAULTY_FOR, run

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(FAULTY_FOR not in ASSIGNMENTS, reason="SMMKIT_GRADING_ONLY leaves h01 out")]


def test_stock_commands(course):
    root, home = course.root, course.home
    nbgrader = BIN / "nbgrader"
    # (generate_assignment: the course workers use nbgrader's API; docs/docent.md runs the command)
    run([nbgrader, "autograde", FAULTY_FOR, "--student", "goed", "--force", "--SafeExecute.timeout=10"], root, home)
    run([nbgrader, "generate_feedback", FAULTY_FOR, "--student", "goed", "--force"], root, home)
    assert (root / "feedback" / "goed" / FAULTY_FOR / f"{FAULTY_FOR}.html").exists()

    out = root / "cijfers.csv"
    run([nbgrader, "export", "--to", out], root, home)
    rows = {(r["assignment"], r["student_id"]): r for r in csv.DictReader(out.open(encoding="utf-8"))}
    good = rows[(FAULTY_FOR, "goed")]
    assert float(good["raw_score"]) == course.report(FAULTY_FOR)["goed"]["max_score"]
    assert float(good["max_score"]) > float(good["raw_score"]), "max includes the manually graded question"
    assert float(rows[(FAULTY_FOR, "leeg")]["raw_score"]) == 0
