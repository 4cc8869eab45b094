"""Where do worked answers or hidden tests turn up? Lines that only solutions/ holds, and a search for them.

``solution_only_lines(root)``: the lines of the worked answers and hidden tests of every assignment in
``root``/solutions/ (``feedback.secret_lines``: not also visible, not short, not a comment) that occur in
none of the course's public material (chapters, released exercises, the kit, datasets, docs). A file
that holds one of them leaks a solution. ``leaks(folders, secret)`` searches every readable regular file
under ``folders`` (symlinks not followed, unreadable files skipped: run it as the user whose view you
test). Comparison is per stripped line, also inside JSON strings (a notebook stores ``"x = 1\\n",``), so a
set lookup per line: fast enough for a whole machine's worth of folders.

Command line (the hub test runs it as a student): ``python -m smmkit.grading.leaks LINES.json FOLDER…``
prints one ``path: line`` per leaking file and exits 1 if there is any.
"""
from __future__ import annotations

import json
import os
import re
import stat
import sys
from pathlib import Path

BEGIN_SOLUTION, END_SOLUTION = "### BEGIN SOLUTION", "### END SOLUTION"
BEGIN_HIDDEN, END_HIDDEN = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"
PUBLIC_FOLDERS = ("chapters", "exercises", "smmkit", "datasets", "docs")
JSON_STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
MAX_BYTES = 20_000_000  # a file larger than this is read up to here


MIN_SECRET = 12  # shorter lines (``else:``, ``assert ok``) say nothing and occur everywhere


def secret_lines(sources) -> set[str]:
    """Lines of worked answers and hidden tests in ``sources`` (cell texts) that are not also visible."""
    secret, visible = set(), set()
    for text in sources:
        depth = 0
        for raw in text.splitlines():
            line = raw.strip()
            if BEGIN_SOLUTION in line or BEGIN_HIDDEN in line:
                depth += 1
            elif END_SOLUTION in line or END_HIDDEN in line:
                depth = max(0, depth - 1)
            elif depth:
                secret.add(line)
            else:
                visible.add(line)
    return {line for line in secret - visible if len(line) >= MIN_SECRET and not line.startswith("#")}


def candidate_lines(text: str) -> set[str]:
    """The stripped lines of ``text`` and of every JSON/Python string literal in it."""
    found = {line.strip() for line in text.splitlines()}
    for literal in JSON_STRING.findall(text):
        if "\\" in literal:
            try:
                literal = json.loads(f'"{literal}"')
            except ValueError:
                continue
        found.update(line.strip() for line in literal.splitlines())
    return found


def _sources(path: Path) -> list[str]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return ["".join(c["source"]) if isinstance(c["source"], list) else c["source"] for c in cells]


def solution_only_lines(root) -> set[str]:
    root = Path(root)
    sources = [text for path in sorted((root / "solutions").glob("*/*.ipynb")) for text in _sources(path)]
    public: set[str] = set()
    for folder in PUBLIC_FOLDERS:
        for path in (root / folder).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                public |= candidate_lines(path.read_text(encoding="utf-8", errors="replace"))
    return secret_lines(sources) - public


def leaks(folders, secret: set[str]) -> dict[str, str]:
    """path -> one leaked line, for every readable regular file under ``folders`` that holds one."""
    found = {}
    for folder in folders:
        for dirpath, dirnames, filenames in os.walk(folder, onerror=lambda _error: None):
            for name in filenames:
                path = os.path.join(dirpath, name)
                try:
                    if not stat.S_ISREG(os.lstat(path).st_mode):
                        continue
                    with open(path, "rb") as handle:
                        text = handle.read(MAX_BYTES).decode("utf-8", errors="replace")
                except OSError:
                    continue
                hit = candidate_lines(text) & secret
                if hit:
                    found[path] = sorted(hit)[0]
    return found


def main(argv: list[str]) -> int:
    secret = set(json.loads(Path(argv[0]).read_text(encoding="utf-8")))
    own = os.path.realpath(argv[0])  # the list of lines itself
    found = {path: line for path, line in leaks(argv[1:], secret).items() if os.path.realpath(path) != own}
    for path, line in sorted(found.items()):
        print(f"{path}: {line}".encode("utf-8", "backslashreplace").decode("utf-8"))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
