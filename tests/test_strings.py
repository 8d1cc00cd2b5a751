"""The UI strings of every language have the same keys and the same placeholders."""

from __future__ import annotations

import datetime as dt
import re
import string

import pytest
from babel import Locale

from clustersite.formatting import date_forms
from clustersite.strings import LOCALES_DIR, load_strings

LANGUAGES = sorted(p.stem for p in LOCALES_DIR.glob("*.yml"))


def placeholders(phrase: str | dict[str, str]) -> set[str]:
    texts = phrase.values() if isinstance(phrase, dict) else [phrase]
    return {name for text in texts for _, name, _, _ in string.Formatter().parse(text) if name}


# The forms of a date any phrase about a date is given: a language picks the one its grammar
# needs (Latvian the locative, Italian the date with its article).
DATE_FORMS = set(date_forms(dt.date(2020, 1, 1), "en"))


def test_three_languages_are_shipped() -> None:
    assert LANGUAGES == ["en", "it", "lv"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_same_keys_and_placeholders_as_english(lang: str) -> None:
    english, other = load_strings("en"), load_strings(lang)
    assert set(other) == set(english)
    for key, text in english.items():
        assert isinstance(other[key], dict) == isinstance(text, dict), key
        if placeholders(text) & DATE_FORMS:
            assert placeholders(other[key]) <= DATE_FORMS | placeholders(text), key
        else:
            assert placeholders(other[key]) == placeholders(text), key


@pytest.mark.parametrize("lang", LANGUAGES)
def test_counted_phrases_have_exactly_the_languages_plural_categories(lang: str) -> None:
    categories = set(Locale.parse(lang).plural_form.tags) | {"other"}
    for key, phrase in load_strings(lang).items():
        if isinstance(phrase, dict):
            assert set(phrase) == categories, key


def test_latvian_and_italian_keep_their_diacritics() -> None:
    assert re.search(r"[āčēģīķļņšūž]", " ".join(map(str, load_strings("lv").values())))
    assert re.search(r"[àèéìòù]", " ".join(map(str, load_strings("it").values())))


# Italian writes its elisions (l'evento, dell'Unione) with the straight apostrophe, as editors
# type it in their files, in every string the site or the terminal shows: one style site-wide.
ITALIAN_SOURCES = [
    "src/clustersite/locales/it.yml",
    "src/clustersite/locales/messages/it.yml",
    "src/clustersite/theme/partials/languages/it.html",
    "src/clustersite/rules/*.yml",
    "src/clustersite/scaffold.py",
    "src/clustersite/formatting.py",
    "content/it/**/*.md",
    "data/projects/*.yml",
    "examples/*/content/it/**/*.md",
    "examples/*/data/projects/*.yml",
]


TYPOGRAPHIC_APOSTROPHE = re.compile(r"\w[’‘]\w")


def test_italian_apostrophes_are_one_style() -> None:
    from support import REPO

    files = sorted({path for pattern in ITALIAN_SOURCES for path in REPO.glob(pattern)})
    assert len(files) > 10  # the patterns still find the files
    curly = [
        f"{path.relative_to(REPO)}:{number}: {line.strip()}"
        for path in files
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if TYPOGRAPHIC_APOSTROPHE.search(line)
    ]
    assert curly == []


def test_the_apostrophe_check_finds_a_typographic_one() -> None:
    assert TYPOGRAPHIC_APOSTROPHE.search("Lingua dell’evento")
    assert not TYPOGRAPHIC_APOSTROPHE.search("Lingua dell'evento «così» ‘x’")


@pytest.mark.parametrize("folder", ["locales", "locales/messages"])
def test_language_files_repeat_no_key(folder: str) -> None:
    """YAML keeps the last of two equal keys: a label meant for one form field would silently
    replace another's (as `cms_field_location` once did for projects and events)."""
    from clustersite.yamlio import parse_yaml

    for path in sorted((LOCALES_DIR.parent / folder).glob("*.yml")):
        _doc, problem = parse_yaml(path.read_text(encoding="utf-8"), path.name)
        assert problem is None, str(problem)
