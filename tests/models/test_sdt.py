"""Self-determination needs per platform: validation, profile, comparison with the book's view."""
import pytest

from smmkit.errors import SmmkitError
from smmkit.models import sdt

YT = {"competentie": 5, "autonomie": 3, "verbondenheid": 2}


def test_book_view_follows_the_book_and_is_a_fresh_copy():
    view = sdt.book_view()
    assert set(view) == {"LinkedIn", "YouTube", "Facebook", "Instagram"}
    assert sdt.profile(view).dominant == {
        "LinkedIn": ("autonomie",), "YouTube": ("competentie",),
        "Facebook": ("verbondenheid",), "Instagram": ("verbondenheid",)}
    view["YouTube"]["competentie"] = 1
    assert sdt.book_view()["YouTube"]["competentie"] == sdt.BOOK_HIGH


def test_validate_accepts_aliases_text_numbers_and_orders_needs():
    clean = sdt.validate({" TikTok ": {"relatedness": "4", "autonomy": 2, "Competentie": "3,5"}})
    assert clean == {"TikTok": {"competentie": 3.5, "autonomie": 2, "verbondenheid": 4}}
    assert list(clean["TikTok"]) == list(sdt.NEEDS)


@pytest.mark.parametrize("scores, pattern", [
    ([("YouTube", YT)], "woordenboek.*list"),
    ({}, "nog geen enkel platform"),
    ({"": YT}, "geen naam"),
    ({"YouTube": YT, "youtube": YT}, "'youtube' staat er twee keer in.*'YouTube'"),
    ({"YouTube": 5}, "per behoefte een score"),
    ({"YouTube": {**YT, "plezier": 3}}, "'plezier' is geen behoefte.*competentie, autonomie of verbondenheid"),
    ({"YouTube": {"competentie": 5}}, "ontbreekt een score voor autonomie en verbondenheid"),
    ({"YouTube": {**YT, "autonomie": "veel"}}, "'veel'.*geen getal.*1 tot en met 5"),
    ({"YouTube": {**YT, "autonomie": None}}, "None.*geen getal"),
    ({"YouTube": {**YT, "autonomie": True}}, "geen getal"),
    ({"YouTube": {**YT, "autonomie": 6}}, "is 6, maar de schaal loopt van 1 tot en met 5"),
    ({"YouTube": {**YT, "autonomie": 0}}, "is 0, maar de schaal"),
])
def test_invalid_scores_give_dutch_messages(scores, pattern):
    with pytest.raises(SmmkitError, match=pattern):
        sdt.validate(scores)


def test_profile_dominant_ties_and_best_platform_per_need():
    p = sdt.profile({"YouTube": {"competentie": 4, "autonomie": 4, "verbondenheid": 1},
                     "Facebook": {"competentie": 2, "autonomie": 2, "verbondenheid": 4},
                     "X": {"competentie": 3, "autonomie": 3, "verbondenheid": 3}})
    assert p.dominant == {"YouTube": ("competentie", "autonomie"), "Facebook": ("verbondenheid",), "X": ()}
    assert p.best_platforms == {"competentie": ("YouTube",), "autonomie": ("YouTube",),
                                "verbondenheid": ("Facebook",)}
    assert p.mean["X"] == 3 and p.mean["YouTube"] == 3
    assert p.platforms == ["YouTube", "Facebook", "X"]


def test_compare_with_book_matches_case_insensitively_and_computes_overlap():
    c = sdt.compare({"youtube": {"competentie": 4, "autonomie": 4, "verbondenheid": 2},
                     "TikTok": {"competentie": 3, "autonomie": 3, "verbondenheid": 5}})
    (row,) = c.platforms
    assert row.platform == "youtube" and row.reference == {"competentie": 5, "autonomie": 2, "verbondenheid": 2}
    # |4-5| + |4-2| + |2-2| = 3 points over 3 needs = 1 point; 1 of 4 possible = 75 % overlap
    assert row.difference == 1.0 and row.overlap == 75.0
    assert row.same_focus  # competence is among the learner's top needs too
    assert c.only_own == ("TikTok",)
    assert c.only_reference == ("LinkedIn", "Facebook", "Instagram")
    assert c.overlap == 75.0


def test_identical_profiles_overlap_fully_and_opposite_ones_not_at_all():
    assert sdt.compare(sdt.book_view()).overlap == 100.0
    low = {"A": {"competentie": 1, "autonomie": 1, "verbondenheid": 1}}
    high = {"a": {"competentie": 5, "autonomie": 5, "verbondenheid": 5}}
    c = sdt.compare(low, high)
    assert c.platforms[0].overlap == 0.0 and c.platforms[0].difference == 4.0


def test_compare_with_no_shared_platform():
    c = sdt.compare({"TikTok": YT})
    assert c.platforms == [] and c.overlap is None
    text = " ".join(sdt.describe_comparison(c))
    assert "Geen van je platforms komt voor in het boekbeeld" in text
    assert "LinkedIn, YouTube, Facebook en Instagram" in text


def test_descriptions_in_plain_dutch():
    c = sdt.compare({"LinkedIn": {"competentie": 4, "autonomie": 2, "verbondenheid": 3},
                     "Instagram": {"competentie": 2, "autonomie": 2, "verbondenheid": 5},
                     "Snapchat": {"competentie": 2, "autonomie": 2, "verbondenheid": 2}})
    profile_text = "\n".join(sdt.describe_profile(c.own))
    assert "LinkedIn vervult volgens jou vooral de behoefte aan competentie." in profile_text
    assert "Snapchat vervult volgens jou alle drie behoeften even sterk" in profile_text
    assert "Verbondenheid: het sterkst bij Instagram (score 5)." in profile_text
    compare_text = "\n".join(sdt.describe_comparison(c))
    assert "LinkedIn: jij legt de nadruk op competentie, maar het boek op autonomie." in compare_text
    assert "Instagram: jij legt de nadruk op verbondenheid, het boek op verbondenheid — dezelfde richting." in compare_text
    assert "Het boek zegt niets over Snapchat." in compare_text


def test_nl_number():
    assert sdt.nl_number(83.333) == "83,3" and sdt.nl_number(75.0) == "75" and sdt.nl_number(0.26) == "0,3"
