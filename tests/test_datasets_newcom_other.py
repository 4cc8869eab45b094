"""Newcom's usage figures and the Twitter study (in Kok 2012), and the small figure sets from the other
reference texts: recomputed, with every mismatch asserted as the documented quirk."""
import math

import pandas as pd
import pytest

from smmkit.data import load, metadata


def quirks(name: str) -> str:
    return "\n".join(metadata(name)["quirks"])


def round_half_away(value: float) -> int:
    return int(math.copysign(math.floor(abs(value) + 0.5), value))


def relative_change(new: float, old: float) -> float:
    """The source's own formula (footnote 6): ((new - old) / old) * 100."""
    return (new - old) / old * 100


@pytest.fixture(scope="module")
def usage():
    frame = load("newcom_gebruik")
    wide = frame.pivot(index=["kanaal", "maat"], columns="jaar", values="percentage")
    printed = frame[frame.jaar == 2012].set_index(["kanaal", "maat"])["relatief_verschil"]
    wide["printed"] = printed
    wide["exact"] = [relative_change(new, old) for new, old in zip(wide[2012], wide[2011])]
    return wide


# ---------------------------------------------------------------- Newcom, table 12

def test_relative_change_is_printed_only_on_the_2012_rows():
    frame = load("newcom_gebruik")
    assert frame[frame.jaar == 2011].relatief_verschil.isna().all()
    assert frame[frame.jaar == 2012].relatief_verschil.notna().all()
    assert len(frame) == 20


def test_relative_change_matches_the_printed_formula_within_rounding(usage):
    assert ((usage.exact - usage.printed).abs() < 0.5).all()
    assert all(round_half_away(e) == p for e, p in zip(usage.exact, usage.printed))


def test_exactly_these_rows_are_rounded(usage):
    exact_rows = sorted(i for i, r in usage.iterrows() if r.exact == r.printed)
    assert exact_rows == [("Facebook", "gebruik"), ("Twitter", "gebruik"), ("YouTube", "gebruik")]
    rounded = usage[usage.exact != usage.printed]
    assert len(rounded) == 7
    text = quirks("newcom_gebruik")
    assert "Facebook (45), YouTube (8) en Twitter (25)" in text and "zeven rijen" in text
    hyves = usage.loc[("Hyves", "gebruik")]
    assert round(hyves.exact, 2) == -38.46 and hyves.printed == -38 and "-38,46" in text


def test_hyves_is_the_only_channel_falling_on_both_measures(usage):
    falling = usage[usage[2012] < usage[2011]].reset_index()
    both = falling.groupby("kanaal", observed=True).size()
    assert list(both[both == 2].index) == ["Hyves"]
    hyves = usage.loc["Hyves"]
    assert hyves.loc["gebruik", 2011] - hyves.loc["gebruik", 2012] == 15
    assert "15 procentpunten" in quirks("newcom_gebruik")


def test_points_versus_relative_change(usage):
    yt = usage.loc["YouTube"]
    assert yt.loc["dagelijks gebruik", 2012] - yt.loc["dagelijks gebruik", 2011] == 1
    assert yt.loc["gebruik", 2012] - yt.loc["gebruik", 2011] == 4
    assert yt.loc["dagelijks gebruik", "printed"] == yt.loc["gebruik", "printed"] == 8


def test_prose_youtube_daily_13_differs_from_table_14(usage):
    assert usage.loc[("YouTube", "dagelijks gebruik"), 2012] == 14
    assert usage.loc[("YouTube", "dagelijks gebruik"), 2011] == 13
    assert "13%" in quirks("newcom_gebruik") and "14%" in quirks("newcom_gebruik")
    assert "14%" in quirks("newcom_jongeren") and "13%" in quirks("newcom_jongeren")


def test_daily_use_is_a_share_of_users(usage):
    fb = usage.loc["Facebook"]
    population_share = fb.loc["gebruik", 2012] * fb.loc["dagelijks gebruik", 2012] / 100
    assert round(population_share) == 35 and "35%" in quirks("newcom_gebruik")


# ---------------------------------------------------------------- Newcom, absolute numbers

def test_absolute_numbers_imply_a_varying_population(usage):
    numbers = load("newcom_aantallen").pivot(index="kanaal", columns="maat", values="aantal_miljoen")
    implied = {k: round(numbers.loc[k, "gebruik"] / usage.loc[(k, "gebruik"), 2012] * 100, 1)
               for k in numbers.index}
    assert implied == {"Facebook": 12.6, "YouTube": 12.8, "LinkedIn": 12.3, "Twitter": 12.8, "Hyves": 12.5}
    text = quirks("newcom_aantallen")
    for value in implied.values():
        assert f"{value}".replace(".", ",") in text


def test_absolute_daily_share_differs_most_for_twitter(usage):
    numbers = load("newcom_aantallen").pivot(index="kanaal", columns="maat", values="aantal_miljoen")
    share = (numbers["dagelijks gebruik"] / numbers["gebruik"] * 100).round()
    table = usage.xs("dagelijks gebruik", level="maat")[2012]
    gap = (share - table.reindex(share.index)).abs()
    assert gap.idxmax() == "Twitter" and share["Twitter"] == 47 and table["Twitter"] == 49
    assert "47%" in quirks("newcom_aantallen") and "49%" in quirks("newcom_aantallen")
    assert "2102" in quirks("newcom_aantallen")


def test_youth_hyves_lost_twice_as_many_as_it_kept():
    youth = load("newcom_jongeren").set_index(["kanaal", "maat"])
    former = youth.loc[("Hyves", "vroeger gebruikt, nu niet meer"), "percentage"]
    current = youth.loc[("Hyves", "gebruik"), "percentage"]
    assert former == 2 * current == 60
    approximations = youth.dropna(subset=["verwoording"])
    assert len(approximations) == 3
    assert "twee keer zoveel" in quirks("newcom_jongeren")


def test_followers_of_municipalities_do_not_add_to_100():
    frame = load("newcom_volgers_gemeenten")
    assert frame.percentage.sum() == 58 == metadata("newcom_volgers_gemeenten")["totals"][0]["percentage"]
    assert "58%" in quirks("newcom_volgers_gemeenten")
    volgen = load("newcom_volgen")
    top = volgen[volgen.groep == "Nederlanders van 15 jaar en ouder"].set_index("volgt_online").percentage
    assert top["gemeenten"] == top["artiesten en zangers"] == 16


# ---------------------------------------------------------------- Twitter study

def test_twitter_groups_add_up_to_74():
    frame = load("twitter_onderzoek")
    sizes = frame.drop_duplicates("groep").set_index("groep")["aantal"]
    assert dict(sizes) == {"website": 35, "Twitter": 39}
    assert sizes.sum() == 74 == metadata("twitter_onderzoek")["n"]["totaal"]
    assert sorted(frame.groupby("groep", observed=True).size()) == [2, 2]
    assert list(frame.meting.cat.categories) == ["voor", "na"] and frame.meting.cat.ordered


def test_twitter_figure_5_means_are_documented_as_missing():
    frame = load("twitter_onderzoek")
    assert frame.gemiddeld_cijfer.isna().all()
    assert "figuur 5" in quirks("twitter_onderzoek")


def test_twitter_feedback_effect_is_negative():
    frame = load("twitter_resultaten").set_index("factor")
    assert frame.loc["mogelijkheid tot feedback", "richting"] == "negatief"
    assert frame.loc["mogelijkheid tot feedback", "sterker_ervaren_bij_twitter"] == "nee"
    assert frame.loc["aantal kanalen en cues", "verklaart_waardering"] == "niet onderzocht"
    assert pd.isna(frame.loc["natuurlijk taalgebruik", "richting"])


# ---------------------------------------------------------------- other reference texts

def test_trust_2017_is_a_split_and_2018_is_not():
    frame = load("vertrouwen")
    assert frame[frame.jaar == 2017].percentage.sum() == 100
    assert frame[frame.jaar == 2018].percentage.sum() == 310 and "310%" in quirks("vertrouwen")
    ranking = frame[frame.jaar == 2018].sort_values("percentage", ascending=False).antwoord
    assert list(ranking)[:2] == ["academische expert", "technische expert"]
    assert "Nielsen" in quirks("vertrouwen")


def test_other_seed_sets_are_separate_from_the_survey():
    for name in ("vertrouwen", "adoptie_platforms", "boek_kerncijfers", "kpi_voorbeelden"):
        meta = metadata(name)
        assert meta["group"] == "overig"
        assert "Geen onderdeel van het gemeente-onderzoek" in meta["description"]
        assert all("Kok" not in s["title"] for s in meta["sources"])


def test_platform_time_to_200_million_needs_a_unit_conversion():
    frame = load("adoptie_platforms").set_index(["kanaal", "kenmerk"])
    radio = frame.loc[("radio", "tijd tot 200 miljoen gebruikers")]
    facebook = frame.loc[("Facebook", "tijd tot 200 miljoen gebruikers")]
    assert (radio.eenheid, facebook.eenheid) == ("jaren", "maanden")
    assert radio.waarde * 12 / facebook.waarde == 38
    assert frame.loc[("YouTube", "opgestart"), "waarde"] == 2003 and "2005" in quirks("adoptie_platforms")
    assert frame.loc[("Facebook", "aandeel inwoners dat het kanaal gebruikt"), "waarde"] == 46.81


def test_book_figures_in_words_are_marked():
    frame = load("boek_kerncijfers")
    worded = frame.dropna(subset=["verwoording"])
    assert len(worded) == 4 and "Vier van de zeven" in quirks("boek_kerncijfers")
    assert len(frame) == 7


def test_monthly_follower_growth_compounds_to_80_percent_a_year():
    frame = load("kpi_voorbeelden").set_index("kenmerk")
    monthly = frame.loc["volgersgroei_per_maand", "waarde"] / 100
    yearly = (1 + monthly) ** 12 - 1
    assert round(yearly * 100) == 80 and round(monthly * 12 * 100) == 60
    assert "80% groei per jaar" in quirks("kpi_voorbeelden") and "niet 60%" in quirks("kpi_voorbeelden")
    assert pd.isna(frame.loc["view_through_rate_stijging", "kanaal"])
