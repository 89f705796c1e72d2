"""Claims checked on several cores.

A claim's check reads the open index and writes nothing (its result is a pure function of
the claim and the sources), so claims can be shared out among processes. The workers are
forked once the index is open: they inherit its memory maps, its analysed sources and the
tables already built, copy-on-write, so nothing is loaded twice; chunks of the claim list
are taken in turn from a counter in shared memory, and nothing crosses a pipe but results
(pickled between this process and its own children, never read from a file).

Two things a worker does are not its own to keep, and go back to the parent: the notes its
searches add (`index.notes`, e.g. a damaged cache entry analysed again), sent with its
results; and any step that would write the store (a file changed behind an unchanged mtime
is analysed again and a shard rewritten), which the index refuses in a forked process
(`NeedsParent`) so that the parent checks that claim, and those after it in the chunk,
itself. Where fork is not the platform's way of starting processes (macOS, Windows), a
worker would have to import and open everything again, costing more than it saves: the
claims are then checked here, one after another.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol, TypeVar

if TYPE_CHECKING:
    import queue

Claim = TypeVar("Claim")
Result = TypeVar("Result")

# Claims per worker below which forking does not pay: a forked worker costs its start, and
# the pages and tables it copies as it works, against the claims it takes off this process
# (10-40 ms each). bench/fanout.py, 2 cores at load 0.8-1.3 (2026-11-27 11:04 UTC): two
# processes against one, wall, for N claims of the bundled set on the article: 1.22 (N=2),
# 1.05 (4), 0.94 (8), 0.89 (16), 0.91 (32), 0.93 (46); on the 1M archive: 1.37 (4), 1.04
# (8), 0.81 (16), 0.79 (46). From 8 claims a worker (16 for two), two gained in every run;
# below, they lost or broke even.
MIN_PER_WORKER = 8
# Chunks per worker: claims differ in cost (a quotation searches more than a plain
# sentence), so each worker takes a few small chunks in turn rather than one half of the
# list, and neither waits long for the other at the end; each chunk costs a round trip of
# its results, well under a millisecond.
CHUNKS_PER_WORKER = 4


class NeedsParent(Exception):
    """Raised in a forked worker by a step that must run in the parent (it writes shared
    state); the parent checks the claim itself."""


class Searched(Protocol):
    notes: list[str]  # what searching found worth telling; a worker's go to the parent


# what the forked children work on: check, claims, notes, chunks, the shared counter
_work: tuple[Callable, Sequence, list[str], list[range], object] | None = None


def can_fork() -> bool:
    """Forked workers inherit the open index; only Linux forks safely (macOS's system
    libraries do not survive a fork, and Windows has none), and only a process running no
    other thread: a lock another thread holds at the fork (a stream's, while it writes) stays
    held in the child for good (hence the CLI's progress bar refreshes without a thread)."""
    import multiprocessing  # here: a verify, one claim, never forks (cold start)
    import threading

    return (
        sys.platform.startswith("linux")
        and "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1
    )


def idle_cores(loadavg: str = "/proc/loadavg") -> int:
    """Cores not busy now: the cores this process may run on, less the other processes the
    kernel has running or ready to run at this moment (`/proc/loadavg`'s fourth field, less
    this process); where that cannot be read, less the 1-minute load average, as `make -l`
    reads it. The moment, not the minute: the average still counts for a minute a job that
    has ended (an `index` just before, a `pip install` in CI) and would keep `check` on one
    core on an idle machine. On a machine others keep busy a second worker has no core to
    run on and only adds its start and its own copies of the tables (2 cores at load 1.5:
    2.9 s of CPU and of wall for the 1M archive's check on two workers, 2.4 on one)."""
    import os

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    try:
        with open(loadavg, encoding="ascii") as handle:
            busy = int(handle.read().split()[3].split("/")[0]) - 1
    except (OSError, ValueError, IndexError):
        try:
            busy = round(os.getloadavg()[0])
        except OSError:  # nothing to read: assume the cores are free
            busy = 0
    return max(1, (cores or 1) - busy)


def workers_for(jobs: int, claims: int) -> int:
    """How many workers `claims` claims are worth: at most `jobs`, at least `MIN_PER_WORKER`
    claims each; 1 means no fork."""
    workers = max(1, min(jobs, claims // MIN_PER_WORKER))
    return workers if workers > 1 and can_fork() else 1  # asked only where it would fork


def chunks(count: int, workers: int) -> list[range]:
    """Consecutive ranges of positions, about `CHUNKS_PER_WORKER` per worker."""
    size = -(-count // (workers * CHUNKS_PER_WORKER))  # ceiling division
    return [range(start, min(start + size, count)) for start in range(0, count, size)]


def check_all(
    check: Callable[[Claim], Result],
    claims: Sequence[Claim],
    searched: Searched,
    jobs: int,
    progress: Callable[[int], None] | None = None,
) -> list[Result]:
    """`check` of every claim, in claim order, shared out among this process and up to
    `jobs - 1` forked workers; the same results as checking them one after another here."""
    workers = workers_for(jobs, len(claims))
    if workers == 1:
        return _each(check, claims, range(len(claims)), progress)
    return _shared(check, claims, searched, workers, progress)


def _shared(
    check: Callable[[Claim], Result],
    claims: Sequence[Claim],
    searched: Searched,
    workers: int,
    progress: Callable[[int], None] | None,
) -> list[Result]:
    """This process is one of the `workers`: it forks the others, then all take chunks in
    turn from a shared counter (so none idles while another has a long chunk left). A
    child sends each chunk's results and notes as it finishes them; a thread here reads
    them at once, and this process takes them between its own chunks (the progress bar
    moves with them) and, at the end, checks
    itself what a child left (a claim that needs the parent, and the rest of its chunk).
    One fork fewer than a pool: one copy fewer of the tables every process builds as it
    checks, and of the pages a fork makes private (bench/scale.py's cached checks)."""
    import multiprocessing
    import queue
    import threading

    global _work
    context = multiprocessing.get_context("fork")
    parts = chunks(len(claims), workers)
    taken = context.Value("i", 0)  # how many chunks have been taken, by anyone
    _work = (check, claims, searched.notes, parts, taken)
    results: list[Result | None] = [None] * len(claims)
    noted: dict[int, list[str]] = {}  # the notes of each chunk, by its first position
    pipes, children = [], []

    def receive(wait: bool) -> None:
        """Take what the children sent: all that is there, or (`wait`) until all are done."""
        nonlocal running
        while running and (wait or not inbox.empty()):
            message = inbox.get()
            if message is None:  # a child is done
                running -= 1
            elif isinstance(message, BaseException):
                raise message
            else:
                part, done, notes = message
                results[part.start : part.start + len(done)] = done
                noted[part.start] = notes
                if progress and done:
                    progress(len(done))

    inbox: queue.SimpleQueue = queue.SimpleQueue()
    running = 0  # children not yet done
    readers = []
    try:
        for _ in range(workers - 1):
            reader, writer = context.Pipe(duplex=False)
            child = context.Process(target=_child, args=(writer,), daemon=True)
            child.start()
            writer.close()  # the child's end: this process keeps only its reader
            pipes.append(reader)
            children.append(child)
            running += 1
        # Each child's pipe is read as the child writes (a chunk's results are ~6 KB a
        # claim; a pipe holds 64 KB, and a child whose results wait to be read stops), by
        # a thread started after the last fork, so no fork happens while it runs.
        for pipe in pipes:
            readers.append(threading.Thread(target=_read, args=(pipe, inbox), daemon=True))
            readers[-1].start()
        while (part := _take(parts, taken)) is not None:
            done, noted[part.start] = _chunk(check, claims, part, searched.notes, progress)
            results[part.start : part.start + len(done)] = done
            receive(wait=False)
        receive(wait=True)
    finally:
        _work = None
        for child in children:
            if child.is_alive() and running:  # this process failed first: stop the others
                child.terminate()
            child.join()
        for thread in readers:  # each ends at its child's last message, or when it ends
            thread.join()
    for start in sorted(noted):  # in claim order, as one process would have noted them
        # two processes may meet the same damaged entry before either rewrites it
        searched.notes.extend(n for n in noted[start] if n not in searched.notes)
    for position, result in enumerate(results):
        if result is None:  # what a child had to leave to this process
            results[position] = _each(check, claims, range(position, position + 1), progress)[0]
    return results  # type: ignore[return-value]  # every position filled above


def _read(pipe, inbox: queue.SimpleQueue) -> None:
    """In this process: a child's messages put in `inbox` as they come, up to its last (None
    when done, or an error); a child that ended without one is an error."""
    while True:
        try:
            message = pipe.recv()
        except (EOFError, OSError):
            message = RuntimeError("a claim-checking worker process died")
        inbox.put(message)
        if message is None or isinstance(message, BaseException):
            return


def _take(parts: list[range], taken) -> range | None:
    """The next chunk nobody has taken, or None."""
    with taken.get_lock():
        index = taken.value
        taken.value = index + 1
    return parts[index] if index < len(parts) else None


def _each(
    check: Callable[[Claim], Result],
    claims: Sequence[Claim],
    part: range,
    progress: Callable[[int], None] | None,
) -> list[Result]:
    results = []
    for position in part:
        results.append(check(claims[position]))
        if progress:
            progress(1)
    return results


def _chunk(
    check: Callable[[Claim], Result],
    claims: Sequence[Claim],
    part: range,
    notes: list[str],
    progress: Callable[[int], None] | None = None,
) -> tuple[list[Result], list[str]]:
    """The results of a chunk, up to a claim that needs the parent, and the notes its
    searches added to `notes` (taken out of it: they are merged in claim order at the end)."""
    first_note = len(notes)
    done = []
    for position in part:
        try:
            done.append(check(claims[position]))
        except NeedsParent:
            break
        if progress:
            progress(1)
    added = notes[first_note:]
    del notes[first_note:]
    return done, added


def _child(writer) -> None:
    """In a forked child: chunks taken in turn, each sent back with the notes its searches
    added, until none is left or a claim needs the parent; then None (done). An error is
    sent back to be raised in the parent."""
    assert _work is not None, "set by _shared before the fork"
    check, claims, notes, parts, taken = _work
    try:
        while (part := _take(parts, taken)) is not None:
            done, added = _chunk(check, claims, part, notes)
            writer.send((part, done, added))
            if len(done) < len(part):
                break
        writer.send(None)
    except BaseException as error:  # noqa: BLE001  # sent whole, raised in the parent
        try:
            writer.send(error)
        except Exception:  # an error that cannot be pickled: said in words
            writer.send(RuntimeError(f"{type(error).__name__}: {error}"))
    finally:
        writer.close()
