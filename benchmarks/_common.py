"""Shared bits of the benchmark scripts: a result row, a plain-text table, the results file."""
from __future__ import annotations

import json
import os
import platform
import statistics
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"


@dataclass
class Row:
    """One measured figure, with its target (same unit) when the issue sets one."""

    group: str
    name: str
    measured: float | None          # None: could not be measured (see note)
    unit: str = "ms"
    target: float | None = None
    note: str = ""
    samples: list[float] = field(default_factory=list)

    @property
    def ratio(self) -> float | None:
        if self.measured is None or not self.target:
            return None
        return self.measured / self.target

    @property
    def verdict(self) -> str:
        if self.measured is None:
            return "—"
        if self.target is None:
            return ""
        return "ja" if self.measured <= self.target else "NEE"

    def as_dict(self) -> dict:
        data = asdict(self)
        data["ratio"] = self.ratio
        data["within_target"] = None if self.target is None or self.measured is None else self.measured <= self.target
        return data


def median(values) -> float:
    return float(statistics.median(values))


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "ms":
        return f"{value:8.1f} ms"
    if unit == "s":
        return f"{value:8.1f} s"
    if unit == "x":
        return f"{value:8.2f} ×"
    return f"{value:8.2f} {unit}"


def print_table(title: str, rows: list[Row]) -> None:
    """Measured figure, target and measured/target side by side (ratio ≤ 1.00 is within target)."""
    name_w = max([len(r.name) for r in rows] + [10])
    print()
    print(title)
    print("=" * len(title))
    header = f"{'meting':<{name_w}}  {'gemeten':>11}  {'doel':>11}  {'gemeten/doel':>12}  binnen doel"
    print(header)
    print("-" * len(header))
    for r in rows:
        ratio = "" if r.ratio is None else f"{r.ratio:10.2f}"
        target = "" if r.target is None else "≤" + fmt(r.target, r.unit).strip()
        line = f"{r.name:<{name_w}}  {fmt(r.measured, r.unit):>11}  {target:>11}  {ratio:>12}  {r.verdict}"
        if r.note:
            line += f"   ({r.note})"
        print(line)
    sys.stdout.flush()


def machine() -> dict:
    return {
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None,
    }


def write_results(sections: dict[str, list[Row]], extra: dict | None = None) -> Path:
    """Write all rows to benchmarks/results/<time>.json and latest.json (the folder is gitignored)."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    data = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": machine(),
        "sections": {k: [r.as_dict() for r in v] for k, v in sections.items()},
        **(extra or {}),
    }
    text = json.dumps(data, indent=2, ensure_ascii=False)
    path = RESULTS / f"{stamp}.json"
    path.write_text(text, encoding="utf-8")
    (RESULTS / "latest.json").write_text(text, encoding="utf-8")
    return path
