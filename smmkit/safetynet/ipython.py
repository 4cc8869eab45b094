"""The safety net's IPython side: the hooks that show every error of a kit notebook explained in Dutch.

The IPython extension ``smmkit.safetynet`` (its ``load_ipython_extension`` lives here). It is loaded
in two ways, so that every kit notebook and exercise has it:

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

Under ``nbgrader autograde`` it shows nothing and leaves the tracebacks alone (``smmkit.grading_mode()``);
the bookkeeping for the checks goes on.

Errors of the kit itself (:class:`smmkit.errors.SmmkitError`, :class:`smmkit.check.CheckFailed`) render
their own Dutch text (``_render_traceback_``) and are left alone.

After every cell it also notes which names the cell assigns and whether it ran without error, so that
``smmkit.check`` can refuse to pass on a value whose answer cell last failed or was changed since it
ran (see :func:`smmkit.safetynet.cells.cell_problem`; the kit's lab extension sends the cells' current
sources in the comm ``smmkit.cells``, registered here).
It also warns (no error) about a decimal comma (``versterking = 1,25`` makes a tuple) and a Dutch
thousands dot (``inwoners = 48.000`` is 48.0).

How to add a case: CONTRIBUTING.md ("The safety net: adding a case").
"""
from __future__ import annotations

import re
import sys
import time

from smmkit.context import grading_mode
from smmkit.messages import msg
from smmkit.safetynet.cells import CELLS_TARGET, open_cells_comm, record_run
from smmkit.safetynet.hints import user_line
from smmkit.safetynet.scan import warnings_for

__all__ = ["load_ipython_extension", "unload_ipython_extension", "register_if_in_kernel", "box"]

_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_pending: dict[str, object] = {}   # the cell being run: its source, id and start (set before each cell)


# --------------------------------------------------------------------------- showing it
def box(title: str, what: str, tip: str, where: str, original: str | None, warning: bool = False) -> dict:
    """The orange box as a display bundle (HTML and plain text); ``original`` is shown collapsed.

    Also used by the feedback (smmkit/grading/feedback.py) for an error recorded in a notebook."""
    import html

    from smmkit import boxes
    from smmkit.boxes import collapsed, line

    body = f"<b>{html.escape(title)}</b>" + line(what)
    if where:
        body += line(where, code=True)
    body += line(f"<b>{html.escape(msg('safety.try'))}</b> {html.escape(tip)}", escape=False)
    plain = [title, what] + ([where] if where else []) + [f'{msg("safety.try")} {tip}']
    if original is not None:
        body += collapsed(msg("safety.original"), original, "smmkit-safetynet-original")
        plain += ["", msg("safety.original") + ":", original]
    css_class = "smmkit-safetynet smmkit-safetynet-warning" if warning else "smmkit-safetynet"
    return {"text/html": boxes.box("warning" if warning else "error", body, css_class, escape=False),
            "text/plain": "\n".join(plain)}


def _where(evalue) -> str:
    if isinstance(evalue, SyntaxError):
        if evalue.lineno and evalue.text:
            return msg("safety.where", line=evalue.lineno, code=evalue.text.strip())
        return ""
    found = user_line(evalue)
    return msg("safety.where", line=found[0], code=found[1]) if found and found[1] else ""


def _publish(shell, bundle: dict) -> None:
    if getattr(shell, "display_pub", None) is not None:
        shell.display_pub.publish(data=bundle, metadata={})


def _wrap_showtraceback(shell):
    original = shell._showtraceback

    def _showtraceback(etype, evalue, stb):
        if getattr(evalue, "_render_traceback_", None) is not None or not isinstance(evalue, BaseException) \
                or grading_mode() == "autograde":
            return original(etype, evalue, stb)
        try:
            if isinstance(evalue, SyntaxError):
                evalue._smmkit_source = str(_pending.get("source", ""))
            from smmkit.safetynet.rules import explain  # loaded at the first error, so the kernel starts light

            what, tip = explain(etype, evalue, shell)
            plain = _ANSI.sub("", "\n".join(stb if isinstance(stb, list) else [str(stb)]))
            sys.stdout.flush()
            sys.stderr.flush()
            _publish(shell, box(msg("safety.title", ename=etype.__name__), what, tip, _where(evalue), plain))
            stb = [msg("safety.short", ename=etype.__name__)]
            if grading_mode() == "validate":  # the Validate dialog shows no boxes
                stb = [msg("safety.title", ename=etype.__name__), what, _where(evalue), f'{msg("safety.try")} {tip}']
        except Exception:  # the safety net must never hide an error: fall back to the original
            pass
        return original(etype, evalue, stb)

    _showtraceback.smmkit_original = original
    shell._showtraceback = _showtraceback


# --------------------------------------------------------------------------- the IPython hooks
def _cells_comm_manager(shell):
    return getattr(getattr(shell, "kernel", None), "comm_manager", None)


def _register_cells_target(shell) -> None:
    manager = _cells_comm_manager(shell)
    if manager is not None:
        try:
            manager.register_target(CELLS_TARGET, open_cells_comm)
        except Exception:
            pass  # no comms in this kernel: the saved file is all the kit knows


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
            if ok and grading_mode() != "autograde":
                for what, tip in warnings_for(source, shell):
                    _publish(shell, box(msg("safety.warn_title"), what, tip, "", None, warning=True))
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
            manager.unregister_target(CELLS_TARGET, open_cells_comm)
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
