
from smmkit.models import peso
from smmkit.widgets import PESOClassifier
from .dutch_csv import read_dutch_csv


def test_starts_unclassified_without_answers():
    p = PESOClassifier()
    assert p.error == "" and p.result.mix.total == 0 and p.result.check is None
    assert "Nog niets ingedeeld" in p.text.value
    assert "owned" not in p.table(p.result)[0]["voorbeeldantwoord"]


def test_guess_then_check():
    p = PESOClassifier()
    items = list(peso.EXAMPLES)
    p.records.controls[0]["guess"].value = "paid"        # right
    p.records.controls[1]["guess"].value = "owned"       # wrong: earned
    assert p.result.mix.counts["paid"] == 1 and p.result.check is None
    p.check_button.click()
    assert p.result.check.correct == 1 and p.result.check.answered == 2
    assert "1 van de 2 ingevulde antwoorden zijn goed" in p.text.value
    assert "fout, het is earned (verdiend)" in p.text.value
    rows = p.table(p.result)
    assert rows[1] == {"uiting": items[1], "jouw_antwoord": "owned", "voorbeeldantwoord": "earned", "goed": False}


def test_own_item_counts_in_mix_but_is_not_checked():
    p = PESOClassifier()
    p.records.add()
    p.records.controls[-1]["item"].value = "Persbericht over de nieuwe brug"
    p.records.controls[-1]["guess"].value = "owned"
    p.check_button.click()
    assert p.result.mix.counts["owned"] == 1
    assert p.result.check.answered == 0
    assert "Eigen uitingen (1)" in p.text.value


def test_save_load_round_trip_and_exports(tmp_path):
    p = PESOClassifier()
    p.records.controls[2]["guess"].value = "shared"
    p.check_button.click()
    path = p.save(tmp_path / "peso.json")
    other = PESOClassifier()
    other.load(path)
    assert other.learner_state() == p.learner_state()
    assert other.result.check.correct == 1
    rows = read_dutch_csv(p.export_csv(tmp_path / "peso.csv"))
    assert rows[2]["goed"] == "ja" and len(rows) == 10
    assert p.export_png(tmp_path / "peso.png").read_bytes()[:4] == b"\x89PNG"


def test_nakijken_twice_keeps_the_feedback():
    """'Nakijken' was a toggle: the second click hid the feedback. Every click checks."""
    p = PESOClassifier()
    p.records.controls[0]["guess"].value = "paid"
    p.check_button.click()
    p.check_button.click()
    assert p.result.check is not None and "ingevulde antwoorden" in p.text.value
    p.records.controls[1]["guess"].value = "earned"                    # the feedback follows her changes
    assert p.result.check.answered == 2


def test_a_very_long_text_stops_with_a_dutch_message():
    p = PESOClassifier()
    p.records.controls[0]["item"].value = "Persbericht " * 225          # 2,700 characters
    assert p.result is None and "hoogstens 200" in p.message.value and "2700 tekens" in p.message.value
    p.records.controls[0]["item"].value = "Persbericht"
    assert p.result is not None and p.error == ""
