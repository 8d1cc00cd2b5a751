"""A build cache that can never serve a stale page.

Rendering a page has two costly steps: Markdown to HTML, and the page template. Both are
cached on disk (``.cache/plugin/clustersite/``, removed by ``make clean``), each under a key
that is the hash of *everything* that step reads:

- Markdown: the page's source text and address, the set of all files and their addresses
  (links between pages are resolved against it), ``mkdocs.yml``, the language, and the
  versions of clustersite, MkDocs, Material, static-i18n and Python-Markdown;
- template: the Markdown key, the page's title and metadata, its neighbours in the
  navigation, the navigation itself, everything clustersite prepared for the template
  (``cs``: listings, related news, language links…), and a hash of the template folders.

A change to any input gives another key, so an entry is either exactly right or not used.
Entries from a build that logged a warning are never stored, so a cached page cannot hide
a problem that a fresh render would report. The template step reuses MkDocs' own rendering:
on a hit, the page renders through ``clustersite/cached.html``, which prints the stored HTML,
and every other plugin's ``on_post_page`` still runs as it would on a fresh render.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import logging
import os
import pickle
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

__all__ = [
    "RenderCache",
    "WarningCounter",
    "code_digest",
    "digest",
    "environment_digest",
    "object_digest",
]

PACKAGES = (
    "clustersite",
    "mkdocs",
    "mkdocs-material",
    "mkdocs-static-i18n",
    "Markdown",
    "pymdown-extensions",
    "Babel",
    "Jinja2",
)


def _plain(value: Any) -> Any:
    """JSON for anything clustersite puts in a page context (dataclasses, dates, amounts)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            "__type__": type(value).__name__,
            **{f.name: getattr(value, f.name) for f in dataclasses.fields(value)},
        }
    if isinstance(value, set | frozenset):
        return sorted(map(str, value))
    return repr(value)  # dates, Decimals: their repr is exact and stable


def digest(*parts: Any) -> str:
    """A stable hash of JSON-able parts."""
    text = json.dumps(parts, default=_plain, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def object_digest(value: Any) -> str:
    """A fast hash of plain Python data (dicts, lists, dataclasses, dates, amounts).

    Pickle is several times faster than JSON here. It runs without its memo ("fast" mode), so
    the bytes depend on the values alone: with the memo, one object met twice is written once
    and referred to after, so equal data gives other bytes when it shares objects differently
    (a title string read from the post cache on disk, another computed afresh) and a cache
    entry of an earlier process is never found again. Data that cannot be pickled so (a
    cycle, an object pickle refuses) falls back to :func:`digest`. A set's order can still
    differ between processes; that costs a miss, never a wrong page.

    >>> shared = "Klastera aktualitātes"
    >>> object_digest([shared, shared]) == object_digest([shared, "Klastera aktualitātes!"[:-1]])
    True
    """
    stream = io.BytesIO()
    pickler = pickle.Pickler(stream, protocol=5)
    pickler.fast = True  # no memo: see above
    try:
        pickler.dump(value)
    except (pickle.PicklingError, TypeError, AttributeError, ValueError, RecursionError):
        return digest(value)
    return hashlib.sha256(stream.getvalue()).hexdigest()


def _folder_digest(folder: Path) -> list[tuple[str, str]]:
    if not folder.is_dir():
        return []
    return [
        (p.relative_to(folder).as_posix(), hashlib.sha256(p.read_bytes()).hexdigest())
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    ]


@lru_cache(maxsize=1)
def code_digest() -> str:
    """Hash of clustersite's own files: a cache never outlives a change of the code."""
    return digest(_folder_digest(Path(__file__).resolve().parent.parent))


def environment_digest(config_file: Path, template_dirs: list[Path]) -> str:
    """Hash of mkdocs.yml, the package versions, clustersite's code and the template folders.

    Material's templates are covered by its version; the site's custom_dir and clustersite's
    theme are hashed file by file (they are small, and edited by people).
    """
    versions = []
    for name in PACKAGES:
        try:
            versions.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            versions.append((name, ""))
    config_bytes = config_file.read_bytes() if config_file.is_file() else b""
    return digest(
        versions,
        hashlib.sha256(config_bytes).hexdigest(),
        [_folder_digest(folder) for folder in template_dirs],
        os.environ.get("SITE_URL", ""),
    )


class WarningCounter(logging.Handler):
    """Counts warnings logged by MkDocs and its plugins during one build."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


_damage_log = logging.getLogger("clustersite.render_cache")


def _checksum(value: bytes) -> bytes:
    """Stored before each entry, so a damaged entry is seen before it is used."""
    return hashlib.sha256(value).hexdigest()[:32].encode("ascii")


class RenderCache:
    """Entries on disk, one file each; new entries are kept in memory until :meth:`flush`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.pending: dict[str, bytes] = {}

    def _path(self, kind: str, key: str) -> Path:
        return self.folder / kind / key[:2] / key

    def get(self, kind: str, key: str) -> bytes | None:
        """The entry, or None if there is none or it is damaged (then it is rendered again)."""
        try:
            stored = self._path(kind, key).read_bytes()
        except OSError:
            return None
        checksum, _, value = stored.partition(b"\n")
        if checksum != _checksum(value):
            self.report_damaged(kind)
            return None
        return value

    @staticmethod
    def report_damaged(kind: str) -> None:
        """A damaged entry (a full disk, a file emptied by hand) is a warning, never fatal; it is
        logged outside "mkdocs", so a --strict build does not stop for it."""
        from clustersite.messages import editor_language, say

        _damage_log.warning(say("cache.damaged", editor_language(None, None), kind=kind))

    def put(self, kind: str, key: str, value: bytes) -> None:
        self.pending[f"{kind}/{key}"] = value

    def flush(self) -> None:
        """Write new entries, each atomically (a reader never sees half an entry)."""
        folders: set[Path] = set()
        for name, value in self.pending.items():
            kind, key = name.split("/", 1)
            path = self._path(kind, key)
            if path.parent not in folders:
                path.parent.mkdir(parents=True, exist_ok=True)
                folders.add(path.parent)
            # named by process and key: no other writer uses the name (cheaper than mkstemp)
            temporary = path.parent / f".tmp-{os.getpid()}-{key}"
            temporary.write_bytes(_checksum(value) + b"\n" + value)
            os.replace(temporary, path)
        self.pending.clear()

    def discard(self) -> None:
        self.pending.clear()
