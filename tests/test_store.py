"""The archive store: shards written by `factcheck index` (here, in a pool or on Dask) and
searched together by `check`, with the same verdicts and evidence as analysing afresh."""

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ARTICLE, CLAIM_SET

from factcheck.cache import Cache
from factcheck.cli import main
from factcheck.store import Store, plan_shards, read_shards, real_paths

# Passages written for these tests: two short reports that the bundled claims do not concern,
# so that the archive has several files besides the article.
OTHER_REPORTS = [
    "The city council voted on Tuesday to extend the library's opening hours.\n\n"
    "“Reading rooms should be open when people are free,” said council member Ana Ruiz.\n",
    "A regional airline said it would add two daily flights between Porto and Lyon.\n\n"
    "The airline expects demand to rise by a fifth next summer, its chief executive said.\n",
]


@pytest.fixture
def archive(tmp_path):
    """The bundled article and two other reports as files, and a claim set naming them."""
    folder = tmp_path / "archive"
    folder.mkdir()
    paths = [folder / "article.txt"]
    shutil.copy(ARTICLE, paths[0])
    for number, text in enumerate(OTHER_REPORTS):
        paths.append(folder / f"report-{number}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    claims = CLAIM_SET.read_text(encoding="utf-8").replace(
        "sources:\n  - us-japan-alliance.txt",
        "sources:\n" + "".join(f"  - {p.name}\n" for p in paths).rstrip("\n"),
    )
    claim_set = folder / "claims.yaml"
    claim_set.write_text(claims, encoding="utf-8")
    return claim_set, [str(p) for p in paths]


def checked(claim_set, *options):
    result = CliRunner().invoke(
        main, ["check", str(claim_set), "--format", "json", "--allow-outside-root", *options]
    )
    assert result.exit_code in (0, 1), result.output
    return [
        (
            r["id"],
            r["verdict"],
            [(os.path.basename(e["source"]), e["start"]) for e in r["evidence"]],
        )
        for r in json.loads(result.stdout)["results"]
    ]


def index(paths, cache_dir, *options):
    result = CliRunner().invoke(
        main, ["index", *paths, "--cache-dir", str(cache_dir), "--allow-outside-root", *options]
    )
    assert result.exit_code == 0, result.output
    return result.stdout


def test_check_on_the_store_equals_check_without_cache(archive, tmp_path):
    claim_set, paths = archive
    fresh = checked(claim_set, "--no-cache")
    index(paths, tmp_path / "cache", "--jobs", "1")
    assert checked(claim_set, "--cache-dir", str(tmp_path / "cache")) == fresh
    assert checked(claim_set, "--cache-dir", str(tmp_path / "cache")) == fresh  # attributed now


def test_index_in_a_pool_writes_the_shards_one_process_writes(archive, tmp_path, monkeypatch):
    _, paths = archive
    monkeypatch.setattr("factcheck.store.SHARD_BYTES", 200)  # one file a shard
    index(paths, tmp_path / "one", "--jobs", "1")
    index(paths, tmp_path / "pool", "--jobs", "2")
    names = [
        sorted(s.directory.name for s in read_shards(tmp_path / d)[0]) for d in ("one", "pool")
    ]
    assert names[0] == names[1] and len(names[0]) == len(paths)


def test_dask_cluster_gives_the_verdicts_and_evidence_of_one_process(
    archive, tmp_path, monkeypatch
):
    distributed = pytest.importorskip("dask.distributed")
    monkeypatch.setattr("factcheck.store.SHARD_BYTES", 200)  # a shard a file: both workers busy
    claim_set, paths = archive
    fresh = checked(claim_set, "--no-cache")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        said = index(paths, tmp_path / "cache", "--scheduler", cluster.scheduler_address)
    assert "(0 unchanged, 3 analysed), 49 sentences, 3 new shards" in said
    assert checked(claim_set, "--cache-dir", str(tmp_path / "cache")) == fresh


def test_unreachable_scheduler_is_a_one_line_error(archive, tmp_path):
    pytest.importorskip("dask.distributed")
    _, paths = archive
    result = CliRunner().invoke(
        main,
        ["index", *paths, "--cache-dir", str(tmp_path / "c"), "--scheduler", "tcp://127.0.0.1:9"],
    )
    assert result.exit_code == 2 and "Dask scheduler" in result.stderr
    assert "Traceback" not in result.output


def test_source_order_and_subsets_reuse_the_store(archive, tmp_path):
    _, paths = archive
    cache_dir = tmp_path / "cache"
    index(paths, cache_dir)
    store = Store(Cache(cache_dir))
    store.update(list(reversed(paths)))
    assert (store.analysed, store.unchanged) == (0, len(paths))
    store.update(paths[:2])
    assert (store.analysed, store.unchanged) == (0, 2)


def test_a_changed_file_is_analysed_again_and_searched_as_it_is_now(archive, tmp_path):
    _, paths = archive
    cache_dir = tmp_path / "cache"
    index(paths, cache_dir)
    report = paths[1]
    with open(report, "a", encoding="utf-8") as handle:
        handle.write("\nThe library will also lend bicycles from March.\n")
    index_ = Store(Cache(cache_dir)).open_index(paths)
    best = index_.search("The library will lend bicycles from March.")[0]
    assert best.source == report and "bicycles" in best.text


def test_a_file_changed_behind_its_mtime_is_never_shown_from_the_store(archive, tmp_path):
    _, paths = archive
    cache_dir = tmp_path / "cache"
    index(paths, cache_dir)
    report = paths[2]
    status = os.stat(report)
    with open(report, encoding="utf-8") as handle:
        text = handle.read().replace("Porto", "Vigo!")  # same length, so same size
    with open(report, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.utime(report, ns=(status.st_atime_ns, status.st_mtime_ns))
    best = Store(Cache(cache_dir)).open_index(paths).search("flights between Vigo and Lyon")[0]
    assert best.source == report and "Vigo!" in best.text


def test_shards_are_planned_by_size_in_order():
    assert plan_shards(["a", "b", "c", "d"], [5, 5, 5, 1], limit=10) == [["a", "b"], ["c", "d"]]
    assert plan_shards(["big"], [50], limit=10) == [["big"]]


def test_evidence_text_comes_from_the_file_not_the_store(archive, tmp_path):
    """The store's text only ranks candidates: overwritten, it changes no word a user sees."""
    _, paths = archive
    cache_dir = tmp_path / "cache"
    index(paths, cache_dir)
    (text,) = (cache_dir / "store").rglob("text.bin")
    text.write_bytes(b"x" * text.stat().st_size)
    found = Store(Cache(cache_dir)).open_index(paths).search("library opening hours")
    files = {path: Path(path).read_text(encoding="utf-8") for path in paths}
    assert found and all(e.text in files[e.source] and "xxx" not in e.text for e in found)


def test_real_paths_agree_with_realpath_through_symlinked_files_and_directories(
    tmp_path, monkeypatch
):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text("A report.\n", encoding="utf-8")
    (tmp_path / "linked").symlink_to(tmp_path / "real")
    (tmp_path / "b.txt").symlink_to(tmp_path / "real" / "a.txt")
    monkeypatch.chdir(tmp_path)
    named = ["real/a.txt", "linked/a.txt", "b.txt", "linked/../real/a.txt", "./missing.txt"]
    named.append(str(tmp_path / "linked" / "a.txt"))
    assert real_paths(named) == {os.path.realpath(p): p for p in named}


def test_searches_read_the_same_after_the_pages_of_each_are_released(
    archive, tmp_path, monkeypatch
):
    """Mapped pages are let go beyond a budget (bench/scale.py's memory at 1M; none here, so
    after every search); the next search maps them again and finds what a fresh index
    finds."""
    import factcheck.store

    released = []
    release_pages = factcheck.store.release_pages

    def counted(arrays):
        released.append(len(arrays))
        release_pages(arrays)

    monkeypatch.setattr(factcheck.store, "MAPPED_BUDGET", -1)
    monkeypatch.setattr(factcheck.store, "release_pages", counted)
    _, paths = archive
    cache_dir = tmp_path / "cache"
    index(paths, cache_dir)
    store = Store(Cache(cache_dir))
    searched = store.open_index(paths)
    queries = ["library opening hours", "flights between Porto and Lyon", "library opening hours"]
    found = [[(e.source, e.text) for e in searched.search(q)] for q in queries]
    assert store.mapped and found[0] == found[2]
    assert released == [len(store.mapped)] * len(queries)
    fresh = Store(Cache(cache_dir)).open_index(paths).search(queries[1])
    assert found[1] == [(e.source, e.text) for e in fresh]


def test_a_saved_vocabulary_finds_each_word_among_others_of_the_same_hash(tmp_path, monkeypatch):
    """Words are found by hash and checked against the word itself, so two words whose
    hashes collide (forced here: a hash of three values) are still told apart."""
    from factcheck import retrieve

    monkeypatch.setattr(retrieve, "word_hash", lambda word: len(word) % 3)
    vocabulary: dict[str, int] = {}
    texts = ["Harbour cranes stood idle.", "The port reopened on Monday.", "Cranes moved again."]
    postings = retrieve.build_postings(retrieve.tokenize(texts, vocabulary), vocabulary)
    retrieve.save_postings(postings, tmp_path)
    saved = retrieve.load_postings(tmp_path).vocabulary
    assert {word: saved.get(word) for word in vocabulary} == vocabulary
    assert saved.get("ferry") is None and saved.get("crane") is None


def test_a_file_read_under_another_encoding_and_back_is_searched_from_its_shard(archive, tmp_path):
    """utf-8, then another --encoding, then utf-8 again: the last rebuilt the first shard,
    found it already there, and kept reading the other encoding's newer shard ("changed
    while being checked", exit 2, though no file had changed)."""
    _, paths = archive
    claim_set = Path(paths[0]).parent / "ascii.yaml"  # the same under latin-1 and utf-8
    claim_set.write_text(
        "sources: [article.txt]\nclaims:\n"
        "  - text: Japan has agreed to sell 12 Patriot interceptors to the United States.\n"
    )
    cache_dir = tmp_path / "cache"
    first = checked(claim_set, "--cache-dir", cache_dir)
    for encoding in ("latin-1", "utf-8"):
        again = checked(claim_set, "--cache-dir", cache_dir, "--encoding", encoding)
    assert again == first
