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
        self.kc.shell_channel.send(message)
        outputs = []
        while True:
            try:
                reply = self.kc.get_iopub_msg(timeout=120)
            except queue.Empty:
                raise AssertionError(f"no answer from the kernel for {code!r}") from None
            if reply["parent_header"].get("msg_id") != message["header"]["msg_id"]:
                continue
            kind = reply["msg_type"]
            if kind == "status" and reply["content"]["execution_state"] == "idle":
                return outputs
            if kind in ("stream", "display_data", "execute_result", "error"):
                outputs.append(dict(reply["content"], output_type=kind))

    def stop(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)
