"""The shared plot style: palette, source under every chart, no pyplot state, readable PNGs."""
import matplotlib
import pytest

from smmkit import plots
from smmkit.errors import SmmkitError


def _texts(fig):
    found = [t.get_text() for t in fig.texts]
    for ax in fig.axes:
        found += [t.get_text() for t in ax.texts] + [ax.get_title(loc="left"), ax.get_title()]
    return found


def test_palette_is_okabe_ito_and_distinct():
    assert len(set(plots.PALETTE)) == len(plots.PALETTE) == 8
    assert plots.PALETTE[:3] == ("#0072B2", "#E69F00", "#009E73")
    assert all(matplotlib.colors.is_color_like(c) for c in plots.PALETTE)


def test_use_style_is_a_context_and_leaves_global_settings_alone():
    before = matplotlib.rcParams["font.size"], matplotlib.rcParams["axes.spines.top"]
    with plots.use_style():
        assert matplotlib.rcParams["font.size"] == plots.STYLE["font.size"]
        assert matplotlib.rcParams["axes.spines.top"] is False
        assert matplotlib.rcParams["axes.prop_cycle"].by_key()["color"][0] == plots.PALETTE[0]
    assert (matplotlib.rcParams["font.size"], matplotlib.rcParams["axes.spines.top"]) == before


def test_bar_names_its_source_under_the_chart_and_uses_palette():
    data = {"kanaal": ["Twitter", "Facebook", "YouTube"], "percentage": [71, 33, 35]}
    fig = plots.bar(data, "kanaal", "percentage", title="Kanalen 2012", source="Kok e.a. (2012), tabel 3")
    ax = fig.axes[0]
    assert ax.get_title(loc="left") == "Kanalen 2012"
    assert "Bron: Kok e.a. (2012), tabel 3" in _texts(fig)
    heights = [p.get_height() for p in ax.patches]
    assert heights == [71, 33, 35]
    assert matplotlib.colors.to_hex(ax.patches[0].get_facecolor()) == plots.PALETTE[0].lower()
    assert [t.get_text() for t in ax.get_xticklabels()] == data["kanaal"]


def test_bar_without_pyplot_leaves_no_open_figures():
    import matplotlib.pyplot as plt

    n = len(plt.get_fignums())
    plots.bar({"a": ["x"], "b": [1]}, "a", "b", title="t", source="s")
    assert len(plt.get_fignums()) == n


def test_bar_with_hue_groups_bars_and_fills_gaps_with_nan():
    data = {"kanaal": ["Twitter", "Twitter", "Hyves"], "jaar": [2011, 2012, 2011], "n": [50, 71, 20]}
    fig = plots.bar(data, "kanaal", "n", hue="jaar", title="t", source="s", horizontal=True)
    ax = fig.axes[0]
    widths = [p.get_width() for p in ax.patches]
    assert widths[:2] == [50, 20] and widths[2] == 71 and widths[3] != widths[3]  # NaN for Hyves 2012
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["2011", "2012"]


def test_bar_on_given_axes_notes_source_under_that_axes():
    fig, ax = plots.new_figure()
    returned = plots.bar({"a": ["x", "y"], "b": [1, 2]}, "a", "b", title="t", source="eigen data", ax=ax)
    assert returned is ax  # the caller owns the figure
    assert "Bron: eigen data" in [t.get_text() for t in ax.texts]


def test_bad_column_and_missing_source_give_dutch_messages():
    with pytest.raises(SmmkitError, match="kolom 'procent' bestaat niet.*kanaal, percentage"):
        plots.bar({"kanaal": ["a"], "percentage": [1]}, "kanaal", "procent", title="t", source="s")
    with pytest.raises(SmmkitError, match="noemt altijd zijn bron"):
        plots.bar({"kanaal": ["a"], "percentage": [1]}, "kanaal", "percentage", title="t", source=" ")
    with pytest.raises(SmmkitError, match="2 waarden, maar er zijn 3"):
        plots.grouped_bar(["a", "b", "c"], {"x": [1, 2]}, title="t", source="s")


def test_profile_draws_one_line_per_series_and_dashed_reference():
    scores = {"YouTube": {"competentie": 5, "autonomie": 2, "verbondenheid": 2},
              "Boek": {"competentie": 4, "autonomie": 3, "verbondenheid": 1}}
    fig = plots.profile(scores, title="Profiel", source="eigen oordeel", dashed=["Boek"])
    ax = fig.axes[0]
    assert ax.name == "polar"
    lines = ax.get_lines()
    assert [l.get_label() for l in lines] == ["YouTube", "Boek"]
    assert list(lines[0].get_ydata()) == [5, 2, 2, 5]
    assert lines[1].get_linestyle() == "--"
    with pytest.raises(SmmkitError, match="minstens 3 assen"):
        plots.profile({"a": {"x": 1, "y": 2}}, title="t", source="s")


def test_to_png_gives_png_bytes():
    fig = plots.grouped_bar(["a"], {"x": [1]}, title="t", source="s")
    data = plots.to_png(fig)
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 1000


def test_figures_get_a_png_formatter_in_ipython():
    from IPython.core.interactiveshell import InteractiveShell
    from matplotlib.figure import Figure

    shell = InteractiveShell.instance()
    try:
        fig = plots.bar({"a": ["x"], "b": [1]}, "a", "b", title="t", source="s")
        data, _ = shell.display_formatter.format(fig)
        assert data["image/png"][:4] == b"\x89PNG"
    finally:
        shell.display_formatter.formatters["image/png"].pop(Figure, None)
        InteractiveShell.clear_instance()
