"""Class overview: per student per assignment submitted / graded / score. ``python -m smmkit.grading overview``.

Read from the gradebook (nbgrader's Gradebook API: SQLite or PostgreSQL) and from ``submitted/`` on
disk, because a submission that is collected but not yet autograded is not in the gradebook yet. One
status per cell:

- ``niet ingeleverd``: nothing in ``submitted/`` and nothing in the gradebook;
- ``ingeleverd``: in ``submitted/``, not yet autograded;
- ``nagekeken``: autograded, with the score; marked with ``*`` while a manual question is still open
  (the open question counts 0 until it is graded in the formgrader).

A cell handed in after the due date (or marked late by the LMS) says how late ("te laat",
:mod:`smmkit.grading.late`). With ``--roster studenten.csv`` (the list the LMS exports, read and
matched as the LMS export does) every student on the roster gets a row, so the ones who handed in
nothing at all are listed too; roster students the kit cannot match are named.
"""
from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from pathlib import Path

from smmkit.errors import SmmkitError
from smmkit.grading.course import course_directory, number, open_gradebook, text_table
from smmkit.messages import msg

NOT_SUBMITTED, SUBMITTED, GRADED, MANUAL_OPEN = "niet_ingeleverd", "ingeleverd", "nagekeken", "handmatig_open"


@dataclass
class Cell:
    student: str
    assignment: str
    status: str
    score: float | None = None
    max_score: float | None = None
    late: str = ""  # how late, in Dutch ('' when on time or unknown)

    @property
    def submitted(self) -> bool:
        return self.status != NOT_SUBMITTED

    @property
    def graded(self) -> bool:
        return self.status in (GRADED, MANUAL_OPEN)

    def short(self) -> str:
        if self.graded:
            star = "*" if self.status == MANUAL_OPEN else ""
            text = f"{number(self.score, 1)}/{number(self.max_score, 0)}{star}"
        else:
            text = msg(f"overview.short.{self.status}")
        return text + (" " + msg("overview.short.late") if self.late else "")


@dataclass
class Overview:
    students: list[str]
    assignments: list[str]
    cells: dict[tuple[str, str], Cell]
    unmatched: list[str] = field(default_factory=list)  # roster rows that match no student id

    def rows(self) -> list[dict]:
        """Long format, one dict per student and assignment, Dutch keys (for pandas or CSV)."""
        out = []
        for s in self.students:
            for a in self.assignments:
                c = self.cells[(s, a)]
                out.append({msg("overview.col.student"): s, msg("overview.col.assignment"): a,
                            msg("overview.col.submitted"): c.submitted, msg("overview.col.graded"): c.graded,
                            msg("overview.col.manual_open"): c.status == MANUAL_OPEN,
                            msg("overview.col.score"): c.score, msg("overview.col.max"): c.max_score,
                            msg("overview.col.late"): c.late})
        return out

    def to_frame(self):
        """Students as rows, assignments as columns (the same cells as the terminal table)."""
        import pandas as pd

        return pd.DataFrame([[self.cells[(s, a)].short() for a in self.assignments] for s in self.students],
                            index=pd.Index(self.students, name=msg("overview.col.student")),
                            columns=self.assignments)

    def table(self) -> str:
        headers = [msg("overview.col.student"), *self.assignments]
        rows = [[s, *(self.cells[(s, a)].short() for a in self.assignments)] for s in self.students]
        counts = []
        for a in self.assignments:
            column = [self.cells[(s, a)] for s in self.students]
            counts.append(msg("overview.count", assignment=a, submitted=sum(c.submitted for c in column),
                              graded=sum(c.graded for c in column),
                              open=sum(c.status == MANUAL_OPEN for c in column), n=len(column)))
            nothing = [c.student for c in column if not c.submitted]
            if nothing:
                counts.append("  " + msg("overview.nothing", students=", ".join(nothing)))
            late = [f"{c.student} ({c.late})" for c in column if c.late]
            if late:
                counts.append("  " + msg("overview.late", students="; ".join(late)))
        if self.unmatched:
            counts.append(msg("overview.unmatched", rows=", ".join(self.unmatched)))
        return "\n".join([msg("overview.title", n=len(self.students)), "",
                          text_table(headers, rows), "", *counts, "", msg("overview.legend")])


def roster_students(path, students) -> tuple[list[str], list[str]]:
    """(student ids of the roster, labels of roster rows that match none): ids as the LMS export matches them.

    A roster row matched to a known student gives that student's id; any other row gives the value of
    the chosen id column (the student never handed anything in, so no id is known yet)."""
    from smmkit.grading.lms_roster import ExportError, choose_id_column, match_rows, read_roster

    try:
        roster = read_roster(path)
    except ExportError as error:
        raise SmmkitError(str(error)) from error
    try:  # the LMS does not matter: after its own candidates every column is tried
        column = choose_id_column(roster, "moodle", sorted(students)) if students else None
    except ExportError:
        column = None
    if column is None:
        for name in ("username", "gebruikersnaam", "orgdefinedid", "sisloginid", "idnumber", "studentnummer"):
            column = roster.column(name)
            if column:
                break
        column = column or roster.columns[0]
    matched = match_rows(roster, column, sorted(students))
    row_of = {i: s for s, rows in matched.items() for i in rows}
    ids, unmatched = [], []
    for i, row in enumerate(roster.rows):
        if i in row_of:
            ids.append(row_of[i])
            continue
        value = row.get(column, "").strip().lstrip("#").strip()
        if value:
            ids.append(value.split("@", 1)[0] if "@" in value else value)
        else:
            unmatched.append(str(i + 2))
    return ids, unmatched


def overview(root=".", db_url: str | None = None, assignments: list[str] | None = None,
             roster: str | None = None) -> Overview:
    """The class overview of the course in ``root`` (every roster student too, with ``roster``)."""
    coursedir = course_directory(root, db_url)
    gb = open_gradebook(coursedir)
    cells: dict[tuple[str, str], Cell] = {}
    try:
        known = [a.name for a in gb.assignments]
        students = {s.id for s in gb.students}
        submitted_root = Path(coursedir.root) / coursedir.submitted_directory
        on_disk = set()
        if submitted_root.is_dir():
            for student_dir in submitted_root.iterdir():
                if student_dir.is_dir():
                    for folder in student_dir.iterdir():
                        if folder.is_dir():
                            on_disk.add((student_dir.name, folder.name))
        wanted = assignments or sorted(set(known) | {a for _, a in on_disk})
        unknown = [a for a in wanted if a not in known and not any(x == a for _, x in on_disk)]
        if unknown:
            raise SmmkitError(msg("insight.unknown_assignment", assignment=", ".join(unknown),
                                  known=", ".join(known) or "–"))
        students |= {s for s, a in on_disk if a in wanted}
        unmatched: list[str] = []
        if roster:
            from_roster, unmatched = roster_students(roster, students)
            students |= set(from_roster)
        for a in wanted:
            graded = {}
            if a in known:
                for sub in gb.assignment_submissions(a):
                    graded[sub.student.id] = sub
            for s in students:
                sub = graded.get(s)
                if sub is not None:
                    status = MANUAL_OPEN if sub.needs_manual_grade else GRADED
                    cells[(s, a)] = Cell(s, a, status, float(sub.score), float(sub.max_score))
                elif (s, a) in on_disk:
                    cells[(s, a)] = Cell(s, a, SUBMITTED)
                else:
                    cells[(s, a)] = Cell(s, a, NOT_SUBMITTED)
    finally:
        gb.close()
    _mark_late(root, db_url, wanted, cells)
    return Overview(sorted(students), list(wanted), cells, unmatched)


def _mark_late(root, db_url, assignments, cells) -> None:
    from smmkit.grading.late import lateness

    for a in assignments:
        try:
            late = lateness(root, a, db_url=db_url)
        except Exception:  # the overview never fails on the extra
            continue
        for student, info in late.items():
            cell = cells.get((student, a))
            if cell is not None and cell.submitted and info.late:
                cell.late = info.text()


def add_parser(sub) -> None:
    """Register ``overview`` on the ``python -m smmkit.grading`` command line."""
    parser = sub.add_parser("overview", help=msg("overview.help"), description=msg("overview.help"))
    parser.add_argument("assignment", nargs="*", help=msg("overview.help_assignment"))
    parser.add_argument("--root", default=".", help=msg("insight.help_root"))
    parser.add_argument("--db-url", default=None, help=msg("insight.help_db_url"))
    parser.add_argument("--csv", default=None, help=msg("insight.help_csv"))
    parser.add_argument("--roster", default=None, help=msg("overview.help_roster"))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        result = overview(args.root, args.db_url, args.assignment or None, args.roster)
    except SmmkitError as error:
        print(error)
        return 1
    print(result.table())
    if args.csv:
        from smmkit.grading.items import write_csv

        write_csv(result.rows(), Path(args.csv))
        print(msg("insight.csv_written", path=args.csv))
    return 0
