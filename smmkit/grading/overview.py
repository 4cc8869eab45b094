"""Class overview: per student per assignment submitted / graded / score. ``python -m smmkit.grading overview``.

Read from the gradebook (nbgrader's Gradebook API: SQLite or PostgreSQL) and from ``submitted/`` on
disk, because a submission that is collected but not yet autograded is not in the gradebook yet. One
status per cell:

- ``niet ingeleverd``: nothing in ``submitted/`` and nothing in the gradebook;
- ``ingeleverd``: in ``submitted/``, not yet autograded;
- ``nagekeken``: autograded, with the score; marked with ``*`` while a manual question is still open
  (the open question counts 0 until it is graded in the formgrader).
"""
from __future__ import annotations

import argparse
from dataclasses import dataclass
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

    @property
    def submitted(self) -> bool:
        return self.status != NOT_SUBMITTED

    @property
    def graded(self) -> bool:
        return self.status in (GRADED, MANUAL_OPEN)

    def short(self) -> str:
        if self.graded:
            star = "*" if self.status == MANUAL_OPEN else ""
            return f"{number(self.score, 1)}/{number(self.max_score, 0)}{star}"
        return msg(f"overview.short.{self.status}")


@dataclass
class Overview:
    students: list[str]
    assignments: list[str]
    cells: dict[tuple[str, str], Cell]

    def rows(self) -> list[dict]:
        """Long format, one dict per student and assignment, Dutch keys (for pandas or CSV)."""
        out = []
        for s in self.students:
            for a in self.assignments:
                c = self.cells[(s, a)]
                out.append({msg("overview.col.student"): s, msg("overview.col.assignment"): a,
                            msg("overview.col.submitted"): c.submitted, msg("overview.col.graded"): c.graded,
                            msg("overview.col.manual_open"): c.status == MANUAL_OPEN,
                            msg("overview.col.score"): c.score, msg("overview.col.max"): c.max_score})
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
        return "\n".join([msg("overview.title", n=len(self.students)), "",
                          text_table(headers, rows), "", *counts, "", msg("overview.legend")])


def overview(root=".", db_url: str | None = None, assignments: list[str] | None = None) -> Overview:
    """The class overview of the course in ``root``."""
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
    return Overview(sorted(students), list(wanted), cells)


def add_parser(sub) -> None:
    """Register ``overview`` on the ``python -m smmkit.grading`` command line."""
    parser = sub.add_parser("overview", help=msg("overview.help"), description=msg("overview.help"))
    parser.add_argument("assignment", nargs="*", help=msg("overview.help_assignment"))
    parser.add_argument("--root", default=".", help=msg("insight.help_root"))
    parser.add_argument("--db-url", default=None, help=msg("insight.help_db_url"))
    parser.add_argument("--csv", default=None, help=msg("insight.help_csv"))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        result = overview(args.root, args.db_url, args.assignment or None)
    except SmmkitError as error:
        print(error)
        return 1
    print(result.table())
    if args.csv:
        from smmkit.grading.items import write_csv

        write_csv(result.rows(), Path(args.csv))
        print(msg("insight.csv_written", path=args.csv))
    return 0
