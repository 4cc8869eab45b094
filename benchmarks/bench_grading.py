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

Per stage (both use the kit's config, so both grade in two processes, smmkit.grading.twoproc), the mean
seconds per submission, stock next to the kit: the kernel's start (the kit's in the sandbox), the student's
cells, the extractions that serialise the answers, the kernel's shutdown, the test process's start (stock: a
new Python that imports pandas and the kit; the kit: a fork of the batch's warm test server), its locked set-up
cells and its tests; for the kit also its worker around that (fork, sanitize, sandbox, writing the notebook)
and the parent's recording pass in the gradebook (stock nbgrader with Replay, timed by _kit_profiled.py); for
stock its own passes (sanitize, gradebook, writing). The kit's stages are per worker: its workers run side
by side. Also the start of one test process, cold against a fork of a warm server. (No CPU seconds: the
sandbox's processes end with SIGKILL under bubblewrap, and a killed process's children are never counted in
the grader's resource usage, so the kit's figure would be too low.)

``--repeat R`` grades R pairs, each on a fresh copy of the class, stock and kit right after each other (the
order alternates per pair), and prints each pair's speedup with the load before and after each run; the
``speedup:`` line is the median of the pairs. On a shared machine, run it with ``nice`` and read the pairs.
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


CPUACCT = Path("/sys/fs/cgroup/cpuacct")  # cgroup v1's CPU accounting; the kit's sandboxes never leave it


def _cpu_group(name: str) -> Path | None:
    """A cpuacct group for one graded run (root on a cgroup-v1 machine), or None: CPU seconds of every process
    of the run, also the sandboxed ones that end with SIGKILL (which resource usage of children misses)."""
    if not (CPUACCT / "cgroup.procs").exists() or not os.access(CPUACCT, os.W_OK):
        return None
    group = CPUACCT / f"smmkit-bench-{os.getpid()}-{name}"
    try:
        group.mkdir()
    except OSError:
        return None
    return group


def _cpu_seconds(group: Path) -> float | None:
    try:
        used = int((group / "cpuacct.usage").read_text()) / 1e9
        for pid in (group / "cgroup.procs").read_text().split():  # nothing should be left; never keep a group
            (CPUACCT / "cgroup.procs").write_text(pid)
        group.rmdir()
        return used
    except (OSError, ValueError):
        return None


def _run(cmd, cwd: Path, home: Path, log: Path, cpu: dict | None = None) -> float:
    group = _cpu_group(log.stem) if cpu is not None else None
    start = time.perf_counter()
    with open(log, "w", encoding="utf-8") as out:
        join = (lambda: (group / "cgroup.procs").write_text(str(os.getpid()))) if group else None
        code = subprocess.call([str(c) for c in cmd], cwd=cwd, env=_env(home), stdout=out, stderr=subprocess.STDOUT,
                               preexec_fn=join)
    seconds = time.perf_counter() - start
    if group is not None:
        time.sleep(0.5)  # the last sandboxed processes are being killed
        cpu["cpu"] = _cpu_seconds(group)
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


STAGES = [  # (key in the stage log, label): the executor's stages, then what the batch runner adds
    ("kernel_start", "kernel starten (kit: in de sandbox)"),
    ("cells", "cellen van de student"),
    ("extract", "antwoorden serialiseren (extractie)"),
    ("kernel_stop", "kernel stoppen"),
    ("tests_start", "testproces starten (kit: fork)"),
    ("tests_setup", "testproces: vaste cellen"),
    ("tests_run", "testproces: tests"),
]


def _rows(path: Path) -> list[dict]:
    import json

    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _mean(values) -> float | None:
    values = list(values)
    return sum(values) / len(values) if values else None


def profile(stage_log: Path, report: Path | None, n: int, wall: float, workers: int) -> dict[str, float | None]:
    """Mean seconds per submission of every stage of one run (see STAGES), plus:

    ``worker``: the kit's worker around the executor (fork, sanitize, sandbox ready, notebook written: the
    report's seconds per student minus the executor's stages); ``record``: the parent's recording pass (stock
    ``nbgrader autograde`` with Replay, one writer, from _kit_profiled.py); ``rest``: stock's own passes
    (sanitize, gradebook, writing: its time per submission minus the executor's stages)."""
    import json

    rows = _rows(stage_log)
    executed = [r for r in rows if "student" in r]
    out = {key: _mean(r.get(key, 0.0) for r in executed) for key, _label in STAGES}
    out["student"] = _mean(r["student"] for r in executed)
    out["tests"] = _mean(r.get("tests", 0.0) for r in executed)
    records = [r["record"] for r in rows if "record" in r]
    out["record"] = _mean(records)
    for key in ("before_pool", "pool"):  # the kit's whole run: fixed costs before the pool, the pool itself
        values = [r[key] for r in rows if key in r]
        out[key] = values[0] if values else None
    out["worker"] = out["rest"] = None
    if report is not None and report.exists():
        by_student = {r.get("submitter"): r for r in executed}
        spent = [row.get("seconds", 0.0) - by_student[row["student"]]["student"] - by_student[row["student"]]["tests"]
                 for row in json.loads(report.read_text(encoding="utf-8")) if row.get("student") in by_student]
        out["worker"] = _mean(max(0.0, s) for s in spent)
    elif executed:
        out["rest"] = max(0.0, wall / n - (out["student"] or 0) - (out["tests"] or 0))
    return out


def time_test_process(repeat: int = 3) -> tuple[float, float]:
    """(cold, warm) seconds for a test process that loads the kit and runs one trivial test."""
    import json

    from smmkit.grading.testserver import TestServer

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


WARM = ("import sys\nfrom pathlib import Path\nfrom smmkit.grading.course import Course\n"
        "from smmkit.grading import testserver\n"
        "server = testserver.start_for_course(Course(Path(sys.argv[1]), []), Path(sys.argv[2]), 3072, True)\n"
        "testserver.stop_shared_server()\nprint('ok' if server is not None else 'geen server')\n")


def warm_kit_cache(course: Path, scratch: Path) -> float:
    """Seconds to fill the kit's lasting bytecode cache once (smmkit.grading.sandbox.lasting_pycache), as the
    floor and generate_assignment fill .venv's __pycache__ for stock: a teacher's first batch pays this once."""
    scratch.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", WARM, str(course), str(scratch)], env=_env(scratch), check=True,
                   capture_output=True, text=True)
    return time.perf_counter() - start


def _load() -> float:
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")


def _measured(cmd, cwd: Path, home: Path, log: Path, stage_log: Path) -> dict:
    """One graded run: wall seconds, load before and after."""
    os.environ["SMMKIT_STAGE_LOG"] = str(stage_log)
    load = _load()
    cpu: dict = {}
    try:
        wall = _run(cmd, cwd, home, log, cpu)
    finally:
        os.environ.pop("SMMKIT_STAGE_LOG", None)
    return {"wall": wall, "load": (load, _load()), "cpu": cpu.get("cpu")}


def run(n: int = 100, loops: int = 4, workers: int | None = None, assignment: str = "h01-introductie",
        cell_timeout: float = 10, keep: Path | None = None, floor_repeat: int = 3,
        repeat: int = 1) -> tuple[list[Row], dict]:
    """Stock and kit graded ``repeat`` times in pairs, side by side (the order alternates per pair), each pair on a
    fresh copy of the same class: the speedup is the median of the pairs' ratios, so a load that changes during
    the run weighs on both graders of a pair alike."""
    honest = _honest()
    workers = workers or os.cpu_count() or 1
    base = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="smmkit-bench-grading-"))
    base.mkdir(parents=True, exist_ok=True)
    home, template = base / "leerling", base / "klas"
    shutil.rmtree(home, ignore_errors=True)
    shutil.rmtree(template, ignore_errors=True)
    home.mkdir()
    pairs, differ, profiles = [], [], {"stock": [], "kit": []}
    try:
        shutil.copytree(ROOT / "solutions" / assignment, template / "solutions" / assignment)
        shutil.copy(ROOT / "nbgrader_config.py", template)
        _run([BIN / "nbgrader", "generate_assignment", assignment, "--force"], template, home, base / "generate.log")
        kinds = honest.class_of(n, min(loops, n))
        honest.write_class(template, assignment, kinds)
        good = next(s for s, k in kinds.items() if k == "good")
        notebook = next((template / "submitted" / good / assignment).glob("*.ipynb"))
        scratch = base / "vloer"
        scratch.mkdir(exist_ok=True)
        shutil.copy(notebook, scratch / notebook.name)

        limit = f"--SafeExecute.timeout={cell_timeout:g}"
        print("[grading] vloer: een verse kernel draait het goede notebook …", flush=True)
        floor = time_floor(scratch / notebook.name, floor_repeat)
        print("[grading] bytecode-cache van de kit vullen (zoals de vloer die van stock in .venv vult) …", flush=True)
        warm_cache = warm_kit_cache(template, base / "cache-vullen")
        for index in range(repeat):
            suffix = "" if repeat == 1 else f"-{index + 1}"
            stock, kit = base / f"stock{suffix}", base / f"kit{suffix}"
            for folder in (stock, kit):
                shutil.rmtree(folder, ignore_errors=True)
                shutil.copytree(template, folder)
            kit_cmd = [BIN / "python", Path(__file__).resolve().parent / "_kit_profiled.py", "autograde", assignment,
                       "--root", kit, "--workers", str(workers), "--", limit]
            runs = {
                "stock": lambda: _measured([BIN / "nbgrader", "autograde", assignment, limit], stock, home,
                                           base / f"stock{suffix}.log", base / f"stages-stock{suffix}.jsonl"),
                "kit": lambda: _measured(kit_cmd, kit, home, base / f"kit{suffix}.log",
                                         base / f"stages-kit{suffix}.jsonl"),
            }
            pair = {}
            for grader in (("stock", "kit") if index % 2 == 0 else ("kit", "stock")):
                label = "stock nbgrader autograde" if grader == "stock" else f"kit, {workers} workers"
                print(f"[grading] paar {index + 1}/{repeat}: {label}, {n} inzendingen …", flush=True)
                pair[grader] = runs[grader]()
            pairs.append(pair)
            print(f"[grading] paar {index + 1}: stock {pair['stock']['wall']:.0f} s, kit {pair['kit']['wall']:.0f} s, "
                  f"speedup {pair['stock']['wall'] / pair['kit']['wall']:.2f} (load {pair['stock']['load'][0]:.1f}→"
                  f"{pair['stock']['load'][1]:.1f} en {pair['kit']['load'][0]:.1f}→{pair['kit']['load'][1]:.1f})",
                  flush=True)
            for grader, folder in (("stock", stock), ("kit", kit)):
                report = folder / "autograded" / f"rapport-{assignment}.json" if grader == "kit" else None
                profiles[grader].append(profile(base / f"stages-{grader}{suffix}.jsonl", report, n,
                                                pair[grader]["wall"], workers))
            by_stock = honest.gradebook_scores(f"sqlite:///{stock / 'gradebook.db'}", assignment)
            by_kit = honest.gradebook_scores(f"sqlite:///{kit / 'gradebook.db'}", assignment)
            differ += sorted(s for s in set(by_stock) | set(by_kit) if by_stock.get(s) != by_kit.get(s))
        print("[grading] testproces: koud tegen warm (fork) …", flush=True)
        cold, warm = time_test_process(floor_repeat)
    finally:
        if not keep:
            shutil.rmtree(base, ignore_errors=True)

    ratios = [p["stock"]["wall"] / p["kit"]["wall"] for p in pairs]
    speedup = median(ratios)
    per_stock = median([p["stock"]["wall"] for p in pairs]) / n
    per_kit = median([p["kit"]["wall"] for p in pairs]) / n
    counts = {k: sum(v == k for v in kinds.values()) for k in honest.KINDS}
    mix = ", ".join(f"{c} {k}" for k, c in counts.items() if c)
    rows = [
        Row("grading", "vloer (kernel + notebook één keer)", floor, "s", note=f"mediaan van {floor_repeat}"),
        Row("grading", "stock: per inzending", per_stock, "s", note=f"{per_stock / floor:.2f}× de vloer; "
            f"totaal {per_stock * n:.0f} s"),
        Row("grading", "kit: per inzending", per_kit, "s", note=f"{per_kit / floor:.2f}× de vloer; "
            f"totaal {per_kit * n:.0f} s; {workers} workers"),
        Row("grading", "kit / stock (tijd)", 1 / speedup, "x", target=1 / SPEEDUP_TARGET,
            note=f"speedup {speedup:.2f}; doel ≥ {SPEEDUP_TARGET}" + (f"; mediaan van {repeat} paren" if repeat > 1 else "")),
        Row("grading", "scores gelijk", float(len(set(differ))), "verschil", target=0.0,
            note="elke cel van elke student" if not differ else "verschillen: " + ", ".join(sorted(set(differ))[:8])),
        Row("grading", "kit: bytecode-cache vullen (eenmalig)", warm_cache, "s",
            note="vóór de paren; daarna leest elke sandbox hem"),
        Row("grading", "testproces koud (nieuwe Python)", cold, "s", note=f"mediaan van {floor_repeat}"),
        Row("grading", "testproces warm (fork van server)", warm, "s", note=f"{cold / max(warm, 1e-9):.1f}× sneller"),
    ]
    cpus = {g: [p[g]["cpu"] / n for p in pairs if p[g].get("cpu")] for g in ("stock", "kit")}
    if cpus["stock"] and cpus["kit"]:
        cpu_stock, cpu_kit = median(cpus["stock"]), median(cpus["kit"])
        rows += [Row("grading", "stock: CPU per inzending", cpu_stock, "s", note="cpuacct: elk proces van de run"),
                 Row("grading", "kit: CPU per inzending", cpu_kit, "s", note=f"{cpu_kit / cpu_stock:.2f}× stock; "
                     f"met {workers} cores hooguit speedup {workers * cpu_stock / cpu_kit:.2f}")]
    stages = {grader: _median_profile(items) for grader, items in profiles.items()}
    for grader in ("stock", "kit"):
        for key, label in STAGES + [("worker", "worker: fork, sanitize, sandbox klaarzetten, schrijven"),
                                    ("record", "ouder: nbgrader-registratie (gradebook)"),
                                    ("rest", "nbgrader zelf (sanitize, gradebook, schrijven)")]:
            value = stages[grader].get(key)
            if value is not None:
                rows.append(Row("grading", f"{grader}: {label}", value, "s", note="gemiddeld per inzending"))
    info = {"n": n, "mix": mix, "workers": workers, "speedup": speedup, "ratios": ratios, "pairs": pairs,
            "identical": not differ, "cell_timeout": cell_timeout, "stages": stages, "per_stock": per_stock,
            "per_kit": per_kit, "warm_cache": warm_cache}
    return rows, info


def _median_profile(items: list[dict]) -> dict:
    keys = {k for item in items for k, v in item.items() if v is not None}
    return {k: median([item[k] for item in items if item.get(k) is not None]) for k in keys}


def print_profile(info: dict) -> None:
    """The per-stage table: seconds per submission of each stage, stock next to the kit."""
    stages = info["stages"]
    extra = [("worker", "worker: fork, sanitize, sandbox, schrijven"), ("record", "ouder: registratie in gradebook"),
             ("rest", "nbgrader zelf: sanitize, gradebook, schrijven")]
    fixed = [("before_pool", "kit: vóór de eerste worker (start, proef, testserver)"),
             ("pool", "kit: de workers, van eerste start tot laatste registratie")]
    title = "Per inzending, per stap (gemiddeld, seconden; kit: per worker, de workers werken tegelijk)"
    print()
    print(title)
    print("=" * len(title))
    print(f"{'stap':<46} {'stock':>8} {'kit':>8}")
    for key, label in STAGES + extra:
        values = [stages[g].get(key) for g in ("stock", "kit")]
        if all(v is None for v in values):
            continue
        cells = ["       —" if v is None else f"{v:8.2f}" for v in values]
        print(f"{label:<46} {cells[0]} {cells[1]}")
    print(f"{'per inzending (wandklok, hele run / n)':<46} {info['per_stock']:8.2f} {info['per_kit']:8.2f}")
    for key, label in fixed:  # per run, not per submission
        value = stages["kit"].get(key)
        if value is not None:
            print(f"{label + ' (per run)':<55} {value:8.2f}")
    for index, pair in enumerate(info["pairs"], 1):
        stock, kit = pair["stock"], pair["kit"]
        cpu = (f", CPU stock {stock['cpu']:.0f} s en kit {kit['cpu']:.0f} s" if stock.get("cpu") and kit.get("cpu")
               else "")
        print(f"paar {index}: stock {stock['wall']:.0f} s (load {stock['load'][0]:.1f}→{stock['load'][1]:.1f}), "
              f"kit {kit['wall']:.0f} s (load {kit['load'][0]:.1f}→{kit['load'][1]:.1f}), "
              f"speedup {stock['wall'] / kit['wall']:.2f}{cpu}")
    if not any(p["stock"].get("cpu") and p["kit"].get("cpu") for p in info["pairs"]):
        print("CPU per inzending: niet gemeten (alleen als root met cgroup v1: /sys/fs/cgroup/cpuacct)")
    sys.stdout.flush()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100, help="aantal inzendingen (standaard 100)")
    parser.add_argument("--loops", type=int, default=4, help="waarvan met een oneindige lus (standaard 4)")
    parser.add_argument("--workers", type=int, help="workers voor de kit (standaard: het aantal cores)")
    parser.add_argument("--assignment", default="h01-introductie")
    parser.add_argument("--cell-timeout", type=float, default=10, help="seconden per cel, voor beide (standaard 10)")
    parser.add_argument("--keep", type=Path, help="bewaar de cursusmappen en logs in deze map")
    parser.add_argument("--floor-repeat", type=int, default=3, help="metingen van de vloer (standaard 3)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="paren stock/kit na elkaar, elk op een verse kopie (standaard 1); speedup: mediaan")
    args = parser.parse_args(argv)
    rows, info = run(args.n, args.loops, args.workers, args.assignment, args.cell_timeout, args.keep,
                     args.floor_repeat, args.repeat)
    print_table(f"Nakijken: {info['n']} inzendingen ({info['mix']}), stock nbgrader tegen de kit", rows)
    print_profile(info)
    print(f"speedup: {info['speedup']:.2f}")
    print(f"scores identiek: {'ja' if info['identical'] else 'NEE'}")
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    if load:
        print(f"load na afloop: {load[0]:.1f} op {os.cpu_count()} cores (een drukke machine maakt beide trager)")
    return 0 if info["identical"] else 1


if __name__ == "__main__":
    sys.exit(main())
