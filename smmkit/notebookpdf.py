"""A whole notebook as PDF: nbconvert's HTML (the Lab look) printed by the system's Chromium.

``python3 kit.py pdf NOTEBOOK [UITVOER.pdf]``. Two existing engines, no LaTeX and no Playwright (which
only the test environment has): nbconvert makes the page, ``chromium --headless --print-to-pdf``
prints it. The page is made without network: what a notebook loads from the internet (MathJax, the
widget manager) is skipped after a short wait, and a widget shows its Dutch text line.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from smmkit.errors import SmmkitError
from smmkit.messages import msg

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
TIMEOUT_S = 180
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync",
                 "--disable-background-networking", "--disable-component-update", "--no-pdf-header-footer",
                 "--virtual-time-budget=8000", "--run-all-compositor-stages-before-draw"]


PRINT_CSS = "@page { size: A4; margin: 1.6cm 1.4cm; } body { padding: 0 !important; }"


def find_chromium() -> str | None:
    """The browser that prints: ``SMMKIT_CHROMIUM`` if set, else Chromium or Chrome on PATH."""
    chosen = os.environ.get("SMMKIT_CHROMIUM")
    if chosen:
        return chosen if Path(chosen).is_file() else None
    return next((found for name in CANDIDATES if (found := shutil.which(name))), None)


def notebook_html(notebook: Path) -> str:
    """The notebook as one HTML page in the Lab look (nbconvert's HTMLExporter), Dutch-readable."""
    import nbformat
    from nbconvert import HTMLExporter

    try:
        nb = nbformat.read(notebook, as_version=4)
    except Exception as exc:  # not JSON, not a notebook
        raise SmmkitError(msg("pdf.not_notebook", path=notebook, reason=str(exc)[:200])) from None
    body, _resources = HTMLExporter(template_name="lab").from_notebook_node(nb)
    body = re.sub(r"<html[^>]*>", '<html lang="nl">', body, count=1)   # Dutch hyphenation and reading
    return body.replace("</head>", f"<style>{PRINT_CSS}</style></head>", 1)


def notebook_pdf(notebook, output=None) -> Path:
    """Write ``notebook`` as a PDF (default: beside it, same name with .pdf) and return its path."""
    notebook = Path(notebook)
    if notebook.suffix != ".ipynb" or not notebook.is_file():
        raise SmmkitError(msg("pdf.no_notebook", path=notebook))
    output = Path(output) if output else notebook.with_suffix(".pdf")
    browser = find_chromium()
    if browser is None:
        raise SmmkitError(msg("pdf.no_chromium"))
    page = notebook_html(notebook)
    with tempfile.TemporaryDirectory(prefix="smmkit-pdf-") as folder:
        html_file = Path(folder) / "notebook.html"
        html_file.write_text(page, encoding="utf-8")
        target = Path(folder) / "notebook.pdf"
        command = [browser, *CHROMIUM_ARGS, f"--user-data-dir={folder}/profile",
                   f"--print-to-pdf={target}", html_file.as_uri()]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            raise SmmkitError(msg("pdf.timeout", seconds=TIMEOUT_S)) from None
        except OSError as exc:
            raise SmmkitError(msg("pdf.failed", reason=exc.strerror or str(exc))) from None
        if done.returncode != 0 or not target.is_file() or target.stat().st_size == 0:
            reason = (done.stderr or "").strip().splitlines()[-1:] or [str(done.returncode)]
            raise SmmkitError(msg("pdf.failed", reason=reason[0][:300]))
        from smmkit.widgets._files import write_atomic

        return write_atomic(output, target.read_bytes())


def main(argv: list[str]) -> int:
    if not argv or len(argv) > 2 or argv[0].startswith("-"):
        print(msg("pdf.usage"))
        return 2
    try:
        path = notebook_pdf(argv[0], argv[1] if len(argv) > 1 else None)
    except SmmkitError as exc:
        print(f"[smmkit] {exc}", file=sys.stderr)
        return 1
    print(f"[smmkit] {msg('pdf.done', path=path)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
