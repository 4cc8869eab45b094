"""Real ``nbgrader zip_collect`` with the kit's LmsCollector on downloads named as each LMS names them.

The file names follow each LMS's scheme ("download all submissions"):
Brightspace ``<n>-<n> - <name> - <Mon D, YYYY HHMM AM> - <file>`` next to an index.html; Canvas
``<lastfirst>_[LATE_]<user id>_<submission id>_<file>`` with ``-1`` on a resubmitted file; Moodle
``<Full Name>_<participant id>_assignsubmission_file_<file>``, flat or one folder per submission.
Each roster is a CSV as the LMS exports it (Canvas's gradebook with its Points Possible row; a Dutch
Excel semicolon file in Windows-1252 for Moodle; Brightspace's ``#`` before OrgDefinedId).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
A = "h01-introductie"
NB = f"{A}.ipynb"

ROSTERS = {
    "canvas": ("Student,ID,SIS User ID,SIS Login ID,Section\n"
               "    Points Possible,,,,\n"
               '"Vries, Jan de",12345,s1000001,jdevries,Klas A\n'
               '"Jansen, Piet",12346,s1000002,pjansen,Klas A\n').encode("utf-8"),
    "moodle": ("First name;Last name;ID number;Email address\n"
               "Jan;de Vries;s1000001;jan@example.org\n"
               "Piet;Jansen;s1000002;piet@example.org\n"
               "Émile;Dupré;s1000003;emile@example.org\n").encode("cp1252"),
    "brightspace": ("OrgDefinedId,Username,Last Name,First Name,Email,End-of-Line Indicator\n"
                    "#s1000001,#jdevries,de Vries,Jan,jan@example.org,#\n"
                    "#s1000002,#pjansen,Jansen,Piet,piet@example.org,#\n"
                    "#s1000004,#abakker1,Bakker,Anna,anna1@example.org,#\n"
                    "#s1000005,#abakker2,Bakker,Anna,anna2@example.org,#\n").encode("utf-8"),
}
# zip member -> (student it must end up with, file name in submitted/) or None: skipped
FILES = {
    "canvas": {
        f"vriesjande_12345_678901_{NB}": ("s1000001", NB),
        f"jansenpiet_LATE_12346_678902_{A}-1.ipynb": ("s1000002", NB),
        "jansenpiet_LATE_12346_678902_h01_behoeften.json": ("s1000002", "h01_behoeften.json"),
        f"onbekendkees_99999_678903_{NB}": None,
    },
    "moodle": {
        f"Jan de Vries_1001_assignsubmission_file_/{NB}": ("s1000001", NB),
        f"Piet Jansen_1002_assignsubmission_file_{NB}": ("s1000002", NB),
        f"Émile Dupré_1003_assignsubmission_file_/{NB}": ("s1000003", NB),
        f"Kees Onbekend_1004_assignsubmission_file_/{NB}": None,
    },
    "brightspace": {
        f"123-456 - Jan de Vries - Dec 1, 2026 1045 PM - {NB}": ("s1000001", NB),
        f"125-457 - Piet Jansen - Dec 1, 2026 905 AM - {NB}": None,  # older than the next one
        f"124-457 - Piet Jansen - Dec 2, 2026 905 AM - {NB}": ("s1000002", NB),
        f"126-460 - Anna Bakker - Dec 2, 2026 1100 AM - {NB}": None,  # two Anna Bakkers on the roster
        "index.html": None,
    },
}


def _env(home: Path) -> dict:
    env = dict(os.environ)
    env["PATH"] = str(BIN) + os.pathsep + env.get("PATH", "")
    env["SMMKIT_HOME"] = str(home)
    return env


@pytest.mark.parametrize("lms", ["brightspace", "canvas", "moodle"])
def test_zip_collect_sorts_an_lms_download_into_submitted(tmp_path, lms):
    root = tmp_path / "cursus"
    (root / "exercises").mkdir(parents=True)
    shutil.copy(ROOT / "nbgrader_config.py", root)
    shutil.copytree(ROOT / "exercises" / A, root / "exercises" / A)
    archive = root / "downloaded" / A / "archive"
    archive.mkdir(parents=True)
    contents = {}
    with zipfile.ZipFile(archive / f"{lms}-download.zip", "w") as zf:
        for k, member in enumerate(FILES[lms]):
            contents[member] = f'{{"member": {k}, "lms": "{lms}"}}\n'.encode()
            zf.writestr(member, contents[member])
    roster = root / f"{lms}-lijst.csv"
    roster.write_bytes(ROSTERS[lms])

    result = subprocess.run(
        [BIN / "nbgrader", "zip_collect", A, "--ZipCollectApp.collector_plugin=smmkit.grading.collect.LmsCollector",
         f"--LmsCollector.lms={lms}", f"--LmsCollector.roster={roster}"],
        cwd=root, env=_env(tmp_path / "home"), capture_output=True, text=True, timeout=300)
    log = result.stdout + result.stderr
    assert result.returncode == 0, log

    expected: dict[Path, bytes] = {}
    for member, target in FILES[lms].items():
        if target:
            expected[root / "submitted" / target[0] / A / target[1]] = contents[member]
    found = {p: p.read_bytes() for p in (root / "submitted").rglob("*") if p.is_file() and p.name != "timestamp.txt"}
    assert found == expected
    assert "staat niet in de studentenlijst" in log or lms == "brightspace"
    if lms == "brightspace":
        assert "past bij meer studenten (s1000004, s1000005)" in log
        stamp = root / "submitted" / "s1000002" / A / "timestamp.txt"
        assert stamp.read_text().startswith("2026-12-02 09:05:00")
    # every downloaded file is still there, collected or not
    extracted = {p.name for p in (root / "downloaded" / A / "extracted").rglob("*") if p.is_file()}
    assert {Path(m).name for m in FILES[lms]} <= extracted


def test_roster_matches_names_without_case_accents_or_word_order():
    from smmkit.grading.collect import Roster, name_key

    assert name_key("Vries, Jan de") == name_key("jan DE vries") == name_key("Jan de Vries")
    assert name_key("Émile Dupré") == name_key("Emile Dupre")
    roster = Roster([{"Name": "Vries, Jan de", "student_id": "s1"}], "brightspace")
    assert roster.find(None, "Jan de Vries") == ("s1", "")
    student, reason = roster.find(None, "Jan Vries")
    assert student is None and "staat niet in de studentenlijst" in reason


@pytest.mark.parametrize("lms", ["brightspace", "canvas", "moodle"])
def test_make_class_download_is_collected_whole(tmp_path, lms):
    """The guide's try-out (tools/make_class.py --lms): every generated submission lands with its student."""
    import importlib.util
    import json

    root = tmp_path / "cursus"
    for folder in ("exercises", "solutions"):
        shutil.copytree(ROOT / folder / A, root / folder / A)
    shutil.copy(ROOT / "nbgrader_config.py", root)
    subprocess.run([sys.executable, ROOT / "tools" / "make_class.py", A, "--root", root, "--lms", lms, "--n", "12"],
                   check=True, capture_output=True, timeout=120)
    result = subprocess.run(
        [BIN / "nbgrader", "zip_collect", A, "--ZipCollectApp.collector_plugin=smmkit.grading.collect.LmsCollector",
         f"--LmsCollector.lms={lms}", f"--LmsCollector.roster={root / f'{lms}-studenten.csv'}"],
        cwd=root, env=_env(tmp_path / "home"), capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    spec = importlib.util.spec_from_file_location("make_class", ROOT / "tools" / "make_class.py")
    make_class = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_class)
    release, source = make_class.load_pair(root, A)
    expected = {s: make_class.submission(release, source, a, s)
                for s, a in make_class.plan(release, 12, 2026).items() if a is not None}
    found = {p.parts[-3]: json.loads(p.read_text()) for p in (root / "submitted").glob(f"*/{A}/{NB}")}
    assert found == expected
    work = {s: make_class.saved_work(A, s, a) for s, a in make_class.plan(release, 12, 2026).items() if a is not None}
    saved = {p.parts[-3]: {p.name: p.read_text()} for p in (root / "submitted").glob(f"*/{A}/*.json")}
    assert saved == {s: w for s, w in work.items() if w} and saved, "the saved widget work comes along"


@pytest.mark.parametrize("lms", ["brightspace", "canvas", "moodle"])
def test_make_class_roster_has_no_formulas_and_still_collects(tmp_path, monkeypatch, lms):
    """A teacher who edits the practice names of tools/make_class.py to =HYPERLINK(…) gets a roster
    that Excel opens as text (a ' in front, smmkit.csvsafe), and the collector still finds everyone."""
    import csv
    import importlib.util
    import io
    import re

    from smmkit.csvsafe import starts_formula
    from smmkit.grading.collect import REGEXPS, Roster, read_roster

    spec = importlib.util.spec_from_file_location("make_class", ROOT / "tools" / "make_class.py")
    make_class = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_class)
    formula = '=HYPERLINK("example.org";"klik")'  # no / : that would be a folder in the zip
    monkeypatch.setattr(make_class, "FIRST", [formula, "@Anna", "Piet"])
    monkeypatch.setattr(make_class, "LAST", ["-Smit", "+31 Jansen", "de Vries"])
    students = [f"s100000{i}" for i in range(5)]
    zip_path, roster_path = make_class.lms_download(tmp_path, A, lms, {s: "{}" for s in students})
    rows = list(csv.reader(io.StringIO(roster_path.read_text(encoding="utf-8"))))
    cells = [cell for row in rows for cell in row]
    assert not [cell for cell in cells if starts_formula(cell)], rows
    assert any(cell.startswith("'" + formula) or cell.startswith("'-Smit") for cell in cells), rows
    assert all(s in roster_path.read_text(encoding="utf-8") for s in students), "ids stay as they are"
    roster = Roster(read_roster(roster_path), lms)
    with zipfile.ZipFile(zip_path) as zf:
        members = [m for m in zf.namelist() if m.endswith(NB)]
    found = set()
    for member in members:
        match = re.match(REGEXPS[lms], "download/" + member)
        assert match, member
        student, reason = roster.find(match.groupdict().get("lms_id"), match.group("name"))
        assert student, reason
        found.add(student)
    assert found == set(students)
