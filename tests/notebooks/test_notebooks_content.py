"""What every chapter must contain (the course requirements), checked statically on the stored notebooks.

* at least one dataset loaded through ``smmkit.data.load`` — found in the code cells' syntax tree,
  whatever the import style (``from smmkit.data import load``, ``from smmkit import data``,
  ``smmkit.data.load``) — and every name it loads really exists (``list_datasets()``);
* at least one of the kit's model widgets (a ``SmmkitWidget`` subclass from ``smmkit.widgets``)
  created in a code cell; the quiz helpers do not count;
* learning goals at the top ("Na dit hoofdstuk kun je …" with a list), a checklist for practice
  (a heading with "Checklist" and at least three list items) in the second half, and at least
  1,500 words of prose;
* prev/next navigation as the last cell, with links to files that exist.
"""
from __future__ import annotations

import ast
import re

import nbformat
import pytest

from notebook_files import ALL, CHAPTER_DIR, CHAPTERS, chapter

GENERATED = {"smmkit-header", "smmkit-nav"}
MIN_WORDS = 1500
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+\S", flags=re.M)


def _read(name: str):
    return nbformat.read(chapter(name), as_version=4)


def test_the_chapter_list_is_the_chapters_folder():
    """tools/notebook_nav.CHAPTERS is the one list (nav, site, tests): no notebook missing from it or from disk."""
    on_disk = sorted(p.name for p in CHAPTER_DIR.glob("*.ipynb"))
    assert on_disk == sorted(ALL), "chapters/ and tools/notebook_nav.CHAPTERS differ"


def _tags(cell) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", []))


def _prose_cells(nb) -> list[str]:
    return [c.source for c in nb.cells if c.cell_type == "markdown" and not _tags(c) & GENERATED]


def _trees(nb) -> list[ast.AST]:
    trees = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        # IPython magics and shell escapes are not Python; blank them out, keep the rest
        source = re.sub(r"^(\s*)[%!].*$", r"\1pass", cell.source, flags=re.M)
        try:
            trees.append(ast.parse(source))
        except SyntaxError:
            continue  # nbval reports a broken cell; here we only read what parses
    return trees


def kit_usage(nb) -> tuple[list[str], set[str]]:
    """(dataset names passed to smmkit.data.load, names called from smmkit.widgets) in the code cells."""
    trees = _trees(nb)
    load_names, data_mods, kit_mods, widget_mods = set(), set(), set(), set()
    widget_names: dict[str, str] = {}
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                for alias in node.names:
                    local = alias.asname or alias.name
                    if node.module == "smmkit.data" and alias.name == "load":
                        load_names.add(local)
                    elif node.module == "smmkit" and alias.name == "data":
                        data_mods.add(local)
                    elif node.module == "smmkit" and alias.name == "widgets":
                        widget_mods.add(local)
                    elif node.module == "smmkit.widgets" or node.module.startswith("smmkit.widgets."):
                        widget_names[local] = alias.name
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name == "smmkit.data" and alias.asname:
                        data_mods.add(alias.asname)
                    elif alias.name == "smmkit.widgets" and alias.asname:
                        widget_mods.add(alias.asname)
                    elif alias.name.split(".")[0] == "smmkit" and not alias.asname:
                        kit_mods.add("smmkit")
                    elif alias.name == "smmkit":
                        kit_mods.add(alias.asname)

    def dotted(node) -> list[str]:
        parts = []
        while isinstance(node, ast.Attribute):
            parts.insert(0, node.attr)
            node = node.value
        return [node.id, *parts] if isinstance(node, ast.Name) else []

    datasets, widgets = [], set()
    for tree in trees:
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            path = dotted(node.func)
            is_load = (
                (len(path) == 1 and path[0] in load_names)
                or (len(path) == 2 and path[0] in data_mods and path[1] == "load")
                or (len(path) == 3 and path[0] in kit_mods and path[1:] == ["data", "load"])
            )
            if is_load and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                datasets.append(node.args[0].value)
            elif len(path) == 1 and path[0] in widget_names:
                widgets.add(widget_names[path[0]])
            elif len(path) == 2 and path[0] in widget_mods:
                widgets.add(path[1])
            elif len(path) == 3 and path[0] in kit_mods and path[1] == "widgets":
                widgets.add(path[2])
    return datasets, widgets


def model_widget_names() -> set[str]:
    import smmkit.widgets as pkg
    from smmkit.widgets.base import SmmkitWidget

    names = set()
    for name in pkg.__all__:
        obj = getattr(pkg, name, None)
        if isinstance(obj, type) and issubclass(obj, SmmkitWidget) and obj is not SmmkitWidget:
            names.add(name)
    return names


# ---------------------------------------------------------------- the checker checks itself
def test_kit_usage_finds_every_import_style():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(src) for src in (
        "from smmkit.data import load as laad\nfrom smmkit import data\nimport smmkit",
        "%matplotlib inline\na = laad('een')\nb = data.load('twee')\nc = smmkit.data.load('drie')",
        "from smmkit.widgets import LCSSMapper as L\nfrom smmkit import widgets\nL()\nwidgets.FourCSorter()",
        "smmkit.widgets.NeedsProfile()\nload('niet_van_smmkit')\nLCSSMapper()",
    )]
    datasets, widgets = kit_usage(nb)
    assert datasets == ["een", "twee", "drie"]
    assert widgets == {"LCSSMapper", "FourCSorter", "NeedsProfile"}


# ---------------------------------------------------------------- per chapter
@pytest.mark.parametrize("name", CHAPTERS)
def test_chapter_loads_a_real_dataset(name):
    from smmkit.data import list_datasets

    datasets, _ = kit_usage(_read(name))
    assert datasets, f"{name} loads no dataset with smmkit.data.load('…')"
    unknown = sorted(set(datasets) - set(list_datasets()))
    assert not unknown, f"{name} loads datasets that do not exist: {unknown}"


@pytest.mark.parametrize("name", CHAPTERS)
def test_chapter_shows_a_model_widget(name):
    _, called = kit_usage(_read(name))
    known = model_widget_names()
    assert called & known, (
        f"{name} creates none of the kit's model widgets (found from smmkit.widgets: {sorted(called)}; "
        f"available: {sorted(known)})"
    )


@pytest.mark.parametrize("name", CHAPTERS)
def test_chapter_states_learning_goals_at_the_top(name):
    prose = _prose_cells(_read(name))
    top = prose[:3]
    goals = [cell for cell in top if "Na dit hoofdstuk kun je" in cell]
    assert goals, f"{name}: no 'Na dit hoofdstuk kun je …' in the first three text cells"
    after = goals[0].split("Na dit hoofdstuk kun je", 1)[1]
    assert len(LIST_ITEM.findall(after)) >= 2, f"{name}: the learning goals are not a list of at least two"


@pytest.mark.parametrize("name", CHAPTERS)
def test_chapter_ends_with_a_checklist(name):
    prose = _prose_cells(_read(name))
    second_half = prose[len(prose) // 2:]
    lists = [cell for cell in second_half
             if re.search(r"^#+ .*checklist", cell, flags=re.M | re.I)]
    assert lists, f"{name}: no heading with 'Checklist' in the second half of the chapter"
    assert len(LIST_ITEM.findall(lists[-1])) >= 3, f"{name}: the checklist has fewer than three items"


@pytest.mark.parametrize("name", CHAPTERS)
def test_chapter_has_enough_prose(name):
    words = sum(len(re.findall(r"[^\W\d_]+", text)) for text in _prose_cells(_read(name)))
    assert words >= MIN_WORDS, f"{name} has {words} words of prose; a chapter needs at least {MIN_WORDS}"


@pytest.mark.parametrize("name", ALL)
def test_notebook_ends_with_prev_next_navigation(name):
    nb = _read(name)
    last = nb.cells[-1]
    assert last.cell_type == "markdown" and "smmkit-nav" in _tags(last), (
        f"{name}: the last cell is not the navigation; run .venv/bin/python tools/notebook_nav.py"
    )
    index = ALL.index(name)
    targets = re.findall(r"\]\(([\w.\-]+\.ipynb)\)", last.source)
    if index > 0 and (CHAPTER_DIR / ALL[index - 1]).exists():
        assert "vorige" in last.source and ALL[index - 1] in targets, f"{name}: no link to {ALL[index - 1]}"
    if index + 1 < len(ALL) and (CHAPTER_DIR / ALL[index + 1]).exists():
        assert "volgende" in last.source and ALL[index + 1] in targets, f"{name}: no link to {ALL[index + 1]}"
    missing = [t for t in targets if not (CHAPTER_DIR / t).exists()]
    assert not missing, f"{name}: navigation links to files that do not exist: {missing}"


@pytest.mark.parametrize("name", ALL)
def test_a_kit_export_is_read_back_with_its_semicolons(name):
    """The kit's CSV exports are Dutch (';' between columns, see smmkit.csvsafe): a chapter that reads
    one back with pandas says so, or its demo shows one garbled column (issue #19, chapter 5)."""
    nb = _read(name)
    exported = set()
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        exported |= set(re.findall(r"""export_csv\(\s*["']([^"']+\.csv)["']""", cell.source))
        for call in re.finditer(r"""read_csv\(\s*["']([^"']+\.csv)["']([^)]*)\)""", cell.source):
            if call.group(1) in exported:
                assert re.search(r"""sep\s*=\s*["'];["']""", call.group(2)), f"{name}: {call.group(0)}"
