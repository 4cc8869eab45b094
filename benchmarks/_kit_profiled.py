"""``python -m smmkit.grading`` with the parent's recording pass timed: for bench_grading.py only.

The batch runner records each submission in the gradebook with stock ``nbgrader autograde`` in its
parent process (one writer). This wrapper times each of those calls and appends one JSON line
``{"record": seconds, "submitter": id}`` to the file in ``SMMKIT_STAGE_LOG`` (the file the
executor writes its stages to). Nothing else changes: when the runner has no ``Course.recording_api``
(a later layout), the pass is simply not measured and the benchmark says so.
"""
from __future__ import annotations

import json
import os
import sys
import time


def _log(line: dict) -> None:
    path = os.environ.get("SMMKIT_STAGE_LOG")
    if path:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(json.dumps(line) + "\n")


def _find_course():
    for name in ("smmkit.grading.batch", "smmkit.grading.batch.course"):
        try:
            module = __import__(name, fromlist=["Course"])
        except ImportError:
            continue
        course = getattr(module, "Course", None)
        if course is not None and hasattr(course, "recording_api"):
            return course
    return None


def _time_pool() -> None:
    """Log when the pool starts (``before_pool``: seconds since this process started: the runner's start, the
    sandbox probe, the test server) and how long it runs (``pool``)."""
    try:
        from smmkit.grading.batch import pool
    except ImportError:
        return
    original = pool.Pool.run

    def run(self, jobs):
        started = time.monotonic()
        _log({"before_pool": round(started - STARTED, 4)})
        try:
            return original(self, jobs)
        finally:
            _log({"pool": round(time.monotonic() - started, 4)})

    pool.Pool.run = run


STARTED = time.monotonic()


def main() -> int:
    _time_pool()
    course = _find_course()
    if course is not None:
        original = course.recording_api

        def recording_api(self, staging):
            api = original(self, staging)
            autograde = api.autograde

            def timed(assignment, student, *args, **kwargs):
                started = time.monotonic()
                try:
                    return autograde(assignment, student, *args, **kwargs)
                finally:
                    _log({"record": round(time.monotonic() - started, 4), "submitter": student})

            api.autograde = timed
            return api

        course.recording_api = recording_api
    from smmkit.grading.__main__ import main as cli

    return cli(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
