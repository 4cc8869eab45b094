"""``nbgrader export`` with a CSV that a spreadsheet opens safely: the kit's plugin for nbgrader's ExportApp.

Stock ``nbgrader export`` (``nbgrader.plugins.CsvExportPlugin``) glues the values together with
commas: nothing is quoted, so a name with a comma (``Jansen, Piet``) shifts every later column, and a
name or id like ``=HYPERLINK("http://…", "klik")`` becomes a live formula when the teacher opens the
file in Excel or LibreOffice. It also writes in the locale's encoding (a name with ``é`` fails under
a C locale). :class:`SafeCsvExportPlugin` writes the same file, with nbgrader's columns, rows and
values, through :mod:`csv` (quoted where needed, UTF-8), and puts a ``'`` in front of every text that
starts like a formula (:func:`smmkit.csvsafe.spreadsheet_text`, as the kit's other CSV writers do).

The kit's ``nbgrader_config.py`` selects it (``c.ExportApp.plugin_class``), so the ordinary
command uses it::

    nbgrader export --to cijfers.csv

Unlike the LMS files of ``python -m smmkit.grading export``, no column of this file is matched on by
an LMS, so every text column is protected, the ids too (``smmkit.csvsafe.from_spreadsheet_text``
reads such an id back). Numbers and timestamps are nbgrader's own and never start like a formula.

One column is added after nbgrader's: ``te_laat``, how late in Dutch (after the due date, or
``Canvas: te laat`` from the LMS's own ``LATE_`` that zip_collect kept; empty when on time).
"""
from __future__ import annotations

import csv

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.plugins import CsvExportPlugin

from smmkit.csvsafe import spreadsheet_text

# nbgrader's columns, in nbgrader's order (nbgrader/plugins/export.py)
COLUMNS = ["assignment", "duedate", "timestamp", "student_id", "last_name", "first_name", "email",
           "raw_score", "late_submission_penalty", "score", "max_score", "te_laat"]
TEXT_COLUMNS = {"assignment", "student_id", "last_name", "first_name", "email", "te_laat"}


def _cell(column: str, value) -> str:
    text = "" if value is None else value if isinstance(value, str) else str(value)
    return spreadsheet_text(text) if column in TEXT_COLUMNS else text


class SafeCsvExportPlugin(CsvExportPlugin):
    """nbgrader's CSV export, quoted and without formulas (see the module docstring)."""

    def rows(self, gradebook: Gradebook):
        """One dict per student per assignment, with nbgrader's values (as its CsvExportPlugin has them)."""
        from smmkit.grading.collect import read_record
        from smmkit.grading.late import Late

        students = [str(s) for s in self.student]
        assignments = [str(a) for a in self.assignment]
        coursedir = getattr(self.parent, "coursedir", None)
        for assignment in gradebook.assignments:
            if assignments and assignment.name not in assignments:
                continue
            record = read_record(coursedir.root, assignment.name) if coursedir is not None else {}
            for student in gradebook.students:
                if students and student.id not in students:
                    continue
                row = {"assignment": assignment.name, "duedate": assignment.duedate, "student_id": student.id,
                       "last_name": student.last_name, "first_name": student.first_name,
                       "email": student.email, "max_score": assignment.max_score}
                try:
                    submission = gradebook.find_submission(assignment.name, student.id)
                except MissingEntry:  # nothing handed in: nbgrader counts it as 0
                    row.update(timestamp="", raw_score=0.0, late_submission_penalty=0.0, score=0.0, te_laat="")
                else:
                    penalty = submission.late_submission_penalty
                    lms = record.get(student.id, {})
                    late = Late(submission.total_seconds_late if assignment.duedate else None,
                                lms.get("lms") if lms.get("late") else None, float(penalty or 0))
                    row.update(timestamp=submission.timestamp, raw_score=submission.score,
                               late_submission_penalty=penalty, score=max(0.0, submission.score - penalty),
                               te_laat=late.text())
                yield row

    def export(self, gradebook: Gradebook) -> None:
        dest = self.to or "grades.csv"
        self.log.info("Exporting grades to %s", dest)
        if self.assignment:
            self.log.info("Exporting only assignments: %s", list(self.assignment))
        if self.student:
            self.log.info("Exporting only students: %s", list(self.student))
        with open(dest, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(COLUMNS)
            for row in self.rows(gradebook):
                writer.writerow([_cell(c, row[c]) for c in COLUMNS])
