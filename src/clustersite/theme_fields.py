"""Front-matter fields the theme reads: checked against what the site has.

Material for MkDocs reads a few fields of any page's front matter and acts on them or prints
them, in the page itself and in the navigation of every page (the 404 page too): ``status``
becomes a class name, ``icon`` an included file, ``template`` the layout, ``hide`` and
``search`` switch parts off, ``subtitle`` and ``revision_date`` are printed.
The engine prints every front-matter text as text (``engine/theme.py``); this module makes
sure each of these fields names something that exists, so a typo is one clear message
instead of a broken page or a traceback:

- ``status``: one the site defines under ``extra.status`` in mkdocs.yml, or one Material
  draws by itself (:data:`MATERIAL_STATUSES`);
- ``icon``: an icon file of the theme (``.icons/<name>.svg`` in the site's theme folder or
  Material's);
- ``template``: a page template of the site (``main.html`` or one in the site's theme
  folder); a page whose address gives it its layout (home, posts, events, project pages)
  takes no template at all;
- ``hide``: a list of the parts Material can hide (:data:`HIDE_PARTS`);
- ``search``: ``exclude: true/false`` and ``boost: <number>``;
- ``subtitle``: text; ``revision_date``: a date or text (``description`` is checked with
  the rest of a page: clustersite prints it too).

The fields are read with the file (:func:`theme_fields`) and checked with the site's choices
(:func:`check_theme_fields`), so a parsed post can be kept while mkdocs.yml changes.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clustersite.checker import Checker, kind_of
from clustersite.errors import Problem
from clustersite.yamlio import YamlDocument

__all__ = [
    "HIDE_PARTS",
    "MATERIAL_STATUSES",
    "THEME_FIELDS",
    "ThemeChoices",
    "ThemeFields",
    "check_theme_fields",
    "theme_fields",
]

THEME_FIELDS = (
    "status",
    "icon",
    "template",
    "hide",
    "search",
    "subtitle",
    "revision_date",
)
# The statuses Material draws without a definition in mkdocs.yml (its own icons).
MATERIAL_STATUSES = ("new", "deprecated")
# The parts of a page Material's templates hide when `hide:` lists them.
HIDE_PARTS = ("navigation", "toc", "footer", "path", "tags", "feedback")
DEFAULT_TEMPLATE = "main.html"
SEARCH_FIELDS = ("exclude", "boost")
# An icon's name: folders and a file name, no '..' and no leading dot (nothing outside .icons/)
_ICON_NAME = re.compile(r"^[A-Za-z0-9_-]+(?:/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*$")


@dataclass(frozen=True)
class ThemeChoices:
    """What a page's theme fields may name on this site."""

    statuses: tuple[str, ...] = MATERIAL_STATUSES
    templates: tuple[str, ...] = (DEFAULT_TEMPLATE,)
    icon_dirs: tuple[Path, ...] = ()  # folders holding .icons/, the site's own first

    @classmethod
    def of_site(
        cls, site_statuses: Any, custom_dir: Path | None, theme_dirs: tuple[Path, ...]
    ) -> ThemeChoices:
        """From ``extra.status`` of mkdocs.yml, the site's theme folder and the theme's."""
        statuses = [str(s) for s in site_statuses] if isinstance(site_statuses, dict) else []
        templates = {DEFAULT_TEMPLATE}
        if custom_dir is not None and custom_dir.is_dir():
            templates.update(_page_templates(custom_dir))
        dirs = [custom_dir] if custom_dir is not None else []
        dirs += [d for d in theme_dirs if d not in dirs]
        return cls(
            tuple(dict.fromkeys([*statuses, *MATERIAL_STATUSES])),
            tuple(sorted(templates)),
            tuple(dirs),
        )

    def has_icon(self, name: str) -> bool:
        return bool(_ICON_NAME.match(name)) and any(
            (folder / ".icons" / f"{name}.svg").is_file() for folder in self.icon_dirs
        )


def _page_templates(folder: Path) -> set[str]:
    """The templates in a site's theme folder that can show a page: not partials, not the
    404 page, nothing in a hidden folder."""
    found = set()
    for directory, subdirectories, files in os.walk(folder):
        subdirectories[:] = [d for d in subdirectories if not d.startswith(".")]
        relative = Path(directory).relative_to(folder)
        if relative.parts[:1] == ("partials",):
            continue
        for name in files:
            template = (relative / name).as_posix()
            if name.endswith(".html") and template != "404.html":
                found.add(template)
    return found


@dataclass(frozen=True)
class ThemeFields:
    """The theme's fields of one front matter, with their lines (kept with a parsed post)."""

    values: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    written: dict[str, str] = field(default_factory=dict)


def theme_fields(doc: YamlDocument) -> ThemeFields:
    """Only the theme's fields of a parsed front matter."""
    data = doc.data if isinstance(doc.data, dict) else {}

    def ours(key: str) -> bool:
        return key.split(".", 1)[0] in THEME_FIELDS

    return ThemeFields(
        {key: value for key, value in data.items() if key in THEME_FIELDS},
        {key: line for key, line in doc.lines.items() if ours(key)},
        {key: text for key, text in doc.written.items() if ours(key)},
    )


def check_theme_fields(
    shown: str, fields: ThemeFields, choices: ThemeChoices, layout_fixed: bool
) -> list[Problem]:
    """The problems of a page's theme fields; ``layout_fixed``: its address gives its layout."""
    meta = fields.values
    check = Checker(shown, YamlDocument(meta, fields.lines, written=fields.written))
    if (status := meta.get("status")) is not None and status not in choices.statuses:
        check.add(
            "status", "theme.status_unknown", value=status, statuses=", ".join(choices.statuses)
        )
    if (icon := meta.get("icon")) is not None and not (
        isinstance(icon, str) and choices.has_icon(icon)
    ):
        check.add("icon", "theme.icon_unknown", value=icon)
    if (template := meta.get("template")) is not None:
        if layout_fixed:
            check.add("template", "theme.template_fixed")
        elif template not in choices.templates:
            check.add(
                "template",
                "theme.template_unknown",
                value=template,
                templates=", ".join(choices.templates),
            )
    if (hide := meta.get("hide")) is not None:
        parts = hide if isinstance(hide, list) else [hide]
        for part in parts:
            if part not in HIDE_PARTS:
                check.add("hide", "theme.hide_unknown", value=part, parts=", ".join(HIDE_PARTS))
    _check_search(check, meta.get("search"))
    check.text(meta.get("subtitle"), "subtitle", as_written=False)
    revised = meta.get("revision_date")
    if not isinstance(revised, dt.date):
        check.text(revised, "revision_date", as_written=False)
    return check.problems


def _check_search(check: Checker, search: Any) -> None:
    if search is None:
        return
    if not isinstance(search, dict):
        check.add("search", "theme.search_not_fields", kind=kind_of(search))
        return
    check.unknown(search, set(SEARCH_FIELDS), "search.")
    check.boolean(search.get("exclude"), "search.exclude")
    boost = search.get("boost")
    if boost is not None and (isinstance(boost, bool) or not isinstance(boost, int | float)):
        check.add("search.boost", "theme.search_boost", value=boost)
