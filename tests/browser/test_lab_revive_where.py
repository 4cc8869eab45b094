"""Where the kit brings widgets back by itself, and where not (plugin ``:revive``, issue 20).

Both in the student's Lab (the environment's own configuration, as on the hub) and in the teacher's
Lab (``kit.py lab --docent``: nbgrader's formgrader on) chapter 1's set-up cell, a question and
NeedsProfile run, the notebook is saved, and then its kernel is shut down (as Jupyter's culling of
an idle kernel does) and the notebook is opened again, which starts a new kernel. In the student's
Lab the widgets are alive again without a click. In the teacher's Lab nothing runs: NeedsProfile
keeps its Dutch "niet meer verbonden" line and no cell gets a new execution count; a question's
code can be opened there (to edit it), while in the student's Lab it stays collapsed
(``test_lab_laptop_screen.py``). ``test_lab_restart.py`` does the same through a real restart.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pytest

import labdriver  # set up by conftest.py

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
import kit  # noqa: E402  (not "from conftest import": another folder's conftest may hold that name)
CHAPTER = ROOT / "chapters" / "01-introductie.ipynb"
STATE = "application/vnd.jupyter.widget-state+json"
VIEW = "application/vnd.jupyter.widget-view+json"
DUTCH = "niet meer verbonden met Python"


@pytest.fixture(scope="module")
def teacher_lab():
    kit.configure_lab()                      # what every kit.py command does first
    with labdriver.config_path(kit.DOCENT_CONFIG):
        lab = labdriver.LabServer([], news_setting=False).start(wait=False)
    try:
        lab.wait_ready()
        yield lab
    finally:
        lab.stop()


def _panel(page, selector: str):
    return page.locator(f".jp-NotebookPanel:not(.lm-mod-hidden) {selector}")


def _cell(page, text: str):
    return _panel(page, ".jp-CodeCell").filter(has=page.locator(".jp-InputArea", has_text=text)).first


def _prompts(page) -> list[str]:
    return _panel(page, ".jp-CodeCell .jp-InputArea-prompt").all_inner_texts()


def _saved_widgets(path: Path) -> tuple[int, int]:
    """(kit widgets in the saved widget state, outputs that show a widget) of the saved notebook."""
    try:
        notebook = json.loads(path.read_text(encoding="utf-8"))
    except ValueError:                       # read during a save
        return 0, 0
    models = notebook.get("metadata", {}).get("widgets", {}).get(STATE, {}).get("state", {})
    views = [o for c in notebook.get("cells", []) for o in c.get("outputs", [])
             if VIEW in o.get("data", {}) and o["data"][VIEW].get("model_id") in models]
    return sum(1 for m in models.values() if m.get("state", {}).get("_smmkit_work")), len(views)


def _work_then_reopen_with_a_new_kernel(page, lab) -> str:
    """Run the set-up cell, the first question and NeedsProfile; save; shut the kernel down; reopen."""
    [name] = lab.add([CHAPTER])
    labdriver.open_notebook(page, lab, name)
    for text in ("zet de hulpmiddelen van de cursus klaar", "NeedsProfile()"):
        _cell(page, text).locator(".jp-InputArea-editor").click()
        page.keyboard.press("Control+Enter")
    _panel(page, ".jp-CodeCell").nth(1).locator(".jp-InputPlaceholder").first.click()   # the question
    page.keyboard.press("Escape")
    page.keyboard.press("Control+Enter")
    _cell(page, "NeedsProfile()").locator(".smmkit-widget").first.wait_for(state="visible")
    _panel(page, ".jp-CodeCell").nth(1).locator(".smmkit-quiz").first.wait_for(state="visible")
    labdriver.wait_kernel_idle(page)
    deadline = time.monotonic() + 90
    while True:   # (an autosave may have written the file before the question was drawn: save again)
        _panel(page, ".jp-Notebook").first.click(position={"x": 5, "y": 5})
        page.keyboard.press("Control+s")
        try:      # one save at a time (test_lab_restart.save_until)
            page.wait_for_function("() => !document.querySelector('.lm-TabBar-tab.jp-mod-dirty')", timeout=15_000)
        except Exception:
            pass
        kit_widgets, views = _saved_widgets(lab.root / name)
        if kit_widgets >= 1 and views >= 2:
            break
        assert time.monotonic() < deadline, "the notebook was never saved with its widgets"
        time.sleep(1)
    lab.shutdown_kernels()                  # as the culling of an idle kernel does
    labdriver.open_notebook(page, lab, name)  # a new page and a new kernel
    return name


def test_in_the_students_lab_widgets_come_back_by_themselves(lab, chromium):
    try:
        with labdriver.new_page(chromium, viewport=(1366, 768)) as page:
            console = []
            page.on("console", lambda m: console.append(m.text) if "smmkit" in m.text else None)
            _work_then_reopen_with_a_new_kernel(page, lab)
            roots = _panel(page, ".smmkit-widget, .smmkit-quiz")
            try:
                page.wait_for_function(
                    """() => {
                        const roots = [...document.querySelectorAll(
                            '.jp-NotebookPanel:not(.lm-mod-hidden) .smmkit-widget, .jp-NotebookPanel:not(.lm-mod-hidden) .smmkit-quiz')];
                        return roots.length >= 2 && roots.every(r => !r.classList.contains('jupyter-widgets-disconnected'));
                    }""", timeout=120_000)
            except Exception as exc:
                state = roots.evaluate_all("els => els.map(e => e.className)")
                raise AssertionError(f"the widgets did not come back by themselves: {state}; prompts "
                                     f"{_prompts(page)}; console {console[-5:]}; lab log {lab.log()[-1500:]}") from exc
            assert roots.count() >= 2
            assert DUTCH not in _panel(page, ".jp-Notebook").inner_text()
    finally:
        lab.shutdown_kernels()


def test_in_the_teachers_lab_nothing_runs_by_itself_and_a_question_opens(teacher_lab, chromium):
    with labdriver.new_page(chromium, viewport=(1366, 768)) as page:
        _work_then_reopen_with_a_new_kernel(page, teacher_lab)
        needs = _cell(page, "NeedsProfile()").locator(".smmkit-widget").first
        needs.locator(".smmkit-offline").first.wait_for(state="visible")
        before = _prompts(page)
        page.wait_for_timeout(20_000)        # the student's Lab has them alive well within this
        assert "jupyter-widgets-disconnected" in (needs.get_attribute("class") or "")
        assert DUTCH in needs.inner_text()
        assert _prompts(page) == before, "a cell ran by itself in the teacher's Lab"
        quiz = _panel(page, ".jp-CodeCell").nth(1)
        if quiz.locator(".jp-InputPlaceholder").count():     # (the click before the save opened it already)
            quiz.locator(".jp-InputPlaceholder").first.click()
        quiz.locator(".jp-InputArea-editor").first.wait_for(state="visible")
        assert "answer=" in quiz.inner_text()
