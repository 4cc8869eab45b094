"""Suite-wide: at the end of every run, the wall time and what dominates it (per folder and the slowest tests).

Printed, never asserted (a busy machine must not fail a test); pytest's own ``--durations=N`` gives more.

Also the ``site`` fixture: one build of the static site per run (every notebook executed once), read
by the notebook tests (tests/notebooks) and the site's browser tests (tests/browser/test_site_*.py).
A build without errors is then copied to ``_site/``: after ``python3 kit.py test`` (and so in CI,
``.ci/run``) that folder holds the site, ready for any static host.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PUBLISHED_SITE = ROOT / "_site"


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """``(folder, finished process, build report)`` of one ``tools/build_html.py`` run."""
    out = tmp_path_factory.mktemp("site")
    env = dict(os.environ)
    env.pop("MPLBACKEND", None)  # kit.py test sets Agg; a kernel that inherits it draws no inline charts
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    proc = subprocess.run([sys.executable, str(ROOT / "tools" / "build_html.py"), "--out", str(out)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=1700)
    report_path = out / "build-report.json"
    assert report_path.exists(), f"the build wrote no report:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    if proc.returncode == 0:  # publish: the folder CI hands to a static host
        shutil.rmtree(PUBLISHED_SITE, ignore_errors=True)
        shutil.copytree(out, PUBLISHED_SITE)
    return out, proc, json.loads(report_path.read_text(encoding="utf-8"))

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
