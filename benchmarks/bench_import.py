"""Import cost: what importing smmkit adds on top of pandas, matplotlib and ipywidgets (target ≤ 150 ms).

Each measurement is a fresh ``python`` process (so nothing is cached in ``sys.modules``) that
times its own imports with ``time.perf_counter`` (interpreter start-up is not counted). Baseline
and kit runs alternate, so a busy machine slows both alike; the figure is the median of ``--repeat``.

* **basis**: ``import pandas, matplotlib, ipywidgets`` — what any notebook of the course loads anyway;
* **basis + smmkit**: the same, then ``import smmkit, smmkit.data, smmkit.widgets``;
* **basis + smmkit + 3 widgets**: also ``from smmkit.widgets import NeedsProfile, FourCSorter,
  LCSSMapper`` (the widget modules, their models and ``smmkit.plots``);
* **smmkit alleen**: ``import smmkit`` in a bare interpreter (the package itself must stay light).

"extra" is kit minus basis (the target); "verhouding" is kit / basis.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, Row, median, print_table  # noqa: E402

EXTRA_TARGET_MS = 150.0
BASE = "import pandas, matplotlib, ipywidgets"
KIT = "import smmkit, smmkit.data, smmkit.widgets"
WIDGETS = "from smmkit.widgets import NeedsProfile, FourCSorter, LCSSMapper"

PROBE = """
import json, sys, time
t0 = time.perf_counter()
exec(sys.argv[1])
t1 = time.perf_counter()
exec(sys.argv[2])
t2 = time.perf_counter()
print(json.dumps([(t1 - t0) * 1000, (t2 - t1) * 1000]))
"""


def _probe(first: str, second: str) -> tuple[float, float]:
    env = dict(os.environ, MPLBACKEND="Agg")
    out = subprocess.run([sys.executable, "-c", PROBE, first, second], capture_output=True, text=True,
                         env=env, cwd=ROOT, check=True)
    a, b = json.loads(out.stdout.strip().splitlines()[-1])
    return a, b


def run(repeat: int = 7) -> list[Row]:
    base, kit_total, kit_extra, widget_extra, alone = [], [], [], [], []
    _probe(BASE, "pass")  # warm the file cache once, not counted
    for _ in range(repeat):
        b, _unused = _probe(BASE, "pass")
        base.append(b)
        b2, extra = _probe(BASE, KIT)
        kit_extra.append(extra)
        kit_total.append(b2 + extra)
        b3, extra_w = _probe(BASE, KIT + "; " + WIDGETS)
        widget_extra.append(extra_w)
        alone.append(_probe("import smmkit", "pass")[0])
    base_ms = median(base)
    rows = [
        Row("import", "basis (pandas, matplotlib, ipywidgets)", base_ms, samples=base),
        Row("import", "smmkit alleen (kaal Python)", median(alone), samples=alone),
        Row("import", "extra: smmkit + data + widgets", median(kit_extra), target=EXTRA_TARGET_MS,
            note=f"verhouding tot basis {(base_ms + median(kit_extra)) / base_ms:.2f}×", samples=kit_extra),
        Row("import", "extra: … + de drie widgets", median(widget_extra), target=EXTRA_TARGET_MS,
            note=f"verhouding tot basis {(base_ms + median(widget_extra)) / base_ms:.2f}×", samples=widget_extra),
    ]
    return rows


def main(argv: list[str] | None = None) -> list[Row]:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    rows = run(args.repeat)
    print_table(f"Importkosten: mediaan van {args.repeat} verse processen (doel: extra ≤ 150 ms)", rows)
    return rows


if __name__ == "__main__":
    main()
