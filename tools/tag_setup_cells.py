#!/usr/bin/env python3
"""Tag the set-up cell of every chapter notebook ``smmkit-setup``.

A chapter's first code cell is its set-up cell: it only imports the kit (the loader, the plots, the
question widgets) and prints one line. After JupyterLab or the kernel was restarted, the kit's lab
extension (plugin ``:revive``, ``labextension/src/revive.ts``) runs the cells tagged ``smmkit-setup``
and then the cells that showed a kit widget, so that the widgets are alive again at once. Only a cell
that is safe to run again may carry the tag: this tool refuses a set-up cell that assigns anything but
imports (it must not reset a learner's variables).

    .venv/bin/python tools/tag_setup_cells.py            # tag all chapters in place
    .venv/bin/python tools/tag_setup_cells.py --check    # exit 1 if a chapter is not tagged (tests/CI)

Running it twice changes nothing. The chapter list is ``CHAPTERS`` in ``tools/notebook_nav.py``.
"""
from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent))
from notebook_nav import CHAPTER_DIR, CHAPTERS, ROOT  # noqa: E402

SETUP_TAG = "smmkit-setup"


def setup_cell(nb):
    """The chapter's first code cell."""
    return next((c for c in nb.cells if c.cell_type == "code"), None)


def safe_to_rerun(source: str) -> bool:
    """Only imports, prints, comments and docstrings: nothing a learner made can be overwritten."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return False
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            continue
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            continue
        if (isinstance(node, ast.Expr) and isinstance(node.value, ast.Call)
                and isinstance(node.value.func, ast.Name) and node.value.func.id == "print"):
            continue
        return False
    return True


def tagged(nb, path: Path):
    cell = setup_cell(nb)
    if cell is None:
        return nb
    if not safe_to_rerun(cell.source):
        raise SystemExit(f"{path.name}: de eerste codecel doet meer dan importeren en printen; "
                         f"zo'n cel krijgt de tag {SETUP_TAG} niet.")
    tags = cell.metadata.setdefault("tags", [])
    if SETUP_TAG not in tags:
        tags.append(SETUP_TAG)
    for other in nb.cells:
        if other is not cell and SETUP_TAG in other.get("metadata", {}).get("tags", []):
            other.metadata["tags"].remove(SETUP_TAG)
    return nb


def process(paths: list[Path], check: bool) -> int:
    stale = []
    for path in paths:
        before = path.read_text(encoding="utf-8")
        after = nbformat.writes(tagged(nbformat.reads(before, as_version=4), path)) + "\n"
        if after != before:
            stale.append(path)
            if not check:
                path.write_text(after, encoding="utf-8")
    for path in stale:
        print(f"{'verouderd' if check else 'bijgewerkt'}: {path.relative_to(ROOT)}")
    return 1 if (check and stale) else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a chapter is not tagged")
    args = parser.parse_args(argv)
    return process([CHAPTER_DIR / ch.file for ch in CHAPTERS], args.check)


if __name__ == "__main__":
    sys.exit(main())
