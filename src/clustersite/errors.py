"""Problems found in editors' input, and how they are reported.

Every check in clustersite produces a :class:`Problem` that names the file, the line
(where known), the field and the fix. The build turns the first problems into one
``PluginError``; ``clustersite check`` prints them all. Nothing here raises on its own.

A problem is made from a message key (:meth:`Problem.of`): its text is English until
:meth:`Problem.in_language` phrases it in the editor's language (clustersite.messages).
"""

from __future__ import annotations

import functools
from dataclasses import asdict, dataclass, replace
from dataclasses import field as dataclass_field
from html import escape
from pathlib import Path
from typing import Any

from clustersite.messages import editor_language, say

__all__ = [
    "ContentError",
    "Problem",
    "build_failure",
    "format_problems",
    "html_report",
    "markdown_report",
    "report_table",
]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one file, phrased for an editor.

    >>> str(Problem("data/projects/x.yml", "fund", "'EFRR' is not a known fund",
    ...     "use one of ERDF, ESF, CF", line=5))
    "data/projects/x.yml:5: fund: 'EFRR' is not a known fund — use one of ERDF, ESF, CF"
    """

    path: str
    field: str
    message: str
    fix: str
    line: int | None = None
    severity: str = "error"  # "error" stops the build; "warning" needs a person
    key: str = dataclass_field(
        default="", compare=False
    )  # messages/<lang>.yml: <key>.message, <key>.fix
    params: tuple[tuple[str, Any], ...] = dataclass_field(default=(), compare=False)

    @classmethod
    def of(
        cls,
        path: str,
        field_name: str,
        key: str,
        /,
        *,
        line: int | None = None,
        severity: str = "error",
        **params: Any,
    ) -> Problem:
        """The problem ``key`` of the message files, its parameters filled in (English)."""
        return cls(
            path,
            field_name,
            say(f"{key}.message", "en", **params),
            say(f"{key}.fix", "en", **params),
            line=line,
            severity=severity,
            key=key,
            params=tuple(params.items()),
        )

    def in_language(self, lang: str) -> Problem:
        """The same problem, phrased in ``lang`` (English where a phrase is not translated)."""
        if not self.key:
            return self
        params = dict(self.params)
        return replace(
            self,
            message=say(f"{self.key}.message", lang, **params),
            fix=say(f"{self.key}.fix", lang, **params),
        )

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.field}: {self.message} — {self.fix}"

    def as_dict(self) -> dict[str, object]:
        """For ``check --format json``: the text in the language it was phrased in, and its key."""
        found = asdict(self)
        del found["params"]
        return found


class ContentError(Exception):
    """Raised when input cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(format_problems(problems))


def format_problems(problems: list[Problem], limit: int = 20, lang: str = "en") -> str:
    """One line per problem in ``lang``, errors first, at most ``limit`` lines."""
    ordered = sorted(problems, key=lambda p: (p.severity != "error", p.path, p.line or 0))
    lines = [str(p.in_language(lang)) for p in ordered[:limit]]
    if len(ordered) > limit:
        lines.append(say("check.more", lang, count=len(ordered) - limit))
    return "\n".join(lines)


def build_failure(problems: list[Problem], site_language: str) -> str:
    """The message a build stops with, in the editor's language (see clustersite.messages)."""
    lang = editor_language(None, site_language)
    headline = say("build.failed", lang, count=len(problems))
    return f"{headline}\n{format_problems(problems, lang=lang)}"


def _cell(text: object) -> str:
    """Text for one cell of a Markdown table: no line breaks, pipes and markup escaped."""
    escaped = str(text).replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;")
    return " ".join(escaped.split())


def markdown_report(problems: list[Problem], lang: str, summary: str) -> str:
    """Every problem as a Markdown table (file, field, problem, fix) under ``summary``.

    The Pages workflow adds it to the job summary, where an editor who saved in the browser
    reads why the site was not published.

    >>> print(markdown_report([Problem("data/projects/x.yml", "fund", "a | b", "c", line=5)],
    ...     "en", "1 error"))
    ## Content check
    <BLANKLINE>
    1 error
    <BLANKLINE>
    | File | Field | Problem | How to fix |
    | --- | --- | --- | --- |
    | data/projects/x.yml:5 | fund | a \\| b | c |
    <BLANKLINE>
    """
    lines = [f"## {say('check.markdown.title', lang)}", "", summary, ""]
    if problems:
        headings, rows = report_table(problems, lang)
        lines += [f"| {' | '.join(headings)} |", f"|{' --- |' * len(headings)}"]
        lines += [f"| {' | '.join(_cell(cell) for cell in cells)} |" for cells in rows]
        lines.append("")
    return "\n".join(lines)


def report_table(
    problems: list[Problem], lang: str
) -> tuple[list[str], list[tuple[str, str, str, str]]]:
    """The headings (file, field, problem, fix) in ``lang`` and one row per problem, as the
    reports show them (the problems are phrased already)."""
    headings = [say(f"check.markdown.{name}", lang) for name in ("file", "field", "problem", "fix")]
    rows = [
        (f"{p.path}:{p.line}" if p.line else p.path, p.field, p.message, p.fix) for p in problems
    ]
    return headings, rows


def html_report(problems: list[Problem], lang: str, summary: str) -> str:
    """The problems as an HTML table under ``summary`` (the preview shows it in the browser);
    every text is escaped.

    >>> print(html_report([Problem("x.yml", "fund", "<b>", "c")], "en", "1 error"))
    <p>1 error</p>
    <table>
    <tr><th>File</th><th>Field</th><th>Problem</th><th>How to fix</th></tr>
    <tr><td>x.yml</td><td>fund</td><td>&lt;b&gt;</td><td>c</td></tr>
    </table>
    """
    headings, rows = report_table(problems, lang)
    lines = [f"<p>{escape(summary)}</p>"]
    if rows:
        lines.append("<table>")
        lines.append("<tr>" + "".join(f"<th>{escape(h)}</th>" for h in headings) + "</tr>")
        lines += ["<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows]
        lines.append("</table>")
    return "\n".join(lines)


def relative_path(path: Path, root: Path) -> str:
    """The path as an editor knows it: relative to the site root, with forward slashes."""
    if path.is_absolute() and ".." not in path.parts:  # the common case, without a look at
        try:  # the disk (the model asks for every file of every build)
            return path.relative_to(root).as_posix()
        except ValueError:
            pass
    try:
        return path.resolve().relative_to(_resolved(root)).as_posix()
    except ValueError:
        return path.as_posix()


@functools.lru_cache(maxsize=64)
def _resolved(root: Path) -> Path:
    """The site root, resolved once: every problem and every post asks for it."""
    return root.resolve()
