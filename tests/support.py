"""Test support: small sites written into a folder, built, and compared.

Imported by the tests as ``support`` (``conftest`` is not importable unambiguously: the browser
tests have their own).
"""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

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
