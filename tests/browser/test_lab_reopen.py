"""Reopening a notebook in a real JupyterLab shows its widgets, not "Error displaying widget: model not found".

Issue 10. ``kit.py setup`` writes JupyterLab's setting ``@jupyter-widgets/jupyterlab-manager:plugin``
``saveState: true`` into the environment's overrides; with it, saving a notebook stores the widget
models in the notebook, so a reopened notebook (kernel shut down, page reloaded) renders them. The
test runs ``widgets_demo.ipynb``, saves it, checks the file, shuts the kernel down, opens it again
without running anything and reads the page.
"""
from __future__ import annotations

import json
import sys
import time
import urllib.request
from pathlib import Path

import labdriver  # set up by conftest.py

HERE = Path(__file__).resolve().parent
DEMO = "widgets_demo.ipynb"
STATE = "application/vnd.jupyter.widget-state+json"


def _overrides() -> dict:
    path = Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def _api(lab, path: str, method: str = "GET"):
    request = urllib.request.Request(lab.url(path), method=method)
    with urllib.request.urlopen(request, timeout=30) as response:
        body = response.read()
    return json.loads(body) if body else None


def test_a_reopened_notebook_shows_its_widgets():
    assert _overrides().get("@jupyter-widgets/jupyterlab-manager:plugin") == {"saveState": True}, \
        "run `python3 kit.py setup`: it writes the Lab overrides"
    with labdriver.LabServer([HERE / DEMO]) as lab, labdriver.browser_page() as page:
        labdriver.open_notebook(page, lab, DEMO)
        labdriver.run_all_cells(page)
        page.locator(".jp-NotebookPanel .smmkit-widget").first.wait_for(state="visible")
        page.locator(".jp-NotebookPanel .jp-Notebook").first.click(position={"x": 5, "y": 5})
        page.keyboard.press("Control+s")
        saved = lab.root / DEMO
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            metadata = json.loads(saved.read_text(encoding="utf-8")).get("metadata", {})
            if metadata.get("widgets", {}).get(STATE, {}).get("state"):
                break
            time.sleep(0.5)
        models = metadata.get("widgets", {}).get(STATE, {}).get("state", {})
        assert len(models) > 20, "the saved notebook holds no widget state"
        for kernel in _api(lab, "api/kernels"):                      # as after closing the laptop
            _api(lab, f"api/kernels/{kernel['id']}", method="DELETE")
        labdriver.open_notebook(page, lab, DEMO)                     # opened again, nothing run
        page.locator(".jp-NotebookPanel .smmkit-widget").first.wait_for(state="visible", timeout=60_000)
        text = page.locator(".jp-NotebookPanel").inner_text()
        assert "model not found" not in text and "Error displaying widget" not in text
        assert page.locator(".jp-NotebookPanel .smmkit-widget").count() == 3
