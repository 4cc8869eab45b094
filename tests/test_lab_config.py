"""The course's Lab config, installed with the package: Dutch JupyterLab, no news pop-up, nbgrader's
teacher parts for teachers only.

The browser side (menus, dialogs, side bar read in a real Lab) is ``tests/browser/test_lab_dutch.py``;
a clean install of the wheel without kit.py is ``tests/test_wheel_lab.py``. This file checks the files
installed into .venv from ``jupyter-config/``, the Dutch texts served on top of the language pack, and that every menu path a learner is told to click
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
    """The Lab config as installed with the package into .venv (kit.py setup installs the project)."""
    if not (kit.VENV / "share/jupyter/labextensions" / kit.LAB_EXTENSION_NAME / "package.json").exists():
        pytest.fail("the kit's lab extension is not installed in .venv (python3 kit.py setup installs it)")
    return kit.VENV


def dutch_labels() -> set[str]:
    labels = set()
    for domain in ("jupyterlab", "notebook"):
        for value in kit.lab_catalogue(domain).values():
            if isinstance(value, list):
                labels |= {v for v in value if isinstance(v, str)}
    return labels


def test_students_get_dutch_no_news_and_no_teacher_tools(configured):
    for relative in ("share/jupyter/lab/settings/overrides.json", "etc/jupyter/labconfig/page_config.json",
                     "etc/jupyter/jupyter_server_config.d/smmkit.json", "etc/ipython/ipython_kernel_config.py"):
        assert (configured / relative).read_bytes() == (kit.JUPYTER_CONFIG / relative).read_bytes(), relative
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


def test_the_kits_texts_are_served_on_top_of_the_untouched_language_pack(configured):
    from smmkit import labtexts

    ours = json.loads((ROOT / "smmkit/messages/nl/jupyterlab/jupyterlab.json").read_text(encoding="utf-8"))
    served = kit.lab_catalogue("jupyterlab")
    assert served["Run All Cells"] == ["Alle cellen uitvoeren"]
    assert served["Run Selected Cell"] == ours["Run Selected Cell"]  # plural forms kept as a list
    # the pack's own files are as the pack installed them (no .orig copies, no kit texts in them)
    pack = next(configured.glob("lib/python3*/site-packages/jupyterlab_language_pack_nl_NL/locale/nl_NL/LC_MESSAGES"))
    assert not list(pack.glob("*.orig")) and not (pack / "nbgrader.json").exists()
    theirs = json.loads((pack / "jupyterlab.json").read_text(encoding="utf-8"))
    assert "Run All Cells" not in theirs, "the pack got the text itself: is the kit's addition still needed?"
    assert {k: v for k, v in served.items() if k not in ours} == {k: v for k, v in theirs.items() if k not in ours}
    # the server translates menus from settings schemas with gettext: the kit's texts first, the pack's .mo behind
    bundle = labtexts._KitFirst(labtexts.catalogues()["jupyterlab"],
                                gettext.GNUTranslations(open(pack / "jupyterlab.mo", "rb")))
    assert bundle.pgettext("menu", "Console Run Keystroke") == "Toets om in de console uit te voeren"
    assert bundle.gettext("Restart Kernel…") == "Herstart Kernel…"  # the pack's own stays
    # a domain the pack does not have (nbgrader's student panel) is added whole, with its header
    nbgrader = kit.lab_catalogue("nbgrader")
    assert nbgrader["Fetch"] == ["Ophalen"] and nbgrader[""]["domain"] == "nbgrader"


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
