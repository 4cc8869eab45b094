"""The benchmark scripts keep working (their figures are printed by ``kit.py bench``, not tested here).

No timing is asserted: a busy CI machine must not fail a test. What is asserted is that every
model widget can be measured (it has a control the script can change, and changing it gives no
error) and that the import probe returns figures.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_import  # noqa: E402
import bench_widgets  # noqa: E402


def test_every_model_widget_is_measurable():
    import smmkit.widgets as pkg

    rows = bench_widgets.run(repeat=2)
    classes = bench_widgets.widget_classes()
    exported = {n for n in pkg.__all__ if n != "SmmkitWidget" and n in classes}
    assert len(exported) >= 3
    measured = {r.name.split(":")[0] for r in rows if r.measured is not None}
    assert exported <= measured, f"not measured: {sorted(exported - measured)}; rows: {[r.note for r in rows]}"
    problems = [f"{r.name}: {r.note}" for r in rows if "FOUT" in r.note or "let op" in r.note]
    assert not problems, problems
    charts = {r.name.split(":")[0] for r in rows if "grafiek" in r.name}
    with_chart = {n for n in exported if classes[n].has_chart}
    assert with_chart == charts, "every widget with a chart gets a chart-redraw figure"


def test_flip_changes_and_restores_a_control():
    import ipywidgets as w

    slider = w.IntSlider(value=10, min=0, max=10)
    flip = bench_widgets._flip(slider)
    flip()
    assert slider.value == 9
    flip()
    assert slider.value == 10
    dropdown = w.Dropdown(options=["a", "b"], value="a")
    flip = bench_widgets._flip(dropdown)
    flip()
    assert dropdown.value == "b"
    assert bench_widgets._flip(w.Dropdown(options=["a"])) is None


def test_import_probe_times_each_statement_separately():
    first, second = bench_import._probe("import time; time.sleep(0.05)", "import time; time.sleep(0.12)")
    assert 50 <= first < 120 <= second, (first, second)


@pytest.mark.timeout(300)
def test_import_probe_returns_figures():
    rows = bench_import.run(repeat=1)
    assert all(r.measured is not None and r.measured > 0 and len(r.samples) == 1 for r in rows), rows
    base = rows[0].measured
    for row in rows:
        if row.target is not None:  # the note's ratio is kit / basis, from the row's own figures
            assert row.note == f"verhouding tot basis {(base + row.measured) / base:.2f}×"
            assert row.ratio == row.measured / row.target
    jupyter = [r for r in rows if r.name.startswith("Jupyter: import ")]
    assert [r.name for r in jupyter] == [f"Jupyter: import {m}" for m in bench_import.JUPYTER_MODULES]
    for row in jupyter:  # the formats' share is part of the module's own import time
        formats = float(row.note.split("jsonschema-formaten ")[1].split(" ms")[0])
        assert 0 < formats <= row.measured, row


def test_importtime_probe_sees_whether_rfc3987_syntax_is_installed():
    import importlib.util

    total, formats, rfc3987 = bench_import._importtime("jsonschema.validators")
    assert total >= formats > 0
    assert rfc3987 == (importlib.util.find_spec("rfc3987_syntax") is not None)


def test_the_smart_bench_measures_every_page():
    import bench_smart

    rows = bench_smart.run(repeat=1)
    assert [r.name.split(": ", 1)[1] for r in rows] == list(bench_smart.CASES)
    assert all(r.measured is not None and r.target == bench_smart.TARGET_MS for r in rows)
    assert all(len(text) == bench_smart.PAGE for text in bench_smart.CASES.values())
