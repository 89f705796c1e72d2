import os

from factcheck.text import (
    LineIndex,
    content_words,
    find_quotes,
    lexicon,
    lexicon_entries,
    lexicon_file,
    lexicon_lines,
    normalize,
    normalized,
    words,
)


def test_normalize_folds_quotes_dashes_spaces_and_case():
    assert normalize("“Japan’s\u00a0plan” \u2014 Ready") == '"japan\'s plan" - ready'


def test_normalize_drops_zero_width_characters():
    assert normalize("Pat\u200briot") == "patriot"


def test_words_keep_offsets_into_original():
    text = "U.S. officials’ plan — 35-year"
    for word in words(text):
        assert normalize(text[word.start : word.end]) == word.norm
    assert [w.norm for w in words(text)] == ["u.s", "officials", "plan", "35-year"]


def test_content_words_drop_stopwords_but_keep_negation_and_modals():
    assert content_words("It could not be the plan") == ["could", "not", "plan"]


def test_find_quotes_curly_straight_and_single():
    quotes = find_quotes('He said “we will win” and "soon", calling it ‘a big deal’.')
    assert [q.text for q in quotes] == ["we will win", "soon", "a big deal"]
    text = "He said “we will win”"
    assert text[quotes[0].start : quotes[0].end] == "we will win"


def test_unbalanced_quote_opens_nothing():
    assert find_quotes("He said “we will win and left.") == []


def test_apostrophes_are_not_single_quotes():
    assert find_quotes("Japan’s army and Tokyo’s navy") == []


def test_line_index():
    lines = LineIndex("ab\ncd\n\nef")
    assert [lines.line(i) for i in (0, 2, 3, 6, 7)] == [1, 1, 2, 3, 4]
    assert lines.column(4) == 2


def _entries_line_by_line(raw):
    """What a lexicon's entries are: each line's text before any `#`, stripped, if any."""
    entries = (line.split("#", 1)[0].strip() for line in raw.splitlines())
    return tuple(entry for entry in entries if entry)


LEXICON_PASSAGE = (
    "# a comment line\n"
    "\n"
    "Senior Official  # an entry, then a comment\n"
    "   indented entry   \n"
    "    # an indented comment\n"
    "a#b\n"
    "#\n"
    "last line without an end"
)


def test_lexicon_entries_are_read_as_line_by_line():
    assert lexicon_entries(LEXICON_PASSAGE) == (
        "Senior Official",
        "indented entry",
        "a",
        "last line without an end",
    )
    assert lexicon_entries(LEXICON_PASSAGE) == _entries_line_by_line(LEXICON_PASSAGE)
    # other line ends and spaces, and non-ASCII text, take the line-by-line reading
    odd_texts = ("one\r\ntwo\rthree", "\tone # c\n two\t\n", "one\x0btwo\x1cz", "caf\u00e9\u2028x")
    for odd in odd_texts:
        assert lexicon_entries(odd) == _entries_line_by_line(odd), odd
    # plain ASCII with one space to strip: before a comment, an indent, at either end
    for spaced in ("entry # comment\nnext\n", "first\n  indented\n", "first\nlast  ", " one\ntwo"):
        assert lexicon_entries(spaced) == _entries_line_by_line(spaced), spaced
    assert lexicon_entries("entry # comment\nnext\n") == ("entry", "next")
    assert lexicon_entries("") == () and lexicon_entries("# only\n  \n") == ()


def test_normalized_lexicon_equals_normalize_of_each_entry():
    for entries in (
        ("Senior Official", "U.S.", "don't"),  # lower case is normalize
        ("two  spaces", "x"),  # collapsed
        ("a `quoted` word",),  # the backtick folds to a quote
        ("Caf\u00e9", "\u201cCurly\u201d"),  # not ASCII
        ("tab\there",),
        (),
    ):
        assert normalized(entries) == frozenset(normalize(e) for e in entries), entries
    assert normalized(("Senior Official",)) == {"senior official"}


def test_shipped_lexicons_read_as_line_by_line():
    folder = os.path.dirname(lexicon_file("x"))
    names = [f[:-4] for f in os.listdir(folder) if f.endswith(".txt")]
    assert "common_words" in names
    for name in names:
        with open(lexicon_file(f"{name}.txt"), encoding="utf-8") as handle:
            slow = _entries_line_by_line(handle.read())
        assert lexicon_lines(name) == slow, name
        assert lexicon(name) == frozenset(normalize(e) for e in slow), name
