"""Compounds with 'social media' are written as the book writes them: socialmediamanagement,
socialmediaplan, socialmediastrategie, socialmediamanager (Rietberg & Ruigrok, 2025; issue #19).

The kit writes every compound of this kind the same way (socialmediabeleid, socialmediateam,
socialmediagebruik, socialmedia-account ...), never 'socialemedia…', 'sociale-media…' or
'social-media…' (issue #11's 'socialemedia…' is replaced: a course follows its book). Standalone
'social media' and 'sociale media' stay as they are.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# socialemediax, sociale-mediax, social-mediax (not socialmediax; not part of a web address)
OLD_COMPOUND = re.compile(r"(?<![\w.])social(?:e|e-|-)media[a-z-]", re.IGNORECASE)
CITED_TITLE = "*Introductie in socialmediamanagement*"  # the book's chapter title, cited as printed
BOOK_TITLE = 'book_title="Introductie in socialmediamanagement"'  # where tools/notebook_nav.py keeps it


def learner_files() -> list[Path]:
    """Everything a learner or lecturer reads: notebooks, docs, messages, datasets, chapter titles."""
    found: list[Path] = []
    for folder in ("chapters", "solutions", "exercises"):
        found += (ROOT / folder).rglob("*.ipynb")
    found += (ROOT / "docs").rglob("*.md")
    found += (ROOT / "smmkit" / "messages").rglob("*.py")
    found += (ROOT / "smmkit" / "messages").rglob("*.json")
    for pattern in ("*.csv", "*.json", "*.md"):
        found += (ROOT / "datasets").glob(pattern)
    found += ROOT.glob("*.md")
    found += [ROOT / "exercises" / "README.md", ROOT / "solutions" / "README.md",
              ROOT / "tools" / "notebook_nav.py"]
    return sorted(p for p in set(found) if p.is_file() and ".ipynb_checkpoints" not in p.parts)


def old_compounds(text: str) -> list[str]:
    text = text.replace(CITED_TITLE, "").replace(BOOK_TITLE, "")
    return [re.match(r"[\w-]+", text[m.start():]).group() for m in OLD_COMPOUND.finditer(text)]


@pytest.mark.parametrize("wrong", ["socialemediastrategie", "sociale-mediastrategie", "social-mediastrategie",
                                   "socialemediabeleid", "sociale-mediabeleid", "social-mediabeleid",
                                   "Socialemediamanager", "socialemedia-accounts"])
def test_the_check_sees_old_spellings(wrong):
    assert old_compounds(f"Een {wrong} maken.") == [wrong]


@pytest.mark.parametrize("right", ["socialmediastrategie", "Socialmediabeleid", "socialmedia-account",
                                   "socialmediamanagement", "social media zijn", "sociale media zijn",
                                   "www.socialmediameetlat.nl", CITED_TITLE])
def test_the_check_leaves_right_spellings_alone(right):
    assert old_compounds(f"Een {right} maken.") == []


def test_the_file_list_holds_what_learners_read():
    names = {p.relative_to(ROOT).as_posix() for p in learner_files()}
    for expected in ("chapters/03-strategie.ipynb", "exercises/h03-strategie/h03-strategie.ipynb",
                     "solutions/h03-strategie/h03-strategie.ipynb", "docs/widgets.md",
                     "smmkit/messages/nl/peso.py", "datasets/wereldsteden_organisatie.csv",
                     "datasets/DATASHEET.md", "README.md", "tools/notebook_nav.py"):
        assert expected in names


def test_no_old_compound_spelling_where_learners_read():
    problems = [f"{p.relative_to(ROOT)}: {word}"
                for p in learner_files() for word in old_compounds(p.read_text(encoding="utf-8"))]
    assert not problems, "schrijf socialmedia… zoals het boek:\n" + "\n".join(problems)
