"""Run the real ``oppdrag`` command in a child process and measure what it used."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

# The command is started by this small program, which reports the command's own
# CPU time and peak memory. The kernel counts a process's peak memory from
# before it starts the command: run straight from a pytest worker that has read
# large inputs, the command would be charged the worker's hundreds of megabytes.
_LAUNCHER = """\
import os, signal, subprocess, sys
child = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(child.pid, 0)
with open(sys.argv[1], "w") as report:
    report.write(f"{usage.ru_utime + usage.ru_stime} {usage.ru_maxrss}")
code = os.waitstatus_to_exitcode(status)
if code < 0:  # end as the command ended, by the same signal
    try:
        signal.signal(-code, signal.SIG_DFL)
    except (OSError, ValueError):
        pass
    os.kill(os.getpid(), -code)
sys.exit(code)
"""


@dataclass(frozen=True)
class Run:
    """What a child run printed, how it ended, and its CPU time and peak memory."""

    exit_code: int
    stdout: bytes
    stderr: str
    cpu_seconds: float
    peak_megabytes: float


def run_measured(
    arguments: list[str],
    cwd: Path,
    stdin: IO[Any] | int | None = subprocess.DEVNULL,
    before: Callable[[], None] | None = None,
    timeout: float = 60,
) -> Run:
    """Run ``oppdrag ARGUMENTS`` in ``cwd``; a run past ``timeout`` is killed.

    The figures are the command's own (from ``wait4`` in the launcher above),
    not the sum of every process the tests have started, nor the test's.
    """
    with (
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
        tempfile.TemporaryDirectory() as folder,
    ):
        report = Path(folder, "usage")
        process = subprocess.Popen(
            [sys.executable, "-c", _LAUNCHER, str(report), *_command(arguments)],
            cwd=cwd,
            stdin=stdin,
            stdout=out,
            stderr=err,
            env={**os.environ, "LANG": "C", "NO_COLOR": "1"},
            preexec_fn=before,  # noqa: PLW1509 -- only to close a descriptor
            start_new_session=True,  # a timeout ends the command with its launcher
        )
        timer = threading.Timer(timeout, _kill_group, (process.pid,))
        timer.start()
        try:
            process.wait()
        finally:
            timer.cancel()
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read().decode("utf-8", "replace")
        cpu, peak = _usage(report)
    return Run(process.returncode, stdout, stderr, cpu, peak / 1024)


def _command(arguments: list[str]) -> list[str]:
    return [sys.executable, "-m", "oppdrag", *arguments]


def _kill_group(pid: int) -> None:
    """A hang fails the test rather than waiting for ever."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGKILL)


def _usage(report: Path) -> tuple[float, float]:
    """CPU seconds and peak kilobytes (on Linux) the launcher wrote.

    A run killed for its time has no figures: infinite, so that no bound holds.
    """
    if not report.exists():
        return float("inf"), float("inf")
    cpu, peak = report.read_text(encoding="utf-8").split()
    return float(cpu), float(peak)
