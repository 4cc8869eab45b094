"""Generate a class of N varied submissions of one assignment, to try grading as a teacher would.

    python tools/make_class.py h01-introductie --n 30            # into submitted/ of this course
    python tools/make_class.py h01-introductie --n 30 --out /tmp/klas --seed 7

Each student gets the release notebook (exercises/<a>/) with every answer cell filled in either with
the worked answer of the source (solutions/<a>/) or, with a chance that grows with the question's
difficulty and shrinks with the student's ability, with a typical mistake (``WRONG`` in
``tools/practice/<assignment>.py``; a question without listed mistakes is left untouched) and the open question gets a short text. A few students
hand in the untouched release (empty), and one in twenty hands in nothing. Same seed, same class.
Writes ``<out>/<student>/<a>/<a>.ipynb`` (nbgrader's submitted/ layout), with the widget work a
learner saves beside it (``SAVED_WORK``, e.g. h01_behoeften.json), and never overwrites an
existing submission (a real student's work is never lost): an existing student folder is skipped.

With ``--lms brightspace|canvas|moodle`` it writes instead what that LMS's "download all submissions"
gives: ``downloaded/<a>/archive/<lms>.zip`` with the LMS's file names, and the roster the LMS exports
(``<lms>-studenten.csv``), to try ``nbgrader zip_collect`` with ``smmkit.grading.collect.LmsCollector``.
The names in that roster (``FIRST``, ``LAST``; a teacher may change them) go through
``smmkit.csvsafe.spreadsheet_text``: one that starts like a formula gets a ``'`` in front, so the file
is safe to open in Excel. The ids and email addresses stay as they are (the LMS and the collector match
on them); the collector compares names without punctuation, so it still finds an escaped name.

The module also offers ``submission(release, source, answers)`` to build one notebook exactly (the
tests use it for a class whose statistics are known).
"""
from __future__ import annotations

import argparse
import copy
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
try:
    from smmkit.csvsafe import spreadsheet_text
    from smmkit.variant import id_cell_source, is_id_cell
except ImportError:  # run with a Python without the kit installed: the kit of this checkout
    sys.path.insert(0, str(ROOT))
    from smmkit.csvsafe import spreadsheet_text
    from smmkit.variant import id_cell_source, is_id_cell
BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
UNTOUCHED = "untouched"  # an answer that leaves the release's stub as it is

# Per assignment, tools/practice/<assignment>.py holds its practice data:
#   WRONG        {answer cell grade_id: [typical mistakes, each a full cell body a student could write]}
#   OPEN_ANSWERS {open answer cell grade_id: [texts, from good to poor]}
#   SAVED_WORK   {file name: function(random.Random) -> text}  (widget work handed in beside the notebook)
PRACTICE = ROOT / "tools" / "practice"


def practice(assignment: str) -> dict:
    """The practice data of ``assignment`` (empty dicts when it has none)."""
    import importlib.util

    path = PRACTICE / f"{assignment}.py"
    data = {"WRONG": {}, "OPEN_ANSWERS": {}, "SAVED_WORK": {}}
    if path.exists():
        spec = importlib.util.spec_from_file_location(f"practice_{assignment.replace('-', '_')}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        data.update({k: getattr(module, k) for k in data if hasattr(module, k)})
    return data


def _nb(cell: dict) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def _solution_body(source: str) -> str:
    return "\n".join(line for line in source.splitlines() if BEGIN not in line and END not in line)


def _keep_prefix(release_source: str) -> str:
    """The lines of a release answer cell before the stub (instructions such as profiel.save(...))."""
    lines = release_source.splitlines()
    for k, line in enumerate(lines):
        if line.strip().startswith("# JOUW CODE HIER") or line.strip() == "...":
            return "\n".join(lines[:k])
    return release_source


def submission(release: dict, source: dict, answers: dict[str, str | None], student: str | None = None) -> dict:
    """The release notebook with each answer cell filled in: ``answers[grade_id]`` is the cell's new
    body (after the release's instruction comments), ``None`` (or absent) for the worked answer of the
    source, or ``UNTOUCHED`` to leave the stub. With ``student``, the id cell (``smmkit.variant.is_id_cell``) gets
    that id unless the answers leave it untouched or give it a body (an untouched release keeps the placeholder)."""
    by_id = {_nb(c).get("grade_id"): c for c in source["cells"]}
    out = copy.deepcopy(release)
    for cell in out["cells"]:
        meta = _nb(cell)
        if not meta.get("solution"):
            continue
        grade_id = meta["grade_id"]
        choice = answers.get(grade_id)
        if choice == UNTOUCHED:
            continue
        if student is not None and is_id_cell(grade_id) and choice is None:
            cell["source"] = id_cell_source(student)
            continue
        if choice is None:
            cell["source"] = _solution_body("".join(by_id[grade_id]["source"]))
        elif cell["cell_type"] == "markdown":
            cell["source"] = choice
        else:
            # the release's instruction lines, without the code lines the mistake already repeats
            given = [line for line in _keep_prefix("".join(cell["source"])).splitlines()
                     if line.strip().startswith("#") or line.strip() not in choice]
            cell["source"] = "\n".join([*given, choice])
    return out


def dump(nb: dict) -> str:
    return json.dumps(nb, ensure_ascii=False, indent=1) + "\n"


def load_pair(root: Path, assignment: str) -> tuple[dict, dict]:
    name = f"{assignment}.ipynb"
    release = json.loads((root / "exercises" / assignment / name).read_text(encoding="utf-8"))
    source = json.loads((root / "solutions" / assignment / name).read_text(encoding="utf-8"))
    return release, source


def plan(release: dict, n: int, seed: int, assignment: str | None = None) -> dict[str, dict[str, str | None] | None]:
    """student id -> answers (``None``: hands in nothing; all ``UNTOUCHED``: hands in the empty release).
    The mistakes and open answers come from ``tools/practice/<assignment>.py`` (the assignment is read
    from the release's first grade id when not given)."""
    rng = random.Random(seed)
    if assignment is None:
        assignment = _assignment_of(release)
    data = practice(assignment) if assignment else {"WRONG": {}, "OPEN_ANSWERS": {}}
    wrong, open_answers = data["WRONG"], data["OPEN_ANSWERS"]
    cells = [c for c in release["cells"] if _nb(c).get("solution")]
    difficulty = {(_nb(c)["grade_id"]): rng.uniform(0.1, 0.6) for c in cells}
    out: dict[str, dict[str, str | None] | None] = {}
    for k in range(n):
        student = f"s{2026001 + k}"
        roll = rng.random()
        if roll < 0.05:
            out[student] = None
            continue
        if roll < 0.12:
            out[student] = {_nb(c)["grade_id"]: UNTOUCHED for c in cells}
            continue
        ability = rng.uniform(0.0, 1.0)
        answers: dict[str, str | None] = {}
        for c in cells:
            grade_id = _nb(c)["grade_id"]
            if is_id_cell(grade_id):  # every student who hands in work types her id
                answers[grade_id] = None
            elif c["cell_type"] == "markdown":
                answers[grade_id] = rng.choice(open_answers.get(grade_id) or [UNTOUCHED])
            elif rng.random() < difficulty[grade_id] * (1.2 - ability):
                answers[grade_id] = rng.choice(wrong.get(grade_id, [UNTOUCHED]))
            else:
                answers[grade_id] = None
        out[student] = answers
    return out


def _assignment_of(release: dict) -> str | None:
    """The assignment a release belongs to, from its notebook name in the practice folder's files."""
    ids = [_nb(c).get("grade_id", "") for c in release["cells"]]
    for path in sorted(PRACTICE.glob("*.py")):
        prefix = path.stem.split("-")[0] + "_"
        if any(i.startswith(prefix) for i in ids):
            return path.stem
    return None


FIRST = ["Jan", "Fatima", "Daan", "Sanne", "Mohamed", "Lotte", "Emre", "Iris", "Bram", "Noor"]
LAST = ["de Vries", "Jansen", "Bakker", "Yilmaz", "Visser", "el Amrani", "Smit", "Mulder", "de Boer", "Peters"]


def saved_work(assignment: str, student: str, answers: dict[str, str | None]) -> dict[str, str]:
    """The widget work this student saved (none for an untouched release), the same for the same student."""
    if all(a == UNTOUCHED for a in answers.values()):
        return {}
    rng = random.Random(f"{assignment}/{student}")
    return {name: make(rng) for name, make in practice(assignment)["SAVED_WORK"].items()}


def lms_download(root: Path, assignment: str, lms: str, notebooks: dict[str, str],
                 extras: dict[str, dict[str, str]] | None = None) -> tuple[Path, Path]:
    """A zip named as ``lms`` names its download, and that LMS's roster CSV (for ``zip_collect``).

    Every fifth student (k % 5 == 4) hands in late, so the teacher can rehearse late work with a due
    date of 1 December 2026 23:59 (Europe/Amsterdam): Canvas marks the file ``LATE_``, Brightspace gives
    a time on 3 December; Moodle's download has neither.
    """
    import zipfile

    archive = root / "downloaded" / assignment / "archive"
    archive.mkdir(parents=True, exist_ok=True)
    zip_path, roster = archive / f"{lms}.zip", root / f"{lms}-studenten.csv"
    name = f"{assignment}.ipynb"
    rows = []
    with zipfile.ZipFile(zip_path, "w") as zf:
        for k, (student, text) in enumerate(sorted(notebooks.items())):
            first, last = FIRST[k % len(FIRST)], LAST[(k // len(FIRST) + k) % len(LAST)] + ("" if k < 10 else f" {k}")
            user_id, submission_id = 50000 + k, 900000 + k
            safe_first, safe_last = spreadsheet_text(first), spreadsheet_text(last)
            late = k % 5 == 4
            if lms == "canvas":
                marker = "LATE_" if late else ""
                member = f"{(last + first).replace(' ', '').lower()}_{marker}{user_id}_{submission_id}_{name}"
                rows.append([spreadsheet_text(f"{last}, {first}"), user_id, student, student, "Klas A"])
            elif lms == "moodle":
                member = f"{first} {last}_{user_id}_assignsubmission_file_/{name}"
                rows.append([safe_first, safe_last, student, f"{student}@example.org"])
            else:
                day = 3 if late else 1
                member = (f"{submission_id}-{user_id} - {first} {last} - Dec {day}, 2026 "
                          f"{9 + k // 60 % 3}{k % 60:02d} AM - {name}")
                rows.append([f"#{student}", f"#{student}", safe_last, safe_first, f"{student}@example.org", "#"])
            zf.writestr(member, text)
            for extra, extra_text in (extras or {}).get(student, {}).items():
                zf.writestr(member[: -len(name)] + extra, extra_text)
        if lms == "brightspace":
            zf.writestr("index.html", "<html><body>Brightspace</body></html>")
    header = {"canvas": ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"],
              "moodle": ["First name", "Last name", "ID number", "Email address"],
              "brightspace": ["OrgDefinedId", "Username", "Last Name", "First Name", "Email",
                              "End-of-Line Indicator"]}[lms]
    import csv

    with open(roster, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return zip_path, roster


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Maak een klas met gevarieerde inzendingen (submitted/).")
    parser.add_argument("assignment")
    parser.add_argument("--n", type=int, default=30)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--root", default=str(ROOT), help="cursusmap met solutions/ en exercises/")
    parser.add_argument("--out", default=None, help="standaard <root>/submitted")
    parser.add_argument("--lms", choices=["brightspace", "canvas", "moodle"], default=None,
                        help="schrijf een download van deze LMS (zip + studentenlijst) in plaats van submitted/")
    args = parser.parse_args(argv)
    root = Path(args.root)
    out = Path(args.out) if args.out else root / "submitted"
    release, source = load_pair(root, args.assignment)
    if args.lms:
        notebooks = {student: dump(submission(release, source, answers, student))
                     for student, answers in plan(release, args.n, args.seed, args.assignment).items() if answers is not None}
        extras = {student: saved_work(args.assignment, student, answers)
                  for student, answers in plan(release, args.n, args.seed, args.assignment).items() if answers is not None}
        zip_path, roster = lms_download(root, args.assignment, args.lms, notebooks, extras)
        print(f"{len(notebooks)} inzendingen in {zip_path}, studentenlijst {roster}.")
        return 0
    made = skipped = absent = 0
    for student, answers in plan(release, args.n, args.seed, args.assignment).items():
        if answers is None:
            absent += 1
            continue
        folder = out / student / args.assignment
        if folder.exists():
            skipped += 1
            continue
        folder.mkdir(parents=True)
        (folder / f"{args.assignment}.ipynb").write_text(dump(submission(release, source, answers, student)),
                                                          encoding="utf-8")
        for name, text in saved_work(args.assignment, student, answers).items():
            (folder / name).write_text(text, encoding="utf-8")
        made += 1
    print(f"{made} inzendingen gemaakt in {out}, {absent} studenten leveren niets in, "
          f"{skipped} bestonden al (niet overschreven).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
