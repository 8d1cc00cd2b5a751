"""The ``clustersite`` command: the editor's workflow from a new post to a published site.

Run it in the site's root folder (the one with ``mkdocs.yml``; a subfolder works too, and
``--root DIR`` names another). Commands::

    clustersite new post --title "Jauns projekts Rīgā" --date 2021-05-04 [--project neeghw]
    clustersite new quarterly 2020 2 [--lang lv]
    clustersite new event --title "Seminārs" --start 2026-01-14T10:00 [--end 2026-01-14T13:00]
    clustersite new project <slug>
    clustersite translate content/lv/news/2020/x.md --to en
    clustersite status [--format table|json]
    clustersite check [--format text|json|markdown]
    clustersite build [--strict] [--site-dir site]
    clustersite init DIR [--name "…"] [--languages lv,en,it] [--url https://…/]

No command overwrites or deletes an editor's file: where the file to be created exists, the
command says so and stops. Every failure is one plain message on stderr and a non-zero exit
code (1; 2 for a mistyped command line), never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from clustersite import init
from clustersite.errors import ContentError, markdown_report
from clustersite.messages import editor_language, say
from clustersite.posts import KINDS
from clustersite.scaffold import (
    CommandError,
    Created,
    new_event,
    new_post,
    new_project,
    new_quarterly,
    translate,
)
from clustersite.settings import SiteSettings

__all__ = ["build_parser", "find_root", "main"]

PROG = "clustersite"
NEXT_STEP = "Next: write the text, preview it with `make serve`, then run `clustersite check`."


def find_root(start: Path) -> Path:
    """The nearest folder, ``start`` or above, that holds ``mkdocs.yml`` (else ``start``)."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder
    return start


def _settings(args: argparse.Namespace) -> SiteSettings:
    root = Path(args.root) if args.root is not None else find_root(Path.cwd())
    if not root.is_dir():
        raise CommandError(f"--root {args.root}: there is no such folder")
    return SiteSettings.from_mkdocs_yml(root.resolve())


def _print_created(created: Created) -> None:
    print(f"Created {created.shown}")
    for note in created.notes:
        print(f"Note: {note}.")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{value}' is not a date: write it as YYYY-MM-DD, e.g. 2020-06-30"
        ) from None


def _year(value: str) -> int:
    if not (value.isdigit() and len(value) == 4):
        raise argparse.ArgumentTypeError(
            f"'{value}' is not a year: write it with four digits, e.g. 2020"
        )
    return int(value)


def _quarter(value: str) -> int:
    if value.lower().lstrip("q") not in ("1", "2", "3", "4"):
        raise argparse.ArgumentTypeError(f"'{value}' is not a quarter: write 1, 2, 3 or 4")
    return int(value.lower().lstrip("q"))


# -- commands ------------------------------------------------------------------------------


def _creating(make: Callable[..., Created], *options: str) -> Callable[[argparse.Namespace], int]:
    """The handler of a `new` command: ``make`` given the site and the named options."""

    def handler(args: argparse.Namespace) -> int:
        _print_created(make(_settings(args), **{name: getattr(args, name) for name in options}))
        print(NEXT_STEP)
        return 0

    return handler


_new_post = _creating(new_post, "title", "date", "slug", "lang", "projects", "kind", "author")
_new_event = _creating(
    new_event, "title", "start", "end", "location", "online_url", "slug", "lang", "projects"
)
_new_quarterly = _creating(new_quarterly, "year", "quarter", "lang", "author")


def _new_project(args: argparse.Namespace) -> int:
    settings = _settings(args)
    _print_created(new_project(settings, args.slug))
    print(f"Then name it in a post's front matter: `projects: [{args.slug}]`.")
    return 0


def _translate(args: argparse.Namespace) -> int:
    settings = _settings(args)
    _print_created(translate(settings, Path(args.path), args.to))
    print("Next: preview it with `make serve`; `clustersite status` shows when the source changes.")
    return 0


def _status(args: argparse.Namespace) -> int:
    from clustersite.translation import STATES, translation_status

    settings = _settings(args)
    report = translation_status(settings)
    if args.format == "json":
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        return 0
    header = ["KIND", "ITEM", *(lang.upper() for lang in report.languages)]
    rows = [
        [item.kind, item.item, *(item.states[lang] for lang in report.languages)]
        for item in report.items
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )
    notes = [(item, lang, note) for item in report.items for lang, note in item.notes.items()]
    if notes:
        print()
        for item, lang, note in notes:
            print(f"{item.item} ({lang}, {item.states[lang]}): {note}")
    totals = report.totals()
    count = len(report.items)
    print()
    print(
        f"{count} item{'' if count == 1 else 's'} in {len(report.languages)} languages: "
        + ", ".join(f"{totals[state]} {state}" for state in STATES)
        + "."
    )
    if totals["started"]:
        print("When a translation is done, set `translated: true` in its front matter.")
    if totals["missing"] or totals["outdated"]:
        print("To start a translation: clustersite translate <path of the source> --to <language>")
    return 0


def _check(args: argparse.Namespace) -> int:
    from clustersite.model import load_site
    from clustersite.projects import visibility_warnings

    default = None
    try:
        settings = _settings(args)
        default = settings.default_language
        site = load_site(settings)
        # the site's own files, not editors' content: told by `check`, never a build stop
        problems = site.problems + visibility_warnings(site.projects, settings)
    except ContentError as error:  # mkdocs.yml itself is missing or broken
        problems = error.problems
    lang = editor_language(getattr(args, "lang", None), default)
    ordered = sorted(problems, key=lambda p: (p.severity != "error", p.path, p.line or 0, p.field))
    ordered = [problem.in_language(lang) for problem in ordered]
    errors = [p for p in ordered if p.severity == "error"]
    warnings = [p for p in ordered if p.severity != "error"]
    if args.format == "json":
        print(json.dumps([p.as_dict() for p in ordered], ensure_ascii=False, indent=2, default=str))
        return 1 if errors else 0
    counts = {"errors": len(errors), "warnings": len(warnings)}
    if args.format == "markdown":  # a job summary on GitHub (see .github/workflows/pages.yml)
        verdict = "errors" if errors else "warnings" if warnings else "none"
        print(markdown_report(ordered, lang, say(f"check.summary.{verdict}", lang, **counts)))
        return 1 if errors else 0
    for problem in ordered:
        print(problem)
    if ordered:
        print()
    if errors:
        print(say("check.summary.errors", lang, **counts))
        return 1
    print(say("check.summary.warnings" if warnings else "check.summary.none", lang, **counts))
    return 0


def _build(args: argparse.Namespace) -> int:
    from clustersite.build import build_site

    root = Path(args.root) if args.root is not None else find_root(Path.cwd())
    config_file = root / "mkdocs.yml"
    if not config_file.is_file():
        raise CommandError(
            f"there is no mkdocs.yml in {root}; run clustersite from the site's root folder"
        )
    site_dir = args.site_dir if args.site_dir.is_absolute() else root / args.site_dir
    return build_site(config_file, site_dir, args.strict)


# -- the command line ----------------------------------------------------------------------


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Keeps the examples in descriptions as written; help texts start in one column."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=26)

    def add_argument(self, action: argparse.Action) -> None:
        super().add_argument(action)
        self._action_max_length = max(self._action_max_length, 20)  # room for "translate"


def _root_option() -> argparse.ArgumentParser:
    """``--root`` accepted before or after the command (``clustersite --root x check``)."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--root",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="the site's folder, the one with mkdocs.yml (default: this folder or the "
        "nearest one above it)",
    )
    return parent


def build_parser() -> argparse.ArgumentParser:
    """The whole command line: every command, option and help text."""
    root = _root_option()
    parser = argparse.ArgumentParser(
        prog=PROG,
        formatter_class=_Formatter,
        description="Write, translate, check and build the cluster's news and project site.",
        epilog="Run `clustersite <command> --help` for the options of a command.",
    )
    parser.add_argument(
        "--root",
        metavar="DIR",
        default=None,
        help="the site's folder, the one with mkdocs.yml (default: this folder or the "
        "nearest one above it)",
    )
    commands = parser.add_subparsers(title="commands", metavar="<command>")

    def command(
        group: argparse._SubParsersAction[argparse.ArgumentParser],
        name: str,
        summary: str,
        description: str,
        handler: Callable[[argparse.Namespace], int],
    ) -> argparse.ArgumentParser:
        sub = group.add_parser(
            name, help=summary, description=description, parents=[root], formatter_class=_Formatter
        )
        sub.set_defaults(handler=handler)
        return sub

    new = commands.add_parser(
        "new",
        help="create a post, a quarterly report or a project file",
        description="Create a new file from a template. An existing file is never replaced.",
        parents=[root],
        formatter_class=_Formatter,
    )
    new.set_defaults(handler=None, parser=new)
    kinds = new.add_subparsers(title="what to create", metavar="<post|quarterly|event|project>")

    post = command(
        kinds,
        "post",
        "a news post",
        (
            "Create content/<lang>/news/<year>/<slug>.md with its front matter filled in.\n\n"
            "example:\n"
            '  clustersite new post --title "Jauns projekts Rīgā" --date 2021-05-04 \\\n'
            "      --project neeghw"
        ),
        _new_post,
    )
    post.add_argument("--title", required=True, help="the post's title, in quotes")
    post.add_argument("--date", required=True, type=_date, help="the date of the news, YYYY-MM-DD")
    post.add_argument(
        "--slug",
        help="the last part of the address (default: made from the title, "
        "e.g. jauns-projekts-riga)",
    )
    post.add_argument(
        "--lang", help="the language of the post (default: the site's default language)"
    )
    post.add_argument(
        "--project",
        dest="projects",
        action="append",
        default=[],
        metavar="SLUG",
        help="a project the post is about (a file name in data/projects/, without "
        ".yml); repeat for several",
    )
    post.add_argument("--kind", choices=KINDS, default="news", help="news (default) or quarterly")
    post.add_argument("--author", help="the author or organisation (optional)")

    event = command(
        kinds,
        "event",
        "an event (seminar, fair, webinar, meeting)",
        (
            "Create content/<lang>/events/<year>/<slug>.md, checked before it is written.\n\n"
            "example:\n"
            '  clustersite new event --title "Seminārs Rīgā" --start 2026-01-14T10:00 \\\n'
            '      --end 2026-01-14T13:00 --location "Rīga, Brīvības iela 1"'
        ),
        _new_event,
    )
    event.add_argument("--title", required=True, help="the event's name, in quotes")
    event.add_argument(
        "--start",
        required=True,
        help="when it starts: YYYY-MM-DDTHH:MM on the organiser's clock, or only the day",
    )
    event.add_argument("--end", help="when it ends, written as --start (optional)")
    event.add_argument("--location", help="the place and address, in quotes; or online")
    event.add_argument("--online-url", dest="online_url", help="the address of an online event")
    event.add_argument("--slug", help="the last part of the address (default: from the title)")
    event.add_argument("--lang", help="the language of the file (default: the site's default)")
    event.add_argument(
        "--project",
        dest="projects",
        action="append",
        default=[],
        metavar="SLUG",
        help="a project the event belongs to; repeat for several",
    )

    quarterly = command(
        kinds,
        "quarterly",
        "a quarterly report",
        (
            "Create the quarterly report of one quarter, dated its last day, with a list of\n"
            "links to that quarter's posts in the same language.\n\n"
            "example:\n  clustersite new quarterly 2020 2      (→ Klastera aktualitātes 2/2020)"
        ),
        _new_quarterly,
    )
    quarterly.add_argument("year", type=_year, help="the year, e.g. 2020")
    quarterly.add_argument("quarter", type=_quarter, help="the quarter: 1, 2, 3 or 4")
    quarterly.add_argument(
        "--lang", help="the language of the report (default: the site's default language)"
    )
    quarterly.add_argument("--author", help="the author or organisation (optional)")

    project = command(
        kinds,
        "project",
        "a project's facts",
        (
            "Create data/projects/<slug>.yml: a commented template that explains every field.\n"
            "Its required facts say TODO: `clustersite check` lists each one until it is\n"
            "filled in.\n\n"
            "example:\n  clustersite new project neeghw"
        ),
        _new_project,
    )
    project.add_argument(
        "slug",
        help="the project's short name for addresses: lowercase letters, "
        "digits and hyphens, e.g. neeghw",
    )

    translation = command(
        commands,
        "translate",
        "start the translation of a page or post",
        (
            "Copy a page or post into another language's folder (the same path), to be translated\n"
            "there. The copy records which language and which version of the source it came from,\n"
            "so `clustersite status` can tell when the source changes. Until you set\n"
            "`translated: true` in its front matter, the site shows it as not yet translated.\n\n"
            "example:\n  clustersite translate content/lv/news/2020/neeghw-sakas.md --to en"
        ),
        _translate,
    )
    translation.add_argument("path", help="the page or post to translate, e.g. content/lv/about.md")
    translation.add_argument(
        "--to", required=True, metavar="LANG", help="the language to translate into"
    )

    status = command(
        commands,
        "status",
        "show what is translated, missing or out of date",
        (
            "List every post, page and project against every language of the site:\n"
            "  source    the original text\n"
            "  ok        translated, and the source has not changed since\n"
            "  started   copied by `clustersite translate`, not yet marked `translated: true`\n"
            "  outdated  translated, but the source has changed since: update the translation\n"
            "  missing   not translated yet (the site shows the default language meanwhile)"
        ),
        _status,
    )
    status.add_argument(
        "--format",
        choices=("table", "json"),
        default="table",
        help="table for people (default) or json for programs",
    )

    check = command(
        commands,
        "check",
        "find every problem in the content without building",
        (
            "Check mkdocs.yml, data/projects/ and content/ and list every problem as\n"
            "  path:line: field: problem — how to fix\n"
            "Exit code 1 if there are errors; warnings alone give 0."
        ),
        _check,
    )
    check.add_argument(
        "--lang",
        metavar="LANG",
        help="the language of the messages (default: CLUSTERSITE_LANG, else the site's "
        "default language, else the terminal's LANG)",
    )
    check.add_argument(
        "--format",
        choices=("text", "json", "markdown"),
        default="text",
        help="text for people (default), json for programs, or markdown for a CI job summary",
    )

    build = command(
        commands,
        "build",
        "build the site into site/",
        ("Build the whole site. A failed build leaves the previous site folder as it was."),
        _build,
    )
    build.add_argument(
        "--strict", action="store_true", help="stop on warnings too (as the published build does)"
    )
    build.add_argument(
        "--site-dir",
        type=Path,
        default=Path("site"),
        metavar="DIR",
        help="where the built site goes (default: site)",
    )
    init.add_arguments(
        command(commands, "init", "start a new site in a new folder", init.DESCRIPTION, init.run)
    )
    return parser


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so Python's final flush does not fail on a closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):  # not a real file (tests, IDEs)
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return its exit code (0 success, 1 failure, 2 command-line mistake)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
    if handler is None:
        (getattr(args, "parser", None) or parser).print_help(sys.stderr)
        return 2
    try:
        return handler(args)
    except CommandError as error:
        print(f"Error: {error}", file=sys.stderr)
    except ContentError as error:  # mkdocs.yml is missing or cannot be read
        for problem in error.problems:
            print(f"Error: {problem}", file=sys.stderr)
    except BrokenPipeError:  # e.g. `clustersite status | head`: the reader has gone
        _silence_stdout()
    except OSError as error:
        where = f" {error.filename}" if error.filename else ""
        print(f"Error: cannot read or write{where}: {error.strerror or error}", file=sys.stderr)
    except KeyboardInterrupt:
        print("Interrupted; no file was left half-written.", file=sys.stderr)
        return 130
    return 1


if __name__ == "__main__":
    sys.exit(main())
