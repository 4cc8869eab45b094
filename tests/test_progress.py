"""smmkit.progress: the learner's local record of passed checks, robust to a damaged file."""
from __future__ import annotations

import json

import pytest

from smmkit import progress


@pytest.fixture(autouse=True)
def home(monkeypatch, tmp_path):
    monkeypatch.setenv("SMMKIT_HOME", str(tmp_path / "thuis"))
    return tmp_path / "thuis"


def test_empty_overview_explains_what_to_do():
    text = str(progress.overview())
    assert "Nog geen geslaagde controles" in text and "geen cijfer" in text
    assert not progress.path().exists(), "looking does not create the file"


def test_record_and_overview(home):
    progress.record("h01_peso")
    progress.record("h01_peso")
    progress.record("h02_verandering")
    data = json.loads((home / "voortgang.json").read_text(encoding="utf-8"))
    assert data["controles"]["h01_peso"]["aantal"] == 2
    assert progress.passed() == {"h01": ["h01_peso"], "h02": ["h02_verandering"]}
    overview = progress.overview()
    text = str(overview)
    assert "h01-introductie" in text, "assignment names come from exercises/"
    assert "1 van " in text
    html = overview._repr_html_()
    assert "<table>" in html and "h01_peso" in html and "geslaagde controles" in html


@pytest.mark.parametrize("content", ["{kapot", "[1, 2]", '{"controles": 3}'])
def test_damaged_file_is_kept_aside_and_reported(home, capsys, content):
    home.mkdir(parents=True)
    (home / "voortgang.json").write_text(content, encoding="utf-8")
    progress.record("h01_peso")
    out = capsys.readouterr().out
    assert "beschadigd" in out and "kopie bewaard" in out
    backups = list(home.glob("voortgang.json.kapot-*"))
    assert len(backups) == 1 and backups[0].read_text(encoding="utf-8") == content
    assert progress.passed() == {"h01": ["h01_peso"]}


def test_unwritable_home_does_not_break_anything(monkeypatch, tmp_path, capsys):
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map", encoding="utf-8")
    monkeypatch.setenv("SMMKIT_HOME", str(blocker / "sub"))
    progress.record("h01_peso")
    assert "kon niet worden opgeslagen" in capsys.readouterr().out


def test_no_temporary_files_left(home):
    for i in range(5):
        progress.record(f"h01_vraag{i}")
    assert sorted(p.name for p in home.iterdir()) == ["voortgang.json"]


def test_old_name_overzicht_still_works_for_saved_notebooks(home):
    """A learner's saved copy of an older release ends with ``progress.overzicht()`` (a locked cell):
    that cell keeps working, but the name is not advertised."""
    progress.record("h01_peso")
    assert str(progress.overzicht()) == str(progress.overview())
    assert "overzicht" not in progress.__all__ and "overview" in progress.__all__


def test_the_kits_own_notebooks_and_docs_use_the_english_name():
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    files = [p for folder in ("chapters", "solutions", "exercises", "docent", "docs")
             for p in (root / folder).rglob("*") if p.suffix in {".ipynb", ".md"}]
    files += [root / "README.md", root / "CONTRIBUTING.md"]
    assert len(files) > 20
    old = [str(p.relative_to(root)) for p in files if "overzicht()" in p.read_text(encoding="utf-8")]
    assert not old, f"still calls progress.overzicht() (the old Dutch name; use progress.overview()): {old}"


def test_overview_prints_nothing_while_grading(home, monkeypatch):
    """Issue 23: run by the grader, the progress cell put 'Nog geen geslaagde controles' and the grader's
    temp path into every feedback; under nbgrader it now shows nothing."""
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    assert progress.overview() is None
