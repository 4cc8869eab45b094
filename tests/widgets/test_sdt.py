"""NeedsProfile headless: sliders drive the result and the text; save/load; exports; bad input."""
import json

import pytest

from smmkit.errors import SmmkitError
from smmkit.models import sdt
from smmkit.widgets import NeedsProfile
from .dutch_csv import read_dutch_csv


@pytest.fixture
def widget():
    return NeedsProfile()


def test_example_content_and_comparison_with_the_book(widget):
    assert widget.error == ""
    assert list(widget.result.profile.scores) == ["LinkedIn", "YouTube", "Facebook", "Instagram", "WhatsApp"]
    assert widget.result.comparison is not None
    assert "Vergelijking met het boekbeeld" in widget.text.value
    assert "Het boek zegt niets over WhatsApp" in widget.text.value
    assert widget.chart.value[:4] == b"\x89PNG"


def test_moving_a_slider_updates_result_and_text(widget):
    linkedin = widget.sliders["LinkedIn"]
    linkedin["competentie"].value = 5
    linkedin["autonomie"].value = 1
    assert widget.result.profile.scores["LinkedIn"] == {"competentie": 5, "autonomie": 1, "verbondenheid": 2}
    assert widget.result.profile.dominant["LinkedIn"] == ("competentie",)
    row = {r.platform: r for r in widget.result.comparison.platforms}["LinkedIn"]
    assert not row.same_focus
    assert "LinkedIn: jij legt de nadruk op competentie, maar het boek op autonomie." in widget.text.value


def test_comparison_can_be_switched_off_and_chart_kind_changed(widget):
    widget.compare_box.value = False
    assert widget.result.comparison is None and "boekbeeld" not in widget.text.value
    before = widget.chart.value
    widget.chart_kind.value = "radar"
    assert widget.result.chart == "radar" and widget.chart.value != before


def test_load_book_view_as_preset_gives_full_overlap(widget):
    widget.load_book_view()
    assert widget.result.profile.scores == sdt.book_view()
    assert widget.result.comparison.overlap == 100.0
    assert "Gemiddelde overeenkomst met het boekbeeld over 4 platform(s): 100 %." in widget.text.value


def test_add_and_remove_platforms(widget):
    widget.new_platform.value = "TikTok"
    widget.add_platform(widget.new_platform.value)
    assert "TikTok" in widget.result.profile.scores and widget.new_platform.value == ""
    widget.sliders["TikTok"]["verbondenheid"].value = 5
    assert widget.result.profile.dominant["TikTok"] == ("verbondenheid",)
    widget.add_platform("tiktok")
    assert "staat al in je profiel" in widget.add_status.value
    for name in list(widget.sliders):
        widget.remove_platform(name)
    assert widget.result is None
    assert "nog geen enkel platform" in widget.message.value and widget.text.value == ""


def test_save_load_round_trip(widget, tmp_path):
    widget.sliders["YouTube"]["autonomie"].value = 5
    widget.add_platform("Threads")
    widget.chart_kind.value = "radar"
    widget.compare_box.value = False
    before = widget.learner_state()
    widget.save(tmp_path / "behoeften.json")
    fresh = NeedsProfile()
    fresh.load(tmp_path / "behoeften.json")
    assert fresh.learner_state() == before
    assert fresh.result.profile == widget.result.profile and fresh.text.value == widget.text.value


def test_load_rejects_invalid_saved_scores(widget, tmp_path):
    data = {"widget": "NeedsProfile", "version": 1,
            "state": {"scores": {"X": {"competentie": 9, "autonomie": 1, "verbondenheid": 1}}}}
    (tmp_path / "fout.json").write_text(json.dumps(data), encoding="utf-8")
    before = widget.learner_state()
    with pytest.raises(SmmkitError, match="schaal loopt van 1 tot en met 5"):
        widget.load(tmp_path / "fout.json")
    assert widget.learner_state() == before


def test_export_csv_and_png(widget, tmp_path):
    widget.export_csv(tmp_path / "profiel.csv")
    rows = read_dutch_csv(tmp_path / "profiel.csv")
    assert [r["platform"] for r in rows] == ["LinkedIn", "YouTube", "Facebook", "Instagram", "WhatsApp"]
    youtube = rows[1]
    assert youtube["competentie"] == "5" and youtube["sterkste_behoefte"] == "competentie"
    assert youtube["nadruk_boek"] == "competentie" and youtube["overeenkomst_pct"] == "91,7"
    assert rows[4]["nadruk_boek"] == ""
    widget.export_png(tmp_path / "profiel.png")
    assert (tmp_path / "profiel.png").read_bytes()[:4] == b"\x89PNG"


def test_constructor_accepts_scores_and_validates_them():
    w = NeedsProfile({"Pinterest": {"competentie": 3, "autonomie": 4, "verbondenheid": 2}})
    assert w.result.profile.dominant == {"Pinterest": ("autonomie",)}
    with pytest.raises(SmmkitError, match="ontbreekt een score"):
        NeedsProfile({"Pinterest": {"competentie": 3}})


def test_book_view_asks_before_it_replaces_her_work(widget):
    """'Neem het boekbeeld over' replaced her scores and removed her own platforms without asking."""
    widget.add_platform("Mastodon")
    widget.sliders["LinkedIn"]["competentie"].value = 1
    widget.book_button.click()
    confirm = widget.book_confirm
    assert confirm.row.layout.display is None and "Mastodon" in confirm.text.value   # the question
    assert "Mastodon" in widget.scores() and widget.sliders["LinkedIn"]["competentie"].value == 1
    confirm.no.click()                                                    # "Nee": nothing changes
    assert confirm.row.layout.display == "none" and "Mastodon" in widget.scores()
    widget.book_button.click()
    confirm.yes.click()                                                   # "Ja": the book's view
    assert widget.scores() == sdt.book_view() and confirm.row.layout.display == "none"
    widget.book_button.click()                                            # nothing to lose: no question
    assert confirm.row.layout.display == "none"


def test_a_very_long_platform_name_is_refused_in_dutch(widget):
    before = widget.scores()
    widget.add_platform("X" * 2700)
    assert widget.scores() == before
    assert "hoogstens 60 tekens" in widget.add_status.value
    with pytest.raises(SmmkitError, match="hoogstens 60 tekens"):
        sdt.validate({"Y" * 61: {n: 3 for n in sdt.NEEDS}})
