"""The human-readable documentation of the datasets, generated from datapackage.json.

One document model (a list of blocks) rendered three ways: Markdown (``datasets/DATASHEET.md`` and
``describe(name)`` in a notebook), HTML (notebook) and plain text (``print(describe(name))``).
Every number in the generated prose (rows, missing cells, totals) is computed from the files, so the
datasheet cannot drift from the data. Regenerate after changing a dataset::

    python -m smmkit.datasheet            # writes datasets/DATASHEET.md
    python -m smmkit.datasheet --check    # exit code 1 when DATASHEET.md is out of date
"""
from __future__ import annotations

import html
import re
import sys
from pathlib import Path

from smmkit import datafiles
from smmkit.messages import msg

PREVIEW_ALL_UP_TO = 12
PREVIEW_ROWS = 8


# ---------------------------------------------------------------- document model

def _type_label(field: dict) -> str:
    kind = field.get("type", "string")
    required = field.get("constraints", {}).get("required", False)
    if kind in ("integer", "year"):
        return msg("data.type.integer") if required else msg("data.type.integer_nullable")
    if kind == "number":
        return msg("data.type.number")
    if kind == "boolean":
        return msg("data.type.boolean")
    if "categories" in field:
        label = msg("data.type.category")
        return f"{label} ({msg('data.label.ordered')})" if field.get("categoriesOrdered") else label
    return msg("data.type.string")


def _allowed(field: dict) -> str:
    cons = field.get("constraints", {})
    if "categories" in field:
        values = [str(c["value"] if isinstance(c, dict) else c) for c in field["categories"]]
        return (" → " if field.get("categoriesOrdered") else ", ").join(values)
    if "enum" in cons:
        return ", ".join(str(v) for v in cons["enum"])
    low, high = cons.get("minimum"), cons.get("maximum")
    if low is not None and high is not None:
        return f"{low} t/m {high}"
    if low is not None:
        return f"≥ {low}"
    if high is not None:
        return f"≤ {high}"
    return ""


def _source_text(source: dict) -> str:
    parts = [source.get("title", "")]
    for key in ("table", "section", "page"):
        if source.get(key):
            parts.append(str(source[key]))
    return ", ".join(p for p in parts if p)


def _n_text(n) -> str:
    if n is None:
        return msg("data.label.none")
    if isinstance(n, dict):
        return "; ".join(f"{k}: {v}" for k, v in n.items())
    return str(n)


def resource_blocks(res: dict, level: int = 2) -> list[tuple]:
    """The documentation of one dataset as blocks."""
    name = res["name"]
    data = datafiles.rows(name)
    fields = res["schema"]["fields"]
    missing_codes = set(res["schema"].get("missingValues", [""]))
    blocks: list[tuple] = [("h", level, f"`{name}` — {res.get('title', '')}")]
    if res.get("description"):
        blocks.append(("p", res["description"]))
    facts = [
        f"**{msg('data.label.source')}:** " + "; ".join(_source_text(s) for s in res.get("sources", [])),
        f"**{msg('data.label.population')}:** {res.get('population', '')}",
        f"**{msg('data.label.n')}:** {_n_text(res.get('n'))}",
        f"**{msg('data.label.years')}:** " + ", ".join(str(y) for y in res.get("years", [])),
        f"**{msg('data.label.rows')}:** {len(data)}",
    ]
    empty = {f["name"]: sum(1 for r in data if r.get(f["name"], "") in missing_codes) for f in fields}
    empty_text = ", ".join(f"`{col}` {count}×" for col, count in empty.items() if count)
    facts.append(f"**{msg('data.label.missing')}:** "
                 + (f"{empty_text} — {msg('data.label.missing_codes')}" if empty_text
                    else msg("data.label.none")))
    facts.append(f"**{msg('data.label.load')}:** `load(\"{name}\")`")
    blocks.append(("ul", facts))

    blocks.append(("h", level + 1, msg("data.label.columns")))
    header = [msg("data.label.column"), msg("data.label.type"), msg("data.label.unit"),
              msg("data.label.meaning"), msg("data.label.allowed")]
    blocks.append(("table", header, [
        [f"`{f['name']}`", _type_label(f), f.get("unit", ""), f.get("description", ""), _allowed(f)]
        for f in fields
    ]))
    if res.get("quirks"):
        blocks.append(("h", level + 1, msg("data.label.quirks")))
        blocks.append(("ul", list(res["quirks"])))
    if res.get("totals"):
        blocks.append(("h", level + 1, msg("data.label.totals")))
        cols = list(dict.fromkeys(k for row in res["totals"] for k in row))
        blocks.append(("table", cols, [[_cell(row.get(c, "")) for c in cols] for row in res["totals"]]))
    blocks.append(("h", level + 1, msg("data.label.preview")))
    shown = data if len(data) <= PREVIEW_ALL_UP_TO else data[:PREVIEW_ROWS]
    names = [f["name"] for f in fields]
    blocks.append(("table", names, [[r.get(c, "") for c in names] for r in shown]))
    if len(shown) < len(data):
        blocks.append(("p", f"… en nog {len(data) - len(shown)} rijen."))
    return blocks


def _cell(value) -> str:
    return "" if value is None else str(value)


def datasheet_blocks() -> list[tuple]:
    """The whole DATASHEET.md as blocks."""
    package = datafiles.datapackage()
    resources = package["resources"]
    total_rows = sum(len(datafiles.rows(r["name"])) for r in resources)
    groups = package.get("groups", {})
    blocks: list[tuple] = [
        ("h", 1, package.get("title", msg("data.sheet.title"))),
        ("p", msg("data.sheet.generated")),
        ("p", msg("data.sheet.summary", datasets=len(resources), rows=total_rows) + " "
              + package.get("description", "")),
    ]
    blocks += [("p", text) for text in package.get("notes", [])]
    if package.get("sources"):
        blocks.append(("h", 2, msg("data.sheet.sources")))
        blocks.append(("ul", [_source_text(s) for s in package["sources"]]))
    blocks.append(("h", 2, msg("data.sheet.overview")))
    blocks.append(("table", [msg(f"data.sheet.col.{c}") for c in ("dataset", "title", "years", "n", "rows")], [
        [f"`{r['name']}`", r.get("title", ""), ", ".join(str(y) for y in r.get("years", [])),
         _n_text(r.get("n")), str(len(datafiles.rows(r["name"])))]
        for r in resources
    ]))
    order = list(groups) + sorted({r.get("group", "") for r in resources} - set(groups))
    for group in order:
        members = [r for r in resources if r.get("group", "") == group]
        if not members:
            continue
        blocks.append(("h", 2, groups.get(group, group or msg("data.sheet.other"))))
        for res in members:
            blocks += resource_blocks(res, level=3)
    return blocks


# ---------------------------------------------------------------- renderers

def _md_cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def to_markdown(blocks: list[tuple], headings: bool = True) -> str:
    """Markdown; ``headings=False``: titles as bold lines (see ``to_html``)."""
    out: list[str] = []
    for block in blocks:
        kind = block[0]
        if kind == "h":
            out.append("#" * block[1] + " " + block[2] if headings else f"**{block[2]}**")
        elif kind == "p":
            out.append(block[1])
        elif kind == "ul":
            out.append("\n".join(f"- {item}" for item in block[1]))
        elif kind == "table":
            header, rows = block[1], block[2]
            lines = ["| " + " | ".join(_md_cell(h) for h in header) + " |",
                     "| " + " | ".join("---" for _ in header) + " |"]
            lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows]
            out.append("\n".join(lines))
    return "\n\n".join(out) + "\n"


def _inline_html(text: str) -> str:
    escaped = html.escape(str(text), quote=False)
    escaped = re.sub(r"`([^`]+)`", r"<code>\1</code>", escaped)
    escaped = re.sub(r"\*\*([^*]+)\*\*", r"<strong>\1</strong>", escaped)
    return re.sub(r"\*([^*]+)\*", r"<em>\1</em>", escaped)


def to_html(blocks: list[tuple], headings: bool = True) -> str:
    """HTML. ``headings=False`` (an output in a notebook): titles as bold paragraphs, no ``<h2>``: an
    output's headings would join the chapter's outline and break it (a screen reader's list of
    headings; WCAG 1.3.1), e.g. an ``<h2>`` under a ``###`` section."""
    out = ['<div class="smmkit-describe">']
    for block in blocks:
        kind = block[0]
        if kind == "h" and not headings:
            size = "1.15em" if block[1] <= 2 else "1em"
            out.append(f'<p class="smmkit-describe-title" style="font-weight:bold;font-size:{size};'
                       f'margin:0.8em 0 0.3em">{_inline_html(block[2])}</p>')
        elif kind == "h":
            out.append(f"<h{block[1]}>{_inline_html(block[2])}</h{block[1]}>")
        elif kind == "p":
            out.append(f"<p>{_inline_html(block[1])}</p>")
        elif kind == "ul":
            out.append("<ul>" + "".join(f"<li>{_inline_html(i)}</li>" for i in block[1]) + "</ul>")
        elif kind == "table":
            head = "".join(f'<th scope="col">{_inline_html(h)}</th>' for h in block[1])
            body = "".join("<tr>" + "".join(f"<td>{_inline_html(c)}</td>" for c in row) + "</tr>"
                           for row in block[2])
            out.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    out.append("</div>")
    return "\n".join(out)


def _plain(text: str) -> str:
    return re.sub(r"\*\*([^*]+)\*\*|\*([^*]+)\*|`([^`]+)`", lambda m: next(g for g in m.groups() if g),
                  str(text))


def to_text(blocks: list[tuple]) -> str:
    out: list[str] = []
    for block in blocks:
        kind = block[0]
        if kind == "h":
            title = _plain(block[2])
            out.append(title + "\n" + ("=" if block[1] <= 2 else "-") * len(title))
        elif kind == "p":
            out.append(_plain(block[1]))
        elif kind == "ul":
            out.append("\n".join(f"  * {_plain(item)}" for item in block[1]))
        elif kind == "table":
            rows = [[_plain(c) for c in block[1]]] + [[_plain(c) for c in row] for row in block[2]]
            widths = [min(max(len(r[i]) for r in rows), 60) for i in range(len(rows[0]))]
            out.append("\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows))
    return "\n\n".join(out) + "\n"


class DatasetDescription:
    """What ``describe(name)`` returns: shows itself as HTML/Markdown in a notebook, text in print."""

    def __init__(self, name: str):
        self.name = name
        self.metadata = datafiles.resource(name)
        self._blocks = resource_blocks(self.metadata, level=2)

    # in a notebook the description is an output inside a chapter: no headings of its own
    def _repr_markdown_(self) -> str:
        return to_markdown(self._blocks, headings=False)

    def _repr_html_(self) -> str:
        return to_html(self._blocks, headings=False)

    def __str__(self) -> str:
        return to_text(self._blocks)

    def __repr__(self) -> str:
        return to_text(self._blocks)


# ---------------------------------------------------------------- the DATASHEET.md file

def datasheet_path() -> Path:
    return Path(__file__).resolve().parent.parent / "datasets" / "DATASHEET.md"


def render_datasheet() -> str:
    return to_markdown(datasheet_blocks())


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    target = datasheet_path()
    text = render_datasheet()
    if "--check" in args:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != text:
            print(f"{target} is niet bijgewerkt: draai `python -m smmkit.datasheet`.")
            return 1
        return 0
    target.write_text(text, encoding="utf-8")
    print(f"{target} geschreven.")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
