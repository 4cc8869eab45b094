"""Real ``nbgrader zip_collect`` with the kit's LmsCollector on downloads named as each LMS names them.

The file names follow each LMS's scheme ("download all submissions"):
Brightspace ``<n>-<n> - <name> - <Mon D, YYYY HHMM AM> - <file>`` next to an index.html; Canvas
``<lastfirst>_[LATE_]<user id>_<submission id>_<file>`` with ``-1`` on a resubmitted file; Moodle
``<Full Name>_<participant id>_assignsubmission_file_<file>``, flat or one folder per submission.
Each roster is a CSV as the LMS exports it (Canvas's gradebook with its Points Possible row; a Dutch
Excel semicolon file in Windows-1252 for Moodle; Brightspace's ``#`` before OrgDefinedId).
"""
from __future__ import annotations

import io
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
        assert stamp.read_text().startswith("2026-12-02 08:05:00")  # 09:05 in Amsterdam (CET), in UTC
    # every downloaded file is still there, collected or not
    extracted = {p.name for p in (root / "downloaded" / A / "extracted").rglob("*") if p.is_file()}
    assert {Path(m).name for m in FILES[lms]} <= extracted

    # the bulk feedback zip names each feedback file as the LMS named that student's submission
    from smmkit.grading.export import feedback_zip

    for student in {t[0] for t in FILES[lms].values() if t}:
        (root / "feedback" / student / A).mkdir(parents=True)
        (root / "feedback" / student / A / f"{A}.html").write_text(f"<p>{student}</p>")
    with zipfile.ZipFile(feedback_zip(root, A, lms, out=lambda line: None)) as zf:
        names = sorted(zf.namelist())
    expected_names = {
        "canvas": [f"jansenpiet_LATE_12346_678902_{A}.html", f"vriesjande_12345_678901_{A}.html"],
        "moodle": [f"Jan de Vries_1001_assignsubmission_file_{A}.html", f"Piet Jansen_1002_assignsubmission_file_{A}.html",
                   f"Émile Dupré_1003_assignsubmission_file_{A}.html"],
        "brightspace": [f"123-456 - Jan de Vries - Dec 1, 2026 1045 PM - {A}.html",
                        f"124-457 - Piet Jansen - Dec 2, 2026 905 AM - {A}.html"],
    }[lms]
    assert names == expected_names


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
    # widget work handed in beside the notebook lands with its student (no assignment grades a side file
    # any more since issue #18, so today that is none, and nothing else either)
    assert saved == {s: w for s, w in work.items() if w}, "the saved widget work comes along"


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


# --- attacks: a student names a file or folder like an LMS entry, or ships links and special files ---------

def _course(tmp_path: Path) -> Path:
    root = tmp_path / "cursus"
    (root / "exercises").mkdir(parents=True)
    shutil.copy(ROOT / "nbgrader_config.py", root)
    shutil.copytree(ROOT / "exercises" / A, root / "exercises" / A)
    (root / "downloaded" / A / "archive").mkdir(parents=True)
    return root


def _zip(root: Path, lms: str, members: dict[str, bytes]) -> None:
    with zipfile.ZipFile(root / "downloaded" / A / "archive" / f"{lms}-download.zip", "w") as zf:
        for member, data in members.items():
            zf.writestr(member, data)


def _zip_collect(root: Path, lms: str, home: Path) -> subprocess.CompletedProcess:
    roster = root / f"{lms}-lijst.csv"
    roster.write_bytes(ROSTERS[lms])
    return subprocess.run(
        [BIN / "nbgrader", "zip_collect", A, "--ZipCollectApp.collector_plugin=smmkit.grading.collect.LmsCollector",
         f"--LmsCollector.lms={lms}", f"--LmsCollector.roster={roster}"],
        cwd=root, env=_env(home), capture_output=True, text=True, timeout=300)


def _submitted(root: Path) -> dict[str, bytes]:
    base = root / "submitted"
    return {str(p.relative_to(base)): p.read_bytes() for p in sorted(base.rglob("*"))
            if p.is_file() and p.name != "timestamp.txt"} if base.is_dir() else {}


JAN, PIET, FAKE = b'{"van": "Jan"}\n', b'{"van": "Piet"}\n', b'{"van": "Piet, als Jan"}\n'


@pytest.mark.parametrize("jan_handed_in", [True, False])
def test_moodle_a_file_named_like_a_classmates_entry_never_becomes_hers(tmp_path, jan_handed_in):
    """Piet's Moodle folder holds a file named as Moodle names Jan's flat entry. Before: with Jan's own
    notebook there, zip_collect stopped for the whole class (duplicate without a time); without it,
    Piet's file became Jan's submission."""
    root = _course(tmp_path)
    members = {f"Piet Jansen_1002_assignsubmission_file_/{NB}": PIET,
               f"Piet Jansen_1002_assignsubmission_file_/Jan de Vries_1001_assignsubmission_file_{NB}": FAKE}
    if jan_handed_in:
        members[f"Jan de Vries_1001_assignsubmission_file_/{NB}"] = JAN
    _zip(root, "moodle", members)
    result = _zip_collect(root, "moodle", tmp_path / "home")
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    expected = {f"s1000002/{A}/{NB}": PIET}
    if jan_handed_in:
        expected[f"s1000001/{A}/{NB}"] = JAN
    assert _submitted(root) == expected
    assert "staat in de inzending van s1000002, maar de naam wijst naar s1000001" in log


def test_brightspace_a_newer_time_in_a_file_name_does_not_replace_a_classmate(tmp_path):
    """Before: Piet's file, named as Brightspace names Jan's entry but with a later time, replaced Jan's notebook."""
    root = _course(tmp_path)
    _zip(root, "brightspace", {
        f"123-456 - Jan de Vries - Dec 1, 2026 1045 PM/{NB}": JAN,
        f"124-457 - Piet Jansen - Dec 2, 2026 905 AM/{NB}": PIET,
        f"124-457 - Piet Jansen - Dec 2, 2026 905 AM/123-456 - Jan de Vries - Dec 3, 2026 1000 AM - {NB}": FAKE,
    })
    result = _zip_collect(root, "brightspace", tmp_path / "home")
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    assert _submitted(root) == {f"s1000001/{A}/{NB}": JAN, f"s1000002/{A}/{NB}": PIET}
    assert "de naam wijst naar s1000001" in log
    assert (root / "submitted" / "s1000001" / A / "timestamp.txt").read_text().startswith("2026-12-01 21:45:00")


def test_brightspace_late_work_cannot_be_backdated_by_its_file_name(tmp_path):
    """Piet hands in on 9 December; his file carries his own entry name with 30 November. Before: nbgrader's
    timestamp became 30 November (not late)."""
    root = _course(tmp_path)
    _zip(root, "brightspace", {
        f"124-457 - Piet Jansen - Dec 9, 2026 905 AM/124-457 - Piet Jansen - Nov 30, 2026 905 AM - {NB}": PIET,
    })
    result = _zip_collect(root, "brightspace", tmp_path / "home")
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    assert _submitted(root) == {f"s1000002/{A}/{NB}": PIET}, "his own file, under the name of the assignment"
    assert (root / "submitted" / "s1000002" / A / "timestamp.txt").read_text().startswith("2026-12-09 08:05:00")
    assert "de tijd in de bestandsnaam (2026-11-30 09:05) is genegeerd" in log


def test_canvas_a_zip_handed_in_cannot_carry_a_classmates_entry(tmp_path):
    """Canvas downloads are flat, but a zip a student hands in is unpacked into a folder by zip_collect;
    inside it Piet names a file as Canvas names Jan's. Before: zip_collect stopped for the class."""
    root = _course(tmp_path)
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as zf:
        zf.writestr(f"vriesjande_12345_678901_{NB}", FAKE)
    _zip(root, "canvas", {f"vriesjande_12345_678901_{NB}": JAN,
                          "jansenpiet_12346_678902_inlevering.zip": inner.getvalue(),
                          f"jansenpiet_12346_678902_{NB}": PIET})
    result = _zip_collect(root, "canvas", tmp_path / "home")
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    assert _submitted(root) == {f"s1000001/{A}/{NB}": JAN, f"s1000002/{A}/{NB}": PIET}
    assert "de naam wijst naar s1000001" in log


def test_a_duplicate_without_a_time_is_warned_and_skipped_not_fatal(tmp_path):
    """Two files of one student that land on the same name (here: one carries her own Moodle prefix).
    Before: 'Duplicate submission file. No timestamps for comparison' stopped zip_collect for everyone."""
    root = _course(tmp_path)
    _zip(root, "moodle", {
        f"Jan de Vries_1001_assignsubmission_file_/{NB}": JAN,
        f"Piet Jansen_1002_assignsubmission_file_/{NB}": PIET,
        f"Piet Jansen_1002_assignsubmission_file_/Piet Jansen_1002_assignsubmission_file_{NB}": FAKE,
    })
    result = _zip_collect(root, "moodle", tmp_path / "home")
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    assert _submitted(root) == {f"s1000001/{A}/{NB}": JAN, f"s1000002/{A}/{NB}": PIET}
    assert f"overgeslagen: s1000002 heeft al een {NB}" in log


def test_links_and_special_members_of_a_zip_are_refused(tmp_path):
    """Zip members whose mode says symbolic link or device, and a tar with a link and a FIFO. Before: the
    zip's link and device were written as ordinary files and collected as the student's notebook."""
    import tarfile

    root = _course(tmp_path)
    members = {}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        link = zipfile.ZipInfo(f"Piet Jansen_1002_assignsubmission_file_/{NB}")
        link.external_attr = (0o120777 << 16)
        zf.writestr(link, "../../../../../gradebook.db")
        device = zipfile.ZipInfo("Jan de Vries_1001_assignsubmission_file_/h01_behoeften.json")
        device.external_attr = (0o020644 << 16)
        zf.writestr(device, "")
        zf.writestr(f"Jan de Vries_1001_assignsubmission_file_/{NB}", JAN)
        tar_bytes = io.BytesIO()
        with tarfile.open(fileobj=tar_bytes, mode="w:gz") as tf:
            for name, kind in ((NB, tarfile.SYMTYPE), ("h01_behoeften.json", tarfile.FIFOTYPE)):
                info = tarfile.TarInfo(name)
                info.type, info.linkname = kind, "/etc/passwd" if kind == tarfile.SYMTYPE else ""
                tf.addfile(info)
        zf.writestr("Émile Dupré_1003_assignsubmission_file_/inlevering.tar.gz", tar_bytes.getvalue())
    (root / "downloaded" / A / "archive" / "moodle-download.zip").write_bytes(buffer.getvalue())
    result = _zip_collect(root, "moodle", tmp_path / "home")
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    assert _submitted(root) == {f"s1000001/{A}/{NB}": JAN}
    assert log.count("is een symbolische link, geen gewoon bestand") == 2, log
    assert "is een apparaatbestand" in log and "is een FIFO" in log


def test_links_and_fifos_in_an_unpacked_download_are_refused(tmp_path):
    """A teacher unpacked the download herself (unzip, the Finder and 7-Zip restore symbolic links) into
    archive/. Before: nbgrader copied what the link points to (here a file outside the course) into the
    student's submitted/ folder, and a FIFO stopped zip_collect for the whole class."""
    root = _course(tmp_path)
    secret = tmp_path / "geheim.json"
    secret.write_text('{"geheim": true}')
    folder = root / "downloaded" / A / "archive" / "moodle-download"
    piet = folder / "Piet Jansen_1002_assignsubmission_file_"
    jan = folder / "Jan de Vries_1001_assignsubmission_file_"
    piet.mkdir(parents=True)
    jan.mkdir()
    (piet / NB).write_bytes(PIET)
    (piet / "h01_behoeften.json").symlink_to(secret)
    (folder / "Emile Dupre_1003_assignsubmission_file_").symlink_to(tmp_path, target_is_directory=True)
    (jan / NB).write_bytes(JAN)
    os.mkfifo(jan / "h01_behoeften.json")
    result = _zip_collect(root, "moodle", tmp_path / "home")
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    assert _submitted(root) == {f"s1000001/{A}/{NB}": JAN, f"s1000002/{A}/{NB}": PIET}
    assert log.count("is een symbolische link") == 2 and "is een FIFO" in log, log
