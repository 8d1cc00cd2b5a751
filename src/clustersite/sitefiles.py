"""Files that span all languages, written once after the last language build.

- ``projects.json``: every project's facts, for reuse as open data (language-neutral;
  texts per language). Its ``operation`` record of each project uses the names of the list of
  operations in Regulation (EU) 2021/1060, Article 49(3), as Kohesio publishes them
  (beneficiary, name, purpose, start, end, total cost, EU contribution, co-financing rate,
  fund, programme, location); every figure carries its ``as_of`` date and ``source``;
- ``projects.csv``: the same operations, one row each, in Kohesio's export columns;
- ``assets/projects/``: the projects' logos, as the project pages show them;
- ``sitemap.xml`` (and ``.gz``): every page of every language with its hreflang alternates.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import shutil
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from clustersite.model import GENERATED_PAGES, Site
from clustersite.projects import Project
from clustersite.routes import path_url_of, url_of
from clustersite.settings import site_base

__all__ = [
    "CSV_COLUMNS",
    "copy_logos",
    "monetary_grant",
    "operation",
    "projects_json",
    "site_pages",
    "write_projects_csv",
    "write_projects_json",
    "write_sitemap",
]

# One row per operation; the headers follow Kohesio's project export (see docs/eu-visibility.md).
CSV_COLUMNS = (
    "Project ID",
    "Kohesio ID",
    "Keep.eu ID",
    "Project name",
    "Project summary",
    "Beneficiary",
    "Start date",
    "End date",
    "Total budget",
    "EU contribution",
    "Co-financing rate",
    "Currency",
    "Fund",
    "Programme",
    "CCI",
    "Country",
    "NUTS",
    "Figures as of",
    "Figures source",
    "Visibility regime",
    "URL",
)

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
ET.register_namespace("", SITEMAP_NS)
ET.register_namespace("xhtml", XHTML_NS)


def _amount(value: Decimal | None) -> float | None:
    return float(value) if value is not None else None


def _figure(value: Decimal | None, p: Project) -> dict[str, Any] | None:
    budget = p.budget
    if value is None or budget is None:
        return None
    return {
        "amount": _amount(value),
        "currency": budget.currency,
        "as_of": budget.as_of.isoformat() if budget.as_of else None,
        "source": budget.source,
    }


def operation(site: Site, p: Project) -> dict[str, Any]:
    """A project as one entry of a list of operations (Regulation (EU) 2021/1060, Article
    49(3)): language-neutral values, texts in the default language and per language."""
    default = site.settings.default_language
    budget = p.budget
    rate = float(round(budget.eu_rate, 6)) if budget else None
    return {
        "beneficiary": p.beneficiary,
        "name": p.name(default, default),
        "name_by_language": p.title,
        "purpose": p.translated(p.summary, default, default),
        "purpose_by_language": p.summary,
        "start_date": p.start.isoformat(),
        "end_date": p.end.isoformat(),
        "total_cost": _figure(budget.total if budget else None, p),
        "eu_contribution": _figure(budget.eu if budget else None, p),
        "cofinancing_rate": rate,
        "fund": p.fund,
        "programme": p.translated(p.programme, default, default),
        "cci": p.cci,
        "location": {"nuts": p.location, "country": p.location[:2]} if p.location else None,
        "kohesio_id": p.kohesio_id,
        "keep_eu_id": p.keep_eu_id,
    }


def monetary_grant(
    p: Project, name: str, url: str, funder: str, translation: str = ""
) -> dict[str, Any]:
    """schema.org ``MonetaryGrant`` of a project page (JSON-LD): who funds what, how much.

    ``translation`` is the official title in the page's language: another name of the project.
    """
    alternate = [text for text in (p.acronym, translation) if text]
    grant: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "MonetaryGrant",
        "name": name,
        "url": url,
        "funder": {"@type": "GovernmentOrganization", "name": funder},
        "fundedItem": {
            "@type": "Project",
            "name": name,
            "url": url,
            **(
                {"alternateName": alternate[0] if len(alternate) == 1 else alternate}
                if alternate
                else {}
            ),
            **(
                {"member": {"@type": "Organization", "name": p.beneficiary}}
                if p.beneficiary
                else {}
            ),
        },
        "startDate": p.start.isoformat(),
        "endDate": p.end.isoformat(),
    }
    if p.number:
        grant["identifier"] = p.number
    if p.budget:
        grant["amount"] = {
            "@type": "MonetaryAmount",
            "value": str(p.budget.eu),
            "currency": p.budget.currency,
        }
    return grant


def projects_json(site: Site) -> dict[str, Any]:
    """All projects as plain data, sorted by slug."""
    projects = []
    for slug in sorted(site.projects):
        p = site.projects[slug]
        budget = p.budget
        projects.append(
            {
                "slug": p.slug,
                "number": p.number,
                "acronym": p.acronym,
                "official_title": p.official_title,
                "official_title_language": p.official_title_language,
                "title": p.title,  # per language; beside an official title, its translations
                "summary": p.summary,
                "beneficiary": p.beneficiary,
                "programme": p.programme,
                "fund": p.fund,
                "start": p.start.isoformat(),
                "end": p.end.isoformat(),
                "status": p.status(site.today),
                "budget": None
                if budget is None
                else {
                    "currency": budget.currency,
                    "total": _amount(budget.total),
                    "eu": _amount(budget.eu),
                    "cofinancing": _amount(budget.cofinancing_amount),
                    "eu_rate": float(round(budget.eu_rate, 6)),
                },
                "partners": [
                    {"name": x.name, "country": x.country, "url": x.url} for x in p.partners
                ],
                "objectives": p.objectives,
                "links": [{"title": link.title, "url": link.url} for link in p.links],
                "operation": operation(site, p),
                "regime": p.regime.id if p.regime else None,
                "reviewed": p.reviewed.isoformat() if p.reviewed else None,
                "logos": [
                    {"file": logo.site_path, "alt": logo.alt, "url": logo.url, "kind": logo.kind}
                    for logo in p.logos
                ],
                "pages": {
                    lang: site.settings.language_root(lang) + url_of("project", slug=slug)
                    for lang in site.settings.languages
                },
            }
        )
    return {
        "generated": site.today.isoformat(),
        "languages": list(site.settings.languages),
        "projects": projects,
    }


def write_projects_json(site: Site, site_dir: Path) -> None:
    text = json.dumps(projects_json(site), ensure_ascii=False, indent=2, sort_keys=True)
    (site_dir / "projects.json").write_text(text + "\n", encoding="utf-8")


def write_projects_csv(site: Site, site_dir: Path) -> None:
    """``projects.csv``: one row per project, Kohesio's columns, UTF-8 with a BOM for Excel."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    base = site_base(site.settings.site_url)
    for slug in sorted(site.projects):
        p = site.projects[slug]
        op = operation(site, p)
        budget = p.budget
        writer.writerow(
            [
                p.number or p.slug,
                p.kohesio_id or "",
                p.keep_eu_id or "",
                op["name"],
                op["purpose"] or "",
                p.beneficiary or "",
                op["start_date"],
                op["end_date"],
                f"{budget.total:.2f}" if budget else "",
                f"{budget.eu:.2f}" if budget else "",
                f"{budget.eu_rate * 100:.2f}" if budget else "",
                budget.currency if budget else "",
                p.fund,
                op["programme"] or "",
                p.cci or "",
                p.location[:2] if p.location else "",
                p.location or "",
                budget.as_of.isoformat() if budget and budget.as_of else "",
                budget.source or "" if budget else "",
                p.regime.id if p.regime else "",
                base + url_of("project", slug=slug),
            ]
        )
    (site_dir / "projects.csv").write_text("\ufeff" + buffer.getvalue(), encoding="utf-8")


def copy_logos(site: Site, site_dir: Path) -> None:
    """Every project logo to ``assets/projects/``, where the pages link it."""
    for project in site.projects.values():
        for logo in project.logos:
            target = site_dir / logo.site_path
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(logo.path, target)


def site_pages(site: Site, view_sources: list[str]) -> dict[str, dict[str, str]]:
    """Every page of the built site: source path -> {language: URL from the site root}.

    Derived from the model, like the build itself: an editor's page in every language it is
    written in (and, as a fallback, in every language when the default language has it),
    drafts left out, plus every generated view (``view_sources``: the same in every language).
    """
    settings = site.settings
    drafts = site.draft_sources()
    versions: dict[str, dict[str, str]] = defaultdict(dict)
    for norm in site.pages:
        if norm in drafts or norm in GENERATED_PAGES:
            continue
        for lang in site.shown_in(norm):
            versions[norm][lang] = settings.language_root(lang) + path_url_of(norm)
    for norm in view_sources:
        for lang in settings.languages:
            versions[norm][lang] = settings.language_root(lang) + path_url_of(norm)
    return versions


def write_sitemap(site: Site, view_sources: list[str], site_dir: Path, site_url: str) -> None:
    """One <url> per page per language, each listing all its language versions."""
    base = site_base(site_url)
    versions = site_pages(site, view_sources)
    default = site.settings.default_language
    urlset = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    for norm in sorted(versions):
        by_lang = versions[norm]
        for lang in site.settings.languages:
            if lang not in by_lang:
                continue
            url = ET.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
            ET.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = base + by_lang[lang]
            for other in site.settings.languages:
                if other in by_lang:
                    ET.SubElement(
                        url,
                        f"{{{XHTML_NS}}}link",
                        {"rel": "alternate", "hreflang": other, "href": base + by_lang[other]},
                    )
            if default in by_lang:
                ET.SubElement(
                    url,
                    f"{{{XHTML_NS}}}link",
                    {"rel": "alternate", "hreflang": "x-default", "href": base + by_lang[default]},
                )
    ET.indent(urlset)
    data = ET.tostring(urlset, encoding="utf-8", xml_declaration=True) + b"\n"
    (site_dir / "sitemap.xml").write_bytes(data)
    (site_dir / "sitemap.xml.gz").write_bytes(gzip.compress(data, mtime=0))
