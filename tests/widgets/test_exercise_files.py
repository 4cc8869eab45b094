"""Every exercise's widget: its Save button writes the file the exercise's check looks for (h02 question 6).

Before the fix the button wrote ``<widget class>.json`` (``honeycombcompare.json``) while the check wanted
``h02_honingraat.json``: the hint "klik in de widget op opslaan" could never pass.
"""
import json
import re
from pathlib import Path

import pytest

from smmkit.messages import msg

ROOT = Path(__file__).resolve().parents[2]
# the sources whose check reads a learner's saved widget work: since issue #18 no course assignment grades
# saved work, but the mechanism stays for teachers' own assignments; the frozen first h01 (the grading tests'
# fixture) still uses it, so it is checked here as well
NOTEBOOKS = sorted(p for folder in (ROOT / "solutions", ROOT / "tests" / "grading" / "fixtures" / "solutions")
                   for p in folder.glob("h*/h*.ipynb") if "saved_file(" in p.read_text(encoding="utf-8"))


def test_some_source_uses_saved_work():
    assert NOTEBOOKS, "no source reads saved widget work: the test below would check nothing"


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
