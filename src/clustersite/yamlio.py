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
from clustersite.language_files import FAST_SAFE_LOADER

__all__ = [
    "FRONT_MATTER",
    "YamlDocument",
    "parse_yaml",
    "read_text",
    "split_front_matter",
    "unreadable_problems",
]

_BaseLoader: Any = FAST_SAFE_LOADER  # the C loader where there is one: thousands of posts

MAX_DEPTH = 50  # nesting levels; real files use 4. Deeper input would crash the C composer.
MAX_INT_BITS = 256  # larger integers stay text: Python cannot even print some of them


class _Loader(_BaseLoader):
    """The safe loader, except that a value YAML recognises but cannot build stays text.

    ``date: 2021-02-30`` looks like a date to YAML but is none, ``!!float abc`` is no number:
    the plain loader raises ValueError for them. Here they load as the text written, so the
    check of that field reports them, with the file, the line and the field.
    """


def _text_if_unbuildable(tag: str) -> None:
    build = _BaseLoader.yaml_constructors[tag]

    def construct(loader: Any, node: yaml.Node) -> Any:
        try:
            value = build(loader, node)
        except yaml.YAMLError:
            raise
        except Exception:  # ValueError, IndexError ('!!int' with no value), KeyError …
            loader.cs_unreadable.append(node.start_mark.line)
            return loader.construct_scalar(node)
        if (
            isinstance(value, int)
            and not isinstance(value, bool)
            and value.bit_length() > MAX_INT_BITS
        ):
            loader.cs_unreadable.append(node.start_mark.line)
            return loader.construct_scalar(node)
        return value

    _Loader.add_constructor(tag, construct)


for _tag in ("timestamp", "int", "float", "bool"):
    _text_if_unbuildable(f"tag:yaml.org,2002:{_tag}")

# The same rule as MkDocs (mkdocs.utils.meta): front matter between two '---' lines.
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)?(?:\.{3}|-{3})[ \t]*(?:\n|$)", re.S)


class YamlDocument:
    """Parsed YAML data plus the line of every key (``"budget.total" -> 9``)."""

    def __init__(
        self,
        data: Any,
        lines: dict[str, int],
        unreadable: list[int] | None = None,
        written: dict[str, str] | None = None,
    ) -> None:
        self.data = data
        self.lines = lines
        self.unreadable = unreadable or []  # lines of values kept as text (see _Loader)
        self.written = written or {}  # each plain value as typed: `number: 1.10` -> "1.10"

    def as_written(self, field: str) -> str | None:
        """The value of ``field`` exactly as the editor typed it (before YAML read it)."""
        return self.written.get(field)

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
        return None, Problem.of(shown_as, "file", "file.unreadable", reason=error.strerror or "")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, Problem.of(shown_as, "encoding", "file.not_utf8", line=line)
    return text.replace("\r\n", "\n").replace("\r", "\n"), None


def _structure_problem(
    text: str, shown_as: str, first_line: int, loader_class: Any = _BaseLoader
) -> Problem | None:
    """Aliases and very deep nesting, found from the parser's events before anything is built.

    An alias (``*name``) can make a few lines expand to billions of values or refer to itself,
    and nesting thousands of levels deep crashes the C composer: neither belongs in a post or
    a project file. The C scanner may stop on deep nesting before it gives the events that
    show it; the text is then read again with the pure-Python parser, which gives them all.
    """
    loader = loader_class(text)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            line = event.start_mark.line + first_line if event.start_mark else None
            if isinstance(event, yaml.AliasEvent):
                return Problem.of(shown_as, "yaml", "yaml.alias", line=line, name=event.anchor)
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return Problem.of(shown_as, "yaml", "yaml.too_deep", line=line, depth=MAX_DEPTH)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except (yaml.YAMLError, ValueError):
        if loader_class is not yaml.SafeLoader:
            try:
                return _structure_problem(text, shown_as, first_line, yaml.SafeLoader)
            except (yaml.YAMLError, ValueError):
                return None  # the pure-Python reader refuses the text outright
        return None  # the syntax error is reported, with its line, when the text is loaded
    finally:
        loader.dispose()
    return None


class _Collected:
    """What the parsed nodes tell beyond the data: lines, typed text, repeated keys."""

    def __init__(self) -> None:
        self.lines: dict[str, int] = {}
        self.written: dict[str, str] = {}
        self.repeated: list[tuple[str, int, int]] = []  # (field, first line, second line)

    def collect(self, node: yaml.Node, prefix: str = "") -> None:
        # a plain scalar: libyaml (the C loader) marks it with style "", PyYAML with None
        if isinstance(node, yaml.ScalarNode) and prefix and not node.style:
            self.written[prefix.rstrip(".")] = node.value
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if isinstance(key_node, yaml.ScalarNode):
                    key = f"{prefix}{key_node.value}"
                    line = key_node.start_mark.line + 1
                    if key in self.lines:
                        self.repeated.append((key, self.lines[key], line))
                    self.lines[key] = line
                    self.collect(value_node, key + ".")
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                key = f"{prefix}{index}"
                self.lines[key] = item.start_mark.line + 1
                self.collect(item, key + ".")


def parse_yaml(
    text: str, shown_as: str, first_line: int = 1
) -> tuple[YamlDocument | None, Problem | None]:
    """Parse ``text``; line numbers are offset so that they point into the editor's file."""
    if "\t" in text:
        number = text[: text.index("\t")].count("\n") + first_line
        return None, Problem.of(shown_as, "yaml", "yaml.tab", line=number)
    problem = _structure_problem(text, shown_as, first_line)
    if problem:
        return None, problem
    try:
        loader = _Loader(text)
        loader.cs_unreadable = []
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        context, start = (error.context or "").strip(), error.context_mark
        if start is not None and "quoted scalar" in context:  # the quote's line, not the file's end
            return None, Problem.of(
                shown_as, "yaml", "yaml.unclosed_quote", line=start.line + first_line
            )
        line = mark.line + first_line if mark else None
        # the parser's own words stay out of the message: they are English and change between
        # releases; the line and the usual causes are what an editor can act on
        if start is not None and mark is not None and start.line != mark.line and context:
            return None, Problem.of(
                shown_as, "yaml", "yaml.syntax_since", line=line, start=start.line + first_line
            )
        return None, Problem.of(shown_as, "yaml", "yaml.syntax", line=line)
    except yaml.YAMLError:  # e.g. a value that is not valid in YAML at all
        return None, Problem.of(shown_as, "yaml", "yaml.syntax")
    except Exception:  # whatever a constructor raises, the editor needs a message
        # a constructor of an explicit tag (!!binary, !!set …) that cannot take the value
        return None, Problem.of(shown_as, "yaml", "yaml.tag")
    collected = _Collected()
    if node is not None:
        collected.collect(node)
    offset = first_line - 1
    if collected.repeated:
        key, first, second = collected.repeated[0]
        return None, Problem.of(
            shown_as,
            key,
            "yaml.repeated_key",
            line=second + offset,
            first=first + offset,
            second=second + offset,
        )
    lines = {key: line + offset for key, line in collected.lines.items()}
    unreadable = sorted({line + first_line for line in loader.cs_unreadable})
    return YamlDocument(data, lines, unreadable, collected.written), None


def unreadable_problems(
    doc: YamlDocument, shown_as: str, handled: tuple[str, ...] = ()
) -> list[Problem]:
    """Front matter values that look like a date, a number or true/false but are none.

    clustersite keeps them as text, but MkDocs reads the front matter again with plain YAML,
    fails, and silently drops all of it (the title included). ``handled`` names fields whose
    own check already reports their value.
    """
    keys = {line: key for key, line in doc.lines.items()}
    return [
        Problem.of(shown_as, keys.get(line, "front matter"), "yaml.unreadable_value", line=line)
        for line in doc.unreadable
        if keys.get(line) not in handled
    ]


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """``(front matter or None, body, line where the front matter's YAML starts)``."""
    match = FRONT_MATTER.match(text)
    if not match:
        return None, text, 1
    return match.group(1) or "", text[match.end() :], 2
