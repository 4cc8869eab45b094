"""A JupyterHub student's nbgrader panel (Assignment List) is Dutch: menu, command, tab, lists, buttons.

nbgrader's lab extension writes English into the page and has no translator; the kit's lab extension
(``smmkit/labextension``, installed by ``configure_lab``) gives it JupyterLab's translation domain
``nbgrader`` (``smmkit/messages/nl/jupyterlab/nbgrader.json``). A real exchange in a temporary folder
with an assignment released by ``nbgrader release_assignment``; the Lab is the hub student's (the plain
.venv config, no laptop folder) in headless Chromium. The test reads what a student sees while fetching
and submitting, and finds none of nbgrader's own English texts (read from nbgrader's JavaScript). Errors that nbgrader's
server sends back are provoked for real and must read as a Dutch explanation with the original collapsed.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import labdriver
from test_lab_dutch import NOTEBOOK, dutch_texts, is_english

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
import kit  # noqa: E402

COURSE, ASSIGNMENT = "smmkit-test", "h01-introductie"
NBGRADER_JS = kit.VENV / "share" / "jupyter" / "labextensions" / "@jupyter" / "nbgrader" / "static"
PANEL = "#nbgrader-assignment-list"


@lru_cache(maxsize=1)
def nbgrader_texts() -> frozenset[str]:
    """nbgrader's English: its string literals that read as words, and the text of its HTML templates."""
    texts: set[str] = set()
    for js in NBGRADER_JS.glob("*.js"):
        source = js.read_text(encoding="utf-8", errors="replace")
        double = re.findall(r'"((?:[^"\\]|\\.)*)"', source)
        single = [re.sub(r'(?<!\\)"', '\\"', raw) for raw in re.findall(r"'((?:[^'\\]|\\.)*)'", source)]
        for raw in double + single:
            try:
                text = json.loads('"' + raw.replace("\\'", "'") + '"')
            except ValueError:
                continue
            texts |= {t.strip() for t in re.findall(r">([^<>]+)<", text)}  # innerHTML templates
            plain = text.strip()
            # words with a space, or one capitalised word ("Fetch"); ids like docmanager:open are left out
            if "<" not in plain and re.fullmatch(r"[A-Za-z(][A-Za-z ,.!?:()'-]*", plain) and (
                    " " in plain or re.fullmatch(r"[A-Z][a-z]+", plain)):
                texts.add(plain)
    return frozenset(t for t in texts if re.search(r"[A-Za-z]{3}", t))


def english(found: list[str]) -> list[str]:
    """nbgrader's own English, or JupyterLab's untranslated (nbgrader builds its tab without Lab's translator)."""
    lab_ids = kit.lab_catalogue("jupyterlab")
    shown = [t.strip() for t in found if t.strip()]
    return [t for t in shown if t in nbgrader_texts() or is_english(t) or (t in lab_ids and t not in dutch_texts())]


class HubStudentLab(labdriver.LabServer):
    """The hub student's Lab with nbgrader's exchange in a temporary folder (a Lab of its own: the
    exchange is server configuration), without a user setting against the news pop-up."""

    def __init__(self, notebooks, exchange: Path):
        super().__init__(notebooks, news_setting=False)
        self.exchange = exchange

    def _write_settings(self, settings: Path) -> None:
        super()._write_settings(settings)
        (settings.parent / "config" / "nbgrader_config.py").write_text(
            f"c.CourseDirectory.course_id = {COURSE!r}\nc.Exchange.root = {str(self.exchange)!r}\n"
            # nbgrader lists a student's submissions from a cache in the home folder by default
            f"c.Exchange.cache = {str(self.exchange.with_name('cache'))!r}\n", encoding="utf-8")


def release(tmp_path: Path) -> Path:
    course, exchange = tmp_path / "course", tmp_path / "exchange"
    (course / "release").mkdir(parents=True)
    exchange.mkdir()
    exchange.chmod(0o777)
    subprocess.run(["cp", "-r", ROOT / "exercises" / ASSIGNMENT, course / "release"], check=True)
    done = subprocess.run([kit.BIN / "nbgrader", "release_assignment", ASSIGNMENT, f"--CourseDirectory.root={course}",
                           f"--Exchange.root={exchange}", f"--CourseDirectory.course_id={COURSE}"],
                          cwd=course, env=labdriver.kernel_env(), capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    return exchange


def panel_texts(page) -> list[str]:
    panel = page.locator(PANEL)
    shown = [t for t in panel.inner_text().split("\n") if t.strip()]
    return shown + [e.get_attribute("title") for e in panel.locator("[title]").all()]


def nbgrader_menu(page) -> list[str]:
    """The title and entries of the main menu that holds nbgrader's Assignment List command."""
    for item in page.locator(".lm-MenuBar-item").all():
        item.click()
        menu = page.locator(".lm-Menu.lm-MenuBar-menu").first
        menu.wait_for(state="visible", timeout=10_000)
        found = menu.locator('.lm-Menu-item[data-command="nbgrader:open-assignment-list"]').count()
        labels = [t for t in [item.inner_text().strip(), *menu.locator(".lm-Menu-itemLabel").all_inner_texts()] if t]
        page.keyboard.press("Escape")
        menu.wait_for(state="hidden", timeout=10_000)
        if found:
            return labels
    raise AssertionError("no main menu holds nbgrader's Assignment List: a hub student cannot submit")


def wait_for_button(page, list_id: str) -> None:
    page.locator(f"{PANEL} #{list_id} .list_item button").first.wait_for(state="visible", timeout=60_000)


def test_nbgrader_student_panel_is_dutch(tmp_path, chromium):
    kit.configure_lab()
    exchange = release(tmp_path)
    assert {"Fetch", "Submit", "Released assignments", "Assignment List", "Assignments", "(view feedback)"} <= \
        nbgrader_texts(), "the detector reads nbgrader's texts"
    lab = HubStudentLab([NOTEBOOK], exchange).start()
    try:
        with labdriver.new_page(chromium) as page:
            labdriver.open_notebook(page, lab, NOTEBOOK.name)
            seen: dict[str, list[str]] = {}
            seen["menu"] = nbgrader_menu(page)
            labdriver.run_command_from_menu(page, "nbgrader:open-assignment-list")
            wait_for_button(page, "released_assignments_list")
            seen["tab"] = page.locator(".lm-DockPanel-tabBar .lm-TabBar-tabLabel").all_inner_texts()
            seen["released"] = panel_texts(page)
            assert ASSIGNMENT in "\n".join(seen["released"]), seen

            page.locator(f"{PANEL} #released_assignments_list .list_item button").first.click()  # fetch
            wait_for_button(page, "fetched_assignments_list")
            page.locator(f"{PANEL} .assignment-notebooks-link").first.click()  # show its notebook and button
            page.locator(f"{PANEL} .nested_list_item button").first.wait_for(state="visible", timeout=30_000)
            seen["fetched"] = panel_texts(page)
            assert (lab.root / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").exists(), "fetched into the student's folder"

            page.locator(f"{PANEL} #fetched_assignments_list .list_item button").first.click()  # submit
            wait_for_button(page, "submitted_assignments_list")
            seen["submitted"] = panel_texts(page)
            assert list((exchange / COURSE / "inbound").iterdir()), "the submission reached the exchange"

            found = {where: english(texts) for where, texts in seen.items()}
            found = {where: texts for where, texts in found.items() if texts}
            assert not found, f"nbgrader's English in what a student sees: {found}\n{seen}"
            assert seen["menu"] == ["Opdrachten", "Opdrachtenlijst"] and "Opdrachten" in seen["tab"], seen
            assert {"Ophalen", "Inleveren", "Feedback ophalen", "Controleren"} <= set(
                seen["released"] + seen["fetched"] + seen["submitted"]), seen
    finally:
        lab.stop()


def dialog_texts(page) -> tuple[list[str], str]:
    """What a student reads in nbgrader's dialog (the collapsed original not included), and the original."""
    dialog = page.locator(".jp-Dialog-content")
    dialog.wait_for(state="visible", timeout=60_000)
    page.locator(".jp-Dialog-content .smmkit-nbgrader-error").wait_for(state="attached", timeout=10_000)
    shown = [t for t in dialog.inner_text().split("\n") if t.strip()]
    original = dialog.locator(".smmkit-nbgrader-error details pre").text_content()
    return shown, original


def panel_error(page) -> tuple[list[str], str]:
    """What a student reads in the panel when nbgrader shows a server text in its lists' error line, and
    the original (nbgrader rewrites that line each time, so an earlier explanation is gone)."""
    errors = page.locator(f"{PANEL} #released_assignments_list .smmkit-nbgrader-error")
    errors.wait_for(state="visible", timeout=30_000)
    return panel_texts(page), errors.locator("details pre").text_content()


def assert_explained(where: str, shown: list[str], original: str, dutch: str, english_part: str) -> None:
    """The student reads ``dutch`` and no English; nbgrader's own text (with ``english_part``) is kept whole."""
    assert not english(shown), f"{where}: nbgrader's English in what a student sees: {english(shown)}\n{shown}"
    assert " ".join(dutch.split()) in " ".join(" ".join(shown).split()), f"{where}: no Dutch {dutch!r} in {shown}"
    assert english_part in original, f"{where}: the original server text is lost: {original!r}"
    assert english_part not in "\n".join(shown), f"{where}: the original is not collapsed: {shown}"


def test_nbgrader_server_errors_are_explained_in_dutch(tmp_path, chromium):
    """Errors that nbgrader's server sends back (an English exchange error or a Python traceback) get a
    short Dutch explanation with what to do; the original stays one click away (``<details>``).
    Each error is a real one: a Fetch of an assignment the teacher withdrew after the panel listed it
    and of one whose folder is already there (nbgrader's own handler drops a failed fetch's reason; the
    kit's server extension smmkit.nbgrader_fetch answers with it), a notebook that is gone when the
    student validates, an assignment the teacher withdrew from the exchange before the student submits,
    an exchange that is gone."""
    kit.configure_lab()
    exchange = release(tmp_path)
    catalogue = kit.lab_catalogue("nbgrader")
    lab = HubStudentLab([NOTEBOOK], exchange).start()
    try:
        with labdriver.new_page(chromium) as page:
            labdriver.open_notebook(page, lab, NOTEBOOK.name)
            labdriver.run_command_from_menu(page, "nbgrader:open-assignment-list")
            wait_for_button(page, "released_assignments_list")
            fetch = page.locator(f"{PANEL} #released_assignments_list .list_item button").first
            folder = lab.root / ASSIGNMENT

            # fetch: the teacher withdrew the assignment after the panel listed it ("Assignment not found")
            outbound, withdrawn = exchange / COURSE / "outbound" / ASSIGNMENT, tmp_path / "withdrawn"
            outbound.rename(withdrawn)
            fetch.click()
            shown, original = panel_error(page)
            assert_explained("fetch, withdrawn", shown, original, catalogue["smmkit.error.not_found"][0],
                             "Assignment not found")
            assert not folder.exists(), "nothing was fetched"
            withdrawn.rename(outbound)
            page.locator(f"{PANEL} #refresh_assignments_list").click()
            wait_for_button(page, "released_assignments_list")

            # fetch: a folder with the assignment's name is already there ("You already have a copy")
            folder.mkdir()
            fetch.click()
            shown, original = panel_error(page)
            assert_explained("fetch, folder exists", shown, original, catalogue["smmkit.error.already_fetched"][0],
                             "You already have a copy of the assignment")
            page.locator(f"{PANEL} #released_assignments_list .smmkit-nbgrader-error summary").click()
            assert "You already have a copy" in page.locator(f"{PANEL} #released_assignments_list").inner_text()
            assert not list(folder.iterdir()), "nothing was fetched into the folder that was there"
            folder.rmdir()
            page.locator(f"{PANEL} #refresh_assignments_list").click()
            wait_for_button(page, "released_assignments_list")

            fetch.click()  # now it works
            wait_for_button(page, "fetched_assignments_list")
            assert not page.locator(f"{PANEL} .list_error:visible").count(), panel_texts(page)
            page.locator(f"{PANEL} .assignment-notebooks-link").first.click()
            validate = page.locator(f"{PANEL} .nested_list_item button").first
            validate.wait_for(state="visible", timeout=30_000)

            # validate: the notebook was removed after the panel listed it (FileNotFoundError traceback)
            notebook = lab.root / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
            saved = notebook.read_bytes()
            notebook.unlink()
            validate.click()
            shown, original = dialog_texts(page)
            assert_explained("validate", shown, original, catalogue["smmkit.error.file_missing"][0],
                             "No such file or directory")
            page.locator(".jp-Dialog-content summary").click()  # one click shows the original
            assert "No such file or directory" in page.locator(".jp-Dialog-content").inner_text()
            page.keyboard.press("Escape")
            page.locator(".jp-Dialog").wait_for(state="detached", timeout=10_000)
            notebook.write_bytes(saved)

            # submit: the teacher withdrew the assignment from the exchange ("Assignment not found")
            subprocess.run(["rm", "-r", exchange / COURSE / "outbound" / ASSIGNMENT], check=True)
            page.locator(f"{PANEL} #fetched_assignments_list .list_item button").first.click()  # submit
            shown, original = dialog_texts(page)
            assert_explained("submit", shown, original, catalogue["smmkit.error.not_found"][0],
                             "Assignment not found")
            page.keyboard.press("Escape")
            page.locator(".jp-Dialog").wait_for(state="detached", timeout=10_000)

            # the list: the exchange is gone (nbgrader's "The exchange directory does not exist ...")
            subprocess.run(["rm", "-r", exchange], check=True)
            page.locator(f"{PANEL} #refresh_assignments_list").click()
            shown, original = panel_error(page)
            assert_explained("list", shown, original, catalogue["smmkit.error.exchange"][0],
                             "The exchange directory does not exist")
    finally:
        lab.stop()
