"""Why a learner's cell stopped, in Dutch: one rule per kind of Python error (used by ``smmkit.safetynet``).

``explain(etype, evalue, shell)`` returns (what went wrong, what to try), both from the message catalogue
(``smmkit/messages/nl/safetynet.py``). A rule may look at the learner's namespace (nearest variable name,
a tuple made by a decimal comma) and at the pandas object the failing code worked on (the valid columns
of the table in ``df["Kanaal"]``). A rule that does not recognise the error returns None; the next rule
or the generic text follows. How to add a case: CONTRIBUTING.md.

``explain_recorded(ename, evalue, traceback, source, earlier)`` does the same for an error that was
*recorded* in a notebook (nbgrader's autograded notebook, explained again when the feedback is made:
smmkit/grading/feedback.py): there is no live exception and no kernel, so the exception is rebuilt from
its type and text, and the learner's names, literal values and kit tables come from reading (never
running) the cells before it.
"""
from __future__ import annotations

import builtins
import difflib
import keyword
import re
import sys
from pathlib import Path

from smmkit.messages import msg

__all__ = ["explain", "explain_recorded"]

_HIDDEN = {"In", "Out", "exit", "quit", "get_ipython", "open"}
# names a kit notebook sets up in its first cell: a NameError on one of these means that cell did not run
_KIT_NAMES = {"load", "describe", "list_datasets", "check", "plots", "progress", "pd", "np", "plt", "smmkit",
              "MultipleChoice", "NumberQuestion", "honeycomb", "kpi", "smart", "peso", "funnel", "sdt", "lcss",
              "fourc", "flywheel", "influencer", "webcare", "reputation", "calendar", "newcom", "kanalen"}
_QUOTES = "\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb"
_MAX_LIST = 12

# --------------------------------------------------------------------------- small helpers
def _nearest(word: str, candidates, cutoff: float = 0.6) -> str | None:
    pool = [str(c) for c in candidates]
    for c in pool:
        if c.casefold() == str(word).casefold() and c != word:
            return c
    found = difflib.get_close_matches(str(word), pool, n=1, cutoff=cutoff)
    return found[0] if found else None


def _listing(values) -> str:
    items = [str(v) for v in values]
    if len(items) > _MAX_LIST:
        items = items[:_MAX_LIST - 1] + [msg("safety.and_more", n=len(items) - _MAX_LIST + 1)]
    return ", ".join(items)


def _user_names(shell) -> list[str]:
    if shell is None:
        return []
    hidden = getattr(shell, "user_ns_hidden", {})
    return [k for k in shell.user_ns if not k.startswith("_") and k not in hidden and k not in _HIDDEN]


def _frames(evalue):
    tb = getattr(evalue, "__traceback__", None)
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def _is_cell_file(filename: str) -> bool:
    return filename.startswith("<ipython-input") or ("ipykernel_" in filename and filename.endswith(".py")) \
        or filename.startswith("<cell")


def _user_line(evalue) -> tuple[int, str] | None:
    """The line of the learner's own cell where the error happened (last frame in a cell)."""
    import linecache

    found = None
    for frame, lineno in _frames(evalue):
        if _is_cell_file(frame.f_code.co_filename):
            found = (lineno, linecache.getline(frame.f_code.co_filename, lineno).strip())
    return found


def _type_of(value) -> str:
    return type(value).__name__


def _pandas_owner(evalue, kinds: tuple[str, ...]):
    """The first pandas object of one of ``kinds`` that the failing pandas code was working on."""
    for frame, _ in _frames(evalue):
        me = frame.f_locals.get("self")
        if me is None:
            continue
        if _type_of(me) in kinds:
            return me
        obj = getattr(me, "obj", None) if _type_of(me).startswith("_") and "Indexer" in _type_of(me) else None
        if obj is not None and _type_of(obj) in kinds:
            return obj
    return None


_KINDS = {"DataFrame": "table", "Series": "column", "str": "text", "int": "number", "float": "number",
          "int64": "number", "float64": "number", "int32": "number", "float32": "number", "complex": "number",
          "bool": "truth", "bool_": "truth", "list": "list", "dict": "dict", "tuple": "tuple", "set": "list",
          "NoneType": "none", "method": "method", "builtin_function_or_method": "method", "function": "method",
          "module": "module", "Index": "column", "ellipsis": "ellipsis"}


def kind_name(kind: str) -> str:
    """A Python type name the way a learner says it ('float64' → 'getal', 'tuple' → 'rijtje waarden')."""
    return msg(f"safety.kind.{_KINDS.get(kind, 'other')}")


def _decimal_comma_names(shell) -> list[tuple[str, tuple]]:
    if shell is None:
        return []
    found = []
    for name in _user_names(shell):
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
    for rule in _RULES:
        if issubclass(etype, rule[0]):
            try:
                answer = rule[1](evalue, shell)
            except Exception:  # a rule that trips over an odd case must not cost the learner the box
                answer = None
            if answer is not None:
                return answer
    return msg("safety.generic", ename=etype.__name__), msg("safety.generic.tip")


# a decimal comma: 0,5 or 40,0 (digits on both sides, no space after the comma; "1, 2" is a real list)
DECIMAL_COMMA = re.compile(r"(?<![\w.])(\d+),(\d+)(?![\w.(])")
BLANK = re.compile(r"(?<![\w])_{2,}(?![\w])")   # the ___ of a template; IPython reads it as an old output


def _error_line(evalue) -> str:
    if isinstance(evalue, SyntaxError):
        return (evalue.text or "").strip()
    found = _user_line(evalue)
    return found[1] if found else ""


def _without_strings(line: str) -> str:
    return re.sub(r"(\"[^\"]*\"|'[^']*')", lambda m: " " * len(m.group(0)), line)


def decimal_comma_fix(code: str) -> str | None:
    """``code`` with each decimal comma written as Python's decimal point, or None when there is none."""
    bare = _without_strings(code)
    spans = [m.span() for m in DECIMAL_COMMA.finditer(bare)]
    if not spans:
        return None
    out, last = [], 0
    for start, end in spans:
        piece = code[start:end]
        out += [code[last:start], piece.replace(",", ".")]
        last = end
    return "".join(out) + code[last:]


def _in_the_line(evalue):
    line = _error_line(evalue)
    if not line:
        return None
    if BLANK.search(_without_strings(line)):
        return _pair("safety.blank", line=line)
    match = DECIMAL_COMMA.search(_without_strings(line))
    if match and not isinstance(evalue, (NameError, ImportError, FileNotFoundError, KeyboardInterrupt)):
        return _pair("safety.comma_in_line", text=match.group(0), a=match.group(1), b=match.group(2),
                     right=decimal_comma_fix(line))
    return None


def _pair(name: str, /, **fields) -> tuple[str, str]:
    fields = fields or {"_": ""}  # always format, so that {{ and }} in a text become { and }
    return msg(name, **fields), msg(name + ".tip", **fields)


def _syntax(evalue, shell):
    text = (evalue.msg or "").strip()
    line = (evalue.text or "").rstrip("\n")
    if isinstance(evalue, TabError):
        return _pair("safety.indent_tabs")
    if isinstance(evalue, IndentationError):
        if "unexpected indent" in text:
            return _pair("safety.indent_unexpected")
        if "expected an indented block" in text:
            return _pair("safety.indent_expected")
        return _pair("safety.indent_mismatch")
    if any(q in line for q in _QUOTES) or any(q in text for q in _QUOTES):
        return _pair("safety.curly_quotes")
    if "was never closed" in text:
        return _pair("safety.bracket_open", bracket=text.split("'")[1] if "'" in text else "(")
    if text.startswith("unmatched"):
        return _pair("safety.bracket_extra", bracket=text.split("'")[1] if "'" in text else ")")
    if "does not match opening parenthesis" in text:
        parts = text.split("'")
        return _pair("safety.bracket_mismatch", closing=parts[1], opening=parts[3]) if len(parts) >= 4 \
            else _pair("safety.bracket_extra", bracket=")")
    if text == "incomplete input":  # IPython: the cell ends while a bracket or a string is still open
        source = getattr(evalue, "_smmkit_source", None) or line  # the whole cell, set by the safety net
        opened = {b: source.count(b) - source.count(c) for b, c in ("()", "[]", "{}")}
        open_brackets = [b for b, n in opened.items() if n > 0]
        if open_brackets:
            return _pair("safety.bracket_open", bracket=open_brackets[0])
        return _pair("safety.quote_open")
    if "unterminated" in text or "EOL while scanning" in text or "EOF while scanning" in text:
        return _pair("safety.quote_open")
    if "Missing parentheses in call to 'print'" in text:
        return _pair("safety.print_parens")
    if "Maybe you meant '==' or ':='" in text or "cannot assign to" in text and "'=='" in text:
        if re.match(r"\s*[\w.]+(\[.*\])?\s*=", line) and not re.match(r"\s*(if|elif|while)\b", line):
            return _pair("safety.assign_literal")
        return _pair("safety.equals")
    if "expected ':'" in text:
        return _pair("safety.colon")
    if "forgot a comma" in text:
        return _pair("safety.comma")
    if "leading zeros" in text:
        return _pair("safety.leading_zero")
    if "invalid decimal literal" in text or "invalid imaginary literal" in text:
        return _pair("safety.number_letters")
    if "invalid character" in text:
        return _pair("safety.invalid_char", char=text.split("'")[1] if "'" in text else "?")
    if re.match(r"\s*[A-Za-z_]\w*(\s+[A-Za-z_]\w*)+\s*=[^=]", line) and not re.match(
            r"\s*(" + "|".join(keyword.kwlist) + r")\b", line):
        return _pair("safety.name_space")
    if re.search(r"\d\s*%", line):
        return _pair("safety.percent_sign")
    return _pair("safety.syntax_generic")


def _name_error(evalue, shell):
    name = getattr(evalue, "name", None) or (re.findall(r"'([^']+)'", str(evalue)) or [""])[0]
    if name in ("true", "false", "none", "TRUE", "FALSE", "NONE", "waar", "onwaar"):
        right = {"t": "True", "f": "False", "n": "None", "w": "True", "o": "False"}[name[0].lower()]
        return _pair("safety.name_constant", name=name, right=right)
    names = _user_names(shell)
    near = _nearest(name, names) or _nearest(name, [n for n in dir(builtins) if not n.startswith("_")], 0.8)
    if near:
        return _pair("safety.name_near", name=name, near=near)
    if name in _KIT_NAMES:
        return _pair("safety.name_kit", name=name)
    if name[:1].isupper() or name in ("ja", "nee", "gebruik", "dagelijks"):
        return _pair("safety.name_quotes", name=name)
    return _pair("safety.name_unknown", name=name)


def _key_error(evalue, shell):
    key = evalue.args[0] if evalue.args else ""
    frame = _pandas_owner(evalue, ("DataFrame",))
    if frame is not None:
        columns = [str(c) for c in frame.columns]
        missing = key
        if isinstance(key, str) and "not in index" in key:  # df[["a", "B"]]: "['B'] not in index"
            missing = ", ".join(re.findall(r"'([^']+)'", key)) or key
        near = _nearest(str(missing), columns)
        as_number = [c for c in frame.columns if not isinstance(c, str) and str(c) == str(missing)]
        if isinstance(missing, str) and as_number:   # df["2012"] where the column is the number 2012
            return _pair("safety.key_number_column", key=missing, columns=_listing(columns))
        if str(missing) not in columns:
            indexer_frame = any(_type_of(f.f_locals.get("self")) == "_LocIndexer" for f, _ in _frames(evalue))
            if indexer_frame:
                rows = [str(r) for r in frame.index]
                near_row = _nearest(str(missing), rows)
                if near_row or str(missing) in rows or not near:
                    return _pair("safety.key_row", key=missing, rows=_listing(rows),
                                 near=msg("safety.near", near=near_row) if near_row else "")
            return _pair("safety.key_column", key=missing, columns=_listing(columns),
                         near=msg("safety.near", near=near) if near else "")
    series = _pandas_owner(evalue, ("Series",))
    if series is not None:
        labels = [str(v) for v in series.index]
        if not labels:
            return _pair("safety.key_empty", key=key)
        near = _nearest(str(key), labels)
        return _pair("safety.key_label", key=key, labels=_listing(labels),
                     near=msg("safety.near", near=near) if near else "")
    keys: list[str] = []
    if shell is not None:
        for name in _user_names(shell):
            value = shell.user_ns.get(name)
            if isinstance(value, dict):
                keys += [str(k) for k in value]
    near = _nearest(str(key), keys)
    return _pair("safety.key_dict", key=key, near=msg("safety.near", near=near) if near else "")


def _attribute_error(evalue, shell):
    obj, name = getattr(evalue, "obj", None), getattr(evalue, "name", None)
    if name is None:
        return None
    if obj is None and "NoneType" in str(evalue):
        return _pair("safety.attr_none", name=name)
    if _type_of(obj) in ("method", "builtin_function_or_method", "function"):   # s.min.round(1): .min without ()
        return _pair("safety.method_no_call", name=getattr(obj, "__name__", "..."))
    if _type_of(obj) == "DataFrame":
        columns = [str(c) for c in obj.columns]
        near = _nearest(name, columns)
        if near:
            return _pair("safety.attr_column", name=name, near=near, columns=_listing(columns))
    public = [a for a in dir(obj) if not a.startswith("_")]
    near = _nearest(name, public)
    kind = _type_of(obj)
    if near:
        return _pair("safety.attr_near", name=name, near=near, kind=kind_name(kind))
    return _pair("safety.attr_unknown", name=name, kind=kind_name(kind))


_OPERAND = re.compile(r"for (\S+): '(\w+)' and '(\w+)'")


def _type_error(evalue, shell):
    text = str(evalue)
    if "ellipsis" in text:
        return _pair("safety.ellipsis")
    if "tuple" in text:
        found = _decimal_comma_names(shell)
        if found:
            name, value = found[0]
            return _pair("safety.decimal_comma", name=name, a=value[0], b=value[1])
    if "can only concatenate str" in text or "must be str, not" in text:
        return _pair("safety.concat_text")
    if re.search(r"'(method|builtin_function_or_method|function)'|method\.__format__|'method' object", text):
        return _pair("safety.method_no_call", name=_method_name(evalue, shell))
    numbers, texts = {"int", "float", "int64", "float64"}, {"str"}
    match = _OPERAND.search(text)
    if match:
        left, right = match.group(2), match.group(3)
        if {left, right} & texts and {left, right} & numbers:
            return _pair("safety.text_number", op=match.group(1))
        if "NoneType" in (left, right):
            return _pair("safety.none_value")
    if "not supported between instances of 'str' and" in text or "and 'str'" in text and "not supported" in text:
        return _pair("safety.text_number", op="<")
    match = re.search(r"'(\w+)' object is not callable", text)
    if match:
        kind = match.group(1)
        shadowed = [n for n in _user_names(shell) if n in dir(builtins)
                    and _type_of(shell.user_ns.get(n)) == kind] if shell is not None else []
        if shadowed:
            return _pair("safety.shadowed", name=shadowed[0])
        if kind in ("DataFrame", "Series"):
            return _pair("safety.call_table")
        return _pair("safety.not_callable", kind=kind_name(kind))
    match = re.search(r"'(\w+)' object is not subscriptable", text)
    if match:
        return _pair("safety.not_subscriptable", kind=kind_name(match.group(1)))
    if "required positional argument" in text or "unexpected keyword argument" in text \
            or "positional argument" in text:
        function = (re.findall(r"^(\S+?)\(\)", text) or ["?"])[0]
        word = re.findall(r"keyword argument '(\w+)'", text)
        return _pair("safety.arguments", function=function,
                     detail=msg("safety.arguments.keyword", word=word[0]) if word else "")
    if "NoneType" in text:
        return _pair("safety.none_value")
    return None


def _value_error(evalue, shell):
    text = str(evalue)
    match = re.search(r"could not convert string to float: '([^']*)'", text)
    if match:
        value = match.group(1)
        if "," in value:
            return _pair("safety.float_comma", value=value, right=value.replace(".", "").replace(",", "."))
        return _pair("safety.float_text", value=value)
    match = re.search(r"invalid literal for int\(\) with base 10: '([^']*)'", text)
    if match:
        return _pair("safety.int_text", value=match.group(1))
    if "truth value of a" in text and "ambiguous" in text:
        return _pair("safety.and_or")
    if "can only convert an array of size 1" in text:
        return _pair("safety.empty_item")
    if "Length of values" in text or "does not match length of index" in text:
        return _pair("safety.length")
    return None


def _index_error(evalue, shell):
    text = str(evalue)
    if "out-of-bounds" in text or "out of bounds" in text:
        owner = _pandas_owner(evalue, ("DataFrame", "Series"))
        if owner is None and getattr(shell, "recorded", False):  # feedback: the selection is gone
            return _pair("safety.iloc_unknown")
        if owner is not None and len(owner) == 0:
            return _pair("safety.empty_selection")
        return _pair("safety.iloc_range", rows=len(owner) if owner is not None else "?")
    if "list index out of range" in text or "tuple index out of range" in text or "string index" in text:
        return _pair("safety.list_range")
    return None


def _zero(evalue, shell):
    return _pair("safety.zero_division")


def _module(evalue, shell):
    name = getattr(evalue, "name", None) or ""
    if isinstance(evalue, ModuleNotFoundError):
        near = _nearest(name, ["pandas", "numpy", "matplotlib", "smmkit", "ipywidgets", "math", "statistics",
                               "json", "pathlib", "random", "datetime"] + [m for m in sys.modules if "." not in m])
        return _pair("safety.module_missing", name=name, near=msg("safety.near", near=near) if near else "")
    match = re.search(r"cannot import name '(\w+)' from '([\w.]+)'", str(evalue))
    if match:
        module = sys.modules.get(match.group(2))
        options = [a for a in dir(module) if not a.startswith("_")] if module is not None else []
        near = _nearest(match.group(1), options)
        return _pair("safety.import_name", name=match.group(1), module=match.group(2),
                     near=msg("safety.near", near=near) if near else "")
    return None


def _file(evalue, shell):
    name = str(getattr(evalue, "filename", "") or "")
    here = [p.name for p in Path.cwd().iterdir() if p.is_file() and not p.name.startswith(".")][:200]
    near = _nearest(Path(name).name, here)
    return _pair("safety.file_missing", path=name, near=msg("safety.near", near=near) if near else "")


def _interrupt(evalue, shell):
    return _pair("safety.interrupted")


def _recursion(evalue, shell):
    return _pair("safety.recursion")


def _method_name(evalue, shell) -> str:
    """The function she forgot to call: a bound method in her names, or ``.name`` on the failing line."""
    line = _error_line(evalue)
    for name in _user_names(shell):
        value = shell.user_ns.get(name)
        if _type_of(value) in ("method", "builtin_function_or_method") and re.search(rf"\b{name}\b", line):
            return getattr(value, "__name__", name)
    found = re.findall(r"\.([A-Za-z_]\w*)\b(?!\s*[(\w])", line)
    return found[-1] if found else "..."


_RULES = [
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




# --------------------------------------------------------------------------- a recorded error (feedback)
_MAX_SOURCE = 200_000
_CELL_FRAME = re.compile(r"Cell In\[(\d+)\], line (\d+)")
_SYNTAX_SUFFIX = re.compile(r"\s*\([^()]*, line (\d+)\)\s*$")


class _Unknown:
    """Stands in for a value that only existed in the kernel (the feedback reads the cells, it runs nothing)."""


class _RecordedShell:
    """Just enough of an IPython shell for the rules: the names the cells before the error assign."""

    recorded = True

    def __init__(self, user_ns: dict):
        self.user_ns, self.user_ns_hidden = user_ns, {}


def _transform(source: str) -> str:
    try:
        from IPython.core.inputtransformer2 import TransformerManager

        return TransformerManager().transform_cell(source)
    except Exception:
        return source


def _parse(source: str):
    import ast

    if len(source) > _MAX_SOURCE:
        return None
    try:
        return ast.parse(_transform(source))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None


def _read_cells(sources) -> tuple[dict, dict[str, list[str]]]:
    """(namespace, {table name: its columns}) from reading the cells, in order: names, literal values, load()."""
    import ast

    from smmkit.safetynet import assigned_names

    namespace: dict = {}
    tables: dict[str, list[str]] = {}
    for source in sources:
        tree = _parse(source)
        if tree is None:
            continue
        for name in assigned_names(_transform(source)):
            namespace.setdefault(name, _Unknown())
        for node in tree.body:
            if not (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)):
                continue
            name, value = node.targets[0].id, node.value
            try:
                namespace[name] = ast.literal_eval(value)
                continue
            except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
                namespace[name] = _Unknown()
            if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == "load" \
                    and value.args and isinstance(value.args[0], ast.Constant) and isinstance(value.args[0].value, str):
                columns = _dataset_columns(value.args[0].value)
                if columns:
                    tables[name] = columns
    return namespace, tables


def _dataset_columns(dataset: str) -> list[str] | None:
    try:
        from smmkit import data

        if dataset not in data.list_datasets():
            return None
        return [str(f["name"]) for f in data.metadata(dataset)["schema"]["fields"]]
    except Exception:
        return None


def _exception_type(ename: str):
    found = getattr(builtins, ename, None)
    if isinstance(found, type) and issubclass(found, BaseException):
        return found
    return type(ename[:80] or "Error", (Exception,), {})


def _recompiled_syntax_error(source: str):
    """The SyntaxError Python gives for the cell (compiling only: nothing runs), or None."""
    import ast

    if len(source) > _MAX_SOURCE:
        return None
    try:
        compile(_transform(source), "<cel>", "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT, dont_inherit=True)
    except SyntaxError as error:
        error._smmkit_source = source
        return error
    except Exception:
        return None
    return None


def _recorded_exception(etype, evalue: str, source: str, user_ns: dict, tables: dict, code: str):
    import ast

    if issubclass(etype, SyntaxError):
        error = _recompiled_syntax_error(source)
        if error is not None and isinstance(error, etype):
            return error
        match = _SYNTAX_SUFFIX.search(evalue)
        error = etype(_SYNTAX_SUFFIX.sub("", evalue))
        if match:
            lines = source.splitlines()
            number = int(match.group(1))
            error.lineno, error.text = number, lines[number - 1] if 0 < number <= len(lines) else None
        error._smmkit_source = source
        return error
    if issubclass(etype, NameError) and not issubclass(etype, UnboundLocalError):
        found = re.search(r"name '([^']+)' is not defined", evalue)
        return etype(evalue, name=found.group(1) if found else None)
    if issubclass(etype, KeyError):
        try:
            key = ast.literal_eval(evalue)
        except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
            key = evalue
        return etype(key)
    if issubclass(etype, AttributeError):
        found = re.search(r"'(\w+)' object has no attribute '(\w+)'", evalue) \
            or re.search(r"module '([\w.]+)' has no attribute '(\w+)'", evalue)
        if not found:
            return etype(evalue)
        kind, name = found.groups()
        return etype(evalue, name=name, obj=_stand_in(kind, evalue, tables, code))
    return etype(evalue)


def _stand_in(kind: str, evalue: str, tables: dict, code: str):
    """An empty object of the type that had no such attribute, so the rules can look at its attributes."""
    if evalue.startswith("module "):
        return sys.modules.get(kind)
    if kind in ("DataFrame", "Series"):
        import pandas as pd

        if kind == "Series":
            return pd.Series(dtype=object)
        columns = next((tables[n] for n in re.findall(r"[A-Za-z_]\w*", code) if n in tables), [])
        return pd.DataFrame(columns=columns)
    simple = {"str": "", "int": 0, "float": 0.0, "list": [], "dict": {}, "tuple": (), "bool": False, "set": set()}
    return simple.get(kind)


def _recorded_where(traceback_text: str, source: str, etype, error) -> str:
    if issubclass(etype, SyntaxError):
        if getattr(error, "lineno", None) and getattr(error, "text", None):
            return msg("safety.where", line=error.lineno, code=str(error.text).strip())
        return ""
    found = _CELL_FRAME.search(traceback_text)  # the first cell frame is the cell that ran
    if not found:
        return ""
    number, lines = int(found.group(2)), source.splitlines()
    if 0 < number <= len(lines) and lines[number - 1].strip():
        return msg("safety.where", line=number, code=lines[number - 1].strip())
    return ""


def explain_recorded(ename: str, evalue: str, traceback_text: str, source: str,
                     earlier=()) -> tuple[str, str, str]:
    """(what went wrong, what to try, where) in Dutch for an error output recorded in a notebook.

    ``ename``/``evalue``/``traceback_text`` come from the error output (ANSI codes removed), ``source`` is
    the cell that failed and ``earlier`` the cells that ran before it. Nothing is run: a SyntaxError is
    compiled again, the rest is rebuilt from the text. Never raises.
    """
    etype = _exception_type(str(ename))
    evalue = str(evalue)
    try:
        found = _CELL_FRAME.search(traceback_text)  # the first cell frame is the cell that ran
        lines = source.splitlines()
        number = int(found.group(2)) if found and not issubclass(etype, SyntaxError) else 0
        code = lines[number - 1] if 0 < number <= len(lines) else ""
        ran = ["\n".join(lines[:number - 1])] if number > 1 else []  # the lines above the error did run
        user_ns, tables = _read_cells(list(earlier) + ran)
        shell = _RecordedShell(user_ns)
        error = _recorded_exception(etype, evalue, source, user_ns, tables, code)
        where = _recorded_where(traceback_text, source, etype, error)
        if issubclass(etype, FileNotFoundError):  # the grader's folder says nothing about the learner's
            name = re.findall(r"'([^']*)'", evalue)
            return (*_pair("safety.file_missing", path=name[-1] if name else "?", near=""), where)
        if issubclass(etype, KeyError) and "pandas" in traceback_text:
            key = error.args[0] if error.args else evalue
            if isinstance(key, str) and "not in index" in key:
                key = ", ".join(re.findall(r"'([^']+)'", key)) or key
            columns = next((tables[n] for n in re.findall(r"[A-Za-z_]\w*", code) if n in tables), None)
            if columns and str(key) not in columns:
                near = _nearest(str(key), columns)
                return (*_pair("safety.key_column", key=key, columns=_listing(columns),
                               near=msg("safety.near", near=near) if near else ""), where)
            return (*_pair("safety.key_column_unknown", key=key), where)
        what, tip = explain(etype, error, shell)
        return what, tip, where
    except Exception:
        return msg("safety.generic", ename=etype.__name__), msg("safety.generic.tip"), ""
