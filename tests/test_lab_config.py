"""kit.py's configure_lab: Dutch JupyterLab, no news pop-up, nbgrader's teacher parts for teachers only.

The browser side (menus, dialogs, side bar read in a real Lab) is ``tests/browser/test_lab_dutch.py``;
this file checks the files configure_lab writes and that every menu path a learner is told to click
(``*Uitvoeren → Alle cellen uitvoeren*``) is a text the Dutch Lab really shows.
"""
from __future__ import annotations

import gettext
import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
import kit  # noqa: E402

MENUS = {"Bestand", "Bewerk", "Weergave", "Uitvoeren", "Kernel", "Tabs", "Instellingen", "Help"}
ENGLISH_MENUS = {"File", "Edit", "View", "Run", "Settings", "Tabs", "Help"}  # "KPI → metric" is no menu
# menu paths that are English on purpose (none since the conda route runs `kit.py configure`)
ENGLISH_ON_PURPOSE: set[str] = set()
# "Kies *Uitvoeren → Alle cellen erboven uitvoeren*": menu, arrow, item up to the closing * or ( or )
MENU_PATH = re.compile(r"\b([A-Z]\w+) → ([^*()\n\"]+?)(?=\*|\s*\(|\)|\"|\.\s|$)", flags=re.M)


@pytest.fixture(scope="module")
def configured():
    if kit._language_pack_dir() is None:
        pytest.skip("the nl_NL language pack is not installed in .venv")
    kit.configure_lab()
    return kit._language_pack_dir()


def dutch_labels() -> set[str]:
    labels = set()
    for domain in ("jupyterlab", "notebook"):
        for value in kit.lab_catalogue(domain).values():
            if isinstance(value, list):
                labels |= {v for v in value if isinstance(v, str)}
    return labels


def test_students_get_dutch_no_news_and_no_teacher_tools(configured):
    overrides = json.loads((kit.VENV / "share/jupyter/lab/settings/overrides.json").read_text(encoding="utf-8"))
    assert overrides["@jupyterlab/translation-extension:plugin"]["locale"] == "nl_NL"
    assert overrides["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"
    student = json.loads((kit.VENV / "etc/jupyter/labconfig/page_config.json").read_text(encoding="utf-8"))
    teacher = json.loads((kit.DOCENT_CONFIG / "labconfig/page_config.json").read_text(encoding="utf-8"))
    for plugin in ("@jupyter/nbgrader:create-assignment", "@jupyter/nbgrader:formgrader",
                   "@jupyter/nbgrader:course-list", "@jupyter/nbgrader:validate-assignment"):
        assert student["disabledExtensions"][plugin] is True
        assert teacher["disabledExtensions"][plugin] is False
    # the student's assignment list (fetch and submit on JupyterHub) stays
    assert "@jupyter/nbgrader:assignment-list" not in student["disabledExtensions"]
    laptop = json.loads((kit.LAPTOP_CONFIG / "labconfig/page_config.json").read_text(encoding="utf-8"))
    assert laptop["disabledExtensions"] == {"@jupyter/nbgrader:assignment-list": True, "@jupyter/nbgrader:menu": True}


def test_catalogue_is_merged_for_browser_and_server_and_twice_is_once(configured):
    folder = configured
    ours = json.loads((kit.LAB_CATALOGUES / "jupyterlab.json").read_text(encoding="utf-8"))
    served = kit.lab_catalogue("jupyterlab")
    original = json.loads((folder / "jupyterlab.json.orig").read_text(encoding="utf-8"))
    assert served["Run All Cells"] == ["Alle cellen uitvoeren"]
    assert served["Run Selected Cell"] == ours["Run Selected Cell"]  # plural forms kept as a list
    assert {k: v for k, v in served.items() if k not in ours} == {k: v for k, v in original.items() if k not in ours}
    # the server translates menus from settings schemas with gettext and the .mo file
    translations = gettext.GNUTranslations(open(folder / "jupyterlab.mo", "rb"))
    assert translations.pgettext("menu", "Console Run Keystroke") == "Toets om in de console uit te voeren"
    assert translations.gettext("Restart Kernel…") == "Herstart Kernel…"  # the pack's own stays
    # a domain the pack does not have (nbgrader's student panel) is added whole, with its header
    nbgrader = kit.lab_catalogue("nbgrader")
    assert nbgrader["Fetch"] == ["Ophalen"] and nbgrader[""]["domain"] == "nbgrader"
    installed = kit.VENV / "share/jupyter/labextensions" / kit.LAB_EXTENSION_NAME / "static/remoteEntry.js"
    assert installed.read_bytes() == (kit.LAB_EXTENSION / "static/remoteEntry.js").read_bytes()
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    kit.configure_lab()
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_every_menu_path_a_learner_reads_exists_in_dutch(configured):
    labels = {label.rstrip("…") for label in dutch_labels()}
    templates = [re.compile(re.escape(label).replace("%1", ".+") + "$") for label in labels if "%1" in label]
    texts = [p for p in (ROOT / "chapters").glob("*.ipynb")] + [ROOT / "docs" / "student.md", ROOT / "README.md"]
    texts += list((ROOT / "smmkit" / "messages" / "nl").glob("*.py"))
    texts += list((ROOT / "solutions").glob("*/*.ipynb"))
    wrong = []
    for path in texts:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".ipynb":
            text = "\n".join(c.get("source", "") if isinstance(c.get("source"), str) else "".join(c["source"])
                             for c in json.loads(text)["cells"])
        for menu, item in MENU_PATH.findall(text):
            item = item.split(" → ")[0].strip()  # Instellingen → Taal → Nederlands: the menu's own entry
            if menu not in MENUS | ENGLISH_MENUS:
                continue
            where = f"{path.relative_to(ROOT)}: {menu} → {item}"
            known = item.rstrip("…") in labels or any(t.match(item.rstrip("…")) for t in templates)
            if where not in ENGLISH_ON_PURPOSE and (menu not in MENUS or not known):
                wrong.append(where)
    assert not wrong, f"menu paths that the Dutch JupyterLab does not show: {wrong}"
