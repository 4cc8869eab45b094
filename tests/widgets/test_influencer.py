import re

from smmkit.widgets import InfluencerScorer
from .dutch_csv import read_dutch_csv


def test_example_shortlist():
    x = InfluencerScorer()
    x.auto_chart = False
    assert x.error == ""
    assert x.result.ranked[0].name == "@stadsbakker_anna"
    assert "Beste keus: @stadsbakker_anna (nano)" in x.text.value
    assert re.search(r">@foodie\.utrecht</td><td[^>]*>micro</td>", x.text.value)
    assert "nano ≥ 1.000," in x.children[1].value and "mega ≥ 1.000.000" in x.children[1].value


def test_editing_changes_the_ranking():
    x = InfluencerScorer()
    x.auto_chart = False
    big = x.records.controls[3]                     # @bekendenederlander
    big["fit"].value = 5
    big["cost"].value = 2000
    assert x.result.ranked[0].name == "@bekendenederlander"
    x.records.add()
    assert x.records.values()[-1]["name"] == "@kandidaat6"
    assert len(x.result.ranked) == 6


def test_zero_cost_is_a_message():
    x = InfluencerScorer()
    x.auto_chart = False
    x.records.controls[0]["cost"].value = 0
    assert x.result is None and "kosten op 0" in x.message.value


def test_save_load_round_trip_keeps_an_unfinished_row_and_exports(tmp_path):
    x = InfluencerScorer()
    x.records.controls[1]["cost"].value = 0
    path = x.save(tmp_path / "inf.json")
    other = InfluencerScorer(candidates=[])
    other.load(path)
    assert other.learner_state() == x.learner_state() and other.result is None
    x.records.controls[1]["cost"].value = 450
    rows = read_dutch_csv(x.export_csv(tmp_path / "inf.csv"))
    assert rows[0]["rang"] == "1" and {"tier", "score", "verwacht_betrokken"} <= set(rows[0])
    assert x.export_png(tmp_path / "inf.png").read_bytes()[:4] == b"\x89PNG"
