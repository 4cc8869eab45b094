"""PESOClassifier: guess paid/earned/shared/owned for example posts, then check; see the PESO mix."""
from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as w

from smmkit.boxes import TEXT_COLOURS
from smmkit.messages import msg
from smmkit.models import peso
from smmkit.widgets._charts import integer_axis
from smmkit.widgets._rows import RowEditor
from smmkit.widgets.base import SmmkitWidget

NONE = ""   # dropdown value for "not chosen yet"


@dataclass(frozen=True)
class PesoView:
    mix: peso.Mix
    check: peso.Check | None      # None until the learner asks to check
    items: tuple                  # (item, guess) in the order shown


class PESOClassifier(SmmkitWidget):
    """Classify posts and activities into PESO; 'Nakijken' compares with the example answers."""

    title_key = "peso.w.title"
    has_chart = True
    chart_size = (6.5, 3.8)

    def __init__(self, items=None, **kwargs):
        self._initial = [{"item": i, "guess": NONE} for i in (peso.EXAMPLES if items is None else items)]
        super().__init__(**kwargs)

    def build(self):
        options = [(msg("peso.w.choose"), NONE)] + [(peso.label(c), c) for c in peso.CATEGORIES]
        fields = {
            "item": lambda v: w.Text(value=v, continuous_update=False, layout=w.Layout(width="520px")),
            "guess": lambda v: w.Dropdown(options=options, value=v, layout=w.Layout(width="170px")),
        }
        self.records = RowEditor(self, fields, new_row=lambda rows: {"item": msg("peso.w.new"), "guess": NONE},
                                 names={"item": msg("peso.w.field_item"), "guess": msg("peso.w.field_guess")})
        self.records.set_rows(self._initial)
        # a plain button: each click checks (again); a toggle hid the feedback on the second click
        self.checked = False
        self.check_button = w.Button(description=msg("peso.w.check"), icon="check")
        self.check_button.on_click(lambda _b: self.check())
        return [w.HTML(f"<p>{self.esc(msg('peso.w.intro'))}</p>"), self.records.box, self.check_button]

    def check(self) -> None:
        """'Nakijken': compare with the example answers from now on (the feedback follows every change)."""
        self.checked = True
        self.refresh()

    def guesses(self) -> dict:
        return {r["item"]: r["guess"] for r in self.records.values()}

    def compute(self) -> PesoView:
        rows = self.records.values()
        guesses = {r["item"]: r["guess"] for r in rows}
        mix = peso.mix(guesses)
        check = None
        if self.checked:
            known = {i: g for i, g in guesses.items() if i in peso.EXAMPLES}
            check = peso.check(known, {i: peso.EXAMPLES[i] for i in guesses if i in peso.EXAMPLES})
        return PesoView(mix, check, tuple((r["item"], r["guess"]) for r in rows))

    def render_text(self, result: PesoView) -> str:
        counts = ", ".join(f"{peso.label(c)}: {n}" for c, n in result.mix.counts.items())
        parts = [f"<p>{self.esc(counts)}</p><p>{self.esc(result.mix.advice)}</p>"]
        if result.check is not None:
            parts.append(f"<p><b>{self.esc(result.check.summary)}</b></p><ul>")
            for item, guess, answer, ok, reason in result.check.items:
                if guess is None:
                    continue
                verdict = msg("peso.w.right") if ok else msg("peso.w.wrong", answer=peso.label(answer))
                colour = TEXT_COLOURS["ok" if ok else "error"]
                parts.append(f"<li><span style='color:{colour}'>{self.esc(verdict)}</span> — "
                             f"{self.esc(item)}: {self.esc(reason)}</li>")
            parts.append("</ul>")
            own = [i for i, _ in result.items if i not in peso.EXAMPLES]
            if own:
                parts.append(f"<p><i>{self.esc(msg('peso.w.own_items', n=len(own)))}</i></p>")
        return "".join(parts)

    def _chart(self, result: PesoView) -> tuple:
        from smmkit import livechart

        top = max([1, *result.mix.counts.values()])
        return ([c.capitalize() for c in peso.CATEGORIES],
                {msg("peso.w.count"): [result.mix.counts[c] for c in peso.CATEGORIES]},
                {"title": msg("peso.w.chart_title"), "source": msg("peso.w.source"),
                 "value_label": msg("peso.w.count"), "limits": (0, livechart.stable_limit(top + 1, 2))})

    def draw(self, fig, result: PesoView) -> None:
        from smmkit import plots

        categories, series, options = self._chart(result)
        plots.grouped_bar(categories, series, ax=(ax := fig.add_subplot()), **options)
        integer_axis(ax)

    def update_chart(self, fig, result: PesoView):
        from smmkit import plots

        return plots.update_bars(fig, self._chart(result))

    def table(self, result: PesoView):
        answers = {}
        if result.check is not None:
            answers = {item: (answer, ok) for item, _g, answer, ok, _r in result.check.items}
        rows = []
        for item, guess in result.items:
            answer, ok = answers.get(item, ("", ""))
            rows.append({"uiting": item, "jouw_antwoord": guess, "voorbeeldantwoord": answer,
                         "goed": ok if guess and answer else ""})
        return rows

    def learner_state(self) -> dict:
        return {"items": self.records.values(), "checked": self.checked}

    def restore_learner_state(self, state: dict) -> None:
        rows = [{"item": r["item"], "guess": r.get("guess") or NONE} for r in state["items"]]
        # rows whose text the learner emptied are kept as they are (compute shows the Dutch message)
        peso.classify({r["item"]: r["guess"] for r in rows if str(r["item"]).strip()})  # validates, Dutch message
        self.records.set_rows(rows)
        self.checked = bool(state.get("checked", False))
        self.refresh()
