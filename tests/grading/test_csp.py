"""Ids in the formgrader's own pages cannot carry a script (issue #23, smmkit/grading/csp.py and inert.py).

nbgrader renders its formgrader templates with Jinja without autoescape and writes the student,
assignment and notebook ids into inline scripts that the kit's CSP gives a nonce. These tests render
nbgrader's real templates (the pages and the submission page's nbconvert template) with ids that try
to leave their string or their script, and check that only escaped text arrives; the browser test in
tests/browser/test_inert_formgrader.py opens such a page in the real formgrader.
"""
from __future__ import annotations

import re

import nbformat
import pytest
from jinja2 import Environment, FileSystemLoader
from nbformat.v4 import new_markdown_cell, new_notebook

from smmkit.grading import csp, inert

ATTACKS = ['x";window.gekaapt=1;//', "x</script><script>window.gekaapt=1</script>", "<img src=x onerror=alert(1)>"]


def _breaks_out(html: str) -> bool:
    """True when an attack id left its string in an inline script, or arrived as a tag of its own."""
    scripts = re.findall(r"<script[^>]*>(.*?)</script>", html, re.S)
    return any('x";' in s for s in scripts) or "<script>window.gekaapt" in html or "<img src=x" in html


def _formgrader_env() -> Environment:
    from nbgrader.server_extensions.formgrader import handlers

    return Environment(loader=FileSystemLoader([handlers.template_path]))  # as nbgrader's formgrader makes it


@pytest.mark.parametrize("attack", ATTACKS)
def test_formgrader_pages_show_an_id_only_as_escaped_text(attack):
    env = _formgrader_env()
    settings = {"nbgrader_jinja2_env": env}
    page = "manage_students_assignments.tpl"
    before = env.get_template(page).render(student_id=attack, base_url="/b")
    assert attack in before, "nbgrader's own template writes the id unescaped: the test can see an attack"
    assert csp.escape_formgrader_templates(settings) is True
    after = env.get_template(page).render(student_id=attack, base_url="/b")
    assert attack not in after
    in_script = after.split("var student_id = ")[1].split("\n")[0]
    assert in_script.count('"') == 2 and "<" not in in_script, in_script  # the id cannot leave its string
    plain = env.get_template(page).render(student_id="s001", base_url="/b")
    assert 'var student_id = "s001";' in plain and ">s001</li>" in plain  # a plain id is untouched


def test_escaping_waits_for_the_formgrader_and_leaves_no_stale_template():
    assert csp.escape_formgrader_templates({}) is False  # the formgrader has not loaded yet
    env = _formgrader_env()
    env.get_template("manage_students_assignments.tpl")  # compiled without escaping, cached
    csp.escape_formgrader_templates({"nbgrader_jinja2_env": env})
    html = env.get_template("manage_students_assignments.tpl").render(student_id=ATTACKS[1], base_url="")
    assert ATTACKS[1] not in html


@pytest.mark.parametrize("attack", ATTACKS)
def test_submission_page_escapes_the_ids_from_the_gradebook(attack):
    from nbconvert import HTMLExporter
    from nbgrader.server_extensions.formgrader import handlers

    nb = nbformat.from_dict(new_notebook(cells=[new_markdown_cell("antwoord")]))
    resources = {"assignment_id": "h01", "notebook_id": attack, "submission_id": "1", "index": 0, "total": 1,
                 "base_url": "/b", "student": attack, "last_name": attack, "first_name": attack,
                 "notebook_path": "/b/x.ipynb"}

    def render(preprocessors):
        exporter = HTMLExporter(template_name="formgrade", extra_template_basedirs=[handlers.template_path],
                                preprocessors=preprocessors)
        return exporter.from_notebook_node(nb, resources=dict(resources))[0]

    assert _breaks_out(render([])), "nbgrader's submission template writes the ids unescaped: the test sees it"
    assert not _breaks_out(render([inert.InertHTML]))
    plain = dict(resources, student="s001", notebook_id="h01-introductie", last_name="Jansen", first_name="An")
    assert inert.escape_resources(dict(plain)) == plain
