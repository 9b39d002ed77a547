"""How many processes a batch gets: only the CPUs this process may really use."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from oppdrag.engine import parallel


@pytest.fixture
def cgroup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cgroup v2 cpu.max file of the test's own, and four CPUs of affinity."""
    cpu_max = tmp_path / "cpu.max"
    monkeypatch.setattr(parallel, "_CGROUP_V2", cpu_max)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2, 3})
    monkeypatch.setattr(parallel, "_can_fork", lambda: True)
    return cpu_max


def test_a_cpu_quota_of_one_means_one_process(cgroup: Path) -> None:
    """A container allowed one CPU on a four-core machine runs one process."""
    cgroup.write_text("100000 100000\n")

    assert parallel.usable_cpus() == 1
    assert parallel.worker_count(None, 1000) == 1


def test_a_quota_of_two_and_a_half_cpus_gives_two(cgroup: Path) -> None:
    """Part of a CPU is not a CPU: 250 ms per 100 ms is two processes."""
    cgroup.write_text("250000 100000\n")

    assert parallel.worker_count(None, 1000) == 2


def test_no_quota_uses_the_affinity(cgroup: Path) -> None:
    """'max' (no limit): the CPUs the process is pinned to."""
    cgroup.write_text("max 100000\n")

    assert parallel.worker_count(None, 1000) == 4


def test_cgroup_v1_quota(
    tmp_path: Path, cgroup: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """cgroup v1 keeps quota and period in two files."""
    quota, period = tmp_path / "quota", tmp_path / "period"
    quota.write_text("200000\n")
    period.write_text("100000\n")
    monkeypatch.setattr(parallel, "_CGROUP_V1", (quota, period))

    assert parallel.worker_count(None, 1000) == 2


def test_small_batches_run_in_one_process(cgroup: Path) -> None:
    """Below 100 files per process, starting workers costs more than it saves."""
    cgroup.write_text("max 100000\n")

    assert parallel.worker_count(None, 150) == 1
    assert parallel.worker_count(None, 250) == 2
    assert parallel.worker_count(3, 250) == 3  # asked for: given
