import html
import json

import pytest

from smmkit.errors import SmmkitError

from smmkit.messages import msg
from smmkit.widgets import UTMBuilder

from .dutch_csv import read_dutch_csv

WARMTESCAN = "https://www.gemeente.nl/warmtescan?utm_source=instagram&utm_medium=social&utm_campaign=warmtescan-2026"


def test_starts_with_the_chapter_example_and_says_how_it_rewrote_the_labels():
    u = UTMBuilder()
    assert u.error == "" and u.result["link"] == WARMTESCAN
    assert WARMTESCAN.replace("&", "&amp;") in u.text.value
    assert "&#x27;Warmtescan 2026&#x27; staat in de link als &#x27;warmtescan-2026&#x27;" in u.text.value
    assert html.escape(msg("utm.w.empty_list")) in u.list_table.value


def test_the_link_follows_every_field_live():
    u = UTMBuilder()
    u.inputs["source"].value = "nieuwsbrief"
    u.inputs["medium"].value = "e-mail"
    u.inputs["content"].value = "Knop boven"
    assert u.result["link"] == ("https://www.gemeente.nl/warmtescan?utm_source=nieuwsbrief&utm_medium=e-mail"
                                "&utm_campaign=warmtescan-2026&utm_content=knop-boven")
    assert "nieuwsbrief&amp;utm_medium=e-mail" in u.text.value
    assert "&#x27;nieuwsbrief&#x27; staat" not in u.text.value   # typed as written: no note


def test_the_models_dutch_messages_show_in_the_widget_and_nothing_is_kept():
    u = UTMBuilder()
    u.inputs["url"].value = "gemeente.nl/warmtescan"
    assert u.result is None and "geen volledig webadres" in u.message.value and u.text.value == ""
    u.keep()
    assert u.links == [] and "verbeter eerst" in u.list_status.value
    u.inputs["url"].value = "https://www.gemeente.nl/warmtescan"
    u.inputs["source"].value = "insta/gram"
    assert "alleen letters, cijfers" in u.message.value
    u.inputs["source"].value = ""
    assert "bron (utm_source)" in u.message.value


def test_a_list_of_links_without_doubles_and_with_remove_last():
    u = UTMBuilder()
    u.add_button.click()
    u.add_button.click()
    assert len(u.links) == 1 and "staat al in je lijst" in u.list_status.value
    u.inputs["source"].value = "Facebook"
    u.inputs["medium"].value = "advertentie"
    u.add_button.click()
    assert "2 links" in u.list_status.value
    assert [row["bron"] for row in u.table(u.result)] == ["instagram", "facebook"]
    assert u.list_table.value.count("<tr>") == 3 and "advertentie" in u.list_table.value
    u.remove_button.click()
    assert [e["source"] for e in u.links] == ["instagram"]
    u.remove_button.click()
    u.remove_button.click()                        # an empty list stays empty
    assert u.links == [] and html.escape(msg("utm.w.empty_list")) in u.list_table.value


def test_csv_export_for_dutch_excel_has_the_list_or_the_link_shown(tmp_path):
    u = UTMBuilder()
    rows = read_dutch_csv(u.export_csv(tmp_path / "een.csv"))
    assert rows == [{"webadres": "https://www.gemeente.nl/warmtescan", "bron": "instagram", "soort_kanaal": "social",
                     "campagne": "warmtescan-2026", "variant": "", "link": WARMTESCAN}]
    u.keep()
    u.inputs["content"].value = "video-b"
    u.keep()
    rows = read_dutch_csv(u.export_csv(tmp_path / "lijst.csv"))
    assert [r["variant"] for r in rows] == ["", "video-b"]


def test_save_and_restore_bring_back_fields_and_list(tmp_path):
    u = UTMBuilder()
    u.keep()
    u.inputs["campaign"].value = "Afvalpas"
    u.inputs["medium"].value = "qr-code"
    u.keep()
    u.inputs["url"].value = "www.gemeente"          # unfinished typing is saved as it is
    path = u.save(tmp_path / "utm.json")
    fresh = UTMBuilder()
    assert fresh.restore(path) is True
    assert fresh.learner_state() == u.learner_state() and len(fresh.links) == 2
    assert "afvalpas" in fresh.list_table.value and "geen volledig webadres" in fresh.message.value


def test_a_tampered_file_is_refused_in_dutch_and_kept_as_a_copy(tmp_path):
    u = UTMBuilder()
    u.keep()
    path = u.save(tmp_path / "utm.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["state"]["links"][0]["source"] = "insta/gram"
    path.write_text(json.dumps(data), encoding="utf-8")
    fresh = UTMBuilder()
    assert fresh.restore(path) is False
    assert "alleen letters, cijfers" in fresh.file_status.value
    assert (tmp_path / "utm-kopie.json").exists() and fresh.links == []
    data["state"]["links"][0].update(source="instagram", medium="tv")
    path.write_text(json.dumps(data), encoding="utf-8")
    other = UTMBuilder()
    other.inputs["campaign"].value = "eigen werk"
    before = other.learner_state()
    with pytest.raises(SmmkitError, match="social, advertentie, e-mail"):
        other.load(path)
    assert other.learner_state() == before                  # nothing half-loaded
