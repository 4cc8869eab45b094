"""The static scan of the batch runner: cheats are found, honest answers are not."""
from __future__ import annotations

import json

import nbformat
import pytest

from smmkit.grading.scan import read_notebook, scan_notebook, scan_source

from .conftest import ASSIGNMENTS, ROOT, faulty


@pytest.mark.parametrize("name, code", [
    ("replace check", faulty.CHEAT_REPLACE_CHECK),
    ("own check", faulty.CHEAT_OWN_CHECK),
    ("environ", faulty.CHEAT_ENVIRON),
    ("builtins", faulty.CHEAT_BUILTINS),
    ("ipython hook", faulty.CHEAT_HOOK),
    ("read solutions", faulty.CHEAT_READ_SOLUTIONS),
    ("gradebook", faulty.CHEAT_GRADEBOOK),
    ("shell", "!cat ../../../solutions/*/*.ipynb"),
    ("obfuscated import", "m = __import__('smm' + 'kit')"),
    ("shadow builtin", "def round(x, n=0):\n    return 26.0"),
])
def test_cheats_are_found(name, code):
    assert scan_source(code), name


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_worked_answers_are_not_flagged(assignment, tmp_path):
    """A student who writes the worked answers must never be held back by the scan."""
    notebook = f"{assignment}.ipynb"
    source = json.loads((ROOT / "solutions" / assignment / notebook).read_text(encoding="utf-8"))
    release = json.loads((ROOT / "exercises" / assignment / notebook).read_text(encoding="utf-8"))
    good = nbformat.from_dict(faulty.filled_in(release, source))
    nbformat.write(good, tmp_path / notebook)
    loaded, problem = read_notebook(tmp_path / notebook)
    assert problem is None
    assert scan_notebook(loaded) == []


@pytest.mark.parametrize("data, reason", [
    (b"", "leeg bestand"),
    (b'{"cells": [', "geen geldige JSON"),
    (b"\xff\xfe\x00", "geen tekstbestand"),
    (b'{"hallo": 1}', "geen geldig Jupyter-notebook"),
])
def test_unreadable_files_get_a_reason(tmp_path, data, reason):
    path = tmp_path / "x.ipynb"
    path.write_bytes(data)
    notebook, problem = read_notebook(path)
    assert notebook is None and reason in problem
