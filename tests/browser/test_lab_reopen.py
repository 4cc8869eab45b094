"""Reopening a notebook in a real JupyterLab shows its widgets, not "Error displaying widget: model not found".

Issue 10. ``kit.py setup`` writes JupyterLab's setting ``@jupyter-widgets/jupyterlab-manager:plugin``
``saveState: true`` into the environment's overrides; with it, saving a notebook stores the widget
models in the notebook, so a reopened notebook (kernel shut down, page reloaded) renders them. The
test runs ``widgets_demo.ipynb``, saves it, checks the file, shuts the kernel down, opens it again
without running anything and reads the page.

Lab saves only the models that live in the kernel, so the save of a reopened notebook (Lab's
autosave makes one within seconds) wrote an empty widget state, and the notebook said "model not
found" the time after. The kit's server extension (``smmkit.widgetstate``) keeps them; the test
saves the reopened notebook and opens it a third time.
"""
from __future__ import annotations

import json
import subprocess
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
        saved = run_and_save(page, lab, name)
        models = saved_models(saved)
        assert len(models) > 20, "the saved notebook holds no widget state"
        ours = {s["kernel"]["id"] for s in lab.api("api/sessions") if s["path"] == name}
        assert ours, f"no kernel runs {name}"
        for kernel in ours:                                          # as after closing the laptop
            lab.api(f"api/kernels/{kernel}", method="DELETE")
        for opened in ("again", "a third time"):
            # what the file holds now (the first page may have autosaved more models after Ctrl+S)
            models = saved_models(saved)
            labdriver.open_notebook(page, lab, name)                 # nothing run
            shown(page, opened)
            before = saved.stat().st_mtime_ns
            save(page)                                               # or Lab's autosave, seconds later
            wait_until(lambda: saved.stat().st_mtime_ns != before, "the reopened notebook was not saved")
            kept = saved_models(saved)
            # the models the outputs show are kept (models no output shows any more may go)
            assert len(kept) > 20 and set(kept) <= set(models), \
                f"opened {opened} and saved: {len(kept)} of {len(models)} models kept"


def save(page) -> None:
    page.locator(".jp-NotebookPanel .jp-Notebook").first.click(position={"x": 5, "y": 5})
    page.keyboard.press("Control+s")


def run_and_save(page, lab, name: str) -> Path:
    """Open ``name``, run all its cells, save it; the saved file once it holds the widget state."""
    labdriver.open_notebook(page, lab, name)
    labdriver.run_all_cells(page)
    page.locator(".jp-NotebookPanel .smmkit-widget").first.wait_for(state="visible")
    save(page)
    saved = lab.root / name
    wait_until(lambda: saved_models(saved), "the saved notebook holds no widget state")
    return saved


def saved_models(path: Path) -> dict:
    return read(path).get("metadata", {}).get("widgets", {}).get(STATE, {}).get("state", {})


def read(path: Path) -> dict:
    """The notebook as saved; jupyter_server writes in place, so a read during a save is tried again."""
    for _ in range(50):
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            time.sleep(0.1)
    return json.loads(path.read_text(encoding="utf-8"))


def wait_until(condition, message: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, message
        time.sleep(0.2)


def shown(page, opened: str, seconds: float = 60) -> None:
    """The three widgets are drawn from the saved state, and no English error is shown instead."""
    widgets = page.locator(".jp-NotebookPanel .smmkit-widget")
    try:
        widgets.nth(2).wait_for(state="visible", timeout=seconds * 1000)
    except Exception as exc:
        raise AssertionError(f"opened {opened}: {widgets.count()} of 3 widgets shown; the page says "
                             f"{page.locator('.jp-NotebookPanel .jp-OutputArea').all_inner_texts()}") from exc
    text = page.locator(".jp-NotebookPanel").inner_text()
    assert "model not found" not in text and "Error displaying widget" not in text
    assert widgets.count() == 3


def test_a_widget_without_saved_state_says_in_dutch_what_to_do(test_lab, chromium):
    """A notebook saved with an empty widget state (as Lab saved a reopened notebook before the kit's
    server extension, or another Lab) cannot draw its widgets;
    the widget manager's English "Error displaying widget: model not found" becomes Dutch
    (the kit's lab extension, plugin ":widgets"), the English stays in the tooltip."""
    lab = test_lab
    [name] = lab.add([HERE / DEMO])
    with labdriver.new_page(chromium) as page:
        saved = run_and_save(page, lab, name)
        lab.shutdown_kernels()
        notebook = read(saved)
        notebook["metadata"]["widgets"][STATE]["state"] = {}    # as Lab saved a reopened notebook
        saved.write_text(json.dumps(notebook), encoding="utf-8")
        # changed outside Lab, so no longer trusted: Lab would show the text/plain fallback instead
        subprocess.run([str(labdriver.VENV_BIN / "jupyter"), "trust", str(saved)], check=True,
                       env=labdriver.kernel_env(), capture_output=True)
        labdriver.open_notebook(page, lab, name)
        panel = page.locator(".jp-NotebookPanel")
        dutch = "Deze widget is niet meer verbonden met Python"
        wait_until(lambda: panel.inner_text().count(dutch) == 3,
                   "the three widget outputs got no Dutch text", seconds=90)
        text = panel.inner_text()
        assert "Error displaying widget" not in text and "model not found" not in text
        outputs = page.locator(".jp-NotebookPanel .jp-OutputArea-output[title]")
        assert set(outputs.evaluate_all("els => els.map(e => e.title)")) == {"Error displaying widget: model not found"}


def test_widgets_whose_saved_models_come_late_are_still_shown(test_lab, chromium):
    """The widget manager of a reopened notebook restores from the kernel and from the saved state
    side by side; when the kernel part finishes first, an output waits only 2 s for its model and
    then says "model not found" for good (seen once in a CI run on a loaded 2-core machine). With
    Chromium's CPU throttled 16 times, as a slow laptop, that happened in 2 of 3 reopenings here; the
    kit's lab extension renders such outputs again, and every reopening shows the widgets."""
    lab = test_lab
    [name] = lab.add([HERE / DEMO])
    with labdriver.new_page(chromium) as page:
        saved = run_and_save(page, lab, name)
        cdp = page.context.new_cdp_session(page)
        for attempt in range(3):
            lab.shutdown_kernels()
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": 16})
            labdriver.open_notebook(page, lab, name)
            shown(page, f"slowly ({attempt + 1})", seconds=150)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": 1})
