"""``generate_assignment`` writes each assignment's key into the release (docs/design-grading.md §1).

The source notebook's locked setup cell calls ``variant.mine("h04-social-analytics")``;
:class:`StampAssignmentKey` rewrites every such call to ``variant.mine("h04-social-analytics",
sleutel="<key>")`` with ``key = variant.assignment_key(course secret, assignment)``. It runs before
nbgrader's ``SaveCells``, so the gradebook keeps the stamped locked cell and ``OverwriteCells`` puts it
back at autograde. The secret comes from the course root (nbgrader runs in it), made on first use.
"""
from __future__ import annotations

import os
import re

from nbgrader.preprocessors import NbGraderPreprocessor

from smmkit import variant

# variant.mine("<assignment>") or variant.mine("<assignment>", sleutel="<hex>")
CALL = re.compile(r"""variant\.mine\(\s*(["'])([^"']+)\1\s*(?:,\s*sleutel\s*=\s*(["'])[0-9a-fA-F]*\3\s*)?\)""")


def stamp_source(source: str, key_of) -> str:
    """``source`` with every ``variant.mine(...)`` call given its key (``key_of(assignment)``)."""
    return CALL.sub(lambda m: f'variant.mine("{m.group(2)}", sleutel="{key_of(m.group(2))}")', source)


class StampAssignmentKey(NbGraderPreprocessor):
    """Put the assignment key into the ``variant.mine`` calls of a notebook being released."""

    def preprocess(self, nb, resources):
        secret = variant.course_secret(os.getcwd())
        keys: dict[str, str] = {}

        def key_of(assignment: str) -> str:
            if assignment not in keys:
                keys[assignment] = variant.assignment_key(secret, assignment)
            return keys[assignment]

        for cell in nb.cells:
            if cell.cell_type == "code" and "variant.mine" in cell.source:
                cell.source = stamp_source(cell.source, key_of)
        return nb, resources


class TidyIdCell(NbGraderPreprocessor):
    """Leave only the instruction and the placeholder in the release's id cell.

    ``ClearSolutions`` puts its code stub (``# JOUW CODE HIER`` and ``...``) where the worked id stood,
    under the line ``studentnummer = "JOUW STUDENTNUMMER"`` the student has to edit: two lines that
    ask for code where none is wanted. Runs right after ``ClearSolutions``, before the checksums.
    """

    def preprocess(self, nb, resources):
        from nbgrader.preprocessors import ClearSolutions

        stub = ClearSolutions(parent=self).code_stub.get("python", "")
        for cell in nb.cells:
            grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", "")
            if cell.cell_type == "code" and variant.is_id_cell(grade_id) and stub and stub in cell.source:
                cell.source = cell.source.replace(stub, "").rstrip("\n")
        return nb, resources
