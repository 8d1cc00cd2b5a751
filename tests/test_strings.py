"""The UI strings of every language have the same keys and the same placeholders."""

from __future__ import annotations

import re
import string

import pytest

from clustersite.strings import LOCALES_DIR, load_strings

LANGUAGES = sorted(p.stem for p in LOCALES_DIR.glob("*.yml"))


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_three_languages_are_shipped() -> None:
    assert LANGUAGES == ["en", "it", "lv"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_same_keys_and_placeholders_as_english(lang: str) -> None:
    english, other = load_strings("en"), load_strings(lang)
    assert set(other) == set(english)
    for key, text in english.items():
        assert placeholders(other[key]) == placeholders(text), key


def test_latvian_and_italian_keep_their_diacritics() -> None:
    assert re.search(r"[āčēģīķļņšūž]", " ".join(load_strings("lv").values()))
    assert re.search(r"[àèéìòù]", " ".join(load_strings("it").values()))
