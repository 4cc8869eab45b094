"""Grading a class: stock ``nbgrader autograde`` against the kit's runner, in one run (goal: speedup ≥ 1.8).

    .venv/bin/python benchmarks/bench_grading.py            # 100 submissions (10–30 minutes on 2 cores)
    .venv/bin/python benchmarks/bench_grading.py --n 20     # a quick look

One release of the assignment is generated with nbgrader and copied into two course folders, which
get the same mixed class (tests/grading/honest.py): good, half and empty submissions in turn and a
few infinite loops (``--loops``). The first folder is graded by stock ``nbgrader autograde`` (one
process, one student after another), the second by ``python -m smmkit.grading autograde --workers N``
(sandboxed workers, one gradebook writer), one after the other so they do not compete for the cores.
Both use the course's nbgrader_config.py, with the same per-cell time limit (``--cell-timeout``).

Printed: ``speedup: X.XX`` (stock time / kit time), the cost per submission of each, the **floor**
(a fresh kernel that runs the good notebook once, what grading one submission cannot avoid) and
each cost as a multiple of the floor, and whether every grade cell of every student got the same
score in both gradebooks.

Per stage (both use the kit's config, so both grade in two processes, smmkit.grading.twoproc): the
median seconds per submission of the student's kernel run, the extraction of the answers, the test
process, and the rest (nbgrader's bookkeeping: sanitize, gradebook, writing; for the kit also the
sandbox, the fork and the parent's recording pass; in worker-seconds, so comparable with stock). Also the
start of one test process, cold (a new Python that imports pandas and the kit) against a fork of a warm
server (``smmkit.grading.testproc --socket``), the cost the warm server removes: the kit's batch runner
starts one such server (in the sandbox) per batch and every worker's tests are forks of it.
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, Row, median, print_table  # noqa: E402

SPEEDUP_TARGET = 1.8
BIN = Path(sys.executable).parent


def _honest():
    spec = importlib.util.spec_from_file_location("honest", ROOT / "tests" / "grading" / "honest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _env(home: Path) -> dict:
    env = dict(os.environ)
    env["PATH"] = str(BIN) + os.pathsep + env.get("PATH", "")  # nbgrader calls alembic by name
    env["MPLBACKEND"] = "Agg"
    env["SMMKIT_HOME"] = str(home)
    env.pop("NBGRADER_EXECUTION", None)
    return env


def _run(cmd, cwd: Path, home: Path, log: Path) -> float:
    start = time.perf_counter()
    with open(log, "w", encoding="utf-8") as out:
        code = subprocess.call([str(c) for c in cmd], cwd=cwd, env=_env(home), stdout=out, stderr=subprocess.STDOUT)
    seconds = time.perf_counter() - start
    if code != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-2000:]
        raise SystemExit(f"{' '.join(str(c) for c in cmd[:4])} … gaf exitcode {code}:\n{tail}")
    return seconds


def time_floor(notebook: Path, repeat: int = 3) -> float:
    """A fresh kernel that runs ``notebook`` once (median of ``repeat``), in the notebook's folder."""
    import nbformat
    from nbclient import NotebookClient

    times = []
    for _ in range(repeat):
        nb = nbformat.read(notebook, as_version=4)
        start = time.perf_counter()
        NotebookClient(nb, kernel_name="python3", timeout=120, allow_errors=True,
                       resources={"metadata": {"path": str(notebook.parent)}}).execute()
        times.append(time.perf_counter() - start)
    return median(times)


def _stages(path: Path) -> dict[str, float]:
    """Median seconds per stage from the SMMKIT_STAGE_LOG file of one run."""
    import json

    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()] \
        if path.exists() else []
    return {stage: median([r[stage] for r in rows]) if rows else 0.0 for stage in ("student", "extract", "tests")}


def time_test_process(repeat: int = 3) -> tuple[float, float]:
    """(cold, warm) seconds for a test process that loads the kit and runs one trivial test."""
    import json

    from smmkit.grading.twoproc import TestServer

    job = {"steps": [{"id": "s", "kind": "setup", "source": "from smmkit import check\nfrom smmkit.data import load\n"
                      "t = load('gemeenten_bewoners_kanalen')\n"},
                     {"id": "t", "kind": "test", "source": "assert x == 1\n", "names": ["x"], "files": [],
                      "answers": {"version": 1, "values": {"x": 1}, "files": {}}}]}
    env = dict(os.environ, PYTHONSAFEPATH="1", NBGRADER_EXECUTION="autograde", MPLBACKEND="Agg")
    cold = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "smmkit.grading.testproc"], input=json.dumps(job), text=True,
                       capture_output=True, env=env, cwd=tempfile.gettempdir(), check=True)
        cold.append(time.perf_counter() - start)
    root = Path(tempfile.mkdtemp(prefix="smmkit-bench-tests-"))
    server, warm = TestServer(root), []
    try:
        for _ in range(repeat):
            start = time.perf_counter()
            server.run(job, server.job_folder(), {})
            warm.append(time.perf_counter() - start)
    finally:
        server.close()
        shutil.rmtree(root, ignore_errors=True)
    return median(cold), median(warm)


def run(n: int = 100, loops: int = 4, workers: int | None = None, assignment: str = "h01-introductie",
        cell_timeout: float = 10, keep: Path | None = None, floor_repeat: int = 3) -> tuple[list[Row], dict]:
    honest = _honest()
    workers = workers or os.cpu_count() or 1
    base = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="smmkit-bench-grading-"))
    base.mkdir(parents=True, exist_ok=True)
    home, stock, kit = base / "leerling", base / "stock", base / "kit"
    for folder in (home, stock, kit):
        shutil.rmtree(folder, ignore_errors=True)
    home.mkdir()
    try:
        shutil.copytree(ROOT / "solutions" / assignment, stock / "solutions" / assignment)
        shutil.copy(ROOT / "nbgrader_config.py", stock)
        _run([BIN / "nbgrader", "generate_assignment", assignment, "--force"], stock, home, base / "generate.log")
        shutil.copytree(stock, kit)
        kinds = honest.class_of(n, min(loops, n))
        for root in (stock, kit):
            honest.write_class(root, assignment, kinds)
        good = next(s for s, k in kinds.items() if k == "good")
        notebook = next((stock / "submitted" / good / assignment).glob("*.ipynb"))
        scratch = base / "vloer"
        scratch.mkdir(exist_ok=True)
        shutil.copy(notebook, scratch / notebook.name)

        limit = f"--SafeExecute.timeout={cell_timeout:g}"
        print(f"[grading] vloer: een verse kernel draait het goede notebook …", flush=True)
        floor = time_floor(scratch / notebook.name, floor_repeat)
        print(f"[grading] stock nbgrader autograde: {n} inzendingen …", flush=True)
        os.environ["SMMKIT_STAGE_LOG"] = str(base / "stages-stock.jsonl")
        stock_s = _run([BIN / "nbgrader", "autograde", assignment, limit], stock, home, base / "stock.log")
        kit_cmd = [BIN / "python", "-m", "smmkit.grading", "autograde", assignment, "--root", kit,
                   "--workers", str(workers)]
        print(f"[grading] kit: {n} inzendingen, {workers} workers …", flush=True)
        os.environ["SMMKIT_STAGE_LOG"] = str(base / "stages-kit.jsonl")
        kit_s = _run(kit_cmd + ["--", limit], kit, home, base / "kit.log")
        os.environ.pop("SMMKIT_STAGE_LOG", None)
        stages = {"stock": _stages(base / "stages-stock.jsonl"), "kit": _stages(base / "stages-kit.jsonl")}
        print("[grading] testproces: koud tegen warm (fork) …", flush=True)
        cold, warm = time_test_process(floor_repeat)

        by_stock = honest.gradebook_scores(f"sqlite:///{stock / 'gradebook.db'}", assignment)
        by_kit = honest.gradebook_scores(f"sqlite:///{kit / 'gradebook.db'}", assignment)
        differ = sorted(s for s in set(by_stock) | set(by_kit) if by_stock.get(s) != by_kit.get(s))
    finally:
        if not keep:
            shutil.rmtree(base, ignore_errors=True)

    speedup = stock_s / kit_s
    per_stock, per_kit = stock_s / n, kit_s / n
    counts = {k: sum(v == k for v in kinds.values()) for k in honest.KINDS}
    mix = ", ".join(f"{c} {k}" for k, c in counts.items() if c)
    stage_rows = []
    for grader, total, parallel in (("stock", stock_s, 1), ("kit", kit_s, workers)):
        part = stages[grader]
        for stage, label in (("student", "leerlingkernel"), ("extract", "antwoorden uitlezen"),
                             ("tests", "testproces")):
            stage_rows.append(Row("grading", f"{grader}: {label}", part[stage], "s", note="mediaan per inzending"))
        rest = total * parallel / n - sum(part.values())
        stage_rows.append(Row("grading", f"{grader}: rest (nbgrader-administratie)", rest, "s",
                              note="per inzending, in worker-seconden" + (", met sandbox en fork" if grader == "kit" else "")))
    stage_rows += [
        Row("grading", "testproces koud (nieuwe Python)", cold, "s", note=f"mediaan van {floor_repeat}"),
        Row("grading", "testproces warm (fork van server)", warm, "s", note=f"{cold / max(warm, 1e-9):.1f}× sneller"),
    ]
    rows = [
        Row("grading", "vloer (kernel + notebook één keer)", floor, "s", note=f"mediaan van {floor_repeat}"),
        Row("grading", "stock: per inzending", per_stock, "s", note=f"{per_stock / floor:.2f}× de vloer; "
            f"totaal {stock_s:.0f} s"),
        Row("grading", "kit: per inzending", per_kit, "s", note=f"{per_kit / floor:.2f}× de vloer; "
            f"totaal {kit_s:.0f} s; {workers} workers"),
        Row("grading", "kit / stock (tijd)", kit_s / stock_s, "x", target=1 / SPEEDUP_TARGET,
            note=f"speedup {speedup:.2f}; doel ≥ {SPEEDUP_TARGET}"),
        Row("grading", "scores gelijk", 0.0 if not differ else float(len(differ)), "verschil", target=0.0,
            note="elke cel van elke student" if not differ else "verschillen: " + ", ".join(differ[:8])),
    ] + stage_rows
    info = {"n": n, "mix": mix, "workers": workers, "speedup": speedup,
            "identical": not differ, "cell_timeout": cell_timeout}
    return rows, info


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100, help="aantal inzendingen (standaard 100)")
    parser.add_argument("--loops", type=int, default=4, help="waarvan met een oneindige lus (standaard 4)")
    parser.add_argument("--workers", type=int, help="workers voor de kit (standaard: het aantal cores)")
    parser.add_argument("--assignment", default="h01-introductie")
    parser.add_argument("--cell-timeout", type=float, default=10, help="seconden per cel, voor beide (standaard 10)")
    parser.add_argument("--keep", type=Path, help="bewaar de cursusmappen en logs in deze map")
    parser.add_argument("--floor-repeat", type=int, default=3, help="metingen van de vloer (standaard 3)")
    args = parser.parse_args(argv)
    rows, info = run(args.n, args.loops, args.workers, args.assignment, args.cell_timeout, args.keep,
                     args.floor_repeat)
    print_table(f"Nakijken: {info['n']} inzendingen ({info['mix']}), stock nbgrader tegen de kit", rows)
    print(f"speedup: {info['speedup']:.2f}")
    print(f"scores identiek: {'ja' if info['identical'] else 'NEE'}")
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    if load:
        print(f"load na afloop: {load[0]:.1f} op {os.cpu_count()} cores (een drukke machine maakt beide trager)")
    return 0 if info["identical"] else 1


if __name__ == "__main__":
    sys.exit(main())
