"""clustersite/search.py: one compact index per language, diacritics folded."""

from __future__ import annotations

import json

from clustersite.search import folded_words, language_index, write_language_index
from clustersite.settings import SiteSettings

MATERIAL_INDEX = {
    "config": {"lang": ["en"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"]},
    "docs": [
        {
            "location": "news/x/",
            "title": "Rīgā",
            "text": "<p>Klastera aktualitātes</p>",
            "tags": [],
        },
        {"location": "news/x/#sadala", "title": "Sadaļa", "text": "Ķīmija", "boost": 2},
        {"location": "about/", "title": "About", "text": "plain"},
    ],
}


def test_entries_keep_only_what_search_uses():
    data = json.loads(language_index(MATERIAL_INDEX, "it"))
    assert [set(doc) for doc in data["docs"]] == [
        {"location", "title", "text", "folded"},
        {"location", "title", "text"},
        {"location", "title", "text"},
    ]


def test_folded_words_of_the_whole_page_sit_on_its_page_entry():
    docs = json.loads(language_index(MATERIAL_INDEX, "lv"))["docs"]
    page = docs[0]
    assert page["folded"].split() == ["riga", "aktualitates", "sadala", "kimija"]
    assert "folded" not in docs[1]  # a section entry
    assert "folded" not in docs[2]  # nothing to fold


def test_a_language_lunr_knows_keeps_its_stemming():
    config = json.loads(language_index(MATERIAL_INDEX, "it"))["config"]
    assert config["lang"] == ["it"]
    assert config["pipeline"] == ["stopWordFilter"]
    assert config["fields"]["folded"] == {"boost": 1.0}


def test_a_language_lunr_does_not_know_gets_no_english_pipeline():
    config = json.loads(language_index(MATERIAL_INDEX, "lv"))["config"]
    assert config["lang"] == ["en"]
    assert config["pipeline"] == []


def test_index_is_utf8_without_escapes(tmp_path):
    settings = SiteSettings(
        root=tmp_path,
        docs_dir=tmp_path / "content",
        data_dir=tmp_path / "data",
        languages=("lv", "en"),
        language_names={"lv": "Latviešu", "en": "English"},
    )
    data = write_language_index(MATERIAL_INDEX, tmp_path, settings, "en")
    written = (tmp_path / "en" / "search" / "search_index.json").read_bytes()
    assert written == data
    assert "Rīgā".encode() in written and b"\\u" not in written
    write_language_index(MATERIAL_INDEX, tmp_path, settings, "lv")
    assert (tmp_path / "search" / "search_index.json").is_file()  # the default language: root


def test_folded_words_are_distinct_and_ascii():
    assert folded_words("Rīga rīga RĪGA", "plain") == "riga"
