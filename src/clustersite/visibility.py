"""EU funding visibility: which rules a project's pages follow, and in which words.

The rules live in data, one YAML file per funding regime in ``clustersite/rules/`` (see its
README). :func:`load_regimes` reads and checks them; :func:`resolve_regime` picks a project's
regime from its ``regime:`` field, or else from its fund, its start date and (for national
rules) its country; :func:`acknowledgement` gives what a page shows in one language.

The rules a pack may set, and what clustersite does with each:

- ``first_screen``: the emblem and the statement are placed above the project's facts;
- ``fund_named``: the fund's name (text ``fund_<FUND>``) stands next to the emblem;
- ``emblem_not_smaller_than_logos``: a logo larger than the emblem in rendered height or width
  stops the build;
- ``description``: the project's summary is the short description the regime asks for;
- ``review_months``: ``check`` warns when an ongoing project was not ``reviewed:`` for so long;
- ``national_logos``: ids of national marks the site must provide (``<theme>/assets/eu/<id>.svg``);
- ``programme_logo``: the programme's own logo (which carries the emblem) is expected;
- ``needs_number``: the statement names the grant agreement number (``{number}``).

Texts: ``statement`` (required), ``statement_full_funding`` (where the EU pays all),
``disclaimer``, ``fund_<FUND>`` and ``national_logo_<id>``.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import imagesize
import yaml

from clustersite.errors import ContentError, Problem

__all__ = [
    "EMBLEM_HEIGHT",
    "EMBLEM_WIDTH",
    "PACK_LANGUAGES",
    "RULES_DIR",
    "Acknowledgement",
    "Logo",
    "Regime",
    "Source",
    "Text",
    "acknowledgement",
    "image_size",
    "load_regimes",
    "national_logos",
    "project_country",
    "resolve_regime",
]

RULES_DIR = Path(__file__).parent / "rules"
PACK_LANGUAGES = ("lv", "en", "it")  # every text of every pack is written in these
FALLBACK_LANGUAGE = "en"
# The emblem as every page draws it (CSS pixels): the yardstick for every other logo.
EMBLEM_WIDTH, EMBLEM_HEIGHT = 90, 60
NATIONAL_LOGO_SUFFIXES = (".svg", ".png", ".webp", ".jpg")

RULE_TYPES: dict[str, type | tuple[type, ...]] = {
    "first_screen": bool,
    "fund_named": bool,
    "emblem_not_smaller_than_logos": bool,
    "description": bool,
    "review_months": (int, type(None)),
    "national_logos": list,
    "programme_logo": bool,
    "needs_number": bool,
}
RULE_DEFAULTS: dict[str, Any] = {
    "first_screen": True,
    "fund_named": False,
    "emblem_not_smaller_than_logos": True,
    "description": False,
    "review_months": None,
    "national_logos": [],
    "programme_logo": False,
    "needs_number": False,
}
TEXT_NAME = re.compile(
    r"^(statement|statement_full_funding|disclaimer|fund_[A-Z]+|national_logo_[a-z0-9-]+)$"
)
PACK_FIELDS = {"id", "extends", "name", "applies", "sources", "rules", "texts"}
CCI = re.compile(r"^\d{4}([A-Z]{2})\d{2}")  # 2014LV16MAOP001: the country is letters 5-6
NUTS = re.compile(r"^([A-Z]{2})[0-9A-Z]{0,3}$")


@dataclass(frozen=True)
class Source:
    """Where a rule or a text comes from: the act, and the clause within it."""

    act: str
    title: str
    clause: str
    url: str | None = None
    confirmed: bool = True  # False: the clause or its wording could not be checked
    note: str | None = None


@dataclass(frozen=True)
class Text:
    values: dict[str, str]  # language -> wording, may hold {number}
    source: Source
    official: tuple[str, ...]  # languages whose wording is the official text
    note: str | None = None


@dataclass(frozen=True)
class Regime:
    id: str
    path: str
    name: dict[str, str]
    funds: tuple[str, ...]
    start_from: dt.date | None
    start_to: dt.date | None
    country: str | None
    rules: dict[str, Any]
    rule_sources: dict[str, Source]
    texts: dict[str, Text]

    def applies_to(self, fund: str, start: dt.date, country: str | None) -> bool:
        if fund not in self.funds:
            return False
        if self.start_from and start < self.start_from:
            return False
        if self.start_to and start > self.start_to:
            return False
        return self.country is None or self.country == country

    def text(self, name: str, lang: str, **values: str) -> tuple[str, str] | None:
        """The wording of a text in ``lang`` (else English), and the language it is in."""
        text = self.texts.get(name)
        if text is None:
            return None
        shown = lang if lang in text.values else FALLBACK_LANGUAGE
        return text.values[shown].format(**values) if values else text.values[shown], shown


@dataclass(frozen=True)
class Logo:
    """A logo as a page draws it: its size in CSS pixels, never larger than the emblem."""

    url: str  # from the site root
    alt: str
    width: int
    height: int
    link: str | None = None
    lang: str | None = None  # the alt text's language, where it is not the page's


@dataclass(frozen=True)
class Acknowledgement:
    """What a page shows of a project's EU funding, in one language."""

    regime: str
    statement: str
    statement_lang: str
    fund: str | None
    disclaimer: str | None
    disclaimer_lang: str | None
    emblem_width: int = EMBLEM_WIDTH
    emblem_height: int = EMBLEM_HEIGHT
    marks: tuple[Logo, ...] = ()  # beside the statement: national marks, the programme's logo


# -- reading the packs ---------------------------------------------------------------------------
def _problem(path: str, where: str, message: str, fix: str) -> Problem:
    return Problem(path, where, message, fix)


def _date(value: Any) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    raise ValueError(f"'{value}' is not a date")


def _read_pack(path: Path) -> tuple[dict[str, Any] | None, list[Problem]]:
    shown = f"clustersite/rules/{path.name}" if path.parent == RULES_DIR else path.as_posix()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        return None, [_problem(shown, "file", f"cannot be read: {error}", "fix the YAML")]
    if not isinstance(data, dict):
        return None, [_problem(shown, "file", "must be a set of fields", "see rules/README.md")]
    data["_path"] = shown
    problems = [
        _problem(shown, str(key), "is not a known field", f"use {', '.join(sorted(PACK_FIELDS))}")
        for key in data
        if key not in PACK_FIELDS and key != "_path"
    ]
    if data.get("id") != path.stem:
        problems.append(
            _problem(
                shown, "id", f"must be the file name, '{path.stem}'", f"write `id: {path.stem}`"
            )
        )
    return data, problems


def _source(
    ref: Any, sources: dict[str, Any], path: str, where: str
) -> tuple[Source | None, list[Problem]]:
    if not isinstance(ref, dict) or not isinstance(ref.get("clause"), str):
        return None, [_problem(path, where, "has no source", "add `source: {ref: …, clause: …}`")]
    act = sources.get(str(ref.get("ref")))
    if not isinstance(act, dict) or not act.get("act"):
        return None, [
            _problem(
                path, f"{where}.ref", f"'{ref.get('ref')}' is not in `sources`", "name a source"
            )
        ]
    return (
        Source(
            act=str(act["act"]),
            title=str(act.get("title", "")),
            clause=ref["clause"],
            url=act.get("url"),
            confirmed=bool(act.get("confirmed", True)),
            note=act.get("note"),
        ),
        [],
    )


def _build(data: dict[str, Any], parent: Regime | None) -> tuple[Regime | None, list[Problem]]:
    path = data["_path"]
    problems: list[Problem] = []
    sources = dict(data.get("sources") or {})
    rules = dict(parent.rules) if parent else dict(RULE_DEFAULTS)
    rule_sources = dict(parent.rule_sources) if parent else {}
    texts = dict(parent.texts) if parent else {}
    for name, entry in (data.get("rules") or {}).items():
        where = f"rules.{name}"
        if name not in RULE_TYPES:
            problems.append(
                _problem(path, where, "is not a known rule", f"use {', '.join(RULE_TYPES)}")
            )
            continue
        if (
            not isinstance(entry, dict)
            or not isinstance(entry.get("value"), RULE_TYPES[name])
            or (isinstance(entry.get("value"), bool) and RULE_TYPES[name] is not bool)
        ):
            problems.append(
                _problem(path, where, "has no value of the right kind", "write `value: …`")
            )
            continue
        source, found = _source(entry.get("source"), sources, path, f"{where}.source")
        problems.extend(found)
        if source:
            rules[name], rule_sources[name] = entry["value"], source
    for name, entry in (data.get("texts") or {}).items():
        where = f"texts.{name}"
        if not TEXT_NAME.match(str(name)) or not isinstance(entry, dict):
            problems.append(_problem(path, where, "is not a known text", "see rules/README.md"))
            continue
        missing = [lang for lang in PACK_LANGUAGES if not isinstance(entry.get(lang), str)]
        if missing:
            problems.append(
                _problem(
                    path, where, f"has no wording in {', '.join(missing)}", "add every language"
                )
            )
            continue
        source, found = _source(entry.get("source"), sources, path, f"{where}.source")
        problems.extend(found)
        official = entry.get("official", [])
        if not isinstance(official, list) or not set(official) <= set(PACK_LANGUAGES):
            problems.append(_problem(path, f"{where}.official", "must list languages", "e.g. [en]"))
            continue
        if set(official) != set(PACK_LANGUAGES) and not entry.get("note"):
            problems.append(
                _problem(
                    path,
                    f"{where}.note",
                    "some wording is not the official text, and the pack does not say why",
                    "add a `note:` that says which wording is ours",
                )
            )
        if source:
            values = {lang: " ".join(str(entry[lang]).split()) for lang in PACK_LANGUAGES}
            texts[name] = Text(values, source, tuple(official), entry.get("note"))
    if "statement" not in texts and "statement" not in (data.get("texts") or {}):
        problems.append(
            _problem(path, "texts.statement", "is missing", "add the funding statement")
        )
    applies = data.get("applies") or {}
    try:
        start_from, start_to = _date(applies.get("start_from")), _date(applies.get("start_to"))
    except ValueError as error:
        problems.append(_problem(path, "applies", str(error), "write dates as YYYY-MM-DD"))
        start_from = start_to = None
    name = data.get("name")
    if not isinstance(name, dict) or any(lang not in name for lang in PACK_LANGUAGES):
        problems.append(
            _problem(path, "name", "needs lv, en and it", "write `name: {lv: …, en: …, it: …}`")
        )
        name = {}
    if problems:
        return None, problems
    return (
        Regime(
            id=str(data["id"]),
            path=path,
            name={str(k): str(v) for k, v in name.items()},
            funds=tuple(str(f) for f in applies.get("funds") or ()),
            start_from=start_from,
            start_to=start_to,
            country=applies.get("country"),
            rules=rules,
            rule_sources=rule_sources,
            texts=texts,
        ),
        [],
    )


def load_regimes(*directories: Path) -> dict[str, Regime]:
    """Every regime in the given folders (the package's own by default), checked.

    A broken pack raises :class:`ContentError` naming the file, the field and the fix.
    """
    return dict(_load_regimes(directories or (RULES_DIR,)))


@cache
def _load_regimes(directories: tuple[Path, ...]) -> tuple[tuple[str, Regime], ...]:
    raw: dict[str, dict[str, Any]] = {}
    problems: list[Problem] = []
    for directory in directories:
        for path in sorted(directory.glob("*.yml")):
            data, found = _read_pack(path)
            problems.extend(found)
            if data is not None:
                raw[path.stem] = data
    regimes: dict[str, Regime] = {}

    def build(pack_id: str, chain: tuple[str, ...]) -> Regime | None:
        if pack_id in regimes:
            return regimes[pack_id]
        data = raw[pack_id]
        parent = None
        if data.get("extends") is not None:
            base = str(data["extends"])
            if base not in raw or base in chain:
                problems.append(
                    _problem(
                        data["_path"], "extends", f"'{base}' is not another regime", "name one"
                    )
                )
                return None
            parent = build(base, (*chain, pack_id))
            if parent is None:
                return None
            data = {**data, "sources": {**_all_sources(raw, base), **(data.get("sources") or {})}}
        regime, found = _build(data, parent)
        problems.extend(found)
        if regime:
            regimes[pack_id] = regime
        return regime

    for pack_id in raw:
        build(pack_id, ())
    if problems:
        raise ContentError(problems)
    return tuple(sorted(regimes.items()))


def _all_sources(raw: dict[str, dict[str, Any]], pack_id: str) -> dict[str, Any]:
    data = raw[pack_id]
    inherited = _all_sources(raw, str(data["extends"])) if data.get("extends") in raw else {}
    return {**inherited, **(data.get("sources") or {})}


# -- choosing a project's regime -----------------------------------------------------------------
def project_country(cci: str | None, location: str | None) -> str | None:
    """The country of a project, from its programme's CCI code or its NUTS location.

    >>> project_country("2014LV16MAOP001", None), project_country(None, "ITC4"), project_country(None, None)
    ('LV', 'IT', None)
    """
    for value, pattern in ((cci, CCI), (location, NUTS)):
        if value and (match := pattern.match(value.strip().upper())):
            return match.group(1)
    return None


def resolve_regime(
    regimes: dict[str, Regime],
    fund: str,
    start: dt.date,
    explicit: str | None = None,
    country: str | None = None,
) -> tuple[Regime | None, tuple[str, dict[str, Any]] | None]:
    """The project's regime, or None and why not (a message key and its parameters).

    An explicit ``regime:`` wins. Otherwise the regimes whose fund and period fit; of those,
    one that names the project's country is more specific than one that names none.
    """
    known = ", ".join(sorted(regimes))
    if explicit is not None:
        if explicit in regimes:
            return regimes[explicit], None
        return None, ("eu.regime_unknown", {"value": explicit, "regimes": known})
    fitting = [r for r in regimes.values() if r.applies_to(fund, start, country)]
    national = [r for r in fitting if r.country is not None]
    chosen = national or fitting
    if len(chosen) == 1:
        return chosen[0], None
    if not chosen:
        return None, ("eu.no_regime_fits", {"fund": fund, "start": str(start), "regimes": known})
    candidates = ", ".join(sorted(r.id for r in chosen))
    return None, (
        "eu.regimes_overlap",
        {"fund": fund, "start": str(start), "candidates": candidates},
    )


# -- what a page shows ---------------------------------------------------------------------------
def acknowledgement(
    regime: Regime,
    lang: str,
    fund: str,
    number: str | None,
    full_funding: bool,
    marks: list[Logo] | None = None,
) -> Acknowledgement:
    """The emblem's statement, the fund and the disclaimer of one project in one language."""
    values = {"number": number} if regime.rules["needs_number"] and number else {}
    name = (
        "statement_full_funding"
        if full_funding and "statement_full_funding" in regime.texts
        else "statement"
    )
    statement = regime.text(name, lang, **values)
    assert statement is not None  # every pack has a statement (checked on loading)
    fund_text = regime.text(f"fund_{fund}", lang) if regime.rules["fund_named"] else None
    disclaimer = regime.text("disclaimer", lang)
    return Acknowledgement(
        regime=regime.id,
        statement=statement[0],
        statement_lang=statement[1],
        fund=fund_text[0] if fund_text else None,
        disclaimer=disclaimer[0] if disclaimer else None,
        disclaimer_lang=disclaimer[1] if disclaimer else None,
        marks=tuple(marks or ()),
    )


def is_full_funding(eu: Decimal | None, total: Decimal | None) -> bool:
    return eu is not None and total is not None and total > 0 and eu == total


# -- logo sizes ----------------------------------------------------------------------------------
def image_size(path: Path) -> tuple[float, float] | None:
    """An image's own size in pixels (SVG: its width and height, else its viewBox)."""
    if path.suffix.lower() == ".svg":
        try:
            root = ET.parse(path).getroot()
        except (ET.ParseError, OSError):
            return None
        width, height = _svg_length(root.get("width")), _svg_length(root.get("height"))
        if width and height:
            return width, height
        box = (root.get("viewBox") or "").replace(",", " ").split()
        if len(box) == 4:
            try:
                w, h = float(box[2]), float(box[3])
            except ValueError:
                return None
            return (w, h) if w > 0 and h > 0 else None
        return None
    try:
        w, h = imagesize.get(str(path))
    except (OSError, ValueError):
        return None
    return (float(w), float(h)) if w > 0 and h > 0 else None


def _svg_length(value: str | None) -> float | None:
    match = re.fullmatch(r"\s*([0-9.]+)\s*(px)?\s*", value or "")
    try:
        return float(match.group(1)) if match else None
    except ValueError:
        return None


def rendered_size(own: tuple[float, float], height: int | None) -> tuple[int, int]:
    """The size a logo is drawn at: its own, or scaled to ``height`` CSS pixels.

    >>> rendered_size((300, 100), None), rendered_size((300, 100), 30)
    ((300, 100), (90, 30))
    """
    width, own_height = own
    if height is None:
        return round(width), round(own_height)
    return round(width * height / own_height), height


def national_logo_file(theme_dir: Path | None, logo_id: str) -> Path | None:
    """The site's own file for a national mark: ``<theme>/assets/eu/<id>.svg`` (or .png …)."""
    if theme_dir is None:
        return None
    for suffix in NATIONAL_LOGO_SUFFIXES:
        candidate = theme_dir / "assets" / "eu" / f"{logo_id}{suffix}"
        if candidate.is_file():
            return candidate
    return None


def national_logos(regime: Regime, lang: str, theme_dir: Path | None) -> list[Logo]:
    """The national marks the regime asks for that the site provides, fitted into the
    emblem's box (never larger than the emblem)."""
    logos = []
    for logo_id in regime.rules["national_logos"]:
        path = national_logo_file(theme_dir, logo_id)
        own = image_size(path) if path else None
        if path is None or own is None:
            continue  # `clustersite check` tells the maintainer
        scale = min(EMBLEM_WIDTH / own[0], EMBLEM_HEIGHT / own[1])
        alt = regime.text(f"national_logo_{logo_id}", lang)
        logos.append(
            Logo(
                url=f"assets/eu/{path.name}",
                alt=alt[0] if alt else logo_id,
                width=max(1, int(own[0] * scale)),
                height=max(1, int(own[1] * scale)),
                lang=alt[1] if alt and alt[1] != lang else None,
            )
        )
    return logos
