"""The library of faulty submissions (tests/grading/faulty/), graded in one batch."""
from __future__ import annotations

import json
import re

import pytest

from .conftest import ASSIGNMENTS, CHEAT_RUN_ANYWAY, FAULTY_FOR, faulty
from .test_assignments import feedback_text, hidden_only_lines

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(FAULTY_FOR not in ASSIGNMENTS, reason="SMMKIT_GRADING_ONLY leaves h01 out")]


def rows(course):
    return course.report(FAULTY_FOR)


def test_batch_finishes_and_keeps_every_submission(course):
    report = rows(course)
    assert set(faulty.EXPECT) | {"bron"} <= set(report)
    cases = faulty.build(course.root / "solutions" / FAULTY_FOR, course.root / "exercises" / FAULTY_FOR)
    for student, (name, data) in cases.items():
        if student != "leeg":
            assert (course.root / "submitted" / student / FAULTY_FOR / name).read_bytes() == data, \
                f"{student}: submissions must never be changed"


@pytest.mark.parametrize("case", sorted(faulty.EXPECT))
def test_each_case_is_graded_or_rejected_with_a_reason(course, case):
    row = rows(course)[case]
    wanted, note = faulty.EXPECT[case]
    if wanted == "graded":
        assert row["status"] == "beoordeeld", (note, row)
        assert row["max_score"] > 0
    else:
        assert row["status"] == "afgewezen", (note, row)
        assert len(row["reason"]) > 20, row
        assert row["score"] == 0


def test_specific_outcomes(course):
    report = rows(course)
    full = report["goed"]["max_score"]
    assert report["goed"]["score"] == full
    assert report["leeg"]["score"] == 0
    # the learner's own saved widget work is what gets graded, not the widget's example
    assert report["eigen_werk"]["score"] == full, report["eigen_werk"]
    # restored test cells: a good notebook without its tests still gets every point ...
    assert report["testcellen_verwijderd"]["score"] == full
    assert "teruggezet" in report["testcellen_verwijderd"]["reason"]
    # ... and tests edited to pass are put back, so empty answers still score 0
    assert report["testcellen_aangepast"]["score"] == 0
    assert "gewijzigd" in report["testcellen_aangepast"]["reason"]
    # an answer cell turned into markdown is turned back into code by nbgrader
    assert report["antwoord_als_markdown"]["score"] == full
    # failures in one answer cost that answer, not the notebook
    for case in ("oneindige_lus", "sys_exit", "invoer", "geheugen"):
        assert 0 < report[case]["score"] < full, (case, report[case])
    # a kernel that ignores interrupts or exits is stopped; later cells are not run
    assert report["onderbreking_genegeerd"]["score"] < report["oneindige_lus"]["score"]
    assert "kernel gestopt" in report["onderbreking_genegeerd"]["reason"]
    assert "kernel gestopt" in report["os_exit"]["reason"]
    assert "onderbroken" in report["oneindige_lus"]["reason"]
    assert "verkeerde bestandsnaam" in report["verkeerde_naam"]["reason"]
    assert "h01.ipynb" in report["verkeerde_naam"]["reason"]
    assert "JSON" in report["kapotte_json"]["reason"]
    assert "leeg bestand" in report["leeg_bestand"]["reason"]


def test_runaway_submissions_cost_seconds_not_minutes(course):
    report = rows(course)
    normal = report["goed"]["seconds"]
    for case in ("oneindige_lus", "onderbreking_genegeerd", "geheugen", "veel_uitvoer"):
        assert report[case]["seconds"] < normal + 60, (case, report[case]["seconds"], normal)


def test_no_cheat_scores_above_an_empty_submission(course):
    report = rows(course)
    empty = report["leeg"]["score"]
    for case in faulty.CHEATS:
        assert report[case]["score"] <= empty, (case, report[case])
        assert report[case]["findings"], f"{case}: the report names what was found"


def test_cheat_that_is_run_anyway_still_scores_zero(course):
    """Replacing the check helpers gains nothing: the hidden asserts do not use them."""
    row = course.cheat_run_anyway
    assert row["student"] == CHEAT_RUN_ANYWAY and row["status"] == "beoordeeld"
    assert row["score"] == 0


def test_feedback_of_failed_hidden_tests_gives_nothing_away(course):
    """A failed hidden assert prints its own line in the traceback; the kit's feedback rewrites it."""
    page = course.root / "feedback" / CHEAT_RUN_ANYWAY / FAULTY_FOR / f"{FAULTY_FOR}.html"
    text = feedback_text(page)
    hidden = hidden_only_lines(FAULTY_FOR)
    assert not [line for line in hidden if line in text]
    assert "verborgen test" in text
    autograded = json.loads((course.root / "autograded" / CHEAT_RUN_ANYWAY / FAULTY_FOR /
                             f"{FAULTY_FOR}.ipynb").read_text(encoding="utf-8"))
    tracebacks = "".join("".join(o.get("traceback", [])) for c in autograded["cells"] for o in c.get("outputs", []))
    tracebacks = re.sub(r"\x1b\[[0-9;]*m", "", tracebacks)
    assert any(line in tracebacks for line in hidden), "the autograded notebook itself does show the line"


def test_huge_output_is_cut(course):
    path = course.root / "autograded" / "veel_uitvoer" / FAULTY_FOR / f"{FAULTY_FOR}.ipynb"
    assert path.stat().st_size < 2_000_000
    text = path.read_text(encoding="utf-8")
    assert "uitvoer afgekapt" in text or "Output truncated" in text
