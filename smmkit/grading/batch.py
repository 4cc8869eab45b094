"""Grade a whole class in one go, safely: ``python -m smmkit.grading autograde <opdracht>``.

Stock ``nbgrader autograde <opdracht>`` grades every student in one process; one broken or hostile
notebook can stop the batch or slow it to a crawl. This runner keeps stock nbgrader for the actual
grading but calls it once per student, after prechecks, with limits:

1. precheck (nothing is run): the expected notebook is there (a wrong file name is reported with the
   name found), the file is not empty, is valid JSON and a valid notebook, and the static scan
   (:mod:`smmkit.grading.scan`) finds no tampering. A submission that fails is *rejected* with its
   reason; it stays untouched in ``submitted/``.
2. ``nbgrader autograde <opdracht> --student <id> --force`` in its own process group, with a wall-clock
   limit (``--timeout``) and a memory limit for it and its kernel (``--memory-mb``).
3. a report, ``autograded/rapport-<opdracht>.md`` and ``.json``: per student the status (graded,
   rejected, failed, time-out), the score and the reason, in Dutch.

Submissions are never modified or deleted.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from smmkit.grading.scan import read_notebook, scan_notebook

STATUS_TEXT = {
    "beoordeeld": "beoordeeld",
    "afgewezen": "afgewezen (niet uitgevoerd)",
    "mislukt": "nbgrader gaf een fout",
    "time-out": "gestopt na de tijdslimiet",
}


@dataclass
class Outcome:
    student: str
    status: str
    score: float = 0.0
    max_score: float = 0.0
    reason: str = ""
    seconds: float = 0.0
    findings: list[str] = field(default_factory=list)


def _nbgrader_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("nbgrader")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "nbgrader"]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    bindir = str(Path(sys.executable).parent)
    if bindir not in env.get("PATH", "").split(os.pathsep):  # nbgrader calls `alembic` by name
        env["PATH"] = bindir + os.pathsep + env.get("PATH", "")
    env.setdefault("MPLBACKEND", "Agg")
    return env


def _limits(memory_mb: int):
    def apply():  # runs in the child before exec: new session, memory cap for nbgrader and its kernel
        os.setsid()
        try:
            import resource

            cap = memory_mb * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
        except (ImportError, ValueError, OSError):
            pass
    return apply


def source_notebooks(root: Path, assignment: str) -> list[str]:
    return sorted(p.name for p in (root / "solutions" / assignment).glob("*.ipynb"))


def _graded_cells(path: Path):
    """(cell, its nbgrader metadata) for every cell of a notebook file."""
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        yield cell, cell.get("metadata", {}).get("nbgrader", {})


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
                source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
                cells[meta["grade_id"]] = (cell["cell_type"], source)
        found[path.name] = cells
    return found


def _changed_locked_cells(notebook, release: dict) -> list[str]:
    present = {c.metadata.get("nbgrader", {}).get("grade_id"): c for c in notebook.cells}
    missing = [gid for gid in release if gid not in present]
    edited = [gid for gid, (_kind, source) in release.items()
              if gid in present and present[gid].source.strip() != source.strip()]
    notes = []
    if missing:
        notes.append(f"{len(missing)} vergrendelde cel(len) verwijderd of onherkenbaar gemaakt "
                     f"({', '.join(missing[:4])}{' …' if len(missing) > 4 else ''}); nbgrader zet testcellen terug")
    if edited:
        notes.append(f"{len(edited)} vergrendelde cel(len) gewijzigd ({', '.join(edited[:4])}"
                     f"{' …' if len(edited) > 4 else ''}); nbgrader herstelt ze")
    return notes


def precheck(folder: Path, expected: list[str], trusted: set[str], allow_suspicious: bool = False,
             release: dict | None = None, notes: list | None = None):
    """None when the submission may be run, else (Dutch reason, findings). Remarks go into ``notes``."""
    release = release or {}
    notes = [] if notes is None else notes
    found = sorted(p.name for p in folder.glob("*.ipynb"))
    missing = [name for name in expected if name not in found]
    if missing:
        if found:
            return (f"verkeerde bestandsnaam: ingeleverd {', '.join(found)}, verwacht {', '.join(missing)}. "
                    "Hernoem het bestand in submitted/ en beoordeel deze student opnieuw (--student).", [])
        return f"geen notebook ingeleverd (verwacht {', '.join(missing)})", []
    findings = []
    for name in expected:
        notebook, problem = read_notebook(folder / name)
        if problem:
            return f"{name}: {problem}", []
        findings += [f"{name}, {f.text()}" for f in scan_notebook(notebook, trusted)]
        notes += _changed_locked_cells(notebook, release.get(name, {}))
    if findings and not allow_suspicious:
        return ("verdacht: de inzending probeert de beoordeling te beïnvloeden; bekijk hem zelf en beoordeel "
                "hem eventueel opnieuw met --allow-suspicious", findings)
    return None


def _score(root: Path, assignment: str, student: str) -> tuple[float, float]:
    from nbgrader.api import Gradebook

    config = _course_config(root)
    with Gradebook(config["db_url"], config["course_id"]) as gradebook:
        submission = gradebook.find_submission(assignment, student)
        return float(submission.code_score), float(submission.max_code_score)


def _course_config(root: Path) -> dict:
    from nbgrader.coursedir import CourseDirectory
    from traitlets.config.loader import PyFileConfigLoader

    config = PyFileConfigLoader("nbgrader_config.py", path=str(root)).load_config()
    coursedir = CourseDirectory(config=config)
    return {"db_url": coursedir.db_url, "course_id": coursedir.course_id}


def _child(root: Path, argv: list[str], log: Path, result: Path, memory_mb: int, assignment: str,
           student: str) -> None:  # pragma: no cover - runs in the forked child
    code = 1
    try:
        _limits(memory_mb)()
        fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        os.chdir(root)
        os.environ.update(_env())
        from nbgrader.apps.nbgraderapp import NbGraderApp

        try:
            NbGraderApp.launch_instance(argv=argv)
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        if code == 0:
            _write_score(root, assignment, student, result)
    except BaseException:
        import traceback

        traceback.print_exc()
        code = code or 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def _run_forked(root, argv, log, result, timeout, memory_mb, assignment, student):
    """Run nbgrader in a forked child (nbgrader is imported once, in the parent). Returns exit code or None."""
    import nbgrader.apps.nbgraderapp  # noqa: F401  (import once, before forking)
    import smmkit.grading.execute  # noqa: F401

    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        _child(root, argv, log, result, memory_mb, assignment, student)
    deadline = time.monotonic() + timeout
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        if time.monotonic() > deadline:
            try:
                os.killpg(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            os.waitpid(pid, 0)
            return None
        time.sleep(0.1)


def _run_subprocess(root, argv, log, result, timeout, memory_mb, assignment, student):
    with open(log, "wb") as out:
        process = subprocess.Popen(_nbgrader_cmd() + argv, cwd=root, env=_env(), stdout=out,
                                   stderr=subprocess.STDOUT, preexec_fn=_limits(memory_mb) if os.name == "posix" else None)
        try:
            code = process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL) if os.name == "posix" else process.kill()
            process.wait()
            return None
    if code == 0:
        _write_score(root, assignment, student, result)
    return code


def _write_score(root, assignment, student, result: Path) -> None:
    """After a clean nbgrader run: the gradebook's score, for the parent process to read."""
    score, max_score = _score(root, assignment, student)
    result.write_text(json.dumps({"score": score, "max_score": max_score}))


def grade_one(root: Path, assignment: str, student: str, timeout: float, memory_mb: int,
              extra_args=()) -> Outcome:
    start = time.monotonic()
    argv = ["autograde", assignment, "--student", student, "--force", *extra_args]
    log = root / "autograded" / f".log-{assignment}-{student}.txt"
    result = log.with_suffix(".json")
    log.parent.mkdir(parents=True, exist_ok=True)
    result.unlink(missing_ok=True)
    run = _run_forked if hasattr(os, "fork") else _run_subprocess
    code = run(root, argv, log, result, timeout, memory_mb, assignment, student)
    if code is None:
        return Outcome(student, "time-out", reason=f"na {timeout:.0f} s gestopt; zie {log.name}",
                       seconds=time.monotonic() - start)
    seconds = time.monotonic() - start
    text = log.read_text(encoding="utf-8", errors="replace")
    if code != 0 or not result.exists():
        last = [line for line in text.splitlines() if "ERROR" in line or "Error" in line][-1:]
        return Outcome(student, "mislukt", reason=f"exitcode {code}; {''.join(last)[:200]} (zie {log.name})",
                       seconds=seconds)
    scores = json.loads(result.read_text())
    score, max_score = scores["score"], scores["max_score"]
    notes = []
    if "was missing from the submission" in text or "Missing grade cell" in text:
        notes.append("ontbrekende testcellen teruggezet")
    if "Kernel answers no more" in text or "Kernel died" in text:
        notes.append("kernel gestopt (oneindige lus of afsluiten); latere cellen niet uitgevoerd")
    if "Timeout waiting for execute reply" in text:
        notes.append("een cel liep te lang en is onderbroken")
    return Outcome(student, "beoordeeld", score, max_score, "; ".join(notes), seconds)


def autograde(root, assignment: str, students=None, timeout: float = 300, memory_mb: int = 3072,
              allow_suspicious: bool = False, extra_args=()) -> list[Outcome]:
    """Grade every submission of ``assignment`` (or only ``students``); returns one Outcome each."""
    root = Path(root).resolve()
    expected = source_notebooks(root, assignment)
    if not expected:
        raise SystemExit(f"Geen bronnotebook gevonden in solutions/{assignment}/.")
    trusted = locked_ids(root, assignment)
    release = release_cells(root, assignment)
    folders = sorted(p for p in (root / "submitted").glob(f"*/{assignment}") if p.is_dir())
    outcomes = []
    for folder in folders:
        student = folder.parent.name
        if students and student not in students:
            continue
        print(f"[smmkit] {student} …", flush=True)
        notes: list[str] = []
        try:
            problem = precheck(folder, expected, trusted, allow_suspicious, release, notes)
        except Exception as exc:  # a bug in a precheck must not stop the batch
            problem = (f"voorcontrole mislukt ({type(exc).__name__}: {exc}); bekijk deze inzending zelf", [])
        if problem:
            outcomes.append(Outcome(student, "afgewezen", reason=problem[0], findings=problem[1]))
        else:
            outcomes.append(grade_one(root, assignment, student, timeout, memory_mb, extra_args))
            outcomes[-1].reason = "; ".join(notes + [outcomes[-1].reason] if outcomes[-1].reason else notes)
        last = outcomes[-1]
        print(f"[smmkit]   {last.status}: {last.score:g}/{last.max_score:g} {last.reason}", flush=True)
    write_report(root, assignment, outcomes)
    return outcomes


def write_report(root: Path, assignment: str, outcomes: list[Outcome]) -> Path:
    folder = root / "autograded"
    folder.mkdir(exist_ok=True)
    (folder / f"rapport-{assignment}.json").write_text(
        json.dumps([asdict(o) for o in outcomes], ensure_ascii=False, indent=1), encoding="utf-8")
    lines = [f"# Beoordelingsrapport {assignment}", "",
             "Automatisch nagekeken deel (handmatig te beoordelen vragen tellen pas mee na de formgrader).", "",
             "| student | status | score | reden / opmerking | tijd (s) |", "| --- | --- | --- | --- | --- |"]
    for o in outcomes:
        reason = o.reason + ("<br>" + "<br>".join(o.findings) if o.findings else "")
        score = f"{o.score:g} / {o.max_score:g}" if o.status == "beoordeeld" else "–"
        lines.append(f"| {o.student} | {STATUS_TEXT[o.status]} | {score} | {reason.replace('|', '/')} | "
                     f"{o.seconds:.0f} |")
    path = folder / f"rapport-{assignment}.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"[smmkit] rapport: {path}")
    return path
