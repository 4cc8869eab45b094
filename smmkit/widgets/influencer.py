"""InfluencerScorer: tier and shortlist score (reach × engagement × fit ÷ cost) per candidate, ranked."""
from __future__ import annotations

import ipywidgets as w

from smmkit.messages import msg
from smmkit.errors import SmmkitError
from smmkit.models import influencer as inf
from smmkit.models._input import fmt, number
from smmkit.widgets._numbers import DutchNumber, raise_problems
from smmkit.widgets._charts import fit_left_margin, title_to_figure
from smmkit.widgets._rows import RowEditor
from smmkit.widgets.base import SmmkitWidget

KEYS = ("name", "followers", "engagement_rate", "fit", "cost")


class InfluencerScorer(SmmkitWidget):
    """Edit candidates in a table; the ranking, tiers and chart follow at once."""

    title_key = "influencer.w.title"
    has_chart = True
    chart_size = (7.0, 4.0)

    def __init__(self, candidates=None, **kwargs):
        rows = inf.EXAMPLES if candidates is None else candidates
        self._initial = [{k: r[k] for k in KEYS} for r in rows]
        super().__init__(**kwargs)

    def build(self):
        fields = {
            "name": lambda v: w.Text(value=v, continuous_update=False, layout=w.Layout(width="200px")),
            "followers": lambda v: DutchNumber(v, label=msg("influencer.w.followers"), integer=True,
                                               layout=w.Layout(width="120px")),
            "engagement_rate": lambda v: DutchNumber(v, label=msg("influencer.w.er"), layout=w.Layout(width="80px")),
            "fit": lambda v: DutchNumber(v, label=msg("influencer.w.fit"), integer=True, minimum=1, maximum=5,
                                         layout=w.Layout(width="70px")),
            "cost": lambda v: DutchNumber(v, label=msg("influencer.w.cost"), layout=w.Layout(width="100px")),
        }
        header = {"name": (msg("influencer.w.name"), "200px"), "followers": (msg("influencer.w.followers"), "120px"),
                  "engagement_rate": (msg("influencer.w.er"), "80px"), "fit": (msg("influencer.w.fit"), "70px"),
                  "cost": (msg("influencer.w.cost"), "100px")}
        self.records = RowEditor(self, fields, new_row=self._new_row, header=header)
        self.records.set_rows(self._initial)
        tiers = ", ".join(f"{name} ≥ {fmt(lower)}" for name, lower in inf.TIERS)
        return [w.HTML(f"<p>{self.esc(msg('influencer.w.intro'))}<br><i>{self.esc(msg('influencer.w.tiers', tiers=tiers))}</i></p>"),
                self.records.box]

    @staticmethod
    def _new_row(rows) -> dict:
        return {"name": msg("influencer.w.new", n=len(rows) + 1), "followers": 5000, "engagement_rate": 3.0,
                "fit": 3, "cost": 250.0}

    def compute(self):
        raise_problems(*(c for row in self.records.controls for c in row.values()))
        return inf.shortlist(self.records.values())

    def render_text(self, result) -> str:
        lines = "".join(f"<li>{self.esc(line)}</li>" for line in result.text.split("\n"))
        rows = [[i + 1, self.esc(c.name), self.esc(c.tier), fmt(round(c.score, 1))]
                for i, c in enumerate(result.ranked)]
        table = self.table_html([msg("influencer.w.col_rank"), msg("influencer.w.name"), msg("influencer.w.col_tier"),
                                 msg("influencer.w.col_score")], rows, numeric={3})
        return f"<ul>{lines}</ul>{table}"

    def _chart(self, result) -> tuple:
        from smmkit import livechart

        names = [c.name for c in result.ranked] or ["-"]
        scores = [round(c.score, 1) for c in result.ranked] or [0]
        return (names, {msg("influencer.w.axis"): scores},
                {"title": msg("influencer.w.chart_title"), "source": msg("influencer.w.source"), "horizontal": True,
                 "value_label": msg("influencer.w.axis"), "value_format": "{:.0f}",
                 "limits": (0, livechart.stable_limit(max(scores + [1]) * 1.2, 20))})

    def draw(self, fig, result) -> None:
        from smmkit import plots

        categories, series, options = self._chart(result)
        fit_left_margin(fig, categories)
        plots.grouped_bar(categories, series, ax=fig.add_subplot(), **options)
        title_to_figure(fig, fig.axes[0])

    def update_chart(self, fig, result):
        from smmkit import plots

        return plots.update_bars(fig, self._chart(result))  # None when the ranking changed

    def table(self, result):
        return result.rows()

    def learner_state(self) -> dict:
        return {"candidates": self.records.values()}

    def restore_learner_state(self, state: dict) -> None:
        rows = []
        for c in state["candidates"]:        # check types only: an unfinished (invalid) table comes back as saved
            missing = [k for k in KEYS if k not in c]
            if missing:
                raise SmmkitError(msg("influencer.missing", keys=", ".join(missing)))
            rows.append({"name": str(c["name"]), **{k: number(c[k], k) for k in KEYS[1:]}})
        self.records.set_rows(rows)
        self.refresh()
