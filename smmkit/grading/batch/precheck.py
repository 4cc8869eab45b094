"""Step 1 of a batch, in the parent, nothing run: is a submission fit to be executed?

The student id is a plain name (no glob pattern reaches nbgrader), the expected notebook is there and
readable, no symlink or FIFO, the static scan (:mod:`smmkit.grading.scan`) finds no tampering. Also
what the assignment declares (saved widget work, locked cells) and the submission's hash (--resume).
"""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from smmkit.grading.scan import read_notebook, scan_notebook
from smmkit.grading.stamp import stamp_source
from smmkit.grading.terminal import printable
from smmkit.messages import msg
from smmkit.safeio import special_files

# A student id is a folder name and becomes an nbgrader --student value: no glob pattern, no path.
STUDENT_ID = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.@+-]{0,127}$")
SAVED_FILE = re.compile(r"""check\.saved_file\(\s*["']([^"'/\\]+)["']""")
MAX_HASHED = 50_000_000  # bytes of a submission folder that are hashed for --resume


def valid_student_id(student: str) -> bool:
    return bool(STUDENT_ID.match(student)) and ".." not in student


def source_notebooks(root: Path, assignment: str) -> list[str]:
    return sorted(p.name for p in (root / "solutions" / assignment).glob("*.ipynb"))


def graded_cells(path: Path):
    """(cell, its nbgrader metadata) for every cell of a notebook file."""
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        yield cell, cell.get("metadata", {}).get("nbgrader", {})


def cell_text(cell) -> str:
    return cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])


def declared_files(source_dir: Path) -> list[str]:
    """Files a submission may bring besides its notebooks: the learner's saved widget work.

    Declared in one place per assignment: the ``check.saved_file("hNN_….json", …)`` call in a test
    cell of the source notebook, the check that reads the file (see solutions/README.md).
    """
    names = set()
    for path in Path(source_dir).glob("*.ipynb"):
        for cell, _meta in graded_cells(path):
            names.update(SAVED_FILE.findall(cell_text(cell)))
    return sorted(names)


def locked_ids(folder: Path) -> set[str]:
    """grade_ids of the locked and test cells in the notebooks of ``folder`` (a source folder)."""
    return {meta.get("grade_id") for path in Path(folder).glob("*.ipynb") for _cell, meta in graded_cells(path)
            if meta.get("locked") or meta.get("grade") and not meta.get("solution")}


def release_cells(folder: Path) -> dict[str, dict[str, tuple[str, str]]]:
    """notebook -> grade_id -> (cell type, source) of the locked cells in a release folder."""
    return {path.name: {meta["grade_id"]: (cell["cell_type"], cell_text(cell))
                        for cell, meta in graded_cells(path) if meta.get("locked")}
            for path in Path(folder).glob("*.ipynb")}


def first(names: list[str], n: int = 4) -> str:
    return ", ".join(names[:n]) + (" …" if len(names) > n else "")


def _changed_locked_cells(notebook, release: dict) -> list[str]:
    present = {c.metadata.get("nbgrader", {}).get("grade_id"): c for c in notebook.cells}
    missing = [gid for gid in release if gid not in present]
    edited = [gid for gid, (_kind, source) in release.items()
              if gid in present and present[gid].source.strip() != source.strip()]
    # Same cell, only another assignment key: released before the course secret changed, not tampered with
    other_key = [gid for gid in edited if _without_key(present[gid].source) == _without_key(release[gid][1])]
    edited = [gid for gid in edited if gid not in other_key]
    notes = []
    if missing:
        notes.append(msg("batch.locked_removed", n=len(missing), cells=first(missing)))
    if edited:
        notes.append(msg("batch.locked_edited", n=len(edited), cells=first(edited)))
    if other_key:
        notes.append(msg("batch.key_differs", cells=first(other_key)))
    return notes


def _without_key(source: str) -> str:
    return stamp_source(source, lambda _assignment: "").strip()


def precheck(folder: Path, expected: list[str], trusted: set[str], allow_suspicious: bool = False,
             release: dict | None = None, notes: list | None = None):
    """None when the submission may be run, else (Dutch reason, findings). Remarks go into ``notes``."""
    release = release or {}
    notes = [] if notes is None else notes
    special = special_files(folder)
    if special:  # a symlink to solutions/ or the gradebook, a FIFO that blocks the reader, a device
        return msg("batch.special_files", files=first([printable(f) for f in special])), []
    found = sorted(p.name for p in folder.glob("*.ipynb"))
    missing = [name for name in expected if name not in found]
    present = [name for name in expected if name in found]
    if not present:
        if found:
            return msg("batch.wrong_name", found=printable(", ".join(found)), expected=", ".join(missing)), []
        return msg("batch.no_notebook", expected=", ".join(missing)), []
    if missing:  # graded for what is there, like stock nbgrader: the missing notebook scores 0
        notes.append(msg("batch.notebook_missing", missing=", ".join(missing)))
    findings = []
    for name in present:
        notebook, problem = read_notebook(folder / name)
        if problem:
            return f"{name}: {problem}", []
        findings += [f"{name}, {f.text()}" for f in scan_notebook(notebook, trusted)]
        notes += _changed_locked_cells(notebook, release.get(name, {}))
    if findings and not allow_suspicious:
        return msg("batch.suspicious"), findings
    return None


def submission_hash(folder: Path) -> str:
    """SHA-256 over the names and bytes of every file in a submission folder (for --resume)."""
    digest, budget = hashlib.sha256(), MAX_HASHED
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()):
        digest.update(str(path.relative_to(folder)).encode("utf-8", "surrogateescape") + b"\0")
        with open(path, "rb") as handle:
            while budget > 0 and (chunk := handle.read(min(1 << 20, budget))):
                digest.update(chunk)
                budget -= len(chunk)
        digest.update(b"\0")
    return digest.hexdigest()
