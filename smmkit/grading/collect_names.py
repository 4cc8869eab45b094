"""Who is who in an LMS download: the LMSs' file-name schemes and a roster that maps their ids and names
to nbgrader student ids (used by :mod:`smmkit.grading.collect`)."""
from __future__ import annotations

import csv
import io
import os
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from smmkit.grading.lms_roster import decode, sniff_delimiter
from smmkit.messages import msg

# One path component as the LMS writes it: the folder of a submission or the front of a flat file name.
COMPONENTS = {
    "brightspace": (r"(?P<submission>\d+)-(?P<lms_id>\d+) - (?P<name>.+?) - "
                    r"(?P<timestamp>[A-Z][a-z]{2} \d{1,2}, \d{4} \d{3,4} [AP]M)(?: - (?P<file>.+))?"),
    "canvas": r"(?P<name>[^/_]+)_(?:(?P<late>LATE)_)?(?P<lms_id>\d+)_(?P<submission>\d+)_(?P<file>.+)",
    "moodle": r"(?P<name>[^/]+?)_(?P<lms_id>\d+)_assignsubmission_(?:file|onlinetext)_(?P<file>.*)",
}
# A whole path whose LMS part is the outermost component that fits (as LmsCollector reads it).
REGEXPS = {
    "brightspace": (r".*?/(?P<submission>\d+)-(?P<lms_id>\d+) - (?P<name>[^/]+?) - "
                    r"(?P<timestamp>[A-Z][a-z]{2} \d{1,2}, \d{4} \d{3,4} [AP]M)(?: - |/)(?P<file>.+)$"),
    "canvas": r".*?/(?P<name>[^/_]+)_(?:(?P<late>LATE)_)?(?P<lms_id>\d+)_(?P<submission>\d+)_(?P<file>.+)$",
    "moodle": r".*?/(?P<name>[^/]+?)_(?P<lms_id>\d+)_assignsubmission_(?:file|onlinetext)_/?(?P<file>.+)$",
}
BRIGHTSPACE_TIME = "%b %d, %Y %I%M %p"
STUDENT_COLUMNS = ["student_id", "studentnummer", "SIS User ID", "OrgDefinedId", "ID number", "Username"]
ID_COLUMNS = {"canvas": ["ID"], "moodle": ["Identifier", "Identificatie"], "brightspace": []}
NAME_COLUMNS = ["Name", "Naam", "Full name", "Volledige naam", "Student"]
FIRST_COLUMNS = ["First name", "First Name", "Voornaam"]
LAST_COLUMNS = ["Last name", "Last Name", "Surname", "Achternaam"]


def name_key(name: str) -> str:
    """A name compared without case, accents, punctuation and word order."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return " ".join(sorted(re.findall(r"[a-z0-9]+", plain)))


def read_roster(path: str | os.PathLike) -> list[dict[str, str]]:
    """The rows of an LMS roster CSV (delimiter and encoding as Excel and the LMSs write them)."""
    text = decode(Path(path).read_bytes())
    first = text.splitlines()[0] if text else ""
    delimiter = sniff_delimiter(first)
    rows = list(csv.DictReader(io.StringIO(text), delimiter=delimiter))
    return [{(k or "").strip().lstrip("#"): (v or "").strip() for k, v in row.items()} for row in rows]


def _column(rows: list[dict], wanted: str, candidates: list[str]) -> str | None:
    headers = list(rows[0]) if rows else []
    lower = {h.lower(): h for h in headers}
    for name in ([wanted] if wanted else []) + candidates:
        if name.lower() in lower:
            return lower[name.lower()]
    return None


class Roster:
    """LMS id and name -> nbgrader student id."""

    def __init__(self, rows: list[dict], lms: str, student_column: str = "", id_column: str = ""):
        self.student_column = _column(rows, student_column, STUDENT_COLUMNS)
        if rows and self.student_column is None:
            raise ValueError(msg("collect.no_student_column", columns=", ".join(rows[0]),
                                 candidates=", ".join(STUDENT_COLUMNS)))
        id_col = _column(rows, id_column, ID_COLUMNS[lms])
        name_col = _column(rows, "", NAME_COLUMNS)
        first_col, last_col = _column(rows, "", FIRST_COLUMNS), _column(rows, "", LAST_COLUMNS)
        self.by_id: dict[str, str] = {}
        self.by_name: dict[str, set[str]] = {}
        for row in rows:
            student = row.get(self.student_column, "").lstrip("#")
            if not student:
                continue
            if id_col and row.get(id_col):
                digits = re.findall(r"\d+", row[id_col])
                if digits:
                    self.by_id[digits[-1]] = student  # Moodle's "Participant 123456" -> 123456
            names = []
            if name_col and row.get(name_col):
                names.append(row[name_col])
            if first_col and last_col and (row.get(first_col) or row.get(last_col)):
                names.append(f"{row.get(first_col, '')} {row.get(last_col, '')}")
            for name in names:
                self.by_name.setdefault(name_key(name), set()).add(student)

    def find(self, lms_id: str | None, name: str | None) -> tuple[str | None, str]:
        """(student id, "") or (None, Dutch reason)."""
        if lms_id and lms_id in self.by_id:
            return self.by_id[lms_id], ""
        found = self.by_name.get(name_key(name or ""), set())
        if len(found) == 1:
            return next(iter(found)), ""
        if len(found) > 1:
            return None, msg("collect.ambiguous", name=name, students=", ".join(sorted(found)))
        return None, msg("collect.not_in_roster", name=name or "?", lms_id=lms_id or "?")



@dataclass
class Entry:
    """What the LMS part of a path says."""
    lms_id: str | None
    name: str | None
    timestamp: datetime | None
    late: bool
    file: str | None  # what follows the LMS part in the same component (a flat download's file name)
    prefix: str = ""  # the LMS part itself, as a flat file name starts with it


@dataclass
class Candidate:
    path: str
    student: str
    file_id: str
    timestamp: datetime | None
    late: bool
    stripped: bool
    notes: list[str]
    prefix: str = ""

