"""Why a *recorded* error happened, in Dutch: the safety net's rules for a notebook that already ran.

``explain_recorded(ename, evalue, traceback, source, earlier)`` explains an error output in nbgrader's
autograded notebook, when the feedback is made (smmkit/grading/feedback.py): there is no live
exception and no kernel, so the exception is rebuilt from its type and text, and the learner's names,
literal values and kit tables come from reading (never running) the cells before it. Then the same
rules as in a live kernel (:func:`smmkit.safetynet.rules.explain`) answer.
"""
from __future__ import annotations

import ast
import builtins
import re
import sys

from smmkit.messages import msg
from smmkit.safetynet.cells import assigned_names
from smmkit.safetynet.rules import explain
from smmkit.safetynet.hints import listing, nearest, pair

__all__ = ["explain_recorded"]

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
    if len(source) > _MAX_SOURCE:
        return None
    try:
        return ast.parse(_transform(source))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None


def _read_cells(sources) -> tuple[dict, dict[str, list[str]]]:
    """(namespace, {table name: its columns}) from reading the cells, in order: names, literal values, load()."""
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
            return (*pair("safety.file_missing", path=name[-1] if name else "?", near=""), where)
        if issubclass(etype, KeyError) and "pandas" in traceback_text:
            key = error.args[0] if error.args else evalue
            if isinstance(key, str) and "not in index" in key:
                key = ", ".join(re.findall(r"'([^']+)'", key)) or key
            columns = next((tables[n] for n in re.findall(r"[A-Za-z_]\w*", code) if n in tables), None)
            if columns and str(key) not in columns:
                near = nearest(str(key), columns)
                return (*pair("safety.key_column", key=key, columns=listing(columns),
                               near=msg("safety.near", near=near) if near else ""), where)
            return (*pair("safety.key_column_unknown", key=key), where)
        what, tip = explain(etype, error, shell)
        return what, tip, where
    except Exception:
        return msg("safety.generic", ename=etype.__name__), msg("safety.generic.tip"), ""
