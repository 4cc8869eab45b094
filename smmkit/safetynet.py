"""The Dutch safety net: every error in a kit notebook explained in plain Dutch, the original one click away.

An IPython extension. It is loaded in two ways, so that every kit notebook and exercise has it:

* ``import smmkit`` loads it when it runs inside a Jupyter kernel (every chapter and exercise imports
  the kit in its first code cell);
* ``kit.py setup`` writes ``.venv/etc/ipython/ipython_kernel_config.py``, which loads it in every kernel
  of the course environment from the very first cell (also cells that do not import the kit, like the
  start page's "probeer zelf" cell, and cells with a SyntaxError, which never run any code).

What it does when a cell stops with an error (also a SyntaxError or IndentationError):

1. it shows an orange box (``<div class="smmkit-safetynet">``): what went wrong in Dutch, what to try,
   and the original Python error collapsed under "Originele foutmelding" (HTML ``<details>``); the
   plain-text version of that box holds the whole original traceback too, so nothing is lost;
2. the cell still ends with a real error output (same ``ename``/``evalue``; the traceback is one Dutch
   line pointing at the box), so "Run all" stops there and nbgrader scores a failing test cell 0.

Under ``nbgrader autograde`` it shows nothing and leaves the tracebacks alone (see :func:`_autograding`);
the bookkeeping for the checks goes on.

Errors of the kit itself (:class:`smmkit.errors.SmmkitError`, :class:`smmkit.check.CheckFailed`) render
their own Dutch text (``_render_traceback_``) and are left alone.

After every cell it also notes which names the cell assigns and whether it ran without error, so that
``smmkit.check`` can refuse to pass on a value whose answer cell last failed or was changed since it
ran (see :func:`cell_problem`; the kit's lab extension sends the cells' current sources in the comm
``smmkit.cells``, registered here).
It also warns (no error) about a decimal comma (``versterking = 1,25`` makes a tuple) and a Dutch
thousands dot (``inwoners = 48.000`` is 48.0).

How to add a case: see CONTRIBUTING.md ("Een fout uitleggen in het vangnet").
"""
from __future__ import annotations

import ast
import json
import os
import re
import sys
import time
from pathlib import Path

from smmkit.messages import msg

__all__ = ["load_ipython_extension", "unload_ipython_extension", "cell_problem", "assigned_names", "warnings_for"]

_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")

# What the last run of each cell told us, by name: {name: (ok, ename, cell_id, source, wall-clock time)}
_last_run: dict[str, tuple[bool, str | None, str | None, str, float]] = {}
_cell_ran: dict[str, tuple[set, bool, str | None]] = {}   # cell id -> its last run: (names it assigned, ok, error)
_pending: dict[str, object] = {}

# What JupyterLab says the notebook's code cells hold now, by cell id: sent by the kit's lab extension
# (smmkit/labextension, plugin ":cells") in the comm CELLS_TARGET whenever the notebook schedules a run,
# before that cell's execute_request (same shell channel, so in order). Bounded: at most _MAX_CELLS ids
# (oldest dropped), no source over _MAX_SOURCE characters (then the id is forgotten: the file decides).
CELLS_TARGET = "smmkit.cells"
_MAX_CELLS = 5000
_MAX_SOURCE = 200_000
_browser_sources: dict[str, str] = {}


# --------------------------------------------------------------------------- showing it
def _box(title: str, what: str, tip: str, where: str, original: str | None, warning: bool = False) -> dict:
    import html

    from smmkit.boxes import box, collapsed, line

    body = f"<b>{html.escape(title)}</b>" + line(what)
    if where:
        body += line(where, code=True)
    body += line(f"<b>{html.escape(msg('safety.try'))}</b> {html.escape(tip)}", escape=False)
    plain = [title, what] + ([where] if where else []) + [f'{msg("safety.try")} {tip}']
    if original is not None:
        body += collapsed(msg("safety.original"), original, "smmkit-safetynet-original")
        plain += ["", msg("safety.original") + ":", original]
    css_class = "smmkit-safetynet smmkit-safetynet-warning" if warning else "smmkit-safetynet"
    return {"text/html": box("warning" if warning else "error", body, css_class, escape=False),
            "text/plain": "\n".join(plain)}


def _where(evalue) -> str:
    from smmkit.explain import _user_line

    if isinstance(evalue, SyntaxError):
        if evalue.lineno and evalue.text:
            return msg("safety.where", line=evalue.lineno, code=evalue.text.strip())
        return ""
    found = _user_line(evalue)
    return msg("safety.where", line=found[0], code=found[1]) if found and found[1] else ""


def _publish(shell, bundle: dict) -> None:
    if getattr(shell, "display_pub", None) is not None:
        shell.display_pub.publish(data=bundle, metadata={})


def _autograding() -> bool:
    """True in ``nbgrader autograde``: then the net stays out of the way (also if a submission unsets the variable).

    The autograded notebook and the feedback keep nbgrader's own error outputs, which the feedback
    preprocessor (smmkit/grading/feedback.py) rewrites for cells with hidden tests; a box with the
    original traceback would show a failed hidden ``assert`` line in the feedback. ``nbgrader validate``
    (the student's Validate button) keeps the net.
    """
    return _AUTOGRADE_AT_LOAD or os.environ.get("NBGRADER_EXECUTION") == "autograde"


_AUTOGRADE_AT_LOAD = os.environ.get("NBGRADER_EXECUTION") == "autograde"


def _wrap_showtraceback(shell):
    original = shell._showtraceback

    def _showtraceback(etype, evalue, stb):
        if getattr(evalue, "_render_traceback_", None) is not None or not isinstance(evalue, BaseException) \
                or _autograding():
            return original(etype, evalue, stb)
        try:
            if isinstance(evalue, SyntaxError):
                evalue._smmkit_source = str(_pending.get("source", ""))
            from smmkit.explain import explain  # loaded at the first error, so the kernel starts light

            what, tip = explain(etype, evalue, shell)
            plain = _ANSI.sub("", "\n".join(stb if isinstance(stb, list) else [str(stb)]))
            sys.stdout.flush()
            sys.stderr.flush()
            _publish(shell, _box(msg("safety.title", ename=etype.__name__), what, tip, _where(evalue), plain))
            stb = [msg("safety.short", ename=etype.__name__)]
            if os.environ.get("NBGRADER_EXECUTION") == "validate":  # the Validate dialog shows no boxes
                stb = [msg("safety.title", ename=etype.__name__), what, _where(evalue), f'{msg("safety.try")} {tip}']
        except Exception:  # the safety net must never hide an error: fall back to the original
            pass
        return original(etype, evalue, stb)

    _showtraceback.smmkit_original = original
    shell._showtraceback = _showtraceback


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


def _open_cells_comm(comm, message) -> None:
    _on_cells_message(message)
    try:
        comm.on_msg(_on_cells_message)
    except Exception:
        pass


def _cells_comm_manager(shell):
    return getattr(getattr(shell, "kernel", None), "comm_manager", None)


def _register_cells_target(shell) -> None:
    manager = _cells_comm_manager(shell)
    if manager is not None:
        try:
            manager.register_target(CELLS_TARGET, _open_cells_comm)
        except Exception:
            pass  # no comms in this kernel: the saved file is all the kit knows


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


# --------------------------------------------------------------------------- warnings after a good run
_COMMA_NUMBER = re.compile(r"^-?\d+,\d+$")
_THOUSANDS = re.compile(r"^[1-9]\d{0,2}\.\d{3}$")


def warnings_for(source: str, shell=None) -> list[tuple[str, str]]:
    """(what, tip) for suspicious but valid lines: ``x = 1,25`` (a tuple) and ``x = 48.000`` (48.0)."""
    try:
        tree = ast.parse(shell.transform_cell(source) if shell is not None else source)
    except Exception:
        return []
    lines = (shell.transform_cell(source) if shell is not None else source).splitlines()
    from smmkit.explain import DECIMAL_COMMA, _pair, _without_strings, decimal_comma_fix

    found = []
    if any(isinstance(node, ast.Name) and re.fullmatch(r"_{2,}", node.id) for node in ast.walk(tree)):
        found.append(_pair("safety.warn_blank"))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Assign) or len(node.targets) != 1 or not isinstance(node.targets[0], ast.Name):
            continue
        value = node.value
        if value.end_lineno != value.lineno or value.lineno > len(lines):
            continue
        segment = lines[value.lineno - 1][value.col_offset:value.end_col_offset]
        name = node.targets[0].id
        commas = list(DECIMAL_COMMA.finditer(_without_strings(segment)))
        if isinstance(value, ast.Tuple) and _COMMA_NUMBER.match(segment):
            a, b = segment.split(",")
            found.append(_pair("safety.warn_comma", name=name, a=a, b=b))
        elif isinstance(value, ast.Tuple) and commas:          # x = 75,0 - 60,0 is (75, -60, 0)
            found.append(_pair("safety.warn_comma_expr", name=name, text=segment, n=len(value.elts),
                               right=decimal_comma_fix(segment)))
        elif isinstance(value, ast.List) and commas and ", " in segment:   # [7, 8, 8,5]: 8 and 5, one too many
            first = commas[0]
            found.append(_pair("safety.warn_comma_list", name=name, text=first.group(0), a=first.group(1),
                               b=first.group(2), n=len(value.elts), m=len(value.elts) - len(commas),
                               right=decimal_comma_fix(segment)))
        elif isinstance(value, ast.Constant) and isinstance(value.value, float) and _THOUSANDS.match(segment):
            found.append(_pair("safety.warn_thousands", name=name, text=segment, right=segment.replace(".", ""), under=segment.replace(".", "_"),
                               value=value.value))
    return found


# --------------------------------------------------------------------------- the IPython hooks
def _pre_run_cell(info) -> None:
    _pending["source"] = getattr(info, "raw_cell", "") or ""
    _pending["cell_id"] = getattr(info, "cell_id", None)
    _pending["started"] = time.monotonic()


def _make_post_run_cell(shell):
    def _post_run_cell(result) -> None:
        try:
            info = getattr(result, "info", None)
            source = getattr(info, "raw_cell", None) or str(_pending.get("source", ""))
            cell_id = getattr(info, "cell_id", None) or _pending.get("cell_id")
            error = result.error_before_exec or result.error_in_exec
            ok = error is None
            record_run(source, ok, None if ok else type(error).__name__, cell_id, shell)
            if ok and not _autograding():
                for what, tip in warnings_for(source, shell):
                    _publish(shell, _box(msg("safety.warn_title"), what, tip, "", None, warning=True))
        except Exception:
            pass  # bookkeeping must never disturb a learner's cell

    return _post_run_cell


def load_ipython_extension(shell) -> None:
    """``%load_ext smmkit.safetynet`` (and ``import smmkit`` in a kernel, and the kernel config)."""
    if getattr(shell, "_smmkit_safetynet", False):
        return
    _wrap_showtraceback(shell)
    post = _make_post_run_cell(shell)
    shell.events.register("pre_run_cell", _pre_run_cell)
    shell.events.register("post_run_cell", post)
    _register_cells_target(shell)
    shell._smmkit_safetynet = post


def unload_ipython_extension(shell) -> None:
    post = getattr(shell, "_smmkit_safetynet", False)
    if not post:
        return
    original = getattr(shell._showtraceback, "smmkit_original", None)
    if original is not None:
        shell._showtraceback = original
    shell.events.unregister("pre_run_cell", _pre_run_cell)
    shell.events.unregister("post_run_cell", post)
    manager = _cells_comm_manager(shell)
    if manager is not None:
        try:
            manager.unregister_target(CELLS_TARGET, _open_cells_comm)
        except Exception:
            pass
    shell._smmkit_safetynet = False


def register_if_in_kernel() -> None:
    """Load the extension when this process is a Jupyter kernel (called by ``import smmkit``)."""
    module = sys.modules.get("IPython")
    if module is None:
        return
    try:
        shell = module.get_ipython()
    except Exception:
        return
    if shell is not None and getattr(shell, "kernel", None) is not None:
        load_ipython_extension(shell)
