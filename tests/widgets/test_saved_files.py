"""Work saved by an earlier kit still comes back: one saved file per widget with a row editor.

The files in ``saved/`` were written by the kit of 2 December 2026 (main at cc093db, before ``_rows.RowEditor`` and
``_records.RecordEditor`` became one editor), each after a learner's edits: a row added, a row
removed, a cell changed. A change to the save format or to the editor that loses any of it fails here.
"""
import json
import shutil
from pathlib import Path

import pytest

import smmkit.widgets as widgets

SAVED = Path(__file__).resolve().parent / "saved"
FILES = sorted(p.name for p in SAVED.glob("*.json"))
ROW_EDITORS = {"FourCSorter": "rows", "LCSSMapper": "rows", "FlywheelMapper": "records", "ContentCalendar": "records",
               "InfluencerScorer": "records", "WebcareTriage": "records", "PESOClassifier": "records"}


def test_every_widget_with_a_row_editor_has_a_saved_file():
    assert sorted(f"{name}.json" for name in ROW_EDITORS) == FILES


@pytest.mark.parametrize("name", FILES)
def test_an_old_saved_file_restores(name, tmp_path):
    saved = json.loads((SAVED / name).read_text(encoding="utf-8"))
    path = shutil.copy(SAVED / name, tmp_path / name)
    widget = getattr(widgets, saved["widget"])()
    before = widget.learner_state()
    assert widget.restore(path), widget.file_status.value
    assert widget.learner_state() == saved["state"] != before
    assert widget.error == ""
    assert not list(tmp_path.glob("*-kopie*"))            # nothing was kept aside as unreadable
    editor = getattr(widget, ROW_EDITORS[saved["widget"]])
    rows = next(v for v in saved["state"].values() if isinstance(v, list))
    shown = [[c.value for c in controls.values()] for controls in editor.controls]
    assert shown == [list(r.values()) if isinstance(r, dict) else r for r in rows]   # every row, in order
