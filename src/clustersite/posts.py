"""The post model: ``content/<lang>/news/<yyyy>/<slug>.md`` and its front matter.

A *post* is one language's file; a *story* is a post with its translations (the same
``<yyyy>/<slug>`` under each language folder). model.py caches parsed posts by their content,
so a rebuild re-parses only the files that changed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, ClassVar, Generic, TypeVar

from clustersite.checker import Checker, kind_of
from clustersite.errors import Problem
from clustersite.media import MEDIA_FIELDS, MediaRefs, read_media_fields, read_text_photos
from clustersite.messages import placeholder_paragraphs
from clustersite.routes import SLUG, reserved_slugs, source_of, url_of
from clustersite.slugs import slugify
from clustersite.theme_fields import THEME_FIELDS, ThemeFields, theme_fields
from clustersite.yamlio import (
    YamlDocument,
    parse_yaml,
    read_text,
    split_front_matter,
    unreadable_problems,
)

__all__ = ["KINDS", "Post", "Story", "parse_post", "plain_summary"]

KINDS = ("news", "quarterly")
POST_FIELDS = {"title", "date", "author", "projects", "kind", "summary", "draft", *MEDIA_FIELDS}
# Fields that are not ours but are legitimate in any MkDocs page (those the theme reads are
# checked by theme_fields.py), or written by `translate`.
PAGE_FIELDS = {"description", *THEME_FIELDS, "translated_from", "translated", "source_hash"}
FEED_SUMMARY_LIMIT = 400  # characters; longer summaries are cut by feed readers and search results


@dataclass
class FiledByYear:
    """A file at ``content/<lang>/<section>/<yyyy>/<slug>.md``: its key and addresses
    (those of its page kind in clustersite/routes.py)."""

    page_kind: ClassVar[str]
    lang: str
    year_folder: str
    slug: str
    path: str  # as an editor knows it: content/lv/news/2020/x.md
    title: str

    @property
    def key(self) -> str:
        """Shared by a file and its translations: '2020/klastera-aktualitates-2-2020'."""
        return f"{self.year_folder}/{self.slug}"

    @property
    def norm_src_uri(self) -> str:
        return source_of(self.page_kind, year=self.year_folder, slug=self.slug)

    @property
    def path_url(self) -> str:
        """The URL below the language root: 'news/2020/x/'."""
        return url_of(self.page_kind, year=self.year_folder, slug=self.slug)


@dataclass
class Post(FiledByYear):
    page_kind: ClassVar[str] = "post"
    date: dt.date
    kind: str = "news"
    author: str | None = None
    projects: list[str] = field(default_factory=list)
    summary: str = ""
    draft: bool = False
    description: str | None = None
    media: MediaRefs = field(default_factory=MediaRefs)  # photos and documents, as written
    theme: ThemeFields = field(default_factory=ThemeFields)  # status, icon… (theme_fields.py)

    @property
    def quarter(self) -> int:
        return (self.date.month - 1) // 3 + 1


Version = TypeVar("Version")


@dataclass
class Translated(Generic[Version]):
    """One piece of content in all the languages it is written in (``lang -> version``)."""

    key: str
    versions: dict[str, Version]

    def version_for(self, lang: str, languages: tuple[str, ...]) -> Version:
        """The version in ``lang``, else in the first language (site order) that has it."""
        if lang in self.versions:
            return self.versions[lang]
        return next(self.versions[other] for other in languages if other in self.versions)


@dataclass
class Story(Translated[Post]):
    """One piece of news in all the languages it is written in."""

    def sort_key(self, languages: tuple[str, ...]) -> tuple[dt.date, str]:
        post = self.version_for(languages[0], languages)
        return post.date, self.key


# No bracket class may run past the next opening bracket of its kind: then an unclosed '<' or
# '[' stops the scan at the next one, and a long paragraph full of them stays linear in time.
_URL = r"\((?:[^()]|\([^()]*\))*\)"  # one level of parentheses, as in Wikipedia addresses
_MARKDOWN_NOISE = [
    (re.compile(r"!\[[^\[\]]*\]" + _URL), ""),  # images
    (re.compile(r"\[([^\[\]]*)\]" + _URL), r"\1"),  # links: keep their text
    (re.compile(r"\[([^\[\]]*)\]\[[^\[\]]*\]"), r"\1"),
    (re.compile(r"<[^<>]+>"), ""),  # inline HTML
    (re.compile(r"(\*\*|__|\*|_|`)(.+?)\1"), r"\2"),
    (re.compile(r"\{[:#.][^{}]*\}"), ""),  # attr_list
    (re.compile(r"\s+"), " "),
]


def plain_summary(body: str) -> str:
    """The first paragraph of a Markdown body, as plain text.

    >>> plain_summary("# Title\\n\\nThe **NEEGHW** project [starts](x.md).\\nNext line.\\n\\nMore.")
    'The NEEGHW project starts. Next line.'
    """
    paragraph: list[str] = []
    for line in body.split("\n"):
        stripped = line.strip()
        if not stripped:
            if paragraph:
                break
            continue
        if not paragraph and re.match(
            r"^(#|!!!|\?\?\?|```|~~~|<|\||---|\* \* \*|!\[|\[TOC\])", stripped
        ):
            continue
        paragraph.append(stripped)
    text = " ".join(paragraph)
    for pattern, replacement in _MARKDOWN_NOISE:
        text = pattern.sub(replacement, text)
    return text.strip()


Filed = TypeVar("Filed", bound=FiledByYear)


@dataclass
class FiledSource:
    """A file filed by year (a post or an event), its front matter read: where it stands,
    its fields and text, and the checker that collects its problems."""

    page_kind: str  # post or event
    lang: str
    year_folder: str  # '' when the file is not in a year folder (a problem already recorded)
    slug: str
    path: str  # as an editor knows it: content/lv/news/2020/x.md
    check: Checker
    doc: YamlDocument
    meta: dict[str, Any]
    front: str
    body: str
    first_line: int  # of the front matter's first field

    def make(self, model: Callable[..., Filed], /, **fields: Any) -> Filed:
        """The post or event at this place, with its ``fields``."""
        return model(
            lang=self.lang, year_folder=self.year_folder, slug=self.slug, path=self.path, **fields
        )

    @property
    def body_line(self) -> int:
        """The line the text below the front matter starts on."""
        return self.first_line + self.front.count("\n") + 1

    def warn_placeholders(self) -> None:
        """A warning for each paragraph a new file starts with that is still in its text."""
        for line, paragraph in _paragraphs(self.body, self.body_line):
            if paragraph in placeholder_paragraphs():
                self.check.warn("text", f"{self.page_kind}.placeholder_left", line=line)

    def warn_unknown_fields(self, known: set[str]) -> None:
        """A warning for each field that is neither one of ``known`` nor any page's."""
        self.check.unknown(
            {key: None for key in self.meta if key not in PAGE_FIELDS},
            known,
            "",
            severity="warning",
            key=f"{self.page_kind}.field_unknown",
        )


def read_filed_source(
    path: Path, shown: str, lang: str, relative: tuple[str, ...], page_kind: str
) -> tuple[FiledSource | None, list[Problem]]:
    """Check where a post or an event is filed and read its front matter.

    ``relative`` is its path below its section (``content/<lang>/news/``); ``page_kind`` is
    ``post`` or ``event``: the route whose reserved slugs apply, and the first part of the
    message keys. None (with the problems) when there are no fields to read.
    """
    check = Checker(shown)
    slug = Path(relative[-1]).stem
    year_folder = relative[0] if len(relative) == 2 else ""
    if len(relative) != 2 or not re.fullmatch(r"\d{4}", year_folder):
        check.add("file", f"{page_kind}.not_in_year_folder", lang=lang, slug=slug)
    reserved = reserved_slugs(page_kind)
    if not SLUG.match(slug):
        suggestion = slugify(slug, reserved, page_kind)
        check.add("file name", f"{page_kind}.bad_slug", value=slug, suggestion=suggestion)
    elif slug in reserved:
        check.add("file name", f"{page_kind}.reserved_slug", value=slug)

    text, problem = read_text(path, shown)
    if problem:
        return None, [*check.problems, problem]
    assert text is not None
    if not text.strip():
        check.add("file", f"{page_kind}.empty")
        return None, check.problems
    front, body, first_line = split_front_matter(text)
    if front is None:
        unclosed = re.match(r"-{3}[ \t]*\n", text)
        key = "front_matter_not_closed" if unclosed else "no_front_matter"
        check.add("front matter", f"{page_kind}.{key}", line=1 if unclosed else None)
        return None, check.problems
    doc, problem = parse_yaml(front, shown, first_line=first_line)
    if problem:
        return None, [*check.problems, problem]
    assert doc is not None
    check.doc = doc
    meta = doc.data if doc.data is not None else {}
    if not isinstance(meta, dict):
        check.add("front matter", f"{page_kind}.front_matter_not_fields", line=first_line)
        return None, check.problems
    where = FiledSource(
        page_kind, lang, year_folder, slug, shown, check, doc, meta, front, body, first_line
    )
    return where, check.problems


def parse_post(
    path: Path, shown: str, lang: str, relative: tuple[str, ...], known_projects: set[str] | None
) -> tuple[Post | None, list[Problem]]:
    """Read one post. ``relative`` is its path below ``content/<lang>/news/``.

    ``known_projects`` is None when project files could not be loaded (then slugs are not checked).
    """
    source, problems = read_filed_source(path, shown, lang, relative, "post")
    if source is None:
        return None, problems
    check, meta, doc, first_line = source.check, source.meta, source.doc, source.first_line
    year_folder, body = source.year_folder, source.body
    check.extend(unreadable_problems(doc, shown, handled=("date",)))

    # front matter is read again by MkDocs and Material: a number or yes/no must be quoted
    title = None
    if meta.get("title") is None:
        check.add("title", "value.missing", line=doc.line("title") or first_line, field="title")
    else:
        title = check.text(meta["title"], "title", required=True, as_written=False)
    date = check.date(meta.get("date"), "date", required=True, line=doc.line("date") or first_line)
    if date and year_folder.isdigit() and int(year_folder) != date.year:
        check.add(
            "date",
            "post.wrong_year_folder",
            date=date.isoformat(),
            folder=year_folder,
            lang=lang,
            year=date.year,
        )

    kind = meta.get("kind", "news")
    if kind not in KINDS:
        check.add("kind", "post.kind_unknown", value=kind, kinds=", ".join(KINDS))

    projects = _project_slugs(check, meta.get("projects"), known_projects)
    author = check.text(meta.get("author"), "author", as_written=False)
    summary_text = check.text(meta.get("summary"), "summary", as_written=False)
    draft = check.boolean(meta.get("draft"), "draft")
    check.boolean(meta.get("translated"), "translated")
    source.warn_unknown_fields(POST_FIELDS)

    media = replace(
        read_media_fields(meta, lang, check),
        in_text=read_text_photos(body, source.body_line, check),
    )
    source.warn_placeholders()
    summary = summary_text or plain_summary(body)
    if len(summary) > FEED_SUMMARY_LIMIT:
        check.warn(
            "summary",
            "post.summary_too_long",
            line=doc.line("summary") or first_line,
            length=len(summary),
            limit=FEED_SUMMARY_LIMIT,
        )
    if check.has_errors or title is None or date is None:
        return None, check.problems
    post = source.make(
        Post,
        title=title,
        date=date,
        kind=str(kind),
        author=author,
        projects=projects,
        summary=summary,
        draft=draft,
        description=check.text(meta.get("description"), "description", as_written=False),
        media=media,
        theme=theme_fields(doc),
    )
    return post, check.problems


def _paragraphs(body: str, first_line: int) -> list[tuple[int, str]]:
    """Each paragraph of ``body`` with the line it starts on, its spacing folded."""
    found: list[tuple[int, str]] = []
    lines: list[str] = []
    start = first_line
    for number, line in enumerate([*body.split("\n"), ""], start=first_line):
        if line.strip():
            if not lines:
                start = number
            lines.append(line.strip())
        elif lines:
            found.append((start, " ".join(" ".join(lines).split())))
            lines = []
    return found


def _project_slugs(check: Checker, value: Any, known: set[str] | None) -> list[str]:
    """The projects a post names, each once, each one that exists."""
    if value is None or value == []:
        return []
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list):
        check.add("projects", "post.projects_not_list", kind=kind_of(value))
        return []
    projects: list[str] = []
    for index, item in enumerate(items):
        where = (
            f"projects.{index}" if check.doc and check.doc.line(f"projects.{index}") else "projects"
        )
        line = check.doc.line(where) if check.doc else None
        if not isinstance(item, str):
            check.add("projects", "post.project_not_slug", line=line, kind=kind_of(item))
        elif item in projects:
            check.add("projects", "post.project_twice", line=line, value=item)
        elif known is not None and item not in known:
            check.add(
                "projects",
                "post.project_unknown",
                line=line,
                value=item,
                choices=", ".join(sorted(known)) or "—",
            )
        else:
            projects.append(item)
    return projects
