"""Build, grade and give feedback for one temporary nbgrader course, in ONE process.

    python course_worker.py <course root> <summary.json> [--faulty] [--workers N] <assignment> …

The course root must already hold nbgrader_config.py and solutions/<assignment>/. Steps, all with
real nbgrader: generate_assignment (nbgrader's API), submissions ``voorbeeld`` (the source, whose id cell says voorbeeld) and ``leeg``
(the untouched release) per assignment, with ``--faulty`` also the library of faulty submissions for
the first assignment, the kit's batch runner (stock ``nbgrader autograde`` per student, forked from
this process so nbgrader is imported once), then generate_feedback. Writes a JSON summary for the
tests. The grading tests run two of these side by side, each with its own course and gradebook.
"""
from __future__ import annotations

import importlib.util
import json
import os
import shutil
import sys
import time
from pathlib import Path

from nbgrader.apps import NbGraderAPI
from nbgrader.coursedir import CourseDirectory
from traitlets.config.loader import PyFileConfigLoader

from smmkit.grading.batch import autograde
from smmkit.variant import is_id_cell

HERE = Path(__file__).resolve().parent
CELL_TIMEOUT = 15  # seconds per cell in the tests (the course default is 20); at 10 the widget cell of
# eigen_werk (NeedsProfile + restore, about 4 s on an idle machine) timed out twice beside "geheugen" under load 5
CHEAT_RUN_ANYWAY = "vals_check_vervangen"
# Only to prove that the faulty tests can fail: SMMKIT_FAULTY_NO_SANDBOX=1 grades without the sandbox
# (as --no-sandbox does), and then the attacks of the faulty library must make tests/grading/test_faulty.py fail.
SANDBOX = os.environ.get("SMMKIT_FAULTY_NO_SANDBOX") != "1"


def load_faulty():
    spec = importlib.util.spec_from_file_location("make_faulty", HERE / "faulty" / "make_faulty.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_make_class():
    spec = importlib.util.spec_from_file_location("make_class", HERE.parents[1] / "tools" / "make_class.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# Beside ``voorbeeld`` and ``leeg``: the worked solution handed in unchanged by someone else (ANDERE: a
# classmate's notebook must not score full), the worked solution with that student's own id typed in
# (EIGEN: full marks for her own case), and six students fout1..fout6 where fout<k+1> gives, in every answer
# cell, mistake number k (modulo their count) of tools/practice/<a>.py (FOUT: different wrong answers per item).
ANDERE, EIGEN, FOUT = "andere", "eigen", tuple(f"fout{k}" for k in range(1, 7))


def variant_submissions(root: Path, assignment: str) -> dict[str, str]:
    """student -> notebook text (only for an assignment whose source has a studentnummer cell)."""
    make_class = load_make_class()
    release, source = make_class.load_pair(root, assignment)
    ids = [c.get("metadata", {}).get("nbgrader", {}).get("grade_id", "") for c in source["cells"]]
    if not any(is_id_cell(i) for i in ids):
        return {}
    out = {ANDERE: make_class.dump(source),  # the worked solution as it is: id voorbeeld
           EIGEN: make_class.dump(make_class.submission(release, source, {}, EIGEN))}
    wrong = make_class.practice(assignment)["WRONG"]
    for k, student in enumerate(FOUT):
        answers = {gid: mistakes[k % len(mistakes)] for gid, mistakes in wrong.items() if mistakes}
        out[student] = make_class.dump(make_class.submission(release, source, answers, student))
    return out


def api(root: Path) -> NbGraderAPI:
    config = PyFileConfigLoader("nbgrader_config.py", path=str(root)).load_config()
    return NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)


def tree_hashes(root: Path) -> dict[str, str]:
    """SHA-256 of every file under solutions/ and exercises/ (the faulty library must leave them alone)."""
    import hashlib

    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for folder in ("solutions", "exercises") for p in sorted((root / folder).rglob("*")) if p.is_file()}


def main(root: Path, summary_path: Path, assignments: list[str], with_faulty: bool, workers: int | None) -> None:
    os.chdir(root)
    summary = {"generated": {}, "reports": {}, "timings": {}, "log": "", "cheat_run_anyway": None,
               "run_anyway": {}}
    grader = api(root)
    start = time.monotonic()
    for assignment in assignments:
        result = grader.generate_assignment(assignment, force=True)
        summary["generated"][assignment] = bool(result["success"])
        if not result["success"]:
            summary["log"] += f"generate_assignment {assignment}:\n{result.get('log', '')}{result.get('error', '')}\n"
    summary["timings"]["generate_assignment"] = time.monotonic() - start
    ready = [a for a in assignments if summary["generated"][a]]

    for assignment in ready:
        notebook = sorted((root / "solutions" / assignment).glob("*.ipynb"))[0].name
        for student, source in [("voorbeeld", root / "solutions" / assignment / notebook),
                                ("leeg", root / "exercises" / assignment / notebook)]:
            folder = root / "submitted" / student / assignment
            folder.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, folder / notebook)
        for student, text in variant_submissions(root, assignment).items():
            folder = root / "submitted" / student / assignment
            folder.mkdir(parents=True, exist_ok=True)
            (folder / notebook).write_text(text, encoding="utf-8")
    if with_faulty and ready and ready[0] == assignments[0]:
        faulty = load_faulty()
        cases = faulty.build(root / "solutions" / ready[0], root / "exercises" / ready[0])
        faulty.write({k: v for k, v in cases.items() if k != "leeg"}, root / "submitted", ready[0])

    summary["hashes_before"] = tree_hashes(root)
    extra = [f"--SafeExecute.timeout={CELL_TIMEOUT}"]
    for assignment in ready:
        start = time.monotonic()
        try:
            outcomes = autograde(root, assignment, timeout=240, memory_mb=2048, extra_args=extra,
                                 workers=workers, sandbox=SANDBOX)
            summary["reports"][assignment] = {o.student: o.__dict__ for o in outcomes}
        except BaseException as exc:  # keep going: the tests of this assignment will report it
            summary["log"] += f"autograde {assignment}: {type(exc).__name__}: {exc}\n"
        summary["timings"][f"autograde {assignment}"] = time.monotonic() - start

    if with_faulty and assignments[0] in summary["reports"]:
        # cheats the scan holds back, run anyway: what they try must fail in the sandbox as well
        start = time.monotonic()
        outcomes = autograde(root, assignments[0], students=load_faulty().RUN_ANYWAY, timeout=240, memory_mb=2048,
                             allow_suspicious=True, extra_args=extra, workers=workers, sandbox=SANDBOX)
        summary["run_anyway"] = {o.student: o.__dict__ for o in outcomes}
        summary["cheat_run_anyway"] = summary["run_anyway"][CHEAT_RUN_ANYWAY]
        summary["timings"]["cheat run anyway"] = time.monotonic() - start

    summary["graded_at"] = time.time()
    start = time.monotonic()
    for assignment in summary["reports"]:
        result = grader.generate_feedback(assignment, force=True)
        if not result["success"]:
            summary["log"] += f"generate_feedback {assignment}:\n{result.get('log', '')}{result.get('error', '')}\n"
    summary["timings"]["generate_feedback"] = time.monotonic() - start
    summary["hashes_after"] = tree_hashes(root)
    summary_path.write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    args = sys.argv[1:]
    faulty_flag = "--faulty" in args
    args = [a for a in args if a != "--faulty"]
    n = None
    if "--workers" in args:
        at = args.index("--workers")
        n = int(args[at + 1])
        del args[at:at + 2]
    main(Path(args[0]).resolve(), Path(args[1]).resolve(), args[2:], faulty_flag, n)
