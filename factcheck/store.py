"""The archive store: one columnar, memory-mapped search index over every analysed source.

`factcheck index` writes it and `check` searches it, loading in proportion to the claims
rather than to the archive. Layout under the cache directory:

    store/shards/<name>/manifest.json   the shard's sources: path, key (SHA-256 of the bytes,
                                        encoding and ANALYSIS_VERSION), size and mtime when
                                        read, and their rows
    store/shards/<name>/text.bin        content sentences, UTF-8, one after another, with
                        text_offsets.npy  their byte offsets (for scoring candidates)
    store/shards/<name>/*.npy, words.bin
                                        the shard's postings and vocabulary
                                        (retrieve.save_postings)

Everything is JSON and numpy arrays read with `allow_pickle=False`. A shard is built apart
(`build_shard`, in this process, a worker process or a Dask worker), written under a
temporary name and renamed into place, so an interrupted or concurrent run never leaves a
half-written shard that is read back; its name is a hash of what it holds, so two runs that
build the same shard agree.

Sources are looked up by path, size and mtime (a `stat`, no read) and matched sources are
searched from the store; any other source is analysed now and written as a new shard (so
`check` writes what it analysed). Nothing stored is trusted for what a user sees: a sentence
that becomes evidence comes from its file as read now, through `Cache.load_source`, whose key
must equal the shard's (else the file changed behind an unchanged mtime, and it is analysed
again). That is also where attribution happens: only files whose sentences become evidence are
attributed, once, and the cache keeps the result for the next run.
"""

from __future__ import annotations

import bisect
import contextlib
import hashlib
import json
import mmap
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .cache import ANALYSIS_VERSION, Cache, private_directory, source_key
from .errors import FactcheckError
from .fanout import NeedsParent
from .files import UNCONFINED, ReadPolicy, decode, read_bytes, temp_prefix
from .model import Sentence
from .retrieve import (
    Index,
    Postings,
    build_postings,
    load_postings,
    map_array,
    map_bytes,
    save_postings,
    tokenize,
)
from .sources import parse_source

STORE_FORMAT = "factcheck-store-3"  # 2: vocabulary as sorted words, not JSON; 3: by hash
# Bytes of source text per shard. 4 MiB is about 25k sentences of news text, ~12 s of
# analysis on one core (bench/scale.py): 100k sentences already keep 2 cores busy, 1M makes
# ~40 shards (cheap to open), and 100M ~4,000, enough for any cluster's workers.
SHARD_BYTES = 4 * 2**20
# Resident pages of the store's maps a check keeps before letting them go: at 1M (46
# claims) the searches touch ~65 MB in all, so they are released about once; a larger
# archive's are released as often as needed to stay within it (bench/scale.py: peak RSS).
MAPPED_BUDGET = 64 * 2**20


@dataclass(frozen=True)
class StoredSource:
    """One source of a shard, and the rows of its content sentences."""

    path: str  # real path when indexed
    key: str
    size: int
    mtime_ns: int
    first: int
    count: int


@dataclass(frozen=True)
class ShardSummary:
    """What building one shard took: the per-shard figures for scaling estimates."""

    name: str
    sources: int
    sentences: int
    bytes: int
    seconds: float


def file_state(path: str) -> tuple[int, int] | None:
    """(size, mtime in ns) of a regular file, None when it is not one."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_size, status.st_mtime_ns


def real_paths(paths: Iterable[str]) -> dict[str, str]:
    """For each path, its real path (symlinks resolved) to the path as named (the last one
    named, when two name the same file). A file that is no symlink resolves as its directory
    does, so each directory is resolved once: `os.path.realpath` walks every component of
    every path, 0.4 s for the 3,056 files of bench/scale.py's 1M archive, twice a check."""
    directories: dict[str, str] = {}
    named = {}
    for path in paths:
        head, tail = os.path.split(path)
        if os.pardir in path.split(os.sep) or tail in ("", os.curdir) or os.path.islink(path):
            real = os.path.realpath(path)  # ".." after a symlinked directory leaves it
        else:
            if head not in directories:
                directories[head] = os.path.realpath(head or os.curdir)
            real = os.path.join(directories[head], tail)
        named[real] = path
    return named


def shards_directory(cache_directory: Path) -> Path:
    return Path(cache_directory) / "store" / "shards"


# --- building --------------------------------------------------------------------------------


def build_shard(
    paths: list[str], encoding: str, cache_directory: str, policy: ReadPolicy = UNCONFINED
) -> ShardSummary:
    """Segment `paths` (as named; stored under their real paths), index their content
    sentences and write the shard. Self-contained (plain arguments, plain result) so that it
    runs the same in a process pool or on a Dask worker; the cache directory must be shared
    with the caller."""
    started = time.perf_counter()
    sources, texts, total_bytes = [], [], 0
    for path in paths:
        state = file_state(path)
        raw = read_bytes(path, policy)
        source = parse_source(decode(raw, path, encoding), path)
        content = [s.text for s in source.content]
        size, mtime_ns = state if state and state[0] == len(raw) else (len(raw), -1)
        key = source_key(raw, encoding)
        real = os.path.realpath(path)
        sources.append(StoredSource(real, key, size, mtime_ns, len(texts), len(content)))
        texts += content
        total_bytes += len(raw)
    vocabulary: dict[str, int] = {}
    postings = build_postings(tokenize(texts, vocabulary), vocabulary)
    name = hashlib.sha256(
        "\n".join(
            [STORE_FORMAT, ANALYSIS_VERSION, *(f"{s.path}\0{s.key}" for s in sources)]
        ).encode()
    ).hexdigest()[:32]
    seconds = time.perf_counter() - started
    manifest = {
        "format": STORE_FORMAT,
        "analysis": ANALYSIS_VERSION,
        "sentences": len(texts),
        "bytes": total_bytes,
        "seconds": seconds,
        "sources": [asdict(s) for s in sources],
    }
    _write_shard(shards_directory(Path(cache_directory)) / name, manifest, texts, postings)
    return ShardSummary(name, len(sources), len(texts), total_bytes, seconds)


def _write_shard(target: Path, manifest: dict, texts: list[str], postings: Postings) -> None:
    import numpy as np

    try:
        private_directory(target.parent)
        building = Path(tempfile.mkdtemp(dir=target.parent, prefix=temp_prefix("building")))
    except OSError as err:
        raise FactcheckError(f"{target.parent}: cannot write the cache ({err.strerror})") from None
    try:
        encoded = [t.encode("utf-8") for t in texts]
        offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
        np.cumsum([len(t) for t in encoded], out=offsets[1:])
        (building / "text.bin").write_bytes(b"".join(encoded))
        np.save(building / "text_offsets.npy", offsets, allow_pickle=False)
        save_postings(postings, building)
        (building / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
        try:
            os.rename(building, target)
        except OSError:
            if not (target / "manifest.json").exists():  # not the same shard built meanwhile
                raise
            # The same shard, built before: its analysis is the newest again (a file read
            # under utf-8, then another --encoding, then utf-8 again would otherwise keep
            # finding the other encoding's newer shard: "changed while being checked").
            os.utime(target / "manifest.json")
    except OSError as err:
        raise FactcheckError(f"{target.parent}: cannot write the cache ({err.strerror})") from None
    finally:
        shutil.rmtree(building, ignore_errors=True)


def plan_shards(paths: list[str], sizes: list[int], limit: int | None = None) -> list[list[str]]:
    """Consecutive runs of `paths` of about `limit` bytes each (SHARD_BYTES by default): the
    same plan whatever runs it, so one process, a pool and a cluster write the same shards."""
    limit = limit or SHARD_BYTES
    shards: list[list[str]] = []
    current: list[str] = []
    held = 0
    for path, size in zip(paths, sizes, strict=True):
        if current and held + size > limit:
            shards.append(current)
            current, held = [], 0
        current.append(path)
        held += size
    if current:
        shards.append(current)
    return shards


Runner = Callable[[list[list[str]], str, str, ReadPolicy], Iterable[ShardSummary]]


def run_here(
    plan: list[list[str]], encoding: str, directory: str, policy: ReadPolicy
) -> Iterable[ShardSummary]:
    for paths in plan:
        yield build_shard(paths, encoding, directory, policy)


def run_in_processes(jobs: int) -> Runner:
    """Shards built by `jobs` worker processes of this machine."""

    def run(
        plan: list[list[str]], encoding: str, directory: str, policy: ReadPolicy
    ) -> Iterable[ShardSummary]:
        from concurrent.futures import ProcessPoolExecutor

        if len(plan) == 1:  # nothing to share out: spare the pool's start
            yield from run_here(plan, encoding, directory, policy)
            return
        each = [encoding] * len(plan), [directory] * len(plan), [policy] * len(plan)
        with ProcessPoolExecutor(max_workers=min(jobs, len(plan))) as pool:
            yield from pool.map(build_shard, plan, *each)

    return run


def run_on_dask(address: str) -> Runner:
    """Shards built by the workers of the Dask scheduler at `address` (they must see the same
    files and cache directory as this machine, e.g. on a shared file system)."""

    def run(
        plan: list[list[str]], encoding: str, directory: str, policy: ReadPolicy
    ) -> Iterable[ShardSummary]:
        try:
            from dask.distributed import Client, as_completed
        except ImportError:
            raise FactcheckError("--scheduler needs Dask: pip install 'factcheck[dask]'") from None
        try:
            client = Client(address, timeout="10s")
        except OSError as err:
            raise FactcheckError(f"cannot reach the Dask scheduler at {address} ({err})") from None
        with client:
            futures = client.map(
                build_shard,
                plan,
                encoding=encoding,
                cache_directory=directory,
                policy=policy,
                pure=False,
            )
            for future in as_completed(futures):
                yield future.result()

    return run


def runner_for(jobs: int | None = None, scheduler: str | None = None) -> Runner:
    """Where shards are built: on the Dask `scheduler`, else in `jobs` processes (all cores
    by default; in this process when there is one, or one shard to build)."""
    if scheduler:
        return run_on_dask(scheduler)
    jobs = jobs or os.cpu_count() or 1
    return run_here if jobs == 1 else run_in_processes(jobs)


# --- reading -----------------------------------------------------------------------------------


class OtherVersion(Exception):
    """A shard written by another version of the analysis or layout."""


@dataclass
class Shard:
    """One shard of the store: a directory of sources analysed together, read from its manifest."""

    directory: Path
    sources: list[StoredSource]
    sentences: int
    created_ns: int

    @classmethod
    def read(cls, directory: Path) -> Shard:
        manifest = json.loads((directory / "manifest.json").read_text(encoding="utf-8"))
        if manifest.get("format") != STORE_FORMAT or manifest.get("analysis") != ANALYSIS_VERSION:
            raise OtherVersion(directory)
        sources = [StoredSource(**s) for s in manifest["sources"]]
        created = (directory / "manifest.json").stat().st_mtime_ns
        return cls(directory, sources, int(manifest["sentences"]), created)


def read_shards(cache_directory: Path) -> tuple[list[Shard], list[str]]:
    """The store's complete shards, and notes on any that cannot be used."""
    root = shards_directory(cache_directory)
    shards, notes = [], []
    if not root.is_dir():
        return shards, notes
    for directory in sorted(root.iterdir()):
        if directory.name.startswith(".") or not (directory / "manifest.json").exists():
            continue
        try:
            shards.append(Shard.read(directory))
        except OtherVersion:
            shutil.rmtree(directory, ignore_errors=True)  # stale by design: analysed anew
        except (OSError, ValueError, KeyError, TypeError) as err:
            notes.append(f"{directory}: unusable index shard ({err}); ignored")
    return shards, notes


def current_sources(shards: list[Shard]) -> dict[str, tuple[Shard, StoredSource]]:
    """For each real path, its newest stored analysis."""
    found: dict[str, tuple[Shard, StoredSource]] = {}
    for shard in sorted(shards, key=lambda s: s.created_ns):
        for source in shard.sources:
            found[source.path] = (shard, source)
    return found


def is_current(source: StoredSource, state: tuple[int, int] | None) -> bool:
    return state is not None and (source.size, source.mtime_ns) == state


def release_pages(arrays: Iterable) -> None:
    """Drop the pages of memory-mapped arrays from this process's resident memory. They stay
    in the OS's page cache, so reading them again costs a minor fault, not a read; without
    this every page a search touched (and the pages the kernel maps around it) stays
    resident to the end of the run: 46 claims against the 1M archive kept 170 MB of
    postings and sentence text mapped, more than the claims' own work."""
    for array in arrays:
        mapping = getattr(array, "base", array)  # an array's buffer: a view of the map
        mapping = mapping.obj if isinstance(mapping, memoryview) else mapping
        if isinstance(mapping, mmap.mmap) and hasattr(mmap, "MADV_DONTNEED"):
            with contextlib.suppress(OSError, ValueError):
                mapping.madvise(mmap.MADV_DONTNEED)


def resident_mapped_bytes() -> int | None:
    """Bytes of file-backed pages this process holds resident (Linux's /proc/self/statm),
    None where that cannot be read."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[2]) * mmap.PAGESIZE
    except (OSError, ValueError, IndexError):
        return None


class PageBudget:
    """Releases the store's pages once a run's searches hold more than `MAPPED_BUDGET` of
    them, not after every claim: releasing after each of 46 claims at 1M cost 6,000
    `madvise` calls and faulting the same pages in again, ~0.2 s of CPU, to keep 60 MB
    less resident. Where resident memory cannot be read, pages go after every claim."""

    def __init__(self, arrays: Callable[[], list]) -> None:
        self._arrays = arrays
        self._floor = resident_mapped_bytes()

    def __call__(self) -> None:
        held = resident_mapped_bytes()
        if held is None or self._floor is None or held - self._floor > MAPPED_BUDGET:
            release_pages(self._arrays())
            self._floor = resident_mapped_bytes()


class BrokenShard(Exception):
    def __init__(self, shard: Shard, reason) -> None:
        super().__init__(str(reason))
        self.shard, self.reason = shard, reason


class StaleSource(Exception):
    """A stored source whose file no longer holds the bytes it was indexed from."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.path = path


class StoreRows:
    """The rows of the shards a search uses: text from the shards' columns, evidence from
    the files themselves (through the cache, which attributes them once)."""

    def __init__(
        self,
        shards: list[Shard],
        shown: dict[str, str],
        cache: Cache,
        encoding: str,
        policy: ReadPolicy,
    ) -> None:
        import numpy as np

        self._texts, self._offsets, self._row_offsets = [], [], [0]
        self._maps: list = []  # the offsets' arrays, whose pages `release_pages` lets go
        self._sources: list[StoredSource] = []
        firsts = []
        for shard in shards:
            base = self._row_offsets[-1]
            try:
                self._texts.append(map_bytes(shard.directory / "text.bin"))
                offsets = map_array(shard.directory / "text_offsets.npy")
            except (OSError, ValueError) as err:
                raise BrokenShard(shard, err) from None
            if len(offsets) != shard.sentences + 1 or offsets.dtype != np.int64:
                raise BrokenShard(shard, "text offsets do not fit the manifest")
            self._maps.append(offsets)
            # a memoryview's items are Python ints: indexing the array costs 10x more
            self._offsets.append(memoryview(offsets))
            for source in shard.sources:
                self._sources.append(source)
                firsts.append(base + source.first)
            self._row_offsets.append(base + shard.sentences)
        self._firsts = firsts
        self._shown = shown
        self._cache = cache
        self._encoding = encoding
        self._policy = policy
        self._analysed: dict[str, tuple] = {}

    def __len__(self) -> int:
        return self._row_offsets[-1]

    def mapped(self) -> list:
        """The memory-mapped columns (see `release_pages`)."""
        return [*self._texts, *self._maps]

    def _locate(self, row: int) -> tuple[int, int]:
        shard = bisect.bisect_right(self._row_offsets, row) - 1
        return shard, row - self._row_offsets[shard]

    def text(self, row: int) -> str:
        shard, local = self._locate(row)
        offsets = self._offsets[shard]
        start, end = offsets[local], offsets[local + 1]
        # only ranks candidates: what a user sees is read from the file, so a damaged byte
        # here is replaced rather than trusted or fatal
        return self._texts[shard][start:end].decode("utf-8", errors="replace")

    def _source(self, row: int) -> tuple[StoredSource, int]:
        index = bisect.bisect_right(self._firsts, row) - 1
        return self._sources[index], self._firsts[index]

    def path(self, row: int) -> str:
        source, _ = self._source(row)
        return self._shown.get(source.path, source.path)

    def source_span(self, row: int) -> tuple[int, int]:
        source, first = self._source(row)
        return first, source.count

    def sentences(self, rows: list[int]) -> list[Sentence]:
        source, first = self._source(rows[0])
        path = self.path(rows[0])
        if path not in self._analysed:  # once per file and run: claims share evidence files
            self._analysed[path] = self._cache.load_source(path, self._encoding, self._policy)
        analysed, key = self._analysed[path]
        content = analysed.content
        if key != source.key or len(content) != source.count:
            raise StaleSource(source.path)
        return [content[row - first] for row in rows]


class ArchiveIndex:
    """An `Index` over the store for a set of source paths; searching is `Index.search`, and
    a file found changed behind an unchanged mtime is analysed again and searched anew."""

    def __init__(
        self, opener: Callable[[set[str]], Index], release: Callable[[], None] = lambda: None
    ) -> None:
        self._open = opener
        self.release = release  # after each search (a `PageBudget`)
        self._forced: set[str] = set()
        self.index = opener(self._forced)
        self.notes: list[str] = []  # the cache's notes (`Store.open_index`)
        self._opened_by = os.getpid()  # a forked worker must not rewrite the store

    def search(self, claim_text: str, k: int = 5, quotes: tuple[str, ...] = ()):
        """`Index.search`, then `release`: memory holds a bounded share of the pages the
        searches read, not the sum of every claim's."""
        while True:
            try:
                found = self.index.search(claim_text, k, quotes)
                self.release()
                return found
            except StaleSource as stale:
                if os.getpid() != self._opened_by:
                    raise NeedsParent(stale.path) from None
                if stale.path in self._forced:
                    raise FactcheckError(f"{stale.path}: changed while being checked") from None
                self._forced.add(stale.path)
                self.index = self._open(self._forced)


@dataclass
class Store:
    """The store under a cache's directory, and what a run did with it."""

    cache: Cache
    encoding: str = "utf-8"
    policy: ReadPolicy = UNCONFINED
    runner: Runner = run_here
    notes: list[str] = field(default_factory=list)
    analysed: int = 0
    unchanged: int = 0
    summaries: list[ShardSummary] = field(default_factory=list)
    mapped: list = field(default_factory=list, repr=False)  # the open index's mapped arrays

    def all_notes(self) -> list[str]:
        return [*self.notes, *self.cache.notes]

    def update(self, paths: Iterable[str], force: frozenset[str] = frozenset()) -> dict:
        """Bring the store up to date for `paths` (analysing what is new or changed) and
        return, for each real path, its shard and stored analysis."""
        return self._update(real_paths(paths), force)

    def _update(self, named: dict[str, str], force: frozenset[str] = frozenset()) -> dict:
        wanted = sorted(named)
        shards, self.notes = read_shards(self.cache.directory)
        current = current_sources(shards)
        states = {p: file_state(p) for p in wanted}
        for path, state in states.items():
            if state is None:  # the one-line error saying why it cannot be read
                read_bytes(named[path], self.policy)
        todo = [
            p
            for p in wanted
            if p in force or p not in current or not is_current(current[p][1], states[p])
        ]
        self.analysed, self.unchanged = len(todo), len(wanted) - len(todo)
        self.summaries = []
        if todo:
            plan = plan_shards([named[p] for p in todo], [states[p][0] for p in todo])
            directory = str(self.cache.directory)
            self.summaries = list(self.runner(plan, self.encoding, directory, self.policy))
            shards, notes = read_shards(self.cache.directory)
            self.notes += notes
            current = current_sources(shards)
        return {p: current[p] for p in wanted}

    def open_index(self, paths: list[str], brute_force: bool = False) -> ArchiveIndex:
        """The index `check` searches for `paths`: the store's rows of exactly those sources."""
        shown = real_paths(paths)

        def opener(force: set[str]) -> Index:
            return self._index(self._update(shown, frozenset(force)), shown, brute_force)

        index = ArchiveIndex(opener)
        index.release = PageBudget(lambda: self.mapped)
        index.notes = self.cache.notes
        return index

    def _index(self, found: dict, shown: dict, brute_force: bool) -> Index:
        import numpy as np

        used = sorted(
            {id(shard): shard for shard, _ in found.values()}.values(),
            key=lambda s: s.directory.name,
        )
        postings, base = [], 0
        for shard in used:
            try:
                postings.append(load_postings(shard.directory, offset=base))
            except (OSError, ValueError, KeyError, TypeError) as err:
                return self._without(shard, err, shown, brute_force)
            base += shard.sentences
        try:
            rows = StoreRows(used, shown, self.cache, self.encoding, self.policy)
        except BrokenShard as broken:
            return self._without(broken.shard, broken.reason, shown, brute_force)
        self.mapped = [*rows.mapped(), *(p.rows for p in postings), *(p.counts for p in postings)]
        allowed = np.zeros(len(rows), dtype=bool)
        base = 0
        for shard in used:
            for source in shard.sources:
                if found.get(source.path, (None, None))[1] is source:
                    allowed[base + source.first : base + source.first + source.count] = True
            base += shard.sentences
        return Index(
            rows=rows,
            shards=postings,
            allowed=None if bool(allowed.all()) else allowed,
            brute_force=brute_force,
        )

    def _without(self, shard: Shard, reason, shown: dict, brute_force: bool) -> Index:
        """Drop an unusable shard (its sources are analysed again) and open the index anew."""
        notes = [*self.notes, f"{shard.directory}: unusable index shard ({reason}); rebuilt"]
        shutil.rmtree(shard.directory, ignore_errors=True)
        found = self._update(shown)
        self.notes = notes + self.notes
        return self._index(found, shown, brute_force)
