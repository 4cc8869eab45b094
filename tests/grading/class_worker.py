"""Build the class of five (scored_class.py) in a fresh course and grade it, with real commands.

    python class_worker.py <course root> <summary.json> stock|kit [db_url]

The course root gets nbgrader_config.py (pointed at ``db_url`` when given, as docs/docent.md tells a
teacher to do for PostgreSQL) and the frozen h01 of tests/grading/fixtures/. Then ``nbgrader generate_assignment``
(the command of docs/docent.md), s1–s5 submitted, graded by stock ``nbgrader autograde`` (``stock``)
or by ``python -m smmkit.grading autograde --workers 2`` (``kit``), and graded by hand
(scored_class.grade_by_hand). Writes a JSON summary with the timings and the gradebook's URL.
conftest.py starts these in the background at the start of the grading tests, next to the course
workers: one ``stock`` (SQLite) and one ``kit`` (into PostgreSQL when a server is there, else SQLite).
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import scored_class  # noqa: E402

BIN = Path(sys.executable).parent
CELL_TIMEOUT = "--SafeExecute.timeout=20"  # the course default; h01's cells need 1–3 s


def run(cmd) -> None:
    result = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, timeout=1500)
    print(result.stdout[-4000:], result.stderr[-4000:], flush=True)
    if result.returncode != 0:
        raise SystemExit(f"{cmd[:4]} failed ({result.returncode})")


def main(root: Path, summary_path: Path, grader: str, db_url: str | None) -> None:
    import os

    os.chdir(root)
    timings = {}
    start = time.monotonic()
    config = (scored_class.ROOT / "nbgrader_config.py").read_text(encoding="utf-8")
    if db_url:
        config += f"\nc.CourseDirectory.db_url = {db_url!r}\n"
    (root / "nbgrader_config.py").write_text(config, encoding="utf-8")
    shutil.copytree(scored_class.FIXTURES / "solutions" / scored_class.A, root / "solutions" / scored_class.A)
    run([BIN / "nbgrader", "generate_assignment", scored_class.A, "--force"])
    scored_class.write_submissions(root)
    timings["generate"] = time.monotonic() - start
    start = time.monotonic()
    if grader == "stock":
        run([BIN / "nbgrader", "autograde", scored_class.A, CELL_TIMEOUT])
    else:
        run([BIN / "python", "-m", "smmkit.grading", "autograde", scored_class.A, "--root", root,
             "--workers", "2", "--", CELL_TIMEOUT])
    timings[f"autograde ({grader})"] = time.monotonic() - start
    db_url = db_url or f"sqlite:///{root / 'gradebook.db'}"
    scored_class.grade_by_hand(root, db_url)
    summary_path.write_text(json.dumps({"timings": timings, "grader": grader, "db_url": db_url}), encoding="utf-8")


if __name__ == "__main__":
    args = sys.argv[1:]
    main(Path(args[0]).resolve(), Path(args[1]).resolve(), args[2], args[3] if len(args) > 3 else None)
