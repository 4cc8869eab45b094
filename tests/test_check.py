"""smmkit.check: Dutch feedback that says what is wrong without giving the answer away."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from smmkit import check, context, progress
from smmkit.check import CheckFailed, answer_code, mapping_codes

Q = "h99_vraag"


@pytest.fixture(autouse=True)
def learning_mode(monkeypatch, tmp_path):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    monkeypatch.delenv("SMMKIT_CHECK_RAISE", raising=False)
    monkeypatch.setattr(context, "_AT_IMPORT", None)
    monkeypatch.setenv("SMMKIT_HOME", str(tmp_path / "home"))


@pytest.fixture
def grading(monkeypatch):
    monkeypatch.setenv("SMMKIT_CHECK_RAISE", "1")


def verdict(capsys) -> str:
    return capsys.readouterr().out


def test_correct_number_passes_records_progress_and_is_honest(capsys):
    antwoord = 25.97
    check.number("antwoord", question=Q, code=answer_code(26.0, Q, 1), decimals=1)
    out = verdict(capsys)
    assert "✔" in out and "nog geen cijfer" in out and "verborgen tests" in out
    assert progress.passed() == {"h99": [Q]}


def test_the_code_hides_the_answer_from_reading_not_from_trying():
    """What the guides promise (smmkit/check.py, solutions/README.md, docs/student.md, docs/docent.md):
    the cell does not show the answer and equal answers do not look equal, but a bounded number is found
    by trying every value; only the hidden tests protect the score."""
    code = answer_code(26.0, Q, 1)
    assert code != answer_code(26.0, "h99_andere_vraag", 1), "salted per question"
    assert code != answer_code(26.1, Q, 1) and code == answer_code(25.97, Q, 1), "the rounded value"
    tried = [v / 10 for v in range(0, 1001) if answer_code(v / 10, Q, 1) == code]  # every 1-decimal percentage
    assert tried == [26.0], "trying all values finds the answer: a check is feedback, not a lock"


def _released_number_checks():
    """(question, code, decimals, low, high) of each check.number/count with a literal range in exercises/."""
    import ast
    from pathlib import Path

    for path in sorted(Path(__file__).parents[1].glob("exercises/*/*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] != "code":
                continue
            try:
                tree = ast.parse("".join(cell["source"]))
            except SyntaxError:
                continue
            for node in ast.walk(tree):
                if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                        and node.func.attr in ("number", "count")):
                    continue
                kw = {k.arg: k.value for k in node.keywords}
                try:
                    low, high = ast.literal_eval(kw["valid_range"])
                    decimals = ast.literal_eval(kw["decimals"]) if "decimals" in kw else (
                        2 if node.func.attr == "number" else None)
                    code = kw["code"]
                    # a personal variant: code=casus.code("<pool>", ["<code of case 1>", …]), one code per case
                    if isinstance(code, ast.Call) and getattr(code.func, "attr", None) == "code" and len(code.args) == 2:
                        codes = ast.literal_eval(code.args[1])
                    else:
                        codes = [ast.literal_eval(code)]
                    for one in codes:
                        yield ast.literal_eval(kw["question"]), one, decimals, low, high
                except (KeyError, ValueError):
                    continue


def test_released_numeric_checks_are_found_by_trying_so_hidden_tests_decide():
    checks = [c for c in _released_number_checks() if (c[4] - c[3]) * 10 ** (c[2] or 0) <= 200_000]
    assert len(checks) >= 20, "the release has numeric checks with a literal, small range"
    for question, code, decimals, low, high in checks:
        step = 10 ** -(decimals or 0)
        values = (round(low + i * step, decimals or 0) for i in range(int(round((high - low) / step)) + 1))
        values = [v if decimals is not None else int(v) for v in values]
        found = [v for v in values if answer_code(v, question, decimals) == code]
        assert len(found) == 1, f"{question}: {len(found)} values match its code"


def test_every_graded_test_cell_has_hidden_asserts_that_do_not_use_the_check():
    """The score rests on the hidden tests alone: plain asserts, not smmkit.check (which can be tried)."""
    from pathlib import Path

    begin, end = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"
    cells = 0
    for path in sorted(Path(__file__).parents[1].glob("solutions/*/*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            meta = cell.get("metadata", {}).get("nbgrader", {})
            if not (meta.get("grade") and not meta.get("solution")):
                continue
            text = "".join(cell["source"])
            assert begin in text, f"{path.name} {meta.get('grade_id')}: no hidden tests"
            hidden = text.split(begin, 1)[1].split(end, 1)[0]
            assert "assert " in hidden, f"{path.name} {meta.get('grade_id')}: hidden region without assert"
            assert "check." not in hidden, f"{path.name} {meta.get('grade_id')}: a hidden test uses smmkit.check"
            cells += 1
    assert cells >= 9 * 4


def test_missing_variable_and_ellipsis_are_explained(capsys):
    check.number("bestaat_niet", question=Q, code="x")
    assert "Er bestaat nog geen variabele `bestaat_niet`" in verdict(capsys)
    leeg = ...
    check.number("leeg", question=Q, code="x")
    assert "er staat nog `...`" in verdict(capsys)
    assert progress.passed() == {}


@pytest.mark.parametrize("value, text", [
    ("26.0", "Haal die weg"),
    (pd.Series([1.0, 2.0]), "hele kolom"),
    (None, "geen print()"),
    ([26.0], "een lijst"),
])
def test_wrong_types_get_a_hint(capsys, value, text):
    antwoord = value
    check.number("antwoord", question=Q, code=answer_code(26.0, Q, 1), decimals=1)
    out = verdict(capsys)
    assert "moet een kommagetal zijn" in out and text in out


def test_factor_100_both_ways(capsys):
    fractie = 0.4216
    check.number("fractie", question=Q, code=answer_code(42.2, Q, 1), decimals=1, kind="percentage")
    assert "Vermenigvuldig met 100" in verdict(capsys)
    percentage = 42.16
    check.number("percentage", question=Q, code=answer_code(0.42, Q, 2), decimals=2, kind="fraction")
    assert "Deel door 100" in verdict(capsys)


def test_close_but_rounded_differently(capsys):
    afgekapt = 25.9  # truncated instead of rounded to 26.0
    check.number("afgekapt", question=Q, code=answer_code(26.0, Q, 1), decimals=1)
    out = verdict(capsys)
    assert "dicht bij" in out and "round(..., 1)" in out
    assert "26" not in out


def test_out_of_range_and_plain_wrong(capsys):
    som = 207.8
    check.number("som", question=Q, code=answer_code(26.0, Q, 1), decimals=1, valid_range=(0, 100),
                 hint="Gebruik .mean().")
    out = verdict(capsys)
    assert "tussen 0 en 100" in out and "Tip: Gebruik .mean()." in out
    fout = 12.0
    check.number("fout", question=Q, code=answer_code(26.0, Q, 1), decimals=1)
    out = verdict(capsys)
    assert "klopt nog niet" in out and "26" not in out


def test_count_wants_a_whole_number(capsys):
    aantal = 3.5
    check.count("aantal", question=Q, code=answer_code(4, Q))
    assert "geheel getal" in verdict(capsys)
    aantal = 4
    check.count("aantal", question=Q, code=answer_code(4, Q))
    assert "✔" in verdict(capsys)


def test_text_ignores_case_and_lists_options(capsys):
    kanaal = "  facebook "
    check.text("kanaal", question=Q, code=answer_code("Facebook", Q), options=["Facebook", "Twitter"])
    assert "✔" in verdict(capsys)
    kanaal = "Tiktok"
    check.text("kanaal", question=Q, code=answer_code("Facebook", Q), options=["Facebook", "Twitter"])
    assert "geen geldige keuze. Kies uit: Facebook of Twitter" in verdict(capsys)
    kanaal = "Twitter"
    check.text("kanaal", question=Q, code=answer_code("Facebook", Q), options=["Facebook", "Twitter"])
    out = verdict(capsys)
    assert "nog niet het goede antwoord" in out and "Facebook" not in out


def test_table_columns_rows_order_values(capsys):
    good = pd.DataFrame({"kanaal": ["A", "B"], "percentage": [50.0, 40.0]})
    code = answer_code([["A", 50.0], ["B", 40.0]], Q, 2)
    tabel = good[["kanaal"]]
    check.table("tabel", question=Q, columns=["kanaal", "percentage"], rows=2, code=code)
    assert "mist de kolom(men) percentage" in verdict(capsys)
    tabel = good.assign(jaar=2012)
    check.table("tabel", question=Q, columns=["kanaal", "percentage"], rows=2, code=code)
    assert "horen: jaar" in verdict(capsys)
    tabel = good.head(1)
    check.table("tabel", question=Q, columns=["kanaal", "percentage"], rows=2, code=code)
    assert "1 rijen; verwacht worden er 2" in verdict(capsys)
    tabel = good.iloc[::-1]
    check.table("tabel", question=Q, columns=["kanaal", "percentage"], rows=2, sorted_by="percentage", code=code)
    assert "van hoog naar laag" in verdict(capsys)
    tabel = good
    check.table("tabel", question=Q, columns=["kanaal", "percentage"], rows=2, sorted_by="percentage", code=code)
    assert "✔" in verdict(capsys)


def test_mapping_says_which_keys_are_wrong_not_what_is_right(capsys):
    codes = mapping_codes({"LinkedIn": "autonomie", "YouTube": "competentie"}, Q)
    keuze = {"LinkedIn": "autonomie", "YouTube": "verbondenheid"}
    check.mapping("keuze", question=Q, codes=codes, options=["competentie", "autonomie", "verbondenheid"])
    out = verdict(capsys)
    assert "1 van de 2 koppelingen kloppen" in out and "YouTube" in out and "competentie" not in out
    keuze = {"LinkedIn": "autonomie"}
    check.mapping("keuze", question=Q, codes=codes)
    assert "ontbreken nog: YouTube" in verdict(capsys)
    keuze = {"linkedin": "Autonomie", "youtube": "competentie"}
    check.mapping("keuze", question=Q, codes=codes)
    assert "✔" in verdict(capsys)


def test_saved_file_and_consistent(capsys, tmp_path):
    path = tmp_path / "werk.json"
    assert check.saved_file(str(path), question=Q) is None
    assert "bestaat nog niet" in verdict(capsys)
    path.write_text("{kapot", encoding="utf-8")
    check.saved_file(str(path), question=Q)
    assert "geen leesbaar JSON-bestand" in verdict(capsys)
    path.write_text(json.dumps({"widget": "X", "state": {}}), encoding="utf-8")
    assert check.saved_file(str(path), question=Q, keys=["widget", "state"]) == {"widget": "X", "state": {}}
    mijn = "Facebook"
    check.consistent("mijn", question=Q, allowed=["YouTube"])
    assert "past niet bij wat je zelf" in verdict(capsys)


def test_grading_mode_raises_dutch_assertion(grading, capsys):
    fout = 12.0
    with pytest.raises(CheckFailed, match="klopt nog niet") as info:
        check.number("fout", question=Q, code=answer_code(26.0, Q, 1), decimals=1)
    assert isinstance(info.value, AssertionError)
    assert info.value._render_traceback_()[0].startswith("✘ h99 – vraag: nog niet goed."), "Dutch text, no frames"
    goed = 26.0
    check.number("goed", question=Q, code=answer_code(26.0, Q, 1), decimals=1)
    assert verdict(capsys) == "" and progress.passed() == {}, "no output and no progress while grading"


def test_grading_mode_cannot_be_switched_off_after_import(monkeypatch):
    monkeypatch.setattr(context, "_AT_IMPORT", "autograde")  # NBGRADER_EXECUTION was set at import
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    fout = 1.0
    with pytest.raises(CheckFailed):
        check.number("fout", question=Q, code=answer_code(26.0, Q, 1), decimals=1)


def test_a_fake_number_does_not_fool_the_check(capsys):
    class Alles(float):
        def __eq__(self, other):
            return True
    nep = Alles(3.0)
    check.number("nep", question=Q, code=answer_code(26.0, Q, 1), decimals=1)
    assert "klopt nog niet" in verdict(capsys)


# --------------------------------------------------------------------------- issue #20: Dutch, not Python
PYTHON_WORDS = ("np.float64", "PosixPath", "float", "tuple", "method", "h03_beleid_uit_aantallen", "NaN")


def _no_python(out: str) -> None:
    for word in PYTHON_WORDS:
        assert word not in out, f"{word!r} in what she reads:\n{out}"


def test_numbers_paths_ids_and_kinds_are_shown_the_dutch_way(capsys, tmp_path, monkeypatch):
    import numpy as np
    from pathlib import Path

    q = "h03_beleid_uit_aantallen"
    bereik = np.float64(117.6)  # noqa: F841  (read by the check through the frame)
    check.number("bereik", question=q, code=answer_code(26.0, q, 1), decimals=1, valid_range=(0, 100.5))
    out = verdict(capsys)
    _no_python(out)
    assert "✘ h03 – beleid uit aantallen: nog niet goed." in out and "117,6" in out and "100,5" in out

    verschil = (75, -60, 0)  # noqa: F841  x = 75,0 - 60,0
    check.number("verschil", question=q, code=answer_code(15.0, q, 1), decimals=1)
    out = verdict(capsys)
    _no_python(out)
    assert "rijtje van losse waarden" in out and "75.0" in out

    laagste = pd.Series([3.0, 1.0]).min  # noqa: F841  .min without ()
    check.number("laagste", question=q, code=answer_code(1.0, q, 1), decimals=1)
    out = verdict(capsys)
    _no_python(out)
    assert ".min()" in out

    kanaal = np.str_("Hyves")  # noqa: F841
    monkeypatch.chdir(tmp_path)
    check.saved_file(Path("h03_smart.json"), question="h03_smart")
    out = verdict(capsys)
    _no_python(out)
    assert "'h03_smart.json' bestaat nog niet" in out

    leeg = float("nan")  # noqa: F841
    check.number("leeg", question=q, code=answer_code(1.0, q, 1), decimals=1)
    out = verdict(capsys)
    _no_python(out)
    assert "leeg (geen getal)" in out


def test_a_passed_check_still_records_the_question_id(capsys):
    antwoord = 26.0  # noqa: F841
    check.number("antwoord", question="h03_beleid_uit_aantallen", code=answer_code(26.0, "h03_beleid_uit_aantallen", 1),
                 decimals=1)
    assert "✔ h03 – beleid uit aantallen" in verdict(capsys)
    assert "h03_beleid_uit_aantallen" in json.dumps(progress.load())
