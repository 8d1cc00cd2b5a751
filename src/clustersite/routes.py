"""Every page kind and its addresses, in one table: :data:`ROUTES`.

A page has two addresses, both below its language folder: its *source* (where its Markdown
is, or would be: ``news/2020/q2.md``) and its *URL* (``news/2020/q2/``, below the language
root: ``/`` for the default language, ``/en/``…). Both are spelled once, as patterns, in the
row of its kind; everything else asks this module:

- :func:`url_of` and :func:`source_of` fill a kind's patterns;
- :func:`classify` finds the kind (and the parts) of a source path;
- :func:`reserved_slugs` lists the words a slug of a kind may not be, because another row of
  the same section already uses them (``q1`` … ``q4`` beside the posts of a year, ``index``…);
- :data:`SLUG`: the rule every slug follows.

A new page kind is one row. Placeholders: ``{year}`` (four digits), ``{quarter}`` (1 to 4),
``{number}`` (a page number from 2), ``{slug}`` (the slug rule). Rows are tried in order, so
a row with fixed words comes before a row that would also match them. See
docs/architecture.md, "How to add a page kind".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any

__all__ = [
    "ROUTES",
    "SLUG",
    "Route",
    "classify",
    "generated_sources",
    "path_url_of",
    "reserved_slugs",
    "route",
    "source_of",
    "url_of",
]

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
"""A slug: lowercase ASCII letters, digits and single hyphens (``klastera-aktualitates-2-2020``)."""

_PARTS = {
    "year": r"\d{4}",
    "quarter": r"[1-4]",
    "number": r"[2-9]|[1-9]\d+",
    "slug": SLUG.pattern.removeprefix("^").removesuffix("$"),
}
# what a placeholder can stand for, where a finite list exists (for reserved words)
_VALUES = {"quarter": ("1", "2", "3", "4")}
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Route:
    """One page kind: where its source is, where it is served, which template shows it."""

    kind: str
    source: str  # pattern of its source path; for a file with no page, its output path
    url: str  # pattern of its URL below the language root
    template: str | None = None  # None: not a page (a feed, an index file)
    generated: bool = True  # made by clustersite; False: an editor writes it

    @property
    def section(self) -> str:
        """The first folder of its addresses: ``news``, ``projects``; '' at the top."""
        first, _, rest = self.source.partition("/")
        return first if rest else ""

    @cached_property
    def _source_pattern(self) -> re.Pattern[str]:
        pieces = _PLACEHOLDER.split(self.source)
        regex = "".join(
            f"(?P<{piece}>{_PARTS[piece]})" if index % 2 else re.escape(piece)
            for index, piece in enumerate(pieces)
        )
        return re.compile(f"^{regex}$")

    def match(self, source: str) -> dict[str, str] | None:
        found = self._source_pattern.match(source)
        return found.groupdict() if found else None


ROUTES: tuple[Route, ...] = (
    Route("home", "index.md", "", "clustersite/home.html", generated=False),
    Route("news-index", "news/index.md", "news/", "clustersite/news-index.html"),
    Route("news-page", "news/page/{number}.md", "news/page/{number}/", "clustersite/news-index.html"),
    Route("rss", "news/rss.xml", "news/rss.xml"),
    Route("atom", "news/atom.xml", "news/atom.xml"),
    Route("year", "news/{year}/index.md", "news/{year}/", "clustersite/year.html"),
    Route("quarter", "news/{year}/q{quarter}.md", "news/{year}/q{quarter}/", "clustersite/quarter.html"),
    Route("post", "news/{year}/{slug}.md", "news/{year}/{slug}/", "clustersite/post.html", generated=False),
    Route("project-index", "projects/index.md", "projects/", "clustersite/project-index.html"),
    Route("project", "projects/{slug}.md", "projects/{slug}/", "clustersite/project.html"),
    Route("events", "events/index.md", "events/", "clustersite/events.html"),
    Route("events-past", "events/past.md", "events/past/", "clustersite/events.html"),
    Route("events-past-page", "events/past/page/{number}.md", "events/past/page/{number}/", "clustersite/events.html"),
    Route("calendar", "events/calendar.ics", "events/calendar.ics"),
    Route("event-year", "events/{year}/index.md", "events/{year}/", "clustersite/events.html"),
    Route("event-calendar", "events/{year}/{slug}.ics", "events/{year}/{slug}.ics"),
    Route("event", "events/{year}/{slug}.md", "events/{year}/{slug}/", "clustersite/event.html", generated=False),
    Route("search-index", "search/search_index.json", "search/search_index.json"),
)  # fmt: skip

_BY_KIND = {r.kind: r for r in ROUTES}


def route(kind: str) -> Route:
    """The row of a page kind.

    >>> route("quarter").template
    'clustersite/quarter.html'
    """
    return _BY_KIND[kind]


def _fill(pattern: str, parts: dict[str, Any]) -> str:
    return _PLACEHOLDER.sub(lambda m: str(parts[m.group(1)]), pattern)


def url_of(kind: str, **parts: Any) -> str:
    """The URL of a page of this kind, below its language root.

    >>> url_of("quarter", year=2020, quarter=2), url_of("news-index"), url_of("home")
    ('news/2020/q2/', 'news/', '')
    """
    return _fill(route(kind).url, parts)


def source_of(kind: str, **parts: Any) -> str:
    """The source path of a page of this kind, below its language folder.

    >>> source_of("post", year=2020, slug="x"), source_of("news-page", number=3)
    ('news/2020/x.md', 'news/page/3.md')
    """
    return _fill(route(kind).source, parts)


def classify(source: str) -> tuple[Route, dict[str, str]] | None:
    """The kind of a source path, with its parts; None for a page of no kind (``about.md``).

    >>> [(r.kind, parts) for r, parts in [classify("news/2020/q2.md"), classify("news/2020/x.md")]]
    [('quarter', {'year': '2020', 'quarter': '2'}), ('post', {'year': '2020', 'slug': 'x'})]
    >>> classify("about.md") is None
    True
    """
    for candidate in ROUTES:
        parts = candidate.match(source)
        if parts is not None:
            return candidate, parts
    return None


def path_url_of(source: str) -> str:
    """The URL below a language root of any source path (MkDocs' directory URLs).

    >>> [path_url_of(p) for p in ("index.md", "about.md", "news/2020/x.md", "news/index.md")]
    ['', 'about/', 'news/2020/x/', 'news/']
    """
    stem = source.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


def reserved_slugs(kind: str) -> frozenset[str]:
    """The words a slug of this kind cannot be: the fixed names other rows of its section use.

    >>> sorted(reserved_slugs("post"))
    ['atom', 'index', 'page', 'q1', 'q2', 'q3', 'q4', 'rss']
    >>> sorted(reserved_slugs("project"))
    ['index']
    >>> sorted(reserved_slugs("event"))
    ['calendar', 'index', 'page', 'past']
    """
    section = route(kind).section
    words: set[str] = set()
    for row in ROUTES:
        if row.section != section:
            continue
        for segment in row.source.split("/")[1:]:
            stem = segment.rsplit(".", 1)[0]
            names = _PLACEHOLDER.findall(stem)
            if not names:
                words.add(stem)
            elif len(names) == 1 and names[0] in _VALUES and _PLACEHOLDER.sub("", stem):
                words.update(_fill(stem, {names[0]: v}) for v in _VALUES[names[0]])
    return frozenset(words)


def generated_sources() -> frozenset[str]:
    """The fixed source paths clustersite generates: an editor's file there would be hidden.

    >>> sorted(generated_sources())
    ['events/index.md', 'events/past.md', 'news/index.md', 'projects/index.md']
    """
    return frozenset(
        r.source for r in ROUTES if r.generated and r.template and not _PLACEHOLDER.search(r.source)
    )
