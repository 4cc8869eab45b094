"""The next day: JupyterLab is stopped and started again, and her work is still there (issue 20).

The server is the real ``python3 kit.py lab`` (her course folder in ``SMMKIT_WERK``, the kit's Lab
config), driven by headless Debian Chromium. She works through chapter 1 (Run All, moves a slider of
NeedsProfile, saves the PESO widget with Opslaan) and types a goal into the exercise h03's
SmartChecker; the notebooks are saved. Then ``kit.py`` is stopped (SIGTERM, as a closed laptop
session) and started again, and both notebooks are reopened without running anything.

A widget cannot be alive without a kernel: its Python object is gone. So every widget must say so in
one Dutch line, in place of the widget manager's red broken-link icons, be greyed out and not take
clicks (a dead Opslaan that still showed yesterday's "Klaar: …json" made her believe she saved).
Running the cell again brings the widget back alive with her last state (the slider where she left
it, the goal she typed), not the example. Finally ``git status --porcelain`` of the checkout is as
before: her work lives in her own folder, never in the kit's tracked files.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

import labdriver  # set up by conftest.py

ROOT = Path(__file__).resolve().parents[2]
CHAPTER = "chapters/01-introductie.ipynb"
EXERCISE = "exercises/h03-strategie/h03-strategie.ipynb"
STATE = "application/vnd.jupyter.widget-state+json"
GOAL = "Wij willen voor 1 juni 2027 het aantal reacties op Instagram verhogen van 20 naar 60 per week."
DUTCH = "niet meer verbonden met Python"


class KitLab:
    """``python3 kit.py lab`` as a student starts it, on a free port, with throw-away Jupyter folders."""

    def __init__(self, tmp: Path):
        self.tmp = tmp
        self.root = tmp / "werk"
        self.port = labdriver.free_port()
        self.token = "restart-test-token"
        self.proc = None
        self.log_path = tmp / "lab.log"
        settings = tmp / "settings" / "@jupyterlab"
        (settings / "notebook-extension").mkdir(parents=True, exist_ok=True)
        # Lab 4 lays out only the cells in view; reading every widget needs them all
        (settings / "notebook-extension" / "tracker.jupyterlab-settings").write_text(
            json.dumps({"windowingMode": "none"}), encoding="utf-8")

    def url(self, path: str) -> str:
        sep = "&" if "?" in path else "?"
        return f"http://127.0.0.1:{self.port}/{path.lstrip('/')}{sep}token={self.token}"

    def api(self, path: str, method: str = "GET"):
        request = urllib.request.Request(self.url(path), method=method)
        with urllib.request.urlopen(request, timeout=30) as response:
            body = response.read()
        return json.loads(body) if body else None

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")[-4000:] if self.log_path.exists() else ""

    def start(self) -> "KitLab":
        env = labdriver.kernel_env()
        env.update(SMMKIT_WERK=str(self.root), JUPYTER_RUNTIME_DIR=str(self.tmp / "runtime"),
                   JUPYTERLAB_WORKSPACES_DIR=str(self.tmp / "workspaces"),
                   JUPYTERLAB_SETTINGS_DIR=str(self.tmp / "settings"))
        cmd = [sys.executable, str(ROOT / "kit.py"), "lab", "--no-browser", f"--port={self.port}",
               "--ServerApp.port_retries=0", "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={self.token}",
               "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
        with open(self.log_path, "ab") as log:
            self.proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=log,
                                         stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, f"kit.py lab stopped:\n{self.log()}"
            try:
                self.api("api/status")
                return self
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.5)
        raise AssertionError(f"kit.py lab did not answer:\n{self.log()}")

    def stop(self) -> None:
        """SIGTERM to kit.py only, as a service manager or a closed session does: it stops JupyterLab."""
        if self.proc is None or self.proc.poll() is not None:
            return
        os.kill(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=90)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=30)


def git_status() -> str:
    return subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain"], capture_output=True, text=True,
                          check=True).stdout


def saved_works(path: Path) -> list[dict]:
    """The learner states (``_smmkit_work``) in the widget models saved in the notebook."""
    for _ in range(50):
        try:
            notebook = json.loads(path.read_text(encoding="utf-8"))
            break
        except json.JSONDecodeError:   # read during a save
            time.sleep(0.1)
    models = notebook.get("metadata", {}).get("widgets", {}).get(STATE, {}).get("state", {})
    return [json.loads(m["state"]["_smmkit_work"]) for m in models.values()
            if m.get("state", {}).get("_smmkit_work")]


def wait_until(condition, message: str, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, message
        time.sleep(0.3)


def save(page) -> None:
    page.locator(".jp-NotebookPanel .jp-Notebook").first.click(position={"x": 5, "y": 5})
    page.keyboard.press("Control+s")


def panel(page, selector: str = ""):
    return page.locator(f".jp-NotebookPanel:not(.lm-mod-hidden) {selector}".strip())


def widget_cell(page, text: str):
    """The code cell whose source holds ``text``."""
    return panel(page, ".jp-CodeCell").filter(has=page.locator(".jp-InputArea", has_text=text)).first


def run_cell(page, cell) -> None:
    cell.locator(".jp-InputArea-editor").click()
    page.keyboard.press("Shift+Enter")


def dead_widgets_say_so(page, where: str) -> None:
    """Every widget of the reopened notebook: one visible Dutch line, no visible broken-link icon, no
    visible status line, no clickable control."""
    roots = panel(page, ".smmkit-widget, .smmkit-quiz")
    wait_until(lambda: roots.count() > 0 and panel(page, ".jupyter-widgets-disconnected").count() > 0,
               f"{where}: the saved widgets were not drawn")
    report = roots.evaluate_all("""els => els.map(el => {
        const offline = el.querySelector(':scope > .smmkit-offline');
        const icons = [el, ...el.querySelectorAll('.jupyter-widgets-disconnected')]
            .filter(e => getComputedStyle(e, '::before').display !== 'none' &&
                         getComputedStyle(e, '::before').content !== 'none').length;
        const notes = [...el.querySelectorAll('.smmkit-note')].filter(n => n.offsetParent !== null).length;
        const buttons = [...el.querySelectorAll('button')].filter(b => getComputedStyle(b).pointerEvents !== 'none').length;
        return {dead: el.classList.contains('jupyter-widgets-disconnected'),
                line: offline && offline.offsetParent !== null ? offline.innerText : '', icons, notes, buttons};
    })""")
    icons = panel(page, ".jupyter-widgets-disconnected").evaluate_all("""els => els.filter(e =>
        getComputedStyle(e, '::before').display !== 'none' && getComputedStyle(e, '::before').content !== 'none').length""")
    assert icons == 0, f"{where}: {icons} broken-link icons in the notebook"
    for i, widget in enumerate(report):
        assert widget["dead"], f"{where}: widget {i} is connected without a kernel run?"
        assert DUTCH in widget["line"] and "Shift + Enter" in widget["line"], f"{where}: widget {i}: {widget}"
        assert widget["icons"] == 0, f"{where}: widget {i} shows {widget['icons']} broken-link icons"
        assert widget["notes"] == 0, f"{where}: widget {i} still shows an old status line"
        assert widget["buttons"] == 0, f"{where}: widget {i} has buttons that take clicks without Python"


@pytest.mark.timeout(1500)
def test_after_a_restart_every_widget_says_so_and_comes_back_with_her_work(tmp_path, chromium):
    before = git_status()
    lab = KitLab(tmp_path).start()
    try:
        with labdriver.new_page(chromium, viewport=(1366, 768)) as page:
            # --- day 1: chapter 1
            labdriver.open_notebook(page, lab, CHAPTER)
            labdriver.run_all_cells(page)
            needs = widget_cell(page, "NeedsProfile()").locator(".smmkit-widget").first
            assert needs.locator(".widget-hbox").first.inner_text().startswith("LinkedIn")
            readout = needs.locator(".widget-readout").first          # LinkedIn's competence
            start = int(readout.inner_text())
            handle = needs.locator(".noUi-handle").first
            handle.focus()
            handle.press("ArrowLeft" if start > 1 else "ArrowRight")
            wait_until(lambda: int(readout.inner_text()) != start, "the slider did not move")
            moved = int(readout.inner_text())
            peso = widget_cell(page, "PESOClassifier()").locator(".smmkit-widget").first
            peso.locator("button", has_text="Opslaan").click()
            peso.locator(".smmkit-note", has_text="Klaar").wait_for(state="visible")
            chapter = lab.root / CHAPTER
            wait_until(lambda: any(w["widget"] == "NeedsProfile" for w in saved_works(chapter)) or
                       save(page), "chapter 1 was not saved with its widgets")
            wait_until(lambda: (save(page) or True) and any(
                w["widget"] == "NeedsProfile" and w["state"]["scores"]["LinkedIn"]["competentie"] == moved
                for w in saved_works(chapter)), "the moved slider never reached the saved notebook")
            assert (lab.root / "chapters" / "hoofdstuk01_peso.json").exists()
            # --- day 1: the exercise, a goal typed into SmartChecker (updates while she types)
            labdriver.open_notebook(page, lab, EXERCISE)                # (Run All stops at her empty answers)
            run_cell(page, widget_cell(page, "SmartChecker("))
            smart = widget_cell(page, "SmartChecker(").locator(".smmkit-widget").first
            smart.wait_for(state="visible")
            smart.locator("textarea").first.fill(GOAL)
            wait_until(lambda: "leeg" not in labdriver.widget_text(smart) and "Instagram" in smart.inner_text()
                       or "✓" in smart.inner_text(), "SmartChecker did not update while she typed")
            exercise = lab.root / EXERCISE
            wait_until(lambda: (save(page) or True) and any(
                w["widget"] == "SmartChecker" and w["state"].get("goal") == GOAL for w in saved_works(exercise)),
                "the typed goal never reached the saved exercise")
        lab.stop()                                                    # --- the next day
        lab.start()
        with labdriver.new_page(chromium, viewport=(1366, 768)) as page:
            labdriver.open_notebook(page, lab, CHAPTER)
            dead_widgets_say_so(page, "chapter 1")
            needs_cell = widget_cell(page, "NeedsProfile()")
            run_cell(page, needs_cell)
            needs = needs_cell.locator(".smmkit-widget").first
            wait_until(lambda: needs.count() and "jupyter-widgets-disconnected" not in (needs.get_attribute("class") or "")
                       and "vorige keer" in needs.inner_text(), "NeedsProfile did not come back alive with her work")
            assert int(needs.locator(".widget-readout").first.inner_text()) == moved
            assert DUTCH not in needs.inner_text()
            labdriver.open_notebook(page, lab, EXERCISE)
            dead_widgets_say_so(page, "exercise h03")
            smart_cell = widget_cell(page, "SmartChecker(")
            run_cell(page, smart_cell)
            smart = smart_cell.locator(".smmkit-widget").first
            wait_until(lambda: smart.count() and "vorige keer" in smart.inner_text(),
                       "SmartChecker did not come back with her goal")
            assert smart.locator("textarea").first.input_value() == GOAL
    finally:
        lab.stop()
    assert git_status() == before, "working through the course changed the kit's own files"
