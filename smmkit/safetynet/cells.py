"""What each cell assigned and whether it ran cleanly: the bookkeeping behind ``smmkit.check``'s refusals.

After every cell the IPython hook (:mod:`smmkit.safetynet.ipython`) calls :func:`record_run`; the kit's
lab extension sends what the code cells hold now (comm :data:`CELLS_TARGET`, handled by
:func:`open_cells_comm`); :func:`cell_problem` says in Dutch why a name's value cannot be trusted yet.
"""
from __future__ import annotations

import ast
import json
import os
import re
import time
from pathlib import Path

from smmkit.messages import msg

__all__ = ["assigned_names", "record_run", "cell_problem", "take_cell_sources", "open_cells_comm", "CELLS_TARGET"]

# What the last run of each cell told us, by name: {name: (ok, ename, cell_id, source, wall-clock time)}
_last_run: dict[str, tuple[bool, str | None, str | None, str, float]] = {}
_cell_ran: dict[str, tuple[set, bool, str | None]] = {}   # cell id -> its last run: (names it assigned, ok, error)

# What JupyterLab says the notebook's code cells hold now, by cell id: sent by the kit's lab extension
# (smmkit/labextension, plugin ":cells") in the comm CELLS_TARGET whenever the notebook schedules a run,
# before that cell's execute_request (same shell channel, so in order). Bounded: at most _MAX_CELLS ids
# (oldest dropped), no source over _MAX_SOURCE characters (then the id is forgotten: the file decides).
CELLS_TARGET = "smmkit.cells"
_MAX_CELLS = 5000
_MAX_SOURCE = 200_000
_browser_sources: dict[str, str] = {}


# --------------------------------------------------------------------------- what each cell assigns
def assigned_names(source: str, shell=None) -> set[str]:
    """Names a cell assigns or changes (``x = …``, ``x += …``, ``df["k"] = …``, ``for x in``, imports, defs).

    Works on cells that do not parse too (a SyntaxError): then line by line, ``name =`` at the start.
    """
    code = source
    if shell is not None:
        try:
            code = shell.transform_cell(source)
        except Exception:
            code = source
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError):
        return set(re.findall(r"^[ \t]*([A-Za-z_]\w*)\s*(?:\[[^\n]*\]\s*)?(?:[-+*/%]|//|\*\*)?=(?!=)", source,
                              re.MULTILINE))
    names: set[str] = set()

    def target(node):
        while isinstance(node, (ast.Subscript, ast.Attribute, ast.Starred)):
            node = node.value
        if isinstance(node, ast.Name):
            names.add(node.id)
        elif isinstance(node, (ast.Tuple, ast.List)):
            for element in node.elts:
                target(element)

    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            for t in node.targets:
                target(t)
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign, ast.For, ast.AsyncFor)):
            target(node.target)
        elif isinstance(node, ast.NamedExpr):
            target(node.target)
        elif isinstance(node, (ast.With, ast.AsyncWith)):
            for item in node.items:
                if item.optional_vars is not None:
                    target(item.optional_vars)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                names.add(alias.asname or alias.name.split(".")[0])
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
    return names


def record_run(source: str, ok: bool, ename: str | None = None, cell_id: str | None = None, shell=None) -> None:
    """Note the outcome of one cell run for every name it assigns (used by the hooks and the tests)."""
    now = time.time()
    names = assigned_names(source, shell)
    for name in names:
        _last_run[name] = (ok, ename, cell_id, source, now)
    if cell_id:
        _cell_ran[cell_id] = (names, ok, ename)


def _session_notebook() -> Path | None:
    """The notebook file of this kernel, when Jupyter Server told us (``JPY_SESSION_NAME``)."""
    name = os.environ.get("JPY_SESSION_NAME")
    if not name:
        return None
    path = Path(name)
    if not path.is_absolute():
        path = Path.cwd() / path.name if not path.exists() else path
    return path if path.is_file() and path.suffix == ".ipynb" else None


def _saved_source(cell_id: str, since: float) -> str | None:
    """The source of cell ``cell_id`` in the notebook file, if that file was saved after ``since``."""
    path = _session_notebook()
    if path is None:
        return None
    info = path.stat()
    if info.st_size > 20_000_000 or info.st_mtime <= since:  # saved before the run: it says nothing new
        return None
    try:
        cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
    except (OSError, ValueError):
        return None
    for cell in cells:
        if cell.get("id") == cell_id:
            source = cell.get("source", "")
            return "".join(source) if isinstance(source, list) else str(source)
    return None


def take_cell_sources(data) -> None:
    """Keep what the browser says the code cells hold (``{"cells": {cell_id: source or None}}``).

    Anything else is ignored; a ``None`` or too long source forgets that cell (the saved file decides)."""
    cells = data.get("cells") if isinstance(data, dict) else None
    if not isinstance(cells, dict):
        return
    for count, (cell_id, source) in enumerate(cells.items()):
        if count >= _MAX_CELLS:
            break
        if not isinstance(cell_id, str) or len(cell_id) > 200:
            continue
        _browser_sources.pop(cell_id, None)  # re-inserted last: the dict's order is oldest first
        if isinstance(source, str) and len(source) <= _MAX_SOURCE:
            _browser_sources[cell_id] = source
    while len(_browser_sources) > _MAX_CELLS:
        del _browser_sources[next(iter(_browser_sources))]


def _on_cells_message(message) -> None:
    try:
        take_cell_sources(message["content"]["data"])
    except Exception:
        pass  # a message the kit cannot read says nothing; the learner never sees it


def open_cells_comm(comm, message) -> None:
    """The comm target's handler: take the first message's sources and every later one's."""
    _on_cells_message(message)
    try:
        comm.on_msg(_on_cells_message)
    except Exception:
        pass


def _current_source(cell_id: str, ran: float) -> str | None:
    """What cell ``cell_id`` holds now: the browser's word, else the notebook file if saved after ``ran``."""
    if cell_id in _browser_sources:
        return _browser_sources[cell_id]
    return _saved_source(cell_id, ran)


def cell_problem(name: str) -> str | None:
    """Dutch reason why the value of ``name`` cannot be trusted yet, or None.

    Known: the last cell run that assigns ``name`` stopped with an error (also a SyntaxError: then the
    variable still holds an older value); the cell was changed and not run again. The kernel sees a
    cell only when it runs, so for the change it asks, in this order: the kit's lab extension, which
    sends the cells' current sources just before each run (comm ``smmkit.cells``, see
    ``take_cell_sources``), and the notebook file, when saved after that run (Jupyter Server names it
    in ``JPY_SESSION_NAME``; JupyterLab sends the cell id). Without the extension (classic notebook,
    nbgrader, another frontend) an edit that was not saved yet is not known.
    """
    last = _last_run.get(name)
    if last is None:
        return None
    ok, ename, cell_id, source, ran = last
    if cell_id:
        # the cell that made `name` was run again without making it (she replaced her answer, e.g. by
        # the primer's example): running it again cannot help, so say what the cell must hold
        since = _cell_ran.get(cell_id)
        if since is not None and name not in since[0]:
            if not since[1]:
                return msg("check.stale_failed", name=name, error=since[2] or "?")
            return msg("check.no_longer_assigned", name=name)
    if not ok:
        return msg("check.stale_failed", name=name, error=ename or "?")
    if cell_id:
        current = _current_source(cell_id, ran)
        if current is not None and current.strip() != source.strip():
            if name not in assigned_names(current):
                return msg("check.no_longer_assigned", name=name)
            return msg("check.stale_edited", name=name)
    return None
