"""Self-check questions inside a chapter: immediate feedback that helps without giving the answer away.

For chapter authors (chapters 01–09). Two kinds, both ipywidgets ``VBox`` views::

    from smmkit.widgets.quiz import MultipleChoice, NumberQuestion

    MultipleChoice(
        "Welke behoefte staat voorop bij een uitlegvideo op YouTube?",
        ["Autonomie", "Competentie", "Verbondenheid"],
        answer="Competentie",
        hints={"Verbondenheid": "Gaat het hier om contact met anderen, of om iets leren?"},
        explanation="Een uitlegvideo helpt je iets beter te kunnen: competentie.",
    )

    NumberQuestion("Met hoeveel procent groeide Facebook? (afronden op hele procenten)",
                   answer=45, tolerance=0.5, unit="%",
                   hint="Gebruik (nieuw − oud) / oud × 100.", explanation="(58 − 40) / 40 × 100 = 45.")

How it behaves: the learner picks or types an answer and clicks *Controleer*. A wrong answer gets the
hint for that option (or a general nudge; numbers get "te hoog"/"te laag" plus ``hint``), never the
right answer. The button *Laat de uitleg zien* only appears after a first try. A right answer shows
the explanation. ``result`` holds ``{"tries": int, "correct": bool, "answer": ...}`` (last check).

In a notebook, put a question in its own short code cell and hide that cell's source (cell metadata
``{"jupyter": {"source_hidden": true}, "tags": ["smmkit-quiz", "hide-input"]}``), so the answer in
the code is not the first thing a learner reads. Headless (tests): set ``choice.value`` /
``number.value`` (text, a decimal comma is fine) and call ``check()``. Texts come from ``smmkit/messages/nl/quiz.py``.
"""
from __future__ import annotations

import html
import math

import ipywidgets as w

from smmkit.boxes import box
from smmkit.errors import SmmkitError
from smmkit.messages import choices, msg
from smmkit.widgets.base import live_html

OK_STYLE, NO_STYLE, INFO_STYLE = "ok", "wrong", "info"  # smmkit.boxes kinds


def _box(kind: str, text: str) -> str:
    return box(kind, text, "smmkit-quiz-feedback")


class _Question(w.VBox):
    """Shared layout: question, answer control, buttons, feedback."""

    def __init__(self, question: str, explanation: str = "", **kwargs):
        super().__init__(**kwargs)
        self.explanation = explanation
        self.result = {"tries": 0, "correct": False, "answer": None}
        self.question = w.HTML(f"<b>{html.escape(msg('quiz.heading'))}:</b> {html.escape(question)}")
        # the lab extension names the answer control after this element (radio group, text field)
        self.question.add_class("smmkit-quiz-question")
        self.check_button = w.Button(description=msg("quiz.check"), button_style="primary")
        self.check_button.on_click(lambda _b: self.check())
        self.explain_button = w.Button(description=msg("quiz.show_explanation"),
                                       layout=w.Layout(display="none", width="auto"))
        self.explain_button.on_click(lambda _b: self.show_explanation())
        self.feedback = live_html()   # announced by a screen reader: right, wrong, the hint
        self.add_class("smmkit-quiz")

    def _layout(self, control) -> None:
        from smmkit.widgets._memory import offline_html  # one Dutch line when Python is gone (restart)

        offline = w.HTML(offline_html()).add_class("smmkit-offline")
        self.children = [self.question, control, w.HBox([self.check_button, self.explain_button]),
                         self.feedback, offline]

    def _judge(self):  # -> (answer, correct, wrong_text) or None when nothing was given
        raise NotImplementedError

    def check(self) -> dict:
        """Judge the current answer, show feedback, return ``result``."""
        judged = self._judge()
        if judged is None:
            return self.result
        answer, correct, wrong_text = judged
        tries = self.result["tries"] + 1
        self.result = {"tries": tries, "correct": correct, "answer": answer}
        if correct:
            self.feedback.value = _box(OK_STYLE, msg("quiz.correct", explanation=self.explanation).strip())
            self.explain_button.layout.display = "none"
        else:
            self.feedback.value = _box(NO_STYLE, wrong_text)
            if self.explanation:
                self.explain_button.layout.display = None
        return self.result

    def show_explanation(self) -> None:
        """Show the explanation (only offered after a first try)."""
        if self.result["tries"] and self.explanation:
            self.feedback.value = _box(INFO_STYLE, msg("quiz.explanation", explanation=self.explanation))


class MultipleChoice(_Question):
    """One question, one right option; ``hints`` maps wrong options to a nudge in the right direction."""

    def __init__(self, question: str, options, answer: str, hints: dict | None = None,
                 explanation: str = "", **kwargs):
        options = [str(o) for o in options]
        if len(options) < 2:
            raise SmmkitError(msg("quiz.too_few_options", count=len(options)))
        if answer not in options:
            raise SmmkitError(msg("quiz.answer_not_in_options", answer=answer, options=choices(options)))
        for option in hints or {}:
            if option not in options:
                raise SmmkitError(msg("quiz.unknown_hint_option", option=option, options=choices(options)))
        super().__init__(question, explanation, **kwargs)
        self.answer = answer
        self.hints = dict(hints or {})
        self.choice = w.RadioButtons(options=options, value=None, layout=w.Layout(width="max-content", max_width="100%"))
        self._layout(self.choice)

    def _judge(self):
        if self.choice.value is None:
            self.feedback.value = _box(NO_STYLE, msg("quiz.choose_first"))
            return None
        chosen = self.choice.value
        hint = self.hints.get(chosen, msg("quiz.wrong_generic"))
        return chosen, chosen == self.answer, msg("quiz.wrong", hint=hint)


class NumberQuestion(_Question):
    """A calculation; right when within ``tolerance`` of ``answer``; wrong answers hear 'te hoog/te laag'."""

    def __init__(self, question: str, answer: float, tolerance: float = 0.5, unit: str = "",
                 hint: str = "", explanation: str = "", **kwargs):
        if not tolerance >= 0:
            raise SmmkitError(msg("quiz.bad_tolerance", tolerance=tolerance))
        super().__init__(question, explanation, **kwargs)
        self.answer = float(answer)
        self.tolerance = float(tolerance)
        self.hint = hint or msg("quiz.wrong_generic")
        self.number = w.Text(value="", placeholder=msg("quiz.placeholder"), layout=w.Layout(width="160px"),
                             tooltip=msg("quiz.answer_field"))
        self._layout(w.HBox([self.number, w.Label(unit)]) if unit else self.number)

    def _judge(self):
        typed = str(self.number.value).strip().replace(" ", "").rstrip("%")
        if not typed:
            self.feedback.value = _box(NO_STYLE, msg("quiz.type_first"))
            return None
        try:  # Dutch learners type a decimal comma: 2,5
            value = float(typed.replace(",", "."))
        except ValueError:
            value = math.nan
        if math.isnan(value):
            self.feedback.value = _box(NO_STYLE, msg("quiz.not_a_number", value=self.number.value))
            return None
        if abs(value - self.answer) <= self.tolerance + 1e-9:
            return value, True, ""
        key = "quiz.too_high" if value > self.answer else "quiz.too_low"
        return value, False, msg(key, hint=self.hint)
