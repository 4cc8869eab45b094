"""Learner work is never lost: atomic saves, a copy per broken version, restore that never raises or
hangs, names inside the working folder, and exports that open in Dutch Excel / fit a report.

Each case here was a real way to lose work or stop a cell before (issue 10).
"""
import json
import os
import subprocess
import sys
import textwrap

import pytest

from smmkit.errors import SmmkitError
from smmkit.messages import msg
from smmkit.widgets import NeedsProfile, ReputationScorer, SmartChecker
from smmkit.widgets._files import MAX_BYTES, MAX_DEPTH, PNG_WIDTH_CM


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _fresh(cls=ReputationScorer):
    widget = cls()
    widget.auto_chart = False
    return widget


def test_a_failed_save_leaves_the_last_good_file_intact(here):
    """A real failing write (file size limit, as a full disk or quota does): before, the file was truncated."""
    script = textwrap.dedent("""
        import resource, signal, sys
        from smmkit.errors import SmmkitError
        from smmkit.widgets import SmartChecker
        widget = SmartChecker(goal="Kort doel.")
        widget.save("doel.json")
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (2000, 2000))
        widget.goal.value = "Een heel lang doel. " * 500
        try:
            widget.save("doel.json")
        except SmmkitError as exc:
            print("REFUSED", exc)
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=here, capture_output=True, text=True, timeout=120)
    assert "REFUSED" in done.stdout and "kan niet worden geschreven" in done.stdout, done.stderr[-2000:]
    assert json.loads((here / "doel.json").read_text(encoding="utf-8"))["state"]["goal"] == "Kort doel."
    assert sorted(p.name for p in here.iterdir()) == ["doel.json"]        # no temp file left behind


def test_save_replaces_a_symlink_not_its_target(here):
    (here / "elders.txt").write_text("niet van de widget", encoding="utf-8")
    (here / "werk.json").symlink_to(here / "elders.txt")
    _fresh().save("werk.json")
    assert (here / "elders.txt").read_text(encoding="utf-8") == "niet van de widget"
    assert not (here / "werk.json").is_symlink() and ReputationScorer().restore("werk.json") is True


def test_one_copy_per_broken_version_and_the_same_version_once(here):
    path = here / "werk.json"
    path.write_text("{kapot 1", encoding="utf-8")
    assert _fresh().restore(path) is False
    assert _fresh().restore(path) is False                                  # same version: no second copy
    path.write_text("{kapot 2", encoding="utf-8")
    widget = _fresh()
    assert widget.restore(path) is False
    assert (here / "werk-kopie.json").read_text(encoding="utf-8") == "{kapot 1"
    assert (here / "werk-kopie-2.json").read_text(encoding="utf-8") == "{kapot 2"
    assert not (here / "werk-kopie-3.json").exists()
    assert "werk-kopie-2.json" in widget.file_status.value                  # the message names the right copy


@pytest.mark.timeout(60)
@pytest.mark.parametrize("make", ["deep_list", "deep_dict", "too_big", "fifo", "folder", "dangling_link",
                                  "link_loop", "binary", "not_a_dict", "state_not_a_dict", "huge_int",
                                  "huge_widget_name", "nan"])
def test_restore_never_raises_or_hangs(here, make):
    path = here / "werk.json"
    saved = {"widget": "ReputationScorer", "version": 1}
    if make == "deep_list":          # raised RecursionError before
        path.write_text('{"widget": "ReputationScorer", "version": 1, "state": ' + "[" * 100_000 + "]" * 100_000 + "}")
    elif make == "deep_dict":
        path.write_text('{"a": ' * (MAX_DEPTH + 1) + "1" + "}" * (MAX_DEPTH + 1))
    elif make == "too_big":
        with open(path, "wb") as handle:
            handle.truncate(MAX_BYTES + 1)
    elif make == "fifo":             # hung forever before
        os.mkfifo(path)
    elif make == "folder":
        path.mkdir()
    elif make == "dangling_link":
        path.symlink_to(here / "nergens.json")
    elif make == "link_loop":
        path.symlink_to(path)
    elif make == "binary":
        path.write_bytes(bytes(range(256)) * 10)
    elif make == "not_a_dict":
        path.write_text("[1, 2, 3]")
    elif make == "state_not_a_dict":
        path.write_text(json.dumps({**saved, "state": [1, 2]}))
    elif make == "huge_int":
        path.write_text('{"widget": "ReputationScorer", "version": 1, "state": {"scores": ' + "9" * 5000 + "}}")
    elif make == "huge_widget_name":
        path.write_text(json.dumps({**saved, "widget": "X" * 100_000, "state": {}}))
    elif make == "nan":
        path.write_text('{"widget": "ReputationScorer", "version": 1, "state": {"scores": {"innovation": NaN}}}')
    widget = _fresh()
    assert widget.restore(path) is False
    status = widget.file_status.value
    assert "smmkit-message" in status and "Traceback" not in status and len(status) < 3000
    assert widget.result is not None and widget.error == ""                 # the example is shown
    if make in ("fifo", "folder", "dangling_link"):
        assert "geen gewoon bestand" in status
    elif make not in ("link_loop",):
        assert (here / "werk-kopie.json").exists() and "werk-kopie.json" in status


def test_an_emptied_needs_profile_saves_and_restores(here):
    """Before: removing every platform saved {"scores": {}} that set_state refused."""
    widget = _fresh(NeedsProfile)
    for platform in list(widget.sliders):
        widget.remove_platform(platform)
    widget.save("leeg.json")
    again = _fresh(NeedsProfile)
    assert again.restore("leeg.json") is True and again.learner_state() == widget.learner_state() and again.sliders == {}
    assert again.error                                                      # and it says what to do


@pytest.mark.parametrize("name", ["../../x", "../x", "/tmp/x", "map/../../x", ""])
def test_the_file_bar_keeps_files_in_the_working_folder(here, name):
    work = here / "werkmap"
    work.mkdir()
    os.chdir(work)
    widget = _fresh()
    widget.filename.value = name
    widget.file_buttons[msg("widgets.save")].click()
    outside = [p for p in here.rglob("*") if p.is_file()] + [p for p in here.parent.glob("x*")]
    if name == "":                                                          # empty: the widget's own name
        assert [p.name for p in work.iterdir()] == ["reputationscorer.json"]
        return
    assert outside == [] and "kan niet als bestandsnaam" in widget.file_status.value
    assert str(work) in widget.file_status.value                            # says which folder is valid


def test_code_cannot_climb_out_either_but_a_subfolder_is_fine(here):
    (here / "werkmap").mkdir()
    os.chdir(here / "werkmap")
    widget = _fresh()
    with pytest.raises(SmmkitError, match="kan niet als bestandsnaam"):
        widget.save("../buiten.json")
    assert widget.restore("../../buiten.json") is False and "kan niet als bestandsnaam" in widget.file_status.value
    os.mkdir("sub")
    widget.filename.value = "sub/werk"
    widget.file_buttons[msg("widgets.save")].click()
    assert (here / "werkmap" / "sub" / "werk.json").is_file()


def test_csv_opens_in_dutch_excel(here):
    import pandas as pd

    widget = _fresh(NeedsProfile)
    widget.export_csv("profiel.csv")
    data = (here / "profiel.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data             # BOM: Excel reads UTF-8
    table = pd.read_csv(here / "profiel.csv", sep=";", decimal=",", encoding="utf-8-sig")
    assert list(table["platform"]) == ["LinkedIn", "YouTube", "Facebook", "Instagram", "WhatsApp"]
    assert table["overeenkomst_pct"].dtype.kind == "f" and table["overeenkomst_pct"][1] == pytest.approx(91.7)
    assert ";" in data.decode("utf-8-sig").splitlines()[0] and "91,7" in data.decode("utf-8-sig")


def test_png_fits_a_report_page(here):
    from PIL import Image

    widget = _fresh(ReputationScorer)
    live = widget._draw_png(dpi=90)
    widget.export_png("tempel.png")
    with Image.open(here / "tempel.png") as image:
        width, height = image.size
        dpi = image.info["dpi"][0]
    assert width >= 1200                                                    # sharp on paper and on a beamer
    assert width / dpi * 2.54 == pytest.approx(PNG_WIDTH_CM, abs=0.1)       # placed at A4's text width
    assert height < width and live[:4] == b"\x89PNG"


def test_the_open_button_keeps_a_copy_of_a_file_it_cannot_load(here):
    """Before, Open on a broken file only said so; the next Save overwrote the only version."""
    (here / "werk.json").write_text("{kapot", encoding="utf-8")
    widget = _fresh()
    widget.filename.value = "werk"
    widget.file_buttons[msg("widgets.load")].click()
    assert (here / "werk-kopie.json").read_text(encoding="utf-8") == "{kapot"
    assert "werk-kopie.json" in widget.file_status.value
    widget.file_buttons[msg("widgets.save")].click()
    assert (here / "werk-kopie.json").read_text(encoding="utf-8") == "{kapot"    # the broken version is kept
    assert ReputationScorer().restore("werk.json") is True
    widget.filename.value = "bestaat-niet"                                       # a missing file: no copy
    widget.file_buttons[msg("widgets.load")].click()
    assert not (here / "bestaat-niet-kopie.json").exists()


def test_the_file_bar_status_is_the_kit_note_and_escapes_the_name(here):
    widget = _fresh()
    widget.filename.value = "werk<b>"
    widget.file_buttons[msg("widgets.save")].click()
    status = widget.file_status.value
    assert status.startswith('<div class="smmkit-note"') and "werk&lt;b&gt;.json" in status and "<b>" not in status
    assert "smmkit-message" not in status                                # a calm line, not an error box
