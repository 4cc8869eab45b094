"""Why a learner's cell stopped, in Dutch: one rule per kind of Python error.

``explain(etype, evalue, shell)`` returns (what went wrong, what to try), both from the message catalogue
(``smmkit/messages/nl/safetynet.py``). A rule may look at the learner's namespace (nearest variable name,
a tuple made by a decimal comma) and at the pandas object the failing code worked on (the valid columns
of the table in ``df["Kanaal"]``). A rule that does not recognise the error returns None; the next rule
or the generic text follows. How to add a case: CONTRIBUTING.md ("The safety net: adding a case").
An error recorded in a notebook (no live exception) goes through :mod:`smmkit.safetynet.recorded`.
"""
from __future__ import annotations

import builtins
import keyword
import re
import sys
from pathlib import Path

from smmkit.messages import msg
from smmkit.safetynet.hints import (DECIMAL_COMMA, BLANK, decimal_comma_fix, error_line, frames, kind_name, kit_names,
                                    listing, nearest, pair, type_of, without_strings)

__all__ = ["explain", "user_names", "RULES"]

_HIDDEN = {"In", "Out", "exit", "quit", "get_ipython", "open"}
_QUOTES = "\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb"


def user_names(shell) -> list[str]:
    """The learner's own variable names in the shell (not IPython's ``In``/``Out`` and hidden names)."""
    if shell is None:
        return []
    hidden = getattr(shell, "user_ns_hidden", {})
    return [k for k in shell.user_ns if not k.startswith("_") and k not in hidden and k not in _HIDDEN]


def _pandas_owner(evalue, kinds: tuple[str, ...]):
    """The first pandas object of one of ``kinds`` that the failing pandas code was working on."""
    for frame, _ in frames(evalue):
        me = frame.f_locals.get("self")
        if me is None:
            continue
        if type_of(me) in kinds:
            return me
        obj = getattr(me, "obj", None) if type_of(me).startswith("_") and "Indexer" in type_of(me) else None
        if obj is not None and type_of(obj) in kinds:
            return obj
    return None


def _decimal_comma_names(shell) -> list[tuple[str, tuple]]:
    if shell is None:
        return []
    found = []
    for name in user_names(shell):
        value = shell.user_ns.get(name)
        if isinstance(value, tuple) and len(value) == 2 and all(
                isinstance(v, (int, float)) and not isinstance(v, bool) for v in value):
            found.append((name, value))
    return found


# --------------------------------------------------------------------------- explaining one error
def explain(etype, evalue, shell=None) -> tuple[str, str]:
    """(what went wrong, what to try) in Dutch for one exception; never raises for a normal exception."""
    try:
        answer = _in_the_line(evalue)   # a leftover ___ or a decimal comma explains any error on its line
    except Exception:
        answer = None
    if answer is not None:
        return answer
    for rule in RULES:
        if issubclass(etype, rule[0]):
            try:
                answer = rule[1](evalue, shell)
            except Exception:  # a rule that trips over an odd case must not cost the learner the box
                answer = None
            if answer is not None:
                return answer
    return msg("safety.generic", ename=etype.__name__), msg("safety.generic.tip")


def _in_the_line(evalue):
    line = error_line(evalue)
    if not line:
        return None
    if BLANK.search(without_strings(line)):
        return pair("safety.blank", line=line)
    match = DECIMAL_COMMA.search(without_strings(line))
    if match and not isinstance(evalue, (NameError, ImportError, FileNotFoundError, KeyboardInterrupt)):
        return pair("safety.comma_in_line", text=match.group(0), a=match.group(1), b=match.group(2),
                     right=decimal_comma_fix(line))
    return None


def _syntax(evalue, shell):
    text = (evalue.msg or "").strip()
    line = (evalue.text or "").rstrip("\n")
    if isinstance(evalue, TabError):
        return pair("safety.indent_tabs")
    if isinstance(evalue, IndentationError):
        if "unexpected indent" in text:
            return pair("safety.indent_unexpected")
        if "expected an indented block" in text:
            return pair("safety.indent_expected")
        return pair("safety.indent_mismatch")
    if any(q in line for q in _QUOTES) or any(q in text for q in _QUOTES):
        return pair("safety.curly_quotes")
    if "was never closed" in text:
        return pair("safety.bracket_open", bracket=text.split("'")[1] if "'" in text else "(")
    if text.startswith("unmatched"):
        return pair("safety.bracket_extra", bracket=text.split("'")[1] if "'" in text else ")")
    if "does not match opening parenthesis" in text:
        parts = text.split("'")
        return pair("safety.bracket_mismatch", closing=parts[1], opening=parts[3]) if len(parts) >= 4 \
            else pair("safety.bracket_extra", bracket=")")
    if text == "incomplete input":  # IPython: the cell ends while a bracket or a string is still open
        source = getattr(evalue, "_smmkit_source", None) or line  # the whole cell, set by the safety net
        opened = {b: source.count(b) - source.count(c) for b, c in ("()", "[]", "{}")}
        open_brackets = [b for b, n in opened.items() if n > 0]
        if open_brackets:
            return pair("safety.bracket_open", bracket=open_brackets[0])
        return pair("safety.quote_open")
    if "unterminated" in text or "EOL while scanning" in text or "EOF while scanning" in text:
        return pair("safety.quote_open")
    if "Missing parentheses in call to 'print'" in text:
        return pair("safety.print_parens")
    if "Maybe you meant '==' or ':='" in text or "cannot assign to" in text and "'=='" in text:
        if re.match(r"\s*[\w.]+(\[.*\])?\s*=", line) and not re.match(r"\s*(if|elif|while)\b", line):
            return pair("safety.assign_literal")
        return pair("safety.equals")
    if "expected ':'" in text:
        return pair("safety.colon")
    if "forgot a comma" in text:
        return pair("safety.comma")
    if "leading zeros" in text:
        return pair("safety.leading_zero")
    if "invalid decimal literal" in text or "invalid imaginary literal" in text:
        return pair("safety.number_letters")
    if "invalid character" in text:
        return pair("safety.invalid_char", char=text.split("'")[1] if "'" in text else "?")
    if re.match(r"\s*[A-Za-z_]\w*(\s+[A-Za-z_]\w*)+\s*=[^=]", line) and not re.match(
            r"\s*(" + "|".join(keyword.kwlist) + r")\b", line):
        return pair("safety.name_space")
    if re.search(r"\d\s*%", line):
        return pair("safety.percent_sign")
    return pair("safety.syntax_generic")


def _name_error(evalue, shell):
    name = getattr(evalue, "name", None) or (re.findall(r"'([^']+)'", str(evalue)) or [""])[0]
    if name in ("true", "false", "none", "TRUE", "FALSE", "NONE", "waar", "onwaar"):
        right = {"t": "True", "f": "False", "n": "None", "w": "True", "o": "False"}[name[0].lower()]
        return pair("safety.name_constant", name=name, right=right)
    names = user_names(shell)
    near = nearest(name, names) or nearest(name, [n for n in dir(builtins) if not n.startswith("_")], 0.8)
    if near:
        return pair("safety.name_near", name=name, near=near)
    if name in kit_names():
        return pair("safety.name_kit", name=name)
    if name[:1].isupper() or name in ("ja", "nee", "gebruik", "dagelijks"):
        return pair("safety.name_quotes", name=name)
    return pair("safety.name_unknown", name=name)


def _key_error(evalue, shell):
    key = evalue.args[0] if evalue.args else ""
    frame = _pandas_owner(evalue, ("DataFrame",))
    if frame is not None:
        columns = [str(c) for c in frame.columns]
        missing = key
        if isinstance(key, str) and "not in index" in key:  # df[["a", "B"]]: "['B'] not in index"
            missing = ", ".join(re.findall(r"'([^']+)'", key)) or key
        near = nearest(str(missing), columns)
        as_number = [c for c in frame.columns if not isinstance(c, str) and str(c) == str(missing)]
        if isinstance(missing, str) and as_number:   # df["2012"] where the column is the number 2012
            return pair("safety.key_number_column", key=missing, columns=listing(columns))
        if str(missing) not in columns:
            indexer_frame = any(type_of(f.f_locals.get("self")) == "_LocIndexer" for f, _ in frames(evalue))
            if indexer_frame:
                rows = [str(r) for r in frame.index]
                near_row = nearest(str(missing), rows)
                if near_row or str(missing) in rows or not near:
                    return pair("safety.key_row", key=missing, rows=listing(rows),
                                 near=msg("safety.near", near=near_row) if near_row else "")
            return pair("safety.key_column", key=missing, columns=listing(columns),
                         near=msg("safety.near", near=near) if near else "")
    series = _pandas_owner(evalue, ("Series",))
    if series is not None:
        labels = [str(v) for v in series.index]
        if not labels:
            return pair("safety.key_empty", key=key)
        near = nearest(str(key), labels)
        return pair("safety.key_label", key=key, labels=listing(labels),
                     near=msg("safety.near", near=near) if near else "")
    keys: list[str] = []
    if shell is not None:
        for name in user_names(shell):
            value = shell.user_ns.get(name)
            if isinstance(value, dict):
                keys += [str(k) for k in value]
    near = nearest(str(key), keys)
    return pair("safety.key_dict", key=key, near=msg("safety.near", near=near) if near else "")


def _attribute_error(evalue, shell):
    obj, name = getattr(evalue, "obj", None), getattr(evalue, "name", None)
    if name is None:
        return None
    if obj is None and "NoneType" in str(evalue):
        return pair("safety.attr_none", name=name)
    if type_of(obj) in ("method", "builtin_function_or_method", "function"):   # s.min.round(1): .min without ()
        return pair("safety.method_no_call", name=getattr(obj, "__name__", "..."))
    if type_of(obj) == "DataFrame":
        columns = [str(c) for c in obj.columns]
        near = nearest(name, columns)
        if near:
            return pair("safety.attr_column", name=name, near=near, columns=listing(columns))
    public = [a for a in dir(obj) if not a.startswith("_")]
    near = nearest(name, public)
    kind = type_of(obj)
    if near:
        return pair("safety.attr_near", name=name, near=near, kind=kind_name(kind))
    return pair("safety.attr_unknown", name=name, kind=kind_name(kind))


_OPERAND = re.compile(r"for (\S+): '(\w+)' and '(\w+)'")


def _type_error(evalue, shell):
    text = str(evalue)
    if "ellipsis" in text:
        return pair("safety.ellipsis")
    if "tuple" in text:
        found = _decimal_comma_names(shell)
        if found:
            name, value = found[0]
            return pair("safety.decimal_comma", name=name, a=value[0], b=value[1])
    if "can only concatenate str" in text or "must be str, not" in text:
        return pair("safety.concat_text")
    if re.search(r"'(method|builtin_function_or_method|function)'|method\.__format__|'method' object", text):
        return pair("safety.method_no_call", name=_method_name(evalue, shell))
    numbers, texts = {"int", "float", "int64", "float64"}, {"str"}
    match = _OPERAND.search(text)
    if match:
        left, right = match.group(2), match.group(3)
        if {left, right} & texts and {left, right} & numbers:
            return pair("safety.text_number", op=match.group(1))
        if "NoneType" in (left, right):
            return pair("safety.none_value")
    if "not supported between instances of 'str' and" in text or "and 'str'" in text and "not supported" in text:
        return pair("safety.text_number", op="<")
    match = re.search(r"'(\w+)' object is not callable", text)
    if match:
        kind = match.group(1)
        shadowed = [n for n in user_names(shell) if n in dir(builtins)
                    and type_of(shell.user_ns.get(n)) == kind] if shell is not None else []
        if shadowed:
            return pair("safety.shadowed", name=shadowed[0])
        if kind in ("DataFrame", "Series"):
            return pair("safety.call_table")
        return pair("safety.not_callable", kind=kind_name(kind))
    match = re.search(r"'(\w+)' object is not subscriptable", text)
    if match:
        return pair("safety.not_subscriptable", kind=kind_name(match.group(1)))
    if "required positional argument" in text or "unexpected keyword argument" in text \
            or "positional argument" in text:
        function = (re.findall(r"^(\S+?)\(\)", text) or ["?"])[0]
        word = re.findall(r"keyword argument '(\w+)'", text)
        return pair("safety.arguments", function=function,
                     detail=msg("safety.arguments.keyword", word=word[0]) if word else "")
    if "NoneType" in text:
        return pair("safety.none_value")
    return None


def _value_error(evalue, shell):
    text = str(evalue)
    match = re.search(r"could not convert string to float: '([^']*)'", text)
    if match:
        value = match.group(1)
        if "," in value:
            return pair("safety.float_comma", value=value, right=value.replace(".", "").replace(",", "."))
        return pair("safety.float_text", value=value)
    match = re.search(r"invalid literal for int\(\) with base 10: '([^']*)'", text)
    if match:
        return pair("safety.int_text", value=match.group(1))
    if "truth value of a" in text and "ambiguous" in text:
        return pair("safety.and_or")
    if "can only convert an array of size 1" in text:
        return pair("safety.empty_item")
    if "Length of values" in text or "does not match length of index" in text:
        return pair("safety.length")
    return None


def _index_error(evalue, shell):
    text = str(evalue)
    if "out-of-bounds" in text or "out of bounds" in text:
        owner = _pandas_owner(evalue, ("DataFrame", "Series"))
        if owner is None and getattr(shell, "recorded", False):  # feedback: the selection is gone
            return pair("safety.iloc_unknown")
        if owner is not None and len(owner) == 0:
            return pair("safety.empty_selection")
        return pair("safety.iloc_range", rows=len(owner) if owner is not None else "?")
    if "list index out of range" in text or "tuple index out of range" in text or "string index" in text:
        return pair("safety.list_range")
    return None


def _zero(evalue, shell):
    return pair("safety.zero_division")


def _module(evalue, shell):
    name = getattr(evalue, "name", None) or ""
    if isinstance(evalue, ModuleNotFoundError):
        near = nearest(name, ["pandas", "numpy", "matplotlib", "smmkit", "ipywidgets", "math", "statistics",
                               "json", "pathlib", "random", "datetime"] + [m for m in sys.modules if "." not in m])
        return pair("safety.module_missing", name=name, near=msg("safety.near", near=near) if near else "")
    match = re.search(r"cannot import name '(\w+)' from '([\w.]+)'", str(evalue))
    if match:
        module = sys.modules.get(match.group(2))
        options = [a for a in dir(module) if not a.startswith("_")] if module is not None else []
        near = nearest(match.group(1), options)
        return pair("safety.import_name", name=match.group(1), module=match.group(2),
                     near=msg("safety.near", near=near) if near else "")
    return None


def _file(evalue, shell):
    name = str(getattr(evalue, "filename", "") or "")
    here = [p.name for p in Path.cwd().iterdir() if p.is_file() and not p.name.startswith(".")][:200]
    near = nearest(Path(name).name, here)
    return pair("safety.file_missing", path=name, near=msg("safety.near", near=near) if near else "")


def _interrupt(evalue, shell):
    return pair("safety.interrupted")


def _recursion(evalue, shell):
    return pair("safety.recursion")


def _method_name(evalue, shell) -> str:
    """The function she forgot to call: a bound method in her names, or ``.name`` on the failing line."""
    line = error_line(evalue)
    for name in user_names(shell):
        value = shell.user_ns.get(name)
        if type_of(value) in ("method", "builtin_function_or_method") and re.search(rf"\b{name}\b", line):
            return getattr(value, "__name__", name)
    found = re.findall(r"\.([A-Za-z_]\w*)\b(?!\s*[(\w])", line)
    return found[-1] if found else "..."


# (exception class, rule): the first class the error is an instance of whose rule recognises it answers.
RULES = [
    (SyntaxError, _syntax),
    (NameError, _name_error),
    (KeyError, _key_error),
    (AttributeError, _attribute_error),
    (TypeError, _type_error),
    (ValueError, _value_error),
    (IndexError, _index_error),
    (ZeroDivisionError, _zero),
    (ImportError, _module),
    (FileNotFoundError, _file),
    (KeyboardInterrupt, _interrupt),
    (RecursionError, _recursion),
]
