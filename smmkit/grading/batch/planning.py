"""The plan of a batch: which submissions run (:class:`~.outcome.Job`), which are decided without
running (rejected by the precheck: an :class:`~.outcome.Outcome`), which ``--resume`` skips."""
from __future__ import annotations

import os

from smmkit.grading.batch.outcome import FINAL, REJECTED, Job, Outcome
from smmkit.grading.batch.precheck import (declared_files, locked_ids, precheck, release_cells, submission_hash,
                                           valid_student_id)
from smmkit.grading.terminal import printable
from smmkit.messages import msg


def data_files(course, assignment: str) -> list[str]:
    """The assignment's own data files: every file of the source folder that is not a notebook and not
    in nbgrader's ignore list (``CourseDirectory.ignore``), as nbgrader's autograde copies them."""
    from nbgrader import utils

    source = course.folder("source") / assignment
    ignore = list(course.coursedir.ignore) + ["*.ipynb"]
    return sorted(os.path.relpath(f, source) for f in utils.find_all_files(str(source), ignore)
                  if os.path.isfile(f) and not os.path.islink(f))


class Assignment:
    """What the plan knows of the assignment, read once: notebooks, declared and data files, locked cells."""

    def __init__(self, course, name: str):
        source = course.folder("source") / name
        self.expected = sorted(p.name for p in source.glob("*.ipynb"))
        if not self.expected:
            raise SystemExit(msg("batch.no_source", assignment=name))
        self.declared = declared_files(source)
        self.trusted = locked_ids(source)
        self.release = release_cells(course.folder("release") / name)
        self.data = data_files(course, name)
        self.known_students = None if course.create_student else course.students()


def plan(course, assignment: str, students=None, resume: bool = False, allow_suspicious: bool = False,
         previous: dict | None = None):
    """(jobs to run, outcomes decided without running, students skipped by --resume)."""
    info = Assignment(course, assignment)
    previous = previous or {}
    submitted = course.folder("submitted")
    folders = sorted(p for p in submitted.iterdir() if (p / assignment).is_dir()) if submitted.is_dir() else []
    wanted = set(students or [])
    unknown = wanted - {p.name for p in folders}
    if unknown:
        print(printable(msg("batch.unknown_students", students=", ".join(sorted(unknown)))), flush=True)
    jobs, decided, skipped = [], [], []
    for student_folder in folders:
        student = student_folder.name
        if wanted and student not in wanted:
            continue
        try:  # one unreadable or strange submission is a row of the report, never the end of the batch
            found = plan_one(info, student, student_folder / assignment, previous.get(student), resume,
                             allow_suspicious)
        except Exception as exc:
            found = Outcome(student, REJECTED, reason=msg(
                "batch.precheck_failed", error=printable(f"{type(exc).__name__}: {exc}")))
        if found is None:
            skipped.append(student)
        elif isinstance(found, Job):
            jobs.append(found)
        else:
            decided.append(found)
    return jobs, decided, skipped


def plan_one(info: Assignment, student: str, folder, old: dict | None, resume: bool, allow_suspicious: bool):
    """A Job, an Outcome (rejected) or None (skipped by --resume) for one submission folder."""
    if not valid_student_id(student):
        return Outcome(student, REJECTED, reason=msg("batch.bad_student_id", student=printable(student)))
    if info.known_students is not None and student not in info.known_students:  # Autograde.create_student = False
        return Outcome(student, REJECTED, reason=msg("batch.unknown_student", student=student))
    digest = submission_hash(folder)
    if (resume and old and old.get("status") in FINAL and old.get("hash") == digest
            and not old.get("retry_pending")):
        return None
    notes: list[str] = []
    try:
        problem = precheck(folder, info.expected, info.trusted, allow_suspicious, info.release, notes)
    except Exception as exc:  # a bug in a precheck must not stop the batch
        problem = (msg("batch.precheck_failed", error=printable(f"{type(exc).__name__}: {exc}")), [])
    files = sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    ignored = [printable(f) for f in files if f not in info.expected and f not in info.declared
               and f not in info.data and f != "timestamp.txt" and not f.startswith(".ipynb_checkpoints")]
    missing = [f for f in info.declared if not (folder / f).is_file()]
    if problem:
        return Outcome(student, REJECTED, reason=problem[0], findings=problem[1], hash=digest,
                       ignored_files=ignored, missing_files=missing)
    if ignored:
        notes.append(msg("batch.ignored_files", files=", ".join(ignored[:10]) + (" …" if len(ignored) > 10 else "")))
    if missing:
        notes.append(msg("batch.missing_file", files=", ".join(missing)))
    present = [name for name in info.expected if (folder / name).is_file()]
    return Job(student, folder, present, info.declared, digest, notes, ignored, missing,
               absent=[name for name in info.expected if name not in present])
