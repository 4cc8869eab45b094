"""Student content is never active where a teacher looks at it.

A submitted notebook is untrusted: a ``<script>`` in an open question's markdown, a
``display(Javascript(…))`` or script-bearing HTML in an answer cell's output, an ``onerror`` in an
``<img>``, a widget state that loads code, an output's metadata that nbconvert writes unescaped into an
``<img width=…>``. nbgrader's formgrader renders the autograded notebook with nbconvert on the Jupyter
origin (``sanitize_html`` off, and its own template shows markdown cells without ``clean_html`` even
when it is on), so any of these would run as the teacher. The kit therefore rebuilds every notebook
from an allow-list before it is stored or rendered:

* :class:`InertOutputs` (``c.Autograde.autograde_preprocessors``, after the executor): each output keeps
  only ``text/plain``, HTML passed through bleach (the sanitiser nbconvert itself uses) with a small
  allow-list of tags and attributes, PNG/JPEG that really are base64; ``application/javascript``,
  widget views, SVG, unknown types and every output's metadata are dropped. Notebook metadata keeps
  only ``kernelspec`` and ``language_info``; cell metadata only nbgrader's (restored from the
  gradebook before the run, see sanitize.py). Cell attachments go.
* :class:`InertHTML` (``c.HTMLExporter.preprocessors``: the formgrader's and the feedback's exporter, and
  again as the first feedback preprocessor): the same, and each markdown cell becomes its bleached HTML,
  so the formgrader's own template cannot render raw HTML from it.

Bleach over home-made regexes: it parses HTML as a browser does (html5lib) and escapes what is not on
the list, so the teacher sees an attack as text instead of running it.
"""
from __future__ import annotations

import html
import re

import bleach
from nbformat.v4 import new_output
from traitlets import Bool

from nbgrader.preprocessors import NbGraderPreprocessor

from smmkit.messages import msg

# what a formatted answer needs; no script, style, form, iframe, object, svg, math, link or meta
ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "div", "dl", "dt",
    "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "ol", "p", "pre", "q",
    "s", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "u", "ul",
})
# no style or class (a student's HTML must not dress up as the formgrader's own buttons), no event handlers
ALLOWED_ATTRIBUTES = {
    "a": ["href", "title"], "abbr": ["title"], "img": ["src", "alt", "title", "width", "height"],
    "td": ["colspan", "rowspan", "align"], "th": ["colspan", "rowspan", "align", "scope"], "ol": ["start"],
}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})

KEPT_NOTEBOOK_METADATA = ("kernelspec", "language_info")
KEPT_CELL_METADATA = ("nbgrader",)
BASE64 = re.compile(r"[A-Za-z0-9+/=\s]*")
IMAGES = ("image/png", "image/jpeg")
REPR = re.compile(r"(<[\w.]+ object>)?")


def clean_html(text) -> str:
    """``text`` (HTML) with everything outside the allow-list escaped, comments removed."""
    if isinstance(text, list):
        text = "".join(text)
    return bleach.clean(str(text), tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                        protocols=ALLOWED_PROTOCOLS, strip=False, strip_comments=True)


def markdown_as_html(source: str) -> str:
    """A markdown cell as clean HTML on one line inside a ``<div>``.

    One line, because nbconvert's templates run a markdown cell through ``markdown2html`` again: an
    HTML block that starts with ``<div`` and has no blank line is passed through untouched, so no
    markdown syntax in the cleaned text (a ``[link](javascript:…)`` after a blank line in a ``<pre>``)
    is interpreted a second time. A newline in text or in an attribute value means the same as ``&#10;``.
    """
    from nbconvert.filters import markdown2html

    html = clean_html(markdown2html(source))
    return "<div>" + html.replace("\r", "").replace("\n", "&#10;") + "</div>"


def inert_output(output):
    """The output rebuilt from the allow-list, or None when nothing of it may stay."""
    kind = output.get("output_type")
    if kind == "stream":
        text = output.get("text", "")
        return new_output("stream", name="stderr" if output.get("name") == "stderr" else "stdout",
                          text="".join(text) if isinstance(text, list) else str(text))
    if kind == "error":
        traceback = output.get("traceback", [])
        return new_output("error", ename=str(output.get("ename", "")), evalue=str(output.get("evalue", "")),
                          traceback=[str(line) for line in traceback] if isinstance(traceback, list) else [])
    if kind not in ("display_data", "execute_result"):
        return None
    data, kept = output.get("data", {}) or {}, {}
    if not isinstance(data, dict):
        data = {}
    for key in ("text/plain", *IMAGES):
        value = data.get(key)
        value = "".join(value) if isinstance(value, list) else value
        if isinstance(value, str) and (key == "text/plain" or BASE64.fullmatch(value)):
            kept[key] = value
    if "text/html" in data:
        kept["text/html"] = clean_html(data["text/html"])
    elif isinstance(data.get("text/markdown"), (str, list)):
        kept["text/html"] = markdown_as_html("".join(data["text/markdown"]))
    used = set(kept) | ({"text/markdown"} if "text/html" in kept else set())
    dropped = sorted(str(key) for key in set(data) - used)
    if not kept and not dropped:
        return None
    if dropped and REPR.fullmatch(kept.get("text/plain", "")):  # none, or only "<IPython.….Javascript object>"
        kept["text/plain"] = msg("inert.output_dropped", types=", ".join(dropped))
    if kind == "execute_result":
        count = output.get("execution_count")
        return new_output("execute_result", data=kept,
                          execution_count=count if isinstance(count, int) and not isinstance(count, bool) else None)
    return new_output("display_data", data=kept)


def inert_notebook(nb, markdown_to_html: bool = False):
    """``nb`` in place: metadata, attachments and outputs from the allow-list; see the module docstring."""
    nb.metadata = type(nb.metadata)({k: nb.metadata[k] for k in KEPT_NOTEBOOK_METADATA if k in nb.metadata})
    for cell in nb.cells:
        cell.metadata = type(cell.metadata)({k: cell.metadata[k] for k in KEPT_CELL_METADATA if k in cell.metadata})
        cell.pop("attachments", None)
        if cell.cell_type == "code":
            cell.outputs = [o for o in map(inert_output, cell.get("outputs", [])) if o is not None]
            count = cell.get("execution_count")
            if not (isinstance(count, int) and not isinstance(count, bool)):
                cell.execution_count = None
        elif cell.cell_type == "markdown" and markdown_to_html:
            source = cell.source if isinstance(cell.source, str) else "".join(cell.source)
            cell.source = markdown_as_html(source)
        elif cell.cell_type == "raw":
            cell.source = clean_html(cell.source)
    return nb


class InertOutputs(NbGraderPreprocessor):
    """At autograde, after the executor: the stored notebook holds no active student content."""

    markdown_to_html = Bool(False, help="Replace each markdown cell by its cleaned HTML (for rendering only).")

    def preprocess(self, nb, resources):
        return inert_notebook(nb, self.markdown_to_html), resources


# the ids nbgrader's formgrader puts in ``resources`` and its nbconvert template writes unescaped into the
# submission page, in HTML and in an inline script (``var notebook_id = "{{ resources.notebook_id }}";``)
RESOURCE_IDS = ("student", "first_name", "last_name", "assignment_id", "notebook_id")


def escape_resources(resources: dict) -> dict:
    """``resources`` with every id of :data:`RESOURCE_IDS` HTML-escaped (a plain id stays as it is)."""
    for key in RESOURCE_IDS:
        value = resources.get(key)
        if isinstance(value, str):
            resources[key] = html.escape(value, quote=True)
    return resources


class InertHTML(InertOutputs):
    """Before nbconvert renders a notebook to HTML (formgrader, feedback): markdown cells become clean HTML too,
    and the ids the formgrader passes to its template are escaped."""

    markdown_to_html = Bool(True)

    def preprocess(self, nb, resources):
        nb, resources = super().preprocess(nb, resources)
        return nb, escape_resources(resources if resources is not None else {})
