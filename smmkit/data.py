"""The one way into the kit's data: ``load(name)``, ``list_datasets()`` and ``describe(name)``.

Every dataset is a CSV file in ``datasets/`` with its documentation in ``datasets/datapackage.json``
(a Frictionless Data Package with a Table Schema per file). ``load`` applies what a CSV cannot hold:

========================  =============================================================
schema field              pandas dtype
========================  =============================================================
integer, required         ``int64``
integer, not required     ``Int64`` (nullable: the source prints a dash)
number                    ``float64``
string + categories       ``category`` (ordered when ``categoriesOrdered`` is true)
string                    ``str``
boolean                   ``boolean``
========================  =============================================================

    >>> from smmkit.data import load
    >>> kanalen = load("gemeenten_kanalen")
"""
from __future__ import annotations

import io

import pandas as pd

from smmkit import datafiles
from smmkit.errors import SmmkitError
from smmkit.messages import msg

__all__ = ["load", "list_datasets", "describe", "metadata"]


def list_datasets(group: str | None = None) -> list[str]:
    """De namen van alle datasets, op alfabet. Werkt zonder internet.

    Met ``group`` alleen de datasets van één onderzoek, bijvoorbeeld ``list_datasets("gemeenten")``.
    """
    if group is None:
        return datafiles.names()
    return datafiles.names_in_group(group)


def metadata(name) -> dict:
    """De documentatie van één dataset zoals datapackage.json die bevat (een kopie, als dict)."""
    return datafiles.resource(name)


def _is_required(field: dict) -> bool:
    return bool(field.get("constraints", {}).get("required", False))


def dtype_of(field: dict):
    """The pandas dtype that ``load`` gives a schema field."""
    kind = field.get("type", "string")
    if kind in ("integer", "year"):
        return "int64" if _is_required(field) else "Int64"
    if kind == "number":
        return "float64"
    if kind == "boolean":
        return "boolean"
    if "categories" in field:
        values = [c["value"] if isinstance(c, dict) else c for c in field["categories"]]
        return pd.CategoricalDtype(values, ordered=bool(field.get("categoriesOrdered", False)))
    return "str"


def _read_dtype(dtype):
    # Categories are read as text first and converted afterwards (read_csv would silently
    # turn unknown labels into missing values).
    return "str" if isinstance(dtype, pd.CategoricalDtype) else dtype


def load(name) -> pd.DataFrame:
    """Laad een dataset als pandas DataFrame, met de juiste typen per kolom.

    ``name`` is de naam van de dataset, bijvoorbeeld ``"gemeenten_kanalen"``; ``list_datasets()``
    geeft alle namen en ``describe(name)`` laat zien wat elke kolom betekent.
    """
    res = datafiles.resolve(name)
    fields = res["schema"]["fields"]
    dtypes = {f["name"]: dtype_of(f) for f in fields}
    missing = res["schema"].get("missingValues", [""])
    raw = datafiles.raw_bytes(res)
    try:
        frame = pd.read_csv(
            io.BytesIO(raw),
            dtype={col: _read_dtype(dt) for col, dt in dtypes.items()},
            na_values=missing,
            keep_default_na=False,
            encoding="utf-8",
        )
    except (ValueError, TypeError):
        raise _explain_bad_value(res, raw, dtypes) from None
    for col, dtype in dtypes.items():
        if isinstance(dtype, pd.CategoricalDtype) and col in frame:
            unknown = frame[col][frame[col].notna() & ~frame[col].isin(dtype.categories)]
            if len(unknown):
                raise SmmkitError(msg("data.bad_value", name=res["name"], column=col,
                                      value=unknown.iloc[0], type=msg("data.type.category")))
            frame[col] = frame[col].astype(dtype)
    frame.attrs["smmkit_dataset"] = res["name"]
    frame.attrs["title"] = res.get("title", "")
    return frame


def _explain_bad_value(res: dict, raw: bytes, dtypes: dict) -> SmmkitError:
    text = pd.read_csv(io.BytesIO(raw), dtype=str, keep_default_na=False)
    missing = set(res["schema"].get("missingValues", [""]))
    for col, dtype in dtypes.items():
        if dtype in ("int64", "Int64", "float64") and col in text:
            for value in text[col]:
                if value in missing:
                    continue
                try:
                    number = float(value)
                except ValueError:
                    number = None
                if number is None or (dtype != "float64" and not number.is_integer()):
                    return SmmkitError(msg("data.bad_value", name=res["name"], column=col,
                                           value=value, type=dtype))
    return SmmkitError(msg("data.bad_value", name=res["name"], column="?", value="?", type="?"))


def describe(name):
    """De documentatie van een dataset: bron, populatie, n, kolommen en eigenaardigheden.

    In een notebook verschijnt die als opgemaakte tekst; ``print(describe(name))`` geeft platte tekst.
    """
    from smmkit.datasheet import DatasetDescription

    return DatasetDescription(datafiles.resolve(name)["name"])
