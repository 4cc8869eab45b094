"""Chart helpers shared by the widgets' ``draw`` methods (kept apart from the row editors)."""
from __future__ import annotations


def integer_axis(ax, axis: str = "y") -> None:
    """Counts: only whole numbers on the value axis."""
    from matplotlib.ticker import MaxNLocator

    getattr(ax, f"{axis}axis").set_major_locator(MaxNLocator(integer=True))


def fit_left_margin(fig, labels, width_inches: float | None = None) -> None:
    """Make room for the longest tick label left of the axes (the live chart has fixed margins)."""
    longest = max((len(str(label)) for label in labels), default=0)
    width = width_inches or fig.get_figwidth()
    fig.subplots_adjust(left=min(0.5, 0.03 + (0.3 + 0.085 * longest) / width))


def title_to_figure(fig, ax) -> None:
    """Put the axes title at the figure's left edge, so a wide left margin cannot push it off the chart."""
    for loc, artist in (("left", ax._left_title), ("center", ax.title), ("right", ax._right_title)):
        title = ax.get_title(loc=loc)
        if title:
            font = artist.get_fontproperties()
            ax.set_title("", loc=loc)
            fig.text(0.01, 0.985, title, ha="left", va="top", fontproperties=font)
            return
