"""The world-cities survey (n=72) and the citizens' survey (n=705) from Kok (2012), recomputed.

Each test recomputes what the printed figures allow and asserts that every mismatch found is the one
documented in the dataset's quirks (so a quirk can neither be hidden nor go stale).
"""
import math

import pandas as pd
import pytest

from smmkit.data import load, metadata


def quirks(name: str) -> str:
    return "\n".join(metadata(name)["quirks"])


def pct(part, whole, digits=0):
    """Percentage rounded half away from zero, the way printed tables round."""
    value = part / whole * 100 * 10**digits
    return math.floor(value + 0.5) / 10**digits


def by(frame, column):
    return frame.set_index(column)


# ---------------------------------------------------------------- world cities

def test_world_response_adds_up_to_72_only_with_the_unnamed_cities():
    frame = by(load("wereldsteden_respons"), "werelddeel")
    named = frame.drop(index="onbekend")["aantal"].sum()
    assert named == 69
    assert frame.loc["onbekend", "aantal"] == 3
    assert frame["aantal"].sum() == 72 == metadata("wereldsteden_respons")["totals"][0]["aantal"]
    assert "69" in quirks("wereldsteden_respons") and "(3)" in quirks("wereldsteden_respons")


def test_world_channel_percentages_match_counts_except_twitter():
    frame = by(load("wereldsteden_kanalen"), "kanaal")
    off = []
    for kanaal, row in frame.iterrows():
        decimals = 0 if float(row.percentage).is_integer() else 1
        if pct(row.aantal, 72, decimals) != row.percentage:
            off.append((kanaal, pct(row.aantal, 72, 1), row.percentage))
    assert off == [("Twitter", 94.4, 94.5)]
    assert "94,4" in quirks("wereldsteden_kanalen") and "94,5" in quirks("wereldsteden_kanalen")


def test_world_channels_are_multiple_answers():
    frame = load("wereldsteden_kanalen")
    assert round(frame.percentage.sum(), 1) == 395.8
    assert frame.aantal.sum() == 285
    assert "395,8" in quirks("wereldsteden_kanalen") and "285" in quirks("wereldsteden_kanalen")


def test_world_ranking_is_dense_as_printed():
    frame = by(load("wereldsteden_kanalen"), "kanaal")
    assert frame.loc["Foursquare", "plaats"] == frame.loc["Google+", "plaats"] == 5
    assert frame.loc["LinkedIn", "plaats"] == 6
    assert pd.isna(frame.loc["Pinterest", "plaats"])
    competition_rank = int((frame.aantal > frame.loc["LinkedIn", "aantal"]).sum()) + 1
    assert competition_rank == 7 and "zevende" in quirks("wereldsteden_kanalen")


def test_world_purposes_with_only_a_percentage_imply_counts():
    frame = by(load("wereldsteden_doelen"), "doel")
    implied = {doel: round(row.percentage * 72 / 100) for doel, row in frame.iterrows()
               if pd.isna(row.aantal) and pd.notna(row.percentage)}
    assert implied == {"burgers informeren": 68, "informatie sturen": 64}
    for doel, count in implied.items():
        assert pct(count, 72, 1) == frame.loc[doel, "percentage"]
        assert str(count) in quirks("wereldsteden_doelen")
    both = frame.dropna(subset=["aantal", "percentage"])
    assert all(pct(r.aantal, 72, 1) == r.percentage for r in both.itertuples())


def test_world_self_grades_do_not_explain_the_mean():
    frame = load("wereldsteden_cijfers")
    known = frame.dropna(subset=["aantal"])
    assert list(known.cijfer) == [6, 7, 8, 9] and known.aantal.sum() == 52
    total_known = (known.cijfer * known.aantal).sum()
    assert total_known == 385 and round(total_known / 52, 2) == 7.40
    core = by(load("wereldsteden_kerncijfers"), "kenmerk")["waarde"]
    mean, n = core["cijfer_gemiddeld"], core["cijfer_n"]
    assert (mean, n) == (6.62, 71)
    rest_sum = mean * n - total_known
    rest_mean = rest_sum / (n - 52)
    assert round(rest_sum) == 85 and round(rest_mean, 1) == 4.5 and rest_mean < 6
    text = quirks("wereldsteden_cijfers")
    assert "7,40" in text and "385/52" in text and "4,5" in text and "19" in text
    eight = frame.set_index("cijfer").loc[8]
    assert pct(eight.aantal, 71, 1) == eight.percentage == 29.6
    assert pct(eight.aantal, 72, 1) != eight.percentage


@pytest.mark.parametrize("onderwerp, key, denominator", [
    ("socialmediastrategie", "strategie", 71), ("socialmediabeleid voor medewerkers", "beleid", 68),
    ("webcareteam", "webcare", 66), ("behoefte aan wereldwijd netwerk", "netwerk", 71)])
def test_world_organisation_questions_each_have_their_own_denominator(onderwerp, key, denominator):
    frame = load("wereldsteden_organisatie")
    yes = frame[(frame.onderwerp == onderwerp) & (frame.antwoord == "ja")].iloc[0]
    assert round(yes.aantal / yes.percentage * 100) == denominator
    assert f"van {denominator}" in quirks("wereldsteden_organisatie")
    assert metadata("wereldsteden_organisatie")["n"][key] == denominator
    for row in frame[(frame.onderwerp == onderwerp)].dropna(subset=["percentage"]).itertuples():
        assert pct(row.aantal, denominator, 1) == row.percentage


def test_world_webcare_closes_exactly():
    frame = load("wereldsteden_organisatie")
    webcare = frame[frame.onderwerp == "webcareteam"]
    assert webcare.aantal.sum() == 66 and webcare.aantal.notna().all()
    assert "40 + 13 + 13 = 66" in quirks("wereldsteden_organisatie")


def test_world_staff_percentages_use_72_while_counts_add_to_70():
    frame = load("wereldsteden_medewerkers")
    assert frame.aantal.sum() == 70 and frame.percentage.sum() == 97
    assert all(pct(r.aantal, 72) == r.percentage for r in frame.itertuples())
    assert not all(pct(r.aantal, 70) == r.percentage for r in frame.itertuples())
    totals = metadata("wereldsteden_medewerkers")["totals"][0]
    assert (totals["aantal"], totals["percentage"]) == (70, 97)
    assert "70" in quirks("wereldsteden_medewerkers") and "97%" in quirks("wereldsteden_medewerkers")


def test_world_advantages_and_disadvantages_imply_60_and_55_respondents():
    frame = load("wereldsteden_voor_nadelen")
    world = frame[frame.groep == "wereldsteden"]
    dutch = frame[frame.groep == "Nederlandse gemeenten"]
    assert len(world) == len(dutch) == 10 and dutch.aantal.isna().all() and world.aantal.notna().all()
    assert set(dutch.jaar) == {2011} and set(world.jaar) == {2012}
    for soort, denominator in (("voordeel", 60), ("nadeel", 55)):
        rows = world[world.soort == soort]
        assert all(pct(r.aantal, denominator) == r.percentage for r in rows.itertuples()), soort
        assert f"ongeveer {denominator}" in quirks("wereldsteden_voor_nadelen")
    for (soort, groep), rows in frame.groupby(["soort", "groep"], observed=True):
        assert list(rows.plaats) == [1, 2, 3, 4, 5]
        assert rows.percentage.is_monotonic_decreasing
    tie = dutch[(dutch.soort == "nadeel") & dutch.plaats.isin([2, 3])]
    assert tie.percentage.nunique() == 1 and "9%" in quirks("wereldsteden_voor_nadelen")


def test_world_core_figures_add_up():
    core = by(load("wereldsteden_kerncijfers"), "kenmerk")["waarde"]
    skipped = core["inwonersvraag_overgeslagen"]
    answered = core["inwonersvraag_beantwoord"]
    assert skipped + answered == core["steden_deelgenomen"] == 72
    assert core["steden_zonder_naam"] == 3
    assert core["inwonersvraag_facebook"] <= core["inwonersvraag_beantwoord"]
    assert core["inwoners_kleinste_stad"] < core["inwoners_gemiddeld"] < core["inwoners_grootste_stad"]


# ---------------------------------------------------------------- citizens

def test_age_table_recomputes_exactly():
    frame = load("burgers_leeftijd")
    total = metadata("burgers_leeftijd")["totals"][0]
    assert frame.aantal.sum() == total["aantal"] == 705
    assert frame.percentage.sum() == total["percentage"] == 100
    assert all(pct(r.aantal, 705) == r.percentage for r in frame.itertuples())
    assert frame.leeftijdsgroep.cat.ordered
    assert list(frame.sort_values("leeftijdsgroep").leeftijdsgroep)[:4] == ["18-29", "30-39", "40-49", "50+"]


def test_non_users_differ_between_two_questions():
    kanalen = load("burgers_kanalen")
    contact = by(load("burgers_contact"), "antwoord")
    geen = kanalen[(kanalen.kanaal == "geen sociale media") & (kanalen.leeftijdsgroep == "alle leeftijden")]
    assert geen.aantal.iloc[0] == 18 and contact.loc["nee, ik gebruik geen sociale media", "aantal"] == 74
    for name in ("burgers_kanalen", "burgers_contact"):
        assert "18" in quirks(name) and "74" in quirks(name)


def test_channels_used_sum_to_about_three_per_person():
    frame = load("burgers_kanalen")
    totals = frame[(frame.leeftijdsgroep == "alle leeftijden") & (frame.soort_antwoord == "antwoordoptie")
                   & (frame.kanaal != "geen sociale media")]
    assert totals.percentage.sum() == 268
    assert round(totals.percentage.sum() / 100, 1) == 2.7
    core = by(load("burgers_kerncijfers"), "kenmerk")["waarde"]
    assert core["kanalen_gemiddeld"] == 3
    assert "268%" in quirks("burgers_kanalen") and "2,7" in quirks("burgers_kanalen")
    anders = totals.set_index("kanaal").loc["anders"]
    assert pct(anders.aantal, 705) == anders.percentage


def test_preferences_at_total_level_match_705():
    frame = load("burgers_voorkeur")
    exact = frame[(frame.basis == "alle respondenten")].dropna(subset=["aantal", "percentage"])
    assert len(exact) == 7
    assert all(pct(r.aantal, 705) == r.percentage for r in exact.itertuples())


def test_preferences_by_age_use_an_unprinted_denominator():
    frame = load("burgers_voorkeur")
    ages = by(load("burgers_leeftijd"), "leeftijdsgroep")["aantal"]
    rows = frame[(frame.basis == "leeftijdsgroep")].dropna(subset=["aantal"])
    found = {}
    for r in rows.itertuples():
        if pct(r.aantal, ages[r.leeftijdsgroep]) != r.percentage:
            found[r.leeftijdsgroep] = (pct(r.aantal, ages[r.leeftijdsgroep]), round(r.aantal / r.percentage * 100))
    assert found == {"40-49": (32, 171), "50+": (30, 184)}
    text = quirks("burgers_voorkeur")
    assert "58/179" in text and "59 van 194" in text and "171" in text and "184" in text


def test_email_and_website_counts_repeat_across_both_questions():
    frame = load("burgers_voorkeur")
    extra = frame[frame.soort_antwoord == "genoemd bij anders"]
    counts = extra.pivot(index="kanaal", columns="doel", values="aantal")
    assert (counts["communiceren"] == counts["informatie ontvangen"]).all()
    assert dict(counts["communiceren"]) == {"e-mail": 106, "website": 57}
    anders = frame[(frame.doel == "communiceren") & (frame.kanaal == "anders")
                   & (frame.leeftijdsgroep == "alle leeftijden")].aantal.iloc[0]
    assert pct(106, anders) == 65 and "106/164" in quirks("burgers_voorkeur")


def test_contact_rounded_percentages_sum_to_97_not_96():
    frame = load("burgers_contact")
    answered = frame.dropna(subset=["aantal"])
    assert answered.percentage.sum() == 97 and answered.aantal.sum() == 679
    assert all(pct(r.aantal, 705) == r.percentage for r in answered.itertuples())
    assert pct(679, 705) == metadata("burgers_contact")["totals"][0]["percentage"] == 96
    assert frame.percentage.sum() == 101
    no_answer = frame.set_index("antwoord").loc["geen antwoord"]
    assert pd.isna(no_answer.aantal) and pct(705 - 679, 705) == no_answer.percentage
    text = quirks("burgers_contact")
    assert "97%" in text and "101%" in text and "705 - 679 = 26" in text


def test_topics_only_taxes_disagree_with_the_count():
    frame = load("burgers_onderwerpen")
    everyone = frame[(frame.basis == "alle respondenten")].dropna(subset=["aantal"])
    off = [(r.onderwerp, pct(r.aantal, 705, 1), r.percentage) for r in everyone.itertuples()
           if pct(r.aantal, 705) != r.percentage]
    assert off == [("gemeentelijke belastingen en subsidies", 28.4, 29)]
    assert "28,4%" in quirks("burgers_onderwerpen")


def test_topics_other_group_is_the_base_for_its_explanations():
    frame = by(load("burgers_onderwerpen"), "onderwerp")
    anders_share = frame.loc["anders", "percentage"]
    no_contact = frame.loc["wil geen contact met de gemeente"]
    group = no_contact.aantal / no_contact.percentage * 100
    assert group == 120 and pct(group, 705) == anders_share
    assert "120" in quirks("burgers_onderwerpen")


def test_citizen_core_figures():
    core = by(load("burgers_kerncijfers"), "kenmerk")["waarde"]
    assert core["respondenten"] == 705 == load("burgers_leeftijd").aantal.sum()
    places = core["woonplaatsen_nederland"] + core["woonplaatsen_belgie"] + core["woonplaatsen_engeland"]
    assert places == 213 and "212" in quirks("burgers_kerncijfers")
    assert pct(core["respondenten_amsterdam"], 705) == 17
