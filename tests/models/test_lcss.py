"""LCSS model: content list and target validation, balance, suggestion, CSV reading with Dutch errors."""
import pytest

from smmkit.errors import SmmkitError
from smmkit.models import lcss

MIX = [("Foto van de haven", "likeable"), ("Zonsondergang bij de Hoofdtoren", "likeable"),
       ("Blog over de afvalkalender", "clickable"), ("Quiz over West-Friesland", "Deelbaar")]


def test_balance_counts_shares_gaps():
    b = lcss.balance(MIX)
    assert b.counts == {"likeable": 2, "clickable": 1, "sharable": 1, "sellable": 0}
    assert b.shares == {"likeable": 50.0, "clickable": 25.0, "sharable": 25.0, "sellable": 0.0}
    assert b.target == lcss.DEFAULT_TARGET and sum(lcss.DEFAULT_TARGET.values()) == 100
    assert b.gaps == {"likeable": 10.0, "clickable": -5.0, "sharable": 5.0, "sellable": -10.0}
    assert b.missing == ("sellable",)
    assert b.short == ("sellable",)     # clickable is exactly at the 5-point tolerance
    assert b.over == ("likeable",)
    assert not b.on_target


def test_to_add_reaches_the_target_share():
    b = lcss.balance(MIX)
    # one sellable post: 1 of 5 = 20 % >= 10 %; zero would stay at 0 %
    assert b.to_add["sellable"] == 1
    # clickable: (1 + x) / (4 + x) >= 0.30  ->  x >= 0.71  ->  1
    assert b.to_add["clickable"] == 1
    assert b.to_add["likeable"] == 0
    many = lcss.balance([(str(i), "likeable") for i in range(9)] + [("x", "sellable")],
                        {"likeable": 10, "clickable": 10, "sharable": 10, "sellable": 70})
    # (1 + x) / (10 + x) >= 0.7  ->  x >= 20
    assert many.to_add["sellable"] == 20
    only = lcss.balance(MIX, {"likeable": 0, "clickable": 0, "sharable": 0, "sellable": 100})
    assert only.to_add["sellable"] is None


def test_custom_target_aliases_and_text_numbers():
    t = lcss.target({"Likeable": "25", "klikbaar": 25, "deelbaar": "25,0", "sellable": "25%"})
    assert t == {"likeable": 25, "clickable": 25, "sharable": 25, "sellable": 25}
    assert lcss.balance(MIX, t).short == ("sellable",)


@pytest.mark.parametrize("mapping, pattern", [
    ({"likeable": 40, "clickable": 30, "sharable": 20, "sellable": 5}, "tellen op tot 95 %.*100 %.*\\+5 procentpunt"),
    ({"likeable": 50, "clickable": 30, "sharable": 20}, "mist een percentage voor sellable"),
    ({"likeable": 140, "clickable": 0, "sharable": 0, "sellable": -40}, "likeable is 140.*tussen 0 en 100"),
    ({"likeable": "veel", "clickable": 30, "sharable": 20, "sellable": 10}, "'veel'; dat is geen getal"),
    ({"lovable": 40, "clickable": 30, "sharable": 20, "sellable": 10}, "'lovable' is geen LCSS-categorie"),
    ([40, 30, 20, 10], "woordenboek.*list"),
])
def test_invalid_targets(mapping, pattern):
    with pytest.raises(SmmkitError, match=pattern):
        lcss.target(mapping)


@pytest.mark.parametrize("content, pattern", [
    ([], "contentlijst is leeg"),
    ("likeable", "lijst met posts.*str"),
    ([("Foto", "likeable"), ("", "clickable")], "Regel 2 heeft geen titel"),
    ([("Foto", "viral")], "Regel 1 \\('Foto'\\): 'viral' is geen LCSS-categorie. Kies uit: likeable, clickable, sharable of sellable"),
    ([("Foto", None)], "'' is geen LCSS-categorie"),
    ([("Foto",)], "Regel 1 .* is geen post"),
])
def test_invalid_content_lists(content, pattern):
    with pytest.raises(SmmkitError, match=pattern):
        lcss.balance(content)


def test_suggestion_in_plain_dutch():
    lines = lcss.suggestion(lcss.balance(MIX))
    assert lines[0].startswith("Je mist sellable-content helemaal: 0 % van je mix, terwijl het doel 10 % is. "
                               "Voeg ongeveer 1 sellable-post(s) toe om het doel te halen.")
    assert "subsidie" in lines[0]
    assert lines[1].startswith("Te veel likeable-content: 50 % van je mix tegen een doel van 40 %.")
    balanced = [("l", "likeable")] * 4 + [("c", "clickable")] * 3 + [("s", "sharable")] * 2 + [("v", "sellable")]
    b = lcss.balance(balanced)
    assert b.on_target and lcss.suggestion(b) == [
        "Je mix ligt overal binnen 5 procentpunt van het doel. Goed in balans!"]


def test_tolerance_validation():
    with pytest.raises(SmmkitError, match="marge"):
        lcss.balance(MIX, tolerance=-1)
    assert lcss.balance(MIX, tolerance=0).short == ("sellable", "clickable")


def test_read_csv_from_path_text_bytes_and_semicolons(tmp_path):
    path = tmp_path / "posts.csv"
    path.write_text("titel,categorie,kanaal\nFoto van de haven,likeable,Instagram\n\n"
                    "\"Blog, met komma\",Clickable,Facebook\n", encoding="utf-8")
    items = lcss.read_csv(path)
    assert items == [lcss.Item("Foto van de haven", "likeable", "Instagram"),
                     lcss.Item("Blog, met komma", "clickable", "Facebook")]
    assert lcss.read_csv(str(path)) == items
    assert lcss.read_csv(path.read_bytes()) == items
    semicolons = "\ufeffTitel;Categorie\nQuiz;deelbaar\n".encode("utf-8")  # Excel: BOM + ';'
    assert lcss.read_csv(semicolons) == [lcss.Item("Quiz", "sharable")]
    assert lcss.read_csv("title,category\nAanmelden,sellable\n") == [lcss.Item("Aanmelden", "sellable")]


@pytest.mark.parametrize("text, pattern", [
    ("", "is leeg"),
    ("\n \n", "is leeg"),
    ("titel,categorie\n", "geen posts"),
    ("naam,soort\nFoto,likeable\n", "ontbreekt de kolom titel of categorie. Gevonden kolommen: naam, soort"),
    ("titel,kanaal\nFoto,Instagram\n", "ontbreekt de kolom categorie"),
    ("titel,categorie\nFoto,likeable\nVideo,viraal\n", "regel 3 \\('Video'\\): 'viraal' is geen LCSS-categorie"),
    ("titel,categorie\nFoto,likeable\n,clickable\n", "regel 3 geen titel"),
    ("titel,categorie\nFoto\n", "regel 2 \\('Foto'\\): '' is geen LCSS-categorie"),
])
def test_bad_csv_gives_dutch_messages(tmp_path, text, pattern):
    path = tmp_path / "fout.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SmmkitError, match=pattern):
        lcss.read_csv(path)


def test_csv_file_errors(tmp_path):
    with pytest.raises(SmmkitError, match="'.*nergens.csv' bestaat niet"):
        lcss.read_csv(tmp_path / "nergens.csv")
    (tmp_path / "latin.csv").write_bytes("titel,categorie\nCaf\xe9,likeable\n".encode("latin-1"))
    with pytest.raises(SmmkitError, match="geen UTF-8.*CSV UTF-8"):
        lcss.read_csv(tmp_path / "latin.csv")
