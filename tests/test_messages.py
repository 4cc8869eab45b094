"""The message catalogue: every key the code asks for exists, every key is used, texts are well-formed templates.

A key counts as used when it is written as a whole string ("kpi.title") in smmkit/ (outside the
texts in smmkit/messages/nl/), tools/, kit.py or a code cell of a course notebook, or when it
matches a key the code builds: an f-string (f"kpi.{self.key}.label" matches kpi.ctr.label), a
prefix plus a value ("site.state." + state), or a suffix listed in DERIVED.
"""
import ast
import json
import re
import string
import subprocess
from pathlib import Path

import pytest

from smmkit.messages import catalogue, choices, msg, set_language

ROOT = Path(__file__).resolve().parent.parent
KEY_USE = re.compile(r"""\b(?:msg|pair)\(\s*["']([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+)["']""")
CATALOGUE_TEXTS = ROOT / "smmkit" / "messages" / "nl"
KEY = r"[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+"
LITERAL = re.compile(rf"""(?<![\w.])["']({KEY})["']""")
SEGMENT = "[A-Za-z0-9_-]+"
# Suffixes that code adds to a key it has as a literal: suffix -> where that happens.
DERIVED = {".tip": "smmkit/safetynet/hints.py: pair(name) shows msg(name) and msg(name + '.tip')"}


def _python_files():
    yield ROOT / "kit.py"
    for folder in ("smmkit", "tools"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if CATALOGUE_TEXTS not in path.parents:
                yield path


def _notebook_cells():
    names = subprocess.run(["git", "ls-files", "*.ipynb"], cwd=ROOT, capture_output=True, text=True,
                           check=True).stdout.split()
    for name in names:
        if not name.startswith("tests/"):
            for cell in json.loads((ROOT / name).read_text(encoding="utf-8"))["cells"]:
                if cell["cell_type"] == "code":
                    yield name, "".join(cell["source"])


def _sources():
    for path in _python_files():
        yield path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8")
    yield from _notebook_cells()


def _built_patterns(text: str) -> set[str]:
    """Regexes for keys built in code: f"kpi.{k}.label" -> kpi\\.[…]+\\.label, "site.state." + x -> site\\.state\\.[…]+."""
    try:
        tree = ast.parse(text)
    except SyntaxError:   # a notebook cell with a magic: its strings are not keys of ours
        return set()
    patterns = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
            pattern = "".join(re.escape(v.value) if isinstance(v, ast.Constant) else SEGMENT for v in node.values)
        elif (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and isinstance(node.left, ast.Constant)
              and isinstance(node.left.value, str) and node.left.value.endswith(".")):
            pattern = re.escape(node.left.value) + SEGMENT
        else:
            continue
        if re.fullmatch(r"(?:[A-Za-z0-9_-]|\\\.)+", pattern.replace(SEGMENT, "x")) and "\\." in pattern:
            patterns.add(pattern)
    return patterns


def _usage():
    literals, patterns = {}, {}
    for name, text in _sources():
        for key in LITERAL.findall(text):
            literals.setdefault(key, name)
        for pattern in _built_patterns(text):
            patterns.setdefault(pattern, name)
    return literals, patterns


def unused_keys(keys, literals, patterns) -> list[str]:
    compiled = [re.compile(p) for p in patterns]

    def used(key):
        if key in literals or any(p.fullmatch(key) for p in compiled):
            return True
        return any(key.endswith(s) and used(key[:-len(s)]) for s in DERIVED)

    return sorted(k for k in keys if not used(k))


def _keys_used_in_code() -> dict[str, str]:
    used = {}
    for name, text in _sources():
        for key in KEY_USE.findall(text):
            used.setdefault(key, name)
    return used


def test_every_catalogue_key_is_used():
    literals, patterns = _usage()
    unused = unused_keys(catalogue("nl"), literals, patterns)
    assert not unused, f"catalogue keys no code or notebook uses (remove them): {unused}"


def test_every_fstring_key_matches_a_key():
    texts = catalogue("nl")
    _, patterns = _usage()
    prefixes = {k.split(".")[0] for k in texts}
    built = {p: where for p, where in patterns.items()
             if p.split("\\.")[0] in prefixes and not any(re.fullmatch(p, k) for k in texts)}
    assert not built, f"f-strings that build no key of the catalogue: {built}"


def test_every_key_used_in_code_is_in_the_catalogue():
    texts = catalogue("nl")
    missing = {key: name for key, name in _keys_used_in_code().items() if key not in texts}
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
