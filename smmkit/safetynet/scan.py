"""Warnings after a cell that ran without error, but probably not as meant.

``versterking = 1,25`` makes a tuple, ``inwoners = 48.000`` is 48.0, a leftover ``___`` of a template
is IPython's old output. :func:`warnings_for` finds them by reading the cell (nothing runs); the IPython
hook shows each as an orange warning box.
"""
from __future__ import annotations

import ast
import re

from smmkit.safetynet.hints import DECIMAL_COMMA, decimal_comma_fix, pair, without_strings

__all__ = ["warnings_for"]

_COMMA_NUMBER = re.compile(r"^-?\d+,\d+$")
_THOUSANDS = re.compile(r"^[1-9]\d{0,2}\.\d{3}$")


def warnings_for(source: str, shell=None) -> list[tuple[str, str]]:
    """(what, tip) for suspicious but valid lines: ``x = 1,25`` (a tuple) and ``x = 48.000`` (48.0)."""
    try:
        tree = ast.parse(shell.transform_cell(source) if shell is not None else source)
    except Exception:
        return []
    lines = (shell.transform_cell(source) if shell is not None else source).splitlines()
    found = []
    if any(isinstance(node, ast.Name) and re.fullmatch(r"_{2,}", node.id) for node in ast.walk(tree)):
        found.append(pair("safety.warn_blank"))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Assign) or len(node.targets) != 1 or not isinstance(node.targets[0], ast.Name):
            continue
        value = node.value
        if value.end_lineno != value.lineno or value.lineno > len(lines):
            continue
        segment = lines[value.lineno - 1][value.col_offset:value.end_col_offset]
        name = node.targets[0].id
        commas = list(DECIMAL_COMMA.finditer(without_strings(segment)))
        if isinstance(value, ast.Tuple) and _COMMA_NUMBER.match(segment):
            a, b = segment.split(",")
            found.append(pair("safety.warn_comma", name=name, a=a, b=b))
        elif isinstance(value, ast.Tuple) and commas:          # x = 75,0 - 60,0 is (75, -60, 0)
            found.append(pair("safety.warn_comma_expr", name=name, text=segment, n=len(value.elts),
                               right=decimal_comma_fix(segment)))
        elif isinstance(value, ast.List) and commas and ", " in segment:   # [7, 8, 8,5]: 8 and 5, one too many
            first = commas[0]
            found.append(pair("safety.warn_comma_list", name=name, text=first.group(0), a=first.group(1),
                               b=first.group(2), n=len(value.elts), m=len(value.elts) - len(commas),
                               right=decimal_comma_fix(segment)))
        elif isinstance(value, ast.Constant) and isinstance(value.value, float) and _THOUSANDS.match(segment):
            found.append(pair("safety.warn_thousands", name=name, text=segment, right=segment.replace(".", ""), under=segment.replace(".", "_"),
                               value=value.value))
    return found
