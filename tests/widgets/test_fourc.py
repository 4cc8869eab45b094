"""FourCSorter headless: dropdowns drive coverage and advice; add/remove; save/load; exports; bad input."""
import json

import pytest

from smmkit.errors import SmmkitError
from smmkit.widgets import FourCSorter
from .dutch_csv import read_dutch_csv


@pytest.fixture
def widget():
    return FourCSorter()


def test_example_plan_neglects_collaboration(widget):
    assert widget.error == ""
    assert widget.result.missing == ("collaboratie",)
    assert widget.result.unsorted == ["Inwoners laten meestemmen over de inrichting van de Roode Steen"]
    assert "Je plan verwaarloost Collaboratie" in widget.text.value
    assert widget.chart.value[:4] == b"\x89PNG"
    assert "16,7 %" in widget.text.value and "33,3 %" in widget.text.value   # 1 and 2 of 6: a decimal comma


def test_choosing_a_c_updates_coverage_and_text(widget):
    widget.choices[-1].value = "collaboratie"
    assert widget.result.counts["collaboratie"] == 1 and widget.result.unsorted == []
    assert widget.result.missing == ()
    assert "verwaarloost" not in widget.text.value
    assert "evenwichtig" in widget.text.value
    widget.choices[4].value = "content"
    assert widget.result.counts == {"customer experience": 0, "conversatie": 2, "content": 4, "collaboratie": 1}
    assert "Je plan verwaarloost Customer experience: geen enkele activiteit." in widget.text.value


def test_add_and_remove_activities(widget):
    widget.rows.entry["text"].value = "Oproep: deel je idee voor het stadsstrand"
    widget.rows.entry["choice"].value = "collaboratie"
    widget.rows.add_from_input()
    assert widget.result.counts["collaboratie"] == 1 and len(widget.result.activities) == 8
    assert widget.rows.entry["text"].value == ""
    widget.rows.add_from_input()  # empty text: a hint, no new row
    assert "Typ eerst een tekst" in widget.rows.status.value and len(widget.result.activities) == 8
    assert widget.rows.status.value.startswith('<div class="smmkit-note" style="color:#B34700')  # 5.5:1 (#22)
    widget.rows.remove_at(0)
    assert widget.result.counts["conversatie"] == 1 and len(widget.result.activities) == 7


def test_emptying_the_plan_shows_a_message(widget):
    for _ in range(len(widget.choices)):
        widget.rows.remove_at(0)
    assert widget.result is None and "nog geen activiteiten" in widget.message.value
    assert widget.text.value == ""


def test_clearing_an_activity_text_shows_which_row(widget):
    text_box = widget.rows.controls[2]["text"]
    text_box.value = "   "
    assert widget.result is None and "Regel 3 heeft geen tekst" in widget.message.value
    text_box.value = "Foto van het Westfries Museum"
    assert widget.result is not None and widget.message.value == ""


def test_save_load_round_trip(widget, tmp_path):
    widget.choices[-1].value = "collaboratie"
    widget.rows.entry["text"].value = "Nog niet zeker"
    widget.rows.entry["choice"].value = ""
    widget.rows.add_from_input()
    before = widget.learner_state()
    widget.save(tmp_path / "plan.json")
    fresh = FourCSorter()
    fresh.load(tmp_path / "plan.json")
    assert fresh.learner_state() == before and fresh.result == widget.result
    assert fresh.text.value == widget.text.value


def test_load_refuses_an_unknown_c_and_keeps_the_plan(widget, tmp_path):
    data = {"widget": "FourCSorter", "version": 1, "state": {"activities": [["Quiz", "commerce"]]}}
    (tmp_path / "fout.json").write_text(json.dumps(data), encoding="utf-8")
    before = widget.learner_state()
    with pytest.raises(SmmkitError, match="'commerce' is geen C"):
        widget.load(tmp_path / "fout.json")
    assert widget.learner_state() == before


def test_export_csv_and_png(widget, tmp_path):
    widget.export_csv(tmp_path / "plan.csv")
    rows = read_dutch_csv(tmp_path / "plan.csv")
    assert len(rows) == 7 and rows[0]["C"] == "Conversatie" and rows[-1]["C"] == ""
    widget.export_png(tmp_path / "plan.png")
    assert (tmp_path / "plan.png").read_bytes()[:4] == b"\x89PNG"


def test_constructor_with_own_plan_and_bad_plan():
    w = FourCSorter([("Klantpanel over de website", "samenwerking")])
    assert w.learner_state() == {"activities": [["Klantpanel over de website", "collaboratie"]]}
    with pytest.raises(SmmkitError, match="geen C uit het 4C-model"):
        FourCSorter([("x", "marketing")])
