"""The teacher's guide (docs/docenten/), the toetsmatrijs, the capstone and the glossary stay in step with the
chapters and the assignments (issue #19).

- every chapter has a guide with the six parts a lecturer expects;
- every "probeer zelf" cell of a chapter has an answer in its guide, under the cell's id (a new cell without an
  answer fails here, and so does an answer to a cell that is gone);
- the guide's learning objectives are the notebook's "Na dit hoofdstuk kun je …" list, one row each;
- the toetsmatrijs names exactly the graded cells of solutions/, with their points, kind and question number,
  and every objective is either assessed or said not to be;
- the glossary writes the book's key terms the book's way, and every chapter has a summary.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from test_spelling import old_compounds

ROOT = Path(__file__).resolve().parents[1]
GUIDES = ROOT / "docs" / "docenten"
MATRIX = GUIDES / "toetsmatrijs.md"
GLOSSARY = ROOT / "docs" / "begrippen.md"
CAPSTONE = ROOT / "docs" / "eindopdracht.md"
CHAPTERS = sorted((ROOT / "chapters").glob("0[1-9]-*.ipynb"))
ASSIGNMENTS = sorted(p for p in (ROOT / "solutions").glob("h0[1-9]-*") if p.is_dir())

PARTS = ("Leerdoelen en het boek", "Studielast en weekplanning", "Activiteiten in de les",
         "Antwoorden bij Probeer zelf", "Veelvoorkomende misvattingen", "Gespreksvragen")
# "✏️ **Probeer zelf.** Verander …" and "# ✏️ Probeer zelf: kies …", not the instruction "Bij ✏️ **Probeer zelf** mag je"
TRY_YOURSELF = re.compile(r"probeer zelf(?:\*\*)?\s*[.:]", re.IGNORECASE)
BLOOM = {"onthouden", "begrijpen", "toepassen", "analyseren", "evalueren", "creëren"}
KIT_SKILLS = {"V1"}  # the kit's own cross-chapter skill, defined in docs/docenten/toetsmatrijs.md
BOOK_TERMS = ("Socialmediamanagement", "Socialmediaplan", "Socialmediamanager", "Socialmediastrategie",
              "Socialmediaprofessional", "Klantcyclus", "Koopcyclus", "Gebruikscyclus", "PESO-model", "4C-model",
              "Social Customer Flywheel", "Social influencing", "Social selling", "Social listening",
              "Zelfdeterminatietheorie", "Competentie", "Autonomie", "User generated content (UGC)",
              "Filterbubbel", "Feedbackloop", "Fake news", "Honingraatmodel", "Cocreatie", "Social media")


def notebook(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def number(chapter: Path) -> int:
    return int(chapter.name[:2])


def guide_text(chapter: Path) -> str:
    path = GUIDES / f"h{number(chapter):02d}.md"
    assert path.is_file(), f"hoofdstuk {number(chapter)} heeft geen handleiding: {path.relative_to(ROOT)}"
    return path.read_text(encoding="utf-8")


def sections(text: str, level: str = "## ") -> dict[str, str]:
    """Heading (without the hashes) → the text under it, up to the next heading of the same level."""
    parts = re.split(rf"^{re.escape(level)}(.+)$", text, flags=re.MULTILINE)
    return {title.strip(): body for title, body in zip(parts[1::2], parts[2::2])}


def try_yourself_cells(chapter: Path) -> list[str]:
    return [c["id"] for c in notebook(chapter)["cells"] if TRY_YOURSELF.search("".join(c["source"]))]


def answered_cells(text: str) -> list[str]:
    answers = sections(text).get("Antwoorden bij Probeer zelf", "")
    return [cid for title in sections(answers, "### ") for cid in re.findall(r"`([\w-]+)`", title)]


def notebook_objectives(chapter: Path) -> list[str]:
    for cell in notebook(chapter)["cells"]:
        text = "".join(cell["source"])
        if cell["cell_type"] == "markdown" and "Na dit hoofdstuk kun je" in text:
            rest = text.split("Na dit hoofdstuk kun je", 1)[1].splitlines()[1:]
            bullets = []
            for line in rest:
                if line.startswith("- "):
                    bullets.append(line[2:])
                elif bullets and line.strip():
                    break
            return bullets
    raise AssertionError(f"{chapter.name}: geen lijst 'Na dit hoofdstuk kun je …'")


def guide_objectives(text: str) -> list[tuple[str, str]]:
    """(code, book objectives column) per row of the objectives table."""
    table = sections(text)["Leerdoelen en het boek"]
    return [(m[1], m[2]) for m in re.finditer(r"^\| (L\d\.\d+) \|[^|]+\| ([^|]+) \|", table, re.MULTILINE)]


def graded_cells() -> dict[str, tuple[int, float, str]]:
    """grade_id → (question number, points, 'kit' or 'open') for every graded cell of every assignment."""
    found = {}
    for folder in ASSIGNMENTS:
        question = 0
        for cell in notebook(folder / f"{folder.name}.ipynb")["cells"]:
            text = "".join(cell["source"])
            meta = cell.get("metadata", {}).get("nbgrader", {})
            heading = re.match(r"\s*## Vraag (\d+)", text)
            if cell["cell_type"] == "markdown" and heading:
                question = int(heading[1])
            if meta.get("grade"):
                found[meta["grade_id"]] = (question, float(meta["points"]),
                                           "open" if cell["cell_type"] == "markdown" else "kit")
    return found


def matrix_rows() -> list[dict]:
    rows = []
    for m in re.finditer(r"^\| `(\w+)` \| (\d+) \| ([\d.]+) \| (kit|open) \| (\w+) \| ([^|]+) \|$",
                         MATRIX.read_text(encoding="utf-8"), re.MULTILINE):
        rows.append({"grade_id": m[1], "question": int(m[2]), "points": float(m[3]), "kind": m[4],
                     "bloom": m[5], "objectives": [o.strip() for o in m[6].split(",")]})
    return rows


def all_objectives() -> set[str]:
    return {code for chapter in CHAPTERS for code, _ in guide_objectives(guide_text(chapter))}


def test_the_nine_chapters_and_assignments_are_found():
    assert [number(c) for c in CHAPTERS] == list(range(1, 10))
    assert [p.name[:3] for p in ASSIGNMENTS] == [f"h{n:02d}" for n in range(1, 10)]


@pytest.mark.parametrize("text, found", [
    ("✏️ **Probeer zelf.** Verander de 3 in een ander getal.", True),
    ("# ✏️ Probeer zelf: kies de bouwstenen", True),
    ("> ✏️ **Probeer zelf.** Zoek op TikTok", True),
    ("Zie je het teken ✏️ **Probeer zelf**, dan mag je iets aanpassen.", False),
    ("Bij ✏️ **Probeer zelf** mag je iets aanpassen.", False),
    ("# ✏️ Sjabloon: tel de berichten", False),
])
def test_the_check_recognises_a_probeer_zelf_cell(text, found):
    assert bool(TRY_YOURSELF.search(text)) is found


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_every_chapter_has_a_guide_with_six_parts(chapter):
    text = guide_text(chapter)
    parts = sections(text)
    missing = [p for p in PARTS if p not in parts]
    assert not missing, f"h{number(chapter):02d}.md mist de onderdelen: {missing}"
    empty = [p for p in PARTS if len(parts[p].strip()) < 200]
    assert not empty, f"h{number(chapter):02d}.md heeft (bijna) lege onderdelen: {empty}"
    activities = re.findall(r"^### Activiteit \d+ · .+\((\d+) minuten\)$", parts["Activiteiten in de les"], re.MULTILINE)
    assert 2 <= len(activities) <= 3, "twee of drie activiteiten, elk met een tijd in de kop"
    assert len(re.findall(r"^\d+\. ", parts["Gespreksvragen"], re.MULTILINE)) >= 3


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_the_week_plan_adds_up_to_the_study_load(chapter):
    plan = sections(guide_text(chapter))["Studielast en weekplanning"]
    load = float(re.search(r"Studielast: \*\*([\d,]+) uur\*\*", plan)[1].replace(",", "."))
    hours = [float(h.replace(",", ".")) for h in re.findall(r"^\|[^|]+\|[^|]+\| ([\d,]+) \|$", plan, re.MULTILINE)]
    assert hours and sum(hours) == load, f"de weekplanning telt op tot {sum(hours)} uur, niet {load}"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_every_probeer_zelf_has_an_answer(chapter):
    cells = try_yourself_cells(chapter)
    answered = answered_cells(guide_text(chapter))
    assert cells, f"{chapter.name}: geen enkele probeer-zelf-cel gevonden; klopt de herkenning nog?"
    without = [c for c in cells if c not in answered]
    assert not without, (f"{chapter.name} heeft {len(cells)} probeer-zelf-cellen; zonder antwoord in "
                         f"docs/docenten/h{number(chapter):02d}.md: {without}")
    stale = [c for c in answered if c not in cells]
    assert not stale, f"antwoorden bij cellen die geen probeer zelf (meer) zijn: {stale}"
    assert len(answered) == len(set(answered)), "een cel heeft twee antwoorden"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_the_objectives_are_the_notebooks_list_mapped_to_the_book(chapter):
    rows = guide_objectives(guide_text(chapter))
    bullets = notebook_objectives(chapter)
    n = number(chapter)
    assert [code for code, _ in rows] == [f"L{n}.{i}" for i in range(1, len(bullets) + 1)], (
        f"het notebook heeft {len(bullets)} leerdoelen, de handleiding {len(rows)}: zet ze gelijk")
    for code, book in rows:
        book_codes = [b.strip() for b in book.split(",")]
        assert book_codes and all(re.fullmatch(r"B(?:[1-9]|1[0-3])", b) for b in book_codes), (code, book)


def test_the_toetsmatrijs_names_every_graded_cell_with_its_points():
    graded = graded_cells()
    rows = matrix_rows()
    names = [r["grade_id"] for r in rows]
    assert len(names) == len(set(names)), "een grade_id staat twee keer in de toetsmatrijs"
    assert sorted(names) == sorted(graded), {"niet in solutions/": sorted(set(names) - set(graded)),
                                             "niet in de toetsmatrijs": sorted(set(graded) - set(names))}
    for row in rows:
        question, points, kind = graded[row["grade_id"]]
        assert (row["question"], row["points"], row["kind"]) == (question, points, kind), row["grade_id"]
        assert row["bloom"] in BLOOM, row
        unknown = set(row["objectives"]) - all_objectives() - KIT_SKILLS
        assert not unknown, f"{row['grade_id']}: onbekende leerdoelen {unknown}"


def test_the_toetsmatrijs_totals_are_computed_from_the_rows():
    text = MATRIX.read_text(encoding="utf-8")
    rows = matrix_rows()
    by_kind = Counter()
    by_bloom = Counter()
    for row in rows:
        by_kind[row["kind"]] += row["points"]
        by_bloom[row["bloom"]] += row["points"]
    assert f"| vragen van de kit (automatisch) | {by_kind['kit']:g} |" in text
    assert f"| open vragen (docent) | {by_kind['open']:g} |" in text
    assert f"| **totaal, negen opdrachten** | **{by_kind['kit'] + by_kind['open']:g}** |" in text
    for level, points in by_bloom.items():
        assert f"| {level} | {points:g} |" in text, level
    for folder in ASSIGNMENTS:
        mine = [r for r in rows if r["grade_id"].startswith(folder.name[:3] + "_")]
        kit = sum(r["points"] for r in mine if r["kind"] == "kit")
        open_ = sum(r["points"] for r in mine if r["kind"] == "open")
        assert f"### {folder.name} ({kit + open_:g} punten: {kit:g} kit, {open_:g} open)" in text, folder.name


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_every_objective_is_assessed_or_said_not_to_be(chapter):
    n = number(chapter)
    assignment = next(p.name for p in ASSIGNMENTS if p.name.startswith(f"h{n:02d}-"))
    section = next(body for title, body in sections(MATRIX.read_text(encoding="utf-8"), "### ").items()
                   if title.startswith(assignment))
    assessed = set(re.findall(r"L\d\.\d+", "".join(re.findall(r"^\| `.*$", section, re.MULTILINE))))
    said = re.search(r"^Niet in deze opdracht getoetst: ((?:L\d\.\d+(?:, )?)+)\.", section, re.MULTILINE)
    not_assessed = set(re.findall(r"L\d\.\d+", said[1])) if said else set()
    assert not assessed & not_assessed, f"tegelijk getoetst en niet getoetst: {assessed & not_assessed}"
    objectives = {code for code, _ in guide_objectives(guide_text(chapter))}
    assert assessed | not_assessed == objectives, {"ontbreekt": sorted(objectives - assessed - not_assessed),
                                                   "onbekend": sorted((assessed | not_assessed) - objectives)}


def glossary_terms() -> list[str]:
    body = GLOSSARY.read_text(encoding="utf-8").split("## Begrippenlijst", 1)[1]
    return re.findall(r"^- \*\*(.+?)\*\* — ", body, re.MULTILINE)


def test_the_glossary_writes_the_books_key_terms_the_books_way():
    terms = glossary_terms()
    missing = [t for t in BOOK_TERMS if t not in terms]
    assert not missing, f"deze begrippen uit het boek ontbreken (of zijn anders gespeld): {missing}"
    assert not [t for t in terms if old_compounds(t)], "schrijf socialmedia… aan elkaar, zoals het boek"
    assert terms == sorted(terms, key=str.casefold), "zet de begrippen op alfabet"
    assert len(terms) == len(set(terms))


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_every_chapter_has_a_summary_under_its_own_title(chapter):
    title = next(line[2:] for c in notebook(chapter)["cells"] for line in "".join(c["source"]).splitlines()
                 if line.startswith("# Hoofdstuk "))
    summaries = sections(GLOSSARY.read_text(encoding="utf-8"), "### ")
    assert title in summaries, f"geen samenvatting met de kop '### {title}' in docs/begrippen.md"
    assert len(summaries[title].split()) >= 60


def test_the_capstone_rubric_adds_up():
    text = CAPSTONE.read_text(encoding="utf-8")
    rows = re.findall(r"^\| \*\*([A-Z])\. [^*]+\*\* \((\d+)\)[^|]*\| (\d+) ·[^|]*\| (\d+) ·[^|]*\| (\d+) ·[^|]*\| (\d+) ·",
                      text, re.MULTILINE)
    assert len(rows) >= 6
    assert sum(int(r[1]) for r in rows) == 100, "de rubric telt niet op tot 100 punten"
    for letter, weight, *levels in rows:
        points = [int(p) for p in levels]
        assert points[0] == 0 and points == sorted(points) and points[-1] == int(weight), letter
    letters = {r[0] for r in rows}
    for cited in re.findall(r"criteri(?:um|a) ([A-Z](?: en [A-Z])?)", MATRIX.read_text(encoding="utf-8")):
        assert set(cited.split(" en ")) <= letters, cited


def test_the_guides_are_linked_and_their_links_work():
    assert "docs/docenten/README.md" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docenten/README.md" in (ROOT / "docs" / "docent.md").read_text(encoding="utf-8")
    student = (ROOT / "docs" / "student.md").read_text(encoding="utf-8")
    assert "begrippen.md" in student and "eindopdracht.md" in student
    for page in [*GUIDES.glob("*.md"), GLOSSARY, CAPSTONE]:
        for target in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
            if "://" not in target:
                assert (page.parent / target).resolve().exists(), f"{page.relative_to(ROOT)}: kapotte link {target}"


# ---------------------------------------------------------------- the capstone as an nbgrader assignment
CAPSTONE_SOURCE = ROOT / "solutions" / "eindopdracht" / "eindopdracht.ipynb"
CAPSTONE_RELEASE = ROOT / "exercises" / "eindopdracht" / "eindopdracht.ipynb"


def rubric_of_the_guide() -> dict[str, tuple[int, list[tuple[int, str]]]]:
    """Criterion letter → (points, [(points, description) per level]) from docs/eindopdracht.md."""
    found = {}
    for line in CAPSTONE.read_text(encoding="utf-8").splitlines():
        head = re.match(r"^\| \*\*([A-Z])\. [^*]+\*\* \((\d+)\)", line)
        if head:
            cells = [c.strip() for c in line.strip("|").split("|")][1:]
            found[head[1]] = (int(head[2]), [(int(c.split(" · ")[0]), c.split(" · ", 1)[1]) for c in cells])
    return found


def rubric_of_the_notebook(nb: dict) -> dict[str, tuple[int, list[tuple[int, str]]]]:
    found = {}
    for cell in nb["cells"]:
        text = "".join(cell["source"])
        head = re.match(r"## Onderdeel ([A-Z]) · .+ \((\d+) punten, beoordeeld door je docent\)", text)
        if head:
            rows = [line for line in text.splitlines() if line.startswith("| ")]
            points = [int(p) for p in re.findall(r"\((\d+)\)", rows[0])]
            texts = [c.strip() for c in rows[1].strip("|").split("|")]
            found[head[1]] = (int(head[2]), list(zip(points, texts)))
    return found


def graded(nb: dict) -> dict[str, float]:
    return {c["metadata"]["nbgrader"]["grade_id"]: float(c["metadata"]["nbgrader"]["points"]) for c in nb["cells"]
            if c.get("metadata", {}).get("nbgrader", {}).get("grade")}


def test_the_capstone_notebook_has_the_rubric_of_the_guide():
    source = notebook(CAPSTONE_SOURCE)
    assert rubric_of_the_notebook(source) == rubric_of_the_guide(), "zet de criteria in notebook en gids gelijk"
    parts = [c for c in source["cells"] if c["metadata"]["nbgrader"].get("grade")]
    assert all(c["cell_type"] == "markdown" and c["metadata"]["nbgrader"]["solution"] for c in parts), \
        "alle onderdelen beoordeelt de docent: markdown-antwoordcellen"
    assert sum(graded(source).values()) == 100
    assert [p for p, _ in rubric_of_the_guide().values()] == list(graded(source).values())


def test_the_capstone_release_holds_no_teacher_text():
    text = CAPSTONE_RELEASE.read_text(encoding="utf-8")
    for secret in ("BEGIN SOLUTION", "END SOLUTION", "Aanwijzingen voor de docent", "Rubric"):
        assert secret not in text, secret
    release = notebook(CAPSTONE_RELEASE)
    assert graded(release) == graded(notebook(CAPSTONE_SOURCE))
    answers = ["".join(c["source"]) for c in release["cells"] if c["metadata"]["nbgrader"].get("solution")]
    assert answers and all(a.strip() == "JOUW ANTWOORD HIER" for a in answers)


@pytest.mark.slow
def test_nbgrader_generates_the_capstone_and_hands_it_to_the_teacher(tmp_path):
    """Real nbgrader: the committed release is what generate_assignment makes now, and a handed-in plan
    reaches the formgrader as eight manually graded parts worth 100 points."""
    import os
    import shutil
    import subprocess
    import sys

    from nbgrader.api import Gradebook

    course = tmp_path / "cursus"
    (course / "solutions").mkdir(parents=True)
    shutil.copy(ROOT / "nbgrader_config.py", course)
    shutil.copytree(CAPSTONE_SOURCE.parent, course / "solutions" / "eindopdracht")
    env = {**os.environ, "PATH": str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", ""),
           "HOME": str(tmp_path / "thuis"), "MPLBACKEND": "Agg"}

    def nbgrader(*args):
        done = subprocess.run(["nbgrader", *args], cwd=course, env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stdout + done.stderr

    nbgrader("generate_assignment", "eindopdracht")
    fresh = notebook(course / "exercises" / "eindopdracht" / "eindopdracht.ipynb")

    def essence(nb):
        return [(c["cell_type"], "".join(c["source"]), c.get("metadata", {})) for c in nb["cells"]]

    assert essence(fresh) == essence(notebook(CAPSTONE_RELEASE)), (
        "exercises/eindopdracht loopt achter: draai `nbgrader generate_assignment eindopdracht --force` en commit")

    for cell in fresh["cells"]:
        if cell["metadata"]["nbgrader"].get("solution"):
            cell["source"] = ["Ons plan voor de bakkerij in de wijk: ", cell["metadata"]["nbgrader"]["grade_id"]]
    handed_in = course / "submitted" / "s0000001" / "eindopdracht"
    handed_in.mkdir(parents=True)
    (handed_in / "eindopdracht.ipynb").write_text(json.dumps(fresh), encoding="utf-8")
    nbgrader("autograde", "eindopdracht")

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        submission = gb.find_submission("eindopdracht", "s0000001")
        assert submission.max_score == 100
        assert submission.needs_manual_grade
        grades = {g.name: (g.max_score, g.auto_score, g.needs_manual_grade) for g in submission.notebooks[0].grades}
    assert grades == {name: (points, None, True) for name, points in graded(notebook(CAPSTONE_SOURCE)).items()}


def test_the_view_per_objective_is_the_same_mapping_turned_around():
    text = MATRIX.read_text(encoding="utf-8")
    per_objective = sections(text).get("Per leerdoel", "")
    expected: dict[str, list[str]] = {}
    for row in matrix_rows():
        for objective in row["objectives"]:
            expected.setdefault(objective, []).append(row["grade_id"])
    listed = {m[1]: re.findall(r"`(\w+)`", m[2])
              for m in re.finditer(r"^\| ((?:L\d\.\d+)|V1) \| ([^|]+) \| [\d.]+ \|$", per_objective, re.MULTILINE)}
    assert set(listed) == all_objectives() | KIT_SKILLS, "elk leerdoel (en V1) een rij in 'Per leerdoel'"
    assert {k: v for k, v in listed.items() if v} == expected
