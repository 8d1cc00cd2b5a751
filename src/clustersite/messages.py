"""What the editor reads in the terminal, in the editor's language.

Every message of ``clustersite check``, ``new``, ``translate``, ``status`` and of a failed
build, and every hint written into a new file, is a key in ``locales/messages/<lang>.yml``
(kept apart from the site's own UI strings in ``locales/<lang>.yml``). A key names a phrase
with named parameters (``{value}``, ``{count}``); a word that depends on a count is written
``[[count|one=…|other=…]]``, one text per CLDR plural category of the language (Latvian
also has ``zero``), chosen by Babel. A key missing in a language falls back to English.

The editor's language is ``--lang``, else ``CLUSTERSITE_LANG``, else the site's default
language, else the language of ``LC_ALL`` / ``LC_MESSAGES`` / ``LANG``, else English
(:func:`editor_language`).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from babel import Locale

from clustersite.language_files import MESSAGES_DIR, file_languages, read_language_file

__all__ = [
    "MESSAGES_DIR",
    "Term",
    "editor_language",
    "message_languages",
    "placeholder_paragraphs",
    "say",
]

FALLBACK = "en"


@dataclass(frozen=True)
class Term:
    """A word or phrase that is itself translated before it fills a phrase (``kind.list`` →
    'a list'), or is said on its own (a note, an error of a command); it may have parameters."""

    key: str
    params: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def of(cls, key: str, /, **params: Any) -> Term:
        return cls(key, tuple(params.items()))

    def say(self, lang: str = FALLBACK) -> str:
        return say(self.key, lang, **dict(self.params))

    def __str__(self) -> str:
        return self.say()


def _flatten(data: Mapping[str, Any], prefix: str, into: dict[str, Any]) -> None:
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            _flatten(value, name + ".", into)
        else:
            into[name] = value


@cache
def catalog(lang: str) -> dict[str, Any]:
    """Every phrase of one language, by dotted key (``post.title.missing.fix``)."""
    data = read_language_file(MESSAGES_DIR, lang)
    flat: dict[str, Any] = {}
    _flatten(data, "", flat)
    return flat


def message_languages() -> tuple[str, ...]:
    """The languages the editor's messages are written in."""
    return file_languages(MESSAGES_DIR)


def _plural_category(lang: str, count: Any) -> str:
    try:
        return str(Locale.parse(lang).plural_form(abs(count)))
    except (ValueError, TypeError):
        return "other"


def say(key: str, lang: str = FALLBACK, /, **params: Any) -> str:
    """The phrase ``key`` in ``lang`` (else English), its parameters filled in.

    >>> say("check.summary.errors", "lv", errors=21, warnings=0)
    '21 kļūda un 0 brīdinājumu: vietni nevar izveidot, kamēr kļūdas nav novērstas.'
    >>> say("check.summary.errors", "en", errors=1, warnings=2)
    '1 error and 2 warnings: the site cannot be built until the errors are fixed.'
    """
    text = catalog(lang).get(key)
    if text is None:
        lang, text = FALLBACK, catalog(FALLBACK).get(key)
    if text is None:
        raise KeyError(f"no message '{key}' in {MESSAGES_DIR}")
    values = {name: _said(value, lang) for name, value in params.items()}
    return _fill(text, lang, values)


def _said(value: Any, lang: str) -> Any:
    """A parameter in ``lang``: a Term, a problem (``in_language``), or a list of them."""
    if isinstance(value, Term):
        return value.say(lang)
    if hasattr(value, "in_language"):  # errors.Problem (errors.py imports this module)
        return str(value.in_language(lang))
    if isinstance(value, list):
        return "; ".join(str(_said(item, lang)) for item in value)
    return value


def _fill(text: Any, lang: str, values: dict[str, Any]) -> str:
    return _counted(str(text), lang, values).format(**values)


def _counted(text: str, lang: str, values: dict[str, Any]) -> str:
    """Resolve ``[[count|one=…|other=…]]`` blocks by the CLDR plural category of ``count``."""
    while "[[" in text:
        start = text.index("[[")
        end = text.index("]]", start)
        name, *forms = text[start + 2 : end].split("|")
        options = dict(form.split("=", 1) for form in forms)
        category = _plural_category(lang, values.get(name, 0))
        chosen = options.get(category, options.get("other", ""))
        text = text[:start] + chosen + text[end + 2 :]
    return text


def _locale_language(value: str) -> str | None:
    code = value.split(".")[0].split("@")[0].split("_")[0].lower()
    return code if code and code not in ("c", "posix") else None


def editor_language(explicit: str | None = None, site_default: str | None = None) -> str:
    """The language of the editor's messages (see the module docstring for the order)."""
    known = message_languages()
    candidates = [explicit, os.environ.get("CLUSTERSITE_LANG"), site_default]
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if os.environ.get(name):
            candidates.append(_locale_language(os.environ[name]))
            break
    for candidate in candidates:
        if candidate and candidate.lower() in known:
            return candidate.lower()
    return FALLBACK


@cache
def placeholder_paragraphs() -> frozenset[str]:
    """The paragraphs a new file starts with, in every language: left in, they are published."""
    return frozenset(
        " ".join(say(f"hint.{key}", lang).split())
        for key in ("body", "quarterly_intro", "event_body")
        for lang in message_languages()
    )
