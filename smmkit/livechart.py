"""Fast redraws of a live widget chart: redraw only the artists that changed (matplotlib's "blitting").

A widget chart is redrawn every time a learner moves a slider. Drawing a whole matplotlib figure
costs 150–300 ms here, most of it in rendering text (tick labels, titles, the source note) that
did not change. So when only the data changes, the widget keeps the figure and:

1. changes the artists that show the data, in place: ``smmkit.plots.update_grouped_bar`` /
   ``update_bars`` / ``update_profile``, next to the drawing functions they mirror (they return
   ``None`` when the chart's layout would change, e.g. other categories, another title or other
   axis limits: then the widget draws the chart anew);
2. redraws just those artists (and whatever lies on top of them) over a saved picture of the rest
   of the figure (:class:`Blit`). :func:`stable_limit` keeps axis limits, and so the layout, the same
   while values change.

The picture is the same as a full redraw; ``tests/widgets/test_livechart.py`` compares the pixels with
a fresh draw on a new figure. Only ``smmkit.widgets`` uses this module; it imports nothing of smmkit.
"""
from __future__ import annotations

import io
import math
from operator import attrgetter
from typing import Sequence


def stable_limit(top: float, step: float) -> float:
    """The smallest multiple of ``step`` at or above ``top`` (at least one step).

    Axis limits that grow in steps rather than with every value keep a chart's layout the same
    while a learner changes values, so the fast path can be used.
    """
    return max(step, math.ceil(top / step - 1e-9) * step)


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
