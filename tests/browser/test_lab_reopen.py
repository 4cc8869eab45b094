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
from pathlib import Path

import labdriver  # set up by conftest.py

HERE = Path(__file__).resolve().parent
DEMO = "widgets_demo.ipynb"
STATE = "application/vnd.jupyter.widget-state+json"


def _overrides() -> dict:
    path = Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def test_a_reopened_notebook_shows_its_widgets(test_lab, chromium):
    assert _overrides().get("@jupyter-widgets/jupyterlab-manager:plugin") == {"saveState": True}, \
        "run `python3 kit.py setup`: it writes the Lab overrides"
    lab = test_lab
    [name] = lab.add([HERE / DEMO])
    with labdriver.new_page(chromium) as page:
        labdriver.open_notebook(page, lab, name)
        labdriver.run_all_cells(page)
        page.locator(".jp-NotebookPanel .smmkit-widget").first.wait_for(state="visible")
        page.locator(".jp-NotebookPanel .jp-Notebook").first.click(position={"x": 5, "y": 5})
        page.keyboard.press("Control+s")
        saved = lab.root / name
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            metadata = json.loads(saved.read_text(encoding="utf-8")).get("metadata", {})
            if metadata.get("widgets", {}).get(STATE, {}).get("state"):
                break
            time.sleep(0.5)
        models = metadata.get("widgets", {}).get(STATE, {}).get("state", {})
        assert len(models) > 20, "the saved notebook holds no widget state"
        ours = {s["kernel"]["id"] for s in lab.api("api/sessions") if s["path"] == name}
        assert ours, f"no kernel runs {name}"
        for kernel in ours:                                          # as after closing the laptop
            lab.api(f"api/kernels/{kernel}", method="DELETE")
        labdriver.open_notebook(page, lab, name)                     # opened again, nothing run
        page.locator(".jp-NotebookPanel .smmkit-widget").first.wait_for(state="visible", timeout=60_000)
        text = page.locator(".jp-NotebookPanel").inner_text()
        assert "model not found" not in text and "Error displaying widget" not in text
        assert page.locator(".jp-NotebookPanel .smmkit-widget").count() == 3
