"""Forked worker processes for the stages that spread a large batch over the cores.

Loading, summarizing and grouping each hand work to a pool of forked workers. A forked worker
starts with a copy of this process's memory, so the batch is not pickled to it: the stage
passes it to `forked_pool`, which keeps it where the workers find it (`inherited()`) for as
long as the pool runs, and only the results travel back. Where `fork` is missing (Windows),
`CAN_FORK` is False and every stage runs in this process; its output is the same either way.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
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
    try:
        with ProcessPoolExecutor(processes, mp_context=get_context("fork")) as pool:
            try:
                yield pool
            finally:
                pool.shutdown(cancel_futures=True)
    finally:
        _inherited = previous


def inherited() -> Any:
    """In a worker of `forked_pool`: what the pool was started with."""
    return _inherited
