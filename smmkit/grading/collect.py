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

**Whose file, and when, comes only from what the LMS wrote.** In a folder-per-submission download
(Moodle's ``…_assignsubmission_file_/``, Brightspace's folders, or a zip a student uploaded, which
nbgrader unpacks into a folder) everything below the LMS's folder is named by the student. The
collector therefore reads the path from the outside in: the *first* component (relative to
``extracted/``) that is named as the LMS names a submission gives the student, the time and Canvas's
``LATE``; the file id is the student's own file name. A file or folder below it that is itself named
like an LMS entry is a *claim*: of the same student it is stripped (its time is ignored and the
teacher told), of anyone else it is reported and skipped, so it can neither replace a classmate's
notebook nor backdate late work.

**Duplicates never stop the class.** Two files that would land on the same name in one student's
``submitted/`` (two Brightspace submissions, a file in two folders) are decided before nbgrader sees
them: the newest LMS time wins, then a plain name over a stripped claim, then the first in name order;
every other one is named in a warning and stays in ``extracted/``. (Stock nbgrader stops the whole
``zip_collect`` on a duplicate without a time.)

**Only regular files move.** The collector installs :class:`LmsExtractor` in place of nbgrader's
extractor: symbolic links, FIFOs, sockets and devices in ``archive/`` or inside a zip or tar are
refused with a warning (stock nbgrader copies what a link points to and stops at a FIFO), and archive
members are unpacked with zipfile's and tarfile's own path checks (tarfile's ``data`` filter).

**Times.** Brightspace writes the submission time in the course's local time: it is read as
Europe/Amsterdam (``--LmsCollector.timezone``) and stored in ``timestamp.txt`` in UTC, as nbgrader
does with every time, so nbgrader's late penalty (``duedate``) compares like with like. Canvas has no
time in its names, only ``LATE_``; Moodle neither. The LMS's own verdict is kept in
``downloaded/<opdracht>/lms-inzendingen.json`` (per student: the LMS, ``late``, the time and the
LMS's name prefix), read by :mod:`smmkit.grading.late` and by the bulk feedback zip of
:mod:`smmkit.grading.export`, which names each feedback file with that prefix as the LMS expects.
"""
from __future__ import annotations

import json
import os
import re
import stat
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from nbgrader.plugins.zipcollect import ExtractorPlugin, FileNameCollectorPlugin
from traitlets import Enum, List, Unicode

from smmkit.grading.collect_extract import LmsExtractor, _kind, shown
from smmkit.grading.collect_names import (BRIGHTSPACE_TIME, COMPONENTS, REGEXPS, Candidate, Entry, Roster, name_key,
                                          read_roster)
from smmkit.messages import msg
from smmkit.safeio import write_atomic

RECORD_FILE = "lms-inzendingen.json"
__all__ = ["LmsCollector", "LmsExtractor", "Roster", "REGEXPS", "COMPONENTS", "RECORD_FILE", "name_key",
           "read_roster", "read_record", "shown"]


class LmsCollector(FileNameCollectorPlugin):
    """nbgrader ZipCollect plugin for the download files of Brightspace, Canvas and Moodle."""

    lms = Enum(["brightspace", "canvas", "moodle"], default_value="canvas",
               help="The LMS the zip file comes from (its file naming scheme).").tag(config=True)
    roster = Unicode("", help="CSV roster exported from the LMS (maps LMS ids/names to student ids). "
                              "Without one, the LMS id in the file name becomes the student id.").tag(config=True)
    student_column = Unicode("", help="Roster column with the nbgrader student id.").tag(config=True)
    id_column = Unicode("", help="Roster column with the LMS id in the file names (Canvas ID, "
                                 "Moodle Identifier).").tag(config=True)
    timezone = Unicode("Europe/Amsterdam", help="Time zone of the times in Brightspace's names "
                                                "(the course's local time).").tag(config=True)
    valid_ext = List(default_value=[".ipynb", ".json"],
                     help="Extensions to collect: the notebook and the learner's saved widget work.").tag(config=True)

    _roster: Roster | None = None
    _decided: dict | None = None

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        app = self.parent
        # Only regular files move: replace nbgrader's own extractor (not one the teacher chose).
        if app is not None and type(getattr(app, "extractor_plugin_inst", None)) is ExtractorPlugin:
            app.extractor_plugin_inst = LmsExtractor(parent=app)

    # --- reading names -----------------------------------------------------------------------------

    def _lookup(self) -> Roster | None:
        if self.roster and self._roster is None:
            self._roster = Roster(read_roster(self.roster), self.lms, self.student_column, self.id_column)
        return self._roster

    def parse(self, component: str) -> Entry | None:
        """The LMS part of one path component, or None if the LMS does not name things like this."""
        match = re.fullmatch(COMPONENTS[self.lms], component)
        if not match:
            return None
        groups = match.groupdict()
        when = None
        if groups.get("timestamp"):
            try:
                when = datetime.strptime(groups["timestamp"], BRIGHTSPACE_TIME).replace(tzinfo=ZoneInfo(self.timezone))
            except ValueError:
                when = None
        if groups.get("file"):
            prefix = component[:match.start("file")]
        else:
            prefix = component + ("" if self.lms == "moodle" else " - ")
        return Entry(groups.get("lms_id"), groups.get("name"), when, bool(groups.get("late")),
                     groups.get("file") or None, prefix)

    def student_of(self, entry: Entry) -> tuple[str | None, str]:
        roster = self._lookup()
        if roster is None:
            return (entry.lms_id, "") if entry.lms_id else (None, msg("collect.no_id"))
        return roster.find(entry.lms_id, entry.name)

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

    def _extracted_root(self) -> str | None:
        app = self.parent
        try:
            return app._format_collect_path(app.extracted_directory)
        except AttributeError:
            return None

    def candidate(self, path: str) -> tuple[Candidate | None, str | None]:
        """(candidate, None) or (None, the Dutch warning) for one extracted file."""
        root = self._extracted_root()
        rel = os.path.relpath(path, root) if root and os.path.commonpath([root, path]) == root else path
        parts = [p for p in rel.replace(os.sep, "/").split("/") if p not in ("", ".")]
        label = shown("/".join(parts))
        for index, component in enumerate(parts):
            entry = self.parse(component)
            if entry is not None:
                break
        else:
            return None, msg("collect.no_match", file=label, lms=self.lms)
        student, reason = self.student_of(entry)
        if not student:
            return None, msg("collect.skipped", file=label, reason=reason)
        below = parts[index + 1:]
        names = below if below else ([entry.file] if entry.file else [])
        if not names:
            return None, msg("collect.no_match", file=label, lms=self.lms)
        notes, stripped = [], False
        # Everything below the LMS part is named by the student: a name there that looks like an LMS
        # entry is a claim. Of the same student it is peeled off; of anyone else the file is refused.
        for position, name in enumerate(names):
            while True:
                claim = self.parse(name)
                if claim is None:
                    break
                claimed, _ = self.student_of(claim)
                if claimed != student:
                    return None, msg("collect.claims_other", file=label, student=student,
                                     claimed=shown(claimed or claim.name or claim.lms_id or "?"))
                if claim.timestamp and claim.timestamp != entry.timestamp:
                    used = entry.timestamp.strftime("%Y-%m-%d %H:%M") if entry.timestamp else "–"
                    notes.append(msg("collect.time_ignored", file=label, used=used,
                                     claimed=claim.timestamp.strftime("%Y-%m-%d %H:%M")))
                if not claim.file:
                    break
                name, stripped = claim.file, True
                if position == len(names) - 1:
                    names[position] = name
        file_id = self._file_id(names[-1])
        return Candidate(path, student, file_id, entry.timestamp, entry.late, stripped, notes, entry.prefix), None

    def _decide(self, start: str) -> dict[str, tuple[dict | None, list[str]]]:
        """Every extracted file's fate, decided at once so a duplicate is never left to nbgrader."""
        root = self._extracted_root()
        paths = []
        if root and os.path.isdir(root):
            for folder, dirs, files in os.walk(root):
                dirs.sort()
                paths += [os.path.join(folder, f) for f in files]
        if start not in paths:
            paths.append(start)
        paths.sort()
        decided: dict[str, tuple[dict | None, list[str]]] = {}
        groups: dict[tuple[str, str], list[Candidate]] = {}
        for order, path in enumerate(paths):
            if os.path.splitext(path)[1] not in self.valid_ext:
                decided[path] = (None, [])
                continue
            if not stat.S_ISREG(os.lstat(path).st_mode):
                decided[path] = (None, [msg("collect.refused", file=shown(os.path.basename(path)),
                                            kind=_kind(os.lstat(path).st_mode))])
                continue
            found, warning = self.candidate(path)
            if found is None:
                decided[path] = (None, [warning])
                continue
            key = (found.student, os.path.splitext(found.file_id)[0] + os.path.splitext(path)[1])
            groups.setdefault(key, []).append(found)
        record: dict[str, dict] = {}
        for (student, file_id), found in groups.items():
            # newest LMS time first, then a plain name before a peeled-off claim, then name order
            found.sort(key=lambda c: (-(c.timestamp.timestamp()) if c.timestamp else 0, c.stripped))
            keep, rest = found[0], found[1:]
            info = {"student_id": student, "file_id": keep.file_id}
            if keep.timestamp is not None:
                info["timestamp"] = keep.timestamp.isoformat(" ")
            mine = record.setdefault(student, {"lms": self.lms, "late": False, "time": None, "prefix": keep.prefix})
            mine["late"] = mine["late"] or keep.late
            if keep.timestamp is not None:
                utc = keep.timestamp.astimezone(ZoneInfo("UTC")).replace(tzinfo=None).isoformat(" ")
                mine["time"] = max(mine["time"] or utc, utc)
            decided[keep.path] = (info, list(keep.notes))
            base = self._extracted_root() or "/"
            for other in rest:
                decided[other.path] = (None, [msg("collect.duplicate", file=shown(os.path.relpath(other.path, base)),
                                                  student=student, name=shown(file_id),
                                                  kept=shown(os.path.relpath(keep.path, base)))])
        self._write_record(record)
        return decided

    def _write_record(self, record: dict[str, dict]) -> None:
        """Keep what the LMS said per student (late, time, name prefix) next to the download."""
        root = self._extracted_root()
        if root:
            write_atomic(Path(root).parent / RECORD_FILE,
                         json.dumps(record, indent=1, sort_keys=True, ensure_ascii=False) + "\n")


    def collect(self, submitted_file: str):
        path = submitted_file
        if os.path.splitext(path)[1] not in self.valid_ext:
            return None
        if self.named_regexp:  # a teacher's own expression with nbgrader's group names: stock behaviour
            match = re.match(self.named_regexp, path.replace(os.sep, "/"))
            groups = {k: v for k, v in (match.groupdict() if match else {}).items() if v is not None}
            return groups if "student_id" in groups and "file_id" in groups else None
        if self._decided is None or path not in self._decided:
            self._decided = self._decide(path)
        info, warnings = self._decided[path]
        for warning in warnings:
            self.log.warning(warning)
        return info


def read_record(course_root, assignment: str, downloaded: str = "downloaded") -> dict[str, dict]:
    """What zip_collect kept per student of ``assignment`` (empty if it never ran)."""
    path = Path(course_root) / downloaded / assignment / RECORD_FILE
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
