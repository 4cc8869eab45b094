"""HoneycombCompare: score two platforms on the seven honeycomb blocks and compare them."""
from __future__ import annotations

import ipywidgets as w

from smmkit.errors import SmmkitError
from smmkit.messages import msg
from smmkit.models import honeycomb as hc
from smmkit.widgets.base import SmmkitWidget

OWN = ""   # dropdown value for "own scores"


class HoneycombCompare(SmmkitWidget):
    """Two honeycomb profiles side by side (example presets or own scores), radar chart, plain-Dutch comparison."""

    title_key = "honeycomb.w.title"
    has_chart = True
    chart_size = (7.0, 5.0)

    def __init__(self, platform_a: str = "LinkedIn", platform_b: str = "TikTok", **kwargs):
        self._start = (platform_a, platform_b)
        super().__init__(**kwargs)

    def _column(self, platform: str) -> dict:
        preset = w.Dropdown(options=[(msg("honeycomb.w.own"), OWN)] + [(p, p) for p in hc.PRESETS],
                            value=OWN, description=msg("honeycomb.w.preset"), layout=w.Layout(width="260px"))
        name = w.Text(value=platform, description=msg("honeycomb.w.name"), continuous_update=False,
                      layout=w.Layout(width="260px"))
        sliders = {b: w.IntSlider(value=0, min=hc.SCALE[0], max=hc.SCALE[1], description=hc.label(b),
                                  continuous_update=False, style={"description_width": "100px"},
                                  layout=w.Layout(width="260px")) for b in hc.BLOCKS}
        if platform in hc.PRESETS:        # start from the example scores (before observing)
            preset.value = platform
            for block, value in hc.preset(platform).items():
                sliders[block].value = value
        col = {"preset": preset, "name": name, "sliders": sliders,
               "box": w.VBox([preset, name, *sliders.values()])}
        preset.observe(lambda change, col=col: self._apply_preset(col, change["new"]), names="value")
        for slider in sliders.values():
            slider.observe(lambda _change, col=col: self._maybe_own(col), names="value")
        return col

    def _maybe_own(self, col: dict) -> None:
        """A slider moved away from the example scores: the profile is now the learner's own."""
        if getattr(self, "_applying", False) or col["preset"].value == OWN:
            return
        if self.scores(col) != hc.preset(col["preset"].value):
            col["preset"].value = OWN

    def _apply_preset(self, col: dict, platform: str) -> None:
        if platform == OWN:
            return
        self._applying = True
        try:
            with self.hold_updates():
                for block, value in hc.preset(platform).items():
                    col["sliders"][block].value = value
                col["name"].value = platform
        finally:
            self._applying = False

    def build(self):
        self.a, self.b = self._column(self._start[0]), self._column(self._start[1])
        intro = w.HTML(f"<p>{self.esc(msg('honeycomb.w.intro'))}</p>")
        return [intro, w.HBox([self.a["box"], self.b["box"]])]

    def scores(self, col: dict) -> dict:
        return {b: s.value for b, s in col["sliders"].items()}

    def compute(self):
        return hc.compare(self.scores(self.a), self.scores(self.b), self.a["name"].value, self.b["name"].value)

    def render_text(self, result) -> str:
        lines = [f"<li>{self.esc(line.lstrip('• '))}</li>" for line in result.summary.split("\n")[1:]]
        head = self.esc(result.summary.split("\n")[0])
        note = ""
        if self.a["preset"].value or self.b["preset"].value:
            note = f"<p style='color:#555'><i>{self.esc(msg('honeycomb.w.example_note'))}</i></p>"
        return f"<p><b>{head}</b></p><ul>{''.join(lines)}</ul>{note}"

    def _chart(self, result) -> tuple[dict, dict]:
        labels = [hc.label(b) for b in hc.BLOCKS]
        series = {result.name_a: dict(zip(labels, (result.scores_a[b] for b in hc.BLOCKS))),
                  result.name_b: dict(zip(labels, (result.scores_b[b] for b in hc.BLOCKS)))}
        return series, {"title": msg("honeycomb.w.chart_title", a=result.name_a, b=result.name_b),
                        "source": msg("honeycomb.w.source"), "scale": hc.SCALE}

    def draw(self, fig, result) -> None:
        from smmkit import plots

        series, options = self._chart(result)
        plots.profile(series, ax=fig.add_subplot(projection="polar"), **options)

    def update_chart(self, fig, result):
        from smmkit import plots

        series, options = self._chart(result)
        return plots.update_profile(fig.axes[0], series, **options) if fig.axes else None

    def table(self, result):
        return result.rows()

    def learner_state(self) -> dict:
        return {side: {"name": col["name"].value, "preset": col["preset"].value, "scores": self.scores(col)}
                for side, col in (("a", self.a), ("b", self.b))}

    def restore_learner_state(self, state: dict) -> None:
        for side, col in (("a", self.a), ("b", self.b)):
            part = state[side]
            scores = hc.validate(part["scores"])
            if part.get("preset", OWN) not in (OWN, *hc.PRESETS):
                raise SmmkitError(msg("honeycomb.unknown_preset", platform=part["preset"], valid=", ".join(hc.PRESETS)))
            col["preset"].value = part.get("preset", OWN)
            for block, value in scores.items():
                col["sliders"][block].value = int(round(value))
            col["name"].value = str(part["name"])
        self.refresh()
