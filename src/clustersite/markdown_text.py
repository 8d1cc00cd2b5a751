"""Putting editors' *data* (YAML text) into generated Markdown as literal text.

Markdown in posts is the editors' own and may hold HTML; a project's summary in YAML is
data and must come out exactly as written, so it is escaped for both HTML and Markdown.
"""

from __future__ import annotations

import html
import re

__all__ = ["escape_markdown"]

# Python-Markdown's backslash escapes (markdown.Markdown.ESCAPED_CHARS)
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()>#+\-.!])")


def escape_markdown(text: str) -> str:
    """Text that Python-Markdown renders back as exactly ``text``.

    >>> escape_markdown("<b>1 & 2</b> *x*")
    '&lt;b&gt;1 &amp; 2&lt;/b&gt; \\\\*x\\\\*'
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))
