"""``oppdrag report`` as a user meets it: outputs, languages, order and bad input."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from oppdrag import __version__
from oppdrag.reporters.portfolio import number, sort_key
from tests.conftest import DATA, EXAMPLES, RunCli, render, write

CASES = DATA / "classify"


def test_norwegian_order_puts_ae_oe_aa_after_z() -> None:
    """Æ, Ø and Å come after Z, in that order, as in a Norwegian dictionary."""
    names = ["Østfold", "Agder", "Åsnes", "Zeta", "Ærø", "Oslo", "Trøndelag", "Troms"]

    assert sorted(names, key=sort_key) == [
        "Agder",
        "Oslo",
        "Troms",
        "Trøndelag",
        "Zeta",
        "Ærø",
        "Østfold",
        "Åsnes",
    ]


@pytest.mark.parametrize(
    ("value", "lang", "decimals", "written"),
    [
        (1_500_000, "nb", 0, "1\u00a0500\u00a0000"),
        (1_500_000, "nn", 0, "1\u00a0500\u00a0000"),
        (1_500_000, "en", 0, "1,500,000"),
        (0.35, "nb", 2, "0,35"),
        (0.35, "en", 2, "0.35"),
    ],
)
def test_numbers_are_written_as_the_language_writes_them(
    value: float, lang: str, decimals: int, written: str
) -> None:
    """Norwegian: a space between thousands and a decimal comma; English: 1,500,000.5."""
    assert number(value, lang, decimals) == written  # type: ignore[arg-type]


@pytest.mark.parametrize(("fmt", "ext"), [("markdown", "md"), ("html", "html")])
@pytest.mark.parametrize("lang", ["en", "nb", "nn"])
def test_every_report_format_matches_its_golden_file(
    run_cli: RunCli,
    golden: Callable[[str, str], None],
    monkeypatch: pytest.MonkeyPatch,
    fmt: str,
    ext: str,
    lang: str,
) -> None:
    """The page and the Markdown, in each language, are exactly the reviewed ones."""
    monkeypatch.chdir(EXAMPLES)
    result = run_cli("report", ".", "-f", fmt, "--lang", lang)

    assert result.exit_code == 0, render(result)
    golden(
        f"report/examples.{lang}.{ext}", result.stdout.replace(__version__, "<version>")
    )


def test_the_page_is_nynorsk_with_lang_nn(run_cli: RunCli) -> None:
    """--lang nn: the page's own words in nynorsk, and its language declared as such."""
    page = run_cli("report", str(EXAMPLES), "--lang", "nn").stdout

    assert '<html lang="nn">' in page
    assert "Hopp til innhaldet" in page
    assert "transformerande" in page
    assert "transformerende" not in page


def test_counties_follow_norwegian_order_and_the_page_prints(run_cli: RunCli) -> None:
    """Counties in Norwegian order (Trøndelag after Troms), and a print stylesheet."""
    page = run_cli("report", str(EXAMPLES), "--lang", "nb").stdout
    counties = re.findall(
        r'<section class="county" id="[^"]+"[^>]*>\s*<h3[^>]*>([^<]+)<', page
    )

    assert counties == sorted(counties, key=sort_key)
    assert counties.index("Troms") < counties.index("Trøndelag")
    assert "@media print" in page
    assert "<script" not in page
    assert not re.search(r'(src|href)="(https?:)?//', page)


def test_several_outputs_in_one_run(run_cli: RunCli, in_tmp: Path) -> None:
    """-o several times: each file in the format its name says; one line per file."""
    result = run_cli(
        "report", str(EXAMPLES), "-o", "out/p.html", "-o", "out/p.xlsx", "-o", "p.md"
    )

    assert result.exit_code == 0, render(result)
    assert (
        (in_tmp / "out/p.html")
        .read_text(encoding="utf-8")
        .startswith("<!doctype html>")
    )
    assert (in_tmp / "out/p.xlsx").read_bytes()[:2] == b"PK"
    assert (in_tmp / "p.md").read_text(encoding="utf-8").startswith("# ")
    assert result.stderr.count("wrote") == 3


def test_an_invalid_proposal_is_in_the_report_and_fails_the_run(
    run_cli: RunCli, in_tmp: Path
) -> None:
    """Invalid proposals are shown as invalid; exit 1 as classify, 0 with --exit-zero."""
    failing = run_cli("report", str(CASES), "-o", "p.html")
    passing = run_cli("report", str(CASES), "-o", "q.html", "--exit-zero")

    assert failing.exit_code == 1, render(failing)
    assert passing.exit_code == 0, render(passing)
    page = (in_tmp / "p.html").read_text(encoding="utf-8")
    assert "ugyldig" in page
    assert "S003" in page


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["-f", "xlsx"], "a workbook needs a file"),
        (["-o", "p.txt"], "cannot tell the format of 'p.txt'"),
        (["-f", "pdf"], "'pdf' is not one of"),
        (
            ["-f", "html", "-f", "markdown"],
            "only one format can be written to the screen",
        ),
        (["-o", "same.html", "-f", "html:same.html"], "the same file"),
    ],
)
def test_outputs_that_cannot_be_made_are_refused(
    run_cli: RunCli, in_tmp: Path, args: list[str], says: str
) -> None:
    """Impossible outputs: a usage error that says why, exit 2, nothing written."""
    result = run_cli("report", str(EXAMPLES), *args)

    assert result.exit_code == 2
    assert says in result.stderr
    assert list(in_tmp.iterdir()) == []


def test_a_missing_path_and_an_unwritable_report(run_cli: RunCli, in_tmp: Path) -> None:
    """A path that does not exist, or a report that cannot be written: exit 2, one line."""
    missing = run_cli("report", "nowhere/", "-o", "p.html")
    write(in_tmp / "taken", "a file, not a folder")
    unwritable = run_cli("report", str(EXAMPLES), "-o", "taken/p.html")

    assert missing.exit_code == 2
    assert "nowhere" in missing.stderr
    assert unwritable.exit_code == 2
    assert "taken/p.html" in unwritable.stderr
    assert "Traceback" not in missing.stderr + unwritable.stderr
