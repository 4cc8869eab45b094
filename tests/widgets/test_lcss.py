"""LCSSMapper headless: categories and targets drive the balance and advice; CSV load; save/load; exports."""
import json
import re
from datetime import datetime, timezone

import pytest

from smmkit.errors import SmmkitError
from smmkit.widgets import LCSSMapper
from .dutch_csv import read_dutch_csv


@pytest.fixture
def widget():
    return LCSSMapper()


def test_example_mix_misses_sellable(widget):
    assert widget.error == ""
    assert widget.result.counts == {"likeable": 3, "clickable": 4, "sharable": 1, "sellable": 0}
    assert widget.result.missing == ("sellable",)
    assert "Je mist sellable-content helemaal" in widget.text.value
    assert "Te veel clickable-content: 50 %" in widget.text.value
    assert widget.chart.value[:4] == b"\x89PNG"


def test_changing_a_category_updates_balance_and_text(widget):
    choice = widget.rows.controls[4]["choice"]         # the vacancy post
    choice.value = "sellable"
    assert widget.result.counts["sellable"] == 1 and widget.result.shares["sellable"] == 12.5
    assert "Je mist sellable" not in widget.text.value
    assert "sellable: 1 post(s), 12,5 % (doel 10 %)" in widget.text.value


def test_target_must_add_up_to_100(widget):
    widget.targets["sellable"].value = 20
    assert widget.result is None
    assert "tellen op tot 110 %" in widget.message.value and widget.text.value == ""
    widget.targets["likeable"].value = 30
    assert widget.result.target == {"likeable": 30, "clickable": 30, "sharable": 20, "sellable": 20}
    assert widget.message.value == ""
    widget.set_target({"likeable": 40, "clickable": 30, "sharable": 20, "sellable": 10})
    assert widget.result.target["sellable"] == 10


def test_add_and_remove_posts(widget):
    widget.rows.entry["text"].value = "Vraag subsidie aan voor groene daken"
    widget.rows.entry["choice"].value = "sellable"
    widget.rows.add_from_input()
    assert widget.result.counts["sellable"] == 1 and len(widget.result.items) == 9
    widget.rows.remove_at(0)
    assert widget.result.counts["likeable"] == 2


def test_load_csv_from_path_and_upload(widget, tmp_path):
    path = tmp_path / "posts.csv"
    path.write_text("titel;categorie;kanaal\nFoto van de markt;likeable;Instagram\n"
                    "Aanmelden voor de schoonmaakactie;sellable;Facebook\n", encoding="utf-8")
    assert widget.load_csv(str(path)) == 2
    assert widget.learner_state()["items"] == [["Foto van de markt", "likeable"],
                                       ["Aanmelden voor de schoonmaakactie", "sellable"]]
    assert "2 post(s) geladen uit posts.csv" in widget.csv_status.value
    assert widget.result.counts == {"likeable": 1, "clickable": 0, "sharable": 0, "sellable": 1}
    upload = [{"name": "x.csv", "type": "text/csv", "size": 30, "last_modified": datetime.now(timezone.utc),
               "content": memoryview(b"titel,categorie\nQuiz,sharable\n")}]
    widget.upload.value = upload
    assert widget.learner_state()["items"] == [["Quiz", "sharable"]]
    assert widget.upload.value == ()  # cleared, so the same file can be uploaded again
    widget.rows.remove_at(0)
    widget.upload.value = upload
    assert widget.learner_state()["items"] == [["Quiz", "sharable"]]


@pytest.mark.parametrize("text, pattern", [
    ("naam,soort\nFoto,likeable\n", "ontbreekt de kolom titel of categorie"),
    ("titel,categorie\nFoto,viraal\n", "regel 2 \\(&#x27;Foto&#x27;\\): &#x27;viraal&#x27; is geen LCSS-categorie"),
    ("", "is leeg"),
])
def test_bad_csv_shows_message_and_keeps_the_list(widget, tmp_path, text, pattern):
    before = widget.learner_state()
    path = tmp_path / "fout.csv"
    path.write_text(text, encoding="utf-8")
    assert widget.load_csv(str(path)) == 0
    assert re.search(pattern, widget.csv_status.value)
    assert widget.learner_state() == before and widget.result is not None


def test_save_load_round_trip(widget, tmp_path):
    widget.rows.controls[0]["choice"].value = "sharable"
    widget.set_target({"likeable": 25, "clickable": 25, "sharable": 25, "sellable": 25})
    before = widget.learner_state()
    widget.save(tmp_path / "mix.json")
    fresh = LCSSMapper()
    fresh.load(tmp_path / "mix.json")
    assert fresh.learner_state() == before and fresh.result == widget.result
    assert fresh.text.value == widget.text.value


def test_load_refuses_bad_target(widget, tmp_path):
    data = {"widget": "LCSSMapper", "version": 1,
            "state": {"items": [["Foto", "likeable"]], "target": {"likeable": 400, "clickable": 0,
                                                                  "sharable": 0, "sellable": 0}}}
    (tmp_path / "fout.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SmmkitError, match="tussen 0 en 100"):
        widget.load(tmp_path / "fout.json")
    with pytest.raises(SmmkitError, match="hoort bij de widget NeedsProfile"):
        (tmp_path / "ander.json").write_text(json.dumps({"widget": "NeedsProfile", "version": 1, "state": {}}))
        widget.load(tmp_path / "ander.json")


def test_export_csv_and_png(widget, tmp_path):
    widget.export_csv(tmp_path / "mix.csv")
    rows = read_dutch_csv(tmp_path / "mix.csv")
    assert [r["categorie"] for r in rows] == ["likeable", "clickable", "sharable", "sellable"]
    assert rows[1] == {"categorie": "clickable", "aantal": "4", "aandeel_pct": "50", "doel_pct": "30",
                       "verschil_pp": "20"}
    widget.export_png(tmp_path / "mix.png")
    assert (tmp_path / "mix.png").read_bytes()[:4] == b"\x89PNG"


def test_constructor_with_own_content_and_target():
    w = LCSSMapper([("Foto", "leuk")], {"likeable": 100, "clickable": 0, "sharable": 0, "sellable": 0})
    assert w.result.on_target
    with pytest.raises(SmmkitError, match="tellen op tot 90 %"):
        LCSSMapper(target={"likeable": 40, "clickable": 30, "sharable": 10, "sellable": 10})
