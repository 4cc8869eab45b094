"""Shared set-up of the browser tests: ``tools/labdriver.py`` on the path, and for every test in
this folder the ``browser`` marker, a generous timeout (cold kernels) and a skip with the reason
when chromium or Playwright is missing.

Starting JupyterLab and Chromium costs more than most tests, so the folder shares one of each for
the whole run (``lab``, ``chromium``): every test (module) still gets its own copy of its notebooks
in a fresh subfolder (``lab.add``), its own page in a fresh browser context (``labdriver.new_page``),
and its kernels are shut down afterwards. Only a Lab with another configuration (the laptop's or the
teacher's ``JUPYTER_CONFIG_PATH``, ``test_lab_dutch.py``) starts a server of its own.
"""
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import labdriver  # noqa: E402

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    reason = labdriver.chromium_missing_reason()
    for item in items:
        if HERE in Path(item.fspath).resolve().parents:
            item.add_marker(pytest.mark.browser)
            if item.get_closest_marker("timeout") is None:  # test_site_a11y.py: its first test builds the site
                item.add_marker(pytest.mark.timeout(600))
            if reason is not None:
                item.add_marker(pytest.mark.skip(reason=str(reason)))


def configure_kit():
    """What every kit.py command does first: the Lab overrides, nbgrader's plugins, the Dutch texts."""
    sys.path.insert(0, str(ROOT))
    try:
        import kit
    finally:
        sys.path.remove(str(ROOT))
    kit.configure_lab()
    return kit


@pytest.fixture(scope="session")
def lab():
    """One JupyterLab for every browser test: the environment's own configuration (as on the hub),
    without labdriver's user setting against the news pop-up (the kit's overrides must do that)."""
    configure_kit()
    server = labdriver.LabServer([], news_setting=False).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def chromium():
    with labdriver.browser() as browser:
        yield browser


def _ended(server) -> None:
    try:
        server.shutdown_kernels()
    except OSError:  # a server that died: the failing test already says so
        pass


@pytest.fixture(scope="module")
def module_lab(lab):
    """The shared Lab for one module; its kernels are shut down when the module is done."""
    yield lab
    _ended(lab)


@pytest.fixture
def test_lab(lab):
    """The shared Lab for one test; its kernels are shut down when the test is done."""
    yield lab
    _ended(lab)
