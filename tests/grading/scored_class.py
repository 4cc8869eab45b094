"""The class of five with known answers (h01), shared by the stock/kit comparison, PostgreSQL and item analysis.

Made with tools/make_class.py from the release and the source. The score table (worked out by hand,
see tests/grading/test_insight.py):

    student  Q1 Q2 Q3 Q4 Q5 Q6 Q7  Q8 | total      Q8 = advies (open question, graded by hand)
    s1        1  2  2  2  2  2  2  3   | 16
    s2        1  0  2  0  2  2  2  2   | 11
    s3        0  2  2  2  2  2  2  1.5 | 13.5
    s4        1  0  2  2  2  2  2  1   | 12
    s5        0  0  0  0  0  0  0  0   | 0          (s5 hands in the untouched release)

``write_submissions`` puts s1–s5 in ``submitted/``; ``grade_by_hand`` does what a teacher does after
autograding (the open question in the formgrader, a student on the roster who handed in nothing, a
late submission). The same five are graded by stock ``nbgrader autograde``, by the kit's runner
(SQLite, in the faulty-library course) and by the kit's runner into PostgreSQL: one set of
submissions, three gradebooks that must agree.
"""
from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"  # the frozen h01 (fixtures/README.md)
A = "h01-introductie"

_spec = importlib.util.spec_from_file_location("make_class", ROOT / "tools" / "make_class.py")
make_class = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_class)

SUM = 'gemiddeld_percentage = bewoners["percentage"].sum()'
PLAN = {
    "s1": {},
    "s2": {"h01_gemiddeld_percentage_antwoord": SUM,
           "h01_aantal_boven_30_antwoord": 'aantal_boven_30 = int((bewoners["percentage"] > 40).sum())'},
    "s3": {"h01_populairste_kanaal_antwoord": 'populairste_kanaal = "Twitter"'},
    # the same mistake as s2, written differently: normalising must group the two
    "s4": {"h01_gemiddeld_percentage_antwoord": "# de som\n" + SUM.replace(" = ", "  =  ") + "   \n\n"},
    "s5": "empty",
}
STUDENTS = sorted(PLAN)
MANUAL = {"s1": 3.0, "s2": 2.0, "s3": 1.5, "s4": 1.0}  # s5's untouched answer gets 0 from nbgrader itself


def write_submissions(root: Path) -> None:
    """``submitted/<s>/h01-introductie/h01-introductie.ipynb`` for s1–s5 (the release must exist)."""
    release, source = make_class.load_pair(root, A)
    answer_ids = [c["metadata"]["nbgrader"]["grade_id"] for c in release["cells"]
                  if c["metadata"].get("nbgrader", {}).get("solution")]
    for student, answers in PLAN.items():
        if answers == "empty":
            answers = {g: make_class.UNTOUCHED for g in answer_ids}
        folder = root / "submitted" / student / A
        folder.mkdir(parents=True)
        (folder / f"{A}.ipynb").write_text(make_class.dump(make_class.submission(release, source, answers, student)))


def grade_by_hand(root: Path, db_url: str) -> None:
    """After autograding: the open question graded (as the formgrader does), s7 on the roster with
    nothing handed in, and s6 handing in after grading (submitted, not graded)."""
    from nbgrader.api import Gradebook

    with Gradebook(db_url) as gb:
        for student, score in MANUAL.items():
            grade = gb.find_grade("h01_advies", A, A, student)
            grade.manual_score = score
            grade.needs_manual_grade = False  # as the formgrader does when a score is saved
        gb.add_student("s7")
        gb.db.commit()
    later = root / "submitted" / "s6" / A
    later.mkdir(parents=True)
    shutil.copy(root / "submitted" / "s1" / A / f"{A}.ipynb", later)
