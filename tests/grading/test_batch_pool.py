"""The batch runner's plan, pool and report with a fake executor: real forks, no kernels, no nbgrader run.

``autograde()`` takes an ``executor`` (what a forked worker runs for one submission) and a ``recorder``
(what the parent writes to the gradebook). The real ones are SandboxWorker and GradebookRecorder and are
tried by test_faulty.py, test_retry.py and test_teacher_cases.py; here stand-ins show, in seconds, that a
crashing or hanging submission is a row of the report and the batch goes on, that ``--resume`` skips
what is graded, that notes reach the report as data (never from log text), that a second attempt runs
at the end, and that ``c.BatchAutograde`` in nbgrader_config.py sets the runner (a flag wins).
"""
from __future__ import annotations

import io
import json
import os
import shutil
import signal
import tempfile
import time

import nbformat
import pytest

from smmkit.grading import batch
from smmkit.grading.batch.recording import Recorded
from smmkit.messages import msg

from .conftest import ROOT

A = "h01-introductie"
NOTEBOOK = f"{A}.ipynb"


def small_course(tmp_path, students, config=""):
    tmp_path.mkdir(exist_ok=True)
    shutil.copy(ROOT / "nbgrader_config.py", tmp_path)
    if config:
        with open(tmp_path / "nbgrader_config.py", "a", encoding="utf-8") as handle:
            handle.write("\n" + config + "\n")
    for folder in ("solutions", "exercises"):
        shutil.copytree(ROOT / folder / A, tmp_path / folder / A)
    for student in students:
        (tmp_path / "submitted" / student / A).mkdir(parents=True)
        shutil.copy(ROOT / "exercises" / A / NOTEBOOK, tmp_path / "submitted" / student / A)
    return tmp_path


class FakeWorker:
    """Per student what the forked worker does: "ok" writes the notebook (with ``meta`` as metadata.smmkit),
    "crash" raises, "die" is killed by a signal, "hang" sleeps past the time limit."""

    def __init__(self, plan: dict, meta: dict | None = None, log: str = ""):
        self.plan, self.meta, self.log = plan, meta or {}, log

    def prepare(self):
        pass

    def run(self, job, work, out):
        what = self.plan.get(job.student, "ok")
        print(self.log)  # goes to the student's log file
        if what == "crash":
            raise RuntimeError("Error: de nep-worker crasht")
        if what == "die":
            os.kill(os.getpid(), signal.SIGKILL)
        if what == "hang":
            time.sleep(120)
        out.mkdir(parents=True, exist_ok=True)
        for name in job.notebooks:
            notebook = nbformat.read(job.folder / name, as_version=4)
            meta = self.meta.get(job.student, {})
            if callable(meta):
                meta = meta(job)
            notebook.metadata["smmkit"] = dict(meta)
            nbformat.write(notebook, out / name)


class FakeRecorder:
    """The gradebook as a dict: every student recorded scores 7 of 10 (``failing``: nbgrader says no)."""

    def __init__(self, previous=None, failing=()):
        self.previous, self.failing, self.recorded = previous or {}, set(failing), []

    def check(self):
        pass

    def previous_score(self, student):
        return self.previous.get(student)

    def record(self, job):
        self.recorded.append((job.student, job.attempt))
        if job.student in self.failing:
            return Recorded(False, log="", error="Traceback\nValueError: kapot gradebook")
        return Recorded(True, log="nbgrader log", score=7.0, max_score=10.0)


def grade(root, worker, recorder=None, **options):
    recorder = recorder or FakeRecorder()
    options.setdefault("timeout", 30)
    options.setdefault("workers", 2)
    outcomes = batch.autograde(root, A, sandbox=False, executor=worker, recorder=recorder,
                               progress_stream=io.StringIO(), **options)
    rows = {r["student"]: r for r in json.loads((root / "autograded" / f"rapport-{A}.json").read_text("utf-8"))}
    return outcomes, rows, recorder


def test_a_crash_a_kill_and_a_hang_are_rows_and_the_batch_goes_on(tmp_path, monkeypatch):
    root = small_course(tmp_path / "cursus", ["anna", "bram", "cem", "dirk", "eva"])
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    started = time.monotonic()
    worker = FakeWorker({"bram": "crash", "cem": "die", "dirk": "hang"})
    outcomes, rows, recorder = grade(root, worker, FakeRecorder(previous={"cem": 4.0}, failing={"eva"}), timeout=10)
    assert time.monotonic() - started < 100, "the hanging worker (120 s) is killed at the time limit (10 s)"
    status = {s: r["status"] for s, r in rows.items()}
    assert status == {"anna": "graded", "bram": "failed", "cem": "failed", "dirk": "timeout", "eva": "failed"}
    assert rows["anna"]["score"] == 7 and rows["anna"]["max_score"] == 10
    assert "de nep-worker crasht" in rows["bram"]["reason"], "the worker's last error line is the reason"
    assert msg("batch.stale_gradebook", score="4") in rows["cem"]["reason"], "an old score in the gradebook is named"
    assert "kapot gradebook" in rows["eva"]["reason"]
    assert sorted(s for s, _a in recorder.recorded) == ["anna", "eva"], "only finished workers are recorded"
    assert len(outcomes) == 5
    markdown = (root / "autograded" / f"rapport-{A}.md").read_text("utf-8")
    assert "| dirk | gestopt na de tijdslimiet |" in markdown
    assert not list((tmp_path / "tmp").iterdir()), "the batch's work folder is removed"


def test_resume_skips_what_is_graded_and_grades_the_rest_again(tmp_path):
    root = small_course(tmp_path, ["anna", "bram"])
    grade(root, FakeWorker({"bram": "crash"}))
    _outcomes, rows, recorder = grade(root, FakeWorker({}), resume=True)
    assert recorder.recorded == [("bram", 1)], "anna's final row and unchanged submission are skipped"
    assert rows["anna"]["status"] == rows["bram"]["status"] == "graded"
    # a changed submission is graded again, also with --resume
    path = root / "submitted" / "anna" / A / NOTEBOOK
    path.write_text(path.read_text("utf-8").replace("JOUW CODE HIER", "JOUW CODE  HIER"), encoding="utf-8")
    _outcomes, rows, recorder = grade(root, FakeWorker({}), resume=True)
    assert recorder.recorded == [("anna", 1)]


def test_notes_come_from_the_worker_as_data_not_from_log_text(tmp_path):
    root = small_course(tmp_path, ["anna", "bram"])
    # bram's log holds every English line the runner once searched for; only anna's data has notes
    lines = ("Missing grade cell x encountered, adding to notebook\nCell 3: tags removed (they could change grading)\n"
             "Kernel died in cell 4\nTimeout waiting for execute reply (20s).")
    meta = {"anna": {"events": ["restored_cells", "restored_metadata", "kernel_stopped", "onbekend"]}}
    _outcomes, rows, _rec = grade(root, FakeWorker({}, meta, log=lines))
    for key in ("restored_cells", "restored_metadata", "kernel_stopped"):
        assert msg(f"batch.note.{key}") in rows["anna"]["reason"]
    assert "onbekend" not in rows["anna"]["reason"], "an unknown code is no note"
    assert rows["bram"]["reason"] == "", "log text is never read for notes"


def test_a_cell_at_the_limit_is_graded_again_at_the_end_with_a_longer_limit(tmp_path):
    root = small_course(tmp_path, ["anna", "bram"])

    def meta(job):  # the first attempt hits the per-cell limit of 2 s, the second (6 s) does not
        return {"cell_timeouts": 1 if job.attempt == 1 else 0, "cell_limit": 2 * job.factor,
                "events": ["interrupted_cell"] if job.attempt == 1 else []}

    outcomes, rows, recorder = grade(root, FakeWorker({}, {"anna": meta}), workers=1)
    assert recorder.recorded[-1] == ("anna", 2), "the second attempt comes after everyone else"
    assert [o.student for o in outcomes].count("anna") == 2
    first = next(o for o in outcomes if o.student == "anna")
    assert first.retry_pending and msg("batch.note.interrupted_cell") in first.reason
    assert rows["anna"]["attempts"] == 2 and not rows["anna"]["retry_pending"]
    assert msg("batch.note.retried", limit="2", longer="6") in rows["anna"]["reason"]
    assert rows["bram"]["attempts"] == 1


def test_settings_live_in_nbgrader_config_and_a_flag_wins(tmp_path):
    root = small_course(tmp_path, ["anna"], config="c.BatchAutograde.timeout = 2\nc.BatchAutograde.workers = 1\n"
                                                 "c.BatchAutograde.retry_timeout_factor = 1.5")
    runner = batch.BatchAutograde(config=batch.Course(root).config)
    assert (runner.timeout, runner.workers, runner.retry_timeout_factor, runner.sandbox) == (2, 1, 1.5, True)
    started = time.monotonic()
    _outcomes, rows, _rec = grade(root, FakeWorker({"anna": "hang"}), timeout=None, workers=None)
    assert rows["anna"]["status"] == "timeout" and time.monotonic() - started < 100, "the config's 2 s, not 120 s"
    assert "2" in rows["anna"]["reason"]
    # the command line: a flag wins, an absent flag leaves the config's value
    from smmkit.grading.__main__ import build_parser

    args = build_parser().parse_args(["autograde", A, "--workers", "3"])
    assert args.workers == 3 and args.timeout is None and args.sandbox is None and args.resume is None
    assert build_parser().parse_args(["autograde", A, "--no-sandbox"]).sandbox is False
    course = batch.Course(root, ["--BatchAutograde.memory_mb=512"])
    assert batch.BatchAutograde(config=course.config).memory_mb == 512


def test_a_misspelled_or_wrong_setting_is_a_dutch_message(tmp_path):
    root = small_course(tmp_path, ["anna"], config="c.BatchAutograde.worker = 2")
    with pytest.raises(SystemExit, match="niet kent: worker.*wel bestaan: .*workers"):
        grade(root, FakeWorker({}))
    root = small_course(tmp_path / "twee", ["anna"])
    with pytest.raises(SystemExit, match="instelling van BatchAutograde kan niet"):
        grade(root, FakeWorker({}), extra_args=["--BatchAutograde.workers=veel"])
    assert not (root / "autograded").exists(), "nothing graded"


def test_a_folder_without_nbgrader_config_is_no_course(tmp_path):
    with pytest.raises(SystemExit, match="geen nbgrader_config.py"):
        batch.Course(tmp_path)
    assert not (tmp_path / "gradebook.db").exists(), "no gradebook is made in a folder that is no course"


def test_the_guides_example_config_sets_every_setting_of_the_runner_and_the_export():
    """docs/docent.md shows c.BatchAutograde and c.GradeExport: every trait, and nothing that is no trait."""
    import re

    from traitlets.config import Config

    from smmkit.grading.export import GradeExport

    guide = (ROOT / "docs" / "docent.md").read_text(encoding="utf-8")
    for cls in (batch.BatchAutograde, GradeExport):
        blocks = [b for b in re.findall(r"```python\n(.*?)```", guide.replace("\n  ", "\n"), flags=re.S)
                  if f"c.{cls.__name__}." in b]
        assert len(blocks) == 1, f"one example of c.{cls.__name__} in docs/docent.md"
        c = Config()
        exec(blocks[0], {"c": c})
        assert set(c[cls.__name__]) == set(cls.class_trait_names(config=True)), cls.__name__
        cls(config=c)  # every value is valid


class StampingWorker(FakeWorker):
    """FakeWorker that notes when each worker started (a file per student, written in the forked child)."""

    def __init__(self, stamps):
        super().__init__({})
        self.stamps = stamps

    def run(self, job, work, out):
        (self.stamps / job.student).write_text(repr(time.monotonic()))
        time.sleep(0.2)
        super().run(job, work, out)


class SlowRecorder(FakeRecorder):
    """Writing the gradebook takes a second (nbgrader's pass in the parent); notes when each one ended."""

    def __init__(self):
        super().__init__()
        self.done = {}

    def record(self, job):
        time.sleep(1.0)
        self.done[job.student] = time.monotonic()
        return super().record(job)


def test_a_free_worker_slot_gets_the_next_submission_before_the_parent_records(tmp_path):
    """The parent records one submission at a time (one writer), but not instead of keeping the workers busy:
    the next worker starts as soon as one ends, while the parent writes the gradebook."""
    root = small_course(tmp_path / "cursus", ["anna", "bram", "cem"])
    stamps = tmp_path / "stempels"
    stamps.mkdir()
    outcomes, rows, recorder = grade(root, StampingWorker(stamps), SlowRecorder(), workers=1)
    assert sorted(rows) == ["anna", "bram", "cem"] and all(r["status"] == "graded" for r in rows.values())
    started = {s: float((stamps / s).read_text()) for s in rows}
    order = sorted(started, key=started.get)
    for earlier, later in zip(order, order[1:]):
        assert started[later] < recorder.done[earlier], f"{later} waited for {earlier}'s recording"
    assert rows[order[0]]["seconds"] < 1.0, "a row's seconds end when the worker ended, not after a recording"


def test_the_metadata_check_compiles_its_schema_once_and_judges_as_nbgrader(tmp_path, monkeypatch):
    """The worker's and the parent's passes check every cell's nbgrader metadata (CheckCellMetadata) with one
    jsonschema validator instead of checking the schema itself once per cell; the verdicts are nbgrader's."""
    import copy

    import jsonschema
    from nbgrader.nbgraderformat import MetadataValidator
    from nbgrader.preprocessors import CheckCellMetadata

    from smmkit.grading.batch import recording
    from smmkit.grading.course import Course

    root = small_course(tmp_path / "cursus", ["anna"])
    course = Course(root, [])
    swapped = recording.cheaper(course.preprocessors("sanitize"))
    once = next(c for c in swapped if c.__name__ == "CheckCellMetadataOnce")
    assert CheckCellMetadata not in swapped and issubclass(once, CheckCellMetadata)
    api = recording.GradebookRecorder(course, A, tmp_path / "uit").api()
    from nbgrader.converters import Autograde

    converter = Autograde(coursedir=api.coursedir, parent=api)
    for phase in (converter.sanitize_preprocessors, converter.autograde_preprocessors):
        assert once in phase and CheckCellMetadata not in phase, phase
    stock = course.recording_api(tmp_path / "uit")
    assert CheckCellMetadata in stock.config.Autograde.sanitize_preprocessors, "the course's config is unchanged"

    kind = jsonschema.validators.validator_for(MetadataValidator().schema)
    checks = []
    original = kind.check_schema
    monkeypatch.setattr(kind, "check_schema", classmethod(lambda cls, schema, **kw: (checks.append(1),
                                                                                        original(schema, **kw))))
    recording._CHECKERS.clear()
    notebook = nbformat.read(root / "submitted" / "anna" / A / NOTEBOOK, as_version=4)
    cells = sum("nbgrader" in c.metadata for c in notebook.cells)
    for _ in range(2):
        once().preprocess(notebook, {})
    assert len(checks) == 1 and cells > 10, (len(checks), cells)

    graded = next(i for i, c in enumerate(notebook.cells) if c.metadata.get("nbgrader", {}).get("grade"))
    broken = {"points": "veel", "grade_id": "", "schema_version": 2, "extra": 1}
    for key, value in broken.items():
        bad = copy.deepcopy(notebook)
        bad.cells[graded].metadata["nbgrader"][key] = value
        verdicts = []
        for check in (CheckCellMetadata, once):
            try:
                check().preprocess(bad, {})
                verdicts.append("ok")
            except Exception as exc:
                verdicts.append(f"{type(exc).__name__}: {exc}")
        assert verdicts[0] == verdicts[1] and (key == "extra" or verdicts[0] != "ok"), (key, verdicts)


def test_the_test_server_starts_while_the_sandbox_probe_runs_and_stops_with_the_batch(tmp_path, monkeypatch):
    """Fixed costs of a batch: the warm test server (seconds: pandas, the kit) starts before the probe that checks
    the kit imports in the sandbox, so both run at once; when the probe stops the batch, the server stops too."""
    from smmkit.grading import testserver
    from smmkit.grading.batch.app import BatchAutograde
    from smmkit.grading.sandbox import bwrap_path

    if bwrap_path() is None:
        pytest.skip("bubblewrap is not installed")
    root = small_course(tmp_path / "cursus", ["anna"])
    seen = []

    def probe(self, course, tmp, notes):
        server = testserver._SHARED
        seen.append(server)
        assert server is not None and server.process.poll() is None, "the server runs during the probe"
        raise SystemExit("de proef faalt")

    monkeypatch.setattr(BatchAutograde, "_check_sandbox", probe)
    with pytest.raises(SystemExit, match="de proef faalt"):
        batch.autograde(root, A, progress_stream=io.StringIO(), workers=1, recorder=FakeRecorder())
    assert len(seen) == 1 and seen[0] is not None
    seen[0].process.wait(timeout=10)
    assert testserver._SHARED is None, "stopped with the batch"
