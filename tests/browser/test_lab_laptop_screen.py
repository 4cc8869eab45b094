"""Chapter 1 on a student's laptop screen (1366×768) in a real JupyterLab + headless Chromium (issue 20).

* A self-check question is a code cell whose code holds its answer (``answer=…``), collapsed
  (tags ``smmkit-quiz``, ``hide-input``). Clicking the collapsed code, its collapser or View → Expand
  All Code must not show that code (the lab extension's plugin ``:quiz`` keeps it collapsed), and the
  question still runs with Shift + Enter and answers.
* NeedsProfile's chart is beside or right under its sliders: the chart's top is less than one screen
  height below the first slider's top, so moving a slider shows what it does without scrolling away.
* After Run All no widget of the chapter is wider than the notebook, and no part of a widget sticks
  out past the notebook's right edge.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import labdriver  # set up by conftest.py: tools/ on the path, marks, skip without chromium

ROOT = Path(__file__).resolve().parents[2]
CHAPTER = ROOT / "chapters" / "01-introductie.ipynb"
WIDTH, HEIGHT = 1366, 768
WRONG = "De pdf van de gemeentegids op de website"


@pytest.fixture(scope="module")
def page(module_lab, chromium):
    [name] = module_lab.add([CHAPTER])
    with labdriver.new_page(chromium, viewport=(WIDTH, HEIGHT)) as page:
        labdriver.open_notebook(page, module_lab, name)
        yield page


def _visible(page, selector: str):
    return page.locator(f".jp-NotebookPanel:not(.lm-mod-hidden) {selector}")


def _shown_text(page) -> str:
    return _visible(page, ".jp-Notebook").inner_text()


def _code_cell(page, text: str):
    return _visible(page, ".jp-CodeCell").filter(has=page.locator(".jp-InputArea", has_text=text)).first


def test_a_question_never_shows_its_answer_in_code_and_still_answers(page):
    assert "answer=" not in _shown_text(page)
    setup = _code_cell(page, "zet de hulpmiddelen van de cursus klaar")
    setup.locator(".jp-InputArea-editor").click()
    page.keyboard.press("Shift+Enter")
    quiz = _visible(page, ".jp-CodeCell").nth(1)
    assert "smmkit-quiz" in (quiz.get_attribute("class") or "")   # the extension knows it
    for where in (".jp-InputPlaceholder", ".jp-InputCollapser"):   # what a learner clicks
        quiz.locator(where).first.click()
        page.wait_for_timeout(300)
        assert "answer=" not in _shown_text(page), f"a click on {where} showed the answer in the code"
        assert quiz.locator(".jp-InputArea-editor").count() == 0 or not quiz.locator(
            ".jp-InputArea-editor").first.is_visible()
    labdriver.run_command_from_menu(page, "notebook:show-all-cell-code")   # View → Expand All Code
    page.wait_for_timeout(300)
    assert "answer=" not in _shown_text(page), "Expand All Code showed the answer in the code"
    quiz.locator(".jp-InputPlaceholder").first.click()
    page.keyboard.press("Escape")
    page.keyboard.press("Shift+Enter")                                    # it still runs
    question = quiz.locator(".smmkit-quiz").first
    question.wait_for(state="visible")
    question.locator("label", has_text=WRONG).click()
    question.locator("button", has_text="Controleer").click()
    feedback = question.locator(".smmkit-quiz-feedback")
    feedback.filter(has_text="Nog niet").wait_for(state="visible")
    assert "answer=" not in _shown_text(page)


def test_needs_profile_chart_is_near_its_sliders_and_no_widget_is_wider_than_the_notebook(page):
    labdriver.run_all_cells(page)
    needs = _code_cell(page, "NeedsProfile()").locator(".smmkit-widget").first
    chart = needs.locator("img").first
    chart.wait_for(state="visible")
    slider = needs.locator(".widget-slider").first
    slider.scroll_into_view_if_needed()
    top = {name: loc.evaluate("e => e.getBoundingClientRect().top") for name, loc in
           (("slider", slider), ("chart", chart))}
    assert top["chart"] - top["slider"] < HEIGHT, (
        f"NeedsProfile's chart is {top['chart'] - top['slider']:.0f} px below its first slider on a "
        f"{WIDTH}×{HEIGHT} screen")
    too_wide = _visible(page, ".jp-Notebook").evaluate("""nb => {
        const limit = nb.getBoundingClientRect();
        return [...nb.querySelectorAll('.smmkit-widget, .smmkit-quiz')].map((w, i) => {
            const box = w.getBoundingClientRect();
            const out = [w, ...w.querySelectorAll('*')].filter(e => {
                const r = e.getBoundingClientRect();
                return r.width > 0 && r.right > limit.right + 1;
            });
            return {i, cls: w.className.split(' ').filter(c => c.startsWith('smmkit')).join(' '),
                    width: Math.round(box.width), limit: Math.round(limit.width),
                    sticking_out: out.map(e => e.tagName + '.' + e.className.toString().slice(0, 40)).slice(0, 5)};
        }).filter(w => w.width > w.limit || w.sticking_out.length);
    }""")
    count = _visible(page, ".smmkit-widget, .smmkit-quiz").count()
    assert count >= 9, f"chapter 1 shows {count} widgets after Run All"
    assert not too_wide, f"widgets wider than the notebook at {WIDTH}×{HEIGHT}: {too_wide}"
