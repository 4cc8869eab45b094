"""Grade a whole class, safely and in parallel: ``python -m smmkit.grading autograde <opdracht>``.

nbgrader does the grading; the kit decides *where* the untrusted part runs and *who* writes:

1. precheck, in the parent, nothing run: the student id is a plain name (no glob pattern reaches
   nbgrader), the expected notebook is there and readable, the static scan
   (:mod:`smmkit.grading.scan`) finds no tampering. A submission that fails is *rejected* with its reason.
2. execute, in N worker processes side by side (``--workers``, default: the number of cores). A
   worker reads the submitted notebook, applies nbgrader's sanitize preprocessors (plus
   :class:`smmkit.grading.sanitize.RestoreGradingMetadata`: tags and grading metadata from the
   gradebook), copies *only* the notebook and the files the assignment declares (the learner's saved
   widget work, see :func:`declared_files`) into a throwaway folder and runs it with
   :class:`smmkit.grading.execute.SafeExecute`, the kernel inside bubblewrap
   (:mod:`smmkit.grading.sandbox`: no course folder, no network, own HOME, memory limit, every
   process killed at the end). A wall-clock limit per student (``--timeout``) kills the worker and
   with it the sandbox. Workers only *read* the gradebook.
3. record, in the parent only (one gradebook writer), after that student's sandbox has ended: stock
   ``nbgrader autograde`` for that student through nbgrader's API, with
   :class:`smmkit.grading.execute.Replay` in place of execution (it puts the worker's outputs back),
   so nbgrader's own preprocessors save the grades. The score in the report is read back from the
   gradebook right then: report and gradebook agree.
4. the report, ``autograded/rapport-<opdracht>.md`` and ``.json``, merged per student (rows of other
   students are kept, ``--student X`` changes only X) and rewritten after every student (atomically:
   never truncated). ``--resume`` skips students whose row is final and whose submission has not
   changed (a SHA-256 of the submission folder); Ctrl+C kills the workers and keeps the report.
5. a second attempt: a notebook in which a cell hit the per-cell limit (``SafeExecute.timeout``) is
   graded once more at the end of the batch, when the other students are done (less load), with
   that limit (and ``--timeout``) times ``--retry-timeout-factor`` (default 3; 1 or less: no second
   attempt). The second result is kept and the report says so, with both limits; a cell that is too
   slow again (a real infinite loop) is flagged in the report. Until the second attempt has been
   recorded the row is not final (``retry_pending``), so ``--resume`` grades it again.

Submissions are never modified or deleted.
"""
from __future__ import annotations

import copy
import hashlib
import itertools
import json
import logging
import math
import os
import re
import shutil
import signal
import stat
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from smmkit.grading.late import report_column as report_late_column
from smmkit.grading.scan import read_notebook, scan_notebook
from smmkit.messages import msg

GRADED, REJECTED, FAILED, TIMEOUT = "graded", "rejected", "failed", "timeout"
STATUSES = (GRADED, REJECTED, FAILED, TIMEOUT)  # the codes in the JSON report; the teacher reads batch.status.*
FINAL = (GRADED, REJECTED)
# the codes of reports written before they were English: read (--resume, merging) as the new ones
OLD_STATUSES = {"beoordeeld": GRADED, "afgewezen": REJECTED, "mislukt": FAILED, "time-out": TIMEOUT}
# A student id is a folder name and becomes an nbgrader --student value: no glob pattern, no path.
STUDENT_ID = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.@+-]{0,127}$")
SAVED_FILE = re.compile(r"""check\.saved_file\(\s*["']([^"'/\\]+)["']""")
MAX_HASHED = 50_000_000  # bytes of a submission folder that are hashed for --resume


@dataclass
class Outcome:
    student: str
    status: str
    score: float = 0.0
    max_score: float = 0.0
    reason: str = ""
    seconds: float = 0.0
    findings: list[str] = field(default_factory=list)
    hash: str = ""
    ignored_files: list[str] = field(default_factory=list)
    missing_files: list[str] = field(default_factory=list)
    sandbox: bool = True  # False: executed with --no-sandbox
    attempts: int = 1  # 2: graded again at the end of the batch, after a cell hit the per-cell limit
    cell_timeout: bool = False  # in the attempt kept here, a cell hit the per-cell limit and was interrupted
    cell_limit: float = 0.0  # that attempt's per-cell limit in seconds (0: unknown or none)
    retry_pending: bool = False  # a second attempt is due: not final, --resume grades it again


# C0/C1 control characters and terminal escape sequences (CSI, OSC such as OSC 52, which writes the
# clipboard; DCS, APC, PM): a file name or a wrong answer must never drive the teacher's terminal
_ESCAPES = re.compile(r"(?:\x1b[\]P^_X]|[\x9d\x90\x9e\x9f\x98])[\s\S]*?(?:\x07|\x1b\\|\x9c|$)"
                      r"|\x1b\[[0-?]*[ -/]*[@-~]|\x9b[0-?]*[ -/]*[@-~]|\x1b[ -/]*[0-~]")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text, keep_newlines: bool = False) -> str:
    """``text`` safe for a terminal and for UTF-8: escape sequences and control characters removed,
    bytes that are no UTF-8 (a file name with byte 0xff) written as ``\\xff``."""
    text = str(text).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    text = _ESCAPES.sub("", text)
    if not keep_newlines:
        text = text.replace("\n", " ").replace("\t", " ")
    return _CONTROLS.sub("", text)


def force_rmtree(path: Path) -> None:
    """Remove a folder that a student's code may have made unreadable (``chmod 000``): first ``chmod -R u+rwx``."""
    path = Path(path)
    if not path.exists() and not path.is_symlink():
        return
    try:
        os.chmod(path, 0o700)
    except OSError:
        pass
    # top-down: each folder is opened before os.walk descends into it, so one pass reaches every level
    for folder, dirs, _files in os.walk(path, topdown=True, onerror=lambda _e: None):
        for name in dirs:
            try:
                child = os.path.join(folder, name)
                if not os.path.islink(child):
                    os.chmod(child, 0o700)
            except OSError:
                pass
    shutil.rmtree(path, ignore_errors=True)


def special_files(folder: Path) -> list[str]:
    """Everything in a submission folder that is not a regular file or a folder: symlinks, FIFOs,
    sockets, devices (names relative to ``folder``; none of these ever moves)."""
    found = []
    for base, dirs, files in os.walk(folder, topdown=True, onerror=lambda _e: None):
        for name in dirs + files:
            path = os.path.join(base, name)
            try:
                mode = os.lstat(path).st_mode
            except OSError:
                continue
            if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
                found.append(os.path.relpath(path, folder))
        dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(base, d))]
    return sorted(found)


def copy_regular(src: Path, dest: Path) -> bool:
    """Copy ``src`` to ``dest`` only if it is a regular file (never through a symlink, never a FIFO)."""
    try:
        fd = os.open(src, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return False
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return False
        dest.parent.mkdir(parents=True, exist_ok=True)
        with os.fdopen(os.dup(fd), "rb") as source, open(dest, "wb") as target:
            shutil.copyfileobj(source, target)
        return True
    finally:
        os.close(fd)


def valid_student_id(student: str) -> bool:
    return bool(STUDENT_ID.match(student)) and ".." not in student


def source_notebooks(root: Path, assignment: str) -> list[str]:
    return sorted(p.name for p in (root / "solutions" / assignment).glob("*.ipynb"))


def _graded_cells(path: Path):
    """(cell, its nbgrader metadata) for every cell of a notebook file."""
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        yield cell, cell.get("metadata", {}).get("nbgrader", {})


def _text(cell) -> str:
    return cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])


def declared_files(source_dir: Path) -> list[str]:
    """Files a submission may bring besides its notebooks: the learner's saved widget work.

    Declared in one place per assignment: the ``check.saved_file("hNN_….json", …)`` call in a test
    cell of the source notebook, the check that reads the file (see solutions/README.md).
    """
    names = set()
    for path in source_dir.glob("*.ipynb"):
        for cell, _meta in _graded_cells(path):
            names.update(SAVED_FILE.findall(_text(cell)))
    return sorted(names)


def locked_ids(root: Path, assignment: str) -> set[str]:
    return {meta.get("grade_id")
            for path in (root / "solutions" / assignment).glob("*.ipynb")
            for _cell, meta in _graded_cells(path)
            if meta.get("locked") or meta.get("grade") and not meta.get("solution")}


def release_cells(root: Path, assignment: str) -> dict[str, dict[str, tuple[str, str]]]:
    """notebook -> grade_id -> (cell type, source) of the locked cells in the release version."""
    found = {}
    for path in (root / "exercises" / assignment).glob("*.ipynb"):
        cells = {}
        for cell, meta in _graded_cells(path):
            if meta.get("locked"):
                cells[meta["grade_id"]] = (cell["cell_type"], _text(cell))
        found[path.name] = cells
    return found


def _changed_locked_cells(notebook, release: dict) -> list[str]:
    present = {c.metadata.get("nbgrader", {}).get("grade_id"): c for c in notebook.cells}
    missing = [gid for gid in release if gid not in present]
    edited = [gid for gid, (_kind, source) in release.items()
              if gid in present and present[gid].source.strip() != source.strip()]
    notes = []
    if missing:
        notes.append(msg("batch.locked_removed", n=len(missing), cells=_first(missing)))
    if edited:
        notes.append(msg("batch.locked_edited", n=len(edited), cells=_first(edited)))
    return notes


def _first(names: list[str], n: int = 4) -> str:
    return ", ".join(names[:n]) + (" …" if len(names) > n else "")


def precheck(folder: Path, expected: list[str], trusted: set[str], allow_suspicious: bool = False,
             release: dict | None = None, notes: list | None = None):
    """None when the submission may be run, else (Dutch reason, findings). Remarks go into ``notes``."""
    release = release or {}
    notes = [] if notes is None else notes
    special = special_files(folder)
    if special:  # a symlink to solutions/ or the gradebook, a FIFO that blocks the reader, a device
        return msg("batch.special_files", files=_first([printable(f) for f in special])), []
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


def _flag(value) -> bool:
    """A boolean from the config; from the command line it arrives as text ("False")."""
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "on")
    return bool(value)


# --- the course: nbgrader's configuration, read once ------------------------------------------------

class Course:
    """The nbgrader course in ``root``: its config, folders and gradebook URL (sqlite or PostgreSQL)."""

    def __init__(self, root: Path, extra_args=()):
        from nbgrader.coursedir import CourseDirectory
        from traitlets.config.loader import KVArgParseConfigLoader, PyFileConfigLoader

        self.root = Path(root).resolve()
        config = PyFileConfigLoader("nbgrader_config.py", path=str(self.root)).load_config()
        if extra_args:
            given = KVArgParseConfigLoader(list(extra_args)).load_config()
            # the teacher's --Execute.timeout=N is meant for the executor, also where the course's
            # config file names the kit's subclass (c.SafeExecute.timeout wins over c.Execute.timeout)
            if "timeout" in given.get("Execute", {}) and "timeout" not in given.get("SafeExecute", {}):
                given.SafeExecute.timeout = given.Execute.timeout
            config.merge(given)
        self.config = config
        self.coursedir = CourseDirectory(config=config)
        self.coursedir.root = str(self.root)
        self.db_url = self.coursedir.db_url
        self.course_id = self.coursedir.course_id

    @property
    def create_student(self) -> bool:
        """``Autograde.create_student`` from the config (nbgrader's default: True)."""
        return _flag(self.config.get("Autograde", {}).get("create_student", True))

    @property
    def execute(self) -> bool:
        """False with ``--no-execute`` (``Execute.enabled = False``): the notebooks are graded as handed in."""
        for section in ("Execute", "SafeExecute"):
            if not _flag(self.config.get(section, {}).get("enabled", True)):
                return False
        return True

    def students(self) -> set[str]:
        from nbgrader.api import Gradebook

        with Gradebook(self.db_url, self.course_id) as gradebook:
            return {s.id for s in gradebook.students}

    def folder(self, name: str) -> Path:
        return (self.root / getattr(self.coursedir, f"{name}_directory")).resolve()

    def gradebook_file(self) -> Path | None:
        if self.db_url.startswith("sqlite:///"):
            return Path(self.db_url[len("sqlite:///"):]).resolve()
        return None

    def hidden(self) -> list[Path]:
        """Folders a kernel must never see: the course and everything nbgrader keeps."""
        folders = [self.root] + [self.folder(n) for n in ("source", "release", "submitted", "autograded", "feedback")]
        exchange = self.config.get("Exchange", {}).get("root", "/srv/nbgrader/exchange")
        folders.append(Path(exchange))
        db = self.gradebook_file()
        if db is not None and db.parent not in (Path("/"), Path.home()):
            folders.append(db.parent)
        return folders

    def preprocessors(self, phase: str) -> list:
        """nbgrader's sanitize or autograde preprocessor classes from the config, with the kit's changes."""
        from nbgrader.converters import Autograde
        from traitlets.utils.importstring import import_item

        from smmkit.grading.sanitize import RestoreGradingMetadata

        trait = f"{phase}_preprocessors"
        items = self.config.get("Autograde", {}).get(trait) or getattr(Autograde, trait).default_value
        classes = [import_item(i) if isinstance(i, str) else i for i in items]
        if phase == "sanitize" and RestoreGradingMetadata not in classes:
            names = [c.__name__ for c in classes]
            at = names.index("OverwriteCells") if "OverwriteCells" in names else len(classes)
            classes.insert(at, RestoreGradingMetadata)
        return classes

    def recording_api(self, staging: Path):
        """nbgrader's API for the parent: stock autograde, with Replay instead of running the kernel."""
        from nbgrader.apps import NbGraderAPI
        from nbgrader.coursedir import CourseDirectory
        from nbgrader.preprocessors import Execute

        from smmkit.grading.execute import Replay

        config = copy.deepcopy(self.config)
        config.Autograde.sanitize_preprocessors = self.preprocessors("sanitize")
        config.Autograde.autograde_preprocessors = [
            Replay if isinstance(c, type) and issubclass(c, Execute) else c for c in self.preprocessors("autograde")]
        config.Replay.staging = str(staging)
        coursedir = CourseDirectory(config=config)
        coursedir.root = str(self.root)
        return NbGraderAPI(coursedir=coursedir, config=config)

    def check_assignment(self, assignment: str) -> None:
        from nbgrader.api import Gradebook, MissingEntry

        with Gradebook(self.db_url, self.course_id) as gradebook:
            try:
                gradebook.find_assignment(assignment)
            except MissingEntry:
                raise SystemExit(msg("batch.assignment_unknown", assignment=assignment)) from None

    def previous_score(self, assignment: str, student: str) -> float | None:
        """The score the gradebook still holds for a student (None: never graded)."""
        from nbgrader.api import Gradebook, MissingEntry

        with Gradebook(self.db_url, self.course_id) as gradebook:
            try:
                return float(gradebook.find_submission(assignment, student).code_score)
            except MissingEntry:
                return None

    def score(self, assignment: str, student: str) -> tuple[float, float]:
        from nbgrader.api import Gradebook

        with Gradebook(self.db_url, self.course_id) as gradebook:
            submission = gradebook.find_submission(assignment, student)
            return float(submission.code_score), float(submission.max_code_score)


# --- a worker: one submission, executed in the sandbox (runs in a forked child) ---------------------

@dataclass
class Job:
    student: str
    folder: Path
    notebooks: list[str]
    declared: list[str]
    hash: str
    notes: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    pid: int = 0
    started: float = 0.0
    attempt: int = 1
    factor: float = 1.0  # the per-cell limit and the wall-clock limit are multiplied by this
    first_limit: float = 0.0  # per-cell limit of the first attempt (seconds), for the report
    absent: list[str] = field(default_factory=list)  # notebooks of the assignment not handed in (score 0)
    index: int = 0  # short name of its work folder (a socket path has at most 107 characters)
    limits: object = None  # smmkit.grading.sandbox.Limits of its sandbox, made by the parent
    ipc: Path | None = None  # its sockets' folder in /dev/shm (with limits), made and removed by the parent


def course_sandbox(course: Course, work: Path, memory_mb: int, limits=None):
    """The sandbox of one submission of ``course`` (see :mod:`smmkit.grading.sandbox`)."""
    from smmkit.grading.sandbox import Sandbox

    return Sandbox(work=work, hide=course.hidden(), memory_mb=memory_mb,
                   hide_files=[p for p in [course.gradebook_file()] if p],
                   env={"NBGRADER_EXECUTION": "autograde"}, limits=limits)


def copy_inputs(course: Course, assignment: str, job: Job, here: Path) -> None:
    """Into ``here`` (the sandbox's working folder): the assignment's data files as nbgrader's autograde
    gives them (the source's version, the student's for files in ``Autograde.exclude_overwriting``),
    then the student's declared files. Regular files only; notebooks are never copied (nbclient sends
    the cells)."""
    source = course.folder("source") / assignment
    keep = set(course.config.get("Autograde", {}).get("exclude_overwriting", {}).get(assignment, []))
    for rel in data_files(course, assignment):
        if not (rel in keep and copy_regular(job.folder / rel, here / rel)):
            copy_regular(source / rel, here / rel)
    for name in job.declared:
        copy_regular(job.folder / name, here / name)


def execute_submission(course: Course, assignment: str, job: Job, work: Path, out: Path, memory_mb: int,
                       sandbox: bool = True) -> None:
    """Sanitize and execute one submission's notebooks; the executed notebooks go to ``out``."""
    import nbformat
    from nbgrader import utils

    from smmkit.grading.execute import SafeExecute

    # the Execute of the course's config (the kit's: smmkit.grading.twoproc.TwoProcessExecute)
    runner = next((c for c in course.preprocessors("autograde") if isinstance(c, type) and issubclass(c, SafeExecute)),
                  SafeExecute)

    box = course_sandbox(course, work, memory_mb, job.limits)
    box.ipc_dir = job.ipc
    box.prepare()
    here = box.work / assignment
    here.mkdir(parents=True, exist_ok=True)
    copy_inputs(course, assignment, job, here)
    out.mkdir(parents=True, exist_ok=True)
    sanitize = course.preprocessors("sanitize")
    for name in job.notebooks:
        notebook = nbformat.read(job.folder / name, as_version=4)
        resources = {"nbgrader": {"student": job.student, "assignment": assignment,
                                  "notebook": os.path.splitext(name)[0], "db_url": course.db_url},
                     "metadata": {"path": str(here)}}
        for cls in sanitize:
            notebook, resources = cls(config=course.config)(notebook, resources)
        executor = runner(config=course.config)
        if job.factor > 1 and executor.timeout:  # via the config: preprocess() reads its traits from it again
            config = copy.deepcopy(course.config)
            config.SafeExecute.timeout = int(math.ceil(executor.timeout * job.factor))
            executor = runner(config=config)
        if sandbox:
            executor.sandbox, executor.sandbox_cwd = box, here
        if course.execute:  # --no-execute: graded as handed in, nothing of the student's runs
            with utils.setenv(NBGRADER_EXECUTION="autograde"):
                notebook, resources = executor.preprocess(notebook, resources)
        notes = [msg("batch.missing_file_feedback", files=", ".join(job.missing))] if job.missing else []
        if job.absent:
            notes.append(msg("batch.notebook_missing_feedback", missing=", ".join(job.absent)))
        notebook.metadata["smmkit"] = {"notes": notes,
                                       "cell_timeouts": getattr(executor, "cell_timeouts", 0),
                                       "cell_limit": executor.timeout or 0}
        nbformat.write(notebook, out / name)


def _child(course, assignment, job, work, out, log, memory_mb, sandbox) -> None:  # pragma: no cover - child
    code = 1
    try:
        os.setsid()
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        sys.stdout = os.fdopen(1, "w", buffering=1, closefd=False, encoding="utf-8", errors="backslashreplace")
        sys.stderr = os.fdopen(2, "w", buffering=1, closefd=False, encoding="utf-8", errors="backslashreplace")
        logging.basicConfig(stream=sys.stderr, level=logging.INFO, force=True)
        execute_submission(course, assignment, job, work, out, memory_mb, sandbox)
        code = 0
    except BaseException:
        import traceback

        traceback.print_exc()
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


# --- the report ------------------------------------------------------------------------------------

def report_paths(course_root: Path, assignment: str, autograded: Path | None = None) -> tuple[Path, Path]:
    folder = autograded or course_root / "autograded"
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


def _atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    # backslashreplace: a name with a byte that is no UTF-8 is written as \udcff (JSON reads it back as is)
    with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace") as handle:
        handle.write(text)
    os.replace(tmp, path)


def write_report(root: Path, assignment: str, outcomes, folder: Path | None = None, sandbox: bool = True,
                 quiet: bool = False, notes=()) -> Path:
    """Write the report of ``outcomes`` (Outcome objects or rows), merged by student, atomically."""
    rows = {}
    for item in outcomes:
        row = asdict(item) if isinstance(item, Outcome) else dict(item)
        rows[row["student"]] = row
    ordered = [rows[s] for s in sorted(rows)]
    json_path, md_path = report_paths(Path(root), assignment, folder)
    _atomic_write(json_path, json.dumps(ordered, ensure_ascii=False, indent=1) + "\n")
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
    _atomic_write(md_path, "\n".join(lines) + "\n")
    if not quiet:
        print(printable(msg("batch.report.written", path=md_path)), flush=True)
    return md_path


# --- progress --------------------------------------------------------------------------------------

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


# --- the batch -------------------------------------------------------------------------------------

def _notes_from_log(text: str) -> list[str]:
    notes = []
    if "was missing from the submission" in text or "Missing grade cell" in text:
        notes.append(msg("batch.note.restored_cells"))
    if "restored from the gradebook" in text or "metadata of an unknown cell" in text or "tags removed" in text:
        notes.append(msg("batch.note.restored_metadata"))
    if "Kernel answers no more" in text or "Kernel died" in text:
        notes.append(msg("batch.note.kernel_stopped"))
    if "Timeout waiting for execute reply" in text:
        notes.append(msg("batch.note.interrupted_cell"))
    return notes


def plan(course: Course, assignment: str, students=None, resume: bool = False, allow_suspicious: bool = False,
         previous: dict | None = None):
    """(jobs to run, outcomes decided without running, students skipped by --resume)."""
    root = course.root
    source = course.folder("source") / assignment
    expected = sorted(p.name for p in source.glob("*.ipynb"))
    if not expected:
        raise SystemExit(msg("batch.no_source", assignment=assignment))
    declared = declared_files(source)
    trusted = locked_ids(root, assignment) if (root / "solutions").resolve() == course.folder("source") else set()
    trusted |= {meta.get("grade_id") for path in source.glob("*.ipynb") for _c, meta in _graded_cells(path)
                if meta.get("locked") or meta.get("grade") and not meta.get("solution")}
    release = {}
    for path in (course.folder("release") / assignment).glob("*.ipynb"):
        release[path.name] = {meta["grade_id"]: (cell["cell_type"], _text(cell))
                              for cell, meta in _graded_cells(path) if meta.get("locked")}
    previous = previous or {}
    submitted = course.folder("submitted")
    folders = sorted(p for p in submitted.iterdir() if (p / assignment).is_dir()) if submitted.is_dir() else []
    wanted = set(students or [])
    found = {p.name for p in folders}
    if wanted - found:
        print(printable(msg("batch.unknown_students", students=", ".join(sorted(wanted - found)))), flush=True)
    data = data_files(course, assignment)
    students_known = None
    if not course.create_student:
        students_known = course.students()
    jobs, decided, skipped = [], [], []
    for student_folder in folders:
        student, folder = student_folder.name, student_folder / assignment
        if wanted and student not in wanted:
            continue
        try:  # one unreadable or strange submission is a row of the report, never the end of the batch
            _plan_one(student, folder, expected, declared, data, trusted, release, previous, resume,
                      allow_suspicious, students_known, jobs, decided, skipped)
        except Exception as exc:
            decided.append(Outcome(student, REJECTED, reason=msg(
                "batch.precheck_failed", error=printable(f"{type(exc).__name__}: {exc}"))))
    return jobs, decided, skipped


def _plan_one(student, folder, expected, declared, data, trusted, release, previous, resume, allow_suspicious,
              students_known, jobs, decided, skipped) -> None:
    if not valid_student_id(student):
        decided.append(Outcome(student, REJECTED, reason=msg("batch.bad_student_id", student=printable(student))))
        return
    if students_known is not None and student not in students_known:  # Autograde.create_student = False
        decided.append(Outcome(student, REJECTED, reason=msg("batch.unknown_student", student=student)))
        return
    digest = submission_hash(folder)
    old = previous.get(student)
    if (resume and old and old.get("status") in FINAL and old.get("hash") == digest
            and not old.get("retry_pending")):
        skipped.append(student)
        return
    notes: list[str] = []
    try:
        problem = precheck(folder, expected, trusted, allow_suspicious, release, notes)
    except Exception as exc:  # a bug in a precheck must not stop the batch
        problem = (msg("batch.precheck_failed", error=printable(f"{type(exc).__name__}: {exc}")), [])
    files = sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    ignored = [printable(f) for f in files if f not in expected and f not in declared and f not in data
               and f != "timestamp.txt" and not f.startswith(".ipynb_checkpoints")]
    missing = [f for f in declared if not (folder / f).is_file()]
    if problem:
        decided.append(Outcome(student, REJECTED, reason=problem[0], findings=problem[1], hash=digest,
                               ignored_files=ignored, missing_files=missing))
        return
    if ignored:
        notes.append(msg("batch.ignored_files", files=", ".join(ignored[:10]) + (" …" if len(ignored) > 10 else "")))
    if missing:
        notes.append(msg("batch.missing_file", files=", ".join(missing)))
    present = [name for name in expected if (folder / name).is_file()]
    jobs.append(Job(student, folder, present, declared, digest, notes, ignored, missing,
                    absent=[name for name in expected if name not in present]))


def data_files(course: "Course", assignment: str) -> list[str]:
    """The assignment's own data files: every file of the source folder that is not a notebook and not
    in nbgrader's ignore list (``CourseDirectory.ignore``), as nbgrader's autograde copies them."""
    from nbgrader import utils

    source = course.folder("source") / assignment
    ignore = list(course.coursedir.ignore) + ["*.ipynb"]
    return sorted(os.path.relpath(f, source) for f in utils.find_all_files(str(source), ignore)
                  if os.path.isfile(f) and not os.path.islink(f))


def _kill(job: Job) -> None:
    for target in (lambda: os.killpg(job.pid, signal.SIGKILL), lambda: os.kill(job.pid, signal.SIGKILL)):
        try:
            target()
        except (ProcessLookupError, PermissionError):
            pass
    try:
        os.waitpid(job.pid, 0)
    except ChildProcessError:
        pass


def autograde(root, assignment: str, students=None, timeout: float = 300, memory_mb: int = 3072,
              allow_suspicious: bool = False, extra_args=(), workers: int | None = None, resume: bool = False,
              sandbox: bool = True, progress_stream=None, retry_factor: float = 3.0) -> list[Outcome]:
    """Grade the submissions of ``assignment`` (or only ``students``); returns the Outcome of each one
    graded or rejected in this run (a student graded twice: both, the second one counts). The report
    keeps the rows of everyone else. ``retry_factor``: see step 5 in the module docstring."""
    from smmkit.grading.sandbox import bwrap_path, detect_limits, probe, shm_ipc_dir

    if sandbox and bwrap_path() is None:
        raise SystemExit(msg("batch.no_bwrap"))
    course = Course(Path(root), extra_args)
    course.check_assignment(assignment)
    json_path, _md = report_paths(course.root, assignment, course.folder("autograded"))
    rows = read_report(json_path)
    jobs, decided, skipped = plan(course, assignment, students, resume, allow_suspicious, rows)
    workers = max(1, workers or default_workers())
    outcomes: list[Outcome] = []
    report_notes: list[str] = []
    sandboxed = sandbox and course.execute  # --no-execute runs nothing of the students'
    limits = None
    tmp = Path(tempfile.mkdtemp(prefix="smmkit-nakijken-"))
    if sandboxed and jobs:
        limits = detect_limits(memory_mb)
        if not limits.mode:  # only the per-process limits: say so, here and in the report
            report_notes.append(msg("batch.no_cgroup", memory=memory_mb))
            print(msg("batch.no_cgroup", memory=memory_mb), flush=True)
        try:  # the kit must import inside the sandbox, else every student would get 0
            check = probe(course_sandbox(course, tmp / "proef", memory_mb, limits.child() if limits.mode else None),
                          "import smmkit, smmkit.check, smmkit.data, ipykernel.kernelapp")
            problem = "" if check.returncode == 0 else (check.stderr.strip().splitlines() or ["?"])[-1]
        except Exception as exc:
            problem = f"{type(exc).__name__}: {exc}"
        if problem:
            force_rmtree(tmp)
            raise SystemExit(msg("batch.kit_import_failed", detail=printable(problem)[:300]))
    progress = Progress(len(jobs) + len(decided), workers, progress_stream)
    if skipped:
        print(msg("batch.skipped_resume", count=len(skipped)), flush=True)

    def record(outcome: Outcome) -> None:
        if outcome.status != GRADED and valid_student_id(outcome.student):
            try:
                old = course.previous_score(assignment, outcome.student)
            except Exception:  # pragma: no cover - a gradebook hiccup must not end the batch
                old = None
            if old is not None:  # say so: the gradebook keeps the score of an earlier round
                outcome.reason = "; ".join(filter(None, [outcome.reason, msg("batch.stale_gradebook", score=f"{old:g}")]))
        outcomes.append(outcome)
        rows[outcome.student] = asdict(outcome)
        write_report(course.root, assignment, rows.values(), course.folder("autograded"), sandbox, quiet=True,
                     notes=report_notes)
        score = f"{outcome.score:g}/{outcome.max_score:g}" if outcome.status == GRADED else ""
        progress.step(printable(msg("batch.row", student=outcome.student, status=msg(f"batch.status.{outcome.status}"),
                                    score=score, reason=outcome.reason)))

    for outcome in decided:
        record(outcome)
    if not jobs:
        force_rmtree(tmp)
        write_report(course.root, assignment, rows.values(), course.folder("autograded"), sandbox, notes=report_notes)
        return outcomes

    import nbgrader.apps  # noqa: F401  (import once, before forking)
    import nbgrader.preprocessors  # noqa: F401

    import smmkit.grading.execute  # noqa: F401
    import smmkit.grading.sandbox  # noqa: F401

    staging, logs = tmp / "uit", course.folder("autograded") / ".logs"
    logs.mkdir(parents=True, exist_ok=True)
    api = course.recording_api(staging)
    from smmkit.grading import twoproc  # one warm test server for the workers forked below (design note §2.3)

    twoproc.start_for_course(course, tmp / "tests", memory_mb, sandbox)
    pending, running, retries = list(jobs), {}, []
    counter = itertools.count(1)
    busy: list = []  # cgroups whose processes were still dying when their job ended
    previous_term = signal.getsignal(signal.SIGTERM)

    def on_term(_signum, _frame):
        raise KeyboardInterrupt

    if threading_main():
        signal.signal(signal.SIGTERM, on_term)
    try:
        while pending or running or retries:
            if not pending and not running:  # the others are done: now the second attempts
                pending, retries = retries, []
            while pending and len(running) < workers:
                job = pending.pop(0)
                job.index = next(counter)
                work, out = tmp / f"w{job.index}", staging / job.student
                log = logs / f"{assignment}-{job.student}.txt"
                if job.attempt > 1:  # keep the first attempt's log; never read its notebooks again
                    force_rmtree(out)
                    if log.exists():
                        os.replace(log, logs / f"{assignment}-{job.student}-poging1.txt")
                job.limits, job.ipc = None, None
                if limits is not None and limits.mode:
                    job.limits = limits.child(f"smmkit-{os.getpid()}-{job.index}")
                    try:
                        job.limits.create()
                    except OSError:  # pragma: no cover - the groups worked a moment ago
                        job.limits.remove()
                        job.limits = None
                    else:
                        job.ipc = shm_ipc_dir()
                sys.stdout.flush()
                sys.stderr.flush()
                try:
                    pid = _fork()
                except OSError as exc:  # the machine has no processes left, even after waiting
                    if job.limits is not None:
                        job.limits.remove()
                    if job.ipc is not None:
                        force_rmtree(job.ipc)
                    job.started = time.monotonic()
                    record(Outcome(job.student, FAILED, reason=msg("batch.fork_failed", error=printable(exc)),
                                   hash=job.hash, sandbox=sandbox, attempts=job.attempt))
                    continue
                if pid == 0:
                    _child(course, assignment, job, work, out, log, memory_mb, sandbox)
                job.pid, job.started = pid, time.monotonic()
                running[pid] = job
            finished = []
            for pid, job in list(running.items()):
                done, status = os.waitpid(pid, os.WNOHANG)
                if done:
                    finished.append((job, os.waitstatus_to_exitcode(status)))
                elif time.monotonic() - job.started > timeout * job.factor:
                    _kill(job)
                    finished.append((job, None))
            for job, code in finished:
                del running[job.pid]
                if job.limits is not None and not job.limits.remove(wait=0.2):  # what the sandbox left running
                    busy.append(job.limits)  # processes still dying: removed a little later
                if job.ipc is not None:
                    force_rmtree(job.ipc)
                try:
                    outcome = _finish(course, api, assignment, job, code, staging, logs, timeout * job.factor,
                                      sandbox)
                except Exception as exc:  # one bad student is a row of the report, never the end of the batch
                    outcome = Outcome(job.student, FAILED, reason=msg(
                        "batch.failed", code="-", detail=printable(f"{type(exc).__name__}: {exc}")[:200],
                        log=f"{assignment}-{job.student}.txt"), hash=job.hash, sandbox=sandbox, attempts=job.attempt)
                if outcome.status == GRADED and outcome.cell_timeout and job.attempt == 1 and retry_factor > 1:
                    outcome.retry_pending = True
                    outcome.reason = "; ".join(filter(None, [outcome.reason, msg(
                        "batch.note.retry_pending", limit=_seconds(outcome.cell_limit),
                        longer=_seconds(math.ceil(outcome.cell_limit * retry_factor)))]))
                    retries.append(Job(job.student, job.folder, job.notebooks, job.declared, job.hash, job.notes,
                                       job.ignored, job.missing, attempt=2, factor=retry_factor,
                                       first_limit=outcome.cell_limit, absent=job.absent))
                    progress.total += 1
                if job.attempt > 1 and outcome.status != GRADED:  # the second attempt failed: say it was one
                    outcome.reason = "; ".join(filter(None, [msg(
                        "batch.note.retry_not_graded", limit=_seconds(job.first_limit)), outcome.reason]))
                record(outcome)
                force_rmtree(tmp / f"w{job.index}")
            busy[:] = [group for group in busy if not group.remove(wait=0)]
            if not finished:
                time.sleep(0.05)
    except KeyboardInterrupt:
        for job in running.values():
            _kill(job)
            if job.limits is not None:
                job.limits.remove(wait=5)
            if job.ipc is not None:
                force_rmtree(job.ipc)
        running.clear()
        progress.close()
        print(msg("batch.interrupted", done=len(outcomes), total=progress.total), flush=True)
        raise
    finally:
        for job in running.values():
            _kill(job)
            if job.limits is not None:
                job.limits.remove(wait=5)
            if job.ipc is not None:
                force_rmtree(job.ipc)
        for group in busy:
            group.remove(wait=10)
        if threading_main():
            signal.signal(signal.SIGTERM, previous_term)
        twoproc.stop_shared_server()
        force_rmtree(tmp)
    progress.close()
    write_report(course.root, assignment, rows.values(), course.folder("autograded"), sandbox, notes=report_notes)
    return outcomes


def _fork(attempts: int = 8) -> int:
    """os.fork(), tried again with growing pauses when the machine has no process left (EAGAIN)."""
    for attempt in range(attempts):
        try:
            return os.fork()
        except OSError:
            if attempt == attempts - 1:
                raise
            time.sleep(min(0.25 * 2 ** attempt, 8))
    raise OSError("fork")  # pragma: no cover


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def threading_main() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


def _finish(course: Course, api, assignment: str, job: Job, code, staging: Path, logs: Path,
            timeout: float, sandbox: bool = True) -> Outcome:
    """After a worker ended: let stock nbgrader record its notebook in the gradebook (parent only)."""
    seconds = time.monotonic() - job.started
    log = logs / f"{assignment}-{job.student}.txt"
    common = dict(hash=job.hash, ignored_files=job.ignored, missing_files=job.missing, seconds=seconds,
                  sandbox=sandbox, attempts=job.attempt)
    if code is None:
        return Outcome(job.student, TIMEOUT, reason=msg("batch.timeout", seconds=f"{timeout:.0f}", log=log.name),
                       **common)
    text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
    if code != 0 or not all((staging / job.student / n).exists() for n in job.notebooks):
        last = [line for line in text.splitlines() if "Error" in line or "ERROR" in line][-1:]
        return Outcome(job.student, FAILED, reason=msg("batch.failed", code=code, detail="".join(last)[:200],
                                                          log=log.name), **common)
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # SQLAlchemy's SAWarnings from inside nbgrader, noise for a teacher
        result = api.autograde(assignment, job.student, force=True, create=course.create_student)
    with open(log, "a", encoding="utf-8", errors="backslashreplace") as handle:
        handle.write("\n--- nbgrader autograde (gradebook) ---\n" + (result.get("log") or "") +
                     (result.get("error") or ""))
    if not result.get("success"):
        detail = (result.get("error") or "").strip().splitlines()[-1:] or ["?"]
        return Outcome(job.student, FAILED, reason=msg("batch.failed", code="-", detail=detail[0][:200],
                                                          log=log.name), **common)
    score, max_score = course.score(assignment, job.student)
    notes = job.notes + _notes_from_log(text + (result.get("log") or ""))
    timeouts, limit = _cell_timeouts(staging / job.student, job.notebooks)
    if job.attempt > 1:
        notes.append(msg("batch.note.retry_timeout_again" if timeouts else "batch.note.retried",
                         limit=_seconds(job.first_limit), longer=_seconds(limit)))
    return Outcome(job.student, GRADED, score, max_score, "; ".join(dict.fromkeys(notes)),
                   cell_timeout=timeouts > 0, cell_limit=limit, **common)


def _cell_timeouts(folder: Path, notebooks: list[str]) -> tuple[int, float]:
    """(cells that hit the per-cell limit, that limit in seconds) in a worker's executed notebooks."""
    count, limit = 0, 0.0
    for name in notebooks:
        try:
            info = json.loads((folder / name).read_text(encoding="utf-8"))["metadata"].get("smmkit", {})
        except (OSError, ValueError, KeyError):
            continue
        count += int(info.get("cell_timeouts") or 0)
        limit = max(limit, float(info.get("cell_limit") or 0))
    return count, limit


def _seconds(value: float) -> str:
    return f"{value:g}"
