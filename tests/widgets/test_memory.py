"""A widget cell that runs again brings back what the cell last showed (smmkit/widgets/_memory.py, issue 20).

Real kernels and the execute requests JupyterLab sends (``metadata.cellId``): first in the same kernel
(the previous widget is still there), then in a new kernel, as after a restart of JupyterLab, where
only the notebook file knows the work (the widget models Lab saved in its metadata, found through the
cell's output and ``JPY_SESSION_NAME``). A changed cell starts from its code and offers the old work
with a button; the widget without Python shows one Dutch line instead of broken-link icons.
"""
from __future__ import annotations

import json

import pytest
from kernels import Kernel

from smmkit.widgets import SmartChecker

CELL = "cell-smart"
MAKE = "from smmkit.widgets import SmartChecker\ndoel = SmartChecker()\ndoel.restore('oud.json')\ndoel"
MINE = "Wij willen in 2027 meer volgers."


def value(kernel: Kernel, expression: str, cell_id: str = "cell-probe"):
    for out in kernel.run(f"import json as _j; print(_j.dumps({expression}))", cell_id):
        if out["output_type"] == "stream" and out.get("name") == "stdout":
            return json.loads(out["text"])
        if out["output_type"] == "error":
            raise AssertionError("\n".join(out["traceback"]))
    raise AssertionError(f"no value for {expression}")


@pytest.fixture
def kernel():
    k = Kernel()
    yield k
    k.stop()


def test_a_cell_run_again_in_the_same_kernel_keeps_her_work(kernel):
    kernel.run(MAKE, CELL)
    kernel.run(f"doel.goal.value = {MINE!r}", "cell-typing")          # she types in the widget
    kernel.run(MAKE, CELL)                                             # and runs the cell again
    assert value(kernel, "doel.goal.value") == MINE
    assert "vorige keer" in value(kernel, "doel.file_status.value")
    kernel.run("doel.goal.value = 'Iets anders'", "cell-typing")
    kernel.run(MAKE, "cell-other")                                     # another cell: its own widget
    assert value(kernel, "doel.goal.value") != "Iets anders"


def saved_notebook(tmp_path, kernel: Kernel, code: str = MAKE):
    """A notebook as Lab saves it: the cell's widget output and the models in the metadata."""
    kernel.run(MAKE, CELL)
    kernel.run(f"doel.goal.value = {MINE!r}", "cell-typing")
    model_id = value(kernel, "doel.model_id")
    work = value(kernel, "doel._smmkit_work")
    state = {model_id: {"model_name": "VBoxModel", "model_module": "@jupyter-widgets/controls",
                        "model_module_version": "2.0.0", "state": {"_smmkit_work": work}}}
    notebook = {"nbformat": 4, "nbformat_minor": 5,
                "metadata": {"widgets": {"application/vnd.jupyter.widget-state+json":
                                         {"version_major": 2, "version_minor": 0, "state": state}}},
                "cells": [{"cell_type": "code", "id": CELL, "metadata": {}, "execution_count": 1,
                           "source": code, "outputs": [{
                               "output_type": "display_data", "metadata": {},
                               "data": {"text/plain": "[widget]", "application/vnd.jupyter.widget-view+json":
                                        {"version_major": 2, "version_minor": 0, "model_id": model_id}}}]}]}
    path = tmp_path / "hoofdstuk.ipynb"
    path.write_text(json.dumps(notebook), encoding="utf-8")
    return path


def test_after_a_restart_the_notebook_gives_her_work_back(tmp_path, kernel):
    path = saved_notebook(tmp_path, kernel)
    fresh = Kernel(path)                                        # the next day: a new kernel
    try:
        fresh.run(MAKE, CELL)
        assert value(fresh, "doel.goal.value") == MINE
        # a file saved with Opslaan earlier holds older work: the notebook's newer work stays, she is told
        (tmp_path / "oud.json").write_text(json.dumps(
            {"widget": "SmartChecker", "version": 1, "state": {"mode": "text", "goal": "Oud doel", "fields": {}}}),
            encoding="utf-8")
        fresh.run(MAKE, CELL)
        assert value(fresh, "doel.goal.value") == MINE
        assert "oud.json" in value(fresh, "doel.file_status.value")
    finally:
        fresh.stop()


def test_a_changed_cell_starts_anew_and_offers_her_work(tmp_path, kernel):
    path = saved_notebook(tmp_path, kernel)
    fresh = Kernel(path)
    try:
        changed = MAKE.replace("SmartChecker()", "SmartChecker(goal='')")
        fresh.run(changed, CELL)
        assert value(fresh, "doel.goal.value") == ""
        assert "niet weg" in value(fresh, "doel.file_status.value")
        assert value(fresh, "doel.previous_button.layout.display") is None       # the button shows
        fresh.run("doel.previous_button.click()", "cell-click")
        assert value(fresh, "doel.goal.value") == MINE
    finally:
        fresh.stop()


def test_outside_jupyter_nothing_is_brought_back():
    first = SmartChecker()
    first.goal.value = MINE
    assert SmartChecker().goal.value != MINE
    assert json.loads(first._smmkit_work)["state"]["goal"] == MINE


def test_a_widget_without_python_says_so_in_dutch():
    widget = SmartChecker()
    [offline] = [c for c in widget.children if "smmkit-offline" in c._dom_classes]
    assert "niet meer verbonden met Python" in offline.value and "Shift + Enter" in offline.value
    # shown only on a disconnected widget, which shows no broken-link icons and no old "Klaar" line
    assert ".smmkit-widget.jupyter-widgets-disconnected > .smmkit-offline" in offline.value
    assert "::before" in offline.value and ".smmkit-note { display: none; }" in offline.value
