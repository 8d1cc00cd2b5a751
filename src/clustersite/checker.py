"""The one way editors' files are checked: a :class:`Checker` per file.

Posts (front matter) and projects (``data/projects/*.yml``) are both read field by field
through a checker: each reader (:meth:`Checker.text`, :meth:`Checker.date`, …) returns the
value it could use, or None after recording a :class:`~clustersite.errors.Problem` with the
file, the line of the field, the field and the fix, phrased from the message files. Nothing
stops at the first problem: the editor sees them all.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from clustersite.errors import Problem
from clustersite.messages import Term
from clustersite.yamlio import YamlDocument

__all__ = ["Checker", "kind_of", "read_date"]

CENT = Decimal("0.01")
MAX_AMOUNT = Decimal(10) ** 15  # a thousand billion: no project's budget comes near
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DAY_FIRST = re.compile(r"^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\.?$")  # 30.06.2020, as in lv/it


def kind_of(value: Any) -> Term:
    """What a value is, in words an editor knows (never a Python type name)."""
    if isinstance(value, bool):
        return Term("kind.yes_no")
    if isinstance(value, int | float | Decimal):
        return Term("kind.number")
    if isinstance(value, dt.date):
        return Term("kind.date")
    if isinstance(value, list | tuple):
        return Term("kind.list")
    if isinstance(value, dict):
        return Term("kind.fields")
    if value is None:
        return Term("kind.nothing")
    return Term("kind.text")


def read_date(value: Any) -> tuple[dt.date | None, str, dict[str, Any]]:
    """``(date, "", {})`` for what is unambiguously one day, else ``(None, key, params)``.

    YAML reads ``2020-06-30`` as a date; quoted (``"2020-06-30"``) or unpadded
    (``2020-9-1``) it stays text, and both are as clear: they are accepted.

    >>> read_date("2020-9-1")[0], read_date(" 2020-06-30 ")[0]
    (datetime.date(2020, 9, 1), datetime.date(2020, 6, 30))
    >>> read_date("2021-02-30")[1], read_date("30.06.2020")[1:], read_date([1])[1]
    ('date.not_in_calendar', ('date.day_first', {'value': '30.06.2020', 'iso': '2020-06-30'}), 'date.not_one')
    """
    if isinstance(value, dt.datetime):
        return value.date(), "", {}
    if isinstance(value, dt.date):
        return value, "", {}
    if isinstance(value, list | dict | tuple | set):
        return None, "date.not_one", {"kind": kind_of(value)}
    text = str(value).strip()
    if match := _ISO_DATE.match(text):
        try:
            return dt.date(*(int(part) for part in match.groups())), "", {}
        except ValueError:
            return None, "date.not_in_calendar", {"value": text}
    if not isinstance(value, bool) and (match := _DAY_FIRST.match(text)):
        day, month, year = (int(part) for part in match.groups())
        try:
            iso = dt.date(year, month, day).isoformat()
        except ValueError:
            return None, "date.not_in_calendar", {"value": text}
        return None, "date.day_first", {"value": text, "iso": iso}
    return None, "date.not_a_date", {"value": text}


class Checker:
    """Collects the problems of one file, each with the line of its field.

    ``doc`` gives the lines; without it (a file that could not be parsed) problems have none.
    """

    def __init__(self, path: str, doc: YamlDocument | None = None) -> None:
        self.path = path
        self.doc = doc
        self.problems: list[Problem] = []

    # -- recording -------------------------------------------------------------------------

    def add(
        self,
        field_name: str,
        key: str,
        /,
        *,
        line: int | None = None,
        severity: str = "error",
        **params: Any,
    ) -> None:
        """Record problem ``key`` of the message files for ``field_name``."""
        if line is None and self.doc is not None:
            line = self.doc.line(field_name)
        self.problems.append(
            Problem.of(self.path, field_name, key, line=line, severity=severity, **params)
        )

    def warn(self, field_name: str, key: str, /, *, line: int | None = None, **params: Any) -> None:
        self.add(field_name, key, line=line, severity="warning", **params)

    def extend(self, problems: list[Problem]) -> None:
        self.problems.extend(problems)

    @property
    def has_errors(self) -> bool:
        return any(problem.severity == "error" for problem in self.problems)

    # -- readers: each returns the usable value or None (after recording why) --------------

    def _written(self, field_name: str) -> str | None:
        return self.doc.as_written(field_name) if self.doc is not None else None

    def text(
        self, value: Any, field_name: str, required: bool = False, as_written: bool = True
    ) -> str | None:
        """A text value. With ``as_written``, a value YAML read as a number stays the text the
        editor typed (``number: 1.10`` is '1.10'); without it (front matter, which other tools
        read too) a number must be quoted."""
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                key = "value.empty" if value is not None else "value.missing"
                self.add(field_name, key, field=field_name.rpartition(".")[2])
            return None
        written = self._written(field_name)
        if isinstance(value, bool) or (isinstance(value, int | float | dt.date) and not as_written):
            self.add(
                field_name,
                "value.read_as_other",
                written=written if written is not None else str(value),
                kind=kind_of(value),
                field=field_name.rpartition(".")[2],
            )
            return None
        if isinstance(value, int | float | dt.date):
            return written if written is not None else str(value)
        if not isinstance(value, str):
            self.add(field_name, "value.not_text", kind=kind_of(value))
            return None
        return value.strip()

    def translations(
        self, value: Any, field_name: str, languages: tuple[str, ...], required: bool
    ) -> dict[str, str]:
        """Text per language (``{lv: …, en: …}``); one plain text is the default language's."""
        default = languages[0]
        if value is None or not isinstance(value, dict):
            if value is not None and not isinstance(value, list):
                text = self.text(value, field_name)
                return {default: text} if text is not None else {}
            if value is None and required:
                self.add(field_name, "translations.missing", field=field_name, default=default)
            elif value is not None:
                self.add(
                    field_name,
                    "translations.not_per_language",
                    kind=kind_of(value),
                    example=", ".join(f"{lang}: …" for lang in languages),
                    field=field_name,
                )
            return {}
        result: dict[str, str] = {}
        for lang, text in value.items():
            if not self.site_language(lang, f"{field_name}.{lang}", languages):
                continue
            if (checked := self.text(text, f"{field_name}.{lang}")) is not None:
                result[str(lang)] = checked
        if required and default not in result:
            self.add(
                f"{field_name}.{default}",
                "translations.default_missing",
                field=field_name,
                default=default,
            )
        return result

    def site_language(self, lang: Any, field_name: str, languages: tuple[str, ...]) -> bool:
        """True for a language of the site; else the problem is recorded."""
        if lang in languages:
            return True
        self.add(field_name, "language.unknown", value=lang, languages=", ".join(languages))
        return False

    def date(
        self, value: Any, field_name: str, required: bool = False, line: int | None = None
    ) -> dt.date | None:
        if value is None:
            if required:
                self.add(field_name, "date.missing", line=line, field=field_name)
            return None
        date, key, params = read_date(value)
        if date is None:
            self.add(field_name, key, line=line, **params)
        return date

    def boolean(self, value: Any, field_name: str, default: bool = False) -> bool:
        if value is None:
            return default
        if not isinstance(value, bool):
            self.add(field_name, "value.not_yes_no", value=value, field=field_name)
            return default
        return value

    def whole_number(self, value: Any, field_name: str, minimum: int, maximum: int) -> int | None:
        """A count such as ``months: 18``, within the bounds a real value can have."""
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            self.add(field_name, "number.not_whole", value=value, field=field_name)
            return None
        if value > maximum:
            self.add(field_name, "number.too_large", value=value, maximum=maximum)
            return None
        return value

    def amount(self, value: Any, field_name: str, required: bool = False) -> Decimal | None:
        if value is None:
            if required:
                self.add(field_name, "amount.missing", field=field_name)
            return None
        written = self._written(field_name)
        shown = written if written is not None else str(value)
        try:
            if isinstance(value, bool):
                raise InvalidOperation
            amount = Decimal(str(value).replace(" ", "").replace("\u00a0", ""))
            if not amount.is_finite():
                raise InvalidOperation
        except InvalidOperation:
            self.add(field_name, "amount.not_amount", value=shown)
            return None
        if amount < 0:
            self.add(field_name, "amount.negative", value=shown)
            return None
        if amount >= MAX_AMOUNT:  # beyond Decimal's precision for cents, and beyond any budget
            self.add(field_name, "amount.too_large", value=shown)
            return None
        if amount != amount.quantize(CENT):
            self.add(field_name, "amount.fractions", value=shown)
            return None
        return amount

    def records(
        self, value: Any, field_name: str, example: str, allowed: set[str]
    ) -> list[tuple[str, dict[str, Any]]]:
        """The items of a list of `{field: value}` records, each with its place ('partners.0')."""
        if value is None:
            return []
        if not isinstance(value, list):
            self.add(field_name, "records.not_list", kind=kind_of(value), example=example)
            return []
        found = []
        for index, item in enumerate(value):
            where = f"{field_name}.{index}"
            if not isinstance(item, dict):
                self.add(where, "records.not_record", kind=kind_of(item), example=example)
                continue
            self.unknown(item, allowed, where + ".")
            found.append((where, item))
        return found

    def web_address(self, value: Any, field_name: str, required: bool = False) -> str | None:
        url = self.text(value, field_name, required=required)
        if url is not None and not re.match(r"^https?://\S+$", url):
            self.add(field_name, "value.not_web_address", value=url)
            return None
        return url

    def unknown(
        self,
        data: dict[str, Any],
        allowed: set[str],
        prefix: str,
        severity: str = "error",
        key: str = "field.unknown",
    ) -> None:
        """Fields not in ``allowed`` (a misspelt field would otherwise be silently ignored)."""
        for found in data:
            if found in allowed:
                continue
            name = str(found).strip()
            self.add(
                f"{prefix}{name}" if name else f"{prefix}(…)",
                key,
                severity=severity,
                known=", ".join(sorted(allowed)),
            )
