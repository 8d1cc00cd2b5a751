"""New files for editors: a post, a quarterly report, a project, a translation.

Each function checks its input against the site (languages, known projects, free slugs),
composes the file's text and creates it with :func:`clustersite.safewrite.create_file`, so
an existing file is never replaced. Anything an editor must change raises
:class:`CommandError` with one plain sentence that says what to do.

Front matter values are written with ``yaml.safe_dump``, so a title with quotes, colons or
``<script>`` reads back exactly as given. The hints in a new file (commented summary line,
a first paragraph to replace) are in the file's language, from the ``hint`` section of
``locales/messages/<lang>.yml`` (English for a language without one), as is the title of a
quarterly report.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import tempfile
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from clustersite.errors import relative_path
from clustersite.messages import Term, say
from clustersite.model import load_site
from clustersite.posts import KINDS, Post
from clustersite.projects import FUNDS
from clustersite.routes import reserved_slugs, route, source_of
from clustersite.safewrite import create_file
from clustersite.settings import SiteSettings, build_date
from clustersite.slugs import RESERVED_SLUGS, slug_problem, slugify, title_gives_slug
from clustersite.translation import source_hash, without_tracking_fields
from clustersite.yamlio import FRONT_MATTER, read_text

__all__ = [
    "CommandError",
    "Created",
    "new_post",
    "new_project",
    "new_quarterly",
    "quarter_end",
    "quarterly_title",
    "translate",
]

PROJECT_RESERVED = reserved_slugs("project")  # e.g. projects/index.md is the project index


class CommandError(Exception):
    """Something the editor asked for cannot be done; the message says what to do instead.

    It is the phrase ``command.<key>`` of the message files; ``str()`` gives it in English,
    :meth:`in_language` in the editor's language.
    """

    def __init__(self, key: str, /, **params: Any) -> None:
        self.term = Term.of(f"command.{key}", **params)
        super().__init__(self.term.say())

    def in_language(self, lang: str) -> str:
        return self.term.say(lang)


@dataclass
class Created:
    """A file that was created, and anything the editor should know about it."""

    path: Path
    shown: str  # the path from the site root, as the editor knows it
    notes: list[Term] = field(default_factory=list)  # phrases `note.*` of the message files


ANOTHER_SLUG = Term("advice.another_slug")  # what to do when the file to create exists


def _hint(lang: str, key: str, **params: str) -> str:
    """What a new file says to its editor, in the file's language (messages/<lang>.yml)."""
    return say(f"hint.{key}", lang, **params)


def quarterly_title(lang: str, year: int, quarter: int) -> str:
    """The title of a quarterly report in ``lang`` (English for a language not in the table).

    >>> quarterly_title("lv", 2020, 2), quarterly_title("de", 2020, 2)
    ('Klastera aktualitātes 2/2020', 'Cluster news 2/2020')
    """
    return say("quarterly.title", lang, quarter=quarter, year=year)


def quarter_end(year: int, quarter: int) -> dt.date:
    """The last day of a quarter.

    >>> quarter_end(2020, 2), quarter_end(2021, 4)
    (datetime.date(2020, 6, 30), datetime.date(2021, 12, 31))
    """
    month = quarter * 3
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _yaml_line(key: str, value: Any) -> str:
    """``key: value`` as YAML, quoted wherever the value needs it."""
    if isinstance(value, list):  # a short list stays on the line: `projects: [neeghw, letera]`
        flow = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=1 << 16)
        return f"{key}: {flow.strip()}"
    return yaml.safe_dump(
        {key: value}, allow_unicode=True, default_flow_style=False, sort_keys=False, width=1 << 16
    ).rstrip("\n")


def _markdown_text(text: str) -> str:
    """Text safe inside a Markdown link: no markup, no HTML.

    >>> _markdown_text("A [b] <script> & *c*")
    'A \\\\[b\\\\] &lt;script&gt; &amp; \\\\*c\\\\*'
    """
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([\\`*_\[\]])", r"\\\1", text)


def _check_language(settings: SiteSettings, lang: str | None, option: str = "--lang") -> str:
    lang = lang or settings.default_language
    if lang not in settings.languages:
        raise CommandError(
            "language_unknown",
            value=lang,
            option=option,
            languages=", ".join(settings.languages),
        )
    return lang


def _check_text(value: str, option: str) -> str:
    value = value.strip()
    if not value:
        raise CommandError("option_empty", option=option)
    if any(ord(char) < 32 for char in value):
        raise CommandError("option_not_one_line", option=option)
    return value


def _check_slug(
    slug: str, reserved: Collection[str] = RESERVED_SLUGS, key: str = "bad_option"
) -> None:
    """A slug the editor chose (``--slug``); else the command stops saying why and what to write."""
    if (problem := slug_problem(slug, reserved)) is not None:
        raise CommandError(key, option="--slug", problem=problem)


def known_projects(settings: SiteSettings) -> list[str]:
    """The slugs of the project files in ``data/projects/`` (sound or not)."""
    if not settings.data_dir.is_dir():
        return []
    return sorted(
        path.stem for path in settings.data_dir.glob("*.yml") if not path.name.startswith(".")
    )


def _check_projects(settings: SiteSettings, projects: Iterable[str]) -> list[str]:
    known = known_projects(settings)
    folder = relative_path(settings.data_dir, settings.root)
    chosen: list[str] = []
    for slug in projects:
        if slug not in known:
            raise CommandError(
                "project_unknown",
                slug=slug,
                folder=folder,
                choices=", ".join(known) or Term("command.no_projects_yet"),
            )
        if slug not in chosen:
            chosen.append(slug)
    return chosen


def _refuse_existing(target: Path, settings: SiteSettings, advice: Term) -> None:
    if target.exists() or target.is_symlink():
        raise CommandError("exists", path=relative_path(target, settings.root), advice=advice)


def _create(target: Path, text: str, settings: SiteSettings, advice: Term) -> Created:
    shown = relative_path(target, settings.root)
    try:
        create_file(target, text)
    except FileExistsError:
        raise CommandError("exists", path=shown, advice=advice) from None
    return Created(target, shown)


def _post_file(
    settings: SiteSettings,
    *,
    lang: str,
    title: str,
    date: dt.date,
    slug: str | None,
    projects: Sequence[str],
    kind: str,
    author: str | None,
    body: str,
    advice: Term = ANOTHER_SLUG,
) -> Created:
    """Check a new post's address and write it (shared by `new post` and `new quarterly`)."""
    if kind not in KINDS:
        raise CommandError("kind_unknown", value=kind, kinds=", ".join(KINDS))
    if slug is None:
        if not title_gives_slug(title):  # emoji or symbols only: "post.md" would say nothing
            raise CommandError("title_without_letters")
        slug = slugify(title)
    else:
        _check_slug(slug)
    folder = settings.docs_dir / lang / route("post").section
    target = settings.docs_dir / lang / source_of("post", year=f"{date.year:04d}", slug=slug)
    _refuse_existing(target, settings, advice)
    same_slug = sorted(folder.glob(f"*/{slug}.md")) if folder.is_dir() else []
    if same_slug:
        raise CommandError(
            "slug_taken",
            slug=slug,
            other=relative_path(same_slug[0], settings.root),
            advice=advice,
        )

    known = known_projects(settings)
    lines = ["---", _yaml_line("title", title), _yaml_line("date", date)]
    if author:
        lines.append(_yaml_line("author", author))
    if not projects and known:
        lines.append("# " + _hint(lang, "projects", known=", ".join(known)))
    lines += [
        _yaml_line("projects", list(projects)),
        _yaml_line("kind", kind),
        "# summary: " + _hint(lang, "summary"),
        _yaml_line("draft", False) + "  # " + _hint(lang, "draft"),
        "---",
        "",
        body.rstrip("\n"),
        "",
    ]
    created = _create(target, "\n".join(lines), settings, advice)
    if date > build_date():
        created.notes.append(Term.of("note.date_in_future", date=date.isoformat()))
    return created


def new_post(
    settings: SiteSettings,
    *,
    title: str,
    date: dt.date,
    slug: str | None = None,
    lang: str | None = None,
    projects: Sequence[str] = (),
    kind: str = "news",
    author: str | None = None,
) -> Created:
    """Create ``content/<lang>/news/<yyyy>/<slug>.md``: front matter and a first paragraph hint."""
    lang = _check_language(settings, lang)
    title = _check_text(title, "--title")
    author = _check_text(author, "--author") if author is not None else None
    chosen = _check_projects(settings, projects)
    return _post_file(
        settings,
        lang=lang,
        title=title,
        date=date,
        slug=slug,
        projects=chosen,
        kind=kind,
        author=author,
        body=_hint(lang, "body"),
    )


def new_event(
    settings: SiteSettings,
    *,
    title: str,
    start: str,
    end: str | None = None,
    location: str | None = None,
    online_url: str | None = None,
    slug: str | None = None,
    lang: str | None = None,
    projects: Sequence[str] = (),
) -> Created:
    """Create ``content/<lang>/events/<yyyy>/<slug>.md``, checked as `clustersite check` would.

    ``start`` and ``end`` are written as the editor gave them (``2026-01-14T10:00`` or a day);
    the new file is read back by the event checks before anything is written, so a file this
    command creates always passes them.
    """
    from clustersite.events import RESERVED_EVENT_SLUGS, parse_event

    lang = _check_language(settings, lang)
    title = _check_text(title, "--title")
    chosen = _check_projects(settings, projects)
    year = start.strip()[:4]
    if slug is None:
        slug = slugify(title, RESERVED_EVENT_SLUGS, "event")
    else:
        _check_slug(slug, RESERVED_EVENT_SLUGS)
    advice = ANOTHER_SLUG
    folder = settings.docs_dir / lang / "events"
    target = folder / year / f"{slug}.md"
    _refuse_existing(target, settings, advice)
    lines = ["---", _yaml_line("title", title), f"start: {start.strip()}"]
    if end:
        lines.append(f"end: {end.strip()}")
    place = (location or "").strip() or ("online" if online_url else "")
    lines.append(
        _yaml_line("location", place)
        if place
        else 'location: ""  # ' + _hint(lang, "event_location")
    )
    if online_url:
        lines.append(_yaml_line("online_url", online_url.strip()))
    lines += [
        "# timezone: " + _hint(lang, "event_timezone", zone=settings.timezone),
        "# registration_url: https://…",
        "# registration_deadline: YYYY-MM-DD",
        _yaml_line("projects", chosen),
        "---",
        "",
        _hint(lang, "event_body"),
        "",
    ]
    text = "\n".join(lines)
    with tempfile.TemporaryDirectory() as scratch:
        draft = Path(scratch) / "event.md"
        draft.write_text(text, encoding="utf-8")
        shown = relative_path(target, settings.root)
        relative = (year, f"{slug}.md")
        _event, problems = parse_event(
            draft, shown, lang, relative, set(known_projects(settings)), settings.timezone
        )
    errors = [p for p in problems if p.severity == "error" and p.field != "location"]
    if any(p.field == "start" for p in errors):  # a start that is no date names no year folder
        errors = [p for p in errors if p.field != "file"]
    if errors:
        raise CommandError("event_not_written", problems=errors)
    created = _create(target, text, settings, advice)
    if not place:
        created.notes.append(Term("note.event_location"))
    return created


def _quarter_posts(
    settings: SiteSettings, lang: str, year: int, quarter: int
) -> tuple[list[Post], list[Post]]:
    """That quarter's posts in ``lang``, and its quarterly reports in every language."""
    in_quarter = [
        post
        for post in load_site(settings).posts
        if post.date.year == year and post.quarter == quarter
    ]
    posts = [
        post
        for post in in_quarter
        if post.lang == lang and post.kind != "quarterly" and not post.draft
    ]
    reports = [post for post in in_quarter if post.kind == "quarterly"]
    return sorted(posts, key=lambda post: (post.date, post.slug)), reports


def new_quarterly(
    settings: SiteSettings,
    *,
    year: int,
    quarter: int,
    lang: str | None = None,
    author: str | None = None,
) -> Created:
    """Create the quarterly report of ``quarter``/``year``, listing that quarter's posts."""
    lang = _check_language(settings, lang)
    if quarter not in (1, 2, 3, 4):
        raise CommandError("quarter_invalid", value=quarter)
    if not 1000 <= year <= 9999:
        raise CommandError("year_invalid", value=year)
    author = _check_text(author, "--author") if author is not None else None
    title = quarterly_title(lang, year, quarter)
    posts, reports = _quarter_posts(settings, lang, year, quarter)
    same_language = [report for report in reports if report.lang == lang]
    if same_language:
        raise CommandError(
            "quarterly_exists", path=same_language[0].path, quarter=quarter, year=year, lang=lang
        )
    # translations share one path: the report takes the slug the other languages' reports have
    slug = min((report.slug for report in reports), default=None)
    if posts:
        links = []
        for post in posts:
            href = (
                f"{post.slug}.md"
                if post.year_folder == f"{year:04d}"
                else f"../{post.year_folder}/{post.slug}.md"
            )
            links.append(f"- [{_markdown_text(post.title)}]({href})")
        listing = "\n".join(links)
    else:
        listing = _hint(lang, "quarterly_none")
    body = (
        f"{_hint(lang, 'quarterly_intro')}\n\n## {_hint(lang, 'quarterly_heading')}\n\n{listing}\n"
    )
    projects = sorted({project for post in posts for project in post.projects})
    created = _post_file(
        settings,
        lang=lang,
        title=title,
        date=quarter_end(year, quarter),
        slug=slug,
        projects=projects,
        kind="quarterly",
        author=author,
        body=body,
        advice=Term("advice.one_report"),
    )
    created.notes.insert(
        0, Term.of("note.quarterly_links", count=len(posts), quarter=quarter, year=year, lang=lang)
    )
    return created


def project_template(slug: str, languages: Sequence[str], lang: str = "en") -> str:
    """A commented ``data/projects/<slug>.yml``: valid YAML, with TODO where facts are needed.

    The comments are in ``lang`` (the site's default language: one file serves every
    language). The required facts hold placeholders that ``clustersite check`` rejects with a
    message on their own line (``fund: 'TODO' is not a known fund``), and the default
    language's title is left empty (``title.lv: … is missing``), so nothing half-filled is
    published.
    """
    default = languages[0]

    def note(name: str, **params: Any) -> str:
        """The comment ``hint.project_file.<name>``, each of its lines starting with ``#``."""
        text = say(f"hint.project_file.{name}", lang, **params)
        return "\n".join(f"# {line}" for line in text.splitlines())

    def inline(name: str) -> str:
        return say(f"hint.project_file.{name}", lang)

    per_language = "\n".join(f"  {code}:" for code in languages)
    objectives = "\n".join(f"  {code}: []" for code in languages)
    return f"""\
{note("intro", slug=slug, default=default)}

{note("number")}
number:
{note("acronym")}
acronym:
{note("official_title")}
official_title:
{note("official_title_language")}
official_title_language:
{note("title", default=default)}
title:
{per_language}
{note("summary")}
summary:
{per_language}
{note("beneficiary")}
beneficiary:
{note("programme")}
programme:
{note("fund", funds=", ".join(FUNDS[:-1]), last=FUNDS[-1])}
fund: TODO
{note("start")}
start: TODO
{note("end")}
end: TODO
{note("budget")}
budget:
  currency: EUR       # {inline("currency")}
  total: TODO         # {inline("total")}
  eu: TODO            # {inline("eu")}
  cofinancing: TODO   # {inline("cofinancing")}
{note("partners")}
#   - name: Functional Print Cluster
#     country: ES                  # {inline("country")}
#     url: https://example.org/    # {inline("optional")}
partners: []
{note("objectives")}
objectives:
{objectives}
{note("links")}
#   - title: {{{default}: …, en: …}}
#     url: https://example.org/
links: []
"""


def new_project(settings: SiteSettings, slug: str) -> Created:
    """Create ``data/projects/<slug>.yml`` from :func:`project_template`."""
    _check_slug(slug, PROJECT_RESERVED, "bad_project_slug")
    target = settings.data_dir / f"{slug}.yml"
    advice = Term("advice.another_project_slug")
    _refuse_existing(target, settings, advice)
    text = project_template(slug, settings.languages, settings.default_language)
    created = _create(target, text, settings, advice)
    created.notes.append(Term("note.project_todo"))
    return created


def _resolve_source(settings: SiteSettings, given: Path, cwd: Path) -> Path:
    candidates = [given] if given.is_absolute() else [cwd / given, settings.root / given]
    for candidate in candidates:
        if candidate.is_file():
            return candidate.resolve()
    raise CommandError(
        "no_such_file",
        path=str(given),
        example=relative_path(settings.docs_dir / settings.default_language, settings.root),
    )


def translation_text(text: str, origin: str, lang: str) -> str:
    """The source text with ``translated_from`` and ``source_hash`` recorded in its front matter.

    >>> print(translation_text("---\\ntitle: Sākums\\n---\\nTeksts\\n", "lv", "en"), end="")
    ---
    title: Sākums
    translated_from: lv  # translate the title and the text; leave these two lines as they are
    source_hash: e9b13315ccfcf554
    translated: false  # true once the title and the text are translated: until then the site shows the notice
    ---
    Teksts
    """
    tracking = (
        f"{_yaml_line('translated_from', origin)}  # {_hint(lang, 'translated')}\n"
        f"{_yaml_line('source_hash', source_hash(text))}\n"
        f"{_yaml_line('translated', False)}  # {_hint(lang, 'translation_done')}\n"
    )
    copy = without_tracking_fields(text)
    match = FRONT_MATTER.match(copy)
    if match is None:
        return f"---\n{tracking}---\n\n{copy}"
    insert_at = (
        match.end(1) if match.group(1) is not None else match.start(0) + copy.index("\n") + 1
    )
    return copy[:insert_at] + tracking + copy[insert_at:]


def translate(settings: SiteSettings, source: Path, to: str, cwd: Path | None = None) -> Created:
    """Copy a page or post into the ``to`` language's folder, recording what it came from."""
    path = _resolve_source(settings, source, cwd or Path.cwd())
    shown = relative_path(path, settings.root)
    if path.is_relative_to(settings.data_dir):
        raise CommandError("translate_project_file", path=shown, lang=to)
    try:
        lang, *rest = path.relative_to(settings.docs_dir).parts
    except ValueError:
        raise CommandError(
            "not_in_content", path=shown, content=relative_path(settings.docs_dir, settings.root)
        ) from None
    if lang not in settings.languages or not rest or path.suffix != ".md":
        raise CommandError(
            "not_a_page",
            path=shown,
            content=relative_path(settings.docs_dir, settings.root),
            languages=", ".join(settings.languages),
        )
    to = _check_language(settings, to, "--to")
    if to == lang:
        others = [other for other in settings.languages if other != lang]
        raise CommandError("already_in_language", path=shown, lang=lang, others=", ".join(others))
    text, problem = read_text(path, shown)
    if problem is not None or text is None:
        raise CommandError("unreadable", problem=problem)
    target = settings.docs_dir.joinpath(to, *rest)
    advice = Term.of("advice.update_translation", source=shown, hash=source_hash(text))
    _refuse_existing(target, settings, advice)
    created = _create(target, translation_text(text, lang, to), settings, advice)
    created.notes.append(Term.of("note.copied", source=shown))
    return created
