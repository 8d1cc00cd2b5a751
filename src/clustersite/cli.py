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
import re
import shutil
import sys
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any, NoReturn

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
# The commands whose --lang is the language of the messages (elsewhere it is a file's language).
MESSAGE_LANGUAGE_COMMANDS = ("check", "status")


def shown_program() -> str:
    """clustersite as the editor can type it again: ``clustersite`` when that is on PATH
    (or it was not started by that name), else the path it was started by (.venv/bin/…)."""
    started = Path(sys.argv[0])
    found = shutil.which(PROG)
    if started.name != PROG or (found is not None and Path(found).resolve() == started.resolve()):
        return PROG
    return os.path.relpath(started) if started.is_absolute() else str(started)


def find_root(start: Path) -> Path:
    """The nearest folder, ``start`` or above, that holds ``mkdocs.yml`` (else ``start``)."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder
    return start


def _option(argv: Sequence[str], name: str) -> str | None:
    """The value of ``name`` (``--lang en`` or ``--lang=en``) in a command line not yet parsed."""
    for index, argument in enumerate(argv):
        if argument == name and index + 1 < len(argv):
            return argv[index + 1]
        if argument.startswith(name + "="):
            return argument.split("=", 1)[1]
    return None


def run_language(argv: Sequence[str]) -> str:
    """The editor's language for this run, found before the command line is parsed (so that
    ``--help`` and mistakes in the command line are in it too): ``--lang`` of check and
    status, else CLUSTERSITE_LANG, the site's default language, LANG, English."""
    command = next((a for a in argv if not a.startswith("-")), None)
    explicit = _option(argv, "--lang") if command in MESSAGE_LANGUAGE_COMMANDS else None
    given = _option(argv, "--root")
    default = None
    try:
        root = Path(given) if given else find_root(Path.cwd())
        if (root / "mkdocs.yml").is_file():
            default = SiteSettings.from_mkdocs_yml(root.resolve()).default_language
    except (ContentError, OSError):
        pass  # a broken mkdocs.yml is told by the command itself
    return editor_language(explicit, default)


def _settings(args: argparse.Namespace) -> SiteSettings:
    root = Path(args.root) if args.root is not None else find_root(Path.cwd())
    if not root.is_dir():
        raise CommandError("no_root", root=args.root)
    return SiteSettings.from_mkdocs_yml(root.resolve())


def _print_created(created: Created, lang: str) -> None:
    print(say("cli.created", lang, path=created.shown))
    for note in created.notes:
        print(say("cli.note", lang, note=note))


def _argument_error(error: CommandError) -> argparse.ArgumentTypeError:
    """A value argparse refuses, said in English here; main() says it in the editor's language."""
    refused = argparse.ArgumentTypeError(str(error))
    refused.term = error.term  # type: ignore[attr-defined]
    return refused


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise _argument_error(CommandError("date_invalid", value=value)) from None


def _year(value: str) -> int:
    if not (value.isdigit() and len(value) == 4):
        raise _argument_error(CommandError("year_invalid", value=value))
    return int(value)


def _quarter(value: str) -> int:
    if value.lower().lstrip("q") not in ("1", "2", "3", "4"):
        raise _argument_error(CommandError("quarter_invalid", value=value))
    return int(value.lower().lstrip("q"))


# -- commands ------------------------------------------------------------------------------


def _creating(make: Callable[..., Created], *options: str) -> Callable[[argparse.Namespace], int]:
    """The handler of a `new` command: ``make`` given the site and the named options."""

    def handler(args: argparse.Namespace) -> int:
        created = make(_settings(args), **{name: getattr(args, name) for name in options})
        _print_created(created, args.language)
        print(say("cli.next_write", args.language, program=shown_program()))
        return 0

    return handler


_new_post = _creating(new_post, "title", "date", "slug", "lang", "projects", "kind", "author")
_new_event = _creating(
    new_event, "title", "start", "end", "location", "online_url", "slug", "lang", "projects"
)
_new_quarterly = _creating(new_quarterly, "year", "quarter", "lang", "author")


def _new_project(args: argparse.Namespace) -> int:
    settings = _settings(args)
    _print_created(new_project(settings, args.slug), args.language)
    print(say("cli.next_project", args.language, slug=args.slug))
    return 0


def _translate(args: argparse.Namespace) -> int:
    settings = _settings(args)
    _print_created(translate(settings, Path(args.path), args.to), args.language)
    print(say("cli.next_translate", args.language, program=shown_program()))
    return 0


def _status(args: argparse.Namespace) -> int:
    from clustersite.translation import STATES, translation_status

    settings = _settings(args)
    report = translation_status(settings)
    if args.format == "json":  # for programs: the states as codes, the notes in English
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        return 0
    lang = args.language

    def state(code: str) -> str:
        return say(f"status.state.{code}", lang)

    header = [
        say("status.kind_header", lang),
        say("status.item_header", lang),
        *(code.upper() for code in report.languages),
    ]
    rows = [
        [
            say(f"status.kind.{item.kind}", lang),
            item.item,
            *(state(item.states[code]) for code in report.languages),
        ]
        for item in report.items
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )
    notes = [(item, code, note) for item in report.items for code, note in item.notes.items()]
    if notes:
        print()
        for item, code, note in notes:
            print(f"{item.item} ({code}, {state(item.states[code])}): {note.say(lang)}")
    totals = report.totals()
    print()
    print(
        say(
            "status.totals",
            lang,
            count=len(report.items),
            languages=len(report.languages),
            states=", ".join(
                say(f"status.count.{code}", lang, count=totals[code]) for code in STATES
            ),
        )
    )
    if totals["started"]:
        print(say("status.hint_started", lang))
    if totals["missing"] or totals["outdated"]:
        print(say("status.hint_missing", lang, program=shown_program()))
    return 0


def _check(args: argparse.Namespace) -> int:
    from clustersite.model import load_site
    from clustersite.projects import visibility_warnings

    try:
        settings = _settings(args)
        site = load_site(settings)
        # the site's own files, not editors' content: told by `check`, never a build stop
        site_files = visibility_warnings(site.projects, settings)
        problems = site.problems + site_files
    except ContentError as error:  # mkdocs.yml itself is missing or broken
        problems, site_files = error.problems, []
    lang = args.language
    ordered = sorted(problems, key=lambda p: (p.severity != "error", p.path, p.line or 0, p.field))
    ordered = [problem.in_language(lang) for problem in ordered]
    errors = [p for p in ordered if p.severity == "error"]
    warnings = [p for p in ordered if p.severity != "error"]
    if args.format == "json":
        print(json.dumps([p.as_dict() for p in ordered], ensure_ascii=False, indent=2, default=str))
        return 1 if errors else 0
    counts = {"errors": len(errors), "warnings": len(warnings)}
    # whether the strict build would stop: only for warnings it sees (not the site's files)
    stopping = len(warnings) > len(site_files)
    verdict = (
        "errors" if errors else "warnings" if stopping else "site_files" if warnings else "none"
    )
    summary = say(f"check.summary.{verdict}", lang, **counts)
    if args.format == "markdown":  # a job summary on GitHub (see .github/workflows/pages.yml)
        print(markdown_report(ordered, lang, summary))
        return 1 if errors else 0
    for problem in ordered:
        print(problem)
    if ordered:
        print()
    print(summary)
    return 1 if errors else 0


def _build(args: argparse.Namespace) -> int:
    from clustersite.build import build_site

    root = Path(args.root) if args.root is not None else find_root(Path.cwd())
    config_file = root / "mkdocs.yml"
    if not config_file.is_file():
        raise CommandError("no_site", root=str(root))
    site_dir = args.site_dir if args.site_dir.is_absolute() else root / args.site_dir
    return build_site(config_file, site_dir, args.strict)


# -- the command line ----------------------------------------------------------------------


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Keeps the examples in descriptions as written; help texts start in one column; the
    word before the usage line in the editor's language."""

    def __init__(self, prog: str, usage_prefix: str = "usage: ") -> None:
        super().__init__(prog, max_help_position=26)
        self.usage_prefix = usage_prefix

    def add_argument(self, action: argparse.Action) -> None:
        super().add_argument(action)
        self._action_max_length = max(self._action_max_length, 20)  # room for "translate"

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, self.usage_prefix if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """A parser that speaks the editor's language: section titles, -h, usage and mistakes."""

    def __init__(self, *args: Any, language: str = "en", **kwargs: Any) -> None:
        self.language = language
        kwargs["formatter_class"] = partial(_Formatter, usage_prefix=say("cli.usage", language))
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = say("cli.positionals", language)
        self._optionals.title = say("cli.options", language)
        self.add_argument(
            "-h", "--help", action="help", default=argparse.SUPPRESS, help=say("cli.help", language)
        )

    def error(self, message: str) -> NoReturn:
        current = sys.exc_info()[1]  # argparse's ArgumentError, raised while handling ours
        refused = getattr(getattr(current, "__context__", None), "term", None)
        if refused is not None:  # a value one of ours refused (_argument_error)
            name = getattr(current, "argument_name", None)
            message = refused.say(self.language)
            message = f"{name}: {message}" if name else message
        else:
            message = _argparse_message(message, self.language)
        self.print_usage(sys.stderr)
        self.exit(2, say("cli.parse_error", self.language, prog=self.prog, message=message) + "\n")


# argparse's own mistakes (its English wording, as Python 3.11 to 3.13 put it), said again in
# the editor's language; any other wording is shown as argparse gives it.
_ARGPARSE_MESSAGES = (
    (re.compile(r"the following arguments are required: (?P<names>.+)"), "cli.required"),
    (re.compile(r"unrecognized arguments: (?P<names>.+)"), "cli.unrecognized"),
    (
        re.compile(
            r"argument (?P<name>\S+): invalid choice: '?(?P<value>[^']*?)'? \(choose from (?P<choices>.+)\)"
        ),
        "cli.invalid_choice",
    ),
    (re.compile(r"argument (?P<name>\S+): expected one argument"), "cli.expected_value"),
)


def _argparse_message(message: str, lang: str) -> str:
    for pattern, key in _ARGPARSE_MESSAGES:
        if match := pattern.fullmatch(message):
            return say(key, lang, **match.groupdict())
    return message


def build_parser(lang: str = "en") -> argparse.ArgumentParser:
    """The whole command line: every command, option and help text, in ``lang``."""

    def h(key: str, **params: Any) -> str:
        return say(f"help.{key}", lang, **params)

    def with_root(sub: argparse.ArgumentParser) -> argparse.ArgumentParser:
        """``--root`` after the command too (``clustersite check --root x``)."""
        sub.add_argument("--root", metavar="DIR", default=argparse.SUPPRESS, help=h("root"))
        return sub

    parser = _Parser(prog=PROG, language=lang, description=h("description"), epilog=h("epilog"))
    parser.add_argument("--root", metavar="DIR", default=None, help=h("root"))
    commands = parser.add_subparsers(title=h("commands"), metavar=h("command_placeholder"))

    def command(
        group: argparse._SubParsersAction[Any],
        name: str,
        handler: Callable[[argparse.Namespace], int],
        **params: Any,
    ) -> argparse.ArgumentParser:
        sub = group.add_parser(
            name, help=h(name), description=h(f"{name}_description", **params), language=lang
        )
        sub.set_defaults(handler=handler)
        # init makes the site's folder, DIR: it has no --root
        return sub if name == "init" else with_root(sub)

    new = with_root(
        commands.add_parser("new", help=h("new"), description=h("new_description"), language=lang)
    )
    new.set_defaults(handler=None, parser=new)
    kinds = new.add_subparsers(title=h("what_to_create"), metavar="<post|quarterly|event|project>")

    post = command(kinds, "post", _new_post)
    post.add_argument("--title", required=True, help=h("post_title"))
    post.add_argument("--date", required=True, type=_date, help=h("post_date"))
    post.add_argument("--slug", help=h("slug"))
    post.add_argument("--lang", help=h("post_lang"))
    post.add_argument(
        "--project",
        dest="projects",
        action="append",
        default=[],
        metavar="SLUG",
        help=h("post_project"),
    )
    post.add_argument("--kind", choices=KINDS, default="news", help=h("post_kind"))
    post.add_argument("--author", help=h("author"))

    event = command(kinds, "event", _new_event)
    event.add_argument("--title", required=True, help=h("event_title"))
    event.add_argument("--start", required=True, help=h("event_start"))
    event.add_argument("--end", help=h("event_end"))
    event.add_argument("--location", help=h("event_location"))
    event.add_argument("--online-url", dest="online_url", help=h("event_online_url"))
    event.add_argument("--slug", help=h("slug"))
    event.add_argument("--lang", help=h("file_lang"))
    event.add_argument(
        "--project",
        dest="projects",
        action="append",
        default=[],
        metavar="SLUG",
        help=h("event_project"),
    )

    quarterly = command(
        kinds, "quarterly", _new_quarterly, title=say("quarterly.title", lang, quarter=2, year=2020)
    )
    quarterly.add_argument("year", type=_year, help=h("year"))
    quarterly.add_argument("quarter", type=_quarter, help=h("quarter"))
    quarterly.add_argument("--lang", help=h("quarterly_lang"))
    quarterly.add_argument("--author", help=h("author"))

    project = command(kinds, "project", _new_project)
    project.add_argument("slug", help=h("project_slug"))

    translation = command(commands, "translate", _translate)
    translation.add_argument("path", help=h("translate_path"))
    translation.add_argument("--to", required=True, metavar="LANG", help=h("translate_to"))

    from clustersite.translation import STATES

    words = {code: say(f"status.state.{code}", lang) for code in STATES}
    width = max(len(word) for word in words.values())
    status = command(
        commands, "status", _status, **{code: w.ljust(width) for code, w in words.items()}
    )
    status.add_argument("--lang", metavar="LANG", help=h("message_lang"))
    status.add_argument(
        "--format", choices=("table", "json"), default="table", help=h("status_format")
    )

    check = command(commands, "check", _check)
    check.add_argument("--lang", metavar="LANG", help=h("message_lang"))
    check.add_argument(
        "--format", choices=("text", "json", "markdown"), default="text", help=h("check_format")
    )

    build = command(commands, "build", _build)
    build.add_argument("--strict", action="store_true", help=h("build_strict"))
    build.add_argument(
        "--site-dir", type=Path, default=Path("site"), metavar="DIR", help=h("build_site_dir")
    )
    starting = command(commands, "init", init.run)
    init.add_arguments(starting, lang)
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
    arguments = list(sys.argv[1:] if argv is None else argv)
    lang = run_language(arguments)
    parser = build_parser(lang)
    args = parser.parse_args(arguments)
    args.language = lang
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
    if handler is None:
        (getattr(args, "parser", None) or parser).print_help(sys.stderr)
        return 2
    try:
        return handler(args)
    except CommandError as error:
        print(say("cli.error", lang, message=error.in_language(lang)), file=sys.stderr)
    except ContentError as error:  # mkdocs.yml is missing or cannot be read
        for problem in error.problems:
            print(say("cli.error", lang, message=problem.in_language(lang)), file=sys.stderr)
    except BrokenPipeError:  # e.g. `clustersite status | head`: the reader has gone
        _silence_stdout()
    except OSError as error:
        reason = error.strerror or str(error)
        message = (
            say("command.io", lang, path=error.filename, reason=reason)
            if error.filename
            else say("command.io_unnamed", lang, reason=reason)
        )
        print(say("cli.error", lang, message=message), file=sys.stderr)
    except KeyboardInterrupt:
        print(say("cli.interrupted", lang), file=sys.stderr)
        return 130
    return 1


if __name__ == "__main__":
    sys.exit(main())
