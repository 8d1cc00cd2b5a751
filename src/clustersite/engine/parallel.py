"""Language workers: the languages other than the default built in forked processes.

static-i18n builds the languages one after another. With more than one core (``mkdocs build``
and every build of ``mkdocs serve``), the default language's build forks one process per other
language once the site folder is ready (:meth:`LanguageWorkers.start`); each child runs exactly the nested build
static-i18n would run for its language, from the same loaded config and model, then exits.
The parent hides those languages from static-i18n's loop (:meth:`hand_over`), builds the
default language, and waits for the children (:meth:`wait`) before writing the files that
span languages. If the default language fails, :meth:`stop` ends the children.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from clustersite.engine import i18n_adapter

__all__ = ["LanguageWorkers"]

log = get_plugin_logger(__name__)


class LanguageWorkers:
    """The processes building other languages: language -> process id."""

    def __init__(self) -> None:
        self.pids: dict[str, int] = {}

    @staticmethod
    def possible() -> bool:
        """Forking helps only where it exists and there is more than one core."""
        return hasattr(os, "fork") and (os.cpu_count() or 1) >= 2

    def start(self, config: MkDocsConfig, languages: tuple[str, ...]) -> None:
        """Fork one child per language; each builds that language and leaves."""
        self.pids = {}
        for lang in languages:
            pid = os.fork()
            if pid == 0:  # the child
                os._exit(_build_language(config, lang))
            self.pids[lang] = pid

    def hand_over(self, config: MkDocsConfig, handed: bool) -> None:
        """Hide the workers' languages from static-i18n's own loop (``handed=False`` shows them)."""
        i18n_adapter.set_languages_built(config, set(self.pids), build=not handed)

    def wait(self) -> None:
        """Wait for every child; one clear error naming the languages that failed."""
        failed = []
        for lang, pid in self.pids.items():
            _, status = os.waitpid(pid, 0)
            if os.waitstatus_to_exitcode(status) != 0:
                failed.append(lang)
        self.pids = {}
        if failed:
            raise PluginError(f"the build of {', '.join(failed)} failed (see the messages above)")

    def stop(self) -> None:
        """End every child (the default language's build failed)."""
        for pid in self.pids.values():
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGTERM)
                os.waitpid(pid, 0)
        self.pids = {}


def _build_language(config: MkDocsConfig, lang: str) -> int:
    """In a forked child: build one language as static-i18n's nested build does; exit code."""
    from mkdocs import utils
    from mkdocs.commands.build import build

    try:
        utils.clean_directory = lambda directory: None  # the parent has cleaned the site folder
        i18n_adapter.enter_language_build(config, lang)
        build(config)
    except BaseException as error:  # report, never let a child return into the parent's stack
        log.error(f"building '{lang}' failed: {error}")
        return 1
    finally:
        logging.shutdown()
    return 0
