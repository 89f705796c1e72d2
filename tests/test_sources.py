import pytest

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
