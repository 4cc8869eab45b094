"""What the batch runner passes around: a :class:`Job` (one submission to run) and an
:class:`Outcome` (one row of the report), with the status codes of the JSON report."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

GRADED, REJECTED, FAILED, TIMEOUT = "graded", "rejected", "failed", "timeout"
STATUSES = (GRADED, REJECTED, FAILED, TIMEOUT)  # the codes in the JSON report; the teacher reads batch.status.*
FINAL = (GRADED, REJECTED)
# the codes of reports written before they were English: read (--resume, merging) as the new ones
OLD_STATUSES = {"beoordeeld": GRADED, "afgewezen": REJECTED, "mislukt": FAILED, "time-out": TIMEOUT}


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

    def add_reason(self, text: str, first: bool = False) -> None:
        parts = [text, self.reason] if first else [self.reason, text]
        self.reason = "; ".join(filter(None, parts))


@dataclass
class Job:
    """One submission to execute: made by the plan, run by a worker, recorded by the parent."""
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

    def again(self, factor: float, first_limit: float) -> "Job":
        """The same submission for a second attempt with limits ``factor`` times longer."""
        return Job(self.student, self.folder, self.notebooks, self.declared, self.hash, self.notes, self.ignored,
                   self.missing, attempt=self.attempt + 1, factor=factor, first_limit=first_limit,
                   absent=self.absent)
