"""tools/notebook_nav.py: header first, navigation last, chapter list on the start page, idempotent."""
import importlib.util
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("notebook_nav", ROOT / "tools" / "notebook_nav.py")
nav = importlib.util.module_from_spec(spec)
sys.modules["notebook_nav"] = nav
spec.loader.exec_module(nav)


def _write(path: Path, *cells) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.cells = list(cells)
    nbformat.write(nb, path)
    return path


def test_header_and_nav_are_added_once_and_link_to_neighbours(tmp_path):
    start = _write(tmp_path / "00-start.ipynb", nbformat.v4.new_markdown_cell("welkom"))
    ch2 = _write(tmp_path / "02-typen-en-kanalen.ipynb", nbformat.v4.new_markdown_cell("tekst"),
                 nbformat.v4.new_code_cell("1 + 1"))
    assert nav.main([str(ch2)]) == 0
    cells = nbformat.read(ch2, as_version=4).cells
    assert cells[0].metadata.tags == ["smmkit-header"]
    assert "# Hoofdstuk 2 · Social media: typen en kanalen" in cells[0].source
    assert "hoofdstuk 2** van het boek" in cells[0].source
    assert cells[-1].metadata.tags == ["smmkit-nav"]
    assert [c.source for c in cells[1:-1]] == ["tekst", "1 + 1"]
    # chapter 1 is missing, chapter 3 too: no dead links, but the start page exists
    assert "Hoofdstuk 1 · Introductie in socialmediamanagement (komt nog)" in cells[-1].source
    assert "(00-start.ipynb)" in cells[-1].source
    assert "(03-strategie.ipynb)" not in cells[-1].source
    # a second run and a check change nothing
    text = ch2.read_text()
    assert nav.main([str(ch2)]) == 0 and ch2.read_text() == text
    assert nav.main(["--check", str(ch2)]) == 0
    assert nav.main(["--check", str(start)]) == 1  # start page never processed yet


def test_moved_or_edited_generated_cells_are_replaced(tmp_path):
    ch1 = _write(tmp_path / "01-introductie.ipynb", nbformat.v4.new_markdown_cell("inhoud"))
    _write(tmp_path / "02-typen-en-kanalen.ipynb")
    nav.main([str(ch1)])
    nb = nbformat.read(ch1, as_version=4)
    nb.cells[0].source = "met de hand aangepast"
    nb.cells.append(nb.cells.pop(0))  # header ended up at the bottom
    nbformat.write(nb, ch1)
    assert nav.main(["--check", str(ch1)]) == 1
    nav.main([str(ch1)])
    cells = nbformat.read(ch1, as_version=4).cells
    assert [c.metadata.get("tags") for c in cells] == [["smmkit-header"], None, ["smmkit-nav"]]
    assert "met de hand" not in cells[0].source
    assert "[volgende: " not in cells[-1].source and "(02-typen-en-kanalen.ipynb) →" in cells[-1].source


def test_start_page_gets_chapter_list_where_the_author_put_it(tmp_path):
    toc = nbformat.v4.new_markdown_cell("oud")
    toc.metadata["tags"] = ["smmkit-toc"]
    start = _write(tmp_path / "00-start.ipynb", nbformat.v4.new_markdown_cell("intro"), toc,
                   nbformat.v4.new_markdown_cell("slot"))
    _write(tmp_path / "01-introductie.ipynb")
    nav.main([str(start)])
    cells = nbformat.read(start, as_version=4).cells
    assert [c.source for c in cells[1:2]] == ["intro"] and cells[3].source == "slot"
    assert "| 1 | Introductie in socialmediamanagement | [01-introductie.ipynb](01-introductie.ipynb) |" in cells[2].source
    assert "| 9 | Cocreatie en social media | komt nog |" in cells[2].source
    assert "| opstap | Rekenen met tabellen | komt nog |" in cells[2].source
    assert "volgende: Opstap · Rekenen met tabellen (komt nog)" in cells[-1].source


def test_primer_sits_between_the_start_page_and_chapter_1(tmp_path):
    start = _write(tmp_path / "00-start.ipynb")
    primer = _write(tmp_path / "00-tabellen.ipynb", nbformat.v4.new_markdown_cell("stap 1"))
    ch1 = _write(tmp_path / "01-introductie.ipynb")
    assert nav.main([str(start), str(primer), str(ch1)]) == 0
    start_nav = nbformat.read(start, as_version=4).cells[-1].source
    primer_cells = nbformat.read(primer, as_version=4).cells
    ch1_nav = nbformat.read(ch1, as_version=4).cells[-1].source
    assert "volgende: [Opstap · Rekenen met tabellen](00-tabellen.ipynb)" in start_nav
    assert "# Opstap · Rekenen met tabellen" in primer_cells[0].source
    assert "vorige: [Startpagina](00-start.ipynb)" in primer_cells[-1].source
    assert "volgende: [Hoofdstuk 1 · Introductie in socialmediamanagement](01-introductie.ipynb)" in primer_cells[-1].source
    # chapter 1 follows the primer and still links to the start page
    assert "vorige: [Opstap · Rekenen met tabellen](00-tabellen.ipynb)" in ch1_nav
    assert "(00-start.ipynb)" in ch1_nav


def test_last_chapter_points_to_the_exercises(tmp_path):
    ch9 = _write(tmp_path / "09-cocreatie.ipynb")
    nav.main([str(ch9)])
    assert "exercises/" in nbformat.read(ch9, as_version=4).cells[-1].source


def test_the_real_chapters_are_up_to_date():
    """Whoever edits a chapter runs `python tools/notebook_nav.py`; this catches a forgotten run."""
    assert nav.main(["--check"]) == 0


def test_chapter_one_heading_in_kit_spelling_cites_the_book_title_as_printed():
    header = nav.header_text(nav.BY_FILE["01-introductie.ipynb"])
    assert "# Hoofdstuk 1 · Introductie in socialmediamanagement" in header
    assert "van het boek: *Introductie in socialmediamanagement*" in header
    assert "van het boek: *Social media: typen en kanalen*" in nav.header_text(nav.BY_FILE["02-typen-en-kanalen.ipynb"])
