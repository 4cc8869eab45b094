"""Step 2 of a batch: a worker executes one submission in the sandbox (in a forked child process).

The worker reads the submitted notebook, applies nbgrader's sanitize preprocessors (plus
:class:`smmkit.grading.sanitize.RestoreGradingMetadata`), copies *only* the notebook's data files and
the files the assignment declares into a throwaway folder and runs it with the course's executor
(:class:`smmkit.grading.execute.SafeExecute` or its subclass, the kernel inside bubblewrap, see
:mod:`smmkit.grading.sandbox`). Workers only *read* the gradebook.

What happened on the way goes to the parent **as data**, in the executed notebook's
``metadata.smmkit``: ``events`` (codes: ``restored_cells``, ``restored_metadata``, ``kernel_stopped``,
``interrupted_cell``; the report's notes ``batch.note.<code>``), ``cell_timeouts``, ``cell_limit`` and
``notes`` (Dutch lines for the student's feedback). Nobody reads the log to find them.

:class:`SandboxWorker` is the pool's executor; a test gives the pool another one (same ``prepare``
and ``run``) to try the pool and the report without kernels.
"""
from __future__ import annotations

import copy
import math
import os

from smmkit.grading.batch.recording import cheaper
from smmkit.messages import msg
from smmkit.safeio import copy_regular


def course_sandbox(course, work, memory_mb: int, limits=None):
    """The sandbox of one submission of ``course`` (see :mod:`smmkit.grading.sandbox`)."""
    from smmkit.grading.sandbox import Sandbox

    return Sandbox(work=work, hide=course.hidden(), memory_mb=memory_mb,
                   hide_files=[p for p in [course.gradebook_file()] if p],
                   env={"NBGRADER_EXECUTION": "autograde"}, limits=limits)


def copy_inputs(course, assignment: str, job, here) -> None:
    """Into ``here`` (the sandbox's working folder): the assignment's data files as nbgrader's autograde
    gives them (the source's version, the student's for files in ``Autograde.exclude_overwriting``),
    then the student's declared files. Regular files only; notebooks are never copied (nbclient sends
    the cells)."""
    from smmkit.grading.batch.planning import data_files

    source = course.folder("source") / assignment
    keep = set(course.config.get("Autograde", {}).get("exclude_overwriting", {}).get(assignment, []))
    for rel in data_files(course, assignment):
        if not (rel in keep and copy_regular(job.folder / rel, here / rel)):
            copy_regular(source / rel, here / rel)
    for name in job.declared:
        copy_regular(job.folder / name, here / name)


def _grade_ids(notebook, graded_only: bool = True) -> set[str]:
    """grade_ids of the grade and solution cells (``graded_only=False``: of every cell with nbgrader metadata)."""
    return {c.metadata["nbgrader"].get("grade_id") for c in notebook.cells if "nbgrader" in c.metadata and (
        not graded_only or c.metadata["nbgrader"].get("grade") or c.metadata["nbgrader"].get("solution"))}


def events_of(before: set[str], notebook, resources, cell_timeouts: int) -> list[str]:
    """The codes of what grading changed or met in one notebook (see the module docstring)."""
    from smmkit.grading.execute import KERNEL_STOPPED

    events = []
    if _grade_ids(notebook) - before:  # OverwriteCells put back grade cells the student had deleted
        events.append("restored_cells")
    events += [e for e in resources.get("smmkit_events", []) if e not in events]
    if any(o.get("ename") == KERNEL_STOPPED for c in notebook.cells for o in c.get("outputs", [])):
        events.append("kernel_stopped")
    if cell_timeouts:
        events.append("interrupted_cell")
    return events


class SandboxWorker:
    """The real executor of the pool: sanitize, then execute in the sandbox; notebooks go to ``out``."""

    def __init__(self, course, assignment: str, memory_mb: int, sandbox: bool = True):
        self.course, self.assignment, self.memory_mb, self.sandbox = course, assignment, memory_mb, sandbox

    def prepare(self) -> None:
        """In the parent, once, before forking: import what every worker needs (copy-on-write)."""
        import nbgrader.apps  # noqa: F401
        import nbgrader.preprocessors  # noqa: F401

        import smmkit.grading.execute  # noqa: F401
        import smmkit.grading.sandbox  # noqa: F401

    def run(self, job, work, out) -> None:
        """Sanitize and execute one submission's notebooks (in the child); the executed notebooks go to ``out``."""
        import nbformat
        from nbgrader import utils

        from smmkit.grading.execute import SafeExecute

        course, assignment = self.course, self.assignment
        # the Execute of the course's config (the kit's: smmkit.grading.twoproc.TwoProcessExecute)
        runner = next((c for c in course.preprocessors("autograde")
                       if isinstance(c, type) and issubclass(c, SafeExecute)), SafeExecute)
        box = course_sandbox(course, work, self.memory_mb, job.limits)
        box.ipc_dir = job.ipc
        box.prepare()
        here = box.work / assignment
        here.mkdir(parents=True, exist_ok=True)
        copy_inputs(course, assignment, job, here)
        out.mkdir(parents=True, exist_ok=True)
        sanitize = cheaper(course.preprocessors("sanitize"))
        for name in job.notebooks:
            notebook = nbformat.read(job.folder / name, as_version=4)
            before = _grade_ids(notebook, graded_only=False)
            resources = {"nbgrader": {"student": job.student, "assignment": assignment,
                                      "notebook": os.path.splitext(name)[0], "db_url": course.db_url},
                         "metadata": {"path": str(here)}}
            for cls in sanitize:
                notebook, resources = cls(config=course.config)(notebook, resources)
            executor = runner(config=course.config)
            if job.factor > 1 and executor.timeout:  # via the config: preprocess() reads its traits from it again
                config = copy.deepcopy(course.config)
                config.SafeExecute.timeout = int(math.ceil(executor.timeout * job.factor))
                executor = runner(config=config)
            if self.sandbox:
                executor.sandbox, executor.sandbox_cwd = box, here
            if course.execute:  # --no-execute: graded as handed in, nothing of the student's runs
                with utils.setenv(NBGRADER_EXECUTION="autograde"):
                    notebook, resources = executor.preprocess(notebook, resources)
            notes = [msg("batch.missing_file_feedback", files=", ".join(job.missing))] if job.missing else []
            if job.absent:
                notes.append(msg("batch.notebook_missing_feedback", missing=", ".join(job.absent)))
            timeouts = getattr(executor, "cell_timeouts", 0)
            notebook.metadata["smmkit"] = {"notes": notes, "events": events_of(before, notebook, resources, timeouts),
                                           "cell_timeouts": timeouts, "cell_limit": executor.timeout or 0}
            nbformat.write(notebook, out / name)
