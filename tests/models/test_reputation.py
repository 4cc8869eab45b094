import pytest

from smmkit.errors import SmmkitError
from smmkit.messages import msg
from smmkit.models import reputation as rep


def _scores(value=4, **changes):
    return {**{d: value for d in rep.DRIVERS}, **changes}


def test_structure_follows_the_source_six_pillars_three_foundations():
    # Fombrun & Shanley (1990) as Elving describes the temple in Kok e.a. (2012)
    assert [rep.label(p) for p in rep.PILLARS] == [
        "leiderschap en visie", "emotionele aantrekkingskracht", "arbeidsomstandigheden",
        "maatschappelijke betrokkenheid", "producten en diensten", "financiële prestaties"]
    assert [rep.label(f) for f in rep.FOUNDATIONS] == ["geloofwaardigheid", "vertrouwen", "eerlijkheid"]
    assert rep.DRIVERS == rep.PILLARS + rep.FOUNDATIONS
    assert set(rep.EXAMPLE) == set(rep.DRIVERS)


def test_weakest_and_strongest_pillar():
    t = rep.score(_scores(workplace=2, products=5))
    assert t.weakest_pillars == ("workplace",)
    assert t.strongest_pillars == ("products",)
    assert "Zwakste pijler: arbeidsomstandigheden (score 2)" in t.advice
    assert "Sterkste pijler: producten en diensten (score 5)" in t.advice
    assert "luister op social media gericht naar wat mensen over 'arbeidsomstandigheden'" in t.advice


def test_means_and_shaky_foundation():
    t = rep.score(_scores(credibility=1, trust=2, honesty=3))
    assert t.pillar_mean == 4 and t.foundation_mean == 2
    assert t.overall == pytest.approx((6 * 4 + 6) / 9)
    assert "Het fundament (gemiddeld 2) is zwakker dan de pijlers (gemiddeld 4)" in t.advice
    assert t.weakest_foundation == ("credibility",)


@pytest.mark.parametrize("foundation, words", [
    ("credibility", "waar ze voor staat"),
    ("trust", "doet wat je zegt"),
    ("honesty", "wat er misgaat"),
])
def test_weakest_foundation_gets_its_own_corporate_story_advice(foundation, words):
    advice = rep.score(_scores(**{foundation: 2})).advice
    assert f"Zwakste deel van het fundament: {rep.label(foundation)} (score 2)" in advice
    lines = [line for line in advice.split("\n") if "corporate story" in line]
    assert len(lines) == 1 and words in lines[0]


def test_equal_pillars_and_charm_without_honesty():
    t = rep.score(_scores(3, emotional_appeal=4, honesty=2))
    assert "Zwakste pijler: leiderschap en visie, arbeidsomstandigheden" in t.advice
    assert "twijfelen of je open bent" in t.advice
    even = rep.score(_scores(3))
    assert even.weakest_pillars == rep.PILLARS
    assert "Alle pijlers scoren gelijk (3)" in even.advice
    assert "twijfelen of je open bent" not in even.advice
    assert "twijfelen of je open bent" not in rep.score(_scores(3, emotional_appeal=4, honesty=3)).advice


def test_rows():
    rows = rep.score(rep.EXAMPLE).rows()
    assert len(rows) == 9
    assert rows[0] == {"onderdeel": "pijler", "driver": "leiderschap en visie", "score": 2.0}
    assert [r["onderdeel"] for r in rows].count("fundament") == 3
    assert rows[-1] == {"onderdeel": "fundament", "driver": "eerlijkheid", "score": 3.0}


def test_errors_in_dutch():
    with pytest.raises(SmmkitError, match="ontbreekt een score voor: leiderschap en visie"):
        rep.score({d: 3 for d in rep.DRIVERS if d != "leadership"})
    with pytest.raises(SmmkitError, match="'prijs' is geen onderdeel van de reputatietempel. Geldig zijn: leadership"):
        rep.score(_scores(prijs=3))
    with pytest.raises(SmmkitError, match="'vertrouwen' is 0, maar mag niet kleiner zijn dan 1"):
        rep.score(_scores(trust=0))
    with pytest.raises(SmmkitError, match="als dict"):
        rep.score([3, 4])


def test_scores_in_the_old_layout_name_the_valid_parts():
    old = {"products": 4, "innovation": 3, "workplace": 3, "governance": 4, "citizenship": 4, "leadership": 2,
           "performance": 3, "identity": 3, "behaviour": 4, "communication": 2}
    with pytest.raises(SmmkitError, match=r"oudere indeling.*'innovation' bestaat niet meer.*Elving.*Fombrun & Shanley") as err:
        rep.validate(old)
    text = str(err.value)
    for driver in rep.DRIVERS:
        assert f"{driver} ({rep.label(driver)})" in text
    assert "opnieuw" in text


def test_every_driver_has_a_dutch_label():
    for driver in rep.DRIVERS:
        assert msg(f"reputation.driver.{driver}")
