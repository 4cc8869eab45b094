"""An editable table for widgets: rows of several fields, each row with a remove button, plus 'add'.

Used by FlywheelMapper, ContentCalendar, InfluencerScorer and WebcareTriage::

    self.records = RecordEditor(self, {"name": lambda v: w.Text(value=v), ...},
                                new_row=lambda rows: {"name": "Nieuw", ...})
    self.records.set_rows([{"name": "Filmpje", ...}])   # in build() or set_state()
    return [self.records.box]
    self.records.values()  # -> [{"name": "Filmpje", ...}, ...]

Every field control is observed by the owner widget, so editing a cell recomputes the result.
"""
from __future__ import annotations

import ipywidgets as w

from smmkit.messages import msg


class RecordEditor:
    def __init__(self, owner, fields: dict, new_row, *, header: dict | None = None, show_add: bool = True):
        self.owner = owner
        self.fields = fields            # key -> factory(value) -> control
        self.new_row = new_row          # function(list of current rows) -> dict for a new row
        self.rows_box = w.VBox()
        self._rows: list[tuple[dict, w.HBox]] = []
        self.add_button = w.Button(description=msg("widgets.add"), icon="plus", layout=w.Layout(width="auto"))
        self.add_button.on_click(lambda _b: self.add())
        parts = [self.rows_box, w.HBox([self.add_button])] if show_add else [self.rows_box]
        if header:
            cells = [w.HTML(f"<b>{owner.esc(text)}</b>", layout=w.Layout(width=width))
                     for text, width in header.values()]
            parts.insert(0, w.HBox(cells))
        self.box = w.VBox(parts)

    def _make(self, values: dict):
        controls = {key: factory(values[key]) for key, factory in self.fields.items()}
        remove = w.Button(description="", icon="trash", tooltip=msg("widgets.remove"),
                          layout=w.Layout(width="40px"))
        row = w.HBox([*controls.values(), remove])
        entry = (controls, row)
        remove.on_click(lambda _b, entry=entry: self.remove(entry))
        self.owner.watch(*controls.values())
        return entry

    def set_rows(self, rows) -> None:
        """Replace all rows (no refresh: the caller refreshes or holds updates)."""
        for controls, row in self._rows:
            self.owner.unwatch(*controls.values())
            row.close()
        self._rows = [self._make(dict(r)) for r in rows]
        self.rows_box.children = [row for _, row in self._rows]

    def add(self, values: dict | None = None) -> None:
        entry = self._make(values if values is not None else self.new_row(self.values()))
        self._rows.append(entry)
        self.rows_box.children = [*self.rows_box.children, entry[1]]
        self.owner.refresh()

    def remove(self, entry) -> None:
        if entry not in self._rows:
            return
        controls, row = entry
        self.owner.unwatch(*controls.values())
        self._rows.remove(entry)
        self.rows_box.children = [r for _, r in self._rows]
        row.close()
        self.owner.refresh()

    def remove_at(self, index: int) -> None:
        self.remove(self._rows[index])

    def __len__(self) -> int:
        return len(self._rows)

    def values(self) -> list[dict]:
        return [{key: control.value for key, control in controls.items()} for controls, _ in self._rows]

    @property
    def controls(self) -> list[dict]:
        """Per row the controls by field name: ``editor.controls[0]["name"].value = ...``."""
        return [controls for controls, _ in self._rows]
