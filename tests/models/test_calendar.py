import datetime as dt

import pytest

from smmkit.errors import SmmkitError
from smmkit.models import calendar as cal

ENTRIES = [
    ("2026-03-09", "Instagram", "Open dag bibliotheek", "hero"),
    ("16-3-2026", "facebook", "Tips voor de afvalkalender", "help"),
    ("2026-03-31", "Instagram", "Achter de schermen", "hub"),
    ({"datum": "2026-03-30", "kanaal": "Nieuwsbrief", "onderwerp": "Agenda april", "type": "clickable"}),
]


def test_parse_dates_iso_and_dutch():
    assert cal.parse_date("2026-03-09") == dt.date(2026, 3, 9)
    assert cal.parse_date("9-3-2026") == dt.date(2026, 3, 9)
    assert cal.parse_date("09/03/2026") == dt.date(2026, 3, 9)
    assert cal.parse_date(dt.datetime(2026, 3, 9, 12)) == dt.date(2026, 3, 9)


def test_bad_date_message_quotes_only_the_start_of_a_huge_input():
    pasted = "morgen of overmorgen " * 5_000          # a learner pastes a whole text into the date cell
    with pytest.raises(SmmkitError) as info:
        cal.parse_date(pasted)
    text = str(info.value)
    assert "'morgen of overmorgen morgen of overmorge…'" in text
    assert len(text) < 200 and "2026-03-09" in text      # the advice is still there


@pytest.mark.parametrize("entry", [
    ("2026-03-09", "Instagram " * 10_000, "Open dag"),      # a page pasted as the channel
    ("2026-03-09", "Instagram", "Open dag", "x" * 100_000),  # a list of four, but its kind a page long
    {"datum": "2026-03-09", "kanaal": "Instagram", "onderwerp": "Open dag", "rol": "hero " * 10_000},
    ["2026-03-09"] + ["Instagram " * 1_000] * 8,               # no post at all: quoted in the message
], ids=["channel", "kind", "role", "item"])
def test_no_calendar_message_repeats_a_huge_input(entry):
    with pytest.raises(SmmkitError) as info:
        cal.build([entry])
    text = str(info.value)
    assert len(text) < 400, text[:300]
    assert text.startswith("Regel 1") and "…" in text


def test_build_sorts_and_counts():
    c = cal.build(ENTRIES)
    assert [p.date.day for p in c.posts] == [9, 16, 30, 31]
    assert c.posts[1].channel == "Facebook"            # normalised spelling
    assert c.per_week == {"2026-W11": 1, "2026-W12": 1, "2026-W13": 0, "2026-W14": 2}
    assert c.per_channel == {"Instagram": 2, "Facebook": 1, "Nieuwsbrief": 1}
    assert c.per_kind["hero"] == 1 and c.per_kind["sellable"] == 0
    assert c.empty_weeks == ("2026-W13",)
    assert "Weken zonder bericht: 2026-W13" in c.advice
    assert "ontbreekt nog: likeable, sharable, sellable" in c.advice


def test_week_channel_table_and_rows():
    c = cal.build(ENTRIES)
    table = c.week_channel_table()
    assert table[3] == {"week": "2026-W14", "Facebook": 0, "Instagram": 1, "Nieuwsbrief": 1, "totaal": 2}
    assert c.rows()[0] == {"datum": "2026-03-09", "week": "2026-W11", "kanaal": "Instagram",
                           "onderwerp": "Open dag bibliotheek", "lcss": "", "rol": "hero", "fase": "", "maker": ""}


def test_to_dicts_round_trip():
    c = cal.build(ENTRIES)
    again = cal.build(cal.to_dicts(c))
    assert again.posts == c.posts


def test_busy_week_and_lonely_channel():
    entries = [(f"2026-04-0{d}", "Instagram", f"post {d}", "likeable") for d in range(6, 10)]
    entries += [("2026-04-14", "LinkedIn", "vacature", "sellable")]
    c = cal.build(entries)
    assert "Week 2026-W15 is erg vol (4 berichten)" in c.advice
    assert "Op LinkedIn staat maar één bericht" in c.advice


def test_empty_calendar():
    c = cal.build([])
    assert c.posts == () and c.per_week == {} and "nog leeg" in c.advice


def test_errors_in_dutch_name_the_row():
    with pytest.raises(SmmkitError, match="Regel 2: '31-02-2026' lees ik niet als datum"):
        cal.build([ENTRIES[0], ("31-02-2026", "Instagram", "x", "hub")])
    with pytest.raises(SmmkitError, match="Regel 1: 'Hyves' is geen geldige keuze voor 'kanaal'. Kies uit: Facebook"):
        cal.build([("2026-03-09", "Hyves", "x", "hub")])
    with pytest.raises(SmmkitError, match="'viral' is geen geldige keuze voor 'type content'"):
        cal.build([("2026-03-09", "X", "x", "viral")])
    with pytest.raises(SmmkitError, match="'onderwerp' is leeg"):
        cal.build([("2026-03-09", "X", " ", "hub")])
    with pytest.raises(SmmkitError, match="ontbreekt een kolom: topic"):
        cal.build([{"date": "2026-03-09", "channel": "X", "lcss": "likeable"}])
    with pytest.raises(SmmkitError, match="'hero' is geen geldige keuze voor 'LCSS-categorie'"):
        cal.build([{"date": "2026-03-09", "channel": "X", "topic": "t", "lcss": "hero"}])
    with pytest.raises(SmmkitError, match="'likeable' is geen geldige keuze voor 'hero, hub of help'"):
        cal.build([{"date": "2026-03-09", "channel": "X", "topic": "t", "role": "likeable"}])
    with pytest.raises(SmmkitError, match="niet als bericht"):
        cal.build(["los"])


def test_separate_fields_lcss_role_phase_owner():
    """Issue 11: chapter 5 says a post records phase, LCSS category and who makes it; one mixed 'kind' field
    could not hold a post that is both likeable and hero."""
    c = cal.build([{"datum": "2026-04-01", "kanaal": "YouTube", "onderwerp": "Film: 100 jaar stadhuis",
                    "lcss": "likeable", "rol": "hero", "fase": "see", "maker": "videobureau"},
                   ("2026-04-08", "Instagram", "Zo werkt de afvalpas", "clickable", "help", "care", "team Afval")])
    first, second = c.posts
    assert (first.lcss, first.role, first.phase, first.owner) == ("likeable", "hero", "see", "videobureau")
    assert (second.lcss, second.role, second.phase, second.owner) == ("clickable", "help", "care", "team Afval")
    assert c.per_lcss["likeable"] == 1 and c.per_role["hero"] == 1 and c.per_role["help"] == 1
    assert c.per_kind["likeable"] == 1 and c.per_kind["hero"] == 1      # the combined view stays available
    assert c.rows()[0]["maker"] == "videobureau" and c.rows()[0]["rol"] == "hero"
    assert cal.build(cal.to_dicts(c)).posts == c.posts


def test_old_kind_field_splits_into_lcss_or_role():
    c = cal.build([{"date": "2026-03-09", "channel": "X", "topic": "a", "kind": "sellable"},
                   {"datum": "2026-03-10", "kanaal": "X", "onderwerp": "b", "type": "hub"}])
    assert [(p.lcss, p.role) for p in c.posts] == [("sellable", ""), ("", "hub")]


def test_owner_advice_when_some_posts_have_no_maker():
    c = cal.build([("2026-03-09", "X", "a", "likeable", "", "", "Sanne"), ("2026-03-10", "X", "b", "likeable")])
    assert "Bij 1 bericht(en) staat nog niet wie het maakt" in c.advice


def test_a_vacancy_post_has_one_classification_across_lcss_mapper_and_calendar():
    """Issue 11: LCSSMapper said clickable, the calendar sellable for the same kind of post."""
    from smmkit.widgets import calendar as calendar_widget, lcss as lcss_widget
    mapper = {title: category for title, category in lcss_widget.EXAMPLE}
    planned = {p["topic"]: p["lcss"] for p in calendar_widget.EXAMPLE}
    vacancies = [t for t in planned if t.startswith("Vacature")]
    assert vacancies and all(t in mapper for t in vacancies)
    for topic in set(mapper) & set(planned):
        assert mapper[topic] == planned[topic], topic
    assert cal.LCSS == __import__("smmkit.models.lcss", fromlist=["CATEGORIES"]).CATEGORIES


def test_read_csv_in_the_model_reads_dutch_headers_and_semicolons(tmp_path):
    path = tmp_path / "kalender.csv"
    path.write_text("datum;kanaal;onderwerp\n2026-03-02;Instagram;Open dag\n", encoding="utf-8-sig")
    rows = cal.read_csv(path)
    assert rows == [{"date": "2026-03-02", "channel": "Instagram", "topic": "Open dag"}]
    assert len(cal.build(rows).posts) == 1
