import pytest

from smmkit.errors import SmmkitError
from smmkit.models import reputation as rep


def _scores(value=4, **changes):
    return {**{d: value for d in rep.DRIVERS}, **changes}


def test_structure_seven_pillars_three_foundations():
    assert len(rep.PILLARS) == 7 and len(rep.FOUNDATIONS) == 3
    assert set(rep.EXAMPLE) == set(rep.DRIVERS)


def test_weakest_and_strongest_pillar():
    t = rep.score(_scores(workplace=2, products=5))
    assert t.weakest_pillars == ("workplace",)
    assert t.strongest_pillars == ("products",)
    assert "Zwakste pijler: werkomgeving (score 2)" in t.advice
    assert "Sterkste pijler: producten en diensten (score 5)" in t.advice
    assert "luister op social media gericht naar wat mensen over 'werkomgeving'" in t.advice


def test_means():
    t = rep.score(_scores(identity=1, behaviour=2, communication=3))
    assert t.pillar_mean == 4 and t.foundation_mean == 2
    assert t.overall == pytest.approx((7 * 4 + 6) / 10)
    assert "Het fundament (gemiddeld 2) is zwakker dan de pijlers (gemiddeld 4)" in t.advice
    assert t.weakest_foundation == ("identity",)


def test_equal_pillars_and_talk_more_than_do():
    t = rep.score(_scores(3, behaviour=2, communication=5))
    assert t.weakest_pillars == rep.PILLARS
    assert "Alle pijlers scoren gelijk (3)" in t.advice
    assert "belooft meer dan je waarmaakt" in t.advice


def test_rows():
    rows = rep.score(rep.EXAMPLE).rows()
    assert len(rows) == 10
    assert rows[0] == {"onderdeel": "pijler", "driver": "producten en diensten", "score": 4.0}
    assert rows[-1]["onderdeel"] == "fundament"


def test_errors_in_dutch():
    with pytest.raises(SmmkitError, match="ontbreekt een score voor: leiderschap"):
        rep.score({d: 3 for d in rep.DRIVERS if d != "leadership"})
    with pytest.raises(SmmkitError, match="'prijs' is geen onderdeel van de reputatietempel"):
        rep.score(_scores(prijs=3))
    with pytest.raises(SmmkitError, match="'innovatie' is 0, maar mag niet kleiner zijn dan 1"):
        rep.score(_scores(innovation=0))
    with pytest.raises(SmmkitError, match="als dict"):
        rep.score([3, 4])
