"""Grade a whole class, safely and in parallel: ``python -m smmkit.grading autograde <opdracht>``.

nbgrader does the grading; the kit decides *where* the untrusted part runs and *who* writes. One module
per job, in the order a batch runs them:

=====================  ============================================================================
module                 job
=====================  ============================================================================
:mod:`.app`            :class:`BatchAutograde` (settings as traits: ``c.BatchAutograde.workers`` …
                       in nbgrader_config.py) and :func:`autograde`, the whole batch
:mod:`smmkit.grading.course`  the course's config, loaded once, its folders and gradebook
:mod:`.precheck`       1. in the parent, nothing run: plain student id, the notebook there, no
                       symlinks, the static scan (:mod:`smmkit.grading.scan`); declared files; hash
:mod:`.planning`       which submissions run (a Job), which are rejected, which ``--resume`` skips
:mod:`.worker`         2. one submission sanitized and executed in the sandbox (a forked child);
                       what happened goes to the parent as data in ``metadata.smmkit``
:mod:`.pool`           N workers side by side, a wall-clock limit each, Ctrl+C, the second attempt
:mod:`.recording`      3. stock ``nbgrader autograde`` per student in the parent (one gradebook
                       writer), with :class:`smmkit.grading.execute.Replay`; the report's row
:mod:`.report`         4. ``autograded/rapport-<opdracht>.md`` and ``.json``, merged per student,
                       written atomically after every student; the progress line
:mod:`.outcome`        the Job and the Outcome (a row) that pass between them
=====================  ============================================================================

``--resume`` skips students whose row is final and whose submission has not changed (a SHA-256 of the
submission folder). A notebook in which a cell hit the per-cell limit (``SafeExecute.timeout``) is graded
once more at the end of the batch with both limits times ``--retry-timeout-factor``; until then the row
is not final (``retry_pending``). Submissions are never modified or deleted.
"""
from smmkit.grading.batch.app import BatchAutograde, autograde
from smmkit.grading.batch.outcome import FAILED, FINAL, GRADED, REJECTED, STATUSES, TIMEOUT, Job, Outcome
from smmkit.grading.batch.planning import data_files, plan
from smmkit.grading.batch.precheck import SAVED_FILE, declared_files, precheck, submission_hash, valid_student_id
from smmkit.grading.batch.report import Progress, read_report, report_paths, write_report
from smmkit.grading.course import Course
from smmkit.grading.terminal import printable
from smmkit.safeio import force_rmtree

__all__ = ["BatchAutograde", "autograde", "Course", "Job", "Outcome", "GRADED", "REJECTED", "FAILED", "TIMEOUT",
           "STATUSES", "FINAL", "plan", "data_files", "precheck", "declared_files", "submission_hash",
           "valid_student_id", "SAVED_FILE", "report_paths", "read_report", "write_report", "Progress",
           "printable", "force_rmtree"]
