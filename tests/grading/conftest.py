"""One real nbgrader course in a temporary folder, graded once per test session.

For every assignment in solutions/ (so h02–h09 are covered as soon as they exist):
generate the release with nbgrader, submit the source notebook as student ``bron`` and the
untouched release as student ``leeg``; for h01 also the library of faulty submissions
(tests/grading/faulty/make_faulty.py). Everything is graded with the kit's batch runner (stock
nbgrader autograde per student) and feedback is generated: see course_worker.py. Two workers run
side by side (h01 with its faulty library, and the other assignments), each with its own course
folder and gradebook, to use both cores. The tests then only read the results.
"""
from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
ASSIGNMENTS = sorted(p.name for p in (ROOT / "solutions").iterdir() if p.is_dir() and re.match(r"h\d\d-", p.name))
# While writing one assignment: SMMKIT_GRADING_ONLY=h02-typen-en-kanalen grades only that one (CI grades all).
if os.environ.get("SMMKIT_GRADING_ONLY"):
    ASSIGNMENTS = [a for a in ASSIGNMENTS if a in os.environ["SMMKIT_GRADING_ONLY"].split(",")]
FAULTY_FOR = "h01-introductie"
CHEAT_RUN_ANYWAY = "vals_check_vervangen"  # the one cheat course_worker.py also runs with --allow-suspicious


def _load_faulty():
    spec = importlib.util.spec_from_file_location("make_faulty", Path(__file__).parent / "faulty" / "make_faulty.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


faulty = _load_faulty()


def env(home: Path) -> dict:
    out = dict(os.environ)
    out["PATH"] = str(BIN) + os.pathsep + out.get("PATH", "")
    out["MPLBACKEND"] = "Agg"
    out["SMMKIT_HOME"] = str(home)
    out["HOME"] = str(home)  # the faulty library attacks the grader's HOME: never the real one
    out.pop("NBGRADER_EXECUTION", None)
    return out


def run(cmd, root: Path, home: Path, timeout: float = 900, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run([str(c) for c in cmd], cwd=root, env=env(home), capture_output=True, text=True,
                            timeout=timeout)
    if check and result.returncode != 0:
        raise AssertionError(f"{cmd} failed ({result.returncode}):\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return result


class Course:
    """Two temporary nbgrader courses graded side by side: h01 with the faulty library, and the rest."""

    def __init__(self, roots: dict[str, Path], home: Path, summaries: list[dict]):
        self.roots, self.home = roots, home
        self.root = roots.get(FAULTY_FOR)  # the course with the faulty submissions
        self.generated, self.reports, self.timings, self.log = {}, {}, {}, ""
        self.cheat_run_anyway = None
        self.summaries = summaries
        for summary in summaries:
            self.generated.update(summary["generated"])
            self.reports.update(summary["reports"])
            first = next(iter(summary["generated"]), "?")
            self.timings.update({f"[{first[:3]}…] {k}": v for k, v in summary["timings"].items()})
            self.log += summary["log"]
            self.cheat_run_anyway = self.cheat_run_anyway or summary["cheat_run_anyway"]

    def root_of(self, assignment: str) -> Path:
        return self.roots[assignment]

    def report(self, assignment: str) -> dict[str, dict]:
        assert self.generated.get(assignment), f"nbgrader generate_assignment {assignment} failed:\n{self.log}"
        assert assignment in self.reports, f"the batch runner failed for {assignment}:\n{self.log}"
        return self.reports[assignment]


@pytest.fixture(scope="session")
def course(tmp_path_factory) -> Course:
    home = tmp_path_factory.mktemp("leerling")
    groups = [[a for a in ASSIGNMENTS if a == FAULTY_FOR], [a for a in ASSIGNMENTS if a != FAULTY_FOR]]
    roots, workers = {}, []
    start = time.monotonic()
    for group in [g for g in groups if g]:
        root = tmp_path_factory.mktemp("cursus")
        shutil.copy(ROOT / "nbgrader_config.py", root)
        for assignment in group:
            shutil.copytree(ROOT / "solutions" / assignment, root / "solutions" / assignment)
            roots[assignment] = root
        cmd = [sys.executable, Path(__file__).parent / "course_worker.py", root, root / "summary.json",
               *(["--faulty"] if FAULTY_FOR in group else []), *group]
        log = open(root / "worker.log", "w", encoding="utf-8")
        workers.append((root, log, subprocess.Popen([str(c) for c in cmd], cwd=root, env=env(home),
                                                      stdout=log, stderr=subprocess.STDOUT)))
    summaries = []
    for root, log, process in workers:
        process.wait(timeout=1800)
        log.close()
        summary = root / "summary.json"
        text = (root / "worker.log").read_text(encoding="utf-8", errors="replace")
        assert summary.exists(), f"course worker failed:\n{text[-5000:]}"
        summaries.append(json.loads(summary.read_text(encoding="utf-8")))
    c = Course(roots, home, summaries)
    c.timings["total"] = time.monotonic() - start
    print("\n[grading timings] " + ", ".join(f"{k}: {v:.0f} s" for k, v in c.timings.items()))
    return c
