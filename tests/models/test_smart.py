import pytest

from smmkit.errors import SmmkitError
from smmkit.models import smart

GOOD = ("Het webcareteam van de gemeente wil het aantal volgers op Instagram onder jongeren laten groeien "
        "van 1.200 naar 1.500 voor 1 juli 2026.")


def test_a_complete_goal_passes_all_letters():
    r = smart.check(GOOD)
    assert r.missing == ()
    assert all(c.ok for c in r.letters.values())
    assert "Alle vijf de letters" in r.summary


def test_vague_goal_misses_everything():
    r = smart.check("Meer volgers")
    assert r.missing == ("S", "M", "A", "R", "T")
    assert "te kort" in r.letters["S"].reason
    assert "Ontbreekt: S (specifiek), M (meetbaar)" in r.summary


@pytest.mark.parametrize("goal, missing", [
    ("Het team wil meer volgers op Instagram onder jongeren, nu 1.200, voor 1 juli 2026.", ("M",)),
    ("Het team wil van 1.200 naar 1.500 volgers op Instagram onder jongeren.", ("T",)),
    ("Wij willen het aantal likes van 1.200 naar 1.500 laten groeien voor eind 2026 met mooie posts.", ("S",)),
    ("Meer volgers op Instagram onder jongeren: van 1.200 naar 1.500 voor 1 juli 2026.", ("A",)),
    ("Het team wil 1.500 volgers op Instagram onder jongeren voor 1 juli 2026.", ("R",)),
])
def test_each_letter_can_be_the_missing_one(goal, missing):
    assert smart.check(goal).missing == missing


def test_numbers_in_dates_do_not_count_as_measure():
    r = smart.check("Het team wil meer bezoekers op de website voor 1 juli 2026.")
    assert not r.letters["M"].ok


def test_per_month_is_a_rhythm_not_a_deadline():
    r = smart.check("We willen 5% groei in volgers op Facebook per maand.")
    assert not r.letters["T"].ok
    assert "ritme, geen einddatum" in r.letters["T"].reason


def test_steep_growth_is_not_realistic():
    r = smart.check("Wij willen van 100 naar 400 volgers op TikTok bij jongeren in 2026.")
    assert r.missing == ("R",)
    assert "groei van 300 %" in r.letters["R"].reason
    r = smart.check("Wij willen 250 % groei in volgers op TikTok ten opzichte van vorig jaar, binnen 6 maanden.")
    assert "meer dan 100 %" in r.letters["R"].reason


def test_dutch_thousands_and_euro_amounts():
    r = smart.check("De bakkerij wil binnen 3 maanden € 2.000 omzet via Instagram bij klanten, nu € 1.500.")
    assert r.letters["M"].ok and r.letters["T"].ok and r.letters["R"].ok


def test_compose_from_fields_and_check():
    fields = {"wie": "Het webcareteam", "wat": "wil meer vragen via WhatsApp beantwoorden",
              "doelgroep": "inwoners", "kanaal": "WhatsApp", "nulmeting": "40", "doelwaarde": "60",
              "eenheid": "vragen per week", "deadline": "voor 1 juni 2026"}
    text = smart.compose(fields)
    assert text == ("Het webcareteam wil meer vragen via WhatsApp beantwoorden bij inwoners via WhatsApp "
                    "van 40 naar 60 vragen per week voor 1 juni 2026.")
    assert smart.check_fields(fields).missing == ()
    assert smart.check_fields({"wat": "meer likes"}).missing != ()


def test_rows_for_csv():
    rows = smart.check(GOOD).rows()
    assert [r["letter"] for r in rows] == list("SMART")
    assert rows[3]["naam"] == "realistisch"


def test_errors_in_dutch():
    with pytest.raises(SmmkitError, match="Het doel is leeg"):
        smart.check("   ")
    with pytest.raises(SmmkitError, match="als tekst tussen aanhalingstekens"):
        smart.check(42)
    with pytest.raises(SmmkitError, match="'budget' is geen veld"):
        smart.compose({"budget": "100"})


def test_comparison_with_an_earlier_period_counts_as_baseline():
    goal = ("In Q3 2026 wil de gemeente 20% meer inwoners bereiken via Instagram dan in Q2, "
            "afgestemd met de afdeling communicatie.")
    assert smart.check(goal).missing == ()
    assert smart.check("Eind dit jaar hebben we 500 nieuwe volgers op LinkedIn.").missing == ("R",)
