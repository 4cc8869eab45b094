"""A submission made before the teacher changed the course secret is named as such (issue 18's gap).

The released setup cell carries the assignment key (``variant.mine(…, sleutel="…")``). When a teacher
regenerates the assignment with another secret, submissions from the earlier release still hold the old
key: the student worked on another case than the one graded. The precheck says so in a note of its own,
instead of reporting a tampered locked cell.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import nbformat
import pytest

from smmkit.grading.batch.precheck import precheck, release_cells
from smmkit.messages import msg

ROOT = Path(__file__).resolve().parents[2]
NAME = "h04-social-analytics.ipynb"
KEY = re.compile(r'sleutel="[0-9a-f]+"')


@pytest.fixture
def release(tmp_path):
    folder = tmp_path / "release"
    folder.mkdir()
    shutil.copy(ROOT / "exercises" / "h04-social-analytics" / NAME, folder / NAME)
    return folder


def _submit(tmp_path, release, edit) -> list[str]:
    folder = tmp_path / "submitted"
    folder.mkdir()
    notebook = nbformat.read(release / NAME, as_version=4)
    for cell in notebook.cells:
        cell.source = edit(cell.source)
    nbformat.write(notebook, folder / NAME)
    notes = []
    assert precheck(folder, [NAME], set(), release=release_cells(release), notes=notes) is None
    return notes


def test_an_older_key_gets_its_own_note_not_a_tampering_note(tmp_path, release):
    cells = nbformat.read(release / NAME, as_version=4).cells
    assert any(KEY.search(cell.source) for cell in cells), "the released setup cell has no key"
    notes = _submit(tmp_path, release, lambda text: KEY.sub('sleutel="0123456789abcdef"', text))
    assert notes == [msg("batch.key_differs", cells="h04_start")]


def test_an_edited_setup_cell_is_still_reported_as_edited(tmp_path, release):
    notes = _submit(tmp_path, release, lambda text: text.replace('variant.mine("h04-social-analytics"',
                                                                  'variant.mine("h01-introductie"'))
    assert notes == [msg("batch.locked_edited", n=1, cells="h04_start")]


def test_the_same_key_gives_no_note(tmp_path, release):
    assert _submit(tmp_path, release, lambda text: text) == []
