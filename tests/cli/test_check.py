"""``oppdrag check``: rules, settings, suppressions, baselines, formats and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import DATA, EXAMPLES, ROOT, RunCli, render, write

GOOD = """\
schema_version: 1
id: {id}
title: Batteriverdikjeden i {county}
county: {county}
challenge:
  summary: >-
    Industrien i regionen mangler fagfolk, og utdanningene henger etter behovet. Få
    bedrifter samarbeider med skolene, og mange unge flytter ut etter videregående.
  problems:
    - For få lærlingplasser.
objective:
  statement: {number} nye fagarbeidere i batteriindustrien innen 2030.
  deadline: 2030
  targets:
    - {{indicator: Fagarbeidere, unit: personer, baseline: 0, baseline_year: 2024, target: {number}, year: 2030}}
actors:
  - {{name: Fylkeskommunen, kind: county, role: lead}}
  - {{name: Batterifabrikken, kind: business, role: partner}}
instruments: [competence, financing]
"""
COUNTIES = ["Agder", "Vestland", "Nordland", "Troms", "Rogaland"]


def repository(root: Path, count: int = 200) -> list[Path]:
    """A proposals repository: most files clean, some with known problems."""
    files = []
    for index in range(count):
        county = COUNTIES[index % len(COUNTIES)]
        text = GOOD.format(
            id=f"oppdrag-{index:03d}", county=county, number=1000 + index
        )
        if index % 7 == 0:  # no baseline on the target: Q103 (info)
            text = text.replace("baseline: 0, baseline_year: 2024, ", "")
        if index % 25 == 0:  # placeholder text: Q108 (error)
            text = text.replace("For få lærlingplasser.", "TODO skrive mer")
        folder = "drafts" if index % 50 == 0 else county.lower()
        files.append(write(root / folder / f"p{index:03d}.yaml", text))
    return files


def run_json(run_cli: RunCli, *args: str) -> tuple[int, dict[str, object]]:
    result = run_cli("check", "-f", "json", *args)
    assert result.exit_code in (0, 1), render(result)
    return result.exit_code, json.loads(result.stdout)


def codes(report: dict[str, object]) -> list[tuple[str, str]]:
    found = []
    for file in report["files"]:  # type: ignore[attr-defined]
        items = list(file["findings"]) + [
            f for u in file["documents"] for f in u["findings"]
        ]
        found += [(Path(file["path"]).as_posix(), f["code"]) for f in items]
    return sorted(found)


class TestExamples:
    def test_examples_have_no_error_level_finding(self, run_cli: RunCli) -> None:
        """The shipped examples pass oppdrag check (warnings allowed, no errors)."""
        result = run_cli("check", str(EXAMPLES))

        assert result.exit_code == 0, render(result)
        assert " error: " not in result.stdout
        assert "9 valid, 0 invalid" in result.stdout


class TestRepository:
    def test_default_rules(self, run_cli: RunCli, in_tmp: Path) -> None:
        """Without settings every rule applies: Q103 info and Q108 errors are found."""
        repository(in_tmp)
        exit_code, report = run_json(run_cli, ".")
        found = codes(report)

        assert exit_code == 1
        assert sum(1 for _, c in found if c == "Q103") == 29
        assert sum(1 for _, c in found if c == "Q108") == 8
        assert report["summary"]["missions"] == 200  # type: ignore[index]

    def test_select_ignore_and_severity_from_pyproject(
        self, run_cli: RunCli, in_tmp: Path
    ) -> None:
        """[tool.oppdrag] ignore and severity change what is reported and how seriously."""
        repository(in_tmp)
        write(
            in_tmp / "pyproject.toml",
            '[tool.oppdrag]\nignore = ["Q103"]\n[tool.oppdrag.severity]\nQ108 = "warning"\n',
        )
        exit_code, report = run_json(run_cli, ".")
        found = codes(report)

        assert exit_code == 0  # Q108 is only a warning now
        assert not any(c == "Q103" for _, c in found)
        severities = {
            f["severity"]
            for file in report["files"]  # type: ignore[attr-defined]
            for u in file["documents"]
            for f in u["findings"]
            if f["code"] == "Q108"
        }
        assert severities == {"warning"}

    def test_select_on_the_command_line(self, run_cli: RunCli, in_tmp: Path) -> None:
        """--select limits the run to the given codes or prefixes."""
        repository(in_tmp)
        _, report = run_json(run_cli, "--select", "Q108", ".")

        assert {c for _, c in codes(report)} == {"Q108"}

    def test_per_path_overrides_and_excludes(
        self, run_cli: RunCli, in_tmp: Path
    ) -> None:
        """Overrides apply to matching files only; excluded folders are not read."""
        repository(in_tmp)
        write(
            in_tmp / "oppdrag.toml",
            'exclude = ["drafts/**"]\n'
            '[[overrides]]\nfiles = ["agder/**"]\nignore = ["Q103"]\n',
        )
        _, report = run_json(run_cli, ".")
        found = codes(report)

        assert not any(path.startswith("drafts/") for path, _ in found)
        assert not any(path.startswith("agder/") and c == "Q103" for path, c in found)
        assert any(path.startswith("vestland/") and c == "Q103" for path, c in found)
        assert report["summary"]["files"] == 196  # type: ignore[index]

    def test_gitignore_is_respected(self, run_cli: RunCli, in_tmp: Path) -> None:
        """Files ignored by git are not checked (unless respect-gitignore = false)."""
        repository(in_tmp, count=20)
        (in_tmp / ".git").mkdir()
        write(in_tmp / ".gitignore", "drafts/\n")
        _, respected = run_json(run_cli, ".")
        write(in_tmp / "oppdrag.toml", "respect-gitignore = false\n")
        _, everything = run_json(run_cli, ".")

        assert respected["summary"]["files"] == 19  # type: ignore[index]
        assert everything["summary"]["files"] == 20  # type: ignore[index]

    def test_unknown_rule_in_settings_is_an_error(
        self, run_cli: RunCli, in_tmp: Path
    ) -> None:
        """A misspelt rule code in the settings stops the run with a suggestion (exit 2)."""
        repository(in_tmp, count=3)
        write(in_tmp / "oppdrag.toml", 'ignore = ["Q1033"]\n')
        result = run_cli("check", ".")

        assert result.exit_code == 2
        assert "unknown rule code 'Q1033'" in result.stderr
        assert "did you mean 'Q103'?" in result.stderr


class TestSuppressions:
    def test_reasoned_unreasoned_and_unused(
        self, run_cli: RunCli, in_tmp: Path
    ) -> None:
        """A reasoned waiver hides its finding; one without reason or without effect is reported."""
        text = GOOD.format(id="oppdrag-001", county="Agder", number=100)
        text = text.replace(
            "    - For få lærlingplasser.",
            "    - TODO  # oppdrag: ignore[Q108] -- avtalt med utvalget",
        )
        text = text.replace("county: Agder", "county: Agder  # oppdrag: ignore[Q103]")
        write(in_tmp / "p.yaml", text)
        _, report = run_json(run_cli, "p.yaml")
        found = [
            (f["code"], f["line"])
            for file in report["files"]  # type: ignore[attr-defined]
            for f in file["findings"]
            + [x for u in file["documents"] for x in u["findings"]]
        ]

        assert ("Q108", 10) not in found
        assert ("O001", 4) in found
        assert ("O002", 4) in found

    def test_file_level_suppression(self, run_cli: RunCli, in_tmp: Path) -> None:
        """ignore-file waives a code anywhere in the file."""
        text = "# oppdrag: ignore-file[Q108] -- utkast\n" + GOOD.format(
            id="oppdrag-002", county="Agder", number=100
        ).replace("For få lærlingplasser.", "TODO")
        write(in_tmp / "p.yaml", text)
        _, report = run_json(run_cli, "p.yaml")

        assert codes(report) == []


class TestBaseline:
    def test_baseline_hides_known_findings_and_lists_fixed_ones(
        self, run_cli: RunCli, in_tmp: Path
    ) -> None:
        """Findings in the baseline are hidden, new ones reported, fixed ones listed."""
        files = repository(in_tmp, count=60)
        written = run_cli("check", "--write-baseline", "baseline.json", ".")
        assert written.exit_code == 0  # recording the findings is the job asked for
        assert json.loads((in_tmp / "baseline.json").read_text())["findings"]

        clean_run = run_cli("check", "-f", "json", "--baseline", "baseline.json", ".")
        assert clean_run.exit_code == 0, render(clean_run)
        assert codes(json.loads(clean_run.stdout)) == []

        # Lines move (a comment on top), one problem is fixed, a new one appears.
        for path in files:
            path.write_text("# flyttet ned en linje\n" + path.read_text())
        files[0].write_text(
            files[0].read_text().replace("TODO skrive mer", "Få lærlinger.")
        )
        files[1].write_text(
            files[1].read_text().replace("For få lærlingplasser.", "TBD")
        )
        after = run_cli("check", "-f", "json", "--baseline", "baseline.json", ".")

        new = codes(json.loads(after.stdout))
        assert new == [("vestland/p001.yaml", "Q108")]
        assert "1 fixed since" in after.stderr
        assert "Q108" in after.stderr


class TestExitCodesAndFormats:
    @pytest.mark.parametrize(
        ("fail_on", "expected"), [("error", 0), ("warning", 1), ("info", 1)]
    )
    def test_fail_on_levels(
        self, run_cli: RunCli, in_tmp: Path, fail_on: str, expected: int
    ) -> None:
        """--fail-on sets the lowest severity that fails the run."""
        text = GOOD.format(id="oppdrag-003", county="Agder", number=100)
        write(
            in_tmp / "p.yaml", text.replace("instruments: [competence, financing]", "")
        )
        result = run_cli("check", "--fail-on", fail_on, "p.yaml")

        assert result.exit_code == expected, render(result)

    def test_info_only_passes_at_warning_level(
        self, run_cli: RunCli, in_tmp: Path
    ) -> None:
        """A file with only an info finding fails at --fail-on info, not at warning."""
        text = GOOD.format(id="oppdrag-004", county="Agder", number=100)
        write(in_tmp / "p.yaml", text.replace("baseline: 0, baseline_year: 2024, ", ""))

        assert run_cli("check", "--fail-on", "warning", "p.yaml").exit_code == 0
        assert run_cli("check", "--fail-on", "info", "p.yaml").exit_code == 1

    def test_exit_zero_and_usage_errors(self, run_cli: RunCli, in_tmp: Path) -> None:
        """--exit-zero reports but exits 0; a missing path or bad format exits 2."""
        write(in_tmp / "p.yaml", "id: x\n")

        assert run_cli("check", "p.yaml").exit_code == 1
        assert run_cli("check", "--exit-zero", "p.yaml").exit_code == 0
        assert run_cli("check", "nowhere.yaml").exit_code == 2
        assert run_cli("check", "-f", "pdf", "p.yaml").exit_code == 2

    def test_several_formats_in_one_run(self, run_cli: RunCli, in_tmp: Path) -> None:
        """-f text -f sarif:FILE -f junit:FILE writes each format to its place."""
        write(in_tmp / "p.yaml", "id: x\n")
        result = run_cli(
            "check",
            "-f",
            "text",
            "-f",
            "sarif:out.sarif",
            "-f",
            "junit:out.xml",
            "p.yaml",
        )

        assert "S003" in result.stdout
        assert json.loads((in_tmp / "out.sarif").read_text())["version"] == "2.1.0"
        assert (in_tmp / "out.xml").read_text().startswith("<?xml")

    def test_github_annotations_by_default_under_actions(
        self, run_cli: RunCli, in_tmp: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Under GitHub Actions the default output adds workflow annotations."""
        monkeypatch.setenv("GITHUB_ACTIONS", "true")
        write(in_tmp / "p.yaml", "id: x\n")
        result = run_cli("check", "p.yaml")

        assert "::error file=p.yaml,line=1,col=1" in result.stdout
        assert "1 file(s)" in result.stdout

    def test_statistics(self, run_cli: RunCli, in_tmp: Path) -> None:
        """--statistics counts findings per rule."""
        repository(in_tmp, count=30)
        result = run_cli("check", "--statistics", "-q", "-f", "concise", ".")

        assert "     5  Q103  target-without-baseline" in result.stdout


class TestRuleAndConfigCommands:
    def test_rule_explains_a_rule(self, run_cli: RunCli) -> None:
        """oppdrag rule Q101 shows what, why, and a failing and passing example."""
        result = run_cli("rule", "Q101")

        assert result.exit_code == 0
        assert result.stdout.startswith(
            "Q101 objective-without-measurable-target (warning)"
        )
        assert "Why it matters:" in result.stdout
        assert "Use instead:" in result.stdout

    def test_rule_by_name_and_unknown(self, run_cli: RunCli) -> None:
        """Rules are found by code or name; an unknown one is exit 2."""
        assert run_cli("rule", "placeholder-text").stdout.startswith("Q108")
        assert run_cli("rule", "Q999").exit_code == 2

    def test_docs_rules_md_is_generated_from_the_registry(
        self, run_cli: RunCli
    ) -> None:
        """docs/rules.md is exactly what 'oppdrag rule --all --format markdown' prints."""
        result = run_cli("rule", "--all", "--format", "markdown")

        assert result.stdout == (ROOT / "docs" / "rules.md").read_text(
            encoding="utf-8"
        ), (
            "docs/rules.md is stale: run 'oppdrag rule --all --format markdown -o docs/rules.md'"
        )

    def test_rules_as_json(self, run_cli: RunCli) -> None:
        """--all --format json lists every rule with its documentation."""
        rules = json.loads(run_cli("rule", "--all", "--format", "json").stdout)

        assert len(rules) >= 40
        assert {"code", "name", "severity", "summary", "why", "fails", "passes"} <= set(
            rules[0]
        )

    def test_config_shows_values_and_sources(
        self, run_cli: RunCli, in_tmp: Path
    ) -> None:
        """oppdrag config shows each setting and the file it came from."""
        write(in_tmp / "pyproject.toml", '[tool.oppdrag]\nignore = ["Q103"]\n')
        document = json.loads(run_cli("config").stdout)

        assert document["settings"]["ignore"] == {
            "value": ["Q103"],
            "from": str(in_tmp / "pyproject.toml"),
        }
        assert document["settings"]["fail-on"]["from"] == "default"


def test_a_named_folder_is_checked_even_if_git_ignores_it(
    run_cli: RunCli, in_tmp: Path
) -> None:
    """A folder given on the command line is searched although .gitignore lists it."""
    repository(in_tmp / "work", count=5)
    (in_tmp / ".git").mkdir()
    write(in_tmp / ".gitignore", "work/\np003.yaml\n")
    _, named = run_json(run_cli, "work")
    walked = run_cli("check", ".")

    assert named["summary"]["files"] == 4  # type: ignore[index]  # p003 is still ignored
    assert walked.exit_code == 2
    assert "no .yaml or .yml files" in walked.stderr


def test_a_200_proposal_repository_with_pyproject_settings(
    run_cli: RunCli, in_tmp: Path
) -> None:
    """On 200 proposals: pyproject select/ignore, severity, per-path overrides, waivers and baseline."""
    files = repository(in_tmp)
    write(
        in_tmp / "pyproject.toml",
        "[tool.oppdrag]\n"
        'ignore = ["Q116"]\n'
        '[tool.oppdrag.severity]\nQ103 = "warning"\n'
        '[[tool.oppdrag.overrides]]\nfiles = ["nordland/**"]\nignore = ["Q103"]\n',
    )
    # A reasoned waiver, one without a reason, and one that hides nothing.
    files[25].write_text(
        files[25]
        .read_text()
        .replace("TODO skrive mer", "TODO  # oppdrag: ignore[Q108] -- avtalt")
    )
    files[75].write_text(
        files[75]
        .read_text()
        .replace("TODO skrive mer", "TODO  # oppdrag: ignore[Q108]")
    )
    files[3].write_text(
        files[3].read_text() + "# oppdrag: ignore-file[Q112] -- ingen leder ennå\n"
    )

    exit_code, report = run_json(run_cli, ".")
    found = codes(report)
    by_code: dict[str, list[str]] = {}
    for path, code in found:
        by_code.setdefault(code, []).append(path)
    severities = {
        f["code"]: f["severity"]
        for file in report["files"]  # type: ignore[attr-defined]
        for f in [x for u in file["documents"] for x in u["findings"]]
    }

    assert exit_code == 1  # Q108 errors remain
    assert "Q116" not in by_code  # ignored
    assert severities["Q103"] == "warning"  # re-graded from info
    assert not any(
        p.startswith("nordland/") for p in by_code["Q103"]
    )  # per-path override
    assert "agder/p025.yaml" not in by_code["Q108"]  # waived, with a reason
    assert "agder/p075.yaml" not in by_code["Q108"]  # waived, but …
    assert by_code["O001"] == ["agder/p075.yaml"]  # … the missing reason is reported
    assert by_code["O002"] == ["troms/p003.yaml"]  # a waiver that hides nothing

    # The baseline makes today's findings known; the next run reports nothing new.
    run_cli("check", "--write-baseline", "baseline.json", ".")
    exit_code, later = run_json(run_cli, "--baseline", "baseline.json", ".")
    assert exit_code == 0
    assert codes(later) == []


def test_batch_findings_name_the_line_of_the_earlier_value(
    run_cli: RunCli, in_tmp: Path
) -> None:
    """B201 and B202 point at the line of the earlier id and objective, not line 1."""
    text = (DATA / "valid-minimal.yaml").read_text(encoding="utf-8")
    text = text.replace("schema_version: 1\n", "schema_version: 1\n# a comment\n")
    write(in_tmp / "a.yaml", text)
    write(in_tmp / "b.yaml", text)
    result = run_cli("check", "--select", "B", ".")

    assert result.exit_code == 1, render(result)
    assert "the id 'minimal-mission' is also used at a.yaml:3" in result.stdout
    assert "the same objective statement is also in a.yaml:8" in result.stdout
