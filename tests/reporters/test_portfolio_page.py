"""The portfolio page in a real browser, the workbook in openpyxl, both byte-stable.

The browser is Debian's chromium (``apt-get install chromium``; ``.ci/run``
installs it), driven by Playwright with ``executable_path``, since browsers
cannot be downloaded. axe-core (bundled with axe-playwright-python) checks
WCAG 2.1 A and AA. Screenshots at 1280 and 375 pixels wide are written to
``build/screenshots/`` for a person to look at.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from oppdrag.model.counties import COUNTIES
from oppdrag.reporters.portfolio import anchor
from tests.conftest import EXAMPLES, ROOT, write

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium")
SCREENSHOTS = ROOT / "build" / "screenshots"
# CI sets OPPDRAG_REQUIRE_BROWSER so that a missing browser fails instead of skipping.
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("OPPDRAG_REQUIRE_BROWSER"),
    reason="needs chromium (apt-get install chromium)",
)
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def portfolio_fixture(root: Path) -> Path:
    """20 files: a proposal for each of the 15 counties, and five more cases.

    The counties' proposals are the examples with another county and id. Then:
    a national mission, one shared by two counties, a county strategy with its
    missions, an invalid proposal and one with check findings.
    """
    folder = root / "proposals"
    examples = sorted(p for p in EXAMPLES.glob("*.yaml") if "strategi" not in p.name)
    for index, county in enumerate(COUNTIES.values()):
        text = examples[index % len(examples)].read_text(encoding="utf-8")
        text = _with(text, county=county, id=f"mission-{index:02}")
        write(folder / f"{index:02}-{anchor('f', county)}.yaml", text)
    first = examples[0].read_text(encoding="utf-8")
    write(
        folder / "15-national.yaml", _with(first, county="national", id="national-one")
    )
    write(
        folder / "16-shared.yaml",
        _with(first, county="[Agder, Rogaland]", id="shared-agder-rogaland"),
    )
    shutil.copy(EXAMPLES / "strategi-troms-2024-2030.yaml", folder / "17-strategy.yaml")
    write(
        folder / "18-invalid.yaml",
        "schema_version: 1\nid: broken-one\ntitle: Ødelagt\n",
    )
    write(
        folder / "19-findings.yaml",
        (ROOT / "tests/data/valid-minimal.yaml").read_text().replace("minimal", "fund"),
    )
    return folder


def _with(text: str, *, county: str, id: str) -> str:
    replaced = {"county:": f"county: {county}", "id:": f"id: {id}"}
    lines = [
        next((new for key, new in replaced.items() if line.startswith(key)), line)
        for line in text.splitlines()
    ]
    return "\n".join(lines) + "\n"


def run_oppdrag(
    *args: str,
    cwd: Path,
    env: dict[str, str] | None = None,
    codes: tuple[int, ...] = (0,),
) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "oppdrag", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **(env or {})},
    )
    assert result.returncode in codes, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture, its page, workbook and Markdown, and classify's JSON to compare."""
    root = tmp_path_factory.mktemp("portfolio")
    portfolio_fixture(root)
    run_oppdrag(
        "report",
        "proposals",
        "-f",
        "html:out/portfolio.html",
        "-f",
        "xlsx:out/portfolio.xlsx",
        "-f",
        "markdown:out/portfolio.md",
        "--lang",
        "nb",
        cwd=root,
        # Exit code 1, as for classify: the fixture holds an invalid proposal.
        codes=(1,),
    )
    classify = run_oppdrag("classify", "proposals", "-f", "json", cwd=root, codes=(1,))
    (root / "out/classify.json").write_text(classify)
    check = run_oppdrag("check", "proposals", "-f", "json", cwd=root, codes=(1,))
    (root / "out/check.json").write_text(check)
    run_oppdrag(
        "explain",
        "proposals",
        "-f",
        "html",
        "-o",
        "out/explain.html",
        cwd=root,
        codes=(1,),
    )
    return root


def classified(built: Path) -> list[dict[str, object]]:
    document = json.loads((built / "out/classify.json").read_text())
    return [
        unit
        for file in document["files"]
        for unit in file["documents"]
        if unit["kind"] != "strategy"
    ]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox"]
        )
        yield launched
        launched.close()


REQUESTS: dict[int, list[str]] = {}


def open_page(
    browser: Browser,
    built: Path,
    *,
    width: int = 1280,
    script: bool = True,
    name: str = "portfolio.html",
) -> Page:
    """The page, offline, with every request it makes recorded in REQUESTS."""
    context = browser.new_context(
        viewport={"width": width, "height": 900}, java_script_enabled=script
    )
    context.set_offline(True)
    page = context.new_page()
    requests = REQUESTS.setdefault(id(page), [])
    page.on("request", lambda request: requests.append(request.url))
    page.goto((built / "out" / name).as_uri())
    return page


@pytest.mark.slow
@needs_chromium
def test_every_county_and_mission_is_on_the_page(browser: Browser, built: Path) -> None:
    """All 15 counties, national, and every mission classify finds, each with its section."""
    page = open_page(browser, built)
    missions = classified(built)

    for county in COUNTIES.values():
        section = page.locator(f"#{anchor('county', county)}")
        assert section.locator("h3").inner_text() == county
    assert page.locator("#county-nasjonalt h3").count() == 1
    assert page.locator("article.mission").count() == len(missions)
    titles = page.locator("article.mission h3").all_inner_texts()
    assert Counter(titles) == Counter(str(m["title"]) for m in missions)


@pytest.mark.slow
@needs_chromium
def test_links_navigate_and_nothing_leaves_the_page(
    browser: Browser, built: Path
) -> None:
    """A county link scrolls to its county; the only request is the page itself."""
    page = open_page(browser, built)
    link = page.locator("a[href='#county-vestland']").first

    link.click()

    assert page.url.endswith("#county-vestland")
    top = page.evaluate(
        "document.getElementById('county-vestland').getBoundingClientRect().top"
    )
    assert abs(top) < 5
    assert set(REQUESTS[id(page)]) == {(built / "out/portfolio.html").as_uri()}


@pytest.mark.slow
@needs_chromium
def test_the_page_reads_the_same_without_javascript(
    browser: Browser, built: Path
) -> None:
    """With JavaScript off, the same counties, missions and tables are there."""
    with_script = open_page(browser, built)
    without = open_page(browser, built, script=False)

    for selector in ("section.county", "article.mission", "table", "svg"):
        count = with_script.locator(selector).count()
        assert without.locator(selector).count() == count > 0
    assert without.locator("h1").inner_text() == "Oppdragsportefølje"


@pytest.mark.slow
@needs_chromium
@pytest.mark.parametrize("width", [1280, 375])
def test_axe_finds_no_wcag_21_aa_violation(
    browser: Browser, built: Path, width: int
) -> None:
    """axe-core: no WCAG 2.1 A or AA violation, on a desktop and on a phone."""
    from axe_playwright_python.sync_playwright import Axe  # noqa: PLC0415

    page = open_page(browser, built, width=width)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"portfolio-{width}.png"))
    page.screenshot(
        path=str(SCREENSHOTS / f"portfolio-{width}-full.png"), full_page=True
    )

    results = Axe().run(
        page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}}
    )

    assert results.violations_count == 0, results.generate_report()


@pytest.mark.slow
@needs_chromium
def test_the_explanations_page_is_accessible_and_complete(
    browser: Browser, built: Path
) -> None:
    """explain -f html: every valid mission, offline, and no WCAG 2.1 AA violation."""
    from axe_playwright_python.sync_playwright import Axe  # noqa: PLC0415

    page = open_page(browser, built, name="explain.html")
    valid = [m for m in classified(built) if m.get("classification")]

    assert page.locator("article.mission").count() == len(valid)
    page.locator("nav a").first.click()
    assert page.url.endswith("#m1")
    results = Axe().run(
        page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}}
    )
    assert results.violations_count == 0, results.generate_report()
    assert set(REQUESTS[id(page)]) == {(built / "out/explain.html").as_uri()}


@pytest.mark.slow
def test_the_workbook_matches_the_json_output(built: Path) -> None:
    """openpyxl opens it; each sheet is a filtered table; counts match classify's JSON."""
    import openpyxl  # noqa: PLC0415

    workbook = openpyxl.load_workbook(built / "out/portfolio.xlsx")
    missions = classified(built)

    assert workbook.sheetnames == ["Oppdrag", "Belegg", "Funn", "Fylker"]
    for sheet in workbook.worksheets:
        [table] = sheet.tables.values()
        assert table.autoFilter is not None
        assert sheet.freeze_panes == "A2"
    rows = list(workbook["Oppdrag"].iter_rows(min_row=2, values_only=True))
    assert Counter((row[2], row[5]) for row in rows) == Counter(
        (m["id"], _label(m)) for m in missions
    )
    assert _county_counts(rows) == {
        row[0]: row[1:5]
        for row in workbook["Fylker"].iter_rows(min_row=2, values_only=True)
    }
    findings = list(workbook["Funn"].iter_rows(min_row=2, values_only=True))
    checked = json.loads((built / "out/check.json").read_text())
    assert Counter((row[0], row[1], row[3]) for row in findings) == Counter(
        (file["path"], f["line"], f["code"])
        for file in checked["files"]
        for unit in [file, *file["documents"]]
        for f in unit["findings"]
    )


def _county_counts(rows: list[tuple[object, ...]]) -> dict[object, tuple[int, ...]]:
    """Missions of each type per county, counted from the missions sheet."""
    order = [_label({"classification": {"type": k}}) for k in _TYPES]
    order.append(_label({}))
    counts: dict[object, Counter[object]] = {}
    for row in rows:
        for county in str(row[4] or "Uten fylke").split(", "):
            counts.setdefault(county, Counter())[row[5]] += 1
    return {
        county: tuple(counter[label] for label in order)
        for county, counter in counts.items()
    }


_TYPES = ("accelerating", "transforming", "undetermined")


def _label(mission: dict[str, object]) -> str:
    """The type as the bokmål workbook writes it."""
    names = {
        "accelerating": "akselererende",
        "transforming": "transformerende",
        "undetermined": "ubestemt",
    }
    result = mission.get("classification")
    if not isinstance(result, dict):
        return "Ugyldig: ikke klassifisert"
    return names[str(result["type"])]


@pytest.mark.slow
def test_reports_are_byte_identical_across_runs_seeds_and_jobs(built: Path) -> None:
    """Two more runs, other hash seeds, one and two processes: the same bytes."""
    for seed, jobs in (("1", "1"), ("2", "2")):
        run_oppdrag(
            "report",
            "proposals",
            "-j",
            jobs,
            "-f",
            f"html:again-{seed}/portfolio.html",
            "-f",
            f"xlsx:again-{seed}/portfolio.xlsx",
            "-f",
            f"markdown:again-{seed}/portfolio.md",
            "--lang",
            "nb",
            cwd=built,
            env={"PYTHONHASHSEED": seed},
            codes=(1,),
        )
        for name in ("portfolio.html", "portfolio.xlsx", "portfolio.md"):
            assert (built / f"again-{seed}" / name).read_bytes() == (
                built / "out" / name
            ).read_bytes(), name
