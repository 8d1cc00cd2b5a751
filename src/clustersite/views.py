"""The pages clustersite generates, and what each of them shows, for one language.

:class:`LanguageViews` turns the model (projects and stories) into the views of one language:
news index pages, year and quarter archives, the project index and project pages, and the
data of the pages editors write (home, posts, project narratives). Each page kind has its own
dataclass (:class:`HomePage`, :class:`NewsIndexPage`, :class:`YearArchive`,
:class:`QuarterArchive`, :class:`PostPage`, :class:`ProjectIndex`, :class:`ProjectPage`),
built from shared pieces (:class:`Entry`, :class:`ProjectCard`, :class:`Fact`,
:class:`BudgetBar`, :class:`ShareLink`). Every value a template prints is computed and
localised here: templates only print and loop (a test checks that they hold no arithmetic
and no calls).

All work here is linear in the number of posts: stories are grouped once, and related news
is taken from a post's neighbours in time, never by comparing every post with every other.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Any
from urllib.parse import quote

from clustersite.event_views import EventCard, EventListing, EventPage, EventViews
from clustersite.formatting import (
    country_name,
    format_date,
    format_money,
    format_percent_share,
    format_period,
    language_name,
)
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

__all__ = [
    "ArchiveQuarter",
    "ArchiveYear",
    "BudgetBar",
    "Entry",
    "Fact",
    "HomePage",
    "LanguageViews",
    "Link",
    "NewsIndexPage",
    "PartnerRow",
    "PostPage",
    "ProjectCard",
    "ProjectIndex",
    "ProjectPage",
    "QuarterArchive",
    "QuarterSection",
    "ShareLink",
    "Total",
    "View",
    "When",
    "YearArchive",
]

STATUS_ORDER = {"ongoing": 0, "planned": 1, "completed": 2}
RELATED_LIMIT = 3
HOME_NEWS = 5


# -- shared pieces ---------------------------------------------------------------------------
@dataclass(frozen=True)
class When:
    """A date as a page shows it: the text for readers, the ISO value for ``<time>``."""

    text: str
    iso: str


@dataclass(frozen=True)
class Link:
    text: str
    url: str  # from the site root, or absolute for links off the site
    lang: str = ""  # set when the text is in another language than the page


@dataclass
class Entry:
    """A post as it is listed in one language: its own version, or another language's."""

    title: str
    url: str  # from the site root, e.g. 'en/news/2020/x/'
    date: dt.date
    when: When
    summary: str
    kind: str
    lang: str  # the language the listed version is written in
    foreign: bool  # True when the visitor's language has no version
    language_badge: str  # "in Latvian" when foreign, else ""
    key: str
    year: int
    quarter: int
    projects: list[str]
    quarterly: bool
    draft: bool = False  # listed only in `mkdocs serve`, marked
    image: Picture | None = None  # the post's photo, as a card shows it


@dataclass(frozen=True)
class Fact:
    """One row of a facts box: a label and its value, as text or as links."""

    label: str
    text: str = ""
    links: tuple[Link, ...] = ()
    status: str = ""  # planned | ongoing | completed: the value is a status badge


@dataclass(frozen=True)
class BudgetBar:
    """A project's budget: amounts, shares and the bar drawn as inline SVG, all as text."""

    total: str
    eu: str
    eu_rate: str  # the EU share in a phrase: "85 % of the total cost"
    cofinancing: str
    rate: str  # "85 %"
    corate: str  # "15 %"
    label: str  # the bar's text equivalent
    eu_width: str  # the EU part of the bar, in % of its width: "85.00"
    co_width: str


@dataclass(frozen=True)
class ShareLink:
    name: str
    label: str
    url: str


@dataclass
class ProjectCard:
    """What the project index, the home page and a post show of a project."""

    slug: str
    url: str
    title: str  # the official title as registered, else the title in the page's language
    title_lang: str  # the language the title is written in
    translation: str  # the official title in the page's language, shown under it; or ""
    acronym: str
    number: str
    fund: str
    fund_name: str
    programme: str
    period: str
    status: str
    status_label: str
    total: str  # the total cost as text, "" without a published budget
    eu_amount: str
    short_name: str  # the acronym, else the title
    eu: Acknowledgement  # the statement of the project's regime, with the emblem
    post_line: str  # "Carried out under project No …": under the statement on posts
    image: Picture | None = None  # the project's photo on the home page's cards
    row_image: Picture | None = None  # the same, small, beside its title in the project index


@dataclass(frozen=True)
class ArchiveQuarter:
    label: str
    title: str
    url: str
    count: int


@dataclass(frozen=True)
class ArchiveYear:
    year: int
    url: str
    quarters: tuple[ArchiveQuarter, ...]


@dataclass(frozen=True)
class Total:
    label: str
    total: str
    eu: str


@dataclass(frozen=True)
class PartnerRow:
    name: str
    url: str  # the partner's site, or ""
    country: str  # the country's name in the page's language


@dataclass
class QuarterSection:
    title: str
    url: str
    entries: list[Entry]


# -- pages -----------------------------------------------------------------------------------
@dataclass
class HomePage:
    latest: list[Entry]
    events: list[EventCard]  # the next few
    projects: list[ProjectCard]


@dataclass
class NewsIndexPage:
    entries: list[Entry]
    archive: list[ArchiveYear]
    page: int
    pages: int
    newer_url: str | None
    older_url: str | None
    pager: str  # "2 / 5", "" when there is one page only


@dataclass
class YearArchive:
    year: int
    intro: str  # how many posts the year has, in a sentence
    quarters: list[QuarterSection]
    archive: list[ArchiveYear]


@dataclass
class QuarterArchive:
    year: int
    quarter: int
    intro: str
    entries: list[Entry]
    year_link: Link
    archive: list[ArchiveYear]


@dataclass
class PostPage:
    projects: list[ProjectCard]  # each with its EU statement, under the text
    when: When
    published: str  # "Publicēts 2020. gada 30. jūnijā": the date in a sentence
    author: str  # "Author: LETERA", or ""
    quarterly: bool
    facts: list[Fact]
    newer: Entry | None
    older: Entry | None
    related: list[Entry]
    share: list[ShareLink]
    cover: Picture | None = None  # the post's photo, above the text
    gallery: Any = None  # media.Gallery, or None
    attachments: list[Any] = field(default_factory=list)  # media.Attachment
    social: Any = None  # the preview image of the page (og:image)
    draft: bool = False  # only `mkdocs serve` renders a draft: marked in the page's language


@dataclass
class ProjectIndex:
    projects: list[ProjectCard]
    count: str  # how many projects are listed, in a sentence
    totals: list[Total]


@dataclass
class ProjectPage:
    card: ProjectCard
    heading: str  # the title, with the acronym when it is not the title itself
    facts: list[Fact]
    budget: BudgetBar | None
    summary: str
    summary_lang: str
    objectives: list[str]
    objectives_lang: str
    partners: list[PartnerRow]
    logos: list[Logo]  # the project's own, never larger than the emblem
    links: list[Link]
    news: list[Entry]
    events: list[EventCard]
    untranslated: list[str]  # fields shown in the default language
    cover: Picture | None = None  # the project's photo
    social: Any = None  # the preview image of the page (og:image)


PageData = (
    HomePage
    | NewsIndexPage
    | YearArchive
    | QuarterArchive
    | PostPage
    | ProjectIndex
    | ProjectPage
    | EventListing
    | EventPage
)


@dataclass
class View:
    """One generated page in one language."""

    kind: str  # news-index | year | quarter | project-index | project
    lang: str
    norm_src_uri: str  # e.g. 'news/2020/q2.md'
    title: str
    data: PageData | None = None
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
        self.locale = self.settings.babel_locale(lang)  # the site's variant: en_GB
        self.t = Translator(lang, self.locale)
        self.root = self.settings.language_root(lang)
        stories = site.stories(include_drafts=include_drafts)
        self.events = EventViews(site, lang, include_drafts=include_drafts, media=media)
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
        self._cards: dict[str, ProjectCard] = {}  # project slug -> its card (project_card)
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

    # -- formatted values --------------------------------------------------------------------
    def when(self, value: dt.date) -> When:
        return When(format_date(value, self.locale), value.isoformat())

    def money(self, amount: Decimal, currency: str) -> str:
        return format_money(amount, currency, self.locale)

    def quarter_title(self, year: int, quarter: int) -> str:
        return self.t("quarter_title", year=year, quarter=quarter)

    # -- entries -----------------------------------------------------------------------------
    def _entry(self, story: Story) -> Entry:
        post = story.version_for(self.lang, self.settings.languages)
        foreign = post.lang != self.lang
        photo = self.media.of(post.path).image if self.media else None
        return Entry(
            title=post.title,
            url=self.url(post.path_url, post.lang),
            date=post.date,
            when=self.when(post.date),
            summary=post.summary,
            kind=post.kind,
            lang=post.lang,
            foreign=foreign,
            language_badge=self.t("in_language", language=language_name(post.lang, self.locale))
            if foreign
            else "",
            key=story.key,
            year=post.date.year,
            quarter=post.quarter,
            projects=post.projects,
            quarterly=post.kind == "quarterly",
            draft=post.draft,
            image=self.media.picture(photo, post.lang, "card") if self.media and photo else None,
        )

    @cached_property
    def archive(self) -> list[ArchiveYear]:
        """Years, newest first, each with its quarters that have news."""
        years: dict[int, set[int]] = defaultdict(set)
        for year, quarter in self.by_quarter:
            years[year].add(quarter)
        return [
            ArchiveYear(
                year=year,
                url=self.url(url_of("year", year=year)),
                quarters=tuple(
                    ArchiveQuarter(
                        label=self.t("quarter_short", year=year, quarter=q),
                        title=self.quarter_title(year, q),
                        url=self.quarter_url(year, q),
                        count=len(self.by_quarter[(year, q)]),
                    )
                    for q in sorted(years[year], reverse=True)
                ),
            )
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
                View("events", self.lang, norm, title, listing)
                for norm, title, listing in self.events.listing_pages()
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
        pages = len(chunks)

        def page_url(number: int) -> str:
            return self.url(
                url_of("news-index") if number == 1 else url_of("news-page", number=number)
            )

        views = []
        for number, chunk in enumerate(chunks, start=1):
            norm = source_of("news-index") if number == 1 else source_of("news-page", number=number)
            title = self.t("news") if number == 1 else self.t("news_page", n=number)
            data = NewsIndexPage(
                entries=chunk,
                archive=self.archive,
                page=number,
                pages=pages,
                newer_url=page_url(number - 1) if number > 1 else None,
                older_url=page_url(number + 1) if number < pages else None,
                pager=f"{number} / {pages}" if pages > 1 else "",
            )
            views.append(View("news-index", self.lang, norm, title, data))
        return views

    def archive_views(self) -> list[View]:
        views = []
        by_year: dict[int, list[Entry]] = defaultdict(list)
        for entry in self.entries:
            by_year[entry.year].append(entry)
        for year, entries in by_year.items():
            quarters = [
                QuarterSection(
                    title=self.quarter_title(year, quarter),
                    url=self.quarter_url(year, quarter),
                    entries=[e for e in entries if e.quarter == quarter],
                )
                for quarter in sorted({e.quarter for e in entries}, reverse=True)
            ]
            views.append(
                View(
                    "year",
                    self.lang,
                    source_of("year", year=year),
                    self.t("year_archive_title", year=year),
                    YearArchive(
                        year=year,
                        intro=self.t.count("year_archive_intro", len(entries), year=year),
                        quarters=quarters,
                        archive=self.archive,
                    ),
                )
            )
        for (year, quarter), entries in self.by_quarter.items():
            reports_first = sorted(entries, key=lambda e: not e.quarterly)  # keeps date order
            title = self.quarter_title(year, quarter)
            views.append(
                View(
                    "quarter",
                    self.lang,
                    source_of("quarter", year=year, quarter=quarter),
                    title,
                    QuarterArchive(
                        year=year,
                        quarter=quarter,
                        intro=self.t("quarter_archive_intro", year=year, quarter=quarter),
                        entries=reports_first,
                        year_link=Link(
                            self.t("year_archive_title", year=year),
                            self.url(url_of("year", year=year)),
                        ),
                        archive=self.archive,
                    ),
                )
            )
        return views

    def sorted_projects(self) -> list[Project]:
        today = self.site.today
        return sorted(
            self.site.projects.values(),
            key=lambda p: (STATUS_ORDER[p.status(today)], -p.start.toordinal(), p.slug),
        )

    def project_card(self, project: Project) -> ProjectCard:
        """What the project index, the home page and every post of a project show of it: made
        once per language build (a post page shows the cards of its projects)."""
        if project.slug not in self._cards:
            self._cards[project.slug] = self._project_card(project)
        return self._cards[project.slug]

    def _project_card(self, project: Project) -> ProjectCard:
        default = self.settings.default_language
        title = project.name(self.lang, default)
        fund_name = self.t(f"fund_{project.fund}")
        status = project.status(self.site.today)
        budget = project.budget
        return ProjectCard(
            slug=project.slug,
            url=self.project_url(project.slug),
            title=title,
            title_lang=project.name_language(self.lang, default),
            translation=project.name_translation(self.lang),
            acronym=project.acronym or "",
            number=project.number or "",
            fund=project.fund,
            fund_name=fund_name,
            programme=project.translated(project.programme, self.lang, default) or "",
            period=format_period(project.start, project.end, self.locale),
            status=status,
            status_label=self.t(f"status_{status}"),
            total=self.money(budget.total, budget.currency) if budget else "",
            eu_amount=self.money(budget.eu, budget.currency) if budget else "",
            short_name=project.acronym or title,
            eu=self.eu_acknowledgement(project),
            post_line=self.t("eu_post_line_number", number=project.number)
            if project.number
            # an acronym is a name, not a title: Latvian and Italian do not quote it
            else self.t("eu_post_line_acronym", acronym=project.acronym)
            if project.acronym
            else self.t("eu_post_line_title", title=title),
            image=self.project_picture(project, "card"),
            row_image=self.project_picture(project, "row"),
        )

    def not_translated_notice(self, shown_in: str, whole_page: bool = True) -> str:
        """The notice on a page (or the parts of one) shown in another language."""
        key = "not_translated" if whole_page else "not_translated_parts"
        return self.t(key, language=language_name(shown_in, self.locale))

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
            ProjectIndex(
                projects=cards,
                count=self.t.count("project_index_count", len(cards)),
                totals=[
                    Total(
                        label=self.t("totals_in", currency=currency),
                        total=self.money(sums["total"], currency),
                        eu=self.money(sums["eu"], currency),
                    )
                    for currency, sums in sorted(totals.items())
                ],
            ),
            search=True,
        )

    def budget_bar(self, project: Project) -> BudgetBar | None:
        budget = project.budget
        if budget is None:
            return None
        rate = format_percent_share(budget.eu_rate, self.locale)
        corate = format_percent_share(1 - budget.eu_rate, self.locale)
        total = self.money(budget.total, budget.currency)
        eu = self.money(budget.eu, budget.currency)
        cofinancing = self.money(budget.cofinancing_amount, budget.currency)
        eu_width = float(budget.eu_rate * 100)
        return BudgetBar(
            total=total,
            eu=eu,
            eu_rate=self.t("eu_rate", rate=rate),
            cofinancing=cofinancing,
            rate=rate,
            corate=corate,
            label=self.t(
                "budget_bar_label",
                eu=eu,
                rate=rate,
                cofinancing=cofinancing,
                corate=corate,
                total=total,
            ),
            eu_width=f"{eu_width:.2f}",
            co_width=f"{100 - eu_width:.2f}",
        )

    def project_facts(self, project: Project, card: ProjectCard) -> list[Fact]:
        t = self.t
        facts = [
            Fact(t("project_number"), card.number) if card.number else None,
            Fact(t("project_acronym"), card.acronym) if card.acronym else None,
            Fact(t("beneficiary"), project.beneficiary) if project.beneficiary else None,
            Fact(t("programme"), card.programme) if card.programme else None,
            Fact(t("fund"), card.fund_name),
            Fact(t("period"), card.period),
            Fact(t("status"), card.status_label, status=card.status),
        ]
        return [fact for fact in facts if fact is not None]

    def project_view(self, project: Project) -> View:
        from clustersite.markdown_text import escape_markdown

        default = self.settings.default_language
        card = self.project_card(project)
        summary = project.translated(project.summary, self.lang, default) or ""
        objectives = project.translated(project.objectives, self.lang, default) or []
        untranslated = [
            name
            for name, values in (
                ("title", {} if project.official_title else project.title),
                ("summary", project.summary),
                ("objectives", project.objectives),
            )
            if values and self.lang not in values
        ]
        acronym_apart = card.acronym and card.acronym != card.title
        data = ProjectPage(
            card=card,
            heading=f"{card.title} ({card.acronym})" if acronym_apart else card.title,
            facts=self.project_facts(project, card),
            budget=self.budget_bar(project),
            summary=summary,
            summary_lang=self.lang if self.lang in project.summary else default,
            objectives=list(objectives),
            objectives_lang=self.lang if self.lang in project.objectives else default,
            partners=[
                PartnerRow(
                    partner.name, partner.url or "", country_name(partner.country, self.locale)
                )
                for partner in project.partners
            ],
            links=[
                Link(project.translated(link.title, self.lang, default), link.url)
                for link in project.links
            ],
            news=self.by_project.get(project.slug, []),
            events=self.events.project_events(project.slug),
            logos=self.logos(project),
            untranslated=untranslated,
            **self.project_media(project),
        )
        return View(
            "project",
            self.lang,
            source_of("project", slug=project.slug),
            card.title,
            data,
            search=True,
            body=escape_markdown(summary),
        )

    # -- posts and home ----------------------------------------------------------------------
    def post_page(self, post: Post, page_url: str) -> PostPage:
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
        year = post.date.year
        facts = [
            Fact(
                self.t("projects_of_post"),
                links=tuple(Link(card.short_name, card.url) for card in projects),
            )
            if projects
            else None,
            Fact(
                self.t("quarter_of_post"),
                links=(
                    Link(
                        self.quarter_title(year, post.quarter), self.quarter_url(year, post.quarter)
                    ),
                ),
            ),
        ]
        return PostPage(
            projects=projects,
            when=self.when(post.date),
            published=self.t.with_date("published", post.date),
            author=self.t("post_author", author=post.author) if post.author else "",
            quarterly=post.kind == "quarterly",
            facts=[fact for fact in facts if fact is not None],
            newer=newer,
            older=older,
            related=self.related(entry) if entry else [],
            share=share_links(post.title, page_url, self.t),
            draft=post.draft,
            **self.post_media(post),
        )

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
            else self.media.social_card(post.title, format_date(post.date, self.locale)),
        }

    def project_picture(self, project: Project, role: str) -> Picture | None:
        """The project's photo for ``role`` (a key of media.SIZES), or None."""
        photo = self.media.of(project.path).image if self.media else None
        if self.media is None or photo is None:
            return None
        return self.media.picture(photo, self.settings.default_language, role)

    def project_media(self, project: Project) -> dict[str, Any]:
        """A project page's photo and social preview (the card of a page without one)."""
        photo = self.media.of(project.path).image if self.media else None
        if self.media is None or photo is None:
            return {"cover": None, "social": None}
        return {
            "cover": self.project_picture(project, "cover"),
            "social": self.media.social_for_photo(photo, self.settings.default_language),
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

    def home_page(self) -> HomePage:
        today = self.site.today
        return HomePage(
            latest=self.entries[:HOME_NEWS],
            events=self.events.home_events(),
            projects=[
                self.project_card(p) for p in self.sorted_projects() if p.status(today) == "ongoing"
            ],
        )


def share_links(title: str, absolute_url: str, t: Translator) -> list[ShareLink]:
    """Plain share URLs (no third-party script), each parameter percent-encoded."""
    url, text = quote(absolute_url, safe=""), quote(title, safe="")
    return [
        ShareLink("email", t("share_email"), f"mailto:?subject={text}&body={url}"),
        ShareLink(
            "linkedin",
            t("share_linkedin"),
            f"https://www.linkedin.com/sharing/share-offsite/?url={url}",
        ),
        ShareLink(
            "facebook", t("share_facebook"), f"https://www.facebook.com/sharer/sharer.php?u={url}"
        ),
        ShareLink("x", t("share_x"), f"https://x.com/intent/post?url={url}&text={text}"),
    ]
