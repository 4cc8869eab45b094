"""nbgrader's Execute preprocessor, hardened for untrusted student notebooks.

Stock behaviour on a cell that runs too long: interrupt the kernel and go on. A loop that
catches ``KeyboardInterrupt`` ignores that interrupt, so every following cell waits for the
full timeout as well. ``SafeExecute`` asks the kernel, after the interrupt, whether it answers
again within ``interrupt_grace`` seconds; if not, it kills the kernel and marks the remaining
code cells as not run (they score 0, the notebook is still graded and written out).
It also cuts a cell's output while it arrives (``max_output_chars``), so a print loop cannot
fill the grader's memory before ``LimitOutput`` gets to trim it. ``cell_timeouts`` counts the
cells that hit the per-cell ``timeout`` in the last ``preprocess``: the batch runner grades such a
notebook again at the end of the batch, with a longer limit (``--retry-timeout-factor``).

Given a :class:`smmkit.grading.sandbox.Sandbox` (attribute ``sandbox``, set by the batch runner),
the kernel runs inside bubblewrap. :class:`Replay` is the stand-in for ``SafeExecute`` when the
batch runner lets stock nbgrader write the gradebook: the notebook was already executed in the
sandbox by a worker, so Replay only puts those outputs back (after checking that every cell is the
same) and nbgrader's own preprocessors do the rest.
"""
from __future__ import annotations

import json
from queue import Empty
from time import monotonic

from nbclient.exceptions import DeadKernelError
from nbclient.util import run_sync
from nbformat.v4 import new_output
from traitlets import Float, Integer, Unicode

from nbgrader.preprocessors.execute import Execute

try:  # nbclient's helper to await both sync and async client methods
    from jupyter_core.utils import ensure_async
except ImportError:  # pragma: no cover - older jupyter_core
    from nbclient.util import ensure_async

from smmkit import messages

# ename of the error output a cell gets when its kernel was stopped; the text is Dutch (batch.kernel_died, …)
KERNEL_STOPPED = "KernelStopped"


class SafeExecute(Execute):
    """Execute with a kill switch for kernels that ignore interrupts and an output cap."""

    interrupt_grace = Float(
        3.0, help="Seconds a kernel gets to answer after an interrupt before it is killed."
    ).tag(config=True)

    max_output_chars = Integer(
        20000, help="Maximum characters of stream output kept per cell while executing (-1: no cap)."
    ).tag(config=True)

    max_cell_output_bytes = Integer(
        2_000_000, help="Maximum size of all outputs of one cell (every type: stream, display_data, "
                        "execute_result, error, widget state) kept while executing (-1: no cap)."
    ).tag(config=True)

    max_notebook_output_bytes = Integer(
        20_000_000, help="Maximum size of all outputs of the notebook kept while executing (-1: no cap)."
    ).tag(config=True)

    sandbox = None  # a smmkit.grading.sandbox.Sandbox: run the kernel inside bubblewrap
    sandbox_cwd = None

    def create_kernel_manager(self):
        if self.sandbox is None:
            return super().create_kernel_manager()
        from smmkit.grading.sandbox import SandboxKernelManager

        self.kernel_manager_class = SandboxKernelManager
        km = super().create_kernel_manager()
        km.use_sandbox(self.sandbox, self.sandbox_cwd or self.sandbox.work)
        return km

    def preprocess(self, nb, resources=None, km=None):
        self._kernel_gone = False
        self._timed_out = False
        self._chars = {}
        self._bytes = {}  # cell index -> bytes of output kept
        self._capped = set()  # cells that got the note that their output was cut
        self._notebook_bytes = 0
        self.cell_timeouts = 0
        return super().preprocess(nb, resources, km=km)

    async def _async_handle_timeout(self, timeout, cell=None):
        self._timed_out = True
        self.cell_timeouts += 1  # the batch grades such a notebook once more with a longer limit
        return await super()._async_handle_timeout(timeout, cell)

    async def _kernel_answers(self, grace: float) -> bool:
        """Send kernel_info and wait up to ``grace`` seconds for the matching reply."""
        msg_id = self.kc.kernel_info()
        deadline = monotonic() + grace
        while (left := deadline - monotonic()) > 0:
            try:
                reply = await ensure_async(self.kc.shell_channel.get_msg(timeout=left))
            except Empty:
                return False
            if reply.get("parent_header", {}).get("msg_id") == msg_id:
                return True
        return False

    async def _stop_kernel(self) -> None:
        self.log.error("Kernel answers no more after an interrupt: killing it.")
        self._kernel_gone = True
        try:
            await ensure_async(self.km.shutdown_kernel(now=True))
        except Exception as exc:  # pragma: no cover - best effort
            self.log.warning("Could not shut the kernel down cleanly: %s", exc)

    async def async_execute_cell(self, cell, cell_index, execution_count=None, store_history=True):
        if cell.cell_type != "code" or not cell.source.strip():
            return await super().async_execute_cell(cell, cell_index, execution_count, store_history)
        if self._timed_out and not self._kernel_gone:
            self._timed_out = False
            if not await self._kernel_answers(self.interrupt_grace):
                await self._stop_kernel()
        if self._kernel_gone:
            return _mark(cell, messages.msg("batch.cell_skipped"))
        try:
            return await super().async_execute_cell(cell, cell_index, execution_count, store_history)
        except DeadKernelError:
            self.log.error("Kernel died in cell %s; the remaining cells are not run.", cell_index)
            self._kernel_gone = True
            return _mark(cell, messages.msg("batch.kernel_died"))

    execute_cell = run_sync(async_execute_cell)

    def _budget(self, cell_index: int, size: int) -> str | None:
        """None if ``size`` more bytes of output fit in the cell's and the notebook's budget, else the note."""
        cell_used = self._bytes.get(cell_index, 0)
        if 0 <= self.max_notebook_output_bytes < self._notebook_bytes + size:
            return messages.msg("twoproc.notebook_capped", limit=_human(self.max_notebook_output_bytes))
        if 0 <= self.max_cell_output_bytes < cell_used + size:
            return messages.msg("twoproc.output_capped", limit=_human(self.max_cell_output_bytes))
        self._bytes[cell_index] = cell_used + size
        self._notebook_bytes += size
        return None

    def handle_comm_msg(self, outs, msg, cell_index):
        data = msg["content"].get("data") or {}
        if self._budget(cell_index, _size(data)) is not None:  # widget state counts too
            return None
        return super().handle_comm_msg(outs, msg, cell_index)

    def output(self, outs, msg, display_id, cell_index):
        kind = msg["msg_type"]
        content = msg["content"]
        if kind == "error":  # never dropped (a failed test must stay failed), only shortened
            content["evalue"] = str(content.get("evalue", ""))[:ERROR_CHARS]
            traceback = [str(line)[:ERROR_CHARS] for line in content.get("traceback", [])[:200]]
            while sum(map(len, traceback)) > ERROR_CHARS and len(traceback) > 1:
                traceback.pop(len(traceback) // 2)
            content["traceback"] = traceback
            self._budget(cell_index, 0)
            return super().output(outs, msg, display_id, cell_index)
        size = len(content.get("text", "")) if kind == "stream" else _size(content.get("data"))
        note = self._budget(cell_index, min(size, self.max_output_chars) if kind == "stream" and
                            self.max_output_chars >= 0 else size)
        if note is not None:
            if cell_index in self._capped:
                return None
            self._capped.add(cell_index)
            out = new_output("stream", name="stdout", text=note)  # stderr would zero a test cell
            outs.append(out)
            return out
        if self.max_output_chars >= 0 and msg["msg_type"] == "stream":
            used = self._chars.get(cell_index, 0)
            text = msg["content"].get("text", "")
            if used >= self.max_output_chars:
                return None
            if used + len(text) > self.max_output_chars:
                msg["content"]["text"] = text[: self.max_output_chars - used] + messages.msg(
                    "batch.output_truncated", limit=self.max_output_chars)
                self._chars[cell_index] = self.max_output_chars
            else:
                self._chars[cell_index] = used + len(text)
        return super().output(outs, msg, display_id, cell_index)


ERROR_CHARS = 20000  # characters of an error's text and of its traceback kept


def _size(data) -> int:
    try:
        return len(json.dumps(data)) if data is not None else 0
    except (TypeError, ValueError):
        return 1 << 40


def _human(size: int) -> str:
    return f"{size / 1_000_000:g} MB" if size >= 1_000_000 else f"{size} bytes"


def _mark(cell, text):
    """Give a code cell one error output, so nbgrader scores it as failed (the student reads only ``text``)."""
    cell.outputs = [new_output("error", ename=KERNEL_STOPPED, evalue=text, traceback=[text])]
    return cell


class Replay(Execute):
    """Put back the outputs of a notebook that a sandboxed worker already executed (no kernel here).

    ``staging`` is the folder with ``<student>/<notebook>.ipynb``. A notebook whose cells differ from
    what nbgrader prepared (cell type or source) is an error: nothing is graded from a mismatch.
    Notes of the worker (``metadata.smmkit.notes``, e.g. a missing saved-work file) become one
    markdown cell at the top, so the student's feedback shows them.
    """

    staging = Unicode("", help="Folder with the executed notebooks, <student>/<notebook>.ipynb.").tag(config=True)

    def preprocess(self, nb, resources=None, km=None):
        import os

        import nbformat

        info = resources["nbgrader"]
        path = os.path.join(self.staging, info["student"], info["notebook"] + ".ipynb")
        done = nbformat.read(path, as_version=4)
        notes = done.metadata.get("smmkit", {}).get("notes", [])
        cells = [c for c in done.cells if not c.metadata.get("smmkit_note")]
        if len(cells) != len(nb.cells):
            raise RuntimeError(f"executed notebook has {len(cells)} cells, expected {len(nb.cells)}")
        for mine, ran in zip(nb.cells, cells):
            if mine.cell_type != ran.cell_type or mine.source != ran.source:
                raise RuntimeError("executed notebook differs from the prepared one")
            if mine.cell_type == "code":
                mine.outputs = ran.outputs
                mine.execution_count = ran.execution_count
        if notes:
            from nbformat.v4 import new_markdown_cell

            note = new_markdown_cell("\n\n".join(notes))
            note.metadata["smmkit_note"] = True
            nb.cells.insert(0, note)
        return nb, resources
