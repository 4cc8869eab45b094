"""Where the course's notebooks are, shared by the tests in this folder."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHAPTER_DIR = ROOT / "chapters"
# the agreed file names (TEAM.md); a missing file skips its tests with that reason, nothing else does
START = "00-start.ipynb"
PRIMER = "00-tabellen.ipynb"  # "rekenen met tabellen", for learners who never programmed (issue 10)
CHAPTERS = [
    "01-introductie.ipynb",
    "02-typen-en-kanalen.ipynb",
    "03-strategie.ipynb",
    "04-social-analytics.ipynb",
    "05-contentmarketing.ipynb",
    "06-merkstrategie.ipynb",
    "07-koopcyclus.ipynb",
    "08-gebruikscyclus.ipynb",
    "09-cocreatie.ipynb",
]
ALL = [START, PRIMER, *CHAPTERS]


def chapter_or_skip(name: str) -> Path:
    path = CHAPTER_DIR / name
    if not path.exists():
        pytest.skip(f"chapters/{name} is not written yet")
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
