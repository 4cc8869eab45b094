"""``kit.py student-copy MAP``: an install students can read holds no worked answer and no hidden test (issue #23).

The copy is what the hub's shared /opt/smmkit and a student's own laptop get (docs/docent.md §8). Real:
``git archive`` of this repository's HEAD, then every file of the copy is searched for the lines that
only the worked answers and hidden tests in solutions/ hold (smmkit.grading.leaks).
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def student_copy(dest: Path, *extra) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "kit.py"), "student-copy", str(dest), *extra],
                          capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def copy(tmp_path_factory):
    dest = tmp_path_factory.mktemp("studentenkopie") / "smmkit"
    done = student_copy(dest)
    assert done.returncode == 0, done.stdout + done.stderr
    return dest


def test_copy_holds_the_course_but_no_teacher_folders(copy):
    for needed in ("kit.py", "pyproject.toml", "uv.lock", "smmkit/__init__.py", "chapters", "exercises/h01-introductie",
                   "datasets"):
        assert (copy / needed).exists(), needed
    for teacher in ("solutions", "tests", "docent", "benchmarks"):
        assert not (copy / teacher).exists(), teacher
    links = [p for p in copy.rglob("*") if p.is_symlink() or not (p.is_file() or p.is_dir())]
    assert not links, links


def test_no_file_of_the_copy_holds_a_worked_answer_or_hidden_test(copy):
    from smmkit.grading.leaks import leaks, solution_only_lines

    secret = solution_only_lines(ROOT)
    assert len(secret) > 50
    assert not leaks([copy], secret), leaks([copy], secret)
    assert len(leaks([ROOT / "solutions"], secret)) == len(list((ROOT / "solutions").glob("*/*.ipynb"))), \
        "the search finds what it looks for in every source notebook"


def test_copy_replaces_an_earlier_copy_but_refuses_another_folder(copy, tmp_path):
    (copy / ".venv").mkdir(exist_ok=True)
    (copy / ".venv" / "blijft").write_text("x", encoding="utf-8")
    (copy / "oud-bestand.txt").write_text("x", encoding="utf-8")
    again = student_copy(copy)
    assert again.returncode == 0, again.stdout + again.stderr
    assert (copy / ".venv" / "blijft").exists() and not (copy / "oud-bestand.txt").exists()
    other = tmp_path / "iets"
    other.mkdir()
    (other / "werk.txt").write_text("x", encoding="utf-8")
    refused = student_copy(other)
    assert refused.returncode == 2 and "niet leeg" in refused.stdout, refused.stdout
    assert (other / "werk.txt").exists()
    inside = student_copy(ROOT / "kopie")
    assert inside.returncode == 2 and "in deze kit zelf" in inside.stdout
    assert os.listdir(other) == ["werk.txt"]
