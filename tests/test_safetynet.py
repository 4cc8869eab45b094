"""The Dutch safety net in a real kernel: the beginner mistakes of the chapters' "probeer zelf" cells and
the exercises, each explained in Dutch with the original error collapsed, and still a real error.

All cases run in one kernel (nbclient, like a learner's "Run all" with errors allowed), in order; each
case names where the mistake comes from. A case passes when its cell shows the orange box
(``smmkit-safetynet``) with the expected Dutch words, the original traceback (collapsed in HTML, in full
in the plain text) and an error output whose traceback is Dutch only.
"""
from __future__ import annotations

import re

import nbformat
import pytest
from nbclient import NotebookClient

from smmkit.boxes import style as box_style

SETUP = """\
import smmkit
from smmkit.data import load
newcom = load("newcom_gebruik")
kanalen = load("gemeenten_kanalen")
wereld = load("wereldsteden_kanalen")
hyves_verandering = -38.5
volgers_vorige_maand = 400
groei = 12
"""

# (id, where the mistake comes from, cell source, expected ename or None for a warning, Dutch words expected)
CASES = [
    ("decimal_comma_warning", "h1 feedbackloop, probeer zelf", "versterking = 1,25\nversterking * 2",
     None, ["geen kommagetal", "versterking = 1.25"]),
    ("decimal_comma_error", "h1 feedbackloop, probeer zelf",
     "aandeel = 30\nversterking = 1,25\nfor week in range(1, 7):\n    aandeel = min(100, aandeel * versterking)",
     "TypeError", ["rijtje", "versterking = 1.25"]),
    ("thousands_dot", "h4 volgers per inwoner, probeer zelf", "inwoners = 48.000",
     None, ["48.0", "inwoners = 48000", "48_000"]),
    ("zero_division", "h4 volgers per inwoner, probeer zelf",
     'inwoners = 0\nvolgers = 2_100\nprint(f"{volgers / inwoners * 100:.1f} %")',
     "ZeroDivisionError", ["deelt door nul"]),
    ("unknown_column", "h02 vraag 1", 'newcom[newcom["Kanaal"] == "Hyves"]',
     "KeyError", ["geen kolom `Kanaal`", "Bedoel je `kanaal`?", "kanaal, maat, jaar, percentage"]),
    ("unknown_columns_list", "h02 vraag 3", 'kanalen[["kanaal", "Jaar"]]',
     "KeyError", ["geen kolom `Jaar`", "Bedoel je `jaar`?"]),
    ("column_as_attribute", "h02 vraag 1", "newcom.Kanaal",
     "AttributeError", ["Bedoel je de kolom `kanaal`?", 'tabel["kanaal"]']),
    ("method_typo", "h1 analyse, sort_values", 'newcom.sort_value("percentage")',
     "AttributeError", ["Bedoel je `.sort_values`?"]),
    ("empty_selection_iloc", "h02 vraag 4",
     'fb_wereld = wereld.loc[wereld["kanaal"] == "facebook", "percentage"].iloc[0]',
     "IndexError", ["selectie is leeg", '"Facebook", niet "facebook"']),
    ("row_label", "h02 vraag 1, set_index", 'newcom.set_index("kanaal").loc["Hyvess"]',
     "KeyError", ["geen rij met het label `Hyvess`", "Bedoel je `Hyves`?"]),
    ("series_label", "h02 vraag 1, hyves[2012]",
     'hyves = newcom[(newcom["kanaal"] == "Hyves") & (newcom["maat"] == "gebruik")].set_index("jaar")["percentage"]\n'
     "hyves[2013]", "KeyError", ["`2013` staat niet", "2011, 2012"]),
    ("name_typo", "h02 vraag 1", "print(hyves_verandring)",
     "NameError", ["`hyves_verandring` bestaat (nog) niet", "Bedoel je `hyves_verandering`?"]),
    ("name_skipped_kit_cell", "h1: eerste cel overgeslagen", 'describe("newcom_gebruik")',
     "NameError", ["eerdere cel klaarzet", "Alle cellen erboven uitvoeren"]),
    ("text_without_quotes", "h02 vraag 4", 'kanaal = Facebook',
     "NameError", ['de tekst "Facebook"', "aanhalingstekens"]),
    ("true_lowercase", "opdrachten: ja/nee", "klaar = true",
     "NameError", ["True, False en None", "True in plaats van true"]),
    ("bracket_never_closed", "h02 vraag 1",
     "hyves_verandering = round((hyves[2012] - hyves[2011]) / hyves[2011] * 100, 1",
     "SyntaxError", ["haakje `(` open"]),
    ("bracket_extra", "h02 vraag 2", "grootste_afwijking = round(0.4612, 2))",
     "SyntaxError", ["sluithaakje `)` te veel"]),
    ("bracket_mismatch", "h2 honingraat, probeer zelf", 'nodig = ["delen", "conversaties")',
     "SyntaxError", ["`)` sluit een haakje `[`"]),
    ("quote_not_closed", "h02 vraag 5", 'grootste_bouwsteen = "relationships',
     "SyntaxError", ["niet afgesloten"]),
    ("curly_quotes", "h02 vraag 5, geplakt uit Word", "grootste_bouwsteen = \u201crelationships\u201d",
     "SyntaxError", ["krulletjes-aanhalingstekens"]),
    ("single_equals", "h1: voorwaarde", 'kanaal = "Facebook"\nif kanaal = "Facebook":\n    print("ja")',
     "SyntaxError", ["`==`"]),
    ("missing_colon", "h1 feedbackloop", "for week in range(1, 7)\n    print(week)",
     "SyntaxError", ["dubbele punt `:`"]),
    ("missing_comma", "h4 NPS, probeer zelf", "scores = [10, 9, 9, 8, 7 6]",
     "SyntaxError", ["ontbreekt een komma"]),
    ("space_in_name", "h02 vraag 3", "aantal gegroeid = 5",
     "SyntaxError", ["geen spatie", "aantal_gegroeid"]),
    ("percent_sign", "h1 feedbackloop, probeer zelf", "aandeel = 30%",
     "SyntaxError", ["%-teken"]),
    ("unexpected_indent", "h0 startpagina, probeer zelf", "groei = 12\n    print(groei)",
     "IndentationError", ["springt in"]),
    ("expected_indent", "h1 feedbackloop", "for week in range(1, 7):\nprint(week)",
     "IndentationError", ["moeten de regels eronder inspringen"]),
    ("text_plus_number", "h0 startpagina", 'print("Je account groeide met " + groei + " volgers")',
     "TypeError", ["tekst en een getal", "f-string"]),
    ("number_as_text", "h0 startpagina, probeer zelf", 'volgers_nu = "412"\ngroei = volgers_nu - volgers_vorige_maand',
     "TypeError", ['"26" is tekst']),
    ("ellipsis_left", "opdrachten: ... niet vervangen", "verschil_facebook = ...\nverschil_facebook * 100",
     "TypeError", ["`...`", "Vervang de drie puntjes"]),
    ("float_with_comma", "h4: getal als tekst", 'float("1,25")',
     "ValueError", ["door de komma", "1.25"]),
    ("and_on_columns", "h02 vraag 1", 'newcom[newcom["jaar"] == 2012 and newcom["maat"] == "gebruik"]',
     "ValueError", ["`and`", "&"]),
    ("table_called", "h1 analyse", 'newcom("kanaal")',
     "TypeError", ["ronde haken op een tabel", 'tabel["kolom"]']),
    ("builtin_overwritten", "h02: round als naam", "round = 2\nuitkomst = round(3.14159, 1)",
     "TypeError", ["`round` zelf gebruikt", "Herstart Kernel"]),
    ("module_typo", "opdrachten: import", "import panda as pd",
     "ModuleNotFoundError", ["geen module `panda`", "Bedoel je `pandas`?"]),
    ("import_name_typo", "h1 eerste cel", "from smmkit.data import lod",
     "ImportError", ["geen onderdeel `lod`", "Bedoel je `load`?"]),
    ("file_name_typo", "h02 vraag 6", 'open("h02_honingraad.json")',
     "FileNotFoundError", ["'h02_honingraad.json' bestaat niet"]),
    ("print_without_brackets", "h0 startpagina", 'print "Gelukt!"',
     "SyntaxError", ["tussen haakjes"]),
    ("list_position", "h4 NPS", "scores = [10, 9]\nscores[2]",
     "IndexError", ["tellen begint bij 0"]),
    ("dict_key_case", "h01 koppeling behoefte/platform", 'keuze = {"LinkedIn": "autonomie"}\nkeuze["Linkedin"]',
     "KeyError", ["`Linkedin` bestaat niet", "Bedoel je `LinkedIn`?"]),
    # issue #20: numbers typed the Dutch way, a method without (), a quoted year, a template's ___
    ("comma_in_call", "h4 afronden, probeer zelf", "x = 17.64\nround(x, 0,5)",
     "TypeError", ["`0,5` is voor Python geen kommagetal", "`round(x, 0.5)`"]),
    ("comma_in_condition", "h02 vraag 4", 'newcom[newcom["percentage"] > 40,0]',
     "InvalidIndexError", ["`40,0` is voor Python geen kommagetal", 'newcom[newcom["percentage"] > 40.0]']),
    ("comma_in_if", "h4 probeer zelf", "x = 17.64\nif x > 40,0:\n    print(x)",
     "SyntaxError", ["`40,0`", "`if x > 40.0:`"]),
    ("method_without_brackets", "h02 vraag 2", 'laagste = newcom["percentage"].min\nlaagste * 100',
     "TypeError", ["Na `.min` ontbreken de haakjes", "`.min()`"]),
    ("quoted_year_column", "h02 vraag 5, draaitabel",
     'tabel = newcom.pivot_table(index="kanaal", columns="jaar", values="percentage")\ntabel["2012"]',
     "KeyError", ["kolom 2012 als getal", "tabel[2012]"]),
    ("template_blank", "opdrachten: sjabloon met ___", "newcom[___]",
     "KeyError", ["Er staat nog `___`", "Vervang `___`"]),
    ("template_blank_ran", "opdrachten: sjabloon met ___", 'newcom[newcom["kanaal"] == ___]',
     None, ["Er staat nog `___`"]),
    ("comma_in_expression", "h4 verschil uitrekenen", "verschil = 75,0 - 60,0",
     None, ["rijtje van 3 waarden", "`verschil = 75.0 - 60.0`"]),
    ("comma_in_list", "h4 NPS, scores", "scores = [7, 8, 6, 9, 7, 8, 6, 7, 9, 8,5]",
     None, ["`8,5`", "11 waarden in plaats van 10", "[7, 8, 6, 9, 7, 8, 6, 7, 9, 8.5]"]),
    ("method_then_attribute", "h02 vraag 2", 'newcom["percentage"].min.round(1)',
     "AttributeError", ["Na `.min` ontbreken de haakjes", "`.min()`"]),
    ("number_attribute", "h4 afronden", "x = 17.64\nx.round(1)",
     "AttributeError", ["Een getal heeft geen onderdeel `.round`"]),
    ("anything_else", "de rest: nog nooit gezien", 'raise RuntimeError("iets onverwachts")',
     "RuntimeError", ["fout van het soort RuntimeError", "docent"]),
]
CLEANUP = {"builtin_overwritten": "del round"}


@pytest.fixture(scope="module")
def executed():
    cells = [nbformat.v4.new_code_cell(SETUP)]
    index = {}
    for case in CASES:
        index[case[0]] = len(cells)
        cells.append(nbformat.v4.new_code_cell(case[2]))
        if case[0] in CLEANUP:
            cells.append(nbformat.v4.new_code_cell(CLEANUP[case[0]]))
    cells.append(nbformat.v4.new_code_cell('load("gemeenten_kanalenn")'))
    cells.append(nbformat.v4.new_code_cell(
        "from smmkit.check import CheckFailed\nraise CheckFailed('✘ h99_vraag: nog niet goed.')"))
    nb = nbformat.v4.new_notebook(cells=cells)
    NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True).execute()
    return nb, index


def _boxes(outputs):
    return [o for o in outputs if o["output_type"] == "display_data"
            and "smmkit-safetynet" in o.get("data", {}).get("text/html", "")]


def test_there_are_at_least_25_cases():
    assert len(CASES) >= 25 and len({c[0] for c in CASES}) == len(CASES)


@pytest.mark.timeout(300)
@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_mistake_is_explained_in_dutch_with_the_original_one_click_away(executed, case):
    nb, index = executed
    name, origin, source, ename, words = case
    outputs = nb.cells[index[name]].outputs
    boxes = _boxes(outputs)
    assert len(boxes) == 1, f"{name} ({origin}): expected one safety-net box, got {outputs}"
    plain, page = boxes[0]["data"]["text/plain"], boxes[0]["data"]["text/html"]
    for word in words:
        assert word in plain, f"{name}: {word!r} not in\n{plain}"
    errors = [o for o in outputs if o["output_type"] == "error"]
    kind, css = ("warning", "smmkit-safetynet smmkit-safetynet-warning") if ename is None else ("error", "smmkit-safetynet")
    assert page.startswith(f'<div class="{css}" style="{box_style(kind)}">'), "the kit's one box (smmkit.boxes)"
    if ename is None:  # a warning: the cell ran
        assert not errors and "smmkit-safetynet-warning" in page
        return
    assert [e["ename"] for e in errors] == [ename], "still a real error, with the original type"
    shown = "\n".join(errors[0]["traceback"])
    assert "Traceback" not in shown and "File " not in shown and "oranje kader" in shown, "Dutch only"
    assert "<details" in page and "Originele foutmelding" in page, "the original is collapsed in the box"
    assert ename in plain.split("Originele foutmelding")[-1], "the original stays in the plain text"
    assert "Probeer:" in plain


def test_the_dutch_part_has_no_python_type_names(executed):
    """Issue #20: "float", "tuple", "method", np.float64(…) and PosixPath(…) are Python's words, not hers."""
    nb, index = executed
    for name, *_ in CASES:
        for box in _boxes(nb.cells[index[name]].outputs):
            dutch = box["data"]["text/plain"].split("Originele foutmelding")[0]
            dutch = "\n".join(line for line in dutch.splitlines() if not line.startswith("Regel "))
            for word in ("float", "tuple", "method", "np.float64", "PosixPath", "int64", "NoneType"):
                assert not re.search(rf"\b{re.escape(word)}\b(?!\()", dutch), f"{name}: {word!r} in\n{dutch}"


def test_the_kits_own_errors_keep_their_own_dutch_text(executed):
    nb, _ = executed
    smmkit_error, check_failed = nb.cells[-2].outputs, nb.cells[-1].outputs
    assert not _boxes(smmkit_error) and not _boxes(check_failed)
    assert smmkit_error[-1]["ename"] == "SmmkitError" and "gemeenten_kanalen" in "\n".join(
        smmkit_error[-1]["traceback"])
    assert check_failed[-1]["traceback"] == ["✘ h99_vraag: nog niet goed."]


def test_ascii_and_html_are_escaped(executed):
    nb, index = executed
    page = _boxes(nb.cells[index["unknown_column"]].outputs)[0]["data"]["text/html"]
    assert "\x1b[" not in page and "&quot;Kanaal&quot;" in page or "&#x27;Kanaal&#x27;" in page


@pytest.mark.timeout(300)
def test_nbgrader_still_scores_a_failing_test_cell_zero(executed):
    from nbgrader.utils import determine_grade

    nb, index = executed
    for name in ("unknown_column", "bracket_never_closed", "zero_division"):
        cell = nbformat.v4.new_code_cell("", outputs=nb.cells[index[name]].outputs)
        cell.metadata.nbgrader = {"grade": True, "solution": False, "points": 2, "grade_id": "t"}
        assert determine_grade(cell)[0] == 0, name
    passing = nbformat.v4.new_code_cell("", outputs=nb.cells[0].outputs)
    passing.metadata.nbgrader = {"grade": True, "solution": False, "points": 2, "grade_id": "t"}
    assert determine_grade(passing)[0] == 2


@pytest.mark.timeout(300)
def test_kernel_config_written_by_kit_loads_it_before_any_import(tmp_path):
    """The start page's first cells do not import the kit: the kernel config of kit.py setup covers them."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location("kit", Path(__file__).resolve().parents[1] / "kit.py")
    kit = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(kit)
    config = kit.configure_kernel(tmp_path)
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell('print("Gelukt!"'),
                                         nbformat.v4.new_code_cell("import sys\nprint('smmkit' in sys.modules)")])
    NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True,
                   extra_arguments=[f"--config={config}"]).execute()
    box = _boxes(nb.cells[0].outputs)
    assert box and "haakje `(` open" in box[0]["data"]["text/plain"]
    assert nb.cells[0].outputs[-1]["ename"] == "SyntaxError"


@pytest.mark.timeout(300)
def test_autograde_keeps_nbgraders_own_error_outputs(monkeypatch):
    """A box would carry a failed hidden assert's line into the feedback: under autograde the net stays out."""
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import smmkit\naantal = 3"),
                                         nbformat.v4.new_code_cell("assert aantal == 4"),
                                         nbformat.v4.new_code_cell("import os\ndel os.environ['NBGRADER_EXECUTION']\n"
                                                                   "print(onbekend)")])
    NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True).execute()
    for cell in nb.cells[1:]:
        assert not _boxes(cell.outputs), "no box while autograding, also after the variable was removed"
    shown = re.sub(r"\x1b\[[0-9;]*m", "", "\n".join(nb.cells[1].outputs[-1]["traceback"]))
    assert nb.cells[1].outputs[-1]["ename"] == "AssertionError" and "assert aantal == 4" in shown


def test_every_explanation_has_a_what_and_a_tip_in_the_catalogue():
    from pathlib import Path

    from smmkit.messages import catalogue

    root = Path(__file__).resolve().parents[1] / "smmkit" / "safetynet"
    keys = set()
    for path in root.glob("*.py"):
        keys |= set(re.findall(r"""\bpair\(\s*["'](safety\.[a-z_]+)["']""", path.read_text(encoding="utf-8")))
    texts = catalogue("nl")
    assert len(keys) >= 40
    missing = sorted(k for k in keys for suffix in ("", ".tip") if k + suffix not in texts)
    assert not missing, f"safety-net texts without a Dutch what/tip: {missing}"


@pytest.mark.timeout(300)
def test_validate_shows_the_dutch_explanation_in_the_error_itself(monkeypatch):
    """nbgrader validate (the Validate button) prints error outputs, not boxes: they carry the explanation."""
    monkeypatch.setenv("NBGRADER_EXECUTION", "validate")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import smmkit\nprint(hyves_verandring)")])
    NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True).execute()
    error = nb.cells[0].outputs[-1]
    shown = "\n".join(error["traceback"])
    assert error["ename"] == "NameError" and "bestaat (nog) niet" in shown and "Probeer:" in shown
    assert "Traceback" not in shown and "oranje kader" not in shown
