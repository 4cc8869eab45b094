"""Feedback explains a failing answer cell in Dutch, as the safety net does in the notebook (issue 10).

Under ``nbgrader autograde`` the safety net is off, so the autograded notebook holds nbgrader's English
traceback. ``ExplainErrors`` (nbgrader_config.py) turns it into the Dutch explanation when the feedback
is made. All real: a temporary course with the kit's nbgrader_config.py, ``nbgrader generate_assignment``,
two submissions of h01 with typical beginner mistakes, one graded by the kit's runner (sandbox) and one
by stock ``nbgrader autograde``, then ``nbgrader generate_feedback``; the tests read the HTML a student
gets.
"""
from __future__ import annotations

import html
import json
import re
import shutil
import sys

import pytest

from .conftest import BIN, FIXTURES, ROOT, faulty, run
from .test_assignments import hidden_only_lines

ASSIGNMENT = "h01-introductie"
KIT, STOCK = "fouten_kit", "fouten_stock"

# student -> {answer cell: (what the learner wrote, Dutch words the feedback must show for it)}
MISTAKES = {
    KIT: {
        "h01_populairste_kanaal_antwoord": (
            'populairste_kanaal = bewoners.sort_values("Percentage", ascending=False)["kanaal"].iloc[0]\n',
            ["geen kolom `Percentage`", "Bedoel je `percentage`?", "jaar, kanaal, percentage"]),
        "h01_gemiddeld_percentage_antwoord": (
            "versterking = 1,25\ngemiddeld_percentage = round(versterking + 25.6, 1)\n",
            ["`versterking` is (1, 25)", "versterking = 1.25"]),
        "h01_aandeel_youtube_antwoord": (
            'rij = bewoner[bewoner["kanaal"] == "YouTube"]\naandeel_youtube = round(rij["percentage"].iloc[0] / 100, 2)\n',
            ["`bewoner` bestaat (nog) niet", "Bedoel je `bewoners`?", "Regel 1:"]),
        "h01_aantal_boven_30_antwoord": (
            'aantal_boven_30 = int((bewoners["percentage"] > 30).sum()\n',
            ["haakje `(` open"]),
        # tries to carry the hidden tests of question 1 (the third cell that ran) out through an error
        "h01_top3_antwoord": (
            "lijst = {}\ntop3 = lijst[In[3]]\n", []),
    },
    STOCK: {
        "h01_populairste_kanaal_antwoord": (
            'populairste_kanaal = bewoners[bewoners["Kanaal"] == "Facebook"]\n',
            ["geen kolom `Kanaal`", "Bedoel je `kanaal`?"]),
        "h01_gemiddeld_percentage_antwoord": (
            "gemiddeld_percentage = round(bewoners.Percentage.mean(), 1)\n",
            ["Bedoel je de kolom `percentage`?", 'tabel["percentage"]']),
        "h01_aandeel_youtube_antwoord": (
            'rij = bewoners[bewoners["kanaal"] == "youtube"]\naandeel_youtube = rij["percentage"].iloc[0] / 100\n',
            ["selectie", '"Facebook", niet "facebook"']),
        "h01_aantal_boven_30_antwoord": (
            "aantal_boven_30 = 4 / 0\n", ["deelt door nul"]),
        "h01_top3_antwoord": (
            "top3 = bewoners.sort_values(percentage)\n", ["`percentage` bestaat (nog) niet", '"percentage"']),
    },
}
# English that a beginner must never meet without the Dutch explanation (outside the collapsed original)
ENGLISH = ["Traceback (most recent call last)", "is not defined", "incomplete input", "was never closed",
           "has no attribute", "can only concatenate", "out-of-bounds", "division by zero", "KeyError: '"]


def _submission(release: dict, source: dict, answers: dict) -> dict:
    nb = faulty.filled_in(release, source)
    for cell in nb["cells"]:
        grade_id = cell["metadata"].get("nbgrader", {}).get("grade_id")
        if grade_id in answers:
            cell["source"] = answers[grade_id][0]
    return nb


@pytest.fixture(scope="module")
def feedback(tmp_path_factory):
    root, home = tmp_path_factory.mktemp("cursus"), tmp_path_factory.mktemp("thuis")
    shutil.copy(ROOT / "nbgrader_config.py", root)
    shutil.copytree(FIXTURES / "solutions" / ASSIGNMENT, root / "solutions" / ASSIGNMENT)
    nbgrader = BIN / "nbgrader"
    run([nbgrader, "generate_assignment", ASSIGNMENT, "--force"], root, home)
    name = f"{ASSIGNMENT}.ipynb"
    release = json.loads((root / "exercises" / ASSIGNMENT / name).read_text(encoding="utf-8"))
    source = json.loads((root / "solutions" / ASSIGNMENT / name).read_text(encoding="utf-8"))
    for student, answers in MISTAKES.items():
        folder = root / "submitted" / student / ASSIGNMENT
        folder.mkdir(parents=True)
        (folder / name).write_text(json.dumps(_submission(release, source, answers), ensure_ascii=False),
                                   encoding="utf-8")
    run([sys.executable, "-m", "smmkit.grading", "autograde", ASSIGNMENT, "--root", root, "--student", KIT,
         "--", "--SafeExecute.timeout=30"], root, home)
    run([nbgrader, "autograde", ASSIGNMENT, "--student", STOCK, "--SafeExecute.timeout=30"], root, home)
    run([nbgrader, "generate_feedback", ASSIGNMENT, "--force"], root, home)
    pages = {}
    for student in MISTAKES:
        raw = (root / "feedback" / student / ASSIGNMENT / f"{ASSIGNMENT}.html").read_text(encoding="utf-8")
        pages[student] = re.sub(r"<(style|script)\b.*?</\1>", "", raw, flags=re.S)
    return root, pages


def _text(raw: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", raw))


def _outside_originals(raw: str) -> str:
    return _text(re.sub(r"<details\b.*?</details>", "", raw, flags=re.S))


@pytest.mark.timeout(900)
@pytest.mark.parametrize("student", list(MISTAKES))
def test_each_mistake_is_explained_in_dutch(feedback, student):
    _root, pages = feedback
    text = _text(pages[student])
    for cell, (code, words) in MISTAKES[student].items():
        for word in words:
            assert word in text, f"{student} {cell}: {word!r} not in the feedback for\n{code}"
    assert text.count("Deze cel stopte met een fout") >= len([m for m in MISTAKES[student].values() if m[1]])
    assert "Probeer:" in text


@pytest.mark.timeout(900)
@pytest.mark.parametrize("student", list(MISTAKES))
def test_no_english_traceback_without_explanation_but_the_original_is_kept(feedback, student):
    _root, pages = feedback
    outside = _outside_originals(pages[student])
    found = [word for word in ENGLISH if word in outside]
    assert not found, f"{student}: English error text outside the collapsed original: {found}"
    originals = re.findall(r"<details\b.*?</details>", pages[student], flags=re.S)
    assert originals and all("Originele foutmelding" in o for o in originals)
    kept = _text("".join(originals))
    assert "Traceback (most recent call last)" in kept
    assert {KIT: "KeyError: 'Percentage'", STOCK: "ZeroDivisionError: division by zero"}[student] in kept


@pytest.mark.timeout(900)
@pytest.mark.parametrize("student", list(MISTAKES))
def test_feedback_shows_no_hidden_tests(feedback, student):
    """The KIT submission reads the hidden tests of question 1 (In[3]) into a KeyError. Since issue #23 the
    tests run in a process apart, so the student's kernel never holds a hidden test to read."""
    root, pages = feedback
    text = _text(pages[student])
    hidden = hidden_only_lines(ASSIGNMENT, FIXTURES)
    assert hidden and not [line for line in hidden if line in text]
    assert "HIDDEN TESTS" not in text
    if student == KIT:
        autograded = json.loads((root / "autograded" / KIT / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").read_text(
            encoding="utf-8"))
        cell = next(c for c in autograded["cells"]
                    if c["metadata"].get("nbgrader", {}).get("grade_id") == "h01_top3_antwoord")
        error = "".join(o.get("evalue", "") for o in cell["outputs"] if o["output_type"] == "error")
        assert "KeyError" in "".join(o.get("ename", "") for o in cell["outputs"] if o["output_type"] == "error")
        assert not any(line in error for line in hidden), "the student's kernel held a hidden test"
