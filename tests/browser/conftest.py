"""Shared set-up of the browser tests: ``tools/labdriver.py`` on the path, and for every test in
this folder the ``browser`` marker, a generous timeout (cold kernels) and a skip with the reason
when chromium or Playwright is missing."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))

import labdriver  # noqa: E402

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    reason = labdriver.chromium_missing_reason()
    for item in items:
        if HERE in Path(item.fspath).resolve().parents:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.timeout(600))
            if reason is not None:
                item.add_marker(pytest.mark.skip(reason=str(reason)))
