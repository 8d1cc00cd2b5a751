"""The preview (``mkdocs serve``): what it watches, and what the browser shows when an edit
breaks the build.

MkDocs' server watches ``docs_dir`` and ``mkdocs.yml``; :func:`watch` adds the project files
(with their logos and photos) and the site's template overrides. When a rebuild fails, MkDocs
leaves every page request waiting until a build succeeds and prints the error only in the
terminal. :class:`Preview` wraps the server's builder instead: a failed build writes a page
with the problems (file, field, problem, fix, in the editor's language, as ``clustersite
check`` words them), every page request is answered with that page, and because the server
then counts the build as done, the browser's live reload shows the problems at once and the
site again as soon as a build succeeds.

:class:`ChangedFilesOnly` keeps the served folder between rebuilds: it is not emptied first, a
file is written only when its bytes changed (an unchanged one is only touched), and once the
build is done every file that no step of this build wrote or touched is removed, so a page
that no longer exists is not served either. See docs/architecture.md, "The preview".
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from html import escape
from pathlib import Path
from typing import Any

from mkdocs import utils
from mkdocs.exceptions import Abort, PluginError
from mkdocs.livereload import LiveReloadServer

from clustersite.errors import Problem, html_report
from clustersite.messages import editor_language, say

__all__ = ["BrokenContent", "ChangedFilesOnly", "Preview", "watch"]

log = logging.getLogger("mkdocs.plugins.clustersite")

ERROR_PAGE = ".clustersite-preview-error.html"  # in the served folder; no page has this name
BUILD_MARK = ".clustersite-build-started"  # its time is when the current build began


class BrokenContent(PluginError):
    """The build stops for problems in editors' files; the preview shows them as a table."""

    def __init__(self, message: str, problems: list[Problem], site_language: str | None) -> None:
        super().__init__(message)
        self.problems = problems
        self.site_language = site_language


def watch(server: LiveReloadServer, folders: Iterable[Path]) -> None:
    """Rebuild when a file below any of ``folders`` changes (those that exist)."""
    for folder in folders:
        if folder.is_dir():
            server.watch(str(folder))


class ChangedFilesOnly:
    """MkDocs' writers, while serving: write what changed, touch what did not.

    A touch is what tells a file of this build from a left-over one; it works the same in the
    language workers (forked processes), which inherit these writers.
    """

    def __init__(self) -> None:
        self.write_file, self.copy_file = utils.write_file, utils.copy_file
        utils.clean_directory = lambda directory: None  # the stale files go in finish()
        utils.write_file = self._write_file
        utils.copy_file = self._copy_file

    def _write_file(self, content: bytes, output_path: str) -> None:
        if _holds(output_path, content):
            os.utime(output_path)
        else:
            self.write_file(content, output_path)

    def _copy_file(self, source_path: str, output_path: str) -> None:
        """Compared by bytes, not times: a source saved with an old time is copied too."""
        try:
            unchanged = os.path.getsize(source_path) == os.path.getsize(output_path) and _holds(
                output_path, Path(source_path).read_bytes()
            )
        except OSError:
            unchanged = False
        if unchanged:
            os.utime(output_path)
        else:
            self.copy_file(source_path, output_path)

    @staticmethod
    def kept(paths: Iterable[Path]) -> None:
        """Files a step left as they were because they are unchanged: part of this build."""
        for path in paths:
            if path.is_file():
                os.utime(path)

    @staticmethod
    def begin(site_dir: Path) -> None:
        site_dir.mkdir(parents=True, exist_ok=True)
        (site_dir / BUILD_MARK).touch()

    @staticmethod
    def finish(site_dir: Path) -> None:
        """Remove every file older than this build's start (no step wrote or touched it)."""
        mark = site_dir / BUILD_MARK
        if not mark.is_file():
            return
        started = mark.stat().st_mtime
        for folder, _folders, names in os.walk(site_dir, topdown=False):
            for name in names:
                path = Path(folder, name)
                if path != mark and path.stat().st_mtime < started:
                    path.unlink()
            if folder != str(site_dir) and not os.listdir(folder):
                os.rmdir(folder)


def _holds(path: str, content: bytes) -> bool:
    """Whether the file at ``path`` has exactly these bytes (False if there is none)."""
    try:
        if os.path.getsize(path) != len(content):
            return False
        with open(path, "rb") as stream:
            return stream.read() == content
    except OSError:
        return False


class Preview:
    """The server's builder, wrapped so that a failed build is shown in the browser."""

    def __init__(
        self,
        server: LiveReloadServer,
        site_language: str,
        refresh: Callable[[], bool] | None = None,
    ) -> None:
        """``refresh`` applies an edit to the kept build (engine/incremental.py): False when
        a full build is needed instead."""
        self.server = server
        self.site_language = site_language
        self.failed = False
        self.refresh = refresh
        self.build: Callable[[], None] = server.builder
        server.builder = self.rebuild
        serve_file = server.get_app()
        assert serve_file is not None  # the server sets its own before it is handed to plugins
        self.serve_file = serve_file
        server.set_app(self.serve)

    def rebuild(self) -> None:
        try:
            if self.refresh is None or not self.refresh():
                self.build()
        except Exception as error:  # every failure is shown, none is fatal
            Path(self.server.root, ERROR_PAGE).write_text(self.page(error), encoding="utf-8")
            self.failed = True
            log.info(say("preview.shown", editor_language(None, self.site_language)))
        else:
            self.failed = False

    def serve(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        """While the last build failed, every page is the problems page; with the server's
        own handling (and its live-reload script) otherwise."""
        path = environ.get("PATH_INFO", "")
        if self.failed and path.endswith(("/", ".html")):
            environ = {**environ, "PATH_INFO": self.server.mount_path + ERROR_PAGE}
        return self.serve_file(environ, start_response)

    def page(self, error: BaseException) -> str:
        broken = _broken_content(error)
        lang = editor_language(None, broken.site_language if broken else self.site_language)
        if broken is not None:
            problems = sorted(
                (p.in_language(lang) for p in broken.problems),
                key=lambda p: (p.severity != "error", p.path, p.line or 0),
            )
            body = html_report(problems, lang, say("build.failed", lang, count=len(problems)))
        else:
            body = f"<p>{escape(say('preview.other', lang))}</p>\n<pre>{escape(_text(error))}</pre>"
        title = escape(say("preview.title", lang))
        return PAGE.format(
            lang=lang, title=title, body=body, reload=escape(say("preview.reload", lang))
        )


def _broken_content(error: BaseException | None) -> BrokenContent | None:
    """MkDocs logs a plugin's error and raises its own Abort: the original is its context."""
    while error is not None:
        if isinstance(error, BrokenContent):
            return error
        error = error.__cause__ or error.__context__
    return None


def _text(error: BaseException) -> str:
    """The message of the error that stopped the build (not MkDocs' "Aborted with...")."""
    cause = error.__context__
    return str(cause) if isinstance(error, Abort) and cause is not None else str(error)


PAGE = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem;
  padding: 0 1rem; color: #1a1a1a; line-height: 1.5; }}
h1 {{ color: #b00020; font-size: 1.5rem; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ border: 1px solid #ccc; padding: .4rem .6rem; text-align: left; vertical-align: top; }}
th {{ background: #f3f3f3; }}
td:first-child {{ font-family: ui-monospace, monospace; overflow-wrap: anywhere; }}
@media (max-width: 40rem) {{
  table, tbody, tr, td {{ display: block; }}
  tr:first-child {{ display: none; }}
  tr {{ border: 1px solid #ccc; margin-bottom: .8rem; }}
  td {{ border: 0; }}
}}
pre {{ white-space: pre-wrap; background: #f6f6f6; padding: 1rem; }}
</style>
</head>
<body>
<h1>{title}</h1>
{body}
<p><strong>{reload}</strong></p>
</body>
</html>
"""
