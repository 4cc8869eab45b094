import pytest

from smmkit.errors import SmmkitError
from smmkit.models import honeycomb as hc


def test_seven_blocks_in_kietzmann_order():
    assert hc.BLOCKS == ("identity", "conversations", "sharing", "presence", "relationships", "reputation", "groups")
    assert [hc.label(b) for b in hc.BLOCKS][:3] == ["identiteit", "conversaties", "delen"]


def test_every_preset_is_a_valid_profile():
    for name in hc.PRESETS:
        assert set(hc.validate(hc.preset(name))) == set(hc.BLOCKS)


def test_preset_is_a_copy_and_case_insensitive():
    p = hc.preset("linkedin")
    p["identity"] = 0
    assert hc.PRESETS["LinkedIn"]["identity"] == 5


def test_compare_differences_and_largest():
    a = {b: 3 for b in hc.BLOCKS}
    b = dict(a, sharing=5, identity=0, groups=2)
    c = hc.compare(a, b, "Gemeente-account", "Bakkerij-account")
    assert c.differences["sharing"] == -2
    assert c.differences["identity"] == 3
    assert c.largest == ("identity", "sharing", "groups")
    assert "identiteit: Gemeente-account scoort 3 punten hoger dan Bakkerij-account" in c.summary
    assert "delen: Bakkerij-account scoort 2 punten" in c.summary
    assert "Gelijk op: conversaties" in c.summary


def test_rows_for_csv():
    c = hc.compare(hc.preset("LinkedIn"), hc.preset("TikTok"), "LinkedIn", "TikTok")
    rows = c.rows()
    assert len(rows) == 7
    assert rows[0] == {"bouwsteen": "identiteit", "LinkedIn": 5.0, "TikTok": 2.0, "verschil": 3.0}


def test_equal_profiles_say_so():
    a = hc.preset("YouTube")
    c = hc.compare(a, dict(a), "YouTube", "Kopie")
    assert c.largest == ()
    assert "precies hetzelfde profiel" in c.summary


def test_strongest_block_ties():
    assert hc.strongest(hc.preset("LinkedIn")) == ["identity", "relationships"]


def test_text_scores_with_decimal_comma():
    s = hc.validate({**{b: 1 for b in hc.BLOCKS}, "presence": "2,5"})
    assert s["presence"] == 2.5


def test_errors_in_dutch():
    full = {b: 3 for b in hc.BLOCKS}
    with pytest.raises(SmmkitError, match="geen voorbeeldscores.*Kies uit: LinkedIn"):
        hc.preset("Hyves")
    with pytest.raises(SmmkitError, match="'likes' is geen bouwsteen"):
        hc.validate({**full, "likes": 2})
    with pytest.raises(SmmkitError, match="ontbreekt een score voor: groepen"):
        hc.validate({b: 3 for b in hc.BLOCKS[:-1]})
    with pytest.raises(SmmkitError, match="niet groter zijn dan 5"):
        hc.validate({**full, "sharing": 7})
    with pytest.raises(SmmkitError, match="verwacht ik een getal"):
        hc.validate({**full, "sharing": "veel"})
    with pytest.raises(SmmkitError, match="Beide platformen heten 'X'"):
        hc.compare(full, full, "X", "x")
    with pytest.raises(SmmkitError, match="woordenboek"):
        hc.validate([1, 2, 3])


def test_rank_for_goal_accepts_dutch_and_english_names_and_sums_scores():
    ranking = hc.rank_for_goal(["delen", "Conversations", "AANWEZIGHEID"])
    expected = {name: s["sharing"] + s["conversations"] + s["presence"] for name, s in hc.PRESETS.items()}
    assert dict(ranking) == expected
    assert [score for _, score in ranking] == sorted(expected.values(), reverse=True)


def test_rank_for_goal_names_valid_blocks_on_a_typo():
    with pytest.raises(SmmkitError, match=r"'deeln' is geen bouwsteen.*delen"):
        hc.rank_for_goal(["deeln"])
    with pytest.raises(SmmkitError, match="als lijst"):
        hc.rank_for_goal("delen")
