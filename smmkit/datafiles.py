"""Where the dataset files live and what datapackage.json says about them (standard library only).

``smmkit.data`` (pandas) and ``smmkit.datasheet`` (documentation) both read through this module, so a
clone, an editable install and an installed wheel all find the same files: first through
``importlib.resources`` (the package ``smmkit.datasets``), else the ``datasets/`` folder of the repository.
"""
from __future__ import annotations

import copy
import csv
import difflib
import io
import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

from smmkit.errors import SmmkitError
from smmkit.messages import msg

PACKAGE = "smmkit.datasets"
DATAPACKAGE = "datapackage.json"
EXAMPLE_NAME = "gemeenten_kanalen"


def folder():
    """The folder (a ``Traversable``) that holds datapackage.json and the CSV files."""
    try:
        found = resources.files(PACKAGE)
        if found.joinpath(DATAPACKAGE).is_file():
            return found
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parent.parent / "datasets"


@lru_cache(maxsize=1)
def _datapackage_text() -> str:
    return folder().joinpath(DATAPACKAGE).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _parsed() -> dict:
    return json.loads(_datapackage_text())


@lru_cache(maxsize=1)
def _by_name() -> dict[str, dict]:
    return {res["name"]: res for res in _parsed()["resources"]}


def clear_cache() -> None:
    """Forget the parsed datapackage (for tools that rewrite it while running)."""
    for cached in (_datapackage_text, _parsed, _by_name, read_bytes):
        cached.cache_clear()


def datapackage() -> dict:
    """A copy of the whole datapackage.json (safe to modify)."""
    return copy.deepcopy(_parsed())


def names() -> list[str]:
    """All dataset names, alphabetically."""
    return sorted(_by_name())


def names_in_group(group) -> list[str]:
    """The dataset names of one group (one survey or source), alphabetically."""
    groups = _parsed().get("groups", {})
    if group not in groups:
        raise SmmkitError(msg("data.unknown_group", group=group, groups=", ".join(groups)))
    return sorted(name for name, res in _by_name().items() if res.get("group") == group)


def _looks_like_dataframe(value) -> bool:
    kind = type(value)
    return kind.__name__ in {"DataFrame", "Series"} and kind.__module__.split(".")[0] == "pandas"


def resolve(name) -> dict:
    """The resource entry for ``name`` (not a copy: do not modify). Bad input raises SmmkitError."""
    if _looks_like_dataframe(name):
        raise SmmkitError(msg("data.not_a_string_dataframe"))
    if not isinstance(name, str):
        raise SmmkitError(msg("data.not_a_string", example=EXAMPLE_NAME, got=repr(name)[:60],
                              type=type(name).__name__))
    key = name.strip()
    if not key:
        raise SmmkitError(msg("data.empty_name", example=EXAMPLE_NAME))
    table = _by_name()
    if key in table:
        return table[key]
    normalised = key.lower().replace(" ", "_").replace("-", "_")
    if normalised.endswith(".csv"):
        normalised = normalised[:-4]
    if normalised in table:
        return table[normalised]
    close = difflib.get_close_matches(normalised, list(table), n=1, cutoff=0.6)
    suggestion = msg("data.suggestion", name=close[0]) if close else ""
    raise SmmkitError(msg("data.unknown_name", name=name, suggestion=suggestion,
                          names=", ".join(names())))


def resource(name) -> dict:
    """A copy of the datapackage entry of one dataset (its metadata and Table Schema)."""
    return copy.deepcopy(resolve(name))


@lru_cache(maxsize=None)
def read_bytes(path: str) -> bytes:
    return folder().joinpath(path).read_bytes()


def raw_bytes(res: dict) -> bytes:
    try:
        return read_bytes(res["path"])
    except (FileNotFoundError, OSError):
        raise SmmkitError(msg("data.missing_file", path=res["path"], name=res["name"])) from None


def rows(name) -> list[dict[str, str]]:
    """The CSV rows of a dataset as text, exactly as stored (no types applied)."""
    res = resolve(name)
    text = raw_bytes(res).decode("utf-8")
    return list(csv.DictReader(io.StringIO(text)))
