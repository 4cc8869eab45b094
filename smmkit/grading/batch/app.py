"""The runner: :class:`BatchAutograde`, a traitlets ``Configurable`` whose settings may live in the
course's ``nbgrader_config.py`` (``c.BatchAutograde.workers = 4``); flags on the command line win.

:func:`autograde` is the whole batch for one assignment: load the course once, plan, check that the kit
imports in the sandbox, start the test server, run the pool, write the report.
"""
from __future__ import annotations

import tempfile
from dataclasses import asdict
from pathlib import Path

from traitlets import Bool, Float, Integer
from traitlets.config import Configurable

from smmkit.grading.batch.outcome import GRADED, Outcome
from smmkit.grading.batch.planning import plan
from smmkit.grading.batch.pool import Pool, default_workers
from smmkit.grading.batch.precheck import valid_student_id
from smmkit.grading.batch.recording import GradebookRecorder
from smmkit.grading.batch.report import Progress, read_report, report_paths, write_report
from smmkit.grading.batch.worker import SandboxWorker, course_sandbox
from smmkit.grading.course import Course, configured
from smmkit.grading.terminal import printable
from smmkit.messages import msg
from smmkit.safeio import force_rmtree


class BatchAutograde(Configurable):
    """Settings of ``python -m smmkit.grading autograde`` (section ``c.BatchAutograde`` in nbgrader_config.py)."""

    workers = Integer(0, help="Submissions graded side by side (0: the number of cores).").tag(config=True)
    timeout = Float(300.0, help="Seconds per student (wall clock) before the worker is killed.").tag(config=True)
    memory_mb = Integer(3072, help="Memory limit per kernel in MB.").tag(config=True)
    sandbox = Bool(True, help="Run every submission inside bubblewrap (False: only for trusted work).").tag(
        config=True)
    allow_suspicious = Bool(False, help="Also run submissions the static scan finds suspicious.").tag(config=True)
    retry_timeout_factor = Float(3.0, help="A student with a cell that hit the per-cell limit is graded again at "
                                           "the end with both limits this many times longer (1 or less: no "
                                           "second attempt).").tag(config=True)
    resume = Bool(False, help="Skip students whose row is final and whose submission did not change.").tag(
        config=True)

    def run(self, course: Course, assignment: str, students=None, progress_stream=None, executor=None,
            recorder=None) -> list[Outcome]:
        """Grade the submissions of ``assignment`` (or only ``students``); the Outcome of each one graded or
        rejected in this run (a student graded twice: both, the second counts). The report keeps the rows
        of everyone else. ``executor``/``recorder``: see :mod:`.worker` and :mod:`.recording` (tests)."""
        from smmkit.grading.sandbox import bwrap_path

        sandbox = self.sandbox
        if sandbox and executor is None and bwrap_path() is None:
            raise SystemExit(msg("batch.no_bwrap"))
        tmp = Path(tempfile.mkdtemp(prefix="smmkit-nakijken-"))
        try:
            return self._run(course, assignment, students, progress_stream, executor, recorder, tmp)
        finally:
            from smmkit.grading import testserver

            testserver.stop_shared_server()  # also when the probe stopped the batch (the server starts before it)
            force_rmtree(tmp)

    def _run(self, course, assignment, students, progress_stream, executor, recorder, tmp: Path) -> list[Outcome]:
        sandbox = self.sandbox
        recorder = recorder or GradebookRecorder(course, assignment, tmp / "uit")
        recorder.check()
        autograded = course.folder("autograded")
        json_path, _md = report_paths(course.root, assignment, autograded)
        rows = read_report(json_path)
        jobs, decided, skipped = plan(course, assignment, students, self.resume, self.allow_suspicious, rows)
        workers = max(1, self.workers or default_workers())
        outcomes: list[Outcome] = []
        notes: list[str] = []
        sandboxed = sandbox and course.execute and executor is None  # --no-execute runs nothing of the students'
        early = sandboxed and bool(jobs)
        if early:  # the warm test server starts while the probe runs (both sandboxed; ready before the pool)
            from smmkit.grading import testserver

            testserver.start_for_course(course, tmp / "tests", self.memory_mb, sandbox, wait=False)
        limits = self._check_sandbox(course, tmp, notes) if sandboxed and jobs else None
        progress = Progress(len(jobs) + len(decided), workers, progress_stream)
        if skipped:
            print(msg("batch.skipped_resume", count=len(skipped)), flush=True)

        def record(outcome: Outcome) -> None:
            if outcome.status != GRADED and valid_student_id(outcome.student):
                try:
                    old = recorder.previous_score(outcome.student)
                except Exception:  # pragma: no cover - a gradebook hiccup must not end the batch
                    old = None
                if old is not None:  # say so: the gradebook keeps the score of an earlier round
                    outcome.add_reason(msg("batch.stale_gradebook", score=f"{old:g}"))
            outcomes.append(outcome)
            rows[outcome.student] = asdict(outcome)
            write_report(course.root, assignment, rows.values(), autograded, sandbox, quiet=True, notes=notes)
            score = f"{outcome.score:g}/{outcome.max_score:g}" if outcome.status == GRADED else ""
            progress.step(printable(msg("batch.row", student=outcome.student,
                                        status=msg(f"batch.status.{outcome.status}"), score=score,
                                        reason=outcome.reason)))

        for outcome in decided:
            record(outcome)
        if jobs:
            real = executor is None
            executor = executor or SandboxWorker(course, assignment, self.memory_mb, sandbox)
            executor.prepare()  # once, before forking
            pool = Pool(assignment, executor, recorder, record, progress, tmp=tmp, logs=autograded / ".logs",
                        workers=workers, timeout=self.timeout, retry_factor=self.retry_timeout_factor,
                        sandbox=sandbox, limits=limits)
            from smmkit.grading import twoproc  # one warm test server for the workers forked below (design note §2.3)

            try:
                if real and early:
                    twoproc.testserver.shared_server_ready()
                elif real:
                    twoproc.start_for_course(course, tmp / "tests", self.memory_mb, sandbox)
                pool.run(jobs)
            except KeyboardInterrupt:
                progress.close()
                print(msg("batch.interrupted", done=len(outcomes), total=progress.total), flush=True)
                raise
            finally:
                if real:
                    twoproc.stop_shared_server()
        progress.close()
        write_report(course.root, assignment, rows.values(), autograded, sandbox, notes=notes)
        return outcomes

    def _check_sandbox(self, course: Course, tmp: Path, notes: list[str]):
        """The cgroup limits to use; SystemExit when the kit does not import inside the sandbox."""
        from smmkit.grading.sandbox import detect_limits, probe

        limits = detect_limits(self.memory_mb)
        if not limits.mode:  # only the per-process limits: say so, here and in the report
            notes.append(msg("batch.no_cgroup", memory=self.memory_mb))
            print(msg("batch.no_cgroup", memory=self.memory_mb), flush=True)
        try:  # the kit must import inside the sandbox, else every student would get 0
            check = probe(course_sandbox(course, tmp / "proef", self.memory_mb,
                                         limits.child() if limits.mode else None),
                          "import smmkit, smmkit.check, smmkit.data, ipykernel.kernelapp")
            problem = "" if check.returncode == 0 else (check.stderr.strip().splitlines() or ["?"])[-1]
        except Exception as exc:
            problem = f"{type(exc).__name__}: {exc}"
        if problem:
            raise SystemExit(msg("batch.kit_import_failed", detail=printable(problem)[:300]))
        return limits


def autograde(root, assignment: str, students=None, timeout: float | None = None, memory_mb: int | None = None,
              allow_suspicious: bool | None = None, extra_args=(), workers: int | None = None,
              resume: bool | None = None, sandbox: bool | None = None, progress_stream=None,
              retry_factor: float | None = None, executor=None, recorder=None) -> list[Outcome]:
    """Grade a class: the course in ``root`` (its nbgrader_config.py, with ``extra_args`` over it, read
    once). A setting given here (not None) wins over ``c.BatchAutograde.*`` in the config."""
    course = Course(Path(root), extra_args)
    runner = configured(BatchAutograde, course.config, timeout=timeout, memory_mb=memory_mb,
                        allow_suspicious=allow_suspicious, workers=workers, resume=resume, sandbox=sandbox,
                        retry_timeout_factor=retry_factor)
    return runner.run(course, assignment, students, progress_stream, executor, recorder)

