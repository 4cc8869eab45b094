"""Before a submission runs: cell tags and nbgrader metadata that change grading come from the gradebook.

A student controls every byte of the submitted notebook, cell metadata included. Stock nbgrader
restores the *source* of locked cells and the points of grade cells, but trusts the rest:

- the tag ``skip-execution`` makes nbclient skip a test cell: no error, full marks;
- ``raises-exception`` (and other tags) change how a cell's error is treated;
- a cell can claim to be a grade cell (``grade: true``, any points) or another cell's ``grade_id``;
- ``solution``/``grade``/``task`` flags can be switched on or off.

:class:`RestoreGradingMetadata` runs in ``Autograde.sanitize_preprocessors`` (nbgrader_config.py), so
stock ``nbgrader autograde`` and the kit's runner both use it: it removes every cell tag, drops the
nbgrader metadata of cells whose ``grade_id`` the gradebook does not know (they become plain cells:
they run, but score nothing), and rebuilds the metadata of known cells from the gradebook.
What it changed it also tells as data: ``"restored_metadata"`` in ``resources["smmkit_events"]``
(the batch runner's report note; nobody has to read the log for it).
"""
from __future__ import annotations

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.preprocessors import NbGraderPreprocessor


EVENT = "restored_metadata"  # in resources["smmkit_events"] when a tag or grading metadata was changed


class RestoreGradingMetadata(NbGraderPreprocessor):
    """Strip cell tags; nbgrader metadata only as the gradebook has it."""

    @staticmethod
    def _changed(resources) -> None:
        events = resources.setdefault("smmkit_events", [])
        if EVENT not in events:
            events.append(EVENT)

    def preprocess(self, nb, resources):
        info = resources["nbgrader"]
        with Gradebook(info["db_url"]) as gradebook:
            try:
                notebook = gradebook.find_notebook(info["notebook"], info["assignment"])
            except MissingEntry:
                return nb, resources
            self._source = {c.name: (c.cell_type, bool(c.locked), c.checksum) for c in notebook.source_cells}
            self._points = {c.name: float(c.max_score) for c in notebook.grade_cells}
            self._solutions = {c.name for c in notebook.solution_cells}
            self._tasks = {c.name for c in notebook.task_cells}
        return super().preprocess(nb, resources)

    def preprocess_cell(self, cell, resources, cell_index):
        metadata = cell.metadata
        if metadata.pop("tags", None):
            self.log.warning("Cell %s: tags removed (they could change grading)", cell_index)
            self._changed(resources)
        if "nbgrader" not in metadata:
            return cell, resources
        grade_id = metadata["nbgrader"].get("grade_id")
        if grade_id not in self._source:
            del metadata["nbgrader"]
            self.log.warning("Cell %s: nbgrader metadata of an unknown cell (%s) removed", cell_index, grade_id)
            self._changed(resources)
            return cell, resources
        cell_type, locked, checksum = self._source[grade_id]
        restored = {"grade": grade_id in self._points, "solution": grade_id in self._solutions,
                    "locked": locked, "grade_id": grade_id, "schema_version": 3}
        if grade_id in self._tasks:
            restored["task"] = True
        if grade_id in self._points:
            restored["points"] = self._points[grade_id]
        if checksum:
            restored["checksum"] = checksum
        restored["cell_type"] = cell_type
        old = metadata["nbgrader"]
        if any(bool(old.get(k)) != bool(restored.get(k)) for k in ("grade", "solution", "locked", "task")) or \
                float(old.get("points") or 0) != float(restored.get("points") or 0):
            self.log.warning("Cell %s (%s): nbgrader metadata restored from the gradebook", cell_index, grade_id)
            self._changed(resources)
        metadata["nbgrader"] = restored
        return cell, resources
