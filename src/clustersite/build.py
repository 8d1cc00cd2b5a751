"""Build the site without ever leaving a broken ``site/`` behind.

MkDocs cleans ``site_dir`` and then writes into it, so a failed build would leave a half
site. Here the build goes into a fresh folder beside it, and only a successful build
replaces ``site/`` (by two renames; the old tree is removed last). Errors in the content
come out as one clear message and exit code 1, never a traceback.

Usage: ``python -m clustersite.build [--strict] [--site-dir site] [--config-file mkdocs.yml]``
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import signal
import sys
import tempfile
from pathlib import Path
from typing import Any

from clustersite.messages import editor_language, say

__all__ = ["build_site", "main"]


def build_site(config_file: Path, site_dir: Path, strict: bool) -> int:
    """Build into a temporary folder and swap it in; return a process exit code."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.building-", dir=site_dir.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; a site is for everyone to read
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    config = None
    # SIGTERM (a CI runner cancelling, `kill`) ends the build as Ctrl+C does: cleaned up, one line
    try:
        previous: Any = signal.signal(signal.SIGTERM, _interrupt)
    except ValueError:  # not the main thread (an embedding program): its own signals apply
        previous = None
    try:
        config = load_config(str(config_file), site_dir=str(staging), strict=strict)
        build(config)
    except BaseException as error:
        _stop_language_workers(config)
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(error, KeyboardInterrupt):
            lang = editor_language(None, _site_language(config))
            print(say("build.interrupted", lang, site=site_dir.name), file=sys.stderr)
            return 130
        message = _explain(error)
        if message is None:
            raise  # not a problem of the input: a bug, shown as such
        if message:
            print(f"Error: {message}", file=sys.stderr)
        print(f"The build failed; {site_dir.name}/ was left as it was.", file=sys.stderr)
        return 1
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    old = site_dir.with_name(f".{site_dir.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
    return 0


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m clustersite.build", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "--strict", action="store_true", help="treat warnings as errors (as CI does)"
    )
    parser.add_argument(
        "--site-dir", type=Path, default=Path("site"), help="where the site goes (default: site)"
    )
    parser.add_argument(
        "--config-file", type=Path, default=Path("mkdocs.yml"), help="default: mkdocs.yml"
    )
    args = parser.parse_args(argv)
    return build_site(args.config_file, args.site_dir, args.strict)


if __name__ == "__main__":
    sys.exit(main())
