"""Every chapter, the primer and the start page run top to bottom, headless, in a fresh kernel.

They are executed once per test run, by the site build (the ``site`` fixture in conftest.py: nbclient,
a fresh kernel from this environment per notebook, working folder ``chapters/``, as a learner's Lab
would run it); the site tests read the same executed notebooks. A notebook fails when a cell raises
or a code cell did not run; stored outputs are not compared (there are none, see
``test_notebooks_stored_clean.py``). That no cell writes a warning or traceback to stderr is checked in
``test_site_build.py``.

While writing one chapter, nbval runs just that one (fast, no site build)::

    python3 kit.py test --nbval-lax --nbval-current-env chapters/03-strategie.ipynb
"""
from __future__ import annotations

import pytest

from notebook_files import ALL, chapter

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1800)]


@pytest.mark.parametrize("name", ALL)
def test_notebook_runs_without_errors(site, name):
    chapter(name)
    _, _, report = site
    assert report["executed"] is True
    found = report["notebooks"].get(name)
    assert found is not None, f"the site build did not run chapters/{name}"
    assert not found["errors"], f"chapters/{name} raised: {found['errors']}"
    assert not found["not_run"], f"code cells of chapters/{name} did not run: {found['not_run']}"
