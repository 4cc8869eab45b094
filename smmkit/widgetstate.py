"""Keep a notebook's saved widget state when it is saved again without a running widget.

JupyterLab's widget manager (``@jupyter-widgets/jupyterlab-manager``, setting ``saveState``) writes
into the notebook's metadata only the widget models that live in the kernel *now*. A notebook that
was reopened (new kernel, nothing run yet) shows its widgets from the saved state, but the first save
after that, which Lab's autosave makes within seconds, writes an empty state: the next time it is
opened every widget says "Error displaying widget: model not found". A learner's notebook thus loses
its widgets by being opened twice.

This Jupyter server extension (enabled by ``etc/jupyter/jupyter_server_config.d/smmkit.json``, which
the package installs from ``jupyter-config/``; upstream: jupyter-widgets/ipywidgets#3888, see
``smmkit.compat``) registers a pre-save hook that puts back, from
the version on disk, the saved model of every widget an output of the notebook still shows and the
kernel no longer has, with the models it refers to (``"IPY_MODEL_<id>"``). Models of outputs that
were run again, cleared or deleted are not kept: the state shrinks as before. The hook never stops a
save: anything unexpected (no file on disk, a file that is too big or not a notebook) leaves the
notebook as the browser sent it.
"""
from __future__ import annotations

import json
import os

STATE = "application/vnd.jupyter.widget-state+json"
VIEW = "application/vnd.jupyter.widget-view+json"
REFERENCE = "IPY_MODEL_"
MAX_BYTES = 200 * 1024 * 1024  # a notebook on disk larger than this is not read back


def _jupyter_server_extension_points():
    return [{"module": "smmkit.widgetstate"}]


def _load_jupyter_server_extension(serverapp) -> None:
    serverapp.contents_manager.register_pre_save_hook(keep_shown_widgets)


def shown_models(notebook: dict) -> set[str]:
    """The model ids that the outputs of ``notebook`` (nbformat 4 as a dict) display."""
    ids = set()
    for cell in notebook.get("cells") or []:
        if not isinstance(cell, dict):
            continue
        for output in cell.get("outputs") or []:
            data = output.get("data") if isinstance(output, dict) else None
            view = data.get(VIEW) if isinstance(data, dict) else None
            if isinstance(view, dict) and isinstance(view.get("model_id"), str) and view["model_id"]:
                ids.add(view["model_id"])
    return ids


def _references(value, found: set[str]) -> None:
    """Collect the model ids that a serialised widget state refers to ("IPY_MODEL_<id>")."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if item.startswith(REFERENCE):
                found.add(item[len(REFERENCE):])
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def merge_state(new: dict, old: dict) -> int:
    """Put into notebook ``new`` the models of ``old``'s widget state that ``new`` still shows but lacks.

    Both are nbformat 4 notebooks as dicts; ``new`` is changed in place. Returns how many models were
    put back.
    """
    old_bundle = ((old.get("metadata") or {}).get("widgets") or {}).get(STATE) or {}
    old_state = old_bundle.get("state") if isinstance(old_bundle, dict) else None
    if not isinstance(old_state, dict) or not old_state:
        return 0
    metadata = new.setdefault("metadata", {})
    widgets = metadata.get("widgets")
    if not isinstance(widgets, dict):
        widgets = metadata["widgets"] = {}
    bundle = widgets.get(STATE)
    if not isinstance(bundle, dict):
        bundle = widgets[STATE] = {}
    state = bundle.get("state")
    if not isinstance(state, dict):
        state = bundle["state"] = {}
    for key in ("version_major", "version_minor"):
        if key not in bundle and key in old_bundle:
            bundle[key] = old_bundle[key]
    wanted = [i for i in shown_models(new) if i not in state]
    added = 0
    seen: set[str] = set()
    while wanted:
        model_id = wanted.pop()
        if model_id in seen or model_id in state or model_id not in old_state:
            continue
        seen.add(model_id)
        state[model_id] = old_state[model_id]
        added += 1
        refs: set[str] = set()
        _references(old_state[model_id], refs)
        wanted.extend(refs - seen)
    return added


def keep_shown_widgets(model=None, path=None, contents_manager=None, **kwargs) -> None:
    """Jupyter pre-save hook: see the module's docstring."""
    try:
        if not model or model.get("type") != "notebook" or not isinstance(model.get("content"), dict):
            return
        new = model["content"]
        state = (((new.get("metadata") or {}).get("widgets") or {}).get(STATE) or {}).get("state") or {}
        if not (shown_models(new) - set(state)):
            return
        os_path = contents_manager._get_os_path(path)
        if not os.path.isfile(os_path) or os.path.getsize(os_path) > MAX_BYTES:
            return
        with open(os_path, encoding="utf-8") as handle:
            old = json.load(handle)
        if isinstance(old, dict):
            added = merge_state(new, old)
            if added:
                contents_manager.log.info("smmkit: %d saved widget models kept in %s", added, path)
    except Exception as exc:  # never stop a save
        log = getattr(contents_manager, "log", None)
        if log is not None:
            log.warning("smmkit: widget state of %s not merged: %r", path, exc)
