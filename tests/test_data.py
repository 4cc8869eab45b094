"""Every dataset against its own documentation in datapackage.json, and the loader smmkit.data.

The validation is driven by datapackage.json alone, so a dataset added by anyone is checked as soon
as its resource is listed there. Dataset-specific checks (recomputed percentages, documented quirks)
live in tests/test_datasets_<group>.py.
"""
import copy
import csv
import io
import json
import math
import re
import time
from pathlib import Path

import pandas as pd
import pytest

from smmkit import data, datafiles
from smmkit.errors import SmmkitError

ROOT = Path(__file__).resolve().parent.parent
DATASETS = ROOT / "datasets"
PACKAGE = json.loads((DATASETS / "datapackage.json").read_text(encoding="utf-8"))
RESOURCES = {res["name"]: res for res in PACKAGE["resources"]}
NAMES = sorted(RESOURCES)
REQUIRED_KEYS = {"name", "path", "title", "description", "group", "sources", "population", "n",
                 "years", "quirks", "schema"}


def _csv_rows(res):
    text = (DATASETS / res["path"]).read_text(encoding="utf-8")
    reader = csv.reader(io.StringIO(text))
    header = next(reader)
    return header, list(reader)


def _frictionless_descriptor() -> dict:
    """datapackage.json for frictionless, with each field's categories also as its enum constraint.

    frictionless 5 validates Table Schema itself (types, required, enum, pattern, min/max, primary
    keys, header) but does not check ``categories``; the file keeps the categories once, and the
    enum is derived here.
    """
    descriptor = copy.deepcopy(PACKAGE)
    for res in descriptor["resources"]:
        for field in res["schema"]["fields"]:
            if "categories" in field:
                values = [c["value"] if isinstance(c, dict) else c for c in field["categories"]]
                field.setdefault("constraints", {})["enum"] = values
    return descriptor


@pytest.fixture(scope="module")
def report():
    import frictionless

    package = frictionless.Package(_frictionless_descriptor(), basepath=str(DATASETS))
    return package.validate()


def test_there_are_datasets_and_names_are_unique():
    names = [res["name"] for res in PACKAGE["resources"]]
    assert len(names) == len(set(names)) >= 2


def test_every_csv_file_is_documented():
    on_disk = {p.name for p in DATASETS.glob("*.csv")}
    documented = {res["path"] for res in PACKAGE["resources"]}
    assert on_disk == documented


@pytest.mark.parametrize("name", NAMES)
def test_resource_metadata_is_complete(name):
    res = RESOURCES[name]
    assert REQUIRED_KEYS <= set(res), f"{name} mist {REQUIRED_KEYS - set(res)}"
    assert res["path"] == f"{name}.csv"
    assert res["name"].isidentifier() and res["name"] == res["name"].lower()
    assert res["group"] in PACKAGE["groups"]
    assert res["sources"] and all(s.get("title") for s in res["sources"])
    assert all(s.get("table") or s.get("section") or s.get("page") for s in res["sources"])
    assert isinstance(res["quirks"], list) and all(isinstance(q, str) and q.strip() for q in res["quirks"])
    assert res["years"] and all(isinstance(y, int) for y in res["years"])
    assert res["description"].strip() and res["title"].strip()
    assert isinstance(res["schema"].get("missingValues", [""]), list)


def test_datapackage_is_valid_for_frictionless(report):
    assert report.valid, [e.message for e in report.errors] or "see the per-dataset test"
    assert sorted(t.name for t in report.tasks) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_csv_matches_its_schema(name, report):
    """Every CSV against its Table Schema, by frictionless (types, constraints, categories, primary key)."""
    task = next(t for t in report.tasks if t.name == name)
    assert task.valid, [f"{e.type}: {e.message}" for e in task.errors[:10]]


@pytest.mark.parametrize("name", NAMES)
def test_csv_follows_the_house_rules(name):
    """What Table Schema does not say: described lower-case columns, no spaces around values, years listed."""
    res = RESOURCES[name]
    fields = res["schema"]["fields"]
    header, rows = _csv_rows(res)
    for field in fields:
        assert field.get("description", "").strip(), f"{field['name']} heeft geen beschrijving"
        assert field["name"].isidentifier() and field["name"] == field["name"].lower()
    for number, row in enumerate(rows, start=2):
        assert [v.strip() for v in row] == row, f"{name} regel {number}: spaties rond een waarde"
        if "jaar" in header:
            assert int(row[header.index("jaar")]) in res["years"], f"{name} regel {number}: jaar niet in 'years'"


@pytest.mark.parametrize("name", [n for n in NAMES if RESOURCES[n].get("totals")])
def test_printed_totals_use_the_columns_of_their_dataset(name):
    res = RESOURCES[name]
    fields = {f["name"]: f for f in res["schema"]["fields"]}
    for row in res["totals"]:
        assert set(row) <= set(fields), f"{name}: totaalregel met onbekende kolom {set(row) - set(fields)}"
        for column, value in row.items():
            if fields[column]["type"] in ("integer", "number"):
                assert isinstance(value, (int, float)), f"{name}: {column} in de totaalregel is geen getal"


@pytest.mark.parametrize("name", NAMES)
def test_primary_key_and_categories_are_declared(name):
    schema = RESOURCES[name]["schema"]
    assert schema.get("primaryKey"), f"{name} heeft geen primaryKey"
    for field in schema["fields"]:
        if "categories" in field:
            assert len(field["categories"]) == len(set(field["categories"]))
            assert "enum" not in field.get("constraints", {}), "categories are the enum (no second copy)"


@pytest.mark.parametrize("name", NAMES)
def test_load_applies_the_schema(name):
    res = RESOURCES[name]
    frame = data.load(name)
    header, rows = _csv_rows(res)
    assert list(frame.columns) == header
    assert len(frame) == len(rows)
    for field in res["schema"]["fields"]:
        column = frame[field["name"]]
        required = field.get("constraints", {}).get("required", False)
        if field["type"] in ("integer", "year"):
            assert str(column.dtype) == ("int64" if required else "Int64"), field["name"]
        elif field["type"] == "number":
            assert column.dtype == "float64", field["name"]
        elif "categories" in field:
            assert isinstance(column.dtype, pd.CategoricalDtype)
            assert list(column.cat.categories) == field["categories"]
            assert column.cat.ordered == bool(field.get("categoriesOrdered"))
            assert column.notna().sum() == sum(1 for r in rows if r[header.index(field["name"])] != "")
        elif field["type"] == "string":
            assert pd.api.types.is_string_dtype(column), field["name"]
        if required:
            assert column.notna().all(), field["name"]
    assert frame.attrs["smmkit_dataset"] == name


def test_missing_cells_become_missing_values_not_zero():
    frame = data.load("gemeenten_kanalen")
    column = frame.loc[frame.jaar == 2011].set_index("kanaal")["percentage"]
    assert pd.isna(column["Google+"]) and pd.isna(column["Pinterest"])
    assert column.notna().sum() == 6


def test_ordered_categories_compare_and_sort():
    frame = data.load("gemeenten_respons")
    assert frame.grootteklasse.cat.ordered
    bigger = frame[frame.grootteklasse > "50.000 - 100.000"]
    assert list(bigger.grootteklasse) == ["> 100.000"]
    shuffled = frame.sample(frac=1, random_state=1).sort_values("grootteklasse")
    assert list(shuffled.grootteklasse) == list(frame.grootteklasse.cat.categories)


def test_list_datasets_is_sorted_and_complete():
    assert data.list_datasets() == NAMES


def test_list_datasets_by_group():
    municipal = data.list_datasets("gemeenten")
    assert municipal == sorted(n for n in NAMES if RESOURCES[n]["group"] == "gemeenten")
    assert "gemeenten_doelen" in municipal and len(municipal) >= 11
    assert sorted(sum((data.list_datasets(g) for g in PACKAGE["groups"]), [])) == NAMES
    with pytest.raises(SmmkitError, match=r"geen groep datasets met de naam 'gemeente'\. Kies uit: gemeenten"):
        data.list_datasets("gemeente")


def test_load_returns_a_fresh_copy():
    first = data.load("gemeenten_kanalen")
    first.loc[0, "percentage"] = -1
    assert data.load("gemeenten_kanalen").loc[0, "percentage"] != -1


def test_load_is_fast():
    for name in NAMES:  # warm up
        data.load(name)
    start = time.perf_counter()
    for name in NAMES:
        data.load(name)
    per_load = (time.perf_counter() - start) / len(NAMES)
    # a few milliseconds on an idle machine; the margin absorbs a busy CI runner
    assert per_load < 0.1, f"{per_load * 1000:.1f} ms per dataset"


# ---------------------------------------------------------------- errors a learner can meet

def test_unknown_name_lists_names_and_suggests_the_closest():
    with pytest.raises(SmmkitError, match=r"Er is geen dataset met de naam 'gemeenten_kanaal'") as info:
        data.load("gemeenten_kanaal")
    text = str(info.value)
    assert "Bedoel je 'gemeenten_kanalen'?" in text
    for name in NAMES:
        assert name in text
    assert "list_datasets()" in text


def test_unknown_name_without_a_close_match_gives_no_suggestion():
    with pytest.raises(SmmkitError, match="Beschikbare datasets:") as info:
        data.load("xyzzy")
    assert "Bedoel je" not in str(info.value)


def test_forgiving_spelling_of_a_name():
    assert data.load(" Gemeenten-Kanalen.csv ").equals(data.load("gemeenten_kanalen"))


def test_a_dataframe_instead_of_a_name_is_explained():
    frame = data.load("gemeenten_kanalen")
    with pytest.raises(SmmkitError, match=r"kreeg een DataFrame\. .*direct gebruiken"):
        data.load(frame)


@pytest.mark.parametrize("bad", [3, None, ["gemeenten_kanalen"]])
def test_a_non_string_is_explained(bad):
    with pytest.raises(SmmkitError, match=rf"verwacht de naam van een dataset als tekst.*type {type(bad).__name__}"):
        data.load(bad)


def test_an_empty_name_is_explained():
    with pytest.raises(SmmkitError, match="Je gaf een lege naam"):
        data.describe("  ")


def test_errors_are_value_errors():
    with pytest.raises(ValueError):
        data.load("bestaat_niet")


def test_a_damaged_file_is_reported_with_column_and_value(tmp_path, monkeypatch):
    damaged = tmp_path / "datasets"
    damaged.mkdir()
    (damaged / "datapackage.json").write_text((DATASETS / "datapackage.json").read_text(encoding="utf-8"),
                                              encoding="utf-8")
    text = (DATASETS / "gemeenten_respons.csv").read_text(encoding="utf-8").replace(",13,", ",dertien,")
    (damaged / "gemeenten_respons.csv").write_text(text, encoding="utf-8")
    monkeypatch.setattr(datafiles, "folder", lambda: damaged)
    datafiles.clear_cache()
    try:
        with pytest.raises(SmmkitError, match=r"kolom 'aantal_gereageerd': de waarde 'dertien'"):
            data.load("gemeenten_respons")
    finally:
        monkeypatch.undo()
        datafiles.clear_cache()


def test_an_unknown_category_in_a_file_is_reported(tmp_path, monkeypatch):
    (tmp_path / "datapackage.json").write_text((DATASETS / "datapackage.json").read_text(encoding="utf-8"),
                                               encoding="utf-8")
    text = (DATASETS / "gemeenten_respons.csv").read_text(encoding="utf-8").replace("> 100.000", "groot")
    (tmp_path / "gemeenten_respons.csv").write_text(text, encoding="utf-8")
    monkeypatch.setattr(datafiles, "folder", lambda: tmp_path)
    datafiles.clear_cache()
    try:
        with pytest.raises(SmmkitError, match=r"kolom 'grootteklasse': de waarde 'groot' past niet"):
            data.load("gemeenten_respons")
    finally:
        monkeypatch.undo()
        datafiles.clear_cache()


def test_a_missing_file_is_reported(tmp_path, monkeypatch):
    (tmp_path / "datapackage.json").write_text((DATASETS / "datapackage.json").read_text(encoding="utf-8"),
                                               encoding="utf-8")
    monkeypatch.setattr(datafiles, "folder", lambda: tmp_path)
    datafiles.clear_cache()
    try:
        with pytest.raises(SmmkitError, match=r"Het bestand 'gemeenten_kanalen\.csv' .* ontbreekt"):
            data.load("gemeenten_kanalen")
    finally:
        monkeypatch.undo()
        datafiles.clear_cache()


# ---------------------------------------------------------------- describe()

@pytest.mark.parametrize("name", NAMES)
def test_describe_renders_markdown_html_and_text(name):
    res = RESOURCES[name]
    doc = data.describe(name)
    markdown, html, text = doc._repr_markdown_(), doc._repr_html_(), str(doc)
    for rendered in (markdown, html, text):
        assert res["title"] in rendered
        for field in res["schema"]["fields"]:
            assert field["name"] in rendered
    # an output inside a chapter: bold titles, no headings that would break the chapter's outline (#22)
    assert markdown.startswith(f"**`{name}`")
    assert not any(line.startswith("#") for line in markdown.splitlines())
    assert html.startswith('<div class="smmkit-describe">') and "<table>" in html
    assert "<h1" not in html and "<h2" not in html and "<h3" not in html and '<th scope="col">' in html
    assert "`" not in text and "**" not in text
    for quirk in res["quirks"][:1]:
        assert quirk.split("'")[0][:40] in markdown
    assert f"Rijen:** {len(_csv_rows(res)[1])}" in markdown
    assert doc.metadata["name"] == name


def test_describe_accepts_the_same_forgiving_names_as_load():
    assert data.describe("Gemeenten_Kanalen").name == "gemeenten_kanalen"


def test_metadata_is_a_copy():
    meta = data.metadata("gemeenten_kanalen")
    meta["title"] = "iets anders"
    assert data.metadata("gemeenten_kanalen")["title"] == RESOURCES["gemeenten_kanalen"]["title"]


def test_folder_falls_back_to_the_repository_without_an_installed_package(monkeypatch):
    def not_installed(package):
        raise ModuleNotFoundError(package)

    monkeypatch.setattr(datafiles.resources, "files", not_installed)
    assert Path(datafiles.folder()).resolve() == DATASETS.resolve()
