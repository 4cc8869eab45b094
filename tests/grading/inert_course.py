"""A real nbgrader course with one attacking submission of h01 (issue #23): content that would run as the
teacher, and symlinks that would carry the worked answers and the gradebook into the feedback.

Used by tests/grading/test_inert.py (the stored files) and tests/browser/test_inert_formgrader.py (the
real formgrader and the feedback page in Chromium), so it imports nothing relative. ``build(root, home)``:
the kit's nbgrader_config.py and solutions/h01, ``nbgrader generate_assignment``, the submission,
stock ``nbgrader autograde`` on the kit's config (what the formgrader shows) and
``nbgrader generate_feedback``.

Every payload marks what it did in the page (``window.gekaapt``, the title) and tries to write a file
through the Jupyter API with the teacher's cookie (``gekaapt-<name>.txt`` in the server root), the
first step of taking the account over.
"""
from __future__ import annotations

import copy
import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
ASSIGNMENT = "h01-introductie"
NOTEBOOK = f"{ASSIGNMENT}.ipynb"
STUDENT = "aanvaller"
OPEN_QUESTION = "h01_advies"
ANSWER_CELL = "h01_behoefte_antwoord"
ADVICE = "Mijn advies aan de gemeente staat hieronder."


def script(name: str) -> str:
    """JavaScript that leaves every trace a test can see: a marker, the title, a file via the API."""
    return (
        "(function(){window.gekaapt=(window.gekaapt||[]).concat(['%s']);document.title='GEKAAPT %s';"
        "var m=document.cookie.match(/_xsrf=([^;]+)/),x=m?decodeURIComponent(m[1]):'';"
        "fetch('/api/contents/gekaapt-%s.txt',{method:'PUT',credentials:'include',"
        "headers:{'Content-Type':'application/json','X-XSRFToken':x},"
        "body:JSON.stringify({type:'file',format:'text',content:'gekaapt'})});})();" % (name, name, name))


def _attribute(name: str) -> str:
    return script(name).replace('"', "&quot;")


# the open question's markdown: three ways to reach the page from a markdown cell
MARKDOWN_PAYLOADS = {
    "md_script": f"<script>{script('md_script')}</script>",
    "md_img": f'<img src="x" onerror="{_attribute("md_img")}">',
    "md_svg": f'<svg><script>{script("md_svg")}</script></svg>',
}
# an answer cell's outputs
OUTPUT_PAYLOADS = {
    "js_output": f"display(Javascript({script('js_output')!r}))",
    "html_script": f"display(HTML({('<script>' + script('html_script') + '</script>')!r}))",
    "html_img": f"display(HTML({('<img src=x onerror=' + chr(34) + _attribute('html_img') + chr(34) + '>')!r}))",
    "svg_output": f"display(SVG({('<svg xmlns=' + chr(34) + 'http://www.w3.org/2000/svg' + chr(34) + ' onload=' + chr(34) + _attribute('svg_output') + chr(34) + '/>')!r}))",
    "markdown_output": f"display(Markdown({('<script>' + script('markdown_output') + '</script>')!r}))",
}
PAYLOADS = [*MARKDOWN_PAYLOADS, *OUTPUT_PAYLOADS]
WIDGET_STATE = {"application/vnd.jupyter.widget-state+json": {
    "version_major": 2, "version_minor": 0, "state": {"gekaapt": {"model_name": "HTMLModel", "state": {
        "value": f"<script>{script('widget_state')}</script>"}}}}}
# relative symlinks from submitted/<student>/<assignment>/ to the course root
SYMLINKS = {
    "bronnen.txt": f"../../../solutions/{ASSIGNMENT}/{NOTEBOOK}",
    "cijfers.db": "../../../gradebook.db",
    "h01_behoeften.json": "../../../gradebook.db",  # the declared file's name, pointing at the gradebook
}


def _load_faulty():
    spec = importlib.util.spec_from_file_location("make_faulty", ROOT / "tests" / "grading" / "faulty" / "make_faulty.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _env(home: Path) -> dict:
    out = dict(os.environ, PATH=str(BIN) + os.pathsep + os.environ.get("PATH", ""), MPLBACKEND="Agg",
               HOME=str(home), SMMKIT_HOME=str(home))
    out.pop("SMMKIT_GRADEBOOK", None)
    out.pop("JUPYTER_CONFIG_PATH", None)
    return out


def nbgrader(args: list, root: Path, home: Path) -> str:
    done = subprocess.run([str(BIN / "nbgrader"), *map(str, args)], cwd=root, env=_env(home),
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, f"nbgrader {args} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout + done.stderr


def submission(release: dict, source: dict) -> dict:
    nb = copy.deepcopy(_load_faulty().filled_in(release, source))
    nb["metadata"]["widgets"] = WIDGET_STATE
    for cell in nb["cells"]:
        grade_id = cell["metadata"].get("nbgrader", {}).get("grade_id")
        if grade_id == OPEN_QUESTION:
            cell["source"] = ADVICE + "\n\n" + "\n\n".join(MARKDOWN_PAYLOADS.values()) + "\n"
            cell["metadata"]["gekaapt"] = {"onload": script("cell_metadata")}
        elif cell["cell_type"] == "markdown" and cell["metadata"].get("nbgrader", {}).get("solution"):
            cell["source"] = "Mijn eigen antwoord, in mijn eigen woorden.\n"  # not the model answer the filler put there
        elif grade_id == ANSWER_CELL:
            cell["source"] = ("".join(cell["source"]) + "\nfrom IPython.display import display, HTML, Javascript, "
                              "Markdown, SVG\n" + "\n".join(OUTPUT_PAYLOADS.values()) + "\n")
    return nb


def build(root: Path, home: Path) -> Path:
    """The course in ``root``, graded and with feedback; returns ``root``."""
    shutil.copy(ROOT / "nbgrader_config.py", root)
    shutil.copytree(ROOT / "solutions" / ASSIGNMENT, root / "solutions" / ASSIGNMENT)
    nbgrader(["generate_assignment", ASSIGNMENT, "--force"], root, home)
    release = json.loads((root / "exercises" / ASSIGNMENT / NOTEBOOK).read_text(encoding="utf-8"))
    source = json.loads((root / "solutions" / ASSIGNMENT / NOTEBOOK).read_text(encoding="utf-8"))
    folder = root / "submitted" / STUDENT / ASSIGNMENT
    folder.mkdir(parents=True)
    (folder / NOTEBOOK).write_text(json.dumps(submission(release, source), ensure_ascii=False), encoding="utf-8")
    for name, target in SYMLINKS.items():
        (folder / name).symlink_to(target)
    nbgrader(["autograde", ASSIGNMENT, "--student", STUDENT, "--SafeExecute.timeout=60"], root, home)
    nbgrader(["generate_feedback", ASSIGNMENT, "--student", STUDENT, "--force"], root, home)
    return root


def worked_answer_lines() -> list[str]:
    """Lines of h01's worked answers and hidden tests that occur nowhere in the release."""
    sys.path.insert(0, str(ROOT))
    from smmkit.grading.feedback import secret_lines

    source = json.loads((ROOT / "solutions" / ASSIGNMENT / NOTEBOOK).read_text(encoding="utf-8"))
    release = (ROOT / "exercises" / ASSIGNMENT / NOTEBOOK).read_text(encoding="utf-8")
    lines = secret_lines("".join(c["source"]) for c in source["cells"])
    return sorted(line for line in lines if json.dumps(line)[1:-1] not in release)
