"""Every dataset against its own documentation in datapackage.json, and the loader smmkit.data.

The validation is driven by datapackage.json alone, so a dataset added by anyone is checked as soon
as its resource is listed there. Dataset-specific checks (recomputed percentages, documented quirks)
live in tests/test_datasets_<group>.py.
"""
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
                 "years", "rows", "quirks", "schema"}
TYPES = {"integer", "number", "string", "boolean", "year"}


def _csv_rows(res):
    text = (DATASETS / res["path"]).read_text(encoding="utf-8")
    reader = csv.reader(io.StringIO(text))
    header = next(reader)
    return header, list(reader)


def _parse(value: str, kind: str):
    if kind in ("integer", "year"):
        if not value.lstrip("-").isdigit():
            raise ValueError(value)
        return int(value)
    if kind == "number":
        number = float(value)
        if not math.isfinite(number):
            raise ValueError(value)
        return number
    if kind == "boolean":
        if value not in ("true", "false"):
            raise ValueError(value)
        return value == "true"
    return value


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


@pytest.mark.parametrize("name", NAMES)
def test_csv_matches_its_schema(name):
    res = RESOURCES[name]
    fields = res["schema"]["fields"]
    header, rows = _csv_rows(res)
    assert header == [f["name"] for f in fields], "kolommen in het CSV wijken af van het schema"
    assert len(rows) == res["rows"], "aantal rijen wijkt af van 'rows' in datapackage.json"
    missing = set(res["schema"].get("missingValues", [""]))
    for field in fields:
        assert field["type"] in TYPES
        assert field.get("description", "").strip(), f"{field['name']} heeft geen beschrijving"
        assert field["name"].isidentifier() and field["name"] == field["name"].lower()
    for number, row in enumerate(rows, start=2):
        assert len(row) == len(fields), f"regel {number}: verkeerd aantal cellen"
        for field, value in zip(fields, row):
            where = f"{name} regel {number}, kolom {field['name']}"
            cons = field.get("constraints", {})
            if value in missing:
                assert not cons.get("required"), f"{where}: verplicht maar leeg"
                continue
            assert value == value.strip(), f"{where}: spaties rond de waarde"
            parsed = _parse(value, field["type"])
            if "enum" in cons:
                assert parsed in cons["enum"], f"{where}: {value!r} niet toegestaan"
            if "categories" in field:
                assert parsed in field["categories"], f"{where}: {value!r} geen categorie"
            if "pattern" in cons:
                assert re.fullmatch(cons["pattern"], value), f"{where}: {value!r} past niet bij het patroon"
            if "minimum" in cons:
                assert parsed >= cons["minimum"], where
            if "maximum" in cons:
                assert parsed <= cons["maximum"], where
        if res.get("years") and "jaar" in header:
            assert int(row[header.index("jaar")]) in res["years"]


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
def test_primary_key_is_unique(name):
    res = RESOURCES[name]
    key = res["schema"].get("primaryKey")
    assert key, f"{name} heeft geen primaryKey"
    header, rows = _csv_rows(res)
    keys = [tuple(row[header.index(k)] for k in key) for row in rows]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("name", NAMES)
def test_categories_are_consistent(name):
    for field in RESOURCES[name]["schema"]["fields"]:
        if "categories" in field:
            assert len(field["categories"]) == len(set(field["categories"]))
            enum = field.get("constraints", {}).get("enum")
            assert enum is None or enum == field["categories"]


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
    assert markdown.startswith(f"## `{name}`")
    assert html.startswith('<div class="smmkit-describe">') and "<table>" in html
    assert "`" not in text and "**" not in text
    for quirk in res["quirks"][:1]:
        assert quirk.split("'")[0][:40] in markdown
    assert f"Rijen:** {res['rows']}" in markdown
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
