"""One execution of every course notebook per test run, shared by the run and the site tests.

``tools/build_html.py`` (what ``python3 kit.py html`` runs) executes each notebook in
``tools/notebook_nav.CHAPTERS`` in a fresh kernel (nbclient) and writes a report; the tests in this
folder read that report and the built pages instead of executing the chapters a second time.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from notebook_files import ROOT, kernel_env


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("site")
    proc = subprocess.run([sys.executable, str(ROOT / "tools" / "build_html.py"), "--out", str(out)],
                          cwd=ROOT, env=kernel_env(), capture_output=True, text=True, timeout=1700)
    report_path = out / "build-report.json"
    assert report_path.exists(), f"the build wrote no report:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    return out, proc, json.loads(report_path.read_text(encoding="utf-8"))
