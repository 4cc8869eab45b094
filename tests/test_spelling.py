"""Compounds with 'sociale media' are written as one word: socialemediastrategie, socialemediabeleid.

The lecturer's spelling list (issue #11) asks for 'socialemediastrategie/-beleid' instead of
'sociale-mediastrategie/-beleid', and the kit writes every compound of this kind the same way
(socialemediamanager, socialemediateam, socialemediagebruik, socialemedia-account ...). Standalone
'social media' stays as the book writes it. Two things keep their printed form: the book's own
chapter title where the kit cites it in italics, and the web address www.socialmediameetlat.nl.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# socialmedia-x, sociale-mediax, social-mediax (not socialemediax; not part of a web address)
OLD_COMPOUND = re.compile(r"(?<![\w.])social(?:e-|-)?media[a-z-]", re.IGNORECASE)
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


@pytest.mark.parametrize("wrong", ["socialmediastrategie", "sociale-mediastrategie", "social-mediastrategie",
                                   "socialmediabeleid", "sociale-mediabeleid", "social-mediabeleid",
                                   "Socialmediamanager", "socialmedia-accounts"])
def test_the_check_sees_old_spellings(wrong):
    assert old_compounds(f"Een {wrong} maken.") == [wrong]


@pytest.mark.parametrize("right", ["socialemediastrategie", "Socialemediabeleid", "socialemedia-account",
                                   "social media zijn", "www.socialmediameetlat.nl", CITED_TITLE])
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
    assert not problems, "schrijf socialemedia… aan elkaar:\n" + "\n".join(problems)
