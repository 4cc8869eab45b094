"""Every chapter widget brings back saved work, as the exercises do, and widget state is saved.

Issue 10: after reopening a notebook every widget said "Error displaying widget: model not found"
and the chapters' widgets did not bring saved work back. Widgets come from the registry.
"""
import json
import re
import sys
from pathlib import Path

import pytest

import smmkit.widgets as widgets
from smmkit.messages import msg

ROOT = Path(__file__).resolve().parents[2]
CLASSES = "|".join(name for name in widgets._WIDGETS if name != "SmmkitWidget")
MAKES = re.compile(rf"^(\w+) = ({CLASSES})\(.*\)\s*$", re.M)


def _widget_cells():
    for notebook in sorted((ROOT / "chapters").glob("*.ipynb")):
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        for index, cell in enumerate(cells):
            source = "".join(cell["source"])
            if cell["cell_type"] == "code" and re.search(rf"\b({CLASSES})\(", source):
                yield notebook.name, index, source


CELLS = list(_widget_cells())


def test_every_chapter_widget_cell_restores_into_its_own_file():
    assert len(CELLS) >= 15
    files = []
    for name, index, source in CELLS:
        made = MAKES.findall(source)
        assert made, f"{name} cel {index}: give the widget a name so it can restore ({source!r})"
        for var, _cls in made:
            found = re.search(rf'^{var}\.restore\("([^"]+\.json)"\)', source, re.M)
            assert found, f"{name} cel {index}: {var}.restore(\"…json\") is missing"
            files.append(found.group(1))
    assert len(files) == len(set(files)), "two chapter widgets share a file"


def _change(widget):
    """Change the first control a learner would touch (an option, a slider, a text)."""
    for control in widget._watched:
        options = getattr(control, "options", None)
        if options and len(options) > 1:
            control.index = (control.index + 1) % len(options) if control.index is not None else 0
            return
        if hasattr(control, "min") and hasattr(control, "max") and control.max > control.min:
            control.value = control.min if control.value != control.min else control.max
            return
        if isinstance(control.value, str):
            control.value += " (eigen)"
            return
    raise AssertionError(f"{type(widget).__name__}: nothing to change")


@pytest.mark.parametrize("name,index,source", CELLS, ids=[f"{n}-{i}" for n, i, _ in CELLS])
def test_saved_work_comes_back_when_the_cell_runs_again(name, index, source, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    space = {cls: getattr(widgets, cls) for cls in widgets._WIDGETS}
    body = source.rstrip().rsplit("\n", 1)[0]            # without the last line (the display)
    exec(body, space)
    var = MAKES.findall(source)[0][0]
    first = space[var]
    first.auto_chart = False
    default = first.learner_state()
    _change(first)
    assert first.learner_state() != default
    first.file_buttons[msg("widgets.save")].click()      # the learner clicks Opslaan
    exec(body, space)                                    # … and later runs the cell again
    again = space[var]
    assert again is not first and again.learner_state() == first.learner_state()
    assert "teruggezet" in again.file_status.value


def test_jupyterlab_saves_widget_state_in_the_notebook():
    sys.path.insert(0, str(ROOT))
    try:
        import kit
    finally:
        sys.path.remove(str(ROOT))
    assert kit.LAB_OVERRIDES["@jupyter-widgets/jupyterlab-manager:plugin"] == {"saveState": True}
    schema = (Path(sys.prefix) / "share" / "jupyter" / "labextensions" / "@jupyter-widgets" / "jupyterlab-manager"
              / "schemas" / "@jupyter-widgets" / "jupyterlab-manager" / "plugin.json")
    assert "saveState" in json.loads(schema.read_text(encoding="utf-8"))["properties"]   # a real setting
