"""The learner's own progress: which "controleer je antwoord" checks have passed, kept locally.

Every passed check (``smmkit.check``) is recorded in one JSON file, by default
``~/.smmkit/voortgang.json`` (set ``SMMKIT_HOME`` to use another folder, e.g. in tests or on a
shared computer). Nothing leaves the computer; no teacher, JupyterHub or gradebook is needed.

    >>> from smmkit import progress
    >>> progress.overview()           # a table in a notebook, text with print()

A damaged file is never thrown away silently: it is moved aside to ``voortgang.json.kapot-<tijd>``
and the learner is told so. Writes go to a temporary file first and then replace the old one, so an
interrupted write cannot damage the record.
"""
from __future__ import annotations

import html
import json
import os
import re
from datetime import datetime, timezone
from pathlib import Path

from smmkit.context import grading_mode
from smmkit.messages import msg

__all__ = ["home", "path", "load", "record", "passed", "overview", "Overview"]

FILE_NAME = "voortgang.json"
VERSION = 1
_ASSIGNMENT = re.compile(r"^(h\d\d)")


def home() -> Path:
    """The folder with the progress file: ``$SMMKIT_HOME`` or ``~/.smmkit``."""
    configured = os.environ.get("SMMKIT_HOME")
    return Path(configured).expanduser() if configured else Path.home() / ".smmkit"


def path() -> Path:
    return home() / FILE_NAME


def _empty() -> dict:
    return {"versie": VERSION, "controles": {}}


def load() -> dict:
    """The progress record as a dict. A missing file is an empty record; a damaged one is moved aside."""
    target = path()
    if not target.exists():
        return _empty()
    try:
        data = json.loads(target.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or not isinstance(data.get("controles"), dict):
            raise ValueError("unexpected structure")
        return data
    except (ValueError, UnicodeDecodeError, OSError):
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%f")
        backup = target.with_name(f"{FILE_NAME}.kapot-{stamp}")
        target.replace(backup)
        print(msg("progress.corrupt", path=target, backup=backup.name))
        return _empty()


def _save(data: dict) -> None:
    from smmkit.safeio import write_atomic

    # mode 600 as before: a learner's progress is hers (the one atomic writer of the kit, smmkit/safeio.py)
    write_atomic(path(), json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True), mode=0o600, fsync=False)


def assignment_of(question: str) -> str:
    """'h01_gemiddelde' -> 'h01' (the assignment a check belongs to); other ids are kept whole."""
    found = _ASSIGNMENT.match(question)
    return found.group(1) if found else question


def record(question: str) -> None:
    """Note that the check ``question`` (a grade id such as 'h01_gemiddelde') passed just now."""
    data = load()
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    entry = data["controles"].setdefault(question, {"eerst": now, "aantal": 0})
    entry["laatst"] = now
    entry["aantal"] = int(entry.get("aantal", 0)) + 1
    try:
        _save(data)
    except OSError as exc:
        print(msg("progress.unwritable", path=path(), error=exc))


def passed() -> dict[str, list[str]]:
    """Passed checks per assignment: {'h01': ['h01_gemiddelde', …], …}."""
    found: dict[str, list[str]] = {}
    for question in sorted(load()["controles"]):
        found.setdefault(assignment_of(question), []).append(question)
    return found


def _known_checks() -> dict[str, tuple[str, set[str]]]:
    """Per assignment prefix: (folder name, grade ids of its visible checks), read from exercises/."""
    root = Path(__file__).resolve().parent.parent / "exercises"
    known: dict[str, tuple[str, set[str]]] = {}
    for notebook in sorted(root.glob("h[0-9][0-9]-*/*.ipynb")):
        try:
            cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        except (OSError, ValueError, KeyError):
            continue
        ids = {c["metadata"]["nbgrader"]["grade_id"] for c in cells
               if c.get("metadata", {}).get("nbgrader", {}).get("grade") and c.get("cell_type") == "code"}
        prefix = assignment_of(notebook.parent.name)
        known[prefix] = (notebook.parent.name, known.get(prefix, ("", set()))[1] | ids)
    return known


class Overview:
    """The progress overview: renders as a table in a notebook and as text with print()."""

    def __init__(self, data: dict, known: dict):
        self.rows = []
        done = {}
        for question, entry in data["controles"].items():
            done.setdefault(assignment_of(question), {})[question] = entry
        for prefix in sorted(set(done) | set(known)):
            folder, ids = known.get(prefix, (prefix, set()))
            mine = done.get(prefix, {})
            counted = len(set(mine) & ids) if ids else len(mine)
            total = len(ids) if ids else None
            last = max((e.get("laatst", "") for e in mine.values()), default="")
            self.rows.append((folder, counted, total, last[:16].replace("T", " "), sorted(mine)))
        self.file = path()
        self.empty = not done

    def _passed(self, counted, total) -> str:
        return msg("progress.of", passed=counted, total=total) if total else str(counted)

    def __str__(self) -> str:
        lines = [msg("progress.title")]
        if self.empty:
            lines.append(msg("progress.empty"))
        for folder, counted, total, last, _ in self.rows:
            lines.append(f"  {folder:<28} {self._passed(counted, total):>10}   {last}")
        lines.append(msg("progress.file", path=self.file))
        return "\n".join(lines)

    __repr__ = __str__

    def _repr_html_(self) -> str:
        head = "".join(f"<th style='text-align:left'>{html.escape(msg(k))}</th>" for k in
                       ("progress.col.assignment", "progress.col.passed", "progress.col.last",
                        "progress.col.questions"))
        body = "".join(
            f"<tr><td>{html.escape(folder)}</td><td>{html.escape(self._passed(counted, total))}</td>"
            f"<td>{html.escape(last)}</td><td>{html.escape(', '.join(questions))}</td></tr>"
            for folder, counted, total, last, questions in self.rows)
        note = f"<p>{html.escape(msg('progress.empty'))}</p>" if self.empty else ""
        return (f"<div class='smmkit-progress'><strong>{html.escape(msg('progress.title'))}</strong>{note}"
                f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
                f"<small>{html.escape(msg('progress.file', path=self.file))}</small></div>")


def overview() -> Overview | None:
    """Per assignment: how many of its checks you have passed (and when last).

    While grading (:func:`smmkit.grading_mode`) it returns None and reads nothing: the grader's own
    progress file says nothing about the student, and its path would end up in every feedback."""
    if grading_mode() is not None:
        return None
    return Overview(load(), _known_checks())


# The name before 2026-12: a learner's saved copy of an older release (or a fetched assignment on
# JupyterHub) still calls progress.overzicht() in its last cell. Kept so that cell keeps working; not
# in __all__ and not used by the kit's own notebooks (tests/test_progress.py checks both).
overzicht = overview
