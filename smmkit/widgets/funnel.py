"""CampaignFunnel: budget → impressions (CPM) → clicks (CTR) → leads (conversion), with cost per lead."""
from __future__ import annotations

import ipywidgets as w

from smmkit.messages import msg
from smmkit.models import funnel as fn
from smmkit.models._input import fmt
from smmkit.widgets._charts import fit_left_margin, title_to_figure
from smmkit.widgets._numbers import DutchNumber, raise_problems
from smmkit.widgets.base import SmmkitWidget

EXAMPLE = {"budget": 750.0, "cpm": 6.0, "ctr": 1.2, "conversion_rate": 8.0}   # sign-ups for a sports pass


class CampaignFunnel(SmmkitWidget):
    """Sliders for the assumptions; the funnel and cost per lead update at once."""

    title_key = "funnel.w.title"
    has_chart = True
    chart_size = (7.0, 3.6)

    def build(self):
        style = {"description_width": "250px"}
        layout = w.Layout(width="570px")
        self.budget = DutchNumber(EXAMPLE["budget"], msg("funnel.field.budget"), minimum=0, maximum=10_000_000,
                                  style=style, layout=layout)   # '1.500' is 1500 euro, never 1,50
        self.cpm = w.FloatSlider(value=EXAMPLE["cpm"], min=0.5, max=40, step=0.5, description=msg("funnel.field.cpm"),
                                 continuous_update=False, style=style, layout=layout)
        self.ctr = w.FloatSlider(value=EXAMPLE["ctr"], min=0, max=10, step=0.1, description=msg("funnel.field.ctr"),
                                 continuous_update=False, style=style, layout=layout)
        self.conversion = w.FloatSlider(value=EXAMPLE["conversion_rate"], min=0, max=50, step=0.5,
                                        description=msg("funnel.field.conversion"), continuous_update=False,
                                        style=style, layout=layout)
        return [w.HTML(f"<p>{self.esc(msg('funnel.w.intro'))}</p>"), self.budget, self.cpm, self.ctr, self.conversion]

    def compute(self):
        raise_problems(self.budget)
        return fn.funnel(self.budget.value, self.cpm.value, self.ctr.value, self.conversion.value)

    def render_text(self, result) -> str:
        return f"<p style='font-size:1.1em'>{self.esc(result.text)}</p>"

    STAGES = ("impressions", "clicks", "leads")

    def _chart(self, result) -> tuple:
        import math

        values = [getattr(result, s) for s in self.STAGES]
        top = 10 ** math.ceil(math.log10(max(values + [10]) * 4))   # the axis grows per power of ten
        return ([fn.stage_label(s) for s in self.STAGES], {msg("funnel.w.axis"): [max(v, 0.5) for v in values]},
                {"title": msg("funnel.w.chart_title"), "source": msg("funnel.w.source"), "horizontal": True,
                 "value_label": msg("funnel.w.axis"), "labels": False, "limits": (0.5, top)}), values

    def draw(self, fig, result) -> None:
        from matplotlib.ticker import FuncFormatter, NullLocator

        from smmkit import plots

        (categories, series, options), values = self._chart(result)
        ax = fig.add_subplot()
        fit_left_margin(fig, categories)
        plots.grouped_bar(categories, series, ax=ax, **options)
        ax.set_xscale("log")
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: fmt(int(v)) if v >= 1 else ""))
        ax.xaxis.set_minor_locator(NullLocator())          # fewer ticks: faster redraw, calmer chart
        title_to_figure(fig, ax)
        self._notes = [ax.annotate("", (0.5, y), xytext=(4, 0), textcoords="offset points", va="center")
                       for y in range(len(values))]
        self._write_notes(values)

    def _write_notes(self, values) -> list:
        for y, (note, v) in enumerate(zip(self._notes, values)):
            note.set_text(fmt(int(v)))
            note.xy = (max(v, 0.5), y)
        return self._notes

    def update_chart(self, fig, result):
        from smmkit import plots

        chart, values = self._chart(result)
        changed = plots.update_bars(fig, chart)
        return None if changed is None else changed + self._write_notes(values)

    def table(self, result):
        return result.rows()

    def learner_state(self) -> dict:
        return {"budget": self.budget.value, "cpm": self.cpm.value, "ctr": self.ctr.value,
                "conversion_rate": self.conversion.value}

    def restore_learner_state(self, state: dict) -> None:
        checked = fn.funnel(state["budget"], state["cpm"], state["ctr"], state["conversion_rate"])
        self.budget.value = checked.budget
        self.cpm.value = checked.cpm
        self.ctr.value = checked.ctr
        self.conversion.value = checked.conversion_rate
        self.refresh()
