"""Grades from the nbgrader gradebook into an LMS import file: ``python -m smmkit.grading export``.

    python -m smmkit.grading export h01-introductie --lms brightspace --roster studenten.csv
    python -m smmkit.grading export --all --lms canvas --roster canvas-cijfers.csv --scale points

``nbgrader export`` writes a long CSV of points (one row per student per assignment) that no LMS
imports as it is. This module writes the file the LMS documents for its grade import, one row per
student of the roster and one column per assignment:

- Brightspace (Grades > Import): ``OrgDefinedId`` and/or ``Username`` (the first two columns,
  with the ``#`` prefix Brightspace's own export uses), ``<item> Points Grade`` per grade item, and
  ``End-of-Line Indicator`` with ``#`` on every row.
- Canvas (Gradebook > Import): ``Student``, ``ID``, ``SIS User ID``, ``SIS Login ID``, ``Section``,
  then ``<assignment> (<id>)`` per assignment, and the ``Points Possible`` row Canvas's own export has.
  Without a Canvas assignment id Canvas creates a new assignment with that name.
- Moodle (Grades > Import > CSV file): the roster's identifier column (username, ID number or email
  address, as the teacher maps it under "Identify user by") and one grade column per assignment.

The value is the Dutch grade 1–10 rounded half up to one decimal, or the points (``--scale points``),
after nbgrader's late penalty (``late_submission_penalty``, as ``nbgrader export``'s ``score``).
The grade follows a cut-off (``--cesuur``, default 0.55): the share of the points that earns a 5.5.
Below it the grade runs linearly from 1 (nothing) to 5.5, above it from 5.5 to 10 (everything), the
two-part line Dutch hbo exams use; ``--cesuur 0.5`` gives the plain ``1 + 9 × score / max``. Students are mapped from their nbgrader id to the roster the LMS exported (the
column with the most matches, or ``--id-column``); values are compared without case and without the
``#`` prefix, and an email address also matches by the part before the ``@``. Nobody is dropped
silently: gradebook students not in the roster, roster students without a submission and
submissions that still wait for manual grading are reported in Dutch. A student without a grade is
**left out** of a Moodle or Canvas file: both read an empty cell as "no grade" and clear a grade that
is already there (Moodle's ``gradeimport_csv_load_data::update_grade_item`` sets ``''`` and ``-`` to
null; Canvas's importer counts a blank against an existing score as a change to blank). When several
assignments go in one file and a student has a grade for one but not another, one file per
assignment is written instead. Brightspace keeps the row with an empty cell (its import has an
explicit "clear" only for the whole item; see docs/docent.md). Late work (:mod:`smmkit.grading.late`)
is named in the report, not written into the file: an extra column would be a new grade item.

The roster may be comma, semicolon or tab separated, UTF-8 (with or without BOM) or Windows-1252,
as Dutch Excel saves it; ``--excel-nl`` writes semicolons and decimal commas for Dutch Excel and
Moodle.

Formula injection (a name like ``=HYPERLINK(…)`` that runs when someone opens the file in a
spreadsheet): the text columns the LMS does *not* match on (Canvas ``Student`` and ``Section``) get a
``'`` in front when they start like a formula (smmkit.csvsafe), in every file, since a teacher may
well open it in Excel first. The columns the LMS matches on (the ids, ``Username``, the email
address) are written exactly as the LMS exported them: with a ``'`` the LMS would no longer find the
student. Brightspace's ids start with ``#`` anyway; any other id that starts like a formula is named
in a warning. Grades are numbers formatted here, headers are the LMS's and the teacher's names. Scores are read with nbgrader's Gradebook API, so any ``db_url`` nbgrader supports works
(sqlite, PostgreSQL).
"""
from __future__ import annotations

import argparse
from pathlib import Path

from traitlets import Bool, Enum, Float
from traitlets.config import Configurable

from smmkit.grading.feedbackzip import feedback_zip
from smmkit.grading.grades import (DEFAULT_CESUUR, SCALES, Result, Scores, check_cesuur, course_settings, dutch_grade,
                                   format_max, format_value, read_scores)
from smmkit.grading.lms_file import Plan, plan_export, report_lines, table, write_file
from smmkit.grading.lms_roster import (LMS_NAMES, ExportError, Roster, choose_id_column, decode, match_rows,
                                       read_roster, sniff_delimiter)
from smmkit.messages import msg

__all__ = ["DEFAULT_CESUUR", "SCALES", "LMS_NAMES", "ExportError", "Plan", "Result", "Roster", "Scores",
           "GradeExport", "check_cesuur", "choose_id_column", "course_settings", "decode", "dutch_grade", "export", "feedback_zip",
           "format_max", "format_value", "match_rows", "plan_export", "read_roster", "read_scores", "report_lines",
           "sniff_delimiter", "table", "write_file"]


class GradeExport(Configurable):
    """Settings of ``python -m smmkit.grading export`` that may live in nbgrader_config.py
    (``c.GradeExport.cesuur = 0.6``); a flag on the command line wins."""

    scale = Enum(list(SCALES), default_value="grade", help="grade: the Dutch grade 1-10; points: the points.").tag(
        config=True)
    cesuur = Float(DEFAULT_CESUUR, help="Share of the points that earns a 5.5 (between 0 and 1).").tag(config=True)
    excel_nl = Bool(False, help="Semicolons and decimal commas, for Dutch Excel and Moodle.").tag(config=True)
    auto_only = Bool(False, help="Only the autograded points (no manual grading).").tag(config=True)


def settings(root=".", **given) -> tuple[object, GradeExport]:
    """(nbgrader's CourseDirectory, GradeExport) from the course's config, read once; ``given`` values that
    are not None win over ``c.GradeExport``."""
    from nbgrader.coursedir import CourseDirectory

    from smmkit.grading.course import configured, load_config

    config = load_config(root)
    try:
        chosen = configured(GradeExport, config, **given)
    except SystemExit as exc:
        raise ExportError(str(exc)) from None
    return CourseDirectory(config=config), chosen


def late_lines(root, plan: Plan) -> list[str]:
    """Who handed in late, per assignment (due date in the gradebook, or the LMS's own LATE)."""
    from smmkit.grading.late import lateness

    lines = []
    for name in plan.assignments:
        try:
            late = lateness(root, name)
        except Exception:  # no gradebook config etc.: the grades are what matters here
            continue
        found = [f"{s} ({v.text()})" for s, v in sorted(late.items()) if v.late]
        if found:
            lines.append(msg("export.late", count=len(found), assignment=name, students="; ".join(found)))
    return lines


def export(root=".", assignments=None, lms: str = "brightspace", roster_path=None, scale: str | None = None,
           to=None, id_column=None, items=None, excel_nl: bool | None = None, auto_only: bool | None = None,
           db_url: str | None = None, course_id: str | None = None, out=print,
           cesuur: float | None = None) -> Path:
    """Write the import file for ``lms``; returns its path (the first, when one file per assignment
    had to be written). Reports through ``out`` (Dutch). ``scale``, ``excel_nl``, ``auto_only`` and
    ``cesuur`` left at None come from ``c.GradeExport`` in nbgrader_config.py (else their defaults)."""
    if cesuur is not None:
        check_cesuur(cesuur)
    coursedir, chosen = settings(root, scale=scale, excel_nl=excel_nl, auto_only=auto_only, cesuur=cesuur)
    scale, excel_nl, auto_only, cesuur = chosen.scale, chosen.excel_nl, chosen.auto_only, check_cesuur(chosen.cesuur)
    scores = read_scores(db_url or coursedir.db_url, course_id or coursedir.course_id, assignments, auto_only)
    roster = read_roster(roster_path)
    plan = plan_export(roster, scores, lms, scale, id_column, items, cesuur)
    if plan.partial() and len(scores.assignments) > 1:
        # One file per assignment: a blank next to a grade would clear that assignment's grade.
        out(msg("export.split", lms=lms.capitalize()))
        paths = []
        for k, name in enumerate(scores.assignments):
            one = Scores([name], {name: scores.results[name]}, {name: scores.max_scores[name]}, scores.students)
            item = [plan.items[k]]
            target = None
            if to is not None:
                target = Path(to).with_name(f"{Path(to).stem}-{name}{Path(to).suffix or '.csv'}")
            paths.append(_write(root, one, roster, lms, scale, id_column, item, excel_nl, target, out, cesuur))
        return paths[0]
    return _write(root, scores, roster, lms, scale, id_column, items, excel_nl, to, out, cesuur, plan)


def _write(root, scores: Scores, roster: Roster, lms: str, scale: str, id_column, items, excel_nl: bool, to,
           out, cesuur: float, plan: Plan | None = None) -> Path:
    plan = plan or plan_export(roster, scores, lms, scale, id_column, items, cesuur)
    header, rows, hints = table(plan, roster, decimal_comma=excel_nl)
    if to is None:
        label = scores.assignments[0] if len(scores.assignments) == 1 else "alle"
        to = Path(root) / f"cijfers-{label}-{lms}.csv"
    path = write_file(to, header, rows, excel_nl)
    graded = sum(1 for _row, per in plan.rows if any(r is not None and not r.needs_manual for r in per.values()))
    for line in report_lines(plan) + late_lines(root, plan) + hints:
        out(line)
    out(msg("export.written", path=path, lms=lms, what=msg(f"export.what.{scale}"), count=graded))
    return path



# --- command line ----------------------------------------------------------------------------------

def add_parser(sub) -> argparse.ArgumentParser:
    """Add ``export`` to the subcommands of ``python -m smmkit.grading``."""
    parser = sub.add_parser("export", help=msg("export.help"), description=msg("export.help"))
    parser.add_argument("assignment", nargs="?", help=msg("export.help.assignment"))
    parser.add_argument("--all", action="store_true", help=msg("export.help.all"))
    parser.add_argument("--lms", required=True, choices=LMS_NAMES, help=msg("export.help.lms"))
    parser.add_argument("--roster", required=True, help=msg("export.help.roster"))
    parser.add_argument("--scale", choices=SCALES, default=None, help=msg("export.help.scale"))
    parser.add_argument("--cesuur", type=float, default=None, help=msg("export.help.cesuur"))
    parser.add_argument("--id-column", help=msg("export.help.id_column"))
    parser.add_argument("--item", action="append", help=msg("export.help.item"))
    parser.add_argument("--to", help=msg("export.help.to"))
    parser.add_argument("--excel-nl", action="store_true", default=None, help=msg("export.help.excel_nl"))
    parser.add_argument("--auto-only", action="store_true", default=None, help=msg("export.help.auto_only"))
    parser.add_argument("--db-url", help=msg("export.help.db_url"))
    parser.add_argument("--root", default=".", help=msg("export.help.root"))
    parser.set_defaults(func=main)
    zipper = sub.add_parser("feedback-zip", help=msg("feedbackzip.help"), description=msg("feedbackzip.help"))
    zipper.add_argument("assignment", help=msg("export.help.assignment"))
    zipper.add_argument("--lms", required=True, choices=LMS_NAMES, help=msg("export.help.lms"))
    zipper.add_argument("--to", help=msg("feedbackzip.help.to"))
    zipper.add_argument("--root", default=".", help=msg("export.help.root"))
    zipper.set_defaults(func=main_feedback_zip)
    return parser


def main_feedback_zip(args) -> int:
    import sys

    try:
        feedback_zip(args.root, args.assignment, args.lms, args.to)
    except ExportError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    return 0


def main(args) -> int:
    import sys

    if not args.all and not args.assignment:
        print(msg("export.no_assignment"), file=sys.stderr)
        return 2
    try:
        export(args.root, None if args.all else [args.assignment], args.lms, args.roster, args.scale, args.to,
               args.id_column, args.item, args.excel_nl, args.auto_only, args.db_url, cesuur=args.cesuur)
    except ExportError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    return 0
