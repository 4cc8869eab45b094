"""Every chapter's set-up cell carries the tag ``smmkit-setup`` (tools/tag_setup_cells.py).

After a restart, the lab extension (plugin ``:revive``) runs the tagged set-up cell before the cells
that showed a widget; a chapter without the tag would leave its questions dead. Only a cell that
merely imports and prints may carry the tag.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import tag_setup_cells  # noqa: E402


def test_every_chapter_has_its_set_up_cell_tagged():
    assert tag_setup_cells.main(["--check"]) == 0, "run: .venv/bin/python tools/tag_setup_cells.py"


def test_only_a_cell_that_imports_and_prints_may_be_run_again():
    assert tag_setup_cells.safe_to_rerun('"""kit"""\nimport smmkit\nfrom smmkit import plots\nprint("Klaar")\n')
    assert not tag_setup_cells.safe_to_rerun("from smmkit.data import load\nbewoners = load('x')\n")
    assert not tag_setup_cells.safe_to_rerun("import os\nos.remove('werk.json')\n")
    assert not tag_setup_cells.safe_to_rerun("import (\n")
