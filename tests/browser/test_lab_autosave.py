"""An answer cell that is changed but neither run nor saved gives no ✔, also when checked at once.

The kernel sees a cell only when it runs (docs/bijdragen.md, "Het vangnet"). The kit's lab extension
(``smmkit/labextension``, plugin ``:cells``) sends the code cells' current sources to the kernel right
before each run, so the check cell names the change straight away, with nothing saved; the first test
holds every save of the notebook back until the check has answered. Without the extension (another
frontend) the kernel reads the saved notebook: ``kit.py`` sets JupyterLab's autosave interval to
``kit.AUTOSAVE_SECONDS`` (Lab's default is 120 s), and the second test sees the change after an autosave.
Real JupyterLab from ``.venv`` with the settings ``configure_lab`` writes, in headless Chromium.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import labdriver
from test_lab_mistakes import EXERCISE, cell_index, run, type_into

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
import kit  # noqa: E402

GOOD = ('hyves = newcom[(newcom["kanaal"] == "Hyves") & (newcom["maat"] == "gebruik")].set_index("jaar")'
        '["percentage"]\nhyves_verandering = round((hyves[2012] - hyves[2011]) / hyves[2011] * 100, 1)')


def saved_sources(path: Path) -> list[str]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return ["".join(c["source"]) if isinstance(c["source"], list) else c["source"] for c in cells]


def checked_good_answer(page, lab, name: str) -> int:
    """Open the exercise, run it, fill in and run the right answer; its cell index once the check says ✔."""
    labdriver.open_notebook(page, lab, name)
    labdriver.run_all_cells(page)
    answer = cell_index(page, "Zoek de twee percentages van Hyves")
    type_into(page, answer, GOOD)
    run(page, answer)
    assert "✔" in run(page, answer + 1)
    return answer


def test_an_edit_checked_at_once_is_seen_without_a_save(test_lab, chromium):
    kit.configure_lab()
    [name] = test_lab.add([EXERCISE])
    changed = GOOD.replace("round(", "round(-")
    with labdriver.new_page(chromium) as page:
        answer = checked_good_answer(page, test_lab, name)

        held = []  # saves of the notebook (PUT api/contents/…) wait until the check has answered
        def hold(route):
            if route.request.method == "PUT":
                held.append(route)
            else:
                route.continue_()
        page.route(f"**/api/contents/{name}*", hold)
        try:
            type_into(page, answer, changed)  # no Shift+Enter, no Ctrl+S; the check at once
            started = time.monotonic()
            out = run(page, answer + 1)
            took = time.monotonic() - started
            assert changed not in saved_sources(test_lab.root / name), "nothing was saved"
            assert "✔" not in out and "veranderd sinds je hem de laatste keer uitvoerde" in out, (took, out)
            assert took < kit.AUTOSAVE_SECONDS, f"the check took {took:.1f} s: not within the autosave window"
        finally:
            page.unroute(f"**/api/contents/{name}*", hold)
            for route in held:
                route.continue_()
        run(page, answer)
        out = run(page, answer + 1)
        assert "veranderd" not in out and "✔" not in out, "run again: the check judges the new (wrong) value"


def test_an_edit_neither_run_nor_saved_is_seen_after_autosave(test_lab, chromium):
    kit.configure_lab()  # what every kit.py command does first (the shared Lab started after it too)
    [name] = test_lab.add([EXERCISE])
    with labdriver.new_page(chromium) as page:
        answer = checked_good_answer(page, test_lab, name)
        page.wait_for_timeout((kit.AUTOSAVE_SECONDS + 2) * 1000)  # the good answer is saved too

        changed = GOOD.replace("round(", "round(-")
        type_into(page, answer, changed)  # no Shift+Enter, no Ctrl+S
        page.wait_for_timeout((kit.AUTOSAVE_SECONDS + 3) * 1000)
        assert changed in saved_sources(test_lab.root / name), "Lab autosaved the edit"
        out = run(page, answer + 1)
        assert "✔" not in out and "veranderd sinds je hem de laatste keer uitvoerde" in out, out
