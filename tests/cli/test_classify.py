"""``oppdrag classify``, ``explain`` and ``eval`` as a user meets them."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from oppdrag import __version__
from tests.conftest import DATA, ROOT, RunCli, render, write

CASES = DATA / "classify"
LABELLED = ROOT / "tests" / "classification" / "labelled"


def classified(run_cli: RunCli, *args: str) -> dict[str, dict[str, object]]:
    result = run_cli("classify", "-f", "json", *args)
    units = [u for f in json.loads(result.stdout)["files"] for u in f["documents"]]
    return {u["id"]: u for u in units}


class TestClassify:
    @pytest.mark.parametrize(
        ("fmt", "ext"),
        [
            ("table", "txt"),
            ("json", "json"),
            ("jsonl", "jsonl"),
            ("csv", "csv"),
            ("excel-csv", "excel.csv"),
            ("markdown", "md"),
        ],
    )
    @pytest.mark.parametrize("lang", ["en", "nb"])
    def test_every_format_matches_its_golden_file(
        self,
        run_cli: RunCli,
        golden: Callable[[str, str], None],
        monkeypatch: pytest.MonkeyPatch,
        fmt: str,
        ext: str,
        lang: str,
    ) -> None:
        """Each output format, in English and bokmål, is exactly the reviewed one."""
        monkeypatch.chdir(CASES)
        result = run_cli("classify", "--format", fmt, "--lang", lang, ".")

        assert result.exit_code == 1  # invalid.yaml is invalid
        golden(
            f"classify/missions.{lang}.{ext}",
            result.stdout.replace(__version__, "<version>"),
        )

    def test_invalid_missions_are_reported_and_the_rest_classified(
        self, run_cli: RunCli
    ) -> None:
        """An invalid file is reported as validate reports it; the others are classified."""
        units = classified(run_cli, str(CASES))

        assert "classification" not in units["ugyldig"]
        assert units["ugyldig"]["findings"][0]["code"] == "S003"
        assert units["vestland-co2-fangst"]["classification"]["type"] == "accelerating"
        assert (
            units["agder-lavutslippssamfunn"]["classification"]["type"]
            == "transforming"
        )

    def test_json_evidence_has_exact_positions(self, run_cli: RunCli) -> None:
        """Each piece of evidence names the line and column of the words in the file."""
        unit = classified(run_cli, str(CASES / "lavutslipp-agder.yaml"))[
            "agder-lavutslippssamfunn"
        ]
        evidence = unit["classification"]["evidence"]
        found = {(e["words"], e["path"]): (e["line"], e["column"]) for e in evidence}

        assert found[("flokete", "challenge.summary")] == (9, 71)
        assert found[("atferdsendring", "challenge.summary")] == (10, 16)
        assert found[("lavutslippssamfunn", "title")] == (3, 18)
        assert found[("citizens", "actors[2].kind")] == (22, 11)
        assert found[("regulation", "instruments[0]")] == (23, 15)

    def test_classification_object_carries_the_contract(self, run_cli: RunCli) -> None:
        """The JSON classification has type, score, margin, strength, criteria, evidence."""
        unit = classified(run_cli, str(CASES / "ccs-vestland.yaml"))[
            "vestland-co2-fangst"
        ]
        result = unit["classification"]

        assert {
            "type",
            "score",
            "margin",
            "strength",
            "borderline",
            "criteria",
            "evidence",
            "contradiction",
        } <= set(result)
        assert 0 <= result["strength"] <= 1
        assert len(result["criteria"]) == 14
        assert all(e["quote"] for e in result["evidence"] if e["concept"])

    def test_declared_type_disagreement_is_c001(self, run_cli: RunCli) -> None:
        """A clear disagreement with declared_type is warning C001 at the declaration."""
        unit = classified(run_cli, str(CASES / "lavutslipp-agder.yaml"))[
            "agder-lavutslippssamfunn"
        ]
        [finding] = unit["findings"]

        assert (finding["code"], finding["severity"], finding["line"]) == (
            "C001",
            "warning",
            6,
        )
        assert "declared as accelerating" in finding["message"]
        assert "transforming" in finding["message"]

    def test_csv_has_one_row_per_mission(self, run_cli: RunCli) -> None:
        """CSV output has a header and one row per mission, in file order."""
        result = run_cli("classify", "-f", "csv", str(CASES))
        rows = list(csv.DictReader(io.StringIO(result.stdout)))

        assert [r["id"] for r in rows] == [
            "vestland-co2-fangst",
            "ugyldig",
            "agder-lavutslippssamfunn",
        ]
        assert rows[2]["agrees"] == "False"


class TestExplain:
    def test_reasoning_quotes_evidence_with_line_numbers(
        self, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """explain lists criteria with weights and quotes evidence as file:line."""
        monkeypatch.setenv("COLUMNS", "200")  # the file's long path on one line
        path = str(CASES / "lavutslipp-agder.yaml")
        result = run_cli("explain", path, "--color", "never")

        assert result.exit_code == 0, render(result)
        assert "TRANSFORMING" in result.stdout
        assert "«flokete»" in result.stdout
        assert f"{path}:9  challenge.summary" in result.stdout
        assert "Utfordringen er flokete:" in result.stdout  # the sentence it stands in
        assert "Pointing to → transforming" in result.stdout
        assert "What would change the verdict" in result.stdout
        flat = " ".join(result.stdout.split())
        assert "Total = (" in flat
        assert "so the mission is transforming." in flat

    def test_explain_in_bokmal(self, run_cli: RunCli) -> None:
        """With --lang nb the reasoning is in Norwegian."""
        result = run_cli("explain", str(CASES / "ccs-vestland.yaml"), "--lang", "nb")

        flat = " ".join(result.stdout.split())
        assert "AKSELERERENDE" in flat
        assert "så oppdraget er akselererende." in flat
        assert "hovedvirkemiddel" in result.stdout

    def test_every_mission_of_a_file_is_explained_or_the_one_asked_for(
        self, run_cli: RunCli
    ) -> None:
        """Without --id each mission is explained; --id picks one; a wrong id lists ids."""
        path = str(ROOT / "examples" / "strategi-troms-2024-2030.yaml")
        every = run_cli("explain", path, "--color", "never")
        chosen = run_cli("explain", path, "--id", "troms-havbruksteknologi")
        wrong = run_cli("explain", path, "--id", "nope")

        assert every.exit_code == 0, render(every)
        headlines = [line for line in every.stdout.splitlines() if " → " in line]
        assert len(headlines) >= 2
        assert chosen.exit_code == 0
        assert chosen.stdout.count("What would change the verdict") == 1
        assert every.stdout.count("What would change the verdict") == len(
            json.loads(run_cli("explain", path, "-f", "json").stdout)["missions"]
        )
        assert wrong.exit_code == 2
        assert "no mission with the id 'nope'" in wrong.stderr
        assert "troms-havbruksteknologi" in wrong.stderr

    def test_a_folder_is_explained_and_invalid_files_named(
        self, run_cli: RunCli
    ) -> None:
        """A folder: the valid missions explained, the invalid one named (exit 1)."""
        result = run_cli("explain", str(CASES), "-f", "json")
        document = json.loads(result.stdout)

        assert result.exit_code == 1
        assert [m["id"] for m in document["missions"]] == [
            "vestland-co2-fangst",
            "agder-lavutslippssamfunn",
        ]
        assert "invalid.yaml" in result.stderr
        assert "oppdrag validate" in result.stderr

    @pytest.mark.parametrize(
        ("fmt", "ext"),
        [("text", "txt"), ("markdown", "md"), ("html", "html"), ("json", "json")],
    )
    @pytest.mark.parametrize("lang", ["en", "nb"])
    def test_every_explain_format_matches_its_golden_file(
        self,
        run_cli: RunCli,
        golden: Callable[[str, str], None],
        monkeypatch: pytest.MonkeyPatch,
        fmt: str,
        ext: str,
        lang: str,
    ) -> None:
        """Each explain format, in English and bokmål, is exactly the reviewed one."""
        monkeypatch.chdir(CASES)
        args = ["ccs-vestland.yaml", "lavutslipp-agder.yaml", "--color", "never"]
        result = run_cli("explain", "-f", fmt, "--lang", lang, *args)

        assert result.exit_code == 0, render(result)
        golden(
            f"explain/two-missions.{lang}.{ext}",
            result.stdout.replace(__version__, "<version>"),
        )

    def test_invalid_mission_cannot_be_explained(self, run_cli: RunCli) -> None:
        """An invalid mission gets a pointer to validate, and exit code 1."""
        result = run_cli("explain", str(CASES / "invalid.yaml"))

        assert result.exit_code == 1
        assert "oppdrag validate" in result.stderr

    def test_criteria_prints_the_rulebook(self, run_cli: RunCli) -> None:
        """explain --criteria lists every criterion with its weight and signal words."""
        result = run_cli("explain", "--criteria", "--color", "never")

        assert result.exit_code == 0
        assert "Rulebook 2.1" in result.stdout
        for name in ("scope", "main lever", "type of change", "time horizon"):
            assert name in result.stdout
        assert "restructure-redirect" in result.stdout


class TestEval:
    def test_accuracy_confusion_and_ablation(self, run_cli: RunCli) -> None:
        """eval prints accuracy, the confusion matrix and one ablation row per criterion."""
        result = run_cli("eval", "-f", "json", str(CASES))
        report = json.loads(result.stdout)

        assert (report["count"], report["correct"]) == (2, 1)
        assert report["accuracy"] == 0.5
        assert {
            "declared": "accelerating",
            "detected": "transforming",
            "count": 1,
        } in report["confusion"]
        assert len(report["ablation"]) == 14

    def test_eval_on_the_labelled_set(self, run_cli: RunCli) -> None:
        """On the project's labelled set the rulebook reaches at least 90 %."""
        result = run_cli("eval", "-f", "json", str(LABELLED))
        report = json.loads(result.stdout)

        assert report["count"] >= 40
        assert report["accuracy"] >= 0.9, report

    def test_eval_in_two_processes_as_in_one(self, run_cli: RunCli) -> None:
        """--jobs works for eval as for every command that reads proposals."""
        one = run_cli("eval", "-f", "json", str(LABELLED), "-j", "1")
        two = run_cli("eval", "-f", "json", str(LABELLED), "-j", "2")

        assert one.exit_code == two.exit_code
        assert one.stdout == two.stdout
        assert json.loads(two.stdout)["count"] >= 40

    def test_eval_text(self, run_cli: RunCli) -> None:
        """The text report shows the accuracy line and the tables."""
        result = run_cli("eval", str(CASES), "--color", "never")

        assert "Accuracy: 1/2 = 50.0%" in result.stdout
        assert "Confusion matrix" in result.stdout

    def test_nothing_labelled(self, run_cli: RunCli, in_tmp: Path) -> None:
        """Without any declared_type there is nothing to evaluate (exit 2)."""
        write(in_tmp / "p.yaml", (DATA / "valid-minimal.yaml").read_text())
        result = run_cli("eval", "p.yaml")

        assert result.exit_code == 2
        assert "no valid mission with a declared_type" in result.stderr


class TestConfig:
    def test_pyproject_overrides_threshold_weights_and_signals(
        self, run_cli: RunCli, in_tmp: Path
    ) -> None:
        """[tool.oppdrag.classify] changes the threshold, weights and signal words."""
        write(in_tmp / "p.yaml", (CASES / "ccs-vestland.yaml").read_text())
        before = classified(run_cli, "p.yaml")["vestland-co2-fangst"]["classification"]
        write(
            in_tmp / "pyproject.toml",
            "[tool.oppdrag.classify]\nthreshold = -0.9\n"
            "[tool.oppdrag.classify.weights]\nhorizon = 2.0\n"
            "[tool.oppdrag.classify.signals.lever]\ntransforming = ['sementproduksjon']\n",
        )
        after = classified(run_cli, "p.yaml")["vestland-co2-fangst"]["classification"]

        assert before["type"] == "accelerating"
        assert after["type"] == "transforming"
        assert after["threshold"] == -0.9
        assert {c["id"]: c["weight"] for c in after["criteria"]}["horizon"] == 2.0
        assert any(e["words"] == "Sementproduksjon" for e in after["evidence"])

    def test_oppdrag_toml_wins_over_pyproject(
        self, run_cli: RunCli, in_tmp: Path
    ) -> None:
        """oppdrag.toml in the same folder is used before pyproject.toml."""
        write(in_tmp / "p.yaml", (CASES / "ccs-vestland.yaml").read_text())
        write(in_tmp / "pyproject.toml", "[tool.oppdrag.classify]\nthreshold = -0.9\n")
        write(in_tmp / "oppdrag.toml", "[classify]\nthreshold = 0.5\n")
        result = classified(run_cli, "p.yaml")["vestland-co2-fangst"]["classification"]

        assert result["threshold"] == 0.5

    def test_unknown_key_is_an_error_with_a_suggestion(
        self, run_cli: RunCli, in_tmp: Path
    ) -> None:
        """A misspelt key or criterion in the configuration is exit 2 with 'did you mean'."""
        write(in_tmp / "p.yaml", (CASES / "ccs-vestland.yaml").read_text())
        write(in_tmp / "oppdrag.toml", "[classify]\ntreshold = 0.5\n")
        key = run_cli("classify", "p.yaml")
        write(in_tmp / "oppdrag.toml", "[classify.weights]\nhorizn = 1.0\n")
        criterion = run_cli("classify", "p.yaml")

        assert key.exit_code == 2
        assert "Did you mean 'threshold'?" in key.stderr
        assert criterion.exit_code == 2
        assert "Did you mean 'horizon'?" in criterion.stderr

    def test_broken_toml_and_missing_config(
        self, run_cli: RunCli, in_tmp: Path
    ) -> None:
        """Unreadable settings are exit 2 with the file named."""
        write(in_tmp / "p.yaml", (CASES / "ccs-vestland.yaml").read_text())
        write(in_tmp / "oppdrag.toml", "[classify\n")
        broken = run_cli("classify", "p.yaml")
        missing = run_cli("classify", "--config", "nowhere.toml", "p.yaml")

        assert broken.exit_code == 2
        assert "oppdrag.toml" in broken.stderr
        assert missing.exit_code == 2
        assert "nowhere.toml" in missing.stderr


def test_large_batches_get_a_compact_table(run_cli: RunCli, in_tmp: Path) -> None:
    """Over a hundred missions the overview is one aligned line per mission."""
    text = (CASES / "ccs-vestland.yaml").read_text()
    for index in range(120):
        write(
            in_tmp / f"m{index:03d}.yaml",
            text.replace("vestland-co2-fangst", f"m-{index:03d}"),
        )
    result = run_cli("classify", ".")
    lines = [line for line in result.stdout.splitlines() if line.startswith("m")]

    assert result.exit_code == 0, render(result)
    assert len(lines) == 120
    assert lines[0].split()[:2] == ["m000.yaml", "m-000"]


@pytest.mark.parametrize("command", ["classify", "check"])
def test_the_excel_csv_opens_in_norwegian_excel(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    """A byte-order mark, ';' between cells, decimal commas and SANN/USANN in bokmål."""
    monkeypatch.chdir(CASES)
    plain = run_cli(command, "-f", "csv", "--lang", "nb", ".")
    excel = run_cli(command, "-f", "excel-csv", "--lang", "nb", ".")

    assert excel.stdout.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(excel.stdout[1:]), delimiter=";"))
    expected = list(csv.DictReader(io.StringIO(plain.stdout)))
    assert [row.keys() for row in rows] == [row.keys() for row in expected]
    for row, before in zip(rows, expected, strict=True):
        for key, value in before.items():
            assert row[key] == {"True": "SANN", "False": "USANN"}.get(
                value, value.replace(".", ",") if _is_decimal(value) else value
            ), key


def _is_decimal(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return "." in value
