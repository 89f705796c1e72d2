from pathlib import Path

import pytest

from factcheck import ReadPolicy, load_claims, load_sources
from factcheck.errors import FactcheckError
from factcheck.sources import load_source, parse_source


def test_article_offsets_match_text(article):
    for sentence in article.sentences:
        assert article.text[sentence.start : sentence.end] == sentence.text


def test_article_furniture_is_set_aside(article):
    furniture = {(s.text, s.furniture) for s in article.sentences if s.furniture}
    assert ("close", "navigation") in furniture
    assert ("Skip to main content", "navigation") in furniture
    assert ("Julia Mio Inuma in Tokyo contributed to this report.", "credit line") in furniture
    repeated = [s for s in article.sentences if s.furniture == "repeated line"]
    assert [s.line for s in repeated] == [6]
    assert all(s.furniture is None for s in article.content)


def test_broken_sentence_kept_as_in_source(article):
    texts = [s.text for s in article.content]
    assert "are taking place this weekend in Tokyo." in texts


def test_markdown_source_keeps_original_text():
    source = parse_source("# Title\n\nThe **deal** was signed.\n", "a.md", markdown=True)
    assert [s.text for s in source.content] == ["The **deal** was signed."]


def test_empty_source_is_an_error():
    with pytest.raises(FactcheckError, match="empty"):
        parse_source("close\n\nSkip to main content\n", "empty.txt")


def test_missing_binary_and_invalid_utf8(tmp_path):
    with pytest.raises(FactcheckError, match="no such file"):
        load_source(str(tmp_path / "missing.txt"))
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"\x00\x01\x02 data")
    with pytest.raises(FactcheckError, match="binary"):
        load_source(str(binary))
    latin = tmp_path / "l.txt"
    latin.write_bytes("Caf\u00e9 owners said it was fine.".encode("latin-1"))
    with pytest.raises(FactcheckError, match="not valid utf-8 at byte 3"):
        load_source(str(latin))
    assert load_source(str(latin), encoding="latin-1").content[0].text.startswith("Café")
    with pytest.raises(FactcheckError, match="is a directory"):
        load_source(str(tmp_path))


@pytest.fixture
def listed_archive(tmp_path, monkeypatch):
    """A checkout whose claim set lists a directory and a glob, a secret beside it."""
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    (tmp_path / "repo" / "sources" / "2024").mkdir(parents=True)
    (tmp_path / "repo" / "sources" / "2024" / "port.txt").write_text(
        "The new port will open in May, the mayor said.\n", encoding="utf-8"
    )
    (tmp_path / "repo" / "sources" / "plant.md").write_text(
        "The plant will close in 2026, the company said.\n", encoding="utf-8"
    )
    (tmp_path / "secret.txt").write_text("The password is hunter2.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "repo")
    return tmp_path / "repo"


@pytest.mark.parametrize("listed", ["sources", "sources/", "sources/**/*.*"])
def test_load_sources_walks_the_directories_and_globs_a_claim_set_lists(listed_archive, listed):
    """The API reads a claim set's `sources` as the command line does: the claim set's
    directory entry gave "is a directory, expected a file" before."""
    (listed_archive / "claims.yaml").write_text(
        f"sources: [{listed}]\nclaims: [{{text: The port will open in May.}}]\n"
    )
    claim_set = load_claims("claims.yaml")
    loaded = load_sources(claim_set.sources)
    assert sorted(Path(s.path).as_posix() for s in loaded) == [
        "sources/2024/port.txt",
        "sources/plant.md",
    ]


@pytest.mark.parametrize("pattern", ["../*.txt", "..", "/etc/*", ".git", ".git/*"])
def test_load_sources_walks_nothing_the_policy_refuses(listed_archive, pattern):
    confined = ReadPolicy(roots=(listed_archive,))
    with pytest.raises(FactcheckError, match="refusing to read"):
        load_sources([pattern], policy=confined)


def test_load_sources_never_walks_into_git_even_unconfined(listed_archive):
    (listed_archive / ".git" / "config.txt").write_text("token = ghp_secret\n")
    with pytest.raises(FactcheckError, match="inside a .git directory"):
        load_sources([".git/*.txt"])


def test_load_sources_reads_each_file_once_however_often_it_is_named(listed_archive):
    loaded = load_sources(["sources", "./sources/plant.md", "sources/*.md"])
    assert [Path(s.path).as_posix() for s in loaded] == [
        "sources/plant.md",
        "sources/2024/port.txt",
    ]


def test_load_sources_glob_or_directory_naming_nothing_is_an_error(listed_archive):
    (listed_archive / "empty").mkdir()
    with pytest.raises(FactcheckError, match="no files ending in"):
        load_sources(["empty"])
    with pytest.raises(FactcheckError, match="no file matches"):
        load_sources(["sources/*.pdf"])
