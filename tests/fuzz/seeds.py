"""The fuzzer's seed corpus and kept crashes, read from what the repository holds."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[2]
CRASHES = Path(__file__).resolve().parent / "crashes"
ENTRY_POINTS = ("validate", "check", "classify")


def seed_files() -> Iterator[bytes]:
    """Proposals, rule-case files, the YAML test suite and every kept crash."""
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        yield path.read_bytes()
    yield from _case_files()
    for path in sorted(
        (ROOT / "tests" / "corpora" / "yaml-test-suite").glob("**/in.yaml")
    ):
        yield path.read_bytes()
    for path in sorted(CRASHES.glob("*")):
        if path.suffix != ".md":
            yield path.read_bytes()


def _case_files() -> Iterator[bytes]:
    """The files of every rule case, failing and passing halves."""
    yaml = YAML(typ="safe", pure=True)
    for path in sorted((ROOT / "tests" / "rules" / "cases").glob("*.yaml")):
        case = yaml.load(path.read_text(encoding="utf-8"))
        for half in ("fail", "pass"):
            for text in (case.get(half, {}).get("files") or {}).values():
                yield str(text).encode("utf-8")


def write_seeds(folder: Path) -> int:
    """Write each seed once per entry point (its first byte picks the entry)."""
    count = 0
    for content in seed_files():
        for index in range(len(ENTRY_POINTS)):
            data = bytes([index]) + content
            name = hashlib.sha1(data).hexdigest()
            (folder / name).write_bytes(data)
            count += 1
    return count
