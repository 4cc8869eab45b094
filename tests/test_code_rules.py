"""Rules for the kit's code that a reviewer would otherwise have to remember.

- A number a learner reads gets its Dutch decimal comma from ``smmkit.models._input.fmt`` (or
  ``money``), not from a hand-made ``.replace(".", ",")`` next to each message; thousands dots too.
- A box or status line in a notebook comes from ``smmkit.boxes`` (``box``, ``note``): no other module
  of the package writes a ``<div style=...>`` or box CSS (a border, a background) inline.
"""
import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HAND_MADE_COMMA = re.compile(r"""\.replace\(\s*(['"])\.\1\s*,\s*(['"]),\2\s*\)"""           # 85.7 -> 85,7
                             r"""|:,[^{}\n]*\}[^\n]*\.replace\(\s*(['"]),\3\s*,\s*(['"])\.\4\s*\)""")  # 1,000 -> 1.000

# Files that write a decimal comma on purpose without _input.fmt, and why.
COMMA_ALLOWED = {
    "smmkit/models/_input.py": "fmt and money themselves",
    "smmkit/widgets/_files.py": "CSV cells for Excel: all 15 digits and no thousands dots (fmt rounds and adds dots)",
    "smmkit/grading/course.py": "teacher tables: a fixed number of decimals so columns line up (fmt drops zeros)",
    "smmkit/grading/grades.py": "LMS import files: the number exactly as the gradebook has it, comma optional",
    "smmkit/grading/lms_file.py": "LMS export report: the cut-off as the teacher typed it (0.55 -> 0,55), no rounding",
}


def _sources():
    for path in sorted((ROOT / "smmkit").rglob("*.py")):
        yield path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8")


def test_decimal_commas_come_from_the_one_helper():
    found = [f"{name}:{text[:m.start()].count(chr(10)) + 1}" for name, text in _sources()
             if name not in COMMA_ALLOWED for m in HAND_MADE_COMMA.finditer(text)]
    assert not found, f"a hand-made decimal comma; use smmkit.models._input.fmt: {found}"


def test_the_comma_allowlist_is_current():
    present = {name for name, text in _sources() if HAND_MADE_COMMA.search(text)}
    assert set(COMMA_ALLOWED) <= present, f"no longer needed in COMMA_ALLOWED: {set(COMMA_ALLOWED) - present}"


BOX_CSS = re.compile(r"<div\b[^>]*\bstyle\s*=|\b(?:border(?:-left|-right|-top|-bottom)?|background(?:-color)?)\s*:")
# Modules that may write box CSS inline, each with its reason (none since check.py and the safety net use boxes).
BOX_ALLOWED: dict[str, str] = {}


def _strings(text: str):
    """(line, text) of every string in the module; an f-string with its fields as {}."""
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.JoinedStr):
            yield node.lineno, "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.lineno, node.value


def _inline_boxes():
    for name, text in _sources():
        if name != "smmkit/boxes.py":
            for line, string in _strings(text):
                if BOX_CSS.search(string):
                    yield name, line


def test_boxes_come_from_smmkit_boxes():
    found = sorted({f"{name}:{line}" for name, line in _inline_boxes() if name not in BOX_ALLOWED})
    assert not found, f"inline box CSS; use smmkit.boxes.box or boxes.note: {found}"


def test_the_box_allowlist_is_current():
    present = {name for name, _ in _inline_boxes()}
    assert set(BOX_ALLOWED) <= present, f"no longer needed in BOX_ALLOWED: {set(BOX_ALLOWED) - present}"
