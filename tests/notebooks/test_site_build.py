"""The static course site builds (``python3 kit.py html`` → ``tools/build_html.py``) and is usable.

The build executes every chapter with nbclient (so this is also where the executed notebooks are
checked for stderr: a warning or traceback a learner would see) and exports them to HTML. One
build per test run (the ``site`` fixture in conftest.py, shared with test_notebooks_run.py), into a
temporary folder, through the same script ``kit.py html`` runs.
"""
from __future__ import annotations

import re
import sys

import pytest

from notebook_files import ALL, CHAPTER_DIR, CHAPTERS, ROOT

sys.path.insert(0, str(ROOT / "tools"))
import static_widgets  # noqa: E402

BUILT = [name for name in ALL if (CHAPTER_DIR / name).exists()]


pytestmark = [pytest.mark.slow, pytest.mark.timeout(1800)]


def test_build_succeeds_without_errors(site):
    out, proc, report = site
    errors = {name: r["errors"] for name, r in report["notebooks"].items() if r["errors"]}
    assert not errors, f"notebooks raised errors while building the site: {errors}"
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert report["executed"] is True


def test_no_notebook_writes_to_stderr(site):
    _, _, report = site
    noisy = {name: r["stderr"] for name, r in report["notebooks"].items() if r["stderr"]}
    assert not noisy, f"a learner would see warnings or tracebacks (stderr) in: {noisy}"


def test_index_links_every_chapter_in_dutch(site):
    out, _, _ = site
    index = (out / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nl">' in index and "Hoofdstukken" in index
    for name in BUILT:
        page = name.replace(".ipynb", ".html")
        assert f'href="{page}"' in index, f"index.html does not link {page}"
        assert (out / page).stat().st_size > 10_000, f"{page} is (nearly) empty"


@pytest.mark.parametrize("name", [n for n in BUILT if n in CHAPTERS])  # the book chapters
def test_chapter_page_shows_charts_and_widgets(site, name):
    out, _, _ = site
    page = (out / name.replace(".ipynb", ".html")).read_text(encoding="utf-8")
    assert '<html lang="nl">' in page
    assert page.count('class="jp-RenderedImage') >= 1, f"{name}: no matplotlib chart on the page"
    assert "smmkit-static-widget" in page, f"{name}: no widget rendered on the page"
    assert "Interactief alleen in JupyterLab" in page
    assert "application/vnd.jupyter.widget-view+json" not in page, f"{name}: a widget was left to JavaScript"
    ipynb_links = re.findall(r'href="(\d\d-[\w\-]+\.ipynb)"', page)
    assert not ipynb_links, f"{name}: links to notebooks were not rewritten: {ipynb_links}"


def test_static_widget_render_of_a_real_widget():
    """The static renderer shows a kit widget's heading, a slider value, a chosen option and its chart."""
    from ipywidgets.embed import dependency_state

    from smmkit.widgets import NeedsProfile

    widget = NeedsProfile()
    first = next(iter(widget.sliders.values()))
    slider = next(iter(first.values()))
    slider.value = 1 if slider.value != 1 else 2
    state = {"state": dependency_state(widget)}
    html = static_widgets.render(state, widget.model_id)
    assert "smmkit-static-widget" in html
    assert widget.heading.value and re.sub(r"<[^>]+>", "", widget.heading.value) in html
    assert f"</span></span>{slider.value}</div>" in html, "the slider's value is not shown"
    assert 'class="opt on"' in html, "the chosen chart kind is not marked"
    assert "data:image/png;base64," in html, "the chart is missing"
    assert widget.filename.value not in html, "the file bar (save/load) should not be on paper (nor in the alt)"
    offline = [c for c in widget.children if "smmkit-offline" in c._dom_classes]
    assert offline and re.sub(r"<[^>]+>", "", offline[0].value)[:40] not in html, \
        "the note for a widget without Python is not for the static page"


def test_site_is_a_folder_any_static_host_serves(site):
    """Every link is relative to the folder and lands on a built page (and, with #, on an id there):
    the folder works from disk, on GitHub Pages or on any web server, without a server of its own.
    Only MathJax comes from the web (formulas; without it the TeX text stays readable)."""
    from bs4 import BeautifulSoup

    out, _, _ = site
    pages = {p.name: BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser") for p in out.glob("*.html")}
    broken = []
    for name, soup in pages.items():
        for link in soup.find_all("a", href=True):
            href = link["href"]
            if href.startswith(("http://", "https://", "mailto:")):
                continue
            page, _, anchor = href.partition("#")
            target = pages.get(page or name)
            if target is None or (anchor and target.find(id=anchor) is None):
                broken.append(f"{name}: {href}")
        for tag in soup.find_all(["script", "img", "link"]):
            source = tag.get("src") or tag.get("href") or ""
            if source and not source.startswith(("data:", "https://cdnjs.cloudflare.com/ajax/libs/mathjax/")):
                broken.append(f"{name}: <{tag.name}> loads {source}")
    assert not broken, "links or files the static site cannot serve:\n" + "\n".join(broken[:30])
    assert (out / "index.html").exists() and len(pages) == len(BUILT) + 1


# how the kit's chart descriptions begin: read back from the figure (plots.text_alternative, "Grafiek: …")
# or made from the data the helpers drew (plots.describe: "Staafdiagram '…'", "Profieldiagram '…'", "Grafiek '…'")
DUTCH_ALT_STARTS = ("Grafiek", "Staafdiagram", "Profieldiagram")


def test_site_shows_no_jupyter_only_instructions_and_every_chart_has_a_dutch_alt(site):
    """Outside Jupyter nobody can press Shift + Enter (the build leaves such sentences out), and every
    picture says in Dutch what it shows: a chart's title and values (smmkit.plots.text_alternative),
    a widget's chart its heading and settings; never nbconvert's English placeholder or nothing."""
    from bs4 import BeautifulSoup

    out, _, _ = site
    sys.path.insert(0, str(ROOT / "tools"))
    import build_html

    shown, alts = [], []
    for page in sorted(out.glob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for script in soup.find_all(["script", "style"]):
            script.decompose()
        text = soup.get_text(" ")
        shown += [f"{page.name}: …{text[max(0, m.start() - 40):m.end() + 40]}…"
                  for m in build_html.JUPYTER_ONLY.finditer(text)]
        for image in soup.find_all("img"):
            alt = image.get("alt", "")
            if not alt.startswith(DUTCH_ALT_STARTS) or "No description" in alt:
                alts.append(f"{page.name}: alt={alt!r}")
    assert not shown, "Jupyter-only instructions on the site:\n" + "\n".join(shown[:20])
    assert not alts, "pictures without a Dutch description:\n" + "\n".join(alts[:20])
