"""The checklist "Adding a model with a widget" (CONTRIBUTING.md, docs/bijdragen.md), kept honest (issue #21).

``missing_places(root, name, module)`` reads the files under ``root`` and says which places a widget
class ``name`` (in ``smmkit/widgets/<module>.py``) is not in yet. Every registered widget must be in
all of them; a made-up widget in a made-up tree must get exactly the places it lacks; and the
checklists in CONTRIBUTING.md and docs/bijdragen.md name exactly these places (items start with ``**place**``).
"""
from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def _registry(root: Path) -> dict[str, str]:
    """``_WIDGETS`` of smmkit/widgets/__init__.py, read from the source: {class name: module}."""
    tree = ast.parse(_text(root / "smmkit" / "widgets" / "__init__.py"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "_WIDGETS" for t in node.targets):
            return ast.literal_eval(node.value)
    return {}


def _calls_guard_public(path: Path) -> bool:
    if not path.is_file():
        return False
    for node in ast.walk(ast.parse(_text(path))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "guard_public" \
                and len(node.args) == 1 and isinstance(node.args[0], ast.Call) \
                and getattr(node.args[0].func, "id", None) == "globals":
            return True
    return False


def _catalogue_keys(path: Path) -> set[str]:
    if not path.is_file():
        return set()
    for node in ast.parse(_text(path)).body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "MESSAGES" for t in node.targets):
            return {k.value for k in node.value.keys if isinstance(k, ast.Constant)}
    return set()


def _defines_class(path: Path, name: str) -> bool:
    return path.is_file() and any(isinstance(n, ast.ClassDef) and n.name == name for n in ast.parse(_text(path)).body)


def _chapter_code(root: Path) -> str:
    code = []
    for path in sorted((root / "chapters").glob("*.ipynb")):
        code += ["".join(c["source"]) for c in json.loads(_text(path))["cells"] if c["cell_type"] == "code"]
    return "\n".join(code)


def _student_chapter_table(root: Path) -> str:
    """The rows of the table in docs/student.md whose header is | hoofdstuk | onderwerp | widgets |."""
    lines = _text(root / "docs" / "student.md").splitlines()
    start = next((i for i, line in enumerate(lines) if re.match(r"\|\s*hoofdstuk\s*\|.*\|\s*widgets\s*\|", line)), None)
    if start is None:
        return ""
    rows = []
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        rows.append(line)
    return "\n".join(rows)


# place -> is the widget there? (root, class name, module); the order is the checklist's
PLACES = {
    "model": lambda root, name, module: _calls_guard_public(root / "smmkit" / "models" / f"{module}.py"),
    "messages": lambda root, name, module: any(k.startswith(f"{module}.") for k in
                                               _catalogue_keys(root / "smmkit" / "messages" / "nl" / f"{module}.py")),
    "widget": lambda root, name, module: _defines_class(root / "smmkit" / "widgets" / f"{module}.py", name),
    "registry": lambda root, name, module: _registry(root).get(name) == module,
    "tests": lambda root, name, module: (root / "tests" / "models" / f"test_{module}.py").is_file()
    and name in _text(root / "tests" / "widgets" / f"test_{module}.py"),
    "chapter": lambda root, name, module: re.search(rf"\b{name}\s*\(", _chapter_code(root)) is not None,
    "student-guide": lambda root, name, module: f"`{name}`" in _student_chapter_table(root),
    "widgets-page": lambda root, name, module: f"`{name}()`" in _text(root / "docs" / "widgets.md")
    and (root / "docs" / "img" / f"widget-{name.lower()}.png").is_file(),
}


def missing_places(root: Path, name: str, module: str) -> list[str]:
    """The checklist places that widget class ``name`` of ``smmkit/widgets/<module>.py`` is not in."""
    return [place for place, present in PLACES.items() if not present(root, name, module)]


REGISTERED = {name: module for name, module in _registry(ROOT).items() if name != "SmmkitWidget"}


def test_the_registry_is_read():
    assert len(REGISTERED) >= 14 and REGISTERED["UTMBuilder"] == "utm"


@pytest.mark.parametrize("name", sorted(REGISTERED))
def test_every_registered_widget_is_in_every_place(name):
    assert missing_places(ROOT, name, REGISTERED[name]) == [], "see CONTRIBUTING.md, 'Adding a model with a widget'"


@pytest.mark.parametrize("name", sorted(REGISTERED))
def test_the_safety_net_knows_every_registered_widget_without_a_list(name):
    """No place to add: smmkit.safetynet.kit_names() comes from the registry (a NameError says: run the cell above)."""
    from smmkit.safetynet import kit_names

    assert name in kit_names() and REGISTERED[name] in kit_names()


def test_a_new_widget_that_misses_places_gets_exactly_those(tmp_path):
    """A made-up widget Gadget: its model lacks guard_public, no chapter uses it, no tests, not on the widgets page."""
    def write(relative: str, text: str) -> None:
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    assert missing_places(tmp_path, "Gadget", "gadget") == list(PLACES), "an empty tree misses every place"
    write("smmkit/models/gadget.py", "def gadget_score(x):\n    return x\n")
    write("smmkit/messages/nl/gadget.py", 'MESSAGES = {"gadget.title": "Gadget"}\n')
    write("smmkit/widgets/gadget.py", "from smmkit.widgets.base import SmmkitWidget\n\n\nclass Gadget(SmmkitWidget):\n    pass\n")
    write("smmkit/widgets/__init__.py", '_WIDGETS = {"SmmkitWidget": "base", "Gadget": "gadget"}\n')
    write("tests/widgets/test_gadget.py", "def test_gadget():\n    Gadget()\n")
    write("docs/student.md", "| hoofdstuk | onderwerp | widgets |\n| --- | --- | --- |\n| 1 | intro | `Gadget` |\n")
    write("docs/widgets.md", "## Gadget\n\n`Gadget()` · gebruikt in: nog in geen hoofdstuk\n")
    assert missing_places(tmp_path, "Gadget", "gadget") == ["model", "tests", "chapter", "widgets-page"]

    write("smmkit/models/gadget.py", "def gadget_score(x):\n    return x\n\n\nguard_public(globals())\n")
    write("tests/models/test_gadget.py", "")
    write("chapters/01-intro.ipynb", json.dumps({"cells": [{"cell_type": "code", "source": ["Gadget()"]}]}))
    write("docs/img/widget-gadget.png", "")
    assert missing_places(tmp_path, "Gadget", "gadget") == []
    write("docs/student.md", "`Gadget` in a sentence, not in the chapter table\n")
    assert missing_places(tmp_path, "Gadget", "gadget") == ["student-guide"]


@pytest.mark.parametrize("guide, heading", [("CONTRIBUTING.md", "### Adding a model with a widget"),
                                            ("docs/bijdragen.md", "### Een model met widget toevoegen")])
def test_the_checklist_in_the_guides_names_exactly_these_places(guide, heading):
    text = _text(ROOT / guide)
    assert heading in text, f"{guide} lost its widget checklist ({heading})"
    section = text.split(heading, 1)[1].split("\n### ", 1)[0]
    named = re.findall(r"^\d+\.\s+\*\*([a-z-]+)\*\*", section, re.MULTILINE)
    assert named == list(PLACES), f"{guide}'s widget checklist names {named}, the test checks {list(PLACES)}"
    assert "tools/screenshots.py" in section and "guard_public(globals())" in section
