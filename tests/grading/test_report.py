"""The grading report's JSON: English status codes, Dutch words for the teacher, older reports still read.

Reports written before the codes were English hold ``beoordeeld``, ``afgewezen``, ``mislukt`` and
``time-out``. A teacher who updates the kit in the middle of a course must not lose them: ``--resume``
still skips what such a report has as graded or rejected, and the next run rewrites the report with
the new codes, the Dutch words in the Markdown report unchanged. No kernel runs here (a submission
skipped by --resume never reaches the grader).
"""
from __future__ import annotations

import json
import shutil

from smmkit.grading import batch
from smmkit.messages import msg

from .conftest import ROOT

A = "h01-introductie"


def small_course(tmp_path, students):
    shutil.copy(ROOT / "nbgrader_config.py", tmp_path)
    for folder in ("solutions", "exercises"):
        shutil.copytree(ROOT / folder / A, tmp_path / folder / A)
    for student in students:
        (tmp_path / "submitted" / student / A).mkdir(parents=True)
        shutil.copy(ROOT / "exercises" / A / f"{A}.ipynb", tmp_path / "submitted" / student / A)
    return batch.Course(tmp_path)


def test_codes_are_english_and_every_code_has_dutch_words():
    assert batch.STATUSES == ("graded", "rejected", "failed", "timeout")
    assert set(batch.FINAL) == {"graded", "rejected"}
    words = {code: msg(f"batch.status.{code}") for code in batch.STATUSES}
    assert words == {"graded": "beoordeeld", "rejected": "afgewezen (niet uitgevoerd)",
                     "failed": "nbgrader gaf een fout", "timeout": "gestopt na de tijdslimiet"}


def test_an_old_report_with_dutch_codes_is_resumed_and_rewritten_in_english(tmp_path):
    students = ["s_beoordeeld", "s_afgewezen", "s_mislukt", "s_timeout"]
    course = small_course(tmp_path, students)
    folders = {s: tmp_path / "submitted" / s / A for s in students}
    old = [
        {"student": "s_beoordeeld", "status": "beoordeeld", "score": 4.0, "max_score": 13.0,
         "hash": batch.submission_hash(folders["s_beoordeeld"])},
        {"student": "s_afgewezen", "status": "afgewezen", "reason": "verdacht",
         "hash": batch.submission_hash(folders["s_afgewezen"])},
        {"student": "s_mislukt", "status": "mislukt", "hash": batch.submission_hash(folders["s_mislukt"])},
        {"student": "s_timeout", "status": "time-out", "hash": batch.submission_hash(folders["s_timeout"])},
        {"student": "vertrokken", "status": "beoordeeld", "score": 9.0, "max_score": 13.0},
    ]
    json_path, md_path = batch.report_paths(tmp_path, A)
    json_path.parent.mkdir(parents=True)
    json_path.write_text(json.dumps(old), encoding="utf-8")

    rows = batch.read_report(json_path)
    assert {s: r["status"] for s, r in rows.items()} == {
        "s_beoordeeld": "graded", "s_afgewezen": "rejected", "s_mislukt": "failed", "s_timeout": "timeout",
        "vertrokken": "graded"}
    jobs, decided, skipped = batch.plan(course, A, resume=True, previous=rows)
    assert sorted(skipped) == ["s_afgewezen", "s_beoordeeld"], "final rows of the old report are kept"
    assert sorted(j.student for j in jobs) == ["s_mislukt", "s_timeout"] and not decided

    batch.write_report(tmp_path, A, rows.values(), quiet=True)
    again = json.loads(json_path.read_text(encoding="utf-8"))
    assert [r["status"] for r in again] == ["rejected", "graded", "failed", "timeout", "graded"]
    assert again[1]["score"] == 4.0 and again[1]["hash"] == old[0]["hash"]
    markdown = md_path.read_text(encoding="utf-8")
    assert "| s_beoordeeld | beoordeeld | 4 / 13 |" in markdown
    assert "| s_afgewezen | afgewezen (niet uitgevoerd) | – | verdacht |" in markdown
    assert "| s_timeout | gestopt na de tijdslimiet | – |" in markdown
    assert "| vertrokken | beoordeeld | 9 / 13 |" in markdown


def test_a_stopped_kernel_marks_the_cell_in_english_code_and_dutch_words():
    from nbformat.v4 import new_code_cell

    from smmkit.grading.execute import KERNEL_STOPPED, _mark

    cell = _mark(new_code_cell("x = 1"), msg("batch.kernel_died"))
    (output,) = cell.outputs
    assert output.output_type == "error" and output.ename == KERNEL_STOPPED == "KernelStopped"
    assert output.traceback == [msg("batch.kernel_died")] and "de volgende cellen" in output.evalue
