"""Text cells of a CSV file that a person opens in a spreadsheet: never a live formula (CSV injection).

Excel, LibreOffice and Google Sheets treat a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a
formula (and a leading tab or carriage return can hide one), so a student name or a learner's text
like ``=HYPERLINK("http://…", "klik")`` would run when the teacher opens the file. As OWASP advises,
:func:`spreadsheet_text` puts a single quote in front of such a text; the spreadsheet then shows it as
text. Only *text* is escaped: the writers format real numbers themselves (``-38,5`` stays a number),
and a text that is nothing but a number (``-12``, ``-38,5``) cannot hold a formula and stays as it is.

Used by every CSV writer of the kit that a person opens in a spreadsheet: the widgets' export
(smmkit/widgets/_files.py), ``smmkit.grading items/overview --csv``, the LMS files of
``smmkit.grading export`` (there only in the columns the LMS does not match on: see that module),
nbgrader's own ``nbgrader export`` (the kit's plugin, smmkit/grading/nbexport.py) and the practice
roster of tools/make_class.py.
"""
from __future__ import annotations

import re

__all__ = ["FORMULA_START", "from_spreadsheet_text", "spreadsheet_text", "starts_formula"]

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


def starts_formula(text: str) -> bool:
    """True if a spreadsheet could read ``text`` as a formula (or hide one behind a tab/CR)."""
    return isinstance(text, str) and text.startswith(FORMULA_START) and not _PLAIN_NUMBER.fullmatch(text)


def spreadsheet_text(value):
    """``value`` with a ``'`` in front when it is a text a spreadsheet would read as a formula; else unchanged."""
    return "'" + value if starts_formula(value) else value


def from_spreadsheet_text(value: str) -> str:
    """The reverse, for the kit's own CSV readers: ``'=x`` read back from an export is the text ``=x`` again."""
    if isinstance(value, str) and value.startswith("'") and starts_formula(value[1:]):
        return value[1:]
    return value
