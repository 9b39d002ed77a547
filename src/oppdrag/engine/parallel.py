"""Check a large batch of files in several processes, keeping the file order."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Sequence
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

# Below this many files, starting workers costs more than it saves.
MIN_FILES_PER_WORKER = 50
MAX_WORKERS = 8


def worker_count(requested: int | None, files: int) -> int:
    """How many processes to use: ``requested``, or chosen from the batch size."""
    if requested is not None and requested > 0:
        return min(requested, max(1, files))
    if files < 2 * MIN_FILES_PER_WORKER or not _can_fork():
        return 1
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
    return max(1, min(cpus, MAX_WORKERS, files // MIN_FILES_PER_WORKER))


def _can_fork() -> bool:
    # fork shares the already imported modules with the workers, so they start
    # in milliseconds; where it is not the safe default (macOS, Windows), the
    # batch runs in one process.
    if sys.platform != "linux":
        return False
    import multiprocessing  # noqa: PLC0415 -- costly to import; only big batches need it

    return "fork" in multiprocessing.get_all_start_methods()


Progress = Callable[[int, int], None]
# Files per piece of work when progress is reported.
PROGRESS_CHUNK = 25


def map_in_order(
    work: Callable[[Sequence[Item]], list[Result]],
    items: Sequence[Item],
    workers: int,
    progress: Progress | None = None,
) -> list[Result]:
    """``work`` over ``items`` in ``workers`` processes, results in the items' order.

    ``progress(done, total)`` is called as pieces of work finish.
    """
    parallel = workers > 1 and _can_fork()
    if progress is not None:
        size = PROGRESS_CHUNK
    else:
        size = -(-len(items) // workers) if parallel else max(1, len(items))
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    results: list[Result] = []
    if not parallel:
        for chunk in chunks:
            results.extend(work(chunk))
            _report(progress, len(results), len(items))
        return results
    import multiprocessing  # noqa: PLC0415 -- see _can_fork

    context = multiprocessing.get_context("fork")
    processes = min(workers, len(chunks))
    with context.Pool(processes, _start_worker, (os.getpid(),)) as pool:
        for part in pool.imap(work, chunks):
            results.extend(part)
            _report(progress, len(results), len(items))
    return results


def _start_worker(parent: int) -> None:
    """Workers leave Ctrl-C to the parent, and end when the parent ends.

    Without this a Ctrl-C prints a traceback from every worker, and workers of
    a killed run go on using the CPU until their work is done.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
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
