"""Reading ``mkdocs.yml`` without an engine: the commands need a few of its facts.

``clustersite check``, ``new`` and ``status`` read the site's folders, languages and address
from ``mkdocs.yml`` without starting a build. The file is YAML with the tags a MkDocs
configuration may carry, read here as MkDocs reads them where that matters to us:

- ``!ENV NAME`` and ``!ENV [NAME, OTHER, default]``: the first variable that is set, its value
  typed as YAML would type it; else the default (``site_url: !ENV [SITE_URL, "…"]``);
- ``INHERIT: base.yml``: the file named (relative to this one) is read first and this one
  merged over it, mappings key by key, any other value replaced;
- ``!relative`` (its text) and the ``!!python/…`` tags (the tag) of Markdown extensions'
  options are kept as written: no module is imported to read them, and no fact we read uses them.

``theme: name: material`` names an installed theme: :func:`theme_folder` finds its folder as
MkDocs does (the ``mkdocs.themes`` entry point of its package), from the package's metadata.
"""

from __future__ import annotations

import os
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml

from clustersite.errors import ContentError, Problem

__all__ = ["read_config_file", "theme_folder"]

SHOWN = "mkdocs.yml"  # how the file is named in messages


class _ConfigLoader(yaml.SafeLoader):
    """The safe loader, with MkDocs' tags."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    default = None
    if isinstance(node, yaml.ScalarNode):
        names = [loader.construct_scalar(node)]
    elif isinstance(node, yaml.SequenceNode):
        children = node.value
        if len(children) > 1:  # the last item is the default, typed as YAML types it
            default = loader.construct_object(children[-1])
            children = children[:-1]
        names = [loader.construct_scalar(child) for child in children]
    else:
        raise yaml.constructor.ConstructorError(
            None, None, "!ENV takes a name or a list of names", node.start_mark
        )
    for name in names:
        if str(name) in os.environ:
            value = os.environ[str(name)]
            tag = loader.resolve(yaml.ScalarNode, value, (True, False))
            return loader.construct_object(yaml.ScalarNode(tag, value))
    return default


def _as_written(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    return loader.construct_scalar(node) if isinstance(node, yaml.ScalarNode) else None


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_constructor("!relative", _as_written)
_ConfigLoader.add_multi_constructor(  # the object named is not imported: its name is kept
    "tag:yaml.org,2002:python/", lambda loader, suffix, node: f"!!python/{suffix}"
)


def _merged(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """``over`` laid on ``base``: mappings merged key by key, other values replaced.

    >>> _merged({"theme": {"name": "material", "language": "lv"}, "nav": [1]},
    ...         {"theme": {"language": "en"}, "nav": [2]})
    {'theme': {'name': 'material', 'language': 'en'}, 'nav': [2]}
    """
    merged = dict(base)
    for key, value in over.items():
        if isinstance(merged.get(key), dict) and isinstance(value, dict):
            merged[key] = _merged(merged[key], value)
        else:
            merged[key] = value
    return merged


def read_config_file(path: Path) -> dict[str, Any]:
    """The options of ``mkdocs.yml`` at ``path`` (with the files it inherits), as a mapping.

    A file that is not YAML or not a mapping, or that inherits a missing file (or, through
    others, itself), raises :class:`ContentError` naming the file, the line and the fix.
    """
    return _read(path, SHOWN, ())


def _read(path: Path, shown: str, inheriting: tuple[Path, ...]) -> dict[str, Any]:
    try:
        with path.open(encoding="utf-8") as stream:
            config = yaml.load(stream, Loader=_ConfigLoader)  # a SafeLoader: builds no objects
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise ContentError([Problem.of(shown, "yaml", "config.unreadable", line=line)]) from None
    except (OSError, UnicodeDecodeError):
        raise ContentError([Problem.of(shown, "file", "config.unreadable")]) from None
    if config is None:
        return {}
    if not isinstance(config, dict):
        raise ContentError([Problem.of(shown, "file", "config.not_fields")])
    if "INHERIT" not in config:
        return config
    inherited = str(config.pop("INHERIT"))
    base = (path.parent / inherited).resolve()
    chain = (*inheriting, path.resolve())
    if not base.is_file() or base in chain:
        raise ContentError(
            [Problem.of(shown, "INHERIT", "config.inherit_missing", value=inherited)]
        )
    return _merged(_read(base, inherited, chain), config)


def theme_folder(name: Any) -> Path | None:
    """The folder of the installed theme called ``name``; None where none is installed.

    >>> theme_folder("material").parts[-2:], theme_folder("no-such-theme")
    (('material', 'templates'), None)
    """
    for entry in metadata.entry_points(group="mkdocs.themes"):
        if entry.name == str(name) and entry.dist is not None:
            folder = Path(str(entry.dist.locate_file(entry.value.replace(".", "/"))))
            return folder if folder.is_dir() else None
    return None
