"""A run an attacker tries to turn: full disks, report links, skipped files, hidden rules.

Each test is one reproduction from a red-team run, through the command line: the
documented exit code and message, no traceback, and nothing on disk changed that
the user did not ask for.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA, RunCli, render, write

GOOD = (DATA / "valid-minimal.yaml").read_text(encoding="utf-8")


# Standard output that cannot be written --------------------------------------------


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize(
    "arguments",
    [
        ["check", "good.yaml"],
        ["check", "-f", "json", "good.yaml"],
        ["--version"],
        ["--help"],
        ["rule", "Y101"],
    ],
    ids=["check", "check-json", "version", "help", "rule"],
)
def test_full_disk_on_standard_output_is_a_clear_error(
    arguments: list[str], tmp_path: Path
) -> None:
    """'oppdrag check good.yaml > /dev/full': one line saying why, exit 2."""
    write(tmp_path / "good.yaml", GOOD)
    with open("/dev/full", "wb") as full:
        process = subprocess.run(
            [sys.executable, "-m", "oppdrag", *arguments],
            cwd=tmp_path,
            stdout=full,
            stderr=subprocess.PIPE,
            env={**os.environ, "LANG": "C", "NO_COLOR": "1"},
            timeout=60,
            check=False,
        )
    stderr = process.stderr.decode()

    assert process.returncode == 2, stderr
    assert stderr == (
        "oppdrag: error: cannot write to standard output (No space left on device); "
        "the report did not reach it\n"
    )


# Reports written over links ----------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_report_over_a_link_does_not_take_the_targets_mode(
    run_cli: RunCli, in_tmp: Path
) -> None:
    """A report written where a link to a setuid, world-writable file stands is an
    ordinary file of the user's own mode; the link's target is not touched."""
    write(in_tmp / "good.yaml", GOOD)
    target = write(in_tmp / "target.bin", "keep")
    target.chmod(0o4777)
    (in_tmp / "out.html").symlink_to(target)
    result = run_cli("report", "good.yaml", "-o", "out.html")

    assert result.exit_code == 0, render(result)
    written = (in_tmp / "out.html").lstat()
    assert stat.S_ISREG(written.st_mode)
    assert not written.st_mode & (stat.S_ISUID | stat.S_ISGID | stat.S_IWOTH)
    assert not written.st_mode & 0o111
    assert target.read_text() == "keep"
    assert stat.S_IMODE(target.stat().st_mode) == 0o4777


def test_report_over_a_setuid_file_drops_the_special_bits(
    run_cli: RunCli, in_tmp: Path
) -> None:
    """Writing over an existing report keeps its read/write permissions, nothing more."""
    write(in_tmp / "good.yaml", GOOD)
    old = write(in_tmp / "out.csv", "old")
    old.chmod(0o6755)
    result = run_cli("classify", "good.yaml", "-f", "csv", "-o", "out.csv")

    assert result.exit_code == 0, render(result)
    assert stat.S_IMODE((in_tmp / "out.csv").stat().st_mode) == 0o644


# Every finding at once ---------------------------------------------------------------


def test_yaml11_words_are_reported_beside_schema_errors(
    run_cli: RunCli, in_tmp: Path
) -> None:
    """'language: no' and 'tags: [NO, yes]': the schema error and every Y101 together."""
    write(in_tmp / "p.yaml", GOOD + "language: no\ntags: [NO, yes]\n")
    result = run_cli("check", "p.yaml")

    assert result.exit_code == 1, render(result)
    places = [line.split(" ")[:2] for line in result.stdout.splitlines()]
    assert ["p.yaml:9:11:", "S005"] in places
    assert ["p.yaml:9:11:", "Y101"] in places
    assert ["p.yaml:10:8:", "Y101"] in places
    assert ["p.yaml:10:12:", "Y101"] in places


# Files a folder walk leaves out ------------------------------------------------------

# A failing proposal (its id is not a valid identifier) written so that its keys do
# not look like proposal keys at the start of a line, each beside one unknown key.
HIDDEN_PROPOSALS = {
    "quoted keys": (
        '"schema_version": 1\n"id": "Not An Id"\n"title": A minimal mission\n'
        "unknown: 1\n"
    ),
    "escaped keys": '"\\x69d": "Not An Id"\n"ti\\u0074le": A minimal mission\nfoo: 1\n',
    "single-quoted keys": "'id': Not An Id\n'title': A minimal mission\nfoo: 1\n",
    "explicit keys": "? id\n: Not An Id\n? title\n: A minimal mission\nfoo: 1\n",
    "flow mapping": "{id: Not An Id, title: A minimal mission, foo: 1}\n",
    "keys with tags": "!!str id: Not An Id\n!!str title: A minimal mission\nfoo: 1\n",
    "indented second document": "foo: 1\n---\n  id: Not An Id\n  title: Mission\n",
    "tag that oppdrag refuses": (
        "foo: !!python/name:os.system x\n---\n  'id': Not An Id\n  title: Mission\n"
    ),
    "escaped key beside a refused tag": (
        'foo: !!python/name:os.system x\n"\\x69d": Not An Id\n'
    ),
    "alias as key": "foo: &k id\n*k : Not An Id\nbar: !!python/name:x y\n",
}


@pytest.mark.parametrize("text", HIDDEN_PROPOSALS.values(), ids=list(HIDDEN_PROPOSALS))
def test_a_walked_proposal_cannot_hide_from_the_check(
    run_cli: RunCli, in_tmp: Path, text: str
) -> None:
    """A failing proposal found by walking a folder is checked however its keys are
    written: the run fails, and the file is not among those left out."""
    write(in_tmp / "proposals/good.yaml", GOOD)
    write(in_tmp / "proposals/evil.yaml", text)
    result = run_cli("check", ".")

    assert result.exit_code == 1, render(result)
    assert "proposals/evil.yaml:" in result.stdout
    assert "left out" not in result.stderr


@pytest.mark.parametrize(
    "text",
    [
        "site_name: Oppdrag\nnav:\n  - index.md\n",
        (
            "site_name: Oppdrag\ntheme:\n  name: material\n  language: nb\n"
            "markdown_extensions:\n  - pymdownx.emoji:\n"
            "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        ),
        '"on": push\njobs: {}\n',
        "stages: [test]\n---\nvariables: {A: b}\n",
    ],
    ids=["mkdocs", "mkdocs-with-tags", "quoted-ci-key", "two-documents"],
)
def test_other_yaml_in_a_walked_folder_is_still_left_out(
    run_cli: RunCli, in_tmp: Path, text: str
) -> None:
    """Site and CI settings are left out of a folder walk, said on standard error."""
    write(in_tmp / "proposals/good.yaml", GOOD)
    write(in_tmp / "site.yml", text)
    result = run_cli("check", ".")

    assert "site.yml" not in result.stdout, render(result)
    assert "left out 1 YAML file(s) that are not proposals" in result.stderr
