"""KPICalculator: pick a KPI, fill in the numbers, read the outcome, formula and meaning in Dutch."""
from __future__ import annotations

import ipywidgets as w

from smmkit.errors import SmmkitError
from smmkit.messages import msg
from smmkit.models import kpi
from smmkit.widgets._numbers import DutchNumber, raise_problems
from smmkit.widgets.base import SmmkitWidget

DEFAULTS = {  # a municipality's Facebook page and a small campaign (example figures)
    "interactions": 180, "reach": 6000, "fans": 12_000, "audience": 48_000, "clicks": 240,
    "impressions": 30_000, "cost": 150, "conversions": 18, "visitors": 240, "extra_revenue": 1800,
    "investment": 1200, "promoters": 45, "passives": 35, "detractors": 20, "old": 9_500, "new": 12_000,
    "total_minutes": 2_700, "messages": 60,
}
AMOUNTS = {"cost", "extra_revenue", "investment", "old", "new", "total_minutes"}   # may have decimals; others count


class KPICalculator(SmmkitWidget):
    """One KPI at a time; 'Zet in overzicht' keeps a list of calculations for export."""

    title_key = "kpi.w.title"

    def __init__(self, key: str = "engagement_rate", **kwargs):
        self._key = kpi.get(key).key
        super().__init__(**kwargs)

    def build(self):
        self.choice = w.Dropdown(options=[(k.label, k.key) for k in kpi.KPIS.values()], value=self._key,
                                 description=msg("kpi.w.choose"), layout=w.Layout(width="420px"))
        names = list(dict.fromkeys(n for k in kpi.KPIS.values() for n in k.inputs))
        self.inputs = {n: DutchNumber(DEFAULTS[n], kpi.input_label(n), integer=n not in AMOUNTS,
                                      style={"description_width": "220px"}, layout=w.Layout(width="380px"))
                       for n in names}   # text read the Dutch way in Python: '300,50' is 300.5, never 30050
        self.inputs_box = w.VBox()
        self.history: list[dict] = []
        self.add_button = w.Button(description=msg("kpi.w.add"), icon="plus", layout=w.Layout(width="auto"))
        self.add_button.on_click(lambda _b: self.keep())
        self.history_label = w.HTML()
        self.choice.observe(lambda _c: self._show_inputs(), names="value")
        self._show_inputs()
        self.watch(*self.inputs.values())        # hidden inputs too: they appear when the KPI changes
        return [w.HTML(f"<p>{self.esc(msg('kpi.w.intro'))}</p>"), self.choice, self.inputs_box,
                w.HBox([self.add_button, self.history_label])]

    def _show_inputs(self) -> None:
        self.inputs_box.children = [self.inputs[n] for n in kpi.get(self.choice.value).inputs]

    def compute(self):
        key = self.choice.value
        raise_problems(*(self.inputs[n] for n in kpi.get(key).inputs))   # her text could not be read: ask
        return kpi.calculate(key, **{n: self.inputs[n].value for n in kpi.get(key).inputs})

    def render_text(self, result) -> str:
        return (f"<p style='font-size:1.2em'><b>{self.esc(result.text)}</b></p>"
                f"<p>{self.esc(msg('kpi.w.formula', formula=result.formula))}</p>"
                f"<p><i>{self.esc(result.explanation)}</i></p>")

    def keep(self) -> None:
        """Add the current calculation to the overview (exported with ``export_csv``)."""
        if self.result is None:
            return
        self.history.append({"key": self.result.key, "inputs": dict(self.result.inputs)})
        self._show_history()

    def _show_history(self) -> None:
        self.history_label.value = self.esc(msg("kpi.w.history", count=len(self.history)))

    def table(self, result):
        kept = [kpi.calculate(h["key"], **h["inputs"]).row() for h in self.history]
        return kept or [result.row()]

    def learner_state(self) -> dict:
        return {"kpi": self.choice.value, "values": {n: c.value for n, c in self.inputs.items()},
                "history": [dict(h) for h in self.history]}

    def restore_learner_state(self, state: dict) -> None:
        key = kpi.get(state["kpi"]).key
        history = [{"key": kpi.get(h["key"]).key, "inputs": dict(h["inputs"])} for h in state.get("history", [])]
        for h in history:
            kpi.calculate(h["key"], **h["inputs"])          # a broken entry → Dutch message, nothing changed
        for name, value in state.get("values", {}).items():
            if name not in self.inputs:
                raise SmmkitError(msg("kpi.wrong_inputs", kpi=name, expected=", ".join(self.inputs), given=name))
            self.inputs[name].value = float(value) if name in AMOUNTS else int(value)
        self.choice.value = key
        self.history = history
        self._show_history()
        self.refresh()
