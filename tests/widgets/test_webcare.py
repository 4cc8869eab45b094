from html import unescape

from smmkit.widgets import WebcareTriage
from .dutch_csv import read_dutch_csv


def test_example_inbox_is_triaged():
    x = WebcareTriage()
    x.auto_chart = False
    assert x.error == ""
    assert x.result.tickets[0].category == "crisis"
    assert "Pak eerst op: 'Er is brand in een container" in unescape(x.text.value)
    assert x.result.simulation.within_target == 85.0      # busy example: 15 messages an hour, 7 minutes each
    assert "zwakst scoort de categorie vraag: 55 %" in unescape(x.text.value)


def test_learner_overrules_and_adds_messages():
    x = WebcareTriage()
    x.auto_chart = False
    x.records.controls[0]["category"].value = "crisis"        # the waste-paper question, now urgent
    assert [t.category for t in x.result.tickets][:2] == ["crisis", "crisis"]
    x.add_message("Bedankt voor het snelle antwoord!")
    assert x.records.values()[-1] == {"text": "Bedankt voor het snelle antwoord!", "category": "compliment"}
    x.add_message("   ")
    assert len(x.records) == 7


def test_simulator_reacts_to_staff_and_handling_time():
    x = WebcareTriage()
    x.auto_chart = False
    x.handling.value = 20
    slow = x.result.simulation.within_target
    assert "zwakst scoort de categorie crisis" in unescape(x.text.value)
    x.agents.value = 4
    assert x.result.simulation.within_target > slow
    assert "Met 4 medewerkers" in unescape(x.text.value)


def test_empty_message_text_is_a_message():
    x = WebcareTriage()
    x.auto_chart = False
    x.records.controls[0]["text"].value = ""
    assert x.result is None and "'bericht' is leeg" in unescape(x.message.value)


def test_save_load_round_trip_and_exports(tmp_path):
    x = WebcareTriage()
    x.records.controls[2]["category"].value = "klacht"
    x.per_hour.value = 20
    path = x.save(tmp_path / "wc.json")
    other = WebcareTriage(messages=["Hoe laat open?"])
    other.load(path)
    assert other.learner_state() == x.learner_state()
    assert other.result.simulation.within_target == x.result.simulation.within_target
    rows = read_dutch_csv(x.export_csv(tmp_path / "wc.csv"))
    assert rows[0]["volgorde"] == "1" and rows[0]["categorie"] == "crisis"
    assert x.export_png(tmp_path / "wc.png").read_bytes()[:4] == b"\x89PNG"


def test_pressing_enter_in_the_new_message_box_adds_it_once():
    from smmkit.widgets import WebcareTriage

    widget = WebcareTriage()
    before = len(widget.records.values())
    widget.new_text.value = "Waarom is de milieustraat vandaag dicht?"   # what Enter commits
    rows = widget.records.values()
    assert len(rows) == before + 1 and rows[-1]["text"].startswith("Waarom is de milieustraat")
    assert widget.new_text.value == ""


def test_safety_risk_is_marked_and_first_in_the_list():
    from smmkit.widgets import WebcareTriage
    t = WebcareTriage()
    t.add_message("Er ligt een omgevallen lantaarnpaal over het fietspad bij de school.")
    tickets = t.result.tickets
    lamp = next(i for i, k in enumerate(tickets) if k.safety)
    assert tickets[lamp].priority == 1
    assert all(k.priority == 1 for k in tickets[:lamp])      # only the fire (earlier, also a crisis) goes before
    assert "veiligheidsrisico: eerst" in t.text.value


def test_the_utilisation_is_shown_and_an_overloaded_team_is_warned():
    """Issue #19: the replay of a few hours of inbox hides that 175 % utilisation never keeps up."""
    x = WebcareTriage(auto_chart=False)  # 15 messages an hour of 7 minutes, 1 person
    text = x.render_text(x.result)
    assert "Bezetting van dit team: 175 %" in text and "vanaf 2 medewerkers" in text and "groeit de wachtrij" in text
    x.agents.value = 3
    text = x.render_text(x.result)
    assert "58 %" in text and "groeit de wachtrij" not in text
