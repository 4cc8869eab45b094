import pytest

from smmkit.errors import SmmkitError
from smmkit.models import funnel as fn


def test_budget_to_leads():
    f = fn.funnel(budget=500, cpm=5, ctr=1, conversion_rate=10)
    assert (f.impressions, f.clicks, f.leads) == (100_000, 1_000, 100)
    assert f.cost_per_click == pytest.approx(0.5)
    assert f.cost_per_lead == pytest.approx(5)
    assert f.text == ("Met € 500,00 koop je ongeveer 100.000 vertoningen. Die leveren zo'n 1.000 klikken op "
                      "(€ 0,50 per klik) en daaruit ongeveer 100 leads: € 5,00 per lead.")


def test_rows_round_down_people():
    rows = fn.funnel(budget=250, cpm=7.5, ctr=1.2, conversion_rate=4).rows()
    assert [r["stap"] for r in rows] == ["budget (€)", "vertoningen", "klikken", "leads"]
    assert rows[1]["aantal"] == 33_333 and rows[2]["aantal"] == 400 and rows[3]["aantal"] == 16


def test_text_inputs_with_comma():
    f = fn.funnel("1.000", "6,5", "0,8", "2,5")
    assert f.impressions == pytest.approx(1000 / 6.5 * 1000)


def test_no_leads_and_no_budget():
    assert "geen enkele lead" in fn.funnel(100, 5, 1, 0).text
    assert fn.funnel(100, 5, 1, 0).cost_per_lead is None
    assert "Zonder budget" in fn.funnel(0, 5, 1, 2).text
    assert "minder dan één lead" in fn.funnel(10, 10, 1, 1).text


def test_budget_for_leads_is_the_inverse():
    budget = fn.budget_for_leads(100, cpm=5, ctr=1, conversion_rate=10)
    assert budget == pytest.approx(500)
    assert fn.funnel(budget, 5, 1, 10).leads == pytest.approx(100)


def test_errors_in_dutch():
    with pytest.raises(SmmkitError, match="CPM van 0"):
        fn.funnel(100, 0, 1, 1)
    with pytest.raises(SmmkitError, match="percentage tussen 0 en 100, maar je vulde 150 in"):
        fn.funnel(100, 5, 150, 1)
    with pytest.raises(SmmkitError, match="'budget \\(€\\)' is -1"):
        fn.funnel(-1, 5, 1, 1)
    with pytest.raises(SmmkitError, match="nooit een lead"):
        fn.budget_for_leads(10, 5, 0, 1)
