"""Where a site's files are and which languages it has, read once.

The plugin builds :class:`SiteSettings` from the live MkDocs config; the command-line tool
reads the same facts from ``mkdocs.yml`` without starting a build.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from clustersite.config_file import read_config_file, theme_folder
from clustersite.errors import ContentError, Problem
from clustersite.theme_fields import ThemeChoices

__all__ = [
    "LOCAL_PREVIEW",
    "LanguageCode",
    "SiteIdentity",
    "SiteSettings",
    "build_date",
    "build_time",
    "read_language_code",
    "site_base",
    "site_base_path",
]

DEFAULT_NEWS_PER_PAGE = 10
DEFAULT_TIMEZONE = "Europe/Riga"


def build_time() -> dt.datetime:
    """Now (UTC, whole seconds), or the moment SOURCE_DATE_EPOCH names (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    return dt.datetime.now(tz=dt.UTC).replace(microsecond=0)


def build_date() -> dt.date:
    """Today, or the day SOURCE_DATE_EPOCH names (for reproducible builds)."""
    return build_time().date()


LOCAL_PREVIEW = "http://127.0.0.1:8000/"  # where `mkdocs serve` shows a site without site_url


def site_base(site_url: str | None, absolute: bool = False) -> str:
    """The site's address, ending in one slash; with no ``site_url``, the root ``/`` (or, where
    a full address is needed, as in feeds, the local preview's).

    >>> site_base("https://example.org/site"), site_base(""), site_base(None, absolute=True)
    ('https://example.org/site/', '/', 'http://127.0.0.1:8000/')
    """
    return (site_url or (LOCAL_PREVIEW if absolute else "/")).rstrip("/") + "/"


def site_base_path(site_url: str | None) -> str:
    """The path part of the site's address, for links that must work at any address (404).

    >>> site_base_path("https://example.org/site"), site_base_path("")
    ('/site/', '/')
    """
    return urlsplit(site_base(site_url)).path


@dataclass(frozen=True)
class LanguageCode:
    """A language code as someone wrote it, read the way the site needs it.

    A site's language is a bare code (lv, en): it names the content folder, the address
    prefix and the theme's interface file. A region (en-GB) is a variant of that language,
    for dates and numbers (the ``locales`` option). ``problem`` says why a code cannot be a
    site language: ``unknown`` (Babel does not know it), ``not_code`` (a name Babel reads as
    another code: eng for en) or ``no_theme`` (the theme has no interface for it).
    """

    written: str
    language: str
    variant: str | None = None
    problem: str | None = None


def read_language_code(written: str, theme_dirs: tuple[Path, ...] = ()) -> LanguageCode:
    """What ``written`` means as a site language; ``theme_dirs`` are searched for the theme's
    ``partials/languages/<code>.html`` (not searched when empty).

    >>> read_language_code("en-GB")
    LanguageCode(written='en-GB', language='en', variant='en_GB', problem=None)
    >>> read_language_code("eng").problem, read_language_code("eng").language
    ('not_code', 'en')
    """
    from babel import Locale, UnknownLocaleError

    code = written.strip().replace("-", "_")
    try:
        locale = Locale.parse(code)
    except (UnknownLocaleError, ValueError, TypeError):
        return LanguageCode(written, code, problem="unknown")
    language = locale.language
    if code.split("_")[0] != language:  # eng, ita, EN: Babel reads them as en, it
        return LanguageCode(written, language, problem="not_code")
    if theme_dirs and not any(
        (folder / "partials" / "languages" / f"{language}.html").is_file() for folder in theme_dirs
    ):
        return LanguageCode(written, language, problem="no_theme")
    return LanguageCode(written, language, str(locale) if code != language else None)


@dataclass(frozen=True)
class SiteIdentity:
    """The site's name, address and author as its configuration gives them (page metadata,
    feeds); the engine fills it from ``mkdocs.yml``."""

    name: str
    url: str = ""
    description: str = ""
    author: str = ""


@dataclass(frozen=True)
class SiteSettings:
    """The few facts about a site that loading and checking its content needs."""

    root: Path
    docs_dir: Path
    data_dir: Path
    languages: tuple[str, ...]  # the default language first
    language_names: dict[str, str]
    news_per_page: int = DEFAULT_NEWS_PER_PAGE
    site_url: str = ""
    timezone: str = DEFAULT_TIMEZONE  # of events that name none
    theme_dir: Path | None = None  # the site's own theme folder (custom_dir), e.g. overrides/
    # the locale variant a site chose per language (en: en_GB): dates, numbers, og:locale
    locales: dict[str, str] = field(default_factory=dict)
    theme: ThemeChoices = field(default_factory=ThemeChoices)  # what status, icon… may name

    @property
    def default_language(self) -> str:
        return self.languages[0]

    def babel_locale(self, lang: str) -> str:
        """The Babel locale of a language: the site's variant, else the language itself."""
        return self.locales.get(lang, lang)

    def language_root(self, lang: str) -> str:
        """The URL prefix of a language: '' for the default language, 'en/' otherwise."""
        return "" if lang == self.default_language else f"{lang}/"

    @classmethod
    def from_i18n(
        cls,
        root: Path,
        docs_dir: str | Path,
        data_dir: str | Path,
        i18n_languages: list[Any],
        news_per_page: int = DEFAULT_NEWS_PER_PAGE,
        site_url: str = "",
        timezone: str = DEFAULT_TIMEZONE,
        theme_dir: str | Path | None = None,
        locales: dict[str, str] | None = None,
        statuses: Any = None,
        theme_dirs: tuple[Path, ...] = (),
    ) -> SiteSettings:
        """From the `languages` list of mkdocs-static-i18n (dicts or its config objects);
        ``statuses`` is ``extra.status`` of mkdocs.yml, ``theme_dirs`` the theme's folders."""
        entries = [dict(item) if not isinstance(item, dict) else item for item in i18n_languages]
        custom_dir = (root / theme_dir).resolve() if theme_dir else None
        language_problems(entries, (custom_dir, *theme_dirs) if custom_dir else theme_dirs)
        entries = [e for e in entries if e.get("build", True) and e.get("locale") != "null"]
        entries.sort(key=lambda e: not e.get("default", False))
        languages = tuple(str(e["locale"]) for e in entries)
        names = {str(e["locale"]): str(e.get("name") or e["locale"]) for e in entries}
        return cls(
            root=root,
            docs_dir=(root / docs_dir).resolve(),
            data_dir=(root / data_dir).resolve(),
            languages=languages,
            language_names=names,
            news_per_page=news_per_page,
            site_url=site_url,
            timezone=timezone,
            theme_dir=custom_dir,
            locales=checked_locales(locales or {}, languages),
            theme=ThemeChoices.of_site(statuses, custom_dir, theme_dirs),
        )

    @classmethod
    def from_mkdocs_yml(cls, root: Path) -> SiteSettings:
        """Read ``mkdocs.yml`` in ``root`` (no build, no engine: see clustersite/config_file.py)."""
        config_path = root / "mkdocs.yml"
        shown = "mkdocs.yml"
        if not config_path.is_file():
            raise ContentError([Problem.of(shown, "file", "config.missing", folder=str(root))])
        config = read_config_file(config_path)
        plugin_options: dict[str, dict[str, Any]] = {}
        plugins = config.get("plugins") or []
        for item in plugins if isinstance(plugins, list) else []:
            if isinstance(item, str):
                plugin_options[item] = {}
            elif isinstance(item, dict):
                for name, options in item.items():
                    plugin_options[str(name)] = options if isinstance(options, dict) else {}
        i18n = plugin_options.get("i18n")
        languages = i18n.get("languages") if i18n else None
        if not isinstance(languages, list) or not languages:
            raise ContentError([Problem.of(shown, "plugins.i18n.languages", "config.no_languages")])
        ours = plugin_options.get("clustersite", {})
        problems = []
        for index, entry in enumerate(languages):
            if not (isinstance(entry, dict) and isinstance(entry.get("locale"), str)):
                problems.append(
                    Problem.of(shown, f"plugins.i18n.languages.{index}", "config.language_entry")
                )
        news_per_page = ours.get("news_per_page", DEFAULT_NEWS_PER_PAGE)
        if (
            isinstance(news_per_page, bool)
            or not isinstance(news_per_page, int)
            or news_per_page < 1
        ):
            problems.append(
                Problem.of(
                    shown,
                    "plugins.clustersite.news_per_page",
                    "config.not_whole_number",
                    value=news_per_page,
                    option="news_per_page",
                    example=DEFAULT_NEWS_PER_PAGE,
                )
            )
        folders = {"docs_dir": config.get("docs_dir", "docs")}
        folders["plugins.clustersite.data_dir"] = ours.get("data_dir", "data/projects")
        for option, value in folders.items():
            if not isinstance(value, str) or not value.strip():
                problems.append(Problem.of(shown, option, "config.not_folder", value=value))
        if problems:
            raise ContentError(problems)
        theme = config.get("theme")
        theme = theme if isinstance(theme, dict) else {"name": theme}
        extra = config.get("extra")
        return cls.from_i18n(
            root,
            folders["docs_dir"],
            folders["plugins.clustersite.data_dir"],
            languages,
            news_per_page,
            str(config.get("site_url") or ""),
            str(ours.get("timezone", DEFAULT_TIMEZONE)),
            theme.get("custom_dir"),
            ours.get("locales") or {},
            extra.get("status") if isinstance(extra, dict) else None,
            _theme_dirs(theme.get("name")),
        )


def _theme_dirs(name: Any) -> tuple[Path, ...]:
    """The folders of the theme mkdocs.yml names (none if it is not installed)."""
    folder = theme_folder(name)
    return (folder,) if folder is not None else ()


def language_problems(entries: list[dict[str, Any]], theme_dirs: tuple[Path, ...]) -> None:
    """Refuse a ``locale`` of plugins.i18n.languages that the site cannot build (eng, en_GB,
    a language the theme has no interface for), each with what to write instead."""
    problems = []
    for index, entry in enumerate(entries):
        written = str(entry.get("locale"))
        if written == "null" or not entry.get("build", True):
            continue
        code = read_language_code(written, theme_dirs)
        if code.language == written and code.problem is None:
            continue
        problems.append(
            Problem.of(
                "mkdocs.yml",
                f"plugins.i18n.languages.{index}.locale",
                f"config.language_{code.problem or 'variant'}",
                value=written,
                language=code.language,
                variant=code.variant or written,
            )
        )
    if problems:
        raise ContentError(problems)


def checked_locales(locales: Any, languages: tuple[str, ...]) -> dict[str, str]:
    """The ``locales`` option: each site language mapped to a Babel locale of that language."""
    from babel import Locale, UnknownLocaleError

    field_name = "plugins.clustersite.locales"
    if not isinstance(locales, dict):
        raise ContentError(
            [Problem("mkdocs.yml", field_name, "is not a mapping", "write it as  en: en_GB")]
        )
    problems = []
    for lang, variant in locales.items():
        where = f"{field_name}.{lang}"
        if lang not in languages:
            problems.append(
                Problem(
                    "mkdocs.yml",
                    where,
                    f"'{lang}' is not one of the site's languages ({', '.join(languages)})",
                    "use a language listed under plugins.i18n.languages",
                )
            )
            continue
        try:
            known = Locale.parse(str(variant).replace("-", "_"))
        except (ValueError, TypeError, UnknownLocaleError):
            known = None
        if known is None or known.language != lang:
            problems.append(
                Problem(
                    "mkdocs.yml",
                    where,
                    f"'{variant}' is not a locale of the language '{lang}'",
                    f"write the language and a country, e.g. {_likely_locale(lang)}",
                )
            )
    if problems:
        raise ContentError(problems)
    return {lang: str(variant).replace("-", "_") for lang, variant in locales.items()}


def _likely_locale(lang: str) -> str:
    """The language with its most likely country: en_US for en, lv_LV for lv."""
    from babel.core import get_global

    likely = str(get_global("likely_subtags").get(lang, lang))
    return "_".join(part for part in likely.split("_") if len(part) != 4)  # no script (Latn)
