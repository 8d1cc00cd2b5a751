"""Which texts are translated, which are missing, and which translations are out of date.

``clustersite translate`` copies a page into another language's folder and records in the
copy's front matter where it came from, and that its text is not yet translated::

    translated_from: lv
    source_hash: 3f2a9c0d41b7e6a5
    translated: false

Until the editor changes ``translated: false`` to ``true`` (or removes the line), the copy is
work in progress: the site shows it with the "not yet translated" notice and the source
language's ``lang``, and its state is ``started``.

The hash (:func:`source_hash`) is the first 16 hex digits of the SHA-256 of the source's
text, with newlines normalised and the source's own ``translated_from``/``source_hash``
lines (and ``translated``) left out (so translating a translation, or re-translating, does
not change it).

:func:`translation_status` compares every content page (``content/<lang>/**/*.md``) and
every project's texts (``title``, ``summary``, ``objectives`` in ``data/projects/*.yml``)
against every language of the site. Each cell is one of :data:`STATES`:

``source``
    the original: the default language's page, unless it was itself translated from another
    language (then the first page without ``translated_from``); for a project, the default
    language;
``ok``
    a translation whose recorded hash matches its source, or one written by hand without
    ``translated_from`` (nothing to compare it with); for a project, every text that the
    default language has is there in this language too;
``started``
    copied by ``clustersite translate`` and not yet marked ``translated: true``;
``outdated``
    a translation whose source has changed since (or cannot be found): compare the two, update
    the translation, then set its ``source_hash`` to the value the status notes give;
``missing``
    no text in this language (the site falls back to the default language, with a notice).

Nothing here writes; broken files are reported by ``clustersite check``, not here.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clustersite.errors import relative_path
from clustersite.messages import Term
from clustersite.routes import route
from clustersite.settings import SiteSettings
from clustersite.yamlio import FRONT_MATTER, parse_yaml, read_text

__all__ = [
    "PROJECT_TEXTS",
    "STATES",
    "StatusItem",
    "StatusReport",
    "is_work_in_progress",
    "source_hash",
    "translation_status",
]

STATES = ("source", "ok", "started", "outdated", "missing")
PROJECT_TEXTS = ("title", "summary", "objectives")  # the per-language parts of a project file
TRACKING_FIELDS = ("translated_from", "source_hash", "translated")
_TRACKING_LINE = re.compile(r"^(translated_from|source_hash|translated)[ \t]*:(.*)$")
_QUOTED = re.compile(r"""^(['"])(.*)\1$""")


def _front_matter_bounds(text: str) -> tuple[int, int] | None:
    """Start and end offsets of the front matter's YAML lines, if the text has front matter."""
    match = FRONT_MATTER.match(text)
    if not match:
        return None
    if match.group(1) is None:
        return match.start(0), match.start(0)
    return match.start(1), match.end(1)


def tracking_fields(text: str) -> dict[str, str]:
    """The ``translated_from`` and ``source_hash`` values in the front matter of ``text``.

    Read line by line (as they are written), so a page whose YAML is broken elsewhere still
    reports them.

    >>> tracking_fields("---\\ntranslated_from: lv\\nsource_hash: '0123'\\n---\\nBody\\n")
    {'translated_from': 'lv', 'source_hash': '0123'}
    """
    bounds = _front_matter_bounds(text)
    found: dict[str, str] = {}
    if bounds is None:
        return found
    for line in text[bounds[0] : bounds[1]].split("\n"):
        match = _TRACKING_LINE.match(line)
        if match:
            value = match.group(2).split(" #", 1)[0].strip()
            quoted = _QUOTED.match(value)
            found[match.group(1)] = quoted.group(2) if quoted else value
    return found


def is_work_in_progress(tracking: dict[str, str]) -> bool:
    """True for a copy made by ``clustersite translate`` whose text is not yet translated.

    >>> is_work_in_progress({"translated_from": "lv", "translated": "false"})
    True
    >>> is_work_in_progress({"translated_from": "lv", "translated": "true"})
    False
    """
    return bool(tracking.get("translated_from")) and tracking.get("translated", "").lower() in (
        "false",
        "no",
        "off",
    )


def without_tracking_fields(text: str) -> str:
    """``text`` with the ``translated_from``/``source_hash`` lines of its front matter removed.

    >>> without_tracking_fields("---\\ntitle: X\\nsource_hash: ab\\n---\\nsource_hash: body\\n")
    '---\\ntitle: X\\n---\\nsource_hash: body\\n'
    """
    bounds = _front_matter_bounds(text)
    if bounds is None:
        return text
    start, end = bounds
    kept = [line for line in text[start:end].split("\n") if not _TRACKING_LINE.match(line)]
    return text[:start] + "\n".join(kept) + text[end:]


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and ``\\r`` become ``\\n``; a leading byte-order mark is dropped."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def source_hash(text: str) -> str:
    """The fingerprint of a source text that a translation records (16 hex digits).

    >>> unix = "---\\ntitle: A\\n---\\nText\\n"
    >>> windows = "---\\r\\ntitle: A\\r\\n---\\r\\nText\\r\\n"
    >>> source_hash(unix) == source_hash(windows)
    True
    >>> source_hash(unix) == source_hash("---\\ntitle: A\\nsource_hash: x\\n---\\nText\\n")
    True
    """
    canonical = without_tracking_fields(normalise_newlines(text))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


@dataclass
class StatusItem:
    """One page, post or project, and its state in each language."""

    kind: str  # "post", "page" or "project"
    item: str  # news/2020/x.md, about.md, data/projects/neeghw.yml
    states: dict[str, str]
    notes: dict[str, Term] = field(default_factory=dict)  # phrases `status.note.*`
    files: dict[str, str] = field(default_factory=dict)  # language -> path from the site root

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "item": self.item,
            "status": self.states,
            "notes": {lang: note.say() for lang, note in self.notes.items()},  # English
            "files": self.files,
        }


@dataclass
class StatusReport:
    languages: tuple[str, ...]
    items: list[StatusItem]

    def totals(self) -> dict[str, int]:
        counts = dict.fromkeys(STATES, 0)
        for item in self.items:
            for state in item.states.values():
                counts[state] += 1
        return counts

    def as_dict(self) -> dict[str, Any]:
        return {
            "languages": list(self.languages),
            "items": [i.as_dict() for i in self.items],
            "totals": self.totals(),
        }


def _markdown_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(
        path
        for path in folder.rglob("*.md")
        if path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
    )


def _page_status(relative: str, found: dict[str, Path], settings: SiteSettings) -> StatusItem:
    section = relative.split("/", 1)[0]
    kinds = {route(kind).section: kind for kind in ("post", "event")}
    kind = kinds.get(section, "page") if "/" in relative else "page"
    texts: dict[str, str] = {}
    for lang, path in found.items():
        text, _problem = read_text(path, relative)
        texts[lang] = text if text is not None else ""
    item = StatusItem(
        kind,
        relative,
        {},
        files={
            lang: relative_path(found[lang], settings.root)
            for lang in settings.languages
            if lang in found
        },
    )
    tracking = {lang: tracking_fields(text) for lang, text in texts.items()}
    untracked = [
        lang
        for lang in settings.languages
        if lang in found and not tracking[lang].get("translated_from")
    ]
    original = untracked[0] if untracked else None  # the default language's, where it has one
    for lang in settings.languages:
        if lang not in found:
            item.states[lang] = "missing"
            continue
        origin = tracking[lang].get("translated_from")
        if not origin:  # the original, or a translation made without `clustersite translate`
            item.states[lang] = "source" if lang == original else "ok"
            continue
        recorded = tracking[lang].get("source_hash")
        if is_work_in_progress(tracking[lang]):
            item.states[lang] = "started"
            item.notes[lang] = Term("status.note.started")
        elif origin == lang or origin not in settings.languages:
            item.states[lang] = "outdated"
            item.notes[lang] = Term.of("status.note.origin_unknown", origin=origin)
        elif origin not in found:
            item.states[lang] = "outdated"
            gone = relative_path(settings.docs_dir / origin / relative, settings.root)
            item.notes[lang] = Term.of("status.note.source_gone", source=gone)
        elif not recorded:
            item.states[lang] = "outdated"
            item.notes[lang] = Term("status.note.no_hash")
        elif recorded != (current := source_hash(texts[origin])):
            item.states[lang] = "outdated"
            item.notes[lang] = Term.of(
                "status.note.source_changed", source=item.files[origin], hash=current
            )
        else:
            item.states[lang] = "ok"
    return item


def _has_text(value: Any) -> bool:
    if isinstance(value, list):
        return any(_has_text(v) for v in value)
    return value is not None and str(value).strip() != ""


def _project_status(path: Path, settings: SiteSettings) -> StatusItem:
    shown = relative_path(path, settings.root)
    item = StatusItem("project", shown, {}, files={lang: shown for lang in settings.languages})
    default = settings.default_language
    text, _problem = read_text(path, shown)
    doc, _problem = parse_yaml(text, shown) if text is not None else (None, None)
    data = doc.data if doc is not None and isinstance(doc.data, dict) else {}
    present: dict[str, set[str]] = {lang: set() for lang in settings.languages}
    for name in PROJECT_TEXTS:
        value = data.get(name)
        if isinstance(value, dict):
            for lang, text_value in value.items():
                if lang in present and _has_text(text_value):
                    present[lang].add(name)
        elif _has_text(value):  # one text or list for all: it is the default language's
            present[default].add(name)
    needed = present[default] or set(PROJECT_TEXTS[:1])
    if _has_text(data.get("official_title")):  # shown as written everywhere; translations optional
        needed -= {"title"}
    for lang in settings.languages:
        if lang == default:
            item.states[lang] = "source"
            continue
        lacking = [name for name in PROJECT_TEXTS if name in needed and name not in present[lang]]
        if not lacking:
            item.states[lang] = "ok"
        else:
            item.states[lang] = "missing"
            if len(lacking) < len(needed):
                item.notes[lang] = Term.of(
                    "status.note.project_lacking",
                    fields=", ".join(f"{name}.{lang}" for name in lacking),
                )
    return item


def translation_status(settings: SiteSettings) -> StatusReport:
    """The state of every page, post and project in every language of the site."""
    pages: dict[str, dict[str, Path]] = {}
    for lang in settings.languages:
        folder = settings.docs_dir / lang
        for path in _markdown_files(folder):
            pages.setdefault(path.relative_to(folder).as_posix(), {})[lang] = path
    items = [_page_status(relative, found, settings) for relative, found in pages.items()]
    order = {"post": 0, "event": 1, "page": 2}
    items.sort(key=lambda item: (order[item.kind], item.item))
    if settings.data_dir.is_dir():
        items += [
            _project_status(path, settings)
            for path in sorted(settings.data_dir.glob("*.yml"))
            if not path.name.startswith(".")
        ]
    return StatusReport(settings.languages, items)
