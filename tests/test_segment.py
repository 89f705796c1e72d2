from factcheck.segment import (
    CHUNK_LIMIT,
    Block,
    _chunks,
    markdown_blocks,
    mask_inline,
    split_sentences,
    text_blocks,
)
from factcheck.sources import parse_source
from factcheck.text import LineIndex


def sentences_of(text, markdown=False):
    lines = LineIndex(text)
    blocks = markdown_blocks(text) if markdown else text_blocks(text)
    return [s for b in blocks for s in split_sentences(b, lines)]


def test_abbreviations_do_not_end_sentences():
    found = sentences_of("The U.S. Navy and Adm. Samuel Paparo agreed. Then they left.")
    assert [s.text for s in found] == [
        "The U.S. Navy and Adm. Samuel Paparo agreed.",
        "Then they left.",
    ]


def test_offsets_and_lines_point_into_the_file():
    text = "First line here.\n\nSecond para. Third one."
    for sentence in sentences_of(text):
        assert text[sentence.start : sentence.end] == sentence.text
    assert [s.line for s in sentences_of(text)] == [1, 3, 3]


def test_multi_sentence_quote_stays_together():
    found = sentences_of("“It is clear. That is why,” she said. Next.")
    assert found[0].text == "“It is clear. That is why,” she said."


def test_mask_inline_keeps_link_text_and_offsets():
    line = "See [the report](https://x.test/a.b) and **bold** `code`."
    masked = mask_inline(line)
    assert len(masked) == len(line)
    assert "https" not in masked and "the report" in masked and "**" not in masked
    assert masked.index("the report") == line.index("the report")


def test_markdown_blocks_skip_headings_code_tables_and_front_matter():
    text = (
        "---\ntitle: T\nsources: [a.txt]\n---\n# Heading here now\n\n"
        "Prose one is here.\n\n```\ncode is here.\n```\n\n| a | b |\n|---|---|\n| c | d |\n\n"
        "> Quoted prose is here.\n\n- Listed prose is here.\n"
    )
    found = sentences_of(text, markdown=True)
    assert [s.text.strip() for s in found] == [
        "Prose one is here.",
        "Quoted prose is here.",
        "Listed prose is here.",
    ]
    assert [s.line for s in found] == [7, 17, 19]


def test_long_text_is_chunked_without_losing_characters():
    text = ("word " * 5000).strip()
    chunks = _chunks(text)
    assert "".join(c for _, c in chunks) == text
    assert all(len(c) <= CHUNK_LIMIT for _, c in chunks)
    sentences = split_sentences(Block(text, 0, 0), LineIndex(text))
    assert sum(len(s.text.split()) for s in sentences) == 5000


def test_wide_spaces_before_a_full_stop_keep_the_text():
    # sentencex 1.0.32 panics on "\xa0." and "\u2009."; the text must survive, offsets intact
    for text in ("Q\xa0.\tThe port is shut.", "Rates rose\u2009. They fell \u3000. Done."):
        source = parse_source(text, "s.txt")
        assert source.sentences
        assert all(text[s.start : s.end] == s.text for s in source.sentences)
