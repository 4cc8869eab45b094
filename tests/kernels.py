"""A real IPython kernel driven the way JupyterLab drives it (for tests that need what a cell run does).

``run`` sends an ``execute_request`` with the cell's id in its metadata (as Lab does) and returns the
outputs it published (stream, display_data, execute_result, error) until the kernel is idle.
``notebook``: the file Jupyter Server names in ``JPY_SESSION_NAME``; the kernel starts in its folder.
"""
from __future__ import annotations

import os
import queue

from jupyter_client.manager import start_new_kernel


class Kernel:
    def __init__(self, notebook=None):
        env = dict(os.environ)
        env.pop("JPY_SESSION_NAME", None)
        if notebook is not None:
            env["JPY_SESSION_NAME"] = str(notebook)
        self.km, self.kc = start_new_kernel(kernel_name="python3", env=env,
                                            cwd=str(notebook.parent) if notebook else None)

    def run(self, code: str, cell_id: str | None = None) -> list[dict]:
        content = dict(code=code, silent=False, store_history=True, user_expressions={}, allow_stdin=False,
                       stop_on_error=False)
        message = self.kc.session.msg("execute_request", content, metadata={"cellId": cell_id} if cell_id else {})
        replies = self.send(message, timeout=120, what=repr(code))
        return [dict(r["content"], output_type=r["msg_type"]) for r in replies
                if r["msg_type"] in ("stream", "display_data", "execute_result", "error")]

    def send(self, message, timeout: float, what: str) -> list[dict]:
        """Send ``message`` on the shell channel; every iopub message it caused, until the kernel is idle."""
        self.kc.shell_channel.send(message)
        published = []
        while True:
            try:
                reply = self.kc.get_iopub_msg(timeout=timeout)
            except queue.Empty:
                raise AssertionError(f"no idle status after {what}") from None
            if reply["parent_header"].get("msg_id") != message["header"]["msg_id"]:
                continue
            if reply["msg_type"] == "status" and reply["content"]["execution_state"] == "idle":
                return published
            if reply["msg_type"] != "status":
                published.append(reply)

    def stop(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)
