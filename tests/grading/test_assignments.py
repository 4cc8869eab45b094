"""Every assignment in solutions/: conventions, release, full marks for the source, zero for the release."""
from __future__ import annotations

import html
import json
import re

import pytest

from smmkit.variant import is_id_cell

from .conftest import ASSIGNMENTS, ROOT

pytestmark = pytest.mark.slow

BEGIN_SOLUTION, END_SOLUTION = "### BEGIN SOLUTION", "### END SOLUTION"
BEGIN_HIDDEN, END_HIDDEN = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"
QUESTION = re.compile(r"^## Vraag (\d+) \((\d+) punt(en)?(, [^)]*)?\)", re.MULTILINE)


def notebook(folder: str, assignment: str, root=ROOT) -> dict:
    paths = sorted((root / folder / assignment).glob("*.ipynb"))
    assert [p.name for p in paths] == [f"{assignment}.ipynb"], "one notebook per assignment, named like the folder"
    return json.loads(paths[0].read_text(encoding="utf-8"))


def source_of(cell) -> str:
    return cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])


def nbg(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def region_lines(text: str, begin: str, end: str) -> list[str]:
    lines, inside = [], False
    for line in text.splitlines():
        if begin in line:
            inside = True
        elif end in line:
            inside = False
        elif inside and line.strip():
            lines.append(line.strip())
    return lines


def outside_lines(text: str) -> set[str]:
    """The lines of a cell that are outside every solution and hidden-tests region."""
    lines, depth = set(), 0
    for line in text.splitlines():
        if BEGIN_SOLUTION in line or BEGIN_HIDDEN in line:
            depth += 1
        elif END_SOLUTION in line or END_HIDDEN in line:
            depth -= 1
        elif depth == 0:
            lines.add(line.strip())
    return lines


def secret_lines(assignment: str) -> list[str]:
    """Lines of worked answers and hidden tests that must never reach a student (comments excluded,
    and lines that the source also shows outside those regions, such as a shared helper line)."""
    found, visible = [], set()
    for cell in notebook("solutions", assignment)["cells"]:
        text = source_of(cell)
        secret = region_lines(text, BEGIN_SOLUTION, END_SOLUTION) + region_lines(text, BEGIN_HIDDEN, END_HIDDEN)
        visible |= outside_lines(text)
        found += [line for line in secret if len(line) > 12 and not line.startswith("#")]
    return [line for line in found if line not in visible]


def hidden_only_lines(assignment: str, root=ROOT) -> list[str]:
    """Hidden-test lines that appear nowhere else in the source (not visible, not in a worked answer,
    which a student may write too)."""
    cells = [source_of(c) for c in notebook("solutions", assignment, root)["cells"]]
    elsewhere = set()
    for text in cells:
        elsewhere |= outside_lines(text) | set(region_lines(text, BEGIN_SOLUTION, END_SOLUTION))
    return [line for text in cells for line in region_lines(text, BEGIN_HIDDEN, END_HIDDEN)
            if len(line) > 10 and line not in elsewhere]


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_conventions(assignment):
    """The pattern of solutions/README.md, checked so that h02–h09 follow h01."""
    prefix = assignment[:3] + "_"
    cells = notebook("solutions", assignment)["cells"]
    ids = [nbg(c).get("grade_id") for c in cells if nbg(c)]
    assert len(ids) == len(set(ids)), "grade_ids must be unique"
    assert all(i.startswith(prefix) for i in ids), f"every grade_id starts with {prefix}"
    tests = [c for c in cells if nbg(c).get("grade") and not nbg(c).get("solution")]
    manual = [c for c in cells if nbg(c).get("grade") and nbg(c).get("solution")]
    answers = [c for c in cells if nbg(c).get("solution") and not nbg(c).get("grade")]
    assert 4 <= len(tests) <= 8, "4–8 autograded questions"
    assert manual, "at least one manually graded judgement question"
    assert all(c["cell_type"] == "markdown" for c in manual)
    assert all("Rubric" in source_of(c) and BEGIN_SOLUTION in source_of(c) for c in manual), \
        "the rubric sits inside the solution region of the manually graded cell"
    for cell in tests:
        text = source_of(cell)
        assert cell["cell_type"] == "code"
        assert text.startswith("# Controleer je antwoord"), f"{nbg(cell)['grade_id']}: one-line comment first"
        assert "check." in text.split(BEGIN_HIDDEN)[0], f"{nbg(cell)['grade_id']}: a visible smmkit.check call"
        assert BEGIN_HIDDEN in text and region_lines(text, BEGIN_HIDDEN, END_HIDDEN), \
            f"{nbg(cell)['grade_id']}: every test cell has hidden asserts (they decide the score)"
        assert f'question="{nbg(cell)["grade_id"]}"' in text, "the check's question is the cell's grade_id"
    for cell in answers:
        assert nbg(cell)["grade_id"].endswith("_antwoord")
        assert BEGIN_SOLUTION in source_of(cell)
    # the points in each "## Vraag N (x punten)" heading equal the points of its graded cells
    headings = [(i, QUESTION.search(source_of(c))) for i, c in enumerate(cells) if c["cell_type"] == "markdown"]
    headings = [(i, m) for i, m in headings if m]
    assert [int(m.group(1)) for _, m in headings] == list(range(1, len(headings) + 1))
    bounds = [i for i, _ in headings] + [len(cells)]
    for (start, match), end in zip(headings, bounds[1:]):
        points = sum(nbg(c).get("points", 0) for c in cells[start:end] if nbg(c).get("grade"))
        assert points == int(match.group(2)), f"Vraag {match.group(1)}: heading says {match.group(2)}, cells {points}"
    assert all(not c.get("outputs") for c in cells if c["cell_type"] == "code"), "stored without outputs"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_release_contains_no_solutions_and_no_hidden_tests(assignment):
    release = notebook("exercises", assignment)
    text = "\n".join(source_of(c) for c in release["cells"])
    for marker in ("BEGIN SOLUTION", "END SOLUTION", "HIDDEN TESTS", "MARK SCHEME", "Rubric", "Voorbeeldantwoord"):
        assert marker not in text
    leaked = [line for line in secret_lines(assignment) if line in text]
    assert not leaked, f"solution or hidden-test lines in the release: {leaked}"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_exercises_folder_is_up_to_date(course, assignment):
    """exercises/ is what nbgrader generate_assignment makes from solutions/ now (never hand-edited)."""
    def essence(nb):
        return [(c["cell_type"], source_of(c), c.get("metadata", {})) for c in nb["cells"]]

    assert course.generated.get(assignment), f"nbgrader generate_assignment {assignment} failed:\n{course.log}"
    fresh = json.loads((course.root_of(assignment) / "exercises" / assignment / f"{assignment}.ipynb").read_text(encoding="utf-8"))
    committed = notebook("exercises", assignment)
    assert essence(committed) == essence(fresh), (
        f"exercises/{assignment} is out of date: run `nbgrader generate_assignment {assignment} --force` "
        "in the repository root and commit the result")
    extra = {p.name for p in (ROOT / "exercises" / assignment).iterdir()} - \
        {p.name for p in (course.root_of(assignment) / "exercises" / assignment).iterdir()}
    assert not extra, f"files in exercises/{assignment} that nbgrader does not make: {extra}"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_source_notebook_gets_full_autograded_marks(course, assignment):
    row = course.report(assignment)["voorbeeld"]
    assert row["status"] == "graded", row
    assert row["max_score"] > 0
    assert row["score"] == row["max_score"], row


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_untouched_release_gets_zero(course, assignment):
    row = course.report(assignment)["leeg"]
    assert row["status"] == "graded", row
    assert row["score"] == 0 and row["max_score"] > 0, row


def feedback_text(path) -> str:
    raw = path.read_text(encoding="utf-8")
    raw = re.sub(r"<style.*?</style>", "", raw, flags=re.S)
    raw = re.sub(r"<script.*?</script>", "", raw, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", raw))


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_feedback_shows_no_hidden_tests(course, assignment):
    assert course.generated.get(assignment), course.log
    pages = sorted(course.root_of(assignment).glob(f"feedback/*/{assignment}/*.html"))
    students = {p.parts[-3] for p in pages}
    assert {"voorbeeld", "leeg"} <= students
    hidden = hidden_only_lines(assignment)
    assert hidden
    for page in pages:
        text = feedback_text(page)
        assert "HIDDEN TESTS" not in text, page
        # a line the student typed herself (a practice mistake may reuse the answer key's mapping) is hers
        student = page.parts[-3]
        handed_in = "\n".join(source_of(c) for c in json.loads(
            (course.root_of(assignment) / "submitted" / student / assignment / page.with_suffix(".ipynb").name)
            .read_text(encoding="utf-8"))["cells"])
        assert not [line for line in hidden if line in text and line not in handed_in], f"hidden test source in {page}"


# --- issue #18: judgement, personal variants, open points, visible criteria, practice class ---------

# Kit heuristics and invented scores: a hidden test may not take its expected answer from them.
HEURISTICS = re.compile(r"\b(smart\.check|webcare\.(classify|simulate)|honeycomb\.(preset|PRESETS)|"
                        r"influencer\.shortlist|SmartChecker|\.shortlist\()")


def points(assignment: str) -> tuple[float, float]:
    """(autograded points, manually graded points) of the source notebook."""
    auto = manual = 0.0
    for cell in notebook("solutions", assignment)["cells"]:
        meta = nbg(cell)
        if meta.get("grade"):
            if meta.get("solution"):
                manual += meta.get("points", 0)
            else:
                auto += meta.get("points", 0)
    return auto, manual


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_open_questions_carry_at_least_40_percent(assignment):
    auto, manual = points(assignment)
    assert manual >= 0.4 * (auto + manual), f"open questions {manual:g} of {auto + manual:g} points"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_released_notebook_shows_the_assessment_criteria(assignment):
    """hbo assessment publishes its criteria: every open question's criteria are in the release,
    including sources (APA) and language."""
    release = notebook("exercises", assignment)
    text = "\n".join(source_of(c) for c in release["cells"] if c["cell_type"] == "markdown")
    assert text.count("Beoordelingscriteria") >= sum(
        1 for c in release["cells"] if nbg(c).get("grade") and nbg(c).get("solution")), "criteria per open question"
    assert "APA" in text and re.search(r"taal", text, re.IGNORECASE)
    assert "geen aftrek voor taalfouten" not in text.lower()


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_no_hidden_test_takes_its_answer_from_a_kit_heuristic(assignment):
    for cell in notebook("solutions", assignment)["cells"]:
        hidden = "\n".join(region_lines(source_of(cell), BEGIN_HIDDEN, END_HIDDEN))
        assert not HEURISTICS.search(hidden), f"{nbg(cell).get('grade_id')}: {HEURISTICS.search(hidden).group(0)}"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_the_released_id_cell_asks_only_for_the_id(assignment):
    """The release's id cell: the instruction and the placeholder line, no code stub under it (TidyIdCell)."""
    from smmkit.variant import PLACEHOLDER, id_cell_source

    cell = next(c for c in notebook("exercises", assignment)["cells"] if is_id_cell(nbg(c).get("grade_id", "")))
    lines = [line for line in source_of(cell).splitlines() if line.strip()]
    assert lines[-1] == id_cell_source(PLACEHOLDER) and all(line.startswith("#") for line in lines[:-1]), lines


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_each_student_gets_her_own_case(assignment):
    """A studentnummer cell, the case from smmkit.variant, and checks that follow the case."""
    cells = notebook("solutions", assignment)["cells"]
    ids = [nbg(c).get("grade_id", "") for c in cells]
    assert any(is_id_cell(i) for i in ids), "an answer cell where the student types her id"
    locked = "\n".join(source_of(c) for c in cells if nbg(c).get("locked"))
    assert f'variant.mine("{assignment}")' in locked
    tests = [source_of(c) for c in cells if nbg(c).get("grade") and not nbg(c).get("solution")]
    assert sum("casus" in t for t in tests) >= len(tests) / 2, "most items depend on the student's case"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_a_classmates_notebook_does_not_score_full(course, assignment):
    """The worked solution (typed id voorbeeld) scores full for voorbeeld only; handed in by another
    student it is graded against her case; with her own id typed in, it scores full."""
    report = course.report(assignment)
    assert report["voorbeeld"]["score"] == report["voorbeeld"]["max_score"] > 0, report["voorbeeld"]
    assert report["andere"]["status"] == "graded" and report["andere"]["score"] < report["andere"]["max_score"], \
        report["andere"]
    assert report["eigen"]["score"] == report["eigen"]["max_score"], report["eigen"]


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_practice_class_has_two_distinct_mistakes_that_fail_each_item(course, assignment):
    """The practice class (tools/practice/<a>.py): at least two different typical mistakes per answer
    cell, and both show up as wrong answers of every autograded question when graded (each is handed in
    by several students with their own cases: a fixed wrong choice can be right for one case)."""
    from nbgrader.api import Gradebook

    import importlib.util
    spec = importlib.util.spec_from_file_location("make_class", ROOT / "tools" / "make_class.py")
    make_class = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_class)
    wrong = make_class.practice(assignment)["WRONG"]
    cells = notebook("solutions", assignment)["cells"]
    answer_ids = [nbg(c)["grade_id"] for c in cells
                  if nbg(c).get("solution") and not nbg(c).get("grade") and not is_id_cell(nbg(c)["grade_id"])]
    for gid in answer_ids:
        assert len({m.strip() for m in wrong.get(gid, [])}) >= 2, f"{gid}: two distinct typical mistakes"
    report = course.report(assignment)
    students = [f"fout{k}" for k in range(1, 7)]  # fout<k+1>: mistake k (modulo the count) in every answer cell
    assert all(report[s]["status"] == "graded" for s in students), [report[s] for s in students]
    db = course.root_of(assignment) / "gradebook.db"
    answer_of, last = {}, None  # each autograded question and the answer cell just before it
    for cell in cells:
        meta = nbg(cell)
        if meta.get("solution") and not meta.get("grade"):
            last = meta["grade_id"]
        elif meta.get("grade") and not meta.get("solution"):
            answer_of[meta["grade_id"]] = last
    with Gradebook(f"sqlite:///{db}") as gb:
        for gid, answer in answer_of.items():  # as in `items`: two or more different wrong answers per question
            mistakes = wrong.get(answer) or [""]
            failing = {mistakes[k % len(mistakes)] for k, s in enumerate(students)
                       if (gb.find_grade(gid, assignment, assignment, s).auto_score or 0) == 0}
            assert len(failing) >= 2, f"{gid}: only {sorted(failing)} give a wrong answer"
