"""Keyboard only, in a real JupyterLab: answer a quiz and edit a row editor without the mouse (#22, WCAG 2.1.1).

After Run All (the menu, as every browser test) the test only puts the keyboard focus on the first
control of each widget (``focus()``, what Tab would reach) and from then on uses key presses only:
arrows in the radio group, Tab to the next control, Enter on a button, typing in a text field,
arrows on a dropdown. What counts is what the kernel answers (the quiz's feedback, the 4C table), and
that the focus stayed in the widget: JupyterLab's own shortcuts (arrows move to another cell, letter
keys run notebook commands) must not take the keys. The kit's lab extension keeps them out of widget
roots and controls (``data-lm-suppress-shortcuts``, the lab extension's ``:a11y`` plugin).
"""
from __future__ import annotations

import nbformat
import pytest

import labdriver  # set up by conftest.py: tools/ on the path, marks, skip without chromium

CELLS = [
    "import smmkit\nfrom smmkit.widgets import FourCSorter\nfrom smmkit.widgets.quiz import MultipleChoice",
    "MultipleChoice('Welke behoefte staat voorop bij een uitlegvideo?', "
    "['Autonomie', 'Competentie', 'Verbondenheid'], answer='Competentie')",
    "FourCSorter()",
]


@pytest.fixture
def page(test_lab, chromium, tmp_path):
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                           "language": "python"}})
    nb.cells = [nbformat.v4.new_code_cell(c) for c in CELLS]
    path = tmp_path / "toetsenbord.ipynb"
    nbformat.write(nb, path)
    [name] = test_lab.add([path])
    with labdriver.new_page(chromium) as page:
        labdriver.open_notebook(page, test_lab, name)
        labdriver.run_all_cells(page)
        yield page


def _focused_inside(page, selector: str) -> bool:
    return page.evaluate("(s) => !!(document.activeElement && document.activeElement.closest(s))", selector)


def test_quiz_by_keyboard(page):
    from playwright.sync_api import expect

    quiz = labdriver.code_cell_output(page, 1).locator(".smmkit-quiz")
    radios = quiz.locator("input[type=radio]")
    radios.first.wait_for(state="visible")
    radios.first.focus()                       # Tab reaches the group here
    page.keyboard.press("ArrowDown")           # radio group: the next option, checked
    assert _focused_inside(page, ".smmkit-quiz"), "the arrow key left the quiz (a JupyterLab shortcut took it)"
    expect(radios.nth(1)).to_be_checked()
    page.keyboard.press("Tab")                 # to the button Controleer
    expect(quiz.locator("button:focus")).to_have_text("Controleer")
    page.keyboard.press("Enter")
    feedback = quiz.locator(".smmkit-live")
    expect(feedback).to_contain_text("Goed!")
    # the feedback is a polite live region: a screen reader reads it out
    assert feedback.get_attribute("role") == "status" and feedback.get_attribute("aria-live") == "polite"
    # the group is named after the question
    group = quiz.locator("[role=radiogroup]")
    labelled_by = group.get_attribute("aria-labelledby")
    assert labelled_by and "uitlegvideo" in page.locator(f"[id='{labelled_by}']").inner_text()


def test_row_editor_by_keyboard(page):
    from playwright.sync_api import expect

    widget = labdriver.code_cell_output(page, 2).locator(".smmkit-widget")
    first_text = widget.locator("input[type=text]").first
    first_text.wait_for(state="visible")
    assert first_text.get_attribute("title") == "Activiteit, rij 1"   # its accessible name
    table = widget.locator("table.smmkit-table")
    conversatie = table.locator("tr", has_text="Conversatie").locator("td").first   # activities with this C
    expect(conversatie).to_have_text("2")
    first_text.focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("Vragen beantwoorden op Facebook")
    page.keyboard.press("Tab")                 # commits the text (no continuous update), to the dropdown
    select = widget.locator("select").first
    expect(select).to_be_focused()
    assert select.get_attribute("title") == "C, rij 1"
    page.keyboard.press("ArrowDown")           # Conversatie → Content
    assert _focused_inside(page, ".smmkit-widget"), "the arrow key left the widget (a JupyterLab shortcut took it)"
    expect(select).to_have_value("Content")   # ipywidgets uses the label as the option's value
    # the kernel recomputed: one Conversatie less, one Content more
    expect(conversatie).to_have_text("1")
    expect(first_text).to_have_value("Vragen beantwoorden op Facebook")
