
import pytest

from smmkit.errors import SmmkitError
from smmkit.widgets import HoneycombCompare
from .dutch_csv import read_dutch_csv


def test_starts_with_two_example_platforms():
    h = HoneycombCompare()
    assert h.error == "" and h.result.name_a == "LinkedIn" and h.result.name_b == "TikTok"
    assert h.result.scores_a["identity"] == 5
    assert "Waar LinkedIn en TikTok het meest van elkaar verschillen" in h.text.value
    assert "geen gemeten feiten" in h.text.value
    assert h.chart.value[:4] == b"\x89PNG"


def test_preset_and_slider_changes_update_result_and_text():
    h = HoneycombCompare()
    h.b["preset"].value = "Facebook"
    assert h.b["name"].value == "Facebook" and h.result.name_b == "Facebook"
    assert h.result.scores_b["groups"] == 5
    assert h.b["preset"].value == "Facebook"
    h.a["sliders"]["groups"].value = 5
    assert h.result.differences["groups"] == 0
    assert h.a["preset"].value == ""          # moved away from the example: now own scores
    h.a["sliders"]["sharing"].value = 0
    assert h.result.largest[0] == "sharing"
    assert "delen: Facebook scoort 4 punten hoger dan LinkedIn" in h.text.value


def test_same_name_is_shown_as_message():
    h = HoneycombCompare()
    h.b["name"].value = "linkedin"
    assert h.result is None
    assert "Beide platformen heten" in h.message.value and h.text.value == ""


def test_save_load_round_trip_and_exports(tmp_path):
    h = HoneycombCompare()
    h.a["name"].value = "Gemeente Zwolle op Instagram"
    h.a["sliders"]["presence"].value = 4
    path = h.save(tmp_path / "hc.json")
    other = HoneycombCompare("YouTube", "X")
    other.load(path)
    assert other.learner_state() == h.learner_state()
    assert other.result.differences == h.result.differences
    rows = read_dutch_csv(h.export_csv(tmp_path / "hc.csv"))
    assert rows[3]["bouwsteen"] == "aanwezigheid" and rows[3]["Gemeente Zwolle op Instagram"] == "4"
    assert h.export_png(tmp_path / "hc.png").read_bytes()[:4] == b"\x89PNG"


def test_load_rejects_broken_scores(tmp_path):
    h = HoneycombCompare()
    state = h.learner_state()
    state["a"]["scores"]["identity"] = 9
    path = tmp_path / "bad.json"
    path.write_text('{"widget": "HoneycombCompare", "version": 1, "state": %s}' % __import__("json").dumps(state))
    before = h.learner_state()
    with pytest.raises(SmmkitError, match="niet groter zijn dan 5"):
        h.load(path)
    assert h.learner_state() == before
