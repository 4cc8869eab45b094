"""Fast redraws of a live widget chart: change the drawn artists in place and redraw only those.

A widget chart is redrawn every time a learner moves a slider. Drawing a whole matplotlib figure
costs 150–300 ms here, most of it in rendering text (tick labels, titles, the source note) that
did not change. So when only the data changes, the widget keeps the figure and:

1. changes the artists that show the data, in place (:func:`update_grouped_bar`,
   :func:`update_profile`; they return ``None`` when the chart's layout would change, e.g. other
   categories, another title or other axis limits: then the widget draws the chart anew);
2. redraws just those artists (and whatever lies on top of them) over a saved picture of the rest
   of the figure, matplotlib's "blitting" (:class:`Blit`).

The picture is the same as a full redraw; ``tests/widgets/test_livechart.py`` compares the pixels with a fresh draw on a new figure.
Only ``smmkit.widgets.base`` uses this module; charts in chapters are drawn once and don't need it.
"""
from __future__ import annotations

import inspect
import io
from operator import attrgetter
from typing import Mapping, Sequence

# ---------------------------------------------------------------------- what smmkit.plots records
BARS = "bars"
PROFILE = "profile"
_DATA = ("categories", "series", "scores", "ax")  # the arguments that are data, not layout


def _frozen(value):
    if isinstance(value, (list, tuple)):
        return tuple(_frozen(v) for v in value)
    if isinstance(value, dict):
        return tuple((k, _frozen(v)) for k, v in value.items())
    return value


def layout_key(names: Sequence, axes: Sequence, arguments: Mapping) -> tuple:
    """What fixes a chart's layout: series names, categories (or radar axes) and all other options."""
    options = tuple(sorted((k, _frozen(v)) for k, v in arguments.items() if k not in _DATA))
    return tuple(str(n) for n in names), tuple(str(a) for a in axes), options


def remember(ax, kind: str, key: tuple, artists) -> None:
    """Called by ``smmkit.plots``: note what it drew on ``ax`` (kind, layout key, data artists)."""
    ax._smmkit_live = (kind, key, artists)


def _recorded(ax, kind: str, helper, data: tuple, names: Sequence, axes: Sequence, options: Mapping):
    """(artists, all arguments of ``helper`` with defaults) when ``ax`` holds this layout, else None."""
    live = getattr(ax, "_smmkit_live", None)
    if live is None or live[0] != kind:
        return None
    bound = inspect.signature(helper).bind(*data, **options)
    bound.apply_defaults()
    return (live[2], bound.arguments) if live[1] == layout_key(names, axes, bound.arguments) else None


# ---------------------------------------------------------------------- in-place updates
def update_grouped_bar(ax, categories: Sequence[str], series: Mapping[str, Sequence[float]], **options):
    """Give the bars that ``plots.grouped_bar(categories, series, ax=ax, **options)`` drew new values.

    Takes the same arguments as ``grouped_bar``. Returns the changed artists, or ``None`` when
    ``ax`` holds no such chart with the same categories, series names and options (redraw then).
    """
    from smmkit import plots

    options.pop("ax", None)
    recorded = _recorded(ax, BARS, plots.grouped_bar, (categories, series), list(series), categories, options)
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
        changed.extend(container.patches)
        if labels[i] is not None:
            for old in labels[i]:
                old.remove()
            labels[i] = plots.label_bars(ax, container, values, arguments["value_format"])
            changed.extend(labels[i])
    return changed


def update_bars(fig, chart):
    """``update_grouped_bar`` on the figure's first axes; ``chart`` is (categories, series, options)."""
    if not fig.axes:
        return None
    categories, series, options = chart
    return update_grouped_bar(fig.axes[0], categories, series, **options)


def stable_limit(top: float, step: float) -> float:
    """The smallest multiple of ``step`` at or above ``top`` (at least one step).

    Axis limits that grow in steps rather than with every value keep a chart's layout the same
    while a learner changes values, so the fast path above can be used.
    """
    import math

    return max(step, math.ceil(top / step - 1e-9) * step)


def update_profile(ax, scores: Mapping[str, Mapping[str, float]], **options):
    """Give the lines of ``plots.profile(scores, ax=ax, **options)`` new values (same arguments).

    Returns the changed artists, or ``None`` when ``ax`` holds no such radar chart with the same
    series, axes and options.
    """
    from smmkit import plots

    options.pop("ax", None)
    names = list(scores)
    if not names:
        return None
    axes_names = list(scores[names[0]])
    recorded = _recorded(ax, PROFILE, plots.profile, (scores,), names, axes_names, options)
    if recorded is None:
        return None
    (angles, artists), _arguments = recorded
    changed = []
    for name in names:
        values = [float(scores[name][a]) for a in axes_names]
        closed = values + values[:1]
        line, fill = artists[name]
        line.set_data(angles, closed)
        changed.append(line)
        if fill is not None:
            fill.set_xy(list(zip(angles, closed)))
            changed.append(fill)
    return changed


# ---------------------------------------------------------------------- blitting
class Blit:
    """A saved picture of ``fig`` without the moving artists, and PNGs of it with them drawn on top.

    ``changed``: the artists that change between redraws, all inside axes. Everything in the same axes that is drawn
    on top of them (higher or equal zorder: lines over bars, labels, the legend, the spines) is
    redrawn with them, so the stacking order stays as in a full draw.
    """

    def __init__(self, fig, changed: Sequence, dpi: int):
        self.fig = fig
        fig.set_dpi(dpi)
        self.floors = {}  # per axes: the lowest zorder that moves; all from there up is redrawn
        for artist in changed:
            ax = artist.axes
            self.floors[ax] = min(self.floors.get(ax, artist.get_zorder()), artist.get_zorder())
        self._animate(changed)
        fig.canvas.draw()  # animated artists are left out of this picture
        self.background = fig.canvas.copy_from_bbox(fig.bbox)

    def _animate(self, changed: Sequence) -> None:
        for artist in changed:
            artist.set_animated(True)
        for ax, floor in self.floors.items():
            for artist in ax.get_children():
                if artist is not ax.patch and artist.get_zorder() >= floor:
                    artist.set_animated(True)

    def covers(self, changed: Sequence) -> bool:
        """True when these changed artists can be blitted (same axes, nothing lower than before)."""
        return all(a.axes in self.floors and a.get_zorder() >= self.floors[a.axes] for a in changed)

    def png(self, changed: Sequence = ()) -> bytes:
        """The figure as PNG: the saved picture plus every animated artist, in drawing order."""
        from PIL import Image

        self._animate(changed)
        canvas = self.fig.canvas
        canvas.restore_region(self.background)
        for ax in self.floors:
            moving = [a for a in ax.get_children() if a.get_animated() and a.get_visible()]
            for artist in sorted(moving, key=attrgetter("zorder")):  # stable, as Axes.draw sorts
                self.fig.draw_artist(artist)
        width, height = canvas.get_width_height(physical=True)
        image = Image.frombuffer("RGBA", (width, height), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
        buffer = io.BytesIO()
        image.save(buffer, format="png", compress_level=1, dpi=(self.fig.dpi, self.fig.dpi))
        return buffer.getvalue()
