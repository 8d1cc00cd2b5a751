"""Reading editors' YAML: project files and Markdown front matter, with line numbers.

Editors get messages like ``data/projects/x.yml:7: budget.total: …``, so every value is
loaded together with the line its key stands on. YAML syntax errors become a
:class:`~clustersite.errors.Problem` with the line of the mistake, never a traceback.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from clustersite.errors import Problem

__all__ = ["FRONT_MATTER", "YamlDocument", "parse_yaml", "read_text", "split_front_matter"]

try:  # the C loader is several times faster on thousands of posts
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

# The same rule as MkDocs (mkdocs.utils.meta): front matter between two '---' lines.
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)?(?:\.{3}|-{3})[ \t]*(?:\n|$)", re.S)


class YamlDocument:
    """Parsed YAML data plus the line of every key (``"budget.total" -> 9``)."""

    def __init__(self, data: Any, lines: dict[str, int]) -> None:
        self.data = data
        self.lines = lines

    def line(self, field: str) -> int | None:
        """The line of ``field``, or of its nearest parent that has one."""
        while field:
            if field in self.lines:
                return self.lines[field]
            field = field.rpartition(".")[0]
        return None


def read_text(path: Path, shown_as: str) -> tuple[str | None, Problem | None]:
    """The text of an editor's file: UTF-8 (a BOM and Windows line endings are fine)."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, Problem(shown_as, "file", f"cannot be read ({error.strerror})",
                             "check that the file exists and is readable")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, Problem(shown_as, "encoding", "the file is not UTF-8 text",
                             "save it again as UTF-8 (in most editors: Save as… → Encoding: UTF-8)",
                             line=line)
    return text.replace("\r\n", "\n").replace("\r", "\n"), None


def _collect_lines(node: yaml.Node, prefix: str, lines: dict[str, int]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                key = f"{prefix}{key_node.value}"
                lines[key] = key_node.start_mark.line + 1
                _collect_lines(value_node, key + ".", lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            key = f"{prefix}{index}"
            lines[key] = item.start_mark.line + 1
            _collect_lines(item, key + ".", lines)


def parse_yaml(text: str, shown_as: str, first_line: int = 1) -> tuple[YamlDocument | None, Problem | None]:
    """Parse ``text``; line numbers are offset so that they point into the editor's file."""
    if "\t" in text:
        number = text[: text.index("\t")].count("\n") + first_line
        return None, Problem(shown_as, "yaml", "a tab character is used for indentation or spacing",
                             "replace the tab with spaces", line=number)
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + first_line if mark else None
        what = (error.problem or "is not valid YAML").strip()
        return None, Problem(shown_as, "yaml", f"YAML syntax error: {what}",
                             "check quotes, colons and indentation on that line "
                             "(text containing ': ' or starting with a quote must be quoted whole)",
                             line=line)
    except yaml.YAMLError as error:  # e.g. a value that is not valid in YAML at all
        return None, Problem(shown_as, "yaml", f"YAML error: {error}", "fix the YAML syntax")
    lines: dict[str, int] = {}
    if node is not None:
        _collect_lines(node, "", lines)
        lines = {key: line + first_line - 1 for key, line in lines.items()}
    return YamlDocument(data, lines), None


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """``(front matter or None, body, line where the front matter's YAML starts)``."""
    match = FRONT_MATTER.match(text)
    if not match:
        return None, text, 1
    return match.group(1) or "", text[match.end():], 2
