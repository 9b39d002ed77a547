"""The published JSON Schema: generated from the models, committed, and agreeing."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft7Validator, Draft202012Validator
from ruamel.yaml import YAML

from oppdrag.model.counties import accepted_spellings, canonical_county
from tests.conftest import DATA, EXAMPLES, ROOT, RunCli, render, write

SCHEMA_FILE = ROOT / "schemas" / "mission-proposal.schema.json"
DRAFT_07_FILE = ROOT / "schemas" / "mission-proposal.draft-07.schema.json"
# ajv, as editors built on it read the schema; .ci/run installs it from npm.
AJV = Path(os.environ.get("OPPDRAG_AJV", ROOT / "build/node/node_modules/ajv"))
NODE = shutil.which("node")
needs_ajv = pytest.mark.skipif(
    (NODE is None or not AJV.is_dir()) and not os.environ.get("OPPDRAG_REQUIRE_AJV"),
    reason="needs node and ajv (npm install --prefix build/node ajv@8)",
)
PEER = shutil.which("check-jsonschema") or shutil.which(
    "check-jsonschema", path=str(Path(sys.executable).parent)
)


def test_schema_command_equals_the_committed_file(run_cli: RunCli) -> None:
    """`oppdrag schema` prints exactly schemas/mission-proposal.schema.json."""
    result = run_cli("schema")

    assert result.exit_code == 0, render(result)
    assert result.stdout == SCHEMA_FILE.read_text(encoding="utf-8")


def test_schema_is_valid_2020_12() -> None:
    """The schema is itself a valid JSON Schema (draft 2020-12)."""
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))

    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_every_field_is_documented() -> None:
    """Every property in the schema has a description for editor help."""
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    undocumented = [
        f"{name}.{prop}"
        for name, definition in schema["$defs"].items()
        for prop, spec in definition.get("properties", {}).items()
        if "description" not in spec
    ]

    assert undocumented == []


def test_examples_start_with_the_modeline() -> None:
    """Each example tells VS Code where the schema is."""
    first_lines = {
        p.name: p.read_text().splitlines()[0] for p in EXAMPLES.glob("*.yaml")
    }

    assert set(first_lines.values()) == {
        "# yaml-language-server: $schema=../schemas/mission-proposal.schema.json"
    }


def _mutations() -> list[tuple[str, str]]:
    """Faulty variants of a valid proposal, each a one-line change."""
    base = (DATA / "valid-minimal.yaml").read_text()
    changes = [
        ("id: minimal-mission", "id: Minimal Mission"),
        ("id: minimal-mission", "id: m"),
        ("title: A minimal mission", "title: Tiny"),
        ("title: A minimal mission", "title: 12345"),
        ("title: A minimal mission", "title: 2025-01-01"),
        ("deadline: 2030", "deadline: 3030"),
        ("deadline: 2030", "deadline: '2030'"),
        ("deadline: 2030", "deadline: 2030.5"),
        ("schema_version: 1", "schema_version: 2"),
        ("schema_version: 1", "schema_version: '1'"),
        ("  summary: Emissions from transport are too high.", "  summary: ' '"),
        ("  summary: Emissions from transport are too high.", "  summery: x"),
        ("objective:", "objectiv:"),
        ("schema_version: 1", "schema_version: 1\nlanguage: de"),
        ("schema_version: 1", "schema_version: 1\ncounty: Viken"),
        ("schema_version: 1", "schema_version: 1\ncounty: 99"),
        ("schema_version: 1", "schema_version: 1\ncounty: []"),
        ("schema_version: 1", "schema_version: 1\ncounty: [vestland, 3]"),
        ("schema_version: 1", "schema_version: 1\ncounty: VESTLAND"),
        ("schema_version: 1", "schema_version: 1\nsdgs: [3, 3]"),
        ("schema_version: 1", "schema_version: 1\nsdgs: [18]"),
        ("schema_version: 1", "schema_version: 1\nbudget: {amount: -5}"),
        ("schema_version: 1", "schema_version: 1\nbudget: {amount: 5, currency: nok}"),
        ("schema_version: 1", "schema_version: 1\nperiod: {start: 2030, end: 2020}"),
        ("schema_version: 1", "schema_version: 1\ndeclared_type: akselererende"),
        ("schema_version: 1", "schema_version: 1\nactors: [{name: X, kind: firm}]"),
        ("schema_version: 1", "schema_version: 1\ninstruments: [tax]"),
        ("schema_version: 1", "schema_version: 1\nstatus: true"),
        ("schema_version: 1", "schema_version: 1\ntags: yes"),
        ("schema_version: 1", "schema_version: 1\nowner: null"),
    ]
    return [
        (f"m{i:02d}.yaml", base.replace(old, new, 1))
        for i, (old, new) in enumerate(changes)
    ]


@pytest.mark.slow
@pytest.mark.skipif(
    PEER is None, reason="needs check-jsonschema (pip install -e '.[test]')"
)
def test_what_check_jsonschema_rejects_we_reject(
    tmp_path: Path, run_cli: RunCli
) -> None:
    """Whatever check-jsonschema rejects (examples and faulty variants), we reject."""
    files = [write(tmp_path / name, text) for name, text in _mutations()]
    files += [write(tmp_path / p.name, p.read_text()) for p in EXAMPLES.glob("*.yaml")]
    peer = subprocess.run(
        [str(PEER), "--schemafile", str(SCHEMA_FILE), "-o", "json", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    verdict = json.loads(peer.stdout)
    rejected_by_peer = {
        Path(entry["filename"]).name
        for entry in verdict["errors"] + verdict["parse_errors"]
    }
    result = run_cli("validate", "-f", "json", str(tmp_path))
    ours = {
        Path(f["path"]).name
        for f in json.loads(result.stdout)["files"]
        if not f["valid"]
    }

    assert rejected_by_peer - ours == set()
    assert not any(p.name in rejected_by_peer | ours for p in EXAMPLES.glob("*.yaml"))
    assert len(rejected_by_peer) >= 20  # the variants really are faulty


def test_examples_pass_the_schema_in_process() -> None:
    """Each example (loaded as JSON-like data) satisfies the JSON Schema itself."""
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema)
    yaml = YAML(typ="safe")
    for path in sorted(EXAMPLES.glob("*.yaml")):
        errors = list(validator.iter_errors(yaml.load(path)))
        assert errors == [], f"{path.name}: {errors[0].message}"


def test_python_module_entry_point() -> None:
    """`python -m oppdrag --version` works like the console script."""
    result = subprocess.run(
        [sys.executable, "-m", "oppdrag", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0
    assert result.stdout.startswith("oppdrag ")


def test_every_county_spelling_oppdrag_accepts_the_schema_accepts() -> None:
    """Editors using the JSON Schema show no error oppdrag would not (Trondelag …)."""
    schema = json.loads(SCHEMA_FILE.read_text())
    validator = Draft202012Validator(schema)
    base = {
        "schema_version": 1,
        "id": "county-test",
        "title": "County spellings",
        "challenge": {"summary": "Test"},
        "objective": {"statement": "Test", "deadline": 2030},
    }
    spellings = [*accepted_spellings(), "Trondelag", "MØRE OG ROMSDAL", "Hele  landet"]

    for spelling in spellings:
        assert canonical_county(spelling) is not None, spelling
        errors = list(validator.iter_errors({**base, "county": spelling}))
        assert not errors, (spelling, errors[0].message)
    assert list(validator.iter_errors({**base, "county": "Viken"}))


def test_the_draft_07_schema_is_committed_and_valid(run_cli: RunCli) -> None:
    """`oppdrag schema --draft 07` prints the committed draft-07 file, a valid schema."""
    result = run_cli("schema", "--draft", "07")

    assert result.exit_code == 0, render(result)
    assert result.stdout == DRAFT_07_FILE.read_text(encoding="utf-8")
    schema = json.loads(result.stdout)
    Draft7Validator.check_schema(schema)
    assert "$defs" not in result.stdout


def _documents(tmp_path: Path) -> list[Path]:
    """The examples and the faulty variants as JSON files, as a tool would read them."""
    yaml = YAML(typ="safe")
    texts = [*_mutations(), *((p.name, p.read_text()) for p in EXAMPLES.glob("*.yaml"))]
    paths = []
    for name, text in sorted(texts):
        data = yaml.load(text)
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(data, default=str), encoding="utf-8")
        paths.append(path)
    return paths


def test_both_drafts_accept_the_same_documents(tmp_path: Path) -> None:
    """Draft 2020-12 and draft-07 give every example and variant the same verdict."""
    newest = Draft202012Validator(json.loads(SCHEMA_FILE.read_text()))
    oldest = Draft7Validator(json.loads(DRAFT_07_FILE.read_text()))
    verdicts = []
    for path in _documents(tmp_path):
        data = json.loads(path.read_text())
        verdicts.append(newest.is_valid(data))
        assert oldest.is_valid(data) == verdicts[-1], path.name
    assert True in verdicts
    assert False in verdicts


@needs_ajv
@pytest.mark.parametrize("schema", [SCHEMA_FILE, DRAFT_07_FILE], ids=["2020-12", "07"])
def test_ajv_loads_the_schema_and_agrees(tmp_path: Path, schema: Path) -> None:
    """ajv (strict mode) compiles the schema and agrees with the reference validator."""
    assert NODE is not None
    documents = _documents(tmp_path)
    script = ROOT / "tests" / "schema_tools" / "ajv-validate.cjs"
    result = subprocess.run(
        [NODE, str(script), str(AJV), str(schema), *map(str, documents)],
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    reference = Draft202012Validator(json.loads(SCHEMA_FILE.read_text()))
    expected = [
        "valid" if reference.is_valid(json.loads(p.read_text())) else "invalid"
        for p in documents
    ]
    assert result.stdout.split() == expected
