"""ReputationScorer: score the six pillars and three foundations of the reputation temple (Elving in Kok 2012, after Fombrun & Shanley 1990).

The weakest pillar and the weakest foundation are named and coloured in the chart."""
from __future__ import annotations

import ipywidgets as w

from smmkit.messages import msg
from smmkit.models import reputation as rep
from smmkit.models._input import fmt
from smmkit.widgets._charts import fit_left_margin, title_to_figure
from smmkit.widgets.base import SmmkitWidget


class ReputationScorer(SmmkitWidget):
    """Nine sliders (six pillars, three foundations), advice text and a bar chart of the temple."""

    title_key = "reputation.w.title"
    has_chart = True
    chart_size = (7.5, 4.6)

    def __init__(self, scores: dict | None = None, **kwargs):
        self._initial = rep.validate(rep.EXAMPLE if scores is None else scores)
        super().__init__(**kwargs)

    def build(self):
        self.sliders = {d: w.IntSlider(value=int(round(self._initial[d])), min=rep.SCALE[0], max=rep.SCALE[1],
                                       description=rep.label(d), continuous_update=False,
                                       style={"description_width": "250px"}, layout=w.Layout(width="480px"))
                        for d in rep.DRIVERS}
        pillars = w.VBox([w.HTML(f"<b>{self.esc(msg('reputation.w.pillars'))}</b>"),
                          *(self.sliders[p] for p in rep.PILLARS)])
        foundation = w.VBox([w.HTML(f"<b>{self.esc(msg('reputation.w.foundation'))}</b>"),
                             *(self.sliders[f] for f in rep.FOUNDATIONS)])
        return [w.HTML(f"<p>{self.esc(msg('reputation.w.intro'))}</p>"), pillars, foundation]

    def scores(self) -> dict:
        return {d: s.value for d, s in self.sliders.items()}

    def compute(self):
        return rep.score(self.scores())

    def render_text(self, result) -> str:
        lines = "".join(f"<li>{self.esc(line)}</li>" for line in result.advice.split("\n"))
        means = msg("reputation.w.means", pillars=fmt(round(result.pillar_mean, 1)),
                    foundation=fmt(round(result.foundation_mean, 1)), overall=fmt(round(result.overall, 1)))
        return f"<p><b>{self.esc(means)}</b></p><ul>{lines}</ul>"

    def _chart(self, result) -> tuple[list, dict, dict]:
        return ([rep.label(d) for d in rep.DRIVERS], {msg("reputation.w.axis"): [result.scores[d] for d in rep.DRIVERS]},
                {"title": msg("reputation.w.chart_title"), "source": msg("reputation.w.source"), "horizontal": True,
                 "value_label": msg("reputation.w.axis"), "limits": (0, rep.SCALE[1] + 0.6)})

    def _colour(self, ax, result) -> None:
        from smmkit import plots

        for driver, patch in zip(rep.DRIVERS, ax.patches):
            colour = plots.PALETTE[2] if driver in rep.FOUNDATIONS else plots.PALETTE[0]
            if driver in result.weakest_pillars or driver in result.weakest_foundation:
                colour = plots.HIGHLIGHT
            patch.set_color(colour)

    def draw(self, fig, result) -> None:
        from smmkit import plots

        ax = fig.add_subplot()
        fit_left_margin(fig, [rep.label(d) for d in rep.DRIVERS])
        categories, series, options = self._chart(result)
        plots.grouped_bar(categories, series, ax=ax, **options)
        title_to_figure(fig, ax)
        self._colour(ax, result)
        ax.axhline(len(rep.PILLARS) - 0.5, color=plots.GREY, linewidth=1, linestyle="--")

    def update_chart(self, fig, result):
        from smmkit import plots

        changed = plots.update_bars(fig, self._chart(result))
        if changed is not None:
            self._colour(fig.axes[0], result)
        return changed

    def table(self, result):
        return result.rows()

    def learner_state(self) -> dict:
        return {"scores": self.scores()}

    def restore_learner_state(self, state: dict) -> None:
        scores = rep.validate(state["scores"])
        for d, value in scores.items():
            self.sliders[d].value = int(round(value))
        self.refresh()
