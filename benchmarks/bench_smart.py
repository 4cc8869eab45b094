"""smart.check on a page of text (target ≤ 100 ms), against a floor: reading the same text once.

A learner may paste a whole page into the SMART checker. Each case is a page (about 3,000
characters, roughly 450 words): a realistic goal paragraph, and pages that used to make the
regular expressions slow (one long run of digits took 276 ms before ``(?<!\\d)`` anchored the
percentage pattern). "vloer" is splitting, lowercasing and one ``\\w+`` scan of the same text, so
the ratio says how much work the checker does per character, whatever the machine's speed.

    .venv/bin/python benchmarks/bench_smart.py [--repeat 30]
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import Row, median, print_table  # noqa: E402

TARGET_MS = 100.0
PAGE = 3000
GOAL = ("De gemeente Zwolle wil voor 31 december 2026 het aantal volgers op Instagram onder jongeren van 15 "
        "tot 25 jaar met 20% laten groeien, van 4.000 naar 4.800, door elke week twee posts over wijkplannen "
        "te plaatsen; de afdeling communicatie is eigenaar en meet dit elke maand. ")
CASES = {
    "een pagina doelen": (GOAL * 20)[:PAGE],
    "een pagina cijfers (1111…)": "1" * PAGE,
    "een pagina jaartallen": ("2026 " * PAGE)[:PAGE],
    "een pagina procenten": ("12,5% meer " * PAGE)[:PAGE],
    "een pagina komma's (1,1,1…)": ("1," * PAGE)[:PAGE],
}


def _floor(text: str) -> None:
    re.findall(r"\w+", " ".join(text.split()).lower())


def _time(function, text: str, repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function(text)
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def run(repeat: int = 30) -> list[Row]:
    from smmkit.models import smart

    rows = []
    for label, text in CASES.items():
        smart.check(text)                                   # warm: compiled patterns are cached
        samples = _time(smart.check, text, repeat)
        floor = median(_time(_floor, text, repeat))
        measured = median(samples)
        rows.append(Row("smart", f"smart.check: {label}", measured, "ms", TARGET_MS,
                        f"{measured / floor:.0f}× de vloer ({floor:.2f} ms)" if floor > 0 else "", samples))
    return rows


def main(argv: list[str] | None = None) -> list[Row]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    rows = run(parser.parse_args(argv).repeat)
    print_table(f"smart.check op een pagina tekst ({PAGE} tekens; doel ≤ {TARGET_MS:.0f} ms)", rows)
    return rows


if __name__ == "__main__":
    main()
