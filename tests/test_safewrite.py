"""create_file: atomic, never replaces a file, leaves nothing behind when interrupted."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from clustersite import safewrite
from clustersite.safewrite import create_file

TEXT = "---\ntitle: Jauns projekts Rīgā\n---\n\nTeksts ar garumzīmēm: āčēģīķļņšūž.\n"


def leftovers(folder: Path) -> list[str]:
    """Temporary files that create_file might have left in ``folder``."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_creates_the_file_and_its_folders(tmp_path: Path) -> None:
    target = tmp_path / "content" / "lv" / "news" / "2021" / "x.md"
    assert create_file(target, TEXT) == target
    assert target.read_bytes() == TEXT.encode("utf-8")  # UTF-8, "\n" kept as is
    assert leftovers(target.parent) == []


def test_without_make_parents_a_missing_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        create_file(tmp_path / "missing" / "x.md", TEXT, make_parents=False)
    assert not (tmp_path / "missing").exists()


def test_never_replaces_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "x.md"
    target.write_bytes(b"the editor's text\r\n")
    os.utime(target, ns=(1_000_000_000, 1_000_000_000))
    before = target.stat()
    with pytest.raises(FileExistsError) as raised:
        create_file(target, TEXT)
    assert raised.value.filename == str(target)
    assert target.read_bytes() == b"the editor's text\r\n"
    assert target.stat().st_mtime_ns == before.st_mtime_ns
    assert target.stat().st_ino == before.st_ino
    assert leftovers(tmp_path) == []


def test_never_replaces_a_symbolic_link(tmp_path: Path) -> None:
    target = tmp_path / "x.md"
    target.symlink_to(tmp_path / "nowhere.md")
    with pytest.raises(FileExistsError):
        create_file(target, TEXT)
    assert target.is_symlink() and not (tmp_path / "nowhere.md").exists()


def test_a_file_that_appears_during_the_write_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another program creates the target after our check: the link fails, theirs stays."""
    target = tmp_path / "x.md"
    real_fsync = os.fsync

    def someone_else_writes(descriptor: int) -> None:
        target.write_text("written by someone else", encoding="utf-8")
        real_fsync(descriptor)

    monkeypatch.setattr(safewrite.os, "fsync", someone_else_writes)
    with pytest.raises(FileExistsError):
        create_file(target, TEXT)
    assert target.read_text(encoding="utf-8") == "written by someone else"
    assert leftovers(tmp_path) == []


def test_a_failing_fsync_leaves_no_target_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(safewrite.os, "fsync", disk_full)
    target = tmp_path / "x.md"
    with pytest.raises(OSError, match="No space left"):
        create_file(target, TEXT)
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_an_interrupted_write_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Half the bytes are written, then Ctrl-C: no target, no temporary file."""
    real_write = os.write

    def write_half_then_interrupt(descriptor: int, data: bytes | memoryview) -> int:
        real_write(descriptor, bytes(data)[: len(data) // 2])
        raise KeyboardInterrupt

    monkeypatch.setattr(safewrite.os, "write", write_half_then_interrupt)
    target = tmp_path / "x.md"
    with pytest.raises(KeyboardInterrupt):
        create_file(target, TEXT * 100)
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_short_writes_are_completed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_write = os.write

    def write_ten_bytes(descriptor: int, data: bytes | memoryview) -> int:
        return real_write(descriptor, bytes(data)[:10])

    monkeypatch.setattr(safewrite.os, "write", write_ten_bytes)
    target = create_file(tmp_path / "x.md", TEXT)
    assert target.read_text(encoding="utf-8") == TEXT


def test_without_hard_links_the_file_is_still_created_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(source: object, destination: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(safewrite.os, "link", no_links)
    target = create_file(tmp_path / "x.md", TEXT)
    assert target.read_text(encoding="utf-8") == TEXT
    assert leftovers(tmp_path) == []
    with pytest.raises(FileExistsError):
        create_file(target, "other text")
    assert target.read_text(encoding="utf-8") == TEXT
    assert leftovers(tmp_path) == []


def test_without_hard_links_a_failed_rename_removes_the_placeholder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(source: object, destination: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    def rename_fails(source: object, destination: object) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(safewrite.os, "link", no_links)
    monkeypatch.setattr(safewrite.os, "replace", rename_fails)
    with pytest.raises(OSError, match="Input/output"):
        create_file(tmp_path / "x.md", TEXT)
    assert list(tmp_path.iterdir()) == []


def test_other_link_errors_are_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def read_only(source: object, destination: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(safewrite.os, "link", read_only)
    with pytest.raises(OSError, match="Read-only"):
        create_file(tmp_path / "x.md", TEXT)
    assert list(tmp_path.iterdir()) == []
