"""Forked worker processes for the stages that spread a large batch over the cores.

Loading, summarizing and grouping each hand work to a pool of forked workers. A forked worker
starts with a copy of this process's memory, so the batch is not pickled to it: the stage
passes it to `forked_pool`, which keeps it where the workers find it (`inherited()`) for as
long as the pool runs, and only the results travel back. Where `fork` is missing (Windows),
`CAN_FORK` is False and every stage runs in this process; its output is the same either way.

A worker dies with the process that forked it. Killed (kill -9, SIGTERM), that process runs no
clean-up, and a worker that outlived it would wait forever for work, keeping open what it
inherited: the caller's stdout and stderr (a script reading them would hang) and the
history's lock (history.py hands forked children /dev/null in its place, so a worker never
holds it). So each worker, as it starts, asks the kernel to kill it when its parent dies
(Linux's PR_SET_PDEATHSIG), checks that the parent did not die before that took effect, and
points its stdin and stdout at /dev/null; stderr stays, for a crash's last words.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

CAN_FORK: Final = hasattr(os, "sched_getaffinity") and hasattr(os, "fork")

_inherited: Any = None


def cores() -> int:
    """The CPUs this process may run on; 1 where it cannot fork workers."""
    return len(os.sched_getaffinity(0)) if CAN_FORK else 1


@contextlib.contextmanager
def forked_pool(processes: int, inherited: object) -> Iterator[ProcessPoolExecutor]:
    """A pool of `processes` forked workers that can read `inherited` with `inherited()`.

    Work still queued when the block ends early (an error, Ctrl-C) is cancelled, not run
    for nothing."""
    # Imported here: most runs (a week's papers) never start a pool.
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    global _inherited
    previous, _inherited = _inherited, inherited
    # Made here, in the parent, so that a worker starts without loading anything.
    set_death_signal = _death_signal_setter()
    try:
        with ProcessPoolExecutor(
            processes,
            mp_context=get_context("fork"),
            initializer=_start_worker,
            initargs=(os.getpid(), set_death_signal),
        ) as pool:
            try:
                yield pool
            finally:
                pool.shutdown(cancel_futures=True)
    finally:
        _inherited = previous


def inherited() -> Any:
    """In a worker of `forked_pool`: what the pool was started with."""
    return _inherited


# prctl(2) option: the signal this process gets when the thread that forked it ends.
_PR_SET_PDEATHSIG: Final = 1


def _death_signal_setter() -> Callable[[], bool] | None:
    """A function that has the kernel SIGKILL the calling process when its parent dies;
    None where there is no such call (it is Linux's)."""
    try:
        import ctypes

        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    return lambda: bool(prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0)


def _start_worker(parent: int, set_death_signal: Callable[[], bool] | None) -> None:
    """In each worker, before any work: die with `parent`, hold none of its output."""
    if set_death_signal is None or not set_death_signal():
        threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()
    if os.getppid() != parent:
        # The parent died between the fork and the call above, which covers only later deaths.
        os._exit(1)
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(null, 0)
    os.dup2(null, 1)
    os.close(null)


def _exit_when_orphaned(parent: int) -> None:
    # Where the kernel cannot be asked: notice the parent's death within half a second.
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)
