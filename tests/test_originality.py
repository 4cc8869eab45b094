"""Our own words: the shared originality check must find no run of 8+ words copied from the sources.

The reference texts live beside the project in ../shared (as in CI). Without them the test is
skipped, because there is nothing to compare against.
"""
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TOOL = ROOT.parent / "shared" / "tools" / "originality.py"


@pytest.mark.skipif(not TOOL.exists(), reason="../shared/tools/originality.py is not beside the project")
def test_no_text_copied_from_reference_texts():
    done = subprocess.run([sys.executable, str(TOOL), str(ROOT)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-4000:]
