"""Every construct an exercise's model answer needs is taught before that exercise (issue 10).

For each assignment ``solutions/hNN-*/`` the code a student has to write (between ``### BEGIN
SOLUTION`` and ``### END SOLUTION``) is parsed; ``constructs.py`` lists what it uses: pandas and
Python methods and attributes (``.loc``, ``.iloc``, ``.pivot()``, ``.value_counts()``), keyword
arguments (``.sort_values(ascending=)``), built-in functions (``round()``), and syntax
(``[[kolommen]]``, ``&``, ``for``, list comprehensions, f-strings, …).

A construct counts as taught when one notebook among the start page, the primer and the chapters
up to and including chapter NN both **uses** it in a code cell (a worked example; quiz cells do not
count) and **names** it in its text (``.iloc`` in a code span, "list comprehension", …). The
exercise is not a place to learn it for the first time.
"""
from __future__ import annotations

import ast
import re
from functools import lru_cache
from pathlib import Path

import nbformat
import pytest

from constructs import Scope, clean_source, constructs, prose_names
from notebook_files import ALL, CHAPTER_DIR, ROOT

SOLUTIONS = sorted(p for p in (ROOT / "solutions").glob("h[0-9][0-9]-*") if p.is_dir())
SOLUTION_REGION = re.compile(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION", flags=re.S)
NOT_TEACHING = {"smmkit-quiz", "hide-input"}


def _tags(cell) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", []))


def _parse(source: str) -> ast.AST | None:
    try:
        return ast.parse(clean_source(source))
    except SyntaxError:
        return None


def answer_constructs(path: Path) -> dict[str, set[str]]:
    """grade_id of each answer cell -> the constructs its solution region uses."""
    nb = nbformat.read(path, as_version=4)
    scope, found = Scope(), {}
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        tree = _parse(cell.source)
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution"):
            region = "\n".join(m.group(1) for m in SOLUTION_REGION.finditer(cell.source))
            region_tree = _parse(region)
            assert region_tree is not None, f"{path.name}: the solution of {meta.get('grade_id')} does not parse"
            scope.learn(tree or region_tree)
            found[meta.get("grade_id", "?")] = constructs(region_tree, scope)
        elif tree is not None:
            scope.learn(tree)
    return found


@lru_cache(maxsize=None)
def taught_in(name: str) -> frozenset[str]:
    """Constructs that chapters/<name> uses in a code cell and names in its text."""
    path = CHAPTER_DIR / name
    if not path.exists():
        return frozenset()
    nb = nbformat.read(path, as_version=4)
    scope, used, prose = Scope(), set(), []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            prose.append(cell.source)
        elif cell.cell_type == "code" and not _tags(cell) & NOT_TEACHING:
            tree = _parse(cell.source)
            if tree is not None:
                scope.learn(tree)
                used |= constructs(tree, scope)
    text = "\n".join(prose)
    return frozenset(c for c in used if re.search(prose_names(c), text, flags=re.I))


def chapter_number(name: str) -> int:
    """01-introductie.ipynb -> 1; the start page and the primer (both 00-) come before chapter 1."""
    return int(name[:2])


def taught_before(number: int) -> dict[str, str]:
    """construct -> the first notebook (in course order) that teaches it, up to chapter ``number``."""
    where: dict[str, str] = {}
    for name in ALL:
        if chapter_number(name) > number:
            continue
        for c in sorted(taught_in(name)):
            where.setdefault(c, name)
    return where


# ---------------------------------------------------------------- the reader checks itself
def _labels(code: str, setup: str = "") -> set[str]:
    scope = Scope()
    if setup:
        scope.learn(ast.parse(setup))
    tree = ast.parse(code)
    scope.learn(tree)
    return constructs(tree, scope)


def test_reader_finds_pandas_python_and_syntax_and_skips_the_kit():
    setup = "import pandas as pd\nfrom smmkit.data import load\nfrom smmkit.widgets import NeedsProfile\nprofiel = NeedsProfile()"
    code = (
        'df = load("x")\n'
        'a = df.loc[df["k"] == "Y", "p"].iloc[0]\n'
        'b = round(df.sort_values("p", ascending=False).head(3)[["k", "p"]], 1)\n'
        't = pd.DataFrame(rows)["c"].value_counts().rename_axis("k").reset_index(name="n")\n'
        'n = next(i for i in range(3) if i > 1)\n'
        'm = (df["a"] > 1) & (df["b"] < 2)\n'
        'w = max(d, key=d.get)\n'
        'x = profiel.result.profile.best_platforms["verbondenheid"][0]\n'
        's = f"{a}"\n'
    )
    found = _labels(code, setup)
    for expected in (".loc", ".iloc", "round()", ".sort_values()", ".sort_values(ascending=)", ".head()",
                     "[[kolommen]]", "pd.DataFrame()", ".value_counts()", ".rename_axis()",
                     ".reset_index(name=)", "next()", "generator", "range()", "&", "max()", "max(key=)",
                     ".get", "f-string"):
        assert expected in found, expected
    assert not {".result", ".profile", ".best_platforms"} & found
    assert ".best_platforms" not in found and "list comprehension" not in found


def test_a_construct_counts_only_when_used_and_named(tmp_path, monkeypatch):
    import test_construct_coverage as me

    def notebook(*cells):
        nb = nbformat.v4.new_notebook()
        nb.cells = list(cells)
        return nb

    md, code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    quiz = code('df.pivot_table(index="a")')
    quiz.metadata["tags"] = ["smmkit-quiz"]
    nbformat.write(notebook(md("Met `.iloc[0]` pak je de eerste rij; `pivot_table` komt later."),
                            code("df.iloc[0]\ndf.head()"), quiz), tmp_path / "01-x.ipynb")
    monkeypatch.setattr(me, "CHAPTER_DIR", tmp_path)
    me.taught_in.cache_clear()
    try:
        taught = me.taught_in("01-x.ipynb")
    finally:
        me.taught_in.cache_clear()
    assert ".iloc" in taught          # used and named
    assert ".head()" not in taught    # used, never named
    assert ".pivot_table()" not in taught  # named, only used in a quiz cell


# ---------------------------------------------------------------- the real exercises
@pytest.mark.parametrize("folder", SOLUTIONS, ids=lambda p: p.name)
def test_every_construct_of_an_answer_was_taught_before(folder):
    number = int(folder.name[1:3])
    taught = taught_before(number)
    missing = []
    for grade_id, used in answer_constructs(folder / f"{folder.name}.ipynb").items():
        for c in sorted(used - set(taught)):
            missing.append(f"{grade_id}: {c}")
    assert not missing, (
        f"{folder.name} needs constructs that the primer and chapters 1–{number} do not teach "
        f"(use it in a worked example and name it in the text): " + "; ".join(missing)
    )
