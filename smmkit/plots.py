"""The one plot style of the kit: a colour-blind-safe palette, readable fonts, the source under every chart.

Every chart a learner sees (in a chapter, an exercise or a widget) comes from these helpers, so all
charts look alike. Each helper makes a new figure unless you pass ``ax=``, draws inside the kit's
style (an rc context: your own matplotlib settings are left alone), names the source under the
chart ("Bron: …") and returns the ``Figure`` (or, when you passed ``ax=``, that ``Axes``: a pyplot
figure already shows itself). The figure is made without pyplot, so a notebook cell that ends with
a helper call shows the chart exactly once::

    from smmkit import plots
    plots.bar(df, "kanaal", "percentage", title="Kanalen van gemeenten in 2012",
              source="Kok e.a. (2012), tabel 3")

Helpers: :func:`bar` (also grouped with ``hue=``), :func:`grouped_bar` (plain lists, used by the
widgets), :func:`profile` (radar chart of scores per axis), :func:`source_note`, :func:`new_figure`,
:func:`use_style`, :func:`to_png` and :func:`describe` (the chart's Dutch text alternative, made from
the same data: what it shows and its values, for a screen reader). matplotlib is imported lazily, only when a chart is drawn.
"""
from __future__ import annotations

import io
import math
from contextlib import contextmanager
from typing import Any, Iterator, Mapping, Sequence

from smmkit.errors import SmmkitError
from smmkit.messages import msg

# Okabe & Ito (2008), "Color Universal Design": distinguishable with every common colour-vision
# deficiency. Ordered so the first colours contrast most; yellow (hard to read on white) comes late.
PALETTE: tuple[str, ...] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#D55E00",  # vermillion
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#F0E442",  # yellow
    "#000000",  # black
)
GREY = "#6B6B6B"  # for notes and reference marks (5.3:1 on white)
# Series differ by more than colour (WCAG 1.4.1): grouped bars get a hatch per series, radar lines a
# marker per series; the first series stays plain.
HATCHES: tuple[str, ...] = ("", "//", "..", "xx", "\\\\", "++", "oo", "--")
MARKERS: tuple[str, ...] = ("o", "s", "^", "D", "v", "P", "X", "*")
HATCH_COLOUR = "#333333"
HIGHLIGHT = PALETTE[3]  # for "attention" (a neglected category, a shortfall)

STYLE: dict[str, Any] = {
    "figure.figsize": (7.0, 4.0),
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "savefig.bbox": "tight",
    "font.size": 12,
    "axes.titlesize": 14,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 12,
    "xtick.labelsize": 11,
    "ytick.labelsize": 11,
    "legend.fontsize": 11,
    "legend.frameon": False,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "y",
    "axes.axisbelow": True,
    "grid.color": "#DDDDDD",
    "grid.linewidth": 0.8,
    "axes.edgecolor": "#444444",
    "axes.labelcolor": "#222222",
    "text.color": "#222222",
    "xtick.color": "#444444",
    "ytick.color": "#444444",
    "figure.constrained_layout.use": True,
}


def _prop_cycle():
    from cycler import cycler

    return cycler(color=list(PALETTE))


def use_style(globally: bool = False):
    """The kit's style as a context manager (``with plots.use_style(): ...``).

    With ``globally=True`` the style is applied to all later matplotlib charts of this session instead
    (handy at the top of a notebook) and ``None`` is returned.
    """
    import matplotlib as mpl

    rc = dict(STYLE, **{"axes.prop_cycle": _prop_cycle()})
    if globally:
        mpl.rcParams.update(rc)
        return None
    return mpl.rc_context(rc)


@contextmanager
def _styled() -> Iterator[None]:
    with use_style():
        yield


def _png_formatter(fig):
    """A chart as an output: the PNG, with its text alternative as the image's ``alt`` in the output's
    metadata (``{"image/png": {"alt": …}}``: nbconvert writes it as the ``alt`` of the ``<img>`` on the
    static site, and the kit's lab extension does so in JupyterLab). The description made from the data
    the helpers drew (``describe``) comes first; a figure drawn otherwise is read back (``text_alternative``)."""
    return to_png(fig), {"alt": chart_alt(fig)}


def _number(value: float) -> str:
    from smmkit.models._input import fmt

    return fmt(value) if math.isfinite(value) else "–"


def _sources(fig) -> list[str]:
    """The source lines printed on the figure ("Bron: …"), each once."""
    prefix = msg("plots.source", source="").strip()
    texts = [t.get_text() for t in fig.texts] + [t.get_text() for ax in fig.axes for t in ax.texts]
    return list(dict.fromkeys(t for t in texts if t.startswith(prefix)))


def chart_alt(fig) -> str:
    """The one text alternative of a chart shown as output: what the helpers drew (``describe``: kind,
    title, every value) with the source printed under it; a figure drawn otherwise is read back from
    the figure (``text_alternative``)."""
    described = describe(fig)
    if not described:
        return text_alternative(fig)
    return " ".join(p if p.endswith((".", "?", "!")) else p + "." for p in [described, *_sources(fig)])


def text_alternative(fig, limit: int = 24) -> str:
    """A Dutch text alternative for a chart made with these helpers: title, axes and the values shown.

    Read from the figure itself (titles, tick labels, bars and lines), so it always matches what is
    drawn; at most ``limit`` values per series are named.
    """
    parts = []
    source_prefix = msg("plots.source", source="").strip()
    titles = [t.get_text() for t in fig.texts if t.get_text() and not t.get_text().startswith(source_prefix)]
    for ax in fig.axes:
        titles += [ax.get_title(loc=loc) for loc in ("left", "center", "right") if ax.get_title(loc=loc)]
    parts.append(msg("plots.alt.title", title="; ".join(dict.fromkeys(titles)) or msg("plots.alt.untitled")))
    for ax in fig.axes:
        for container in getattr(ax, "containers", []):
            values = list(getattr(container, "datavalues", []))
            if not values:
                continue
            horizontal = getattr(container, "orientation", "vertical") == "horizontal"
            ticks = ax.get_yticklabels() if horizontal else ax.get_xticklabels()
            names = [t.get_text() for t in ticks]
            if len(names) != len(values):
                names = [str(i + 1) for i in range(len(values))]
            pairs = ", ".join(f"{n} {_number(float(v))}" for n, v in list(zip(names, values))[:limit])
            label = container.get_label()
            series = label if label and not label.startswith("_") else ""
            parts.append(msg("plots.alt.series", series=series, values=pairs) if series
                         else msg("plots.alt.values", values=pairs))
        if ax.name == "polar":
            names = [t.get_text() for t in ax.get_xticklabels()]
            for line in ax.get_lines():
                label = line.get_label()
                values = list(line.get_ydata())[:len(names)]
                if label.startswith("_") or not values:
                    continue
                pairs = ", ".join(f"{n} {_number(float(v))}" for n, v in zip(names, values))
                parts.append(msg("plots.alt.series", series=label, values=pairs))
        for axis_label in (ax.get_xlabel(), ax.get_ylabel()):
            if axis_label:
                parts.append(msg("plots.alt.axis", label=axis_label))
    parts += _sources(fig)
    return " ".join(p if p.endswith((".", "?", "!")) else p + "." for p in parts)


def enable_notebook_display() -> bool:
    """Let a notebook show a returned Figure as a PNG (figures made without pyplot have no formatter).

    Called by every helper; does nothing outside IPython. Returns True when a formatter is active.
    """
    import sys

    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    if shell is None or not hasattr(shell, "display_formatter"):
        return False
    from matplotlib.figure import Figure

    formatter = shell.display_formatter.formatters["image/png"]
    try:
        formatter.lookup_by_type(Figure)
    except KeyError:
        formatter.for_type(Figure, _png_formatter)
    return True


def new_figure(width: float | None = None, height: float | None = None, polar: bool = False):
    """A new ``(figure, axes)`` pair in the kit's style, made without pyplot (no global state)."""
    from matplotlib.figure import Figure

    enable_notebook_display()
    with _styled():
        size = list(STYLE["figure.figsize"])
        fig = Figure(figsize=(width or size[0], height or size[1]))
        ax = fig.add_subplot(projection="polar" if polar else None)
    return fig, ax


def source_note(ax_or_fig, text: str):
    """Write "Bron: <text>" under the chart (figure) or under one axes. Returns the text artist."""
    if not text or not str(text).strip():
        raise SmmkitError(msg("plots.no_source"))
    label = msg("plots.source", source=str(text).strip())
    with _styled():
        if hasattr(ax_or_fig, "supxlabel"):  # a Figure
            return ax_or_fig.supxlabel(label, x=0.01, ha="left", fontsize=10, color=GREY)
        # x from the figure's left edge (long notes fit), y just below the axes and its tick labels
        return ax_or_fig.annotate(
            label, xy=(0.01, 0), xycoords=("figure fraction", "axes fraction"), xytext=(0, -42),
            textcoords="offset points",
            ha="left", va="top", fontsize=10, color=GREY,
        )


def _finish(fig, ax, title: str, source: str, own_figure: bool, **title_kwargs) -> None:
    if not source or not str(source).strip():
        raise SmmkitError(msg("plots.no_source"))
    if title:
        ax.set_title(title, **title_kwargs)
    source_note(fig if own_figure else ax, source)


def _column(data, name: str) -> list:
    try:
        column = data[name]
    except (KeyError, IndexError, TypeError):
        try:
            names = list(data.keys()) if hasattr(data, "keys") else list(data.columns)
        except Exception:
            names = []
        raise SmmkitError(msg("plots.unknown_column", column=name, columns=", ".join(map(str, names)))) from None
    return list(column)


def label_bars(ax, bars, values: Sequence[float], value_format: str = "{:g}"):
    """Write each bar's value at its end, in the kit's style; returns the text artists."""
    return ax.bar_label(bars, labels=[value_format.format(v) for v in values], padding=2, fontsize=10)


def grouped_bar(
    categories: Sequence[str],
    series: Mapping[str, Sequence[float]],
    *,
    title: str,
    source: str,
    ax=None,
    horizontal: bool = False,
    value_label: str = "",
    colours: Sequence[str] | None = None,
    value_format: str = "{:g}",
    labels: bool = True,
    limits: tuple[float, float] | None = None,
):
    """Bars per category, one bar per series side by side (one series = a plain bar chart)."""
    arguments = dict(locals())  # for update_grouped_bar: a widget can later give these bars new values
    categories = [str(c) for c in categories]
    names = list(series)
    if not names:
        raise SmmkitError(msg("plots.no_data"))
    for name in names:
        if len(series[name]) != len(categories):
            raise SmmkitError(msg("plots.length_mismatch", name=name, n=len(series[name]), k=len(categories)))
    own = ax is None
    with _styled():
        if own:
            fig, ax = new_figure()
        fig = ax.figure
        colours = list(colours or PALETTE)
        width = 0.8 / len(names)
        containers, texts = [], []
        for i, name in enumerate(names):
            pos = [k - 0.4 + width * (i + 0.5) for k in range(len(categories))]
            values = [float(v) for v in series[name]]
            draw = ax.barh if horizontal else ax.bar
            hatch = HATCHES[i % len(HATCHES)] if len(names) > 1 else ""
            bars = draw(pos, values, width * 0.92, label=name if len(names) > 1 else None,
                        color=colours[i % len(colours)], hatch=hatch or None,
                        edgecolor=HATCH_COLOUR if hatch else None, linewidth=0)
            containers.append(bars)
            texts.append(label_bars(ax, bars, values, value_format) if labels else None)
        ticks = list(range(len(categories)))
        if horizontal:
            ax.set_yticks(ticks, categories)
            ax.invert_yaxis()
            ax.grid(axis="y", visible=False)
            ax.grid(axis="x", visible=True)
            if value_label:
                ax.set_xlabel(value_label)
            if limits:
                ax.set_xlim(*limits)
        else:
            ax.set_xticks(ticks, categories)
            if value_label:
                ax.set_ylabel(value_label)
            if limits:
                ax.set_ylim(*limits)
        if len(names) > 1:
            ax.legend(ncols=min(len(names), 4), loc="upper right")
        _finish(fig, ax, title, source, own)
        _remember(ax, BARS, _layout_key(names, categories, arguments), (containers, texts))
        _keep_data(ax, "bars", title, categories, {n: [float(v) for v in series[n]] for n in names},
                   value_label=value_label)
    return fig if own else ax


def bar(data, x: str, y: str, *, title: str, source: str, ax=None, horizontal: bool = False,
        hue: str | None = None, value_label: str | None = None, **kwargs):
    """Bar chart of column ``y`` per ``x`` from a DataFrame (or a dict of columns).

    With ``hue=`` the bars are grouped: one colour per value of that column (e.g. ``hue="jaar"``).
    """
    xs, ys = _column(data, x), _column(data, y)
    if not xs:
        raise SmmkitError(msg("plots.no_data"))
    if hue is None:
        series = {y: ys}
        categories = [str(v) for v in xs]
    else:
        hues = _column(data, hue)
        categories = list(dict.fromkeys(str(v) for v in xs))
        groups = list(dict.fromkeys(hues))
        table = {(str(a), h): v for a, h, v in zip(xs, hues, ys)}
        series = {str(h): [table.get((c, h), math.nan) for c in categories] for h in groups}
    return grouped_bar(categories, series, title=title, source=source, ax=ax, horizontal=horizontal,
                       value_label=y if value_label is None else value_label, **kwargs)


def profile(scores: Mapping[str, Mapping[str, float]], *, title: str, source: str, ax=None,
            scale: tuple[float, float] = (1, 5), colours: Sequence[str] | None = None,
            dashed: Sequence[str] = ()):
    """Radar chart: one closed line per series (e.g. a platform) over the same axes (e.g. needs).

    ``scores`` is ``{series: {axis: value}}``; every series must have the same axes. Series named in
    ``dashed`` are drawn as dashed reference lines without fill (e.g. the book's view).
    """
    arguments = dict(locals())  # for update_profile: a widget can later give these lines new values
    names = list(scores)
    if not names:
        raise SmmkitError(msg("plots.no_data"))
    axes_names = list(scores[names[0]])
    if len(axes_names) < 3:
        raise SmmkitError(msg("plots.radar_axes", n=len(axes_names)))
    own = ax is None
    with _styled():
        if own:
            fig, ax = new_figure(6.0, 5.0, polar=True)
        fig = ax.figure
        ax.set_theta_offset(math.pi / 2)  # first axis at the top, then clockwise
        ax.set_theta_direction(-1)
        angles = [2 * math.pi * k / len(axes_names) for k in range(len(axes_names))]
        closed = angles + angles[:1]
        colours = list(colours or PALETTE)
        drawn = {}
        for i, name in enumerate(names):
            values = [float(scores[name][a]) for a in axes_names]
            colour = colours[i % len(colours)]
            style = "--" if name in dashed else "-"
            (line,) = ax.plot(closed, values + values[:1], style, color=colour, linewidth=2, label=name,
                              marker=MARKERS[i % len(MARKERS)], markersize=6)
            fill = None if name in dashed else ax.fill(closed, values + values[:1], color=colour, alpha=0.12)[0]
            drawn[name] = (line, fill)
        ax.set_xticks(angles, axes_names)
        ax.set_ylim(*scale)
        ax.set_yticks(list(range(int(scale[0]), int(scale[1]) + 1)))
        ax.set_rlabel_position(180 / len(axes_names))  # radial numbers between the first two axes
        ax.tick_params(axis="x", pad=8)
        ax.grid(True)
        ax.legend(loc="upper left", bbox_to_anchor=(1.1, 1.0))
        _finish(fig, ax, title, source, own, pad=24)
        _remember(ax, PROFILE, _layout_key(names, axes_names, arguments), (closed, drawn))
        _keep_data(ax, "profile", title, axes_names,
                   {n: [float(scores[n][a]) for a in axes_names] for n in names}, scale=tuple(scale))
    return fig if own else ax


# ---------------------------------------------------------------------- in-place updates (live widget charts)
# A widget redraws its chart whenever a learner moves a slider. When only the data changes, the functions
# below give the artists that grouped_bar / profile drew new values, in place, and return them (for
# smmkit.livechart.Blit, which redraws only those); they return None when the layout would change
# (other categories, series names or options): then the widget draws the chart anew.
BARS = "bars"
PROFILE = "profile"
_DATA = ("categories", "series", "scores", "ax")  # the arguments that are data, not layout


def _frozen(value):
    if isinstance(value, (list, tuple)):
        return tuple(_frozen(v) for v in value)
    if isinstance(value, dict):
        return tuple((k, _frozen(v)) for k, v in value.items())
    return value


def _layout_key(names: Sequence, axes: Sequence, arguments: Mapping) -> tuple:
    """What fixes a chart's layout: series names, categories (or radar axes) and all other options."""
    options = tuple(sorted((k, _frozen(v)) for k, v in arguments.items() if k not in _DATA))
    return tuple(str(n) for n in names), tuple(str(a) for a in axes), options


def _remember(ax, kind: str, key: tuple, artists) -> None:
    ax._smmkit_live = (kind, key, artists)


def _recorded(ax, kind: str, drawing, names: Sequence, axes: Sequence, options: Mapping):
    """(artists, all options) when ``ax`` holds this layout drawn by ``drawing``, else None.

    The options are completed with the drawing function's own keyword defaults, so a call with the
    same arguments as the drawing call gives the same layout key.
    """
    live = getattr(ax, "_smmkit_live", None)
    if live is None or live[0] != kind:
        return None
    arguments = {**drawing.__kwdefaults__, **{k: v for k, v in options.items() if k != "ax"}}
    return (live[2], arguments) if live[1] == _layout_key(names, axes, arguments) else None


def update_grouped_bar(ax, categories: Sequence[str], series: Mapping[str, Sequence[float]], **options):
    """Give the bars that ``grouped_bar(categories, series, ax=ax, **options)`` drew new values.

    Takes the same arguments as ``grouped_bar``. Returns the changed artists, or ``None`` when
    ``ax`` holds no such chart with the same categories, series names and options (redraw then).
    """
    recorded = _recorded(ax, BARS, grouped_bar, list(series), [str(c) for c in categories], options)
    if recorded is None:
        return None
    (containers, labels), arguments = recorded
    changed = []
    for i, (container, name) in enumerate(zip(containers, series)):
        values = [float(v) for v in series[name]]
        if len(values) != len(container.patches):
            return None
        for patch, value in zip(container.patches, values):
            (patch.set_width if arguments["horizontal"] else patch.set_height)(value)
        container.datavalues = values  # bar_label reads the sign from here
        _update_data(ax, name, values)
        changed.extend(container.patches)
        if labels[i] is not None:
            for old in labels[i]:
                old.remove()
            labels[i] = label_bars(ax, container, values, arguments["value_format"])
            changed.extend(labels[i])
    return changed


def update_bars(fig, chart):
    """``update_grouped_bar`` on the figure's first axes; ``chart`` is (categories, series, options)."""
    if not fig.axes:
        return None
    categories, series, options = chart
    return update_grouped_bar(fig.axes[0], categories, series, **options)


def update_profile(ax, scores: Mapping[str, Mapping[str, float]], **options):
    """Give the lines of ``profile(scores, ax=ax, **options)`` new values (same arguments).

    Returns the changed artists, or ``None`` when ``ax`` holds no such radar chart with the same
    series, axes and options.
    """
    names = list(scores)
    if not names:
        return None
    axes_names = list(scores[names[0]])
    recorded = _recorded(ax, PROFILE, profile, names, axes_names, options)
    if recorded is None:
        return None
    (angles, artists), _arguments = recorded
    changed = []
    for name in names:
        values = [float(scores[name][a]) for a in axes_names]
        closed = values + values[:1]
        _update_data(ax, name, values)
        line, fill = artists[name]
        line.set_data(angles, closed)
        changed.append(line)
        if fill is not None:
            fill.set_xy(list(zip(angles, closed)))
            changed.append(fill)
    return changed


# ---------------------------------------------------------------------- the text alternative
MAX_DESCRIBED = 12  # values named per series; the rest is counted ("en nog 3")


def _keep_data(ax, kind: str, title: str, categories, series: Mapping[str, list], **extra) -> None:
    ax._smmkit_data = {"kind": kind, "title": title, "categories": [str(c) for c in categories],
                       "series": {str(n): list(v) for n, v in series.items()}, **extra}


def _update_data(ax, name, values) -> None:
    data = getattr(ax, "_smmkit_data", None)
    if data is not None and str(name) in data["series"]:
        data["series"][str(name)] = [float(v) for v in values]


def _number(value: float) -> str:
    from smmkit.models._input import fmt

    if isinstance(value, float) and math.isnan(value):
        return msg("plots.alt.missing")
    return fmt(value)


def _values(categories, values) -> str:
    pairs = [f"{c} {_number(v)}" for c, v in zip(categories, values)]
    if len(pairs) > MAX_DESCRIBED:
        pairs = pairs[:MAX_DESCRIBED] + [msg("plots.alt.more", n=len(pairs) - MAX_DESCRIBED)]
    return ", ".join(pairs)


def describe(chart) -> str:
    """The chart's text alternative in Dutch, made from the data the helpers drew (not from pixels).

    ``chart`` is a Figure or Axes drawn with :func:`grouped_bar`, :func:`bar` or :func:`profile`
    (after a live ``update_*`` the new values). What kind of chart, its title, what the values mean
    and every series' values. A chart that none of the helpers drew gives its title only, or "".
    """
    axes = list(getattr(chart, "axes", None) or [chart])
    parts = []
    for ax in axes:
        data = getattr(ax, "_smmkit_data", None)
        if data is None:
            title = ax.get_title() or ax.get_title(loc="left")
            if title:
                parts.append(msg("plots.alt.other", title=title))
            continue
        title = data["title"] or msg("plots.alt.untitled")
        if data["kind"] == "bars":
            if len(data["series"]) == 1:
                head = msg("plots.alt.bars", title=title, n=len(data["categories"]))
            else:
                head = msg("plots.alt.grouped", title=title, n=len(data["categories"]), k=len(data["series"]))
            if data.get("value_label"):
                head += " " + msg("plots.alt.value_label", label=data["value_label"])
        else:
            low, high = data["scale"]
            head = msg("plots.alt.profile", title=title, axes=", ".join(data["categories"]),
                       low=_number(float(low)), high=_number(float(high)))
        series = data["series"]
        if len(series) == 1 and data["kind"] == "bars":
            lines = [_values(data["categories"], next(iter(series.values()))) + "."]
        else:
            lines = [f"{name}: {_values(data['categories'], values)}." for name, values in series.items()]
        parts.append(" ".join([head, *lines]))
    return " ".join(parts)


def to_png(fig, dpi: int | None = None, fast: bool = False) -> bytes:
    """The figure as PNG bytes (for an ``ipywidgets.Image`` or a file).

    ``fast=True`` (used for live widget charts) skips the extra layout pass of a tight bounding box
    and compresses lightly; use the default for files that go into a report.
    """
    import matplotlib as mpl

    buffer = io.BytesIO()
    # savefig restores the figure's layout engine from rcParams afterwards: keep "no engine" as it was
    keep = {} if fig.get_layout_engine() is not None else {
        "figure.constrained_layout.use": False, "figure.autolayout": False}
    if fast:
        keep["savefig.bbox"] = "standard"  # bbox_inches=None alone would fall back to rc "tight"
    with _styled(), mpl.rc_context(keep):
        if fast:
            fig.savefig(buffer, format="png", dpi=dpi or 100, bbox_inches=None,
                        pil_kwargs={"compress_level": 1})
        else:
            fig.savefig(buffer, format="png", dpi=dpi or 100)
    return buffer.getvalue()
