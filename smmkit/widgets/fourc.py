"""FourCSorter: sort the activities of a plan into the four Cs and see which C is neglected."""
from __future__ import annotations

import ipywidgets as w

from smmkit.messages import msg
from smmkit.models import fourc
from smmkit.models._input import fmt
from smmkit.widgets._rows import labelled_rows
from smmkit.widgets.base import SmmkitWidget

EXAMPLE = [
    ("Vragen van inwoners via WhatsApp en Facebook binnen een werkdag beantwoorden", "conversatie"),
    ("Korte video over de nieuwe afvalkalender op Instagram", "content"),
    ("Wekelijkse foto van de haven en de Hoofdtoren", "content"),
    ("Live verslag van de raadsvergadering", "content"),
    ("Meldingen over de openbare ruimte zichtbaar oppakken en terugkoppelen", "customer experience"),
    ("Reageren op berichten over de Hoornse kermis", "conversatie"),
    ("Inwoners laten meestemmen over de inrichting van de Roode Steen", ""),
]


class FourCSorter(SmmkitWidget):
    """Sort activities into customer experience, conversation, content and collaboration."""

    title_key = "fourc.title"
    has_chart = True
    chart_size = (7.0, 3.4)
    chart_margins = {"left": 0.27, "right": 0.95, "top": 0.86, "bottom": 0.24}

    def __init__(self, activities=None, **kwargs):
        plan = EXAMPLE if activities is None else activities
        fourc.activities(plan)  # validate early, with a Dutch message
        self._initial = [(str(text), fourc.normalise_c(c) or "") for text, c in
                         ((a.text, a.c) if isinstance(a, fourc.Activity) else a for a in plan)]
        super().__init__(**kwargs)

    def build(self):
        options = [(msg("fourc.choose"), "")] + [(fourc.c_label(c), c) for c in fourc.CS]
        self.rows = labelled_rows(self, options, placeholder=msg("fourc.new_activity"),
                                  names=(msg("fourc.field_text"), msg("fourc.field_c")))
        self.rows.set_rows(self._initial)
        intro = w.HTML(f"<p>{self.esc(msg('fourc.intro'))}<br><i>{self.esc(msg('fourc.example_note'))}</i></p>")
        return [intro, self.rows.box]

    @property
    def choices(self) -> list[w.Dropdown]:
        """The C dropdown of each activity, in order (set ``.value`` to a C or '')."""
        return [row["choice"] for row in self.rows.controls]

    def compute(self) -> fourc.Coverage:
        return fourc.coverage(self.rows.tuples())

    def render_text(self, cov: fourc.Coverage) -> str:
        from smmkit.boxes import TEXT_COLOURS

        rows = [[self.esc(fourc.c_label(c)) + (f" ({self.esc(msg('fourc.neglected_mark'))})" if c in cov.neglected else ""),
                 cov.counts[c], f"{fmt(cov.shares[c], 1)} %"] for c in fourc.CS]
        styles = [f"color:{TEXT_COLOURS['error']};font-weight:bold" if c in cov.neglected else "" for c in fourc.CS]
        table = self.table_html([msg("fourc.col_c"), msg("fourc.col_count"), msg("fourc.col_share")], rows,
                                numeric={1, 2}, row_styles=styles)
        advice = "".join(f"<li>{self.esc(line)}</li>" for line in fourc.advice(cov))
        return (f"<h4>{self.esc(msg('fourc.coverage_heading'))}</h4>"
                f"{table}"
                f"<h4>{self.esc(msg('fourc.advice_heading'))}</h4><ul>{advice}</ul>")

    def _chart(self, cov: fourc.Coverage) -> tuple:
        from smmkit import livechart

        top = max(max(cov.counts.values()), 1) * 1.2
        return ([fourc.c_label(c) for c in fourc.CS], {msg("fourc.chart_axis"): [cov.counts[c] for c in fourc.CS]},
                {"title": msg("fourc.chart_title"), "source": msg("fourc.chart_source"), "horizontal": True,
                 "value_label": msg("fourc.chart_axis"), "value_format": "{:.0f}",
                 "limits": (0, livechart.stable_limit(top, 2))})

    def draw(self, fig, cov: fourc.Coverage) -> None:
        from smmkit import plots

        ax = fig.add_subplot()
        categories, series, options = self._chart(cov)
        plots.grouped_bar(categories, series, ax=ax, **options)
        for patch, tick, c in zip(ax.patches, ax.get_yticklabels(), fourc.CS):
            if c in cov.neglected:
                patch.set_color(plots.HIGHLIGHT)
                tick.set_color(plots.HIGHLIGHT)
                tick.set_fontweight("bold")
        ax.xaxis.get_major_locator().set_params(integer=True)
        self._drawn_neglected = cov.neglected

    def update_chart(self, fig, cov: fourc.Coverage):
        from smmkit import plots

        if getattr(self, "_drawn_neglected", None) != cov.neglected:  # the tick labels change colour
            return None
        return plots.update_bars(fig, self._chart(cov))

    def table(self, cov: fourc.Coverage) -> list[dict]:
        return [{msg("fourc.col.activity"): a.text, msg("fourc.col.c"): fourc.c_label(a.c) if a.c else ""}
                for a in cov.activities]

    def learner_state(self) -> dict:
        return {"activities": [[text, c] for text, c in self.rows.tuples()]}

    def restore_learner_state(self, state: dict) -> None:
        pairs = [(str(text), c or "") for text, c in state["activities"]]
        filled = [pair for pair in pairs if pair[0].strip()]   # rows whose text the learner emptied are kept as they are (compute shows the Dutch message)
        if filled:
            fourc.activities(filled)
        self.rows.set_rows([(text, fourc.normalise_c(c) or "") for text, c in pairs])
        self.refresh()
