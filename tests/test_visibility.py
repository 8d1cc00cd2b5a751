"""EU visibility: the rule packs, how a project's regime is chosen, and what its pages show.

The expected wording in the tables below is copied from the official texts (or, where the
pack says its wording is ours, from the pack's translation as reviewed), never computed.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort, PluginError

from clustersite.errors import ContentError
from clustersite.messages import say
from clustersite.visibility import (
    EMBLEM_HEIGHT,
    EMBLEM_WIDTH,
    PACK_LANGUAGES,
    RULE_TYPES,
    RULES_DIR,
    acknowledgement,
    image_size,
    load_regimes,
    project_country,
    resolve_regime,
)
from support import REPO, SiteFactory

REGIMES = load_regimes()
D = dt.date

# -- the phrase tables: regime × language -> the statement next to the emblem ------------------
STATEMENTS = [
    ("cohesion-2014-2020", "lv", "Eiropas Savienība"),
    ("cohesion-2014-2020", "en", "European Union"),
    ("cohesion-2014-2020", "it", "Unione europea"),
    ("cohesion-2014-2020-lv", "lv", "Eiropas Savienība"),
    ("cohesion-2021-2027", "lv", "Līdzfinansē Eiropas Savienība"),
    ("cohesion-2021-2027", "en", "Co-funded by the European Union"),
    ("cohesion-2021-2027", "it", "Cofinanziato dall'Unione europea"),
    ("cosme-2014-2020", "en", "Co-funded by the COSME programme of the European Union"),
    ("cosme-2014-2020", "lv", "Līdzfinansē Eiropas Savienības programma COSME"),
    ("cosme-2014-2020", "it", "Cofinanziato dal programma COSME dell'Unione europea"),
    (
        "horizon-2020",
        "en",
        "This project has received funding from the European Union's Horizon 2020 research and "
        "innovation programme under grant agreement No 123456",
    ),
    ("horizon-europe", "en", "Funded by the European Union"),
    ("horizon-europe", "it", "Finanziato dall'Unione europea"),
    ("erasmus-plus-2021-2027", "lv", "Finansē Eiropas Savienība"),
    ("interreg-2021-2027", "en", "Co-funded by the European Union"),
    ("eafrd-2014-2022", "en", "European Union"),
]


@pytest.mark.parametrize(("regime", "lang", "expected"), STATEMENTS)
def test_statement_of_each_regime_in_each_language(regime: str, lang: str, expected: str) -> None:
    shown = acknowledgement(REGIMES[regime], lang, "ERDF", "123456", full_funding=False)
    assert shown.statement == expected and shown.statement_lang == lang


FUNDS_NEXT_TO_EMBLEM = [
    ("cohesion-2014-2020", "ERDF", "lv", "Eiropas Reģionālās attīstības fonds"),
    ("cohesion-2014-2020", "ESF", "it", "Fondo sociale europeo"),
    ("cohesion-2014-2020-lv", "CF", "en", "Cohesion Fund"),
    ("interreg-2014-2020", "ERDF", "en", "European Regional Development Fund"),
    (
        "eafrd-2014-2022",
        "EAFRD",
        "en",
        "European Agricultural Fund for Rural Development: Europe investing in rural areas",
    ),
    ("cohesion-2021-2027", "ERDF", "en", None),  # 2021–2027 names the Union, not the fund
    ("cosme-2014-2020", "COSME", "en", None),
    ("horizon-europe", "HORIZON", "lv", None),
]


@pytest.mark.parametrize(("regime", "fund", "lang", "expected"), FUNDS_NEXT_TO_EMBLEM)
def test_fund_next_to_the_emblem(regime: str, fund: str, lang: str, expected: str | None) -> None:
    assert acknowledgement(REGIMES[regime], lang, fund, None, False).fund == expected


DISCLAIMERS = [
    (
        "cosme-2014-2020",
        "en",
        "The content of this website represents the views of the author only",
    ),
    ("cosme-2014-2020", "lv", "Šīs tīmekļvietnes saturs atspoguļo tikai autora viedokli"),
    ("cosme-2014-2020", "it", "Il contenuto di questo sito rappresenta esclusivamente"),
    ("horizon-2020", "en", "This content reflects only the author's view"),
    (
        "horizon-europe",
        "en",
        "Views and opinions expressed are however those of the author(s) only",
    ),
    (
        "erasmus-plus-2021-2027",
        "en",
        "Neither the European Union nor EACEA can be held responsible for them.",
    ),
    ("cohesion-2014-2020", "en", None),
    ("cohesion-2021-2027", "lv", None),
]


@pytest.mark.parametrize(("regime", "lang", "expected"), DISCLAIMERS)
def test_disclaimer_where_the_regime_asks(regime: str, lang: str, expected: str | None) -> None:
    disclaimer = acknowledgement(REGIMES[regime], lang, "ERDF", None, False).disclaimer
    assert (disclaimer is None) if expected is None else (expected in (disclaimer or ""))


def test_full_funding_says_funded_not_co_funded() -> None:
    regime = REGIMES["cohesion-2021-2027"]
    assert (
        acknowledgement(regime, "lv", "ERDF", None, True).statement == "Finansē Eiropas Savienība"
    )
    assert acknowledgement(regime, "it", "ERDF", None, False).statement.startswith("Cofinanziato")


def test_a_language_without_a_wording_falls_back_to_english_and_says_so() -> None:
    shown = acknowledgement(REGIMES["cohesion-2021-2027"], "de", "ERDF", None, False)
    assert (shown.statement, shown.statement_lang) == ("Co-funded by the European Union", "en")


# -- the rule tables: regime × rule -> value ----------------------------------------------------
RULES = [
    ("cohesion-2014-2020", "first_screen", True),
    ("cohesion-2014-2020", "fund_named", True),
    ("cohesion-2014-2020", "emblem_not_smaller_than_logos", True),
    ("cohesion-2014-2020", "review_months", None),
    ("cohesion-2014-2020", "national_logos", []),
    ("cohesion-2014-2020-lv", "review_months", 6),
    ("cohesion-2014-2020-lv", "national_logos", ["lv-nap2020"]),
    ("cohesion-2014-2020-lv", "fund_named", True),  # inherited from cohesion-2014-2020
    ("cohesion-2021-2027", "first_screen", True),
    ("cohesion-2021-2027", "fund_named", False),
    ("cohesion-2021-2027", "emblem_not_smaller_than_logos", True),
    ("cosme-2014-2020", "first_screen", True),
    ("cosme-2014-2020", "fund_named", False),
    ("horizon-2020", "needs_number", True),
    ("horizon-europe", "needs_number", False),
    ("interreg-2014-2020", "programme_logo", True),
    ("interreg-2021-2027", "programme_logo", True),
    ("interreg-2021-2027", "fund_named", False),
    ("eafrd-2014-2022", "fund_named", True),
]


@pytest.mark.parametrize(("regime", "rule", "value"), RULES)
def test_rule_of_each_regime(regime: str, rule: str, value: object) -> None:
    assert REGIMES[regime].rules[rule] == value


@pytest.mark.parametrize("regime", sorted(REGIMES))
def test_every_rule_and_text_names_its_source(regime: str) -> None:
    pack = REGIMES[regime]
    assert set(pack.rule_sources) >= {"first_screen", "fund_named", "review_months"} or (
        pack.id in {"interreg-2014-2020", "interreg-2021-2027", "cohesion-2014-2020-lv"}
    )
    for source in [*pack.rule_sources.values(), *(t.source for t in pack.texts.values())]:
        assert source.act and source.clause
    for name, text in pack.texts.items():
        assert set(text.values) >= set(PACK_LANGUAGES), name
        if set(text.official) != set(PACK_LANGUAGES):
            assert text.note, f"{regime}: {name} does not say which wording is not official"


def test_unconfirmed_sources_say_so_in_the_pack() -> None:
    unconfirmed = {
        pack.id
        for pack in REGIMES.values()
        for source in [*pack.rule_sources.values(), *(t.source for t in pack.texts.values())]
        if not source.confirmed
    }
    assert {"cosme-2014-2020", "cohesion-2014-2020-lv"} <= unconfirmed
    for pack_id in unconfirmed:
        sources = [*REGIMES[pack_id].rule_sources.values()]
        assert any(s.note for s in sources if not s.confirmed)


def test_every_rule_a_pack_may_set_is_known_to_the_loader() -> None:
    for pack in REGIMES.values():
        assert set(pack.rules) == set(RULE_TYPES)


# -- choosing a regime ------------------------------------------------------------------------
RESOLUTION = [
    # fund, start, cci, location, explicit -> regime (None: cannot be decided)
    ("ERDF", D(2016, 7, 1), None, None, None, "cohesion-2014-2020"),
    ("ERDF", D(2016, 7, 1), "2014LV16MAOP001", None, None, "cohesion-2014-2020-lv"),
    ("ESF", D(2019, 1, 1), None, "LV006", None, "cohesion-2014-2020-lv"),
    ("ERDF", D(2019, 1, 1), None, "ITC4", None, "cohesion-2014-2020"),
    ("ERDF", D(2023, 3, 1), "2021LV16FFPR001", None, None, "cohesion-2021-2027"),
    ("COSME", D(2020, 9, 1), None, None, None, "cosme-2014-2020"),
    ("HORIZON", D(2019, 5, 1), None, None, None, "horizon-2020"),
    ("HORIZON", D(2022, 5, 1), None, None, None, "horizon-europe"),
    ("HORIZON", D(2022, 5, 1), None, None, "horizon-2020", "horizon-2020"),
    ("INTERREG", D(2018, 1, 1), None, None, None, "interreg-2014-2020"),
    ("OTHER", D(2023, 1, 1), None, None, None, None),
    ("OTHER", D(2023, 1, 1), None, None, "erasmus-plus-2021-2027", "erasmus-plus-2021-2027"),
    ("ERDF", D(2010, 1, 1), None, None, None, None),  # before any pack's period
    ("ERDF", D(2016, 1, 1), None, None, "no-such-regime", None),
]


@pytest.mark.parametrize(("fund", "start", "cci", "location", "explicit", "expected"), RESOLUTION)
def test_regime_from_fund_period_and_country(
    fund: str,
    start: dt.date,
    cci: str | None,
    location: str | None,
    explicit: str | None,
    expected: str | None,
) -> None:
    regime, why = resolve_regime(REGIMES, fund, start, explicit, project_country(cci, location))
    assert (regime.id if regime else None) == expected
    assert (why is None) == (expected is not None)


# -- a new regime is a new file ---------------------------------------------------------------
NEW_PACK = """\
id: single-market-2021-2027
name: {lv: Vienotā tirgus programma, en: Single Market Programme, it: Programma per il mercato unico}
applies: {funds: [OTHER], start_from: 2021-01-01, start_to: 2027-12-31}
sources:
  mga: {act: EU Model Grant Agreement, title: Article 17}
rules:
  fund_named: {value: false, source: {ref: mga, clause: "Article 17.2"}}
texts:
  statement:
    source: {ref: mga, clause: "Article 17.2"}
    official: [en]
    note: lv and it are the Commission's emblem downloads.
    lv: Finansē Eiropas Savienība
    en: Funded by the European Union
    it: Finanziato dall'Unione europea
"""


def test_a_new_regime_is_a_new_file(tmp_path: Path) -> None:
    (tmp_path / "single-market-2021-2027.yml").write_text(NEW_PACK, encoding="utf-8")
    regimes = load_regimes(RULES_DIR, tmp_path)
    regime, _why = resolve_regime(regimes, "OTHER", D(2024, 2, 1))
    assert regime is not None and regime.id == "single-market-2021-2027"
    assert acknowledgement(regime, "it", "OTHER", None, False).statement == (
        "Finanziato dall'Unione europea"
    )


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda t: t.replace("id: single-market-2021-2027", "id: other"), "id"),
        (lambda t: t.replace("    it: Finanziato dall'Unione europea\n", ""), "texts.statement"),
        (
            lambda t: t.replace("ref: mga, clause", "ref: nowhere, clause", 1),
            "rules.fund_named.source.ref",
        ),
        (
            lambda t: t.replace("    note: lv and it are the Commission's emblem downloads.\n", ""),
            "texts.statement.note",
        ),
        (
            lambda t: t.replace("fund_named: {value: false", "fund_named: {value: 3"),
            "rules.fund_named",
        ),
        (lambda t: t + "extends: nowhere\n", "extends"),
    ],
)
def test_a_broken_pack_names_its_file_and_field(
    tmp_path: Path, change: Callable[[str], str], field: str
) -> None:
    (tmp_path / "single-market-2021-2027.yml").write_text(change(NEW_PACK), encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_regimes(tmp_path)
    assert [p.field for p in raised.value.problems] == [field]
    assert raised.value.problems[0].path.endswith("single-market-2021-2027.yml")


# -- the emblem -------------------------------------------------------------------------------
def test_the_emblem_has_the_official_geometry() -> None:
    """12 five-pointed stars, one point up, on a circle of radius 1/3 of the height, each
    star's outer radius 1/18 of the height, on a 3:2 rectangle (the EU's graphic standards,
    Regulation 821/2014 Annex II)."""
    svg = (REPO / "src/clustersite/theme/clustersite/eu-emblem.svg.html").read_text()
    width, height = (float(v) for v in re.search(r'viewBox="0 0 (\S+) (\S+)"', svg).groups())
    assert width / height == 1.5
    assert re.search(r'<rect width="810" height="540" fill="#039"/>', svg)
    stars = re.findall(r"M([^Z]+)Z", svg)
    assert len(stars) == 12
    centre_x, centre_y = width / 2, height / 2
    for star in stars:
        points = [tuple(map(float, p.strip("ML ").split(","))) for p in star.split(" L")]
        assert len(points) == 10
        cx = sum(x for x, _ in points[0::2]) / 5
        cy = sum(y for _, y in points[0::2]) / 5
        assert abs(((cx - centre_x) ** 2 + (cy - centre_y) ** 2) ** 0.5 - height / 3) < 0.05
        for x, y in points[0::2]:  # the outer points
            assert abs(((x - cx) ** 2 + (y - cy) ** 2) ** 0.5 - height / 18) < 0.05
        top = min(points[0::2], key=lambda p: p[1])
        assert abs(top[0] - cx) < 0.01  # one point straight up
    assert (EMBLEM_WIDTH, EMBLEM_HEIGHT) == (90, 60)  # drawn at 3:2 too
    assert 'width="90" height="60"' in svg


def png(width: int, height: int) -> bytes:
    """A valid grey PNG of that size, written by hand (no imaging library needed)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    pixels = zlib.compress((b"\x00" + b"\x80" * width) * height)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def test_image_size_of_svg_and_png(tmp_path: Path) -> None:
    (tmp_path / "a.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 100"/>'
    )
    (tmp_path / "b.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="40px" height="20"/>'
    )
    (tmp_path / "c.png").write_bytes(png(120, 30))
    assert [image_size(tmp_path / n) for n in ("a.svg", "b.svg", "c.png")] == [
        (300, 100),
        (40, 20),
        (120, 30),
    ]


# -- the default site and small sites ---------------------------------------------------------
def write_logo(site: SiteFactory, name: str, width: int, height: int) -> None:
    site.write(
        f"data/projects/logos/{name}",
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}">'
        f'<rect width="{width}" height="{height}" fill="#888"/></svg>',
    )


def test_a_logo_larger_than_the_emblem_fails_the_build_naming_the_file(
    make_site: Callable[..., SiteFactory], caplog: pytest.LogCaptureFixture
) -> None:
    site = make_site()
    write_logo(site, "big.svg", 200, 50)
    text = (site.root / "data/projects/neeghw.yml").read_text()
    site.write(
        "data/projects/neeghw.yml",
        text + "logos:\n  - {file: logos/big.svg, alt: {lv: Partneris}}\n",
    )
    with pytest.raises((PluginError, Abort)):
        site.build()
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert len(errors) == 1
    message = errors[0]
    assert "data/projects/neeghw.yml" in message and "logos.0.file" in message
    assert "logos/big.svg" in message and "200×50" in message


def test_a_logo_within_the_emblem_is_shown_at_its_size(
    make_site: Callable[..., SiteFactory],
) -> None:
    site = make_site()
    write_logo(site, "wide.svg", 300, 100)
    text = (site.root / "data/projects/neeghw.yml").read_text()
    site.write(
        "data/projects/neeghw.yml",
        text + "logos:\n  - {file: logos/wide.svg, height: 30, url: https://example.org/,"
        " alt: {lv: Partnera logotips, en: Partner's logo}}\n",
    )
    site.build()
    html = site.html("en/projects/neeghw/index.html")
    assert re.search(
        r'<a href="https://example.org/" rel="noopener"><img src="../../../assets/projects/logos/wide.svg" '
        r'alt="Partner&#39;s logo" width="90" height="30"></a>',
        html,
    )
    assert (site.root / "site/assets/projects/logos/wide.svg").is_file()


def test_check_names_a_project_whose_regime_cannot_be_decided(
    make_site: Callable[..., SiteFactory],
) -> None:
    from clustersite.model import load_site
    from clustersite.settings import SiteSettings

    site = make_site()
    site.write("data/projects/x.yml", "title: {lv: X}\nfund: OTHER\nstart: 2019-01-01\nmonths: 3\n")
    problems = load_site(SiteSettings.from_mkdocs_yml(site.root)).errors
    assert [(p.path, p.field) for p in problems] == [("data/projects/x.yml", "regime")]
    assert "cannot be decided" in problems[0].message and "regime:" in problems[0].fix


def ongoing_lv_project(reviewed: str | None) -> str:
    return (
        "title: {lv: Klasteris}\nfund: ERDF\ncci: 2014LV16MAOP001\nstart: 2020-01-01\n"
        "end: 2023-12-31\n" + (f"reviewed: {reviewed}\n" if reviewed else "")
    )


@pytest.mark.parametrize(
    ("reviewed", "warned"),
    [(None, True), ("2022-05-31", True), ("2022-06-02", False), ("2022-11-30", False)],
)
def test_six_month_rule(
    make_site: Callable[..., SiteFactory],
    monkeypatch: pytest.MonkeyPatch,
    reviewed: str | None,
    warned: bool,
) -> None:
    from clustersite.model import load_site
    from clustersite.settings import SiteSettings

    monkeypatch.setenv(
        "SOURCE_DATE_EPOCH", str(int(dt.datetime(2022, 12, 1, tzinfo=dt.UTC).timestamp()))
    )
    site = make_site()
    site.write("data/projects/x.yml", ongoing_lv_project(reviewed))
    warnings = load_site(SiteSettings.from_mkdocs_yml(site.root)).warnings
    found = [p for p in warnings if p.path == "data/projects/x.yml" and p.field == "reviewed"]
    assert bool(found) == warned
    if found:
        assert "6 months" in found[0].message and "reviewed: 2022-12-01" in found[0].fix


def test_no_six_month_rule_for_a_regime_without_it(
    make_site: Callable[..., SiteFactory], monkeypatch: pytest.MonkeyPatch
) -> None:
    from clustersite.model import load_site
    from clustersite.settings import SiteSettings

    monkeypatch.setenv(
        "SOURCE_DATE_EPOCH", str(int(dt.datetime(2022, 12, 1, tzinfo=dt.UTC).timestamp()))
    )
    site = make_site()
    site.write(
        "data/projects/x.yml", ongoing_lv_project(None).replace("cci: 2014LV16MAOP001\n", "")
    )
    assert load_site(SiteSettings.from_mkdocs_yml(site.root)).warnings == []


def check_output(root: Path) -> str:
    """What `clustersite check` prints for the site in ``root``."""
    import contextlib
    import io

    from clustersite.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["--root", str(root), "check"])
    return out.getvalue()


def test_check_warns_when_the_site_lacks_a_national_mark(tmp_path: Path) -> None:
    site = SiteFactory(tmp_path / "s")
    site.write("data/projects/x.yml", ongoing_lv_project("2099-01-01"))
    printed = check_output(site.root)
    assert "lv-nap2020" in printed and "assets/eu/lv-nap2020.svg" in printed
    assert "custom_dir: overrides" in printed  # the site has no theme folder yet: say so
    # the strict build does not stop for it, and the summary does not claim it would
    assert say("check.summary.site_files", "en", errors=0, warnings=1) in printed
    assert say("check.summary.warnings", "en", errors=0, warnings=1) not in printed
    site.build()
    site.write(
        "overrides/assets/eu/lv-nap2020.svg",
        '<svg xmlns="http://www.w3.org/2000/svg" width="180" height="60"/>',
    )
    text = (
        (site.root / "mkdocs.yml")
        .read_text()
        .replace("  font: false\n", "  font: false\n  custom_dir: overrides\n")
    )
    site.write("mkdocs.yml", text)
    assert "lv-nap2020" not in check_output(site.root)
    site.build()
    html = site.html("projects/x/index.html")
    assert 'class="cs-eu__mark" src="../../assets/eu/lv-nap2020.svg"' in html
    assert 'width="90" height="30"' in html  # fitted into the emblem's box


@pytest.fixture(scope="module")
def default_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from clustersite.build import build_site

    site_dir = tmp_path_factory.mktemp("default-eu") / "site"
    assert build_site(REPO / "mkdocs.yml", site_dir, strict=True) == 0
    return site_dir


def page(site: Path, lang: str, slug: str) -> str:
    prefix = "" if lang == "lv" else f"{lang}/"
    return (site / f"{prefix}projects/{slug}/index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("lang", "statement", "disclaimer"),
    [
        ("lv", "Līdzfinansē Eiropas Savienības programma COSME", "Šīs tīmekļvietnes saturs"),
        (
            "en",
            "Co-funded by the COSME programme of the European Union",
            "The content of this website",
        ),
        (
            "it",
            "Cofinanziato dal programma COSME dell&#39;Unione europea",
            "Il contenuto di questo sito",
        ),
    ],
)
def test_neeghw_shows_the_cosme_statement_and_disclaimer(
    default_site: Path, lang: str, statement: str, disclaimer: str
) -> None:
    html = page(default_site, lang, "neeghw")
    assert 'data-cs-regime="cosme-2014-2020"' in html
    assert f'<span class="cs-eu__statement">{statement}</span>' in html
    assert re.search(rf'<p class="cs-eu-disclaimer">{disclaimer}', html)
    assert (
        "Co-funded by the European Union" not in html
        and "Līdzfinansē Eiropas Savienība<" not in html
    )
    # the emblem and the statement come before the facts
    assert html.index('class="cs-eu"') < html.index('class="cs-facts"')


@pytest.mark.parametrize(
    ("site", "slug"),
    [("default_site", "letera-cluster"), ("health_tourism_site", "health-tourism-cluster")],
)
@pytest.mark.parametrize(
    ("lang", "union", "fund"),
    [
        ("lv", "Eiropas Savienība", "Eiropas Reģionālās attīstības fonds"),
        ("en", "European Union", "European Regional Development Fund"),
        ("it", "Unione europea", "Fondo europeo di sviluppo regionale"),
    ],
)
def test_erdf_projects_name_the_fund_next_to_the_emblem(
    request: pytest.FixtureRequest, site: str, slug: str, lang: str, union: str, fund: str
) -> None:
    html = page(request.getfixturevalue(site), lang, slug)
    block = html.split('<div class="cs-eu"', 1)[1].split("</div>", 1)[0]
    assert 'class="cs-eu-emblem"' in block
    assert (
        f'<span class="cs-eu__statement">{union}</span><span class="cs-eu__fund">{fund}</span>'
        in block
    )


def test_projects_json_holds_the_article_49_3_fields(
    default_site: Path, health_tourism_site: Path
) -> None:
    data = json.loads((health_tourism_site / "projects.json").read_text(encoding="utf-8"))
    operation = {p["slug"]: p for p in data["projects"]}["health-tourism-cluster"]["operation"]
    assert set(operation) >= {
        "beneficiary",
        "name",
        "purpose",
        "start_date",
        "end_date",
        "total_cost",
        "eu_contribution",
        "cofinancing_rate",
        "fund",
        "programme",
        "location",
        "kohesio_id",
        "keep_eu_id",
        "cci",
    }
    assert operation["beneficiary"] == "Latvijas veselības tūrisma klasteris"
    assert operation["total_cost"] == {
        "amount": 554453.47,
        "currency": "EUR",
        "as_of": None,
        "source": None,
    }
    assert operation["eu_contribution"]["amount"] == 471285.45
    assert operation["cofinancing_rate"] == 0.85
    assert operation["start_date"] == "2017-01-01" and operation["end_date"] == "2021-12-31"
    assert operation["fund"] == "ERDF" and operation["cci"] == "2014LV16MAOP001"
    assert operation["location"] == {"nuts": "LV", "country": "LV"}
    data = json.loads((default_site / "projects.json").read_text(encoding="utf-8"))
    assert {p["slug"]: p for p in data["projects"]}["neeghw"]["regime"] == "cosme-2014-2020"


def test_projects_csv_has_one_row_per_project(default_site: Path) -> None:
    import csv

    text = (default_site / "projects.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(text.splitlines()))
    assert [r["Project ID"] for r in rows] == ["3.2.1.1/16/A/006", "neeghw"]
    neeghw = rows[1]
    assert neeghw["Total budget"] == "220231.00" and neeghw["EU contribution"] == "198208.00"
    assert neeghw["Co-financing rate"] == "90.00" and neeghw["Fund"] == "COSME"


def test_project_pages_carry_a_monetary_grant(default_site: Path) -> None:
    html = page(default_site, "en", "neeghw")
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1)
    grant = json.loads(raw)
    assert grant["@type"] == "MonetaryGrant"
    assert grant["funder"]["name"] == "European Union"
    assert grant["amount"] == {"@type": "MonetaryAmount", "value": "198208", "currency": "EUR"}
    assert grant["fundedItem"]["name"] == "New European Electronics for Global Health and Wellbeing"


@pytest.mark.parametrize(
    ("path", "line"),
    [
        ("news/2020/neeghw-sakas/index.html", "Īstenots projekta NEEGHW ietvaros"),
        ("en/news/2020/neeghw-sakas/index.html", "Carried out under the NEEGHW project"),
        ("it/news/2020/neeghw-sakas/index.html", "Realizzato nell&#39;ambito del progetto NEEGHW"),
    ],
)
def test_a_post_of_a_project_carries_its_acknowledgement(
    default_site: Path, path: str, line: str
) -> None:
    html = (default_site / path).read_text(encoding="utf-8")
    footer = html.split('<footer class="cs-post__eu">', 1)[1].split("</footer>", 1)[0]
    assert 'class="cs-eu-emblem"' in footer and line in footer


def test_the_post_line_names_the_project_number(make_site: Callable[..., SiteFactory]) -> None:
    site = make_site()
    site.post("lv", 2021, "x", "Ziņa", "2021-03-31", projects="[neeghw]")
    site.build()
    html = site.html("news/2021/x/index.html")
    assert "Īstenots projekta Nr. 3.2.1.1/16/A/006 ietvaros" in html


def test_an_interreg_project_shows_its_programme_logo_beside_the_statement(
    tmp_path: Path,
) -> None:
    site = SiteFactory(tmp_path / "s")
    project = "title: {lv: Sadarbība}\nfund: INTERREG\nstart: 2019-03-01\nmonths: 24\n"
    site.write("data/projects/x.yml", project)
    printed = check_output(site.root)
    assert "data/projects/x.yml: logos:" in printed and "kind: programme" in printed
    write_logo(site, "interreg.svg", 90, 40)
    site.write(
        "data/projects/x.yml",
        project
        + "logos:\n  - {file: logos/interreg.svg, kind: programme, alt: {lv: Interreg programma}}\n",
    )
    assert "data/projects/x.yml" not in check_output(site.root)
    site.build()
    html = site.html("projects/x/index.html")
    block = html.split('<div class="cs-eu"', 1)[1].split("</div>", 1)[0]
    assert 'data-cs-regime="interreg-2014-2020"' in block
    assert (
        '<img class="cs-eu__mark" src="../../assets/projects/logos/interreg.svg" alt="Interreg programma"'
        in block
    )
    assert 'class="cs-logos"' not in html  # not repeated among the partners' logos
