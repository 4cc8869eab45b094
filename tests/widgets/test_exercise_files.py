"""Every exercise's widget: its Save button writes the file the exercise's check looks for (h02 question 6).

Before the fix the button wrote ``<widget class>.json`` (``honeycombcompare.json``) while the check wanted
``h02_honingraat.json``: the hint "klik in de widget op opslaan" could never pass.
"""
import json
import re
from pathlib import Path

import pytest

from smmkit.messages import msg

SOLUTIONS = Path(__file__).resolve().parents[2] / "solutions"
# the assignments whose check reads a learner's saved widget work (h01 and h02 grade none since issue #18)
NOTEBOOKS = sorted(p for p in SOLUTIONS.glob("h*/h*.ipynb") if "saved_file(" in p.read_text(encoding="utf-8"))


def _cells(notebook):
    return ["".join(cell["source"]) for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]
            if cell["cell_type"] == "code"]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.parent.name)
def test_the_save_button_writes_the_file_the_check_wants(notebook, tmp_path, monkeypatch):
    cells = _cells(notebook)
    widget_cell = next(c for c in cells if ".restore(" in c)
    wanted = re.search(r'saved_file\("([^"]+)"', "\n".join(cells)).group(1)
    monkeypatch.chdir(tmp_path)
    space = {}
    exec(widget_cell.rsplit("\n", 1)[0], space)   # the cell without its last line (the display)
    widget = next(v for v in space.values() if hasattr(v, "file_buttons"))
    widget.file_buttons[msg("widgets.save")].click()
    assert (tmp_path / wanted).is_file(), sorted(p.name for p in tmp_path.iterdir())
    saved = json.loads((tmp_path / wanted).read_text(encoding="utf-8"))
    assert saved["widget"] == type(widget).__name__ and saved["state"] == widget.learner_state()
