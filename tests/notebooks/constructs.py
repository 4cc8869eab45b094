"""Which Python and pandas constructs a piece of code uses, read from its syntax tree (no execution).

Used by ``test_construct_coverage.py``: every construct an exercise's model answer needs must have
been taught before, in the primer or in a chapter up to the exercise's own chapter.

A construct is a short label:

* ``.iloc``, ``.sort_values()``: an attribute or method of pandas or of Python's own types
  (``DataFrame``, ``Series``, ``Index``, ``.str``, ``groupby`` results, ``str``, ``list``, ``dict``),
  or a top-level pandas name after ``pd.`` (``pd.DataFrame``);
* ``round()``: a call of one of Python's built-in functions;
* ``.sort_values(ascending=)``, ``max(key=)``: a keyword argument of such a call;
* ``[[kolommen]]``, ``&``, ``list comprehension``, ``f-string``, ``for``, …: syntax (see ``SYNTAX``).

The kit's own objects (everything imported from ``smmkit`` except the data loader, and every name
assigned from them) are left out: their attributes are the kit's API, which the exercise itself
names in its tips (``profiel.result.profile.best_platforms``), not pandas.
"""
from __future__ import annotations

import ast
import builtins
import re
from functools import lru_cache

# names from smmkit whose results are plain pandas data, not kit objects
DATA_FUNCTIONS = {"load", "describe", "list_datasets"}

# syntax node -> label; a label is what a teaching cell's prose must name (see PROSE below)
SYNTAX = {
    ast.ListComp: "list comprehension",
    ast.GeneratorExp: "generator",
    ast.DictComp: "dict comprehension",
    ast.SetComp: "set comprehension",
    ast.Lambda: "lambda",
    ast.JoinedStr: "f-string",
    ast.IfExp: "… if … else …",
    ast.For: "for",
    ast.While: "while",
    ast.If: "if",
    ast.Break: "break",
    ast.FunctionDef: "def",
    ast.Try: "try",
    ast.With: "with",
    ast.Slice: "slice [a:b]",
    ast.Dict: "dict {…: …}",
    ast.List: "list […]",
}
OPERATORS = {ast.BitAnd: "&", ast.BitOr: "|", ast.Invert: "~", ast.FloorDiv: "//", ast.Mod: "%", ast.Pow: "**"}

# how the prose of a notebook names a syntax construct (case-insensitive regular expressions)
PROSE = {
    "list comprehension": r"list comprehension",
    "generator": r"generator",
    "dict comprehension": r"dict comprehension",
    "set comprehension": r"set comprehension",
    "lambda": r"`lambda",
    "f-string": r"f-string",
    "… if … else …": r"`[^`]*\bif\b[^`]*\belse\b[^`]*`",
    "for": r"`for\b",
    "while": r"`while\b",
    "if": r"`if\b",
    "break": r"`break`",
    "def": r"`def\b",
    "try": r"`try\b",
    "with": r"`with\b",
    "slice [a:b]": r"`[^`]*\[\s*\d*\s*:\s*\d*\s*\][^`]*`",
    "dict {…: …}": r"woordenboek|dictionary|`dict`",
    "list […]": r"\blijst(je)?\b|`list`",
    "[[kolommen]]": r"`[^`]*\[\[[^`]*\]\][^`]*`",
    "&": r"`[^`]*&[^`]*`",
    "|": r"`[^`]*\|[^`]*`",
    "~": r"`[^`]*~[^`]*`",
    "//": r"`[^`]*//[^`]*`",
    "%": r"`[^`]*\s%\s[^`]*`",
    "**": r"`[^`]*\*\*[^`]*`",
    "**kwargs": r"`\*\*[a-z_]",
}


@lru_cache(maxsize=1)
def python_data_names() -> frozenset[str]:
    """Public attribute names of pandas' data objects and of Python's own container types."""
    import pandas as pd
    from pandas.core.groupby import DataFrameGroupBy, SeriesGroupBy

    names: set[str] = set()
    for obj in (pd.DataFrame, pd.Series, pd.Index, pd.Series.str, DataFrameGroupBy, SeriesGroupBy,
                str, list, dict, tuple, set, int, float):
        names |= {n for n in dir(obj) if not n.startswith("_")}
    return frozenset(names)


@lru_cache(maxsize=1)
def pandas_top_names() -> frozenset[str]:
    import pandas as pd

    return frozenset(n for n in dir(pd) if not n.startswith("_"))


BUILTINS = frozenset(n for n in dir(builtins) if not n.startswith("_") and callable(getattr(builtins, n)))


def clean_source(source: str) -> str:
    """IPython magics and shell escapes are not Python: blank them out, keep the line numbers."""
    return re.sub(r"^(\s*)[%!].*$", r"\1pass", source, flags=re.M)


def _root(node: ast.AST) -> ast.AST:
    while isinstance(node, (ast.Attribute, ast.Subscript, ast.Call, ast.Starred)):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node


class Scope:
    """What one notebook knows while its cells are read in order: which names are kit objects
    (their attributes are not pandas) and which name the pandas module has (``pd``)."""

    def __init__(self) -> None:
        self.kit: set[str] = set()
        self.pandas: set[str] = set()

    def learn(self, tree: ast.AST) -> None:
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "smmkit":
                for alias in node.names:
                    if alias.name not in DATA_FUNCTIONS:
                        self.kit.add(alias.asname or alias.name)
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    top = alias.name.split(".")[0]
                    local = alias.asname or top
                    if top == "smmkit" and not (alias.asname and alias.name == "smmkit.data"):
                        self.kit.add(local)
                    elif top == "pandas":
                        self.pandas.add(local)
        # assignments and loop variables from kit objects are kit objects too (in source order)
        for node in ast.walk(tree):
            if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                if self.is_kit(node.value):
                    for target in targets:
                        for name in ast.walk(target):
                            if isinstance(name, ast.Name):
                                self.kit.add(name.id)
            elif isinstance(node, (ast.For, ast.comprehension)) and self.is_kit(node.iter):
                for name in ast.walk(node.target):
                    if isinstance(name, ast.Name):
                        self.kit.add(name.id)

    def is_kit(self, node: ast.AST) -> bool:
        root = _root(node)
        return isinstance(root, ast.Name) and root.id in self.kit


def _call_label(node: ast.Call, scope: Scope) -> str | None:
    func = node.func
    if isinstance(func, ast.Name) and func.id in BUILTINS and func.id not in scope.kit:
        return f"{func.id}()"
    if isinstance(func, ast.Attribute) and not scope.is_kit(func.value):
        if isinstance(func.value, ast.Name) and func.value.id in scope.pandas:
            return f"pd.{func.attr}()" if func.attr in pandas_top_names() else None
        if func.attr in python_data_names():
            return f".{func.attr}()"
    return None


def constructs(tree: ast.AST, scope: Scope) -> set[str]:
    """The construct labels used in ``tree`` (see the module docstring)."""
    found: set[str] = set()
    calls = {id(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)}
    for node in ast.walk(tree):
        label = SYNTAX.get(type(node))
        if label:
            found.add(label)
        if isinstance(node, (ast.BinOp, ast.UnaryOp)) and type(node.op) in OPERATORS:
            found.add(OPERATORS[type(node.op)])
        if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.List):
            found.add("[[kolommen]]")
        if isinstance(node, ast.Call):
            label = _call_label(node, scope)
            if label:
                found.add(label)
                for kw in node.keywords:
                    found.add(f"{label[:-1]}{kw.arg}=)" if kw.arg else "**kwargs")
            elif any(kw.arg is None for kw in node.keywords):
                found.add("**kwargs")
        elif isinstance(node, ast.Attribute) and id(node) not in calls and not scope.is_kit(node.value):
            if isinstance(node.value, ast.Name) and node.value.id in scope.pandas:
                if node.attr in pandas_top_names():
                    found.add(f"pd.{node.attr}")
            elif node.attr in python_data_names():
                found.add(f".{node.attr}")
    # a method used as a value (max(d, key=d.get)) and called elsewhere counts once, as a method
    return found


def prose_names(construct: str) -> str:
    """The regular expression that a notebook's prose must match to have explained ``construct``."""
    if construct in PROSE:
        return PROSE[construct]
    m = re.fullmatch(r"(?:pd)?\.?([A-Za-z_]\w*)\(?\)?", construct)
    if m:  # .iloc, .sort_values(), round(), pd.DataFrame()
        return rf"`[^`]*\b{m.group(1)}\b[^`]*`"
    m = re.fullmatch(r".*?([A-Za-z_]\w*)\(([A-Za-z_]\w*)=\)", construct)
    if m:  # .sort_values(ascending=): the keyword with '=' in a code span
        return rf"`[^`]*\b{m.group(2)}\s*=[^`]*`"
    raise ValueError(f"no prose pattern for construct {construct!r}")
