"""Claims shared out among forked workers: the same results, in the same order, as checking
them one after another; what a worker's searches noted comes back; what only the parent may
do (rewrite the store) is left to the parent."""

import os
import shutil
import threading
import time

import pytest
from click.testing import CliRunner
from conftest import ARTICLE, CLAIM_SET

from factcheck import check_claims, load_sources
from factcheck.claims import single_claim
from factcheck.cli import main
from factcheck.fanout import (
    MIN_PER_WORKER,
    NeedsParent,
    can_fork,
    check_all,
    chunks,
    idle_cores,
    workers_for,
)

forks = pytest.mark.skipif(not can_fork(), reason="forked workers only where fork is safe")


class Notes:
    def __init__(self) -> None:
        self.notes: list[str] = []


def test_chunks_cover_every_position_once_in_order():
    for count in (1, 7, 8, 46, 1000):
        for workers in (2, 3, 8):
            parts = chunks(count, workers)
            assert [p for part in parts for p in part] == list(range(count))


def test_too_few_claims_for_a_second_worker_stay_in_this_process():
    assert workers_for(8, 2 * MIN_PER_WORKER - 1) == 1
    assert workers_for(1, 1000) == 1
    if can_fork():
        assert workers_for(8, 2 * MIN_PER_WORKER) == 2
        assert workers_for(2, 1000) == 2


@forks
def test_workers_return_results_in_claim_order_and_their_notes():
    parent = os.getpid()
    searched = Notes()

    def check(claim: int) -> tuple[int, int]:
        time.sleep(0.005)  # as long as a claim takes, or so: time for the child to start
        if claim % 5 == 0:
            searched.notes.append(f"note on {claim}")
        return claim * claim, os.getpid()

    claims = list(range(40))
    results = check_all(check, claims, searched, jobs=2)
    assert [square for square, _ in results] == [c * c for c in claims]
    assert {pid for _, pid in results} - {parent}  # some were checked by a worker
    assert searched.notes == [f"note on {c}" for c in claims if c % 5 == 0]


@forks
def test_no_fork_while_another_thread_runs():
    parent = os.getpid()
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert not can_fork()
        results = check_all(lambda claim: os.getpid(), list(range(40)), Notes(), jobs=2)
    finally:
        release.set()
        other.join()
    assert set(results) == {parent}
    assert can_fork()


def slow_in(parent: int) -> None:
    """A claim checked by `parent` takes long: the child, started meanwhile, takes the
    other chunks, so what only a child does is exercised."""
    if os.getpid() == parent:
        time.sleep(0.05)


@forks
def test_a_claim_that_needs_the_parent_is_checked_by_the_parent():
    parent = os.getpid()

    def check(claim: int) -> tuple[int, int]:
        slow_in(parent)
        if claim == 13 and os.getpid() != parent:
            raise NeedsParent("would rewrite the store")
        return claim, os.getpid()

    results = check_all(check, list(range(40)), Notes(), jobs=2)
    assert [claim for claim, _ in results] == list(range(40))
    assert results[13][1] == parent
    assert results[12][1] != parent  # the child checked the claim before it


@forks
def test_an_error_in_a_worker_reaches_the_caller():
    parent = os.getpid()

    def check(claim: int) -> int:
        slow_in(parent)
        if claim == 21 and os.getpid() != parent:
            raise ValueError("claim 21 cannot be read")
        return claim

    with pytest.raises(ValueError, match="claim 21"):
        check_all(check, list(range(40)), Notes(), jobs=2)


# Claims written for this test about the bundled article, true and false alike.
CLAIMS = [
    "Japan will sell Patriot missiles to the United States.",
    "Japan will sell Patriot missiles to China.",
    "The alliance was signed in 1960.",
    "The alliance was signed in 1970.",
    "Christopher Johnstone is president of a research group.",
    "A senior defense official spoke on condition of anonymity.",
    "The United States will withdraw all its troops from Japan next year.",
    "Tokyo has never discussed its defense budget.",
    "Japan plans to raise its defense spending.",
    "South Korea's defense minister visited Japan.",
]


def test_check_claims_gives_the_same_results_on_two_workers(monkeypatch):
    monkeypatch.setattr("factcheck.fanout.MIN_PER_WORKER", 1)  # fork for these few claims
    sources = load_sources([str(ARTICLE)])
    claims = [single_claim(text) for text in CLAIMS]
    alone = check_claims(claims, sources, jobs=1)
    shared = check_claims(claims, sources, jobs=2)
    assert shared == alone
    assert all(r.claim is c for r, c in zip(shared, claims, strict=True))


@pytest.mark.parametrize("cache", [False, True])
def test_check_output_is_the_same_on_one_and_two_workers(tmp_path, cache):
    folder = tmp_path / "drafts"
    folder.mkdir()
    shutil.copy(ARTICLE, folder / ARTICLE.name)
    shutil.copy(CLAIM_SET, folder / CLAIM_SET.name)
    options = ["--cache-dir", str(tmp_path / "cache")] if cache else ["--no-cache"]
    outputs = []
    for jobs in ("1", "2", "2"):  # the second run on two workers reads what the first wrote
        result = CliRunner().invoke(
            main,
            ["check", str(folder / CLAIM_SET.name), "--format", "json", "-j", jobs, *options]
            + ["--allow-outside-root"],
        )
        assert result.exit_code in (0, 1), result.output
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1] == outputs[2]


def test_idle_cores_leave_out_those_busy_now(monkeypatch, tmp_path):
    monkeypatch.setattr("os.sched_getaffinity", lambda pid: {0, 1, 2, 3})
    monkeypatch.setattr("os.getloadavg", lambda: (6.0, 0.0, 0.0))
    loadavg = tmp_path / "loadavg"
    loadavg.write_text("6.00 3.10 2.05 2/431 10293\n", encoding="ascii")
    assert idle_cores(str(loadavg)) == 3  # one other running now, whatever the average
    loadavg.write_text("0.10 0.10 0.10 9/431 10293\n", encoding="ascii")
    assert idle_cores(str(loadavg)) == 1
    # unreadable: the 1-minute average, as make -l reads it
    assert idle_cores(str(tmp_path / "none")) == 1
    monkeypatch.setattr("os.getloadavg", lambda: (1.2, 0.0, 0.0))
    assert idle_cores(str(tmp_path / "none")) == 3


@forks
def test_a_forked_worker_leaves_a_changed_file_to_the_parent(tmp_path):
    """A file changed behind an unchanged mtime must be analysed again and its shard
    rewritten: never by a forked worker (two could rewrite it at once), always by the
    process that opened the store."""
    import multiprocessing

    from factcheck.cache import Cache
    from factcheck.store import Store

    report = tmp_path / "report.txt"
    report.write_text(
        "A regional airline said it would add two daily flights between Porto and Lyon.\n",
        encoding="utf-8",
    )
    Store(Cache(tmp_path / "cache")).open_index([str(report)])  # indexed
    status = os.stat(report)
    report.write_text(report.read_text(encoding="utf-8").replace("Porto", "Vigo!"), "utf-8")
    os.utime(report, ns=(status.st_atime_ns, status.st_mtime_ns))
    index = Store(Cache(tmp_path / "cache")).open_index([str(report)])

    def search_in_child(said) -> None:
        try:
            index.search("flights between Vigo and Lyon")
            said.put("searched")
        except NeedsParent:
            said.put("left to the parent")

    context = multiprocessing.get_context("fork")
    said = context.Queue()
    child = context.Process(target=search_in_child, args=(said,))
    child.start()
    child.join()
    assert said.get(timeout=10) == "left to the parent"
    best = index.search("flights between Vigo and Lyon")[0]
    assert "Vigo!" in best.text
