import pytest

from smmkit.errors import SmmkitError
from smmkit.models import smart

GOOD = ("Het webcareteam van de gemeente wil het aantal volgers op Instagram onder jongeren laten groeien "
        "van 1.200 naar 1.500 voor 1 juli 2026.")


def test_a_complete_goal_passes_all_judged_letters():
    r = smart.check(GOOD)
    assert r.missing == ()
    assert all(r.letters[L].ok for L in "SMAT")
    assert r.letters["R"].ok is None and "Beoordeel dit zelf" in r.letters["R"].reason
    assert "S, M, A en T zijn aanwezig" in r.summary and "beoordeel je zelf" in r.summary


def test_vague_goal_misses_everything():
    r = smart.check("Meer volgers")
    assert r.missing == ("S", "M", "A", "T")
    assert "te kort" in r.letters["S"].reason
    assert "Ontbreekt: S (specifiek), M (meetbaar)" in r.summary


@pytest.mark.parametrize("goal, missing", [
    ("Het team wil meer volgers op Instagram onder jongeren, nu 1.200, voor 1 juli 2026.", ("M",)),
    ("Het team wil van 1.200 naar 1.500 volgers op Instagram onder jongeren.", ("T",)),
    ("Het team wil het aantal likes van 1.200 naar 1.500 laten groeien voor eind 2026 met mooie posts.", ("S",)),
    ("Meer volgers op Instagram onder jongeren: van 1.200 naar 1.500 voor 1 juli 2026.", ("A",)),
    ("Het team wil 1.500 volgers op Instagram onder jongeren voor 1 juli 2026.", ("M",)),
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


def test_realistic_is_left_to_the_learner_with_the_growth_as_information():
    """Issue #19: the kit's own '> 100 % growth is unrealistic' rule failed a realistic 50 -> 300 goal."""
    r = smart.check("Het socialmediateam wil van 50 naar 300 volgers op LinkedIn onder ondernemers groeien "
                    "voor eind 2026.")
    assert r.missing == () and r.letters["R"].ok is None
    assert "groei van 500 %" in r.letters["R"].reason


def test_we_or_the_municipality_names_no_owner():
    """Issue #19: 'We willen dat 100 % van de inwoners ons kent' passed all five letters."""
    r = smart.check("We willen dat 100 % van de inwoners ons kent via Instagram voor eind 2026, vergeleken met nu.")
    assert r.missing == ("A",)
    assert "'We' of 'de gemeente'" in r.letters["A"].reason
    assert "Honderd procent" in r.letters["R"].reason
    assert smart.check("De gemeente wil van 400 naar 600 volgers op Instagram onder jongeren voor 1 juli 2026.").missing == ("A",)


@pytest.mark.parametrize("goal", [
    "Het webcareteam wil van 1.200 naar 1.800 meldingen via de app onder inwoners voor eind 2026.",
    "De afdeling Publiekszaken wil het aantal online aanvragen onder inwoners laten groeien van 300 naar 450 in 2026.",
    "Het marketingteam wil van 2.000 naar 3.000 bezoekers op de website uit Instagram halen binnen 6 maanden.",
])
def test_everyday_units_and_dutch_thousands_are_measurable(goal):
    assert smart.check(goal).letters["M"].ok, smart.check(goal).letters["M"].reason


def test_a_target_without_a_baseline_is_not_yet_measurable():
    r = smart.check("Het webcareteam wil 600 volgers op Instagram onder jongeren voor 1 juli 2026.")
    assert r.missing == ("M",) and "geen nulmeting" in r.letters["M"].reason


def test_dutch_thousands_and_euro_amounts():
    r = smart.check("De bakkerij wil binnen 3 maanden € 2.000 omzet via Instagram bij klanten, nu € 1.500.")
    assert r.letters["M"].ok and r.letters["T"].ok and r.letters["R"].ok is None


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
    assert smart.check("Eind dit jaar hebben we 500 nieuwe volgers op LinkedIn.").missing == ("M", "A")
