"""Language workers: the languages other than the default built in forked processes.

static-i18n builds the languages one after another. With more than one core (``mkdocs build``
and every full build of ``mkdocs serve``), the default language's build forks one process per
other language once the site folder is ready (:meth:`LanguageWorkers.start`); each child runs
exactly the nested build static-i18n would run for its language, from the same loaded config
and model. The parent hides those languages from static-i18n's loop (:meth:`hand_over`),
builds the default language, and waits for the children (:meth:`wait`) before writing the
files that span languages. If the default language fails, :meth:`stop` ends the children.

Under ``mkdocs serve`` a child does not exit after its build: it keeps its language's build
in memory and waits for the next edit, which it applies to that build alone
(engine/incremental.py) while the parent applies it to the default language, so no language
waits for another and none starts from nothing (:meth:`begin_refresh`, :meth:`end_refresh`).
Any edit a child cannot apply, and any failure, ends in a full build with new children.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import signal
from collections.abc import Callable
from multiprocessing.connection import Connection, Pipe
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from clustersite.engine import i18n_adapter

__all__ = ["LanguageWorkers", "Refresh"]

log = get_plugin_logger(__name__)

# A child's answers: its build or refresh is done, it could not apply the edit (a full build
# is needed), or it failed (the message is in the log).
DONE, FULL, FAILED = "done", "full", "failed"

Refresh = Callable[[Any], bool]
"""A child's refresh of its language after an edit, given what the parent sent (the content
as the parent read it): True if applied, False if the edit needs a full build (raises for a
failure)."""


class LanguageWorkers:
    """The processes building other languages: language -> process id (and, when serving,
    the pipe to each)."""

    def __init__(self) -> None:
        self.pids: dict[str, int] = {}
        self.pipes: dict[str, Connection] = {}

    @staticmethod
    def possible() -> bool:
        """Forking helps only where it exists and there is more than one core."""
        return hasattr(os, "fork") and (os.cpu_count() or 1) >= 2

    @property
    def resident(self) -> bool:
        """Whether the children stay, each with its language's build (serving)."""
        return bool(self.pipes)

    def start(
        self, config: MkDocsConfig, languages: tuple[str, ...], refresh: Refresh | None = None
    ) -> None:
        """Fork one child per language; each builds that language and leaves, or, given
        ``refresh``, stays and applies each edit the parent sends it."""
        self.stop()
        for lang in languages:
            ends = Pipe() if refresh else None
            pid = os.fork()
            if pid == 0:  # the child: it keeps only its own end of its own pipe
                for pipe in self.pipes.values():
                    pipe.close()
                if ends is not None:
                    ends[0].close()
                self.pids, self.pipes = {}, {}
                os._exit(_child(config, lang, ends[1] if ends else None, refresh))
            self.pids[lang] = pid
            if ends is not None:
                ends[1].close()
                self.pipes[lang] = ends[0]

    def hand_over(self, config: MkDocsConfig, handed: bool) -> None:
        """Hide the workers' languages from static-i18n's own loop (``handed=False`` shows them)."""
        i18n_adapter.set_languages_built(config, set(self.pids), build=not handed)

    def wait(self) -> None:
        """Wait for every child's build; one clear error naming the languages that failed."""
        if self.resident:
            answers = self._answers()
            failed = [lang for lang, answer in answers.items() if answer != DONE]
        else:
            failed = []
            for lang, pid in self.pids.items():
                _, status = os.waitpid(pid, 0)
                if os.waitstatus_to_exitcode(status) != 0:
                    failed.append(lang)
            self.pids = {}
        if failed:
            self.stop()
            raise PluginError(f"the build of {', '.join(failed)} failed (see the messages above)")

    def begin_refresh(self, edit: Any) -> None:
        """Every child starts applying ``edit`` to its language (the parent works meanwhile)."""
        message = pickle.dumps(edit, protocol=pickle.HIGHEST_PROTOCOL)  # once for all
        for pipe in self.pipes.values():
            pipe.send_bytes(message)

    def end_refresh(self) -> bool:
        """True once every child has applied the edit; False if one could not (a full build
        must follow) or there are no resident children."""
        return self.resident and all(answer == DONE for answer in self._answers().values())

    def _answers(self) -> dict[str, str]:
        answers = {}
        for lang, pipe in self.pipes.items():
            try:
                answers[lang] = str(pipe.recv())
            except (EOFError, OSError):  # the child is gone
                answers[lang] = FAILED
        return answers

    def stop(self) -> None:
        """End every child (the default language's build failed, or a new build starts)."""
        for pipe in self.pipes.values():
            with contextlib.suppress(OSError):
                pipe.close()
        for pid in self.pids.values():
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGTERM)
                os.waitpid(pid, 0)
        self.pids, self.pipes = {}, {}


def _child(
    config: MkDocsConfig, lang: str, pipe: Connection | None, refresh: Refresh | None
) -> int:
    """In a forked child: build one language as static-i18n's nested build does, then, when
    serving, answer and apply edits until the parent closes the pipe; the exit code. Nothing
    escapes: the child must never return into the parent's stack."""
    try:
        code = _build_language(config, lang)
        if pipe is None or refresh is None:
            return code
        pipe.send(DONE if code == 0 else FAILED)
        while code == 0:
            try:
                edit = pickle.loads(pipe.recv_bytes())
            except (EOFError, OSError):  # the parent has closed the pipe: leave
                return 0
            pipe.send(_refresh_language(refresh, edit, lang))
        return code
    except BaseException:  # Ctrl+C in the terminal reaches every process of the preview
        return 1
    finally:
        logging.shutdown()


def _build_language(config: MkDocsConfig, lang: str) -> int:
    from mkdocs import utils
    from mkdocs.commands.build import build

    try:
        utils.clean_directory = lambda directory: None  # the parent has cleaned the site folder
        i18n_adapter.enter_language_build(config, lang)
        build(config)
    except BaseException as error:  # report, never let a child return into the parent's stack
        log.error(f"building '{lang}' failed: {error}")
        return 1
    return 0


def _refresh_language(refresh: Refresh, edit: Any, lang: str) -> str:
    try:
        return DONE if refresh(edit) else FULL
    except Exception as error:  # the parent makes a full build, which reports it properly
        log.info(f"the preview of '{lang}' is built again in full ({error})")
        return FAILED
