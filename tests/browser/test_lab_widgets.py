"""The widgets in a real browser: JupyterLab (subprocess) + Debian's headless Chromium (Playwright).

The browser tests' shared JupyterLab (``conftest.py``) gets fresh copies of ``widgets_demo.ipynb`` (the three required widgets)
and ``harness_demo.ipynb`` (a minimal ``SmmkitWidget``, so a failure there points at the set-up,
not at a widget). For each notebook the test runs Run → Run All Cells and asserts from the DOM that

* every code cell ran (an execution count) and nothing was written to stderr (no traceback, no
  warning wall);
* each widget rendered as a ``.smmkit-widget`` box with controls and no error message;
* changing a control the way a learner does (pick another dropdown option, press an arrow key on a
  slider) changes what the widget shows: text or chart, both produced by the Python side.

Runs in CI (``kit.py test`` installs chromium through apt); skipped, with the reason, when chromium
or Playwright is missing. The set-up lives in ``tools/labdriver.py`` and is shared with
``tools/screenshots.py``.
"""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent

import labdriver  # set up by conftest.py: tools/ on the path, marks, skip without chromium

DEMO = "widgets_demo.ipynb"
HARNESS = "harness_demo.ipynb"
# code-cell index in widgets_demo.ipynb → widget (cell 0 imports them)
REQUIRED = {"NeedsProfile": ("sdt", 1), "FourCSorter": ("fourc", 2), "LCSSMapper": ("lcss", 3)}


@pytest.fixture(scope="module")
def names(module_lab):
    """Fresh copies of both notebooks in the shared JupyterLab, for this module."""
    return dict(zip((DEMO, HARNESS), module_lab.add([HERE / DEMO, HERE / HARNESS])))


@pytest.fixture(scope="module")
def page(module_lab, chromium):
    with labdriver.new_page(chromium) as page:
        yield page


def _run(page, lab, name: str) -> None:
    try:
        labdriver.open_notebook(page, lab, name)
        labdriver.run_all_cells(page)
    except Exception as exc:  # show the server log: a kernel that died says why there
        raise AssertionError(f"running {name} in JupyterLab failed: {exc}\n--- lab log ---\n{lab.log()}") from exc


def _assert_clean_run(page) -> None:
    stderr = page.locator(
        ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
    )
    texts = [t[:500] for t in stderr.all_inner_texts()]
    assert not texts, f"the notebook wrote to stderr (traceback or warnings): {texts}"


def _widget(page, code_cell: int):
    box = labdriver.code_cell_output(page, code_cell).locator(".smmkit-widget").first
    box.wait_for(state="visible")
    return box


def _assert_rendered(box, name: str, min_chars: int = 40) -> None:
    controls = box.locator("select, .noUi-handle, button, input, textarea").count()
    assert controls > 0, f"{name} shows no controls"
    errors = box.locator(".smmkit-message").all_inner_texts()
    assert not [e for e in errors if e.strip()], f"{name} shows an error right after start: {errors}"
    text = labdriver.widget_text(box)
    assert len(text) >= min_chars, f"{name} shows (almost) no text: {text!r}"


def _assert_reacts(page, box, name: str) -> None:
    before = labdriver.fingerprint(box)
    what = labdriver.change_a_control(box)
    after = labdriver.wait_for_change(page, box, before)
    assert after != before, f"{name}: {what} changed nothing"
    errors = [e for e in box.locator(".smmkit-message").all_inner_texts() if e.strip()]
    assert not errors, f"{name}: after {what} the widget shows an error: {errors}"


@pytest.fixture(scope="module")
def harness(page, module_lab, names):
    _run(page, module_lab, names[HARNESS])
    return page


def test_harness_runs_a_minimal_widget(harness):
    _assert_clean_run(harness)
    dropdown_box = _widget(harness, 1)
    _assert_rendered(dropdown_box, "StandIn", min_chars=5)
    assert "Facebook: 3" in labdriver.widget_text(dropdown_box)
    assert dropdown_box.locator("img").count() == 1, "the stand-in's chart is missing"
    _assert_reacts(harness, dropdown_box, "StandIn")
    assert "Twitter: 3" in labdriver.widget_text(dropdown_box), "the kernel did not see the new option"

    slider_box = _widget(harness, 2)
    _assert_reacts(harness, slider_box, "SliderOnly")
    assert "Facebook: 4" in labdriver.widget_text(slider_box), "the kernel did not see the slider move"


@pytest.fixture(scope="module")
def demo(page, module_lab, names):
    _run(page, module_lab, names[DEMO])
    return page


def test_demo_notebook_runs_without_errors(demo):
    _assert_clean_run(demo)


@pytest.mark.parametrize("name", list(REQUIRED))
def test_required_widget_renders_and_reacts(demo, name):
    box = _widget(demo, REQUIRED[name][1])
    _assert_rendered(box, name)
    _assert_reacts(demo, box, name)


def test_live_chart_redraw_reaches_the_browser(demo):
    """A slider move redraws only the changed bars (smmkit.livechart); the browser must get and show it."""
    box = _widget(demo, REQUIRED["NeedsProfile"][1])
    image = box.locator("img").first
    image.wait_for(state="visible")
    before = image.evaluate("i => i.src")
    handle = box.locator(".noUi-handle").first
    at_max = handle.evaluate("h => h.getAttribute('aria-valuenow') === h.getAttribute('aria-valuemax')")
    handle.focus()
    handle.press("ArrowLeft" if at_max else "ArrowRight")
    demo.wait_for_function("([img, old]) => img.src !== old", arg=[image.element_handle(), before],
                           timeout=30_000)
    demo.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle(),
                           timeout=30_000)
    width, height = image.evaluate("i => [i.naturalWidth, i.naturalHeight]")
    assert width >= 600 and height >= 300, f"the new chart did not decode as a full picture: {width}×{height}"
