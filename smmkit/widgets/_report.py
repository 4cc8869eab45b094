"""One A4 page for a report: a widget's title, its outcome text (the advice), its result table and its chart.

Drawn with matplotlib's PDF backend (already the kit's chart engine; no browser, no LaTeX). Generic for
every ``SmmkitWidget``: it uses only ``title_key``, ``render_text(result)``, ``table(result)`` and the
chart (``_draw_png``), so a widget gets its report without code of its own. Text stays text in the PDF
(TrueType fonts), so it can be searched and copied.
"""
from __future__ import annotations

import datetime
import io
import math
import numbers
import textwrap
from html.parser import HTMLParser

from smmkit.messages import msg
from smmkit.models._input import fmt

A4_INCHES = (8.27, 11.69)
LEFT, RIGHT, TOP, BOTTOM = 0.08, 0.92, 0.95, 0.05   # figure fractions: about 1.7 cm margins
TEXT_PT = 9.5
LINE = TEXT_PT * 1.45 / 72 / A4_INCHES[1]           # one text line as a figure fraction
TITLE_WRAP = 60
WRAP = 100                                          # characters per text line at TEXT_PT on A4
MAX_TEXT_LINES = 24
ROW = 0.021                                         # one table row as a figure fraction
MAX_ROWS = 18
CELL_CHARS = 38
MIN_CHART = 0.22                                    # the chart gets at least this much of the page
BLOCK_TAGS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "ul", "ol", "table", "details"}


class _Text(HTMLParser):
    """The readable text of the widget's outcome HTML: one line per block, list items with a dash."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self.parts.append("\n")
        if tag == "li":
            self.parts.append("– ")
        if tag in ("td", "th"):
            self.parts.append("  ")

    def handle_endtag(self, tag):
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        self.parts.append(data)


def html_text(markup: str) -> list[str]:
    """The lines of text in ``markup`` (tags dropped, blank lines dropped, long lines wrapped)."""
    parser = _Text()
    parser.feed(markup or "")
    parser.close()
    lines = []
    for line in "".join(parser.parts).split("\n"):
        line = " ".join(line.split())
        if line:
            lines.extend(textwrap.wrap(line, WRAP) or [""])
    return lines


def cell_text(value, limit: int = CELL_CHARS) -> str:
    """A table cell as a Dutch reader expects it: decimal comma, ja/nee, nothing for NaN."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return msg("widgets.yes") if value else msg("widgets.no")
    if isinstance(value, numbers.Integral):
        return fmt(int(value))
    if isinstance(value, numbers.Real):
        number = float(value)
        if math.isnan(number):
            return ""
        return fmt(number, 4)
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _rows(widget) -> list[dict]:
    try:
        rows = widget.table(widget.result)
    except Exception:   # the page still has the text and the chart
        return []
    if rows is None:
        return []
    if hasattr(rows, "to_dict"):
        rows = rows.to_dict(orient="records")
    return [row for row in rows if isinstance(row, dict)]


def report_pdf(widget) -> bytes:
    """The widget's report as the bytes of a one-page A4 PDF (the widget must have a ``result``)."""
    import matplotlib as mpl
    from matplotlib.backends.backend_pdf import FigureCanvasPdf
    from matplotlib.figure import Figure

    from smmkit import plots

    title = msg(widget.title_key) if widget.title_key else type(widget).__name__
    lines = html_text(widget.render_text(widget.result))
    if len(lines) > MAX_TEXT_LINES:
        lines = lines[:MAX_TEXT_LINES - 1] + [msg("widgets.report_more_text")]
    rows = _rows(widget)
    columns = list(dict.fromkeys(k for row in rows for k in row))
    shown = rows[:MAX_ROWS]
    png = widget._draw_png(dpi=200, fast=False) if widget.chart is not None else None

    with plots.use_style(), mpl.rc_context({"pdf.fonttype": 42, "savefig.bbox": "standard",
                                            "figure.constrained_layout.use": False, "figure.autolayout": False}):
        fig = Figure(figsize=A4_INCHES)
        FigureCanvasPdf(fig)
        y = TOP
        title_lines = textwrap.wrap(title, TITLE_WRAP) or [title]
        fig.text(LEFT, y, "\n".join(title_lines), fontsize=16, fontweight="bold", va="top", linespacing=1.2)
        y -= 0.028 * len(title_lines) + 0.007
        today = datetime.date.today().strftime("%d-%m-%Y")
        fig.text(LEFT, y, msg("widgets.report_made", date=today), fontsize=8, color="#555555", va="top")
        y -= 0.03
        if lines:
            fig.text(LEFT, y, msg("widgets.report_outcome"), fontsize=12, fontweight="bold", va="top")
            y -= 0.025
            fig.text(LEFT, y, "\n".join(lines), fontsize=TEXT_PT, va="top", linespacing=1.45, wrap=False)
            y -= LINE * len(lines) + 0.02
        if columns:
            fig.text(LEFT, y, msg("widgets.report_table"), fontsize=12, fontweight="bold", va="top")
            y -= 0.025
            width = min(CELL_CHARS, max(8, 110 // len(columns)))   # characters that fit in one column
            labels = [textwrap.fill(cell_text(c), width) for c in columns]
            head_lines = max(label.count("\n") + 1 for label in labels)
            height = ROW * (len(shown) + head_lines)
            ax = fig.add_axes((LEFT, y - height, RIGHT - LEFT, height))
            ax.axis("off")
            table = ax.table(cellText=[[cell_text(row.get(c), width) for c in columns] for row in shown],
                             colLabels=labels, loc="upper left", cellLoc="left",
                             bbox=(0, 0, 1, 1))
            table.auto_set_font_size(False)
            table.set_fontsize(8 if len(columns) <= 6 else 6.5)
            for (r, _c), cell in table.get_celld().items():
                cell.set_edgecolor("#bbbbbb")
                cell.set_height(head_lines if r == 0 else 1)     # the bbox scales the rows to fit
                if r == 0:
                    cell.set_text_props(fontweight="bold")
                    cell.set_facecolor("#eeeeee")
            y -= height + 0.012
            if len(rows) > len(shown):
                fig.text(LEFT, y, msg("widgets.report_more_rows", count=len(rows) - len(shown)),
                         fontsize=8, color="#555555", va="top")
                y -= 0.02
            y -= 0.01
        if png is not None and y - BOTTOM >= MIN_CHART * 0.5:
            fig.text(LEFT, y, msg("widgets.report_chart"), fontsize=12, fontweight="bold", va="top")
            y -= 0.025
            image = mpl.image.imread(io.BytesIO(png), format="png")
            ax = fig.add_axes((LEFT, BOTTOM, RIGHT - LEFT, y - BOTTOM), anchor="N")
            ax.imshow(image, interpolation="lanczos")
            ax.axis("off")
        out = io.BytesIO()
        fig.savefig(out, format="pdf", bbox_inches=None, metadata={"Title": title, "Creator": "smmkit"})
    return out.getvalue()
