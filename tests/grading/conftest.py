"""One real nbgrader course in a temporary folder, graded once per test session.

For every assignment in solutions/ (so h02–h09 are covered as soon as they exist):
generate the release with nbgrader, submit the source notebook as student ``bron`` and the
untouched release as student ``leeg``; for h01 also the library of faulty submissions
(tests/grading/faulty/make_faulty.py). Everything is graded with the kit's batch runner
(``python -m smmkit.grading autograde``, which runs stock nbgrader per student) and feedback is
generated. The tests then only read the results.
"""
from __future__ import annotations

import hashlib
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
FAULTY_FOR = "h01-introductie"
CELL_TIMEOUT = 10  # seconds per cell in the tests (the course default is 20)
CHEAT_RUN_ANYWAY = "vals_check_vervangen"


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
    out.pop("NBGRADER_EXECUTION", None)
    return out


def run(cmd, root: Path, home: Path, timeout: float = 900) -> subprocess.CompletedProcess:
    result = subprocess.run([str(c) for c in cmd], cwd=root, env=env(home), capture_output=True, text=True,
                            timeout=timeout)
    if result.returncode != 0:
        raise AssertionError(f"{cmd} failed ({result.returncode}):\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return result


def digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


class Course:
    def __init__(self, root: Path, home: Path):
        self.root, self.home = root, home
        self.reports: dict[str, dict[str, dict]] = {}
        self.timings: dict[str, float] = {}
        self.submitted_before: dict[str, str] = {}
        self.cheat_run_anyway: dict | None = None

    def report(self, assignment: str) -> dict[str, dict]:
        return self.reports[assignment]


@pytest.fixture(scope="session")
def course(tmp_path_factory) -> Course:
    root = tmp_path_factory.mktemp("cursus")
    home = tmp_path_factory.mktemp("leerling")
    shutil.copy(ROOT / "nbgrader_config.py", root)
    for assignment in ASSIGNMENTS:
        shutil.copytree(ROOT / "solutions" / assignment, root / "solutions" / assignment)
    c = Course(root, home)

    start = time.monotonic()
    run([sys.executable, Path(__file__).parent / "nbgrader_batch.py", root, "generate_assignment", *ASSIGNMENTS],
        root, home)
    c.timings["generate_assignment"] = time.monotonic() - start

    for assignment in ASSIGNMENTS:
        notebook = sorted((root / "solutions" / assignment).glob("*.ipynb"))[0].name
        for student, source in [("bron", root / "solutions" / assignment / notebook),
                                ("leeg", root / "exercises" / assignment / notebook)]:
            folder = root / "submitted" / student / assignment
            folder.mkdir(parents=True)
            shutil.copy(source, folder / notebook)
    faulty.write({k: v for k, v in faulty.build(root / "solutions" / FAULTY_FOR, root / "exercises" / FAULTY_FOR).items()
                  if k != "leeg"}, root / "submitted", FAULTY_FOR)
    c.submitted_before = digest(root / "submitted")

    for assignment in ASSIGNMENTS:
        start = time.monotonic()
        run([sys.executable, "-m", "smmkit.grading", "autograde", assignment, "--timeout", "240",
             "--memory-mb", "3072", "--", f"--SafeExecute.timeout={CELL_TIMEOUT}"], root, home)
        c.timings[f"autograde {assignment}"] = time.monotonic() - start
        rows = json.loads((root / "autograded" / f"rapport-{assignment}.json").read_text(encoding="utf-8"))
        c.reports[assignment] = {row["student"]: row for row in rows}

    # Defence in depth: run one cheat that the scan rejects anyway; it must still score 0.
    start = time.monotonic()
    run([sys.executable, "-m", "smmkit.grading", "autograde", FAULTY_FOR, "--student", CHEAT_RUN_ANYWAY,
         "--allow-suspicious", "--", f"--SafeExecute.timeout={CELL_TIMEOUT}"], root, home)
    rows = json.loads((root / "autograded" / f"rapport-{FAULTY_FOR}.json").read_text(encoding="utf-8"))
    c.cheat_run_anyway = rows[0]
    c.timings["cheat run anyway"] = time.monotonic() - start

    start = time.monotonic()
    run([sys.executable, Path(__file__).parent / "nbgrader_batch.py", root, "generate_feedback", *ASSIGNMENTS],
        root, home)
    c.timings["generate_feedback"] = time.monotonic() - start
    print("\n[grading timings] " + ", ".join(f"{k}: {v:.0f} s" for k, v in c.timings.items()))
    return c
