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
import csv
import io
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from smmkit.csvsafe import spreadsheet_text, starts_formula

from smmkit.messages import choices, msg

LMS_NAMES = ("brightspace", "canvas", "moodle")
DEFAULT_CESUUR = 0.55  # the share of the points that earns a 5.5 (docs/docent.md explains the choice)
BLANK_CLEARS = {"canvas", "moodle"}  # LMSs that clear an existing grade on an empty cell
SCALES = ("grade", "points")

# Roster columns that can hold the nbgrader student id, per LMS, in order of preference; compared
# after normalise_header (so "ID number", "ID-nummer" and "idnumber" all match).
ID_CANDIDATES = {
    "brightspace": ["username", "orgdefinedid", "gebruikersnaam", "email", "emailadres"],
    "canvas": ["sisloginid", "sisuserid", "id", "student"],
    "moodle": ["username", "gebruikersnaam", "idnumber", "idnummer", "emailaddress", "emailadres", "email"],
}
CANVAS_COLUMNS = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
CANVAS_TEXT = {"Student", "Section"}  # for people only: Canvas matches on the ids
CANVAS_POINTS_ROW = "Points Possible"
MOODLE_EMAIL = ["emailaddress", "emailadres", "email"]


class ExportError(Exception):
    """A problem the teacher can fix; the text is Dutch."""


def normalise_header(name: str) -> str:
    return re.sub(r"[\s_\-.]", "", name.replace("\ufeff", "")).casefold()


def id_keys(value: str) -> list[str]:
    """The keys a roster value matches an nbgrader id by: bare value and, for an email, its local part."""
    bare = value.strip().lstrip("#").strip().casefold()
    if not bare:
        return []
    return [bare, bare.split("@", 1)[0]] if "@" in bare else [bare]


# --- reading the roster ----------------------------------------------------------------------------

@dataclass
class Roster:
    path: Path
    columns: list[str]
    rows: list[dict[str, str]]
    delimiter: str = ","

    def column(self, *normalised: str) -> str | None:
        """The roster's own spelling of the first of these (normalised) column names that it has."""
        present = {normalise_header(c): c for c in self.columns}
        for name in normalised:
            if name in present:
                return present[name]
        return None


def decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:  # Dutch Excel's "CSV (gescheiden door lijstscheidingsteken)" is ANSI
        return raw.decode("cp1252")


def sniff_delimiter(header_line: str) -> str:
    """The delimiter that splits the header into the most fields (headers hold no decimal commas)."""
    return max([",", ";", "\t"], key=lambda d: len(next(csv.reader([header_line], delimiter=d), [])))


def read_roster(path) -> Roster:
    path = Path(path)
    if not path.is_file():
        raise ExportError(msg("export.roster_missing", path=path))
    text = decode(path.read_bytes())
    lines = text.splitlines()
    first = next((line for line in lines if line.strip()), "")
    delimiter = sniff_delimiter(first)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = next((row for row in reader if any(cell.strip() for cell in row)), [])
    columns = [c.strip() for c in header]
    rows = []
    for values in reader:
        if not any(v.strip() for v in values):
            continue
        row = {col: (values[i].strip() if i < len(values) else "") for i, col in enumerate(columns)}
        if any(v.strip() == CANVAS_POINTS_ROW for v in values[:1]):  # Canvas export's second row
            continue
        rows.append(row)
    if not columns or not rows:
        raise ExportError(msg("export.roster_empty", path=path))
    return Roster(path, columns, rows, delimiter)


# --- reading the gradebook ------------------------------------------------------------------------

@dataclass
class Result:
    student: str
    score: float
    max_score: float
    needs_manual: bool = False


@dataclass
class Scores:
    assignments: list[str]
    results: dict[str, dict[str, Result]]  # assignment -> student id -> result
    max_scores: dict[str, float]
    students: list[str]  # every student in the gradebook


def course_settings(root) -> tuple[str, str]:
    """(db_url, course_id) as nbgrader itself reads them from the course's nbgrader_config.py.

    The course root is ``root`` even when the config does not set ``CourseDirectory.root`` (nbgrader
    would take the current folder: the export of another course's gradebook, or none)."""
    from smmkit.grading.course import course_directory

    coursedir = course_directory(root)
    return coursedir.db_url, coursedir.course_id


def read_scores(db_url: str, course_id: str, assignments=None, auto_only: bool = False) -> Scores:
    from nbgrader.api import Gradebook

    from smmkit.grading.course import gradebook_missing

    missing = gradebook_missing(db_url)
    if missing is not None:
        raise ExportError(msg("export.no_gradebook", path=missing))  # never create one
    with Gradebook(db_url, course_id) as gradebook:
        known = [a.name for a in sorted(gradebook.assignments, key=lambda a: (a.duedate is None, a.duedate, a.name))]
        if not known:
            raise ExportError(msg("export.empty_gradebook"))
        wanted = list(assignments) if assignments else known
        for name in wanted:
            if name not in known:
                raise ExportError(msg("export.unknown_assignment", name=name, known=choices(known)))
        results, max_scores = {}, {}
        for name in wanted:
            assignment = gradebook.find_assignment(name)
            max_scores[name] = float(assignment.max_code_score if auto_only else assignment.max_score)
            results[name] = {}
            # nbgrader's late penalty (AssignLatePenalties) is kept apart from the score: take it off here,
            # as nbgrader's own export does (never below 0)
            penalties = {sub.student.id: float(sub.late_submission_penalty or 0) for sub in assignment.submissions}
            for row in gradebook.submission_dicts(name):
                score = row["code_score"] if auto_only else row["score"]
                score = max(0.0, float(score) - penalties.get(row["student"], 0.0))
                results[name][row["student"]] = Result(row["student"], score, max_scores[name],
                                                       bool(row["needs_manual_grade"]) and not auto_only)
        students = sorted(s.id for s in gradebook.students)
    return Scores(wanted, results, max_scores, students)


# --- values ----------------------------------------------------------------------------------------

def check_cesuur(cesuur: float) -> float:
    if not (isinstance(cesuur, (int, float)) and 0 < cesuur < 1):
        raise ExportError(msg("export.bad_cesuur", value=cesuur))
    return float(cesuur)


def dutch_grade(score: float, max_score: float, cesuur: float = DEFAULT_CESUUR) -> Decimal:
    """The grade 1–10 with a 5.5 at ``cesuur`` × max, linear on both sides, rounded half up to one decimal.

    ``cesuur=0.5`` is 1 + 9 × score / max. Rounding is half up (5.45 -> 5.5, never banker's rounding).
    """
    share = Decimal(repr(float(score))) / Decimal(repr(float(max_score)))
    cut = Decimal(repr(float(check_cesuur(cesuur))))
    if share <= cut:
        value = Decimal(1) + Decimal("4.5") * share / cut
    else:
        value = Decimal("5.5") + Decimal("4.5") * (share - cut) / (Decimal(1) - cut)
    return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def format_value(result: Result | None, scale: str, decimal_comma: bool, cesuur: float = DEFAULT_CESUUR) -> str:
    if result is None or result.needs_manual:
        return ""
    if scale == "grade":
        text = str(dutch_grade(result.score, result.max_score, cesuur))
    else:
        text = format(Decimal(repr(result.score)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP).normalize(), "f")
    return text.replace(".", ",") if decimal_comma else text


def format_max(max_score: float, scale: str, decimal_comma: bool) -> str:
    text = "10" if scale == "grade" else format(Decimal(repr(max_score)).normalize(), "f")
    return text.replace(".", ",") if decimal_comma else text


# --- matching --------------------------------------------------------------------------------------

def _matches(roster: Roster, column: str, students) -> dict[str, list[int]]:
    """nbgrader id -> indices of roster rows whose ``column`` matches it."""
    index: dict[str, list[int]] = {}
    for i, row in enumerate(roster.rows):
        for key in dict.fromkeys(id_keys(row.get(column, ""))):
            index.setdefault(key, []).append(i)
    found = {}
    for student in students:
        rows = index.get(student.strip().casefold())
        if rows:
            found[student] = rows
    return found


def choose_id_column(roster: Roster, lms: str, students, wanted: str | None = None) -> str:
    if wanted:
        column = roster.column(normalise_header(wanted))
        if column is None:
            raise ExportError(msg("export.unknown_column", column=wanted, known=choices(roster.columns)))
        tried = [column]
    else:
        tried = [c for c in (roster.column(name) for name in ID_CANDIDATES[lms]) if c]
        tried = list(dict.fromkeys(tried + [c for c in roster.columns if c not in tried]))  # then any column
    best, best_count = None, 0
    for column in tried:
        count = len(_matches(roster, column, students))
        if count > best_count:
            best, best_count = column, count
    if best is None:
        sample = choices(list(students)[:3]) if students else "-"
        raise ExportError(msg("export.no_id_column", sample=sample, tried=choices(tried[:6]),
                              known=choices(roster.columns)))
    return best


@dataclass
class Plan:
    """Which roster row gets which result, and what to report."""
    lms: str
    scale: str
    id_column: str
    items: list[str]
    assignments: list[str]
    max_scores: dict[str, float]
    rows: list[tuple[dict[str, str], dict[str, Result | None]]]
    not_in_roster: list[str] = field(default_factory=list)
    no_submission: dict[str, list[str]] = field(default_factory=dict)
    needs_manual: dict[str, list[str]] = field(default_factory=dict)
    cesuur: float = DEFAULT_CESUUR
    left_out: list[str] = field(default_factory=list)  # rows without any grade, not written (Moodle/Canvas)

    def written_rows(self):
        """The rows that go into the file: in Moodle and Canvas only those with at least one grade."""
        if self.lms not in BLANK_CLEARS:
            return self.rows
        return [(row, per) for row, per in self.rows
                if any(r is not None and not r.needs_manual for r in per.values())]

    def partial(self) -> bool:
        """A written row with an empty cell next to a grade (would clear that grade in Moodle/Canvas)."""
        return self.lms in BLANK_CLEARS and any(
            any(r is None or r.needs_manual for r in per.values()) for _row, per in self.written_rows())


def _row_label(row: dict[str, str], id_column: str) -> str:
    return row.get(id_column, "").lstrip("#") or "?"


def plan_export(roster: Roster, scores: Scores, lms: str, scale: str = "grade", id_column: str | None = None,
                items=None, cesuur: float = DEFAULT_CESUUR) -> Plan:
    check_cesuur(cesuur)
    if lms not in LMS_NAMES:
        raise ExportError(msg("export.unknown_column", column=lms, known=choices(LMS_NAMES)))
    items = list(items) if items else list(scores.assignments)
    if len(items) != len(scores.assignments):
        raise ExportError(msg("export.items_count", given=len(items), wanted=len(scores.assignments)))
    if scale == "grade":
        for name in scores.assignments:
            if scores.max_scores[name] <= 0:
                raise ExportError(msg("export.zero_max", name=name))
    submitted = sorted({s for per in scores.results.values() for s in per})
    candidates = sorted(set(scores.students) | set(submitted))
    column = choose_id_column(roster, lms, candidates, id_column)
    matches = _matches(roster, column, candidates)
    for student, rows in matches.items():
        if len(rows) > 1:
            labels = ", ".join(str(i + 2) for i in rows)  # spreadsheet row numbers (header is row 1)
            raise ExportError(msg("export.duplicate_student", student=student, rows=labels))
    student_of_row = {rows[0]: student for student, rows in matches.items()}
    plan = Plan(lms, scale, column, items, list(scores.assignments), dict(scores.max_scores), [], cesuur=cesuur)
    for i, row in enumerate(roster.rows):
        student = student_of_row.get(i)
        per = {}
        for name in scores.assignments:
            result = scores.results[name].get(student) if student else None
            per[name] = result
            label = student or _row_label(row, column)
            if result is None:
                plan.no_submission.setdefault(name, []).append(label)
            elif result.needs_manual:
                plan.needs_manual.setdefault(name, []).append(label)
        plan.rows.append((row, per))
    plan.not_in_roster = [s for s in submitted if s not in matches]
    kept = {id(row) for row, _per in plan.written_rows()}
    plan.left_out = [student_of_row.get(i) or _row_label(row, column)
                     for i, (row, _per) in enumerate(plan.rows) if id(row) not in kept]
    return plan


# --- writing ---------------------------------------------------------------------------------------

def _hash(value: str) -> str:
    value = value.strip()
    return value if not value or value.startswith("#") else "#" + value


def canvas_column(item: str, roster: Roster) -> str:
    """``item (id)``: the id from ``item`` itself or from a Canvas export used as roster, else bare."""
    if re.search(r"\(\d+\)\s*$", item):
        return item
    for column in roster.columns:
        found = re.fullmatch(r"(.*?)\s*\((\d+)\)\s*", column)
        if found and found.group(1).strip().casefold() == item.strip().casefold():
            return column
    return item


def _formula_keys(key_rows) -> list[str]:
    """A warning for ids the LMS matches on that a spreadsheet would read as a formula (left as they are)."""
    found = sorted({key for keys in key_rows for key in keys if starts_formula(key)})
    return [msg("export.formula_key", keys=", ".join(repr(k) for k in found))] if found else []


def table(plan: Plan, roster: Roster, decimal_comma: bool = False) -> tuple[list[str], list[list[str]], list[str]]:
    """(header, rows, hints) of the import file."""
    names, maxes = plan.assignments, plan.max_scores
    hints: list[str] = []

    def value(per, name):
        return format_value(per[name], plan.scale, decimal_comma, plan.cesuur)

    if plan.lms == "brightspace":
        keys = [c for c in (roster.column("orgdefinedid"), roster.column("username")) if c]
        if not keys:
            raise ExportError(msg("export.brightspace_needs_id"))
        key_names = ["OrgDefinedId" if normalise_header(c) == "orgdefinedid" else "Username" for c in keys]
        header = key_names + [f"{item} Points Grade" for item in plan.items] + ["End-of-Line Indicator"]
        rows = [[_hash(row.get(c, "")) for c in keys] + [value(per, n) for n in names] + ["#"]
                for row, per in plan.rows]
        for item, name in zip(plan.items, names):
            hints.append(msg("export.brightspace_hint", item=item,
                             max=format_max(maxes.get(name, 0), plan.scale, decimal_comma)))
        return header, rows, hints
    if plan.lms == "canvas":
        present = [roster.column(normalise_header(c)) for c in CANVAS_COLUMNS]
        columns = [canvas_column(item, roster) for item in plan.items]
        header = CANVAS_COLUMNS + columns
        points = [CANVAS_POINTS_ROW, "", "", "", ""] + [format_max(maxes.get(n, 0), plan.scale, decimal_comma)
                                                         for n in names]
        rows = [points] + [[(spreadsheet_text(row.get(c, "")) if name in CANVAS_TEXT else row.get(c, "")) if c else ""
                            for name, c in zip(CANVAS_COLUMNS, present)] + [value(per, n) for n in names]
                           for row, per in plan.written_rows()]
        hints += _formula_keys([r[1:4] for r in rows[1:]])
        hints += [msg("export.canvas_new", item=c) for c in columns if not re.search(r"\(\d+\)\s*$", c)]
        return header, rows, hints
    # moodle: the identifier column as the roster spells it, the email too when it is another column
    email = roster.column(*MOODLE_EMAIL)
    keys = [plan.id_column] + ([email] if email and email != plan.id_column else [])
    header = keys + list(plan.items)
    rows = [[row.get(c, "").lstrip("#") for c in keys] + [value(per, n) for n in names] for row, per in plan.written_rows()]
    hints += _formula_keys([r[:len(keys)] for r in rows])
    hints += [msg("export.moodle_hint", column=plan.id_column, item=item) for item in plan.items]
    return header, rows, hints


def write_file(path, header, rows, excel_nl: bool = False) -> Path:
    path = Path(path)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if excel_nl else ",", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(buffer.getvalue(), encoding="utf-8-sig" if excel_nl else "utf-8", newline="")
    return path


def report_lines(plan: Plan) -> list[str]:
    lines = [msg("export.matched_by", column=plan.id_column)]
    if plan.scale == "grade":
        lines.append(msg("export.cesuur", cesuur=f"{plan.cesuur:g}".replace(".", ","),
                         percent=f"{plan.cesuur * 100:g}".replace(".", ",")))
    if plan.not_in_roster:
        lines.append(msg("export.not_in_roster", count=len(plan.not_in_roster),
                         students=", ".join(plan.not_in_roster)))
    blank = "left_out" if plan.lms in BLANK_CLEARS else "blank"
    for name, students in plan.no_submission.items():
        lines.append(msg("export.no_submission", count=len(students), assignment=name,
                         students=", ".join(students)) + " " + msg(f"export.{blank}", lms=plan.lms.capitalize()))
    for name, students in plan.needs_manual.items():
        lines.append(msg("export.needs_manual", count=len(students), assignment=name,
                         students=", ".join(students)) + " " + msg(f"export.{blank}", lms=plan.lms.capitalize()))
    if plan.left_out:
        lines.append(msg("export.rows_left_out", count=len(plan.left_out), lms=plan.lms.capitalize(),
                         students=", ".join(plan.left_out)))
    return lines


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


def export(root=".", assignments=None, lms: str = "brightspace", roster_path=None, scale: str = "grade",
           to=None, id_column=None, items=None, excel_nl: bool = False, auto_only: bool = False,
           db_url: str | None = None, course_id: str | None = None, out=print,
           cesuur: float = DEFAULT_CESUUR) -> Path:
    """Write the import file for ``lms``; returns its path (the first, when one file per assignment
    had to be written). Reports through ``out`` (Dutch)."""
    config_url, config_course = course_settings(root)
    check_cesuur(cesuur)
    scores = read_scores(db_url or config_url, course_id or config_course, assignments, auto_only)
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


# --- bulk feedback ---------------------------------------------------------------------------------

def feedback_zip(root=".", assignment: str = "", lms: str = "canvas", to=None, out=print) -> Path:
    """A zip of ``feedback/<student>/<assignment>/*.html`` that the LMS takes as bulk feedback upload.

    Each LMS matches the files of such a zip by the name it gave the submission in its download, so
    every file gets the LMS's own prefix that zip_collect kept (``lms-inzendingen.json``):

    - Canvas (Submissions > Re-upload): ``<name>_<user id>_<attachment id>_<file>``; Canvas reads the first
      two numbers of the name and attaches the file as a comment to that student's submission.
    - Moodle (View all submissions > Upload multiple feedback files in a zip):
      ``<Full Name>_<participant id>_assignsubmission_file_<file>``; Moodle splits the name at ``_``.
    - Brightspace (Assignments > the folder > Add Feedback Files): the file names of its download,
      ``<n>-<n> - <Name> - <time> - <file>``.

    Only regular HTML files are taken (no links). Students without an LMS name (not collected through
    zip_collect) or without feedback are named in the report.
    """
    import zipfile

    from smmkit.grading.collect import read_record
    from smmkit.grading.course import course_directory

    if lms not in LMS_NAMES:
        raise ExportError(msg("export.unknown_column", column=lms, known=choices(LMS_NAMES)))
    coursedir = course_directory(root)
    course_root = Path(coursedir.root)
    record = read_record(course_root, assignment)
    if not record:
        raise ExportError(msg("feedbackzip.no_record", assignment=assignment))
    other = sorted({entry.get("lms") for entry in record.values()} - {lms})
    if other:
        raise ExportError(msg("feedbackzip.other_lms", assignment=assignment, lms=lms, found=", ".join(other)))
    base = course_root / coursedir.feedback_directory
    files: dict[str, list[Path]] = {}
    if base.is_dir():
        for folder in sorted(base.glob(f"*/{assignment}")):
            files[folder.parent.name] = [p for p in sorted(folder.iterdir())
                                         if p.suffix == ".html" and not p.is_symlink() and p.is_file()]
    to = Path(to) if to else course_root / f"feedback-{assignment}-{lms}.zip"
    to.parent.mkdir(parents=True, exist_ok=True)
    written, no_feedback = 0, []
    with zipfile.ZipFile(to, "w", zipfile.ZIP_DEFLATED) as archive:
        for student, entry in sorted(record.items()):
            mine = files.get(student) or []
            if not mine:
                no_feedback.append(student)
                continue
            for path in mine:
                archive.write(path, entry["prefix"] + path.name)
                written += 1
    unknown = sorted(s for s in files if s not in record and files[s])
    if no_feedback:
        out(msg("feedbackzip.no_feedback", count=len(no_feedback), students=", ".join(no_feedback),
                assignment=assignment))
    if unknown:
        out(msg("feedbackzip.unknown", count=len(unknown), students=", ".join(unknown)))
    out(msg(f"feedbackzip.how.{lms}"))
    out(msg("feedbackzip.written", path=to, count=written, students=len(record) - len(no_feedback)))
    return to


# --- command line ----------------------------------------------------------------------------------

def add_parser(sub) -> argparse.ArgumentParser:
    """Add ``export`` to the subcommands of ``python -m smmkit.grading``."""
    parser = sub.add_parser("export", help=msg("export.help"), description=msg("export.help"))
    parser.add_argument("assignment", nargs="?", help=msg("export.help.assignment"))
    parser.add_argument("--all", action="store_true", help=msg("export.help.all"))
    parser.add_argument("--lms", required=True, choices=LMS_NAMES, help=msg("export.help.lms"))
    parser.add_argument("--roster", required=True, help=msg("export.help.roster"))
    parser.add_argument("--scale", choices=SCALES, default="grade", help=msg("export.help.scale"))
    parser.add_argument("--cesuur", type=float, default=DEFAULT_CESUUR, help=msg("export.help.cesuur"))
    parser.add_argument("--id-column", help=msg("export.help.id_column"))
    parser.add_argument("--item", action="append", help=msg("export.help.item"))
    parser.add_argument("--to", help=msg("export.help.to"))
    parser.add_argument("--excel-nl", action="store_true", help=msg("export.help.excel_nl"))
    parser.add_argument("--auto-only", action="store_true", help=msg("export.help.auto_only"))
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
