"""Feedback without leaks: outputs that show hidden tests or worked answers are rewritten before export.

``ClearHiddenTests`` removes the hidden lines from the *source* of a test cell, but a failed hidden
``assert`` also prints its own source line in the traceback (``assert aantal == 4``), which would
give the answer away. This preprocessor runs before ``ClearHiddenTests`` in
``GenerateFeedback.preprocessors`` (see nbgrader_config.py): for every cell that has a hidden region
it keeps the Dutch message of a failed kit check (``CheckFailed``) and replaces every other
traceback by one neutral Dutch line. :class:`ExplainErrors` gives every other cell's Python error (an answer
cell with ``versterking = 1,25``, a misspelt column) the safety net's Dutch explanation, the original
collapsed under it. :class:`HideSecretOutputs` goes further: any output of any cell
(printed text, rich output, errors) that contains a line of the hidden tests or of the worked answers
is replaced by one neutral Dutch line.
"""
from __future__ import annotations

import html
import re

from nbformat.v4 import new_output
from traitlets import Unicode

from nbgrader.preprocessors import NbGraderPreprocessor

from smmkit.grading.leaks import BEGIN_HIDDEN, END_HIDDEN, secret_lines  # noqa: F401  (secret_lines: used below)
from smmkit.messages import msg

class HideHiddenTestErrors(NbGraderPreprocessor):
    """Rewrite error outputs of cells that contain a hidden-tests region."""

    begin_test_delimeter = Unicode("BEGIN HIDDEN TESTS").tag(config=True)

    def preprocess_cell(self, cell, resources, cell_index):
        if cell.cell_type != "code":
            return cell, resources
        hidden = self.begin_test_delimeter in cell.source
        for output in cell.get("outputs", []):
            if output.get("output_type") != "error":
                continue
            if output.get("ename") == "CheckFailed":
                output["traceback"] = [output.get("evalue", "")]  # the kit's Dutch message, no code
            elif hidden:
                output["evalue"] = ""
                output["traceback"] = [f"{output.get('ename', 'Error')}: {msg('feedback.hidden_failed')}"]
        return cell, resources


ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
KIT_ERRORS = {"CheckFailed", "SmmkitError"}  # they already say it in Dutch (their own _render_traceback_)


def _without_hidden(source: str) -> str:
    """A cell's source without its hidden-test region (names defined there must not show up in a hint)."""
    kept, depth = [], 0
    for line in source.splitlines():
        if BEGIN_HIDDEN in line:
            depth += 1
        elif END_HIDDEN in line:
            depth = max(0, depth - 1)
        elif not depth:
            kept.append(line)
    return "\n".join(kept)


class ExplainErrors(NbGraderPreprocessor):
    """The safety net at feedback time: a Python error in a cell without hidden tests gets its Dutch explanation.

    Under ``nbgrader autograde`` the safety net stays off (a box with the original traceback would show
    a failed hidden ``assert``), so the autograded notebook holds nbgrader's English traceback. Here,
    for every code cell *without* a hidden-test region (those are :class:`HideHiddenTestErrors`' job),
    each error output of Python (not the kit's own Dutch ones) becomes: the orange box with what went
    wrong and what to try (``smmkit.safetynet.explain_recorded``, which reads the cells before it and runs
    nothing), the original traceback as plain text under "Originele foutmelding" (collapsed), and the
    error output itself with one Dutch line, as in the notebook. It must run after
    ``HideHiddenTestErrors`` and before ``HideSecretOutputs`` and ``ClearHiddenTests`` (nbgrader_config.py):
    ``HideSecretOutputs`` then still removes any of these outputs that quotes a hidden test or a worked answer.
    """

    begin_test_delimeter = Unicode("BEGIN HIDDEN TESTS").tag(config=True)

    def preprocess(self, nb, resources):
        self._earlier: list[str] = []
        return super().preprocess(nb, resources)

    def preprocess_cell(self, cell, resources, cell_index):
        if cell.cell_type != "code":
            return cell, resources
        if self.begin_test_delimeter not in cell.source:
            outputs = []
            for output in cell.get("outputs", []):
                outputs += self._explained(output, cell.source) if self._is_python_error(output) else [output]
            cell.outputs = outputs
        self._earlier.append(_without_hidden(cell.source))
        return cell, resources

    @staticmethod
    def _is_python_error(output) -> bool:
        if output.get("output_type") != "error" or output.get("ename") in KIT_ERRORS:
            return False
        first = ANSI.sub("", (output.get("traceback") or [""])[0]).strip()
        return first != msg("error.heading").strip()

    def _explained(self, output, source: str) -> list:
        from smmkit.safetynet import box as _box, explain_recorded

        ename, evalue = str(output.get("ename", "Error")), str(output.get("evalue", ""))
        original = ANSI.sub("", "\n".join(str(line) for line in output.get("traceback", [])))
        what, tip, where = explain_recorded(ename, evalue, original, source, self._earlier)
        box = _box(msg("safety.title", ename=ename), what, tip, where, None)
        summary = html.escape(msg("safety.original"))
        kept = {"text/html": f'<details class="smmkit-safetynet-original"><summary>{summary}</summary>'
                             f'<pre style="white-space:pre-wrap">{html.escape(original)}</pre></details>',
                "text/plain": f'{msg("safety.original")}:\n{original}'}
        short = new_output("error", ename=output.get("ename", "Error"), evalue="",
                           traceback=[msg("feedback.error_short", ename=ename)])
        return [new_output("display_data", data=box), new_output("display_data", data=kept), short]
def _output_text(output) -> str:
    parts = [output.get("text", ""), output.get("evalue", ""), "\n".join(output.get("traceback", []))]
    for value in output.get("data", {}).values():
        parts.append(value if isinstance(value, str) else "".join(value) if isinstance(value, list) else "")
    text = ANSI.sub("", "\n".join(p if isinstance(p, str) else "".join(p) for p in parts))
    return text + "\n" + html.unescape(text)  # a line quoted in HTML is escaped there (&quot;)


class HideSecretOutputs(NbGraderPreprocessor):
    """Replace every output that contains a line of the hidden tests or of the worked answers.

    Whatever a cell printed (a file it read, the source of a later cell it caught through an IPython
    hook), the feedback shows one neutral Dutch line instead. The secret lines come from the
    gradebook (the hidden tests of the locked cells) and from the source notebook in solutions/.
    """

    def preprocess(self, nb, resources):
        self._secret = self._secret_lines(resources.get("nbgrader", {}))
        return super().preprocess(nb, resources)

    def _secret_lines(self, info) -> set[str]:
        sources = []
        try:
            from nbgrader.api import Gradebook

            with Gradebook(info["db_url"]) as gradebook:
                notebook = gradebook.find_notebook(info["notebook"], info["assignment"])
                sources += [c.source for c in notebook.source_cells]
        except Exception as exc:  # no gradebook entry: fall back on the source notebook alone
            self.log.warning("HideSecretOutputs: gradebook not read (%s)", exc)
        try:
            import json
            import os

            from nbgrader.coursedir import CourseDirectory

            coursedir = CourseDirectory(config=self.config)
            path = os.path.join(coursedir.format_path(coursedir.source_directory, ".", info["assignment"]),
                                info["notebook"] + ".ipynb")
            with open(path, encoding="utf-8") as handle:
                cells = json.load(handle)["cells"]
            sources += [c["source"] if isinstance(c["source"], str) else "".join(c["source"]) for c in cells]
        except Exception as exc:
            self.log.warning("HideSecretOutputs: source notebook not read (%s)", exc)
        return secret_lines(sources)

    def preprocess_cell(self, cell, resources, cell_index):
        if cell.cell_type != "code" or not self._secret:
            return cell, resources
        for index, output in enumerate(cell.get("outputs", [])):
            text = _output_text(output)
            if any(line in text for line in self._secret):
                cell.outputs[index] = new_output("stream", name="stdout", text=msg("feedback.output_hidden") + "\n")
        return cell, resources


# --- what goes into a student's feedback folder ---------------------------------------------------
# nbgrader's GenerateFeedback copies every file of autograded/<student>/<assignment>/ (following
# symlinks) next to the HTML: a submitted ``bronnen.txt -> ../../../solutions/…`` or ``-> gradebook.db``
# came back to the student as a copy of the worked answers or of the class's gradebook. The kit's
# feedback folder holds the HTML of each notebook and the assignment's declared files (the learner's
# own saved widget work, ``check.saved_file("hNN_….json")``) and nbgrader's ``timestamp.txt`` and
# ``submission_secret.txt`` (release_feedback needs them; at most 200 bytes), each only when it is a
# regular file both in autograded/ and in submitted/ (a symlink there was already followed by autograde).


# nbgrader's release_feedback reads these two to name the feedback in the exchange
NBGRADER_FILES, MAX_NBGRADER_FILE = ("timestamp.txt", "submission_secret.txt"), 200


def _regular(path: str) -> bool:
    import os
    import stat

    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def init_feedback_folder(self, assignment_id: str, student_id: str) -> None:
    """``GenerateFeedback.init_assignment``: copy the declared files and nbgrader's two small files if regular, nothing else."""
    import os
    from pathlib import Path

    from smmkit.grading.batch.precheck import declared_files
    from smmkit.safeio import copy_regular

    coursedir = self.coursedir
    source = self._format_source(assignment_id, student_id)
    dest = self._format_dest(assignment_id, student_id)
    submitted = coursedir.format_path(coursedir.submitted_directory, student_id, assignment_id)
    solution = Path(coursedir.format_path(coursedir.source_directory, ".", assignment_id))
    for name in [*declared_files(solution), *NBGRADER_FILES]:
        original = os.path.join(submitted, name)
        if not os.path.lexists(os.path.join(source, name)):
            continue
        if name in NBGRADER_FILES and os.lstat(os.path.join(source, name)).st_size > MAX_NBGRADER_FILE:
            self.log.warning("Feedback: %s of %s is too large for nbgrader's file and is not copied", name, student_id)
            continue
        if (os.path.lexists(original) and not _regular(original)) or not _regular(os.path.join(source, name)) \
                or not copy_regular(os.path.join(source, name), os.path.join(dest, name)):
            self.log.warning("Feedback: %s of %s is not a regular file and is not copied", name, student_id)


def only_html_and_declared_files() -> None:
    """Make nbgrader's GenerateFeedback (``nbgrader generate_feedback`` and the formgrader's button) use
    :func:`init_feedback_folder`. nbgrader creates its converter itself, so no config trait can name a
    subclass: nbgrader_config.py calls this once, which replaces the one method on GenerateFeedback only."""
    from nbgrader.converters.generate_feedback import GenerateFeedback

    GenerateFeedback.init_assignment = init_feedback_folder

