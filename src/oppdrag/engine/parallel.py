"""Check a large batch of files in several processes, keeping the file order."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

# Below this many files per process, starting workers costs more than it saves.
MIN_FILES_PER_WORKER = 100
MAX_WORKERS = 8


def worker_count(requested: int | None, files: int) -> int:
    """How many processes to use: ``requested``, or chosen from the batch size.

    The choice counts only the CPUs this process may use: those it is pinned
    to, and in a container the CPU quota of its control group. A CI job on a
    share of a big machine would otherwise start a worker per core it cannot
    have, and run slower than with one.
    """
    if requested is not None and requested > 0:
        return min(requested, max(1, files))
    if files < 2 * MIN_FILES_PER_WORKER or not _can_fork():
        return 1
    return max(1, min(usable_cpus(), MAX_WORKERS, files // MIN_FILES_PER_WORKER))


def usable_cpus() -> int:
    """The CPUs this process may use: its affinity, capped by a cgroup CPU quota."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
    quota = cgroup_cpu_quota()
    return max(1, min(cpus, int(quota)) if quota is not None else cpus)


# Where Linux keeps a control group's CPU quota: cgroup v2, then v1.
_CGROUP_V2 = Path("/sys/fs/cgroup/cpu.max")
_CGROUP_V1 = (
    Path("/sys/fs/cgroup/cpu/cpu.cfs_quota_us"),
    Path("/sys/fs/cgroup/cpu/cpu.cfs_period_us"),
)


def cgroup_cpu_quota() -> float | None:
    """CPUs' worth of time the control group allows ('max' or none: None)."""
    try:
        if _CGROUP_V2.exists():
            quota, period = _CGROUP_V2.read_text().split()[:2]
        else:
            quota, period = (path.read_text().strip() for path in _CGROUP_V1)
        if quota in ("max", "-1"):
            return None
        return max(1.0, int(quota) / int(period))
    except (OSError, ValueError):
        return None


def _can_fork() -> bool:
    # fork shares the already imported modules with the workers, so they start
    # in milliseconds; where it is not the safe default (macOS, Windows), the
    # batch runs in one process.
    if sys.platform != "linux":
        return False
    import multiprocessing  # noqa: PLC0415 -- costly to import; only big batches need it

    return "fork" in multiprocessing.get_all_start_methods()


Progress = Callable[[int, int], None]
# Files per piece of work: small enough that results stream back as the run
# goes (memory stays flat, progress moves), large enough that handing out
# work costs little.
CHUNK = 25


def iter_in_order(
    work: Callable[[Sequence[Item]], list[Result]],
    items: Sequence[Item],
    workers: int,
    progress: Progress | None = None,
) -> Iterator[Result]:
    """``work`` over ``items`` in ``workers`` processes, results in the items' order.

    Results come as pieces of work finish, so the caller can write and drop
    them; ``progress(done, total)`` is called as they come.
    """
    chunks = [items[i : i + CHUNK] for i in range(0, len(items), CHUNK)]
    pieces = (
        _in_workers(work, chunks, workers)
        if workers > 1 and len(chunks) > 1 and _can_fork()
        else map(work, chunks)
    )
    done = 0
    for piece in pieces:
        done += len(piece)
        _report(progress, done, len(items))
        yield from piece


# The work of the current pool. Workers are forked, so they find it here,
# already built, instead of getting a pickled copy with every piece of work:
# whatever it builds on first use (the classifier) then serves every piece.
_work: Callable[[Sequence[Any]], list[Any]] | None = None


def _run_piece(chunk: Sequence[Any]) -> list[Any]:
    assert _work is not None  # set before the workers were forked
    return _work(chunk)


def _in_workers(
    work: Callable[[Sequence[Item]], list[Result]],
    chunks: list[Sequence[Item]],
    workers: int,
) -> Iterator[list[Result]]:
    import multiprocessing  # noqa: PLC0415 -- see _can_fork

    global _work  # noqa: PLW0603 -- handed to the forked workers, see above
    context = multiprocessing.get_context("fork")
    processes = min(workers, len(chunks))
    # Ctrl-C is held back while the workers are forked: a worker that got it
    # before its first line ran would print a traceback. Each worker ignores it
    # before letting it through; the parent gets it as soon as the pool stands.
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    _work = work
    try:
        try:
            pool = context.Pool(processes, _start_worker, (os.getpid(), held))
        except BaseException:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
            raise
        with pool:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
            yield from pool.imap(_run_piece, chunks)
    finally:
        _work = None


def _start_worker(parent: int, mask: set[signal.Signals]) -> None:
    """Workers leave Ctrl-C to the parent, and end when the parent ends.

    Without this a Ctrl-C prints a traceback from every worker, and workers of
    a killed run go on using the CPU until their work is done. ``mask`` is the
    parent's signal mask from before the workers were forked.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_SETMASK, mask)
    _end_with_parent()
    if os.getppid() != parent:  # the parent ended before the line above
        os._exit(1)


def _end_with_parent() -> None:
    """Ask Linux to end this process when its parent ends (PR_SET_PDEATHSIG)."""
    try:
        import ctypes  # noqa: PLC0415 -- only in workers

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):  # not Linux: workers end with their work
        pass


_PR_SET_PDEATHSIG = 1


def _report(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)
