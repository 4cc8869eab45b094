"""Safe file I/O, one place for the whole kit: atomic writes, copies of regular files only, removal
of folders a student's code made unreadable.

- :func:`write_atomic` writes to a temporary file next to the target and renames it over the target:
  either the whole new file is there or the last good one is untouched (a full disk, a crash halfway,
  Ctrl+C). Used by the grading report, the LMS import files, the zip_collect record, the learner's
  progress file and the widgets' saved work.
- :func:`copy_regular` and :func:`special_files`: a submission may hold symlinks, FIFOs or devices;
  none of these is ever followed or copied.
- :func:`force_rmtree`: remove a folder even after ``chmod 000`` inside it.
"""
from __future__ import annotations

import os
import shutil
import stat
import tempfile
from pathlib import Path


def write_atomic(path, data: bytes | str, *, mode: int | None = None, encoding: str = "utf-8",
                 errors: str = "strict", newline: str | None = None, fsync: bool = True,
                 make_folder: bool = True) -> Path:
    """Write ``data`` (bytes, or text in ``encoding``) to ``path`` atomically; returns ``path``.

    The folder is made when missing (``make_folder=False``: an OSError instead). ``mode``: the file's permissions (default: those of the file it
    replaces, else 0o644). A symlink at ``path`` is replaced, its target is kept. Raises ``OSError``.
    """
    path = Path(path)
    if isinstance(data, str):
        if newline is not None:
            data = data.replace("\n", newline)
        data = data.encode(encoding, errors)
    folder = path.parent if str(path.parent) else Path(".")
    if make_folder:
        folder.mkdir(parents=True, exist_ok=True)
    if mode is None:
        try:
            mode = stat.S_IMODE(path.stat().st_mode) if path.is_file() else 0o644
        except OSError:
            mode = 0o644
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if fsync:
                os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return path


def force_rmtree(path) -> None:
    """Remove a folder that a student's code may have made unreadable (``chmod 000``): first ``chmod -R u+rwx``."""
    path = Path(path)
    if not path.exists() and not path.is_symlink():
        return
    try:
        os.chmod(path, 0o700)
    except OSError:
        pass
    # top-down: each folder is opened before os.walk descends into it, so one pass reaches every level
    for folder, dirs, _files in os.walk(path, topdown=True, onerror=lambda _e: None):
        for name in dirs:
            try:
                child = os.path.join(folder, name)
                if not os.path.islink(child):
                    os.chmod(child, 0o700)
            except OSError:
                pass
    shutil.rmtree(path, ignore_errors=True)


def special_files(folder) -> list[str]:
    """Everything in ``folder`` that is not a regular file or a folder: symlinks, FIFOs, sockets,
    devices (names relative to ``folder``; none of these ever moves)."""
    found = []
    for base, dirs, files in os.walk(folder, topdown=True, onerror=lambda _e: None):
        for name in dirs + files:
            path = os.path.join(base, name)
            try:
                mode = os.lstat(path).st_mode
            except OSError:
                continue
            if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
                found.append(os.path.relpath(path, folder))
        dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(base, d))]
    return sorted(found)


def copy_regular(src, dest) -> bool:
    """Copy ``src`` to ``dest`` only if it is a regular file when opened (no symlink, FIFO or device is
    read). Whatever is at ``dest`` (a symlink too) is replaced, never written through."""
    try:
        fd = os.open(src, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return False
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return False
        dest = Path(dest)
        dest.parent.mkdir(parents=True, exist_ok=True)
        if os.path.lexists(dest):
            os.remove(dest)
        with os.fdopen(os.dup(fd), "rb") as source, open(dest, "xb") as target:
            shutil.copyfileobj(source, target)
        return True
    finally:
        os.close(fd)
