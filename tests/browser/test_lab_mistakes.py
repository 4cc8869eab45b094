"""Typical beginner mistakes typed into chapter 1 and exercise h02 in a real JupyterLab (headless Chromium).

What a learner must never see (issue 10): an English traceback, a ✔ on a stale value after the answer cell
failed or was changed, and a dead end (a message without a next step, a hint that can never pass).
The mistakes are typed the way a learner does: click in the cell, select all, type, Shift + Enter.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import labdriver  # set up by conftest.py: tools/ on the path, marks, skip without chromium

ROOT = Path(__file__).resolve().parents[2]
CHAPTER = ROOT / "chapters" / "01-introductie.ipynb"
# the first h02 release, frozen (fixtures/README.md): the tests type into its Hyves question
EXERCISE = Path(__file__).resolve().parent / "fixtures" / "h02-typen-en-kanalen.ipynb"
ENGLISH = re.compile(r"Traceback \(most recent call last\)|most recent call last|File \"|Cell In\[\d+\]")
VISIBLE = ".jp-NotebookPanel:not(.lm-mod-hidden)"


def _cells(page):
    return page.locator(f"{VISIBLE} .jp-CodeCell")


def cell_index(page, contains: str) -> int:
    sources = _cells(page).evaluate_all("cs => cs.map(c => { const e = c.querySelector('.cm-content'); return e ? e.innerText : ''; })")
    for i, source in enumerate(sources):
        if contains in source:
            return i
    raise AssertionError(f"no code cell contains {contains!r}")


def type_into(page, index: int, text: str) -> None:
    """Replace the source of code cell ``index`` as a learner does (no auto-indent: text is inserted)."""
    editor = _cells(page).nth(index).locator(".cm-content")
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(text)


def run(page, index: int) -> str:
    """Shift + Enter in code cell ``index``; wait for the new prompt and an idle kernel; return its output text."""
    cell = _cells(page).nth(index)
    prompt = cell.locator(".jp-InputArea-prompt")
    before = prompt.inner_text()
    cell.locator(".cm-content").click()
    page.keyboard.press("Shift+Enter")
    page.wait_for_function(
        """([el, before]) => { const t = el.textContent; return /\\[\\d+\\]/.test(t) && t !== before; }""",
        arg=[prompt.element_handle(), before], timeout=labdriver.SLOW_MS)
    labdriver.wait_kernel_idle(page)
    page.wait_for_timeout(300)  # the last output message may land just after the idle status
    return cell.locator(".jp-OutputArea").inner_text()


def assert_no_english_wall(page) -> None:
    """No visible output shows a Python traceback (the collapsed original is not rendered until opened)."""
    texts = page.locator(f"{VISIBLE} .jp-OutputArea").all_inner_texts()
    walls = [t for t in texts if ENGLISH.search(t)]
    assert not walls, f"an English traceback is visible: {walls[0][:500]}"


def assert_every_box_says_what_to_try(page) -> None:
    boxes = page.locator(f"{VISIBLE} .smmkit-safetynet").all_inner_texts()
    assert all("Probeer:" in box for box in boxes), f"a safety-net box without a next step: {boxes}"


def assert_original_one_click_away(page, index: int, ename: str) -> None:
    details = _cells(page).nth(index).locator(".smmkit-safetynet details").first
    original = details.locator("pre")
    assert details.get_attribute("open") is None and not original.is_visible(), "collapsed at first"
    details.locator("summary").click()
    assert original.is_visible() and ename in original.inner_text(), "the original, one click away"
    details.locator("summary").click()  # closed again, so later checks see the learner's view


@pytest.fixture(scope="module")
def session(module_lab, chromium):
    """The shared Lab with fresh copies of both notebooks, and one page for this module."""
    names = dict(zip(("chapter", "exercise"), module_lab.add([CHAPTER, EXERCISE])))
    with labdriver.new_page(chromium) as page:
        yield module_lab, page, names


def test_chapter1_mistakes_get_dutch_help(session):
    server, page, names = session
    labdriver.open_notebook(page, server, names["chapter"])
    labdriver.run_all_cells(page)
    loop = cell_index(page, "versterking = 1.25")
    original = _cells(page).nth(loop).locator(".cm-content").inner_text()

    type_into(page, loop, original.replace("versterking = 1.25", "versterking = 1,25"))
    out = run(page, loop)
    assert "rijtje" in out and "versterking = 1.25" in out, out
    assert_original_one_click_away(page, loop, "TypeError")
    stderr = _cells(page).nth(loop).locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
    assert stderr.count() == 1 and "oranje kader" in stderr.inner_text(), "the real error, in one Dutch line"
    assert _cells(page).nth(loop).locator(".smmkit-safetynet").count() == 1, "the selector test_lab_chapter1 uses"

    type_into(page, loop, original.replace("aandeel * versterking", "aandeel * versterkng"))
    out = run(page, loop)
    assert "Bedoel je `versterking`?" in out, out

    type_into(page, loop, original.replace("range(1, 7):", "range(1, 7)"))
    out = run(page, loop)
    assert "dubbele punt" in out, out

    table = cell_index(page, 'doelen = load("gemeenten_doelen")')
    type_into(page, table, 'doelen = load("gemeenten_doelen")\ndoelen["Doel"]')
    out = run(page, table)
    assert "geen kolom `Doel`" in out and "Bedoel je `doel`?" in out and "percentage" in out, out

    type_into(page, loop, original)
    out = run(page, loop)
    assert "week 6" in out and "smmkit-safetynet" not in _cells(page).nth(loop).inner_html()
    assert_no_english_wall(page)
    assert_every_box_says_what_to_try(page)


def test_h02_mistakes_no_stale_tick_and_no_dead_end(session):
    server, page, names = session
    labdriver.open_notebook(page, server, names["exercise"])
    labdriver.run_all_cells(page)
    answer = cell_index(page, "Zoek de twee percentages van Hyves")
    check = answer + 1
    good = ('hyves = newcom[(newcom["kanaal"] == "Hyves") & (newcom["maat"] == "gebruik")].set_index("jaar")'
            '["percentage"]\nhyves_verandering = round((hyves[2012] - hyves[2011]) / hyves[2011] * 100, 1)')

    type_into(page, answer, good.replace('newcom["kanaal"] == "Hyves"', 'newcom["Kanaal"] == "Hyves"'))
    out = run(page, answer)
    assert "geen kolom `Kanaal`" in out and "Bedoel je `kanaal`?" in out, out
    out = run(page, check)
    assert "✔" not in out and "hyves_verandering" in out, out

    type_into(page, answer, good)
    run(page, answer)
    assert "✔" in run(page, check)

    type_into(page, answer, good.replace("* 100, 1)", "* 100, 1"))  # a bracket lost while editing
    out = run(page, answer)
    assert "haakje `(` open" in out, out
    out = run(page, check)
    assert "✔" not in out and "stopte de laatste keer met een fout (SyntaxError)" in out, out

    type_into(page, answer, good)
    run(page, answer)
    assert "✔" in run(page, check)
    type_into(page, answer, good.replace("round(", "round(-"))  # changed, saved, but not run again
    page.keyboard.press("Control+s")
    page.wait_for_timeout(1500)
    out = run(page, check)
    assert "✔" not in out and "veranderd sinds je hem de laatste keer uitvoerde" in out, out

    facebook = cell_index(page, "Haal beide percentages op")
    type_into(page, facebook, 'wereld = load("wereldsteden_kanalen")\n'
                              'fb_wereld = wereld.loc[wereld["kanaal"] == "facebook", "percentage"].iloc[0]')
    out = run(page, facebook)
    assert "selectie is leeg" in out and '"Facebook", niet "facebook"' in out, out

    # question 6: the hint's way must lead to a pass (it could not while the file names differed)
    mine = cell_index(page, "honingraat.save(")
    source = _cells(page).nth(mine).locator(".cm-content").inner_text()
    type_into(page, mine, source.rstrip().removesuffix("...") + "mijn_grootste_verschil = honingraat.result.largest[0]")
    run(page, mine)
    assert "✔" in run(page, mine + 1), "question 6 can be passed by following its own instructions"

    assert_no_english_wall(page)
    assert_every_box_says_what_to_try(page)
