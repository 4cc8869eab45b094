"""The test process of :mod:`smmkit.grading.twoproc`: plain Python that never runs student code.

``python -m smmkit.grading.testproc`` reads one job (JSON) on stdin::

    {"steps": [{"id": grade_id, "kind": "setup" | "test", "source": teacher's cell source,
                "names": [answer names], "answers": message of smmkit.grading.answers.emit or null,
                "missing": Dutch reason when there are no answers}],
     "timeout": seconds per cell, "max_chars": output characters kept per cell}

and runs the steps in order in one namespace: a *setup* step is a locked cell of the source notebook
(imports, ``load(...)``, ``casus = variant.mine(...)``); a *test* step first binds the decoded answers
(:func:`smmkit.grading.answers.decode`) and writes the saved-work files that came with them into the
working folder, then runs the visible check and the hidden asserts. For every test step it writes one
JSON line ``{"id": ..., "outputs": [...]}`` on its stdout: stream and error outputs only (no
execute_result: partial credit cannot outrank a failed assert). Setup steps only report an error.

:func:`serve_socket` (``--socket PATH``) is the same runner as a warm server: it imports pandas and the
kit once, then forks a fresh child per connection (copy-on-write), so a submission's tests start in
milliseconds instead of seconds.
"""
from __future__ import annotations

import io
import json
import linecache
import os
import signal
import sys
import time
import traceback

MAX_CHARS = 20000


class CellTimeout(Exception):
    """A cell of the test process ran longer than its limit (the grader counts it like a kernel cell timeout)."""


class _Capped(io.StringIO):
    def __init__(self, limit: int):
        super().__init__()
        self.limit, self.used, self.cut = limit, 0, False

    def write(self, text):
        text = str(text)
        if self.used >= self.limit:
            self.cut = True
            return len(text)
        keep = text[: self.limit - self.used]
        self.used += len(keep)
        if len(keep) < len(text):
            self.cut = True
        return super().write(keep)


def _python(source: str) -> str:
    """Cell source as Python (IPython magics translated; they are rare in locked cells)."""
    if any(line.lstrip().startswith(("%", "!")) for line in source.splitlines()):
        from IPython.core.inputtransformer2 import TransformerManager

        return TransformerManager().transform_cell(source)
    return source


def _error(exc: BaseException, filename: str, extra: str = "") -> dict:
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.startswith("<cel ")
              or "smmkit/grading/testproc.py" not in f.filename]
    lines = ["Traceback (most recent call last):\n"] + traceback.format_list(frames) + \
        traceback.format_exception_only(type(exc), exc)
    evalue = str(exc) + (("\n" + extra) if extra else "")
    return {"output_type": "error", "ename": type(exc).__name__, "evalue": evalue,
            "traceback": [line.rstrip("\n") for line in "".join(lines).splitlines()] + ([extra] if extra else [])}


DUTCH_ERROR = "CheckFailed"  # ename whose evalue the kit's feedback shows as is (a Dutch text, no code)


def _dutch(text: str) -> dict:
    return {"output_type": "error", "ename": DUTCH_ERROR, "evalue": text, "traceback": [text]}


def _alarm(_signum, _frame):
    raise CellTimeout("de test duurde te lang (tijdslimiet per cel van het testproces)")


def run_step(step: dict, namespace: dict, timeout: float, max_chars: int) -> list[dict]:
    from smmkit.grading import answers

    kind = step.get("kind")
    filename = f"<cel {step.get('id')}>"
    markers = []
    if kind == "test":
        if step.get("answers") is None:
            text = step.get("missing") or "no answers"
            return [_dutch(text)]
        for name in step.get("names", []):
            namespace.pop(name, None)
        values, files, problems = answers.decode(step["answers"])
        if problems:
            return [_dutch(" ".join(problems))]
        names = set(step.get("names", []))
        for name, value in values.items():
            if name in names:
                namespace[name] = value
                if isinstance(value, answers.NotPlainData):
                    markers.append(repr(value))
        for name, text in files.items():
            if name in step.get("files", []):
                _write_regular(name, text)
    source = _python(step.get("source", ""))
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    out, err = _Capped(max_chars), _Capped(max_chars)
    saved = sys.stdout, sys.stderr
    outputs: list[dict] = []
    signal.signal(signal.SIGALRM, _alarm)
    try:
        sys.stdout, sys.stderr = out, err
        if timeout and timeout > 0:
            signal.setitimer(signal.ITIMER_REAL, timeout)
        exec(compile(source, filename, "exec"), namespace)  # noqa: S102 - the teacher's locked cells only
    except BaseException as exc:  # SystemExit and KeyboardInterrupt too: one cell, one error
        signal.setitimer(signal.ITIMER_REAL, 0)
        sys.stdout, sys.stderr = saved
        if isinstance(exc, CellTimeout):
            outputs = [_error(exc, filename)]
        elif markers:  # the item failed with an answer that was no plain data: say that, in Dutch
            outputs = [_dutch("\n".join(m.split(": ", 1)[-1].rstrip(">") for m in markers))]
        else:
            outputs = [_error(exc, filename)]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        sys.stdout, sys.stderr = saved
    streams = []
    for name, buffer in (("stdout", out), ("stderr", err)):
        text = buffer.getvalue()
        if buffer.cut:
            from smmkit.messages import msg

            text += msg("batch.output_truncated", limit=max_chars)
        if text:
            streams.append({"output_type": "stream", "name": name, "text": text})
    return streams + outputs


def _write_regular(name: str, text: str) -> None:
    """A saved-work file in the working folder, as a regular file (never through a link)."""
    try:
        os.unlink(name)
    except FileNotFoundError:
        pass
    fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)


def run_job(job: dict, report) -> None:
    """Run every step of ``job``; ``report(line_dict)`` gets one result per step."""
    namespace: dict = {"__name__": "__main__", "__builtins__": __builtins__}
    timeout = float(job.get("timeout") or 0)
    max_chars = int(job.get("max_chars") or MAX_CHARS)
    spent = {"setup": 0.0, "run": 0.0}  # seconds in the locked set-up cells and in the tests (benchmark profile)
    for step in job.get("steps", []):
        started = time.monotonic()
        outputs = run_step(step, namespace, timeout, max_chars)
        spent["run" if step.get("kind") == "test" else "setup"] += time.monotonic() - started
        if step.get("kind") == "test" or any(o["output_type"] == "error" for o in outputs):
            report({"id": step.get("id"), "kind": step.get("kind"), "outputs": outputs})
    report({"kind": "timing", **{k: round(v, 4) for k, v in spent.items()}})


def _protocol_stream():
    """The real stdout for results; fd 1 itself goes to /dev/null so stray C-level writes cannot mix in."""
    out = os.fdopen(os.dup(1), "w", encoding="utf-8")
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.close(null)
    return out


def main() -> int:
    os.environ.setdefault("NBGRADER_EXECUTION", "autograde")
    os.environ.setdefault("MPLBACKEND", "Agg")
    job = json.loads(sys.stdin.read())
    proto = _protocol_stream()

    def report(line):
        proto.write(json.dumps(line, ensure_ascii=False) + "\n")
        proto.flush()

    run_job(job, report)
    proto.flush()
    return 0


def preload() -> None:
    """What every job imports anyway: loaded once in a warm server."""
    import numpy  # noqa: F401
    import pandas  # noqa: F401

    import smmkit.check  # noqa: F401
    import smmkit.data  # noqa: F401
    from smmkit.grading import answers  # noqa: F401
    try:  # the first chart of a process costs seconds (fonts, backends): draw one here, once
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        import importlib

        import smmkit.plots  # noqa: F401
        import smmkit.widgets

        for module in sorted(set(getattr(smmkit.widgets, "_WIDGETS", {}).values())):  # every widget of the kit
            importlib.import_module(f"smmkit.widgets.{module}")

        figure, axes = plt.subplots()
        axes.bar(["a", "b"], [1, 2])
        axes.set_title("warm")
        figure.canvas.draw()
        plt.close(figure)
    except Exception:  # pragma: no cover - widgets optional
        pass
    if os.environ.get("PYTHONPYCACHEPREFIX"):  # the batch's bytecode cache: what every student's kernel imports too
        fill_kernel_cache()


# What a grading kernel imports beyond the server's own modules: found by letting a sandboxed kernel run a
# submission with the cache writable and listing the .pyc files it added (tests/grading/test_twoproc.py).
KERNEL_MODULES = ("ipykernel.debugger", "ipykernel.ipkernel", "ipykernel.kernelapp", "ipykernel.zmqshell",
                  "ipykernel.comm", "matplotlib_inline.backend_inline", "IPython.core.completerlib",
                  "IPython.core.debugger", "IPython.core.logger", "IPython.core.oinspect",
                  "IPython.extensions.storemagic", "IPython.utils.wildcard", "tornado.gen", "tornado.locks",
                  "tornado.queues", "tornado.platform.asyncio", "sqlite3", "pdb", "bdb", "cmd", "code", "pydoc",
                  "email.parser", "encodings.ascii", "encodings.idna", "encodings.latin_1", "importlib.readers",
                  "pandas.io.formats.html", "pandas.io.formats.string", "smmkit.safetynet", "smmkit.variant",
                  "smmkit.progress", "smmkit.datasets", "stack_data", "pygments.console", "pygments.formatters",
                  "pygments.formatters.terminal256", "pygments.formatters.terminal", "pygments.styles.default",
                  "psutil")  # ipykernel imports psutil lazily (a full CI run's kernel compiled its 5 modules)


def fill_kernel_cache() -> None:
    """Import :data:`KERNEL_MODULES` and the whole message catalogue (``msg`` loads it on first use), so that
    the bytecode cache holds them before any student's kernel starts."""
    import importlib

    for name in KERNEL_MODULES:
        try:
            importlib.import_module(name)
        except Exception:  # pragma: no cover - a kernel that misses one compiles it itself
            pass
    try:
        from smmkit import messages

        messages.catalogue()
    except Exception:  # pragma: no cover
        pass


def serve_socket(path: str) -> int:
    """Warm server on a Unix socket: preload once, then fork a fresh child per connection. A connection sends
    one line ``{"cwd": folder, "env": {...}, "job": {...}}`` and reads the result lines until the child closes it.
    Workers of a batch share one server (each child is a new copy-on-write process that never ran student code)."""
    import socket

    os.environ.setdefault("NBGRADER_EXECUTION", "autograde")
    os.environ.setdefault("MPLBACKEND", "Agg")
    preload()
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the system
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen(64)
    ready = _protocol_stream()
    ready.write(json.dumps({"ready": True}) + "\n")
    ready.flush()
    while True:
        connection, _address = listener.accept()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - child
            code = 1
            try:
                listener.close()
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                stream = connection.makefile("rw", encoding="utf-8")
                request = json.loads(stream.readline())
                os.chdir(request["cwd"])
                os.environ.update({str(k): str(v) for k, v in (request.get("env") or {}).items()})

                def report(result, _out=stream):
                    _out.write(json.dumps(result, ensure_ascii=False) + "\n")
                    _out.flush()

                run_job(request["job"], report)
                stream.flush()
                code = 0
            finally:
                os._exit(code)
        connection.close()


if __name__ == "__main__":
    if sys.argv[1:2] == ["--socket"]:
        sys.exit(serve_socket(sys.argv[2]))
    sys.exit(main())
