"""The message catalogue: every key the code asks for exists, and texts are well-formed Dutch templates."""
import re
import string
from pathlib import Path

import pytest

from smmkit.messages import catalogue, choices, msg, set_language

ROOT = Path(__file__).resolve().parent.parent
KEY_USE = re.compile(r"""\bmsg\(\s*["']([a-z0-9_]+(?:\.[a-z0-9_]+)+)["']""")


def _keys_used_in_code() -> dict[str, Path]:
    used = {}
    for path in (ROOT / "smmkit").rglob("*.py"):
        for key in KEY_USE.findall(path.read_text(encoding="utf-8")):
            used.setdefault(key, path)
    return used


def test_every_key_used_in_code_is_in_the_catalogue():
    texts = catalogue("nl")
    missing = {key: str(path.relative_to(ROOT)) for key, path in _keys_used_in_code().items() if key not in texts}
    assert not missing, f"msg() keys without a Dutch text: {missing}"


def test_keys_are_prefixed_by_their_module():
    package = ROOT / "smmkit" / "messages" / "nl"
    for path in package.glob("*.py"):
        if path.name == "__init__.py":
            continue
        namespace = {}
        exec(path.read_text(encoding="utf-8"), namespace)
        for key in namespace.get("MESSAGES", {}):
            assert "." in key, f"{path.name}: key {key!r} needs a 'part.' prefix"


def test_templates_parse():
    formatter = string.Formatter()
    for key, text in catalogue("nl").items():
        assert text.strip(), f"{key} is empty"
        list(formatter.parse(text))  # raises ValueError on a broken template


def test_msg_fills_fields_and_unknown_key_is_a_developer_error():
    assert msg("core.or") == "of"
    with pytest.raises(KeyError, match="no message with key"):
        msg("core.bestaat_niet")


def test_choices_reads_as_dutch():
    assert choices(["A", "B", "C"]) == "A, B of C"
    assert choices(["A"]) == "A"


def test_unknown_language_fails_early():
    with pytest.raises(ModuleNotFoundError):
        set_language("xx")
