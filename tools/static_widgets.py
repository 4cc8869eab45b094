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
import re

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


def _image(model: dict, alt: str) -> str:
    fmt = model["state"].get("format", "png")
    alt = model["state"].get("tooltip") or alt  # a text alternative the widget gave its chart wins
    for buffer in model.get("buffers", []):
        if buffer.get("path") == ["value"] and buffer.get("data"):
            return f'<img alt="{html.escape(alt)}" src="data:image/{html.escape(fmt)};base64,{buffer["data"]}">'
    return ""


def _text(value) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", str(value or ""))).split())


def chart_alt(models: dict, model_id: str) -> str:
    """A Dutch text alternative for a widget's chart, from what the saved state holds: the widget's
    heading and the values of its controls (the numbers the chart is drawn from)."""
    from smmkit.messages import msg

    title, values, seen = "", [], set()

    def walk(mid: str, depth: int = 0) -> None:
        nonlocal title
        model = models.get(mid)
        if model is None or depth > 40 or mid in seen:
            return
        seen.add(mid)
        name, state = model.get("model_name", ""), model.get("state", {})
        if name in {"HTMLModel", "HTMLMathModel", "LabelModel"} and not title and _text(state.get("value")):
            title = _text(state.get("value"))[:160]
        elif name in SLIDERS | TEXTS and state.get("description") and state.get("value") not in (None, ""):
            values.append(f'{_text(state["description"])} {state["value"]}')
        elif name in CHOICES and state.get("description") and state.get("index") is not None:
            labels = state.get("_options_labels", [])
            if 0 <= state["index"] < len(labels):
                values.append(f'{_text(state["description"])} {labels[state["index"]]}')
        for child in _children(models, state):
            walk(child, depth + 1)

    walk(model_id)
    text = msg("site.widget_chart_alt", title=title or msg("plots.alt.untitled"))
    if values:
        text += " " + msg("site.widget_chart_values", values="; ".join(values[:16]))
    return text


def _output(state: dict) -> str:
    parts = []
    for out in state.get("outputs", []):
        data = out.get("data", {})
        if "text/html" in data:
            parts.append("".join(data["text/html"]) if isinstance(data["text/html"], list) else data["text/html"])
        elif "image/png" in data:
            alt = out.get("metadata", {}).get("image/png", {}).get("alt", "")  # plots.text_alternative
            parts.append(f'<img alt="{html.escape(alt)}" src="data:image/png;base64,{data["image/png"]}">')
        elif "text/plain" in data or out.get("text"):
            text = data.get("text/plain", out.get("text", ""))
            text = "".join(text) if isinstance(text, list) else text
            parts.append(f"<pre>{html.escape(text)}</pre>")
    return "".join(parts)


def _children(models: dict, state: dict) -> list[str]:
    """A box's children on paper: for a kit widget without its file bar (name + save/load buttons,
    the last child before the note shown only without Python, class ``smmkit-offline``)."""
    children = [c for c in (_ref(c) for c in state.get("children", [])) if c]
    if "smmkit-widget" in state.get("_dom_classes", []) and children:
        children = [c for c in children
                    if "smmkit-offline" not in models.get(c, {}).get("state", {}).get("_dom_classes", [])][:-1]
    return children


def _node(models: dict, model_id: str, depth: int = 0, alt: str = "") -> str:
    model = models.get(model_id)
    if model is None or depth > 40:
        return ""
    name, state = model.get("model_name", ""), model.get("state", {})
    if name in SKIP or _hidden(models, state):
        return ""
    if name in BOXES:
        children = _children(models, state)
        titles = state.get("titles") or []
        inner = []
        for i, child in enumerate(c for c in children if c):
            title = titles[i] if i < len(titles) and titles[i] else ""
            body = _node(models, child, depth + 1, alt)
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
        return _image(model, alt)
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
    body = _node(models, model_id, alt=chart_alt(models, model_id))
    return f'<div class="smmkit-static-widget">{body}</div>' if body else ""


# --- self-check questions (smmkit.widgets.quiz) as a form that answers on the site ----------------

QUIZ_CALLS = {"MultipleChoice": "choice", "NumberQuestion": "number"}


def quiz_spec(source: str) -> dict | None:
    """The question in a quiz cell's code (``MultipleChoice(...)`` / ``NumberQuestion(...)``), or None.

    Only literal arguments (texts, numbers, lists, dicts) are read, with ``ast.literal_eval``: the
    code is never run here. None when the cell holds no quiz or a value is not a literal.
    """
    import ast

    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", getattr(node.func, "attr", ""))
        if name not in QUIZ_CALLS:
            continue
        try:
            args = [ast.literal_eval(a) for a in node.args]
            kwargs = {k.arg: ast.literal_eval(k.value) for k in node.keywords if k.arg}
        except ValueError:
            return None
        names = ["question", "options"] if name == "MultipleChoice" else ["question"]
        kwargs.update(dict(zip(names, args)))
        spec = {"kind": QUIZ_CALLS[name], "question": str(kwargs.get("question", "")),
                "explanation": str(kwargs.get("explanation", ""))}
        if name == "MultipleChoice":
            spec.update(options=[str(o) for o in kwargs.get("options", [])], answer=str(kwargs.get("answer", "")),
                        hints={str(k): str(v) for k, v in (kwargs.get("hints") or {}).items()})
            if spec["answer"] not in spec["options"]:
                return None
        else:
            spec.update(answer=float(kwargs.get("answer", 0)), tolerance=float(kwargs.get("tolerance", 0.5)),
                        unit=str(kwargs.get("unit", "")), hint=str(kwargs.get("hint", "")))
        return spec
    return None


def quiz_form(spec: dict, uid: str) -> str:
    """An accessible HTML form for one question: fieldset and legend, radios or a text field, a
    *Controleer* button and a ``role=status`` result; the page's quiz script does the checking."""
    import json

    from smmkit.messages import msg

    legend = f'<legend id="{uid}-q"><strong>{html.escape(msg("quiz.heading"))}:</strong> ' \
             f'{html.escape(spec["question"])}</legend>'
    if spec["kind"] == "choice":
        control = "".join(
            f'<label><input type="radio" name="{uid}" value="{i}"> {html.escape(option)}</label>'
            for i, option in enumerate(spec["options"]))
    else:
        unit = f' <span id="{uid}-unit">{html.escape(spec["unit"])}</span>' if spec["unit"] else ""
        control = (f'<label for="{uid}-in">{html.escape(msg("site.quiz.answer"))}</label> '
                   f'<input type="text" id="{uid}-in" inputmode="decimal" autocomplete="off" '
                   f'placeholder="{html.escape(msg("quiz.placeholder"))}"'
                   f'{f" aria-describedby={chr(34)}{uid}-unit{chr(34)}" if unit else ""}>{unit}')
    data = html.escape(json.dumps(spec, ensure_ascii=False), quote=True)
    return (f'<form class="smmkit-quiz-form" data-quiz="{data}" aria-labelledby="{uid}-q">'
            f"<fieldset>{legend}{control}</fieldset>"
            f'<button type="submit">{html.escape(msg("quiz.check"))}</button>'
            f'<button type="button" class="secondary" hidden>{html.escape(msg("quiz.show_explanation"))}</button>'
            f'<div class="result" role="status" aria-live="polite"></div></form>')


QUIZ_TEXT_KEYS = ("quiz.choose_first", "quiz.type_first", "quiz.not_a_number", "quiz.correct", "quiz.wrong",
                  "quiz.wrong_generic", "quiz.too_high", "quiz.too_low", "quiz.explanation")


def quiz_script() -> str:
    """The page's quiz checker (``site_template/smmkit_site/quiz.js``) with its Dutch texts."""
    import json
    from pathlib import Path

    from smmkit.messages import msg

    texts = {key: msg(key) for key in QUIZ_TEXT_KEYS}  # without fields: the template, {hint} and all
    script = (Path(__file__).parent / "site_template" / "smmkit_site" / "quiz.js").read_text(encoding="utf-8")
    payload = json.dumps(texts, ensure_ascii=False).replace("</", "<\\/")
    return (f'<script type="application/json" id="smmkit-quiz-texts">{payload}</script>\n'
            f"<script>\n{script}</script>")
