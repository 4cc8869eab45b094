"""Small helpers the safety net's rules share: texts from the catalogue, nearest names, the learner's line.

Also :func:`kit_names`: the names a kit notebook binds in its first cells, derived from the package
(its modules, the models, the widget registry, ``__all__`` of ``smmkit.data`` and the quiz), so that
a new model or widget needs no second list here. ``tests/test_safetynet_api.py`` fails when a name a
chapter, exercise or solution imports is not in it.
"""
from __future__ import annotations

import ast
import difflib
import functools
import importlib.util
import pkgutil
import re
from pathlib import Path

from smmkit.messages import msg

__all__ = ["pair", "nearest", "listing", "frames", "user_line", "error_line", "type_of", "kind_name",
           "DECIMAL_COMMA", "BLANK", "without_strings", "decimal_comma_fix", "kit_names", "ALIASES",
           "SETUP_TABLES"]

_MAX_LIST = 12

# a decimal comma: 0,5 or 40,0 (digits on both sides, no space after the comma; "1, 2" is a real list)
DECIMAL_COMMA = re.compile(r"(?<![\w.])(\d+),(\d+)(?![\w.(])")
BLANK = re.compile(r"(?<![\w])_{2,}(?![\w])")   # the ___ of a template; IPython reads it as an old output


def pair(name: str, /, **fields) -> tuple[str, str]:
    """(what, tip): the catalogue texts ``name`` and ``name + ".tip"``, both with ``fields`` filled in."""
    fields = fields or {"_": ""}  # always format, so that {{ and }} in a text become { and }
    return msg(name, **fields), msg(name + ".tip", **fields)


def nearest(word: str, candidates, cutoff: float = 0.6) -> str | None:
    """The candidate that ``word`` was most likely meant to be (same letters in other case first)."""
    pool = [str(c) for c in candidates]
    for c in pool:
        if c.casefold() == str(word).casefold() and c != word:
            return c
    found = difflib.get_close_matches(str(word), pool, n=1, cutoff=cutoff)
    return found[0] if found else None


def listing(values) -> str:
    """``a, b, c`` for a message, at most a dozen items ("en nog 5")."""
    items = [str(v) for v in values]
    if len(items) > _MAX_LIST:
        items = items[:_MAX_LIST - 1] + [msg("safety.and_more", n=len(items) - _MAX_LIST + 1)]
    return ", ".join(items)


def frames(evalue):
    """(frame, line number) of every frame of the exception's traceback, outermost first."""
    tb = getattr(evalue, "__traceback__", None)
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def _is_cell_file(filename: str) -> bool:
    return filename.startswith("<ipython-input") or ("ipykernel_" in filename and filename.endswith(".py")) \
        or filename.startswith("<cell")


def user_line(evalue) -> tuple[int, str] | None:
    """The line of the learner's own cell where the error happened (last frame in a cell)."""
    import linecache

    found = None
    for frame, lineno in frames(evalue):
        if _is_cell_file(frame.f_code.co_filename):
            found = (lineno, linecache.getline(frame.f_code.co_filename, lineno).strip())
    return found


def error_line(evalue) -> str:
    """The text of the learner's line that failed ('' when not known)."""
    if isinstance(evalue, SyntaxError):
        return (evalue.text or "").strip()
    found = user_line(evalue)
    return found[1] if found else ""


def type_of(value) -> str:
    return type(value).__name__


_KINDS = {"DataFrame": "table", "Series": "column", "str": "text", "int": "number", "float": "number",
          "int64": "number", "float64": "number", "int32": "number", "float32": "number", "complex": "number",
          "bool": "truth", "bool_": "truth", "list": "list", "dict": "dict", "tuple": "tuple", "set": "list",
          "NoneType": "none", "method": "method", "builtin_function_or_method": "method", "function": "method",
          "module": "module", "Index": "column", "ellipsis": "ellipsis"}


def kind_name(kind: str) -> str:
    """A Python type name the way a learner says it ('float64' → 'getal', 'tuple' → 'rijtje waarden')."""
    return msg(f"safety.kind.{_KINDS.get(kind, 'other')}")


def without_strings(line: str) -> str:
    """``line`` with every quoted text blanked out (same length), so a pattern only sees code."""
    return re.sub(r"(\"[^\"]*\"|'[^']*')", lambda m: " " * len(m.group(0)), line)


def decimal_comma_fix(code: str) -> str | None:
    """``code`` with each decimal comma written as Python's decimal point, or None when there is none."""
    bare = without_strings(code)
    spans = [m.span() for m in DECIMAL_COMMA.finditer(bare)]
    if not spans:
        return None
    out, last = [], 0
    for start, end in spans:
        piece = code[start:end]
        out += [code[last:start], piece.replace(",", ".")]
        last = end
    return "".join(out) + code[last:]


# --------------------------------------------------------------------------- names a kit notebook sets up
# The usual short names of ``import pandas as pd`` and friends (a convention, not the kit's own list).
ALIASES = ("pd", "np", "plt")
# Tables a chapter loads in its first cells under a fixed name (tests/test_safetynet_api.py checks that a
# chapter still does).
SETUP_TABLES = ("kanalen", "newcom")


def _declared_all(module: str) -> set[str]:
    """The names in ``module.__all__`` (without one: its public classes and functions), read from its source.

    Nothing is imported or run."""
    try:
        spec = importlib.util.find_spec(module)
        tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
    except Exception:
        return set()
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            try:
                return {str(n) for n in ast.literal_eval(node.value)}
            except ValueError:
                return set()
    return {node.name for node in tree.body if isinstance(node, (ast.ClassDef, ast.FunctionDef))
            and not node.name.startswith("_")}


def _public_modules(package) -> set[str]:
    return {m.name for m in pkgutil.iter_modules(package.__path__) if not m.name.startswith("_")}


@functools.cache
def kit_names() -> frozenset[str]:
    """Names a kit notebook binds in its setup cells: a NameError on one means that cell did not run.

    The package ``smmkit`` and its modules (``from smmkit import plots``), the models
    (``from smmkit.models import utm``), the registered widgets and the quiz classes, what
    ``smmkit.data`` offers (``load``, ``describe`` …), :data:`ALIASES` and :data:`SETUP_TABLES`.
    A few modules no notebook imports are in it too; for those the advice is the same as for an
    unknown name (run the cells above).
    """
    import smmkit
    import smmkit.models
    import smmkit.widgets

    names = {"smmkit", *ALIASES, *SETUP_TABLES}
    names |= _public_modules(smmkit) | _public_modules(smmkit.models)
    names |= set(smmkit.widgets.__all__)
    names |= _declared_all("smmkit.data") | _declared_all("smmkit.widgets.quiz")
    return frozenset(names)
