"""Forked worker processes for the stages that spread a large batch over the cores.

Loading, summarizing and grouping each hand work to a pool of forked workers. A forked worker
starts with a copy of this process's memory, so the batch is not pickled to it: the stage
passes it to `forked_pool`, which keeps it where the workers find it (`inherited()`) for as
long as the pool runs, and only the results travel back. Where `fork` is missing (Windows),
`CAN_FORK` is False and every stage runs in this process; its output is the same either way.
A build also runs two stages side by side: `forked_call` runs one function in a forked child
(grouping, while this process summarizes), handing it one value later and taking its result.

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
import gc
import os
import pickle
import signal
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, Final, Generic, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

T = TypeVar("T")

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


class ForkedCall(Generic[T]):
    """A function running in a forked child (see `forked_call`): `send` gives it the one
    value it waits for with `receive()`, `result` waits for what it returns."""

    def __init__(self, pid: int, to_child: int, from_child: int) -> None:
        self._pid = pid
        self._to_child: int | None = to_child
        self._from_child = from_child
        self._sender: threading.Thread | None = None
        self._status: int | None = None

    def send(self, value: object) -> None:
        """Hand `value` to the child's `receive()`, without waiting for it to be read: a
        thread writes it, so that this process goes on while the child is still busy."""
        fd, self._to_child = self._to_child, None
        if fd is None:
            raise RuntimeError("send() hands the child one value only")
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        self._sender = threading.Thread(target=_write_and_close, args=(fd, data), daemon=True)
        self._sender.start()

    def result(self) -> T:
        """What the function returned in the child; what it raised is raised here."""
        data = _read_all(self._from_child)
        self._reap()
        if not data:
            raise RuntimeError(f"a forked worker ended without an answer ({self._ended()})")
        done, value, where = pickle.loads(data)
        if done:
            returned: T = value
            return returned
        if where:
            value.add_note(f"in the forked worker:\n{where}")
        raise value

    def _reap(self) -> None:
        if self._status is None:
            self._status = os.waitpid(self._pid, 0)[1]
        if self._sender is not None:
            self._sender.join()

    def _ended(self) -> str:
        status = self._status or 0
        if os.WIFSIGNALED(status):
            return f"killed by signal {os.WTERMSIG(status)}"
        return f"exit code {os.waitstatus_to_exitcode(status)}"

    def _stop(self) -> None:
        """Kill the child if it still runs and collect it; close what is still open."""
        if self._status is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self._pid, signal.SIGKILL)
        self._reap()
        for fd in (self._to_child, self._from_child):
            if fd is not None:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self._to_child = None


@contextlib.contextmanager
def forked_call(function: Callable[[Callable[[], Any]], T]) -> Iterator[ForkedCall[T]]:
    """`function(receive)` run in a forked child while this process goes on with other work.

    The child starts with a copy of this process's memory, so the function's inputs are not
    sent: only the one value the parent `send`s later (what `receive()` returns in the child)
    and the result travel, pickled, through pipes. The child dies with this process and holds
    none of its output or locks, as the workers of `forked_pool` do. Leaving the block before
    `result()` (an error, Ctrl-C) kills the child. Only where `CAN_FORK`."""
    set_death_signal = _death_signal_setter()
    parent = os.getpid()
    to_child_r, to_child_w = os.pipe()
    from_child_r, from_child_w = os.pipe()
    # The objects alive now are shared with the child until either process writes to their
    # memory: the cycle collector, which writes to every object it visits, leaves them alone
    # in both while the child runs.
    gc.freeze()
    pid = os.fork()
    if pid == 0:  # the child: never returns into the caller's code
        status = 1
        try:
            os.close(to_child_w)
            os.close(from_child_r)
            _start_worker(parent, set_death_signal)
            try:
                answer = (True, function(lambda: pickle.loads(_read_all(to_child_r))), "")
                data = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
            except BaseException as err:  # handed to the parent, raised there
                data = _pickled_failure(err)
            _write_and_close(from_child_w, data)
            status = 0
        finally:
            os._exit(status)
    os.close(to_child_r)
    os.close(from_child_w)
    call: ForkedCall[T] = ForkedCall(pid, to_child_w, from_child_r)
    try:
        yield call
    finally:
        call._stop()
        gc.unfreeze()


def _pickled_failure(err: BaseException) -> bytes:
    where = "".join(traceback.format_exception(err))
    try:
        return pickle.dumps((False, err, where), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # an exception that does not pickle: its text does
        return pickle.dumps((False, RuntimeError(repr(err)), where))


def _read_all(fd: int) -> bytes:
    """Everything written to the pipe `fd` until its writer closes it; then closes it."""
    chunks = []
    try:
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
    finally:
        os.close(fd)
    return b"".join(chunks)


def _write_and_close(fd: int, data: bytes) -> None:
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    except BrokenPipeError:
        pass  # the reader is gone (killed): nobody wants the rest
    finally:
        os.close(fd)
