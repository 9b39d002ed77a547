"""Run the real ``oppdrag`` command in a child process and measure what it used."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any


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

    Measured with ``wait4``, so the figures are the child's own, not the sum of
    every process the tests have started.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(
            [sys.executable, "-m", "oppdrag", *arguments],
            cwd=cwd,
            stdin=stdin,
            stdout=out,
            stderr=err,
            env={**os.environ, "LANG": "C", "NO_COLOR": "1"},
            preexec_fn=before,  # noqa: PLW1509 -- only to close a descriptor
        )
        timer = threading.Timer(timeout, process.kill)  # a hang fails, not waits
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read().decode("utf-8", "replace")
    return Run(
        process.returncode,
        stdout,
        stderr,
        usage.ru_utime + usage.ru_stime,
        usage.ru_maxrss / 1024,  # kilobytes on Linux
    )
