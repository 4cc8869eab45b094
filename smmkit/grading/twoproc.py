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
"""
from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from traitlets import Bool, Float, Integer, Unicode

from smmkit.grading import answers
from smmkit.grading.execute import SafeExecute
from smmkit.grading.testproc import _dutch
from smmkit.messages import msg

EXTRACT = "__import__('smmkit.grading.answers', fromlist=['emit']).emit({names!r}, files={files!r})\n"
STAGES = ("student", "extract", "tests")  # the seconds of each stage of the last preprocess: self.stage_seconds


def _nbgrader(cell) -> dict:
    return (cell.get("metadata") or {}).get("nbgrader") or {}


def is_test_cell(cell) -> bool:
    meta = _nbgrader(cell)
    return cell.get("cell_type") == "code" and bool(meta.get("grade")) and not meta.get("solution")


def is_setup_cell(cell) -> bool:
    meta = _nbgrader(cell)
    return (cell.get("cell_type") == "code" and bool(meta.get("locked")) and not meta.get("grade")
            and not meta.get("solution"))


def _source(cell) -> str:
    source = cell.get("source", "")
    return source if isinstance(source, str) else "".join(source)


def assigned_names(source: str) -> list[str]:
    """Names a cell assigns at top level (not imports, functions or classes: those are no answers)."""
    from smmkit.grading.testproc import _python

    try:
        tree = ast.parse(_python(source))
    except SyntaxError:
        return []
    names: list[str] = []

    def targets(node):
        if isinstance(node, ast.Name):
            names.append(node.id)
        elif isinstance(node, (ast.Tuple, ast.List)):
            for item in node.elts:
                targets(item)
        elif isinstance(node, ast.Starred):
            targets(node.value)

    def walk(body):
        for node in body:
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    targets(target)
            elif isinstance(node, (ast.AnnAssign, ast.AugAssign)) and node.value is not None:
                targets(node.target)
            elif isinstance(node, (ast.For, ast.AsyncFor)):
                targets(node.target)
                walk(node.body + node.orelse)
            elif isinstance(node, (ast.If, ast.While)):
                walk(node.body + node.orelse)
            elif isinstance(node, (ast.With, ast.AsyncWith)):
                for item in node.items:
                    if item.optional_vars is not None:
                        targets(item.optional_vars)
                walk(node.body)
            elif isinstance(node, ast.Try):
                walk(node.body + node.orelse + node.finalbody + [h for x in node.handlers for h in x.body])
            for sub in ast.walk(node) if not isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.Lambda)) else []:
                if isinstance(sub, ast.NamedExpr):
                    targets(sub.target)

    walk(tree.body)
    return [n for n in dict.fromkeys(names) if not (n.startswith("__") and n.endswith("__"))]


def saved_files(cells) -> list[str]:
    """The saved-work files the source declares (``check.saved_file("…")`` in a test cell)."""
    from smmkit.grading.batch import SAVED_FILE

    found = set()
    for cell in cells:
        if cell.get("cell_type") == "code":
            found.update(SAVED_FILE.findall(_source(cell)))
    return sorted(found)


def plan(source_nb) -> tuple[list[dict], list[str]]:
    """(steps of the test process in source order, declared files) from the source notebook."""
    files = saved_files(source_nb.cells)
    steps, answer_names = [], []
    for cell in source_nb.cells:
        meta = _nbgrader(cell)
        if cell.get("cell_type") != "code":
            continue
        if meta.get("solution"):
            answer_names += [n for n in assigned_names(_source(cell)) if n not in answer_names]
        elif is_test_cell(cell):
            steps.append({"id": meta.get("grade_id"), "kind": "test", "source": _source(cell),
                          "names": list(answer_names), "files": files})
        elif is_setup_cell(cell):
            steps.append({"id": meta.get("grade_id"), "kind": "setup", "source": _source(cell)})
    return steps, files


def variant_env(course_root, assignment: str, student: str) -> dict[str, str]:
    """SMMKIT_SUBMITTER and SMMKIT_ASSIGNMENT_KEY for one submission (no key without smmkit.variant)."""
    env = {"SMMKIT_SUBMITTER": str(student)}
    try:
        from smmkit import variant
    except ImportError:  # pragma: no cover - before the variant module existed
        return env
    try:
        env["SMMKIT_ASSIGNMENT_KEY"] = variant.assignment_key(variant.course_secret(course_root), assignment)
    except Exception as exc:  # an unreadable secret must not stop grading; the tests then fail the variant items
        print(f"smmkit: geen opdrachtsleutel ({type(exc).__name__}: {exc})", file=sys.stderr)
    return env


def _message_of(cell):
    """The answers message the extraction published in ``cell`` (the last one), or None."""
    found = None
    for output in cell.get("outputs", []):
        if output.get("output_type") == "display_data" and answers.MIMETYPE in output.get("data", {}):
            found = output["data"][answers.MIMETYPE]
    return found


class TestProcessError(RuntimeError):
    pass


class TestServer:
    """A warm test server (``python -m smmkit.grading.testproc --socket PATH``): pandas and the kit imported once,
    a fresh forked child per job. With a sandbox it runs in bubblewrap like the kernels (``root`` is its only
    writable folder; each job gets a folder under ``root/jobs``). The batch runner starts one per batch, before it
    forks its workers, so every worker's tests skip the imports; the children never run student code."""

    def __init__(self, root: Path, sandbox=None):
        self.root = Path(root)
        (self.root / "jobs").mkdir(parents=True, exist_ok=True)
        self.sandboxed = sandbox is not None
        self.socket = self.root / "tests.sock"
        command = [sys.executable, "-m", "smmkit.grading.testproc", "--socket", str(self.socket)]
        environment = None
        if sandbox is not None:
            from smmkit.grading.sandbox import Sandbox

            box = Sandbox(work=self.root, hide=list(sandbox.hide), hide_files=list(sandbox.hide_files),
                          memory_mb=sandbox.memory_mb, env={"PYTHONSAFEPATH": "1", "NBGRADER_EXECUTION": "autograde"})
            box.prepare()
            (self.root / "tmp").mkdir(exist_ok=True)
            command = box.argv(self.root) + command
        else:
            environment = {k: v for k, v in os.environ.items() if not k.startswith(("JPY_", "JUPYTER_"))}
            environment.update(PYTHONSAFEPATH="1", NBGRADER_EXECUTION="autograde", MPLBACKEND="Agg",
                               HOME=str(self.root), SMMKIT_HOME=str(self.root / ".smmkit"))
        self.owner = os.getpid()
        self.process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, text=True,
                                        encoding="utf-8", env=environment, cwd=self.root)
        line = self.process.stdout.readline()
        try:
            ready = json.loads(line).get("ready") if line else False
        except ValueError:
            ready = False
        if not ready:
            self.close()
            raise TestProcessError("test server did not start")

    def alive(self) -> bool:
        if os.getpid() != self.owner:  # a forked worker: poll() would reap nothing and call it dead (ECHILD)
            try:
                os.kill(self.process.pid, 0)
            except OSError:
                return False
            return self.socket.exists()
        return self.process.poll() is None

    def job_folder(self) -> Path:
        return Path(tempfile.mkdtemp(prefix="job-", dir=self.root / "jobs"))

    def run(self, job: dict, cwd: Path, env: dict, timeout: float | None = None) -> list[dict]:
        import socket

        results = []
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
            connection.settimeout(timeout)
            connection.connect(str(self.socket))
            stream = connection.makefile("rw", encoding="utf-8")
            stream.write(json.dumps({"cwd": str(cwd), "env": env, "job": job}) + "\n")
            stream.flush()
            try:
                for line in stream:
                    results.append(json.loads(line))
            except (socket.timeout, TimeoutError):
                raise TestProcessError(f"langer dan {timeout:.0f} s") from None
        return results

    def close(self) -> None:
        if os.getpid() != self.owner:
            return  # only the process that started the server stops it
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        try:
            self.socket.unlink()
        except OSError:
            pass


_SHARED: TestServer | None = None  # set in the batch runner's parent before it forks workers


def start_shared_server(root: Path, sandbox=None) -> TestServer | None:
    """One warm test server for the workers forked after this call (None if it cannot start: then each
    notebook starts its own test process, as without a server)."""
    global _SHARED
    try:
        _SHARED = TestServer(root, sandbox)
    except (TestProcessError, OSError) as exc:
        print(f"smmkit: testserver niet gestart ({exc}); elk notebook krijgt een eigen testproces", file=sys.stderr)
        _SHARED = None
    return _SHARED


def start_for_course(course, root: Path, memory_mb: int, sandbox: bool) -> TestServer | None:
    """The batch runner's shared server, if the course grades with TwoProcessExecute: sandboxed like the kernels
    (the course folder and the gradebook hidden, the same memory limit) unless ``sandbox`` is False."""
    if not any(isinstance(c, type) and issubclass(c, TwoProcessExecute) for c in course.preprocessors("autograde")):
        return None
    box = None
    if sandbox:
        from smmkit.grading.sandbox import Sandbox

        box = Sandbox(work=Path(root), hide=course.hidden(), memory_mb=memory_mb,
                      hide_files=[p for p in [course.gradebook_file()] if p])
    return start_shared_server(Path(root), box)


def stop_shared_server() -> None:
    global _SHARED
    if _SHARED is not None:
        _SHARED.close()
        _SHARED = None


_WARM: TestServer | None = None


def warm_server() -> TestServer:
    """One warm test server (no sandbox) per grading process: stock ``nbgrader autograde`` with
    ``TwoProcessExecute.warm = True`` grades a class in one process."""
    global _WARM
    if _WARM is None or not _WARM.alive():
        _WARM = TestServer(Path(tempfile.mkdtemp(prefix="smmkit-testserver-")))
        import atexit

        atexit.register(_WARM.close)
    return _WARM


def _log_stages(student: str, seconds: dict) -> None:
    """With SMMKIT_STAGE_LOG=<file>: one JSON line per notebook with the seconds of each stage (benchmark)."""
    path = os.environ.get("SMMKIT_STAGE_LOG")
    if not path:
        return
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(json.dumps({"student": student, **{k: round(v, 4) for k, v in seconds.items()}}) + "\n")


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
        self.stage_seconds["student"] = time.monotonic() - started

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
        self.stage_seconds["extract"] = time.monotonic() - started

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
        self.stage_seconds["tests"] = time.monotonic() - started
        nb.metadata.setdefault("smmkit", {})["stages"] = {k: round(v, 3) for k, v in self.stage_seconds.items()}
        _log_stages(info.get("student", ""), self.stage_seconds)
        return nb, resources

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
        if server is None and _SHARED is not None and _SHARED.alive() and _SHARED.sandboxed == (self.sandbox is not None):
            server = _SHARED
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
