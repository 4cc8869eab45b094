"""The fast chart path (smmkit.livechart): after a change, the live chart must look exactly like a
full redraw on a new figure, and it must really take the fast path (not silently redraw all)."""
from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

import ipywidgets as w

import smmkit.widgets as widgets
from smmkit import livechart, plots
from smmkit.widgets import FlywheelMapper, HoneycombCompare, NeedsProfile, ReputationScorer
from smmkit.widgets.base import SmmkitWidget

FAST = sorted((cls for cls in (getattr(widgets, n) for n in widgets.__all__)
               if isinstance(cls, type) and issubclass(cls, SmmkitWidget)
               and cls.update_chart is not SmmkitWidget.update_chart), key=lambda c: c.__name__)


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGBA"), dtype=np.int16)


def fresh_draw(widget) -> bytes:
    """The widget's current result drawn from scratch on a new Figure (never the live, reused one)."""
    import matplotlib as mpl
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    with mpl.rc_context({"figure.constrained_layout.use": False, "figure.autolayout": False}):
        fig = Figure(figsize=widget.chart_size)
    FigureCanvasAgg(fig)
    kept = dict(vars(widget))  # draw may note its artists on the widget (e.g. FlywheelMapper._cells)
    try:
        with plots.use_style():
            fig.subplots_adjust(**widget.chart_margins)
            type(widget).draw(widget, fig, widget.result)  # the class's draw, not a test's counting wrapper
    finally:
        vars(widget).update(kept)
    assert fig is not widget._fig
    return plots.to_png(fig, dpi=90, fast=True)


def assert_same_as_full_draw(widget) -> None:
    live = pixels(widget.chart.value)
    full = pixels(fresh_draw(widget))
    assert live.shape == full.shape
    assert np.abs(live - full).max() <= 2, "the live chart differs from a full redraw on a new figure"


def changes(widget):
    """A few learner changes per widget (each keeps the chart's layout, so the fast path applies)."""
    if isinstance(widget, HoneycombCompare):
        yield lambda: setattr(widget.a["sliders"]["sharing"], "value", 1)
        yield lambda: setattr(widget.b["sliders"]["identity"], "value", 0)
    elif isinstance(widget, NeedsProfile):
        yield lambda: setattr(widget.sliders["LinkedIn"]["autonomie"], "value", 1)
        yield lambda: setattr(widget.sliders["WhatsApp"]["competentie"], "value", 5)
    elif isinstance(widget, ReputationScorer):
        first, last = list(widget.sliders)[0], list(widget.sliders)[-1]
        yield lambda: setattr(widget.sliders[first], "value", 1)   # becomes the weakest: highlighted
        yield lambda: setattr(widget.sliders[last], "value", 5)
    elif isinstance(widget, FlywheelMapper):
        row = widget.records.controls[0]
        yield lambda: setattr(row["phase"], "value", "gebruiken")
        yield lambda: setattr(row["part"], "value", "selling")


@pytest.mark.parametrize("cls", [HoneycombCompare, NeedsProfile, ReputationScorer, FlywheelMapper])
def test_live_update_takes_fast_path_and_matches_full_draw(cls, monkeypatch):
    widget = cls()
    blit = widget._blit
    assert blit is not None, "the first draw should prepare the fast path"
    full_draws = []
    real_draw = widget.draw
    monkeypatch.setattr(widget, "draw", lambda fig, result: (full_draws.append(1), real_draw(fig, result)))
    for change in changes(widget):
        before = widget.chart.value
        change()
        assert widget.error == ""
        assert widget.chart.value != before, "the chart did not change"
        assert_same_as_full_draw(widget)
    assert full_draws == [] and widget._blit is blit, "a data change redrew the whole chart"


def test_layout_change_falls_back_to_full_draw():
    h = HoneycombCompare()
    blit = h._blit
    h.a["name"].value = "Mastodon"           # the title names the platforms: a new layout
    assert h._blit is not blit and h.result.name_a == "Mastodon"
    assert_same_as_full_draw(h)
    n = NeedsProfile()
    n.chart_kind.value = "radar"               # bars → radar: other axes
    assert n.result.chart == "radar"
    assert_same_as_full_draw(n)
    n.compare_box.value = False
    n.chart_kind.value = "bars"
    assert_same_as_full_draw(n)


def test_export_png_after_fast_updates_is_complete(tmp_path):
    r = ReputationScorer()
    first = list(r.sliders)[0]
    r.sliders[first].value = 1
    path = r.export_png(tmp_path / "tempel.png")
    exported = pixels(path.read_bytes())
    assert exported.shape[1] > 900                # 150 dpi for a report, drawn anew
    r.sliders[first].value = 2                 # after an export the live chart starts a new fast path
    assert r._blit is not None
    assert_same_as_full_draw(r)


def test_update_helpers_refuse_another_layout():
    fig, ax = plots.new_figure()
    plots.grouped_bar(["a", "b"], {"x": [1, 2]}, title="t", source="s", ax=ax, limits=(0, 5))
    assert plots.update_grouped_bar(ax, ["a", "b"], {"x": [3, 1]}, title="t", source="s", limits=(0, 5))
    assert [p.get_height() for p in ax.patches] == [3, 1]
    assert [t.get_text() for t in ax.texts][-2:] == ["3", "1"]  # after the source note
    assert plots.update_grouped_bar(ax, ["a", "c"], {"x": [3, 1]}, title="t", source="s", limits=(0, 5)) is None
    assert plots.update_grouped_bar(ax, ["a", "b"], {"y": [3, 1]}, title="t", source="s", limits=(0, 5)) is None
    assert plots.update_grouped_bar(ax, ["a", "b"], {"x": [3, 1]}, title="t", source="s", limits=(0, 9)) is None
    assert plots.update_grouped_bar(ax, ["a", "b"], {"x": [3, 1]}, title="u", source="s", limits=(0, 5)) is None
    assert plots.update_profile(ax, {"x": {"a": 1, "b": 2, "c": 3}}, title="t", source="s") is None
    fig, ax = plots.new_figure(polar=True)
    plots.profile({"p": {"a": 1, "b": 2, "c": 3}}, title="t", source="s", ax=ax)
    changed = plots.update_profile(ax, {"p": {"a": 3, "b": 2, "c": 1}}, title="t", source="s")
    assert list(changed[0].get_ydata()) == [3, 2, 1, 3]
    assert plots.update_profile(ax, {"q": {"a": 3, "b": 2, "c": 1}}, title="t", source="s") is None


def test_most_chart_widgets_have_the_fast_path():
    assert len(FAST) >= 10, [c.__name__ for c in FAST]


def _flips(widget):
    """Every observed control changed the way a learner would: next option, one step, a tick."""
    for control in list(widget._watched):
        if isinstance(control, w.widgets.widget_selection._MultipleSelection):
            continue
        if isinstance(control, w.widgets.widget_selection._Selection) and len(control.options) > 1:
            yield lambda c=control: setattr(c, "index", (c.index + 1) % len(c.options))
        elif isinstance(control, (w.Checkbox, w.ToggleButton)):
            yield lambda c=control: setattr(c, "value", not c.value)
        elif control.has_trait("max") and isinstance(control.value, (int, float)):
            step = getattr(control, "step", None) or 1
            yield lambda c=control, s=step: setattr(c, "value", c.value + s if c.value + s <= c.max else c.value - s)


@pytest.mark.parametrize("cls", FAST, ids=lambda c: c.__name__)
def test_every_change_shows_the_same_chart_as_a_full_draw(cls):
    """Whatever the learner changes (fast path or a new layout), the live chart is right."""
    widget = cls()
    fast = 0
    for flip in list(_flips(widget))[:12]:
        blit = widget._blit
        flip()
        if widget.error or widget.result is None:
            continue
        fast += widget._blit is blit and blit is not None
        assert_same_as_full_draw(widget)
    assert fast > 0 or cls.__name__ in {"FourCSorter", "InfluencerScorer"}, "no change took the fast path"


def test_no_import_cycle_between_plots_and_livechart():
    """plots holds the drawing functions and their in-place updates; livechart (blitting) imports no smmkit."""
    import ast
    from pathlib import Path

    def imported(module) -> set[str]:
        tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
        names = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                names |= {node.module} | {f"{node.module}.{a.name}" for a in node.names}
            elif isinstance(node, ast.Import):
                names |= {a.name for a in node.names}
        return names

    assert not {n for n in imported(livechart) if n.startswith("smmkit")}
    assert "smmkit.livechart" not in imported(plots)
    assert "inspect" not in imported(livechart) | imported(plots)
