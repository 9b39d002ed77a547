"""``oppdrag validate`` as a user meets it: exit codes, positions, messages, formats."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import DATA, EXAMPLES, RunCli, render, write


class TestExamples:
    def test_examples_are_valid(self, run_cli: RunCli) -> None:
        """Every shipped example validates, and the summary counts its missions."""
        result = run_cli("validate", str(EXAMPLES))

        assert result.exit_code == 0, render(result)
        assert "0 invalid" in result.stdout
        assert result.stderr == ""


class TestSixFaults:
    """One proposal with six different faults reports all of them, each located."""

    def findings(self, run_cli: RunCli) -> list[dict[str, object]]:
        result = run_cli("validate", "--format", "json", str(DATA / "six-faults.yaml"))
        assert result.exit_code == 1, render(result)
        document = json.loads(result.stdout)
        [unit] = document["files"][0]["documents"]
        return list(unit["findings"])

    def test_every_fault_at_its_line_and_column(self, run_cli: RunCli) -> None:
        """Each fault is found once, at the exact line and column of the problem."""
        found = {
            (f["code"], f["path"], f["line"], f["column"])
            for f in self.findings(run_cli)
        }

        assert found == {
            ("S002", "languag", 4, 1),
            ("S005", "declared_type", 6, 16),
            ("S003", "challenge.summary", 7, 1),
            ("S004", "objective.deadline", 12, 13),
            ("S006", "objective.targets[0].year", 16, 13),
            ("Y002", "", 21, 5),
        }

    def test_suggestions_for_misspelling_and_choice(self, run_cli: RunCli) -> None:
        """The misspelt key and the wrong choice each get a 'did you mean'."""
        helps = {f["code"]: f["help"] for f in self.findings(run_cli)}

        assert helps["S002"] == "Did you mean 'language'?"
        assert helps["S005"].startswith("Did you mean 'transforming'?")

    def test_text_output_shows_location_source_and_help(self, run_cli: RunCli) -> None:
        """Text output: file:line:col: CODE, the source line, a caret, a help line."""
        result = run_cli("validate", str(DATA / "six-faults.yaml"))

        lines = result.stdout.splitlines()
        head = next(i for i, line in enumerate(lines) if ":4:1: S002" in line)
        assert lines[head + 1].strip() == "4 | languag: nb"
        assert lines[head + 2].endswith("| ^")
        assert lines[head + 3].strip() == "= help: Did you mean 'language'?"
        assert lines[-1] == (
            "1 file(s), 1 mission(s): 0 valid, 1 invalid; 6 error(s), 0 warning(s), 0 info(s)"
        )

    def test_bokmal_messages(self, run_cli: RunCli) -> None:
        """With --lang nb the messages and the summary are in Norwegian."""
        result = run_cli("validate", "--lang", "nb", str(DATA / "six-faults.yaml"))

        assert "ukjent nøkkel «languag»" in result.stdout
        assert "Mente du «language»?" in result.stdout
        assert "0 gyldige, 1 ugyldige" in result.stdout

    def test_locale_picks_bokmal(self, run_cli: RunCli, monkeypatch: object) -> None:
        """Without --lang, a Norwegian locale gives Norwegian messages."""
        import pytest  # noqa: PLC0415

        assert isinstance(monkeypatch, pytest.MonkeyPatch)
        monkeypatch.setenv("LANG", "nb_NO.UTF-8")
        result = run_cli("validate", str(DATA / "six-faults.yaml"))

        assert "ukjent nøkkel" in result.stdout


class TestStrategy:
    def test_each_mission_reported_with_its_own_start_line(
        self, run_cli: RunCli
    ) -> None:
        """A strategy file lists the header and each mission with index and line."""
        result = run_cli(
            "validate", "-f", "json", str(DATA / "strategy-with-faults.yaml")
        )

        units = json.loads(result.stdout)["files"][0]["documents"]
        assert [(u["kind"], u["mission"], u["line"], u["valid"]) for u in units] == [
            ("strategy", None, 1, True),
            ("mission", 0, 7, True),
            ("mission", 1, 14, False),
        ]
        [finding] = units[2]["findings"]
        assert (finding["path"], finding["line"], finding["column"]) == (
            "missions[1].actors[0].kind",
            23,
            15,
        )
        assert finding["help"].startswith("Did you mean 'municipality'?")


class TestInputs:
    def test_standard_input(self, run_cli: RunCli) -> None:
        """'-' reads a proposal from standard input, named by --stdin-filename."""
        text = (DATA / "six-faults.yaml").read_bytes()
        result = run_cli("validate", "-", "--stdin-filename", "draft.yaml", input=text)

        assert result.exit_code == 1
        assert "draft.yaml:4:1: S002" in result.stdout

    def test_multi_document_stream(self, run_cli: RunCli, in_tmp: Path) -> None:
        """Each document of a '---' stream is validated and reported on its own."""
        minimal = (DATA / "valid-minimal.yaml").read_text()
        write(in_tmp / "two.yaml", minimal + "---\n" + minimal.replace("2030", "year"))
        result = run_cli("validate", "-f", "json", "two.yaml")

        units = json.loads(result.stdout)["files"][0]["documents"]
        assert [(u["document"], u["line"], u["valid"]) for u in units] == [
            (0, 1, True),
            (1, 10, False),
        ]
        assert units[1]["findings"][0]["line"] == 17

    def test_output_file(self, run_cli: RunCli, in_tmp: Path) -> None:
        """--output writes the report to a file and keeps stdout empty."""
        result = run_cli("validate", "-f", "json", "-o", "out.json", str(EXAMPLES))

        assert result.exit_code == 0
        assert result.stdout == ""
        assert json.loads((in_tmp / "out.json").read_text())["summary"]["invalid"] == 0

    def test_bad_option_is_a_usage_error(self, run_cli: RunCli) -> None:
        """An unknown format is exit code 2 with a message on stderr."""
        result = run_cli("validate", "--format", "xml", str(EXAMPLES))

        assert result.exit_code == 2
        assert "xml" in result.stderr

    def test_bad_size_is_a_usage_error(self, run_cli: RunCli) -> None:
        """A --max-file-size that is not a size is exit code 2."""
        result = run_cli("validate", "--max-file-size", "big", str(EXAMPLES))

        assert result.exit_code == 2
        assert "not a size" in result.stderr


class TestColour:
    def test_always_colours_and_never_does_not(self, run_cli: RunCli) -> None:
        """--color always colours even under NO_COLOR; --color never does not."""
        path = str(DATA / "six-faults.yaml")
        coloured = run_cli("validate", "--color", "always", path).stdout
        plain = run_cli("validate", "--color", "never", path).stdout

        assert "\x1b[" in coloured
        assert "\x1b[" not in plain

    def test_no_color_is_respected(self, run_cli: RunCli) -> None:
        """In auto mode NO_COLOR (set by the fixture) keeps output plain."""
        result = run_cli("validate", str(DATA / "six-faults.yaml"))

        assert "\x1b[" not in result.stdout


class TestFastStart:
    """'oppdrag validate FILE…' without options starts without typer, with the same result."""

    def run_main(self, *args: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "NO_COLOR": "1", "LANG": "C.UTF-8"}
        env.pop("LC_ALL", None)
        return subprocess.run(
            [sys.executable, "-m", "oppdrag", *args],
            capture_output=True,
            text=True,
            check=False,
            env=env,
        )

    def test_same_output_and_exit_code_as_the_typer_command(
        self, run_cli: RunCli
    ) -> None:
        """The fast start and the full command print the same report and exit code."""
        path = str(DATA / "six-faults.yaml")
        fast = self.run_main("validate", path)
        full = run_cli("validate", path)

        assert fast.returncode == full.exit_code == 1
        assert fast.stdout == full.stdout

    def test_typer_is_not_imported(self) -> None:
        """The fast start does not load typer (that is the point of it)."""
        probe = (
            "import sys, runpy; sys.argv = ['oppdrag', 'validate', {!r}]\n"
            "try:\n    runpy.run_module('oppdrag', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            "print('typer' in sys.modules)"
        ).format(str(DATA / "valid-minimal.yaml"))
        result = subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, check=False
        )

        assert result.stdout.strip().splitlines()[-1] == "False"

    def test_options_and_missing_paths_still_work(self) -> None:
        """With an option the full command runs; a missing path is still exit 2."""
        assert (
            self.run_main(
                "validate", "--quiet", str(DATA / "valid-minimal.yaml")
            ).returncode
            == 0
        )
        missing = self.run_main("validate", "nowhere.yaml")

        assert missing.returncode == 2
        assert "nowhere.yaml: no such file or directory" in missing.stderr


def test_a_file_the_reader_stops_in_says_the_rest_was_not_checked(
    run_cli: RunCli, in_tmp: Path
) -> None:
    """A tab that stops the reader: the documents before it are checked in full, and
    the error says that nothing from there on was, so fixing it may show more."""
    first = "schema_version: 1\nid: Bad Id\ntitle: x\n"
    second = "---\nschema_version: 1\nid: other\nchallenge:\n\tsummary: tab\n"
    write(in_tmp / "p.yaml", first + second)
    result = run_cli("validate", "p.yaml")

    assert result.exit_code == 1, render(result)
    assert "p.yaml:2:5: S007" in result.stdout  # the first document, checked
    assert "p.yaml:8:1: Y011" in result.stdout
    assert (
        "= note: oppdrag could not read on from here, so nothing in this document "
        "or after it was checked; fixing this may show more problems"
    ) in result.stdout
    assert result.stdout.count("= note:") == 1
