"""The kit's runner gives exactly the scores stock ``nbgrader autograde`` gives, on honest submissions.

One release is generated; two copies of the course get the same good, half and empty submissions. One
is graded by stock ``nbgrader autograde`` (all students in one run), the other by
``python -m smmkit.grading autograde``; both run side by side. Every grade cell of every student must
agree, read from each gradebook with nbgrader's API after the runs ended.
"""
from __future__ import annotations

import shutil
import subprocess

import pytest

from . import honest
from .conftest import BIN, ROOT, env, run

pytestmark = pytest.mark.slow
ASSIGNMENT = "h01-introductie"
KINDS = {"goed": "good", "half": "half", "leeg": "empty"}
CELL_TIMEOUT = "--SafeExecute.timeout=10"


def test_kit_runner_scores_equal_stock_nbgrader(tmp_path):
    home = tmp_path / "leerling"
    home.mkdir()
    stock, kit = tmp_path / "stock", tmp_path / "kit"
    shutil.copytree(ROOT / "solutions" / ASSIGNMENT, stock / "solutions" / ASSIGNMENT)
    shutil.copy(ROOT / "nbgrader_config.py", stock)
    run([BIN / "nbgrader", "generate_assignment", ASSIGNMENT, "--force"], stock, home)
    shutil.copytree(stock, kit)  # the same release and gradebook entries for both
    for root in (stock, kit):
        honest.write_class(root, ASSIGNMENT, KINDS)

    commands = {stock: [BIN / "nbgrader", "autograde", ASSIGNMENT, CELL_TIMEOUT],
                kit: [BIN / "python", "-m", "smmkit.grading", "autograde", ASSIGNMENT, "--root", kit,
                      "--", CELL_TIMEOUT]}
    processes = {root: subprocess.Popen([str(c) for c in cmd], cwd=root, env=env(home), text=True,
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
                 for root, cmd in commands.items()}
    logs = {root: process.communicate(timeout=900)[0] for root, process in processes.items()}
    for root, process in processes.items():
        assert process.returncode == 0, f"{commands[root][:3]} failed:\n{logs[root][-3000:]}"

    by_stock = honest.gradebook_scores(f"sqlite:///{stock / 'gradebook.db'}", ASSIGNMENT)
    by_kit = honest.gradebook_scores(f"sqlite:///{kit / 'gradebook.db'}", ASSIGNMENT)
    assert set(by_stock) == set(KINDS), logs[stock][-3000:]
    assert by_kit == by_stock, f"kit {by_kit}\nstock {by_stock}"
    # and the comparison is not between two empty or two perfect classes
    top = honest.max_code_score(f"sqlite:///{stock / 'gradebook.db'}", ASSIGNMENT)
    totals = {student: sum(cells.values()) for student, cells in by_stock.items()}
    assert totals["goed"] == top > totals["half"] > totals["leeg"] == 0
