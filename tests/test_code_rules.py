"""Rules for the kit's code that a reviewer would otherwise have to remember.

- A number a learner reads gets its Dutch decimal comma from ``smmkit.models._input.fmt`` (or
  ``money``), not from a hand-made ``.replace(".", ",")`` next to each message.
"""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HAND_MADE_COMMA = re.compile(r"""\.replace\(\s*(['"])\.\1\s*,\s*(['"]),\2\s*\)""")

# Files that write a decimal comma on purpose without _input.fmt, and why.
COMMA_ALLOWED = {
    "smmkit/models/_input.py": "fmt and money themselves",
    "smmkit/widgets/_files.py": "CSV cells for Excel: all 15 digits and no thousands dots (fmt rounds and adds dots)",
    "smmkit/grading/course.py": "teacher tables: a fixed number of decimals so columns line up (fmt drops zeros)",
    "smmkit/grading/export.py": "LMS import files: the number exactly as the gradebook has it, comma optional",
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
