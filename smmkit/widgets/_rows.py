"""An editable list for widgets: rows of (text, choice) with a remove button each and an 'add' line.

Used by FourCSorter and LCSSMapper; usable by any widget whose state is a list of labelled items::

    self.rows = RowEditor(self, options=[("Likeable", "likeable"), ...], placeholder="Nieuwe post")
    self.rows.set_rows([("Foto van de haven", "likeable")])   # in build() or set_state()
    return [self.rows.box]                                     # the base observes the row controls
    self.rows.values()  # -> [("Foto van de haven", "likeable")]
"""
from __future__ import annotations

import html

import ipywidgets as w

from smmkit.messages import msg


class RowEditor:
    def __init__(self, owner, options, *, placeholder: str = "", text_width: str = "420px",
                 choice_width: str = "190px", new_choice=None):
        self.owner = owner
        self.options = list(options)
        self.text_width, self.choice_width = text_width, choice_width
        self.rows_box = w.VBox()
        self.new_text = owner.ignore(w.Text(placeholder=placeholder, layout=w.Layout(width=text_width)))
        self.new_choice = owner.ignore(w.Dropdown(options=self.options, layout=w.Layout(width=choice_width)))
        if new_choice is not None:
            self.new_choice.value = new_choice
        self.add_button = w.Button(description=msg("widgets.add"), icon="plus", layout=w.Layout(width="auto"))
        self.add_button.on_click(lambda _b: self.add_from_input())
        self.status = w.HTML()
        self.box = w.VBox([self.rows_box, w.HBox([self.new_text, self.new_choice, self.add_button]), self.status])
        self._rows: list[tuple[w.Text, w.Dropdown, w.HBox]] = []

    def _make_row(self, text: str, value):
        text_box = w.Text(value=text, continuous_update=False, layout=w.Layout(width=self.text_width))
        choice = w.Dropdown(options=self.options, value=value, layout=w.Layout(width=self.choice_width))
        remove = w.Button(description=msg("widgets.remove"), icon="trash", layout=w.Layout(width="auto"))
        row = w.HBox([text_box, choice, remove])
        entry = (text_box, choice, row)
        remove.on_click(lambda _b, entry=entry: self.remove(entry))
        self.owner.watch(text_box, choice)
        return entry

    def set_rows(self, pairs) -> None:
        """Replace all rows (no refresh: the caller refreshes, or holds updates)."""
        for text_box, choice, row in self._rows:
            self.owner.unwatch(text_box, choice)
            row.close()
        self._rows = [self._make_row(text, value) for text, value in pairs]
        self.rows_box.children = [row for _, _, row in self._rows]

    def append(self, text: str, value) -> None:
        entry = self._make_row(text, value)
        self._rows.append(entry)
        self.rows_box.children = [*self.rows_box.children, entry[2]]

    def remove(self, entry) -> None:
        if entry not in self._rows:
            return
        text_box, choice, row = entry
        self.owner.unwatch(text_box, choice)
        self._rows.remove(entry)
        self.rows_box.children = [r for _, _, r in self._rows]
        row.close()
        self.owner.refresh()

    def remove_at(self, index: int) -> None:
        self.remove(self._rows[index])

    def add_from_input(self) -> None:
        text = self.new_text.value.strip()
        if not text:
            self.status.value = f"<div style='color:#D55E00'>{html.escape(msg('widgets.empty_text'))}</div>"
            return
        self.status.value = ""
        self.append(text, self.new_choice.value)
        self.new_text.value = ""
        self.owner.refresh()

    def values(self) -> list[tuple[str, object]]:
        return [(text_box.value, choice.value) for text_box, choice, _ in self._rows]

    @property
    def controls(self) -> list[tuple[w.Text, w.Dropdown]]:
        return [(t, c) for t, c, _ in self._rows]
