"""``clustersite init DIR``: a new organisation's site, ready to build and to publish.

:func:`init_site` writes, into an empty or missing folder, everything a new site needs:
``mkdocs.yml``, a README for its editors, a home and an about page per language, an empty
``data/projects/``, the GitHub Pages workflow, a ``Makefile`` (site, serve, check, as in
clustersite's own repository), a ``.gitignore`` and a ``requirements.txt`` that pins the
clustersite it was made with; the folder becomes a Git repository on ``main``. The starter texts are files in
``clustersite/starter/``; ``mkdocs.yml`` is composed here, because its language list and
navigation follow the answers.

Any language Babel knows and the theme has an interface for may be chosen, by its code (en,
not eng); a region (en-GB) makes the language's variant for dates and numbers (the
``locales`` option). clustersite's own interface phrases (menus, dates
written out, the EU acknowledgement, notices) exist for :data:`UI_LANGUAGES`; the pages of
any other language show those phrases in English, and ``init`` says so. Starter texts in
another language are the English ones, to be rewritten.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from babel import Locale

from clustersite import __version__
from clustersite.config_file import theme_folder
from clustersite.language_files import LOCALES_DIR, file_languages
from clustersite.messages import Term, say
from clustersite.routes import source_of
from clustersite.safewrite import create_file
from clustersite.scaffold import CommandError
from clustersite.settings import LanguageCode, read_language_code
from clustersite.strings import Translator

__all__ = [
    "DEFAULT_LANGUAGES",
    "DEFAULT_URL",
    "STARTER_DIR",
    "UI_LANGUAGES",
    "Requirement",
    "SiteAnswers",
    "clustersite_requirement",
    "init_site",
    "parse_languages",
    "run",
    "site_answers",
]

STARTER_DIR = Path(__file__).parent / "starter"
UI_LANGUAGES = file_languages(LOCALES_DIR)
DEFAULT_LANGUAGES = "lv,en,it"
DEFAULT_URL = "http://127.0.0.1:8000/"
THEME_DIRS = tuple(folder for folder in (theme_folder("material"),) if folder is not None)
FALLBACK_TEXT = "en"  # the starter texts of a language that has none of its own


@dataclass(frozen=True)
class SiteAnswers:
    """What ``init`` asks: the organisation, the languages (default first) and the address."""

    name: str
    languages: tuple[str, ...]
    url: str = DEFAULT_URL
    locales: tuple[tuple[str, str], ...] = ()  # (en, en_GB): a language's regional variant

    @property
    def default_language(self) -> str:
        return self.languages[0]


def parse_languages(text: str, default: str | None = None) -> tuple[LanguageCode, ...]:
    """``"lv, en-GB,it"`` -> lv, en (variant en_GB), it: the default language first.

    A region makes a variant of the language (its dates and numbers); a code the site could
    not build (eng, a language the theme has no interface for) is refused with what to write.

    >>> [code.language for code in parse_languages("en-GB,lv", default="lv")]
    ['lv', 'en']
    """
    codes: dict[str, LanguageCode] = {}
    for part in text.split(","):
        if not part.strip():
            continue
        code = read_language_code(part, THEME_DIRS)
        if code.problem is not None:
            key = "init.language_" + code.problem
            raise CommandError(key, value=part.strip(), language=code.language)
        codes.setdefault(code.language, code)
    if not codes:
        raise CommandError("init.no_languages")
    if default is not None:
        first = read_language_code(default).language
        if first not in codes:
            raise CommandError(
                "init.default_not_listed", value=default.strip(), languages=", ".join(codes)
            )
        codes = {first: codes[first], **codes}
    return tuple(codes.values())


def _check_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise CommandError("init.name_empty")
    return name


def _check_url(url: str) -> str:
    url = url.strip()
    if not url.startswith(("http://", "https://")) or " " in url:
        raise CommandError("init.url_invalid", value=url)
    return url if url.endswith("/") else url + "/"


def site_answers(
    name: str | None,
    languages: str | None,
    default_language: str | None,
    url: str | None,
    ask: Callable[[str, str], str] | None,
    lang: str = "en",
) -> SiteAnswers:
    """The answers from the flags; ``ask(question, default)`` fills in the ones not given
    (None: no one to ask, so the defaults are taken and the name is required); the questions
    are in ``lang``, the language of the messages."""

    def question(key: str) -> str:
        return say(f"init.ask.{key}", lang)

    if name is None:
        if ask is None:
            raise CommandError("init.name_missing")
        name = ask(question("name"), "")
    if languages is None:
        languages = ask(question("languages"), DEFAULT_LANGUAGES) if ask else None
    languages = languages or DEFAULT_LANGUAGES
    codes = parse_languages(languages, default_language)
    if default_language is None and ask is not None and len(codes) > 1:
        codes = parse_languages(languages, ask(question("default_language"), codes[0].language))
    if url is None:
        url = ask(question("url"), DEFAULT_URL) if ask else None
    return SiteAnswers(
        _check_name(name),
        tuple(code.language for code in codes),
        _check_url(url or DEFAULT_URL),
        tuple((code.language, code.variant) for code in codes if code.variant is not None),
    )


REQUIREMENT_EXAMPLE = "clustersite @ git+https://github.com/<owner>/clustersite@<commit>"


@dataclass(frozen=True)
class Requirement:
    """The requirements.txt of a new site; ``warning`` says why GitHub could not install it."""

    text: str
    warning: str | None = None


def clustersite_requirement() -> Requirement:
    """The requirements.txt line for the clustersite running now.

    Installed from a Git repository on a server, it is pinned to that commit (pip records
    where a package came from, PEP 610). Installed from a folder or a local repository, the
    line works on this computer only, and from a package file it names a version that PyPI
    may not have: then the file's first lines, and ``init``, say what the maintainer must
    write there before the Pages workflow can install it.
    """
    try:
        recorded = metadata.distribution("clustersite").read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        recorded = None
    origin = json.loads(recorded) if recorded else {}
    url = str(origin.get("url", ""))
    vcs = origin.get("vcs_info", {})
    if vcs.get("vcs") == "git" and vcs.get("commit_id"):
        line = f"clustersite @ git+{url}@{vcs['commit_id']}\n"
        if not url.startswith("file:"):
            return Requirement(line)
        why = f"it names a repository on this computer ({url})"
    elif url.startswith("file:"):
        line = f"clustersite @ {url}\n"
        why = f"it names a folder on this computer ({url})"
    else:
        line = f"clustersite=={__version__}\n"
        why = f"it asks PyPI for clustersite {__version__}, which PyPI may not have"
    warning = (
        f"requirements.txt works on this computer only: {why}. Before the first push, "
        f"replace its last line with clustersite's Git repository at a commit or tag, "
        f"e.g. {REQUIREMENT_EXAMPLE}, so that the Pages workflow can install it"
    )
    comment = (
        "# The Pages workflow installs clustersite from the last line. As written by init,\n"
        f"# {why}: replace it with clustersite's Git repository at a commit or tag, e.g.\n"
        f"#   {REQUIREMENT_EXAMPLE}\n"
    )
    return Requirement(comment + line, warning)


def _yaml_text(value: str) -> str:
    """A YAML scalar that reads back as ``value`` (a JSON string is valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def _language_name(code: str) -> str:
    name = Locale.parse(code).get_display_name(code) or code
    return name[:1].upper() + name[1:]


def _starter(relative: str, answers: SiteAnswers, lang: str | None = None) -> str:
    folder = lang if lang and (STARTER_DIR / lang).is_dir() else FALLBACK_TEXT
    path = STARTER_DIR / (f"{folder}/{relative}" if lang else relative)
    text = path.read_text(encoding="utf-8")
    front, _, body = text.partition("\n---\n")  # front matter values are quoted YAML text
    if lang is None:
        return text.replace("{name}", answers.name)
    return (
        front.replace("{name}", _yaml_text(answers.name)[1:-1])
        + "\n---\n"
        + body.replace("{name}", answers.name)
    )


def _page_title(lang: str, answers: SiteAnswers, page: str) -> str:
    front = _starter(page, answers, lang).split("\n---\n")[0]
    line = next(line for line in front.splitlines() if line.startswith("title: "))
    return line.removeprefix("title: ").strip()


def mkdocs_yml(answers: SiteAnswers) -> str:
    """The site's configuration: Material, clustersite and static-i18n, one entry per language."""
    default = answers.default_language
    labels = {
        lang: [
            _page_title(lang, answers, "index.md"),
            Translator(lang)("news"),
            Translator(lang)("projects"),
            _page_title(lang, answers, "about.md"),
        ]
        for lang in answers.languages
    }
    pages = ("index.md", source_of("news-index"), source_of("project-index"), "about.md")
    nav = "".join(
        f"  - {_yaml_text(label)}: {page}\n"
        for label, page in zip(labels[default], pages, strict=True)
    )
    languages = ""
    for lang in answers.languages:
        languages += (
            f"        - locale: {lang}\n          name: {_yaml_text(_language_name(lang))}\n"
        )
        if lang == default:
            languages += "          default: true\n          build: true\n"
            continue
        languages += "          build: true\n          nav_translations:\n"
        for ours, theirs in zip(labels[default], labels[lang], strict=True):
            languages += f"            {_yaml_text(ours)}: {_yaml_text(theirs)}\n"
    locales = "".join(f"        {lang}: {variant}\n" for lang, variant in answers.locales)
    if locales:
        locales = "      # dates and numbers of these languages follow the regional variant\n" + (
            "      locales:\n" + locales
        )
    return f"""\
# {answers.name}: the site's configuration. Editors write in content/<language>/ and
# data/projects/; everything else here is for maintainers.
site_name: {_yaml_text(answers.name)}
site_author: {_yaml_text(answers.name)}
# The Pages workflow sets SITE_URL to the published address.
site_url: !ENV [SITE_URL, {_yaml_text(answers.url)}]
docs_dir: content
strict: false  # `clustersite build --strict` and the Pages workflow stop on warnings

theme:
  name: material
  language: {default}
  font: false            # system fonts: nothing is loaded from another host
  features:
    - navigation.tabs
    - navigation.top
    - search.highlight
  palette:
    scheme: default
    primary: custom
    accent: custom

nav:
{nav}
markdown_extensions:
  - toc:
      permalink: false
  - attr_list
  - admonition
  - tables

plugins:
  - search
  # Nothing is loaded from another host (Mermaid, unused, is never fetched).
  - privacy:
      assets_exclude:
        - unpkg.com/mermaid@*
      links: false
  - clustersite:
      news_per_page: 10
{locales}  - i18n:
      docs_structure: folder
      fallback_to_default: true
      reconfigure_material: true
      reconfigure_search: false  # clustersite writes one search index per language
      languages:
{languages}"""


def _readme(answers: SiteAnswers) -> str:
    text = _starter("README.md", answers)
    translate = ""
    if len(answers.languages) > 1:
        source = f"content/{answers.default_language}/news/2026/the-title-of-the-news.md"
        translate = f".venv/bin/clustersite translate {source} --to {answers.languages[1]}\n"
    return text.replace("{translate}", translate)


def planned_files(answers: SiteAnswers) -> dict[str, str]:
    """Every file ``init`` writes, by its path in the new site."""
    files = {
        "mkdocs.yml": mkdocs_yml(answers),
        "README.md": _readme(answers),
        "Makefile": _starter("Makefile", answers),
        "requirements.txt": clustersite_requirement().text,
        ".gitignore": _starter("gitignore", answers),
        ".github/workflows/pages.yml": _starter("pages.yml", answers),
        "data/projects/.gitkeep": "",  # git keeps no empty folder
    }
    for lang in answers.languages:
        for page in ("index.md", "about.md"):
            files[f"content/{lang}/{page}"] = _starter(page, answers, lang)
    return files


def init_site(target: Path, answers: SiteAnswers) -> list[str]:
    """Write the new site into ``target`` (missing or empty); the paths written, in order."""
    if target.exists() and not target.is_dir():
        raise CommandError("init.target_is_file", path=str(target))
    if target.is_dir() and any(target.iterdir()):
        raise CommandError("init.target_not_empty", path=str(target))
    files = planned_files(answers)
    for relative, text in files.items():
        create_file(target / relative, text)
    return list(files)


def ui_language_notes(answers: SiteAnswers) -> list[Term]:
    """What ``init`` tells about languages that clustersite has no interface phrases for."""
    missing = [lang for lang in answers.languages if lang not in UI_LANGUAGES]
    if not missing:
        return []
    return [
        Term.of(
            "init.note.english_interface",
            known=", ".join(UI_LANGUAGES),
            missing=", ".join(missing),
        )
    ]


def add_arguments(parser: argparse.ArgumentParser, lang: str = "en") -> None:
    """The options of ``clustersite init``, their help in ``lang``."""

    def h(key: str, **params: str) -> str:
        return say(f"init.help.{key}", lang, **params)

    parser.add_argument("dir", metavar="DIR", type=Path, help=h("dir"))
    parser.add_argument("--name", help=h("name"))
    parser.add_argument(
        "--languages", metavar="CODES", help=h("languages", default=DEFAULT_LANGUAGES)
    )
    parser.add_argument("--default-language", metavar="CODE", help=h("default_language"))
    parser.add_argument("--url", help=h("url", default=DEFAULT_URL))


def _ask(question: str, default: str) -> str:
    shown = f" [{default}]" if default else ""
    return input(f"{question}{shown}: ").strip() or default


def run(args: argparse.Namespace) -> int:
    """``clustersite init``: ask what is missing (in a terminal), write the site, say what next."""
    lang = getattr(args, "language", "en")
    ask = _ask if sys.stdin.isatty() else None
    answers = site_answers(args.name, args.languages, args.default_language, args.url, ask, lang)
    written = init_site(args.dir, answers)
    print(say("init.created", lang, name=answers.name, folder=str(args.dir), count=len(written)))
    if start_git_repository(args.dir):
        print(say("init.git_started", lang))
    for note in ui_language_notes(answers):
        print(say("cli.note", lang, note=note))
    warning = clustersite_requirement().warning
    if warning:
        print(say("init.requirement_warning", lang, warning=warning))
    print(say("init.next", lang, folder=str(args.dir)))
    return 0


def start_git_repository(target: Path) -> bool:
    """``git init -b main`` in the new site, unless git is missing or the folder is already
    inside a repository (a site kept in a larger one); whether it was made."""
    git = shutil.which("git")
    if git is None:
        return False
    inside = subprocess.run(
        [git, "rev-parse", "--is-inside-work-tree"], cwd=target, capture_output=True, check=False
    )
    if inside.returncode == 0:
        return False
    made = subprocess.run(
        [git, "init", "--quiet", "-b", "main"], cwd=target, capture_output=True, check=False
    )
    return made.returncode == 0
