"""Test support: small sites written into a folder, built, and compared.

Imported by the tests as ``support`` (``conftest`` is not importable unambiguously: the browser
tests have their own).
"""

from __future__ import annotations

import os
import re
import textwrap
from pathlib import Path
from typing import Any, TypeVar

import icalendar

from clustersite.posts import FiledByYear
from clustersite.routes import source_of
from clustersite.settings import SiteSettings

REPO = Path(__file__).resolve().parent.parent

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")

MKDOCS_YML = """\
site_name: Test cluster
site_url: https://example.org/site/
docs_dir: content
theme:
  name: material
  language: lv
  font: false
nav:
  - Sākums: index.md
  - Jaunumi: news/index.md
  - Projekti: projects/index.md
plugins:
  - search
  - clustersite:
      news_per_page: {per_page}
{options}  - i18n:
      docs_structure: folder
      fallback_to_default: true
      reconfigure_material: true
      reconfigure_search: false
      languages:
        - {{locale: lv, name: Latviešu, default: true, build: true}}
        - {{locale: en, name: English, build: true, nav_translations: {{Sākums: Home, Jaunumi: News, Projekti: Projects}}}}
        - {{locale: it, name: Italiano, build: true, nav_translations: {{Sākums: Home, Jaunumi: Notizie, Projekti: Progetti}}}}
"""

PROJECT_YML = """\
number: 3.2.1.1/16/A/006
acronym: NEEGHW
title: {lv: Jaunā Eiropas elektronika, en: New European Electronics, it: Nuova elettronica europea}
summary: {lv: Projekta apraksts., en: About the project., it: Il progetto.}
beneficiary: LETERA
programme: COSME
fund: COSME
start: 2020-09-01
months: 18
budget: {currency: EUR, total: 220231, eu: 198208, cofinancing: 22023}
partners:
  - {name: Functional Print Cluster, country: ES}
  - {name: Organic Electronics Saxony, country: DE}
objectives: {lv: [Sadarbība], en: [Cooperation], it: [Cooperazione]}
"""


def post_text(title: str, date: str, **fields: object) -> str:
    lines = [f"title: {title!r}", f"date: {date}"]
    lines += [f"{k}: {v}" for k, v in fields.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\nFirst paragraph of " + title + ".\n"


def event_text(**fields: object) -> str:
    lines = [f"{key}: {value}" for key, value in fields.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\nWhat the event is about.\n"


def unfolded(data: bytes) -> list[str]:
    """The content lines of an iCalendar file, checked for CRLF and 75-octet folding."""
    assert data.endswith(b"\r\n")
    physical = data.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and b"\r" not in line for line in physical)
    assert all(len(line) <= 75 for line in physical), "lines are folded at 75 octets"
    lines: list[str] = []
    for raw in physical:
        text = raw.decode("utf-8")
        if text.startswith((" ", "\t")):
            lines[-1] += text[1:]
        else:
            lines.append(text)
    return lines


def check_rfc5545(data: bytes, events: int) -> list[str]:
    """A strict reading of what RFC 5545 requires of a published calendar."""
    lines = unfolded(data)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    names = [line.split(":", 1)[0].split(";", 1)[0] for line in lines]
    assert names.count("VERSION") == 1 and "VERSION:2.0" in lines
    assert names.count("PRODID") == 1
    assert lines.count("BEGIN:VEVENT") == events == lines.count("END:VEVENT")
    zones = {line.split(":", 1)[1] for line in lines if line.startswith("TZID:")}
    for block in "\n".join(lines).split("BEGIN:VEVENT")[1:]:
        props = [line for line in block.split("END:VEVENT")[0].split("\n") if line]
        keys = [p.split(":", 1)[0].split(";", 1)[0] for p in props]
        for once in ("UID", "DTSTAMP", "DTSTART"):
            assert keys.count(once) == 1, once
        assert not ("DTEND" in keys and "DURATION" in keys)
        assert re.fullmatch(
            r"DTSTAMP:\d{8}T\d{6}Z", next(p for p in props if p.startswith("DTSTAMP"))
        )
        for prop in props:
            if match := re.match(r"(DTSTART|DTEND);TZID=([^:;]+):(\d{8}T\d{6})$", prop):
                assert match[2] in zones, "every TZID has its VTIMEZONE"
            elif prop.startswith(("DTSTART", "DTEND")):
                assert re.fullmatch(r"(DTSTART|DTEND);VALUE=DATE:\d{8}", prop), prop
    parsed = icalendar.Calendar.from_ical(data)
    assert len(parsed.walk("VEVENT")) == events
    return lines


def built_site(folder: Path, config_file: Path) -> Path:
    """Build the site of ``config_file`` with --strict into ``folder/site``, as CI does."""
    from clustersite.build import build_site

    site_dir = folder / "site"
    assert build_site(config_file, site_dir, strict=True) == 0
    return site_dir


def read(site: Path, relative: str) -> str:
    """The text of one built file."""
    return (site / relative).read_text(encoding="utf-8")


def text_of(html: str) -> str:
    """The visible text of a page's article, tags removed."""
    article = html.split('<article class="md-content__inner', 1)[1].split("</article>\n", 1)[0]
    return re.sub(
        r"[ \t\n]+", " ", re.sub(r"<[^>]+>", " ", article)
    )  # keeps Babel's no-break spaces


class SiteFactory:
    """Writes a small trilingual site; tests add or break files, then build or check it."""

    def __init__(self, root: Path, per_page: int = 10, **options: object) -> None:
        self.root = root
        self.configure(per_page, **options)
        for lang, title in (("lv", "Sākums"), ("en", "Home"), ("it", "Home")):
            self.write(
                f"content/{lang}/index.md", f"---\ntitle: {title}\n---\n\n# {title}\n\nWelcome.\n"
            )
        self.write("data/projects/neeghw.yml", PROJECT_YML)

    def configure(self, per_page: int = 10, **options: object) -> None:
        """(Re)write mkdocs.yml with these clustersite options."""
        lines = "".join(f"      {key}: {str(value).lower()}\n" for key, value in options.items())
        self.write("mkdocs.yml", MKDOCS_YML.format(per_page=per_page, options=lines))

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text) if text.startswith("\n") else text, encoding="utf-8")
        return path

    def post(
        self, lang: str, year: int | str, slug: str, title: str, date: str, **fields: object
    ) -> Path:
        return self.write(f"content/{lang}/news/{year}/{slug}.md", post_text(title, date, **fields))

    def build(self, strict: bool = True, site_dir: Path | None = None) -> Path:
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        site_dir = site_dir or self.root / "site"
        config = load_config(str(self.root / "mkdocs.yml"), site_dir=str(site_dir), strict=strict)
        build(config)
        return site_dir

    def html(self, relative: str) -> str:
        return (self.root / "site" / relative).read_text(encoding="utf-8")


def tree(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` with its bytes, for comparing two builds."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def model_settings(**options: object) -> SiteSettings:
    """A site in Latvian (the default), English (British dates) and Italian, for tests that
    make its model from Python objects: no file is read."""
    return SiteSettings(
        root=Path("/site"),
        docs_dir=Path("/site/content"),
        data_dir=Path("/site/data/projects"),
        languages=("lv", "en", "it"),
        language_names={"lv": "Latviešu", "en": "English", "it": "Italiano"},
        locales={"en": "en_GB"},  # 30 June 2020
        **options,  # type: ignore[arg-type]
    )


Filed = TypeVar("Filed", bound=FiledByYear)


def filed(model: type[Filed], lang: str, slug: str, title: str, year: int, **fields: Any) -> Filed:
    """A post or an event as the loader makes it of ``content/<lang>/<section>/<year>/<slug>.md``."""
    source = source_of(model.page_kind, year=year, slug=slug)
    return model(
        lang=lang,
        year_folder=str(year),
        slug=slug,
        path=f"content/{lang}/{source}",
        title=title,
        **fields,
    )
