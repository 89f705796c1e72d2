import json
import shutil

import pytest
from click.testing import CliRunner
from conftest import ARTICLE, CLAIM_SET

from factcheck import Cache, load_sources
from factcheck.cli import main
from factcheck.retrieve import Index

# The files these tests build lie in a temporary directory, outside the checkout that reads
# are confined to when they are typed on the command line.
TMP = ["--allow-outside-root"]


@pytest.fixture
def source(tmp_path):
    copy = tmp_path / "article.txt"
    shutil.copy(ARTICLE, copy)
    return copy


def test_unchanged_source_is_read_back_not_analysed(tmp_path, source):
    cache = Cache(tmp_path / "cache")
    first, key = cache.load_source(str(source))
    again, same_key = Cache(tmp_path / "cache").load_source(str(source))
    assert key == same_key
    assert [s.attribution for s in again.sentences] == [s.attribution for s in first.sentences]
    assert [s.text for s in again.sentences] == [s.text for s in first.sentences]


def test_changed_source_is_analysed_again(tmp_path, source):
    cache = Cache(tmp_path / "cache")
    _, key = cache.load_source(str(source))
    source.write_text(
        source.read_text(encoding="utf-8") + "\n\nA new sentence was added.", encoding="utf-8"
    )
    fresh = Cache(tmp_path / "cache")
    updated, new_key = fresh.load_source(str(source))
    assert new_key != key and (fresh.hits, fresh.misses) == (0, 1)
    assert updated.sentences[-1].text == "A new sentence was added."


def test_corrupt_entry_is_reported_and_rebuilt(tmp_path, source):
    Cache(tmp_path / "cache").load_source(str(source))
    entry = next((tmp_path / "cache" / "sources").rglob("*.json"))
    entry.write_bytes(entry.read_bytes()[:-10] + b"0123456789")
    cache = Cache(tmp_path / "cache")
    rebuilt, _ = cache.load_source(str(source))
    assert rebuilt.content and "not JSON" in cache.notes[0]
    assert Cache(tmp_path / "cache").load_source(str(source))[0].content  # rewritten whole


def test_read_only_cache_never_writes(tmp_path, source):
    Cache(tmp_path / "cache", write=False).load_source(str(source))
    assert not (tmp_path / "cache").exists()


def test_interrupted_index_build_leaves_no_usable_index(tmp_path, source, monkeypatch):
    cache = Cache(tmp_path / "cache")
    sources_and_keys = [cache.load_source(str(source))]
    sources, keys = [s for s, _ in sources_and_keys], [k for _, k in sources_and_keys]

    def crash(self, directory):
        (directory / "meta.json").write_text("{", encoding="utf-8")
        raise KeyboardInterrupt

    monkeypatch.setattr(Index, "save", crash)
    with pytest.raises(KeyboardInterrupt):
        cache.index(sources, keys)
    monkeypatch.undo()
    assert not any((tmp_path / "cache" / "indexes").glob("*/complete"))
    assert cache.index(sources, keys).size  # built again, and now saved whole
    assert len(list((tmp_path / "cache" / "indexes").glob("*/complete"))) == 1


def test_index_command_then_check_reuses_the_cache(tmp_path, source):
    runner = CliRunner()
    cache_dir = tmp_path / "cache"
    first = runner.invoke(main, ["index", str(source), "--cache-dir", str(cache_dir), *TMP])
    assert first.exit_code == 0 and "(0 unchanged, 1 analysed)" in first.stdout
    second = runner.invoke(main, ["index", str(source), "--cache-dir", str(cache_dir), *TMP])
    assert "(1 unchanged, 0 analysed)" in second.stdout
    result = runner.invoke(
        main,
        [
            "verify",
            "Japan agreed to sell 10 Patriot interceptors.",
            "-s",
            str(source),
            "--format",
            "json",
            *TMP,
        ],
    )
    assert json.loads(result.stdout)["results"][0]["verdict"] == "supported"
    checked = runner.invoke(
        main, ["check", str(CLAIM_SET), "--cache-dir", str(cache_dir), "--format", "json"]
    )
    assert checked.exit_code == 0
    assert json.loads(checked.stdout)["summary"]["expectations"]["met"] == 46


def test_unwritable_cache_is_a_clear_error(tmp_path, source):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["index", str(source), "--cache-dir", str(blocker / "cache"), *TMP]
    )
    assert result.exit_code == 2
    assert "cannot write the cache" in result.stderr and "Traceback" not in result.output


def test_cached_and_fresh_sources_give_the_same_verdicts(tmp_path, source):
    cache = Cache(tmp_path / "cache")
    cache.load_source(str(source))
    cached = load_sources([str(source)], cache=Cache(tmp_path / "cache"))
    fresh = load_sources([str(source)])
    assert [s.attribution for s in cached[0].sentences] == [
        s.attribution for s in fresh[0].sentences
    ]


def verified(source, cache_dir, *options):
    """`factcheck verify` of a true claim against `source`, in JSON, with `cache_dir`."""
    claim = "Japan agreed to sell 10 Patriot interceptors."
    arguments = ["verify", claim, "-s", str(source), "--format", "json"]
    return CliRunner().invoke(main, [*arguments, "--cache-dir", str(cache_dir), *options, *TMP])


def test_a_repeated_verify_reads_the_sources_analysis_from_the_cache(tmp_path, source, monkeypatch):
    """As a pre-commit hook runs it: the first verify stores the source's analysis where
    `check` keeps it, the next reads it back instead of analysing, with the same report."""
    cache_dir = tmp_path / "cache"
    first = verified(source, cache_dir)
    assert first.exit_code == 0 and len(list((cache_dir / "sources").rglob("*.json"))) == 1
    monkeypatch.setattr("factcheck.cache.analyse", lambda *_: pytest.fail("analysed again"))
    again = verified(source, cache_dir)
    assert (again.exit_code, again.stdout) == (0, first.stdout)
    assert json.loads(again.stdout)["results"][0]["verdict"] == "supported"


def test_verify_says_so_when_a_cached_analysis_is_unusable(tmp_path, source):
    cache_dir = tmp_path / "cache"
    first = verified(source, cache_dir)
    entry = next((cache_dir / "sources").rglob("*.json"))
    entry.write_bytes(b"{")
    again = verified(source, cache_dir)
    assert again.stdout == first.stdout and "unusable cache entry" in again.stderr
    assert "unusable" not in verified(source, cache_dir).stderr  # written whole again
    assert verified(source, cache_dir, "--quiet").stderr == ""


def test_verify_with_no_cache_writes_nothing(tmp_path, source):
    assert verified(source, tmp_path / "cache", "--no-cache").exit_code == 0
    assert not (tmp_path / "cache").exists()
