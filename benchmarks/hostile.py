"""Time and peak memory of oppdrag on hostile inputs, at 1x and 10x their size.

Not a test (tests/cli/test_hostile_yaml.py, test_hostile_walk.py and
test_boundaries.py hold the bounds); this prints the figures for the notes and
shows growth is linear. A case is one hostile file, or a folder of them:

    python benchmarks/hostile.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOOD = (ROOT / "tests" / "data" / "valid-minimal.yaml").read_text(encoding="utf-8")
SUMMARY = "Emissions from transport are too high."


def merge_bomb(scale: int) -> bytes:
    levels, fan_out = (6, 9) if scale == 1 else (9, 40)
    lines = ["l0: &l0 {a: 1, b: 2}"]
    for level in range(1, levels + 1):
        aliases = ", ".join([f"*l{level - 1}"] * fan_out)
        lines.append(f"l{level}: &l{level} {{<<: [{aliases}]}}")
    return ("\n".join(lines) + "\n").encode()


def waivers(scale: int) -> bytes:
    line = " ".join(["# oppdrag: ignore["] * (8_000 * scale))
    return (GOOD.replace("minimal-mission", "waived") + line + "\n").encode()


def keys(scale: int) -> bytes:
    return "".join(f"k{i}: v\n" for i in range(20_000 * scale)).encode()


def waived_findings(scale: int) -> bytes:
    item = "  - no  # oppdrag: ignore[Y101] -- agreed\n"
    return (GOOD + "tags:\n" + item * (2_000 * scale)).encode()


def prose(scale: int) -> bytes:
    sentence = "Innbyggerne må endre vaner, og teknologi alene er ikke nok. "
    return GOOD.replace(SUMMARY, (sentence * 1_700 * scale)[: 9_900 * scale]).encode()


def word(scale: int) -> bytes:
    return GOOD.replace(SUMMARY, "x" * (900_000 * scale)).encode()


def link_dag(folder: Path, scale: int) -> None:
    """Folders each linking twice to the next, a proposal in the last (15 / 150)."""
    levels = 15 * scale
    for level in range(levels):
        Path(folder, f"l{level}").mkdir()
    for level in range(levels - 1):
        for link in ("a", "b"):
            os.symlink(f"../l{level + 1}", Path(folder, f"l{level}", link))
    Path(folder, f"l{levels - 1}", "p.yaml").write_text(GOOD, encoding="utf-8")


def gitignore_pattern(folder: Path, scale: int) -> None:
    """'*a*a…*a*b' (12 / 120 stars) in a repository, and folders named a…a."""
    Path(folder, ".git").mkdir()
    pattern = "*a" * (12 * scale) + "*b\n"
    Path(folder, ".gitignore").write_text(pattern, encoding="utf-8")
    for length in (40, min(40 * scale, 250)):
        Path(folder, "a" * length).mkdir(exist_ok=True)
        Path(folder, "a" * length, "p.yaml").write_text(GOOD, encoding="utf-8")


# A case makes one file's bytes, or (Build) writes a folder to check as '.'.
Build = Callable[[Path, int], None]
Make = Callable[[int], bytes]

CASES: list[tuple[str, str, Make | tuple[Build]]] = [
    ("merge-key bomb", "validate", merge_bomb),
    ("waiver line", "check", waivers),
    ("keys in one group", "check", keys),
    ("waived findings (2,000 / 20,000)", "check", waived_findings),
    ("prose (9,900 / 99,000 chars)", "classify", prose),
    ("one word (0.9 / 9 MB)", "classify", word),
    ("link DAG (15 / 150 folders)", "validate", (link_dag,)),
    (".gitignore *a*a…*b (12 / 120)", "validate", (gitignore_pattern,)),
]


def measure(command: str, make: Make | tuple[Build], scale: int) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as folder:
        if isinstance(make, tuple):
            make[0](Path(folder), scale)
            target = "."
        else:
            Path(folder, "p.yaml").write_bytes(make(scale))
            target = "p.yaml"
        process = subprocess.Popen(
            [sys.executable, "-m", "oppdrag", command, target],
            cwd=folder,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _, _, usage = os.wait4(process.pid, 0)
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> None:
    header = ("input", "command", "1x CPU s", "10x CPU s", "1x MB", "10x MB")
    print("{:34} {:9} {:>9} {:>10} {:>7} {:>7}".format(*header))
    for name, command, make in CASES:
        one = measure(command, make, 1)
        ten = measure(command, make, 10)
        figures = (one[0], ten[0], one[1], ten[1])
        print(
            "{:34} {:9} {:9.2f} {:10.2f} {:7.0f} {:7.0f}".format(
                name, command, *figures
            )
        )


if __name__ == "__main__":
    main()
