"""The next day: JupyterLab is stopped and started again, and her widgets are alive at once (issue 20).

The server is the real ``python3 kit.py lab`` (her course folder in ``SMMKIT_WERK``, the kit's Lab
config), driven by headless Debian Chromium at 1366×768. She works through chapter 1 (Run All, moves
a slider of NeedsProfile, saves the PESO widget with Opslaan, and adds a note to the code of the
FourCSorter cell without running it) and types a goal into the exercise h03's SmartChecker; the
notebooks are saved. Then ``kit.py`` is stopped (SIGTERM, as a closed laptop session) and started
again, and both notebooks are reopened without running anything.

A widget cannot be alive without a kernel object. The kit's lab extension (plugin ``:revive``)
therefore runs, as soon as the new kernel is ready, the notebook's set-up cell and the cells whose
saved output shows a kit widget made by exactly the code the cell holds now. So without a click every
widget is alive again (no broken-link icon, no Dutch "niet meer verbonden" line; moving a slider
recalculates) with her last state: the slider where she left it, the goal she typed. The FourCSorter
cell, whose code she changed after it ran, is not run behind her back: that widget keeps the one Dutch
line, greyed out, no clickable control. No other cell runs (its execution count stays). Finally
``git status --porcelain`` of the checkout is as before: her work lives in her own folder.
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


def save_until(page, condition, message: str, seconds: float = 90) -> None:
    """Save, wait until Lab has written it (the tab is no longer dirty), then check ``condition``; again
    until it holds. One save at a time: a Ctrl+S while the previous save is still being written makes
    Lab ask whether the file "changed on disk" (seen on a loaded machine)."""
    deadline = time.monotonic() + seconds
    while True:
        save(page)
        try:
            page.wait_for_function("() => !document.querySelector('.lm-TabBar-tab.jp-mod-dirty')", timeout=15_000)
        except Exception:
            pass
        if condition():
            return
        assert time.monotonic() < deadline, message
        time.sleep(1)


def panel(page, selector: str = ""):
    return page.locator(f".jp-NotebookPanel:not(.lm-mod-hidden) {selector}".strip())


def widget_cell(page, text: str):
    """The code cell whose source holds ``text``."""
    return panel(page, ".jp-CodeCell").filter(has=page.locator(".jp-InputArea", has_text=text)).first


def run_cell(page, cell) -> None:
    cell.locator(".jp-InputArea-editor").click()
    page.keyboard.press("Shift+Enter")


ROOTS = ".smmkit-widget, .smmkit-quiz"
NOTE = "# mijn aantekening: eerst de 4C's van het boek nalezen"


def widget_report(page) -> list[dict]:
    """Per widget of the visible notebook: dead or alive, its visible Dutch line, visible broken-link
    icons, visible status lines, buttons that take clicks, and the source of its cell."""
    return panel(page, ROOTS).evaluate_all("""els => els.map(el => {
        const offline = el.querySelector(':scope > .smmkit-offline');
        const icons = [el, ...el.querySelectorAll('.jupyter-widgets-disconnected')]
            .filter(e => e.classList.contains('jupyter-widgets-disconnected') &&
                         getComputedStyle(e, '::before').display !== 'none' &&
                         getComputedStyle(e, '::before').content !== 'none').length;
        const notes = [...el.querySelectorAll('.smmkit-note')].filter(n => n.offsetParent !== null).length;
        const buttons = [...el.querySelectorAll('button')].filter(b => getComputedStyle(b).pointerEvents !== 'none').length;
        const cell = el.closest('.jp-CodeCell');
        const editor = cell && cell.querySelector('.jp-InputArea-editor');
        return {dead: el.classList.contains('jupyter-widgets-disconnected'),
                line: offline && offline.offsetParent !== null ? offline.innerText : '', icons, notes, buttons,
                source: editor ? editor.innerText : ''};
    })""")


def broken_icons(page) -> int:
    return panel(page, ".jupyter-widgets-disconnected").evaluate_all("""els => els.filter(e =>
        getComputedStyle(e, '::before').display !== 'none' && getComputedStyle(e, '::before').content !== 'none').length""")


def wait_alive(page, where: str, expected: int, dead_sources: tuple[str, ...] = ()) -> list[dict]:
    """Wait (no click, no run) until ``expected`` widgets are drawn and all are alive except the ones whose
    cell holds one of ``dead_sources``; those must say so in one Dutch line, without icons or buttons."""
    report: list[dict] = []

    def settled() -> bool:
        nonlocal report
        report = widget_report(page)
        return len(report) >= expected and all(
            w["dead"] == any(d in w["source"] for d in dead_sources) for w in report)

    try:
        wait_until(settled, "", seconds=240)
    except AssertionError:
        raise AssertionError(f"{where}: the widgets did not come back alive by themselves: "
                             f"{[(w['dead'], w['line'][:40], w['source'][:40]) for w in report]}") from None
    assert broken_icons(page) == 0, f"{where}: broken-link icons in the notebook"
    for i, widget in enumerate(report):
        assert widget["icons"] == 0, f"{where}: widget {i} shows {widget['icons']} broken-link icons"
        if widget["dead"]:
            assert DUTCH in widget["line"] and "Shift + Enter" in widget["line"], f"{where}: widget {i}: {widget}"
            assert widget["notes"] == 0, f"{where}: widget {i} still shows an old status line"
            assert widget["buttons"] == 0, f"{where}: widget {i} has buttons that take clicks without Python"
        else:
            assert not widget["line"], f"{where}: widget {i} is alive but says it is not: {widget['line']}"
    return report


def prompt_of(page, text: str) -> str:
    return widget_cell(page, text).locator(".jp-InputArea-prompt").inner_text().strip()


@pytest.mark.timeout(1500)
def test_after_a_restart_every_widget_is_alive_at_once_with_her_work(tmp_path, chromium):
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
            # a note typed into the FourCSorter cell, not run: that cell must not run behind her back
            fourc = widget_cell(page, "FourCSorter()")
            fourc.locator(".jp-InputArea-editor").click()
            page.keyboard.press("Control+End")
            page.keyboard.press("Enter")
            page.keyboard.insert_text(NOTE)
            page.keyboard.press("Escape")
            widgets_day1 = panel(page, ROOTS).count()
            assert widgets_day1 >= 9, f"chapter 1 shows {widgets_day1} widgets after Run All"
            plain_prompt = prompt_of(page, 'bewoners = load("gemeenten_bewoners_kanalen")')
            chapter = lab.root / CHAPTER
            save_until(page, lambda: NOTE in chapter.read_text(encoding="utf-8") and any(
                w["widget"] == "NeedsProfile" and w["state"]["scores"]["LinkedIn"]["competentie"] == moved
                for w in saved_works(chapter)), "the moved slider and the note never reached the saved notebook")
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
            save_until(page, lambda: any(
                w["widget"] == "SmartChecker" and w["state"].get("goal") == GOAL for w in saved_works(exercise)),
                "the typed goal never reached the saved exercise")
        lab.stop()                                                    # --- the next day
        lab.start()
        with labdriver.new_page(chromium, viewport=(1366, 768)) as page:
            labdriver.open_notebook(page, lab, CHAPTER)               # nothing run, nothing clicked
            wait_alive(page, "chapter 1", widgets_day1, dead_sources=(NOTE[:20],))
            page.get_by_text("Niet elke widget kon terugkomen").first.wait_for(state="visible")  # the Dutch notice
            needs = widget_cell(page, "NeedsProfile()").locator(".smmkit-widget").first
            assert int(needs.locator(".widget-readout").first.inner_text()) == moved, "not her slider"
            assert "vorige keer" in needs.inner_text()
            shown = labdriver.fingerprint(needs)                      # comm live: Python recalculates
            handle = needs.locator(".noUi-handle").first
            handle.focus()
            handle.press("ArrowLeft" if moved > 1 else "ArrowRight")
            labdriver.wait_for_change(page, needs, shown)
            assert prompt_of(page, 'bewoners = load("gemeenten_bewoners_kanalen")') == plain_prompt, (
                "a cell that shows no widget ran after the restart")
            labdriver.open_notebook(page, lab, EXERCISE)
            wait_alive(page, "exercise h03", 1)
            page.get_by_text("De widgets werken weer, met je laatste werk.").first.wait_for(state="visible")
            smart = widget_cell(page, "SmartChecker(").locator(".smmkit-widget").first
            assert smart.locator("textarea").first.input_value() == GOAL
            shown = labdriver.fingerprint(smart)
            smart.locator("textarea").first.fill("")
            labdriver.wait_for_change(page, smart, shown)
    finally:
        lab.stop()
    assert git_status() == before, "working through the course changed the kit's own files"
