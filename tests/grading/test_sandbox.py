"""The grading sandbox on its own: a real kernel in bubblewrap, driven by nbclient (no nbgrader)."""
from __future__ import annotations

import os
import time
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from smmkit.grading import sandbox
from smmkit.grading.sandbox import Sandbox, SandboxKernelManager, bwrap_path

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.slow, pytest.mark.skipif(bwrap_path() is None, reason="bubblewrap is not installed")]

PROBE = r"""
import os, pathlib, socket, json
seen = {
    "course": sorted(os.listdir(COURSE)),
    "home": os.environ["HOME"],
    "run": sorted(os.listdir("/run")) if os.path.isdir("/run") else [],
    "tmp": sorted(os.listdir("/tmp")),
}
try:
    socket.create_connection(("127.0.0.1", 22), timeout=1)
    seen["net"] = "open"
except OSError as exc:
    seen["net"] = type(exc).__name__
try:
    pathlib.Path(COURSE, "geplant.txt").write_text("x")
    seen["write_course"] = "ok"
except OSError as exc:
    seen["write_course"] = type(exc).__name__
print(json.dumps(seen))
"""


def run_cells(tmp_path: Path, sources: list[str], memory_mb: int = 1024, timeout: int = 10):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(s) for s in sources]
    work = tmp_path / "werk"
    here = work / "opdracht"
    here.mkdir(parents=True)
    box = Sandbox(work=work, hide=[ROOT, tmp_path / "cursus"], memory_mb=memory_mb)
    client = NotebookClient(nb, timeout=timeout, allow_errors=True, interrupt_on_timeout=True,
                            kernel_manager_class=SandboxKernelManager,
                            resources={"metadata": {"path": str(here)}})
    km = client.create_kernel_manager()
    km.use_sandbox(box, here)
    client.km = km
    client.execute()
    return nb, work


def test_the_kernel_sees_no_course_no_network_and_a_throwaway_home(tmp_path):
    course = tmp_path / "cursus"
    (course / "solutions").mkdir(parents=True)
    (course / "gradebook.db").write_text("geheim")
    nb, work = run_cells(tmp_path, [f"COURSE = {str(course)!r}\n" + PROBE, "import smmkit.data\n"
                                    "print(len(smmkit.data.list_datasets()) > 0)"])
    import json

    seen = json.loads(nb.cells[0].outputs[0]["text"])
    assert seen["course"] == [], "the course folder is an empty folder inside"
    assert seen["home"] == str(work / "home")
    assert seen["run"] == [], "no service sockets (PostgreSQL, D-Bus) inside"
    # in /tmp only the way to the work folder and to the kit's own environment, when a clone lives there
    needed = [tmp_path] + [p for p in sandbox._needed() if p.parts[:2] == ("/", "tmp")]
    assert seen["tmp"] == sorted({p.parts[2] for p in needed if len(p.parts) > 2}), "in /tmp only what is needed"
    assert seen["net"] in {"OSError", "ConnectionRefusedError"} or "unreachable" in seen["net"].lower(), seen
    # writing "into the course" lands in the empty in-memory folder, never on disk:
    assert not (course / "geplant.txt").exists()
    assert (course / "gradebook.db").read_text() == "geheim"
    assert nb.cells[1].outputs[0]["text"].strip() == "True", "the kit itself is importable inside"


def test_every_process_the_kernel_started_dies_with_it(tmp_path):
    marker = tmp_path / "werk" / "overleefd"
    nb, _work = run_cells(tmp_path, [
        f"import os\nos.system('setsid sh -c \"sleep 3; touch {marker}\" >/dev/null 2>&1 &')\n"
        f"os.system('(sleep 3; touch {marker}) &')\nprint('gestart')",
    ])
    assert nb.cells[0].outputs[0]["text"].strip() == "gestart"
    time.sleep(5)
    assert not marker.exists(), "a detached process outlived the sandboxed kernel"


def test_memory_limit_and_interrupt(tmp_path):
    nb, _work = run_cells(tmp_path, ["x = bytearray(3_000_000_000)", "import time\nwhile True: time.sleep(0.1)",
                                     "print('verder')"], memory_mb=1024, timeout=3)
    assert nb.cells[0].outputs[-1]["ename"] == "MemoryError"
    assert any(o.get("ename") == "KeyboardInterrupt" for o in nb.cells[1].outputs), nb.cells[1].outputs
    assert nb.cells[2].outputs[0]["text"].strip() == "verder", "the interrupt reached the kernel inside"


def test_no_sandbox_without_bwrap(monkeypatch):
    from smmkit.grading import batch

    monkeypatch.setattr("smmkit.grading.sandbox.bwrap_path", lambda: None)
    with pytest.raises(SystemExit, match="bubblewrap"):
        batch.autograde(ROOT, "h01-introductie")
    assert os.path.exists(ROOT / "nbgrader_config.py")
