"""User-interface strings, one YAML file per language in ``clustersite/locales/``.

A string is a phrase with named parameters, and the phrase owns its grammar: the Latvian
quarter title is ``"{year}. gada {quarter}. ceturksnis"``, the date in running text
``"Publicēts {date_locative}"`` (the forms of a date a phrase may ask for are those of
:func:`clustersite.formatting.date_forms`). A counted phrase is a mapping from CLDR plural
categories (``zero``, ``one``, ``two``, ``few``, ``many``, ``other``) to phrases, chosen with
Babel's plural rules for the language: never ``if count == 1``.

Python resolves phrases with parameters (views); templates print the plain strings of
:attr:`Translator.ui` (``cs.ui.all_news``) and never call into Python. A missing key falls
back to English and then to the key itself, so a half-translated locale never breaks a build
(a test keeps the three files in step). The terms are those of docs/glossary.md.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from babel import Locale

from clustersite.formatting import date_forms, format_number
from clustersite.language_files import LOCALES_DIR, PhraseBook, load_strings

__all__ = ["LOCALES_DIR", "PLURAL_CATEGORIES", "Translator", "load_strings"]

PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")


class Translator(PhraseBook):
    """The phrases of one language, with counts and dates filled in; ``locale`` is the Babel
    locale the site chose for it.

    >>> t = Translator("lv")
    >>> t.count("project_index_count", 21), t.count("project_index_count", 11)
    ('Sarakstā ir 21 projekts.', 'Sarakstā ir 11 projektu.')
    """

    def count(self, key: str, count: int, **values: Any) -> str:
        """A counted phrase in the plural form CLDR gives ``count`` in this language."""
        forms = self._phrase(key)
        if isinstance(forms, dict):
            category = Locale.parse(self.locale).plural_form(count)
            text = forms.get(category) or forms.get("other") or key
        else:
            text = forms
        return text.format(count=format_number(count, self.locale), **values)

    def with_date(self, key: str, value: dt.date, **values: Any) -> str:
        """A phrase about a date: it picks the form it needs by name (``{date_locative}``)."""
        return self(key, **date_forms(value, self.locale), **values)
