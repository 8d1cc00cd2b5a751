"""The project model: ``data/projects/<slug>.yml``, loaded and validated once per build.

Each file holds the language-neutral facts of one project (see DESIGN.md, "Data formats").
:func:`load_projects` returns every project that is sound and a :class:`Problem` for each
thing wrong, so the build can stop with one message and ``clustersite check`` can list all.
Derived facts (end date from ``months``, EU rate, status) are computed here, not in templates.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from clustersite.errors import Problem, relative_path
from clustersite.formatting import is_country_code
from clustersite.settings import SiteSettings
from clustersite.slugs import slugify
from clustersite.yamlio import YamlDocument, not_a_date, parse_yaml, read_text

__all__ = ["FUNDS", "Budget", "Partner", "Project", "load_projects", "project_status"]

FUNDS = ("ERDF", "ESF", "CF", "COSME", "HORIZON", "INTERREG", "EAFRD", "OTHER")
PROJECT_FIELDS = {
    "number",
    "acronym",
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
}
BUDGET_FIELDS = {"currency", "total", "eu", "cofinancing", "rate"}
PARTNER_FIELDS = {"name", "country", "url"}
LINK_FIELDS = {"title", "url"}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CENT = Decimal("0.01")
MAX_AMOUNT = Decimal(10) ** 15  # a thousand billion: no project's budget comes near
RATE_TOLERANCE = Decimal("0.05")  # percentage points: a declared 85 % may round 84.96 %


@dataclass(frozen=True)
class Budget:
    currency: str
    total: Decimal
    eu: Decimal
    cofinancing: Decimal | None

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
    summary: dict[str, str] = field(default_factory=dict)
    beneficiary: str | None = None
    programme: dict[str, str] = field(default_factory=dict)
    budget: Budget | None = None
    partners: list[Partner] = field(default_factory=list)
    objectives: dict[str, list[str]] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)

    def translated(self, values: dict[str, Any], lang: str, default: str) -> Any:
        """A per-language value in ``lang``, else the default language's."""
        return values.get(lang) or values.get(default)

    def status(self, today: dt.date) -> str:
        return project_status(self.start, self.end, today)


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


class _Checker:
    """Collects problems for one file, each with the line of its field."""

    def __init__(self, path: str, doc: YamlDocument) -> None:
        self.path = path
        self.doc = doc
        self.problems: list[Problem] = []

    def add(self, field_name: str, message: str, fix: str) -> None:
        self.problems.append(
            Problem(self.path, field_name, message, fix, line=self.doc.line(field_name))
        )

    def text(self, value: Any, field_name: str, required: bool = False) -> str | None:
        if value is None or value == "":
            if required:
                self.add(field_name, "is missing", f"add `{field_name}:` with a value")
            return None
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.add(
                field_name, f"must be text, not {_kind(value)}", "write the value as plain text"
            )
            return None
        return str(value).strip()

    def translations(
        self, value: Any, field_name: str, languages: tuple[str, ...], required: bool
    ) -> dict[str, str]:
        default = languages[0]
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            return {default: str(value).strip()}  # one text: it is the default language's
        if value is None:
            if required:
                self.add(
                    field_name,
                    "is missing",
                    f"add `{field_name}: {{{default}: …}}` with at least the {default} text",
                )
            return {}
        if not isinstance(value, dict):
            self.add(
                field_name,
                f"must be text per language, not {_kind(value)}",
                f"write `{field_name}: {{{', '.join(f'{lang}: …' for lang in languages)}}}`",
            )
            return {}
        result: dict[str, str] = {}
        for lang, text in value.items():
            if lang not in languages:
                self.add(
                    f"{field_name}.{lang}",
                    f"'{lang}' is not a language of this site",
                    f"use one of {', '.join(languages)}",
                )
            elif (checked := self.text(text, f"{field_name}.{lang}")) is not None:
                result[str(lang)] = checked
        if required and default not in result:
            self.add(
                f"{field_name}.{default}",
                f"the {default} text (the default language) is missing",
                f"add `{default}: …` under `{field_name}`",
            )
        return result

    def date(self, value: Any, field_name: str, required: bool = False) -> dt.date | None:
        if value is None:
            if required:
                self.add(field_name, "is missing", f"add `{field_name}: YYYY-MM-DD`")
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        self.add(field_name, *not_a_date(value, "2020-09-01"))
        return None

    def amount(self, value: Any, field_name: str, required: bool = False) -> Decimal | None:
        if value is None:
            if required:
                self.add(
                    field_name, "is missing", f"add `{field_name}:` with the amount, e.g. 220231.00"
                )
            return None
        try:
            if isinstance(value, bool):
                raise InvalidOperation
            amount = Decimal(str(value).replace(" ", "").replace("\u00a0", ""))
            if not amount.is_finite():
                raise InvalidOperation
        except InvalidOperation:
            self.add(
                field_name,
                f"'{value}' is not an amount",
                "write a plain number with a dot for cents and no currency sign, e.g. 554453.47",
            )
            return None
        if amount < 0:
            self.add(
                field_name, f"{value} is negative", "amounts are never negative; check the figure"
            )
            return None
        if amount >= MAX_AMOUNT:  # beyond Decimal's precision for cents, and beyond any budget
            self.add(field_name, f"{value} is too large for an amount", "check the figure")
            return None
        if amount != amount.quantize(CENT):
            self.add(field_name, f"{value} has fractions of a cent", "round the amount to cents")
            return None
        return amount

    def records(
        self, value: Any, field_name: str, example: str, allowed: set[str]
    ) -> list[tuple[str, dict[str, Any]]]:
        """The items of a list of `{field: value}` records, each with its place ('partners.0')."""
        if value is None:
            return []
        if not isinstance(value, list):
            self.add(
                field_name,
                f"must be a list, not {_kind(value)}",
                f"write each item as `- {example}`",
            )
            return []
        found = []
        for index, item in enumerate(value):
            where = f"{field_name}.{index}"
            if not isinstance(item, dict):
                self.add(
                    where, f"must be a set of fields, not {_kind(item)}", f"write `- {example}`"
                )
                continue
            self.unknown(item, allowed, where + ".")
            found.append((where, item))
        return found

    def web_address(self, value: Any, field_name: str, required: bool = False) -> str | None:
        url = self.text(value, field_name, required=required)
        if url is not None and not re.match(r"^https?://\S+$", url):
            self.add(
                field_name,
                f"'{url}' is not a web address",
                "write the full address, starting with https://",
            )
            return None
        return url

    def unknown(self, data: dict[str, Any], allowed: set[str], prefix: str) -> None:
        for key in data:
            if key not in allowed:
                self.add(
                    f"{prefix}{key}" if str(key).strip() else f"{prefix}(a field without a name)",
                    "is not a known field",
                    f"remove it or correct the spelling; known fields: {', '.join(sorted(allowed))}",
                )


def _kind(value: Any) -> str:
    return {
        list: "a list",
        dict: "a set of fields",
        bool: "true/false",
        str: "text",
        int: "a number",
        float: "a number",
    }.get(type(value), type(value).__name__)


def _parse_project(
    slug: str, path: str, doc: YamlDocument, settings: SiteSettings
) -> tuple[Project | None, list[Problem]]:
    check = _Checker(path, doc)
    data = doc.data
    if data is None:
        check.add(
            "file",
            "the file is empty",
            "fill in the project's facts (`clustersite new project` makes a template)",
        )
        return None, check.problems
    if not isinstance(data, dict):
        check.add(
            "file",
            f"must be a set of fields, not {_kind(data)}",
            "write `field: value` lines, one per fact",
        )
        return None, check.problems
    languages = settings.languages
    check.unknown(data, PROJECT_FIELDS, "")
    title = check.translations(data.get("title"), "title", languages, required=True)
    summary = check.translations(data.get("summary"), "summary", languages, required=False)
    fund_text = check.text(data.get("fund"), "fund", required=True)
    fund = fund_text.upper() if fund_text else None
    if fund is not None and fund not in FUNDS:
        check.add("fund", f"'{fund_text}' is not a known fund", f"use one of {', '.join(FUNDS)}")
        fund = None
    start = check.date(data.get("start"), "start", required=True)
    end = check.date(data.get("end"), "end")
    months = data.get("months")
    if months is not None:
        if end is not None:
            check.add("months", "both `end` and `months` are given", "keep one of them")
        elif isinstance(months, bool) or not isinstance(months, int) or months <= 0:
            check.add(
                "months", f"'{months}' is not a whole number of months", "write e.g. `months: 18`"
            )
        elif start is not None:
            end = add_months(start, months)
    elif end is None and data.get("end") is None:  # missing, or `end:` with nothing after it
        check.add("end", "the project has no end", "add `end: YYYY-MM-DD` or `months: N`")
    if start and end and end < start:
        check.add(
            "end", f"the end ({end}) is before the start ({start})", "correct `start` or `end`"
        )

    budget = _parse_budget(data.get("budget"), check)
    partners = _parse_partners(data.get("partners"), check)
    objectives = _parse_objectives(data.get("objectives"), check, languages)
    links = _parse_links(data.get("links"), check, languages)
    number = check.text(data.get("number"), "number")
    project = None
    if not check.problems and fund and start and end:
        project = Project(
            slug=slug,
            path=path,
            title=title,
            fund=fund,
            start=start,
            end=end,
            number=number,
            acronym=check.text(data.get("acronym"), "acronym"),
            summary=summary,
            beneficiary=check.text(data.get("beneficiary"), "beneficiary"),
            programme=check.translations(
                data.get("programme"), "programme", languages, required=False
            ),
            budget=budget,
            partners=partners,
            objectives=objectives,
            links=links,
        )
    return (project if not check.problems else None), check.problems


def _parse_budget(value: Any, check: _Checker) -> Budget | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        check.add(
            "budget",
            f"must be a set of fields, not {_kind(value)}",
            "write currency, total, eu and cofinancing on their own lines under `budget:`",
        )
        return None
    check.unknown(value, BUDGET_FIELDS, "budget.")
    currency = (check.text(value.get("currency"), "budget.currency") or "EUR").upper()
    if not re.fullmatch(r"[A-Z]{3}", currency):
        check.add(
            "budget.currency",
            f"'{currency}' is not a currency code",
            "use an ISO 4217 code such as EUR",
        )
    total = check.amount(value.get("total"), "budget.total", required=True)
    eu = check.amount(value.get("eu"), "budget.eu", required=True)
    cofinancing = check.amount(value.get("cofinancing"), "budget.cofinancing")
    if total is None or eu is None:
        return None
    if eu > total:
        check.add(
            "budget.eu",
            f"the EU contribution {eu} is more than the total {total}",
            "check both figures",
        )
        return None
    if cofinancing is not None and eu + cofinancing != total:
        difference = total - eu - cofinancing
        check.add(
            "budget.cofinancing",
            f"eu + cofinancing = {eu + cofinancing}, but total = {total} (off by {difference})",
            "make eu + cofinancing equal total to the cent",
        )
        return None
    if total == 0:
        check.add("budget.total", "is zero", "give the project's total cost, or leave `budget` out")
        return None
    budget = Budget(currency, total, eu, cofinancing)
    declared = value.get("rate")
    if declared is not None:
        rate = check.amount(str(declared).rstrip("%").strip(), "budget.rate")
        if rate is not None:
            percent = rate * 100 if rate <= 1 else rate
            actual = budget.eu_rate * 100
            if abs(actual - percent) > RATE_TOLERANCE:
                check.add(
                    "budget.rate",
                    f"the declared rate {declared} disagrees with eu / total = "
                    f"{actual.quantize(CENT)} %",
                    "correct the rate or the amounts, or leave `rate` out",
                )
    return budget


def _parse_partners(value: Any, check: _Checker) -> list[Partner]:
    partners = []
    for where, item in check.records(value, "partners", "{name: …, country: XX}", PARTNER_FIELDS):
        name = check.text(item.get("name"), f"{where}.name", required=True)
        country = check.text(item.get("country"), f"{where}.country", required=True)
        if country is not None and not is_country_code(country):
            check.add(
                f"{where}.country",
                f"'{country}' is not an ISO 3166 country code",
                "use the two-letter code, e.g. LV, DE, IT",
            )
            country = None
        url = check.web_address(item.get("url"), f"{where}.url")
        if name and country:
            partners.append(Partner(name, country.upper(), url))
    return partners


def _parse_objectives(
    value: Any, check: _Checker, languages: tuple[str, ...]
) -> dict[str, list[str]]:
    if value is None:
        return {}
    if isinstance(value, list):
        value = {languages[0]: value}
    if not isinstance(value, dict):
        check.add(
            "objectives",
            f"must be lists per language, not {_kind(value)}",
            f"write `objectives:` then `{languages[0]}:` and one `- …` line per objective",
        )
        return {}
    result = {}
    for lang, items in value.items():
        if lang not in languages:
            check.add(
                f"objectives.{lang}",
                f"'{lang}' is not a language of this site",
                f"use one of {', '.join(languages)}",
            )
        elif not isinstance(items, list):
            check.add(
                f"objectives.{lang}",
                f"must be a list, not {_kind(items)}",
                "write one `- …` line per objective",
            )
        else:
            texts = [check.text(item, f"objectives.{lang}.{i}") for i, item in enumerate(items)]
            result[str(lang)] = [t for t in texts if t]
    return result


def _parse_links(value: Any, check: _Checker, languages: tuple[str, ...]) -> list[Link]:
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
            Problem(
                shown,
                "file name",
                f"'{slug}' is not a valid project slug",
                f"rename the file to {slugify(slug, fallback='project')}.yml: lowercase ASCII "
                "letters, digits and hyphens",
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
        if path.suffix == ".yaml":
            problems.append(
                Problem(
                    relative_path(path, settings.root),
                    "file name",
                    "project files end in .yml",
                    f"rename it to {path.stem}.yml",
                )
            )
            continue
        if path.suffix != ".yml" or path.name.startswith("."):
            continue
        project, found = load_project_file(path, settings)
        problems.extend(found)
        if project is not None:
            projects[project.slug] = project
    return projects, problems
