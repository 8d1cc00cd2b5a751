"""Slugs: the ASCII last part of an address, made from a title in any of the site's languages.

A slug is lowercase ASCII letters, digits and single hyphens (``klastera-aktualitates-2-2020``).
:func:`slugify` transliterates a title in three steps:

1. every character found in :data:`TRANSLITERATION` is replaced by its ASCII spelling
   (Latvian ``ā č ē ģ ī ķ ļ ņ š ū ž``, Italian ``à è é ì ò ù``, ``ß``, ``æ``, ``ł``, Cyrillic …);
2. anything else is decomposed (Unicode NFKD) and its combining marks dropped, so ``ő`` becomes
   ``o`` and ``ﬁ`` becomes ``fi``; characters with no ASCII form are dropped;
3. every run of other characters (spaces, punctuation, ``/``) becomes one hyphen.

The result is never empty and never one of the addresses the news archive owns
(``reserved_slugs("post")`` of clustersite/routes.py: ``page``, ``q1`` … ``q4``, ``index``,
``rss``, ``atom``): such a slug gets ``-1`` appended. The slug rule itself is
:data:`clustersite.routes.SLUG`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection

from clustersite.messages import Term
from clustersite.routes import SLUG, reserved_slugs

__all__ = [
    "MAX_LENGTH",
    "RESERVED_SLUGS",
    "SLUG",
    "TRANSLITERATION",
    "slug_problem",
    "slugify",
    "unique_slug",
]

RESERVED_SLUGS = reserved_slugs("post")  # a post's slug is the last part of its address
MAX_LENGTH = 80  # characters; longer slugs are cut at a hyphen

_LOWER: dict[str, str] = {
    # Latvian
    "ā": "a",
    "č": "c",
    "ē": "e",
    "ģ": "g",
    "ī": "i",
    "ķ": "k",
    "ļ": "l",
    "ņ": "n",
    "š": "s",
    "ū": "u",
    "ž": "z",
    "ō": "o",
    "ŗ": "r",
    # Italian (also covered by NFKD; listed so the table documents the site's languages)
    "à": "a",
    "è": "e",
    "é": "e",
    "ì": "i",
    "í": "i",
    "ò": "o",
    "ó": "o",
    "ù": "u",
    "ú": "u",
    # letters that NFKD does not decompose
    "ß": "ss",
    "æ": "ae",
    "œ": "oe",
    "ø": "o",
    "å": "a",
    "ł": "l",
    "đ": "d",
    "ð": "d",
    "þ": "th",
    "ı": "i",
    "ŀ": "l",
    # Russian, Ukrainian and Belarusian Cyrillic (a simple, readable romanisation)
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "i",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "h",
    "ц": "c",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    "є": "ye",
    "і": "i",
    "ї": "yi",
    "ґ": "g",
    "ў": "u",
}
# Upper case spells the same (slugs are lowercase anyway).
TRANSLITERATION: dict[str, str] = {
    **_LOWER,
    **{k.upper(): v for k, v in _LOWER.items() if k.upper() != k},
}

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def _ascii(text: str) -> str:
    """Transliterate to ASCII: the table first, then NFKD with combining marks dropped."""
    spelled = "".join(TRANSLITERATION.get(char, char) for char in text)
    decomposed = unicodedata.normalize("NFKD", spelled)
    return "".join(char for char in decomposed if char.isascii())


def slugify(title: str, reserved: Collection[str] = RESERVED_SLUGS, fallback: str = "post") -> str:
    """The slug for ``title``: ASCII, lowercase, hyphenated, never empty or reserved.

    >>> slugify("Klastera aktualitātes 2/2020")
    'klastera-aktualitates-2-2020'
    >>> slugify("Jauns projekts Rīgā")
    'jauns-projekts-riga'
    >>> slugify("Notizie dal cluster: più città")
    'notizie-dal-cluster-piu-citta'
    >>> slugify("Q1"), slugify("★ ★"), slugify("★", fallback="news")
    ('q1-1', 'post', 'news')
    """
    slug = _NOT_SLUG.sub("-", _ascii(title).lower()).strip("-")
    if len(slug) > MAX_LENGTH:
        cut = slug[: MAX_LENGTH + 1]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else slug[:MAX_LENGTH]
        slug = slug.strip("-")
    if not slug:
        slug = _NOT_SLUG.sub("-", _ascii(fallback).lower()).strip("-") or "post"
    return unique_slug(slug, (), reserved)


def title_gives_slug(title: str) -> bool:
    """True when ``title`` has letters or digits a slug can be made of.

    >>> title_gives_slug("Jauns projekts Rīgā"), title_gives_slug("🎉🎉"), title_gives_slug("★ ★")
    (True, False, False)
    """
    return bool(_NOT_SLUG.sub("", _ascii(title).lower()))


def unique_slug(
    slug: str, taken: Collection[str], reserved: Collection[str] = RESERVED_SLUGS
) -> str:
    """``slug`` itself, or with ``-1``, ``-2`` … appended until it is neither taken nor reserved.

    >>> unique_slug("page", ()), unique_slug("news", {"news", "news-1"})
    ('page-1', 'news-2')
    """
    if slug not in taken and slug not in reserved:
        return slug
    number = 1
    while f"{slug}-{number}" in taken or f"{slug}-{number}" in reserved:
        number += 1
    return f"{slug}-{number}"


def slug_problem(slug: str, reserved: Collection[str] = RESERVED_SLUGS) -> Term | None:
    """Why ``slug`` cannot be used, in plain words (a phrase of the message files); None when
    it is fine.

    >>> slug_problem("jauns-projekts-riga") is None
    True
    >>> str(slug_problem("Rīga"))
    "'Rīga' is not a valid slug: use lowercase ASCII letters, digits and hyphens, e.g. 'riga'"
    >>> slug_problem("q2").say("lv")
    "'q2' ir rezervēts arhīva adresēm; izmantojiet, piemēram, 'q2-1'"
    """
    if not SLUG.match(slug):
        return Term.of("slug.invalid", value=slug, suggestion=slugify(slug, reserved))
    if slug in reserved:
        return Term.of("slug.reserved", value=slug, suggestion=unique_slug(slug, (), reserved))
    return None
