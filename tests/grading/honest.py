"""Honest submissions for grading runs: good, half, empty (and, for the benchmark, a few infinite loops).

Made from an assignment's source notebook (solutions/) and its release (exercises/):

- ``good``: every answer cell of the release filled in with the worked answer of the source;
- ``half``: only every other answer cell filled in (the first, third, …);
- ``empty``: the untouched release;
- ``loop``: the good notebook with ``while True: pass`` at the top of the first answer cell.

Used by tests/grading/test_same_as_stock.py, tests/grading/test_postgres.py and
benchmarks/bench_grading.py (which loads this file by path), so all grade the same kind of class.
"""
from __future__ import annotations

import copy
import json
from pathlib import Path

from smmkit.variant import id_cell_source, is_id_cell

BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
KINDS = ("good", "half", "empty", "loop")


def _meta(cell: dict) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def _text(source) -> str:
    return source if isinstance(source, str) else "".join(source)


def _answer(source_cell: dict) -> str:
    return "\n".join(line for line in _text(source_cell["source"]).splitlines()
                     if BEGIN not in line and END not in line)


def make(kind: str, source: dict, release: dict, student: str | None = None) -> dict:
    """The submission notebook of one ``kind`` (see the module docstring); with ``student``, an
    assignment with personal variants gets that student's id in its studentnummer cell."""
    answers = {_meta(c).get("grade_id"): c for c in source["cells"] if _meta(c).get("solution")}
    out = copy.deepcopy(release)
    if kind == "empty":
        return out
    code_answers = 0
    for cell in out["cells"]:
        meta = _meta(cell)
        if not meta.get("solution"):
            continue
        if is_id_cell(meta.get("grade_id", "")):
            if student is not None:
                cell["source"] = id_cell_source(student)
            continue
        fill = True
        if cell["cell_type"] == "code":
            fill = kind != "half" or code_answers % 2 == 0
            if kind == "loop" and code_answers == 0:
                cell["source"] = "while True:\n    pass\n" + _answer(answers[meta["grade_id"]])
                code_answers += 1
                continue
            code_answers += 1
        if fill:
            cell["source"] = _answer(answers[meta["grade_id"]])
    return out


def class_of(n: int, loops: int = 0) -> dict[str, str]:
    """student id -> kind for a class of ``n``: ``loops`` loops spread out, the rest good, half, empty in turn."""
    at = {int((j + 0.5) * n / loops) for j in range(loops)} if loops else set()
    kinds = {f"s{i + 1:03d}": "loop" if i in at else ("good", "half", "empty")[i % 3] for i in range(n)}
    return kinds


def write_class(root: Path, assignment: str, kinds: dict[str, str]) -> None:
    """Write ``submitted/<student>/<assignment>/<notebook>`` for every student of ``kinds``."""
    source_path = sorted((root / "solutions" / assignment).glob("*.ipynb"))[0]
    release_path = root / "exercises" / assignment / source_path.name
    source = json.loads(source_path.read_text(encoding="utf-8"))
    release = json.loads(release_path.read_text(encoding="utf-8"))
    for student, kind in kinds.items():
        folder = root / "submitted" / student / assignment
        folder.mkdir(parents=True, exist_ok=True)
        made = json.dumps(make(kind, source, release, student), ensure_ascii=False, indent=1) + "\n"
        (folder / source_path.name).write_text(made, encoding="utf-8")


def gradebook_scores(db_url: str, assignment: str, course_id: str = "smmkit",
                     auto_only: bool = False) -> dict[str, dict[str, float]]:
    """student -> grade cell -> score, read with nbgrader's Gradebook API (after grading ended).
    ``auto_only``: only the autograded (code) cells, not the questions a teacher grades by hand."""
    from nbgrader.api import Gradebook

    out: dict[str, dict[str, float]] = {}
    with Gradebook(db_url, course_id=course_id) as gradebook:
        for submission in gradebook.find_assignment(assignment).submissions:
            cells = out.setdefault(submission.student.id, {})
            for notebook in submission.notebooks:
                for grade in notebook.grades:
                    if auto_only and grade.cell.cell_type != "code":
                        continue
                    cells[f"{notebook.name}:{grade.name}"] = float(grade.score)
    return out


def max_code_score(db_url: str, assignment: str, course_id: str = "smmkit") -> float:
    from nbgrader.api import Gradebook

    with Gradebook(db_url, course_id=course_id) as gradebook:
        return float(gradebook.find_assignment(assignment).max_code_score)
