"""JupyterLab is Dutch where a student looks, and students get nbgrader's student parts only (issue 10).

A real ``jupyter lab`` from ``.venv`` (configured by ``kit.py``'s ``configure_lab``) in headless
Chromium. The test reads the texts a student sees: every entry of every main menu, the right-click
menu of a cell, the notebook toolbar, the titles of the side bar, the status bar and the restart
dialog. A text is English when it is one of JupyterLab's own message ids (read from Lab's
JavaScript, ``trans.__("…")``) that the Dutch catalogue (the language pack plus the kit's
``smmkit/messages/nl/jupyterlab/``) does not translate. The news pop-up must not appear.

nbgrader: a student sees no "Create Assignment" side bar, no Formgrader, no course list and no
(English-only) Validate button. On a laptop (``kit.py lab`` puts ``.venv/etc/smmkit-laptop`` on
``JUPYTER_CONFIG_PATH``) nbgrader's menu and assignment list are gone too: there is no exchange, and
nbgrader has no Dutch. A JupyterHub student (the plain .venv config) keeps the assignment list to
fetch and submit, in Dutch through the kit's lab extension (``test_lab_nbgrader_nl.py`` reads the
panel itself with a real exchange): here its menu entry must be the Dutch one. With the
teacher switch (``kit.py lab --docent``: ``.venv/etc/smmkit-docent``) the teacher gets all back.
"""
from __future__ import annotations

import json
import re
import sys
from functools import lru_cache
from pathlib import Path

import pytest

import labdriver

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK = Path(__file__).with_name("harness_demo.ipynb")
sys.path.insert(0, str(ROOT))
import kit  # noqa: E402

NBGRADER_TEACHER = ("Create Assignment", "Create assignment", "Formgrader", "Course List", "Validate")


@lru_cache(maxsize=1)
def english_ids() -> tuple[frozenset[str], list[re.Pattern]]:
    """JupyterLab's message ids that the Dutch catalogue in .venv leaves untranslated."""
    catalogue = {**kit.lab_catalogue("notebook"), **kit.lab_catalogue("jupyterlab")}
    ids: set[str] = set()
    # trans.__("id"), trans._n("id", "ids", n) and trans._p("context", "id")
    string = r'"((?:[^"\\]|\\.)*)"'
    patterns = [re.compile(r"\.__\(" + string), re.compile(r"\._n\(" + string)]
    in_context = re.compile(r"\._p\(" + string + r",\s*" + string)
    for folder in (kit.VENV / "share" / "jupyter" / "lab" / "static",
                   kit.VENV / "share" / "jupyter" / "labextensions"):
        for js in folder.rglob("*.js"):
            source = js.read_text(encoding="utf-8", errors="replace")
            found = [raw for p in patterns for raw in p.findall(source)]
            found += [raw for ctx, raw in in_context.findall(source) if f"{ctx}\x04{raw}" not in catalogue]
            for raw in found:
                try:
                    text = json.loads('"' + raw.replace("\\'", "'") + '"')
                except ValueError:
                    continue
                if text.strip() and text not in catalogue:
                    ids.add(text)
    plain = frozenset(i for i in ids if "%" not in i)
    # "Cell %1/%2" becomes a pattern; a template with hardly any words ("%1 (%2)") would match anything
    templates = [re.compile(re.escape(i).replace(re.escape("%1"), ".+").replace(re.escape("%2"), ".+") + r"$")
                 for i in ids if "%1" in i and len(re.sub(r"%\d|[^A-Za-z]", "", i)) >= 4]
    return plain, templates


@lru_cache(maxsize=1)
def dutch_texts() -> frozenset[str]:
    both = [*kit.lab_catalogue("jupyterlab").values(), *kit.lab_catalogue("notebook").values()]
    return frozenset(v for value in both if isinstance(value, list) for v in value)


def is_english(text: str) -> bool:
    plain, templates = english_ids()
    text = text.strip()
    if not text or text in dutch_texts():
        return False
    if text in plain:
        return True
    return any(t.match(text) for t in templates)


def visible_texts(page) -> dict[str, list[str]]:
    """What a student reads, per place."""
    texts: dict[str, list[str]] = {}
    for item in page.locator(".lm-MenuBar-item").all():
        name = item.inner_text().strip()
        item.click()
        menu = page.locator(".lm-Menu.lm-MenuBar-menu").first
        menu.wait_for(state="visible", timeout=10_000)
        texts[f"menu {name}"] = [name, *menu.locator(".lm-Menu-itemLabel").all_inner_texts()]
        page.keyboard.press("Escape")
        menu.wait_for(state="hidden", timeout=10_000)
    page.locator(".jp-NotebookPanel .jp-Cell").first.click(button="right")
    context = page.locator(".lm-Menu").first
    context.wait_for(state="visible", timeout=10_000)
    texts["cell context menu"] = context.locator(".lm-Menu-itemLabel").all_inner_texts()
    page.keyboard.press("Escape")
    toolbar = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-NotebookPanel-toolbar").first
    texts["notebook toolbar"] = [t for t in toolbar.inner_text().split("\n")] + [
        b.get_attribute("title") or "" for b in toolbar.locator("[title]").all()]
    texts["side bar"] = [t.get_attribute("title") or "" for t in page.locator(".jp-SideBar .lm-TabBar-tab").all()]
    texts["status bar"] = page.locator("#jp-main-statusbar").inner_text().split("\n")
    return texts


def restart_dialog_texts(page) -> list[str]:
    labdriver.run_command_from_menu(page, "kernelmenu:restart", "notebook:restart-kernel")
    dialog = page.locator(".jp-Dialog").first
    dialog.wait_for(state="visible", timeout=10_000)
    texts = [t for t in dialog.inner_text().split("\n")]
    dialog.locator(".jp-mod-reject").first.click()  # "Annuleren": leave the kernel alone
    dialog.wait_for(state="hidden", timeout=10_000)
    return texts


@pytest.fixture(scope="module")
def own_labs(configured):
    """A Lab of its own for the laptop's and for the teacher's configuration (``JUPYTER_CONFIG_PATH``
    is read when Lab starts), started side by side; no user setting against the news pop-up: the
    kit's overrides must do that."""
    labs = {}
    for where, config in (("laptop", kit.LAPTOP_CONFIG), ("docent", kit.DOCENT_CONFIG)):
        with labdriver.config_path(config):
            labs[where] = labdriver.LabServer([NOTEBOOK], news_setting=False).start(wait=False)
    try:
        for lab in labs.values():
            lab.wait_ready()
        yield labs
    finally:
        for lab in labs.values():
            lab.stop()


@pytest.fixture(scope="module")
def configured():
    kit.configure_lab()  # what every kit.py command does first


def test_the_english_detector_knows_lab_strings(configured):
    catalogue = kit.lab_catalogue()
    assert "Run All Cells" in catalogue, "the kit's additions are not merged into the language pack"
    assert not is_english("Run All Cells") and not is_english(catalogue["Run All Cells"][0])
    # strings Lab has and nobody translated are found, with %1 templates matched as patterns
    plain, templates = english_ids()
    assert "Open in Simple Mode" in plain or plain, "the detector reads no Lab strings at all"
    assert any(t.match("Shut down kernel of x.ipynb?") for t in templates) or templates


@pytest.mark.parametrize("where", ["laptop", "hub"])
def test_student_lab_is_dutch_and_has_no_teacher_tools(configured, chromium, request, where):
    # the hub's Lab has the environment's own configuration: the browser tests' shared Lab
    lab = request.getfixturevalue("own_labs")["laptop"] if where == "laptop" else request.getfixturevalue("test_lab")
    name = lab.add([NOTEBOOK])[0]
    try:
        with labdriver.new_page(chromium) as page:
            labdriver.open_notebook(page, lab, name)
            page.wait_for_timeout(1500)  # late plugins (news, nbgrader) have had their chance
            texts = visible_texts(page)
            texts["restart dialog"] = restart_dialog_texts(page)
            english = {where: [t for t in found if is_english(t)] for where, found in texts.items()}
            english = {where: found for where, found in english.items() if found}
            assert not english, f"English texts a student sees: {english}"
            everything = "\n".join(t for found in texts.values() for t in found)
            shown = [name for name in NBGRADER_TEACHER if name in everything]
            assert not shown, f"a student sees nbgrader's teacher tools or the English Validate: {shown}"
            if where == "laptop":
                assert not {"Nbgrader", "Assignment List", "Opdrachtenlijst"} & set(everything.split("\n")), texts
            else:
                assert "Opdrachtenlijst" in everything, "a hub student needs the assignment list to submit"
            toasts = page.locator(".Toastify__toast").all_inner_texts()
            assert not toasts, f"a pop-up appeared (the news question?): {toasts}"
    finally:
        lab.shutdown_kernels()


def test_teacher_switch_brings_nbgrader_tools_back(own_labs, chromium):
    lab = own_labs["docent"]
    name = lab.add([NOTEBOOK])[0]
    try:
        with labdriver.new_page(chromium) as page:
            labdriver.open_notebook(page, lab, name)
            page.wait_for_timeout(1500)
            texts = visible_texts(page)
            everything = "\n".join(t for found in texts.values() for t in found)
            assert "Formgrader" in everything and "Create Assignment" in everything.replace("assignment", "Assignment")
    finally:
        lab.shutdown_kernels()
