"""Step 4 of a batch: the report, ``autograded/rapport-<opdracht>.md`` and ``.json``, and the progress line.

Rows are merged per student (rows of other students are kept, ``--student X`` changes only X) and the
report is rewritten after every student, atomically (:func:`smmkit.safeio.write_atomic`: never
truncated, also not by Ctrl+C).
"""
from __future__ import annotations

import json
import sys
import time
from dataclasses import asdict
from pathlib import Path

from smmkit.grading.batch.outcome import GRADED, OLD_STATUSES, STATUSES, Outcome
from smmkit.grading.late import report_column as report_late_column
from smmkit.grading.terminal import printable
from smmkit.messages import msg
from smmkit.safeio import write_atomic


def report_paths(course_root: Path, assignment: str, autograded: Path | None = None) -> tuple[Path, Path]:
    folder = autograded or Path(course_root) / "autograded"
    return folder / f"rapport-{assignment}.json", folder / f"rapport-{assignment}.md"


def read_report(path: Path) -> dict[str, dict]:
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    out = {}
    for row in rows if isinstance(rows, list) else []:
        if isinstance(row, dict) and "student" in row:
            out[row["student"]] = dict(row, status=OLD_STATUSES.get(row.get("status"), row.get("status")))
    return out


def _write(path: Path, text: str) -> None:
    # backslashreplace: a name with a byte that is no UTF-8 is written as \udcff (JSON reads it back as is)
    write_atomic(path, text, errors="backslashreplace", fsync=False, mode=0o600)  # as before: teacher only


def write_report(root: Path, assignment: str, outcomes, folder: Path | None = None, sandbox: bool = True,
                 quiet: bool = False, notes=()) -> Path:
    """Write the report of ``outcomes`` (Outcome objects or rows), merged by student, atomically."""
    rows = {}
    for item in outcomes:
        row = asdict(item) if isinstance(item, Outcome) else dict(item)
        rows[row["student"]] = row
    ordered = [rows[s] for s in sorted(rows)]
    json_path, md_path = report_paths(Path(root), assignment, folder)
    _write(json_path, json.dumps(ordered, ensure_ascii=False, indent=1) + "\n")
    lines = [msg("batch.report.title", assignment=assignment), "", msg("batch.report.intro"), ""]
    for note in notes:
        lines += [note, ""]
    unsandboxed = [o["student"] for o in ordered if o.get("sandbox") is False and o["status"] == GRADED]
    if unsandboxed:
        lines += [msg("batch.report.no_sandbox", students=", ".join(unsandboxed)), ""]
    again = [o["student"] for o in ordered
             if o.get("attempts", 1) > 1 and o.get("cell_timeout") and o["status"] == GRADED]
    if again:
        lines += [msg("batch.report.cell_timeout_again", students=", ".join(again)), ""]
    if any(o.get("attempts", 1) > 1 or o.get("retry_pending") for o in ordered):
        lines += [msg("batch.report.retry_explained"), ""]
    lines += [msg("batch.report.header"), "| --- | --- | --- | --- | --- |"]
    for o in ordered:
        reason = o.get("reason", "") + ("<br>" + "<br>".join(o.get("findings") or []) if o.get("findings") else "")
        score = f"{o['score']:g} / {o['max_score']:g}" if o["status"] == GRADED else "–"
        status = msg(f"batch.status.{o['status']}") if o["status"] in STATUSES else o["status"]
        lines.append(f"| {printable(o['student'])} | {status} | {score} | {printable(reason).replace('|', '/')} | "
                     f"{o.get('seconds', 0):.0f} |")
    lines = lines if quiet else report_late_column(lines, root, assignment, [o["student"] for o in ordered])  # late.py
    _write(md_path, "\n".join(lines) + "\n")
    if not quiet:
        print(printable(msg("batch.report.written", path=md_path)), flush=True)
    return md_path


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    return f"{seconds // 60} min {seconds % 60:02d} s" if seconds >= 60 else f"{seconds} s"


class Progress:
    """One line on stderr: count, time so far and time left (a bar when stderr is a terminal)."""

    def __init__(self, total: int, workers: int, stream=None):
        self.total, self.workers, self.done, self.start = total, max(1, workers), 0, time.monotonic()
        self.stream = stream or sys.stderr
        self.tty = getattr(self.stream, "isatty", lambda: False)()

    def line(self) -> str:
        elapsed = time.monotonic() - self.start
        left = msg("batch.progress.unknown") if not self.done else _duration(
            elapsed / self.done * (self.total - self.done))
        text = msg("batch.progress", done=self.done, total=self.total, elapsed=_duration(elapsed), left=left)
        if self.tty:
            width = 24
            filled = int(width * self.done / max(1, self.total))
            text = "[" + "#" * filled + "-" * (width - filled) + "] " + text
        return text

    def step(self, row_text: str = "") -> None:
        self.done += 1
        if self.tty:
            self.stream.write("\r\x1b[K" + (row_text + "\n" if row_text else "") + self.line())
        else:
            self.stream.write((row_text + "\n" if row_text else "") + self.line() + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()
