"""Where the course's notebooks are, shared by the tests in this folder."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHAPTER_DIR = ROOT / "chapters"
sys.path.insert(0, str(ROOT / "tools"))
import notebook_nav  # noqa: E402  the one list of the course's notebooks (header, navigation, site, tests)

START = notebook_nav.START
PRIMER = notebook_nav.PRIMER  # "rekenen met tabellen", for learners who never programmed (issue 10)
CHAPTERS = [c.file for c in notebook_nav.CHAPTERS if c.number > 0]  # the book's chapters
ALL = [c.file for c in notebook_nav.CHAPTERS]


def chapter(name: str) -> Path:
    """A listed notebook; a listed file that is missing fails the test (a deleted chapter is a defect)."""
    path = CHAPTER_DIR / name
    if not path.exists():
        pytest.fail(f"chapters/{name} is in tools/notebook_nav.CHAPTERS but does not exist")
    return path


def stored_notebooks() -> list[Path]:
    """Every notebook kept in git under chapters/, solutions/ and exercises/."""
    found = []
    for folder in ("chapters", "solutions", "exercises"):
        found += [p for p in (ROOT / folder).rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts]
    return sorted(found)


def kernel_env() -> dict[str, str]:
    """Environment for a notebook kernel: venv first on PATH, no forced matplotlib backend.

    ``kit.py test`` sets MPLBACKEND=Agg; a kernel that inherits it would draw no inline charts.
    """
    env = dict(os.environ)
    env.pop("MPLBACKEND", None)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    return env
