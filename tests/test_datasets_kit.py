"""The datasets the kit made up itself (group 'kit'): labelled as invented, reproducible, internally consistent.

merk_posts is the commercial case of every chapter (issue #19): the post-level figures of an invented
brand account. Nothing in it is measured, so the file must say so wherever a learner reads about it, and
it must be exactly what its generator writes (nobody edits the numbers by hand).
"""
from __future__ import annotations

import csv
import importlib.util
import json
from pathlib import Path

from smmkit import data, datasheet

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = json.loads((ROOT / "datasets" / "datapackage.json").read_text(encoding="utf-8"))
KIT = [res for res in PACKAGE["resources"] if res["group"] == "kit"]


def _generator():
    spec = importlib.util.spec_from_file_location("make_merk_posts", ROOT / "tools" / "make_merk_posts.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_there_is_a_brand_account_in_the_kit_group():
    assert [res["name"] for res in KIT] == ["merk_posts"]


def test_invented_data_says_so_where_learners_read():
    for res in KIT:
        assert "gemaakt voor de kit" in res["title"].lower()
        assert "verzonnen" in res["description"].lower()
        assert res["quirks"][0].startswith("Verzonnen cijfers.")
    assert "verzonnen" in datasheet.render_datasheet().split("### `merk_posts`", 1)[1].split("### `", 1)[0].lower()


def test_the_file_is_what_the_generator_writes():
    with (ROOT / "datasets" / "merk_posts.csv").open(encoding="utf-8", newline="") as handle:
        stored = list(csv.DictReader(handle))
    generated = [{k: str(v) for k, v in row.items()} for row in _generator().rows()]
    assert stored == generated, "draai python tools/make_merk_posts.py (de cijfers bewerk je niet met de hand)"


def test_the_figures_hang_together():
    posts = data.load("merk_posts")
    assert len(posts) == 48 and posts["week"].between(1, 12).all()
    assert ((posts["betaald"] == "ja") == (posts["kosten_euro"] > 0)).all(), "betaald hoort bij kosten > 0"
    assert (posts["bereik"] <= posts["vertoningen"]).all(), "bereik telt unieke accounts, dus nooit meer dan vertoningen"
    assert (posts["klikken"] <= posts["vertoningen"]).all()
    assert (posts["aankopen"] <= posts["klikken"]).all(), "een aankoop volgt op een klik (last click)"
    assert (posts["vragen"] <= posts["reacties"]).all(), "vragen zijn een deel van de reacties"
    for column in ("kanaal", "vorm", "maker", "lcss", "fase"):
        assert posts[column].notna().all() and posts[column].nunique() == len(posts[column].cat.categories), column
