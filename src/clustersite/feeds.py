"""RSS 2.0 and Atom 1.0 feeds of one language's news: ``news/rss.xml`` and ``news/atom.xml``.

A language's feeds hold the posts written in that language (newest first), with absolute
links from ``site_url``. XML is built with ElementTree, so every editor's text is escaped.
An RSS ``<description>`` is read by feed readers as HTML (RSS 2.0 has no plain-text form), so
a summary is escaped for HTML before it is escaped for XML: readers show the editor's text,
never markup. Atom says what its texts are (a ``summary`` without a type is plain text).
Dates come from the posts, never from the clock, so two builds of one input are identical.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from email.utils import format_datetime
from pathlib import Path
from xml.etree import ElementTree as ET

from clustersite.routes import url_of
from clustersite.settings import SiteIdentity, site_base
from clustersite.views import Entry, LanguageViews

__all__ = ["ATOM_NS", "write_feeds"]

ATOM_NS = "http://www.w3.org/2005/Atom"
DC_NS = "http://purl.org/dc/elements/1.1/"
ET.register_namespace("atom", ATOM_NS)
ET.register_namespace("dc", DC_NS)
# What XML 1.0 forbids (ElementTree writes it anyway, and feed readers then reject the feed):
# C0 controls other than tab, newline and return; U+FFFE, U+FFFF; lone surrogates.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    if text is not None:
        element.text = NOT_XML.sub("", text)  # e.g. a line break pasted from a word processor
    return element


def _write(tree: ET.Element, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    ET.indent(tree)
    path.write_bytes(ET.tostring(tree, encoding="utf-8", xml_declaration=True) + b"\n")


def write_feeds(views: LanguageViews, site_dir: Path, identity: SiteIdentity, limit: int) -> None:
    """Write both feeds of ``views.lang`` into ``site_dir``."""
    base = site_base(identity.url, absolute=True)
    entries = [e for e in views.entries if not e.foreign][:limit]
    title = views.t("feed_title", site=identity.name)
    description = identity.description or title
    news_url = base + views.url(url_of("news-index"))
    rss, atom = views.url(url_of("rss")), views.url(url_of("atom"))
    updated = _midnight(entries[0].date) if entries else _midnight(dt.date(1970, 1, 1))
    author = identity.author or identity.name
    _write(
        _rss(views, entries, base, title, description, news_url, base + rss, updated, author),
        site_dir / rss,
    )
    _write(
        _atom(views, entries, base, title, news_url, base + atom, updated, author), site_dir / atom
    )


def _rss(
    views: LanguageViews,
    entries: list[Entry],
    base: str,
    title: str,
    description: str,
    news_url: str,
    self_url: str,
    updated: dt.datetime,
    author: str,
) -> ET.Element:
    rss = ET.Element("rss", {"version": "2.0"})
    channel = _sub(rss, "channel")
    _sub(channel, "title", title)
    _sub(channel, "link", news_url)
    _sub(channel, "description", html.escape(description, quote=False))
    _sub(channel, "language", views.lang)
    _sub(channel, "lastBuildDate", format_datetime(updated))
    _sub(
        channel,
        f"{{{ATOM_NS}}}link",
        href=self_url,
        rel="self",
        type="application/rss+xml",
    )
    for entry in entries:
        item = _sub(channel, "item")
        link = base + entry.url
        _sub(item, "title", entry.title)
        _sub(item, "link", link)
        _sub(item, "guid", link, isPermaLink="true")
        _sub(item, "pubDate", format_datetime(_midnight(entry.date)))
        _sub(item, "description", html.escape(entry.summary, quote=False))
        _sub(item, f"{{{DC_NS}}}creator", author)
    return rss


def _atom(
    views: LanguageViews,
    entries: list[Entry],
    base: str,
    title: str,
    news_url: str,
    self_url: str,
    updated: dt.datetime,
    author: str,
) -> ET.Element:
    feed = ET.Element(
        f"{{{ATOM_NS}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": views.lang}
    )
    _sub(feed, f"{{{ATOM_NS}}}id", news_url)
    _sub(feed, f"{{{ATOM_NS}}}title", title)
    _sub(feed, f"{{{ATOM_NS}}}updated", updated.isoformat())
    _sub(
        feed,
        f"{{{ATOM_NS}}}link",
        href=self_url,
        rel="self",
        type="application/atom+xml",
    )
    _sub(feed, f"{{{ATOM_NS}}}link", href=news_url, rel="alternate", type="text/html")
    _sub(_sub(feed, f"{{{ATOM_NS}}}author"), f"{{{ATOM_NS}}}name", author)
    for entry in entries:
        item = _sub(feed, f"{{{ATOM_NS}}}entry")
        link = base + entry.url
        _sub(item, f"{{{ATOM_NS}}}id", link)
        _sub(item, f"{{{ATOM_NS}}}title", entry.title)
        _sub(item, f"{{{ATOM_NS}}}link", href=link, rel="alternate", type="text/html")
        _sub(item, f"{{{ATOM_NS}}}published", _midnight(entry.date).isoformat())
        _sub(item, f"{{{ATOM_NS}}}updated", _midnight(entry.date).isoformat())
        _sub(item, f"{{{ATOM_NS}}}summary", entry.summary)
    return feed
