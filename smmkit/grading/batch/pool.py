"""The pool: N workers side by side, each a forked child, with a wall-clock limit; the parent records.

Per job the parent makes the sandbox's cgroup and socket folder, forks a child that runs
``executor.run(job, work, out)`` with its output in ``autograded/.logs/<opdracht>-<student>.txt``,
kills the child's whole process group at the time limit (``timeout`` × the job's factor), and hands
the end to :func:`smmkit.grading.batch.recording.finish`. One bad student is a row of the report,
never the end of the batch; Ctrl+C (or SIGTERM) kills every worker and keeps the report.

A notebook in which a cell hit the per-cell limit is graded once more at the end of the batch (less
load), with both limits times ``retry_factor``; until then its row is not final (``retry_pending``).
"""
from __future__ import annotations

import itertools
import logging
import math
import os
import signal
import sys
import time
from pathlib import Path

from smmkit.grading.batch.outcome import FAILED, GRADED, Outcome
from smmkit.grading.batch.recording import finish, seconds_text
from smmkit.grading.terminal import printable
from smmkit.messages import msg
from smmkit.safeio import force_rmtree

POLL_SECONDS = 0.02  # how often the parent looks for ended workers when none ended


def fork(attempts: int = 8) -> int:
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


def kill(job) -> None:
    for target in (lambda: os.killpg(job.pid, signal.SIGKILL), lambda: os.kill(job.pid, signal.SIGKILL)):
        try:
            target()
        except (ProcessLookupError, PermissionError):
            pass
    try:
        os.waitpid(job.pid, 0)
    except ChildProcessError:
        pass


def child(executor, job, work: Path, out: Path, log: Path) -> None:  # pragma: no cover - runs in the child
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
        executor.run(job, work, out)
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


class Pool:
    """Runs ``jobs`` with ``executor`` in ``workers`` forked children; ``record(outcome)`` gets every row."""

    def __init__(self, assignment: str, executor, recorder, record, progress, *, tmp: Path, logs: Path,
                 workers: int, timeout: float, retry_factor: float, sandbox: bool, limits=None):
        self.assignment, self.executor, self.recorder = assignment, executor, recorder
        self.record, self.progress = record, progress
        self.tmp, self.staging, self.logs = tmp, tmp / "uit", logs
        self.workers, self.timeout, self.retry_factor = workers, timeout, retry_factor
        self.sandbox, self.limits = sandbox, limits
        self.running: dict[int, object] = {}
        self.busy: list = []  # cgroups whose processes were still dying when their job ended

    def run(self, jobs: list) -> None:
        self.logs.mkdir(parents=True, exist_ok=True)
        pending, retries = list(jobs), []
        counter = itertools.count(1)
        previous_term = signal.getsignal(signal.SIGTERM)

        def on_term(_signum, _frame):
            raise KeyboardInterrupt

        if threading_main():
            signal.signal(signal.SIGTERM, on_term)
        try:
            while pending or self.running or retries:
                if not pending and not self.running:  # the others are done: now the second attempts
                    pending, retries = retries, []
                self.fill(pending, counter)
                finished = self.reap()
                for job, _code in finished:
                    self.release(job)
                # the free slots get their next submission before the parent records the finished ones (one
                # writer, one at a time): the workers go on while the parent writes the gradebook
                self.fill(pending, counter)
                for job, code in finished:
                    retry = self.end(job, code)
                    if retry is not None:
                        retries.append(retry)
                self.busy[:] = [group for group in self.busy if not group.remove(wait=0)]
                if not finished:
                    time.sleep(POLL_SECONDS)
        finally:
            for job in self.running.values():
                self.release(job, kill_first=True)
            self.running.clear()
            for group in self.busy:
                group.remove(wait=10)
            if threading_main():
                signal.signal(signal.SIGTERM, previous_term)

    def fill(self, pending: list, counter) -> None:
        """Start the next pending jobs while a worker slot is free."""
        while pending and len(self.running) < self.workers:
            job = pending.pop(0)
            job.index = next(counter)
            self.start(job)

    def start(self, job) -> None:
        work, out = self.tmp / f"w{job.index}", self.staging / job.student
        log = self.logs / f"{self.assignment}-{job.student}.txt"
        if job.attempt > 1:  # keep the first attempt's log; never read its notebooks again
            force_rmtree(out)
            if log.exists():
                os.replace(log, self.logs / f"{self.assignment}-{job.student}-poging1.txt")
        job.limits, job.ipc = None, None
        if self.limits is not None and self.limits.mode:
            from smmkit.grading.sandbox import shm_ipc_dir

            job.limits = self.limits.child(f"smmkit-{os.getpid()}-{job.index}")
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
            pid = fork()
        except OSError as exc:  # the machine has no processes left, even after waiting
            self.release(job)
            job.started = time.monotonic()
            self.record(Outcome(job.student, FAILED, reason=msg("batch.fork_failed", error=printable(exc)),
                                hash=job.hash, sandbox=self.sandbox, attempts=job.attempt))
            return
        if pid == 0:
            child(self.executor, job, work, out, log)
        job.pid, job.started = pid, time.monotonic()
        self.running[pid] = job

    def reap(self) -> list:
        """(job, exit code or None when killed at the time limit) of every worker that ended."""
        finished = []
        for pid, job in list(self.running.items()):
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                finished.append((job, os.waitstatus_to_exitcode(status)))
            elif time.monotonic() - job.started > self.timeout * job.factor:
                kill(job)
                finished.append((job, None))
        for job, _code in finished:
            del self.running[job.pid]
            job.ended = time.monotonic()
        return finished

    def release(self, job, kill_first: bool = False) -> None:
        """Kill a running worker (``kill_first``) and remove its cgroup and socket folder."""
        if kill_first:
            kill(job)
        if job.limits is not None and not job.limits.remove(wait=5 if kill_first else 0.2):
            self.busy.append(job.limits)  # processes still dying: removed a little later
        if job.ipc is not None:
            force_rmtree(job.ipc)

    def end(self, job, code):
        """Record one ended worker (released already); returns the job of its second attempt when one is due."""
        retry = None
        try:
            outcome = finish(self.recorder, self.assignment, job, code, self.staging, self.logs,
                             self.timeout * job.factor, self.sandbox)
        except Exception as exc:  # one bad student is a row of the report, never the end of the batch
            outcome = Outcome(job.student, FAILED, reason=msg(
                "batch.failed", code="-", detail=printable(f"{type(exc).__name__}: {exc}")[:200],
                log=f"{self.assignment}-{job.student}.txt"), hash=job.hash, sandbox=self.sandbox,
                attempts=job.attempt)
        if outcome.status == GRADED and outcome.cell_timeout and job.attempt == 1 and self.retry_factor > 1:
            outcome.retry_pending = True
            outcome.add_reason(msg("batch.note.retry_pending", limit=seconds_text(outcome.cell_limit),
                                   longer=seconds_text(math.ceil(outcome.cell_limit * self.retry_factor))))
            retry = job.again(self.retry_factor, outcome.cell_limit)
            self.progress.total += 1
        if job.attempt > 1 and outcome.status != GRADED:  # the second attempt failed: say it was one
            outcome.add_reason(msg("batch.note.retry_not_graded", limit=seconds_text(job.first_limit)), first=True)
        self.record(outcome)
        force_rmtree(self.tmp / f"w{job.index}")
        return retry
