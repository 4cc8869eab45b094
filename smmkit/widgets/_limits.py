"""How much text a widget's text box takes (issue 20): a 2,700-character name made a widget 9,800 px
wide. Too long a text stops the calculation with a Dutch message that says how long it may be."""
from __future__ import annotations

import ipywidgets as w

from smmkit.errors import SmmkitError
from smmkit.messages import msg

MAX_LINE = 200      # a one-line box: a name, a platform, a post, a link
MAX_AREA = 2000     # a text area: a goal, a description


def check_lengths(controls) -> None:
    """A Dutch SmmkitError for the first text box in ``controls`` whose text is too long."""
    for control in controls:
        if isinstance(control, (w.Text, w.Textarea)) and isinstance(control.value, str):
            limit = MAX_AREA if isinstance(control, w.Textarea) else MAX_LINE
            if len(control.value) > limit:
                start = control.value[:30].strip()
                raise SmmkitError(msg("widgets.too_long", start=start, length=len(control.value), limit=limit))
