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
import shutil
import signal
import sys
import tempfile
from pathlib import Path
from typing import Any

from clustersite.engine.build import BuildInterrupted, BuildRefused, build_into
from clustersite.messages import editor_language, say

__all__ = ["build_site", "main"]


def build_site(config_file: Path, site_dir: Path, strict: bool) -> int:
    """Build into a temporary folder and swap it in; return a process exit code."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.building-", dir=site_dir.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; a site is for everyone to read
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    # SIGTERM (a CI runner cancelling, `kill`) ends the build as Ctrl+C does: cleaned up, one line
    try:
        previous: Any = signal.signal(signal.SIGTERM, _interrupt)
    except ValueError:  # not the main thread (an embedding program): its own signals apply
        previous = None
    try:
        build_into(config_file, staging, strict)
    except BaseException as error:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(error, BuildInterrupted):
            lang = editor_language(None, error.language)
            print(say("build.interrupted", lang, site=site_dir.name), file=sys.stderr)
            return 130
        if not isinstance(error, BuildRefused):
            raise
        if str(error):
            print(f"Error: {error}", file=sys.stderr)
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
