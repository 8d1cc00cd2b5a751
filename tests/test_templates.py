"""Templates only print and loop: every value is prepared in Python (clustersite.views).

Each template of the theme is parsed into Jinja's syntax tree and searched for arithmetic,
for calls (other than Material's translation macro ``lang.t`` and ``super()``) and for
filters that compute; every UI string a template prints must exist in the locale files.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import Environment, nodes

from clustersite.strings import load_strings

THEME = Path(__file__).parents[1] / "src" / "clustersite" / "theme"
TEMPLATES = sorted(p for p in THEME.rglob("*.html"))
ARITHMETIC = (nodes.Add, nodes.Sub, nodes.Mul, nodes.Div, nodes.FloorDiv, nodes.Mod, nodes.Pow)
SIGNS = (nodes.Neg, nodes.Pos)
# escaping, MkDocs' relative URLs, a default value and lower case: none of them computes a
# value (MiniJinja has them all)
ALLOWED_FILTERS = {"e", "escape", "safe", "tojson", "url", "default", "d", "lower"}


def _is_translation(call: nodes.Call) -> bool:
    """``lang.t('key')``: Material's macro, one constant key."""
    target = call.node
    return (
        isinstance(target, nodes.Getattr)
        and target.attr == "t"
        and isinstance(target.node, nodes.Name)
        and target.node.name == "lang"
        and len(call.args) == 1
        and isinstance(call.args[0], nodes.Const)
        and not call.kwargs
    )


def _is_super(call: nodes.Call) -> bool:
    return isinstance(call.node, nodes.Name) and call.node.name == "super" and not call.args


def problems(source: str) -> list[str]:
    """What a template does besides printing and looping, one line per finding."""
    tree = Environment(extensions=[]).parse(source)
    found = []
    # '~' may only name an included template (Material's icons: ".icons/" ~ icon ~ ".svg")
    include_names = {
        id(part)
        for include in tree.find_all(nodes.Include)
        for part in (include.template, *include.template.find_all(nodes.Concat))
    }
    for node in tree.find_all(nodes.Node):
        line = getattr(node, "lineno", "?")
        if isinstance(node, ARITHMETIC + SIGNS):
            found.append(f"line {line}: arithmetic ({type(node).__name__})")
        elif isinstance(node, nodes.Call) and not (_is_translation(node) or _is_super(node)):
            found.append(f"line {line}: a call")
        elif isinstance(node, nodes.Filter) and node.name not in ALLOWED_FILTERS:
            found.append(f"line {line}: filter '{node.name}'")
        elif isinstance(node, nodes.Concat) and id(node) not in include_names:
            found.append(f"line {line}: string building (~)")
    return found


def ui_keys(source: str) -> set[str]:
    """The UI strings a template prints: ``cs.ui.<key>`` and ``l.ui.<key>``."""
    tree = Environment().parse(source)
    return {
        node.attr
        for node in tree.find_all(nodes.Getattr)
        if isinstance(node.node, nodes.Getattr) and node.node.attr == "ui"
    }


def test_the_theme_has_templates() -> None:
    assert len(TEMPLATES) >= 15


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(THEME)))
def test_template_only_prints_and_loops(template: Path) -> None:
    assert problems(template.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(THEME)))
def test_every_printed_string_exists(template: Path) -> None:
    missing = ui_keys(template.read_text(encoding="utf-8")) - set(load_strings("en"))
    assert missing == set()


@pytest.mark.parametrize(
    ("snippet", "finding"),
    [
        ("{{ (1 - b.rate) }}", "arithmetic (Sub)"),
        ("{{ '%.2f' % width }}", "arithmetic (Mod)"),
        ("{{ -x }}", "arithmetic (Neg)"),
        ("{{ d.date.isoformat() }}", "a call"),
        ("{{ cs.t('news') }}", "a call"),
        ("{{ x | float }}", "filter 'float'"),
        ("{{ d | cs_date }}", "filter 'cs_date'"),
        ("{{ 'status_' ~ s }}", "string building (~)"),
    ],
)
def test_the_check_finds(snippet: str, finding: str) -> None:
    assert problems(snippet) == [f"line 1: {finding}"]


def test_the_check_allows_printing_looping_and_translation() -> None:
    source = (
        "{% for e in entries %}<a href='{{ e.url | url }}'>{{ e.title }}</a>{% endfor %}"
        "{{ lang.t('search') }}{{ super() }}{% include '.icons/' ~ icon ~ '.svg' %}"
    )
    assert problems(source) == []
