"""The post model: ``content/<lang>/news/<yyyy>/<slug>.md`` and its front matter.

A *post* is one language's file; a *story* is a post with its translations (the same
``<yyyy>/<slug>`` under each language folder). model.py caches parsed posts by their content,
so a rebuild re-parses only the files that changed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Generic, TypeVar

from clustersite.errors import Problem
from clustersite.media import MEDIA_FIELDS, MediaRefs, read_media_fields
from clustersite.yamlio import (
    not_a_date,
    parse_yaml,
    read_text,
    split_front_matter,
    unreadable_problems,
)

__all__ = ["KINDS", "RESERVED_SLUGS", "Post", "Story", "parse_post", "plain_summary"]

KINDS = ("news", "quarterly")
RESERVED_SLUGS = {"page", "q1", "q2", "q3", "q4", "index", "rss", "atom"}
POST_FIELDS = {"title", "date", "author", "projects", "kind", "summary", "draft", *MEDIA_FIELDS}
# Fields that are not ours but are legitimate in any MkDocs page, or written by `translate`.
PAGE_FIELDS = {
    "description",
    "hide",
    "search",
    "template",
    "translated_from",
    "source_hash",
    "status",
}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FEED_SUMMARY_LIMIT = 400  # characters; longer summaries are cut by feed readers and search results


class FiledByYear:
    """A file at ``content/<lang>/<section>/<yyyy>/<slug>.md``: its key and addresses."""

    section: ClassVar[str]
    year_folder: str
    slug: str

    @property
    def key(self) -> str:
        """Shared by a file and its translations: '2020/klastera-aktualitates-2-2020'."""
        return f"{self.year_folder}/{self.slug}"

    @property
    def norm_src_uri(self) -> str:
        return f"{self.section}/{self.key}.md"

    @property
    def path_url(self) -> str:
        """The URL below the language root: 'news/2020/x/'."""
        return f"{self.section}/{self.key}/"


@dataclass
class Post(FiledByYear):
    section: ClassVar[str] = "news"
    lang: str
    year_folder: str
    slug: str
    path: str  # as an editor knows it: content/lv/news/2020/x.md
    title: str
    date: dt.date
    kind: str = "news"
    author: str | None = None
    projects: list[str] = field(default_factory=list)
    summary: str = ""
    draft: bool = False
    description: str | None = None
    media: MediaRefs = field(default_factory=MediaRefs)  # photos and documents, as written

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


def _text(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def parse_post(
    path: Path, shown: str, lang: str, relative: tuple[str, ...], known_projects: set[str] | None
) -> tuple[Post | None, list[Problem]]:
    """Read one post. ``relative`` is its path below ``content/<lang>/news/``.

    ``known_projects`` is None when project files could not be loaded (then slugs are not checked).
    """
    problems: list[Problem] = []

    def add(
        field_name: str, message: str, fix: str, line: int | None = None, severity: str = "error"
    ) -> None:
        problems.append(Problem(shown, field_name, message, fix, line=line, severity=severity))

    slug = Path(relative[-1]).stem
    year_folder = relative[0] if len(relative) == 2 else ""
    if len(relative) != 2 or not re.fullmatch(r"\d{4}", year_folder):
        add(
            "file",
            "a post must be filed as news/<year>/<slug>.md",
            f"move it to content/{lang}/news/<year of its date>/{slug}.md",
        )
    if not SLUG.match(slug):
        from clustersite.slugs import slugify  # slugs imports this module

        add(
            "file name",
            f"'{slug}' is not a valid slug (the last part of the address)",
            f"rename the file to {slugify(slug)}.md: lowercase ASCII letters, digits and hyphens "
            "(`clustersite new post` makes the name for you)",
        )
    elif slug in RESERVED_SLUGS:
        add(
            "file name",
            f"'{slug}' is reserved for the archive's own addresses",
            "rename the file, e.g. add a word to the slug",
        )

    text, problem = read_text(path, shown)
    if problem:
        return None, [*problems, problem]
    assert text is not None
    if not text.strip():
        add("file", "the file is empty", "add front matter with title and date, then the text")
        return None, problems
    front, body, first_line = split_front_matter(text)
    if front is None and re.match(r"-{3}[ \t]*\n", text):
        add(
            "front matter",
            "the front matter is not closed",
            "add a '---' line after its last field (`title:`, `date:` …), before the text",
            line=1,
        )
        return None, problems
    if front is None:
        add(
            "front matter",
            "the post has no front matter",
            "start the file with a '---' line, `title:` and `date:` lines, and another '---' line",
        )
        return None, problems
    doc, problem = parse_yaml(front, shown, first_line=first_line)
    if problem:
        return None, [*problems, problem]
    assert doc is not None
    meta = doc.data if doc.data is not None else {}
    if not isinstance(meta, dict):
        add(
            "front matter",
            "must be `field: value` lines",
            "write `title: …` and `date: YYYY-MM-DD` lines",
            line=first_line,
        )
        return None, problems
    problems.extend(unreadable_problems(doc, shown, handled=("date",)))

    raw_title = meta.get("title")
    title = _text(raw_title)
    if raw_title is None:
        add("title", "is missing", "add `title: …` to the front matter", line=first_line)
    elif title is None:
        kind_name = "empty" if raw_title == "" else f"not text ({type(raw_title).__name__})"
        add(
            "title",
            f"is {kind_name}",
            "write the title as text; put it in quotes if it is only a number",
            line=doc.line("title"),
        )

    raw_date = meta.get("date")
    date: dt.date | None = None
    if raw_date is None:
        add("date", "is missing", "add `date: YYYY-MM-DD` to the front matter", line=first_line)
    elif isinstance(raw_date, dt.datetime):
        date = raw_date.date()
    elif isinstance(raw_date, dt.date):
        date = raw_date
    else:
        add("date", *not_a_date(raw_date, "2020-06-30"), line=doc.line("date"))
    if date and year_folder.isdigit() and int(year_folder) != date.year:
        add(
            "date",
            f"the post is dated {date} but filed under news/{year_folder}/",
            f"move it to content/{lang}/news/{date.year}/ or correct the date",
            line=doc.line("date"),
        )

    kind = meta.get("kind", "news")
    if kind not in KINDS:
        add(
            "kind",
            f"'{kind}' is not a kind of post",
            "use `kind: news` or `kind: quarterly`",
            line=doc.line("kind"),
        )

    raw_projects = meta.get("projects") or []
    if isinstance(raw_projects, str):
        raw_projects = [raw_projects]
    projects: list[str] = []
    if not isinstance(raw_projects, list):
        add(
            "projects",
            "must be a list of project slugs",
            "write `projects: [neeghw]`",
            line=doc.line("projects"),
        )
    else:
        for index, item in enumerate(raw_projects):
            if not isinstance(item, str):
                add(
                    "projects",
                    f"'{item}' is not a project slug",
                    "write the slug of a file in data/projects/",
                    line=doc.line(f"projects.{index}") or doc.line("projects"),
                )
            elif known_projects is not None and item not in known_projects:
                choices = ", ".join(sorted(known_projects)) or "none yet"
                add(
                    "projects",
                    f"there is no project '{item}' (data/projects/{item}.yml)",
                    f"use one of: {choices}; or add the project with `clustersite new project {item}`",
                    line=doc.line(f"projects.{index}") or doc.line("projects"),
                )
            else:
                projects.append(item)

    author = meta.get("author")
    if author is not None and _text(author) is None:
        add(
            "author",
            "must be text",
            "write the author's or organisation's name",
            line=doc.line("author"),
        )
    summary_value = meta.get("summary")
    if summary_value is not None and _text(summary_value) is None:
        add(
            "summary",
            "must be text",
            "write one or two sentences, or leave `summary` out",
            line=doc.line("summary"),
        )
    draft = meta.get("draft", False)
    if not isinstance(draft, bool):
        add(
            "draft",
            f"'{draft}' is not true or false",
            "write `draft: true` or `draft: false`",
            line=doc.line("draft"),
        )
        draft = False
    for key in meta:
        if key not in POST_FIELDS and key not in PAGE_FIELDS:
            add(
                str(key) if str(key).strip() else "(a field without a name)",
                "is not a known field of a post",
                f"remove it or correct the spelling; known fields: {', '.join(sorted(POST_FIELDS))}",
                line=doc.line(str(key)),
                severity="warning",
            )

    media = read_media_fields(meta, doc.line, lang, add)
    summary = _text(summary_value) or plain_summary(body)
    if len(summary) > FEED_SUMMARY_LIMIT:
        add(
            "summary",
            f"is {len(summary)} characters long; feeds and search show about {FEED_SUMMARY_LIMIT}",
            "write a shorter `summary:` of one or two sentences",
            line=doc.line("summary") or first_line,
            severity="warning",
        )
    if any(p.severity == "error" for p in problems) or title is None or date is None:
        return None, problems
    post = Post(
        lang=lang,
        year_folder=year_folder,
        slug=slug,
        path=shown,
        title=title,
        date=date,
        kind=str(kind),
        author=_text(author),
        projects=projects,
        summary=summary,
        draft=draft,
        description=_text(meta.get("description")),
        media=media,
    )
    return post, problems
