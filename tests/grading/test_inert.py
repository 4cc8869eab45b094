"""What nbgrader stores and hands out of an attacking submission holds nothing active and nothing secret (issue #23).

Real nbgrader on the kit's config (tests/grading/inert_course.py): the open question carries a
``<script>``, an ``<img onerror>`` and an SVG script; an answer cell displays Javascript, script-bearing
HTML, SVG and Markdown; the notebook carries a widget state and cell metadata of its own; the
submission folder holds relative symlinks to the worked answers and to the gradebook (one under the
name of the declared saved-work file). Whether the payloads run in a browser is
tests/browser/test_inert_formgrader.py; here: the files.
"""
from __future__ import annotations

import json
import re

import pytest

from . import inert_course
from .inert_course import ASSIGNMENT, NOTEBOOK, STUDENT

ALLOWED_OUTPUT_DATA = {"text/plain", "text/html", "image/png", "image/jpeg"}


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    return inert_course.build(tmp_path_factory.mktemp("cursus"), tmp_path_factory.mktemp("thuis"))


def _autograded(course) -> dict:
    return json.loads((course / "autograded" / STUDENT / ASSIGNMENT / NOTEBOOK).read_text(encoding="utf-8"))


@pytest.mark.timeout(900)
def test_autograded_notebook_keeps_no_script_widget_state_or_foreign_metadata(course):
    nb = _autograded(course)
    assert set(nb["metadata"]) <= {"kernelspec", "language_info"}, nb["metadata"].keys()
    for cell in nb["cells"]:
        assert set(cell["metadata"]) <= {"nbgrader"}, cell["metadata"]
        for output in cell.get("outputs", []):
            assert set(output.get("data", {})) <= ALLOWED_OUTPUT_DATA, output
            assert not output.get("metadata"), output
            html = output.get("data", {}).get("text/html", "")
            html = html if isinstance(html, str) else "".join(html)
            assert not re.search(r"<(script|svg|iframe)|\son\w+=", html, re.I), html
    answer = next(c for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") == inert_course.ANSWER_CELL)
    shown = json.dumps(answer["outputs"])
    assert "&lt;script&gt;" in shown, "the student's script is kept as text for the teacher to see"
    assert "application/javascript" in shown, "the dropped output says in Dutch what was left out"


@pytest.mark.timeout(900)
def test_feedback_folder_holds_only_the_html(course):
    """nbgrader copied every file of autograded/ (symlinks followed): worked answers and the gradebook."""
    folder = course / "feedback" / STUDENT / ASSIGNMENT
    assert sorted(p.name for p in folder.iterdir()) == [f"{ASSIGNMENT}.html"]
    secret = inert_course.worked_answer_lines()
    assert secret
    for path in folder.rglob("*"):
        data = path.read_bytes()
        assert not data.startswith(b"SQLite format"), path
        text = data.decode("utf-8", "replace")
        assert not [line for line in secret if line in text], path


@pytest.mark.timeout(900)
def test_feedback_html_has_no_student_script(course):
    page = (course / "feedback" / STUDENT / ASSIGNMENT / f"{ASSIGNMENT}.html").read_text(encoding="utf-8")
    scripts = re.findall(r"<script\b[^>]*>(.*?)</script>", page, flags=re.S | re.I)
    assert scripts, "the template's own scripts are there"
    assert not [s for s in scripts if "gekaapt" in s.lower()]
    assert not re.search(r"<(img|svg)\b[^>]*\son\w+\s*=", page, re.I)
    assert inert_course.ADVICE in page
    assert "&lt;script&gt;" in page, "the attempt is shown as text"


def test_regular_declared_file_is_copied_to_the_feedback(tmp_path):
    """The learner's own saved work and nbgrader's timestamp (regular files in submitted/ and autograded/)
    do reach the feedback; found by the hub test: release_feedback needs timestamp.txt and submission_secret.txt."""
    from nbgrader.converters.generate_feedback import GenerateFeedback
    from nbgrader.coursedir import CourseDirectory
    from traitlets.config import Config

    from smmkit.grading.feedback import init_feedback_folder

    (tmp_path / "solutions" / ASSIGNMENT).mkdir(parents=True)
    (tmp_path / "solutions" / ASSIGNMENT / NOTEBOOK).write_text(json.dumps({"cells": [
        {"cell_type": "code", "metadata": {"nbgrader": {"grade": True, "grade_id": "x"}},
         "source": 'w = check.saved_file("h01_behoeften.json", question="x")'}]}), encoding="utf-8")
    for kind in ("submitted", "autograded"):
        folder = tmp_path / kind / STUDENT / ASSIGNMENT
        folder.mkdir(parents=True)
        (folder / "h01_behoeften.json").write_text('{"widget": 1}', encoding="utf-8")
        (folder / "andere.txt").write_text("niet gevraagd", encoding="utf-8")
        (folder / "timestamp.txt").write_text("2026-12-06 21:00:00.000000 UTC", encoding="utf-8")
        (folder / "submission_secret.txt").write_text("a" * 32, encoding="utf-8")
    config = Config()
    config.CourseDirectory.root = str(tmp_path)
    config.CourseDirectory.source_directory = "solutions"
    converter = GenerateFeedback(coursedir=CourseDirectory(config=config), config=config)
    (tmp_path / "feedback" / STUDENT / ASSIGNMENT).mkdir(parents=True)
    init_feedback_folder(converter, ASSIGNMENT, STUDENT)
    copied = sorted(p.name for p in (tmp_path / "feedback" / STUDENT / ASSIGNMENT).iterdir())
    assert copied == ["h01_behoeften.json", "submission_secret.txt", "timestamp.txt"]  # release_feedback reads both
