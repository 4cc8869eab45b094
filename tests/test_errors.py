"""A learner's error in a real kernel shows as Dutch text, never as a traceback."""
import nbformat
import pytest
from nbclient import NotebookClient

from smmkit.errors import SmmkitError


def _run(source: str):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)])
    client = NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True)
    client.execute()
    return nb.cells[0].outputs


def test_render_traceback_is_the_dutch_message():
    error = SmmkitError("Het kanaal 'Tiktok' staat niet in deze tabel.")
    lines = error._render_traceback_()
    assert lines[-1] == "Het kanaal 'Tiktok' staat niet in deze tabel."
    assert "Traceback" not in "\n".join(lines)


@pytest.mark.timeout(300)
def test_kernel_shows_message_without_traceback():
    outputs = _run('from smmkit.data import load\nload("gemeenten_kanalenn")')
    shown = []
    for out in outputs:
        shown += out.get("traceback", []) + [out.get("text", "")]
        shown += [str(v) for v in out.get("data", {}).values()]
    text = "\n".join(shown)
    assert "gemeenten_kanalen" in text            # the Dutch message names the closest valid name
    assert "Traceback" not in text and "File \"" not in text and "smmkit/data.py" not in text


@pytest.mark.timeout(300)
def test_error_is_still_an_error_output_so_nbgrader_scores_the_cell_zero():
    from nbgrader.utils import determine_grade

    outputs = _run('import smmkit\nfrom smmkit.errors import SmmkitError\nraise SmmkitError("fout")')
    assert [o["output_type"] for o in outputs] == ["error"]
    cell = nbformat.v4.new_code_cell("", outputs=outputs)
    cell.metadata.nbgrader = {"grade": True, "solution": False, "points": 2, "grade_id": "t"}
    assert determine_grade(cell)[0] == 0
