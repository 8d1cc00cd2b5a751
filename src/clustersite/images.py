"""Images in editors' pages: intrinsic size and lazy loading.

An ``<img>`` without ``width`` and ``height`` makes the page jump as it loads, and one that
loads eagerly costs visitors who never scroll to it. After Markdown is rendered, each image
that is a file of the site gets its pixel size (read from the file's header by
``imagesize``) and ``loading="lazy" decoding="async"``, unless the editor set them.
"""

from __future__ import annotations

import posixpath
import re
from html import escape

import imagesize

__all__ = ["size_and_defer_images"]

IMG = re.compile(r"<img\b[^>]*>", re.I)
ATTRIBUTE = re.compile(r'\s([a-zA-Z-]+)="([^"]*)"')


def _source_file(src: str, page_url: str, media: dict[str, str]) -> str | None:
    """The file on disk behind an <img src> written relative to the page's URL."""
    if re.match(r"^[a-z][a-z0-9+.-]*:|^//|^/", src, re.I):
        return None  # another host, a data: URL or a root path: not ours to measure
    folder = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)
    return media.get(posixpath.normpath(posixpath.join(folder, src)))


def size_and_defer_images(html: str, page_url: str, media: dict[str, str]) -> str:
    """Add width, height, loading and decoding to every <img> that lacks them.

    ``media`` maps the URL of each image file of the site to its path on disk.

    >>> size_and_defer_images('<p><img alt="x" src="http://a/b.png"></p>', "news/", {})
    '<p><img alt="x" src="http://a/b.png" loading="lazy" decoding="async"></p>'
    """

    def fix(match: re.Match[str]) -> str:
        tag = match.group(0)
        attributes = {name.lower(): value for name, value in ATTRIBUTE.findall(tag)}
        extra = []
        if "loading" not in attributes:
            extra.append('loading="lazy"')
        if "decoding" not in attributes:
            extra.append('decoding="async"')
        if "width" not in attributes and "height" not in attributes and "src" in attributes:
            path = _source_file(attributes["src"], page_url, media)
            if path:
                width, height = imagesize.get(path)
                if width > 0 and height > 0:
                    extra.append(f'width="{int(width)}" height="{int(height)}"')
        if not extra:
            return tag
        end = "/>" if tag.endswith("/>") else ">"
        return f"{tag[: -len(end)].rstrip()} {' '.join(escape(e, quote=False) for e in extra)}{end}"

    return IMG.sub(fix, html)
