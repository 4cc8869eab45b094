import pytest

from smmkit.errors import SmmkitError
from smmkit.models import kpi

CASES = [
    ("engagement_rate", {"interactions": 150, "reach": 3000}, 5.0),
    ("ipm", {"interactions": 45, "fans": 9000}, 5.0),
    ("reach", {"reach": 12_000, "audience": 48_000}, 25.0),
    ("ctr", {"clicks": 30, "impressions": 2000}, 1.5),
    ("cpc", {"cost": 120, "clicks": 300}, 0.4),
    ("cpm", {"cost": 60, "impressions": 10_000}, 6.0),
    ("conversion_rate", {"conversions": 12, "visitors": 400}, 3.0),
    ("roi", {"extra_revenue": 1500, "investment": 1000}, 0.5),
    ("nps", {"promoters": 50, "passives": 30, "detractors": 20}, 30.0),
    ("relative_change", {"old": 200, "new": 150}, -25.0),
    ("response_time", {"total_minutes": 900, "messages": 30}, 30.0),
]


@pytest.mark.parametrize("key, inputs, expected", CASES)
def test_each_kpi_computes(key, inputs, expected):
    r = kpi.calculate(key, **inputs)
    assert r.value == pytest.approx(expected)
    assert r.formula and r.explanation.endswith(".") and r.text


def test_all_kpis_have_texts_and_cases():
    assert {c[0] for c in CASES} == set(kpi.KPIS)
    for k in kpi.KPIS.values():
        assert k.label and k.formula and k.explanation


def test_roi_follows_the_source_definition():
    r = kpi.calculate("roi", extra_revenue=800, investment=1000)
    assert r.value == pytest.approx(-0.2)
    assert r.text == ("De ROI is -0,2: wat de inzet opleverde, lag netto 20 % onder wat je erin stak; "
                      "je kreeg minder terug dan je uitgaf.")
    assert "netto 50 % boven" in __import__("smmkit.models.kpi", fromlist=["calculate"]).calculate(
        "roi", extra_revenue=1500, investment=1000).text
    assert kpi.get("roi").formula == "(meeropbrengst − investering) / investering"


def test_texts_use_dutch_numbers():
    assert kpi.calculate("cpc", cost=100, clicks=40).text == "Elke klik kostte gemiddeld € 2,50."
    assert kpi.calculate("relative_change", old=1000, new=1250).text == "De waarde is 25 % gestegen."
    assert kpi.calculate("relative_change", old=5, new=5).text == "De waarde is 0 % gelijk gebleven."
    assert kpi.calculate("ctr", clicks="3", impressions="2.000").value == pytest.approx(0.15)


def test_relative_change_accepts_negative_values():
    assert kpi.calculate("relative_change", old=-10, new=-5).value == pytest.approx(-50)


def test_row_for_export():
    row = kpi.calculate("ctr", clicks=30, impressions=2000).row()
    assert row["kpi"] == "CTR (click-through rate)" and row["klikken"] == 30 and row["waarde"] == 1.5


def test_nps_from_scores():
    assert kpi.nps_from_scores([10, 9, 8, 7, 6, 0]) == pytest.approx((2 - 2) / 6 * 100)
    assert kpi.nps_from_scores([10, 10, 3]) == pytest.approx(100 / 3)


def test_response_times():
    r = kpi.response_times([10, 20, 30, 120], target=30)
    assert r.mean == 45 and r.median == 25 and r.within_target == 75


def test_division_by_zero_is_explained():
    with pytest.raises(SmmkitError, match="CTR .* kan ik niet uitrekenen als 'vertoningen' 0 is: delen door nul"):
        kpi.calculate("ctr", clicks=0, impressions=0)
    with pytest.raises(SmmkitError, match="ROI .*'investering \\(€\\)' 0 is"):
        kpi.calculate("roi", extra_revenue=10, investment=0)
    with pytest.raises(SmmkitError, match="'oude waarde' 0 is"):
        kpi.calculate("relative_change", old=0, new=10)
    with pytest.raises(SmmkitError, match="'aantal respondenten' 0 is"):
        kpi.calculate("nps", promoters=0, passives=0, detractors=0)


def test_other_errors_in_dutch():
    with pytest.raises(SmmkitError, match="'klikken' \\(500\\) is groter dan 'vertoningen' \\(100\\)"):
        kpi.calculate("ctr", clicks=500, impressions=100)
    with pytest.raises(SmmkitError, match="'likes' ken ik niet als KPI. Kies uit: engagement_rate"):
        kpi.calculate("likes", a=1)
    with pytest.raises(SmmkitError, match="precies deze invoer nodig: clicks, impressions. Je gaf: clicks"):
        kpi.calculate("ctr", clicks=5)
    with pytest.raises(SmmkitError, match="'kosten \\(€\\)' is -5, maar mag niet kleiner zijn dan 0"):
        kpi.calculate("cpc", cost=-5, clicks=10)
    with pytest.raises(SmmkitError, match="verwacht ik een getal"):
        kpi.calculate("cpc", cost="tien", clicks=10)
    with pytest.raises(SmmkitError, match="geen scores"):
        kpi.nps_from_scores([])
    with pytest.raises(SmmkitError, match="niet groter zijn dan 10"):
        kpi.nps_from_scores([11])
    with pytest.raises(SmmkitError, match="geen reactietijden"):
        kpi.response_times([])
