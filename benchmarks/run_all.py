#!/usr/bin/env python3
"""Run all benchmarks and print their figures next to the targets (``python3 kit.py bench``).

    python3 kit.py bench                      # all: widgets, import, notebooks, grading (20-40 minutes)
    python3 kit.py bench --only import        # one part (widgets, smart, import, notebooks, grading)
    python3 kit.py bench --quick              # fewer repeats, for a quick look

Results also go to ``benchmarks/results/latest.json`` (and a time-stamped copy; the folder is not
in git). How to read the tables: ``benchmarks/README.md``. These are measurements, not tests: the
exit code is 0 unless ``--strict`` is given and a figure misses its target.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_grading  # noqa: E402
import bench_import  # noqa: E402
import bench_notebooks  # noqa: E402
import bench_smart  # noqa: E402
import bench_widgets  # noqa: E402
from _common import ROOT, machine, print_table, write_results  # noqa: E402

PARTS = ("widgets", "smart", "import", "notebooks", "grading")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=PARTS, action="append", help="run only this part (repeatable)")
    parser.add_argument("--quick", action="store_true", help="fewer repeats (rougher figures)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a figure misses its target")
    args = parser.parse_args(argv)
    parts = args.only or list(PARTS)
    info = machine()
    print(f"smmkit benchmarks · Python {info['python']} · {info['cpus']} cores · "
          f"load {', '.join(f'{x:.1f}' for x in info['load_average'] or [])}", flush=True)
    sections, started = {}, time.perf_counter()
    if "widgets" in parts:
        print("\n[widgets] meten in een Jupyter-kernel …", flush=True)
        sections["widgets"] = bench_widgets.run_in_kernel(repeat=5 if args.quick else 20)
        print_table("Widgets: mediane reactietijd (doel: tekst ≤ 50 ms, grafiek ≤ 200 ms)", sections["widgets"])
    if "smart" in parts:
        sections["smart"] = bench_smart.run(repeat=10 if args.quick else 30)
        print_table(f"smart.check op een pagina tekst (doel ≤ {bench_smart.TARGET_MS:.0f} ms)", sections["smart"])
    if "import" in parts:
        repeat = 3 if args.quick else 9
        print(f"\n[import] {repeat}× drie verse processen …", flush=True)
        sections["import"] = bench_import.run(repeat=repeat)
        print_table(f"Importkosten: mediaan van {repeat} verse processen (doel: extra ≤ 150 ms)",
                    sections["import"])
    if "notebooks" in parts:
        print("\n[notebooks] alle hoofdstukken headless …", flush=True)
        sections["notebooks"] = bench_notebooks.run()
        print_table("Notebooks headless (doel: totaal ≤ 90 s en ≤ 1,5× de vloer)", sections["notebooks"])
    if "grading" in parts:
        n = 20 if args.quick else 100
        print(f"\n[grading] {n} inzendingen, stock nbgrader en de kit na elkaar …", flush=True)
        sections["grading"], grading = bench_grading.run(n=n, loops=2 if args.quick else 4)
        print_table(f"Nakijken: {n} inzendingen ({grading['mix']}); doel: speedup ≥ {bench_grading.SPEEDUP_TARGET}, "
                    "scores gelijk", sections["grading"])
        bench_grading.print_profile(grading)
        print(f"speedup: {grading['speedup']:.2f}")
    rows = [r for section in sections.values() for r in section]
    missed = [r for r in rows if r.verdict == "NEE"]
    path = write_results(sections)
    print(f"\nKlaar in {time.perf_counter() - started:.0f} s. Resultaten: {path.relative_to(ROOT)}")
    if missed:
        print(f"{len(missed)} meting(en) buiten het doel: " + "; ".join(r.name for r in missed))
    else:
        print("Alle metingen met een doel zitten binnen dat doel.")
    return 1 if (args.strict and missed) else 0


if __name__ == "__main__":
    sys.exit(main())
