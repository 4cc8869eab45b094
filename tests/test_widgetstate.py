"""smmkit.widgetstate: a notebook saved while its widgets are not running keeps their saved state.

Issue 10. JupyterLab writes only the widget models that live in the kernel; a reopened notebook's
autosave (before anything ran) wrote an empty state, so the notebook opened after that said "model
not found" for every widget. These tests save through jupyter_server's own FileContentsManager with
the hook registered as the server extension registers it; the browser test
(tests/browser/test_lab_reopen.py) reopens a notebook twice in a real JupyterLab.
"""
from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from jupyter_server.services.contents.filemanager import FileContentsManager

from smmkit import widgetstate

ROOT = Path(__file__).resolve().parents[1]
STATE = widgetstate.STATE


def model(model_id: str, **state) -> dict:
    return {"model_name": "DummyModel", "model_module": "x", "model_module_version": "1", "state": state}


def notebook(shown: list[str], state: dict | None) -> dict:
    nb = nbformat.v4.new_notebook()
    for model_id in shown:
        nb.cells.append(nbformat.v4.new_code_cell("W()", outputs=[nbformat.v4.new_output(
            "display_data", data={"text/plain": "W()", widgetstate.VIEW: {"version_major": 2, "version_minor": 0,
                                                                          "model_id": model_id}})]))
    if state is not None:
        nb.metadata["widgets"] = {STATE: {"version_major": 2, "version_minor": 0, "state": state}}
    return json.loads(nbformat.writes(nb))


@pytest.fixture
def manager(tmp_path):
    cm = FileContentsManager(root_dir=str(tmp_path))
    widgetstate._load_jupyter_server_extension(type("App", (), {"contents_manager": cm})())
    return cm


def save(cm, nb: dict, path: str = "les.ipynb") -> dict:
    cm.save({"type": "notebook", "format": "json", "content": nb}, path)
    return json.loads((Path(cm.root_dir) / path).read_text(encoding="utf-8"))


def saved_state(nb: dict) -> dict:
    return nb["metadata"].get("widgets", {}).get(STATE, {}).get("state", {})


FULL = {
    "a": model("a", children=["IPY_MODEL_b"], layout="IPY_MODEL_c"),
    "b": model("b", style="IPY_MODEL_d"),
    "c": model("c"),
    "d": model("d"),
    "z": model("z"),            # in the file, shown by no output
}


def test_a_save_without_live_widgets_keeps_the_shown_ones_and_what_they_refer_to(manager):
    save(manager, notebook(["a"], FULL))
    again = save(manager, notebook(["a"], {}))             # reopened, autosaved before anything ran
    assert set(saved_state(again)) == {"a", "b", "c", "d"}
    assert saved_state(again)["a"] == FULL["a"]
    assert set(saved_state(save(manager, notebook(["a"], {})))) == {"a", "b", "c", "d"}   # and the next


def test_the_metadata_missing_altogether_still_keeps_them(manager):
    save(manager, notebook(["a"], FULL))
    assert set(saved_state(save(manager, notebook(["a"], None)))) == {"a", "b", "c", "d"}


def test_run_again_cleared_or_deleted_outputs_drop_their_old_models(manager):
    save(manager, notebook(["a"], FULL))
    rerun = save(manager, notebook(["n"], {"n": model("n")}))
    assert set(saved_state(rerun)) == {"n"}
    save(manager, notebook(["a"], FULL))
    assert saved_state(save(manager, notebook([], {}))) == {}


def test_live_models_are_never_replaced_by_the_old_ones(manager):
    save(manager, notebook(["a"], FULL))
    live = {"a": model("a", value=7)}
    assert saved_state(save(manager, notebook(["a"], live)))["a"] == live["a"]


@pytest.mark.parametrize("on_disk", ["", "{niet json", "[1, 2]", json.dumps({"cells": 3, "metadata": []})])
def test_a_broken_file_on_disk_never_stops_the_save(manager, tmp_path, on_disk):
    (tmp_path / "les.ipynb").write_text(on_disk, encoding="utf-8")
    after = save(manager, notebook(["a"], {}))
    assert after["cells"] and saved_state(after) == {}


def test_a_first_save_and_other_files_are_left_alone(manager, tmp_path):
    assert saved_state(save(manager, notebook(["a"], {}), "nieuw.ipynb")) == {}
    manager.save({"type": "file", "format": "text", "content": "hallo"}, "notities.txt")
    assert (tmp_path / "notities.txt").read_text(encoding="utf-8") == "hallo"


def test_cyclic_references_end(manager):
    cyclic = {"a": model("a", child="IPY_MODEL_b"), "b": model("b", parent="IPY_MODEL_a")}
    save(manager, notebook(["a"], cyclic))
    assert set(saved_state(save(manager, notebook(["a"], {})))) == {"a", "b"}


def test_the_package_enables_the_server_extension():
    """The wheel installs jupyter-config/etc/jupyter/jupyter_server_config.d/smmkit.json (setup.py's data files)."""
    config = json.loads((ROOT / "jupyter-config/etc/jupyter/jupyter_server_config.d/smmkit.json").read_text(encoding="utf-8"))
    assert config["ServerApp"]["jpserver_extensions"]["smmkit.widgetstate"] is True
    assert widgetstate._jupyter_server_extension_points() == [{"module": "smmkit.widgetstate"}]
