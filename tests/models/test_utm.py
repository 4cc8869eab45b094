import pytest

from smmkit.errors import SmmkitError
from smmkit.models import utm


def test_link_adds_three_lowercase_labels_and_keeps_other_parameters():
    url = utm.link("https://www.gemeente.nl/warmtescan?wijk=noord&utm_source=oud", "Instagram", "Social",
                   "Warmtescan 2026")
    assert url == ("https://www.gemeente.nl/warmtescan?wijk=noord&utm_source=instagram&utm_medium=social"
                   "&utm_campaign=warmtescan-2026")
    assert utm.labels(url) == {"source": "instagram", "medium": "social", "campaign": "warmtescan-2026"}


def test_same_source_spelled_twice_is_one_label():
    assert utm.label("Instagram", "utm.field.source") == utm.label(" instagram ", "utm.field.source")


def test_attribution_models_give_the_credit_to_different_channels():
    path = ["instagram", "facebook", "nieuwsbrief"]
    assert utm.attribute(path, "last") == {"instagram": 0.0, "facebook": 0.0, "nieuwsbrief": 1.0}
    assert utm.attribute(path, "first") == {"instagram": 1.0, "facebook": 0.0, "nieuwsbrief": 0.0}
    assert utm.attribute(path + ["instagram"], "linear") == {"instagram": 0.5, "facebook": 0.25, "nieuwsbrief": 0.25}


def test_errors_in_dutch():
    with pytest.raises(SmmkitError, match="geen volledig webadres"):
        utm.link("gemeente.nl", "instagram", "social", "x")
    with pytest.raises(SmmkitError, match="alleen letters, cijfers"):
        utm.link("https://www.gemeente.nl", "insta/gram", "social", "x")
    with pytest.raises(SmmkitError, match="lijst kanalen in volgorde"):
        utm.attribute("instagram")
    with pytest.raises(SmmkitError, match="attributiemodel"):
        utm.attribute(["instagram"], "laatste")


def test_content_label_is_optional_and_written_like_the_others():
    base = ("https://www.gemeente.nl/warmtescan", "Facebook", "advertentie", "warmtescan-2026")
    assert "utm_content" not in utm.link(*base)
    assert "utm_content" not in utm.link(*base, content="  ")
    tagged = utm.link(*base, content="Video A")
    assert tagged.endswith("&utm_campaign=warmtescan-2026&utm_content=video-a")
    assert utm.labels(tagged)["content"] == "video-a"
    with pytest.raises(SmmkitError, match="variant"):
        utm.link(*base, content="video/a")


def test_row_names_the_labels_in_dutch_columns():
    row = utm.row(" https://www.gemeente.nl/warmtescan ", "Instagram", "social", "Warmtescan 2026")
    assert row == {"webadres": "https://www.gemeente.nl/warmtescan", "bron": "instagram", "soort_kanaal": "social",
                   "campagne": "warmtescan-2026", "variant": "",
                   "link": "https://www.gemeente.nl/warmtescan?utm_source=instagram&utm_medium=social"
                           "&utm_campaign=warmtescan-2026"}
    assert utm.row("https://a.nl", "x", "y", "z", "v1")["variant"] == "v1"


@pytest.mark.parametrize("url", ["https://www.gemeente.nl/warm tescan", "https://www.gemeente.nl/\twarmtescan"])
def test_a_web_address_with_a_space_is_refused_in_dutch(url):
    with pytest.raises(SmmkitError, match="spatie"):
        utm.link(url, "instagram", "social", "x")


@pytest.mark.parametrize("url", ["http://[", "https://www.gemeente.nl:99999/x", "https://www.gemeente.nl:poort/x"])
def test_a_broken_web_address_gets_the_web_address_message(url):
    with pytest.raises(SmmkitError, match="geen volledig webadres"):
        utm.link(url, "instagram", "social", "x")
