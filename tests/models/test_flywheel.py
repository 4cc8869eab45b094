import pytest

from smmkit.errors import SmmkitError
from smmkit.models import flywheel as fw


def test_phases_follow_the_book():
    assert fw.PHASES == ("inspiratie", "onderzoeken", "evalueren", "selecteren",
                         "ontvangen", "gebruiken", "onderhouden", "vervangen")
    assert fw.BUYING == fw.PHASES[:4] and fw.USAGE == fw.PHASES[4:]
    assert fw.cycle_of("evalueren") == "koopcyclus"
    assert fw.cycle_of("onderhouden") == "gebruikscyclus"
    assert fw.phase_label("vervangen") == "8 vervangen"


def test_touchpoint_accepts_number_and_dutch_part():
    t = fw.touchpoint("Advertentie", 4, "verkopen", "Instagram")
    assert (t.phase, t.part, t.channel) == ("selecteren", "selling", "Instagram")
    assert fw.touchpoint("x", "3", "social listening").phase == "evalueren"


def test_coverage_counts_cells_not_touchpoints():
    c = fw.coverage([("a", "inspiratie", "influencing"), ("b", "inspiratie", "influencing"),
                     ("c", "gebruiken", "listening")])
    assert c.cells_covered == 2
    assert c.cells_total == 24
    assert c.share == pytest.approx(8.3)
    assert c.grid[("inspiratie", "influencing")] == ["a", "b"]
    assert "onderzoeken" in c.empty_phases and "inspiratie" not in c.empty_phases
    assert c.empty_parts == ("selling",)
    assert "verkopen (selling) (leads en verkoop)" in c.advice


def test_cocreation_is_the_junction_not_a_cell():
    c = fw.coverage([("Inwoners kiezen het ontwerp van het plein", "cocreatie", "listening")])
    assert c.cocreation == ("Inwoners kiezen het ontwerp van het plein",)
    assert c.cells_covered == 0
    assert "cocreatie" not in c.advice.split("Er staat nog niets bij")[0] or True
    assert "Er staat nog niets bij cocreatie" not in c.advice


def test_only_buying_cycle_is_flagged():
    c = fw.coverage([("a", 1, "influencing"), ("b", 2, "selling")])
    assert "Alles zit in de koopcyclus" in c.advice
    assert c.cycle_counts == {"koopcyclus": 2, "gebruikscyclus": 0}


def test_full_grid_is_complete():
    points = [(f"{p}-{f}", p, f) for p in fw.PHASES for f in fw.FLYWHEEL] + [("idee", "cocreatie", "listening")]
    c = fw.coverage(points)
    assert c.cells_covered == 24 and c.share == 100.0
    assert c.empty_phases == () and c.empty_parts == ()
    assert "Goed gedekt" in c.advice


def test_empty_plan_and_rows():
    c = fw.coverage([])
    assert c.advice.startswith("Je hebt nog geen contactmomenten")
    rows = fw.coverage([{"name": "Review vragen", "phase": "gebruiken", "part": "listening"}]).rows()
    assert rows[5]["luisteren (listening)"] == "Review vragen"
    assert rows[0]["cyclus"] == "koopcyclus"


def test_to_dicts_round_trip():
    data = fw.to_dicts([("a", 1, "selling", "Facebook")])
    assert data == [{"name": "a", "phase": "inspiratie", "part": "selling", "channel": "Facebook"}]
    assert fw.coverage(data).cells_covered == 1


def test_errors_in_dutch():
    with pytest.raises(SmmkitError, match="fase 1 tot en met 8; 9 bestaat niet"):
        fw.touchpoint("a", 9, "selling")
    with pytest.raises(SmmkitError, match="'kopen' is geen geldige keuze voor 'fase'"):
        fw.touchpoint("a", "kopen", "selling")
    with pytest.raises(SmmkitError, match="onderdeel van het flywheel"):
        fw.touchpoint("a", 1, "zenden")
    with pytest.raises(SmmkitError, match="naam van het contactmoment' is leeg"):
        fw.touchpoint("  ", 1, "selling")
    with pytest.raises(SmmkitError, match="ontbreekt: part"):
        fw.coverage([{"name": "a", "phase": 1}])
    with pytest.raises(SmmkitError, match="niet lezen als contactmoment"):
        fw.coverage(["alleen tekst"])
