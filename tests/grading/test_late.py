"""Late work, end to end with real nbgrader: a due date with a time zone, nbgrader's late-penalty plugin
(the kit's PointsPerDayLate), zip_collect's Brightspace time and Canvas's LATE_, and the "te laat" the
teacher sees in the batch report, ``overview`` (also with ``--roster``) and ``nbgrader export``.

A one-question course of its own keeps autograde fast: the test cell gives 3 points to anyone.
"""
from __future__ import annotations

import csv
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest

from .conftest import BIN, env

A = "laat"
CONFIG = """c = get_config()
c.CourseDirectory.course_id = "laat"
c.AssignLatePenalties.plugin_class = "smmkit.grading.latepenalty.PointsPerDayLate"
c.PointsPerDayLate.points_per_day = 1
c.ExportApp.plugin_class = "smmkit.grading.nbexport.SafeCsvExportPlugin"
"""
DUE = "2026-12-01 23:59:00 Europe/Amsterdam"  # 22:59 UTC (CET, UTC+1)
ROSTER = ("Student,ID,SIS User ID,SIS Login ID,Section\n"
          "    Points Possible,,,,\n"
          '"Op tijd, Olga",2001,s1,s1,A\n"Laat, Lars",2002,s2,s2,A\n"Canvas, Carla",2003,s3,s3,A\n'
          '"Niets, Nina",2004,s4,s4,A\n')


def _cell(kind: str, source: str, **meta) -> dict:
    cell = nbformat.v4.new_code_cell(source)
    cell.metadata["nbgrader"] = {"schema_version": 3, "locked": kind == "test", "solution": kind == "answer",
                                 "grade": kind == "test", "grade_id": meta["grade_id"], **meta}
    return cell


def _run(root: Path, *args: str) -> str:
    result = subprocess.run([str(BIN / "nbgrader"), *args], cwd=root, env=env(root.parent / "home"),
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("laat") / "cursus"
    (root / "source" / A).mkdir(parents=True)
    (root / "nbgrader_config.py").write_text(CONFIG)
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [_cell("answer", "### BEGIN SOLUTION\nantwoord = 1\n### END SOLUTION", grade_id="antwoord"),
                _cell("test", "assert True", grade_id="toets", points=3)]
    nbformat.write(nb, root / "source" / A / f"{A}.ipynb")
    _run(root, "db", "assignment", "add", A, f"--duedate={DUE}")
    _run(root, "generate_assignment", A, "--force")
    release = (root / "release" / A / f"{A}.ipynb").read_bytes()
    # s1 on time and s2 late through Brightspace-like times are not needed: zip_collect with Canvas
    # gives s3 its LATE_; s1 and s2 get nbgrader's timestamp.txt as `nbgrader collect` writes it
    for student, stamp in (("s1", "2026-12-01 22:00:00"), ("s2", "2026-12-03 10:00:00")):
        folder = root / "submitted" / student / A
        folder.mkdir(parents=True)
        (folder / f"{A}.ipynb").write_bytes(release)
        (folder / "timestamp.txt").write_text(stamp)
    archive = root / "downloaded" / A / "archive"
    archive.mkdir(parents=True)
    with zipfile.ZipFile(archive / "submissions.zip", "w") as zf:
        zf.writestr(f"canvascarla_LATE_2003_777_{A}.ipynb", release)
    (root / "canvas.csv").write_text(ROSTER)
    _run(root, "zip_collect", A, "--ZipCollectApp.collector_plugin=smmkit.grading.collect.LmsCollector",
         "--LmsCollector.lms=canvas", f"--LmsCollector.roster={root / 'canvas.csv'}")
    _run(root, "autograde", A)
    return root


def test_due_date_with_time_zone_and_the_late_penalty_plugin(course):
    from nbgrader.api import Gradebook

    from smmkit.grading.late import lateness

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        assert str(gb.find_assignment(A).duedate) == "2026-12-01 22:59:00", "stored in UTC"
        penalties = {s.student.id: (s.score, s.late_submission_penalty) for s in gb.assignment_submissions(A)}
    # s2: 1 d 11 h 1 min late = 2 started days = 2 points of 3; s1 on time; s3 has no time (Canvas)
    assert penalties == {"s1": (3, 0), "s2": (3, 2), "s3": (3, 0)}
    late = lateness(course, A)
    assert late["s1"].text() == "" and not late["s1"].late
    assert late["s2"].text() == "1 d 11 u, −2 pt"
    assert late["s3"].text() == "Canvas: te laat", "Canvas's LATE_ marker is kept"
    record = json.loads((course / "downloaded" / A / "lms-inzendingen.json").read_text())
    assert record["s3"]["late"] is True and record["s3"]["prefix"] == "canvascarla_LATE_2003_777_"


def test_te_laat_in_the_nbgrader_export(course, tmp_path):
    out = tmp_path / "cijfers.csv"
    _run(course, "export", "--to", str(out))
    rows = {r["student_id"]: r for r in csv.DictReader(out.open(encoding="utf-8"))}
    assert rows["s2"]["te_laat"] == "1 d 11 u, −2 pt" and rows["s2"]["late_submission_penalty"] == "2.0"
    assert rows["s3"]["te_laat"] == "Canvas: te laat" and rows["s1"]["te_laat"] == ""


def test_te_laat_and_the_roster_in_the_overview(course):
    result = subprocess.run([sys.executable, "-m", "smmkit.grading", "overview", "--roster", "canvas.csv"],
                            cwd=course, env=env(course.parent / "home"), capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "s2 (1 d 11 u, −2 pt)" in out and "s3 (Canvas: te laat)" in out
    assert "niets ingeleverd: s4" in out, "the roster's student who handed in nothing has a row"
    assert "Klasoverzicht (4 studenten)" in out


def test_te_laat_column_in_the_batch_report(course, tmp_path):
    from smmkit.grading import batch

    rows = [{"student": s, "status": "graded", "score": 3, "max_score": 3, "reason": "", "seconds": 1}
            for s in ("s1", "s2", "s3")]
    md = batch.write_report(course, A, rows, folder=tmp_path)  # the final report (not the quiet one per student)
    table = [line for line in md.read_text().splitlines() if line.startswith("|")]
    assert table[0].endswith("| te laat |") and table[1].endswith("| --- |")
    assert table[2].startswith("| s1 ") and table[2].endswith("| – |")
    assert table[3].endswith("| 1 d 11 u, −2 pt |") and table[4].endswith("| Canvas: te laat |")


def test_bulk_feedback_zip_carries_the_name_canvas_gave_the_submission(course, tmp_path):
    """generate_feedback, then the zip for Canvas's Re-upload: Canvas reads the user id and the attachment id
    as the first two all-digit parts of the name; s1 and s2 did not come through the LMS download."""
    from smmkit.grading.export import feedback_zip

    _run(course, "generate_feedback", A)
    lines = []
    path = feedback_zip(course, A, "canvas", tmp_path / "fb.zip", out=lines.append)
    with zipfile.ZipFile(path) as zf:
        assert zf.namelist() == [f"canvascarla_LATE_2003_777_{A}.html"]
        assert zf.read(zf.namelist()[0]) == (course / "feedback" / "s3" / A / f"{A}.html").read_bytes()
    digits = [part for part in zf.namelist()[0].split("_") if part.isdigit()][:2]
    assert digits == ["2003", "777"]
    report = "\n".join(lines)
    assert "s1, s2" in report and "Re-upload" in report


def test_lms_export_takes_the_penalty_off_and_names_late_work(course, tmp_path):
    """The Canvas import file: s2's 3 points minus 2 for two started days late = 1/3 -> 3.7 with the 0.55
    cut-off; s4 handed in nothing and is left out (a blank would clear a grade in Canvas)."""
    from smmkit.grading.export import export

    lines = []
    path = export(course, [A], "canvas", course / "canvas.csv", to=tmp_path / "c.csv", out=lines.append)
    rows = {r[2]: r[-1] for r in csv.reader(path.read_text(encoding="utf-8").splitlines()[2:])}
    assert rows == {"s1": "10.0", "s2": "3.7", "s3": "10.0"}
    report = "\n".join(lines)
    assert "Te laat ingeleverd voor laat (2): s2 (1 d 11 u, −2 pt); s3 (Canvas: te laat)" in report
    assert "s4" in report and "weggelaten" in report
