import json

import pytest
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure

from smmkit import plots
from smmkit.errors import SmmkitError
from smmkit.models import reputation as rep
from smmkit.widgets import ReputationScorer
from .dutch_csv import read_dutch_csv


def _groups(widget):
    """The slider groups under their bold heading: {heading: [slider keys]}."""
    keys = {id(s): d for d, s in widget.sliders.items()}
    return {box.children[0].value: [keys[id(c)] for c in box.children[1:]]
            for box in widget.children if getattr(box, "children", None) and id(box.children[-1]) in keys}


def test_six_pillars_and_three_foundations_as_grouped_sliders():
    r = ReputationScorer()
    r.auto_chart = False
    assert _groups(r) == {"<b>Pijlers</b>": list(rep.PILLARS), "<b>Fundamenten</b>": list(rep.FOUNDATIONS)}
    assert r.sliders["emotional_appeal"].description == "emotionele aantrekkingskracht"
    assert "Elving in Kok, 2012, naar Fombrun &amp; Shanley, 1990" in r.heading.value


def test_example_names_the_weakest_pillar():
    r = ReputationScorer()
    r.auto_chart = False
    assert r.error == "" and r.result.weakest_pillars == ("leadership",)
    assert "Zwakste pijler: leiderschap en visie (score 2)" in r.text.value
    assert "Gemiddeld: pijlers 3,2, fundamenten 3,3" in r.text.value
    assert "corporate story" in r.text.value


def test_sliders_move_the_weakest_pillar_and_foundation():
    r = ReputationScorer()
    r.auto_chart = False
    r.sliders["leadership"].value = 4
    r.sliders["workplace"].value = 1
    r.sliders["trust"].value = 1
    assert r.result.weakest_pillars == ("workplace",)
    assert r.result.weakest_foundation == ("trust",)
    assert "Zwakste pijler: arbeidsomstandigheden (score 1)" in r.text.value
    assert "Zwakste deel van het fundament: vertrouwen (score 1)" in r.text.value


def test_chart_has_one_bar_per_driver_coloured_by_pillar_foundation_and_weakest():
    r = ReputationScorer()
    r.auto_chart = False
    r.sliders["leadership"].value = 4
    r.sliders["financial"].value = 1
    r.sliders["honesty"].value = 1
    fig = Figure()
    r.draw(fig, r.result)
    ax = fig.axes[0]
    assert len(ax.patches) == len(rep.DRIVERS)
    colours = {d: p.get_facecolor() for d, p in zip(rep.DRIVERS, ax.patches)}
    assert colours["financial"] == colours["honesty"] == to_rgba(plots.HIGHLIGHT)
    assert colours["leadership"] == to_rgba(plots.PALETTE[0])
    assert colours["trust"] == to_rgba(plots.PALETTE[2])
    assert [p.get_width() for p in ax.patches] == [r.result.scores[d] for d in rep.DRIVERS]


def test_save_load_round_trip_and_exports(tmp_path):
    r = ReputationScorer()
    r.sliders["emotional_appeal"].value = 5
    r.sliders["honesty"].value = 2
    path = r.save(tmp_path / "rep.json")
    other = ReputationScorer()
    other.load(path)
    assert other.learner_state() == r.learner_state()
    assert "twijfelen of je open bent" in other.text.value
    rows = read_dutch_csv(r.export_csv(tmp_path / "rep.csv"))
    assert len(rows) == 9 and rows[8]["driver"] == "eerlijkheid" and rows[8]["score"] == "2"
    assert r.export_png(tmp_path / "rep.png").read_bytes()[:4] == b"\x89PNG"


def test_a_file_saved_with_the_old_temple_gives_a_dutch_message_and_keeps_the_work(tmp_path):
    old = {"products": 4, "innovation": 3, "workplace": 3, "governance": 4, "citizenship": 4, "leadership": 2,
           "performance": 3, "identity": 3, "behaviour": 4, "communication": 2}
    path = tmp_path / "oud.json"
    path.write_text(json.dumps({"widget": "ReputationScorer", "version": 1, "state": {"scores": old}}), encoding="utf-8")
    r = ReputationScorer()
    r.auto_chart = False
    r.sliders["trust"].value = 5
    before = r.learner_state()
    with pytest.raises(SmmkitError, match=r"oudere indeling.*Geldig zijn de pijlers leadership \(leiderschap en visie\)"):
        r.load(path)
    assert r.learner_state() == before
