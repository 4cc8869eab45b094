"""The static scan of the batch runner: cheats are found, honest answers are not."""
from __future__ import annotations

import json

import nbformat
import pytest

from smmkit.grading.scan import read_notebook, scan_notebook, scan_source

from .conftest import ASSIGNMENTS, FIXTURES, ROOT, faulty


@pytest.mark.parametrize("name, code, expected", [
    ("replace check", faulty.CHEAT_REPLACE_CHECK, {("patches", "check.number"), ("calls", "setattr")}),
    ("own check", faulty.CHEAT_OWN_CHECK, {("rebinds", "check"), ("dunder", "__getattr__")}),
    ("environ", faulty.CHEAT_ENVIRON, {("touches", "environ")}),
    ("builtins", faulty.CHEAT_BUILTINS, {("patches", "builtins.isinstance"), ("dunder", "__eq__")}),
    ("ipython hook", faulty.CHEAT_HOOK, {("touches", "input_transformers_cleanup")}),
    ("read solutions", faulty.CHEAT_READ_SOLUTIONS, {("path", "solutions")}),
    ("gradebook", faulty.CHEAT_GRADEBOOK, {("imports", "sqlite3"), ("path", "gradebook")}),
    ("shell", "!cat ../../../solutions/*/*.ipynb", {("magic", "!cat")}),
    ("obfuscated import", "m = __import__('smm' + 'kit')", {("calls", "__import__")}),
    ("shadow builtin", "def round(x, n=0):\n    return 26.0", {("rebinds", "round")}),
])
def test_cheats_are_found(name, code, expected):
    """Each cheat is found by the rule meant for it (not just by any rule that happens to fire)."""
    found = {(f.rule, f.name) for f in scan_source(code)}
    assert expected <= found, f"{name}: missing {sorted(expected - found)}; found {sorted(found)}"


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


def test_a_cell_claiming_a_locked_grade_id_is_scanned_too():
    """Issue 23: a new first cell with the grade_id of a locked cell (nbgrader's DeduplicateIds then strips its
    metadata and runs it as a plain cell) was skipped by the scan, which trusted the id."""
    assignment = "h01-introductie"
    cases = faulty.build(FIXTURES / "solutions" / assignment, FIXTURES / "exercises" / assignment)
    notebook = nbformat.reads(cases["vals_vergrendeld_id"][1].decode("utf-8"), as_version=4)
    trusted = {c.metadata["nbgrader"]["grade_id"] for c in notebook.cells if c.metadata.get("nbgrader", {}).get("locked")}
    found = {(f.cell, f.rule, f.name) for f in scan_notebook(notebook, trusted)}
    assert (0, "touches", "ast_transformers") in found, found


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
