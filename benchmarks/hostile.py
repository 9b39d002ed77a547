"""Time and peak memory of oppdrag on hostile inputs, at 1x and 10x their size.

Not a test (tests/cli/test_hostile_yaml.py and test_boundaries.py hold the
bounds); this prints the figures for the notes and shows growth is linear:

    python benchmarks/hostile.py              # every case
    python benchmarks/hostile.py comment flow # the cases named so
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


def long_comment(scale: int) -> bytes:
    return ("id: &a x\n# " + "x" * (1_000_000 * scale) + "\n").encode()


def blank_lines(scale: int) -> bytes:
    anchored = GOOD.replace("id: ", "id: &a ", 1)
    return ("---\n" + "\n" * (900_000 * scale) + anchored).encode()


def empty_documents(scale: int) -> bytes:
    return b"---\n" * (10_000 * scale)


def proposal_stream(scale: int) -> bytes:
    return "".join(
        "---\n" + GOOD.replace("minimal-mission", f"mission-{index:05}")
        for index in range(5_300 * scale)
    ).encode()


def flow_list(scale: int) -> bytes:
    return ("[" + ", ".join(["a"] * (333_000 * scale)) + "]\n").encode()


def proposals(scale: int) -> list[bytes]:
    return [
        GOOD.replace("minimal-mission", f"mission-{index:05}").encode()
        for index in range(2_000 * scale)
    ]


# A case makes one file's bytes, a folder of files, or (Build) writes a folder
# of its own, which is checked as a whole.
Build = Callable[[Path], None]
Content = bytes | list[bytes] | Build


def link_dag(scale: int) -> Build:
    """Folders each linking twice to the next, a proposal in the last (15 / 150)."""
    levels = 15 * scale

    def build(folder: Path) -> None:
        for level in range(levels):
            Path(folder, f"l{level}").mkdir()
        for level in range(levels - 1):
            for link in ("a", "b"):
                os.symlink(f"../l{level + 1}", Path(folder, f"l{level}", link))
        Path(folder, f"l{levels - 1}", "p.yaml").write_text(GOOD, encoding="utf-8")

    return build


def gitignore_pattern(scale: int) -> Build:
    """'*a*a…*a*b' (12 / 120 stars) in a repository, and folders named a…a."""

    def build(folder: Path) -> None:
        Path(folder, ".git").mkdir()
        pattern = "*a" * (12 * scale) + "*b\n"
        Path(folder, ".gitignore").write_text(pattern, encoding="utf-8")
        for length in (40, min(40 * scale, 250)):
            Path(folder, "a" * length).mkdir(exist_ok=True)
            Path(folder, "a" * length, "p.yaml").write_text(GOOD, encoding="utf-8")

    return build


CASES: list[tuple[str, str, Callable[[int], Content]]] = [
    ("merge-key bomb", "validate", merge_bomb),
    ("waiver line", "check", waivers),
    ("keys in one group", "check", keys),
    ("waived findings (2,000 / 20,000)", "check", waived_findings),
    ("prose (9,900 / 99,000 chars)", "classify", prose),
    ("one word (0.9 / 9 MB)", "classify", word),
    ("comment line (1 / 10 MB)", "validate", long_comment),
    ("blank lines (0.9 / 9 MB)", "validate", blank_lines),
    ("empty documents (10k / 100k)", "check", empty_documents),
    ("proposals in a file (5.3k / 53k)", "validate", proposal_stream),
    ("flow list (1 / 10 MB)", "validate", flow_list),
    ("files in a report (2k / 20k)", "report", proposals),
    ("link DAG (15 / 150 folders)", "validate", link_dag),
    (".gitignore *a*a…*b (12 / 120)", "validate", gitignore_pattern),
]


def measure(command: str, content: Content) -> tuple[float, float]:
    """CPU seconds and peak megabytes of ``oppdrag COMMAND`` on one file or a folder."""
    with tempfile.TemporaryDirectory() as folder:
        if callable(content):
            path = Path(folder, "tree")
            path.mkdir()
            content(path)
        elif isinstance(content, bytes):
            path = Path(folder, "p.yaml")
            path.write_bytes(content)
        else:
            path = Path(folder, "proposals")
            path.mkdir()
            for index, text in enumerate(content):
                (path / f"p{index:05}.yaml").write_bytes(text)
        output = ["-o", str(Path(folder, "r.html"))] if command == "report" else []
        process = subprocess.Popen(
            [sys.executable, "-m", "oppdrag", command, str(path), *output],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _, _, usage = os.wait4(process.pid, 0)
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> None:
    """Every case, or those whose names hold one of the words given."""
    words = sys.argv[1:]
    header = ("input", "command", "1x CPU s", "10x CPU s", "1x MB", "10x MB")
    print("{:34} {:9} {:>9} {:>10} {:>7} {:>7}".format(*header))
    for name, command, make in CASES:
        if words and not any(word in name for word in words):
            continue
        one = measure(command, make(1))
        ten = measure(command, make(10))
        figures = (one[0], ten[0], one[1], ten[1])
        print(
            "{:34} {:9} {:9.2f} {:10.2f} {:7.0f} {:7.0f}".format(
                name, command, *figures
            )
        )


if __name__ == "__main__":
    main()
