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
STATIC_NOTE = box("info", msg("site.static_note"), "smmkit-static-note", escape=False, extra="font-size:90%")
HIDDEN_SOURCE_TAGS = {"smmkit-quiz", "hide-input"}
LINK = re.compile(r"\]\((?!https?://)([\w.\-]+)\.ipynb(#[^)\s]*)?\)")


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
    for cell in nb.cells:
        if cell.cell_type == "code" and HIDDEN_SOURCE_TAGS & set(cell.metadata.get("tags", [])):
            cell.metadata.setdefault("transient", {})["remove_source"] = True   # the answer is in the code
        if cell.cell_type == "markdown":
            cell.source = LINK.sub(lambda m: f"]({m.group(1)}.html{m.group(2) or ''})", cell.source)
        elif cell.cell_type == "code":
            outputs = []
            for out in cell.get("outputs", []):
                view = out.get("data", {}).get(WIDGET_MIME)
                if view is None:
                    outputs.append(out)
                    continue
                picture = static_widgets.render(state, view.get("model_id", "")) if state else ""
                html_text = (static_widgets.CSS if first else "") + STATIC_NOTE + picture
                first = False
                outputs.append(nbformat.v4.new_output(
                    "display_data", data={"text/html": html_text, "text/plain": "widget"}))
            cell.outputs = outputs
    nb.metadata.pop("widgets", None)
    return nb


def title_of(nb: nbformat.NotebookNode, fallback: str) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            match = re.search(r"^#\s+(.+)$", cell.source, flags=re.M)
            if match:
                return re.sub(r"[*_`]", "", match.group(1)).strip()
    return fallback


def export(nb: nbformat.NotebookNode, title: str) -> str:
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab", language_code=msg("site.lang"))
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    return body


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
<h1>{heading}</h1>
<p class="sub">{subtitle}</p>
<p class="note">{note}</p>
<h2>{chapters}</h2>
<ul>
{items}
</ul>
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
    for path in paths:
        start = time.perf_counter()
        nb, origin = read_source(path, working_copy)
        if run:
            with clean_environment(Path(path).resolve().parent) as cwd:
                execute(nb, cwd)
        found = problems(nb)
        title = title_of(nb, path.stem)
        page = path.with_suffix(".html").name
        (out / page).write_text(export(prepare(nb), title), encoding="utf-8")
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
