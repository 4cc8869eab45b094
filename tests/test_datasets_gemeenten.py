"""The municipal survey 2011/2012 (Kok, 2012): figures recomputed, and every known quirk of the print
asserted as documented, not hidden.

Each quirk test checks two things: the data show the quirk, and the documentation names it.
"""
import functools
import math

import pandas as pd
import pytest

from smmkit.data import load, metadata

PRINTED_2012 = 221  # municipalities in the 2012 survey (table 1 total, heads of tables 4, 7-10)


def rounds_to(value: float, printed: float) -> bool:
    """True when ``value`` rounds (half up, on whole percents) to the printed figure."""
    return math.floor(value + 0.5) == printed


def quirk(name: str, *needles: str) -> str:
    """The documented quirk of dataset ``name`` that mentions all ``needles``; fails when none does."""
    found = [q for q in metadata(name)["quirks"] if all(n in q for n in needles)]
    assert found, f"{name}: geen eigenaardigheid gedocumenteerd met {needles}"
    return found[0]


@functools.cache
def _kerncijfers() -> pd.DataFrame:
    return load("gemeenten_kerncijfers")


def key(kenmerk: str, jaar: int = 2012) -> float:
    """One figure from the prose (dataset gemeenten_kerncijfers)."""
    frame = _kerncijfers()
    row = frame[(frame.kenmerk == kenmerk) & (frame.jaar == jaar)]
    assert len(row) == 1, kenmerk
    return row.waarde.iloc[0]


def percentage_mismatches(frame: pd.DataFrame, base, label_cols) -> set:
    """Rows whose printed percentage is not the count over ``base`` rounded (base may be a Series)."""
    computed = 100 * frame["aantal"] / base
    bad = set()
    for idx, row in frame.iterrows():
        if pd.isna(row["aantal"]):
            continue
        if not rounds_to(computed[idx], row["percentage"]):
            bad.add(tuple(row[c] for c in label_cols))
    return bad


# ---------------------------------------------------------------- table 1

def test_respons_percentages_and_totals():
    frame = load("gemeenten_respons")
    total = metadata("gemeenten_respons")["totals"][0]
    assert frame.aantal_gereageerd.sum() == total["aantal_gereageerd"] == PRINTED_2012
    assert frame.aantal_gemeenten.sum() == total["aantal_gemeenten"] == 420
    assert rounds_to(100 * total["aantal_gereageerd"] / total["aantal_gemeenten"], total["percentage"])
    computed = 100 * frame.aantal_gereageerd / frame.aantal_gemeenten
    assert all(rounds_to(c, p) for c, p in zip(computed, frame.percentage))
    quirk("gemeenten_respons", "kloppen de percentages wel")


def test_respons_rate_rises_with_size_but_count_does_not():
    frame = load("gemeenten_respons").sort_values("grootteklasse")
    assert frame.percentage.is_monotonic_increasing
    assert frame.aantal_gereageerd.idxmax() == frame.index[frame.grootteklasse == "10.000 - 50.000"][0]
    quirk("gemeenten_respons", "hoe groter de gemeente", "153")


def test_respons_2011_percentage_does_not_fit_420_municipalities():
    aantal, pct = key("gemeenten_gereageerd", 2011), key("percentage_gereageerd", 2011)
    assert (aantal, pct) == (284, 79)
    assert rounds_to(100 * aantal / 420, 68) and not rounds_to(100 * aantal / 420, pct)
    assert round(aantal / (pct / 100), -1) == 360
    quirk("gemeenten_respons", "284", "79%", "68%", "360")


# ---------------------------------------------------------------- table 2

def test_top10_ranking():
    frame = load("gemeenten_top10")
    y12 = frame[frame.jaar == 2012].set_index("gemeente")
    y11 = frame[frame.jaar == 2011].set_index("gemeente")
    assert len(y12) == len(y11) == 10
    assert y12.score.max() == 145 and y12.score.idxmax() == "Hoorn"
    # standard competition ranking: a place equals 1 + the number of municipalities with a higher score
    for gemeente, row in y12.iterrows():
        assert row.plaats == 1 + (y12.score > row.score).sum()
    assert sorted(y12.plaats.unique()) == [1, 2, 3, 5, 6, 7]
    assert (y12.plaats == 7).sum() == 4 and (y12.plaats == 3).sum() == 2
    assert y11.score.isna().all()
    quirk("gemeenten_top10", "Gedeelde plaatsen", "plaats 4 ontbreekt")


def test_top10_max_score_and_tie_in_2011():
    frame = load("gemeenten_top10")
    parts = [key(k) for k in ("max_score_aanwezigheid", "max_score_volgers", "max_score_gebruik")]
    assert sum(parts) == key("max_score_totaal") == 230
    field = next(f for f in metadata("gemeenten_top10")["schema"]["fields"] if f["name"] == "score")
    assert field["constraints"]["maximum"] == 230
    assert round(100 * frame.score.max() / 230) == 63
    y11 = frame[frame.jaar == 2011].set_index("gemeente").plaats
    assert y11["Boxtel"] == y11["Hoogeveen"] == 8
    quirk("gemeenten_top10", "40 + 120 + 70 = 230", "63%")
    quirk("gemeenten_top10", "Boxtel en Hoogeveen")


def test_top10_veghel_missing_in_2011_and_risers():
    frame = load("gemeenten_top10")
    wide = frame.pivot(index="gemeente", columns="jaar", values="plaats")
    assert pd.isna(wide.loc["Veghel", 2011]) and wide[2011].isna().sum() == 1
    rise = (wide[2011] - wide[2012]).dropna().sort_values(ascending=False)
    assert rise.index[0] == "Borsele" and rise.iloc[0] == 107
    assert rise["Lopik"] == 96
    assert sorted(wide.index[wide[2011] <= 10]) == ["Boxtel", "Hoogeveen", "Hoorn", "Leerdam"]
    quirk("gemeenten_top10", "Veghel", "streepje")
    quirk("gemeenten_top10", "Borsele", "107")
    quirk("gemeenten_top10", "Vier gemeenten")


# ---------------------------------------------------------------- table 3

def test_kanalen_percentage_points_not_percent():
    wide = load("gemeenten_kanalen").pivot(index="kanaal", columns="jaar", values="percentage")
    assert wide.loc["Twitter", 2012] - wide.loc["Twitter", 2011] == 20
    assert round(100 * (wide.loc["Twitter", 2012] / wide.loc["Twitter", 2011] - 1)) == 27
    quirk("gemeenten_kanalen", "20 procentpunten", "27%")


def test_kanalen_all_rise_except_hyves_and_facebook_more_than_doubles():
    wide = load("gemeenten_kanalen").pivot(index="kanaal", columns="jaar", values="percentage").dropna()
    fallen = wide.index[wide[2012] < wide[2011]].tolist()
    assert fallen == ["Hyves"]
    assert round(wide.loc["Facebook", 2012] / wide.loc["Facebook", 2011], 1) == 2.6
    missing = load("gemeenten_kanalen").query("jaar == 2011 and percentage.isna()", engine="python")
    assert sorted(missing.kanaal) == ["Google+", "Pinterest"]
    quirk("gemeenten_kanalen", "behalve Hyves")
    quirk("gemeenten_kanalen", "2,6 keer")
    quirk("gemeenten_kanalen", "Google+ en Pinterest", "streepje")


# ---------------------------------------------------------------- table 4

def test_doelen_rows_do_not_all_add_up_to_221():
    frame = load("gemeenten_doelen")
    sums = frame.groupby("doel", sort=False).aantal.sum().to_dict()
    assert sums == {"burgers informeren": 221, "reageren": 220, "interactie": 221, "crisiscommunicatie": 219,
                    "weten wat er speelt": 221, "pers volgen": 219, "reageren op pers": 220}
    quirk("gemeenten_doelen", "'reageren' en 'reageren op pers' tellen op tot 220",
          "'crisiscommunicatie' en 'pers volgen' tot 219")


def test_doelen_percentages_against_counts():
    frame = load("gemeenten_doelen")
    on_221 = percentage_mismatches(frame, PRINTED_2012, ["doel", "antwoord"])
    assert on_221 == {("burgers informeren", "niet of nauwelijks"),
                      ("crisiscommunicatie", "niet of nauwelijks"),
                      ("reageren op pers", "niet of nauwelijks")}
    # the row sums as denominators do not explain the mismatches either
    row_sums = frame.groupby("doel").aantal.transform("sum")
    assert len(percentage_mismatches(frame, row_sums, ["doel", "antwoord"])) >= 3
    pct_sums = frame.groupby("doel").percentage.sum()
    assert set(pct_sums) == {99, 100, 101}
    quirk("gemeenten_doelen", "15,4%", "16%", "8,6%", "8%")
    quirk("gemeenten_doelen", "99, 100 of 101")


def test_doelen_135_printed_as_62_but_61_in_the_text():
    frame = load("gemeenten_doelen").set_index(["doel", "antwoord"])
    row = frame.loc[("reageren op pers", "niet of nauwelijks")]
    assert (row.aantal, row.percentage) == (135, 62)
    assert key("niet_reageren_op_pers_pct") == 61
    assert rounds_to(100 * 135 / PRINTED_2012, 61)
    quirk("gemeenten_doelen", "135", "62%", "61%")
    quirk("gemeenten_kerncijfers", "61%", "62%", "135")


def test_doelen_interaction_95_and_crisis_71_vs_70():
    frame = load("gemeenten_doelen").set_index(["doel", "antwoord"])
    assert tuple(frame.loc[("interactie", "niet of nauwelijks"), ["aantal", "percentage"]]) == (95, 43)
    assert frame.loc[("crisiscommunicatie", "regelmatig tot vaak"), "percentage"] == 71
    assert key("doel_crisiscommunicatie") == 70
    assert frame.loc[("reageren op pers", "regelmatig tot vaak"), "percentage"] == key("doel_reageren_op_pers")
    quirk("gemeenten_doelen", "95 keer", "niet of nauwelijks")
    quirk("gemeenten_doelen", "71%", "70%")


def test_doelen_answer_scale_is_ordered():
    frame = load("gemeenten_doelen")
    assert list(frame.antwoord.cat.categories) == ["niet of nauwelijks", "soms", "regelmatig tot vaak"]
    assert frame.antwoord.cat.ordered
    assert (frame[frame.antwoord >= "soms"].antwoord != "niet of nauwelijks").all()


# ---------------------------------------------------------------- table 5 and 6

def test_gebruikers_far_higher_than_2011_despite_the_text():
    wide = load("gemeenten_gebruikers").pivot(index="groep", columns="jaar", values="percentage")
    assert (wide[2012] > wide[2011]).all()
    assert wide[2012].idxmax() == wide[2011].idxmax() == "communicatie"
    assert wide[2012].idxmin() == wide[2011].idxmin() == "MT/directie"
    assert list(wide[2012].sort_values().index) != list(wide[2011].sort_values().index)
    quirk("gemeenten_gebruikers", "overeenkomen met 2011", "16%", "66%")


def test_bewoners_kanalen_estimates():
    frame = load("gemeenten_bewoners_kanalen").set_index("kanaal").percentage
    assert frame["Hyves"] == 30.49 and frame["Twitter"] == 31.47
    assert frame.idxmax() == "Facebook" and frame.sort_values().index[-2] == "YouTube"
    assert round(frame["Twitter"]) == 31 and round(frame["YouTube"]) == 42
    assert frame["Twitter"] - frame["Hyves"] < 1
    assert rounds_to(100 * key("gemeenten_zonder_cijfers") / PRINTED_2012, key("pct_zonder_cijfers"))
    assert PRINTED_2012 - key("gemeenten_zonder_cijfers") == 150
    quirk("gemeenten_bewoners_kanalen", "71 van 221", "150")
    quirk("gemeenten_bewoners_kanalen", "Yammer")


# ---------------------------------------------------------------- tables 7-10 and the use compared with last year

ANSWER_TABLES = ["gemeenten_beleid", "gemeenten_beleid_medewerkers", "gemeenten_intentie", "gemeenten_webcare",
                 "gemeenten_gebruik_vorig_jaar"]


@pytest.mark.parametrize("name", ANSWER_TABLES)
def test_answer_tables_add_up_to_their_printed_totals(name):
    frame = load(name)
    totals = {t["jaar"]: t for t in metadata(name).get("totals", [])}
    for jaar, group in frame.groupby("jaar"):
        expected = totals[jaar]["aantal"] if jaar in totals else PRINTED_2012
        assert group.aantal.sum() == expected
        if jaar in totals:
            assert totals[jaar]["percentage"] == 100


DOCUMENTED_PERCENTAGE_MISMATCHES = {"gemeenten_webcare": {(2012, "in ontwikkeling")}}


@pytest.mark.parametrize("name", ANSWER_TABLES)
def test_answer_table_percentages_against_counts(name):
    frame = load(name)
    base = frame.groupby("jaar").aantal.transform("sum")
    found = percentage_mismatches(frame, base, ["jaar", "antwoord"])
    assert found == DOCUMENTED_PERCENTAGE_MISMATCHES.get(name, set())


def test_webcare_40_percent_is_39():
    row = load("gemeenten_webcare").set_index("antwoord").loc["in ontwikkeling"]
    assert (row.aantal, row.percentage) == (87, 40)
    assert round(100 * 87 / PRINTED_2012, 1) == 39.4
    assert load("gemeenten_webcare").percentage.sum() == 100
    quirk("gemeenten_webcare", "87 van 221", "39,4%", "40%")


def test_2011_total_291_against_284_in_the_text():
    for name in ("gemeenten_beleid", "gemeenten_beleid_medewerkers", "gemeenten_intentie"):
        frame = load(name)
        assert frame[frame.jaar == 2011].aantal.sum() == 291
        quirk(name, "291", "284")
    assert key("gemeenten_gereageerd", 2011) == 284


def test_beleid_drop_of_ten_is_percentage_points():
    wide = load("gemeenten_beleid").pivot(index="antwoord", columns="jaar", values="percentage")
    assert wide.loc["nee", 2011] - wide.loc["nee", 2012] == 10
    assert round(100 * (1 - wide.loc["nee", 2012] / wide.loc["nee", 2011])) == 23
    assert wide[2012].sum() == 101 and wide[2011].sum() == 100
    quirk("gemeenten_beleid", "10 procentpunten", "23%")
    quirk("gemeenten_beleid", "101")


def test_beleid_medewerkers_guidelines_not_asked_in_2011():
    frame = load("gemeenten_beleid_medewerkers")
    assert str(frame.aantal.dtype) == "Int64"
    gap = frame[(frame.jaar == 2011) & (frame.antwoord == "alleen richtlijnen")]
    assert gap.aantal.isna().all() and gap.percentage.isna().all()
    assert frame.aantal.isna().sum() == 1
    y12 = frame[frame.jaar == 2012].set_index("antwoord")
    with_policy = y12.loc[["ja", "alleen richtlijnen"]]
    assert with_policy.percentage.sum() == 49
    assert round(100 * with_policy.aantal.sum() / PRINTED_2012, 1) == 49.8
    assert round(100 * y12.loc["alleen richtlijnen", "aantal"] / with_policy.aantal.sum()) == 69
    assert y12.percentage.sum() == 99
    quirk("gemeenten_beleid_medewerkers", "streepje")
    quirk("gemeenten_beleid_medewerkers", "49%", "49,8%")


def test_intentie_share_up_count_down():
    wide = load("gemeenten_intentie").set_index(["antwoord", "jaar"])
    assert wide.loc[("ja", 2012), "percentage"] - wide.loc[("ja", 2011), "percentage"] == 7
    assert wide.loc[("ja", 2012), "aantal"] < wide.loc[("ja", 2011), "aantal"]
    quirk("gemeenten_intentie", "7 procentpunten", "249", "206")


def test_gebruik_vorig_jaar_is_an_ordered_scale():
    frame = load("gemeenten_gebruik_vorig_jaar")
    assert frame.antwoord.cat.ordered
    assert frame.sort_values("antwoord").antwoord.tolist() == ["minder", "ongeveer gelijk", "meer"]
    assert frame.set_index("antwoord").loc["meer", "aantal"] == 168


# ---------------------------------------------------------------- figures from the prose

def test_kerncijfers_self_grades():
    assert key("cijfer_gemiddeld") == 5.70
    assert key("cijfer_meest_gegeven") == 6
    assert rounds_to(100 * key("gemeenten_meest_gegeven_cijfer") / PRINTED_2012,
                     key("pct_meest_gegeven_cijfer"))
    assert key("cijfer_laagste") <= key("cijfer_gemiddeld") <= key("cijfer_hoogste")
    quirk("gemeenten_kerncijfers", "69 van 221")


def test_kerncijfers_2011_grade_percentage_does_not_fit():
    count, printed = key("gemeenten_score_1_op_een_kanaal", 2011), key("pct_score_1_op_een_kanaal", 2011)
    assert (count, printed) == (160, 65)
    assert round(100 * count / 284) == 56 and round(100 * count / 291) == 55
    assert round(count / (printed / 100)) == 246
    assert key("score_gemiddeld", 2011) == 3.67
    quirk("gemeenten_kerncijfers", "160", "65%", "56%", "55%", "246")
    quirk("gemeenten_kerncijfers", "3,67", "5,70")


def test_kerncijfers_followers_and_hours():
    assert key("uren_per_week_twitter") + key("uren_per_week_facebook") <= key("uren_per_week_totaal")
    assert rounds_to(100 * key("daarvan_minder_dan_25000_inwoners") / key("gemeenten_5_tot_11_pct"),
                     key("daarvan_minder_dan_25000_inwoners_pct"))
    assert key("volgers_pct_inwoners_meest") < key("volgers_pct_inwoners_gemiddeld")
    inhabitants = key("gevolgde_accounts_hoogste_relatief") / (key("gevolgde_accounts_hoogste_relatief_pct") / 100)
    assert round(inhabitants, -3) == 34000
    assert key("personen_dagelijks") == 4.19
    quirk("gemeenten_kerncijfers", "Schouwen-Duivenland", "34.000")
    quirk("gemeenten_kerncijfers", "iets meer dan drie uur")
    quirk("gemeenten_kerncijfers", "gemiddelde tegenover modus")


def test_kerncijfers_units_and_channels():
    frame = load("gemeenten_kerncijfers")
    assert not frame.duplicated(["jaar", "kenmerk"]).any()
    assert (frame.loc[frame.eenheid == "procent", "waarde"] <= 100).all()
    assert frame.loc[frame.kenmerk == "gevolgde_accounts_hoogste", "gemeente"].tolist() == ["Vlaardingen"]
    assert set(frame.kanaal.dropna()) <= {"Twitter", "Facebook", "LinkedIn", "Yammer"}
