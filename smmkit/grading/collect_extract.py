"""nbgrader's zip_collect extractor, but only regular files move (:class:`LmsExtractor`).

Symbolic links, FIFOs, sockets and devices in ``archive/`` or inside a zip or tar are refused with a
warning (stock nbgrader copies what a link points to and stops at a FIFO); archive members are unpacked
with zipfile's and tarfile's own path checks (tarfile's ``data`` filter).
"""
from __future__ import annotations

import os
import shutil
import stat
import tarfile
import zipfile

from nbgrader.plugins.zipcollect import ExtractorPlugin

from smmkit.messages import msg


def shown(name: str) -> str:
    """A student-made name as it may be printed: control characters (escape sequences) written out."""
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in name)


def _kind(mode: int) -> str | None:
    """None for a regular file or folder, else the Dutch word for what it is."""
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    for test, word in ((stat.S_ISLNK, "link"), (stat.S_ISFIFO, "fifo"), (stat.S_ISCHR, "device"),
                       (stat.S_ISBLK, "device"), (stat.S_ISSOCK, "socket")):
        if test(mode):
            return msg(f"collect.kind.{word}")
    return msg("collect.kind.device")


class LmsExtractor(ExtractorPlugin):
    """nbgrader's extractor, but only regular files move (see the module docstring)."""

    max_depth = 3  # a zip in a zip in a zip is unpacked; deeper archives stay as they are

    def _refuse(self, name: str, kind: str) -> None:
        self.log.warning(msg("collect.refused", file=shown(name), kind=kind))

    def _is_archive(self, name: str) -> bool:
        return os.path.splitext(name)[1] in self.zip_ext

    def _own_folder(self, dest: str, archive_name: str) -> str:
        stem = os.path.splitext(archive_name)[0]
        stem = stem[:-4] if stem.endswith(".tar") else stem
        folder = os.path.join(dest, stem)
        os.makedirs(folder, exist_ok=True)
        return folder

    def unpack(self, source: str, dest: str, label: str, depth: int = 0) -> None:
        """Unpack ``source`` into its own folder in ``dest``: regular files and folders only, then its archives."""
        folder = self._own_folder(dest, os.path.basename(source))
        self.log.info("Extracting from: %s", shown(source))
        try:
            if zipfile.is_zipfile(source):
                self._unzip(source, folder, label)
            elif tarfile.is_tarfile(source):
                self._untar(source, folder, label)
            else:
                self.log.warning(msg("collect.not_archive", file=shown(label)))
                shutil.copyfile(source, os.path.join(dest, os.path.basename(source)))
                return
        except (zipfile.BadZipFile, tarfile.TarError, OSError, EOFError) as exc:
            self.log.warning(msg("collect.bad_archive", file=shown(label), error=shown(str(exc))))
            return
        if depth >= self.max_depth:
            return
        for root, dirs, files in os.walk(folder):
            dirs.sort()
            for name in sorted(files):
                path = os.path.join(root, name)
                if self._is_archive(name) and stat.S_ISREG(os.lstat(path).st_mode):
                    self.unpack(path, root, f"{label}/{os.path.relpath(path, folder)}", depth + 1)

    def _unzip(self, source: str, folder: str, label: str) -> None:
        with zipfile.ZipFile(source) as archive:
            for info in archive.infolist():
                mode = info.external_attr >> 16
                kind = _kind(mode) if mode and stat.S_IFMT(mode) else None
                if kind:
                    self._refuse(f"{label}/{info.filename}", kind)
                    continue
                archive.extract(info, folder)  # zipfile's own checks: no absolute paths, no '..'

    def _untar(self, source: str, folder: str, label: str) -> None:
        with tarfile.open(source) as archive:
            members = []
            for member in archive.getmembers():
                if member.isreg() or member.isdir():
                    members.append(member)
                else:
                    kind = msg("collect.kind.link") if member.issym() or member.islnk() else \
                        msg("collect.kind.fifo") if member.isfifo() else msg("collect.kind.device")
                    self._refuse(f"{label}/{member.name}", kind)
            archive.extractall(folder, members=members, filter="data")

    def extract(self, archive_path: str, extracted_path: str) -> None:
        if not os.path.isdir(archive_path) or not os.listdir(archive_path):
            self.log.warning("No files found in directory: %s", archive_path)
            return
        for root, dirs, files in os.walk(archive_path):
            rel = os.path.relpath(root, archive_path)
            dest = os.path.normpath(os.path.join(extracted_path, rel))
            for name in list(dirs):  # os.walk lists a link to a folder among the folders, and skips it
                if os.path.islink(os.path.join(root, name)):
                    self._refuse(os.path.normpath(os.path.join(rel, name)), msg("collect.kind.link"))
                    dirs.remove(name)
            dirs.sort()
            for name in sorted(files):
                path, label = os.path.join(root, name), os.path.normpath(os.path.join(rel, name))
                kind = _kind(os.lstat(path).st_mode)
                if kind:
                    self._refuse(label, kind)
                    continue
                os.makedirs(dest, exist_ok=True)
                if self._is_archive(name):
                    self.unpack(path, dest, label)
                else:
                    shutil.copyfile(path, os.path.join(dest, name), follow_symlinks=False)

