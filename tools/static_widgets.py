"""Render a saved ipywidgets state as plain HTML, for the static course site (no JavaScript needed).

nbclient stores every widget's last state in the notebook metadata
(``application/vnd.jupyter.widget-state+json``). ``render(state, model_id)`` walks one widget's
model tree and writes HTML that looks like the widget did at that moment: headings and texts as
they were, sliders as a bar with their value, the chosen option of a dropdown or toggle buttons in
bold, ticked boxes, charts (``Image``) as ``<img>`` and ``Output`` contents. Nothing reacts, which
the site says above every widget. Works offline, unlike the ipywidgets HTML manager from a CDN.
"""
from __future__ import annotations

import html

CSS = """
<style>
.smmkit-static-widget { border: 1px solid #ddd; border-radius: 4px; padding: 6px 10px; margin: 4px 0;
  font-size: 13px; max-width: 760px; }
.smmkit-static-widget .row { display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: center; }
.smmkit-static-widget .ctl { margin: 2px 0; }
.smmkit-static-widget .desc { color: #444; margin-right: 6px; }
.smmkit-static-widget .bar { display: inline-block; width: 110px; height: 6px; background: #e4e4e4;
  border-radius: 3px; vertical-align: middle; margin-right: 6px; }
.smmkit-static-widget .bar > span { display: block; height: 6px; background: #0072B2; border-radius: 3px; }
.smmkit-static-widget .opt { display: inline-block; border: 1px solid #ccc; padding: 0 6px; margin: 1px;
  border-radius: 3px; color: #666; }
.smmkit-static-widget .opt.on { border-color: #0072B2; color: #000; font-weight: bold; background: #eef6fb; }
.smmkit-static-widget .val { border: 1px solid #ccc; padding: 0 6px; border-radius: 3px; background: #fafafa; }
.smmkit-static-widget img { max-width: 100%; }
</style>
"""

BOXES = {"VBoxModel", "BoxModel", "GridBoxModel", "HBoxModel", "AccordionModel", "TabModel", "StackModel"}
SLIDERS = {"IntSliderModel", "FloatSliderModel", "FloatLogSliderModel", "IntProgressModel", "FloatProgressModel"}
CHOICES = {"DropdownModel", "SelectModel", "RadioButtonsModel", "ToggleButtonsModel", "SelectionSliderModel"}
TEXTS = {"TextModel", "TextareaModel", "IntTextModel", "FloatTextModel", "BoundedIntTextModel",
         "BoundedFloatTextModel", "ComboboxModel", "PasswordModel"}
SKIP = {"ButtonModel", "FileUploadModel"}  # actions, not state: nothing to show on paper


def _ref(value) -> str | None:
    if isinstance(value, str) and value.startswith("IPY_MODEL_"):
        return value[len("IPY_MODEL_"):]
    return None


def _hidden(models: dict, state: dict) -> bool:
    layout = models.get(_ref(state.get("layout")) or "", {}).get("state", {})
    return layout.get("display") == "none" or layout.get("visibility") == "hidden"


def _desc(state: dict) -> str:
    text = state.get("description") or ""
    return f'<span class="desc">{html.escape(str(text))}</span>' if text else ""


def _image(model: dict) -> str:
    fmt = model["state"].get("format", "png")
    for buffer in model.get("buffers", []):
        if buffer.get("path") == ["value"] and buffer.get("data"):
            return f'<img alt="" src="data:image/{html.escape(fmt)};base64,{buffer["data"]}">'
    return ""


def _output(state: dict) -> str:
    parts = []
    for out in state.get("outputs", []):
        data = out.get("data", {})
        if "text/html" in data:
            parts.append("".join(data["text/html"]) if isinstance(data["text/html"], list) else data["text/html"])
        elif "image/png" in data:
            parts.append(f'<img alt="" src="data:image/png;base64,{data["image/png"]}">')
        elif "text/plain" in data or out.get("text"):
            text = data.get("text/plain", out.get("text", ""))
            text = "".join(text) if isinstance(text, list) else text
            parts.append(f"<pre>{html.escape(text)}</pre>")
    return "".join(parts)


def _node(models: dict, model_id: str, depth: int = 0) -> str:
    model = models.get(model_id)
    if model is None or depth > 40:
        return ""
    name, state = model.get("model_name", ""), model.get("state", {})
    if name in SKIP or _hidden(models, state):
        return ""
    if name in BOXES:
        children = [_ref(c) for c in state.get("children", [])]
        if "smmkit-widget" in state.get("_dom_classes", []) and children:
            children = children[:-1]  # the kit's file bar (name + save/load buttons) is the last child
        titles = state.get("titles") or []
        inner = []
        for i, child in enumerate(c for c in children if c):
            title = titles[i] if i < len(titles) and titles[i] else ""
            body = _node(models, child, depth + 1)
            if body:
                inner.append((f"<h4>{html.escape(title)}</h4>" if title else "") + body)
        css = "row" if name == "HBoxModel" else "col"
        return f'<div class="{css}">{"".join(inner)}</div>' if inner else ""
    if name in {"HTMLModel", "HTMLMathModel"}:
        value = state.get("value") or ""
        return f'<div class="ctl">{_desc(state)}{value}</div>' if value or state.get("description") else ""
    if name == "LabelModel":
        return f'<div class="ctl">{html.escape(str(state.get("value") or ""))}</div>'
    if name == "ImageModel":
        return _image(model)
    if name == "OutputModel":
        return _output(state)
    if name in SLIDERS:
        low, high, value = state.get("min", 0), state.get("max", 100), state.get("value", 0)
        share = 0 if high == low else max(0, min(100, (value - low) / (high - low) * 100))
        return (f'<div class="ctl">{_desc(state)}<span class="bar"><span style="width:{share:.0f}%">'
                f"</span></span>{html.escape(str(value))}</div>")
    if name in CHOICES:
        labels, index = state.get("_options_labels", []), state.get("index")
        opts = "".join(f'<span class="opt{" on" if i == index else ""}">{html.escape(str(label))}</span>'
                       for i, label in enumerate(labels))
        return f'<div class="ctl">{_desc(state)}{opts}</div>'
    if name in {"SelectMultipleModel"}:
        labels, chosen = state.get("_options_labels", []), set(state.get("index") or [])
        opts = "".join(f'<span class="opt{" on" if i in chosen else ""}">{html.escape(str(label))}</span>'
                       for i, label in enumerate(labels))
        return f'<div class="ctl">{_desc(state)}{opts}</div>'
    if name in {"CheckboxModel", "ToggleButtonModel", "ValidModel"}:
        mark = "☑" if state.get("value") else "☐"
        return f'<div class="ctl">{mark} {html.escape(str(state.get("description") or ""))}</div>'
    if name in TEXTS:
        value = state.get("value")
        if value in (None, "") and not state.get("description"):
            return ""
        return f'<div class="ctl">{_desc(state)}<span class="val">{html.escape(str(value or ""))}</span></div>'
    return ""


def render(widget_state: dict, model_id: str) -> str:
    """HTML for the widget ``model_id`` from a notebook's saved widget state (``{"state": {...}}``)."""
    models = widget_state.get("state", {})
    body = _node(models, model_id)
    return f'<div class="smmkit-static-widget">{body}</div>' if body else ""
