"""Hostile folders: links, depth and .gitignore patterns a pull request could add.

oppdrag runs as a CI gate and a pre-commit hook on proposals repositories, so
the folders it walks are written by whoever sends a pull request. Each test
runs the real command in a child process with bounds on CPU time and memory
(``tests/processes.py``): the walk must stay linear in what is on disk.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import DATA, write
from tests.processes import run_measured

GOOD = (DATA / "valid-minimal.yaml").read_text(encoding="utf-8")


def assert_clean(stderr: str) -> None:
    assert "Traceback" not in stderr, stderr
    assert "fault in oppdrag" not in stderr, stderr


@pytest.mark.slow
def test_folders_linking_twice_to_the_next_are_walked_once(tmp_path: Path) -> None:
    """15 folders, each linking twice to the next: one proposal, found once, quickly.

    Walked by every path, the last folder is reached 2**14 ways (16,384 copies
    of one file, 19 s); each folder is walked once, known by device and inode.
    """
    for level in range(15):
        (tmp_path / f"l{level}").mkdir()
    for level in range(14):
        for link in ("a", "b"):
            os.symlink(f"../l{level + 1}", tmp_path / f"l{level}" / link)
    write(tmp_path / "l14/p.yaml", GOOD)

    run = run_measured(["validate", "."], tmp_path)

    assert_clean(run.stderr)
    assert run.exit_code == 0, run.stderr
    assert b"1 file(s), 1 mission(s): 1 valid" in run.stdout
    assert run.cpu_seconds < 5
    assert run.peak_megabytes < 300


@pytest.mark.slow
def test_a_backtracking_gitignore_pattern_is_matched_quickly(tmp_path: Path) -> None:
    """'*a*a*a*a*a*a*a*a*a*a*a*a*b' against a name of 40 a's: no minutes of backtracking."""
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".gitignore", "*a*a*a*a*a*a*a*a*a*a*a*a*b\n")
    write(tmp_path / ("a" * 40) / "p.yaml", GOOD)
    write(tmp_path / ("a" * 40 + ".yaml"), GOOD.replace("minimal-mission", "second"))

    run = run_measured(["validate", "."], tmp_path, timeout=30)

    assert_clean(run.stderr)
    assert run.exit_code == 0, run.stderr
    assert b"2 file(s), 2 mission(s): 2 valid" in run.stdout
    assert run.cpu_seconds < 5


@pytest.fixture
def deep(tmp_path: Path) -> Iterator[Path]:
    """A proposal 1,100 folders down (made and removed without recursion)."""
    names = ["d"] * 1100
    for depth in range(1, len(names) + 1):
        os.mkdir(os.path.join(tmp_path, *names[:depth]))
    write(Path(tmp_path, *names, "p.yaml"), GOOD)
    yield tmp_path
    os.remove(os.path.join(tmp_path, *names, "p.yaml"))
    for depth in range(len(names), 0, -1):
        os.rmdir(os.path.join(tmp_path, *names[:depth]))


@pytest.mark.slow
@pytest.mark.parametrize("command", ["validate", "check"])
def test_a_folder_1100_levels_deep_is_walked(deep: Path, command: str) -> None:
    """A proposal 1,100 folders down is found and checked: no fault, no recursion."""
    run = run_measured([command, "."], deep)

    assert_clean(run.stderr)
    assert run.exit_code == 0, run.stderr
    assert b"1 file(s), 1 mission(s): 1 valid" in run.stdout
    assert run.cpu_seconds < 10


@pytest.fixture
def deeper_than_a_path(tmp_path: Path) -> Iterator[Path]:
    """A proposal 2,500 folders down: its path is longer than the system allows."""
    folder = os.open(tmp_path, os.O_RDONLY)
    for _ in range(2500):
        os.mkdir("dd", dir_fd=folder)
        inner = os.open("dd", os.O_RDONLY, dir_fd=folder)
        os.close(folder)
        folder = inner
    with os.fdopen(
        os.open("p.yaml", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=folder), "w"
    ) as handle:
        handle.write(GOOD)
    yield tmp_path
    os.remove("p.yaml", dir_fd=folder)
    for _ in range(2500):
        outer = os.open("..", os.O_RDONLY, dir_fd=folder)
        os.close(folder)
        folder = outer
        os.rmdir("dd", dir_fd=folder)
    os.close(folder)


@pytest.mark.slow
def test_a_path_too_long_to_open_is_reported(deeper_than_a_path: Path) -> None:
    """Past the longest path the system opens, the folder is named with the reason."""
    run = run_measured(["validate", "."], deeper_than_a_path)

    assert_clean(run.stderr)
    assert run.exit_code == 2, run.stderr
    assert run.stderr.startswith("oppdrag: error: dd/dd/")
    assert run.stderr.rstrip().endswith("cannot be read (File name too long)")
    assert run.cpu_seconds < 10
