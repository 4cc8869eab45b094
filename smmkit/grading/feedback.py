"""Feedback without leaks: error outputs of cells with hidden tests are rewritten before export.

``ClearHiddenTests`` removes the hidden lines from the *source* of a test cell, but a failed hidden
``assert`` also prints its own source line in the traceback (``assert aantal == 4``), which would
give the answer away. This preprocessor runs before ``ClearHiddenTests`` in
``GenerateFeedback.preprocessors`` (see nbgrader_config.py): for every cell that has a hidden region
it keeps the Dutch message of a failed kit check (``CheckFailed``) and replaces every other
traceback by one neutral Dutch line.
"""
from __future__ import annotations

from traitlets import Unicode

from nbgrader.preprocessors import NbGraderPreprocessor

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
