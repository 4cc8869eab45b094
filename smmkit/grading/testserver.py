"""The warm test server of :mod:`smmkit.grading.twoproc`: one process that imported pandas and the kit,
forking a fresh child per submission (design note §2.3). The children never run student code.

:class:`TestServer` starts ``python -m smmkit.grading.testproc --socket PATH`` (in bubblewrap like the
kernels when given a sandbox) and sends it jobs; :func:`start_for_course` is the batch runner's shared
server (started before it forks its workers), :func:`warm_server` the one of a stock ``nbgrader autograde``
process with ``TwoProcessExecute.warm = True``.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

class TestProcessError(RuntimeError):
    pass


class TestServer:
    """A warm test server (``python -m smmkit.grading.testproc --socket PATH``): pandas and the kit imported once,
    a fresh forked child per job. With a sandbox it runs in bubblewrap like the kernels (``root`` is its only
    writable folder; each job gets a folder under ``root/jobs``). The batch runner starts one per batch, before it
    forks its workers, so every worker's tests skip the imports; the children never run student code."""

    def __init__(self, root: Path, sandbox=None, wait: bool = True):
        self.root = Path(root)
        (self.root / "jobs").mkdir(parents=True, exist_ok=True)
        self.sandboxed = sandbox is not None
        self.socket = self.root / "tests.sock"
        command = [sys.executable, "-m", "smmkit.grading.testproc", "--socket", str(self.socket)]
        environment = None
        if sandbox is not None:
            from smmkit.grading.sandbox import Sandbox

            box = Sandbox(work=self.root, hide=list(sandbox.hide), hide_files=list(sandbox.hide_files),
                          memory_mb=sandbox.memory_mb, env={"PYTHONSAFEPATH": "1", "NBGRADER_EXECUTION": "autograde"},
                          pycache_writable=True)  # it never runs student code: it fills the bytecode cache
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
        self.ready = False
        if wait:
            self.wait_ready()

    def wait_ready(self) -> None:
        """Wait for the server's "ready" line (``wait=False`` lets the caller do other work meanwhile)."""
        if self.ready:
            return
        line = self.process.stdout.readline()
        try:
            self.ready = bool(json.loads(line).get("ready")) if line else False
        except ValueError:
            self.ready = False
        if not self.ready:
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


def start_shared_server(root: Path, sandbox=None, wait: bool = True) -> TestServer | None:
    """One warm test server for the workers forked after this call (None if it cannot start: then each
    notebook starts its own test process, as without a server). ``wait=False``: started, not yet ready; call
    :func:`shared_server_ready` before forking the workers."""
    global _SHARED
    try:
        _SHARED = TestServer(root, sandbox, wait=wait)
    except (TestProcessError, OSError) as exc:
        _not_started(exc)
    return _SHARED


def shared_server_ready() -> TestServer | None:
    """Wait until the shared server (started with ``wait=False``) is ready; None if it did not start."""
    if _SHARED is not None:
        try:
            _SHARED.wait_ready()
        except (TestProcessError, OSError) as exc:
            _not_started(exc)
    return _SHARED


def _not_started(exc) -> None:
    global _SHARED
    print(f"smmkit: testserver niet gestart ({exc}); elk notebook krijgt een eigen testproces", file=sys.stderr)
    _SHARED = None


def start_for_course(course, root: Path, memory_mb: int, sandbox: bool, wait: bool = True) -> TestServer | None:
    """The batch runner's shared server, if the course grades with TwoProcessExecute: sandboxed like the kernels
    (the course folder and the gradebook hidden, the same memory limit) unless ``sandbox`` is False.
    ``wait=False``: see :func:`start_shared_server`."""
    from smmkit.grading.twoproc import TwoProcessExecute

    if not any(isinstance(c, type) and issubclass(c, TwoProcessExecute) for c in course.preprocessors("autograde")):
        return None
    box = None
    if sandbox:
        from smmkit.grading.sandbox import Sandbox

        from smmkit.grading import sandbox as sandboxing

        box = Sandbox(work=Path(root), hide=course.hidden(), memory_mb=memory_mb,
                      hide_files=[p for p in [course.gradebook_file()] if p])
        # filled by the server below (what is missing), read-only for the kernels; kept for the next batch
        sandboxing.use_pycache(sandboxing.lasting_pycache() or Path(root) / "pycache")
    return start_shared_server(Path(root), box, wait=wait)


def stop_shared_server() -> None:
    global _SHARED
    from smmkit.grading import sandbox as sandboxing

    sandboxing.use_pycache(None)
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
