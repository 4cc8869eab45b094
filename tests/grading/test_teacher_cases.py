"""What a teacher expects from nbgrader keeps working under the kit's runner (cases ported from
nbgrader's own autograde tests, issue #23): the assignment's data files, ``Execute.timeout`` from the
command line, ``create_student = False``, ``--no-execute``, a multi-notebook assignment with a notebook
missing, and a kit that does not import inside the sandbox.

A tiny course of its own (two notebooks, one data file), built with real nbgrader and graded with
``python -m smmkit.grading autograde`` in the real sandbox.
"""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import nbformat
import pytest

from smmkit.grading.sandbox import bwrap_path

from .conftest import BIN, ROOT, env

pytestmark = [pytest.mark.slow, pytest.mark.skipif(bwrap_path() is None, reason="bubblewrap is not installed")]
A = "ps1"


def _cell(source: str, grade_id: str, solution: bool = False, points: int = 0):
    cell = nbformat.v4.new_code_cell(source)
    cell.metadata["nbgrader"] = {"grade": bool(points), "grade_id": grade_id, "locked": not solution,
                                 "schema_version": 3, "solution": solution, "task": False}
    if points:
        cell.metadata["nbgrader"]["points"] = points
    return cell


def _notebook(cells) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = cells
    return nb


SOURCES = {
    "p1.ipynb": [("### BEGIN SOLUTION\nwaarde = int(open('gegevens.txt').read())\n### END SOLUTION\n", "a1", True, 0),
                 ("assert waarde == 42\n", "t1", False, 1)],
    "p2.ipynb": [("### BEGIN SOLUTION\nx = 2\n### END SOLUTION\n", "b1", True, 0),
                 ("assert x == 2\n", "t2", False, 1)],
}


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> Path:
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory
    from traitlets.config.loader import PyFileConfigLoader

    root = tmp_path_factory.mktemp("docent")
    shutil.copy(ROOT / "nbgrader_config.py", root)
    source = root / "solutions" / A
    source.mkdir(parents=True)
    for name, cells in SOURCES.items():
        nbformat.write(_notebook([_cell(*c) for c in cells]), source / name)
    (source / "gegevens.txt").write_text("42\n")  # a data file shipped with the assignment
    config = PyFileConfigLoader("nbgrader_config.py", path=str(root)).load_config()
    coursedir = CourseDirectory(config=config)
    coursedir.root = str(root)
    api = NbGraderAPI(coursedir=coursedir, config=config)
    result = api.generate_assignment(A, force=True)
    assert result["success"], result.get("log", "") + result.get("error", "")
    return root


def submit(root: Path, student: str, notebooks: dict[str, str]) -> None:
    """notebooks: name -> "goed" (worked answers), "leeg" (the release) or "traag" (worked, but slow)."""
    folder = root / "submitted" / student / A
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name, kind in notebooks.items():
        nb = nbformat.read(root / ("exercises" if kind == "leeg" else "solutions") / A / name, as_version=4)
        if kind == "traag":
            nb.cells[0].source = "import time\ntime.sleep(5)\n" + nb.cells[0].source
        nbformat.write(nb, folder / name)


def grade(root: Path, *args, extra=(), environment=None) -> subprocess.CompletedProcess:
    cmd = [str(BIN / "python"), "-m", "smmkit.grading", "autograde", A, "--root", str(root), "--workers", "2",
           "--retry-timeout-factor", "1", *args, "--", *extra]
    return subprocess.run(cmd, cwd=root, env=environment or env(root / "thuis"), capture_output=True, text=True,
                          timeout=600)


def report(root: Path) -> dict[str, dict]:
    path = root / "autograded" / f"rapport-{A}.json"
    return {row["student"]: row for row in json.loads(path.read_text(encoding="utf-8"))}


def test_data_files_partial_submissions_and_execute_timeout(course):
    submit(course, "data", {"p1.ipynb": "goed", "p2.ipynb": "goed"})        # no gegevens.txt handed in
    submit(course, "half", {"p2.ipynb": "goed"})                             # p1 missing
    submit(course, "traag", {"p1.ipynb": "traag", "p2.ipynb": "goed"})       # 5 s in a cell
    result = grade(course, extra=["--Execute.timeout=2"])
    assert result.returncode == 0, result.stdout + result.stderr
    rows = report(course)
    assert rows["data"]["status"] == "graded" and rows["data"]["score"] == rows["data"]["max_score"] == 2, rows["data"]
    half = rows["half"]
    assert half["status"] == "graded" and half["score"] == 1 and half["max_score"] == 2, half
    assert "notebook ontbreekt: p1.ipynb" in half["reason"], half
    slow = rows["traag"]
    assert slow["status"] == "graded" and slow["score"] == 1 and slow["cell_limit"] == 2, slow


def test_create_student_false_and_no_execute(course):
    from nbgrader.api import Gradebook

    submit(course, "nieuw", {"p1.ipynb": "goed", "p2.ipynb": "goed"})
    result = grade(course, "--student", "nieuw", extra=["--Autograde.create_student=False"])
    assert result.returncode == 0, result.stdout + result.stderr
    row = report(course)["nieuw"]
    assert row["status"] == "rejected" and "create_student" in row["reason"], row
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        assert "nieuw" not in {s.id for s in gradebook.students}

    # --no-execute: graded as handed in, as nbgrader does (an unexecuted release passes every test)
    submit(course, "onuitgevoerd", {"p1.ipynb": "leeg", "p2.ipynb": "leeg"})
    result = grade(course, "--student", "onuitgevoerd", "--no-execute")
    assert result.returncode == 0, result.stdout + result.stderr
    row = report(course)["onuitgevoerd"]
    assert row["status"] == "graded" and row["score"] == 2, row
    executed = grade(course, "--student", "onuitgevoerd")
    assert executed.returncode == 0 and report(course)["onuitgevoerd"]["score"] == 0


def test_a_kit_that_does_not_import_in_the_sandbox_stops_the_batch_before_anyone_is_graded(course, tmp_path):
    """The grader imports the kit from a copy that only PYTHONPATH names; the sandbox keeps no PYTHONPATH,
    so inside, the kit resolves to this checkout, which the sandbox does not show."""
    import smmkit

    copy = tmp_path / "elders"
    shutil.copytree(Path(smmkit.__file__).parent, copy / "smmkit")
    submit(course, "na_import", {"p1.ipynb": "goed", "p2.ipynb": "goed"})
    environment = env(course / "thuis") | {"PYTHONPATH": str(copy)}
    result = grade(course, "--student", "na_import", environment=environment)
    assert result.returncode != 0, result.stdout + result.stderr
    assert "De kit laadt niet in de sandbox" in result.stderr, result.stderr
    assert "na_import" not in report(course), "nobody is graded"
