"""The sandbox a student's kernel runs in: bubblewrap (Debian ``bubblewrap``, ``/usr/bin/bwrap``).

Why bubblewrap: it is the sandbox Flatpak uses, a small setuid-free tool in Debian that needs no
daemon or image (podman) and no profile language (firejail), works for root and for ordinary users,
and gives exactly what grading needs: mount, pid and network namespaces and ``--die-with-parent``.

What the kernel sees (:func:`bwrap_argv`) is an **allow-list**, not the machine minus a denylist:

- read-only: the system's programs and libraries (``/usr`` and the ``/bin``, ``/lib*`` links of a
  merged-usr system), the few files of ``/etc`` the dynamic loader and Python need
  (:data:`ETC_FILES`; ``/etc/passwd`` and ``/etc/group`` are one-line stand-ins), the Python
  environment (``sys.prefix`` and the interpreter it was made from), the ``smmkit`` package and
  its datasets. Nothing else exists inside: no course folder, no other checkout of the kit (a
  ``/opt/smmkit`` with ``solutions/``), no HOME, no ``/srv``, ``/run`` or ``/mnt``, not the batch's
  own temp folder (classmates' notebooks), wherever TMPDIR points. A folder in ``hide`` that lies
  inside an allowed folder (a course in the kit's own checkout) is covered by an empty folder.
- writable, in memory and size-limited (when ``cwd`` lies inside ``work``, as for a student's kernel;
  with ``cwd == work`` the host's folder is bound instead, for the test server that never runs student
  code and shares its socket and job folders with the host): the work folder (``work``, :data:`WORK_BYTES`; HOME and
  TMPDIR are in it), ``/tmp`` and ``/dev/shm`` (:data:`SHM_BYTES`). The files of the submission
  (the host folder ``cwd``: the notebook's declared files and the assignment's data files) are
  copied into the in-memory working folder when the sandbox starts; only the folder with the
  kernel's sockets (``work/ipc``) is the host's.
- no network (``--unshare-net``), no capabilities, its own pid namespace: when the kernel ends or is
  killed, every process it started dies with it, whatever ``setsid`` or double fork it used;
- limits: ``prlimit --as`` per process (a clean ``MemoryError``) and ``--fsize`` per file, and per
  sandbox a cgroup (:class:`Limits`, :func:`detect_limits`) for memory (every process and the
  in-memory folders together, ``--memory-mb``), the number of processes (a fork loop) and CPU.

The kernel talks to nbgrader through Unix sockets in the ipc folder (``transport = "ipc"``), because it
has no network at all. :class:`SandboxKernelManager` is the ``jupyter_client`` kernel manager that
starts the kernel this way; ``smmkit.grading.execute.SafeExecute`` uses it when given a sandbox.

The per-sandbox cgroups (:class:`Limits`, :func:`detect_limits`) are in :mod:`smmkit.grading.cgroups`.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager

from smmkit.grading.cgroups import CPUS, PIDS_MAX, Limits, detect_limits  # noqa: F401  (re-exported)

BWRAP = "/usr/bin/bwrap"
SHM_BYTES = 64 * 1024 * 1024     # /dev/shm and /tmp inside: in-memory folders of at most this size
WORK_BYTES = 512 * 1024 * 1024   # the work folder inside (HOME, TMPDIR, the working folder)
FILE_BYTES = 256 * 1024 * 1024   # largest file the kernel may write
ENV_KEEP = ("PATH", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "MPLBACKEND", "PYTHONHASHSEED")
# of /etc only what the dynamic loader, Python and the C library read; /usr/bin links into alternatives
ETC_FILES = ("ld.so.cache", "ld.so.conf", "ld.so.conf.d", "alternatives", "localtime", "timezone",
             "nsswitch.conf", "mime.types", "ssl", "ca-certificates", "fonts", "os-release", "debian_version")
SYSTEM_DIRS = ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")
INPUTS = "/.smmkit-invoer"
SOCKET_WAIT = 30.0  # seconds a sandboxed kernel may take to open its sockets before the client connects anyway  # inside: the host's copy of the submission's files, copied into the work folder


def bwrap_path() -> str | None:
    found = shutil.which("bwrap") or (BWRAP if os.path.exists(BWRAP) else None)
    return found


# --- the sandbox ------------------------------------------------------------------------------------

@dataclass
class Sandbox:
    """One sandboxed run: ``work`` is the only writable folder (in memory inside), ``hide`` the folders
    made empty should an allowed folder contain them, ``limits`` the cgroup limits (or None)."""

    work: Path
    hide: list[Path] = field(default_factory=list)
    hide_files: list[Path] = field(default_factory=list)
    memory_mb: int = 3072
    env: dict[str, str] = field(default_factory=dict)
    limits: Limits | None = None
    work_bytes: int = WORK_BYTES
    ipc_dir: Path | None = None  # the kernel's sockets; default work/ipc (see shm_ipc_dir)
    pycache_writable: bool = False  # True only for the trusted test server that fills the bytecode cache

    @property
    def home(self) -> Path:
        return self.work / "home"

    @property
    def ipc(self) -> Path:
        return Path(self.ipc_dir) if self.ipc_dir else self.work / "ipc"

    def prepare(self) -> None:
        self.work = Path(self.work).resolve()
        for folder in (self.work, self.home, self.ipc):
            folder.mkdir(parents=True, exist_ok=True)
        etc = self.work / "etc"
        etc.mkdir(exist_ok=True)
        uid, gid = os.getuid(), os.getgid()
        (etc / "passwd").write_text(f"nakijker:x:{uid}:{gid}:nakijker:{self.home}:/bin/sh\n", encoding="ascii")
        (etc / "group").write_text(f"nakijker:x:{gid}:\n", encoding="ascii")

    def argv(self, cwd: Path) -> list[str]:
        return bwrap_argv(self, cwd)


def _needed() -> list[Path]:
    """What the kernel needs to start and to import the kit, wherever it is installed."""
    import smmkit

    paths = {Path(sys.prefix), Path(sys.base_prefix), Path(sys.executable).resolve().parent.parent,
             Path(smmkit.__file__).resolve().parent}
    try:
        from smmkit import datafiles

        folder = datafiles.folder()
        paths.add(Path(str(folder)).resolve())
    except Exception:  # pragma: no cover - data not installed
        pass
    return sorted(p for p in paths if p != Path("/"))


def _under(path: Path, folders) -> bool:
    return any(path == f or f in path.parents for f in folders)


def _system_args() -> list[str]:
    argv = []
    for name in SYSTEM_DIRS:
        path = Path(name)
        if path.is_symlink():
            argv += ["--symlink", os.readlink(path), name]
        elif path.is_dir():
            argv += ["--ro-bind", name, name]
    for name in ETC_FILES:
        argv += ["--ro-bind-try", f"/etc/{name}", f"/etc/{name}"]
    return argv


def bwrap_argv(box: Sandbox, cwd: Path) -> list[str]:
    """The command line (without the kernel's own command) for a kernel that runs in ``cwd`` inside
    ``box.work``: the cgroup prefix, bwrap with the allow-list, and the start-up inside."""
    exe = bwrap_path()
    if exe is None:
        raise RuntimeError("bubblewrap (bwrap) is not installed")
    work, cwd = Path(box.work).resolve(), Path(cwd).resolve()
    argv = [exe, "--unshare-all", "--unshare-net", "--cap-drop", "ALL", "--die-with-parent",
            "--hostname", "nakijken", "--clearenv"]
    argv += _system_args()
    argv += ["--ro-bind", str(work / "etc" / "passwd"), "/etc/passwd",
             "--ro-bind", str(work / "etc" / "group"), "/etc/group"]
    argv += ["--proc", "/proc", "--dev", "/dev", "--size", str(SHM_BYTES), "--tmpfs", "/dev/shm",
             "--size", str(SHM_BYTES), "--tmpfs", "/tmp"]
    needed = _needed()
    for path in needed:
        argv += ["--ro-bind", str(path), str(path)]
    # an allowed folder may hold something that must stay out (a course inside the kit's checkout)
    hidden = sorted({Path(p).resolve() for p in box.hide if Path(p).exists()}, key=lambda p: len(p.parts))
    for folder in hidden:
        if folder.is_dir() and any(folder == p or p in folder.parents for p in needed):
            argv += ["--size", str(SHM_BYTES), "--tmpfs", str(folder)]
    for path in box.hide_files:  # e.g. a sqlite gradebook that an allowed folder holds
        path = Path(path).resolve()
        if path.is_file() and _under(path, needed):
            argv += ["--ro-bind", "/dev/null", str(path)]
    if cwd == work:  # a process the host shares files with through its folder (the test server: no student code)
        argv += ["--bind", str(work), str(work)]
    else:  # a student's kernel: its folder lives in memory, size-limited; only the sockets' folder is shared
        argv += ["--size", str(box.work_bytes), "--tmpfs", str(work),
                 "--bind", str(box.ipc.resolve()), str(box.ipc.resolve()),
                 "--dir", str(work / "home"), "--dir", str(work / "tmp"), "--dir", str(cwd)]
    copy_inputs = cwd != work and work in cwd.parents and cwd.is_dir()
    if copy_inputs:
        argv += ["--ro-bind", str(cwd), INPUTS]
    pycache = _PYCACHE if _PYCACHE is not None and _PYCACHE.is_dir() else None
    if pycache is not None:  # compiled modules from the trusted test server: read-only for every student
        argv += ["--bind" if box.pycache_writable else "--ro-bind", str(pycache), str(pycache)]
    argv += ["--chdir", str(cwd)]
    env = {k: os.environ[k] for k in ENV_KEEP if k in os.environ}
    env.update(box.env)
    env.update({"HOME": str(work / "home"), "TMPDIR": str(work / "tmp"), "JUPYTER_RUNTIME_DIR": str(box.ipc.resolve()),
                "IPYTHONDIR": str(work / "home" / ".ipython"), "SMMKIT_HOME": str(work / "home" / ".smmkit"),
                "MPLCONFIGDIR": str(work / "home" / ".matplotlib")})
    env.setdefault("MPLBACKEND", "Agg")
    if pycache is not None:
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    for key, value in sorted(env.items()):
        argv += ["--setenv", key, value]
    argv += ["--"]
    if copy_inputs:  # the submission's files, copied into the in-memory folder
        argv += ["/bin/sh", "-c", f'cp -R {INPUTS}/. . 2>/dev/null; exec "$@"', "sh"]
    prlimit = shutil.which("prlimit")
    if prlimit and box.memory_mb > 0:
        limit = box.memory_mb * 1024 * 1024
        argv += [prlimit, f"--as={limit}:{limit}", f"--fsize={FILE_BYTES}:{FILE_BYTES}", "--"]
    prefix = box.limits.prefix() if box.limits is not None else []
    return prefix + argv


_PYCACHE: Path | None = None  # see use_pycache; set in the batch runner's parent before it forks its workers


def use_pycache(folder: Path | None) -> Path | None:
    """A bytecode cache (``PYTHONPYCACHEPREFIX``) for every sandbox made after this call, or None to stop.

    Inside a sandbox the Python environment is read-only, so Python cannot write the ``.pyc`` files it is
    missing (a fresh ``uv sync`` writes none; with ``PYTHONDONTWRITEBYTECODE`` no run outside writes them
    either): every kernel then compiles pandas, IPython and the kit again, about 2 s of CPU per submission
    (measured: the same imports 2.9 s without bytecode, 0.8 s with). The batch runner's test server, which
    never runs student code, imports those modules once with this folder writable (``pycache_writable``);
    every student's sandbox gets it read-only, so no submission can plant bytecode for another."""
    global _PYCACHE
    if folder is None:
        _PYCACHE = None
        return None
    folder = Path(folder).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    _PYCACHE = folder
    return folder


def lasting_pycache() -> Path | None:
    """The folder for :func:`use_pycache` that lasts from batch to batch, or None when it cannot be made.

    Filling the cache costs the test server seconds of CPU per batch (it compiles pandas, IPython, matplotlib
    and the kit: the server's start went from ±1 s to ±7 s in a profile of a 20-submission batch on 2 cores);
    kept in the teacher's cache folder (``$XDG_CACHE_HOME`` or ``~/.cache``, ``smmkit/``), one per Python
    environment, the next batch finds it filled. Only the trusted test server writes it; a student's sandbox
    gets it read-only, and Python checks every ``.pyc`` against its source (mtime and size)."""
    import hashlib

    try:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
        key = hashlib.sha256(f"{sys.prefix}|{sys.version}".encode()).hexdigest()[:12]
        folder = base / "smmkit" / f"nakijken-bytecode-{sys.implementation.cache_tag}-{key}"
        folder.mkdir(parents=True, exist_ok=True)
    except (OSError, RuntimeError):  # no home, or not writable: the batch's own folder instead
        return None
    return folder if os.access(folder, os.W_OK) else None


def shm_ipc_dir() -> Path | None:
    """A folder for one sandbox's sockets in the host's /dev/shm, or None.

    The sockets' folder is the only one the kernel shares with the host, so it can write files there.
    On the host's /dev/shm (memory, not disk) whatever it writes counts against its cgroup's memory
    limit: use it only when the sandbox has one (:class:`Limits`), else the work folder's ``ipc``."""
    import tempfile

    if not (os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK)):
        return None
    _remove_stale_ipc()
    try:
        return Path(tempfile.mkdtemp(prefix=f"smmkit-ipc-{os.getpid()}-", dir="/dev/shm"))
    except OSError:
        return None


def _remove_stale_ipc() -> None:
    """Remove the sockets' folders of graders that no longer run (killed with SIGKILL: no cleanup)."""
    for folder in Path("/dev/shm").glob("smmkit-ipc-*-*"):
        try:
            pid = int(folder.name.split("-")[2])
            if folder.stat().st_uid != os.getuid():
                continue
            os.kill(pid, 0)
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
        except (ValueError, IndexError, OSError):
            continue


def probe(box: Sandbox, code: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run ``python -c code`` in ``box`` (the kernel's interpreter, the same allow-list and limits)."""
    box.prepare()
    (box.work / "invoer").mkdir(exist_ok=True)
    if box.limits is not None:
        box.limits.create()
    try:
        return subprocess.run(box.argv(box.work / "invoer") + [sys.executable, "-c", code], capture_output=True,
                              text=True, errors="backslashreplace", timeout=timeout, stdin=subprocess.DEVNULL)
    finally:
        if box.limits is not None:
            box.limits.remove(wait=5)


# ipykernel_launcher without the debugger: ipykernel imports debugpy (pydevd, ±110 modules) for every kernel
# that can import it, which cost ±0.5 s of the ±1.1 s a sandboxed kernel took to answer (measured with
# benchmarks/bench_grading.py's profile and `python -X importtime`); nobody debugs a kernel that grades.
# ipykernel falls back to no debugger when the import fails (ipykernel.debugger: _is_debugpy_available).
KERNEL_LAUNCHER = ("import os, sys\n"
                   "if sys.path and sys.path[0] in ('', os.getcwd()):\n    del sys.path[0]\n"
                   "sys.modules['debugpy'] = None\n"
                   "from ipykernel import kernelapp\nkernelapp.launch_new_instance()\n")


def grading_kernel_cmd(cmd: list[str]) -> list[str]:
    """The kernel's command line with ``-m ipykernel_launcher`` swapped for :data:`KERNEL_LAUNCHER`."""
    for index in range(len(cmd) - 1):
        if cmd[index] == "-m" and cmd[index + 1] == "ipykernel_launcher":
            return cmd[:index] + ["-c", KERNEL_LAUNCHER] + cmd[index + 2:]
    return cmd


class SandboxKernelManager(AsyncKernelManager):
    """A kernel manager whose kernel runs inside :class:`Sandbox` (set ``sandbox`` before starting)."""

    sandbox: Sandbox | None = None
    sandbox_cwd: Path | None = None

    def use_sandbox(self, box: Sandbox, cwd: Path) -> None:
        box.prepare()
        if box.limits is not None:
            box.limits.create()
        self.sandbox, self.sandbox_cwd = box, Path(cwd).resolve()
        self.transport = "ipc"  # no network inside: Unix sockets in the shared folder
        self.ip = str(box.ipc / "k")
        self.connection_file = str(box.ipc / "kernel.json")

    def format_kernel_cmd(self, extra_arguments=None):
        cmd = super().format_kernel_cmd(extra_arguments)
        if self.sandbox is None:
            return cmd
        return self.sandbox.argv(self.sandbox_cwd or self.sandbox.work) + grading_kernel_cmd(cmd)

    async def _async_post_start_kernel(self, **kw):
        """Wait (at most :data:`SOCKET_WAIT` s) until the kernel listens before the client connects: a
        message sent to an ipc socket that does not exist yet waits for zmq's reconnect (100 ms steps)."""
        if self.sandbox is not None and self.transport == "ipc":
            import asyncio
            import time

            sockets = [Path(f"{self.ip}-{port}") for port in (self.shell_port, self.iopub_port, self.control_port)]
            deadline = time.monotonic() + SOCKET_WAIT
            while not all(s.exists() for s in sockets) and time.monotonic() < deadline:
                if self.provisioner is not None and await self.provisioner.poll() is not None:
                    break  # the kernel ended: wait_for_ready says so
                await asyncio.sleep(0.005)
        return await super()._async_post_start_kernel(**kw)

    async def interrupt_kernel(self):
        """Interrupt through the control channel (ipykernel then interrupts itself inside the sandbox)."""
        if self.sandbox is None:
            return await super().interrupt_kernel()
        if self.has_kernel:
            msg = self.session.msg("interrupt_request", content={})
            self._connect_control_socket()
            self.session.send(self._control_socket, msg)
