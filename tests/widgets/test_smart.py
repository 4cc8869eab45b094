
import pytest

from smmkit.errors import SmmkitError
from smmkit.widgets import SmartChecker
from .dutch_csv import read_dutch_csv


def test_example_goal_misses_the_deadline():
    s = SmartChecker()
    assert s.error == "" and s.result.missing == ("T",)
    assert "Ontbreekt: T (tijdgebonden)" in s.text.value
    assert "Ik zie geen deadline" in s.text.value


def test_typing_a_deadline_completes_the_goal():
    s = SmartChecker()
    s.goal.value = s.goal.value.rstrip(".") + " voor 1 juni 2026."
    assert s.result.missing == ()
    assert "S, M, A en T zijn aanwezig" in s.text.value


def test_fields_mode_composes_a_sentence():
    s = SmartChecker()
    s.mode.value = "fields"
    assert s.goal.layout.display == "none" and s.fields_box.layout.display is None
    assert s.result.missing == ()
    assert "Samengestelde zin: Het team van Bakkerij De Korenaar wil meer bestellingen" in s.text.value
    s.fields["nulmeting"].value = ""
    assert "M" in s.result.missing  # the nulmeting belongs to Meetbaar (issue #19)


def test_empty_goal_is_a_message():
    s = SmartChecker()
    s.goal.value = ""
    assert s.result is None and "Het doel is leeg" in s.message.value


def test_save_load_round_trip_and_export(tmp_path):
    s = SmartChecker()
    s.mode.value = "fields"
    s.fields["deadline"].value = "binnen 3 maanden"
    path = s.save(tmp_path / "smart.json")
    other = SmartChecker(goal="Meer likes")
    other.load(path)
    assert other.learner_state() == s.learner_state()
    assert other.result.text == s.result.text
    rows = read_dutch_csv(s.export_csv(tmp_path / "smart.csv"))
    assert [r["letter"] for r in rows] == list("SMART")
    with pytest.raises(SmmkitError, match="geen grafiek"):
        s.export_png(tmp_path / "smart.png")
