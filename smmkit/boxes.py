"""The kit's one coloured message box (a left border and a light background), as an HTML string.

Used wherever the kit shows a verdict or a message in a notebook: widget errors, quiz feedback, the
result of a check (``smmkit.check``), the safety net's explanation (``smmkit.safetynet``) and the
static site's note. ``line`` and ``collapsed`` are the parts inside a box that keep line breaks;
``note`` is the short status line without a box (saved, loaded, a hint).
No other module of the kit writes box CSS inline (``tests/test_code_rules.py``). Colours are the Okabe-Ito colours of ``smmkit.plots`` (colour-blind safe). Light:
this module imports only the standard library.
"""
from __future__ import annotations

import html

KINDS = {  # kind: (border, background)
    "ok": ("#009E73", "#eef8f4"),
    "wrong": ("#E69F00", "#fff8ea"),
    "info": ("#0072B2", "#eef5fb"),
    "error": ("#D55E00", "#fff4ec"),
    "warning": ("#E69F00", "#fffaf0"),  # the cell ran, but probably not as meant (safety-net warnings)
}
# Text in a kind's colour: the border colours are too light for text on white (#009E73 3.4:1,
# #D55E00 3.9:1; WCAG 1.4.3 asks 4.5:1), so text uses a darker shade of the same hue (≥ 5:1 on white
# and on the boxes' backgrounds; tests/widgets/test_a11y.py measures it).
TEXT_COLOURS = {
    "ok": "#007A5A",
    "wrong": "#8A5A00",
    "info": "#0072B2",
    "error": "#B34700",
    "warning": "#8A5A00",
}
NOTE_COLOUR = "#444"   # a calm status line: dark grey, no box
PRE_WRAP = "white-space:pre-wrap"  # keep the text's own line breaks and spaces, wrap long lines


def style(kind: str, extra: str = "") -> str:
    """The CSS of a box of this kind (``extra`` is appended, e.g. ``white-space:pre-wrap``)."""
    border, background = KINDS[kind]
    return f"border-left:4px solid {border};background:{background};padding:6px 10px;margin:4px 0" + (
        f";{extra}" if extra else "")


def box(kind: str, text: str, css_class: str, *, escape: bool = True, extra: str = "") -> str:
    """``<div class=css_class>`` with the box style around ``text`` (escaped unless it is HTML already)."""
    body = html.escape(text, quote=False) if escape else text
    return f'<div class="{css_class}" style="{style(kind, extra)}">{body}</div>'


def note(text: str, css_class: str, *, kind: str | None = None) -> str:
    """A one-line status under a control, without a box: dark grey, or in the border colour of ``kind``."""
    colour = TEXT_COLOURS[kind] if kind else NOTE_COLOUR
    return f'<div class="{css_class}" style="color:{colour};padding:2px 0">{html.escape(text)}</div>'


def line(text: str, *, code: bool = False, escape: bool = True) -> str:
    """One block inside a box that keeps the text's line breaks (``code``: in ``<code>``)."""
    body = html.escape(text) if escape else text
    return f'<div style="{PRE_WRAP}">' + (f"<code>{body}</code>" if code else body) + "</div>"


def collapsed(summary: str, text: str, css_class: str) -> str:
    """``<details>`` closed at first: ``summary`` to click, ``text`` as preformatted text that wraps."""
    return (f'<details class="{css_class}"><summary>{html.escape(summary)}</summary>'
            f'<pre style="{PRE_WRAP}">{html.escape(text)}</pre></details>')
