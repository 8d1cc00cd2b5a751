"""One MkDocs build of a site into a folder, and what its failures mean to an editor.

:mod:`clustersite.build` keeps ``site/`` whole around it (a fresh folder, swapped in only on
success); here is what that needs of the engine: loading ``mkdocs.yml``, building, stopping the
language workers of a failed build, and telling a problem of the input from a bug.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

__all__ = ["BuildInterrupted", "BuildRefused", "build_into"]


class BuildInterrupted(Exception):
    """Ctrl+C or SIGTERM stopped the build; ``language`` is the site's default, if known."""

    def __init__(self, language: str | None) -> None:
        super().__init__("interrupted")
        self.language = language


class BuildRefused(Exception):
    """The build stopped on its input (content, mkdocs.yml, templates); the message says why
    (empty where the engine has already said it)."""


def build_into(config_file: Path, site_dir: Path, strict: bool) -> None:
    """Build the site of ``config_file`` into ``site_dir``.

    Raises :class:`BuildInterrupted` or :class:`BuildRefused`; any other exception is a bug.
    """
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.INFO)
    config = None
    try:
        config = load_config(str(config_file), site_dir=str(site_dir), strict=strict)
        build(config)
    except BaseException as error:
        _stop_language_workers(config)
        if isinstance(error, KeyboardInterrupt):
            raise BuildInterrupted(_site_language(config)) from None
        message = _explain(error)
        if message is None:
            raise  # not a problem of the input: a bug, shown as such
        raise BuildRefused(message) from None


def _site_language(config: Any) -> str | None:
    try:
        return str(config["theme"]["language"])
    except (TypeError, KeyError):
        return None


def _stop_language_workers(config: Any) -> None:
    """The forked builds of the other languages end with the build that started them."""
    plugin = config["plugins"].get("clustersite") if config is not None else None
    workers = getattr(plugin, "workers", None)
    if workers is not None:
        workers.stop()


def _explain(error: BaseException) -> str | None:
    """The message for a build that failed on its input; None for anything else."""
    from jinja2 import TemplateNotFound, TemplateSyntaxError
    from mkdocs.exceptions import MkDocsException

    if isinstance(error, MkDocsException):  # our PluginError, MkDocs' Abort and config errors
        return str(error).strip()
    if isinstance(error, TemplateNotFound):  # a theme file's include (pages are checked)
        return (
            f"a theme file names the template '{error.name}', which does not exist "
            "— correct the name, or add the template to the site's theme folder (custom_dir)"
        )
    if isinstance(error, TemplateSyntaxError):  # a mistake in overrides/
        return (
            f"{error.filename or error.name}:{error.lineno}: template: {error.message} "
            "— fix the Jinja syntax on that line"
        )
    return None
