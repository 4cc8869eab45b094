"""Every widget can restore whatever it can save: random learner actions, save, restore in a fresh widget.

The widgets come from the registry (``smmkit.widgets._WIDGETS``), not from a hand-made list. The
actions are what a learner can do in the browser: move a slider, pick an option, type any text,
tick a box, click a button (add, remove, reset …), in any order. Whatever state that gives must
be saved and brought back exactly (before: an emptied NeedsProfile saved but would not restore).
"""
import ipywidgets as w
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import smmkit.widgets as widgets
from smmkit.widgets._numbers import DutchNumber, show

NAMES = sorted(name for name in widgets._WIDGETS if name != "SmmkitWidget")
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


def _controls(node, skip):
    """The controls a learner can touch (the file bar excluded: saving is what we test)."""
    if node is skip:
        return []
    if isinstance(node, DutchNumber):
        return [node]                          # its text box is typed into through type() below
    found = []
    if isinstance(node, (w.Button, w.ValueWidget)) and not isinstance(node, (w.HTML, w.Label, w.Image)):
        if not getattr(node, "disabled", False):
            found.append(node)
    for child in getattr(node, "children", ()) or ():
        found += _controls(child, skip)
    return found


def _act(control, data):
    if isinstance(control, DutchNumber):        # a number the Dutch way, or any text (then a question)
        control.type(data.draw(st.one_of(st.floats(-1e9, 1e9, allow_nan=False).map(show),
                                         st.integers(-10**6, 10**9).map(show), TEXT)))
    elif isinstance(control, w.Button):
        control.click()
    elif isinstance(control, w.FileUpload):
        pass                                   # uploading a file: tested in the widget's own tests
    elif isinstance(control, (w.ToggleButton, w.Checkbox)):
        control.value = data.draw(st.booleans())
    elif isinstance(control, w.SelectMultiple):
        if control.options:
            control.index = tuple(data.draw(st.sets(st.integers(0, len(control.options) - 1))))
    elif hasattr(control, "options"):
        if control.options:
            control.index = data.draw(st.integers(0, len(control.options) - 1))
    elif isinstance(control, (w.IntSlider, w.BoundedIntText)):
        control.value = data.draw(st.integers(control.min, control.max))
    elif isinstance(control, (w.FloatSlider, w.BoundedFloatText)):
        control.value = data.draw(st.floats(control.min, control.max, allow_nan=False))
    elif isinstance(control, w.IntText):
        control.value = data.draw(st.integers(-10**9, 10**12))
    elif isinstance(control, w.FloatText):
        control.value = data.draw(st.floats(-1e12, 1e12, allow_nan=False))
    elif isinstance(control, (w.Text, w.Textarea)):
        control.value = data.draw(TEXT)


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                               HealthCheck.too_slow])
@given(data=st.data())
def test_every_widget_restores_what_it_saved(name, data, tmp_path_factory):
    cls = getattr(widgets, name)
    widget = cls(auto_chart=False)      # the chart is not what this test checks; drawing it was half the time
    for _ in range(data.draw(st.integers(0, 12), label="steps")):
        controls = _controls(widget, widget.files)
        if not controls:
            break
        _act(controls[data.draw(st.integers(0, len(controls) - 1))], data)
    state = widget.learner_state()
    path = widget.save(tmp_path_factory.mktemp(name) / "werk.json")
    fresh = cls(auto_chart=False)
    assert fresh.restore(path) is True, fresh.file_status.value
    assert fresh.learner_state() == state
