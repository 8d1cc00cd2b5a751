"""clustersite/feeds.py: each language's RSS and Atom feed, from the views of that language."""

from __future__ import annotations

from xml.etree import ElementTree as ET

import pytest

from clustersite.feeds import ATOM_NS, write_feeds
from clustersite.model import load_site
from clustersite.settings import SiteIdentity, SiteSettings
from clustersite.views import LanguageViews
from support import SiteFactory


@pytest.fixture
def views(tmp_path):
    site = SiteFactory(tmp_path)
    site.post("lv", 2020, "pirma", "Pirmā ziņa", "2020-03-01")
    site.post("lv", 2020, "otra", "Otrā ziņa", "2020-05-02")
    site.post("en", 2020, "otra", "Second news", "2020-05-02")
    loaded = load_site(SiteSettings.from_mkdocs_yml(tmp_path))
    assert not loaded.errors
    return {lang: LanguageViews(loaded, lang) for lang in ("lv", "en")}


def _rss(folder):
    return ET.parse(folder / "rss.xml").getroot()


def test_a_feed_holds_the_posts_written_in_its_language_newest_first(views, tmp_path):
    out = tmp_path / "out"
    identity = SiteIdentity("Cluster", "https://example.org/site")
    write_feeds(views["lv"], out, identity, limit=20)
    write_feeds(views["en"], out, identity, limit=20)
    lv = _rss(out / "news")
    assert [i.findtext("title") for i in lv.iter("item")] == ["Otrā ziņa", "Pirmā ziņa"]
    assert next(i.findtext("link") for i in lv.iter("item")) == (
        "https://example.org/site/news/2020/otra/"
    )
    en = _rss(out / "en" / "news")
    assert [i.findtext("title") for i in en.iter("item")] == ["Second news"]  # no fallback
    assert en.findtext("channel/language") == "en"


def test_the_limit_and_the_atom_feed(views, tmp_path):
    write_feeds(views["lv"], tmp_path, SiteIdentity("Cluster", "https://example.org/"), limit=1)
    assert len(list(_rss(tmp_path / "news").iter("item"))) == 1
    atom = ET.parse(tmp_path / "news" / "atom.xml").getroot()
    entries = atom.findall(f"{{{ATOM_NS}}}entry")
    assert len(entries) == 1
    assert entries[0].findtext(f"{{{ATOM_NS}}}updated") == "2020-05-02T00:00:00+00:00"
    links = {link.get("rel"): link.get("href") for link in atom.findall(f"{{{ATOM_NS}}}link")}
    assert links["self"] == "https://example.org/news/atom.xml"


def test_without_site_url_links_point_at_the_local_preview(views, tmp_path):
    write_feeds(views["lv"], tmp_path, SiteIdentity("Cluster"), limit=5)
    link = next(_rss(tmp_path / "news").iter("item")).findtext("link")
    assert link == "http://127.0.0.1:8000/news/2020/otra/"
