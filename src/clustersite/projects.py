"""The project model: ``data/projects/<slug>.yml``, loaded and validated once per build.

Each file holds the language-neutral facts of one project (docs/editor-guide.md lists them).
:func:`load_projects` returns every project that is sound and a :class:`Problem` for each
thing wrong, so the build can stop with one message and ``clustersite check`` can list all.
Derived facts (end date from ``months``, EU rate, status) are computed here, not in templates.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError

from clustersite.checker import CENT, Checker, kind_of
from clustersite.errors import Problem, relative_path
from clustersite.formatting import is_country_code
from clustersite.media import PHOTO_FIELDS, MediaRefs, read_media_fields
from clustersite.routes import SLUG
from clustersite.settings import SiteSettings
from clustersite.slugs import slugify
from clustersite.visibility import (
    EMBLEM_HEIGHT,
    EMBLEM_WIDTH,
    Regime,
    image_size,
    load_regimes,
    project_country,
    rendered_size,
    resolve_regime,
)
from clustersite.yamlio import YamlDocument, parse_yaml, read_text

__all__ = ["FUNDS", "Budget", "Partner", "Project", "load_projects", "project_status"]

FUNDS = ("ERDF", "ESF", "CF", "COSME", "HORIZON", "INTERREG", "EAFRD", "OTHER")
PHOTO_FOLDER = "photos"
PROJECT_FIELDS = {
    "number",
    "acronym",
    "official_title",
    "official_title_language",
    "title",
    "summary",
    "beneficiary",
    "programme",
    "fund",
    "start",
    "end",
    "months",
    "budget",
    "partners",
    "objectives",
    "links",
    # EU visibility and open data (clustersite/visibility.py, sitefiles.projects_json)
    "regime",
    "logos",
    "reviewed",
    "kohesio_id",
    "keep_eu_id",
    "cci",
    # a photo for the project page, its cards and its social preview (clustersite/media.py)
    "image",
    "image_alt",
    "image_credit",
    "location",
}
BUDGET_FIELDS = {"currency", "total", "eu", "cofinancing", "rate", "as_of", "source"}
LOGO_FIELDS = {"file", "alt", "url", "height", "kind"}
LOGO_FOLDER = "logos"  # data/projects/logos/: the only folder beside the project files
LOGO_KINDS = ("partner", "programme")
LOGO_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg", ".webp", ".gif")
PARTNER_FIELDS = {"name", "country", "url"}
LINK_FIELDS = {"title", "url"}
MAX_MONTHS = 1200  # a century; beyond it the end date leaves the calendar
# Codes Babel names but that are no country a partner can be in (groupings, "Unknown Region",
# the codes ISO 3166 leaves for private use).
NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "ZZ", "AA", "XA", "XB"}) | frozenset(
    f"Q{letter}" for letter in "MNOPQRSTUVWXYZ"
)
RATE_TOLERANCE = Decimal("0.05")  # percentage points: a declared 85 % may round 84.96 %


@dataclass(frozen=True)
class Budget:
    currency: str
    total: Decimal
    eu: Decimal
    cofinancing: Decimal | None
    as_of: dt.date | None = None  # the day the figures were true (published figures drift)
    source: str | None = None  # where they were published

    @property
    def eu_rate(self) -> Decimal:
        """The EU share of the total cost (0.85 for 85 %)."""
        return self.eu / self.total if self.total else Decimal(0)

    @property
    def cofinancing_amount(self) -> Decimal:
        return self.cofinancing if self.cofinancing is not None else self.total - self.eu


@dataclass(frozen=True)
class Partner:
    name: str
    country: str
    url: str | None = None


@dataclass(frozen=True)
class ProjectLogo:
    """A partner's or the programme's logo, as the project's pages draw it."""

    file: str  # as the editor wrote it, relative to the project files' folder
    path: Path
    alt: dict[str, str]
    width: int  # rendered, in CSS pixels
    height: int
    url: str | None = None
    kind: str = "partner"  # or "programme" (an Interreg programme's logo carries the emblem)

    @property
    def site_path(self) -> str:
        """Where the build copies the file, from the site root."""
        return f"assets/projects/{self.file}"


@dataclass(frozen=True)
class Link:
    title: dict[str, str]
    url: str


@dataclass
class Project:
    slug: str
    path: str  # as an editor knows it, e.g. data/projects/neeghw.yml
    title: dict[str, str]
    fund: str
    start: dt.date
    end: dt.date
    number: str | None = None
    acronym: str | None = None
    official_title: str | None = None  # the registered name, shown as written in every language
    official_title_language: str | None = None  # its language as an HTML lang value, e.g. en
    summary: dict[str, str] = field(default_factory=dict)
    beneficiary: str | None = None
    programme: dict[str, str] = field(default_factory=dict)
    budget: Budget | None = None
    partners: list[Partner] = field(default_factory=list)
    objectives: dict[str, list[str]] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)
    regime: Regime | None = None  # the EU visibility rules its pages follow
    logos: list[ProjectLogo] = field(default_factory=list)
    reviewed: dt.date | None = None  # the last day an editor checked the page was up to date
    kohesio_id: str | None = None
    keep_eu_id: str | None = None
    cci: str | None = None  # the programme's CCI code, e.g. 2014LV16MAOP001
    location: str | None = None  # a NUTS code, e.g. LV006
    media: MediaRefs = field(default_factory=MediaRefs)  # its photo, as written

    def translated(self, values: dict[str, Any], lang: str, default: str) -> Any:
        """A per-language value in ``lang``, else the default language's."""
        return values.get(lang) or values.get(default)

    def status(self, today: dt.date) -> str:
        return project_status(self.start, self.end, today)

    def name(self, lang: str, default: str) -> str:
        """The project's name on a page in ``lang``: its official title as registered, else its
        title in ``lang`` (the default language's where ``lang`` has none)."""
        return self.official_title or self.translated(self.title, lang, default)

    def name_language(self, lang: str, default: str) -> str:
        """The language :meth:`name` is written in (``lang`` itself when the editor did not say
        which language the official title is in: the page's language is then assumed)."""
        if self.official_title:
            return self.official_title_language or lang
        return lang if lang in self.title else default

    def name_translation(self, lang: str) -> str:
        """The official title translated into ``lang``, shown under it; "" where the editor gave
        none (never another language's), or where it is the official title itself."""
        translation = self.title.get(lang, "") if self.official_title else ""
        return "" if translation == self.official_title else translation


def project_status(start: dt.date, end: dt.date, today: dt.date) -> str:
    """'planned', 'ongoing' or 'completed' on ``today``.

    >>> d = dt.date
    >>> [project_status(d(2020, 9, 1), d(2022, 2, 28), t) for t in (d(2020, 8, 31), d(2020, 9, 1),
    ...     d(2022, 2, 28), d(2022, 3, 1))]
    ['planned', 'ongoing', 'ongoing', 'completed']
    """
    if today < start:
        return "planned"
    if today > end:
        return "completed"
    return "ongoing"


def add_months(start: dt.date, months: int) -> dt.date:
    """The last day of a period of ``months`` months that begins on ``start``.

    >>> add_months(dt.date(2020, 9, 1), 18)
    datetime.date(2022, 2, 28)
    >>> add_months(dt.date(2017, 1, 1), 60)
    datetime.date(2021, 12, 31)
    """
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    last_day = [31, 29 if _leap(year) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    return dt.date(year, month, min(start.day, last_day)) - dt.timedelta(days=1)


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _parse_project(
    slug: str, path: str, doc: YamlDocument, settings: SiteSettings
) -> tuple[Project | None, list[Problem]]:
    check = Checker(path, doc)
    data = doc.data
    if data is None:
        check.add("file", "project.empty")
        return None, check.problems
    if not isinstance(data, dict):
        check.add("file", "file.not_fields", kind=kind_of(data))
        return None, check.problems
    languages = settings.languages
    check.unknown(data, PROJECT_FIELDS, "")
    official_title, official_language = _parse_official_title(data, check)
    # beside an official title (even a wrongly written one) the titles are optional translations
    named = official_title is not None or isinstance(data.get("official_title"), dict)
    title = check.translations(
        data.get("title"), "title", languages, required=not named and "title" in data
    )
    if not named and "title" not in data:
        check.add("title", "project.no_title", default=settings.default_language)
    summary = check.translations(data.get("summary"), "summary", languages, required=False)
    fund_text = check.text(data.get("fund"), "fund", required=True)
    fund = fund_text.upper() if fund_text else None
    if fund is not None and fund not in FUNDS:
        check.add("fund", "project.fund_unknown", value=fund_text, funds=", ".join(FUNDS))
        fund = None
    start = check.date(data.get("start"), "start", required=True)
    end = check.date(data.get("end"), "end")
    if data.get("months") is not None:
        months = check.whole_number(data.get("months"), "months", 1, MAX_MONTHS)
        if end is not None:
            check.add("months", "project.end_and_months")
        elif months is not None and start is not None:
            end = add_months(start, months)
    elif end is None and data.get("end") is None:  # missing, or `end:` with nothing after it
        check.add("end", "project.no_end")
    if start and end and end < start:
        check.add("end", "project.end_before_start", end=end.isoformat(), start=start.isoformat())

    budget = _parse_budget(data.get("budget"), check)
    partners = _parse_partners(data.get("partners"), check)
    objectives = _parse_objectives(data.get("objectives"), check, languages)
    links = _parse_links(data.get("links"), check, languages)
    number = check.text(data.get("number"), "number")
    acronym = check.text(data.get("acronym"), "acronym")
    beneficiary = check.text(data.get("beneficiary"), "beneficiary")
    programme = check.translations(data.get("programme"), "programme", languages, required=False)
    extra = _parse_visibility(data, check, settings, fund, start, number)
    photo = read_media_fields(
        {key: data[key] for key in PHOTO_FIELDS if key in data},
        settings.default_language,
        check,
    ).image
    if check.problems or not (fund and start and end):
        return None, check.problems
    project = Project(
        slug=slug,
        path=path,
        title=title,
        fund=fund,
        start=start,
        end=end,
        number=number,
        acronym=acronym,
        official_title=official_title,
        official_title_language=official_language,
        summary=summary,
        beneficiary=beneficiary,
        programme=programme,
        budget=budget,
        partners=partners,
        objectives=objectives,
        links=links,
        media=MediaRefs(image=photo, gallery=()),
        **extra,
    )
    return project, check.problems


def _parse_official_title(data: dict[str, Any], check: Checker) -> tuple[str | None, str | None]:
    """The registered name (one text for every language) and the language it is written in."""
    value = data.get("official_title")
    if isinstance(value, dict):
        check.add("official_title", "project.official_title_per_language")
        return None, None
    official = check.text(value, "official_title")  # left empty: as if it were not there
    language = check.text(data.get("official_title_language"), "official_title_language")
    if language is None:
        return official, None
    if official is None:
        check.add("official_title_language", "project.official_title_language_alone")
        return official, None
    try:
        Locale.parse(language.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        check.add(
            "official_title_language", "project.official_title_language_unknown", value=language
        )
        return official, None
    return official, language.replace("_", "-")


def _parse_budget(value: Any, check: Checker) -> Budget | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        check.add("budget", "budget.not_fields", kind=kind_of(value))
        return None
    check.unknown(value, BUDGET_FIELDS, "budget.")
    currency = (check.text(value.get("currency"), "budget.currency") or "EUR").upper()
    if not re.fullmatch(r"[A-Z]{3}", currency):
        check.add("budget.currency", "budget.currency", value=currency)
    total = check.amount(value.get("total"), "budget.total", required=True)
    eu = check.amount(value.get("eu"), "budget.eu", required=True)
    cofinancing = check.amount(value.get("cofinancing"), "budget.cofinancing")
    if total is None or eu is None:
        return None
    if eu > total:
        check.add("budget.eu", "budget.eu_more_than_total", eu=str(eu), total=str(total))
        return None
    if cofinancing is not None and eu + cofinancing != total:
        check.add(
            "budget.cofinancing",
            "budget.does_not_add_up",
            sum=str(eu + cofinancing),
            total=str(total),
            difference=str(total - eu - cofinancing),
        )
        return None
    if total == 0:
        check.add("budget.total", "budget.zero")
        return None
    budget = Budget(
        currency,
        total,
        eu,
        cofinancing,
        as_of=check.date(value.get("as_of"), "budget.as_of"),
        source=check.text(value.get("source"), "budget.source"),
    )
    declared = value.get("rate")
    if declared is not None:
        rate = check.amount(str(declared).rstrip("%").strip(), "budget.rate")
        if rate is not None:
            percent = rate * 100 if rate <= 1 else rate
            actual = budget.eu_rate * 100
            if abs(actual - percent) > RATE_TOLERANCE:
                check.add(
                    "budget.rate",
                    "budget.rate_disagrees",
                    declared=str(declared),
                    actual=str(actual.quantize(CENT)),
                )
    return budget


def _country(check: Checker, value: Any, where: str) -> str | None:
    country = check.text(value, where, required=True)
    if country is None:
        return None
    if not is_country_code(country) or country.upper() in NOT_COUNTRIES:
        check.add(where, "partner.country_unknown", value=country)
        return None
    return country.upper()


def _parse_partners(value: Any, check: Checker) -> list[Partner]:
    partners = []
    for where, item in check.records(value, "partners", "{name: …, country: XX}", PARTNER_FIELDS):
        name = check.text(item.get("name"), f"{where}.name", required=True)
        country = _country(check, item.get("country"), f"{where}.country")
        url = check.web_address(item.get("url"), f"{where}.url")
        if name and country:
            partners.append(Partner(name, country, url))
    return partners


def _parse_objectives(
    value: Any, check: Checker, languages: tuple[str, ...]
) -> dict[str, list[str]]:
    if value is None:
        return {}
    if isinstance(value, list):
        value = {languages[0]: value}
    if not isinstance(value, dict):
        check.add("objectives", "objectives.not_lists", kind=kind_of(value), default=languages[0])
        return {}
    result = {}
    for lang, items in value.items():
        if not check.site_language(lang, f"objectives.{lang}", languages):
            continue
        if not isinstance(items, list):
            check.add(f"objectives.{lang}", "objectives.not_list", kind=kind_of(items))
        else:
            texts = [check.text(item, f"objectives.{lang}.{i}") for i, item in enumerate(items)]
            result[str(lang)] = [t for t in texts if t]
    return result


def _parse_links(value: Any, check: Checker, languages: tuple[str, ...]) -> list[Link]:
    links = []
    for where, item in check.records(value, "links", "{title: …, url: https://…}", LINK_FIELDS):
        url = check.web_address(item.get("url"), f"{where}.url", required=True)
        title = check.translations(item.get("title"), f"{where}.title", languages, required=True)
        if url and title:
            links.append(Link(title, url))
    return links


def load_project_file(path: Path, settings: SiteSettings) -> tuple[Project | None, list[Problem]]:
    shown = relative_path(path, settings.root)
    slug = path.stem
    problems: list[Problem] = []
    if not SLUG.match(slug):
        problems.append(
            Problem.of(
                shown,
                "file name",
                "project.bad_slug",
                value=slug,
                suggestion=slugify(slug, fallback="project"),
            )
        )
    text, problem = read_text(path, shown)
    if problem:
        return None, [*problems, problem]
    assert text is not None
    doc, problem = parse_yaml(text, shown)
    if problem:
        return None, [*problems, problem]
    assert doc is not None
    project, more = _parse_project(slug, shown, doc, settings)
    return (project if not problems else None), problems + more


def load_projects(settings: SiteSettings) -> tuple[dict[str, Project], list[Problem]]:
    """Every project in ``data/projects/``, by slug, and every problem found."""
    projects: dict[str, Project] = {}
    problems: list[Problem] = []
    if not settings.data_dir.is_dir():
        return projects, problems
    for path in sorted(settings.data_dir.iterdir()):
        if path.name.startswith("."):  # .gitkeep, editors' swap files: not content
            continue
        shown = relative_path(path, settings.root)
        if path.is_dir() and path.name == LOGO_FOLDER:
            continue  # the projects' logos: checked below, each must be used
        if path.is_dir() and path.name == PHOTO_FOLDER:
            continue  # the projects' photos (`image: photos/<file>`), checked with each project
        if path.is_dir() or path.suffix.lower() not in (".yml", ".yaml"):
            problems.append(
                Problem.of(
                    shown,
                    "file",
                    "project.not_a_project_file",
                    folder=relative_path(settings.data_dir, settings.root),
                )
            )
            continue
        if path.suffix != ".yml":  # .yaml, .YML: the same file under a name the build ignores
            problems.append(Problem.of(shown, "file name", "project.extension", stem=path.stem))
            continue
        project, found = load_project_file(path, settings)
        problems.extend(found)
        if project is not None:
            projects[project.slug] = project
    problems.extend(_unused_logos(settings, projects))
    return projects, problems


def _unused_logos(settings: SiteSettings, projects: dict[str, Project]) -> list[Problem]:
    """A file in the logo folder that no project lists would silently not be published."""
    folder = settings.data_dir / LOGO_FOLDER
    if not folder.is_dir():
        return []
    used = {logo.path for project in projects.values() for logo in project.logos}
    return [
        Problem.of(
            relative_path(path, settings.root),
            "file",
            "eu.logo_unused",
            severity="warning",
            file=path.relative_to(settings.data_dir).as_posix(),
        )
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.name.startswith(".") and path.resolve() not in used
    ]


def _parse_visibility(
    data: dict[str, Any],
    check: Checker,
    settings: SiteSettings,
    fund: str | None,
    start: dt.date | None,
    number: str | None,
) -> dict[str, Any]:
    """The project's EU visibility fields: its regime, logos, review date and open-data ids."""
    regimes = load_regimes()
    explicit = check.text(data.get("regime"), "regime")
    cci = check.text(data.get("cci"), "cci")
    location = check.text(data.get("location"), "location")
    if location is not None and not re.fullmatch(r"[A-Za-z]{2}[0-9A-Za-z]{0,3}", location):
        check.add("location", "eu.location_not_nuts", value=location)
        location = None
    regime = None
    if fund is not None and start is not None:
        regime, why = resolve_regime(
            regimes, fund, start, explicit, project_country(cci, location and location.upper())
        )
        if why is not None:
            key, params = why
            check.add("regime", key, **params)
        elif regime is not None and regime.rules["needs_number"] and not number:
            check.add("number", "eu.needs_number", regime=regime.id)
    logos = _parse_logos(data.get("logos"), check, settings)
    return {
        "regime": regime,
        "logos": logos,
        "reviewed": check.date(data.get("reviewed"), "reviewed"),
        "kohesio_id": check.text(data.get("kohesio_id"), "kohesio_id"),
        "keep_eu_id": check.text(data.get("keep_eu_id"), "keep_eu_id"),
        "cci": cci.upper() if cci else None,
        "location": location.upper() if location else None,
    }


def _parse_logos(value: Any, check: Checker, settings: SiteSettings) -> list[ProjectLogo]:
    logos = []
    example = "{file: logos/partner.png, alt: {lv: …}, url: https://…}"
    for where, item in check.records(value, "logos", example, LOGO_FIELDS):
        file = check.text(item.get("file"), f"{where}.file", required=True)
        alt = check.translations(item.get("alt"), f"{where}.alt", settings.languages, required=True)
        url = check.web_address(item.get("url"), f"{where}.url")
        kind = check.text(item.get("kind"), f"{where}.kind") or "partner"
        if kind not in LOGO_KINDS:
            check.add(f"{where}.kind", "eu.logo_kind", value=kind)
        height = item.get("height")
        if height is not None and (
            isinstance(height, bool) or not isinstance(height, int) or height <= 0
        ):
            check.add(f"{where}.height", "eu.logo_height", value=height, most=EMBLEM_HEIGHT)
            height = None
        if file is None:
            continue
        path = (settings.data_dir / file).resolve()
        if (
            file.startswith("/")
            or ".." in Path(file).parts
            or not path.is_relative_to(settings.data_dir)
        ):
            check.add(
                f"{where}.file",
                "eu.logo_outside",
                value=file,
                folder=relative_path(settings.data_dir / LOGO_FOLDER, settings.root),
            )
            continue
        if path.suffix.lower() not in LOGO_SUFFIXES:
            check.add(f"{where}.file", "eu.logo_type", value=file, types=", ".join(LOGO_SUFFIXES))
            continue
        if not path.is_file():
            check.add(
                f"{where}.file",
                "eu.logo_missing",
                value=file,
                path=relative_path(path, settings.root),
            )
            continue
        own = image_size(path)
        if own is None:
            check.add(f"{where}.file", "eu.logo_size_unknown", value=file)
            continue
        width, shown_height = rendered_size(own, height)
        if width > EMBLEM_WIDTH or shown_height > EMBLEM_HEIGHT:
            check.add(
                f"{where}.file",
                "eu.logo_too_large",
                value=file,
                width=width,
                height=shown_height,
                emblem_width=EMBLEM_WIDTH,
                emblem_height=EMBLEM_HEIGHT,
            )
            continue
        if alt:
            logos.append(ProjectLogo(file, path, alt, width, shown_height, url, kind))
    return logos


def months_between(earlier: dt.date, later: dt.date) -> int:
    """Whole months from ``earlier`` to ``later``.

    >>> months_between(dt.date(2026, 1, 31), dt.date(2026, 7, 30)), months_between(
    ...     dt.date(2026, 1, 31), dt.date(2026, 7, 31))
    (5, 6)
    """
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - 1 if later.day < earlier.day else months


def review_warnings(projects: dict[str, Project], today: dt.date) -> list[Problem]:
    """The six-month rule: an ongoing project's page, under a regime that sets how often it
    must be updated, that nobody has marked `reviewed:` within that time."""
    problems = []
    for project in projects.values():
        regime = project.regime
        every = regime.rules["review_months"] if regime else None
        if regime is None or every is None or project.status(today) != "ongoing":
            continue
        since = project.reviewed or project.start
        if months_between(since, today) >= every:
            problems.append(
                Problem.of(
                    project.path,
                    "reviewed",
                    "eu.review_due" if project.reviewed else "eu.never_reviewed",
                    severity="warning",
                    reviewed=str(project.reviewed),
                    regime=regime.id,
                    months=every,
                    today=today.isoformat(),
                )
            )
    return problems


def visibility_warnings(projects: dict[str, Project], settings: SiteSettings) -> list[Problem]:
    """Marks a project's regime asks for and the site does not provide: a national mark (the
    site's own official file, never one drawn by clustersite), the programme's logo."""
    from clustersite.visibility import national_logo_file

    problems = []
    for project in projects.values():
        regime = project.regime
        if regime is None:
            continue
        if regime.rules["programme_logo"] and not any(
            logo.kind == "programme" for logo in project.logos
        ):
            problems.append(
                Problem.of(
                    project.path,
                    "logos",
                    "eu.programme_logo_missing",
                    severity="warning",
                    regime=regime.id,
                )
            )
        for logo_id in regime.rules["national_logos"]:
            if national_logo_file(settings.theme_dir, logo_id) is None:
                where = settings.theme_dir.name if settings.theme_dir else None
                problems.append(
                    Problem.of(
                        project.path,
                        "regime",
                        "eu.national_logo_missing"
                        if where
                        else "eu.national_logo_missing_no_theme_folder",
                        severity="warning",
                        regime=regime.id,
                        logo=logo_id,
                        folder=where,
                    )
                )
    return problems
