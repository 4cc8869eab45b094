"""A check never says ✔ on a value whose answer cell failed, or was changed (and saved) but not run again.

Real kernel, real execute requests with the cell id that JupyterLab sends (``metadata.cellId``), so the
safety net's bookkeeping (smmkit.safetynet, loaded by ``import smmkit``) sees what it sees in the browser.
The kit's lab extension tells the kernel the cells' current sources before each run (comm
``smmkit.cells``); the messages here are the ones it sends (``tests/browser/test_lab_autosave.py`` has
the real browser).
"""
from __future__ import annotations

import json

import kernels
import pytest

from smmkit.check import answer_code

Q = "h99_vraag"
CHECK = f'check.number("antwoord", question="{Q}", code="{answer_code(26.0, Q, 1)}", decimals=1)'


class Kernel(kernels.Kernel):
    """The shared kernel driver, plus what the kit's lab extension sends and a run's text."""

    def tell(self, data, comm_id: str = "lab-cells", open_comm: bool = False) -> list[dict]:
        """A message of the kit's lab extension (comm ``smmkit.cells``) on the shell channel, as Lab sends
        it before an execute_request; what the kernel published in reply (outputs, errors)."""
        kind = "comm_open" if open_comm else "comm_msg"
        content = {"comm_id": comm_id, "data": data}
        if open_comm:
            content["target_name"] = "smmkit.cells"
        return self.send(self.kc.session.msg(kind, content), timeout=60, what=kind)

    def text(self, code: str, cell_id: str | None = None) -> str:
        shown = []
        for out in self.run(code, cell_id):
            shown += [out.get("text", "")] + list(out.get("traceback", []))
            shown += [str(v) for v in out.get("data", {}).values()]
        return "\n".join(shown)

@pytest.fixture(scope="module")
def kernel():
    k = Kernel()
    k.run("import smmkit, os, tempfile\nfrom smmkit import check\n"
          "os.environ['SMMKIT_HOME'] = tempfile.mkdtemp()", cell_id="start")
    yield k
    k.stop()


@pytest.mark.timeout(300)
def test_a_failed_answer_cell_does_not_keep_its_old_tick(kernel):
    assert kernel.run("antwoord = 26.0", cell_id="antwoord-cel") == []
    assert "✔" in kernel.text(CHECK, cell_id="check-cel")
    # the learner edits the answer cell and it fails: the old value 26.0 is still in the kernel
    kernel.run("antwoord = round(25.97, 1", cell_id="antwoord-cel")
    out = kernel.text(CHECK, cell_id="check-cel")
    assert "✔" not in out and "stopte de laatste keer met een fout (SyntaxError)" in out
    kernel.run("antwoord = 26.0\nvolgende = 1 / 0", cell_id="antwoord-cel")
    out = kernel.text(CHECK, cell_id="check-cel")
    assert "✔" not in out and "(ZeroDivisionError)" in out
    kernel.run("antwoord = round(25.97, 1)", cell_id="antwoord-cel")
    assert "✔" in kernel.text(CHECK, cell_id="check-cel"), "fixed and run again: passes"


@pytest.mark.timeout(300)
def test_the_verdict_is_the_kits_one_box_green_or_red(kernel):
    """In a notebook the verdict is smmkit.boxes' box (its colours), with the text escaped and its line breaks kept."""
    from smmkit import boxes

    def page(value):
        kernel.run(f"antwoord = {value}", cell_id="antwoord-cel")
        cell = CHECK.replace("decimals=1)", 'decimals=1, hint="Deel <b>x</b> door y.\\nDan nog eens.")')
        shown = [o["data"]["text/html"] for o in kernel.run(cell, cell_id="check-cel") if o["output_type"] == "display_data"]
        assert len(shown) == 1, shown
        return shown[0]

    good, wrong = page(26.0), page(31.0)
    assert good.startswith(f'<div class="smmkit-check" style="{boxes.style("ok", boxes.PRE_WRAP)}">✔')
    assert wrong.startswith(f'<div class="smmkit-check" style="{boxes.style("error", boxes.PRE_WRAP)}">✘')
    assert "<b>" not in wrong and "&lt;b&gt;x" in wrong and "y.\nDan" in wrong, "text escaped, line breaks kept"
    kernel.run("antwoord = 26.0", cell_id="antwoord-cel")


@pytest.mark.timeout(300)
def test_while_grading_a_stale_value_fails_the_test_cell(kernel):
    kernel.run("antwoord = 26.0\nprint(onbekend)", cell_id="antwoord-cel")
    outputs = kernel.run("os.environ['SMMKIT_CHECK_RAISE'] = '1'\n" + CHECK + "\n"
                         "del os.environ['SMMKIT_CHECK_RAISE']", cell_id="check-cel")
    errors = [o for o in outputs if o["output_type"] == "error"]
    assert [e["ename"] for e in errors] == ["CheckFailed"] and "(NameError)" in "\n".join(errors[0]["traceback"])
    kernel.run("os.environ.pop('SMMKIT_CHECK_RAISE', None)\nantwoord = 26.0", cell_id="antwoord-cel")


@pytest.mark.timeout(300)
def test_a_changed_and_saved_answer_cell_that_was_not_run_again_is_named(kernel, tmp_path):
    notebook = tmp_path / "opdracht.ipynb"

    def save(source: str) -> None:
        cells = [{"id": "antwoord-cel", "cell_type": "code", "source": source, "metadata": {}, "outputs": [],
                  "execution_count": None}]
        notebook.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))

    kernel.run(f"os.environ['JPY_SESSION_NAME'] = {str(notebook)!r}", cell_id="start")
    save("antwoord = ...")  # the file as last saved: the learner ran a new answer and did not save yet
    kernel.run("antwoord = 26.0", cell_id="antwoord-cel")
    assert "✔" in kernel.text(CHECK, cell_id="check-cel"), "a file saved before the run says nothing"
    save("antwoord = 26.0")
    assert "✔" in kernel.text(CHECK, cell_id="check-cel")
    save("antwoord = 25.9  # changed, saved, not run")
    out = kernel.text(CHECK, cell_id="check-cel")
    assert "✔" not in out and "veranderd sinds je hem de laatste keer uitvoerde" in out
    kernel.run("antwoord = 25.9  # changed, saved, not run", cell_id="antwoord-cel")
    out = kernel.text(CHECK, cell_id="check-cel")
    assert "veranderd" not in out and "dicht bij" in out, "run again: the check judges the new value"
    kernel.run("del os.environ['JPY_SESSION_NAME']", cell_id="start")


@pytest.mark.timeout(300)
def test_an_edit_the_browser_reports_is_named_without_any_saved_file(kernel):
    """No notebook file at all (no JPY_SESSION_NAME): the lab extension's word alone names the edit."""
    assert kernel.tell({"cells": {"comm-antwoord": "antwoord = 26.0", "comm-check": CHECK}}, open_comm=True) == []
    kernel.run("antwoord = 26.0", cell_id="comm-antwoord")
    assert "✔" in kernel.text(CHECK, cell_id="comm-check"), "what ran is what the cell holds"
    assert kernel.tell({"cells": {"comm-antwoord": "antwoord = 25.9"}}) == []  # edited, not run, not saved
    out = kernel.text(CHECK, cell_id="comm-check")
    assert "✔" not in out and "veranderd sinds je hem de laatste keer uitvoerde" in out, out
    assert kernel.tell({"cells": {"comm-antwoord": "antwoord = 26.0\n"}}) == []  # the edit undone
    assert "✔" in kernel.text(CHECK, cell_id="comm-check")
    kernel.tell({"cells": {"comm-antwoord": "antwoord = 25.9"}})
    kernel.run("antwoord = 25.9", cell_id="comm-antwoord")
    out = kernel.text(CHECK, cell_id="comm-check")
    assert "veranderd" not in out and "dicht bij" in out, "run again: the check judges the new value"


@pytest.mark.timeout(300)
def test_the_browsers_word_beats_an_older_saved_file(kernel, tmp_path):
    notebook = tmp_path / "opdracht.ipynb"

    def save(source: str) -> None:
        cells = [{"id": "comm-file", "cell_type": "code", "source": source, "metadata": {}, "outputs": [],
                  "execution_count": None}]
        notebook.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))

    kernel.run(f"os.environ['JPY_SESSION_NAME'] = {str(notebook)!r}", cell_id="start")
    kernel.tell({"cells": {"comm-file": "antwoord = 26.0"}})
    kernel.run("antwoord = 26.0", cell_id="comm-file")
    save("antwoord = 26.0")  # autosaved after the run
    kernel.tell({"cells": {"comm-file": "antwoord = 31.0"}})  # edited since: the file is behind
    out = kernel.text(CHECK, cell_id="check-cel")
    assert "✔" not in out and "veranderd sinds" in out, out
    save("antwoord = 31.0")
    kernel.tell({"cells": {"comm-file": "antwoord = 26.0"}})  # undone before the next autosave
    assert "✔" in kernel.text(CHECK, cell_id="check-cel"), "the browser is newer than the file"
    # a source the extension does not send (too long: null) leaves it to the file again
    kernel.tell({"cells": {"comm-file": None}})
    out = kernel.text(CHECK, cell_id="check-cel")
    assert "✔" not in out and "veranderd sinds" in out, out
    kernel.run("del os.environ['JPY_SESSION_NAME']\nantwoord = 26.0", cell_id="start")


@pytest.mark.timeout(300)
def test_odd_cell_messages_change_nothing_and_show_nothing(kernel):
    """Whatever arrives in the comm, the learner sees no output and no traceback, and the kernel's
    table stays bounded."""
    odd = [None, "cells", [1, 2], {"cells": "x"}, {"cells": [["a", "b"]]}, {"cells": {"comm-odd": 3}},
           {"cells": {"x" * 500: "antwoord = 1"}}, {"cells": {"comm-odd": "a" * 300_000}},
           {"cells": {f"veel-{i}": "x = 1" for i in range(12_000)}}]
    for data in odd:
        assert kernel.tell(data) == [], data
    # a comm the kernel does not know (ipykernel says so on stderr, under the comm message, which Lab shows
    # in no cell): no error, no display
    shown = kernel.tell({"cells": {"comm-odd": "antwoord = 26.0"}}, comm_id="never-opened")
    assert [m["content"].get("name") for m in shown] == ["stderr"] * len(shown), shown
    assert kernel.tell(None, comm_id="odd-open", open_comm=True) == []
    kernel.run("antwoord = 26.0", cell_id="comm-odd")
    assert "✔" in kernel.text(CHECK, cell_id="check-cel")
    sizes = kernel.text("from smmkit.safetynet import cells\nprint(len(cells._browser_sources))", cell_id="start")
    assert int(sizes.strip()) <= 5000, sizes


def test_assigned_names_cover_what_a_learner_writes():
    from smmkit.safetynet import assigned_names

    assert assigned_names("a = 1\nb += 2\ndf['x'] = 3\nfor i in range(2): pass\nimport pandas as pd\n"
                          "def f(): pass\nc: int = 4\n(d := 5)") == {"a", "b", "df", "i", "pd", "f", "c", "d"}
    assert assigned_names("hyves_verandering = round((1 - 2) / 2 * 100, 1") == {"hyves_verandering"}


@pytest.mark.timeout(300)
def test_an_answer_cell_that_no_longer_makes_the_name_says_what_to_write(kernel):
    """Issue #20: she pasted the primer's example over her answer; "run that cell again" looped forever."""
    kernel.run("antwoord = 26.0", cell_id="loop-cel")
    assert "✔" in kernel.text(CHECK, cell_id="check-cel")
    primer = "prijs = 4.5\naantal = 3\nprint(prijs * aantal)"
    for _ in range(3):                                     # every re-run: the same advice, never "run it again"
        kernel.run(primer, cell_id="loop-cel")
        out = kernel.text(CHECK, cell_id="check-cel")
        assert "✔" not in out and "veranderd sinds" not in out, out
        assert "maakt `antwoord` nu niet meer" in out and "`antwoord = ...`" in out, out
    # the browser knows the edit before she runs it: same advice, not "changed since"
    kernel.tell({"cells": {"other-cel": "x = 1"}}, comm_id="loop-comm", open_comm=True)
    kernel.run("antwoord = 26.0", cell_id="loop-cel2")
    kernel.tell({"cells": {"loop-cel2": "prijs = 4.5"}}, comm_id="loop-comm")
    out = kernel.text(CHECK, cell_id="check-cel")
    assert "maakt `antwoord` nu niet meer" in out and "veranderd sinds" not in out, out
    kernel.tell({"cells": {"loop-cel2": "antwoord = 26.0"}}, comm_id="loop-comm")
    assert "✔" in kernel.text(CHECK, cell_id="check-cel"), "the line is back: passes"
    kernel.run("antwoord = round(25.97, 1)", cell_id="loop-cel")
    assert "✔" in kernel.text(CHECK, cell_id="check-cel"), "written and run again: passes"
