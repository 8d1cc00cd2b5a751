"""The EU funding statement, measured in Chromium on every project page of the default site.

Regulation 821/2014 Art. 4(3)(a) asks that the emblem and the reference to the Union be
visible on arrival, inside the viewing area, without scrolling; Regulation 2021/1060 Annex IX
asks for the same prominence on the website and its mobile version. For every project page ×
language × a desktop (1280×720) and a phone (390×844) screen, the emblem's and the
statement's bounding boxes must lie inside the first screen, the statement must be the
regime's own wording in the page's language (read here from the rule pack's YAML, not through
clustersite), upright and not underlined, and no logo may be larger than the emblem.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import yaml
from playwright.sync_api import Browser

if TYPE_CHECKING:
    from conftest import ServedSite

pytestmark = pytest.mark.browser

RULES = Path(__file__).resolve().parents[2] / "src" / "clustersite" / "rules"
SCREENS = {"desktop": (1280, 720), "phone": (390, 844)}


def pack_text(regime: str, name: str, lang: str) -> str | None:
    """A text of a rule pack as its YAML file writes it (following `extends`)."""
    data: dict[str, Any] = yaml.safe_load((RULES / f"{regime}.yml").read_text(encoding="utf-8"))
    text = (data.get("texts") or {}).get(name)
    if text is not None:
        return " ".join(str(text[lang]).split())
    return pack_text(data["extends"], name, lang) if data.get("extends") else None


def pack_rule(regime: str, name: str) -> Any:
    data: dict[str, Any] = yaml.safe_load((RULES / f"{regime}.yml").read_text(encoding="utf-8"))
    rule = (data.get("rules") or {}).get(name)
    if rule is not None:
        return rule["value"]
    return pack_rule(data["extends"], name) if data.get("extends") else None


def projects(site: ServedSite) -> list[dict[str, Any]]:
    return json.loads((site.root / "projects.json").read_text(encoding="utf-8"))["projects"]


@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_emblem_and_statement_are_on_the_first_screen(
    site: ServedSite, browser: Browser, test_output: Path, lang: str, screen: str
) -> None:
    width, height = SCREENS[screen]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    problems = []
    shots = test_output / "screenshots"
    shots.mkdir(exist_ok=True)
    try:
        listed = projects(site)
        assert listed, "the default site has projects"
        for project in listed:
            slug, regime = project["slug"], project["regime"]
            url = site.url(lang, f"projects/{slug}/")
            page.goto(url, wait_until="networkidle")
            page.screenshot(path=shots / f"eu-{lang}-{slug}-{screen}.png")
            assert page.evaluate("window.scrollY") == 0
            emblem = page.locator(".cs-eu .cs-eu-emblem").first
            statement = page.locator(".cs-eu .cs-eu__statement").first
            boxes = {"emblem": emblem.bounding_box(), "statement": statement.bounding_box()}
            for name, box in boxes.items():
                if box is None or not (
                    box["x"] >= 0
                    and box["y"] >= 0
                    and box["x"] + box["width"] <= width
                    and box["y"] + box["height"] <= height
                    and box["width"] > 0
                    and box["height"] > 0
                ):
                    problems.append(f"{url} at {width}×{height}: the {name} is at {box}")
            expected = pack_text(regime, "statement", lang)
            assert expected is not None
            if project["operation"]["eu_contribution"] and project["operation"]["total_cost"]:
                full = (
                    project["operation"]["eu_contribution"]["amount"]
                    == project["operation"]["total_cost"]["amount"]
                )
                if full and pack_text(regime, "statement_full_funding", lang):
                    expected = pack_text(regime, "statement_full_funding", lang)
            if "{number}" in (expected or ""):
                expected = (expected or "").replace("{number}", project["number"] or "")
            shown = " ".join(statement.inner_text().split())
            if shown != expected:
                problems.append(f"{url}: the statement is {shown!r}, the regime says {expected!r}")
            style = statement.evaluate(
                "e => [getComputedStyle(e).fontStyle, getComputedStyle(e).textDecorationLine]"
            )
            if style != ["normal", "none"]:
                problems.append(f"{url}: the statement is styled {style}")
            if pack_rule(regime, "fund_named"):
                fund = pack_text(regime, f"fund_{project['fund']}", lang)
                fund_box = page.locator(".cs-eu .cs-eu__fund").first.bounding_box()
                shown_fund = " ".join(
                    page.locator(".cs-eu .cs-eu__fund").first.inner_text().split()
                )
                if shown_fund != fund or fund_box is None:
                    problems.append(
                        f"{url}: the fund next to the emblem is {shown_fund!r}, not {fund!r}"
                    )
            emblem_box = boxes["emblem"]
            for logo in page.locator(".cs-logos img, .cs-eu__mark").all():
                box = logo.bounding_box()
                if (
                    emblem_box
                    and box
                    and (
                        box["width"] > emblem_box["width"] + 0.5
                        or box["height"] > emblem_box["height"] + 0.5
                    )
                ):
                    problems.append(
                        f"{url}: a logo ({box}) is larger than the emblem ({emblem_box})"
                    )
    finally:
        context.close()
    assert not problems, "\n".join(problems)
