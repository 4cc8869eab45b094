
from smmkit.widgets import CampaignFunnel
from .dutch_csv import read_dutch_csv


def test_example_funnel():
    f = CampaignFunnel()
    assert f.error == ""
    assert (f.result.impressions, f.result.clicks, f.result.leads) == (125_000, 1_500, 120)
    assert "€ 6,25 per lead" in f.text.value
    assert f.chart.value[:4] == b"\x89PNG"


def test_sliders_change_the_leads():
    f = CampaignFunnel()
    f.conversion.value = 4
    assert f.result.leads == 60
    f.budget.value = 1500
    assert f.result.leads == 120 and f.result.cost_per_lead == 12.5
    f.ctr.value = 0
    assert "geen enkele lead" in f.text.value


def test_save_load_round_trip_and_exports(tmp_path):
    f = CampaignFunnel()
    f.cpm.value = 9.5
    path = f.save(tmp_path / "funnel.json")
    other = CampaignFunnel()
    other.load(path)
    assert other.learner_state() == f.learner_state() and other.result == f.result
    rows = read_dutch_csv(f.export_csv(tmp_path / "funnel.csv"))
    assert [r["stap"] for r in rows] == ["budget (€)", "vertoningen", "klikken", "leads"]
    assert f.export_png(tmp_path / "funnel.png").read_bytes()[:4] == b"\x89PNG"
