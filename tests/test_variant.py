"""smmkit.variant (each student's own case) and the key stamped at generate_assignment."""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from smmkit import variant
from smmkit.grading.stamp import stamp_source

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def clean_env(monkeypatch):
    for name in ("SMMKIT_CURSUSGEHEIM", "SMMKIT_ASSIGNMENT_KEY", "SMMKIT_VARIANT_FROM", "SMMKIT_SUBMITTER",
                 "JUPYTERHUB_USER"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_secret_is_made_once_private_and_told(tmp_path, clean_env, capsys):
    first = variant.course_secret(tmp_path)
    told = capsys.readouterr().err
    assert str(tmp_path / ".smmkit" / "cursusgeheim") in told and "Bewaar" in told
    assert variant.course_secret(tmp_path) == first and capsys.readouterr().err == ""
    assert (tmp_path / ".smmkit" / "cursusgeheim").stat().st_mode & 0o077 == 0
    clean_env.setenv("SMMKIT_CURSUSGEHEIM", "anders")
    assert variant.course_secret(tmp_path) == "anders"


def test_keys_differ_per_assignment_and_secret():
    keys = {variant.assignment_key(s, a) for s in ("a", "b") for a in ("h01", "h02")}
    assert len(keys) == 4 and all(len(k) == 16 for k in keys)


def test_cases_are_spread_and_fixed(clean_env):
    key = variant.assignment_key("geheim", "h01")
    counts = [0] * 8
    for i in range(800):
        counts[variant.case_index(key, f"s{i}", "vraag", 8)] += 1
    assert min(counts) > 60, counts  # roughly even: no case for nearly everyone
    assert variant.case_index(key, " S5 ", "vraag", 8) == variant.case_index(key, "s5", "vraag", 8)
    assert len({variant.case_index(key, "s5", f"vraag{q}", 1000) for q in range(20)}) > 15


def test_typed_id_wins_in_the_students_kernel(clean_env):
    clean_env.setenv("SMMKIT_SUBMITTER", "b2")
    assert variant.mine("h01", studentnummer="a1").student == "a1"
    assert variant.mine("h01", studentnummer="JOUW STUDENTNUMMER").student == "b2"


def test_grader_test_process_uses_the_submitter(clean_env):
    clean_env.setenv("SMMKIT_SUBMITTER", "b2")
    clean_env.setenv("SMMKIT_VARIANT_FROM", "submitter")
    clean_env.setenv("SMMKIT_ASSIGNMENT_KEY", "feedfeedfeedfeed")
    casus = variant.mine("h01", sleutel="0000000000000000", studentnummer="a1")
    assert (casus.student, casus.key) == ("b2", "feedfeedfeedfeed")


def test_missing_or_bad_id_says_what_to_do_in_dutch(clean_env):
    with pytest.raises(variant.VariantError) as missing:
        variant.mine("h01")
    assert "studentnummer" in str(missing.value) and "s1234567" in str(missing.value)
    assert missing.value._render_traceback_()[0].startswith("Je studentnummer ontbreekt")
    with pytest.raises(variant.VariantError, match="kan geen studentnummer zijn"):
        variant.mine("h01", studentnummer="jan de vries; rm -rf")


def test_the_global_in_the_notebook_is_found(clean_env):
    namespace = {"variant": variant, "studentnummer": " S99 "}
    exec("casus = variant.mine('h01')", namespace)
    assert namespace["casus"].student == "s99"


def test_pick_sample_code(clean_env):
    casus = variant.Casus("h01", "s1", "k")
    options = list("abcdefgh")
    assert casus.pick("q", options) == options[casus.index("q", 8)]
    assert casus.code("q", [f"c{i}" for i in range(8)]) == f"c{casus.index('q', 8)}"
    picked = casus.sample("q", options, 3)
    assert len(set(picked)) == 3 and picked == casus.sample("q", options, 3)


def test_stamp_source_rewrites_each_call():
    source = 'casus = variant.mine("h04-x")\nandere = variant.mine("h04-x", sleutel="abc123")\n'
    stamped = stamp_source(source, lambda a: "0123456789abcdef")
    assert stamped.count('sleutel="0123456789abcdef"') == 2 and "abc123" not in stamped


@pytest.mark.slow
def test_generate_assignment_stamps_release_and_gradebook(tmp_path, clean_env):
    course = tmp_path / "cursus"
    (course / "solutions" / "t1").mkdir(parents=True)
    shutil.copy(ROOT / "nbgrader_config.py", course / "nbgrader_config.py")
    setup = new_code_cell('from smmkit import variant\ncasus = variant.mine("t1")')
    setup.metadata["nbgrader"] = {"grade": False, "grade_id": "setup", "locked": True, "schema_version": 3,
                                  "solution": False}
    nbformat.write(new_notebook(cells=[setup]), course / "solutions" / "t1" / "t1.ipynb")
    env = dict(os.environ, SMMKIT_GRADEBOOK=str(course / "gradebook.db"),
               PATH=str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", ""))
    done = subprocess.run([sys.executable, "-m", "nbgrader", "generate_assignment", "t1", "--force"], cwd=course,
                          env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "cursusgeheim" in done.stdout + done.stderr  # the teacher is told a secret was made
    key = variant.assignment_key((course / ".smmkit" / "cursusgeheim").read_text().strip(), "t1")
    released = json.loads((course / "exercises" / "t1" / "t1.ipynb").read_text())
    assert f'variant.mine("t1", sleutel="{key}")' in "".join(released["cells"][0]["source"])
    with sqlite3.connect(course / "gradebook.db") as db:
        stored = [row[0] for row in db.execute("select source from source_cell")]
    assert any(f'sleutel="{key}"' in text for text in stored), stored
