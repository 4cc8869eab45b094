import pytest

from smmkit.errors import SmmkitError
from smmkit.models import influencer as inf


@pytest.mark.parametrize("followers, tier", [
    (999, "geen"), (1_000, "nano"), (9_999, "nano"), (10_000, "micro"), (99_999, "micro"),
    (100_000, "macro"), (999_999, "macro"), (1_000_000, "mega"), (52_000_000, "mega"),
])
def test_tier_thresholds(followers, tier):
    assert inf.tier(followers) == tier


def test_score_is_the_documented_formula():
    c = inf.candidate("@anna", followers=4_800, engagement_rate=7.5, fit=5, cost=150)
    assert c.engaged == pytest.approx(360)
    assert c.score == pytest.approx(4_800 * 0.075 * (5 / 5) / 150 * 1000)
    fit_lower = inf.candidate("@anna", followers=4_800, engagement_rate=7.5, fit=4, cost=150)
    assert fit_lower.score == pytest.approx(c.score * 4 / 5)
    dearer = inf.candidate("@anna", followers=4_800, engagement_rate=7.5, fit=5, cost=300)
    assert dearer.score == pytest.approx(c.score / 2)


def test_shortlist_ranks_and_explains():
    s = inf.shortlist(inf.EXAMPLES)
    names = [c.name for c in s.ranked]
    assert names[0] == "@stadsbakker_anna"
    assert names[-1] == "@bekendenederlander"
    assert "Beste keus: @stadsbakker_anna (nano)" in s.text
    assert "€ 150,00" in s.text
    assert "@bekendenederlander, staat op plek 5" in s.text
    rows = s.rows()
    assert rows[0]["rang"] == 1 and rows[0]["tier"] == "nano"
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)


def test_empty_shortlist():
    assert inf.shortlist([]).ranked == ()


def test_errors_in_dutch():
    with pytest.raises(SmmkitError, match="kosten op 0"):
        inf.candidate("@x", 1000, 2, 3, 0)
    with pytest.raises(SmmkitError, match="'fit \\(1-5\\)' is 6"):
        inf.candidate("@x", 1000, 2, 6, 10)
    with pytest.raises(SmmkitError, match="'engagement rate \\(%\\)' is 120"):
        inf.candidate("@x", 1000, 120, 3, 10)
    with pytest.raises(SmmkitError, match="'@x' staat twee keer"):
        inf.shortlist([inf.EXAMPLES[0] | {"name": "@x"}, inf.EXAMPLES[1] | {"name": "@X"}])
    with pytest.raises(SmmkitError, match="ontbreekt: cost"):
        inf.shortlist([{"name": "a", "followers": 1, "engagement_rate": 1, "fit": 1}])
