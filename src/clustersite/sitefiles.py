"""Files that span all languages, written once after the last language build.

- ``projects.json``: every project's facts, for reuse as open data (language-neutral;
  texts per language);
- ``sitemap.xml`` (and ``.gz``): every page of every language with its hreflang alternates.
"""

from __future__ import annotations

import gzip
import json
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from clustersite.model import GENERATED_PAGES, Site
from clustersite.views import path_url_of

__all__ = ["projects_json", "site_pages", "write_projects_json", "write_sitemap"]

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
ET.register_namespace("", SITEMAP_NS)
ET.register_namespace("xhtml", XHTML_NS)


def _amount(value: Decimal | None) -> float | None:
    return float(value) if value is not None else None


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
                "title": p.title,
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
                "pages": {
                    lang: f"{site.settings.language_root(lang)}projects/{slug}/"
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
    base = (site_url or "/").rstrip("/") + "/"
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
