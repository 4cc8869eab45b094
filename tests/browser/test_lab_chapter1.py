"""Chapter 1 in a real JupyterLab + headless Chromium: what a first-time learner does, end to end.

Run → Run All Cells on ``chapters/01-introductie.ipynb`` must give no stderr, no error output and no
safety-net box (``.smmkit-safetynet``),
show the charts as images, and every widget must render. Then the first self-check question
(``smmkit.widgets.quiz``, source hidden in the notebook) is answered the way a learner does: a wrong
option gives a hint but not the answer, the explanation button appears only then, and the right
option is praised. Shares ``tools/labdriver.py`` with the other browser tests; skipped without chromium.
"""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

import labdriver  # set up by conftest.py: tools/ on the path, marks, skip without chromium

CHAPTER = ROOT / "chapters" / "01-introductie.ipynb"
WRONG = "De pdf van de gemeentegids op de website"
RIGHT = "Een Instagrampost van de gemeente waaronder inwoners reageren en elkaar taggen"


@pytest.fixture(scope="module")
def chapter(module_lab, chromium):
    [name] = module_lab.add([CHAPTER])
    with labdriver.new_page(chromium) as page:
        try:
            labdriver.open_notebook(page, module_lab, name)
            labdriver.run_all_cells(page)
        except Exception as exc:
            raise AssertionError(f"chapter 1 did not run in JupyterLab: {exc}\n--- lab log ---\n{module_lab.log()}") from exc
        yield page


def _visible(page, selector: str):
    return page.locator(f".jp-NotebookPanel:not(.lm-mod-hidden) {selector}")


def test_run_all_gives_no_error_and_shows_charts_and_widgets(chapter):
    # what the kit really renders when something goes wrong: the safety net's box for any error in a cell
    # (tests/browser/test_lab_mistakes.py shows it appears for typed-in mistakes), a ✘ check box, and
    # Lab's own error output, which it renders as stderr (checked next; test_lab_mistakes.py shows that
    # this selector does see a cell's error)
    boxes = _visible(chapter, ".smmkit-safetynet").all_inner_texts()
    assert not boxes, f"the safety net spoke in chapter 1 (an error or a warning): {boxes[:2]}"
    failed = [t for t in _visible(chapter, ".smmkit-check").all_inner_texts() if "✘" in t]
    assert not failed, f"a check failed after Run All: {failed[:2]}"
    stderr = _visible(chapter, ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
    assert not stderr.all_inner_texts(), f"stderr in chapter 1: {stderr.all_inner_texts()[:3]}"
    charts = _visible(chapter, ".jp-OutputArea-output[data-mime-type='image/png'] img")
    assert charts.count() >= 3, f"expected the survey charts as images, found {charts.count()}"
    widgets = _visible(chapter, ".smmkit-widget")
    assert widgets.count() >= 4, "NeedsProfile, PESOClassifier, FlywheelMapper and FourCSorter should render"
    errors = [t for t in _visible(chapter, ".smmkit-widget .smmkit-message").all_inner_texts() if t.strip()]
    assert not errors, f"a widget shows an error right after Run All: {errors}"
    assert _visible(chapter, ".smmkit-quiz").count() >= 5


def test_first_self_check_hints_before_it_explains(chapter):
    from playwright.sync_api import expect

    quiz = labdriver.code_cell_output(chapter, 1).locator(".smmkit-quiz").first
    quiz.wait_for(state="visible")
    explain = quiz.locator("button", has_text="Laat de uitleg zien")
    expect(explain).to_be_hidden()

    quiz.locator("label", has_text=WRONG).click()
    quiz.locator("button", has_text="Controleer").click()
    feedback = quiz.locator(".smmkit-quiz-feedback")
    expect(feedback).to_contain_text("Nog niet")
    expect(feedback).to_contain_text("reageren")          # the hint for this option
    assert "Instagrampost" not in feedback.inner_text()  # the answer is not given away
    expect(explain).to_be_visible()

    quiz.locator("label", has_text=RIGHT).click()
    quiz.locator("button", has_text="Controleer").click()
    expect(feedback).to_contain_text("Goed!")
