"""benchmarks/bench_grading.py itself, on a class of two (good, half): it runs end to end and prints what it promises.

No timing is asserted (a busy machine must not fail a test): the script must finish, print the cost
per submission of stock nbgrader and of the kit as a multiple of the floor, the speedup, the profile
per stage for both (every stage measured, the kit's worker and recording pass too), one line per pair
with its load, and that every grade cell of every student got the same score in both gradebooks (with
the scores it read from both gradebooks not all empty).
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, env

pytestmark = pytest.mark.slow


def test_grading_benchmark_prints_ratios_and_identical_scores(tmp_path):
    home = tmp_path / "leerling"
    home.mkdir()
    keep = tmp_path / "bench"
    result = subprocess.run([sys.executable, ROOT / "benchmarks" / "bench_grading.py", "--n", "2", "--loops", "0",
                             "--workers", "2", "--floor-repeat", "1", "--keep", keep],
                            cwd=ROOT, env=env(home), capture_output=True, text=True, timeout=900)
    out = result.stdout
    assert result.returncode == 0, out[-3000:] + result.stderr[-3000:]
    assert "Nakijken: 2 inzendingen (1 good, 1 half), stock nbgrader tegen de kit" in out, out
    for label in ("stock: per inzending", "kit: per inzending"):
        line = next((x for x in out.splitlines() if x.startswith(label)), "")
        assert re.search(r"\d+\.\d\d× de vloer", line), (label, out)
    assert re.search(r"^speedup: \d+\.\d\d$", out, re.M), out
    assert re.search(r"^kit / stock \(tijd\) .*speedup \d+\.\d\d; doel ≥ 1\.8", out, re.M), out
    assert "scores identiek: ja" in out
    assert re.search(r"^scores gelijk .*elke cel van elke student", out, re.M), out
    # the profile per stage: stock next to the kit, a number in both columns where both have the stage
    profile = out.split("Per inzending, per stap", 1)[1]
    for label in ("kernel starten", "cellen van de student", "antwoorden serialiseren", "kernel stoppen",
                  "testproces starten", "testproces: vaste cellen", "testproces: tests"):
        assert re.search(rf"^{re.escape(label)}.*\s\d+\.\d\d\s+\d+\.\d\d$", profile, re.M), (label, profile)
    for label in ("worker: fork, sanitize", "ouder: registratie in gradebook"):  # only the kit has these
        assert re.search(rf"^{re.escape(label)}.*—\s+\d+\.\d\d$", profile, re.M), (label, profile)
    assert re.search(r"^nbgrader zelf.*\d+\.\d\d\s+—$", profile, re.M), profile
    # the kit's fixed costs per run (before the first worker) and its pool, and the one-time bytecode cache
    for label in ("kit: vóór de eerste worker", "kit: de workers, van eerste start tot laatste registratie"):
        assert re.search(rf"^{re.escape(label)}.*\(per run\)\s+\d+\.\d\d$", profile, re.M), (label, profile)
    assert re.search(r"^kit: bytecode-cache vullen \(eenmalig\)\s+\d", out, re.M), out
    # CPU seconds of every process of each run (cpuacct, root on cgroup v1), or a line that says why not
    if Path("/sys/fs/cgroup/cpuacct/cgroup.procs").exists() and os.access("/sys/fs/cgroup/cpuacct", os.W_OK):
        for label in ("stock: CPU per inzending", "kit: CPU per inzending"):
            assert re.search(rf"^{re.escape(label)}\s+\d+\.\d+ s", out, re.M), (label, out)
        assert re.search(r"^paar 1: .* CPU stock \d+ s en kit \d+ s$", profile, re.M), profile
        assert not list(Path("/sys/fs/cgroup/cpuacct").glob("smmkit-bench-*")), "no group is left behind"
    else:
        assert "CPU per inzending: niet gemeten" in out, out
    assert re.search(r"^paar 1: stock \d+ s \(load [\d.]+→[\d.]+\), kit \d+ s .* speedup \d+\.\d\d(, CPU .*)?$", profile, re.M)
    # both classes were really graded (identical because both hold real, different scores)
    from . import honest

    for grader in ("stock", "kit"):
        scores = honest.gradebook_scores(f"sqlite:///{keep / grader / 'gradebook.db'}", "h01-introductie", auto_only=True)
        totals = sorted(sum(cells.values()) for cells in scores.values())
        assert len(totals) == 2 and 0 < totals[0] < totals[1], (grader, totals)
