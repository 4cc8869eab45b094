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
    "course": sorted(os.listdir(COURSE)) if os.path.isdir(COURSE) else [],
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


def run_cells(tmp_path: Path, sources: list[str], memory_mb: int = 1024, timeout: int = 40, limits=None,
              work: Path | None = None, files: dict | None = None, work_bytes: int = sandbox.WORK_BYTES,
              ipc_dir: Path | None = None):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(s) for s in sources]
    work = work or tmp_path / "werk"
    here = work / "opdracht"
    here.mkdir(parents=True)
    for name, data in (files or {}).items():
        (here / name).write_text(data)
    box = Sandbox(work=work, hide=[ROOT, tmp_path / "cursus"], memory_mb=memory_mb, limits=limits,
                  work_bytes=work_bytes, ipc_dir=ipc_dir)
    client = NotebookClient(nb, timeout=timeout, allow_errors=True, interrupt_on_timeout=True,
                            kernel_manager_class=SandboxKernelManager,
                            resources={"metadata": {"path": str(here)}})
    km = client.create_kernel_manager()
    km.use_sandbox(box, here)
    client.km = km
    try:
        client.execute()
    finally:
        if limits is not None:
            limits.remove(wait=5)
    return nb, work


def text_of(cell) -> str:
    return "".join(o.get("text", "") for o in cell.outputs if o.get("output_type") == "stream")


def test_the_kernel_sees_no_course_no_network_and_a_throwaway_home(tmp_path):
    course = tmp_path / "cursus"
    (course / "solutions").mkdir(parents=True)
    (course / "gradebook.db").write_text("geheim")
    nb, work = run_cells(tmp_path, [f"COURSE = {str(course)!r}\n" + PROBE, "import smmkit.data\n"
                                    "print(len(smmkit.data.list_datasets()) > 0)"])
    import json

    seen = json.loads(nb.cells[0].outputs[0]["text"])
    assert seen["course"] == [], "the course folder does not exist inside"
    assert seen["home"] == str(work / "home")
    assert seen["run"] == [], "no service sockets (PostgreSQL, D-Bus) inside"
    # in /tmp only the way to the work folder and to the kit's own environment, when a clone lives there
    needed = [tmp_path] + [p for p in sandbox._needed() if p.parts[:2] == ("/", "tmp")]
    assert seen["tmp"] == sorted({p.parts[2] for p in needed if len(p.parts) > 2}), "in /tmp only what is needed"
    assert seen["net"] in {"OSError", "ConnectionRefusedError"} or "unreachable" in seen["net"].lower(), seen
    # writing "into the course" fails or lands in memory, never on disk:
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


# --- issue #23: an allow-list instead of / minus a denylist, per-sandbox limits ---------------------

SEEK = r"""
import os
for path in PATHS:
    try:
        print(path, "gelezen:", open(path).read()[:40])
    except OSError as exc:
        print(path, "niet leesbaar:", type(exc).__name__)
"""


@pytest.fixture
def elsewhere():
    """Another checkout of the kit under /opt (its solutions/ copied from this repository) and a batch
    folder with a finished classmate's notebook under a TMPDIR outside /tmp (also under /opt)."""
    import shutil
    import tempfile

    base = Path(tempfile.mkdtemp(prefix="smmkit-test-", dir="/opt" if os.access("/opt", os.W_OK) else "/srv"))
    try:
        shutil.copytree(ROOT / "solutions", base / "smmkit" / "solutions")
        (base / "smmkit" / "nbgrader_config.py").write_text("c = get_config()\n")
        batch = base / "tmp" / "smmkit-nakijken-abc"
        (batch / "uit" / "klasgenoot").mkdir(parents=True)
        (batch / "uit" / "klasgenoot" / "h01-introductie.ipynb").write_text('{"klasgenoot": "antwoorden"}')
        yield base, batch
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_another_checkout_and_the_batch_folder_are_not_readable(tmp_path, elsewhere):
    base, batch = elsewhere
    solution = next((base / "smmkit" / "solutions").glob("*/*.ipynb"))
    paths = [str(solution), str(base / "smmkit" / "nbgrader_config.py"),
             str(batch / "uit" / "klasgenoot" / "h01-introductie.ipynb")]
    nb, _work = run_cells(tmp_path, [f"PATHS = {paths!r}\n" + SEEK,
                                     f"import os\nprint(sorted(os.listdir({str(batch)!r})))"],
                          work=batch / "w1")
    out = text_of(nb.cells[0])
    assert "gelezen" not in out, out
    assert out.count("niet leesbaar") == 3, out
    assert text_of(nb.cells[1]).strip() == "['w1']", "of the batch folder only the own work folder exists"


def test_the_work_folder_gets_the_submission_files_and_is_size_limited(tmp_path):
    nb, work = run_cells(tmp_path, [
        "print(open('gegevens.csv').read().strip())",
        "import os\nos.makedirs('dicht')\n"
        "try:\n"
        "    with open('dicht/vol.bin', 'wb') as f:\n"
        "        for _ in range(100): f.write(b'x' * 1_000_000)\n"
        "except OSError as exc:\n"
        "    print('vol:', exc.errno)\n"
        "os.chmod('dicht', 0)",
        "try:\n"
        "    open('/dev/shm/x', 'wb').write(b'x' * 100_000_000)\n"
        "except OSError as exc:\n"
        "    print('shm vol:', exc.errno)",
    ], files={"gegevens.csv": "kanaal,aandeel\n"}, memory_mb=2048, work_bytes=32 * 1024 * 1024)
    import errno

    assert text_of(nb.cells[0]).strip() == "kanaal,aandeel", "the submission's files are copied in"
    assert text_of(nb.cells[1]).strip() == f"vol: {errno.ENOSPC}", nb.cells[1].outputs
    assert text_of(nb.cells[2]).strip() == f"shm vol: {errno.ENOSPC}", nb.cells[2].outputs
    assert not (work / "opdracht" / "dicht").exists(), "what the kernel wrote stayed in memory"


def test_without_cgroups_the_mode_is_empty(monkeypatch):
    monkeypatch.setenv("SMMKIT_CGROUP_MODE", "none")
    assert sandbox.detect_limits(1024).mode == ""


def test_systemd_scope_carries_the_limits():
    limits = sandbox.Limits("systemd", 512, pids=64, cpus=1.0)
    prefix = limits.prefix()
    assert "--scope" in prefix and f"MemoryMax={512 * 1024 * 1024}" in prefix
    assert "TasksMax=64" in prefix and "CPUQuota=100%" in prefix and prefix[-1] == "--"


LIMITS = sandbox.detect_limits(256)
needs_cgroups = pytest.mark.skipif(not LIMITS.mode, reason="no cgroup v1/v2 or systemd scope on this machine")

FORK_LOOP = """
import os, time
made = 0
try:
    while made < 5000:
        if os.fork() == 0:
            time.sleep(30)
            os._exit(0)
        made += 1
except OSError as exc:
    print("gestopt na", made, exc.errno)
"""
SHM_AND_CHILDREN = """
import os, time
open('/dev/shm/blok', 'wb').write(b'x' * 60_000_000)
kids = []
for _ in range(5):
    pid = os.fork()
    if pid == 0:
        b = bytearray(80_000_000)
        for i in range(0, len(b), 4096):
            b[i] = 1
        time.sleep(2)
        os._exit(0)
    kids.append(pid)
print(sorted(os.waitstatus_to_exitcode(os.waitpid(p, 0)[1]) for p in kids))
"""


@needs_cgroups
def test_a_fork_loop_stops_at_the_pids_limit_and_the_host_can_still_fork(tmp_path):
    limits = LIMITS.child(memory_mb=1024)
    nb, _work = run_cells(tmp_path, [FORK_LOOP, "print('verder')"], limits=limits, timeout=60)
    out = text_of(nb.cells[0])
    assert out.startswith("gestopt na"), nb.cells[0].outputs
    assert int(out.split()[2]) < sandbox.PIDS_MAX, out
    import subprocess

    assert subprocess.run(["true"]).returncode == 0
    assert text_of(nb.cells[1]).strip() == "verder"
    assert not limits.dirs, "the groups are removed"


@needs_cgroups
def test_dev_shm_and_children_count_against_the_memory_limit(tmp_path):
    """300 MB for the sandbox: 60 MB in /dev/shm plus five children of 80 MB cannot all fit, though each
    process stays far below the per-process limit (1024 MB of address space)."""
    limits = LIMITS.child(memory_mb=300)
    nb, _work = run_cells(tmp_path, [SHM_AND_CHILDREN], memory_mb=1024, limits=limits, timeout=60)
    codes = text_of(nb.cells[0]) + "".join(o.get("ename", "") for o in nb.cells[0].outputs)
    assert "-9" in codes or "DeadKernel" in codes or nb.cells[0].outputs == [], nb.cells[0].outputs


@needs_cgroups
def test_the_sockets_folder_is_in_memory_and_counts_against_the_limit(tmp_path):
    """The sockets' folder is the one folder the kernel shares with the host: with cgroups it lies in the
    host's /dev/shm, so filling it costs the sandbox memory, never the teacher's disk."""
    import shutil

    ipc = sandbox.shm_ipc_dir()
    assert ipc is not None and str(ipc).startswith("/dev/shm/")
    fill = ("import os\nmb = 0\ntry:\n"
            "    with open(os.path.join(os.environ['JUPYTER_RUNTIME_DIR'], 'vol.bin'), 'wb') as f:\n"
            "        for _ in range(400):\n"
            "            f.write(b'x' * 1_000_000)\n"
            "            mb += 1\n"
            "except OSError:\n    pass\nprint('geschreven', mb)")
    from nbclient.exceptions import DeadKernelError

    try:
        try:
            nb, _work = run_cells(tmp_path, [fill], memory_mb=1024, limits=LIMITS.child(memory_mb=300), timeout=60,
                                  ipc_dir=ipc)
            written = text_of(nb.cells[0])
        except DeadKernelError:  # the memory limit stopped the kernel: also fine
            written = "kernel gestopt"
        size = sum(p.stat().st_size for p in ipc.iterdir() if p.is_file())
    finally:
        shutil.rmtree(ipc, ignore_errors=True)
    assert size < 300_000_000, (size, written)
    assert not written.startswith("geschreven 400"), written
    assert not (tmp_path / "werk" / "ipc").exists(), "nothing on the host's disk"


def test_the_grading_kernel_starts_without_debugger_and_without_its_folder_on_the_path(tmp_path):
    """ipykernel loads debugpy (±110 modules, ±0.5 s of every sandboxed kernel start) when it can: the kit's
    launcher blocks it, and like ipykernel_launcher keeps the student's folder off sys.path; the kernel works."""
    nb, _work = run_cells(tmp_path, [
        "import os, sys\nprint(sys.modules.get('debugpy') is not None, any(m.startswith('_pydevd') for m in sys.modules),\n"
        "      '' in sys.path[:1] or os.getcwd() in sys.path[:1])",
        "print(get_ipython().kernel.__class__.__name__, 6 * 7)"])
    assert text_of(nb.cells[0]).split() == ["False", "False", "False"], nb.cells[0].outputs
    assert text_of(nb.cells[1]).split() == ["IPythonKernel", "42"], nb.cells[1].outputs


def test_the_client_connects_once_the_sandboxed_kernel_listens(tmp_path):
    """The kernel manager waits for the kernel's sockets before the client sends kernel_info (a message to an
    ipc socket that does not exist yet waits for zmq's reconnect): the sockets exist when start_kernel returns."""
    import asyncio
    import concurrent.futures

    box = Sandbox(work=tmp_path / "werk", hide=[ROOT])
    here = tmp_path / "werk" / "opdracht"
    here.mkdir(parents=True)

    async def start():
        km = SandboxKernelManager(kernel_name="python3")
        km.use_sandbox(box, here)
        await km.start_kernel()
        try:
            return [Path(f"{km.ip}-{port}").exists() for port in (km.shell_port, km.iopub_port, km.control_port)]
        finally:
            await km.shutdown_kernel(now=True)

    # a thread of its own: in the whole suite the browser tests' Playwright keeps an event loop running here
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        assert pool.submit(asyncio.run, start()).result() == [True, True, True]
