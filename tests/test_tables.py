"""The lexicon tables shipped precomputed (factcheck/tables.py) hold what the lexicons do:
a run that reads them finds the same keys for every word as one that builds them."""

from __future__ import annotations

import pytest

from factcheck import analysis, tables
from factcheck.analysis import PRECOMPUTED_TABLES
from factcheck.tables import SortedTable, precomputed, table_text


@pytest.mark.parametrize("name", sorted(PRECOMPUTED_TABLES))
def test_each_shipped_table_equals_the_table_built_from_its_lexicon(name):
    shipped = precomputed(
        name,
        lambda: pytest.fail(
            f"lexicon/tables/{name}.tsv is stale: run python tools/build_lexicon_tables.py"
        ),
    )
    assert isinstance(shipped, SortedTable)
    assert dict(shipped.items()) == PRECOMPUTED_TABLES[name]()


def test_a_lookup_finds_a_key_among_keys_it_begins():
    # "set" sorts before "set up" and "setback": each key's line is found whole
    table = {
        "set": frozenset({"syn:1"}),
        "set up": frozenset({"syn:2", "syn:3"}),
        "setback": frozenset({"syn:4"}),
        "se": frozenset({"syn:5"}),
    }
    text = table_text("synonyms", table).encode()
    read = SortedTable(text, text.index(b"\n") + 1)
    assert {key: read.get(key) for key in table} == table
    assert read.get("set u") is None and read.get("sets", frozenset()) == frozenset()
    assert "set up" in read and "s" not in read and len(read) == 4


@pytest.mark.parametrize("stride", [1, 8, 30, 4096])
def test_a_lookup_finds_every_key_and_no_other_among_many_and_accented_ones(monkeypatch, stride):
    # samples of the file's bytes, searched in order: UTF-8 sorts as the characters do, so
    # "zürich" after "zurich" and "café" after "cafe" are found; first and last lines, and
    # words between or beyond the keys, are looked up too; with every line a sample (1), a
    # few lines a block (8, 30), and the whole table one block (4096)
    monkeypatch.setattr(tables, "STRIDE", stride)
    words = ["a", "cafe", "café", "cafés", "m", "mm", "zurich", "zürich", "éclair", "ω"]
    table = {word: frozenset({f"syn:{n}"}) for n, word in enumerate(words)}
    text = table_text("synonyms", table).encode()
    read = SortedTable(text, text.index(b"\n") + 1)
    assert {word: read.get(word) for word in words} == table
    for absent in ("", "0", "b", "caf", "cafè", "ma", "zz", "é", "ωω", "\uffff"):
        assert read.get(absent) is None, absent
    assert sorted(read) == sorted(words)


def test_a_key_that_would_break_the_file_is_refused():
    with pytest.raises(ValueError, match="cannot be written"):
        table_text("synonyms", {"a\tb": frozenset({"syn:1"})})
    with pytest.raises(ValueError, match="cannot be written"):
        table_text("synonyms", {"a": frozenset({"x|y"})})


def test_a_table_written_from_another_lexicon_is_not_used(monkeypatch):
    built = {"only": frozenset({"built"})}
    monkeypatch.setattr(tables, "lexicon_digest", lambda name: "0" * 64)
    assert precomputed("synonyms", lambda: built) is built


def test_a_table_of_several_lexicons_is_not_used_once_any_of_them_changed(monkeypatch):
    built = {"japan": frozenset({"name:country:japan"})}
    shipped = tables.lexicon_digest
    monkeypatch.setattr(
        tables, "lexicon_digest", lambda name: "0" * 64 if name == "aliases" else shipped(name)
    )
    assert precomputed("names", lambda: built) is built


def test_the_name_table_reads_a_sequence_of_words_as_the_lexicons_do():
    names = analysis._names()
    assert names.get(("japan",)) == ("country:japan", "name")
    assert names.get(("tokyo",)) == ("country:japan", "name")
    assert ("japan",) in names and ("japan", "tokyo") not in names
    assert names.get(("japan", "tokyo")) is None


CACHED = ("_synonyms", "_derivations", "_antonyms", "word_keys", "analyse_text")


def _keys_of_each_unit(text: str) -> list[tuple[str, frozenset[str]]]:
    """The units' keys, every table and analysis read afresh."""
    for name in CACHED:
        getattr(analysis, name).cache_clear()
    try:
        return [(u.norm, u.keys) for u in analysis.analyse_text(text).units]
    finally:
        for name in CACHED:
            getattr(analysis, name).cache_clear()


def test_words_get_the_same_keys_from_the_shipped_tables_as_from_the_lexicons(monkeypatch):
    text = "The officials established a presidential commission and set up an entry fee."
    shipped = _keys_of_each_unit(text)
    monkeypatch.setattr(tables, "lexicon_digest", lambda name: "0" * 64)
    built = _keys_of_each_unit(text)
    assert shipped == built
    assert any(key.startswith("syn:") for _, keys in built for key in keys)
    assert any(key.startswith("der:") for _, keys in built for key in keys)
