#!/usr/bin/env python3
"""(Re)generate the header and the navigation of every chapter notebook.

Every notebook in ``chapters/`` gets, generated from the table ``CHAPTERS`` below:

* a first markdown cell tagged ``smmkit-header``: kit name, chapter number and title, book reference;
* a last markdown cell tagged ``smmkit-nav``: links to the previous and next chapter and the start page;
* in the start page only, the cell tagged ``smmkit-toc`` (wherever the author put it) is filled with
  the chapter list, with a link for every chapter whose notebook exists.

Authors write everything in between and never edit these cells by hand: run the tool instead.

    .venv/bin/python tools/notebook_nav.py            # update all chapters in place
    .venv/bin/python tools/notebook_nav.py --check    # exit 1 if a chapter is out of date (for tests/CI)
    .venv/bin/python tools/notebook_nav.py chapters/05-contentmarketing.ipynb   # only these files

Running it twice changes nothing (cells get fixed ids, so diffs stay clean). Outputs are left alone;
the chapters are stored without outputs anyway (see CONTRIBUTING.md).
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
CHAPTER_DIR = ROOT / "chapters"
HEADER_TAG = "smmkit-header"
NAV_TAG = "smmkit-nav"
TOC_TAG = "smmkit-toc"
BOOK = "*Social Media Management* (Rietberg & Ruigrok, 2e druk, 2025)"
START = "00-start.ipynb"
PRIMER = "00-tabellen.ipynb"


@dataclass(frozen=True)
class Chapter:
    number: int
    file: str
    title: str
    book_title: str = ""  # the book's chapter title as printed, where the kit's spelling differs

    @property
    def label(self) -> str:
        if self.file == START:
            return "Startpagina"
        if self.file == PRIMER:
            return f"Opstap · {self.title}"
        return f"Hoofdstuk {self.number} · {self.title}"


CHAPTERS = [
    Chapter(0, START, "Startpagina"),
    # the primer for learners who never programmed: no book chapter, before chapter 1's exercise
    Chapter(0, PRIMER, "Rekenen met tabellen"),
    # the kit writes compounds as 'socialmedia…' (issue #11); the header cites the book's title as printed
    Chapter(1, "01-introductie.ipynb", "Introductie in socialmediamanagement",
            book_title="Introductie in socialmediamanagement"),
    Chapter(2, "02-typen-en-kanalen.ipynb", "Social media: typen en kanalen"),
    Chapter(3, "03-strategie.ipynb", "Strategie, management en organisatie"),
    Chapter(4, "04-social-analytics.ipynb", "Het meten van succes: social analytics"),
    Chapter(5, "05-contentmarketing.ipynb", "Social media en contentmarketing"),
    Chapter(6, "06-merkstrategie.ipynb", "Social media en merkstrategie"),
    Chapter(7, "07-koopcyclus.ipynb", "Social media en de koopcyclus"),
    Chapter(8, "08-gebruikscyclus.ipynb", "Social media en de gebruikscyclus"),
    Chapter(9, "09-cocreatie.ipynb", "Cocreatie en social media"),
]
BY_FILE = {c.file: c for c in CHAPTERS}


def header_text(ch: Chapter) -> str:
    kit = f"<small>**smmkit** · interactieve cursus bij {BOOK}</small>"
    if ch.file == PRIMER:
        return (f"{kit}\n\n# Opstap · {ch.title}\n\n"
                "Voor wie nog nooit heeft geprogrammeerd. Deze opstap hoort niet bij een hoofdstuk van het boek: "
                "je leert hier in kleine stappen de paar regels Python en pandas die je in de opdrachten nodig hebt.")
    if ch.number == 0:
        return (f"{kit}\n\n# smmkit · startpagina\n\n"
                f"Welkom bij de interactieve cursus bij het boek {BOOK}. "
                "Deze pagina legt uit hoe je met de cursus werkt.")
    return (f"{kit}\n\n# Hoofdstuk {ch.number} · {ch.title}\n\n"
            f"📖 Hoort bij **hoofdstuk {ch.number}** van het boek: *{ch.book_title or ch.title}*. "
            "Dit notebook vat de modellen samen en laat je ze zelf gebruiken; "
            "lees het boekhoofdstuk erbij voor alle voorbeelden.")


def nav_text(ch: Chapter, existing: set[str]) -> str:
    i = CHAPTERS.index(ch)
    prev = CHAPTERS[i - 1] if i > 0 else None
    nxt = CHAPTERS[i + 1] if i + 1 < len(CHAPTERS) else None

    def link(c: Chapter, text: str) -> str:
        return f"[{text}]({c.file})" if c.file in existing else f"{text} (komt nog)"

    parts = []
    if prev is not None:
        parts.append("← vorige: " + link(prev, prev.label))
    if ch.file != START and (prev is None or prev.file != START):
        parts.append(link(CHAPTERS[0], "🏠 startpagina"))
    if nxt is not None:
        parts.append("volgende: " + link(nxt, nxt.label) + " →")
    else:
        parts.append("dit is het laatste hoofdstuk; oefen verder met de opdrachten in `exercises/`")
    return "---\n\n**Verder in de cursus** · " + " · ".join(parts)


def toc_text(existing: set[str]) -> str:
    lines = ["| | hoofdstuk | notebook |", "|---|---|---|"]
    for c in CHAPTERS[1:]:
        cell = f"[{c.file}]({c.file})" if c.file in existing else "komt nog"
        lines.append(f"| {'opstap' if c.file == PRIMER else c.number} | {c.title} | {cell} |")
    return "\n".join(lines)


def _cell(tag: str, text: str) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_markdown_cell(text)
    cell["id"] = tag
    cell["metadata"] = {"tags": [tag], "editable": False, "deletable": False}
    return cell


def _has_tag(cell, tag: str) -> bool:
    return tag in cell.get("metadata", {}).get("tags", [])


def update(nb: nbformat.NotebookNode, ch: Chapter, existing: set[str]) -> nbformat.NotebookNode:
    """Return ``nb`` with a fresh header (first), navigation (last) and, on the start page, chapter list."""
    body = [c for c in nb.cells if not (_has_tag(c, HEADER_TAG) or _has_tag(c, NAV_TAG))]
    for i, cell in enumerate(body):
        if _has_tag(cell, TOC_TAG):
            body[i] = _cell(TOC_TAG, toc_text(existing))
    nb.cells = [_cell(HEADER_TAG, header_text(ch)), *body, _cell(NAV_TAG, nav_text(ch, existing))]
    return nb


def process(paths: list[Path], check: bool) -> int:
    stale = []
    for path in paths:
        existing = {p.name for p in path.parent.glob("*.ipynb")}
        ch = BY_FILE.get(path.name)
        if ch is None:
            print(f"overgeslagen (niet in CHAPTERS): {path}", file=sys.stderr)
            continue
        before = path.read_text(encoding="utf-8")
        nb = update(nbformat.reads(before, as_version=4), ch, existing)
        after = nbformat.writes(nb) + "\n"
        if after != before:
            stale.append(path)
            if not check:
                path.write_text(after, encoding="utf-8")
    verb = "verouderd" if check else "bijgewerkt"
    for path in stale:
        print(f"{verb}: {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return 1 if (check and stale) else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="notebooks (default: all in chapters/)")
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if out of date")
    args = parser.parse_args(argv)
    paths = [p.resolve() for p in args.paths] or sorted(CHAPTER_DIR.glob("[0-9][0-9]-*.ipynb"))
    return process(paths, args.check)


if __name__ == "__main__":
    sys.exit(main())
