"""Every chapter and the start page run top to bottom, headless, with nbval (``--nbval-lax``).

Each notebook runs in its own ``python -m pytest --nbval-lax`` subprocess with a fresh kernel from
this environment (``--nbval-current-env``) in ``chapters/``, as a learner's Lab would run it. Lax
mode: a cell fails only when it raises; stored outputs are not compared (there are none, see
``test_notebooks_stored_clean.py``). That no cell writes a warning or traceback to stderr is
checked on the executed notebooks in ``test_site_build.py``.
"""
from __future__ import annotations

import subprocess
import sys

import pytest

from notebook_files import ALL, ROOT, chapter, kernel_env

pytestmark = pytest.mark.slow


@pytest.mark.timeout(900)
@pytest.mark.parametrize("name", ALL)
def test_notebook_runs_with_nbval(name):
    path = chapter(name)
    cmd = [
        sys.executable, "-m", "pytest", "--nbval-lax", "--nbval-current-env", "--nbval-cell-timeout=300",
        "-p", "no:cacheprovider", "-o", "addopts=", "-q", "--no-header", str(path),
    ]
    proc = subprocess.run(cmd, cwd=ROOT, env=kernel_env(), capture_output=True, text=True, timeout=880)
    report = (proc.stdout + proc.stderr)[-6000:]
    assert proc.returncode == 0, f"nbval failed for chapters/{name}:\n{report}"
    assert " passed" in proc.stdout, f"nbval ran no cells of chapters/{name}:\n{report}"
