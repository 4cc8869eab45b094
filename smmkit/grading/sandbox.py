"""The sandbox a student's kernel runs in: bubblewrap (Debian ``bubblewrap``, ``/usr/bin/bwrap``).

Why bubblewrap: it is the sandbox Flatpak uses, a small setuid-free tool in Debian that needs no
daemon or image (podman) and no profile language (firejail), works for root and for ordinary users,
and gives exactly what grading needs: mount, pid and network namespaces and ``--die-with-parent``.

What the kernel sees (:func:`bwrap_argv`):

- the whole file system read-only, but the course folder (gradebook, ``solutions/``, ``submitted/``,
  ``autograded/``, ``.git``), the real HOME, ``/home``, ``/srv``, ``/run`` (service sockets such as
  PostgreSQL's), ``/tmp`` and nbgrader's exchange replaced by empty in-memory folders; only the Python environment and the ``smmkit`` package are put back (read-only);
- one writable folder: a throwaway copy of this one submission (the notebook and the files the
  assignment declares), with its own HOME inside, deleted after grading;
- no network (``--unshare-net``), no capabilities, its own pid namespace: when the kernel ends or is
  killed, every process it started dies with it, whatever ``setsid`` or double fork it used;
- a memory limit (``prlimit --as``) for the kernel and everything it starts, a limit on the size of
  a file it writes (``--fsize``) and on the in-memory folders (``--size``).

The kernel talks to nbgrader through Unix sockets in that folder (``transport = "ipc"``), because it
has no network at all. :class:`SandboxKernelManager` is the ``jupyter_client`` kernel manager that
starts the kernel this way; ``smmkit.grading.execute.SafeExecute`` uses it when given a sandbox.
"""
from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager

BWRAP = "/usr/bin/bwrap"
# What the kernel may see of the environment (everything else, e.g. tokens in the teacher's shell, stays out).
# Besides the course: other people's homes, services' sockets (a Unix socket stays connectable on a
# read-only mount: /run holds those of PostgreSQL, D-Bus, Docker), scratch space, mounted disks.
ALWAYS_HIDDEN = ("/home", "/srv", "/run", "/var/run", "/tmp", "/var/tmp", "/dev/shm", "/mnt", "/media")
TMPFS_BYTES = 64 * 1024 * 1024   # each hidden folder becomes an in-memory folder of at most this size
FILE_BYTES = 256 * 1024 * 1024   # largest file the kernel may write (its own folder is on disk)
ENV_KEEP = ("PATH", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "MPLBACKEND", "PYTHONHASHSEED")


def bwrap_path() -> str | None:
    found = shutil.which("bwrap") or (BWRAP if os.path.exists(BWRAP) else None)
    return found


@dataclass
class Sandbox:
    """One sandboxed run: ``work`` is the only writable folder, ``hide`` the folders made empty."""

    work: Path
    hide: list[Path] = field(default_factory=list)
    hide_files: list[Path] = field(default_factory=list)
    memory_mb: int = 3072
    env: dict[str, str] = field(default_factory=dict)

    @property
    def home(self) -> Path:
        return self.work / "home"

    @property
    def ipc(self) -> Path:
        return self.work / "ipc"

    def prepare(self) -> None:
        for folder in (self.work, self.home, self.ipc):
            folder.mkdir(parents=True, exist_ok=True)

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
    return sorted(paths)


def _under(path: Path, folders) -> bool:
    return any(path == f or f in path.parents for f in folders)


def bwrap_argv(box: Sandbox, cwd: Path) -> list[str]:
    """The bwrap command line (without the command) for a kernel that runs in ``cwd`` inside ``box.work``."""
    exe = bwrap_path()
    if exe is None:
        raise RuntimeError("bubblewrap (bwrap) is not installed")
    hidden = [Path(p).resolve() for p in box.hide if Path(p).exists()]
    hidden += [Path(os.path.expanduser("~")).resolve()] + [Path(p).resolve() for p in ALWAYS_HIDDEN]
    hidden = sorted(set(hidden), key=lambda p: len(p.parts))
    argv = [exe, "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc"]
    for folder in hidden:  # small in-memory folders: what is written there is gone afterwards
        if folder.exists() and not _under(folder, [Path("/dev"), Path("/proc")]):
            argv += ["--size", str(TMPFS_BYTES), "--tmpfs", str(folder)]
    for path in _needed():  # put back what the kernel needs if a hidden folder covered it
        if _under(path, hidden) and path.exists():
            argv += ["--ro-bind", str(path), str(path)]
    for path in box.hide_files:  # e.g. a sqlite gradebook outside the course folder
        if Path(path).exists() and Path(path).is_file():
            argv += ["--ro-bind", "/dev/null", str(path)]
    argv += ["--bind", str(box.work), str(box.work)]
    argv += ["--unshare-all", "--unshare-net", "--cap-drop", "ALL", "--die-with-parent",
             "--hostname", "nakijken", "--chdir", str(cwd), "--clearenv"]
    env = {k: os.environ[k] for k in ENV_KEEP if k in os.environ}
    env.update(box.env)
    env.update({"HOME": str(box.home), "TMPDIR": str(box.work / "tmp"), "JUPYTER_RUNTIME_DIR": str(box.ipc),
                "IPYTHONDIR": str(box.home / ".ipython"), "SMMKIT_HOME": str(box.home / ".smmkit"),
                "MPLCONFIGDIR": str(box.home / ".matplotlib")})
    env.setdefault("MPLBACKEND", "Agg")
    for key, value in sorted(env.items()):
        argv += ["--setenv", key, value]
    argv += ["--"]
    prlimit = shutil.which("prlimit")
    if prlimit and box.memory_mb > 0:
        limit = box.memory_mb * 1024 * 1024
        argv += [prlimit, f"--as={limit}:{limit}", f"--fsize={FILE_BYTES}:{FILE_BYTES}", "--"]
    return argv


class SandboxKernelManager(AsyncKernelManager):
    """A kernel manager whose kernel runs inside :class:`Sandbox` (set ``sandbox`` before starting)."""

    sandbox: Sandbox | None = None
    sandbox_cwd: Path | None = None

    def use_sandbox(self, box: Sandbox, cwd: Path) -> None:
        box.prepare()
        (box.work / "tmp").mkdir(exist_ok=True)
        self.sandbox, self.sandbox_cwd = box, cwd
        self.transport = "ipc"  # no network inside: Unix sockets in the shared folder
        self.ip = str(box.ipc / "k")
        self.connection_file = str(box.ipc / "kernel.json")

    def format_kernel_cmd(self, extra_arguments=None):
        cmd = super().format_kernel_cmd(extra_arguments)
        if self.sandbox is None:
            return cmd
        return self.sandbox.argv(self.sandbox_cwd or self.sandbox.work) + cmd

    async def interrupt_kernel(self):
        """Interrupt through the control channel (ipykernel then interrupts itself inside the sandbox)."""
        if self.sandbox is None:
            return await super().interrupt_kernel()
        if self.has_kernel:
            msg = self.session.msg("interrupt_request", content={})
            self._connect_control_socket()
            self.session.send(self._control_socket, msg)
