"""Widget speed: a control change → new ``result`` and text (target 50 ms), a chart redraw (200 ms).

Headless, in this process, with the real widgets. For each ``SmmkitWidget`` subclass the script
finds the controls the widget observes and changes them the way a learner does (another option,
one step on a slider, a tick box), alternating so the widget stays in a valid state:

* **tekst**: chart redraw switched off (``auto_chart = False``): wall time of ``control.value = …``,
  which runs the model and re-renders the text synchronously;
* **grafiek**: the same change with the chart on: wall time of the whole update (model, text and
  chart redraw to PNG) — what a learner waits for, so a little stricter than the redraw alone.

Median over ``--repeat`` changes per widget, after two warm-up changes (the first draw imports
matplotlib and builds the figure).

By default the measuring runs **inside a Jupyter kernel** (started with nbclient), as in a
notebook: there every trait change is also serialised and sent over the widget comm, which a
plain Python process skips. ``--here`` measures in this process instead (faster, a bit optimistic).
"""
from __future__ import annotations

import importlib
import pkgutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import Row, median, print_table  # noqa: E402

TEXT_TARGET_MS = 50.0
CHART_TARGET_MS = 200.0


def widget_classes() -> dict[str, type]:
    """Every SmmkitWidget subclass exported by smmkit.widgets or defined in one of its modules."""
    import smmkit.widgets as pkg
    from smmkit.widgets.base import SmmkitWidget

    found: dict[str, type] = {}
    for name in getattr(pkg, "__all__", []):
        try:
            cls = getattr(pkg, name)
        except (AttributeError, ImportError):
            continue
        if isinstance(cls, type) and issubclass(cls, SmmkitWidget) and cls is not SmmkitWidget:
            found[name] = cls
    for info in pkgutil.iter_modules(pkg.__path__):
        if info.name.startswith("_") or info.name == "base":
            continue
        module = importlib.import_module(f"{pkg.__name__}.{info.name}")
        for name, cls in vars(module).items():
            if (isinstance(cls, type) and issubclass(cls, SmmkitWidget) and cls is not SmmkitWidget
                    and cls.__module__ == module.__name__ and not name.startswith("_")):
                found.setdefault(name, cls)
    return dict(sorted(found.items()))


def _controls(widget) -> list:
    watched = list(getattr(widget, "_watched", []))
    if watched:
        return watched
    out, stack = [], list(widget.children)
    while stack:
        child = stack.pop(0)
        if child.has_trait("value") and type(child).__name__ not in {"HTML", "Label", "Image"}:
            out.append(child)
        stack.extend(getattr(child, "children", ()) or ())
    return out


def _flip(control):
    """A callable that changes ``control`` to another valid value and back on the next call, or None."""
    import ipywidgets as w

    if isinstance(control, w.widgets.widget_selection._MultipleSelection):
        return None
    if isinstance(control, w.widgets.widget_selection._Selection):
        if len(control.options) < 2:
            return None
        first = control.index

        def flip_index():
            control.index = (first + 1) % len(control.options) if control.index == first else first
        return flip_index
    if isinstance(control, (w.Checkbox, w.ToggleButton)):
        def flip_bool():
            control.value = not control.value
        return flip_bool
    from smmkit.widgets._numbers import DutchNumber

    if isinstance(control, DutchNumber) and isinstance(control.value, (int, float)):  # a typed Dutch number
        start = control.value
        other = start + 1 if control.maximum is None or start + 1 <= control.maximum else start - 1

        def flip_typed():
            control.value = other if control.value == start else start
        return flip_typed
    if control.has_trait("min") and control.has_trait("max") and isinstance(control.value, (int, float)):
        step = getattr(control, "step", None) or 1
        start = control.value
        other = start + step if start + step <= control.max else start - step
        if other < control.min:
            return None

        def flip_number():
            control.value = other if control.value == start else start
        return flip_number
    return None


def measure(cls, repeat: int) -> tuple[list[float], list[float], str]:
    """(text samples ms, chart samples ms, note) for one widget class."""
    widget = cls()
    candidates = [f for f in (_flip(c) for c in _controls(widget)) if f is not None]
    # keep only changes that leave the widget valid: a change that makes the widget show an error
    # (e.g. target percentages that no longer add up to 100) skips the chart and would flatter it
    flips, invalid = [], 0
    for flip in candidates:
        flip()
        if widget.error:
            invalid += 1
        else:
            flips.append(flip)
        flip()
    if not flips:
        return [], [], "geen bedienbare keuze gevonden"
    text, chart = [], []
    has_chart = getattr(widget, "chart", None) is not None
    widget.auto_chart = False
    for i in range(repeat + 2):
        flip = flips[i % len(flips)]
        start = time.perf_counter()
        flip()
        if i >= 2:
            text.append((time.perf_counter() - start) * 1000)
    if has_chart:
        widget.auto_chart = True
        for i in range(repeat + 2):
            flip = flips[i % len(flips)]
            start = time.perf_counter()
            flip()
            if i >= 2:
                chart.append((time.perf_counter() - start) * 1000)
    note = f"{len(flips)} keuzes afgewisseld" + (f", {invalid} overgeslagen (gaven een fout)" if invalid else "")
    if widget.error:
        note += f"; let op, widget toont fout: {widget.error[:60]}"
    widget.close()
    return text, chart, note


def run(repeat: int = 20) -> list[Row]:
    rows: list[Row] = []
    for name, cls in widget_classes().items():
        try:
            start = time.perf_counter()
            cls().close()
            build_ms = (time.perf_counter() - start) * 1000
            text, chart, note = measure(cls, repeat)
        except Exception as exc:  # report and go on with the next widget
            rows.append(Row("widgets", f"{name}: tekst", None, target=TEXT_TARGET_MS,
                            note=f"FOUT: {type(exc).__name__}: {exc}"[:120]))
            continue
        rows.append(Row("widgets", f"{name}: keuze → tekst", median(text) if text else None,
                        target=TEXT_TARGET_MS, note=f"{note}; aanmaken {build_ms:.0f} ms", samples=text))
        if chart:
            rows.append(Row("widgets", f"{name}: keuze → grafiek", median(chart),
                            target=CHART_TARGET_MS, samples=chart))
    return rows


MARKER = "SMMKIT-BENCH-ROWS:"


def run_in_kernel(repeat: int = 20) -> list[Row]:
    """``run(repeat)`` inside a fresh ipykernel; rows come back as JSON on stdout."""
    import json
    import os

    import nbformat
    from nbclient import NotebookClient

    here = Path(__file__).resolve().parent
    code = (
        "import json, sys\n"
        f"sys.path.insert(0, {str(here)!r})\n"
        "import bench_widgets\n"
        f"rows = bench_widgets.run({int(repeat)})\n"
        f"print({MARKER!r} + json.dumps([r.__dict__ for r in rows]))\n"
    )
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(code)]
    env_backend = os.environ.pop("MPLBACKEND", None)  # as in a learner's kernel
    try:
        NotebookClient(nb, kernel_name="python3", timeout=1800,
                       resources={"metadata": {"path": str(here.parent)}}).execute()
    finally:
        if env_backend is not None:
            os.environ["MPLBACKEND"] = env_backend
    text = "".join(o.get("text", "") for o in nb.cells[0].outputs if o.get("output_type") == "stream")
    for line in text.splitlines():
        if line.startswith(MARKER):
            return [Row(**d) for d in json.loads(line[len(MARKER):])]
    raise RuntimeError(f"the kernel returned no benchmark rows:\n{text[-2000:]}")


def main(argv: list[str] | None = None) -> list[Row]:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--here", action="store_true", help="measure in this process, not in a kernel")
    args = parser.parse_args(argv)
    rows = run(args.repeat) if args.here else run_in_kernel(args.repeat)
    print_table("Widgets: mediane reactietijd (doel: tekst ≤ 50 ms, grafiek ≤ 200 ms)", rows)
    return rows


if __name__ == "__main__":
    main()
