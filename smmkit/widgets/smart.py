"""SmartChecker: type a goal (or fill in its parts) and see which SMART letter is missing, and why."""
from __future__ import annotations

import ipywidgets as w

from smmkit.errors import SmmkitError
from smmkit.messages import msg
from smmkit.models import smart
from smmkit.widgets.base import SmmkitWidget

EXAMPLE_GOAL = ("Het webcareteam van de gemeente wil de reactietijd op vragen van inwoners via Facebook "
                "verlagen van 4 uur naar 1 uur.")
EXAMPLE_FIELDS = {"wie": "Het team van Bakkerij De Korenaar", "wat": "wil meer bestellingen",
                  "doelgroep": "klanten uit de wijk", "kanaal": "Instagram", "nulmeting": "25", "doelwaarde": "40",
                  "eenheid": "bestellingen per maand", "deadline": "voor 1 september 2026"}
MODES = ("text", "fields")


class SmartChecker(SmmkitWidget):
    """Checks a goal on Specific, Measurable, Acceptable, Realistic and Time-bound (signal-word heuristics)."""

    title_key = "smart.w.title"

    def __init__(self, goal: str = EXAMPLE_GOAL, **kwargs):
        self._goal = goal
        super().__init__(**kwargs)

    def build(self):
        self.mode = w.ToggleButtons(options=[(msg("smart.w.mode_text"), "text"), (msg("smart.w.mode_fields"), "fields")],
                                    value="text")
        self.goal = w.Textarea(value=self._goal, description=msg("smart.w.goal"), continuous_update=True,
                               layout=w.Layout(width="640px", height="80px"))
        self.fields = {f: w.Text(value=EXAMPLE_FIELDS.get(f, ""), description=msg(f"smart.w.field.{f}"),
                                 continuous_update=True, layout=w.Layout(width="420px"))
                       for f in smart.FIELDS}
        self.fields_box = w.VBox(list(self.fields.values()))
        self.mode.observe(lambda _c: self._show_mode(), names="value")
        self._show_mode()
        return [w.HTML(f"<p>{self.esc(msg('smart.w.intro'))}</p>"), self.mode, self.goal, self.fields_box]

    def _show_mode(self) -> None:
        text_mode = self.mode.value == "text"
        self.goal.layout.display = None if text_mode else "none"
        self.fields_box.layout.display = "none" if text_mode else None

    def compute(self):
        if self.mode.value == "text":
            return smart.check(self.goal.value)
        return smart.check_fields({f: c.value for f, c in self.fields.items()})

    def render_text(self, result) -> str:
        parts = []
        if self.mode.value == "fields":
            parts.append(f"<p><i>{self.esc(msg('smart.w.composed', text=result.text))}</i></p>")
        parts.append("<table style='border-collapse:collapse'>")
        for check in result.letters.values():
            colour, mark = (("#444444", "?") if check.ok is None else ("#007A5A", "✓") if check.ok
                            else ("#B34700", "✗"))
            parts.append(f"<tr><td style='font-size:1.4em;font-weight:bold;color:{colour};padding:2px 8px'>"
                         f"{check.letter}</td><td style='color:{colour};padding:2px 6px'>{mark} "
                         f"{self.esc(smart.letter_name(check.letter))}"
                         f"{' (' + self.esc(msg('smart.w.self')) + ')' if check.ok is None else ''}</td>"
                         f"<td style='padding:2px 6px'>{self.esc(check.reason)}</td></tr>")
        parts.append(f"</table><p><b>{self.esc(result.summary)}</b></p>")
        return "".join(parts)

    def table(self, result):
        return [{"doel": result.text, **row} for row in result.rows()]

    def learner_state(self) -> dict:
        return {"mode": self.mode.value, "goal": self.goal.value,
                "fields": {f: c.value for f, c in self.fields.items()}}

    def restore_learner_state(self, state: dict) -> None:
        if state.get("mode", "text") not in MODES:
            raise SmmkitError(msg("smart.w.bad_mode", valid=", ".join(MODES)))
        fields = state.get("fields", {})
        smart.compose(fields)                       # unknown field names → Dutch message
        self.goal.value = str(state.get("goal", ""))
        for f, control in self.fields.items():
            control.value = str(fields.get(f, ""))
        self.mode.value = state.get("mode", "text")
        self.refresh()
