import csv

from smmkit.widgets import ReputationScorer


def test_example_names_the_weakest_pillar():
    r = ReputationScorer()
    r.auto_chart = False
    assert r.error == "" and r.result.weakest_pillars == ("leadership",)
    assert "Zwakste pijler: leiderschap (score 2)" in r.text.value
    assert "Gemiddeld: pijlers 3,3" in r.text.value


def test_sliders_move_the_weakest_pillar():
    r = ReputationScorer()
    r.auto_chart = False
    r.sliders["leadership"].value = 4
    r.sliders["workplace"].value = 1
    assert r.result.weakest_pillars == ("workplace",)
    assert "Zwakste pijler: werkomgeving (score 1)" in r.text.value


def test_save_load_round_trip_and_exports(tmp_path):
    r = ReputationScorer()
    r.sliders["communication"].value = 5
    r.sliders["behaviour"].value = 2
    path = r.save(tmp_path / "rep.json")
    other = ReputationScorer()
    other.load(path)
    assert other.state() == r.state()
    assert "belooft meer dan je waarmaakt" in other.text.value
    rows = list(csv.DictReader(open(r.export_csv(tmp_path / "rep.csv"), encoding="utf-8")))
    assert len(rows) == 10 and rows[9]["driver"] == "communicatie (wat je zegt)" and rows[9]["score"] == "5.0"
    assert r.export_png(tmp_path / "rep.png").read_bytes()[:4] == b"\x89PNG"
