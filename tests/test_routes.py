"""clustersite/routes.py: the one table of page kinds and their addresses."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from clustersite import routes
from clustersite.routes import ROUTES, classify, path_url_of, reserved_slugs, source_of, url_of

SRC = Path(routes.__file__).parent
PARTS = {"year": 2021, "quarter": 3, "number": 4, "slug": "jauns-projekts-riga"}


def _parts(row: routes.Route) -> dict[str, object]:
    return {name: PARTS[name] for name in routes._PLACEHOLDER.findall(row.source)}


@pytest.mark.parametrize("row", ROUTES, ids=lambda r: r.kind)
def test_a_source_classifies_as_its_own_kind(row):
    parts = _parts(row)
    found = classify(source_of(row.kind, **parts))
    assert found is not None
    assert found[0].kind == row.kind
    assert found[1] == {name: str(value) for name, value in parts.items()}


@pytest.mark.parametrize("row", [r for r in ROUTES if r.template], ids=lambda r: r.kind)
def test_a_page_is_served_where_mkdocs_puts_its_source(row):
    """A page's URL is MkDocs' directory URL of its source (File.generated uses the source)."""
    parts = _parts(row)
    assert url_of(row.kind, **parts) == path_url_of(source_of(row.kind, **parts))


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        ("news/2020/q4.md", "quarter"),
        ("news/2020/q5.md", "post"),
        ("news/2020/q12.md", "post"),
        ("news/2020/index.md", "year"),
        ("news/page/2.md", "news-page"),
        ("news/page/1.md", None),
        ("news/page/02.md", None),
        ("news/20/x.md", None),
        ("news/2020/Rīga.md", None),
        ("news/2020/a--b.md", None),
        ("projects/neeghw.md", "project"),
        ("projects/index.md", "project-index"),
        ("about.md", None),
        ("index.md", "home"),
    ],
)
def test_classify(source, kind):
    found = classify(source)
    assert (found[0].kind if found else None) == kind


@pytest.mark.parametrize("word", ["q1", "q2", "q3", "q4", "index"])
def test_a_post_named_like_an_archive_page_is_refused(word):
    """Such a post would take the archive's address: its slug is reserved."""
    source = source_of("post", year=2021, slug=word)
    assert classify(source)[0].kind != "post"
    assert word in reserved_slugs("post")


@pytest.mark.parametrize("word", ["page", "rss", "atom"])
def test_the_names_beside_the_year_folders_are_reserved_too(word):
    """``news/page/``, ``news/rss.xml``, ``news/atom.xml``: kept from post slugs as well."""
    assert word in reserved_slugs("post")


def test_a_project_cannot_be_called_index():
    assert reserved_slugs("project") == {"index"}
    assert classify(source_of("project", slug="index"))[0].kind == "project-index"


def _string_constants(tree: ast.AST) -> list[ast.Constant]:
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def test_no_address_is_spelled_outside_the_table():
    """Code builds addresses through routes.py; only messages may name a folder."""
    sections = tuple(f"{row.section}/" for row in ROUTES if row.section)
    found = []
    for path in sorted(SRC.rglob("*.py")):
        if path.name == "routes.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in _string_constants(tree):
            if node.value.startswith(sections):
                found.append(f"{path.relative_to(SRC)}:{node.lineno}: {node.value!r}")
    assert not found, "\n".join(found)
