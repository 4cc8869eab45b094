"""A widget whose cell runs again gets back the work that cell last showed (issue 20).

What the kernel has and what the notebook shows are two different things. A widget's work lives in
the kernel (the Python object); JupyterLab shows it from the widget models, which it also saves in
the notebook's metadata (``saveState``, kept by ``smmkit.widgetstate``). After JupyterLab or the
kernel was restarted, the kernel is empty, but the notebook still shows yesterday's widget, drawn
from the saved models without a connection to Python (``comm_live`` false: the widget manager marks
every part with a broken-link icon, and nothing recalculates). Running the cell again made a new
widget with the example values: what she had added, visible in the dead widget but never saved with
Opslaan, was gone.

So every widget keeps its learner state, as the JSON ``save`` writes, in the synced trait
``_smmkit_work`` of its root model; Lab saves it in the notebook with the other models. A new widget
made by a cell that ran before looks for the work of that cell's previous widget (same class, same
place in the cell), in this order:

1. the previous widget in this kernel (the cell ran before in this session: exact and newest);
2. the notebook file (``JPY_SESSION_NAME``, the cell by its id): the models of the cell's outputs.

If the cell's code is the same as when that work was made, the work comes back with a note. If the
code changed (other arguments, maybe on purpose), the widget starts from the code and offers a button
to bring the previous work back: nothing is dropped without her say. Under ``nbgrader autograde`` and
outside Jupyter Server (tests, nbconvert) nothing happens.

After a restart of JupyterLab nobody has to run that cell by hand: when a notebook is opened and its
new kernel lacks the saved widget models, the kit's lab extension (plugin ``:revive``,
``labextension/src/revive.ts``) runs the chapter's set-up cell and each widget cell whose code is
still the code hashed in its ``_smmkit_work`` (``current_cell``), with the cell's id, so steps 1–2
above bring her work back without a click. A cell whose code changed is left alone.

The look of a widget without Python (``OFFLINE_HTML``): one Dutch line on top, the rest greyed out and
not clickable, no broken-link icons and no old "Klaar: …json" under the file bar.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import weakref
from pathlib import Path

from smmkit.context import grading_mode
from smmkit.messages import msg

log = logging.getLogger("smmkit.widgets")

TRAIT = "_smmkit_work"
STATE = "application/vnd.jupyter.widget-state+json"
VIEW = "application/vnd.jupyter.widget-view+json"
MAX_NOTEBOOK_BYTES = 50_000_000

# cell id -> [(class name, weak reference to the widget)] of the cell's last run
_by_cell: dict[str, list] = {}
# message id of the run in progress -> how many widgets of each class it made so far
_made: dict[str, dict[str, int]] = {}


def _css() -> str:
    dead = ".jupyter-widgets-disconnected"
    roots = (".smmkit-widget", ".smmkit-quiz")
    rules = [".smmkit-offline { display: none; order: -1; }"]
    for root in roots:
        rules += [f"{root}{dead} > .smmkit-offline {{ display: block; }}",
                  f"{root}{dead} > :not(.smmkit-offline) {{ opacity: 0.45; pointer-events: none; user-select: none; }}",
                  f"{root}{dead}::before, {root}{dead} {dead}::before {{ display: none !important; }}",
                  f"{root}{dead} .smmkit-note {{ display: none; }}"]
    return "<style>\n" + "\n".join(rules) + "\n</style>"""


def offline_html() -> str:
    """The Dutch line a widget shows when it has no Python behind it (hidden while it is alive)."""
    from smmkit.boxes import box

    return _css() + box("warning", msg("widgets.offline"), "smmkit-offline-text")


def _shell():
    try:
        from IPython import get_ipython
    except ImportError:
        return None
    return get_ipython()


def _autograding() -> bool:
    return grading_mode() == "autograde"


def current_cell() -> tuple[str, str, str] | None:
    """(cell id, code hash, message id) of the cell being run in Jupyter, or None elsewhere."""
    if _autograding():
        return None
    shell = _shell()
    header = getattr(shell, "parent_header", None) if shell is not None else None
    if not isinstance(header, dict):
        return None
    cell_id = (header.get("metadata") or {}).get("cellId")
    code = (header.get("content") or {}).get("code")
    msg_id = (header.get("header") or {}).get("msg_id", "")
    if not isinstance(cell_id, str) or not cell_id or not isinstance(code, str):
        return None
    return cell_id, hashlib.sha256(code.strip().encode("utf-8")).hexdigest()[:16], msg_id


def work_json(widget) -> str:
    """The trait value: what ``save`` writes, plus the hash of the code of the cell that made the widget."""
    from smmkit.widgets._files import SAVE_VERSION

    return json.dumps({"widget": type(widget).__name__, "version": SAVE_VERSION,
                       "code": getattr(widget, "_smmkit_code", ""), "state": widget.learner_state()},
                      ensure_ascii=False, allow_nan=False)


def _notebook_works(cell_id: str) -> list[dict]:
    """The ``_smmkit_work`` of the widgets the outputs of cell ``cell_id`` show in the saved notebook."""
    name = os.environ.get("JPY_SESSION_NAME")
    if not name:
        return []
    path = Path(name)
    if not path.is_absolute() and not path.exists():
        path = Path.cwd() / path.name
    try:
        if not path.is_file() or path.suffix != ".ipynb" or path.stat().st_size > MAX_NOTEBOOK_BYTES:
            return []
        notebook = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    models = (((notebook.get("metadata") or {}).get("widgets") or {}).get(STATE) or {}).get("state") or {}
    works = []
    for cell in notebook.get("cells") or []:
        if not isinstance(cell, dict) or cell.get("id") != cell_id:
            continue
        for output in cell.get("outputs") or []:
            view = ((output.get("data") or {}) if isinstance(output, dict) else {}).get(VIEW)
            model = models.get(view.get("model_id")) if isinstance(view, dict) else None
            text = ((model or {}).get("state") or {}).get(TRAIT) if isinstance(model, dict) else None
            if isinstance(text, str) and text:
                try:
                    work = json.loads(text)
                except ValueError:
                    continue
                if isinstance(work, dict) and isinstance(work.get("state"), dict):
                    works.append(work)
    return works


def _kernel_works(cell_id: str) -> list[dict]:
    works = []
    for _name, ref in _by_cell.get(cell_id, []):
        widget = ref()
        if widget is not None:
            try:
                works.append(json.loads(widget._smmkit_work))
            except (ValueError, AttributeError):
                pass
    return works


def start(widget) -> None:
    """Called by a new widget before its first drawing: note its cell (nothing outside Jupyter)."""
    widget._smmkit_code = ""
    widget._smmkit_previous = None
    cell = current_cell()
    if cell is None:
        return
    cell_id, code, msg_id = cell
    widget._smmkit_code = code
    name = type(widget).__name__
    counts = _made.setdefault(msg_id, {})
    if len(_made) > 50:                       # only the run in progress matters
        for old in list(_made)[:-10]:
            _made.pop(old, None)
    index = counts.get(name, 0)
    counts[name] = index + 1
    try:
        works = _kernel_works(cell_id) or _notebook_works(cell_id)
    except Exception:                         # never stop a cell over this
        log.exception("previous work of cell %s not read", cell_id)
        works = []
    same = [w for w in works if w.get("widget") == name]
    if index < len(same):
        widget._smmkit_previous = same[index]
    if index == 0:
        _by_cell[cell_id] = []
    _by_cell[cell_id].append((name, weakref.ref(widget)))
    if len(_by_cell) > 500:
        _by_cell.pop(next(iter(_by_cell)))


def recall(widget) -> None:
    """Bring back the previous work of the widget's cell (see the module docstring)."""
    work = getattr(widget, "_smmkit_previous", None)
    if not work:
        return
    try:
        if work.get("state") == widget.learner_state():
            return
        if work.get("code") and work.get("code") == widget._smmkit_code:
            widget._smmkit_recalled = work["state"]
            widget._apply_state(work["state"])
            widget.file_status.value = widget._note(msg("widgets.recalled"))
        else:
            widget._offer_previous(work["state"])
    except Exception:
        log.exception("%s: previous work not brought back", type(widget).__name__)
        widget._offer_previous(work["state"])
