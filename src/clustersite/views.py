"""The pages clustersite generates, and what each of them shows, for one language.

:class:`LanguageViews` turns the model (projects and stories) into the views of one language:
news index pages, year and quarter archives, the project index and project pages. Every view
is a :class:`View` whose ``context`` the templates only loop over and format. All work here is
linear in the number of posts: stories are grouped once, and related news is taken from a
post's neighbours in time, never by comparing every post with every other.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Any
from urllib.parse import quote

from clustersite.event_views import EventViews
from clustersite.formatting import format_date, format_quarter, format_quarter_short
from clustersite.media import MediaLibrary, Picture
from clustersite.model import Site
from clustersite.posts import Post, Story
from clustersite.projects import Project
from clustersite.routes import path_url_of, route, source_of, url_of
from clustersite.strings import Translator
from clustersite.visibility import (
    Acknowledgement,
    Logo,
    acknowledgement,
    is_full_funding,
    national_logos,
)

__all__ = ["Entry", "LanguageViews", "View"]

STATUS_ORDER = {"ongoing": 0, "planned": 1, "completed": 2}
RELATED_LIMIT = 3
HOME_NEWS = 5


@dataclass
class Entry:
    """A post as it is listed in one language: its own version, or another language's."""

    title: str
    url: str  # from the site root, e.g. 'en/news/2020/x/'
    date: dt.date
    summary: str
    kind: str
    lang: str  # the language the listed version is written in
    foreign: bool  # True when the visitor's language has no version
    key: str
    year: int
    quarter: int
    projects: list[str]
    draft: bool = False  # listed only in `mkdocs serve`, marked
    image: Picture | None = None  # the post's photo, as a card shows it


@dataclass
class View:
    """One generated page in one language."""

    kind: str  # news-index | year | quarter | project-index | project
    lang: str
    norm_src_uri: str  # e.g. 'news/2020/q2.md'
    title: str
    context: dict[str, Any] = field(default_factory=dict)
    search: bool = False  # listings are left out of search: the posts themselves are in it
    body: str = ""  # Markdown, already escaped: what search indexes

    @property
    def template(self) -> str:
        return str(route(self.kind).template)

    @property
    def path_url(self) -> str:
        return path_url_of(self.norm_src_uri)


class LanguageViews:
    """Everything generated for one language, built once per language build."""

    def __init__(
        self,
        site: Site,
        lang: str,
        include_drafts: bool = False,
        media: MediaLibrary | None = None,
    ) -> None:
        self.site = site
        self.lang = lang
        self.media = media  # None: pages without photos (e.g. `clustersite check`)
        self.settings = site.settings
        self.t = Translator(lang)
        self.root = self.settings.language_root(lang)
        stories = site.stories(include_drafts=include_drafts)
        self.events = EventViews(site, lang, include_drafts=include_drafts)
        self.entries: list[Entry] = [self._entry(story) for story in stories]  # newest first
        self.by_key = {entry.key: entry for entry in self.entries}
        self.position = {entry.key: index for index, entry in enumerate(self.entries)}
        self.by_project: dict[str, list[Entry]] = defaultdict(list)
        self.by_quarter: dict[tuple[int, int], list[Entry]] = defaultdict(list)
        for entry in self.entries:
            for slug in entry.projects:
                self.by_project[slug].append(entry)
            self.by_quarter[(entry.year, entry.quarter)].append(entry)
        self.project_position = {
            (slug, entry.key): index
            for slug, entries in self.by_project.items()
            for index, entry in enumerate(entries)
        }
        self.quarter_position = {  # every entry is in exactly one quarter
            entry.key: index
            for entries in self.by_quarter.values()
            for index, entry in enumerate(entries)
        }

    # -- addresses ---------------------------------------------------------------------------
    def url(self, path_url: str, lang: str | None = None) -> str:
        """A URL from the site root: 'en/news/' for ('news/', 'en')."""
        return f"{self.settings.language_root(lang or self.lang)}{path_url}"

    def quarter_url(self, year: int, quarter: int) -> str:
        return self.url(url_of("quarter", year=year, quarter=quarter))

    def project_url(self, slug: str) -> str:
        return self.url(url_of("project", slug=slug))

    # -- entries -----------------------------------------------------------------------------
    def _entry(self, story: Story) -> Entry:
        post = story.version_for(self.lang, self.settings.languages)
        photo = self.media.of(post.path).image if self.media else None
        return Entry(
            title=post.title,
            url=self.url(post.path_url, post.lang),
            date=post.date,
            summary=post.summary,
            kind=post.kind,
            lang=post.lang,
            foreign=post.lang != self.lang,
            key=story.key,
            year=post.date.year,
            quarter=post.quarter,
            projects=post.projects,
            draft=post.draft,
            image=self.media.picture(photo, post.lang, "card") if self.media and photo else None,
        )

    @cached_property
    def archive(self) -> list[dict[str, Any]]:
        """Years, newest first, each with its quarters that have news."""
        years: dict[int, set[int]] = defaultdict(set)
        for year, quarter in self.by_quarter:
            years[year].add(quarter)
        return [
            {
                "year": year,
                "url": self.url(url_of("year", year=year)),
                "quarters": [
                    {
                        "quarter": q,
                        "label": format_quarter_short(year, q, self.lang),
                        "title": format_quarter(year, q, self.lang),
                        "url": self.quarter_url(year, q),
                        "count": len(self.by_quarter[(year, q)]),
                    }
                    for q in sorted(years[year], reverse=True)
                ],
            }
            for year in sorted(years, reverse=True)
        ]

    # -- views -------------------------------------------------------------------------------
    def views(self) -> list[View]:
        return [
            *self.news_index_views(),
            *self.archive_views(),
            self.project_index_view(),
            *[self.project_view(p) for p in self.sorted_projects()],
            *[
                View("events", self.lang, norm, title, context)
                for norm, title, context in self.events.listing_pages()
            ],
        ]

    def view_sources(self) -> list[str]:
        """The source path of every view, without building it (the sitemap needs only these).

        Every language lists every story, so the set is the same in every language.
        """
        pages = max(1, -(-len(self.entries) // max(1, self.settings.news_per_page)))
        years = sorted({year for year, _quarter in self.by_quarter})
        return [
            source_of("news-index"),
            *[source_of("news-page", number=number) for number in range(2, pages + 1)],
            *[source_of("year", year=year) for year in years],
            *[
                source_of("quarter", year=year, quarter=quarter)
                for year, quarter in sorted(self.by_quarter)
            ],
            source_of("project-index"),
            *[source_of("project", slug=slug) for slug in sorted(self.site.projects)],
            *self.events.view_sources(),
        ]

    def news_index_views(self) -> list[View]:
        per_page = max(1, self.settings.news_per_page)
        chunks = [
            self.entries[i : i + per_page] for i in range(0, len(self.entries), per_page)
        ] or [[]]
        archive = self.archive
        pages = []
        for number, chunk in enumerate(chunks, start=1):
            norm = source_of("news-index") if number == 1 else source_of("news-page", number=number)
            title = self.t("news") if number == 1 else self.t("news_page", n=number)
            pages.append(
                View(
                    "news-index",
                    self.lang,
                    norm,
                    title,
                    {
                        "entries": chunk,
                        "archive": archive,
                        "page": number,
                        "pages": len(chunks),
                        "newer_url": (
                            self.url(url_of("news-index"))
                            if number == 2
                            else self.url(url_of("news-page", number=number - 1))
                        )
                        if number > 1
                        else None,
                        "older_url": self.url(url_of("news-page", number=number + 1))
                        if number < len(chunks)
                        else None,
                    },
                )
            )
        return pages

    def archive_views(self) -> list[View]:
        views = []
        by_year: dict[int, list[Entry]] = defaultdict(list)
        for entry in self.entries:
            by_year[entry.year].append(entry)
        for year, entries in by_year.items():
            quarters = []
            for quarter in sorted({e.quarter for e in entries}, reverse=True):
                quarters.append(
                    {
                        "quarter": quarter,
                        "title": format_quarter(year, quarter, self.lang),
                        "url": self.quarter_url(year, quarter),
                        "entries": [e for e in entries if e.quarter == quarter],
                    }
                )
            views.append(
                View(
                    "year",
                    self.lang,
                    source_of("year", year=year),
                    self.t("year_archive_title", year=year),
                    {"year": year, "quarters": quarters, "archive": self.archive},
                )
            )
        for (year, quarter), entries in self.by_quarter.items():
            reports_first = sorted(
                entries, key=lambda e: e.kind != "quarterly"
            )  # stable: keeps date order
            title = format_quarter(year, quarter, self.lang)
            views.append(
                View(
                    "quarter",
                    self.lang,
                    source_of("quarter", year=year, quarter=quarter),
                    title,
                    {
                        "year": year,
                        "quarter": quarter,
                        "entries": reports_first,
                        "year_url": self.url(url_of("year", year=year)),
                        "archive": self.archive,
                        "intro": self.t("quarter_archive_intro", quarter=title),
                    },
                )
            )
        return views

    def sorted_projects(self) -> list[Project]:
        today = self.site.today
        return sorted(
            self.site.projects.values(),
            key=lambda p: (STATUS_ORDER[p.status(today)], -p.start.toordinal(), p.slug),
        )

    def project_card(self, project: Project) -> dict[str, Any]:
        """What the project index and the home page show of a project."""
        default = self.settings.default_language
        return {
            "slug": project.slug,
            "url": self.project_url(project.slug),
            "title": project.translated(project.title, self.lang, default),
            "title_lang": self.lang if self.lang in project.title else default,
            "acronym": project.acronym,
            "number": project.number,
            "fund": project.fund,
            "programme": project.translated(project.programme, self.lang, default),
            "fund_name": self.t(f"fund_{project.fund}"),
            "start": project.start,
            "end": project.end,
            "status": project.status(self.site.today),
            "budget": project.budget,
            "eu": self.eu_acknowledgement(project),
            "post_line": self.t("eu_post_line_number", number=project.number)
            if project.number
            else self.t(
                "eu_post_line_title",
                title=project.acronym or project.translated(project.title, self.lang, default),
            ),
        }

    def eu_acknowledgement(self, project: Project) -> Acknowledgement:
        """The emblem's statement, the fund and the disclaimer of the project's regime."""
        assert project.regime is not None  # a project is loaded only with a regime
        budget = project.budget
        return acknowledgement(
            project.regime,
            self.lang,
            project.fund,
            project.number,
            is_full_funding(budget.eu if budget else None, budget.total if budget else None),
            [
                *national_logos(project.regime, self.lang, self.settings.theme_dir),
                *self.logos(project, "programme"),  # an Interreg programme's logo, with the emblem
            ],
        )

    def logos(self, project: Project, kind: str = "partner") -> list[Logo]:
        """The project's own logos of one kind, in the page's language (each already checked
        for size)."""
        default = self.settings.default_language
        return [
            Logo(
                url=logo.site_path,
                alt=project.translated(logo.alt, self.lang, default),
                width=logo.width,
                height=logo.height,
                link=logo.url,
                lang=None if self.lang in logo.alt else default,
            )
            for logo in project.logos
            if logo.kind == kind
        ]

    def project_index_view(self) -> View:
        cards = [self.project_card(p) for p in self.sorted_projects()]
        totals: dict[str, dict[str, Decimal]] = {}
        for project in self.site.projects.values():
            if project.budget:
                sums = totals.setdefault(
                    project.budget.currency, {"total": Decimal(0), "eu": Decimal(0)}
                )
                sums["total"] += project.budget.total
                sums["eu"] += project.budget.eu
        return View(
            "project-index",
            self.lang,
            source_of("project-index"),
            self.t("projects"),
            {
                "projects": cards,
                "totals": [{"currency": c, **sums} for c, sums in sorted(totals.items())],
            },
            search=True,
        )

    def project_view(self, project: Project) -> View:
        from clustersite.markdown_text import escape_markdown

        default = self.settings.default_language
        summary = project.translated(project.summary, self.lang, default) or ""
        objectives = project.translated(project.objectives, self.lang, default) or []
        untranslated = [
            name
            for name, values in (
                ("title", project.title),
                ("summary", project.summary),
                ("objectives", project.objectives),
            )
            if values and self.lang not in values
        ]
        context = {
            **self.project_card(project),
            "project": project,
            "summary": summary,
            "objectives": objectives,
            "objectives_lang": self.lang if self.lang in project.objectives else default,
            "summary_lang": self.lang if self.lang in project.summary else default,
            "untranslated": untranslated,
            "links": [
                {"title": project.translated(link.title, self.lang, default), "url": link.url}
                for link in project.links
            ],
            "news": self.by_project.get(project.slug, []),
            "events": self.events.project_events(project.slug),
            "logos": self.logos(project),
        }
        return View(
            "project",
            self.lang,
            source_of("project", slug=project.slug),
            context["title"],
            context,
            search=True,
            body=escape_markdown(summary),
        )

    # -- posts and home ----------------------------------------------------------------------
    def post_context(self, post: Post, page_url: str) -> dict[str, Any]:
        entry = self.by_key.get(post.key)
        index = self.position.get(post.key)
        older = (
            self.entries[index + 1] if index is not None and index + 1 < len(self.entries) else None
        )
        newer = self.entries[index - 1] if index is not None and index > 0 else None
        projects = [
            self.project_card(self.site.projects[slug])
            for slug in post.projects
            if slug in self.site.projects
        ]
        return {
            "post": post,
            "quarter": {
                "year": post.date.year,
                "quarter": post.quarter,
                "url": self.quarter_url(post.date.year, post.quarter),
                "title": format_quarter(post.date.year, post.quarter, self.lang),
            },
            "projects": projects,
            "older": older,
            "newer": newer,
            "related": self.related(entry) if entry else [],
            "share": share_links(post.title, page_url, self.t),
            **self.post_media(post),
        }

    def post_media(self, post: Post) -> dict[str, Any]:
        """The photo, gallery, documents and social preview of a post."""
        if self.media is None:
            return {"cover": None, "gallery": None, "attachments": [], "social": None}
        media = self.media.of(post.path)
        image = media.image
        return {
            "cover": self.media.picture(image, post.lang, "cover") if image else None,
            "gallery": self.media.gallery(media.gallery, post.lang),
            "attachments": self.media.attachments(media.attachments, post.lang),
            "social": self.media.social_for_photo(image, post.lang)
            if image
            else self.media.social_card(post.title, format_date(post.date, self.lang)),
        }

    def site_social_card(self, title: str) -> Any:
        """The preview of a page that is not a post: its title on the site's card."""
        if self.media is None:
            return None
        return self.media.social_card(title, "")

    def related(self, entry: Entry) -> list[Entry]:
        """Up to three posts: the nearest in time of the same project, then of the same quarter."""
        key = entry.key
        chosen: list[Entry] = []
        seen = {key}

        def take(candidates: list[Entry], around: int) -> None:
            # walk outwards from the post's own position: nearest in time first
            for distance in range(1, len(candidates) + 1):
                for index in (around - distance, around + distance):
                    if 0 <= index < len(candidates) and candidates[index].key not in seen:
                        seen.add(candidates[index].key)
                        chosen.append(candidates[index])
                        if len(chosen) == RELATED_LIMIT:
                            return
                if around - distance < 0 and around + distance >= len(candidates):
                    return

        for slug in entry.projects:
            if len(chosen) < RELATED_LIMIT and (slug, key) in self.project_position:
                take(self.by_project[slug], self.project_position[(slug, key)])
        if len(chosen) < RELATED_LIMIT:
            take(self.by_quarter[(entry.year, entry.quarter)], self.quarter_position[key])
        return chosen

    def home_context(self) -> dict[str, Any]:
        today = self.site.today
        return {
            "latest": self.entries[:HOME_NEWS],
            "events": self.events.home_events(),
            "projects": [
                self.project_card(p) for p in self.sorted_projects() if p.status(today) == "ongoing"
            ],
        }


def share_links(title: str, absolute_url: str, t: Translator) -> list[dict[str, str]]:
    """Plain share URLs (no third-party script), each parameter percent-encoded."""
    url, text = quote(absolute_url, safe=""), quote(title, safe="")
    return [
        {"name": "email", "label": t("share_email"), "url": f"mailto:?subject={text}&body={url}"},
        {
            "name": "linkedin",
            "label": t("share_linkedin"),
            "url": f"https://www.linkedin.com/sharing/share-offsite/?url={url}",
        },
        {
            "name": "facebook",
            "label": t("share_facebook"),
            "url": f"https://www.facebook.com/sharer/sharer.php?u={url}",
        },
        {
            "name": "x",
            "label": t("share_x"),
            "url": f"https://x.com/intent/post?url={url}&text={text}",
        },
    ]
