"""Feedback without leaks: outputs that show hidden tests or worked answers are rewritten before export.

``ClearHiddenTests`` removes the hidden lines from the *source* of a test cell, but a failed hidden
``assert`` also prints its own source line in the traceback (``assert aantal == 4``), which would
give the answer away. This preprocessor runs before ``ClearHiddenTests`` in
``GenerateFeedback.preprocessors`` (see nbgrader_config.py): for every cell that has a hidden region
it keeps the Dutch message of a failed kit check (``CheckFailed``) and replaces every other
traceback by one neutral Dutch line. :class:`HideSecretOutputs` goes further: any output of any cell
(printed text, rich output, errors) that contains a line of the hidden tests or of the worked answers
is replaced by one neutral Dutch line.
"""
from __future__ import annotations

import re

from nbformat.v4 import new_output
from traitlets import Unicode

from nbgrader.preprocessors import NbGraderPreprocessor

from smmkit.messages import msg

HIDDEN_FAILED = "Een verborgen test van deze vraag is niet geslaagd. Controleer je antwoord nog eens."


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
                output["traceback"] = [f"{output.get('ename', 'Error')}: {HIDDEN_FAILED}"]
        return cell, resources


BEGIN_SOLUTION, END_SOLUTION = "### BEGIN SOLUTION", "### END SOLUTION"
BEGIN_HIDDEN, END_HIDDEN = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
MIN_SECRET = 12  # shorter lines (``else:``, ``assert ok``) say nothing and occur everywhere


def secret_lines(sources) -> set[str]:
    """Lines of worked answers and hidden tests in ``sources`` (cell texts) that are not also visible."""
    secret, visible = set(), set()
    for text in sources:
        depth = 0
        for raw in text.splitlines():
            line = raw.strip()
            if BEGIN_SOLUTION in line or BEGIN_HIDDEN in line:
                depth += 1
            elif END_SOLUTION in line or END_HIDDEN in line:
                depth = max(0, depth - 1)
            elif depth:
                secret.add(line)
            else:
                visible.add(line)
    return {line for line in secret - visible if len(line) >= MIN_SECRET and not line.startswith("#")}


def _output_text(output) -> str:
    parts = [output.get("text", ""), output.get("evalue", ""), "\n".join(output.get("traceback", []))]
    for value in output.get("data", {}).values():
        parts.append(value if isinstance(value, str) else "".join(value) if isinstance(value, list) else "")
    return ANSI.sub("", "\n".join(p if isinstance(p, str) else "".join(p) for p in parts))


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
