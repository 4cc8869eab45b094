"""Every number a learner types into a kit widget is read the Dutch way (issue #20, "Numbers and checks").

The fields are discovered, not listed: every widget in the registry is built and searched for number
fields, so a new widget is covered without touching this file. A browser number input (FloatText,
IntText and their Bounded variants) anywhere in a kit widget fails here: the browser changes '300,50'
into 30050 before Python sees it.
"""
from __future__ import annotations

import json

import ipywidgets as w
import pytest

import smmkit.widgets as sw
from smmkit.models import kpi
from smmkit.widgets._numbers import DutchNumber, show

BROWSER_NUMBER_INPUTS = (w.FloatText, w.IntText, w.BoundedFloatText, w.BoundedIntText)
CLASSES = [n for n in sw._WIDGETS if n != "SmmkitWidget"]

# what she types → the number she means; None: the text is ambiguous or no number → a Dutch message
CASES = {"300,50": 300.5, "1.500": 1500.0, "1,5": 1.5, "3.5": None, "1.50": None, "abc": None, "": None}
QUESTIONS = {"3.5": "bedoel je 35 of 3,5?", "1.50": "bedoel je 150 of 1,5?"}


def _walk(control, seen):
    if id(control) in seen:
        return
    seen.add(id(control))
    yield control
    for child in getattr(control, "children", ()) or ():
        yield from _walk(child, seen)


def _everything(widget):
    """Every control the widget holds: its tree and its attributes (hidden fields, e.g. other KPIs)."""
    seen: set = set()
    found = list(_walk(widget, seen))
    stack = list(vars(widget).values())
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack += list(item.values())
        elif isinstance(item, (list, tuple)):
            stack += list(item)
        elif isinstance(item, w.Widget):
            found += list(_walk(item, seen))
        elif hasattr(item, "controls") and hasattr(item, "box"):   # a RowEditor
            stack += [item.box, *item.controls]
    return found


def _visible(widget):
    return [c for c in _walk(widget, set())]


def _number_fields(widget):
    return [c for c in _everything(widget) if isinstance(c, DutchNumber)]


@pytest.fixture(scope="module")
def widgets():
    return {name: getattr(sw, name)(auto_chart=False) for name in CLASSES}


def test_no_kit_widget_uses_a_browser_number_input(widgets):
    wrong = {name: type(c).__name__ for name, widget in widgets.items()
             for c in _everything(widget) if isinstance(c, BROWSER_NUMBER_INPUTS)}
    assert not wrong, f"browser number inputs change Dutch input; use DutchNumber: {wrong}"


def test_the_kit_has_number_fields_to_test(widgets):
    having = {name for name, widget in widgets.items() if _number_fields(widget)}
    assert {"KPICalculator", "CampaignFunnel", "LCSSMapper", "InfluencerScorer"} <= having


@pytest.mark.parametrize("name", CLASSES)
@pytest.mark.parametrize("typed", list(CASES))
def test_every_number_field_reads_what_she_typed_or_asks(name, typed, widgets):
    widget = widgets[name]
    for field in _number_fields(widget):
        if name == "KPICalculator":   # a KPI's fields count only while that KPI is chosen
            widget.choice.value = next(k for k in widget.choice.options
                                       if any(widget.inputs[n] is field for n in kpi.get(k[1]).inputs))[1]
        before = field.value
        field.type(typed)
        intended = CASES[typed]
        ok_range = intended is not None and (field.minimum is None or intended >= field.minimum) and \
            (field.maximum is None or intended <= field.maximum) and \
            not (field.integer and not float(intended).is_integer())
        visible = any(c is field for c in _visible(widget))
        if ok_range:
            assert field.value == intended and not field.problem, (name, field.label, typed)
        else:
            assert field.value == before, f"{name}/{field.label}: '{typed}' changed the value silently"
            assert field.problem and field.label in field.problem, (name, field.label, typed)
            if typed in QUESTIONS and intended is None:
                assert QUESTIONS[typed] in field.problem
            if visible:
                assert widget.error == field.problem, (name, field.label, typed)
            shown = field.problem
            field.type(show(before))                           # she corrects it: the message goes
            assert not field.problem and field.value == before
            if visible:
                assert widget.error != shown
        json.dumps(widget.learner_state())                     # still JSON, numbers as numbers


def test_cost_per_click_is_computed_from_the_number_she_meant():
    k = sw.KPICalculator(key="cpc", auto_chart=False)
    k.inputs["cost"].type("300,50")
    k.inputs["clicks"].type("900")
    assert not k.error
    assert k.result.text == "Elke klik kostte gemiddeld € 0,33."
    assert k.learner_state()["values"]["cost"] == 300.5
    k.inputs["cost"].type("1.500")
    assert k.result.text == "Elke klik kostte gemiddeld € 1,67."
    k.inputs["cost"].type("3.5")
    assert "bedoel je 35 of 3,5?" in k.error and k.inputs["cost"].value == 1500


def test_funnel_budget_with_a_thousands_dot_is_fifteen_hundred_euro():
    f = sw.CampaignFunnel(auto_chart=False)
    f.budget.type("1.500")
    assert f.budget.value == 1500 and f.result.budget == 1500


def test_set_from_code_and_old_saved_numbers_still_work():
    k = sw.KPICalculator(key="ctr", auto_chart=False)
    k.inputs["clicks"].value = 900
    assert k.inputs["clicks"].text == "900" and k.result.inputs["clicks"] == 900
    k.inputs["impressions"].value = 30000.0                 # an old file's number: an int field gets an int
    assert k.inputs["impressions"].text == "30.000" and isinstance(k.inputs["impressions"].value, int)
    state = k.learner_state()
    k2 = sw.KPICalculator(auto_chart=False)
    k2.restore_learner_state(json.loads(json.dumps(state)))
    assert k2.learner_state() == state
