"""DutchNumber: a number field that reads what a learner types the Dutch way, on the Python side.

ipywidgets' FloatText/IntText are browser number inputs: the browser drops or moves a Dutch comma
('300,50' becomes 30050, '1.500' becomes 1,5) before Python sees it. DutchNumber is a plain text box
whose text is read by :func:`smmkit.models._input.parse_dutch` (Babel, ``nl_NL``, strict): comma =
decimals, dot = thousands; '3.5' gets a Dutch question instead of a guess. Text that cannot be read
keeps the last good ``value`` and sets ``problem``; the owning widget shows it (``raise_problems``).

``value`` is always a number (an ``int`` for ``integer=True``) and may be set from code, as before::

    self.clicks = DutchNumber(240, msg("kpi.input.clicks"), integer=True)
    self.clicks.value = 900          # the box shows '900'
"""
from __future__ import annotations

import math

import ipywidgets as w
import traitlets

from smmkit.errors import SmmkitError
from smmkit.messages import msg
from smmkit.models._input import number


def show(value: float) -> str:
    """``value`` as the box shows it: Dutch, no rounding, read back by ``parse_dutch`` to the same number."""
    from babel.numbers import format_decimal

    return format_decimal(value, format="#,##0.##########", locale="nl_NL")


class DutchNumber(w.HBox):
    """A text box for one number, typed the Dutch way (see the module docstring)."""

    value = traitlets.Any()          # the last number read well (not synced: the box shows the text)
    problem = traitlets.Unicode("")  # a Dutch message while the text cannot be read; "" when fine

    def __init__(self, value, description: str = "", *, integer: bool = False, minimum: float | None = None,
                 maximum: float | None = None, label: str | None = None, style=None, layout=None):
        self.integer, self.minimum, self.maximum = integer, minimum, maximum
        self.label = label or description
        self._syncing = False
        self.box = w.Text(value="", description=description, placeholder=msg("numbers.placeholder"),
                          tooltip=msg("numbers.tooltip"), continuous_update=False,
                          style=style or {}, layout=layout or w.Layout(width="120px"))
        self.box._smmkit_ignore = True   # the owner watches this field's number, not its text
        super().__init__([self.box])
        self.value = self._read(value)
        self._show_text(self.value)
        self.box.observe(self._typed, names="value")
        self.observe(self._set_from_code, names="value")

    # ------------------------------------------------------------------ reading
    def _read(self, given):
        """``given`` (text or number) as this field's number, or SmmkitError with a Dutch message."""
        if isinstance(given, str) and not given.strip():
            raise SmmkitError(msg("numbers.empty", field=self.label, example=self._example()))
        result = number(given, self.label, minimum=self.minimum, maximum=self.maximum)
        if self.integer:
            if not float(result).is_integer():
                raise SmmkitError(msg("numbers.not_whole", field=self.label, value=show(result),
                                      example=show(math.floor(result)) if result >= 1 else self._example()))
            return int(result)
        return float(result)

    def _example(self) -> str:
        return show(self.value) if isinstance(self.value, (int, float)) else "10"

    @traitlets.validate("value")
    def _valid(self, proposal):
        return self._read(proposal["value"])

    # ------------------------------------------------------------------ the two directions
    def _typed(self, change) -> None:
        if self._syncing:
            return
        before = self.problem
        try:
            new = self._read(change["new"])
        except SmmkitError as exc:
            self.problem = str(exc)               # the last good value stays; the owner shows the message
            self._poke()
            return
        self.problem = ""
        self._syncing = True
        try:
            if new != self.value:
                self.value = new                   # observers (the owner's refresh) fire here
            elif before:
                self._poke()                       # same number, but the message must go
        finally:
            self._syncing = False

    def _set_from_code(self, change) -> None:
        if self._syncing:
            return
        self.problem = ""
        self._show_text(change["new"])

    def _show_text(self, value) -> None:
        self._syncing = True
        try:
            self.box.value = show(value)
        finally:
            self._syncing = False

    def _poke(self) -> None:
        """Tell the owner to look again although the number did not change (a problem came or went)."""
        was, self._syncing = self._syncing, True
        try:
            self.notify_change(traitlets.Bunch(name="value", old=self.value, new=self.value, owner=self,
                                               type="change"))
        finally:
            self._syncing = was

    @property
    def description(self) -> str:
        return self.box.description

    @property
    def text(self) -> str:
        return self.box.value

    def type(self, text: str) -> None:
        """Put ``text`` in the box as if the learner typed it (tests, demos)."""
        self.box.value = text


def raise_problems(*fields) -> None:
    """Raise the first field's Dutch message (SmmkitError) when a field could not read its text."""
    for field in fields:
        if getattr(field, "problem", ""):
            raise SmmkitError(field.problem)
