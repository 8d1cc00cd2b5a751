"""Problems found in editors' input, and how they are reported.

Every check in clustersite produces a :class:`Problem` that names the file, the line
(where known), the field and the fix. The build turns the first problems into one
``PluginError``; ``clustersite check`` prints them all. Nothing here raises on its own.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

__all__ = ["ContentError", "Problem", "format_problems"]


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

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.field}: {self.message} — {self.fix}"

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


class ContentError(Exception):
    """Raised when input cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(format_problems(problems))


def format_problems(problems: list[Problem], limit: int = 20) -> str:
    """One line per problem, errors first, at most ``limit`` lines."""
    ordered = sorted(problems, key=lambda p: (p.severity != "error", p.path, p.line or 0))
    lines = [str(p) for p in ordered[:limit]]
    if len(ordered) > limit:
        lines.append(f"… and {len(ordered) - limit} more (run `clustersite check` to see all)")
    return "\n".join(lines)


def relative_path(path: Path, root: Path) -> str:
    """The path as an editor knows it: relative to the site root, with forward slashes."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
