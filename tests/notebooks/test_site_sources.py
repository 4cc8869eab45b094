"""What the static site is built from (issue 11): the committed notebooks, an empty progress store,
and quiz cells without their source (the answer is in the code)."""
from __future__ import annotations

import html
import json
import re
import subprocess
import sys

import pytest

from notebook_files import CHAPTER_DIR, ROOT, kernel_env

sys.path.insert(0, str(ROOT / "tools"))
import build_html  # noqa: E402


def test_quiz_cells_show_no_source_and_no_answer(tmp_path):
    chapter = CHAPTER_DIR / "01-introductie.ipynb"
    build_html.build([chapter], tmp_path, run=False, working_copy=True)
    page = html.unescape(re.sub(r"<[^>]+>", "", (tmp_path / "01-introductie.html").read_text(encoding="utf-8")))
    assert "MultipleChoice(" not in page and "answer=" not in page, "a quiz's code (with its answer) is on the page"
    assert "PESOClassifier()" in page, "ordinary code cells must stay visible"


def test_index_page_texts_come_from_the_catalogue(tmp_path):
    """The start page's template is layout only; what a reader reads on it is in smmkit/messages (site.*)."""
    from smmkit.messages import msg

    shown = re.sub(r"<style>.*?</style>|<[^>]+>|\{\w+\}|&\w+;", " ", build_html.INDEX, flags=re.S)
    assert not re.search(r"[^\W\d_]{2,}", shown), f"text in the index template instead of the catalogue: {shown.split()}"
    build_html.build([CHAPTER_DIR / "01-introductie.ipynb"], tmp_path, run=False, working_copy=True)
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    for key in ("site.index.title", "site.index.heading", "site.index.subtitle", "site.index.note",
                "site.index.chapters"):
        assert msg(key) in index, key
    assert f'<html lang="{msg("site.lang")}">' in index and "Gemaakt op " in index
    assert 'href="01-introductie.html"' in index


def test_start_page_is_built_with_an_empty_progress_store(tmp_path):
    """The builder's own ~/.smmkit (here a fake home with one passed check) must not reach 00-start.html."""
    home = tmp_path / "home"
    store = home / ".smmkit"
    store.mkdir(parents=True)
    env = {**kernel_env(), "HOME": str(home)}
    env.pop("SMMKIT_HOME", None)
    subprocess.run([sys.executable, "-c", "from smmkit import progress; progress.record('h01_doelgroep_kanaal')"],
                   env=env, check=True, cwd=ROOT)
    assert (store / "voortgang.json").exists()
    mine = subprocess.run([sys.executable, "-c", "from smmkit import progress; print(progress.overview())"],
                          env=env, capture_output=True, text=True, check=True, cwd=ROOT).stdout
    out = tmp_path / "site"
    proc = subprocess.run([sys.executable, str(ROOT / "tools" / "build_html.py"), "--out", str(out),
                           str(CHAPTER_DIR / "00-start.ipynb")], env=env, capture_output=True, text=True,
                          timeout=600, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    empty = subprocess.run([sys.executable, "-c", "from smmkit import progress; print(progress.overview())"],
                           env={**env, "SMMKIT_HOME": str(tmp_path / "leeg")}, capture_output=True, text=True,
                           check=True, cwd=ROOT).stdout
    assert mine != empty, "the fake home's progress should differ from an empty store"
    page = (out / "00-start.html").read_text(encoding="utf-8")
    assert "h01_doelgroep_kanaal" not in page
    first_line = [line for line in mine.splitlines() if "1" in line]
    assert not any(line.strip() and line.strip() in page for line in first_line if line not in empty), \
        "00-start.html shows the builder's own progress"
    assert json.loads((store / "voortgang.json").read_text(encoding="utf-8")), "the builder's store is untouched"


def _git(cwd, *args):
    subprocess.run(["git", "-C", str(cwd), *args], check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@t", "HOME": str(cwd), "PATH": "/usr/bin:/bin"})


def test_pages_come_from_the_committed_notebook_unless_asked(tmp_path):
    import nbformat

    repo = tmp_path / "kit"
    (repo / "chapters").mkdir(parents=True)
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Hoofdstuk\n\nDe tekst uit de kit.")])
    path = repo / "chapters" / "01-x.ipynb"
    nbformat.write(nb, path)
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "kit")
    nb.cells[0].source = "# Hoofdstuk\n\nMijn eigen aantekeningen als leerling."
    nbformat.write(nb, path)
    committed, origin = build_html.read_source(path)
    assert "De tekst uit de kit." in committed.cells[0].source and origin == "git HEAD"
    edited, origin = build_html.read_source(path, working_copy=True)
    assert "eigen aantekeningen" in edited.cells[0].source and origin == "werkkopie"
    report = build_html.build([path], tmp_path / "site", run=False)
    assert report["notebooks"]["01-x.ipynb"]["source"] == "git HEAD"
    assert "eigen aantekeningen" not in (tmp_path / "site" / "01-x.html").read_text(encoding="utf-8")
