"""Time ``oppdrag`` against peer YAML checkers on one generated corpus.

Each corpus (``--counts`` sizes of proposals from ``benchmarks/generate.py``)
is written under ``benchmarks/.work/`` and reused until its count, its seed,
the generator or the examples change. The largest corpus also gives the one
file of median size for the one-file cases.
Each case is timed with hyperfine when it is installed, otherwise with repeated
subprocess runs timed by ``time.perf_counter``; either way the median is kept.
The peak memory (resident set) of each case is read from one untimed run.

Usage::

    python benchmarks/run.py [--peers-bin /tmp/peers/bin] [--oppdrag BIN]
                             [--command validate] [--counts 1000,10000]
                             [--json results.json]

Benchmarks are not tests: the script exits 0 even when a target is missed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
WORK = HERE / ".work"
SCHEMA = REPO / "schemas" / "mission-proposal.schema.json"
YAMALE_SCHEMA = HERE / "yamale-schema.yaml"
GENERATOR = HERE / "generate.py"
PEERS = ("check-jsonschema", "yamllint", "yamale")
ONE, VERSION = "1 file", "--version"


@dataclass
class Case:
    """One command to time, and the group of cases it is compared within."""

    group: str
    tool: str
    argv: list[str]
    runs: int
    exit_code: int | None = None
    median_ms: float | None = None
    peak_mib: float | None = None
    times_ms: list[float] = field(default_factory=list)


@dataclass
class Meta:
    """Where and with what the figures were measured."""

    date: str
    python: str
    cpus: int | None
    timer: str
    versions: dict[str, str]


@dataclass
class Target:
    """An acceptance target: oppdrag's time against a limit."""

    name: str
    limit: str
    value: str
    met: bool | None


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--oppdrag", help="the oppdrag executable (default: PATH)")
    parser.add_argument("--peers-bin", type=Path, help="folder holding the peers")
    parser.add_argument(
        "--command",
        default="validate",
        help="oppdrag command to time: validate (default), classify, check, ...",
    )
    parser.add_argument(
        "--counts",
        type=_sizes,
        default=[1000, 10000],
        help="corpus sizes, comma-separated (default: 1000,10000)",
    )
    parser.add_argument(
        "--count", type=int, help="one corpus size (the same as --counts N)"
    )
    parser.add_argument("--seed", type=int, default=1, help="corpus seed")
    parser.add_argument("--runs", type=int, default=10, help="runs per 1-file case")
    parser.add_argument(
        "--runs-many", type=int, default=5, help="runs per whole-corpus case"
    )
    parser.add_argument(
        "--runs-large",
        type=int,
        default=1,
        help="runs per case of 5,000 files or more (default: 1)",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        help="processes for oppdrag's whole-corpus runs (default: its own choice)",
    )
    parser.add_argument("--warmup", type=int, default=1, help="warm-up runs")
    parser.add_argument("--json", type=Path, help="also save the results here")
    parser.add_argument(
        "--no-hyperfine", action="store_true", help="time with perf_counter"
    )
    args = parser.parse_args(argv)
    if args.count is not None:
        args.counts = [args.count]
    return args


def _sizes(value: str) -> list[int]:
    return sorted({int(part) for part in value.split(",") if part.strip()})


# Whole-corpus cases of this many files or more are run --runs-large times.
LARGE = 5000


# --------------------------------------------------------------------- tools


def find_tool(name: str, peers_bin: Path | None) -> str | None:
    """An executable from ``peers_bin``, PATH or this Python's bin folder."""
    places = [peers_bin] if peers_bin else []
    for place in [*places, None, Path(sys.executable).parent]:
        found = shutil.which(name, path=None if place is None else str(place))
        if found:
            return found
    return None


def tool_version(executable: str) -> str:
    """The first line a tool prints for ``--version``, or '?'."""
    try:
        done = subprocess.run(
            [executable, "--version"],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return "?"
    lines = (done.stdout or done.stderr).strip().splitlines()
    return lines[0] if lines else "?"


# -------------------------------------------------------------------- corpus


def fingerprint(count: int, seed: int) -> str:
    """What the corpus is made from: count, seed, the generator and the examples."""
    digest = hashlib.sha256(f"{count} {seed}".encode())
    for path in [GENERATOR, *sorted((REPO / "examples").glob("*.y*ml"))]:
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def ensure_corpus(count: int, seed: int) -> Path:
    """Generate the corpus unless an up-to-date one is there already."""
    corpus = WORK / f"corpus-{count}-s{seed}"
    stamp = corpus / ".complete"
    wanted = fingerprint(count, seed)
    if stamp.exists() and stamp.read_text(encoding="utf-8").strip() == wanted:
        return corpus
    if corpus.exists():
        shutil.rmtree(corpus)
    print(f"generating {count} proposals into {corpus} ...", flush=True)
    command = [sys.executable, str(GENERATOR), str(corpus)]
    subprocess.run([*command, "--count", str(count), "--seed", str(seed)], check=True)
    stamp.write_text(wanted + "\n", encoding="utf-8")
    return corpus


def corpus_files(corpus: Path) -> list[Path]:
    """The proposal files of the corpus, in a stable order."""
    return sorted(corpus.glob("*.yaml"))


def typical_file(files: list[Path]) -> Path:
    """The file of median size, for the one-file cases."""
    return sorted(files, key=lambda f: (f.stat().st_size, f.name))[len(files) // 2]


# --------------------------------------------------------------------- cases


def peer_argv(tool: str, exe: str, targets: list[str], folder: str | None) -> list[str]:
    """The peer's command line for some files, or for a folder where it takes one."""
    if tool == "check-jsonschema":
        return [exe, "--schemafile", str(SCHEMA), *targets]
    if tool == "yamale":
        return [exe, "-s", str(YAMALE_SCHEMA), folder or targets[0]]
    return [exe, folder or targets[0]]


def many_files(count: int) -> str:
    """The name of the whole-corpus group."""
    return f"{count} files"


def build_cases(
    args: argparse.Namespace, oppdrag: str, peers: dict[str, str], corpora: list[Path]
) -> list[Case]:
    """All cases: 1 file, each whole corpus, and ``oppdrag --version``."""
    largest = corpus_files(corpora[-1])
    one = [str(typical_file(largest))]
    cases = [Case(ONE, "oppdrag", [oppdrag, args.command, *one], args.runs)]
    cases += [
        Case(ONE, tool, peer_argv(tool, exe, one, None), args.runs)
        for tool, exe in peers.items()
    ]
    for count, corpus in zip(args.counts, corpora, strict=True):
        many = [str(f) for f in corpus_files(corpus)]
        folder, group = str(corpus), many_files(count)
        runs = args.runs_large if count >= LARGE else args.runs_many
        jobs = [] if args.jobs is None else ["-j", str(args.jobs)]
        argv = [oppdrag, args.command, *jobs, folder]
        cases.append(Case(group, "oppdrag", argv, runs))
        cases += [
            Case(group, tool, peer_argv(tool, exe, many, folder), runs)
            for tool, exe in peers.items()
        ]
    cases.append(Case(VERSION, "oppdrag", [oppdrag, "--version"], args.runs))
    return cases


def probe(case: Case) -> None:
    """Run a case once to learn its exit code and peak memory.

    hyperfine stops on failures, so it must know the exit code first. The
    peak resident set is the one of this process alone (``os.wait4``).
    """
    process = subprocess.Popen(
        case.argv,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=WORK,
    )
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    case.exit_code = process.returncode
    # Linux gives kilobytes, macOS bytes.
    scale = 1 if sys.platform == "darwin" else 1024
    case.peak_mib = usage.ru_maxrss * scale / (1024 * 1024)


# -------------------------------------------------------------------- timing


def time_with_hyperfine(case: Case, hyperfine: str, warmup: int) -> None:
    """Time a case with hyperfine (no intermediate shell) and keep its median."""
    with tempfile.TemporaryDirectory() as tmp:
        export = Path(tmp) / "result.json"
        command = [hyperfine, "--shell=none", "--style", "none"]
        command += ["--warmup", str(warmup), "--runs", str(case.runs)]
        command += ["--export-json", str(export)]
        if case.exit_code:
            command.append("--ignore-failure")
        command.append(shlex.join(case.argv))
        subprocess.run(command, cwd=WORK, check=True, stdout=subprocess.DEVNULL)
        result = json.loads(export.read_text(encoding="utf-8"))["results"][0]
    case.times_ms = [t * 1000 for t in result["times"]]
    case.median_ms = result["median"] * 1000


def time_with_perf_counter(case: Case, warmup: int) -> None:
    """Time a case by running it repeatedly; keep the median wall-clock time."""
    for _ in range(warmup):
        probe(case)
    for _ in range(case.runs):
        start = time.perf_counter()
        subprocess.run(
            case.argv,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd=WORK,
            check=False,
        )
        case.times_ms.append((time.perf_counter() - start) * 1000)
    case.median_ms = statistics.median(case.times_ms)


def time_cases(cases: list[Case], hyperfine: str | None, warmup: int) -> None:
    """Time every case, printing progress to stderr."""
    for case in cases:
        print(f"timing {case.group:>8} {case.tool} ...", file=sys.stderr, flush=True)
        probe(case)
        if hyperfine:
            try:
                time_with_hyperfine(case, hyperfine, warmup)
            except (subprocess.CalledProcessError, OSError, KeyError, ValueError):
                print("  hyperfine failed; timing with perf_counter", file=sys.stderr)
                time_with_perf_counter(case, warmup)
        else:
            time_with_perf_counter(case, warmup)


# ------------------------------------------------------------------- results


def find_case(cases: list[Case], group: str, tool: str) -> Case | None:
    """One tool's case in one group, if it was timed."""
    return next((c for c in cases if c.group == group and c.tool == tool), None)


def median_of(cases: list[Case], group: str, tool: str) -> float | None:
    """The median time of one tool in one group, if it was timed."""
    case = find_case(cases, group, tool)
    return None if case is None else case.median_ms


def failed(case: Case | None) -> bool:
    """Whether a command did not run through (exit 2 or more: not just findings)."""
    return case is not None and (case.exit_code or 0) >= 2


def ratio_target(
    cases: list[Case], group: str, limit: float, peer: str = "check-jsonschema"
) -> Target:
    """oppdrag's time divided by a peer's, against a limit."""
    name, bound = f"{group} vs {peer}", f"≤ {limit}×"
    ours = find_case(cases, group, "oppdrag")
    theirs = median_of(cases, group, peer)
    if ours is None or ours.median_ms is None or not theirs:
        return Target(name, bound, f"n/a (no {peer})", None)
    ratio = ours.median_ms / theirs
    if failed(ours):
        return Target(name, bound, f"n/a (oppdrag exited {ours.exit_code})", None)
    return Target(name, bound, f"{ratio:.2f}×", ratio <= limit)


def targets_for(cases: list[Case], counts: list[int], command: str) -> list[Target]:
    """The acceptance targets: time against check-jsonschema, --version, memory."""
    targets = []
    thousand = many_files(1000)
    if 1000 in counts:
        limit = 0.25 if command == "validate" else 0.3
        targets.append(ratio_target(cases, thousand, limit))
        if command == "validate":
            targets.append(ratio_target(cases, thousand, 1.0, "yamale"))
    targets.append(ratio_target(cases, ONE, 0.5 if command == "validate" else 0.6))
    version = median_of(cases, VERSION, "oppdrag")
    targets.append(
        Target(
            "oppdrag --version",
            "< 100 ms",
            "n/a" if version is None else f"{version:.0f} ms",
            None if version is None else version < 100,
        )
    )
    if len(counts) > 1:
        targets.append(memory_target(cases, counts[0], counts[-1]))
    return targets


def memory_target(cases: list[Case], small: int, large: int) -> Target:
    """Whether peak memory stays flat from the smallest corpus to the largest."""
    name = f"peak memory, {large} files against {small}"
    low = find_case(cases, many_files(small), "oppdrag")
    high = find_case(cases, many_files(large), "oppdrag")
    if low is None or high is None or low.peak_mib is None or high.peak_mib is None:
        return Target(name, "≤ +40 MB", "n/a", None)
    grown = (high.peak_mib - low.peak_mib) * 1.048576  # MiB to MB
    return Target(name, "≤ +40 MB", f"{grown:+.0f} MB", grown <= 40)


def ratio_text(cases: list[Case], case: Case) -> str:
    """oppdrag's median divided by this peer's, in the same group."""
    ours = median_of(cases, case.group, "oppdrag")
    if case.tool == "oppdrag" or ours is None or not case.median_ms:
        return "—"
    return f"{ours / case.median_ms:.2f}"


def table(cases: list[Case], command: str) -> str:
    """A Markdown table of medians, ratios and peak memory."""
    rows = [
        "| case | tool | median (ms) | oppdrag/peer | peak memory (MiB) | exit |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for case in cases:
        tool = f"oppdrag {command}" if case.tool == "oppdrag" else case.tool
        if case.group == VERSION:
            tool = "oppdrag --version"
        median = "—" if case.median_ms is None else f"{case.median_ms:.0f}"
        peak = "—" if case.peak_mib is None else f"{case.peak_mib:.0f}"
        rows.append(
            f"| {case.group} | {tool} | {median} | {ratio_text(cases, case)} "
            f"| {peak} | {case.exit_code} |"
        )
    return "\n".join(rows)


def targets_table(targets: list[Target]) -> str:
    """A Markdown table of the acceptance targets."""
    rows = ["| target | limit | measured | met |", "|---|---|---:|---|"]
    for target in targets:
        met = "n/a" if target.met is None else ("yes" if target.met else "**no**")
        rows.append(f"| {target.name} | {target.limit} | {target.value} | {met} |")
    return "\n".join(rows)


def save_json(path: Path, meta: Meta, cases: list[Case], targets: list[Target]) -> None:
    """Write the results as JSON."""
    data = {
        **asdict(meta),
        "cases": [asdict(c) for c in cases],
        "targets": [asdict(t) for t in targets],
    }
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    path.write_text(text, encoding="utf-8")


# ---------------------------------------------------------------------- main


def find_oppdrag(option: str | None) -> str | None:
    """The oppdrag executable: the option, else PATH, else next to this Python."""
    if option:
        return shutil.which(option) or (option if Path(option).exists() else None)
    return find_tool("oppdrag", None)


def find_peers(peers_bin: Path | None) -> dict[str, str]:
    """The installed peers, with a note for each one that is missing."""
    found: dict[str, str] = {}
    for name in PEERS:
        exe = find_tool(name, peers_bin)
        if exe is None:
            print(f"note: {name} is not installed; skipping it", file=sys.stderr)
        else:
            found[name] = exe
    return found


def describe(oppdrag: str, peers: dict[str, str], hyperfine: str | None) -> Meta:
    """The machine, timer and tool versions."""
    return Meta(
        date=dt.date.today().isoformat(),
        python=platform.python_version(),
        cpus=os.cpu_count(),
        timer=tool_version(hyperfine) if hyperfine else "time.perf_counter",
        versions={
            "oppdrag": tool_version(oppdrag),
            **{name: tool_version(exe) for name, exe in peers.items()},
        },
    )


def print_report(
    meta: Meta, cases: list[Case], targets: list[Target], args: argparse.Namespace
) -> None:
    """Print the machine, the versions and both tables."""
    print(f"\n{meta.date}, {meta.cpus} CPUs, Python {meta.python}, timer: {meta.timer}")
    print("; ".join(f"{tool}: {version}" for tool, version in meta.versions.items()))
    sizes = ", ".join(str(count) for count in args.counts)
    print(f"corpora: {sizes} generated proposals (seed {args.seed})\n")
    print(table(cases, args.command))
    for case in cases:
        if case.exit_code:
            print(
                f"note: {case.tool} ({case.group}) exited {case.exit_code}; "
                "its time may not be comparable"
            )
    print()
    print(targets_table(targets))


def main(argv: list[str] | None = None) -> int:
    """Generate the corpus, time every case, print the tables."""
    args = parse_args(argv)
    oppdrag = find_oppdrag(args.oppdrag)
    if oppdrag is None:
        print("oppdrag not found; pass --oppdrag BIN", file=sys.stderr)
        return 0
    peers = find_peers(args.peers_bin)
    hyperfine = None if args.no_hyperfine else shutil.which("hyperfine")
    WORK.mkdir(parents=True, exist_ok=True)
    corpora = [ensure_corpus(count, args.seed) for count in args.counts]
    cases = build_cases(args, oppdrag, peers, corpora)
    time_cases(cases, hyperfine, args.warmup)
    meta = describe(oppdrag, peers, hyperfine)
    targets = targets_for(cases, args.counts, args.command)
    print_report(meta, cases, targets, args)
    if args.json:
        save_json(args.json, meta, cases, targets)
        print(f"\nsaved {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
