
from smmkit.widgets import FlywheelMapper
from .dutch_csv import read_dutch_csv


def test_example_plan_names_the_gap():
    f = FlywheelMapper()
    assert f.error == "" and f.result.cells_covered == 7
    assert f.result.empty_phases == ("vervangen",)
    assert "Fasen zonder enig contactmoment: 8 vervangen" in f.text.value
    assert "7 van 24 vakjes gevuld (29,2 %)" in f.text.value
    assert "luisteren (listening): doel klanttevredenheid; meet bijvoorbeeld sentiment" in f.text.value


def test_editing_and_adding_touchpoints():
    f = FlywheelMapper()
    f.records.add()                                   # new row goes to the first empty phase
    assert f.records.values()[-1]["phase"] == "vervangen"
    assert f.result.empty_phases == ()
    f.records.controls[-1]["part"].value = "selling"
    assert f.result.grid[("vervangen", "selling")] == ["Nieuw contactmoment"]
    f.records.remove_at(0)
    assert "Reel over sporten in de wijk" not in str(f.result.grid)


def test_empty_name_shows_message():
    f = FlywheelMapper()
    f.records.controls[0]["name"].value = "   "
    assert f.result is None and "is leeg" in f.message.value


def test_save_load_round_trip_and_exports(tmp_path):
    f = FlywheelMapper()
    f.records.controls[1]["phase"].value = "vervangen"
    path = f.save(tmp_path / "fw.json")
    other = FlywheelMapper(touchpoints=[])
    assert other.result.cells_covered == 0
    other.load(path)
    assert other.learner_state() == f.learner_state()
    assert other.result.grid == f.result.grid
    rows = read_dutch_csv(f.export_csv(tmp_path / "fw.csv"))
    assert len(rows) == 8 and rows[7]["fase"] == "8 vervangen"
    assert "Vragen over de sportpas verzamelen" in rows[7]["luisteren (listening)"]
    assert f.export_png(tmp_path / "fw.png").read_bytes()[:4] == b"\x89PNG"
