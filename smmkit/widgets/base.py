"""The base of every smmkit widget: controls → model → ``result`` → text and chart, plus save/load/export.

How to write a widget (a thin view over a pure model in ``smmkit.models``)::

    import ipywidgets as w
from traitlets import Unicode
    from smmkit.messages import msg
    from smmkit.models import kpi
    from smmkit.widgets.base import SmmkitWidget

    class KPICalculator(SmmkitWidget):
        title_key = "kpi.title"           # message key of the heading (optional)
        has_chart = True                   # False: no chart area, no export_png

        def build(self):                   # 1. make the controls; return what to show above the output
            self.clicks = w.IntText(value=120, description=msg(...))  # key from messages/nl/kpi.py
            return [self.clicks]           #    every control with a `value` in it is observed for you

        def compute(self):                 # 2. call the model; raise SmmkitError on bad input
            return kpi.ctr(clicks=self.clicks.value, impressions=10_000)

        def render_text(self, result):     # 3. HTML from `result` only (escape learner text: self.esc)
            return "<p>" + msg(..., ctr=result.ctr) + "</p>"

        def draw(self, fig, result):       # 4. (optional) draw on the reused figure, via smmkit.plots
            plots.grouped_bar([...], {...}, title=..., source=..., ax=fig.add_subplot())

        def update_chart(self, fig, result):  # 4b. (optional) fast redraw: change the drawn artists in place
            return plots.update_bars(fig, (categories, series, options))  # or None: draw() anew

        def table(self, result):           # 5. (optional) rows for export_csv: list of dicts or DataFrame
            return [{"kpi": "CTR", "waarde": result.ctr}]

        def learner_state(self):           # 6. the learner's work as a JSON-able dict …
            return {"clicks": self.clicks.value}

        def restore_learner_state(self, state):  #    … and back; validate, raise SmmkitError with a Dutch text
            self.clicks.value = int(state["clicks"])

Controls added later (a new row): call ``self.watch(control)`` and then ``self.refresh()``; wrap
controls that are not state (a "new item" text box) in ``self.ignore(control)`` so they are not
observed. Rows with add/remove buttons (a table, or (text, choice) items): ``smmkit.widgets._rows.RowEditor``.
``restore_learner_state`` runs with updates held: end it with ``self.refresh()`` (deferred to one refresh).
Anything ``compute`` raises becomes a message in the widget (SmmkitError: its Dutch text; any
other exception: a calm generic text, logged to ``smmkit.widgets``). The live chart reuses one
figure with fixed margins (``chart_margins``, ``chart_size``; adjust in ``draw`` if needed) and is
sent to the browser as PNG in ``self.chart`` (an ``ipywidgets.Image``). Never ``display()`` in the
constructor. Texts go in ``smmkit/messages/nl/<part>.py``; the base's own texts use ``widgets.*``.
Avoid attribute names the base uses (``message``, ``text``, ``chart``, ``files``, ``filename``, ``_export_rows`` …).
Public API: ``result``, ``error``, ``refresh()``, ``learner_state()``, ``restore_learner_state()``, ``save(path)``,
``load(path)``, ``restore(path)`` (load if saved, never raises), ``export_csv(path)``, ``export_png(path)``; ``auto_chart = False`` skips chart redraws
(``Widget(auto_chart=False)`` also the first drawing).
"""
from __future__ import annotations

import html
import logging
from contextlib import contextmanager
from typing import Any

import ipywidgets as w
from traitlets import Unicode

from smmkit.errors import SmmkitError
from smmkit.messages import msg
from smmkit.widgets import _limits, _memory
from smmkit.widgets._files import SAVE_VERSION, FileActions  # noqa: F401 (SAVE_VERSION re-exported)

log = logging.getLogger("smmkit.widgets")

# Accessibility (WCAG 2.2 AA, issue #22). ipywidgets 8 cannot give an element a role or an aria
# attribute, so the kit marks elements with a CSS class here and the kit's lab extension
# (smmkit/labextension, plugin ":a11y") adds the attributes in the browser:
LIVE_CLASS = "smmkit-live"            # an HTML widget whose text is announced: role=status, aria-live=polite
CHART_ALT_CLASS = "smmkit-chart-alt"  # the chart's text alternative; also the alt of the image just before it


def fit_tree(widget) -> None:
    """Reflow (WCAG 1.4.10): a control or box with a fixed width may shrink to the notebook's width
    (``max-width: 100%``), and a row of controls wraps, so nothing scrolls sideways at 200 % zoom."""
    layout = getattr(widget, "layout", None)
    if layout is not None and str(layout.width or "").endswith("px") and not layout.max_width:
        layout.max_width = "100%"
    if isinstance(widget, w.HBox) and not layout.flex_flow:
        layout.flex_flow = "row wrap"
    for child in getattr(widget, "children", ()) or ():
        fit_tree(child)


def live_html(**kwargs) -> w.HTML:
    """An HTML widget that a screen reader announces when its text changes (a polite live region).

    The kit's one way to say "something happened": errors, "Klaar: …" after a file action, quiz
    feedback. The element stays in the page and only its content changes, as a live region must.
    """
    widget = w.HTML(**kwargs)
    widget.add_class(LIVE_CLASS)
    return widget



class SmmkitWidget(FileActions, w.VBox):
    """An ipywidgets ``VBox`` that keeps the latest model output on ``result`` (see module docstring)."""

    title_key: str | None = None
    has_chart: bool = False
    chart_size: tuple[float, float] = (7.0, 4.0)
    chart_margins = {"left": 0.1, "right": 0.97, "top": 0.88, "bottom": 0.2}  # draw() may adjust
    # the learner's work, synced so that Lab saves it in the notebook: a re-run cell brings it back (_memory)
    _smmkit_work = Unicode("").tag(sync=True)
    chart_first = False  # True: the chart right under the controls, the text under the chart

    def __init__(self, *, auto_chart: bool = True, **kwargs):
        super().__init__(**kwargs)
        self.result: Any = None
        self.error: str = ""
        self.auto_chart = auto_chart  # False: no chart drawn, not even the first one (tests, batch use)
        self._hold = 0
        self._pending = False
        self._watched: list = []
        self._fig = None
        self._blit = None   # smmkit.livechart.Blit of the last full draw, when update_chart allows it
        self.heading = w.HTML(self._heading_html())
        self.message = live_html(layout=w.Layout(min_height="0"))
        self.text = w.HTML()
        self.chart = w.Image(format="png", layout=w.Layout(max_width="min(720px, 100%)")) if self.has_chart else None
        self.chart_alt = None
        if self.has_chart:
            self.chart_alt = w.HTML()
            self.chart_alt.add_class(CHART_ALT_CLASS)
        self.files = self._file_bar()
        self.add_class("smmkit-widget")
        controls = list(self.build() or [])
        for control in controls:
            self._watch_tree(control)
            fit_tree(control)
        chart = [self.chart, self.chart_alt] if self.chart is not None else []
        outputs = [self.message, *chart, self.text] if self.chart_first else [self.message, self.text, *chart]
        offline = w.HTML(_memory.offline_html()).add_class("smmkit-offline")  # on top, only without Python
        self.children = [self.heading, *controls, *outputs, self.files, offline]
        fit_tree(self.files)
        _memory.start(self)
        self.refresh()
        _memory.recall(self)

    def __repr__(self) -> str:
        # the text/plain part of the output: what a page shows that cannot draw the widget (an
        # untrusted notebook, nbconvert HTML such as nbgrader's feedback), instead of ipywidgets'
        # "NeedsProfile(children=(HTML(value='<h3 …"
        return msg("widgets.repr", name=type(self).__name__)

    # ------------------------------------------------------------------ for subclasses
    def build(self) -> list:
        """Create the controls and return the widgets to show above the output."""
        return []

    def compute(self) -> Any:
        """Call the model with the controls' values; raise SmmkitError on invalid input."""
        raise NotImplementedError

    def render_text(self, result) -> str:
        """HTML shown under the controls, made from ``result`` only."""
        return ""

    def draw(self, fig, result) -> None:
        """Draw ``result`` on the (cleared, reused) matplotlib figure ``fig``."""

    def update_chart(self, fig, result):
        """Optional fast path: change the last drawing in place for ``result``; return the changed artists.

        Return ``None`` (the default) to have the chart drawn anew with ``draw``. See
        ``smmkit.livechart``: ``update_grouped_bar`` and ``update_profile`` do this for the plot helpers.
        """
        return None

    def chart_description(self, fig, result) -> str:
        """The chart's Dutch text alternative (what it shows, its values), from the data it was drawn with.

        The default reads what ``smmkit.plots`` helpers drew (``plots.describe``); a widget that
        draws something else says it in its own words.
        """
        from smmkit import plots

        return plots.describe(fig)

    def table(self, result):
        """Rows for ``export_csv``: a list of dicts or a pandas DataFrame."""
        return None

    def learner_state(self) -> dict:
        """The learner's work as a JSON-able dict."""
        return {}

    def restore_learner_state(self, state: dict) -> None:
        """Restore controls from ``state`` (the inverse of ``state()``)."""

    @staticmethod
    def table_html(columns, rows, *, numeric=(), row_styles=None) -> str:
        """A result table a screen reader can follow: column headers (``<th scope="col">``) and the first
        cell of each row as its row header (``<th scope="row">``). Cells are HTML (escape learner text);
        ``numeric``: indexes of right-aligned columns; ``row_styles``: CSS per row (or "")."""
        def cell(i, value, tag):
            scope = ' scope="row"' if tag == "th" else ""
            align = "right" if i in numeric else "left"
            return f'<{tag}{scope} style="text-align:{align};padding:1px 10px 1px 0;font-weight:normal">{value}</{tag}>'
        head = "".join(f'<th scope="col" style="text-align:{"right" if i in numeric else "left"};'
                       f'padding:1px 10px 1px 0">{html.escape(str(c))}</th>' for i, c in enumerate(columns))
        body = []
        for r, row in enumerate(rows):
            style = f' style="{row_styles[r]}"' if row_styles and row_styles[r] else ""
            body.append(f"<tr{style}>" + "".join(cell(i, v, "th" if i == 0 else "td") for i, v in enumerate(row))
                        + "</tr>")
        return f"<table class='smmkit-table'><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"

    @staticmethod
    def esc(text: Any) -> str:
        """Escape learner-typed text before it goes into HTML."""
        return html.escape(str(text))

    # ------------------------------------------------------------------ the update cycle
    def watch(self, *controls) -> None:
        """Observe the ``value`` of these controls: each change recomputes ``result``."""
        for control in controls:
            fit_tree(control)
            if control not in self._watched and control.has_trait("value"):
                control.observe(self._on_change, names="value")
                self._watched.append(control)

    def unwatch(self, *controls) -> None:
        for control in controls:
            if control in self._watched:
                control.unobserve(self._on_change, names="value")
                self._watched.remove(control)

    @staticmethod
    def ignore(control):
        """Mark a control as not part of the learner's state (e.g. a 'new item' text box): not observed."""
        control._smmkit_ignore = True
        return control

    def _watch_tree(self, control) -> None:
        if getattr(control, "_smmkit_ignore", False):
            return
        if control.has_trait("value") and not isinstance(control, (w.HTML, w.Label, w.Image, w.FileUpload)):
            self.watch(control)
        for child in getattr(control, "children", ()) or ():
            self._watch_tree(child)

    def _on_change(self, change=None) -> None:
        self.refresh()

    @contextmanager
    def hold_updates(self):
        """Group many control changes into one refresh (used by ``restore_learner_state``/``load``)."""
        self._hold += 1
        try:
            yield
        finally:
            self._hold -= 1
            if self._hold == 0 and self._pending:
                self._pending = False
                self.refresh()

    def refresh(self) -> None:
        """Recompute ``result`` from the controls and re-render text and chart."""
        if self._hold:
            self._pending = True
            return
        try:
            _limits.check_lengths(self._watched)
            self.result, self.error = self.compute(), ""
        except SmmkitError as exc:
            self.result, self.error = None, str(exc)
        except Exception:  # a bug, not the learner's fault: log it, show a calm message
            log.exception("%s.compute failed", type(self).__name__)
            self.result, self.error = None, msg("widgets.unexpected")
        self._render_text()
        if self.chart is not None and self.auto_chart:
            self._render_chart()
        self._remember_work()

    def _remember_work(self) -> None:
        try:
            self._smmkit_work = _memory.work_json(self)
        except Exception:  # a state that is no JSON: save() says so; the widget goes on
            log.exception("%s: work not remembered", type(self).__name__)

    def _render_text(self) -> None:
        body = ""
        if self.result is not None:
            try:
                body = self.render_text(self.result)
            except Exception:
                log.exception("%s.render_text failed", type(self).__name__)
                self.error = msg("widgets.unexpected")
        self.message.value = self._box(self.error) if self.error else ""
        self.text.value = body if self.result is not None and not self.error else ""

    def _render_chart(self) -> None:
        if self.result is None or self.error:
            self._hide_chart()
            return
        try:
            self.chart.value = self._draw_png(dpi=90)
            self.chart.layout.display = None
        except SmmkitError as exc:
            self._hide_chart()
            self.message.value = self._box(str(exc))
            return
        except Exception:
            log.exception("%s.draw failed", type(self).__name__)
            self._hide_chart()
            self.message.value = self._box(msg("widgets.chart_failed"))
            return
        self._describe_chart()

    def _hide_chart(self) -> None:
        self.chart.layout.display = "none"
        self.chart_alt.value = ""

    def _describe_chart(self) -> None:
        try:
            text = self.chart_description(self._fig, self.result)
        except Exception:  # the chart is there; a missing description must not hide it
            log.exception("%s.chart_description failed", type(self).__name__)
            text = ""
        text = text or msg("widgets.chart_alt_missing")
        self.chart_alt.value = (f"<details><summary>{html.escape(msg('widgets.chart_alt'))}</summary>"
                                f"<p>{html.escape(text)}</p></details>")

    def _draw_png(self, dpi: int, fast: bool = True) -> bytes:
        """The chart as PNG. Live (``fast``): only the changed artists are redrawn when ``update_chart``
        allows it (see ``smmkit.livechart``); otherwise, and for files, the figure is drawn anew."""
        import matplotlib as mpl
        from matplotlib.figure import Figure

        from smmkit import livechart, plots

        if self._fig is None:  # one figure per widget, reused; fixed margins (no layout engine) for speed
            from matplotlib.backends.backend_agg import FigureCanvasAgg

            with mpl.rc_context({"figure.constrained_layout.use": False, "figure.autolayout": False}):
                self._fig = Figure(figsize=self.chart_size)
            FigureCanvasAgg(self._fig)  # a lasting Agg canvas: its renderer caches text metrics between redraws
        with plots.use_style():
            if fast and self._blit is not None and self._blit.fig.dpi == dpi:
                changed = self._changed_artists()
                if changed is not None and self._blit.covers(changed):
                    return self._blit.png(changed)
            self._blit = None
            self._fig.clear()
            self._fig.subplots_adjust(**self.chart_margins)
            self.draw(self._fig, self.result)
            if fast:
                changed = self._changed_artists()  # which artists move when the learner changes something
                if changed:
                    self._blit = livechart.Blit(self._fig, changed, dpi)
                    return self._blit.png(changed)
        return plots.to_png(self._fig, dpi=dpi, fast=fast)

    def _changed_artists(self):
        try:
            return self.update_chart(self._fig, self.result)
        except Exception:  # the fast path is an optimisation: on any trouble, draw the chart anew
            log.exception("%s.update_chart failed", type(self).__name__)
            return None

    @staticmethod
    def _box(text: str) -> str:
        from smmkit.boxes import box

        return box("error", html.escape(text), "smmkit-message", escape=False, extra="white-space:pre-wrap")

    def _heading_html(self) -> str:
        if not self.title_key:
            return ""
        return f"<h3 style='margin:4px 0'>{html.escape(msg(self.title_key))}</h3>"
