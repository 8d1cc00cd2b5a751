"""Parsed posts, kept by path and content: a rebuild parses only the files that changed.

A :class:`PostCache` is given to :func:`clustersite.model.load_site`. It lives in memory (so
``mkdocs serve`` reuses it between rebuilds) and, when it has a file, on disk between
processes; the file is named after clustersite's own code (:func:`code_digest`), so a cache
never outlives a change of the code. See docs/architecture.md, "Where each concern lives".
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["PostCache"]

Key = tuple[str, str, str, frozenset[str] | None]


class PostCache:
    """Parse results by (path, sha256 of its bytes, language, known projects)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.entries: dict[Key, Any] = {}
        self.used: set[Key] = set()
        self.read = False  # the file is read once: later loads (serve) have it in memory
        self.stored: set[Key] = set()  # the keys the file holds, as this process knows it

    def begin(self) -> None:
        """A new load: take what an earlier process stored, and count uses afresh."""
        self.used.clear()
        if self.path is None or self.read:
            return
        self.read = True
        try:
            with self.path.open("rb") as stream:
                self.entries.update(pickle.load(stream))
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ValueError):
            pass  # no cache, or one from other code: parse again
        self.stored = set(self.entries)

    def parsed(
        self, path: Path, lang: str, known: frozenset[str] | None, parse: Callable[[], Any]
    ) -> Any:
        """``parse()``'s result for this file as it is now (parsed once per content)."""
        # keyed by the file's bytes, not its timestamp: a copy that keeps an old mtime is seen
        key = (str(path), hashlib.sha256(path.read_bytes()).hexdigest(), lang, known)
        self.used.add(key)
        if key not in self.entries:
            self.entries[key] = parse()
        return self.entries[key]

    def end(self) -> None:
        """Keep the entries this load used (and only those); on disk atomically."""
        self.entries = {key: self.entries[key] for key in self.used if key in self.entries}
        if self.path is None or set(self.entries) == self.stored:
            return  # the file already holds exactly these
        self.stored = set(self.entries)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".tmp-")
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(self.entries, stream, protocol=5)
        os.replace(temporary, self.path)
