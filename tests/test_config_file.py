"""Reading mkdocs.yml without an engine (clustersite/config_file.py): its tags and INHERIT.

Every expected value is written out by hand; where MkDocs can read the same file, its own
reading is compared too, so `clustersite check` and the build see one configuration.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from clustersite.config_file import read_config_file, theme_folder
from clustersite.errors import ContentError


def write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder / "mkdocs.yml"


def mkdocs_reading(path: Path) -> dict[str, Any]:
    from mkdocs.utils.yaml import yaml_load

    with path.open("rb") as stream:
        return yaml_load(stream)


BASE = "docs_dir: content\ntheme:\n  name: material\n  language: lv\nnav: [a.md]\n"


@pytest.mark.parametrize(
    ("files", "env", "expected"),
    [
        (
            {"mkdocs.yml": 'site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]\n'},
            {},
            {"site_url": "http://127.0.0.1:8000/"},
        ),
        (
            {"mkdocs.yml": 'site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]\n'},
            {"SITE_URL": "https://example.org/klasteris/"},
            {"site_url": "https://example.org/klasteris/"},
        ),
        ({"mkdocs.yml": "per_page: !ENV NEWS\n"}, {"NEWS": "12"}, {"per_page": 12}),
        ({"mkdocs.yml": "strict: !ENV [ONE, TWO, false]\n"}, {"TWO": "true"}, {"strict": True}),
        ({"mkdocs.yml": "strict: !ENV [ONE, TWO, false]\n"}, {}, {"strict": False}),
        ({"mkdocs.yml": "site_url: !ENV [ONE]\n"}, {}, {"site_url": None}),
        (
            {
                "base.yml": BASE,
                "mkdocs.yml": "INHERIT: base.yml\ntheme:\n  language: en\nnav: [b.md]\n",
            },
            {},
            {
                "docs_dir": "content",
                "theme": {"name": "material", "language": "en"},
                "nav": ["b.md"],
            },
        ),
        (
            {
                "config/base.yml": BASE,
                "config/middle.yml": "INHERIT: base.yml\ndocs_dir: docs\n",
                "mkdocs.yml": "INHERIT: config/middle.yml\nsite_name: Klasteris\n",
            },
            {},
            {
                "docs_dir": "docs",
                "theme": {"name": "material", "language": "lv"},
                "nav": ["a.md"],
                "site_name": "Klasteris",
            },
        ),
        ({"mkdocs.yml": ""}, {}, {}),
    ],
)
def test_tags_and_inherit_read_as_mkdocs_reads_them(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    files: dict[str, str],
    env: dict[str, str],
    expected: dict[str, Any],
) -> None:
    for name in ("SITE_URL", "NEWS", "ONE", "TWO"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    config_file = write(tmp_path, files)
    assert read_config_file(config_file) == expected
    assert mkdocs_reading(config_file) == expected


def test_python_and_relative_tags_import_nothing(tmp_path: Path) -> None:
    config_file = write(
        tmp_path,
        {
            "mkdocs.yml": (
                "site_name: Klasteris\n"
                "markdown_extensions:\n"
                "  - pymdownx.emoji:\n"
                "      emoji_index: !!python/name:no_such_package.twemoji\n"
                "  - pymdownx.snippets:\n"
                "      base_path: !relative $config_dir/snippets\n"
            )
        },
    )
    assert read_config_file(config_file) == {
        "site_name": "Klasteris",
        "markdown_extensions": [
            {"pymdownx.emoji": {"emoji_index": "!!python/name:no_such_package.twemoji"}},
            {"pymdownx.snippets": {"base_path": "$config_dir/snippets"}},
        ],
    }


@pytest.mark.parametrize(
    ("files", "field", "line", "key"),
    [
        ({"mkdocs.yml": "INHERIT: base.yml\n"}, "INHERIT", None, "inherit_missing"),
        ({"mkdocs.yml": "INHERIT: mkdocs.yml\n"}, "INHERIT", None, "inherit_missing"),
        (
            {"mkdocs.yml": "INHERIT: a.yml\n", "a.yml": "INHERIT: mkdocs.yml\n"},
            "INHERIT",
            None,
            "inherit_missing",
        ),
        ({"mkdocs.yml": "site_name: a\nnav: [\n"}, "yaml", 3, "unreadable"),
        ({"mkdocs.yml": "site_name: !nonsense a\n"}, "yaml", 1, "unreadable"),
        ({"mkdocs.yml": "site_url: !ENV {a: b}\n"}, "yaml", 1, "unreadable"),
        ({"mkdocs.yml": "- site_name\n"}, "file", None, "not_fields"),
    ],
)
def test_a_file_that_cannot_be_read_is_named_with_its_fix(
    tmp_path: Path, files: dict[str, str], field: str, line: int | None, key: str
) -> None:
    with pytest.raises(ContentError) as raised:
        read_config_file(write(tmp_path, files))
    [problem] = raised.value.problems
    assert (problem.field, problem.line, problem.key) == (field, line, f"config.{key}")
    assert problem.fix


@pytest.mark.parametrize("name", ["material", "mkdocs", "readthedocs"])
def test_a_theme_folder_is_the_one_mkdocs_finds(name: str) -> None:
    from mkdocs.utils import get_theme_dir

    assert theme_folder(name) == Path(get_theme_dir(name))
    assert theme_folder("nonexistent-theme") is None
