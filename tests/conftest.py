"""Suite-wide: at the end of every run, the wall time and what dominates it (per folder and the slowest tests).

Printed, never asserted (a busy machine must not fail a test); pytest's own ``--durations=N`` gives more.
"""
from __future__ import annotations

import os
import time
from collections import defaultdict

try:  # property tests (hypothesis): random locally, one fixed sequence in CI so a run is repeatable
    from hypothesis import settings as _hypothesis_settings

    _hypothesis_settings.register_profile("ci", derandomize=True, database=None)
    if os.environ.get("CI"):
        _hypothesis_settings.load_profile("ci")
except ImportError:  # hypothesis is a test dependency; a partial install still runs the rest
    pass

_START = time.perf_counter()
_TIMES: dict[str, float] = defaultdict(float)


def pytest_runtest_logreport(report):
    _TIMES[report.nodeid] += report.duration  # setup + call + teardown (module fixtures count at their first test)


def pytest_terminal_summary(terminalreporter):
    if not _TIMES:
        return
    total = time.perf_counter() - _START
    folders: dict[str, float] = defaultdict(float)
    for nodeid, seconds in _TIMES.items():
        path = nodeid.split("::")[0]
        parts = path.split("/")
        folders["/".join(parts[:2]) if len(parts) > 2 else path] += seconds
    write = terminalreporter.write_line
    terminalreporter.section("suite time")
    write(f"total wall time {total:.0f} s; {len(_TIMES)} tests; per folder or module (largest first):")
    for folder, seconds in sorted(folders.items(), key=lambda kv: -kv[1])[:12]:
        write(f"  {seconds:7.1f} s  {100 * seconds / max(total, 1e-9):4.0f} %  {folder}")
    write("slowest tests:")
    for nodeid, seconds in sorted(_TIMES.items(), key=lambda kv: -kv[1])[:8]:
        write(f"  {seconds:7.1f} s  {nodeid}")
