"""A self-taught learner does h01 with only the kit's feedback: no teacher, no nbgrader, no gradebook.

The release notebook is run as a learner would (plain Jupyter kernel), first with typical mistakes,
then with right answers. Every check must say what is wrong and hint at a fix without giving the
answer, never show a traceback, and the progress overview must fill up.
"""
from __future__ import annotations

import html
import json
import re

import nbformat
import pytest
from nbclient import NotebookClient

from .conftest import FIXTURES, ROOT, faulty

pytestmark = pytest.mark.slow
A = "h01-introductie"

MISTAKES = {  # answer cell -> (learner's code, words the check's feedback must contain)
    "h01_populairste_kanaal_antwoord": ('populairste_kanaal = "Facebok"', "geen geldige keuze"),
    "h01_gemiddeld_percentage_antwoord": ('gemiddeld_percentage = round(bewoners["percentage"].mean() / 100, 3)',
                                          "Vermenigvuldig met 100"),
    "h01_aandeel_youtube_antwoord": ('aandeel_youtube = 42.16', "Deel door 100"),
    "h01_aantal_boven_30_antwoord": ('aantal_boven_30 = "4"', "aanhalingstekens"),
    "h01_top3_antwoord": ('top3 = bewoners.sort_values("percentage", ascending=False).head(3)', "horen: jaar"),
    "h01_behoefte_per_platform_antwoord": (
        'behoefte_per_platform = {"LinkedIn": "autonomie", "YouTube": "verbondenheid", "Facebook": "competentie"}',
        "1 van de 3 koppelingen"),
    "h01_eigen_profiel_antwoord": ('profiel.save("h01_behoeften.json")\nmijn_verbondenheid = "TikTok"',
                                   "past niet bij"),
}


def run_as_learner(nb, folder, monkeypatch):
    monkeypatch.setenv("SMMKIT_HOME", str(folder / "thuis"))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    NotebookClient(nb, timeout=120, allow_errors=True, resources={"metadata": {"path": str(folder)}}).execute()
    shown = {}
    for cell in nb.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        text = ""
        for out in cell.get("outputs", []):
            assert out.output_type != "error", f"{gid}: a learner saw a traceback: {out.get('ename')}"
            text += out.get("text", "") + html.unescape(re.sub(r"<[^>]+>", " ", out.get("data", {}).get("text/html", "")))
        shown[gid] = text
    return shown


def test_typical_mistakes_get_a_useful_hint_and_no_answer(tmp_path, monkeypatch):
    nb = nbformat.read(FIXTURES / "exercises" / A / f"{A}.ipynb", as_version=4)
    for cell in nb.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        if gid in MISTAKES:
            cell.source = MISTAKES[gid][0]
    shown = run_as_learner(nb, tmp_path, monkeypatch)
    for answer_id, (_code, words) in MISTAKES.items():
        check_id = answer_id.removesuffix("_antwoord")
        assert "✘" in shown[check_id] and words in shown[check_id], (check_id, shown[check_id])
    # no answer given away: the mean, the YouTube fraction, the count, the top-3 order, the book's needs
    feedback = " ".join(shown[k.removesuffix("_antwoord")] for k in MISTAKES)
    for secret in ("26.0", "0.42", "YouTube moet", "competentie hoort"):
        assert secret not in feedback
    assert "Nog geen geslaagde controles" in shown["h01_voortgang"]


def test_right_answers_pass_and_fill_the_progress_overview(tmp_path, monkeypatch):
    """The real h01 (the progress overview counts the checks of the real exercises/), worked answers."""
    source = json.loads((ROOT / "solutions" / A / f"{A}.ipynb").read_text(encoding="utf-8"))
    release = json.loads((ROOT / "exercises" / A / f"{A}.ipynb").read_text(encoding="utf-8"))
    nb = nbformat.from_dict(faulty.filled_in(release, source))
    nb = nbformat.reads(nbformat.writes(nb), as_version=4)
    shown = run_as_learner(nb, tmp_path, monkeypatch)
    checks = [gid for gid in shown if gid and gid + "_antwoord" in shown]
    expected = [c["metadata"]["nbgrader"]["grade_id"] for c in release["cells"]
                if c["metadata"].get("nbgrader", {}).get("grade") and c["cell_type"] == "code"]
    assert sorted(checks) == sorted(expected) and len(checks) >= 4
    for gid in checks:
        assert "✔" in shown[gid] and "nog geen cijfer" in shown[gid], (gid, shown[gid])
    assert f"{len(checks)} van {len(checks)}" in shown["h01_voortgang"]
    record = json.loads((tmp_path / "thuis" / "voortgang.json").read_text(encoding="utf-8"))
    assert sorted(record["controles"]) == sorted(checks)
