"""Notebooks are stored without outputs (see docs/bijdragen.md, "Notebooks worden zonder uitvoer opgeslagen").

Covers every notebook in chapters/, solutions/ and exercises/: no outputs, no execution counts,
and no saved widget state in the metadata (a saved state makes Lab show stale widgets).
To clean: ``.venv/bin/jupyter nbconvert --clear-output --inplace <notebook>``.
"""
from __future__ import annotations

import nbformat
import pytest

from notebook_files import ROOT, stored_notebooks

NOTEBOOKS = stored_notebooks()


def _dirty(nb) -> list[str]:
    problems = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        if cell.get("outputs"):
            problems.append(f"cell {index} has {len(cell.outputs)} output(s)")
        if cell.get("execution_count") is not None:
            problems.append(f"cell {index} has execution count {cell.execution_count}")
    if "widgets" in nb.metadata:
        problems.append("metadata holds saved widget state")
    return problems


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[str(p.relative_to(ROOT)) for p in NOTEBOOKS])
def test_notebook_is_stored_without_outputs(path):
    problems = _dirty(nbformat.read(path, as_version=4))
    assert not problems, (
        f"{path.relative_to(ROOT)} is stored with output: {'; '.join(problems[:5])}. "
        f"Clean it: .venv/bin/jupyter nbconvert --clear-output --inplace {path.relative_to(ROOT)}"
    )


def test_the_check_notices_outputs():
    """The checker itself: a notebook with an output and a count is reported, a clean one is not."""
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("1 + 1")
    nb.cells = [cell]
    assert _dirty(nb) == []
    cell.execution_count = 1
    cell.outputs = [nbformat.v4.new_output("execute_result", data={"text/plain": "2"}, execution_count=1)]
    assert len(_dirty(nb)) == 2


def test_there_are_notebooks_to_check():
    assert any(p.parent.name == "chapters" for p in NOTEBOOKS), "no notebooks found in chapters/"
