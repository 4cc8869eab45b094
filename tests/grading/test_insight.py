"""Item analysis, class overview and the teacher notebook, on a real gradebook made by real nbgrader.

A course in a temporary folder with h01 only: ``nbgrader generate_assignment``, five generated
submissions with known answers (scored_class.py, made with tools/make_class.py), stock ``nbgrader
autograde``, then the open question graded through nbgrader's Gradebook API (what the formgrader
does). conftest.py builds it once in the background (``stock_class``), and the same class graded by
the kit's runner into PostgreSQL (``pg_class``). The expected statistics
below are worked out by hand from this score table (not by the code under test):

    student  Q1 Q2 Q3 Q4 Q5 Q6 Q7  Q8 | total      Q1 = populairste_kanaal (max 1), Q2 = gemiddeld_percentage,
    s1        1  2  2  2  2  2  2  3   | 16         Q3 = aandeel_youtube, Q4 = aantal_boven_30, Q5 = top3,
    s2        1  0  2  0  2  2  2  2   | 11         Q6 = behoefte_per_platform, Q7 = eigen_profiel (max 2 each),
    s3        0  2  2  2  2  2  2  1.5 | 13.5       Q8 = advies (open question, max 3, graded by hand)
    s4        1  0  2  2  2  2  2  1   | 12
    s5        0  0  0  0  0  0  0  0   | 0          (s5 hands in the untouched release)

Q1: mean 3/5 = 0.6, full 3/5, p 0.6/1. Rit: x = (1,1,0,1,0), rest = total - x = (15,10,13.5,11,0);
mean x 0.6, mean rest 9.9; Sxy = .4·5.1 + .4·.1 − .6·3.6 + .4·1.1 − .6·(−9.9) = 6.30; Sxx = 1.20;
Syy = 26.01 + .01 + 12.96 + 1.21 + 98.01 = 138.20; r = 6.30 / √(1.20 · 138.20) = 0.4892.
Q2: x = (2,0,2,0,0), rest = (14,11,11.5,12,0): Sxy = 12.2, Sxx = 4.8, Syy = 122.8, r = 0.5025.
The other Rit values are worked the same way (see EXPECTED).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .scored_class import FIXTURES, SUM

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
A = "h01-introductie"


# question: (max, mean, full share, p, Rit) — worked out by hand from the table in the docstring
EXPECTED = {
    "h01_populairste_kanaal": (1, 0.6, 0.6, 0.6, 0.4892),
    "h01_gemiddeld_percentage": (2, 0.8, 0.4, 0.4, 0.5025),
    "h01_aandeel_youtube": (2, 1.6, 0.8, 0.8, 0.9352),
    "h01_aantal_boven_30": (2, 1.2, 0.6, 0.6, 0.6420),
    "h01_top3": (2, 1.6, 0.8, 0.8, 0.9352),
    "h01_behoefte_per_platform": (2, 1.6, 0.8, 0.8, 0.9352),
    "h01_eigen_profiel": (2, 1.6, 0.8, 0.8, 0.9352),
    "h01_advies": (3, 1.5, 0.2, 0.5, 0.7888),
}


def _env(home: Path) -> dict:
    env = dict(os.environ)
    env["PATH"] = str(BIN) + os.pathsep + env.get("PATH", "")
    env["MPLBACKEND"] = "Agg"
    env["SMMKIT_HOME"] = str(home)
    env.pop("NBGRADER_EXECUTION", None)
    env.pop("SMMKIT_GRADEBOOK", None)
    return env


def _run(cmd, cwd: Path, home: Path, timeout=900) -> subprocess.CompletedProcess:
    result = subprocess.run([str(c) for c in cmd], cwd=cwd, env=_env(home), capture_output=True, text=True,
                            timeout=timeout)
    assert result.returncode == 0, f"{cmd}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


@pytest.fixture
def graded(stock_class) -> Path:
    """The course folder of the class graded by stock nbgrader (with its gradebook.db)."""
    return stock_class


def _check_statistics(result) -> None:
    assert result.students == ["s1", "s2", "s3", "s4", "s5"]
    assert [i.name for i in result.items] == list(EXPECTED), "questions in the order of the notebook"
    assert result.totals() == {"s1": 16, "s2": 11, "s3": 13.5, "s4": 12, "s5": 0}
    for item in result.items:
        maximum, mean, full, p, rit = EXPECTED[item.name]
        assert item.max_score == maximum, item.name
        assert item.mean == pytest.approx(mean), item.name
        assert item.full_share == pytest.approx(full), item.name
        assert item.p == pytest.approx(p), item.name
        assert item.rit == pytest.approx(rit, abs=5e-4), item.name
        assert item.open == 0


def test_item_statistics_match_the_hand_computed_ones(graded):
    from smmkit.grading.items import analyse

    _check_statistics(analyse(A, graded))


def test_most_frequent_wrong_answers_are_grouped_after_normalising(graded):
    from smmkit.grading.items import analyse

    items = {i.name: i for i in analyse(A, graded).items}
    assert items["h01_gemiddeld_percentage"].wrong == [(SUM, 2), ("(niet ingevuld)", 1)]
    assert items["h01_populairste_kanaal"].wrong == [('populairste_kanaal = "Twitter"', 1), ("(niet ingevuld)", 1)]
    # the untouched widget cell still has its given instruction line; it is still "not answered"
    assert items["h01_eigen_profiel"].wrong == [("(niet ingevuld)", 1)]
    assert items["h01_advies"].wrong == [], "no answer grouping for a manually graded question"


def test_open_manual_question_is_counted_apart(graded):
    """Before the open question is graded, it counts only the graded students and is flagged."""
    from nbgrader.api import Gradebook

    from smmkit.grading.items import analyse

    url = f"sqlite:///{graded / 'gradebook.db'}"
    with Gradebook(url) as gb:
        grade = gb.find_grade("h01_advies", A, A, "s4")
        grade.manual_score = None
        grade.needs_manual_grade = True
        gb.db.commit()
    try:
        result = analyse(A, graded, db_url=url)
        items = {i.name: i for i in result.items}
        assert items["h01_advies"].open == 1
        assert items["h01_advies"].mean == pytest.approx((3 + 2 + 1.5 + 0) / 4)
        assert "h01_advies is bij 1 student(en) nog niet beoordeeld" in result.table()
        # the rest score of the others leaves the open question out: Q1 against totals without Q8
        # rest = (12, 8, 12, 10, 0), x = (1,1,0,1,0): Sxy = .4·3.6 + .4·(-.4) - .6·3.6 + .4·1.6 - .6·(-8.4)
        # = 4.80, Syy = 12.96 + .16 + 12.96 + 2.56 + 70.56 = 99.20, r = 4.80 / √(1.2 · 99.2) = 0.4399
        assert items["h01_populairste_kanaal"].rit == pytest.approx(0.4399, abs=5e-4)
    finally:
        with Gradebook(url) as gb:
            grade = gb.find_grade("h01_advies", A, A, "s4")
            grade.manual_score = 1.0
            grade.needs_manual_grade = False
            gb.db.commit()


def test_items_command_prints_a_dutch_table_and_writes_the_chart(graded, tmp_path):
    csv_path = tmp_path / "items.csv"
    out = _run([sys.executable, "-m", "smmkit.grading", "items", A, "--csv", csv_path], graded,
               graded.parent / "home").stdout
    assert "Itemanalyse van h01-introductie (5 nagekeken inzendingen)" in out
    assert "p-waarde" in out and "Rit" in out
    line = next(x for x in out.splitlines() if x.startswith("h01_populairste_kanaal "))
    assert line.split() == ["h01_populairste_kanaal", "1,0", "5", "0,60", "0,60", "0,60", "0,49"]
    assert f"2×  {SUM}" in out
    chart = graded / "autograded" / f"itemanalyse-{A}.png"
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    rows = csv_path.read_text(encoding="utf-8-sig").splitlines()
    assert rows[0].split(";")[:7] == ["vraag", "max", "n", "gemiddeld", "vol", "p-waarde", "Rit"]
    assert rows[1].split(";")[:7] == ["h01_populairste_kanaal", "1,000", "5", "0,600", "0,600", "0,600", "0,489"]


def test_items_command_explains_a_missing_gradebook_in_dutch(tmp_path):
    shutil.copy(ROOT / "nbgrader_config.py", tmp_path)
    result = subprocess.run([sys.executable, "-m", "smmkit.grading", "items", A], cwd=tmp_path,
                            env=_env(tmp_path / "home"), capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert "Er is nog geen cijferadministratie" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_class_overview_shows_submitted_graded_and_scores(graded):
    from smmkit.grading.overview import MANUAL_OPEN, NOT_SUBMITTED, SUBMITTED, overview

    result = overview(graded)
    assert result.students == ["s1", "s2", "s3", "s4", "s5", "s6", "s7"]
    assert result.assignments == [A]
    cells = {s: result.cells[(s, A)] for s in result.students}
    assert [(cells[s].score, cells[s].max_score) for s in ["s1", "s2", "s3", "s4", "s5"]] == [
        (16, 16), (11, 16), (13.5, 16), (12, 16), (0, 16)]
    assert all(cells[s].graded for s in ["s1", "s2", "s3", "s4", "s5"])
    assert cells["s6"].status == SUBMITTED and not cells["s6"].graded
    assert cells["s7"].status == NOT_SUBMITTED
    assert MANUAL_OPEN not in {c.status for c in cells.values()}
    out = _run([sys.executable, "-m", "smmkit.grading", "overview"], graded, graded.parent / "home").stdout
    table = {line.split()[0]: line.split()[1] for line in out.splitlines() if line[:1] == "s" and line[1:2].isdigit()}
    assert table == {"s1": "16,0/16", "s2": "11,0/16", "s3": "13,5/16", "s4": "12,0/16", "s5": "0,0/16",
                     "s6": "ingeleverd", "s7": "–"}
    assert "h01-introductie: 6 van 7 ingeleverd, 5 nagekeken, 0 met open handmatige vraag" in out


def test_teacher_notebook_runs_on_the_gradebook_and_is_stored_clean(graded):
    import nbformat
    from nbclient import NotebookClient

    path = ROOT / "docent" / "itemanalyse.ipynb"
    stored = nbformat.read(path, as_version=4)
    for cell in stored.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, "store the notebook without output"
    env = _env(graded.parent / "home")
    env["SMMKIT_COURSE_ROOT"] = str(graded)
    env.pop("MPLBACKEND")  # draw inline, as in JupyterLab
    old = dict(os.environ)
    os.environ.clear()
    os.environ.update(env)
    try:
        NotebookClient(stored, timeout=300, kernel_name="python3",
                       resources={"metadata": {"path": str(path.parent)}}).execute()
    finally:
        os.environ.clear()
        os.environ.update(old)
    text = "\n".join(o.get("text", "") for c in stored.cells if c.cell_type == "code" for o in c.outputs)
    assert "Klasoverzicht (7 studenten)" in text
    assert "Itemanalyse van h01-introductie (5 nagekeken inzendingen)" in text
    images = [o for c in stored.cells if c.cell_type == "code" for o in c.outputs
              if "image/png" in o.get("data", {})]
    assert len(images) == 1, "the chart shows once"
    frames = [o for c in stored.cells if c.cell_type == "code" for o in c.outputs
              if "text/html" in o.get("data", {})]
    assert frames and "p-waarde" in frames[-1]["data"]["text/html"]


def test_items_and_overview_read_a_postgresql_gradebook(postgres_url, pg_class, tmp_path):
    """The same class graded by the kit's runner into a real PostgreSQL server: the same statistics."""
    from smmkit.grading.items import analyse
    from smmkit.grading.overview import overview

    root = pg_class
    assert not (root / "gradebook.db").exists(), "graded into SQLite instead of PostgreSQL"
    _check_statistics(analyse(A, root))                       # db_url from the course's nbgrader_config.py
    # or given (--db-url), from a folder without grades: the frozen h01 the class was made from
    shutil.copy(ROOT / "nbgrader_config.py", tmp_path)
    shutil.copytree(FIXTURES / "solutions", tmp_path / "solutions")
    _check_statistics(analyse(A, tmp_path, db_url=postgres_url))
    cells = overview(root).cells
    assert (cells[("s3", A)].score, cells[("s6", A)].status, cells[("s7", A)].status) == (13.5, "ingeleverd",
                                                                                            "niet_ingeleverd")


def test_overview_csv_never_writes_a_live_formula(graded, tmp_path):
    """A student id is text a student (or a roster) chose: '-2+3' or '@x' must not run in Excel."""
    from nbgrader.api import Gradebook

    copy = tmp_path / "cursus"
    shutil.copytree(graded, copy, ignore=shutil.ignore_patterns("autograded", "feedback"))
    with Gradebook(f"sqlite:///{copy / 'gradebook.db'}") as gradebook:
        for hostile in ("-2+3", "@SUM(1+1)", "=HYPERLINK(\"http://example.invalid\")"):
            gradebook.add_student(hostile)
    csv_path = tmp_path / "overzicht.csv"
    _run([sys.executable, "-m", "smmkit.grading", "overview", "--csv", csv_path], copy, tmp_path / "home")
    import csv

    rows = list(csv.reader(csv_path.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    students = [r[0] for r in rows[1:]]
    assert {"'-2+3", "'@SUM(1+1)", "'=HYPERLINK(\"http://example.invalid\")"} <= set(students)
    assert "s1" in students and not [s for s in students if s[:1] in "=+-@"]
    s2 = next(r for r in rows if r[0] == "s2")
    assert "11,000" in s2 and "16,000" in s2, "numbers stay numbers"


def test_items_csv_escapes_text_and_keeps_negative_numbers(tmp_path):
    from smmkit.grading.items import write_csv

    path = tmp_path / "items.csv"
    write_csv([{"vraag": "=cmd|' /C calc'!A0", "max": 2.0, "n": 5, "Rit": -0.25, "open": 0,
                "foute antwoorden": "+31 6 …"}], path)
    rows = path.read_text(encoding="utf-8-sig").splitlines()
    assert rows[1].split(";") == ["'=cmd|' /C calc'!A0", "2,000", "5", "-0,250", "0", "'+31 6 …"]
