
from smmkit.widgets import KPICalculator
from .dutch_csv import read_dutch_csv


def test_starts_with_engagement_rate():
    k = KPICalculator()
    assert k.error == "" and k.result.key == "engagement_rate"
    assert k.result.value == 180 / 6000 * 100
    assert "Van de bereikte mensen ging 3 % de interactie aan." in k.text.value
    assert "Formule: interacties / bereik × 100" in k.text.value


def test_switching_kpi_shows_its_inputs_and_computes():
    k = KPICalculator()
    k.choice.value = "roi"
    assert [c.description for c in k.inputs_box.children] == ["meeropbrengst (€)", "investering (€)"]
    assert k.result.value == (1800 - 1200) / 1200
    k.inputs["investment"].value = 2000
    assert k.result.value == -0.1
    assert "netto 10 % onder" in k.text.value


def test_division_by_zero_message_in_widget():
    k = KPICalculator("cpc")
    k.inputs["clicks"].value = 0
    assert k.result is None
    assert "delen door nul kan niet" in k.message.value


def test_history_save_load_and_export(tmp_path):
    k = KPICalculator()
    k.keep()
    k.choice.value = "ctr"
    k.keep()
    assert "Bewaarde berekeningen: 2" in k.history_label.value
    path = k.save(tmp_path / "kpi.json")
    other = KPICalculator("nps")
    other.load(path)
    assert other.learner_state() == k.learner_state() and other.result.key == "ctr"
    rows = read_dutch_csv(k.export_csv(tmp_path / "kpi.csv"))
    assert [r["kpi"] for r in rows] == ["Engagement rate", "CTR (click-through rate)"]
    assert rows[1]["waarde"] == "0,8"   # decimal comma: a number in Dutch Excel
