"""Real ``nbgrader export`` with the kit's nbgrader_config.py on a real gradebook with hostile names.

Stock nbgrader writes its CSV without quoting (a comma in a name shifts the columns) and lets a name
like ``=HYPERLINK(...)`` through as a formula; the kit's plugin (smmkit/grading/nbexport.py) quotes,
writes UTF-8 and puts a ``'`` in front of text that starts like a formula.
"""
from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest

from smmkit.csvsafe import from_spreadsheet_text, starts_formula

from .conftest import BIN, env

ROOT = Path(__file__).resolve().parents[2]
A = "h01-introductie"
COLUMNS = ["assignment", "duedate", "timestamp", "student_id", "last_name", "first_name", "email",
           "raw_score", "late_submission_penalty", "score", "max_score", "te_laat"]
NBGRADER_COLUMNS = COLUMNS[:-1]  # stock nbgrader's; the kit adds te_laat (smmkit.grading.late)
FORMULA = '=HYPERLINK("http://example.org/x","klik")'
# student id -> (first name, last name, email, auto points of q1 (max 4))
STUDENTS = {
    "ajansen": ("Anna", "Jansen", "a.jansen@example.org", 4),
    "kwaad": (FORMULA, "Jansen, Piet", "+31@example.org", 2.5),
    "@som": ("Zoë", "-2+3", "=1+1", None),  # nothing handed in: a row with 0
    "-12": ("Bram", "-12", "b@example.org", 1),  # a text that is only a number stays as it is
}


@pytest.fixture(scope="module")
def klas(tmp_path_factory) -> Path:
    from nbgrader.api import Gradebook

    root = tmp_path_factory.mktemp("export")
    shutil.copy(ROOT / "nbgrader_config.py", root)
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}", course_id="smmkit") as gb:
        gb.add_assignment(A)
        gb.add_notebook(A, A)
        gb.add_grade_cell("q1", A, A, max_score=4, cell_type="code")
        for student, (first, last, email, points) in STUDENTS.items():
            gb.add_student(student, first_name=first, last_name=last, email=email)
            if points is not None:
                gb.add_submission(A, student)
                grade = gb.find_grade("q1", A, A, student)
                grade.auto_score, grade.needs_manual_grade = points, False
        gb.db.commit()
    return root


def export(root: Path, tmp_path: Path, *args) -> tuple[str, list[list[str]]]:
    out = tmp_path / "cijfers.csv"
    result = subprocess.run([str(BIN / "nbgrader"), "export", "--to", str(out), *args], cwd=root, env=env(tmp_path),
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    text = out.read_text(encoding="utf-8")
    return text, list(csv.reader(text.splitlines()))


def test_nbgrader_export_quotes_and_neutralises_formulas(klas, tmp_path):
    text, rows = export(klas, tmp_path)
    assert rows[0] == COLUMNS, "nbgrader's columns, in nbgrader's order, then te_laat"
    assert all(len(row) == len(COLUMNS) for row in rows), [row for row in rows if len(row) != len(COLUMNS)]
    by_id = {from_spreadsheet_text(r[3]): dict(zip(COLUMNS, r)) for r in rows[1:]}
    assert set(by_id) == set(STUDENTS)
    bad = by_id["kwaad"]
    assert bad["first_name"] == "'" + FORMULA and bad["last_name"] == "Jansen, Piet", bad
    assert bad["email"] == "'+31@example.org" and float(bad["raw_score"]) == 2.5, bad
    empty = by_id["@som"]
    assert empty["student_id"] == "'@som" and empty["last_name"] == "'-2+3" and empty["email"] == "'=1+1", empty
    assert empty["first_name"] == "Zoë" and float(empty["score"]) == 0 and empty["timestamp"] == "", empty
    assert by_id["-12"]["student_id"] == "-12" and by_id["-12"]["last_name"] == "-12", "a plain number is no formula"
    assert float(by_id["ajansen"]["raw_score"]) == 4 and float(by_id["ajansen"]["max_score"]) == 4
    assert not [cell for row in rows for cell in row if starts_formula(cell)]
    assert '"Jansen, Piet"' in text, "quoted, not split at the comma"


def test_nbgrader_export_keeps_its_student_and_assignment_filters(klas, tmp_path):
    _text, rows = export(klas, tmp_path, "--student", "kwaad", "--assignment", A)
    assert [r[3] for r in rows[1:]] == ["kwaad"]


def test_stock_plugin_breaks_on_the_same_gradebook(klas, tmp_path):
    """Why the kit sets its own plugin: stock nbgrader's CSV splits the name and keeps the formula."""
    _text, rows = export(klas, tmp_path, "--exporter", "nbgrader.plugins.CsvExportPlugin")
    assert any(len(row) != len(NBGRADER_COLUMNS) for row in rows[1:]), "stock nbgrader quotes now: is the plugin still needed?"
    assert any(starts_formula(cell) for row in rows for cell in row), "stock keeps =1+1 as a formula"
