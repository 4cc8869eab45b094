"""Grading in two processes: the student's code in one, the tests in another that never ran it.

nbgrader (and otter, PrairieLearn) run the hidden tests in the kernel that ran the student's cells, so
a submission can change what the tests see: an AST transformer, a wrapped ``do_execute``, a hook that
prints points, the input history ``In`` that holds every hidden assert. :class:`TwoProcessExecute`
removes the shared process (docs/design-grading.md §2):

1. **Student process**: the notebook runs in the kernel (sandboxed by the batch runner), as with
   :class:`~smmkit.grading.execute.SafeExecute` (timeouts, kill switch, output caps), except that every
   test cell's source is swapped for an *extraction*: :func:`smmkit.grading.answers.emit` of that
   question's answer names — the names the *source* notebook's solution cells assign at top level up to
   that cell — and the declared saved-work files. The hidden tests never reach the kernel.
2. **Test process** (:mod:`smmkit.grading.testproc`, plain Python, sandboxed like the kernel when a
   sandbox is given): a fresh folder holding only the declared saved-work files, ``PYTHONSAFEPATH=1``.
   It runs the source notebook's locked code cells in order and each test cell with the extracted
   values bound; its stream and error outputs become the test cells' outputs (no execute_result), and
   nbgrader's ``SaveAutoGrades`` scores as usual.

The variant contract (design note §1): the kernel gets ``SMMKIT_SUBMITTER`` (nbgrader's student id) and
``SMMKIT_ASSIGNMENT_KEY``; the test process the same plus ``SMMKIT_VARIANT_FROM=submitter``.

Used through ``c.Autograde.autograde_preprocessors`` (nbgrader_config.py), so stock ``nbgrader
autograde`` and the kit's batch runner grade the same way. With ``warm = True`` (or a
:class:`TestServer` given in ``tests_server``, or the batch runner's shared one, see
:func:`start_for_course`) the test process is a fork of a warm server that already imported pandas and
the kit (design note §2.3).

Split by job: :mod:`smmkit.grading.gradeplan` reads the source notebook (which cells are tests, the answer
names, the variant environment), :mod:`smmkit.grading.testserver` keeps the warm server, and
:mod:`smmkit.grading.testproc` is the test process itself; this module is the executor. ``stage_seconds``
(and ``SMMKIT_STAGE_LOG``) give the seconds of each stage of a submission, for benchmarks/bench_grading.py.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from nbclient.util import run_sync
from traitlets import Bool, Float, Integer, Unicode, default

from smmkit.grading import answers, testserver
from smmkit.grading.execute import SafeExecute
from smmkit.grading.gradeplan import (_nbgrader, _source, assigned_names, is_setup_cell, is_test_cell,  # noqa: F401
                                      plan, saved_files, variant_env)
from smmkit.grading.testserver import (TestProcessError, TestServer, start_for_course,  # noqa: F401  (re-exported)
                                       start_shared_server, stop_shared_server, warm_server)
from smmkit.grading.testproc import _dutch
from smmkit.messages import msg

EXTRACT = "__import__('smmkit.grading.answers', fromlist=['emit']).emit({names!r}, files={files!r})\n"
# the seconds of each stage of the last preprocess (self.stage_seconds; the benchmark's profile per submission):
# the student's process (kernel start in the sandbox, her cells, the extractions that serialise the answers and
# reading them back, the
# kernel's shutdown: together "student") and the test process (start or fork, the locked set-up cells, the tests:
# together "tests")
STAGES = ("kernel_start", "cells", "extract", "kernel_stop", "student", "tests_start", "tests_setup", "tests_run",
          "tests")


def _message_of(cell):
    """The answers message the extraction published in ``cell`` (the last one), or None."""
    found = None
    for output in cell.get("outputs", []):
        if output.get("output_type") == "display_data" and answers.MIMETYPE in output.get("data", {}):
            found = output["data"][answers.MIMETYPE]
    return found


def _log_stages(student: str, seconds: dict) -> None:
    """With SMMKIT_STAGE_LOG=<file>: one JSON line per notebook with the seconds of each stage (benchmark)."""
    path = os.environ.get("SMMKIT_STAGE_LOG")
    if not path:
        return
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(json.dumps({**{k: round(v, 4) for k, v in seconds.items()}, "submitter": student}) + "\n")


class TwoProcessExecute(SafeExecute):
    """SafeExecute for the student's cells; the tests in a separate process (see the module docstring)."""

    source_notebook = Unicode("", help="Path of the source notebook (default: from the course's "
                                       "source folder, assignment and notebook in the resources).").tag(config=True)
    tests_timeout = Float(60.0, help="Seconds the whole test process may take at most, on top of "
                                     "timeout per cell.").tag(config=True)
    warm = Bool(False, help="Run the tests in a fork of a warm server (pandas and the kit imported once); "
                            "not with a sandbox.").tag(config=True)
    max_answer_bytes = Integer(answers.MAX_BYTES, help="Largest answers message kept per test cell.").tag(config=True)

    tests_cell_timeout = Float(0.0, help="Seconds per cell in the test process (0: three times timeout, at "
                                         "least 60; its cells load data under the same load as the kernel).").tag(config=True)

    tests_server: TestServer | None = None  # set by a caller that keeps one warm server for many notebooks

    # The student's kernel only has to answer: no graceful shutdown (its atexit hooks grade nothing; nbclient
    # would wait for it in steps of 0.1 s, and the sandbox's pid namespace and cgroup end whatever is left).
    @default("shutdown_kernel")
    def _immediate_shutdown(self):
        return "immediate"

    def _source_path(self, resources) -> Path:
        if self.source_notebook:
            return Path(self.source_notebook)
        from nbgrader.coursedir import CourseDirectory

        info = resources["nbgrader"]
        coursedir = CourseDirectory(config=self.config)
        folder = coursedir.format_path(coursedir.source_directory, ".", info["assignment"])
        return Path(folder) / f"{info['notebook']}.ipynb"

    def preprocess(self, nb, resources=None, km=None):
        import nbformat

        resources = resources if resources is not None else {}
        info = resources.get("nbgrader", {})
        self.stage_seconds = dict.fromkeys(STAGES, 0.0)
        path = self._source_path(resources)
        try:
            source = nbformat.read(path, as_version=4)
        except OSError:
            raise TestProcessError(msg("twoproc.no_source", path=path)) from None
        steps, files = plan(source)
        by_id = {s["id"]: s for s in steps if s["kind"] == "test"}
        course_root = path.parent.parent.parent if not self.source_notebook else path.parent
        env = variant_env(_course_root(self.config, course_root), info.get("assignment", ""), info.get("student", ""))

        # 1. the student's kernel, with every test cell swapped for an extraction
        originals = {}
        for index, cell in enumerate(nb.cells):
            if is_test_cell(cell):
                originals[index] = cell.source
                step = by_id.get(_nbgrader(cell).get("grade_id"))
                cell.source = EXTRACT.format(names=step["names"] if step else [], files=files)
        self._extraction_cells = set(originals)
        if self.sandbox is not None:
            self.sandbox.env.update(env)
        started = time.monotonic()
        saved_env = {k: os.environ.get(k) for k in env}
        os.environ.update(env)
        try:
            nb, resources = super().preprocess(nb, resources, km=km)
        finally:
            for key, value in saved_env.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
            for index, text in originals.items():
                nb.cells[index].source = text
        seconds = self.stage_seconds
        seconds["student"] = time.monotonic() - started
        seconds["kernel_stop"] = max(0.0, seconds["student"] - seconds["kernel_start"] - seconds["cells"]
                                     - seconds["extract"])

        # 2. the answers of each question, as the kernel sent them
        started = time.monotonic()
        messages = {}
        for index in originals:
            cell = nb.cells[index]
            grade_id = _nbgrader(cell).get("grade_id")
            messages[grade_id] = _message_of(cell)
            cell.outputs = []
        for step in steps:
            if step["kind"] == "test":
                step["answers"] = messages.get(step["id"])
                step["missing"] = msg("twoproc.no_answers")
        self.stage_seconds["extract"] += time.monotonic() - started

        # 3. the tests, in a process that never ran student code
        started = time.monotonic()
        results = self.run_tests(steps, files, resources, env)
        for index in originals:
            cell = nb.cells[index]
            grade_id = _nbgrader(cell).get("grade_id")
            if grade_id in results:
                cell.outputs = results[grade_id]
            else:  # a grade cell the source does not have: never full marks for a test that did not run
                from nbformat import from_dict

                cell.outputs = [from_dict(_dutch(msg("twoproc.not_in_source", cell=grade_id)))]
        seconds["tests"] = time.monotonic() - started
        seconds["tests_start"] = max(0.0, seconds["tests"] - seconds["tests_setup"] - seconds["tests_run"])
        nb.metadata.setdefault("smmkit", {})["stages"] = {k: round(v, 3) for k, v in self.stage_seconds.items()}
        _log_stages(info.get("student", ""), self.stage_seconds)
        return nb, resources

    # --- the seconds of each stage -------------------------------------------------------------------
    def _took(self, stage: str, started: float) -> None:
        seconds = getattr(self, "stage_seconds", None)
        if seconds is not None:
            seconds[stage] = seconds.get(stage, 0.0) + time.monotonic() - started

    async def async_start_new_kernel(self, **kwargs):
        started = time.monotonic()
        try:
            return await super().async_start_new_kernel(**kwargs)
        finally:
            self._took("kernel_start", started)

    async def async_start_new_kernel_client(self):
        started = time.monotonic()
        try:
            return await super().async_start_new_kernel_client()
        finally:
            self._took("kernel_start", started)

    async def async_execute_cell(self, cell, cell_index, execution_count=None, store_history=True):
        started = time.monotonic()
        try:
            return await super().async_execute_cell(cell, cell_index, execution_count, store_history)
        finally:
            self._took("extract" if cell_index in getattr(self, "_extraction_cells", ()) else "cells", started)

    start_new_kernel = run_sync(async_start_new_kernel)
    start_new_kernel_client = run_sync(async_start_new_kernel_client)
    execute_cell = run_sync(async_execute_cell)

    # --- the test process --------------------------------------------------------------------------
    def run_tests(self, steps, files, resources, env) -> dict[str, list]:
        """grade_id -> outputs of each test cell (an error output for each test the process did not finish)."""
        from nbformat.v4 import output_from_msg  # noqa: F401  (nbformat is loaded anyway)
        from nbformat import from_dict

        job = {"steps": steps, "timeout": self._cell_limit(), "max_chars": max(1000, self.max_output_chars)}
        tests = [s["id"] for s in steps if s["kind"] == "test"]
        env = dict(env, SMMKIT_VARIANT_FROM="submitter", PYTHONSAFEPATH="1", NBGRADER_EXECUTION="autograde")
        work = Path(tempfile.mkdtemp(prefix="smmkit-tests-"))
        try:
            folder = work / "werk"
            folder.mkdir()
            here = Path(resources.get("metadata", {}).get("path") or ".")
            for name in files:  # the submitted saved work, as regular files (extracted copies come per test)
                origin = here / name
                if origin.is_file() and not origin.is_symlink() and origin.stat().st_size <= answers.MAX_FILE_BYTES:
                    shutil.copyfile(origin, folder / name)
            lines, problem = self._run(job, folder, work, env)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        results: dict[str, list] = {}
        self.cell_timeouts += sum(o.get("ename") == "CellTimeout" for line in lines for o in line.get("outputs", []))
        for line in lines:
            if line.get("kind") == "timing":  # seconds the test process spent in set-up cells and in tests
                for key in ("setup", "run"):
                    value = line.get(key)
                    if isinstance(value, (int, float)) and not isinstance(value, bool):
                        self.stage_seconds[f"tests_{key}"] = float(value)
            if line.get("kind") == "test":
                results[line.get("id")] = [from_dict(o) for o in line.get("outputs", [])
                                           if o.get("output_type") in ("stream", "error")]
        for grade_id in tests:
            if grade_id not in results:
                text = msg("twoproc.test_process_failed", detail=problem or "?")
                results[grade_id] = [from_dict(_dutch(text))]
        return results

    def _cell_limit(self) -> float:
        if self.tests_cell_timeout:
            return self.tests_cell_timeout
        return max(60.0, 3 * (self.timeout or 0)) if self.timeout else 0

    def _server(self) -> TestServer | None:
        """The warm server to use: one given, the batch's shared one (same sandboxing), or with ``warm`` our own."""
        server = self.tests_server
        shared = testserver._SHARED
        if server is None and shared is not None and shared.alive() and shared.sandboxed == (self.sandbox is not None):
            server = shared
        if server is None and self.warm and self.sandbox is None:
            server = self.tests_server = warm_server()
        return server if server is not None and server.alive() else None

    def _run(self, job, folder: Path, work: Path, env: dict) -> tuple[list[dict], str]:
        limit = self.tests_timeout + (self._cell_limit() or 60) * max(1, len(job["steps"]))
        server = self._server()
        if server is not None:
            own = server.job_folder()
            try:
                for item in folder.iterdir():
                    shutil.copyfile(item, own / item.name)
                return server.run(job, own, dict(env, HOME=str(own), SMMKIT_HOME=str(own / ".smmkit")), limit), ""
            except (TestProcessError, OSError, ValueError) as exc:  # a fresh process of our own instead
                self.log.warning("test server failed (%s); starting a test process for this notebook", exc)
            finally:
                shutil.rmtree(own, ignore_errors=True)
        command = [sys.executable, "-m", "smmkit.grading.testproc"]
        if self.sandbox is not None:
            from smmkit.grading.sandbox import Sandbox

            box = Sandbox(work=work, hide=list(self.sandbox.hide), hide_files=list(self.sandbox.hide_files),
                          memory_mb=self.sandbox.memory_mb, env=dict(env))
            box.prepare()
            (work / "tmp").mkdir(exist_ok=True)
            command = box.argv(folder) + command
            environment = None
        else:
            environment = {k: v for k, v in os.environ.items() if not k.startswith(("JPY_", "JUPYTER_"))}
            environment.update(env, HOME=str(work), SMMKIT_HOME=str(work / ".smmkit"), MPLBACKEND="Agg")
        try:
            done = subprocess.run(command, input=json.dumps(job), capture_output=True, text=True, encoding="utf-8",
                                  cwd=folder, env=environment, timeout=limit)
        except subprocess.TimeoutExpired as exc:
            out = exc.stdout.decode("utf-8", "replace") if isinstance(exc.stdout, bytes) else (exc.stdout or "")
            return _lines(out), f"langer dan {limit:.0f} s"
        problem = ""
        if done.returncode != 0:
            last = [line for line in done.stderr.splitlines() if line.strip()][-1:] or [f"code {done.returncode}"]
            problem = last[0][:200]
            self.log.error("test process failed (%s): %s", done.returncode, done.stderr[-2000:])
        return _lines(done.stdout), problem

    # --- caps on every output type ------------------------------------------------------------------
    def output(self, outs, msg_, display_id, cell_index):
        if cell_index in getattr(self, "_extraction_cells", ()):  # only the answers message, size-capped
            data = msg_["content"].get("data") or {}
            if msg_["msg_type"] != "display_data" or answers.MIMETYPE not in data:
                return None
            if _size(data) > self.max_answer_bytes:
                return None
            return super(SafeExecute, self).output(outs, msg_, display_id, cell_index)
        return super().output(outs, msg_, display_id, cell_index)


def _course_root(config, fallback: Path) -> Path:
    from nbgrader.coursedir import CourseDirectory

    try:
        root = CourseDirectory(config=config).root
        return Path(root) if root else fallback
    except Exception:  # pragma: no cover - config without a course
        return fallback


def _size(data) -> int:
    try:
        return len(json.dumps(data))
    except (TypeError, ValueError):
        return 1 << 62


def _lines(text: str) -> list[dict]:
    out = []
    for line in text.splitlines():
        try:
            data = json.loads(line)
        except ValueError:
            continue
        if isinstance(data, dict):
            out.append(data)
    return out
