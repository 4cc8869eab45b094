"""An answer cell that is changed but neither run nor saved gives no ✔ once Lab has autosaved it.

The kernel only knows a changed answer cell from the saved notebook (CONTRIBUTING, "Het vangnet"):
``kit.py`` sets JupyterLab's autosave interval to ``kit.AUTOSAVE_SECONDS`` (Lab's default is 120 s),
so a few seconds after the edit the check cell names the change instead of judging the old value.
Real JupyterLab from ``.venv`` with the settings ``configure_lab`` writes, in headless Chromium.

What stays uncovered: a check run within those seconds after the edit, before the next autosave.
"""
from __future__ import annotations

import sys
from pathlib import Path

import labdriver
from test_lab_mistakes import EXERCISE, cell_index, run, type_into

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
import kit  # noqa: E402

GOOD = ('hyves = newcom[(newcom["kanaal"] == "Hyves") & (newcom["maat"] == "gebruik")].set_index("jaar")'
        '["percentage"]\nhyves_verandering = round((hyves[2012] - hyves[2011]) / hyves[2011] * 100, 1)')


def test_an_edit_neither_run_nor_saved_is_seen_after_autosave(test_lab, chromium):
    kit.configure_lab()  # what every kit.py command does first (the shared Lab started after it too)
    [name] = test_lab.add([EXERCISE])
    with labdriver.new_page(chromium) as page:
        labdriver.open_notebook(page, test_lab, name)
        labdriver.run_all_cells(page)
        answer = cell_index(page, "Zoek de twee percentages van Hyves")
        type_into(page, answer, GOOD)
        run(page, answer)
        assert "✔" in run(page, answer + 1)
        page.wait_for_timeout((kit.AUTOSAVE_SECONDS + 2) * 1000)  # the good answer is saved too

        type_into(page, answer, GOOD.replace("round(", "round(-"))  # changed; no Shift+Enter, no Ctrl+S
        page.wait_for_timeout((kit.AUTOSAVE_SECONDS + 3) * 1000)
        out = run(page, answer + 1)
        assert "✔" not in out and "veranderd sinds je hem de laatste keer uitvoerde" in out, out
