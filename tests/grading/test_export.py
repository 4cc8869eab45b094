"""LMS export: a real nbgrader gradebook (built with nbgrader's own API) and roster files in the formats
Brightspace, Canvas and Moodle export, also as Dutch Excel saves them (semicolons, Windows-1252)."""
from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from smmkit.grading import export as ex

ROOT = Path(__file__).resolve().parents[2]
A1, A2 = "h01-introductie", "h02-typen-en-kanalen"

# (auto points per code cell q1..q3 of max 4, 4, 5; manual points of m1 (max 3) or None = not graded yet)
CLASS = {
    "ajansen": ([4, 4, 5], 3),      # 16/16 -> 10.0
    "bdevries": ([4, 2.5, 0], 1),   # 7.5/16 -> 1 + 9 * 7.5 / 16 = 5.21875 -> 5.2
    "cbakker": ([0, 0, 0], 0),      # 0 -> 1.0
    "dvisser": ([4, 0, 5], None),   # open question not graded yet -> empty; auto-only 9/13 -> 7.2
    "ewit": ([2, 2, 2], 2),         # in the gradebook, not in any roster -> reported
}


def make_gradebook(root: Path, second: bool = False) -> str:
    from nbgrader.api import Gradebook

    url = f"sqlite:///{root / 'gradebook.db'}"
    with Gradebook(url, course_id="smmkit") as gb:
        for assignment in [A1] + ([A2] if second else []):
            gb.add_assignment(assignment)
            gb.add_notebook(assignment, assignment)
            for name, points in [("q1", 4), ("q2", 4), ("q3", 5)]:
                gb.add_grade_cell(name, assignment, assignment, max_score=points, cell_type="code")
            gb.add_grade_cell("m1", assignment, assignment, max_score=3, cell_type="markdown")
        for student, (auto, manual) in CLASS.items():
            gb.add_student(student)
            for assignment in [A1] + ([A2] if second and student != "cbakker" else []):
                gb.add_submission(assignment, student)
                for name, points in zip(["q1", "q2", "q3"], auto):
                    grade = gb.find_grade(name, assignment, assignment, student)
                    grade.auto_score, grade.needs_manual_grade = points, False
                grade = gb.find_grade("m1", assignment, assignment, student)
                if manual is not None:
                    grade.manual_score, grade.needs_manual_grade = manual, False
        gb.db.commit()
    return url


@pytest.fixture(scope="module")
def gradebooks(tmp_path_factory):
    one, two = tmp_path_factory.mktemp("een"), tmp_path_factory.mktemp("twee")
    make_gradebook(one)
    make_gradebook(two, second=True)
    return one / "gradebook.db", two / "gradebook.db"


@pytest.fixture
def course(tmp_path, gradebooks):
    shutil.copy(ROOT / "nbgrader_config.py", tmp_path)
    shutil.copy(gradebooks[0], tmp_path / "gradebook.db")
    return tmp_path


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    return path


BRIGHTSPACE_ROSTER = """OrgDefinedId,Username,Last Name,First Name,Email,h01-introductie Points Grade <Numeric MaxPoints:10>,End-of-Line Indicator
#0100234,#ajansen,Jansen,Anna,a.jansen@student.example.nl,,#
#0100235,#BdeVries,de Vries,Bram,b.devries@student.example.nl,,#
#0100236,#cbakker,Bakker,Chantal,c.bakker@student.example.nl,,#
#0100237,#dvisser,Visser,Daan,d.visser@student.example.nl,,#
#0100238,#fmulder,Mulder,Fleur,f.mulder@student.example.nl,,#
"""

# Dutch Excel opened and saved the Brightspace export: semicolons, ANSI, a decimal comma in a grade
BRIGHTSPACE_ROSTER_EXCEL = """OrgDefinedId;Username;Last Name;First Name;Email;h01-introductie Points Grade <Numeric MaxPoints:10>;End-of-Line Indicator
#0100234;#ajansen;Jansen;Anna;a.jansen@student.example.nl;7,5;#
#0100235;#bdevries;de Vries;Bram;b.devries@student.example.nl;;#
#0100236;#cbakker;Bakker-Özdemir;Chantal;c.bakker@student.example.nl;;#
#0100237;#dvisser;Visser;Daan;d.visser@student.example.nl;;#
#0100238;#fmulder;Mulder;Fleur;f.mulder@student.example.nl;;#
"""

CANVAS_ROSTER = """Student,ID,SIS User ID,SIS Login ID,Section,h01-introductie (48213),Current Score,Final Score
    Points Possible,,,,,10,(read only),(read only)
"Jansen, Anna",1001,100234,ajansen,Klas A,,,
"de Vries, Bram",1002,100235,bdevries,Klas A,,,
"Bakker, Chantal",1003,100236,cbakker,Klas B,,,
"Visser, Daan",1004,100237,dvisser,Klas B,,,
"Mulder, Fleur",1005,100238,fmulder,Klas B,,,
"""

MOODLE_ROSTER_NL = """Voornaam;Achternaam;ID-nummer;Instituut;Afdeling;E-mailadres;Opdracht: h01-introductie (Echt)
Anna;Jansen;100234;HS;SMM;ajansen@student.example.nl;-
Bram;de Vries;100235;HS;SMM;bdevries@student.example.nl;-
Chantal;Bakker;100236;HS;SMM;cbakker@student.example.nl;-
Daan;Visser;100237;HS;SMM;dvisser@student.example.nl;-
Fleur;Mulder;100238;HS;SMM;fmulder@student.example.nl;-
"""


def read_output(path: Path, delimiter: str = ",", encoding: str = "utf-8") -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding=encoding)), delimiter=delimiter))


def run_export(course, lms, roster, **kwargs):
    lines = []
    path = ex.export(course, kwargs.pop("assignments", [A1]), lms, roster, out=lines.append, **kwargs)
    return path, "\n".join(lines)


def test_dutch_grade_with_cesuur_one_half_is_one_plus_nine_times_the_share_rounded_half_up():
    assert ex.dutch_grade(16, 16, 0.5) == Decimal("10.0")
    assert ex.dutch_grade(0, 16, 0.5) == Decimal("1.0")
    assert ex.dutch_grade(7.5, 16, 0.5) == Decimal("5.2")
    assert ex.dutch_grade(1.5, 6, 0.5) == Decimal("3.3")  # 3.25: half up, where round() and floats give 3.2
    assert ex.dutch_grade(1, 3, 0.5) == Decimal("4.0")


def test_the_cesuur_puts_the_five_and_a_half_at_that_share_of_the_points():
    """Default 0.55: 55 % of the points is a 5.5, linear from 1 below it and up to 10 above it."""
    assert ex.DEFAULT_CESUUR == 0.55
    assert ex.dutch_grade(8.8, 16) == Decimal("5.5")  # 55 %
    assert ex.dutch_grade(7.5, 16) == Decimal("4.8")  # 46.9 %: 1 + 4.5 × 0.469 / 0.55 = 4.84
    assert ex.dutch_grade(8, 16) == Decimal("5.1")  # 50 % fails with a 55 % cut-off (was 5.5)
    assert ex.dutch_grade(0.775, 1) == Decimal("7.8")  # 5.5 + 4.5 × 0.225 / 0.45 = 7.75, half up
    assert ex.dutch_grade(0, 16) == Decimal("1.0") and ex.dutch_grade(16, 16) == Decimal("10.0")
    assert ex.dutch_grade(0.6, 1, 0.6) == Decimal("5.5") and ex.dutch_grade(0.55, 1, 0.6) == Decimal("5.1")
    for bad in (0, 1, 55, -0.5):
        with pytest.raises(ex.ExportError, match="tussen 0 en 1"):
            ex.dutch_grade(5, 10, bad)


def test_brightspace_import_file(course, tmp_path):
    roster = write(tmp_path / "brightspace.csv", BRIGHTSPACE_ROSTER)
    path, report = run_export(course, "brightspace", roster)
    rows = read_output(path)
    assert rows[0] == ["OrgDefinedId", "Username", f"{A1} Points Grade", "End-of-Line Indicator"]
    body = {r[1]: r for r in rows[1:]}
    assert body["#ajansen"] == ["#0100234", "#ajansen", "10.0", "#"]  # leading zero kept behind the #
    assert body["#BdeVries"][2] == "4.8", "ids match without case"
    assert body["#cbakker"][2] == "1.0"
    assert body["#dvisser"][2] == "", "open question not graded yet: no grade (Brightspace keeps the row)"
    assert body["#fmulder"][2] == "", "no submission: no grade"
    assert "cesuur 0,55" in report and "Brightspace verandert dan niets" in report
    assert all(r[-1] == "#" for r in rows[1:]) and len(rows) == 6
    assert "ewit" in report and "niet in de studentenlijst" in report
    assert "fmulder" in report and "niets ingeleverd" in report
    assert "dvisser" in report and "formgrader" in report
    assert "Username" in report and "maximaal 10 punten" in report


def test_brightspace_from_dutch_excel_roster_and_points(course, tmp_path):
    roster = write(tmp_path / "excel.csv", BRIGHTSPACE_ROSTER_EXCEL, encoding="cp1252")
    path, report = run_export(course, "brightspace", roster, scale="points", items=["Opdracht 1"])
    rows = read_output(path)
    assert rows[0] == ["OrgDefinedId", "Username", "Opdracht 1 Points Grade", "End-of-Line Indicator"]
    body = {r[1]: r[2] for r in rows[1:]}
    assert body == {"#ajansen": "16", "#bdevries": "7.5", "#cbakker": "0", "#dvisser": "", "#fmulder": ""}
    assert "maximaal 16 punten" in report


def test_canvas_import_file_uses_the_assignment_id_from_the_canvas_export(course, tmp_path):
    roster = write(tmp_path / "canvas.csv", CANVAS_ROSTER)
    path, report = run_export(course, "canvas", roster)
    rows = read_output(path)
    assert rows[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", f"{A1} (48213)"]
    assert rows[1] == ["Points Possible", "", "", "", "", "10"]
    body = {r[3]: r for r in rows[2:]}
    assert body["ajansen"] == ["Jansen, Anna", "1001", "100234", "ajansen", "Klas A", "10.0"]
    assert body["bdevries"][-1] == "4.8"
    assert "fmulder" not in body and "dvisser" not in body, "a blank would clear a grade already in Canvas"
    assert "weggelaten uit het Canvas-bestand" in report and "fmulder" in report and "dvisser" in report
    assert "SIS Login ID" in report and "ewit" in report
    assert "nieuwe opdracht" not in report


def test_canvas_without_assignment_id_says_canvas_makes_a_new_assignment(course, tmp_path):
    roster = write(tmp_path / "canvas.csv", CANVAS_ROSTER.replace(f"{A1} (48213)", "Iets anders (1)"))
    path, report = run_export(course, "canvas", roster, scale="points")
    rows = read_output(path)
    assert rows[0][-1] == A1 and rows[1][-1] == "16"
    assert "nieuwe opdracht" in report


def test_moodle_dutch_roster_by_email_and_dutch_excel_output(course, tmp_path):
    roster = write(tmp_path / "moodle.csv", MOODLE_ROSTER_NL, encoding="cp1252")
    path, report = run_export(course, "moodle", roster, excel_nl=True, auto_only=True)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Dutch Excel needs the BOM to read UTF-8"
    rows = read_output(path, delimiter=";", encoding="utf-8-sig")
    assert rows[0] == ["E-mailadres", A1], "the nbgrader ids are the part of the email before the @"
    body = {r[0]: r[1] for r in rows[1:]}
    assert body["ajansen@student.example.nl"] == "10,0"
    assert body["bdevries@student.example.nl"] == "5,1"  # auto only: 50 %, 1 + 4.5 × 0.5 / 0.55
    assert body["dvisser@student.example.nl"] == "6,9", "auto-only grades what waits for the formgrader"
    assert "fmulder@student.example.nl" not in body and "weggelaten" in report
    assert "E-mailadres" in report and "Gebruiker identificeren" in report


def test_moodle_by_chosen_id_column(course, tmp_path):
    roster = write(tmp_path / "moodle.csv", MOODLE_ROSTER_NL.replace("ajansen@", "anna.jansen@"))
    with pytest.raises(ex.ExportError, match="Geen kolom .* past"):
        run_export(course, "moodle", roster, id_column="ID-nummer")  # numbers match no nbgrader id
    with pytest.raises(ex.ExportError, match="Kolom X"):
        run_export(course, "moodle", roster, id_column="Kolom X")
    path, report = run_export(course, "moodle", roster)
    body = {r[0]: r[1] for r in read_output(path)[1:]}
    assert "anna.jansen@student.example.nl" not in body, "not matched: left out (a blank clears in Moodle)"
    assert "ajansen" in report and "anna.jansen" in report


def test_all_assignments_one_column_each(tmp_path, gradebooks):
    shutil.copy(ROOT / "nbgrader_config.py", tmp_path)
    shutil.copy(gradebooks[1], tmp_path / "gradebook.db")
    roster = write(tmp_path / "brightspace.csv", BRIGHTSPACE_ROSTER)
    path, report = run_export(tmp_path, "brightspace", roster, assignments=None)
    rows = read_output(path)
    assert path.name == "cijfers-alle-brightspace.csv"
    assert rows[0] == ["OrgDefinedId", "Username", f"{A1} Points Grade", f"{A2} Points Grade",
                       "End-of-Line Indicator"]
    body = {r[1]: r[2:4] for r in rows[1:]}
    assert body["#ajansen"] == ["10.0", "10.0"] and body["#cbakker"] == ["1.0", ""]
    assert f"niets ingeleverd voor {A2}" in report and "cbakker" in report


def test_unknown_assignment_and_brightspace_roster_without_ids(course, tmp_path):
    roster = write(tmp_path / "brightspace.csv", BRIGHTSPACE_ROSTER)
    with pytest.raises(ex.ExportError, match="h09-bestaat-niet staat niet in het gradebook"):
        run_export(course, "brightspace", roster, assignments=["h09-bestaat-niet"])
    only_email = write(tmp_path / "email.csv", "Email;Naam\najansen@student.example.nl;Anna\n")
    with pytest.raises(ex.ExportError, match="OrgDefinedId of Username"):
        run_export(course, "brightspace", only_email)


def test_command_line(course, tmp_path):
    roster = write(tmp_path / "canvas.csv", CANVAS_ROSTER)
    out = tmp_path / "uit" / "canvas-import.csv"
    result = subprocess.run([sys.executable, "-m", "smmkit.grading", "export", A1, "--lms", "canvas",
                             "--roster", roster, "--to", out, "--root", course],
                            capture_output=True, text=True, cwd=course)
    assert result.returncode == 0, result.stderr
    assert "Geschreven" in result.stdout and "ewit" in result.stdout
    assert read_output(out)[2][-1] == "10.0"
    result = subprocess.run([sys.executable, "-m", "smmkit.grading", "export", "--lms", "canvas",
                             "--roster", roster, "--root", course], capture_output=True, text=True, cwd=course)
    assert result.returncode == 2 and "--all" in result.stderr


def test_no_gradebook_is_never_created(tmp_path):
    shutil.copy(ROOT / "nbgrader_config.py", tmp_path)
    roster = write(tmp_path / "brightspace.csv", BRIGHTSPACE_ROSTER)
    with pytest.raises(ex.ExportError, match="geen gradebook"):
        run_export(tmp_path, "brightspace", roster)
    assert not (tmp_path / "gradebook.db").exists()


def test_canvas_names_cannot_be_formulas_but_ids_stay_as_canvas_gave_them(course, tmp_path):
    """A hostile display name must not run in Excel; the ids Canvas matches on are never changed."""
    hostile = CANVAS_ROSTER.replace('"Jansen, Anna"', '"=HYPERLINK(""http://example.invalid"",""klik"")"') \
        .replace("Klas B,,,\n", "@Klas B,,,\n", 1).replace("100235,bdevries", "@100235,bdevries")
    roster = write(tmp_path / "canvas.csv", hostile)
    path, report = run_export(course, "canvas", roster)
    body = {r[3]: r for r in read_output(path)[2:]}
    assert body["ajansen"] == ["'=HYPERLINK(\"http://example.invalid\",\"klik\")", "1001", "100234", "ajansen",
                               "Klas A", "10.0"]
    assert body["cbakker"][4] == "'@Klas B" and body["bdevries"][4] == "Klas A"
    assert body["bdevries"][2] == "@100235", "an id the LMS matches on is written as the LMS exported it"
    assert "'@100235'" in report and "Excel" in report, "and the teacher is told"


def test_moodle_excel_nl_keeps_ids_and_numbers(course, tmp_path):
    # matched by the username; the email address goes along as Moodle's second key, as Moodle gave it
    text = MOODLE_ROSTER_NL.replace("Voornaam;", "Gebruikersnaam;Voornaam;").replace("\nAnna;", "\najansen;Anna;")
    text = text.replace("\nBram;", "\nbdevries;Bram;").replace("ajansen@", "=ajansen@")
    roster = write(tmp_path / "moodle.csv", text, encoding="cp1252")
    path, report = run_export(course, "moodle", roster, excel_nl=True, id_column="Gebruikersnaam")
    rows = read_output(path, delimiter=";", encoding="utf-8-sig")
    assert ["ajansen", "=ajansen@student.example.nl", "10,0"] in rows[1:]
    assert "'=ajansen@student.example.nl'" in report


@pytest.mark.parametrize("lms", ["canvas", "moodle"])
def test_all_assignments_with_a_gap_become_one_file_per_assignment_in_moodle_and_canvas(tmp_path, gradebooks, lms):
    """cbakker has a grade for h01 and none for h02: in one file her h02 cell would be blank, which
    clears an h02 grade already in Moodle or Canvas. The kit writes one file per assignment instead."""
    shutil.copy(ROOT / "nbgrader_config.py", tmp_path)
    shutil.copy(gradebooks[1], tmp_path / "gradebook.db")
    roster = write(tmp_path / "lijst.csv", CANVAS_ROSTER if lms == "canvas" else MOODLE_ROSTER_NL)
    path, report = run_export(tmp_path, lms, roster, assignments=None)
    files = sorted(p.name for p in tmp_path.glob("cijfers-*.csv"))
    assert files == [f"cijfers-{A1}-{lms}.csv", f"cijfers-{A2}-{lms}.csv"], files
    assert "één bestand per opdracht" in report
    for name in files:
        rows = read_output(tmp_path / name)
        assert all(cell != "" for row in rows[1:] for cell in row[-1:]), (name, rows)
    second = read_output(tmp_path / f"cijfers-{A2}-{lms}.csv")
    assert not any("cbakker" in cell for row in second for cell in row)


def test_cesuur_on_the_command_line(course, tmp_path):
    roster = write(tmp_path / "brightspace.csv", BRIGHTSPACE_ROSTER)
    out = tmp_path / "b.csv"
    for cesuur, expected in (("0.5", "5.2"), ("0.6", "4.5")):
        result = subprocess.run([sys.executable, "-m", "smmkit.grading", "export", A1, "--lms", "brightspace",
                                 "--roster", roster, "--to", out, "--root", course, "--cesuur", cesuur],
                                capture_output=True, text=True, cwd=course)
        assert result.returncode == 0, result.stderr
        assert {r[1]: r[2] for r in read_output(out)[1:]}["#BdeVries"] == expected
    result = subprocess.run([sys.executable, "-m", "smmkit.grading", "export", A1, "--lms", "brightspace",
                             "--roster", roster, "--root", course, "--cesuur", "55"],
                            capture_output=True, text=True, cwd=course)
    assert result.returncode == 1 and "tussen 0 en 1" in result.stderr


def test_the_cesuur_and_scale_live_in_nbgrader_config_and_a_flag_wins(course, tmp_path):
    """c.GradeExport in the course's nbgrader_config.py sets the course's cut-off; --cesuur still wins."""
    with open(course / "nbgrader_config.py", "a", encoding="utf-8") as handle:
        handle.write("\nc.GradeExport.cesuur = 0.6\nc.GradeExport.excel_nl = True\n")
    roster = write(tmp_path / "brightspace.csv", BRIGHTSPACE_ROSTER)
    out = tmp_path / "b.csv"
    ex.export(course, [A1], "brightspace", roster, to=out, out=lambda _line: None)
    assert {r[1]: r[2] for r in read_output(out, ";", "utf-8-sig")[1:]}["#BdeVries"] == "4,5", "0.6 and Excel from the config"
    ex.export(course, [A1], "brightspace", roster, to=out, out=lambda _line: None, cesuur=0.5, excel_nl=False)
    assert {r[1]: r[2] for r in read_output(out)[1:]}["#BdeVries"] == "5.2", "the given values win"
    with open(course / "nbgrader_config.py", "a", encoding="utf-8") as handle:
        handle.write("\nc.GradeExport.cesuur = 55\n")
    with pytest.raises(ex.ExportError, match="tussen 0 en 1"):
        ex.export(course, [A1], "brightspace", roster, to=out, out=lambda _line: None)
