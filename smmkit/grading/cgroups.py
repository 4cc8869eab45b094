"""Per-sandbox limits for :mod:`smmkit.grading.sandbox`: memory, processes and CPU through a cgroup.

Cgroups (the per-sandbox limits), whichever this machine has (:func:`detect_limits`):

- ``v1``: cgroup v1 with the ``memory``, ``pids`` and ``cpu`` controllers writable (root without
  systemd, e.g. a container): one child group per sandbox under the grader's own groups;
- ``v2``: a delegated cgroup v2 folder (``SMMKIT_CGROUP``, or the grader's own group when it may
  hand out ``memory`` and ``pids``): one child group per sandbox;
- ``systemd``: cgroup v2 through systemd (a teacher's laptop):
  ``systemd-run --user --scope -p MemoryMax=… -p TasksMax=… -p CPUQuota=…`` around bwrap;
- none of these: only the per-process limits; the batch says so in its report (``batch.no_cgroup``).
"""
from __future__ import annotations

import itertools
import os
import shlex
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

PIDS_MAX = 128                   # processes and threads per sandbox (a kernel uses about 20)
CPUS = 1.0                       # cores per sandbox


_COUNTER = itertools.count(1)


def _write(path: Path, value) -> None:
    with open(path, "w", encoding="ascii") as handle:
        handle.write(str(value))


def _own_cgroups() -> dict[str, str]:
    """controller (or "" for cgroup v2) -> this process's group path, from /proc/self/cgroup."""
    out = {}
    try:
        lines = Path("/proc/self/cgroup").read_text(encoding="ascii").splitlines()
    except OSError:
        return out
    for line in lines:
        _id, controllers, path = line.split(":", 2)
        for name in controllers.split(",") if controllers else [""]:
            out[name] = path
    return out


def _cgroup_mounts() -> dict[str, tuple[Path, str]]:
    """controller (or "" for the cgroup v2 mount) -> (mount point, root of the mount), from mountinfo."""
    out: dict[str, tuple[Path, str]] = {}
    try:
        lines = Path("/proc/self/mountinfo").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return out
    for line in lines:
        left, _sep, right = line.partition(" - ")
        fields, tail = left.split(), right.split()
        if len(fields) < 5 or len(tail) < 3:
            continue
        kind, options = tail[0], tail[2].split(",")
        if kind == "cgroup2":
            out.setdefault("", (Path(fields[4]), fields[3]))
        elif kind == "cgroup":
            for name in ("memory", "pids", "cpu"):
                if name in options:
                    out.setdefault(name, (Path(fields[4]), fields[3]))
    return out


def _group_dir(mount: tuple[Path, str], path: str) -> Path:
    point, root = mount
    rel = path[len(root):] if root != "/" and path.startswith(root) else path
    return point / rel.lstrip("/")


@dataclass
class Limits:
    """The cgroup limits of one sandbox: ``mode`` is "v1", "v2", "systemd" or "" (none available).

    ``create()`` makes the groups (v1, v2), ``prefix()`` is what goes in front of bwrap so that the
    sandbox and everything in it start inside them, ``remove()`` kills what is left and removes them.
    """

    mode: str
    memory_mb: int
    pids: int = PIDS_MAX
    cpus: float = CPUS
    parents: dict[str, Path] = field(default_factory=dict)  # controller -> folder the groups are made in
    name: str = ""
    dirs: list[Path] = field(default_factory=list)

    @property
    def memory_bytes(self) -> int:
        return self.memory_mb * 1024 * 1024

    def child(self, name: str | None = None, memory_mb: int | None = None) -> "Limits":
        """A fresh set of limits of the same kind for one sandbox (not created yet)."""
        name = name or f"smmkit-{os.getpid()}-{next(_COUNTER)}"
        return Limits(self.mode, memory_mb or self.memory_mb, self.pids, self.cpus, dict(self.parents), name)

    def create(self) -> None:
        if self.mode not in ("v1", "v2") or self.dirs:
            return
        period = 100_000
        for controller, parent in self.parents.items():
            folder = parent / self.name
            if folder in self.dirs:
                continue
            folder.mkdir(exist_ok=True)
            self.dirs.append(folder)
            if self.mode == "v1" and controller == "memory":
                _write(folder / "memory.limit_in_bytes", self.memory_bytes)
                try:  # swap counts too, where the kernel accounts it
                    _write(folder / "memory.memsw.limit_in_bytes", self.memory_bytes)
                except OSError:
                    pass
            elif self.mode == "v1" and controller == "pids":
                _write(folder / "pids.max", self.pids)
            elif self.mode == "v1" and controller == "cpu":
                _write(folder / "cpu.cfs_period_us", period)
                _write(folder / "cpu.cfs_quota_us", int(self.cpus * period))
            elif self.mode == "v2":
                _write(folder / "memory.max", self.memory_bytes)
                for extra, value in (("memory.swap.max", 0), ("cpu.max", f"{int(self.cpus * period)} {period}")):
                    try:
                        _write(folder / extra, value)
                    except OSError:
                        pass
                _write(folder / "pids.max", self.pids)

    def prefix(self) -> list[str]:
        """The command in front of bwrap: join the groups (v1, v2) or start a systemd scope."""
        if self.mode in ("v1", "v2"):
            files = [str(d / "cgroup.procs") for d in self.dirs]
            script = "".join(f"echo $$ > {shlex.quote(f)} || exit 126; " for f in files) + 'exec "$@"'
            return ["/bin/sh", "-c", script, "sh"]
        if self.mode == "systemd":
            return [*_systemd_run(), "--scope", "--quiet", "--collect", "-p", f"MemoryMax={self.memory_bytes}",
                    "-p", "MemorySwapMax=0", "-p", f"TasksMax={self.pids}", "-p", f"CPUQuota={int(self.cpus * 100)}%",
                    "--"]
        return []

    def remove(self, wait: float = 1.0) -> bool:
        """Kill whatever still runs in the groups, then remove them; False if one is still busy after
        ``wait`` seconds (processes that are dying; call again later). Never raises."""
        deadline = time.monotonic() + wait
        left = []
        for folder in self.dirs:
            while True:
                try:
                    pids = [int(p) for p in (folder / "cgroup.procs").read_text().split()]
                except (OSError, ValueError):
                    pids = []
                for pid in pids:
                    try:
                        os.kill(pid, signal.SIGKILL)
                    except OSError:
                        pass
                try:
                    folder.rmdir()
                    break
                except FileNotFoundError:
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        left.append(folder)
                        break
                    time.sleep(0.02)
        self.dirs = left
        return not left


def _systemd_run() -> list[str]:
    exe = shutil.which("systemd-run") or "systemd-run"
    return [exe] if os.geteuid() == 0 and not os.environ.get("DBUS_SESSION_BUS_ADDRESS") else [exe, "--user"]


def _v1_parents() -> dict[str, Path] | None:
    mounts, own = _cgroup_mounts(), _own_cgroups()
    parents = {}
    for controller in ("memory", "pids", "cpu"):
        if controller not in mounts or controller not in own:
            if controller == "cpu":
                continue  # cpu is welcome, memory and pids are needed
            return None
        parents[controller] = _group_dir(mounts[controller], own[controller])
    return parents


def _v2_parent() -> Path | None:
    mounts, own = _cgroup_mounts(), _own_cgroups()
    if os.environ.get("SMMKIT_CGROUP"):
        candidates = [Path(os.environ["SMMKIT_CGROUP"])]
    elif "" in mounts and "" in own:
        candidates = [_group_dir(mounts[""], own[""])]
    else:
        return None
    for folder in candidates:
        control = folder / "cgroup.subtree_control"
        try:
            enabled = control.read_text().split()
            missing = [c for c in ("memory", "pids", "cpu") if c not in enabled]
            if missing:
                available = (folder / "cgroup.controllers").read_text().split()
                _write(control, " ".join(f"+{c}" for c in missing if c in available))
                enabled = control.read_text().split()
        except OSError:
            continue
        if "memory" in enabled and "pids" in enabled and os.access(folder, os.W_OK):
            return folder
    return None


def _works(limits: Limits) -> bool:
    """Start ``true`` under these limits once: the only sure test (permissions, delegation, a user bus)."""
    probe = limits.child()
    try:
        probe.create()
        result = subprocess.run([*probe.prefix(), "/bin/true"], capture_output=True, timeout=20)
        return result.returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False
    finally:
        probe.remove()


def detect_limits(memory_mb: int, pids: int = PIDS_MAX, cpus: float = CPUS) -> Limits:
    """The per-sandbox limits this machine supports (``mode`` "" when none: see the module docstring).

    ``SMMKIT_CGROUP_MODE`` (v1, v2, systemd, none) chooses instead of detecting (for a teacher whose
    machine offers more than one, and for the tests)."""
    wanted = os.environ.get("SMMKIT_CGROUP_MODE", "").strip().lower()
    options = [wanted] if wanted else ["v2", "v1", "systemd"]
    for mode in options:
        if mode == "v1":
            parents = _v1_parents()
        elif mode == "v2":
            parent = _v2_parent()
            parents = {"": parent} if parent else None
        elif mode == "systemd":
            parents = {} if shutil.which("systemd-run") and Path("/sys/fs/cgroup/cgroup.controllers").exists() else None
        else:
            parents = None
        if parents is None:
            continue
        limits = Limits(mode, memory_mb, pids, cpus, parents)
        if _works(limits):
            return limits
    return Limits("", memory_mb, pids, cpus)
