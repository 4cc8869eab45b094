"""The import file an LMS reads: which roster row gets which grade (:class:`Plan`) and the columns per LMS.

- Brightspace (Grades > Import): ``OrgDefinedId`` and/or ``Username`` (with the ``#`` prefix of
  Brightspace's own export), ``<item> Points Grade`` per grade item, ``End-of-Line Indicator``.
- Canvas (Gradebook > Import): ``Student``, ``ID``, ``SIS User ID``, ``SIS Login ID``, ``Section``,
  ``<assignment> (<id>)`` per assignment and the ``Points Possible`` row.
- Moodle (Grades > Import > CSV file): the roster's identifier column and one grade column per assignment.

Moodle and Canvas clear a grade on an empty cell, so a student without a grade is left out of their
file; the text columns the LMS does not match on get a ``'`` before a formula (:mod:`smmkit.csvsafe`).
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from smmkit.csvsafe import spreadsheet_text, starts_formula
from smmkit.grading.grades import DEFAULT_CESUUR, Result, Scores, check_cesuur, format_max, format_value
from smmkit.grading.lms_roster import (CANVAS_POINTS_ROW, LMS_NAMES, ExportError, Roster, choose_id_column,
                                       match_rows, normalise_header)
from smmkit.messages import choices, msg
from smmkit.safeio import write_atomic

BLANK_CLEARS = {"canvas", "moodle"}  # LMSs that clear an existing grade on an empty cell
CANVAS_COLUMNS = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
CANVAS_TEXT = {"Student", "Section"}  # for people only: Canvas matches on the ids
MOODLE_EMAIL = ["emailaddress", "emailadres", "email"]


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
    matches = match_rows(roster, column, candidates)
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
    return write_atomic(path, buffer.getvalue(), encoding="utf-8-sig" if excel_nl else "utf-8")


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

