"""nbgrader configuration: this repository is itself a working nbgrader course.

    solutions/<opdracht>/   the source versions (answers, visible and hidden tests)  -> source_directory
    exercises/<opdracht>/   the release versions students open (generated)          -> release_directory
    submitted/, autograded/, feedback/, gradebook.db   created by nbgrader, kept out of git

The settings below are the kit's *safe defaults*; docs/docent.md explains each one. Stock
commands work from the repository root, e.g.::

    nbgrader generate_assignment h01-introductie --force
    nbgrader autograde h01-introductie
    nbgrader generate_feedback h01-introductie
    nbgrader export --to kit_export.csv

For a class use the kit's runner: every submission runs in a bubblewrap sandbox, N at a time, with
one gradebook writer, a report, Ctrl+C and ``--resume``:
``python -m smmkit.grading autograde h01-introductie --workers 2``.
"""
import os

c = get_config()  # noqa: F821  (provided by nbgrader)

HERE = os.path.dirname(os.path.abspath(__file__))

# --- the course folders ---------------------------------------------------------------
c.CourseDirectory.root = HERE
c.CourseDirectory.course_id = os.environ.get("SMMKIT_COURSE_ID", "smmkit")
c.CourseDirectory.source_directory = "solutions"
c.CourseDirectory.release_directory = "exercises"
# Teachers can move the gradebook (e.g. on JupyterHub) without editing this file.
if os.environ.get("SMMKIT_GRADEBOOK"):
    c.CourseDirectory.db_url = "sqlite:///" + os.path.abspath(os.environ["SMMKIT_GRADEBOOK"])
# Files that never belong in a release or a submission copy. (Not the learner's saved widget
# work, e.g. h01_behoeften.json: nbgrader's submit uses this list too, and the tests need the file.)
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", "README.md"]

# autograde copies every other file of solutions/<opdracht>/ over the student's files. The kit's
# assignments get their data from smmkit.data, so such files can only be leftovers of a teacher who
# ran the source notebook (e.g. the teacher's own h01_behoeften.json): never let them replace a
# student's saved work.
c.Autograde.exclude_overwriting = {
    entry.name: [
        os.path.relpath(os.path.join(folder, name), entry.path)
        for folder, _dirs, names in os.walk(entry.path) for name in names if not name.endswith(".ipynb")
    ]
    for entry in os.scandir(os.path.join(HERE, "solutions")) if entry.is_dir()
} if os.path.isdir(os.path.join(HERE, "solutions")) else {}

# --- what students see where the answer goes (Dutch, and no traceback when run as is) ------
c.ClearSolutions.code_stub = {"python": "# JOUW CODE HIER\n..."}
c.ClearSolutions.text_stub = "JOUW ANTWOORD HIER"

# --- each student's own case (docs/design-grading.md) ----------------------------------------
# generate_assignment stamps the assignment key (from the course secret .smmkit/cursusgeheim, made on
# first use) into the locked `variant.mine(...)` call, before SaveCells stores the locked cells.
c.GenerateAssignment.preprocessors = [
    "nbgrader.preprocessors.IncludeHeaderFooter",
    "nbgrader.preprocessors.InstantiateTests",
    "nbgrader.preprocessors.LockCells",
    "smmkit.grading.stamp.StampAssignmentKey",
    "nbgrader.preprocessors.ClearSolutions",
    "smmkit.grading.stamp.TidyIdCell",  # no code stub under the id placeholder
    "nbgrader.preprocessors.ClearOutput",
    "nbgrader.preprocessors.CheckCellMetadata",
    "nbgrader.preprocessors.ComputeChecksums",
    "nbgrader.preprocessors.SaveCells",
    "nbgrader.preprocessors.ClearHiddenTests",
    "nbgrader.preprocessors.ClearMarkScheme",
    "nbgrader.preprocessors.ComputeChecksums",
    "nbgrader.preprocessors.CheckCellMetadata",
]

# --- grading: every student's notebook is untrusted code ---------------------------------
# Our Execute subclass: per-cell timeout, interrupt, then kill a kernel that ignores the
# interrupt (so one `while True: try/except KeyboardInterrupt` costs seconds, not minutes),
# and a cap on output per cell.
# Before running, cell tags (skip-execution, raises-exception, ...) are removed and the nbgrader
# metadata of every cell comes from the gradebook (fake grade cells lose it): see smmkit/grading/sanitize.py.
c.Autograde.sanitize_preprocessors = [
    "nbgrader.preprocessors.ClearOutput",
    "nbgrader.preprocessors.DeduplicateIds",
    "smmkit.grading.sanitize.RestoreGradingMetadata",
    "nbgrader.preprocessors.OverwriteKernelspec",
    "nbgrader.preprocessors.OverwriteCells",
    "nbgrader.preprocessors.CheckCellMetadata",
]
# Tests never share a process with student code: TwoProcessExecute (a SafeExecute) runs the student's cells
# with every test cell swapped for an extraction of that question's answers as plain data, then runs the
# locked cells and the tests in a fresh process that never ran student code (smmkit/grading/twoproc.py).
c.Autograde.autograde_preprocessors = [
    "smmkit.grading.twoproc.TwoProcessExecute",
    "smmkit.grading.inert.InertOutputs",  # no script, widget state or metadata of the student's is kept
    "nbgrader.preprocessors.IgnorePattern",
    "nbconvert.preprocessors.ClearMetadataPreprocessor",
    "nbgrader.preprocessors.LimitOutput",
    "nbgrader.preprocessors.SaveAutoGrades",
    "nbgrader.preprocessors.AssignLatePenalties",
    "nbgrader.preprocessors.CheckCellMetadata",
]
c.SafeExecute.timeout = 20                 # seconds per cell: real cells need 1-3 s
c.SafeExecute.interrupt_on_timeout = True  # stop infinite loops ...
c.SafeExecute.interrupt_grace = 3          # ... and kill the kernel if it ignores the interrupt
c.SafeExecute.raise_on_iopub_timeout = False
c.SafeExecute.max_output_chars = 20000     # per cell; huge prints are cut while they arrive
c.SafeExecute.startup_timeout = 60
c.LimitOutput.max_lines = 200
c.LimitOutput.max_traceback = 30

# Deleted or edited test cells are put back from the gradebook instead of silently
# scoring 0 (edited locked cells are always restored by OverwriteCells).
c.OverwriteCells.add_missing_cells = True
c.OverwriteCells.missing_cell_notification = (
    "Deze cel (id: {cell_id}) ontbrak in de ingeleverde versie en is door nbgrader teruggezet.\n\n"
)

# Feedback never shows hidden tests (nor worked answers, in any output). Stock nbgrader does (its feedback is the autograded notebook,
# hidden lines included), and a failed hidden assert also prints its line in the traceback; the
# kit's preprocessor rewrites those tracebacks before ClearHiddenTests removes the hidden lines.
# The safety net is off while autograding, so the English tracebacks of answer cells are explained
# in Dutch here (ExplainErrors), before HideSecretOutputs looks at every output.
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "smmkit.grading.feedback.HideHiddenTestErrors",
    "smmkit.grading.feedback.ExplainErrors",      # other cells' Python errors: the safety net's Dutch explanation
    "smmkit.grading.feedback.HideSecretOutputs",  # whatever a cell printed (also those boxes): no hidden test, no worked answer
    "nbgrader.preprocessors.ClearHiddenTests",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]

# Student content is rendered inert wherever nbgrader turns a notebook into HTML (the formgrader, where
# the teacher is logged in, and the feedback): every markdown cell and output is rebuilt from an
# allow-list, scripts are shown as text (smmkit/grading/inert.py).
c.HTMLExporter.preprocessors = ["smmkit.grading.inert.InertHTML"]
# The feedback folder gets the HTML and the declared saved-work files, if regular files; nbgrader
# would copy every file of autograded/, following a student's symlinks (smmkit/grading/feedback.py).
from smmkit.grading.feedback import only_html_and_declared_files  # noqa: E402

only_html_and_declared_files()

# `nbgrader export`: nbgrader's columns, but quoted CSV in UTF-8 and no text that a spreadsheet runs as a
# formula (a name like =HYPERLINK(...) gets a ' in front): see smmkit/grading/nbexport.py.
c.ExportApp.plugin_class = "smmkit.grading.nbexport.SafeCsvExportPlugin"

# Plots render without a screen. input() never waits: nbclient runs kernels without stdin, so
# input() fails at once (StdinNotImplementedError) and the kit's widgets never block.
os.environ.setdefault("MPLBACKEND", "Agg")
