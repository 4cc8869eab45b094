"""smmkit.safeio: the kit's one atomic writer and its regular-files-only copy and removal."""
from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest

from smmkit import safeio

ROOT = Path(__file__).resolve().parents[1]


def test_an_atomic_write_replaces_the_whole_file_or_nothing(tmp_path, monkeypatch):
    target = tmp_path / "map" / "rapport.json"
    safeio.write_atomic(target, "oud\n")
    assert target.read_text(encoding="utf-8") == "oud\n" and stat.S_IMODE(target.stat().st_mode) == 0o644
    os.chmod(target, 0o600)
    safeio.write_atomic(target, b"nieuw")
    assert target.read_bytes() == b"nieuw" and stat.S_IMODE(target.stat().st_mode) == 0o600, "the mode is kept"

    def full_disk(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(OSError):
        safeio.write_atomic(target, "half")
    monkeypatch.undo()
    assert target.read_bytes() == b"nieuw", "the last good file is untouched"
    assert sorted(p.name for p in target.parent.iterdir()) == ["rapport.json"], "no temporary file is left"
    with pytest.raises(OSError):
        safeio.write_atomic(tmp_path / "geen" / "x.json", "x", make_folder=False)


def test_a_symlink_is_replaced_never_written_through(tmp_path):
    elsewhere = tmp_path / "geheim.txt"
    elsewhere.write_text("blijft", encoding="utf-8")
    link = tmp_path / "uit.txt"
    link.symlink_to(elsewhere)
    safeio.write_atomic(link, "nieuw")
    assert not link.is_symlink() and elsewhere.read_text(encoding="utf-8") == "blijft"
    assert safeio.copy_regular(tmp_path / "uit.txt", tmp_path / "kopie.txt")
    (tmp_path / "naar.txt").symlink_to(elsewhere)
    assert safeio.copy_regular(tmp_path / "uit.txt", tmp_path / "naar.txt")
    assert elsewhere.read_text(encoding="utf-8") == "blijft", "a symlink at the destination is replaced"


def test_only_regular_files_are_copied_and_special_files_are_named(tmp_path):
    folder = tmp_path / "inzending"
    folder.mkdir()
    (folder / "werk.ipynb").write_text("{}", encoding="utf-8")
    (folder / "link").symlink_to("/etc/passwd")
    os.mkfifo(folder / "fifo")
    assert safeio.special_files(folder) == ["fifo", "link"]
    assert not safeio.copy_regular(folder / "link", tmp_path / "a")
    assert not safeio.copy_regular(folder / "fifo", tmp_path / "b"), "a FIFO is never opened for reading"
    assert not (tmp_path / "a").exists() and not (tmp_path / "b").exists()


def test_force_rmtree_removes_what_a_student_locked(tmp_path):
    locked = tmp_path / "w1" / "a" / "b"
    locked.mkdir(parents=True)
    (locked / "x").write_text("x", encoding="utf-8")
    os.chmod(locked, 0)
    os.chmod(locked.parent, 0)
    safeio.force_rmtree(tmp_path / "w1")
    assert not (tmp_path / "w1").exists()


def test_the_kit_has_one_atomic_writer():
    """No other module renames a temporary file over a target itself (keep_copy links, never replaces)."""
    found = []
    for path in sorted((ROOT / "smmkit").rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        text = path.read_text(encoding="utf-8")
        if name != "smmkit/safeio.py" and re.search(r"\bmkstemp\(|NamedTemporaryFile\(", text) and (
                "os.replace(" in text or ".rename(" in text):
            found.append(name)
    assert not found, f"use smmkit.safeio.write_atomic: {found}"
