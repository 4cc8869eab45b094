#!/usr/bin/env python3
"""Build the static course site ``_site/`` from the chapter notebooks (``python3 kit.py html``).

Every ``chapters/NN-*.ipynb`` is executed headless (nbclient, a fresh kernel each, working folder
``chapters/``) so its tables and charts appear, then exported with nbconvert's ``lab`` template to
``_site/NN-*.html``; ``_site/index.html`` is a Dutch start page linking all chapters. A learner can
open ``_site/index.html`` in any browser without installing anything.

Widgets: nbclient stores their last state in the notebook; ``tools/static_widgets.py`` turns it
into plain HTML, so the page shows what each widget looked like with the example content (texts,
chosen options, slider values, its chart) without JavaScript or a CDN. It cannot react: above
every widget the page says it is interactive only in JupyterLab. Links between chapters (``NN-x.ipynb``) are rewritten to the HTML pages.

    python3 kit.py html                    # execute and build into _site/
    python3 kit.py html --no-execute       # build from the stored notebooks (no outputs; fast)
    python3 kit.py html --out /tmp/site chapters/01-introductie.ipynb   # only these notebooks
    python3 kit.py html --working-copy     # the notebooks as they are on disk (edited copies too)

What a page is built from, so the site is the same for everyone who builds it:

- the committed notebooks (``git show HEAD:chapters/…``), not a learner's edited copy on disk,
  unless ``--working-copy`` is given or the folder is not a git checkout;
- an empty progress store (``SMMKIT_HOME`` points to a fresh folder), so ``00-start.html`` never
  shows the progress of whoever builds the site (normally ``~/.smmkit``);
- a fresh working folder for the kernels, so widgets' ``restore()`` finds no saved work and exports
  (CSV, PNG) do not land in ``chapters/``; ``../exercises`` and ``../datasets`` still resolve;
- quiz cells (tag ``smmkit-quiz`` or ``hide-input``) without their source: the code holds the answer.

``_site/build-report.json`` lists per notebook the seconds it took and any error or stderr output
(a traceback or a warning a learner would see). Exit code 1 when a notebook had an error.
"""
from __future__ import annotations

import argparse
import html
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent))
import static_widgets  # noqa: E402

from smmkit.boxes import box  # noqa: E402
from smmkit.messages import msg  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = ROOT / "chapters"
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
TEMPLATES = Path(__file__).resolve().parent / "site_template"
TEMPLATE = "smmkit_site"
STATIC_NOTE = box("info", msg("site.static_note"), "smmkit-static-note", escape=False, extra="font-size:90%")
HIDDEN_SOURCE_TAGS = {"smmkit-quiz", "hide-input"}
LINK = re.compile(r"\]\((?!https?://)([\w.\-]+)\.ipynb(#[^)\s]*)?\)")

# Instructions that only make sense inside Jupyter (running cells, the kernel menu). On the site a
# sentence with one of these is left out; a "Probeer zelf" paragraph with one becomes site.try_in_lab.
# Chapter authors can also mark a cell with the tag ``jupyter-only`` or wrap text in
# ``<div class="jupyter-only">…</div>``: the site leaves it out.
JUPYTER_ONLY = re.compile(
    r"Shift\s*\+\s*Enter|\b[Vv]oer (?:de|die|deze|dit|hem|elke|alle|het)\b[^.!?\n]{0,80}?\buit\b"
    r"|\b(?:Kernel|Uitvoeren|Run)\s*→|▶|\b[Kk]lik (?:in|erin)\b[^.!?\n]{0,40}?\bcel|\bcel (?:opnieuw )?uit\b")
JUPYTER_ONLY_TAG = "jupyter-only"
JUPYTER_ONLY_HTML = re.compile(r'<div class="jupyter-only">.*?</div>', re.S)
TRY_IT = "Probeer zelf"
SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?]\*\*)|(?<=[.!?]\*))\s+")
LEAD_ONLY = re.compile(r"^\s*(?:[-*]\s+)?(?:\*\*[^*]+\*\*|\*[^*]+\*)?\s*$")


def site_markdown(text: str) -> str:
    """A markdown cell's text for the site: Jupyter-only sentences out (see ``JUPYTER_ONLY``)."""
    text = JUPYTER_ONLY_HTML.sub("", text)
    blocks = []
    for block in re.split(r"(\n\s*\n)", text):
        if not JUPYTER_ONLY.search(block):
            blocks.append(block)
            continue
        if TRY_IT in block:
            blocks.append(msg("site.try_in_lab"))
            continue
        lines = []
        for line in block.split("\n"):
            kept = " ".join(part for part in SENTENCE_END.split(line) if not JUPYTER_ONLY.search(part))
            if not JUPYTER_ONLY.search(line) or not LEAD_ONLY.match(kept):
                lines.append(kept if JUPYTER_ONLY.search(line) else line)
        blocks.append("\n".join(lines))
    return "".join(blocks)


def site_code(source: str) -> str:
    """A code cell's text for the site: comment lines with a Jupyter-only instruction lose that sentence."""
    lines = []
    for line in source.split("\n"):
        match = re.match(r"^(\s*#\s*)(.*)$", line)
        if not match or not JUPYTER_ONLY.search(match.group(2)):
            lines.append(line)
            continue
        kept = " ".join(part for part in re.split(r"(?<=[.!?:])\s+", match.group(2))
                        if not JUPYTER_ONLY.search(part)).rstrip(" :")
        if kept.strip():
            lines.append(match.group(1) + kept)
    return "\n".join(lines)


def chapter_paths() -> list[Path]:
    """The course's notebooks in course order, from the one list (``tools/notebook_nav.CHAPTERS``)."""
    import notebook_nav

    return [CHAPTERS / c.file for c in notebook_nav.CHAPTERS]


def read_source(path: Path, working_copy: bool = False) -> tuple[nbformat.NotebookNode, str]:
    """The notebook as committed (``git show HEAD:<path>``), or as on disk; also says which one."""
    path = Path(path).resolve()
    if not working_copy:
        try:
            top = subprocess.run(["git", "-C", str(path.parent), "rev-parse", "--show-toplevel"],
                                 capture_output=True, text=True, check=True).stdout.strip()
            rel = path.relative_to(Path(top).resolve()).as_posix()
            text = subprocess.run(["git", "-C", top, "show", f"HEAD:{rel}"], capture_output=True, check=True).stdout
            return nbformat.reads(text.decode("utf-8"), as_version=4), "git HEAD"
        except (subprocess.CalledProcessError, FileNotFoundError, ValueError):
            pass                                   # not in git (or not committed): use the file itself
    return nbformat.read(path, as_version=4), "werkkopie"


@contextmanager
def clean_environment(chapter_dir: Path):
    """A fresh kernel folder beside links to exercises/ and datasets/, and an empty SMMKIT_HOME."""
    saved = os.environ.get("SMMKIT_HOME")
    with tempfile.TemporaryDirectory(prefix="smmkit-site-") as tmp:
        work = Path(tmp) / chapter_dir.name
        work.mkdir()
        for sibling in ("exercises", "datasets"):
            target = chapter_dir.parent / sibling
            if target.exists():
                (Path(tmp) / sibling).symlink_to(target, target_is_directory=True)
        (Path(tmp) / "voortgang").mkdir()
        os.environ["SMMKIT_HOME"] = str(Path(tmp) / "voortgang")
        try:
            yield work
        finally:
            if saved is None:
                os.environ.pop("SMMKIT_HOME", None)
            else:
                os.environ["SMMKIT_HOME"] = saved


def execute(nb: nbformat.NotebookNode, cwd: Path, timeout: int = 600) -> nbformat.NotebookNode:
    """Run all cells in a fresh python3 kernel; errors stay in the outputs (see ``problems``)."""
    from nbclient import NotebookClient

    saved = os.environ.pop("MPLBACKEND", None)  # kit.py sets Agg; a kernel needs its inline backend
    try:
        NotebookClient(nb, kernel_name="python3", timeout=timeout, allow_errors=True,
                       store_widget_state=True, resources={"metadata": {"path": str(cwd)}}).execute()
    finally:
        if saved is not None:
            os.environ["MPLBACKEND"] = saved
    return nb


def problems(nb: nbformat.NotebookNode) -> dict[str, list[str]]:
    """Errors, stderr output and code cells that did not run, each with the first line of the cell."""
    found: dict[str, list[str]] = {"errors": [], "stderr": [], "not_run": []}
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        where = f"cel {index}: {cell.source.strip().splitlines()[0][:60] if cell.source.strip() else ''}"
        if cell.source.strip() and cell.get("execution_count") is None:
            found["not_run"].append(where)
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                found["errors"].append(f"{where} → {out.get('ename')}: {out.get('evalue', '')[:200]}")
            elif out.get("output_type") == "stream" and out.get("name") == "stderr":
                found["stderr"].append(f"{where} → {out.get('text', '')[:200]}")
    return found


def prepare(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Rewrite chapter links to .html; replace each widget by a static picture of it plus a note.

    The widget state saved by nbclient is turned into plain HTML (``static_widgets.render``), so
    the page needs no JavaScript and no CDN; the state is then dropped from the metadata.
    """
    state = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})
    first = True
    cells = []
    for index, cell in enumerate(nb.cells):
        tags = set(cell.metadata.get("tags", []))
        if JUPYTER_ONLY_TAG in tags:
            continue
        quiz = static_widgets.quiz_spec(cell.source) if cell.cell_type == "code" else None
        if quiz and JUPYTER_ONLY.search(json.dumps(quiz, ensure_ascii=False)):
            continue                                    # a question about working in Jupyter
        cells.append(cell)
        if cell.cell_type == "code" and HIDDEN_SOURCE_TAGS & tags:
            cell.metadata.setdefault("transient", {})["remove_source"] = True   # the answer is in the code
        if cell.cell_type == "markdown":
            cell.source = site_markdown(LINK.sub(lambda m: f"]({m.group(1)}.html{m.group(2) or ''})", cell.source))
        elif cell.cell_type == "code":
            cell.source = site_code(cell.source)
            outputs = []
            for out in cell.get("outputs", []):
                view = out.get("data", {}).get(WIDGET_MIME)
                if view is None:
                    outputs.append(out)
                    continue
                if quiz:                                # a form that answers, not a picture of one
                    outputs.append(nbformat.v4.new_output("display_data", data={
                        "text/html": static_widgets.quiz_form(quiz, f"quiz{index}"), "text/plain": "quiz"}))
                    continue
                picture = static_widgets.render(state, view.get("model_id", "")) if state else ""
                html_text = (static_widgets.CSS if first else "") + STATIC_NOTE + picture
                first = False
                outputs.append(nbformat.v4.new_output(
                    "display_data", data={"text/html": html_text, "text/plain": "widget"}))
            cell.outputs = outputs
    nb.cells = cells
    nb.metadata.pop("widgets", None)
    return nb


def title_of(nb: nbformat.NotebookNode, fallback: str) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            match = re.search(r"^#\s+(.+)$", cell.source, flags=re.M)
            if match:
                return re.sub(r"[*_`]", "", match.group(1)).strip()
    return fallback


def code_style():
    """The Pygments style of the site's code: every colour at least 4.5:1 on the code background."""
    from pygments.style import Style
    from pygments.token import (Comment, Error, Generic, Keyword, Name, Number, Operator, Punctuation,
                                String, Text)

    class SiteCodeStyle(Style):
        # contrast on #f5f5f5 (the code background): 15.1, 6.3, 7.6, 6.1, 6.0, 6.6, 5.9, 7.8
        background_color = "#f5f5f5"
        styles = {
            Text: "#1f1f1f", Punctuation: "#1f1f1f", Operator: "#1f1f1f", Name: "#1f1f1f",
            Comment: "italic #5a5a5a",
            Keyword: "bold #7a1fa2", Operator.Word: "bold #7a1fa2",
            String: "#1b6b1b",
            Number: "#a23c0a",
            Name.Builtin: "#0b57a4", Name.Function: "#0b57a4", Name.Class: "bold #0b57a4",
            Name.Namespace: "bold #006a6a", Name.Decorator: "#006a6a",
            Name.Exception: "#8a2b2b", Error: "#8a2b2b", Generic.Error: "#8a2b2b",
        }

    return SiteCodeStyle


def _nav(pages: list[tuple[str, str]], position: int) -> str:
    """Links to the course overview and the previous and next chapter (relative: any static host)."""
    links = [f'<li><a href="index.html">{html.escape(msg("site.nav.index"))}</a></li>']
    if position > 0:
        page, title = pages[position - 1]
        links.append(f'<li><a href="{html.escape(page)}" rel="prev">'
                     f'{html.escape(msg("site.nav.previous", title=title))}</a></li>')
    if position + 1 < len(pages):
        page, title = pages[position + 1]
        links.append(f'<li><a href="{html.escape(page)}" rel="next">'
                     f'{html.escape(msg("site.nav.next", title=title))}</a></li>')
    return f'<nav class="smmkit-nav" aria-label="{{label}}"><ul>{"".join(links)}</ul></nav>'


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def readable(hex_colour: str, minimum: float = 5.0) -> str:
    """``#rrggbb`` darkened (same hue) until it has ``minimum`` contrast on white: 5.0, so it also
    has 4.5:1 (WCAG AA) on the light grey of tables and code."""
    rgb = hex_colour.lstrip("#")
    if len(rgb) == 3:
        rgb = "".join(c * 2 for c in rgb)
    base = [int(rgb[i:i + 2], 16) for i in (0, 2, 4)]
    colour, factor = rgb, 1.0
    while 1.05 / (_luminance(colour) + 0.05) < minimum and factor > 0:
        factor -= 0.04
        colour = "".join(f"{int(c * factor):02x}" for c in base)
    return "#" + colour


INLINE_COLOUR = re.compile(r"(?<![-\w])(color\s*:\s*)(#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3})\b")


def accessible(body: str) -> str:
    """What the template cannot do: a heading outline without jumps (one ``h1``), task lists as text
    (no unlabelled disabled checkboxes), a Dutch alt on every image, a table of contents."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(body, features="html.parser")
    main = soup.find("main")
    text_level, shifts = 1, {}
    for heading in main.find_all(re.compile(r"^h[1-6]$")):  # a heading in an output (describe())
        output = heading.find_parent(class_="jp-OutputArea-output")  # goes under the text's heading
        if output is None:
            text_level = int(heading.name[1])
            continue
        shift = shifts.setdefault(id(output), text_level + 1 - int(heading.name[1]))
        heading.name = f"h{max(1, min(6, int(heading.name[1]) + shift))}"
    level, seen_h1 = 1, False
    for heading in main.find_all(re.compile(r"^h[1-6]$")):
        wanted = int(heading.name[1])
        if wanted == 1 and seen_h1:
            wanted = 2
        wanted = max(2 if seen_h1 else 1, min(wanted, level + 1))
        seen_h1 = seen_h1 or wanted == 1
        heading.name, level = f"h{wanted}", wanted
    for box in main.select("input[type=checkbox]"):
        item = box.find_parent("li")
        box.replace_with("☑ " if box.has_attr("checked") else "☐ ")
        if item is not None and item.parent is not None and "smmkit-checklist" not in item.parent.get("class", []):
            item.parent["class"] = [*item.parent.get("class", []), "smmkit-checklist"]
    for element in main.select("[style*=color]"):  # text colours of the kit's outputs under 4.5:1
        element["style"] = INLINE_COLOUR.sub(lambda m: m.group(1) + readable(m.group(2)), element["style"])
    for element in main.select(".jp-OutputArea-output p, .jp-OutputArea-output li"):  # kit outputs too
        text = element.get_text()
        if JUPYTER_ONLY.search(text) and not element.find(True):
            kept = " ".join(part for part in SENTENCE_END.split(text) if not JUPYTER_ONLY.search(part))
            if kept.strip():
                element.string = kept
            else:
                element.decompose()
    for cell in main.find_all("th"):  # the empty corner of a pandas table: a name for screen readers
        if not cell.get_text(strip=True):
            hidden = soup.new_tag("span", attrs={"class": "smmkit-sr"})
            hidden.string = msg("site.table_corner")
            cell.append(hidden)
    for image in soup.find_all("img"):
        if not image.get("alt") or image["alt"].startswith("No description"):
            image["alt"] = msg("site.chart_alt")
    sections = [h for h in main.find_all("h2") if h.get("id")]
    if len(sections) > 1:
        toc = soup.new_tag("nav", attrs={"class": "smmkit-toc", "aria-labelledby": "smmkit-toc-kop"})
        head = soup.new_tag("h2", id="smmkit-toc-kop")
        head.string = msg("site.toc.label")
        items = soup.new_tag("ol")
        for section in sections:
            item, link = soup.new_tag("li"), soup.new_tag("a", href=f"#{section['id']}")
            link.string = section.get_text(" ", strip=True).rstrip("¶").strip()
            item.append(link)
            items.append(item)
        toc.extend([head, items])
        first = main.find("h1")
        (first.find_parent(class_="jp-Cell") or first).insert_after(toc) if first else main.insert(0, toc)
    return str(soup)


def export(nb: nbformat.NotebookNode, title: str, pages: list[tuple[str, str]] | None = None,
           position: int = 0) -> str:
    """One page with the kit's template (``tools/site_template/smmkit_site``): no prompts, readable
    code colours, a skip link, navigation between the chapters, quizzes that answer."""
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    config = Config({"CSSHTMLHeaderPreprocessor": {"style": code_style()}})
    exporter = HTMLExporter(config=config, template_name=TEMPLATE, extra_template_basedirs=[str(TEMPLATES)],
                            language_code=msg("site.lang"), exclude_input_prompt=True,
                            exclude_output_prompt=True)
    nav = _nav(pages or [], position)
    smmkit = {"skip": msg("site.skip"), "toc": "", "chart_alt": msg("site.chart_alt"),
              "nav_top": nav.replace("{label}", html.escape(msg("site.nav.label"))),
              "nav_bottom": nav.replace("{label}", html.escape(msg("site.nav.label_bottom"))),
              "script": static_widgets.quiz_script() if "smmkit-quiz-form" in json.dumps(nb.cells) else ""}
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}, "smmkit": smmkit})
    return accessible(body)


# The start page's layout; every text a reader sees on it comes from the catalogue (site.index.*).
INDEX = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
 body {{ font-family: system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 46rem; margin: 2rem auto;
        padding: 0 1rem; line-height: 1.55; color: #222; }}
 h1 {{ font-size: 1.7rem; margin-bottom: .2rem; }}
 .sub {{ color: #555; margin-top: 0; }}
 ul {{ padding-left: 1.4rem; }} li {{ margin: .35rem 0; }}
 .note {{ border-left: 4px solid #0072B2; background: #eef6fb; padding: .5rem .9rem; }}
 code {{ background: #f3f3f3; padding: 0 .25rem; }}
 footer {{ color: #666; font-size: .85rem; margin-top: 2rem; }}
</style>
</head>
<body>
<main>
<h1>{heading}</h1>
<p class="sub">{subtitle}</p>
<p class="note">{note}</p>
<h2>{chapters}</h2>
<ul>
{items}
</ul>
</main>
<footer>{footer}</footer>
</body>
</html>
"""


def index_page(items: list[str], when: str) -> str:
    """The start page: the chapter links (``<li>`` items) under the catalogue's texts (HTML already)."""
    texts = {part: msg(f"site.index.{part}") for part in ("title", "heading", "subtitle", "note", "chapters")}
    return INDEX.format(items="\n".join(items), lang=msg("site.lang"), footer=msg("site.index.footer", when=when),
                        **texts)


def build(paths: list[Path], out: Path, run: bool = True, working_copy: bool = False) -> dict:
    """Build the site into ``out``; returns the report (also written to ``build-report.json``)."""
    out.mkdir(parents=True, exist_ok=True)
    report: dict = {"executed": run, "working_copy": working_copy, "notebooks": {}}
    items = []
    sources = [read_source(path, working_copy) for path in paths]
    pages = [(path.with_suffix(".html").name, title_of(nb, path.stem)) for path, (nb, _) in zip(paths, sources)]
    for position, (path, (nb, origin)) in enumerate(zip(paths, sources)):
        start = time.perf_counter()
        if run:
            with clean_environment(Path(path).resolve().parent) as cwd:
                execute(nb, cwd)
        found = problems(nb)
        page, title = pages[position]
        (out / page).write_text(export(prepare(nb), title, pages, position), encoding="utf-8")
        seconds = time.perf_counter() - start
        report["notebooks"][path.name] = {"page": page, "title": title, "source": origin,
                                          "seconds": round(seconds, 2), **found}
        items.append(f'<li><a href="{html.escape(page)}">{html.escape(title)}</a></li>')
        state = msg("site.state." + ("error" if found["errors"] else "stderr" if found["stderr"] else "ok"))
        print(f"  {path.name:<32} {seconds:6.1f} s  {state}", flush=True)
    when = time.strftime("%d-%m-%Y %H:%M")
    (out / "index.html").write_text(index_page(items, when), encoding="utf-8")
    (out / "build-report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="notebooks (default: chapters/NN-*.ipynb)")
    parser.add_argument("--out", type=Path, default=ROOT / "_site", help="output folder (default: _site/)")
    parser.add_argument("--no-execute", action="store_true", help="do not run the notebooks first")
    parser.add_argument("--working-copy", action="store_true",
                        help="build from the notebooks on disk instead of the committed ones (git HEAD)")
    args = parser.parse_args(argv)
    paths = [p.resolve() for p in args.paths] or chapter_paths()
    if not paths:
        print(msg("site.no_notebooks"), file=sys.stderr)
        return 1
    start = time.perf_counter()
    report = build(paths, args.out, run=not args.no_execute, working_copy=args.working_copy)
    failed = [name for name, r in report["notebooks"].items() if r["errors"]]
    print(msg("site.done", seconds=f"{time.perf_counter() - start:.0f}", index=args.out / "index.html"))
    for name in failed:
        print(msg("site.failed", name=name, errors="; ".join(report["notebooks"][name]["errors"])), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
