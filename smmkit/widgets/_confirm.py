"""Ask before a button replaces the learner's work (issue 20): one Dutch question, "Ja" and "Nee".

    row = confirming(button, action, question=lambda: msg("sdt.confirm_book", ...), needed=lambda: True)

``confirming`` takes the button's clicks: when ``needed()`` says nothing would be lost, ``action``
runs at once; otherwise a row with the question and two buttons appears under it, and only "Ja"
runs ``action``. Put the returned box where the button was. ``action`` may raise SmmkitError: its
Dutch text is shown in the row.
"""
from __future__ import annotations

import ipywidgets as w

from smmkit import boxes
from smmkit.errors import SmmkitError
from smmkit.messages import msg


class Confirm(w.VBox):
    """The button with its (hidden) question row; ``ask()`` is what a click does."""

    def __init__(self, button: w.Button, action, question, needed=lambda: True, yes: str | None = None):
        self.button, self.action, self.question, self.needed = button, action, question, needed
        self.text = w.HTML()
        self.yes = w.Button(description=yes or msg("widgets.confirm_yes"), button_style="warning",
                            layout=w.Layout(width="auto"))
        self.no = w.Button(description=msg("widgets.confirm_no"), layout=w.Layout(width="auto"))
        self.row = w.VBox([self.text, w.HBox([self.yes, self.no])], layout=w.Layout(display="none"))
        self.yes.on_click(lambda _b: self._run())
        self.no.on_click(lambda _b: self._close())
        button.on_click(lambda _b: self.ask())
        super().__init__([button, self.row])
        self.add_class("smmkit-confirm")

    def ask(self) -> None:
        if not self.needed():
            self._run()
            return
        self.text.value = boxes.note(self.question(), "smmkit-confirm-question", kind="warning")
        self.row.layout.display = None

    def _run(self) -> None:
        self._close()
        try:
            self.action()
        except SmmkitError as exc:
            self.text.value = boxes.note(str(exc), "smmkit-confirm-question", kind="error")
            self.row.layout.display = None
            self.yes.layout.display = "none"

    def _close(self) -> None:
        self.row.layout.display = "none"
        self.yes.layout.display = None
        self.text.value = ""


def confirming(button: w.Button, action, question, needed=lambda: True, yes: str | None = None) -> Confirm:
    return Confirm(button, action, question, needed, yes)
