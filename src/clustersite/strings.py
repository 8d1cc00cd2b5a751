"""User-interface strings, one YAML file per language in ``clustersite/locales/``.

Templates call ``t("key", name=value)``. A missing key falls back to English and then to
the key itself, so a half-translated locale never breaks a build (a test keeps the three
files in step).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

__all__ = ["LOCALES_DIR", "Translator", "load_strings"]

LOCALES_DIR = Path(__file__).parent / "locales"
FALLBACK = "en"


@cache
def load_strings(lang: str) -> dict[str, str]:
    path = LOCALES_DIR / f"{lang}.yml"
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8") as stream:
        return {str(k): str(v) for k, v in (yaml.safe_load(stream) or {}).items()}


class Translator:
    """``t("eu_rate", rate="85%")`` in one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.strings = load_strings(lang)
        self.fallback = load_strings(FALLBACK)

    def __call__(self, key: str, **values: Any) -> str:
        text = self.strings.get(key) or self.fallback.get(key) or key
        return text.format(**values) if values else text
