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

Jupyter's own tools, which every test run starts hundreds of times (no target, only the figures):

* **Jupyter: import nbformat** (nbgrader, nbclient, nbconvert, nbval) and **import
  jupyter_server.serverapp** (every Lab and nbgrader's server parts), timed by ``python -X importtime``;
  the note gives how much of it is jsonschema's format checkers (``jsonschema._format``) and whether
  ``rfc3987_syntax`` is installed: it builds a parser at import (±1.3 s) and is left out of uv.lock
  on purpose (``[tool.uv]`` in pyproject.toml).
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


JUPYTER_MODULES = ("nbformat", "jupyter_server.serverapp")
FORMATS = "jsonschema._format"  # jsonschema's format checkers: they import what the format extras installed


def _importtime(module: str) -> tuple[float, float, bool]:
    """(ms to import ``module``, ms of that in ``FORMATS``, rfc3987_syntax installed) in a fresh process."""
    code = f"import {module}, importlib.util; print(importlib.util.find_spec('rfc3987_syntax') is not None)"
    out = subprocess.run([sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True,
                         env=dict(os.environ, MPLBACKEND="Agg"), cwd=ROOT, check=True)
    cumulative, top = {}, {}
    for line in out.stderr.splitlines():  # "import time:   self [us] |  cumulative | <indent>name"
        parts = line.split("|")
        if line.startswith("import time:") and len(parts) == 3 and parts[1].strip().isdigit():
            name = parts[2].strip()
            cumulative[name] = int(parts[1]) / 1000
            if len(parts[2]) - len(parts[2].lstrip()) == 1:  # imported by the statement itself, not nested
                top[name] = cumulative[name]
    # `import a.b` is one top-level line "a.b" that includes importing a (a line "a" may be nested elsewhere)
    return top[module], cumulative.get(FORMATS, 0.0), out.stdout.split()[-1] == "True"


def _jupyter_rows(samples: dict[str, list[tuple[float, float, bool]]]) -> list[Row]:
    rows = []
    for module, runs in samples.items():
        total, formats = median(r[0] for r in runs), median(r[1] for r in runs)
        rfc3987 = "rfc3987_syntax geïnstalleerd" if any(r[2] for r in runs) else "zonder rfc3987_syntax"
        rows.append(Row("import", f"Jupyter: import {module}", total, samples=[r[0] for r in runs],
                        note=f"waarvan jsonschema-formaten {formats:.0f} ms = {formats / total:.0%}; {rfc3987}"))
    return rows


def run(repeat: int = 7) -> list[Row]:
    base, kit_total, kit_extra, widget_extra, alone = [], [], [], [], []
    jupyter = {module: [] for module in JUPYTER_MODULES}
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
        for module in JUPYTER_MODULES:
            jupyter[module].append(_importtime(module))
    base_ms = median(base)
    rows = [
        Row("import", "basis (pandas, matplotlib, ipywidgets)", base_ms, samples=base),
        Row("import", "smmkit alleen (kaal Python)", median(alone), samples=alone),
        Row("import", "extra: smmkit + data + widgets", median(kit_extra), target=EXTRA_TARGET_MS,
            note=f"verhouding tot basis {(base_ms + median(kit_extra)) / base_ms:.2f}×", samples=kit_extra),
        Row("import", "extra: … + de drie widgets", median(widget_extra), target=EXTRA_TARGET_MS,
            note=f"verhouding tot basis {(base_ms + median(widget_extra)) / base_ms:.2f}×", samples=widget_extra),
    ]
    return rows + _jupyter_rows(jupyter)


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
