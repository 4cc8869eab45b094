"""Every dataset in datasets/ is loaded by a chapter or an exercise (issue #19).

A dataset nobody loads is documentation without a lesson: either a chapter or an exercise uses it, or it
is removed with its reason in the datasheet. The check reads the code cells' syntax tree (the same
reader as test_notebooks_content: ``load("…")``, ``data.load("…")``, ``smmkit.data.load("…")`` in any
import style) of the chapters and of the exercise sources in solutions/ (exercises/ is made from them).
A name built at run time (``load(naam)``) is not seen; the kit does not do that in its notebooks.
"""
from __future__ import annotations

import json

import nbformat

from notebook_files import CHAPTER_DIR, ROOT
from test_notebooks_content import kit_usage

PACKAGE = json.loads((ROOT / "datasets" / "datapackage.json").read_text(encoding="utf-8"))


def loaded_by(paths) -> dict[str, list[str]]:
    """dataset name -> the notebooks (relative paths) that load it."""
    found: dict[str, list[str]] = {}
    for path in paths:
        names, _ = kit_usage(nbformat.read(path, as_version=4))
        for name in names:
            found.setdefault(name, []).append(path.relative_to(ROOT).as_posix())
    return found


def course_notebooks():
    chapters = sorted(CHAPTER_DIR.glob("*.ipynb"))
    sources = sorted(p for p in (ROOT / "solutions").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
    return chapters + sources


def test_every_dataset_is_loaded_by_a_chapter_or_an_exercise():
    used = loaded_by(course_notebooks())
    unused = sorted(res["name"] for res in PACKAGE["resources"] if res["name"] not in used)
    assert not unused, ("datasets die geen hoofdstuk en geen opdracht laadt (gebruik ze, of verwijder ze met de "
                        "reden in de datasheet): " + ", ".join(unused))


def test_every_chapter_has_the_commercial_case():
    """Beside the municipal data, every chapter of the book works with the brand account (merk_posts)."""
    used = loaded_by(sorted(CHAPTER_DIR.glob("0[1-9]-*.ipynb")))
    chapters = {path.split("/")[-1] for path in used.get("merk_posts", [])}
    expected = {p.name for p in CHAPTER_DIR.glob("0[1-9]-*.ipynb")}
    assert chapters == expected, f"zonder de case merk_posts: {sorted(expected - chapters)}"


def test_the_reader_finds_loads_in_every_import_style_and_misses_none(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell('from smmkit.data import load\nload("burgers_leeftijd")'),
        nbformat.v4.new_code_cell('from smmkit import data\nx = data.load("wereldsteden_respons")'),
        nbformat.v4.new_code_cell('import smmkit\nsmmkit.data.load("newcom_volgen")'),
        nbformat.v4.new_code_cell('# load("vertrouwen") in a comment is not a load'),
        nbformat.v4.new_markdown_cell('`load("twitter_resultaten")` in text is not a load'),
    ]
    path = tmp_path / "probe.ipynb"
    nbformat.write(nb, path)
    names, _ = kit_usage(nbformat.read(path, as_version=4))
    assert sorted(names) == ["burgers_leeftijd", "newcom_volgen", "wereldsteden_respons"]
