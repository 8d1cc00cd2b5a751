"""The whole site's content, loaded and validated once: projects, posts, pages.

This is the single place where editors' input is read and checked. The MkDocs plugin and
``clustersite check`` both call :func:`load_site`, so they always agree on what is wrong.

Loading is linear in the number of files. Parsed posts are cached by path and content in the
:class:`~clustersite.cache.PostCache` the caller gives (the plugin keeps one in memory for
``mkdocs serve`` and on disk between builds), so a rebuild re-parses only the files that
changed.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TypeVar

from clustersite.cache import PostCache
from clustersite.checker import Checker
from clustersite.errors import Problem, relative_path
from clustersite.events import Event, Happening, parse_event
from clustersite.media import MediaRefs, PostMedia, read_text_photos, resolve_media
from clustersite.posts import Post, Story, parse_post
from clustersite.projects import Project, load_projects, review_warnings
from clustersite.routes import classify, generated_sources, route
from clustersite.settings import SiteSettings, build_time
from clustersite.theme_fields import ThemeChoices, check_theme_fields, theme_fields
from clustersite.yamlio import parse_yaml, read_text, split_front_matter, unreadable_problems

__all__ = ["Site", "load_site"]

# Addresses the generator owns in every language; a content file there would be hidden.
GENERATED_PAGES = generated_sources()
POSTS = route("post").section  # the folder of posts, below each language folder
PROJECTS = route("project").section  # the folder of project narratives
EVENTS = route("event").section  # the folder of events


@dataclass
class Site:
    settings: SiteSettings
    projects: dict[str, Project]
    posts: list[Post]  # every language's posts, drafts included (marked)
    pages: dict[str, dict[str, Path]]  # 'about.md' -> {'lv': path, 'en': path}, every Markdown file
    problems: list[Problem] = field(default_factory=list)
    now: dt.datetime = field(default_factory=build_time)  # upcoming or past is decided against it
    media: dict[str, PostMedia] = field(default_factory=dict)  # post path -> its files
    events: list[Event] = field(default_factory=list)  # every language's, drafts included

    @property
    def today(self) -> dt.date:
        return self.now.date()

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def stories(self, include_drafts: bool = False) -> list[Story]:
        """Every story, newest first (ties broken by address, so the order is stable)."""
        stories = _translations(self.posts, Story, include_drafts)
        languages = self.settings.languages
        stories.sort(key=lambda story: story.sort_key(languages), reverse=True)
        return stories

    def happenings(self, include_drafts: bool = False) -> list[Happening]:
        """Every event with its translations, soonest start first (ties by address)."""
        happenings = _translations(self.events, Happening, include_drafts)
        languages = self.settings.languages
        happenings.sort(key=lambda h: (h.facts(languages).starts_at, h.key))
        return happenings

    def draft_sources(self) -> set[str]:
        """The source paths of drafts (posts and events): shown only by `mkdocs serve`."""
        return {p.norm_src_uri for p in self.posts if p.draft} | {
            e.norm_src_uri for e in self.events if e.draft
        }

    def event(self, lang: str, norm_src_uri: str) -> Event | None:
        """The event written in ``lang`` at ``events/<yyyy>/<slug>.md``, if any."""
        if not hasattr(self, "_event_index"):
            self._event_index = {(e.lang, e.norm_src_uri): e for e in self.events}
        return self._event_index.get((lang, norm_src_uri))

    def post(self, lang: str, norm_src_uri: str) -> Post | None:
        """The post written in ``lang`` at ``news/<yyyy>/<slug>.md``, if any."""
        if not hasattr(self, "_post_index"):
            self._post_index = {(p.lang, p.norm_src_uri): p for p in self.posts}
        return self._post_index.get((lang, norm_src_uri))

    def languages_of(self, norm_src_uri: str) -> list[str]:
        """The languages a content page is written in, in site order."""
        found = self.pages.get(norm_src_uri, {})
        return [lang for lang in self.settings.languages if lang in found]

    def shown_in(self, norm_src_uri: str) -> list[str]:
        """The languages a content page appears in: those it is written in, or every language
        when the default language has it (static-i18n's fallback)."""
        written = self.languages_of(norm_src_uri)
        if self.settings.default_language in written:
            return list(self.settings.languages)
        return written


def _markdown_files(folder: Path) -> list[Path]:
    found: list[Path] = []
    for directory, subdirectories, files in os.walk(folder):
        subdirectories[:] = sorted(d for d in subdirectories if not d.startswith("."))
        found.extend(Path(directory, name) for name in sorted(files) if name.endswith(".md"))
    return found


# Files an editor meant as a page, which the site would publish raw or not at all: Markdown
# under another extension, or a page saved with an extra one (zina.md.txt). Other files are
# photos, documents and downloads, published as they are on purpose.
_MARKDOWN_LIKE = (".md", ".markdown", ".mdown", ".mkd", ".mkdn")
_LANGUAGE_LIKE = re.compile(r"^[a-z]{2,3}(?:[_-][A-Za-z]{2,4})?$")  # de, pt_BR, sr-Latn


def _unused_content(settings: SiteSettings) -> list[Problem]:
    """Files under content/ the site would skip or publish by accident, each named with its fix."""
    problems: list[Problem] = []
    if not settings.docs_dir.is_dir():
        return problems
    for entry in sorted(settings.docs_dir.iterdir()):
        if (
            entry.is_dir()
            and _LANGUAGE_LIKE.match(entry.name)
            and (entry.name not in settings.languages)
        ):
            problems.append(
                Problem.of(
                    relative_path(entry, settings.root) + "/",
                    "folder",
                    "content.unknown_language",
                    value=entry.name,
                    languages=", ".join(settings.languages),
                )
            )
    problems.extend(_pages_outside_languages(settings))
    for directory, subdirectories, files in os.walk(settings.docs_dir):
        subdirectories[:] = sorted(d for d in subdirectories if not d.startswith("."))
        for name in sorted(files):
            path = Path(directory, name)
            suffix = path.suffix
            if name.startswith(".") or suffix == ".md":
                continue
            if suffix.lower() in _MARKDOWN_LIKE or path.stem.lower().endswith(".md"):
                page = path.stem if path.stem.endswith(".md") else f"{path.stem}.md"
                problems.append(
                    Problem.of(
                        relative_path(path, settings.root),
                        "file name",
                        "content.not_a_page",
                        page=page,
                    )
                )
    return problems


def _pages_outside_languages(settings: SiteSettings) -> list[Problem]:
    """Markdown files under content/ but outside every language folder (content/news/2023/x.md,
    content/x.md): no language owns them, so the build would publish them in each language
    beside the real pages, or fail on them. Photos and documents there are published as they
    are, on purpose; a folder named like a language the site lacks is reported as a folder."""
    problems: list[Problem] = []
    docs = settings.docs_dir
    for entry in sorted(docs.iterdir()):
        if entry.name.startswith(".") or entry.name in settings.languages:
            continue
        if entry.is_dir() and _LANGUAGE_LIKE.match(entry.name):
            continue
        pages = [entry] if entry.is_file() and entry.suffix == ".md" else []
        if entry.is_dir():
            pages = _markdown_files(entry)
        for path in pages:
            below = path.relative_to(docs)
            problems.append(
                Problem.of(
                    relative_path(path, settings.root),
                    "file",
                    "content.outside_language",
                    target=relative_path(docs / settings.default_language / below, settings.root),
                    languages=", ".join(settings.languages),
                )
            )
    return problems


def _check_page(
    path: Path, shown: str, lang: str, norm: str, theme: ThemeChoices
) -> tuple[MediaRefs, list[Problem]]:
    """A page that is not a post or an event (home, about, a project's narrative): its front
    matter must be readable, what the theme reads of it must exist; its photos are found."""
    text, problem = read_text(path, shown)
    if problem:
        return MediaRefs(), [problem]
    assert text is not None
    front, body, first_line = split_front_matter(text)
    photos = Checker(shown)
    refs = MediaRefs(
        gallery=(),
        in_text=read_text_photos(
            body, first_line + front.count("\n") + 1 if front is not None else 1, photos
        ),
    )
    if front is None:
        return refs, photos.problems
    doc, problem = parse_yaml(front, shown, first_line=first_line)
    if problem:
        return refs, [*photos.problems, problem]
    assert doc is not None
    if doc.data is None:
        return refs, photos.problems
    if not isinstance(doc.data, dict):
        photos.add("front matter", "page.front_matter_not_fields", line=first_line)
        return refs, photos.problems
    check = Checker(shown, doc)
    check.extend(photos.problems)
    check.extend(unreadable_problems(doc, shown))
    check.text(doc.data.get("description"), "description", as_written=False)
    check.extend(check_theme_fields(shown, theme_fields(doc), theme, _layout_fixed(norm)))
    # a post or an event saved in another folder (jaunumi/2023/x.md) is a page to MkDocs:
    # it would be published outside the lists, feeds and calendar without a word
    for field_name, key in (
        ("date", "page.post_outside_news"),
        ("start", "page.event_outside_events"),
    ):
        if field_name in doc.data:
            check.warn(field_name, key, lang=lang, slug=path.stem)
            break
    return refs, check.problems


def _layout_fixed(norm: str) -> bool:
    """True for a page whose address gives it its template (home, a project's page)."""
    found = classify(norm)
    return found is not None and found[0].template is not None


Entry = TypeVar("Entry", Post, Event)
Group = TypeVar("Group", Story, Happening)


def _translations(
    entries: Iterable[Entry], group: Callable[[str, dict[str, Entry]], Group], include_drafts: bool
) -> list[Group]:
    """The entries gathered by key, one group per piece of content (drafts only if asked)."""
    grouped: dict[str, dict[str, Entry]] = defaultdict(dict)
    for entry in entries:
        if include_drafts or not entry.draft:
            grouped[entry.key][entry.lang] = entry
    return [group(key, versions) for key, versions in grouped.items()]


def load_site(settings: SiteSettings, cache: PostCache | None = None) -> Site:
    """Read and check everything an editor writes. Never raises for bad input."""
    cache = cache or PostCache()
    cache.begin()
    projects, problems = load_projects(settings)
    project_files_ok = not any(
        p.path.startswith(relative_path(settings.data_dir, settings.root))
        and p.severity == "error"
        and p.field in ("yaml", "file", "encoding")
        for p in problems
    )
    known = frozenset(projects) if project_files_ok else None
    now = build_time()
    today = now.date()
    posts: list[Post] = []
    events: list[Event] = []
    seen_events: dict[tuple[str, str], str] = {}
    problems.extend(_timezone_problems(settings))
    pages: dict[str, dict[str, Path]] = defaultdict(dict)
    seen_slugs: dict[tuple[str, str], str] = {}
    media: dict[str, PostMedia] = {}

    problems.extend(_unused_content(settings))

    def find_media(refs: MediaRefs, path: Path, shown: str, slug: str, lang: str) -> None:
        """Looked up on every load: a photo can go missing while the text stays the same."""
        below = path.parent.relative_to(settings.docs_dir / lang) if lang else None
        media[shown], found = resolve_media(
            refs,
            post_file=path,
            shown=shown,
            slug=slug,
            lang=lang or settings.default_language,
            default_folder=settings.docs_dir / settings.default_language / below
            if below is not None
            else None,
            docs_dir=settings.docs_dir,
            language_root=settings.language_root,
        )
        problems.extend(found)

    for lang in settings.languages:
        lang_dir = settings.docs_dir / lang
        if not lang_dir.is_dir():
            continue
        for path in _markdown_files(lang_dir):
            shown = relative_path(path, settings.root)
            relative = path.relative_to(lang_dir).parts
            norm = "/".join(relative)
            pages[norm][lang] = path
            if norm in GENERATED_PAGES:
                problems.append(Problem.of(shown, "file", "page.generated_address", page=norm))
                continue
            if relative[0] == EVENTS and len(relative) > 1:
                event, found = parse_event(
                    path,
                    shown,
                    lang,
                    relative[1:],
                    set(known) if known is not None else None,
                    settings.timezone,
                )
                problems.extend(found)
                if event is None:
                    continue
                problems.extend(check_theme_fields(shown, event.theme, settings.theme, True))
                if _slug_is_new(seen_events, lang, event.slug, shown, problems):
                    events.append(event)
                    find_media(event.media, path, shown, event.slug, lang)
                continue
            if relative[0] != POSTS:
                refs, found = _check_page(path, shown, lang, norm, settings.theme)
                problems.extend(found)
                find_media(refs, path, shown, path.stem, lang)
                if (
                    relative[0] == PROJECTS
                    and len(relative) == 2
                    and path.stem not in projects
                    and known is not None
                ):
                    problems.append(
                        Problem.of(shown, "file name", "page.project_unknown", slug=path.stem)
                    )
                continue
            post, found = cache.parsed(
                path,
                lang,
                known,
                partial(
                    parse_post,
                    path,
                    shown,
                    lang,
                    relative[1:],
                    set(known) if known is not None else None,
                ),
            )
            problems.extend(found)
            if post is None:
                continue
            problems.extend(check_theme_fields(shown, post.theme, settings.theme, True))
            if not _slug_is_new(seen_slugs, lang, post.slug, shown, problems):
                continue
            find_media(post.media, path, shown, post.slug, lang)
            if post.date > today and not post.draft:
                problems.append(
                    Problem.of(
                        shown,
                        "date",
                        "post.in_the_future",
                        severity="warning",
                        date=post.date.isoformat(),
                    )
                )
            posts.append(post)
    problems.extend(review_warnings(projects, today))
    for project in projects.values():  # a project's photo sits beside its data file
        find_media(
            project.media, settings.data_dir / f"{project.slug}.yml", project.path, project.slug, ""
        )
    problems.extend(_second_reports(posts))
    cache.end()
    return Site(settings, projects, posts, dict(pages), problems, now, media, events)


def _second_reports(posts: list[Post]) -> list[Problem]:
    """A quarter has one quarterly report per language; a second one would publish beside it."""
    first: dict[tuple[str, int, int], Post] = {}
    problems = []
    for post in sorted(posts, key=lambda p: p.path):
        if post.kind != "quarterly" or post.draft:
            continue
        quarter = (post.lang, post.date.year, post.quarter)
        if quarter in first:
            problems.append(
                Problem.of(
                    post.path,
                    "kind",
                    "post.quarterly_twice",
                    other=first[quarter].path,
                    quarter=post.quarter,
                    year=post.date.year,
                )
            )
        else:
            first[quarter] = post
    return problems


def _slug_is_new(
    seen: dict[tuple[str, str], str], lang: str, slug: str, shown: str, problems: list[Problem]
) -> bool:
    """True the first time a slug is used in a language (in one section); else a problem."""
    earlier = seen.get((lang, slug))
    if earlier is not None:
        problems.append(Problem.of(shown, "file name", "post.slug_taken", slug=slug, other=earlier))
        return False
    seen[(lang, slug)] = shown
    return True


def _timezone_problems(settings: SiteSettings) -> list[Problem]:
    """The site's own time zone (the `timezone` option of the plugin) must be a real one."""
    import zoneinfo

    if settings.timezone in zoneinfo.available_timezones():
        return []
    return [
        Problem.of(
            "mkdocs.yml",
            "plugins.clustersite.timezone",
            "event.site_timezone_unknown",
            value=settings.timezone,
        )
    ]
