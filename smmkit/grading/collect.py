"""``nbgrader zip_collect`` for the download files of Brightspace, Canvas and Moodle, with a roster.

nbgrader's ZipCollect unpacks the zip a teacher downloads from the LMS ("download all submissions")
and hands every file name to a *collector plugin*, which says whose file it is (``student_id``) and
which file of the assignment (``file_id``). Stock nbgrader has one plugin with one regular expression.
The LMSs do not put the nbgrader student id (e.g. the student number) in the file name, so this plugin
adds, per LMS, the expression for its naming scheme and a mapping through a roster CSV:

============  ===================================================================  ================
LMS           file name in the download                                            mapped by
============  ===================================================================  ================
Brightspace   ``<n>-<n> - <Voornaam Achternaam> - <Mon D, YYYY HHMM AM> - <file>``   name
              (or the same with ``/`` before the file, one folder per submission)
Canvas        ``<achternaamvoornaam>_[LATE_]<user id>_<submission id>_<file>``      Canvas ``ID``
              (a resubmitted file gets ``-1``, ``-2`` … before the extension)
Moodle        ``<Voornaam Achternaam>_<participant id>_assignsubmission_file_<file>``  name (or the
              (or ``…_assignsubmission_file_/<file>``: one folder per submission)    ``Identifier``)
============  ===================================================================  ================

The roster is a CSV the LMS exports (any of ``,`` ``;`` or tab; UTF-8 or Windows-1252). The nbgrader
student id comes from ``student_column`` (default: the first of ``student_id``, ``studentnummer``,
``SIS User ID``, ``OrgDefinedId``, ``ID number``, ``Username``); names are compared without case,
accents, punctuation and word order (``Vries, Jan de`` = ``Jan de Vries``). A file whose student is
not in the roster, or whose name matches two students, is skipped with a Dutch warning and stays in
``downloaded/<opdracht>/extracted/``: nothing is lost. Use it as::

    nbgrader zip_collect h01-introductie \\
        --ZipCollectApp.collector_plugin=smmkit.grading.collect.LmsCollector \\
        --LmsCollector.lms=canvas --LmsCollector.roster=canvas-cijfers.csv
"""
from __future__ import annotations

import csv
import io
import os
import re
import unicodedata
from datetime import datetime
from pathlib import Path

from nbgrader.plugins.zipcollect import FileNameCollectorPlugin
from traitlets import Enum, List, Unicode

from smmkit.grading.export import decode, sniff_delimiter
from smmkit.messages import msg

REGEXPS = {
    "brightspace": (r".*/(?P<submission>\d+)-(?P<lms_id>\d+) - (?P<name>[^/]+?) - "
                    r"(?P<timestamp>[A-Z][a-z]{2} \d{1,2}, \d{4} \d{3,4} [AP]M)(?: - |/)(?P<file>[^/]+)$"),
    "canvas": r".*/(?P<name>[^/_]+)_(?:(?P<late>LATE)_)?(?P<lms_id>\d+)_(?P<submission>\d+)_(?P<file>[^/]+)$",
    "moodle": r".*/(?P<name>[^/]+?)_(?P<lms_id>\d+)_assignsubmission_file_/?(?P<file>[^/]+)$",
}
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


class LmsCollector(FileNameCollectorPlugin):
    """nbgrader ZipCollect plugin for the download files of Brightspace, Canvas and Moodle."""

    lms = Enum(["brightspace", "canvas", "moodle"], default_value="canvas",
               help="The LMS the zip file comes from (its file naming scheme).").tag(config=True)
    roster = Unicode("", help="CSV roster exported from the LMS (maps LMS ids/names to student ids). "
                              "Without one, the LMS id in the file name becomes the student id.").tag(config=True)
    student_column = Unicode("", help="Roster column with the nbgrader student id.").tag(config=True)
    id_column = Unicode("", help="Roster column with the LMS id in the file names (Canvas ID, "
                                 "Moodle Identifier).").tag(config=True)
    valid_ext = List(default_value=[".ipynb", ".json"],
                     help="Extensions to collect: the notebook and the learner's saved widget work.").tag(config=True)

    _roster: Roster | None = None

    def _regexp(self) -> str:
        return self.named_regexp or REGEXPS[self.lms]

    def _lookup(self) -> Roster | None:
        if self.roster and self._roster is None:
            self._roster = Roster(read_roster(self.roster), self.lms, self.student_column, self.id_column)
        return self._roster

    def _released(self) -> set[str]:
        app = self.parent
        try:
            folder = app.coursedir.format_path(app.coursedir.release_directory, ".", app.coursedir.assignment_id)
        except AttributeError:
            return set()
        return {p.name for p in Path(folder).glob("*")} if os.path.isdir(folder) else set()

    def _file_id(self, name: str) -> str:
        """The file name as the assignment has it: Canvas's ``-1`` of a resubmission removed."""
        released = self._released()
        if name in released or not released:
            return name
        stem, ext = os.path.splitext(name)
        plain = re.sub(r"-\d+$", "", stem) + ext
        return plain if plain in released else name

    def collect(self, submitted_file: str):
        path = submitted_file.replace(os.sep, "/")
        if os.path.splitext(path)[1] not in self.valid_ext:
            return None
        match = re.match(self._regexp(), path)
        if not match:
            self.log.warning(msg("collect.no_match", file=os.path.basename(path), lms=self.lms))
            return None
        groups = {k: v for k, v in match.groupdict().items() if v is not None}
        if "student_id" in groups and "file_id" in groups:  # a teacher's own expression, nbgrader's names
            return groups
        roster = self._lookup()
        if roster is None:
            student, reason = groups.get("lms_id"), msg("collect.no_id")
        else:
            student, reason = roster.find(groups.get("lms_id"), groups.get("name"))
        if not student:
            self.log.warning(msg("collect.skipped", file=os.path.basename(path), reason=reason))
            return None
        info = {"student_id": student, "file_id": self._file_id(groups["file"])}
        if "timestamp" in groups:
            try:
                info["timestamp"] = datetime.strptime(groups["timestamp"], "%b %d, %Y %I%M %p").isoformat(" ")
            except ValueError:
                pass
        return info
