"""An LMS roster (the CSV the LMS exports for its grade import) and which of its columns holds the nbgrader id.

The file may be comma, semicolon or tab separated, UTF-8 (with or without BOM) or Windows-1252, as
Dutch Excel saves it. Used by the grade export (:mod:`smmkit.grading.export`), the class overview
with ``--roster`` and zip_collect's collector (:mod:`smmkit.grading.collect`).
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from smmkit.messages import choices, msg

LMS_NAMES = ("brightspace", "canvas", "moodle")

# Roster columns that can hold the nbgrader student id, per LMS, in order of preference; compared
# after normalise_header (so "ID number", "ID-nummer" and "idnumber" all match).
ID_CANDIDATES = {
    "brightspace": ["username", "orgdefinedid", "gebruikersnaam", "email", "emailadres"],
    "canvas": ["sisloginid", "sisuserid", "id", "student"],
    "moodle": ["username", "gebruikersnaam", "idnumber", "idnummer", "emailaddress", "emailadres", "email"],
}
CANVAS_POINTS_ROW = "Points Possible"


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



# --- matching a roster column to nbgrader ids -----------------------------------------------------

def match_rows(roster: Roster, column: str, students) -> dict[str, list[int]]:
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
        count = len(match_rows(roster, column, students))
        if count > best_count:
            best, best_count = column, count
    if best is None:
        sample = choices(list(students)[:3]) if students else "-"
        raise ExportError(msg("export.no_id_column", sample=sample, tried=choices(tried[:6]),
                              known=choices(roster.columns)))
    return best

