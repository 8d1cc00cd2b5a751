"""The editor's terminal: every message from the message files, in the editor's language."""

from __future__ import annotations

import os
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest

from clustersite.errors import Problem
from clustersite.messages import catalog, editor_language, message_languages, say
from support import SiteFactory, post_text

LANGUAGES = ("en", "lv", "it")


def _fields(text: str) -> set[str]:
    text = re.sub(r"\[\[(\w+)\|[^\]]*\]\]", r"{\1}", text)  # a plural block names its count
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_language_has_every_message_with_the_same_parameters() -> None:
    assert set(LANGUAGES) <= set(message_languages())
    english = catalog("en")
    for lang in ("lv", "it"):
        other = catalog(lang)
        assert set(other) == set(english), (lang, set(english) ^ set(other))
        for key, text in english.items():
            assert _fields(other[key]) == _fields(text), (lang, key)
            assert other[key] != text or key.startswith("kind."), (lang, key)  # translated


def test_every_message_fills_in_every_language() -> None:
    for lang in LANGUAGES:
        for key, text in catalog(lang).items():
            values = {name: 7 for name in _fields(text)}
            filled = say(key, lang, **values)
            assert "{" not in filled.replace("{{", "") or "`" in filled, (lang, key, filled)
            assert "[[" not in filled, (lang, key)


@pytest.mark.parametrize(
    ("count", "errors", "warnings"),
    [
        (0, "0 kļūdu", "0 brīdinājumu"),
        (1, "1 kļūda", "1 brīdinājums"),
        (2, "2 kļūdas", "2 brīdinājumi"),
        (5, "5 kļūdas", "5 brīdinājumi"),
        (11, "11 kļūdu", "11 brīdinājumu"),
        (21, "21 kļūda", "21 brīdinājums"),
    ],
)
def test_latvian_counts_follow_cldr(count: int, errors: str, warnings: str) -> None:
    assert say("check.summary.errors", "lv", errors=count, warnings=count).startswith(
        f"{errors} un {warnings}: "
    )


@pytest.mark.parametrize(
    ("count", "expected"), [(1, "1 errore e 1 avviso"), (2, "2 errori e 2 avvisi")]
)
def test_italian_counts_follow_cldr(count: int, expected: str) -> None:
    assert say("check.summary.errors", "it", errors=count, warnings=count).startswith(expected)


def test_a_problem_is_phrased_again_in_another_language() -> None:
    problem = Problem.of(
        "data/projects/x.yml",
        "fund",
        "project.fund_unknown",
        line=5,
        value="EFRR",
        funds="ERDF, ESF",
    )
    assert str(problem) == (
        "data/projects/x.yml:5: fund: 'EFRR' is not a known fund — use one of ERDF, ESF"
    )
    assert str(problem.in_language("lv")) == (
        "data/projects/x.yml:5: fund: 'EFRR' nav zināms fonds — izmantojiet kādu no šiem: ERDF, ESF"
    )
    latvian = problem.in_language("lv")
    assert (latvian.path, latvian.line, latvian.field, latvian.severity, latvian.key) == (
        problem.path,
        problem.line,
        problem.field,
        problem.severity,
        problem.key,
    )


def test_the_editor_language_comes_from_the_option_the_site_or_the_terminal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("CLUSTERSITE_LANG")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "it_IT.UTF-8")
    assert editor_language("en", "lv") == "en"  # --lang first
    assert editor_language(None, "lv") == "lv"  # then the site's default language
    assert editor_language(None, None) == "it"  # then the terminal's
    assert editor_language(None, "de") == "it"  # a site language without messages is skipped
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert editor_language(None, None) == "en"  # English is the fallback
    monkeypatch.setenv("CLUSTERSITE_LANG", "lv")
    assert editor_language(None, "it") == "lv"


def _run_check(root: Path, env_lang: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CLUSTERSITE_LANG", "LC_ALL")}
    env["LANG"] = env_lang
    return subprocess.run(
        [sys.executable, "-m", "clustersite.cli", "check", "--root", str(root), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_check_in_a_latvian_terminal_speaks_latvian(make_site: type[SiteFactory]) -> None:
    site = make_site()
    site.write("content/lv/news/2020/x.md", post_text("Ziņa", "2020-06-31"))
    result = _run_check(site.root, "lv_LV.UTF-8")
    assert result.returncode == 1
    assert (
        "content/lv/news/2020/x.md:3: date: kalendārā nav tādas dienas kā '2020-06-31' — "
        "pārbaudiet mēnesi un dienu" in result.stdout
    )
    assert "1 kļūda un 0 brīdinājumu" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    english = _run_check(site.root, "lv_LV.UTF-8", "--lang", "en")
    assert "'2020-06-31' is not a day of the calendar" in english.stdout


def test_without_a_site_the_terminal_language_is_used(tmp_path: Path) -> None:
    result = _run_check(tmp_path, "it_IT.UTF-8")
    assert result.returncode == 1
    assert "non c'è un mkdocs.yml" in result.stdout + result.stderr
