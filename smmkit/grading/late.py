"""Late work: nbgrader's due date against the submission time, and the LMS's own "late".

nbgrader keeps one due date per assignment (``nbgrader db assignment add h01-introductie
--duedate="2026-12-01 23:59 Europe/Amsterdam"``; nbgrader stores it in UTC) and one time per
submission (``timestamp.txt``: written by ``nbgrader submit``/``collect``, or by ``zip_collect`` from
the LMS's name). Autograde's ``AssignLatePenalties`` compares the two and asks the late-submission
plugin for a penalty (``c.LateSubmissionPlugin.penalty_method``: ``none`` by default, or ``zero``;
the kit adds :class:`smmkit.grading.latepenalty.PointsPerDayLate`). Canvas has no time in its download, only ``LATE_`` in
the name: :mod:`smmkit.grading.collect` keeps that in ``downloaded/<opdracht>/lms-inzendingen.json``.

:func:`lateness` gives the teacher both, per student; the batch report, ``overview`` and the LMS
export show it as "te laat".
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from smmkit.messages import msg
from smmkit.models._input import fmt


@dataclass
class Late:
    seconds: float | None = None  # how late after the due date (None: no due date or no time)
    lms: str | None = None  # the LMS said late (Canvas's LATE_)
    penalty: float = 0.0  # points nbgrader took off

    @property
    def late(self) -> bool:
        return bool(self.lms) or (self.seconds or 0) > 0

    def text(self) -> str:
        """Dutch, short: '' when on time, else how late (and who says so)."""
        if not self.late:
            return ""
        parts = []
        if (self.seconds or 0) > 0:
            minutes = int(math.ceil(self.seconds / 60))
            days, rest = divmod(minutes, 24 * 60)
            hours, minutes = divmod(rest, 60)
            parts.append(msg("late.days" if days else "late.hours", days=days, hours=hours, minutes=minutes))
        if self.lms:
            parts.append(msg("late.lms", lms=self.lms.capitalize()))
        if self.penalty:
            parts.append(msg("late.penalty", points=fmt(self.penalty)))
        return ", ".join(parts)


def _timestamp_file(path: Path) -> datetime | None:
    from nbgrader.utils import parse_utc

    try:
        return parse_utc(path.read_text(encoding="utf-8").strip())
    except (OSError, ValueError, OverflowError):
        return None


def lateness(root=".", assignment: str = "", students=None, db_url: str | None = None) -> dict[str, Late]:
    """Per student of ``assignment``: how late, from the gradebook, ``submitted/`` and the LMS record."""
    from nbgrader.api import MissingEntry

    from smmkit.grading.collect import read_record
    from smmkit.grading.course import course_directory, gradebook_missing

    coursedir = course_directory(root, db_url)
    course_root = Path(coursedir.root)
    record = read_record(course_root, assignment)
    wanted = set(students) if students is not None else None
    found: dict[str, Late] = {}
    due, times, penalties = None, {}, {}
    url = coursedir.db_url
    if gradebook_missing(url) is None:
        from nbgrader.api import Gradebook

        with Gradebook(url) as gradebook:
            try:
                entry = gradebook.find_assignment(assignment)
            except MissingEntry:
                entry = None
            if entry is not None:
                due = entry.duedate
                for sub in entry.submissions:
                    times[sub.student.id] = sub.timestamp
                    penalties[sub.student.id] = float(sub.late_submission_penalty or 0)
    submitted = course_root / coursedir.submitted_directory
    if submitted.is_dir():
        for folder in submitted.glob(f"*/{assignment}"):
            student = folder.parent.name
            if student not in times:
                times[student] = _timestamp_file(folder / "timestamp.txt")
    for student in set(times) | set(record) | (wanted or set()):
        if wanted is not None and student not in wanted:
            continue
        stamp = times.get(student)
        seconds = (stamp - due).total_seconds() if stamp is not None and due is not None else None
        lms = (record.get(student) or {}).get("lms") if (record.get(student) or {}).get("late") else None
        found[student] = Late(seconds, lms, penalties.get(student, 0.0))
    return found


def report_column(lines: list[str], root, assignment: str, students: list[str]) -> list[str]:
    """The batch report's table with a "te laat" column, when there is a due date or an LMS verdict.

    smmkit.grading.batch.report calls it for the final report only: opening the gradebook costs about a second
    (nbgrader checks its alembic version in a subprocess), too much after every student."""
    try:
        late = lateness(root, assignment, students)
    except Exception:  # the report must always be written; lateness is extra
        return lines
    if not any(v.seconds is not None or v.lms for v in late.values()):
        return lines
    header = msg("batch.report.header")
    if header not in lines:
        return lines
    start = lines.index(header)
    out = lines[:start] + [header + msg("late.column") + " |", lines[start + 1] + " --- |"]
    for offset, student in enumerate(students):
        row = lines[start + 2 + offset] if start + 2 + offset < len(lines) else None
        if row is None:
            break
        out.append(row + f" {(late.get(student) or Late()).text() or '–'} |")
    return out + lines[start + 2 + len(students):]

