"""Create a new file atomically, and only if nothing is there yet.

Every file the ``clustersite`` command writes goes through :func:`create_file`, which
guarantees two things an editor relies on:

* **an existing file is never replaced.** The new file is linked into place with
  :func:`os.link`, which fails when the target exists (unlike :func:`os.replace`), so even a
  file that appears between our check and our write is kept;
* **an interrupted write leaves nothing behind.** The text is first written to a temporary
  file in the same folder (``.<name>.<random>.tmp``), flushed and ``fsync``-ed, and only a
  complete file is linked to the target's name. Whatever goes wrong, the temporary file is
  removed; the target either does not exist or is whole.

Where hard links are not supported (some network or FAT file systems), the target is
reserved with an exclusive create (``O_EXCL``) and the complete temporary file renamed over
that empty placeholder, which is removed again if anything fails.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from pathlib import Path

__all__ = ["create_file"]

_NO_HARD_LINKS = {
    errno.EPERM,
    errno.EOPNOTSUPP,
    errno.ENOTSUP,
    errno.EXDEV,
    errno.EMLINK,
    errno.ENOSYS,
}


def _open_temporary(folder: Path, name: str) -> tuple[Path, int]:
    """A new, empty temporary file beside the target (permissions follow the umask)."""
    while True:
        temporary = folder / f".{name}.{secrets.token_hex(6)}.tmp"
        try:
            return temporary, os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:  # pragma: no cover - 48 random bits collided
            continue


def _fsync_folder(folder: Path) -> None:
    """Make the new directory entry durable (best effort: not every platform allows it)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - e.g. Windows
        return
    try:
        os.fsync(descriptor)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(descriptor)


def _place_without_links(temporary: Path, target: Path) -> None:
    """Fallback for file systems without hard links: reserve the name, then rename onto it."""
    placeholder = os.open(
        target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666
    )  # raises if it exists
    os.close(placeholder)
    try:
        os.replace(temporary, target)  # replaces only the empty placeholder we just made
    except BaseException:
        with contextlib.suppress(OSError):
            target.unlink()
        raise


def create_file(target: Path, text: str, *, make_parents: bool = True) -> Path:
    """Write ``text`` (UTF-8, ``\\n`` line endings) to a new file ``target``.

    Raises :class:`FileExistsError` if ``target`` exists (it is left untouched), or another
    :class:`OSError` if the file cannot be written; in every failure no trace is left.
    """
    target = Path(target)
    if target.exists() or target.is_symlink():
        raise FileExistsError(errno.EEXIST, "the file already exists", str(target))
    if make_parents:
        target.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8")
    temporary, descriptor = _open_temporary(target.parent, target.name)
    try:
        try:
            view = memoryview(data)
            while view:
                written = os.write(descriptor, view)
                view = view[written:]
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        try:
            os.link(temporary, target)
        except FileExistsError:
            raise FileExistsError(errno.EEXIST, "the file already exists", str(target)) from None
        except OSError as error:
            if error.errno not in _NO_HARD_LINKS:
                raise
            _place_without_links(temporary, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
    _fsync_folder(target.parent)
    return target
