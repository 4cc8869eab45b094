"""Accessibility of the widgets on the Python side (issue #22, WCAG 2.2 AA).

What the browser shows of it (roles, aria attributes, axe-core) is tested in a real JupyterLab in
tests/browser/test_a11y_lab.py and test_keyboard.py; here: every control has a name, results are
announced, charts have a text alternative from their data, series differ by more than colour, kit
text colours reach 4.5:1 and nothing has a width that cannot shrink (reflow at 200 % zoom).
"""
from __future__ import annotations

import re

import ipywidgets as w
import pytest

import smmkit.widgets as widgets
from smmkit import boxes, plots
from smmkit.widgets.base import CHART_ALT_CLASS, LIVE_CLASS
from smmkit.widgets.quiz import MultipleChoice, NumberQuestion

NAMES = [name for name in widgets.__all__ if name != "SmmkitWidget"]


def _tree(node):
    yield node
    for child in getattr(node, "children", ()) or ():
        yield from _tree(child)


def contrast(foreground: str, background: str = "#FFFFFF") -> float:
    """WCAG 2 contrast ratio of two #RRGGBB (or #RGB) colours."""
    def luminance(colour):
        colour = colour.lstrip("#")
        if len(colour) == 3:
            colour = "".join(c * 2 for c in colour)
        channels = [int(colour[i:i + 2], 16) / 255 for i in (0, 2, 4)]
        channels = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_formula():
    assert contrast("#000000") == pytest.approx(21.0)
    assert contrast("#009E73") == pytest.approx(3.42, abs=0.01)   # the numbers
    assert contrast("#D55E00") == pytest.approx(3.87, abs=0.01)


@pytest.mark.parametrize("name", NAMES)
def test_every_control_has_a_name(name):
    """A screen reader needs a name for each control: a visible description or a tooltip (the
    ``title`` of the input, which ipywidgets sets when there is no description). Toggle buttons are
    named by their own text."""
    widget = getattr(widgets, name)(auto_chart=False)
    unnamed = []
    for node in _tree(widget):
        if isinstance(node, (w.HTML, w.Label, w.Image, w.Box, w.ToggleButtons)):
            continue
        if isinstance(node, (w.Button, w.ValueWidget)):
            if not ((getattr(node, "description", "") or "").strip() or (node.tooltip or "").strip()):
                unnamed.append(f"{type(node).__name__}({getattr(node, 'value', '')!r})")
    assert not unnamed, f"{name}: controls without a name: {unnamed}"


@pytest.mark.parametrize("name", NAMES)
def test_nothing_has_a_width_that_cannot_shrink(name):
    widget = getattr(widgets, name)(auto_chart=False)
    rigid = [f"{type(n).__name__} {n.layout.width}" for n in _tree(widget)
             if str(n.layout.width or "").endswith("px") and n.layout.max_width not in ("100%",)
             and int(str(n.layout.width)[:-2]) > 120]
    assert not rigid, f"{name}: fixed widths without max-width (they scroll sideways at 200 % zoom): {rigid}"
    rows = [n for n in _tree(widget) if isinstance(n, w.HBox) and n.layout.flex_flow != "row wrap"]
    assert not rows, f"{name}: rows that do not wrap: {len(rows)}"


def test_row_editor_fields_are_named_by_column_and_row():
    flywheel = widgets.FlywheelMapper(auto_chart=False)
    first = flywheel.records.controls[0]
    assert [c.tooltip for c in first.values()] == ["Contactmoment, rij 1", "Fase, rij 1", "Flywheel, rij 1",
                                                  "Kanaal, rij 1"]
    assert flywheel.records.controls[2]["phase"].tooltip == "Fase, rij 3"
    flywheel.records.remove_at(0)   # the numbers follow the rows
    assert flywheel.records.controls[0]["phase"].tooltip == "Fase, rij 1"
    flywheel.records.add()
    assert flywheel.records.controls[-1]["channel"].tooltip == f"Kanaal, rij {len(flywheel.records)}"
    peso = widgets.PESOClassifier(auto_chart=False)
    assert peso.records.controls[0]["guess"].tooltip == "PESO-soort, rij 1"
    fourc = widgets.FourCSorter(auto_chart=False)
    assert fourc.rows.controls[1]["choice"].tooltip == "C, rij 2"
    assert fourc.rows.entry["text"].tooltip == "Activiteit voor een nieuwe rij"


def test_needs_profile_sliders_say_platform_and_need():
    profile = widgets.NeedsProfile(auto_chart=False)
    assert profile.sliders["LinkedIn"]["competentie"].tooltip == "LinkedIn – Competentie"
    profile.add_platform("TikTok")
    assert profile.sliders["TikTok"]["verbondenheid"].tooltip == "TikTok – Verbondenheid"
    # the chart right under the sliders, the text under the chart
    children = list(profile.children)
    assert children.index(profile.chart) < children.index(profile.text)


def test_errors_results_and_file_actions_are_announced(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    widget = widgets.FourCSorter(auto_chart=False)
    for part in (widget.message, widget.file_status, widget.rows.status):
        assert LIVE_CLASS in part._dom_classes
    widget.filename.value = "werk"
    widget.file_buttons["Opslaan"].click()
    assert "Klaar" in widget.file_status.value
    quiz = MultipleChoice("Welke?", ["A", "B"], answer="B")
    number = NumberQuestion("Hoeveel?", answer=3)
    for question in (quiz, number):
        assert LIVE_CLASS in question.feedback._dom_classes
        assert "smmkit-quiz-question" in question.question._dom_classes
    assert number.number.tooltip


def test_chart_has_a_text_alternative_from_its_data():
    profile = widgets.NeedsProfile()
    assert CHART_ALT_CLASS in profile.chart_alt._dom_classes
    alt = profile.chart_alt.value
    assert "Staafdiagram" in alt and "LinkedIn 4" in alt and "boek" in alt
    profile.sliders["LinkedIn"]["competentie"].value = 1   # the fast path (livechart) updates it too
    assert "Competentie: LinkedIn 1" in profile.chart_alt.value
    profile.chart_kind.value = "radar"
    assert "Profieldiagram" in profile.chart_alt.value
    flywheel = widgets.FlywheelMapper()
    assert "17 van de 24 vakjes zijn leeg" in flywheel.chart_alt.value
    flywheel.records.remove_at(0)
    assert "18 van de 24 vakjes zijn leeg" in flywheel.chart_alt.value


@pytest.mark.parametrize("name", [n for n in NAMES if getattr(widgets, n).has_chart])
def test_every_chart_is_described(name):
    widget = getattr(widgets, name)()
    text = re.sub(r"<[^>]+>", " ", widget.chart_alt.value)
    assert "Grafiek als tekst" in text and re.search(r"\d", text), f"{name}: {text[:200]}"


def test_series_differ_by_more_than_colour():
    fig = plots.grouped_bar(["A", "B"], {"x": [1, 2], "y": [3, 4], "z": [5, 6]}, title="t", source="s")
    hatches = [container.patches[0].get_hatch() for container in fig.axes[0].containers]
    assert len(set(hatches)) == 3
    fig = plots.profile({"p": {"a": 1, "b": 2, "c": 3}, "q": {"a": 3, "b": 2, "c": 1}}, title="t", source="s")
    markers = [line.get_marker() for line in fig.axes[0].lines]
    assert len(set(markers)) == 2 and "None" not in markers
    assert plots.describe(fig) == ("Profieldiagram 't' met de assen a, b, c, schaal 1 tot 5. "
                                   "p: a 1, b 2, c 3. q: a 3, b 2, c 1.")
    bars = plots.grouped_bar(["A"], {"n": [2.5]}, title="T", source="s", value_label="aantal")
    assert plots.describe(bars) == "Staafdiagram 'T' met 1 staven. De staven tonen: aantal. A 2,5."
    grouped = plots.grouped_bar(["A", "B"], {"x": [1, 2], "y": [3.25, 4]}, title="G", source="s")
    assert plots.describe(grouped) == "Staafdiagram 'G' met 2 groepen van 2 staven. x: A 1, B 2. y: A 3,25, B 4."


def test_kit_text_colours_reach_4_5_to_1():
    for kind, colour in boxes.TEXT_COLOURS.items():
        for background in ("#FFFFFF", *(bg for _border, bg in boxes.KINDS.values())):
            assert contrast(colour, background) >= 4.5, (kind, colour, background)
    assert contrast(boxes.NOTE_COLOUR) >= 4.5 and contrast(plots.GREY) >= 4.5


def test_widget_text_uses_no_colour_below_4_5_to_1():
    peso = widgets.PESOClassifier(auto_chart=False)
    for control in peso.records.controls:
        control["guess"].value = "paid"
    peso.check()   # Nakijken
    lcss = widgets.LCSSMapper(auto_chart=False)
    fourc = widgets.FourCSorter(auto_chart=False)
    for widget in (peso, lcss, fourc):
        colours = re.findall(r"(?<![-\w])color:\s*(#[0-9A-Fa-f]{3,6})", widget.text.value)
        assert colours, "expected coloured verdicts to check"
        low = [c for c in colours if contrast(c) < 4.5]
        assert not low, f"{type(widget).__name__}: text colours below 4.5:1: {low}"


def test_result_tables_have_header_cells():
    text = widgets.FourCSorter(auto_chart=False).text.value
    assert '<th scope="col"' in text and '<th scope="row"' in text
    text = widgets.InfluencerScorer(auto_chart=False).text.value
    assert '<th scope="col"' in text and '<th scope="row"' in text


def test_a_chart_shown_as_output_carries_its_alt():
    """A chart a chapter shows (not a widget): the PNG with the text alternative in the output's
    metadata, which nbconvert and the kit's lab extension write as the image's alt."""
    fig = plots.grouped_bar(["Facebook", "X"], {"gemeenten": [59, 40]}, title="Kanalen", source="s")
    png, metadata = plots._png_formatter(fig)
    assert png[:4] == b"\x89PNG"
    assert metadata == {"alt": "Staafdiagram 'Kanalen' met 2 staven. Facebook 59, X 40. Bron: s."}
