"""The safety net as a package (issue #21): a public API, no private names across modules, no cycle,
one answer to "are we grading?", and a list of kit names derived from the package, not kept by hand.

The checks on code are plain functions over a folder (``private_imports``, ``grading_env_reads``), so
that each is also run on a made-up module that breaks the rule: a check that finds nothing there is
broken, not passed.
"""
from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import smmkit
from smmkit import context
from smmkit import safetynet

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "smmkit" / "safetynet"
MODULES = sorted(p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__")
GRADING_VARIABLES = {"NBGRADER_EXECUTION", "SMMKIT_CHECK_RAISE"}
ONE_PLACE = "smmkit/context.py"


# --------------------------------------------------------------------------- the package and its API
def test_the_package_has_its_modules_and_the_old_files_are_gone():
    assert {"ipython", "rules", "recorded", "cells", "scan", "hints"} <= set(MODULES)
    assert not (ROOT / "smmkit" / "safetynet.py").exists() and not (ROOT / "smmkit" / "explain.py").exists()


def test_the_public_api_is_all_there():
    for name in safetynet.__all__:
        assert getattr(safetynet, name, None) is not None, name
    assert callable(safetynet.explain) and callable(safetynet.explain_recorded), "functions, not the modules"
    assert smmkit.grading_mode is context.grading_mode


@pytest.mark.parametrize("module", MODULES)
def test_each_module_imports_alone_and_declares_its_api(module):
    name = f"smmkit.safetynet.{module}"
    done = subprocess.run([sys.executable, "-c", f"import {name} as m; print(sorted(m.__all__))"],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    import importlib

    loaded = importlib.import_module(name)
    assert all(hasattr(loaded, n) for n in loaded.__all__)
    assert not [n for n in loaded.__all__ if n.startswith("_")]


def private_imports(folder: Path) -> list[str]:
    """``from smmkit.safetynet… import _name`` and ``module._name`` on an imported safety-net module, anywhere in folder.

    Inside one module its own underscore names are fine; crossing modules only public names."""
    found = []
    for path in sorted(folder.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        modules = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("smmkit.safetynet"):
                found += [f"{path.name}:{node.lineno} {a.name}" for a in node.names if a.name.startswith("_")]
                modules |= {a.asname or a.name for a in node.names if not a.name.startswith("_")}
            elif isinstance(node, ast.ImportFrom) and node.module == "smmkit":
                modules |= {a.asname or a.name for a in node.names if a.name == "safetynet"}
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__") \
                    and isinstance(node.value, ast.Name) and node.value.id in modules and node.value.id in MODULES + ["safetynet"]:
                found.append(f"{path.name}:{node.lineno} {node.value.id}.{node.attr}")
    return found


def test_no_module_uses_another_ones_private_names():
    assert private_imports(ROOT / "smmkit") == []


def test_the_private_name_check_finds_a_crossing(tmp_path):
    (tmp_path / "a.py").write_text("from smmkit.safetynet.cells import _last_run\n"
                                   "from smmkit.safetynet import cells\nprint(cells._browser_sources)\n")
    assert private_imports(tmp_path) == ["a.py:1 _last_run", "a.py:3 cells._browser_sources"]


def _imports_within(path: Path) -> set[str]:
    """The package's modules that ``path`` imports (at any level: also inside a function)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module == "smmkit.safetynet":
            found.add("__init__")
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("smmkit.safetynet."):
            found.add(node.module.rsplit(".", 1)[1])
        elif isinstance(node, ast.Import):
            found |= {a.name.rsplit(".", 1)[1] for a in node.names if a.name.startswith("smmkit.safetynet.")}
    return found


def test_no_import_cycle_inside_the_package():
    graph = {m: _imports_within(PACKAGE / f"{m}.py") for m in MODULES}
    assert not [m for m, uses in graph.items() if "__init__" in uses], "a module imports the package's __init__"
    done: set[str] = set()

    def visit(module, path):
        assert module not in path, f"import cycle: {' -> '.join(path + [module])}"
        if module not in done:
            for used in graph.get(module, ()):
                visit(used, path + [module])
            done.add(module)

    for module in MODULES:
        visit(module, [])
    assert graph["recorded"] >= {"rules", "cells"}, "the graph reads the real imports"


# --------------------------------------------------------------------------- one answer to "are we grading?"
def grading_env_reads(folder: Path, relative_to: Path) -> list[str]:
    """Every place under folder that *reads* NBGRADER_EXECUTION or SMMKIT_CHECK_RAISE (setting them is fine).

    A read: ``environ.get(V)``, ``getenv(V)``, ``environ.pop(V)``, ``environ[V]`` (not assigned), ``V in environ``."""
    found = []
    for path in sorted(folder.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            for child in ast.iter_child_nodes(node):
                if not (isinstance(child, ast.Constant) and child.value in GRADING_VARIABLES):
                    continue
                read = (isinstance(node, ast.Call) and child in node.args and isinstance(node.func, (ast.Attribute, ast.Name))
                        and getattr(node.func, "attr", getattr(node.func, "id", "")) in ("get", "getenv", "pop")) \
                    or (isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Load)) \
                    or (isinstance(node, ast.Compare) and any(isinstance(op, (ast.In, ast.NotIn)) for op in node.ops))
                if read:
                    found.append(f"{path.relative_to(relative_to).as_posix()}:{node.lineno}")
    return found


def test_only_the_context_module_reads_the_grading_variables():
    reads = grading_env_reads(ROOT / "smmkit", ROOT)
    assert reads and all(r.startswith(ONE_PLACE + ":") for r in reads), \
        f"ask smmkit.grading_mode() instead of reading the environment: {[r for r in reads if not r.startswith(ONE_PLACE)]}"


def test_the_grading_read_check_finds_a_read_and_ignores_a_write(tmp_path):
    (tmp_path / "m.py").write_text('import os\nos.environ.setdefault("NBGRADER_EXECUTION", "autograde")\n'
                                   'env = {"NBGRADER_EXECUTION": "autograde"}\n'
                                   'if os.environ.get("NBGRADER_EXECUTION") == "autograde":\n    pass\n'
                                   'x = "SMMKIT_CHECK_RAISE" in os.environ\ny = os.environ["NBGRADER_EXECUTION"]\n'
                                   'os.environ["NBGRADER_EXECUTION"] = "validate"\n')
    assert sorted(grading_env_reads(tmp_path, tmp_path)) == ["m.py:4", "m.py:6", "m.py:7"]


@pytest.mark.parametrize("at_import, now, mode", [
    (None, {}, None),
    (None, {"NBGRADER_EXECUTION": "autograde"}, "autograde"),
    (None, {"NBGRADER_EXECUTION": "validate"}, "validate"),
    (None, {"SMMKIT_CHECK_RAISE": "1"}, "checks"),
    ("autograde", {}, "autograde"),                                # a submission removed the variable
    ("autograde", {"NBGRADER_EXECUTION": "validate"}, "autograde"),  # or changed it
    ("validate", {}, "validate"),
    ("checks", {"NBGRADER_EXECUTION": "autograde"}, "autograde"),
])
def test_grading_mode(monkeypatch, at_import, now, mode):
    for name in GRADING_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    for name, value in now.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(context, "_AT_IMPORT", at_import)
    assert smmkit.grading_mode() == mode


def test_every_part_follows_the_one_answer(monkeypatch):
    """check, progress, the widgets' memory and the safety net all ask grading_mode (no variable set here)."""
    from smmkit import check, progress
    from smmkit.widgets import _memory

    for name in GRADING_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(context, "_AT_IMPORT", "autograde")
    assert check.grading() and progress.overview() is None and _memory.current_cell() is None
    monkeypatch.setattr(context, "_AT_IMPORT", None)
    assert not check.grading()


# --------------------------------------------------------------------------- kit names, derived
def _notebooks():
    for folder in ("chapters", "exercises", "solutions"):
        yield from sorted((ROOT / folder).rglob("*.ipynb"))


def _imported_names(source: str) -> set[str]:
    """Names bound by an import of the kit or a third-party package (not the standard library)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] not in sys.stdlib_module_names:
            names |= {a.asname or a.name for a in node.names}
        elif isinstance(node, ast.Import):
            names |= {a.asname or a.name.split(".")[0] for a in node.names
                      if a.name.split(".")[0] not in sys.stdlib_module_names}
    return names


def _code_cells(path: Path):
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] == "code":
            yield "".join(cell["source"])


def test_every_name_a_notebook_imports_is_a_kit_name():
    """A NameError on one of them says 'run the cells above' (safety.name_kit), not 'put it in quotes'."""
    imported = {}
    for path in _notebooks():
        for source in _code_cells(path):
            for name in _imported_names(source):
                imported.setdefault(name, path.relative_to(ROOT).as_posix())
    assert {"utm", "UTMBuilder", "load", "pd"} <= set(imported), "the notebooks were read"
    missing = {name: where for name, where in imported.items() if name not in safetynet.kit_names()}
    assert not missing, f"imported by a notebook but not in smmkit.safetynet.kit_names(): {missing}"


def test_the_setup_tables_are_still_loaded_by_a_chapter():
    from smmkit.safetynet import hints

    sources = "\n".join(s for path in sorted((ROOT / "chapters").glob("*.ipynb")) for s in _code_cells(path))
    stale = [t for t in hints.SETUP_TABLES if not re.search(rf"^{t} = (?:data\.)?load\(", sources, re.MULTILINE)]
    assert not stale, f"no chapter loads these any more: remove them from SETUP_TABLES: {stale}"


def test_a_widget_name_is_explained_as_a_setup_cell_that_did_not_run():
    what, _ = safetynet.explain(NameError, NameError("name 'UTMBuilder' is not defined", name="UTMBuilder"))
    assert "eerdere cel klaarzet" in what
