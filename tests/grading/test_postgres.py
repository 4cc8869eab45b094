"""The gradebook in a real PostgreSQL server: nbgrader's ``db_url`` with the kit's grader and export.

conftest.py starts Debian's PostgreSQL (postgres.py) and builds ``pg_class`` (class_worker.py): the
course's nbgrader_config.py points at the server as docs/docent.md tells a teacher to, the release is
generated, the class of five (scored_class.py) is graded with the kit's parallel grader (``python -m
smmkit.grading autograde --workers 2``: sandboxed workers, one gradebook writer) and the open
question by hand. The scores are read back from PostgreSQL with nbgrader's API, compared cell by
cell with stock nbgrader's SQLite gradebook of the same class, and exported with ``python -m
smmkit.grading export``.
"""
from __future__ import annotations

import csv

import pytest

from . import honest
from .conftest import BIN, run

pytestmark = pytest.mark.slow
ASSIGNMENT = "h01-introductie"


def test_kit_grader_and_export_with_a_postgresql_gradebook(postgres_url, pg_class, stock_class):
    root = pg_class
    assert not (root / "gradebook.db").exists(), "graded into SQLite instead of PostgreSQL"
    assert f"db_url = {postgres_url!r}" in (root / "nbgrader_config.py").read_text(encoding="utf-8")

    scores = honest.gradebook_scores(postgres_url, ASSIGNMENT, auto_only=True)
    top = honest.max_code_score(postgres_url, ASSIGNMENT)
    totals = {student: sum(cells.values()) for student, cells in scores.items()}
    assert set(totals) == {"s1", "s2", "s3", "s4", "s5"}, totals
    assert top > 0 and totals["s1"] == top, totals
    assert totals["s5"] == 0
    assert 0 < totals["s2"] < top
    assert scores == honest.gradebook_scores(f"sqlite:///{stock_class / 'gradebook.db'}", ASSIGNMENT,
                                             auto_only=True), "PostgreSQL via the kit = SQLite via stock nbgrader"

    roster = root / "brightspace.csv"
    roster.write_text("OrgDefinedId,Username,End-of-Line Indicator\n#1,#s1,#\n#2,#s2,#\n#5,#s5,#\n"
                      "#9,#afwezig,#\n", encoding="utf-8")
    out = root / "import.csv"
    exported = run([BIN / "python", "-m", "smmkit.grading", "export", ASSIGNMENT, "--lms", "brightspace",
                    "--roster", roster, "--scale", "points", "--auto-only", "--to", out, "--root", root], root,
                   root)
    rows = {r["Username"]: r for r in csv.DictReader(out.open(encoding="utf-8"))}
    column = f"{ASSIGNMENT} Points Grade"
    assert float(rows["#s1"][column]) == top and float(rows["#s5"][column]) == 0
    assert float(rows["#s2"][column]) == totals["s2"] and rows["#afwezig"][column] == ""
    assert "afwezig" in exported.stdout
