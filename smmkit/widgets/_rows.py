"""The kit's one row editor: rows of fields, a remove button per row, and a way to add a row.

A table of several fields (FlywheelMapper, ContentCalendar, InfluencerScorer, PESOClassifier,
WebcareTriage)::

    self.rows = RowEditor(self, {"name": lambda v: w.Text(value=v), ...},
                          new_row=lambda rows: {"name": "Nieuw", ...})    # an 'add' button under the rows
    self.rows.set_rows([{"name": "Filmpje", ...}])    # in build() or restore_learner_state()
    return [self.rows.box]
    self.rows.values()  # -> [{"name": "Filmpje", ...}, ...]

A list of labelled items, (text, choice), typed in an 'add' line with a text box and a dropdown
(FourCSorter, LCSSMapper)::

    self.rows = labelled_rows(self, [("Likeable", "likeable"), ...], placeholder="Nieuwe post")
    self.rows.set_rows([("Foto van de haven", "likeable")])   # pairs or dicts
    self.rows.tuples()  # -> [("Foto van de haven", "likeable")]

Every field control is observed by the owner widget, so editing a cell recomputes the result; the
controls of the 'add' line are not (they are not the learner's work until added).
"""
from __future__ import annotations

from collections.abc import Mapping

import ipywidgets as w

from smmkit import boxes
from smmkit.messages import msg
from smmkit.widgets.base import live_html

TEXT_WIDTH, CHOICE_WIDTH = "420px", "190px"   # the columns of a labelled list
# a row wraps onto a next line when the notebook is narrow (200 % zoom), instead of scrolling sideways
ROW_LAYOUT = {"flex_flow": "row wrap", "align_items": "center", "max_width": "100%"}


def fit(control):
    """Let a control with a fixed width shrink to the width of the notebook (reflow at 200 % zoom)."""
    control.layout.max_width = "100%"
    return control


class RowEditor:
    """Rows of ``fields`` (key -> factory(value) -> control), each with a remove button.

    ``new_row(rows) -> dict``: an add button under the rows adds that row. ``entry`` (key -> control):
    an 'add' line instead, whose first control is a text that may not be empty. Neither: rows are
    added by code only (``add(values)``). ``header`` (key -> (text, width)): a bold line above the
    rows. ``remove_text``: the remove button says so in words, not only with a bin icon.
    ``names`` (key -> text): what each field is called for a screen reader and in its tooltip,
    "<name>, rij <n>" (default: the header's text). Every field needs a name (WCAG 4.1.2).
    """

    def __init__(self, owner, fields: dict, *, new_row=None, entry: dict | None = None,
                 header: dict | None = None, remove_text: bool = False, names: dict | None = None):
        self.owner = owner
        self.fields = fields
        self.names = {**{key: text for key, (text, _width) in (header or {}).items()}, **(names or {})}
        missing = [key for key in fields if key not in self.names]
        if missing:
            raise ValueError(f"RowEditor fields without a name for screen readers: {missing}")
        self.new_row = new_row
        self.remove_text = remove_text
        self.rows_box = w.VBox()
        self._rows: list[tuple[dict, w.HBox]] = []
        self.entry = {key: owner.ignore(control) for key, control in (entry or {}).items()}
        self.add_button = w.Button(description=msg("widgets.add"), icon="plus", layout=w.Layout(width="auto"))
        self.status = live_html()   # "Typ eerst een tekst …" is read out
        parts = [self.rows_box]
        if self.entry:
            self.add_button.on_click(lambda _b: self.add_from_input())
            for key, control in self.entry.items():
                fit(control).tooltip = msg("widgets.new_field", name=self.names[key])
            parts += [w.HBox([*self.entry.values(), self.add_button], layout=w.Layout(**ROW_LAYOUT)),
                      self.status]
        elif new_row is not None:
            self.add_button.on_click(lambda _b: self.add())
            parts.append(w.HBox([self.add_button]))
        if header:
            cells = [w.HTML(f"<b>{owner.esc(text)}</b>", layout=w.Layout(width=width, max_width="100%"))
                     for text, width in header.values()]
            # the names are in each field's tooltip too: a screen reader does not need this line
            parts.insert(0, w.HBox(cells, layout=w.Layout(**ROW_LAYOUT)))
        self.box = w.VBox(parts)

    def _make(self, values):
        if not isinstance(values, Mapping):   # a pair (text, choice) or any row in field order
            values = dict(zip(self.fields, values))
        controls = {key: fit(factory(values[key])) for key, factory in self.fields.items()}
        if self.remove_text:
            remove = w.Button(description=msg("widgets.remove"), icon="trash", layout=w.Layout(width="auto"))
        else:
            remove = w.Button(description="", icon="trash", tooltip=msg("widgets.remove"),
                              layout=w.Layout(width="40px"))
        row = w.HBox([*controls.values(), remove], layout=w.Layout(**ROW_LAYOUT))
        row._smmkit_remove = remove
        entry = (controls, row)
        remove.on_click(lambda _b, entry=entry: self.remove(entry))
        self.owner.watch(*controls.values())
        return entry

    def set_rows(self, rows) -> None:
        """Replace all rows (no refresh: the caller refreshes or holds updates)."""
        for controls, row in self._rows:
            self.owner.unwatch(*controls.values())
            row.close()
        self._rows = [self._make(r) for r in rows]
        self.rows_box.children = [row for _, row in self._rows]
        self._name_rows()

    def _name_rows(self) -> None:
        """Each field's accessible name (its tooltip, the ``title`` of the input): "Fase, rij 3"."""
        for number, (controls, row) in enumerate(self._rows, start=1):
            for key, control in controls.items():
                name = self.names[key]
                control.tooltip = msg("widgets.row_field", name=name[:1].upper() + name[1:], row=number)
            row._smmkit_remove.tooltip = msg("widgets.remove_row", row=number)

    def add(self, values=None) -> None:
        """Add a row (``values``, or ``new_row`` of the current rows) and refresh the owner."""
        entry = self._make(values if values is not None else self.new_row(self.values()))
        self._rows.append(entry)
        self.rows_box.children = [*self.rows_box.children, entry[1]]
        self._name_rows()
        self.owner.refresh()

    def add_from_input(self) -> None:
        """The add button of the 'add' line: a row from its controls, which are emptied for the next one."""
        first, *rest = self.entry
        text = self.entry[first].value.strip()
        if not text:
            self.status.value = boxes.note(msg("widgets.empty_text"), "smmkit-note", kind="error")
            return
        self.status.value = ""
        self.entry[first].value = ""
        self.add({first: text, **{key: self.entry[key].value for key in rest}})

    def remove(self, entry) -> None:
        if entry not in self._rows:
            return
        controls, row = entry
        self.owner.unwatch(*controls.values())
        self._rows.remove(entry)
        self.rows_box.children = [r for _, r in self._rows]
        row.close()
        self._name_rows()
        self.owner.refresh()

    def remove_at(self, index: int) -> None:
        self.remove(self._rows[index])

    def __len__(self) -> int:
        return len(self._rows)

    def values(self) -> list[dict]:
        return [{key: control.value for key, control in controls.items()} for controls, _ in self._rows]

    def tuples(self) -> list[tuple]:
        """The rows as tuples in field order: ``[("Foto van de haven", "likeable"), ...]``."""
        return [tuple(control.value for control in controls.values()) for controls, _ in self._rows]

    @property
    def controls(self) -> list[dict]:
        """Per row the controls by field name: ``editor.controls[0]["name"].value = ...``."""
        return [controls for controls, _ in self._rows]


def labelled_rows(owner, options, *, placeholder: str = "", new_choice=None,
                  names: tuple[str, str] | None = None) -> RowEditor:
    """A list of (text, choice) rows with an 'add' line: fields ``text`` and ``choice``.

    ``names``: what the text and the choice are called (for screen readers); default "Tekst", "Soort".
    """
    fields = {
        "text": lambda v: w.Text(value=v, continuous_update=False, layout=w.Layout(width=TEXT_WIDTH)),
        "choice": lambda v: w.Dropdown(options=options, value=v, layout=w.Layout(width=CHOICE_WIDTH)),
    }
    choice = w.Dropdown(options=options, layout=w.Layout(width=CHOICE_WIDTH))
    if new_choice is not None:
        choice.value = new_choice
    entry = {"text": w.Text(placeholder=placeholder, layout=w.Layout(width=TEXT_WIDTH)), "choice": choice}
    text_name, choice_name = names or (msg("widgets.row_text"), msg("widgets.row_choice"))
    return RowEditor(owner, fields, entry=entry, remove_text=True,
                     names={"text": text_name, "choice": choice_name})
