"""An attacking submission stays inert where the teacher looks at it (issue #23), in real Chromium.

The course of tests/grading/inert_course.py (real nbgrader on the kit's config: a ``<script>``, an
``<img onerror>`` and an SVG script in the open question, Javascript, script-bearing HTML, SVG and
Markdown displayed by an answer cell) is served by the teacher's Lab (``kit.py lab --docent``'s
configuration, ``JUPYTER_CONFIG_PATH`` = the docent folder) from the course folder. Chromium opens the
submission in nbgrader's real formgrader, logged in as the teacher, and the student's feedback page.
A payload that ran would leave a marker in the page (``window.gekaapt``), change the title, and write
``gekaapt-<name>.txt`` through the Jupyter API with the teacher's cookie: none of these may happen,
while the formgrader still works (a manual score typed in is saved in the gradebook).
"""
from __future__ import annotations

import importlib.util
import shutil
import time
from pathlib import Path

import pytest

import labdriver
from conftest import ROOT, configure_kit

spec = importlib.util.spec_from_file_location("inert_course", ROOT / "tests" / "grading" / "inert_course.py")
inert_course = importlib.util.module_from_spec(spec)
spec.loader.exec_module(inert_course)

SETTLE_S = 3  # after the page loaded: time for a payload's fetch to reach the server


class TeacherLab(labdriver.LabServer):
    """The teacher's Lab served from a copy of a graded course (the formgrader needs the course in its root)."""

    def __init__(self, course: Path):
        super().__init__([], news_setting=False)
        self.course = course

    def _write_settings(self, settings: Path) -> None:
        super()._write_settings(settings)
        shutil.copytree(self.course, self.root, symlinks=True, dirs_exist_ok=True)


@pytest.fixture(scope="module")
def teacher(tmp_path_factory):
    kit = configure_kit()
    course = inert_course.build(tmp_path_factory.mktemp("cursus"), tmp_path_factory.mktemp("thuis"))
    with labdriver.config_path(kit.DOCENT_CONFIG):
        lab = TeacherLab(course).start(wait=False)
    try:
        lab.wait_ready()
        yield lab, course
    finally:
        lab.stop()


def _submission_id(root: Path) -> str:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gradebook:
        return gradebook.find_submission_notebook(inert_course.NOTEBOOK[:-6], inert_course.ASSIGNMENT,
                                                  inert_course.STUDENT).id


def _manual_score(root: Path):
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gradebook:
        return gradebook.find_grade(inert_course.OPEN_QUESTION, inert_course.NOTEBOOK[:-6], inert_course.ASSIGNMENT,
                                    inert_course.STUDENT).manual_score


def _traces(page, folder: Path) -> dict:
    return {"marker": page.evaluate("window.gekaapt || null"), "title": page.title(),
            "files": sorted(p.name for p in folder.glob("gekaapt-*.txt"))}


def _as_teacher(page, lab) -> None:
    """Log in and open JupyterLab first, as a teacher does before the formgrader (Lab sets the _xsrf cookie)."""
    page.goto(lab.url("lab"))
    page.locator("#jp-main-dock-panel").wait_for(state="visible", timeout=labdriver.SLOW_MS)


def test_formgrader_shows_the_attack_as_text_and_runs_none_of_it(teacher, chromium):
    lab, _course = teacher
    with labdriver.new_page(chromium) as page:
        _as_teacher(page, lab)
        response = page.goto(f"{lab.base_url}/formgrader/submissions/{_submission_id(lab.root)}/")
        page.wait_for_load_state("networkidle")
        time.sleep(SETTLE_S)
        traces = _traces(page, lab.root)
        text = page.inner_text("body")
        assert traces == {"marker": None, "title": inert_course.NOTEBOOK[:-6], "files": []}, traces
        policy = response.headers.get("content-security-policy", "")
        assert "script-src" in policy and "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0], policy
        assert inert_course.ADVICE in text and "<script>" in text, "the open answer is shown, its script as text"
        # the way a payload would write is open to a script that does run on this page
        page.evaluate(inert_course.script("controle"))
        deadline = time.monotonic() + 20
        while not (lab.root / "gekaapt-controle.txt").exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert (lab.root / "gekaapt-controle.txt").exists(), "a running script could write: the test can see it"


def test_formgrader_still_saves_a_manual_score(teacher, chromium):
    lab, _course = teacher
    with labdriver.new_page(chromium) as page:
        _as_teacher(page, lab)
        page.goto(f"{lab.base_url}/formgrader/submissions/{_submission_id(lab.root)}/")
        score = page.locator(f"input.score#{inert_course.OPEN_QUESTION}")
        score.fill("2")
        score.press("Tab")
        deadline = time.monotonic() + 30
        while _manual_score(lab.root) != 2 and time.monotonic() < deadline:
            time.sleep(0.3)
    assert _manual_score(lab.root) == 2, "the formgrader's own scripts run"


def test_feedback_page_runs_none_of_the_attack(teacher, chromium):
    _lab, course = teacher
    page_path = course / "feedback" / inert_course.STUDENT / inert_course.ASSIGNMENT / f"{inert_course.ASSIGNMENT}.html"
    with labdriver.new_page(chromium) as page:
        page.goto(page_path.as_uri())
        page.wait_for_load_state("load")
        time.sleep(SETTLE_S)
        marker, title = page.evaluate("window.gekaapt || null"), page.title()
        text = page.inner_text("body")
    assert marker is None and "GEKAAPT" not in title, (marker, title)
    assert inert_course.ADVICE in text and "<script>" in text


ID_ATTACKS = {  # a link a student can put in her answer: the id in the URL tries to leave its script or string
    "id_string": 'x";' + inert_course.script("id_string") + "//",
    "id_tag": "x</script><script>" + inert_course.script("id_tag") + "</script>",
}


@pytest.mark.parametrize("name", sorted(ID_ATTACKS))
def test_formgrader_pages_run_no_script_from_an_id_in_the_url(teacher, chromium, name):
    from urllib.parse import quote

    lab, _course = teacher
    with labdriver.new_page(chromium) as page:
        _as_teacher(page, lab)
        response = page.goto(f"{lab.base_url}/formgrader/manage_students/{quote(ID_ATTACKS[name], safe='')}")
        page.wait_for_load_state("networkidle")
        time.sleep(SETTLE_S)
        traces = _traces(page, lab.root)
        assert response.status == 200, response.status
        # (the first test's control file, written on purpose by a script that runs, may be there)
        assert traces["marker"] is None and f"gekaapt-{name}.txt" not in traces["files"] \
            and "GEKAAPT" not in traces["title"], traces
        assert "gekaapt" in page.inner_text("body"), "the id is shown, as text"
