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
                           "onderwerp": "Open dag bibliotheek", "type": "hero"}


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
    with pytest.raises(SmmkitError, match="ontbreekt een kolom: kind"):
        cal.build([{"date": "2026-03-09", "channel": "X", "topic": "t"}])
    with pytest.raises(SmmkitError, match="niet als bericht"):
        cal.build(["los"])
