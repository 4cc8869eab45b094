import pytest

from smmkit.errors import SmmkitError
from smmkit.models import peso


def test_examples_cover_all_four_types_with_a_reason():
    assert set(peso.EXAMPLES.values()) == set(peso.CATEGORIES)
    for item in peso.EXAMPLES:
        assert peso.REASONS[item].startswith("peso.reason.")


def test_classify_accepts_dutch_names_and_letters_and_skips_empty():
    assert peso.classify({"a": "betaald", "b": "E", "c": "Shared", "d": "", "e": None}) == {
        "a": "paid", "b": "earned", "c": "shared"}


def test_mix_counts_shares_and_missing():
    m = peso.mix({"a": "paid", "b": "paid", "c": "owned", "d": "paid"})
    assert m.counts == {"paid": 3, "earned": 0, "shared": 0, "owned": 1}
    assert m.shares["paid"] == 75.0
    assert m.missing == ("earned", "shared")
    assert "ontbreekt: earned (verdiend), shared (gedeeld)" in m.advice


def test_mix_dominant_and_balanced():
    dominant = peso.mix({"a": "paid", "b": "paid", "c": "paid", "d": "owned", "e": "earned", "f": "shared"})
    assert "paid (betaald) is goed voor 50 %" not in dominant.advice  # 50 % is not more than half
    dominant = peso.mix({"a": "owned", "b": "owned", "c": "owned", "d": "paid", "e": "earned", "f": "shared",
                         "g": "owned"})
    assert "owned (eigen) is goed voor 57 %" in dominant.advice
    assert "geen enkel type overheerst" in peso.mix(dict(zip("abcd", peso.CATEGORIES))).advice
    assert peso.mix({}).total == 0


def test_check_against_examples():
    guesses = {item: answer for item, answer in list(peso.EXAMPLES.items())[:3]}
    wrong_item = list(peso.EXAMPLES)[3]
    guesses[wrong_item] = "paid"
    r = peso.check(guesses)
    assert (r.correct, r.answered, r.total) == (3, 4, 10)
    assert "3 van de 4 ingevulde antwoorden zijn goed" in r.summary and "Nog 6 open" in r.summary
    row = [x for x in r.rows() if x["item"] == wrong_item][0]
    assert row["goed"] is False and row["voorbeeldantwoord"] == "owned"
    assert "website is van de gemeente" in row["uitleg"]


def test_check_with_own_answer_key_uses_general_explanation():
    r = peso.check({"Persbericht": "owned"}, {"Persbericht": "owned"})
    assert r.correct == 1
    assert r.items[0][4] == peso.explain("owned")


def test_errors_in_dutch():
    with pytest.raises(SmmkitError, match="'gratis' is geen geldige keuze voor 'mediatype'"):
        peso.classify({"a": "gratis"})
    with pytest.raises(SmmkitError, match="staat niet in de voorbeeldlijst"):
        peso.check({"Iets anders": "paid"})
    with pytest.raises(SmmkitError, match="dict van uiting naar mediatype"):
        peso.mix(["paid"])


def test_one_rule_user_made_content_is_earned_spreading_is_shared():
    """Issue 11: one rule across the kit. Made by someone else -> earned; the organisation's own content passed
    on by others -> shared; the organisation's own social account -> owned (the book; Dietrich says shared)."""
    assert peso.EXAMPLES["Klant zet een foto van haar verjaardagstaart op Instagram en tagt de bakkerij"] == "earned"
    assert peso.EXAMPLES["Inwoners delen massaal de oproep om vrijwilliger te worden"] == "shared"
    assert peso.EXAMPLES["Video op het eigen YouTube-kanaal van de gemeente"] == "owned"
    assert "klant" in peso.explain("earned") and "jij maakte" in peso.explain("shared")
    assert "Dietrich herself files brand social accounts under *shared*" in peso.__doc__
