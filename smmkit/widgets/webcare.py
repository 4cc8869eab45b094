"""WebcareTriage: sort an inbox by category and urgency; simulate how many messages are answered in time."""
from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as w

from smmkit.messages import msg
from smmkit.models import webcare as wc
from smmkit.widgets._rows import RowEditor
from smmkit.widgets.base import SmmkitWidget

SIM_DEFAULTS = {"per_hour": 15, "hours": 4, "agents": 1, "handling": 7}   # busy enough to miss some targets


@dataclass(frozen=True)
class WebcareView:
    tickets: tuple               # triage order
    simulation: wc.Simulation
    load: wc.Workload            # the work per hour: utilisation comes before any simulation


class WebcareTriage(SmmkitWidget):
    """Inbox with a suggested category per message (the learner decides) and a response-time simulator."""

    title_key = "webcare.w.title"
    has_chart = True
    chart_size = (7.0, 3.6)

    def __init__(self, messages=None, **kwargs):
        texts = list(wc.EXAMPLE_TEXTS[:6] if messages is None else messages)
        self._initial = [{"text": t, "category": wc.classify(t)} for t in texts]
        super().__init__(**kwargs)

    def build(self):
        fields = {
            "text": lambda v: w.Text(value=v, continuous_update=False, layout=w.Layout(width="520px")),
            "category": lambda v: w.Dropdown(options=wc.CATEGORIES, value=v, layout=w.Layout(width="130px")),
        }
        self.records = RowEditor(self, fields, names={"text": msg("webcare.w.field_text"),
                                                      "category": msg("webcare.w.field_category")})
        self.records.set_rows(self._initial)
        # Enter (or leaving the box) commits the text; the observer then adds the message.
        self.new_text = self.ignore(w.Text(placeholder=msg("webcare.w.new"), tooltip=msg("webcare.w.new"),
                                           continuous_update=False,
                                           layout=w.Layout(width="520px")))
        add = w.Button(description=msg("widgets.add"), icon="plus", layout=w.Layout(width="auto"))
        add.on_click(lambda _b: self.add_message(self.new_text.value))
        self.new_text.observe(lambda change: self.add_message(change["new"]), names="value")
        style = {"description_width": "150px"}
        layout = w.Layout(width="380px")
        self.per_hour = w.IntSlider(value=SIM_DEFAULTS["per_hour"], min=1, max=60, description=msg("webcare.w.per_hour"),
                                    continuous_update=False, style=style, layout=layout)
        self.hours = w.IntSlider(value=SIM_DEFAULTS["hours"], min=1, max=12, description=msg("webcare.w.hours"),
                                 continuous_update=False, style=style, layout=layout)
        self.agents = w.IntSlider(value=SIM_DEFAULTS["agents"], min=1, max=10, description=msg("webcare.w.agents"),
                                  continuous_update=False, style=style, layout=layout)
        self.handling = w.IntSlider(value=SIM_DEFAULTS["handling"], min=1, max=60, description=msg("webcare.w.handling"),
                                    continuous_update=False, style=style, layout=layout)
        norms = ", ".join(f"{c} {wc.TARGET_MINUTES[c]} min" for c in wc.CATEGORIES)
        return [w.HTML(f"<p>{self.esc(msg('webcare.w.intro'))}</p>"), self.records.box,
                w.HBox([self.new_text, add]),
                w.HTML(f"<p><i>{self.esc(msg('webcare.w.norms', norms=norms))}</i></p>"),
                w.HBox([self.per_hour, self.hours]), w.HBox([self.agents, self.handling])]

    def add_message(self, text: str) -> None:
        """Add a message with the suggested category (change the dropdown to overrule)."""
        text = (text or "").strip()
        if not text:
            return
        self.records.add({"text": text, "category": wc.classify(text)})
        self.new_text.value = ""

    def _inbox_for_simulation(self) -> list[dict]:
        inbox = self.records.values() or [{"text": t, "category": wc.classify(t)} for t in wc.EXAMPLE_TEXTS]
        count = self.per_hour.value * self.hours.value
        step = 60 / self.per_hour.value
        return [{**inbox[i % len(inbox)], "arrival": round(i * step, 2)} for i in range(count)]

    def compute(self) -> WebcareView:
        tickets = tuple(wc.triage(self.records.values()))
        sim = wc.simulate(self._inbox_for_simulation(), agents=self.agents.value, handling_minutes=self.handling.value)
        return WebcareView(tickets, sim, wc.workload(self.per_hour.value, self.handling.value))

    def render_text(self, result: WebcareView) -> str:
        safety = " · " + self.esc(msg("webcare.w.safety"))
        items = "".join(f"<li><b>{t.priority}</b> · {self.esc(t.category)}{safety if t.safety else ''} · ≤ {t.target} min"
                        f" — {self.esc(t.text)}</li>" for t in result.tickets)
        return (f"<p>{self.esc(wc.summary(list(result.tickets)))}</p><ol>{items}</ol>"
                f"<p><b>{self.esc(result.simulation.text)}</b></p>"
                f"<p>{self.esc(self._load_text(result.load))}</p>")

    def _load_text(self, load) -> str:
        """The utilisation of this team: the simulation above replays only these hours of inbox."""
        utilisation = load.utilisation(self.agents.value)
        text = msg("webcare.w.load", utilisation=wc.fmt(utilisation, 0), minimum=load.minimum_agents)
        return text + (" " + msg("webcare.w.overloaded") if utilisation >= 100 else "")

    def _chart(self, result: WebcareView) -> tuple:
        per = result.simulation.per_category
        cats = [c for c in wc.CATEGORIES if c in per]
        return (cats, {msg("webcare.w.axis"): [per[c] for c in cats]},
                {"title": msg("webcare.w.chart_title"), "source": msg("webcare.w.source"),
                 "value_label": msg("webcare.w.axis"), "limits": (0, 115), "value_format": "{:.0f}"})

    def draw(self, fig, result: WebcareView) -> None:
        from smmkit import plots

        categories, series, options = self._chart(result)
        plots.grouped_bar(categories, series, ax=fig.add_subplot(), **options)

    def update_chart(self, fig, result: WebcareView):
        from smmkit import plots

        return plots.update_bars(fig, self._chart(result))

    def table(self, result: WebcareView):
        return [{"volgorde": i + 1, **t.row()} for i, t in enumerate(result.tickets)]

    def learner_state(self) -> dict:
        return {"inbox": self.records.values(),
                "simulation": {"per_hour": self.per_hour.value, "hours": self.hours.value,
                               "agents": self.agents.value, "handling": self.handling.value}}

    def restore_learner_state(self, state: dict) -> None:
        # rows whose text the learner emptied are kept as they are (compute shows the Dutch message)
        inbox = []
        for m in state["inbox"]:   # the text exactly as typed; the model validates the category
            text = str(m["text"])
            category = wc.ticket(text, m.get("category")).category if text.strip() else m.get("category")
            inbox.append({"text": text, "category": category})
        sim = {**SIM_DEFAULTS, **state.get("simulation", {})}
        self.records.set_rows(inbox)
        self.per_hour.value, self.hours.value = int(sim["per_hour"]), int(sim["hours"])
        self.agents.value, self.handling.value = int(sim["agents"]), int(sim["handling"])
        self.refresh()
