#!/usr/bin/env python3
"""Screenshots of every smmkit widget in a real JupyterLab, for the student guide.

Starts the same throw-away JupyterLab + headless Chromium as the browser test
(``tools/labdriver.py``), runs a notebook with one cell per widget (each with its Dutch example
content), and saves each rendered widget as ``docs/img/widget-<naam>.png``. It also writes
``docs/widgets.md``: every widget with its Dutch title, the chapters that use it and its picture.

    .venv/bin/python tools/screenshots.py                    # all widgets
    .venv/bin/python tools/screenshots.py NeedsProfile       # only these
    .venv/bin/python tools/screenshots.py --no-markdown      # pictures only

Needs /usr/bin/chromium (``apt-get install chromium``; ``python3 kit.py test`` installs it as root).
"""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent))
import labdriver  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "img"
GUIDE = ROOT / "docs" / "widgets.md"


def widget_names() -> list[str]:
    """Every model widget (SmmkitWidget subclass) that smmkit.widgets exports."""
    import smmkit.widgets as pkg
    from smmkit.widgets.base import SmmkitWidget

    names = []
    for name in pkg.__all__:
        obj = getattr(pkg, name, None)
        if isinstance(obj, type) and issubclass(obj, SmmkitWidget) and obj is not SmmkitWidget:
            names.append(name)
    return names


def chapters_using(name: str) -> list[str]:
    found = []
    for path in sorted((ROOT / "chapters").glob("[0-9][0-9]-*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
        if re.search(rf"\b{re.escape(name)}\s*\(", code):
            found.append(path.name)
    return found


def make_notebook(names: list[str], folder: Path) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell("from smmkit.widgets import " + ", ".join(names))]
    nb.cells += [nbformat.v4.new_code_cell(f"{name}()") for name in names]
    path = folder / "widgets_screenshots.ipynb"
    nbformat.write(nb, path)
    return path


def take(names: list[str], out: Path) -> dict[str, str]:
    """Save one PNG per widget; returns {name: title shown in its heading}."""
    out.mkdir(parents=True, exist_ok=True)
    titles: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        notebook = make_notebook(names, Path(tmp))
        with labdriver.LabServer([notebook]) as lab, labdriver.browser_page((1280, 2400)) as page:
            try:
                labdriver.open_notebook(page, lab, notebook.name)
                page.locator(".jp-NotebookPanel .jp-Notebook").first.click(position={"x": 5, "y": 5})
                page.keyboard.press("Control+b")  # hide the file browser: more room for the widgets
                # every widget takes a few seconds to build and render on a busy 2-core machine
                labdriver.run_all_cells(page, timeout_ms=120_000 + 60_000 * len(names))
            except Exception:
                failed = Path(tempfile.gettempdir()) / "smmkit-screenshots-failed.png"
                page.screenshot(path=str(failed))
                print(f"Mislukt; zo zag JupyterLab eruit: {failed}\n{lab.log()}", file=sys.stderr)
                raise
            for index, name in enumerate(names, start=1):
                box = labdriver.code_cell_output(page, index).locator(".smmkit-widget").first
                box.wait_for(state="visible")
                page.wait_for_timeout(300)  # let images finish painting
                path = out / f"widget-{name.lower()}.png"
                box.screenshot(path=str(path))
                heading = box.locator("h3").first
                titles[name] = heading.inner_text().strip() if heading.count() else name
                print(f"  {path.relative_to(ROOT)}  ({titles[name]})", flush=True)
    return titles


def write_guide(titles: dict[str, str]) -> None:
    lines = [
        "# De widgets van smmkit",
        "",
        "Elke widget hoort bij een model uit het boek. Je maakt hem in een notebook met één regel,",
        "bijvoorbeeld `NeedsProfile()`, na `from smmkit.widgets import NeedsProfile`. Hij start met een",
        "Nederlands voorbeeld; verander de keuzes en je ziet de uitkomst, de tekst en de grafiek meteen",
        "meebewegen. Met de knoppen onderaan bewaar je je werk (JSON) en exporteer je het voor een",
        "verslag (CSV-tabel, PNG-grafiek).",
        "De CSV opent zo in een Nederlandse Excel (puntkomma's, decimale komma, UTF-8 met BOM); de PNG",
        "(200 dpi) komt in Word of Google Docs hoogstens 16 cm breed op de pagina. Opslaan is veilig: de kit",
        "schrijft eerst een tijdelijk bestand en vervangt pas daarna je oude, dus een mislukte opslag laat je",
        "vorige werk heel. Bestandsnamen blijven in je werkmap (geen `..`, niet beginnend met `/`).",
        "",
        "De afbeeldingen hieronder zijn gemaakt in een echte JupyterLab met",
        "`.venv/bin/python tools/screenshots.py` (dat schrijft ook deze pagina).",
        "",
    ]
    for name, title in titles.items():
        used = chapters_using(name)
        where = ", ".join(f"[{c.removesuffix('.ipynb')}](../chapters/{c})" for c in used) or "nog in geen hoofdstuk"
        lines += [f"## {title}", "", f"`{name}()` · gebruikt in: {where}", "",
                  f"![{title}](img/widget-{name.lower()}.png)", ""]
    GUIDE.write_text("\n".join(lines), encoding="utf-8")
    print(f"  {GUIDE.relative_to(ROOT)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="widget class names (default: all)")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--no-markdown", action="store_true", help="do not rewrite docs/widgets.md")
    args = parser.parse_args(argv)
    reason = labdriver.chromium_missing_reason()
    if reason:
        print(f"Geen screenshots: {reason}", file=sys.stderr)
        return 1
    available = widget_names()
    names = args.names or available
    unknown = sorted(set(names) - set(available))
    if unknown:
        print(f"Onbekende widget(s): {', '.join(unknown)}. Kies uit: {', '.join(available)}", file=sys.stderr)
        return 2
    titles = take(names, args.out)
    if not args.no_markdown and not args.names:
        write_guide(titles)
    return 0


if __name__ == "__main__":
    sys.exit(main())
