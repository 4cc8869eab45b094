"""Notebooks: run every chapter headless, total time vs. the floor (target ≤ 90 s and ≤ 1.5× the floor).

Each notebook runs the way a learner meets it: a fresh ``python3`` kernel (nbclient), cells top to
bottom, working folder ``chapters/``, no forced matplotlib backend (charts are really drawn). The
**floor** is the same number of notebooks that only ``import smmkit``: kernel start-up and
shut-down, which no chapter can avoid. The ratio total / floor shows what the chapters themselves
cost. A second floor, **with libraries**, imports what every chapter needs before it can show
anything (pandas, matplotlib, ipywidgets and the kit's modules) and nothing else: its ratio to the
first floor is the best any chapter can reach. Notebooks run one after another (the CI machine
has 2 cores; parallel runs would just compete for them).
"""
from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, Row, print_table  # noqa: E402

TOTAL_TARGET_S = 90.0
RATIO_TARGET = 1.5
CHAPTERS = ROOT / "chapters"


def chapter_paths() -> list[Path]:
    return sorted(CHAPTERS.glob("[0-9][0-9]-*.ipynb"))


def execute(nb, cwd: Path, timeout: int = 600):
    """Execute ``nb`` (nbformat node) in a fresh kernel; returns it with outputs."""
    from nbclient import NotebookClient

    saved = os.environ.pop("MPLBACKEND", None)  # a learner's kernel uses the inline backend
    try:
        client = NotebookClient(nb, kernel_name="python3", timeout=timeout,
                                resources={"metadata": {"path": str(cwd)}})
        client.execute()
    finally:
        if saved is not None:
            os.environ["MPLBACKEND"] = saved
    return nb


def time_notebook(path: Path) -> tuple[float, str]:
    import nbformat
    from nbclient.exceptions import CellExecutionError

    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    note = ""
    try:
        execute(nb, path.parent)
    except CellExecutionError as exc:
        last = re.sub(r"\x1b\[[0-9;]*m", "", str(exc)).strip().splitlines()[-1]
        note = "FOUT: " + last[:100]
    except Exception as exc:  # timeouts, dead kernel
        note = f"FOUT: {type(exc).__name__}: {str(exc)[:80]}"
    return time.perf_counter() - start, note


FLOOR_CODE = "import smmkit"
# what every chapter must import before it can show one table, chart or widget (issue 4 asks for
# pandas, matplotlib and ipywidgets): no chapter can run faster than this
LIBRARY_FLOOR_CODE = ("import pandas, matplotlib.figure, ipywidgets\n"
                      "import smmkit.data, smmkit.plots, smmkit.widgets")


def time_floor(code: str = FLOOR_CODE) -> float:
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(code)]
    start = time.perf_counter()
    execute(nb, CHAPTERS)
    return time.perf_counter() - start


def run(paths: list[Path] | None = None) -> list[Row]:
    paths = chapter_paths() if paths is None else paths
    if not paths:
        return [Row("notebooks", "hoofdstukken", None, unit="s", note="geen notebooks in chapters/")]
    rows, total, failed = [], 0.0, 0
    for path in paths:
        seconds, note = time_notebook(path)
        total += seconds
        failed += bool(note)
        rows.append(Row("notebooks", path.name, seconds, unit="s", note=note))
        print(f"  {path.name:<32} {seconds:6.1f} s {note}", flush=True)
    floor, library = 0.0, 0.0
    for _ in paths:  # alternating, so a busy moment of the machine hits both floors alike
        floor += time_floor(FLOOR_CODE)
        library += time_floor(LIBRARY_FLOOR_CODE)
    rows.append(Row("notebooks", f"totaal ({len(paths)} notebooks)", total, unit="s", target=TOTAL_TARGET_S,
                    note=f"{failed} met fouten" if failed else ""))
    rows.append(Row("notebooks", f"vloer ({len(paths)}× alleen import smmkit)", floor, unit="s"))
    rows.append(Row("notebooks", "totaal / vloer", total / floor if floor else None, unit="x",
                    target=RATIO_TARGET))
    rows.append(Row("notebooks", f"vloer met bibliotheken ({len(paths)}× import)", library, unit="s",
                    note="pandas, matplotlib, ipywidgets + smmkit.data/plots/widgets, verder niets"))
    rows.append(Row("notebooks", "vloer met bibliotheken / vloer", library / floor if floor else None, unit="x",
                    note="alleen de imports: beter dan dit kan geen hoofdstuk"))
    rows.append(Row("notebooks", "totaal / vloer met bibliotheken", total / library if library else None,
                    unit="x", note="wat de hoofdstukken zelf kosten: lezen, grafieken, widgets"))
    return rows


def main(argv: list[str] | None = None) -> list[Row]:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="notebooks (default: chapters/NN-*.ipynb)")
    args = parser.parse_args(argv)
    rows = run([p.resolve() for p in args.paths] or None)
    print_table("Notebooks headless (doel: totaal ≤ 90 s en ≤ 1,5× de vloer)", rows)
    return rows


if __name__ == "__main__":
    main()
