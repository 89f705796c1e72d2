from factcheck.text import LineIndex, content_words, find_quotes, normalize, words


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
