"""Step 3 of a batch: record a finished worker's notebook in the gradebook (the parent is the one writer).

:class:`GradebookRecorder` runs stock ``nbgrader autograde`` for that student through nbgrader's API,
with :class:`smmkit.grading.execute.Replay` in place of execution (it puts the worker's outputs back),
so nbgrader's own preprocessors save the grades; the score is read back from the gradebook right then,
so report and gradebook agree. :func:`finish` turns a worker's end (exit code, or killed at the time
limit) into the report's :class:`~.outcome.Outcome`, with the notes the worker passed as data.

A test may give :func:`finish` another recorder with the same three methods (``check``,
``previous_score``, ``record``).
"""
from __future__ import annotations

import functools
import json
import time
from dataclasses import dataclass
from pathlib import Path

from smmkit.grading.batch.outcome import FAILED, GRADED, TIMEOUT, Outcome
from smmkit.messages import msg


@dataclass
class Recorded:
    """What recording one student gave: nbgrader's success, its log and error, the score it saved."""
    success: bool
    log: str = ""
    error: str = ""
    score: float = 0.0
    max_score: float = 0.0


_CHECKERS: dict = {}  # schema_version -> a jsonschema validator of nbgrader's cell metadata schema, made once


@functools.lru_cache(maxsize=None)
def _metadata_check():
    """nbgrader's CheckCellMetadata with one jsonschema validator per schema instead of one per cell.

    nbgrader validates each cell's metadata with ``jsonschema.validate``, which first checks the *schema*
    against jsonschema's meta-schema, on every call: a quarter of the parent's recording time per submission
    in a cProfile of a batch (1480 schema checks for 20 submissions of h01). Same checks, same errors: the
    version checks of nbgrader, then ``best_match`` of the cached validator's errors, as ``jsonschema.validate``."""
    import jsonschema
    from nbgrader.nbgraderformat import MetadataValidator, ValidationError
    from nbgrader.nbgraderformat.common import BaseMetadataValidator
    from nbgrader.preprocessors import CheckCellMetadata

    class CachedSchema(BaseMetadataValidator):
        def validate_cell(self, cell):
            meta = cell.metadata.get("nbgrader") if "nbgrader" in cell.metadata else None
            if meta is None or meta.get("schema_version", 0) != self.schema_version:
                return super().validate_cell(cell)  # nbgrader's own answer (none, too old, too new)
            checker = _CHECKERS.get(self.schema_version)
            if checker is None:
                kind = jsonschema.validators.validator_for(self.schema)
                kind.check_schema(self.schema)
                checker = _CHECKERS[self.schema_version] = kind(self.schema)
            error = jsonschema.exceptions.best_match(checker.iter_errors(meta))
            if error is not None:
                raise error

    class Validator(MetadataValidator, CachedSchema):  # MRO: nbgrader's V3 checks, then the cached schema check
        pass

    class CheckCellMetadataOnce(CheckCellMetadata):
        def preprocess(self, nb, resources):
            import traceback

            try:
                Validator().validate_nb(nb)
            except ValidationError:
                self.log.error(traceback.format_exc())
                msg = "Notebook failed to validate; the nbgrader metadata may be corrupted."
                self.log.error(msg)
                raise ValidationError(msg)
            return nb, resources

    return CheckCellMetadata, CheckCellMetadataOnce


def cheaper(preprocessors: list) -> list:
    """``preprocessors`` with nbgrader's CheckCellMetadata swapped for the same check with a cached schema."""
    stock, once = _metadata_check()
    return [once if c is stock else c for c in preprocessors]


class GradebookRecorder:
    """Stock nbgrader autograde per student, writing the gradebook (parent only)."""

    def __init__(self, course, assignment: str, staging: Path):
        self.course, self.assignment, self.staging = course, assignment, staging
        self._api = None

    def check(self) -> None:
        """SystemExit with a Dutch reason when the gradebook does not know the assignment."""
        self.course.check_assignment(self.assignment)

    def previous_score(self, student: str) -> float | None:
        return self.course.previous_score(self.assignment, student)

    def api(self):
        """nbgrader's API for recording (made once): stock autograde with Replay and the cheaper metadata check."""
        if self._api is None:
            self._api = self.course.recording_api(self.staging)
            section = self._api.config.Autograde  # the Autograde converters it makes read this section
            for name in ("sanitize_preprocessors", "autograde_preprocessors"):
                section[name] = cheaper(list(section[name]))
        return self._api

    def record(self, job) -> Recorded:
        import warnings

        api = self.api()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # SQLAlchemy's SAWarnings from inside nbgrader, noise for a teacher
            result = api.autograde(self.assignment, job.student, force=True, create=self.course.create_student)
        done = Recorded(bool(result.get("success")), result.get("log") or "", result.get("error") or "")
        if done.success:
            done.score, done.max_score = self.course.score(self.assignment, job.student)
        return done


def staged_metadata(folder: Path, notebooks: list[str]) -> tuple[list[str], int, float]:
    """(event codes, cells that hit the per-cell limit, that limit in seconds) of a worker's notebooks."""
    events, count, limit = [], 0, 0.0
    for name in notebooks:
        try:
            info = json.loads((folder / name).read_text(encoding="utf-8"))["metadata"].get("smmkit", {})
        except (OSError, ValueError, KeyError):
            continue
        events += [e for e in info.get("events") or [] if isinstance(e, str) and e not in events]
        count += int(info.get("cell_timeouts") or 0)
        limit = max(limit, float(info.get("cell_limit") or 0))
    return events, count, limit


def seconds_text(value: float) -> str:
    return f"{value:g}"


def finish(recorder, assignment: str, job, code, staging: Path, logs: Path, timeout: float,
           sandbox: bool = True) -> Outcome:
    """After a worker ended (``code``: its exit code; None: killed at ``timeout``), the report's row."""
    seconds = (getattr(job, "ended", None) or time.monotonic()) - job.started  # the worker's own time
    log = logs / f"{assignment}-{job.student}.txt"
    common = dict(hash=job.hash, ignored_files=job.ignored, missing_files=job.missing, seconds=seconds,
                  sandbox=sandbox, attempts=job.attempt)
    if code is None:
        return Outcome(job.student, TIMEOUT, reason=msg("batch.timeout", seconds=f"{timeout:.0f}", log=log.name),
                       **common)
    if code != 0 or not all((staging / job.student / n).exists() for n in job.notebooks):
        text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
        last = [line for line in text.splitlines() if "Error" in line or "ERROR" in line][-1:]
        return Outcome(job.student, FAILED, reason=msg("batch.failed", code=code, detail="".join(last)[:200],
                                                       log=log.name), **common)
    result = recorder.record(job)
    with open(log, "a", encoding="utf-8", errors="backslashreplace") as handle:
        handle.write("\n--- nbgrader autograde (gradebook) ---\n" + result.log + result.error)
    if not result.success:
        detail = result.error.strip().splitlines()[-1:] or ["?"]
        return Outcome(job.student, FAILED, reason=msg("batch.failed", code="-", detail=detail[0][:200],
                                                       log=log.name), **common)
    events, timeouts, limit = staged_metadata(staging / job.student, job.notebooks)
    notes = job.notes + [msg(f"batch.note.{e}") for e in events if e in NOTE_EVENTS]
    if job.attempt > 1:
        notes.append(msg("batch.note.retry_timeout_again" if timeouts else "batch.note.retried",
                         limit=seconds_text(job.first_limit), longer=seconds_text(limit)))
    return Outcome(job.student, GRADED, result.score, result.max_score, "; ".join(dict.fromkeys(notes)),
                   cell_timeout=timeouts > 0, cell_limit=limit, **common)


NOTE_EVENTS = ("restored_cells", "restored_metadata", "kernel_stopped", "interrupted_cell")
