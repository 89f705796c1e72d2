"""Bad and hostile input: clear one-line errors, no crash, no hang, nothing written."""

import os
import string

import pytest
from click.testing import CliRunner
from conftest import ARTICLE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import check_claims, load_sources
from factcheck.attribution import attribute, quote_spans
from factcheck.claims import parse_draft
from factcheck.cli import main
from factcheck.errors import FactcheckError
from factcheck.files import write_atomic
from factcheck.model import Verdict
from factcheck.quantities import quantities
from factcheck.sources import parse_source
from factcheck.text import find_quotes, normalize, words


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


def assert_input_error(result, *fragments):
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("factcheck: error: "), result.stderr
    for fragment in fragments:
        assert fragment in lines[0]
    assert "Traceback" not in result.output


@pytest.fixture
def files(tmp_path, monkeypatch):
    """Bad inputs in a directory that is also where the user stands (outside any checkout,
    the working directory is the read root; see files.py)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "article.txt").write_bytes(ARTICLE.read_bytes())
    (tmp_path / "empty.txt").write_text("close\n\nSkip to main content\n", encoding="utf-8")
    (tmp_path / "blank.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "latin.txt").write_bytes(
        "Officials in Malmö said the café was closed.".encode("cp1252")
    )
    (tmp_path / "bad.yaml").write_text("claims:\n  - text: [unclosed\n", encoding="utf-8")
    (tmp_path / "keys.yaml").write_text("claims:\n  - text: x\n    verdict: supported\n")
    (tmp_path / "types.yaml").write_text("claims:\n  - text: x\n    id: [1, 2]\n")
    (tmp_path / "nosrc.yaml").write_text("sources: [missing.txt]\nclaims: [{text: x}]\n")
    (tmp_path / "noprose.md").write_text("# Title only\n\n```\ncode()\n```\n", encoding="utf-8")
    (tmp_path / "dir").mkdir()
    return tmp_path


def test_missing_file(files):
    assert_input_error(run("sources", files / "nope.txt"), "nope.txt", "no such file")


def test_directory_without_sources_is_refused(files):
    assert_input_error(run("sources", files / "dir"), "dir", "no files ending in .txt")


@pytest.mark.parametrize("name", ["empty.txt", "blank.txt"])
def test_empty_source(files, name):
    assert_input_error(run("sources", files / name), name, "empty")


def test_binary_file(files):
    assert_input_error(run("sources", files / "binary.txt"), "binary.txt", "binary")


def test_invalid_utf8_and_the_encoding_option(files):
    assert_input_error(
        run("sources", files / "latin.txt"), "latin.txt", "not valid utf-8", "--encoding"
    )
    result = run("sources", files / "latin.txt", "--encoding", "cp1252", "--format", "json")
    assert result.exit_code == 0 and "Malmö" in result.output


def test_unknown_encoding(files):
    assert_input_error(run("sources", files / "article.txt", "--encoding", "klingon"), "klingon")


def test_malformed_yaml_names_the_line(files):
    assert_input_error(run("check", files / "bad.yaml"), "bad.yaml:3", "malformed YAML")


def test_unknown_key_names_key_and_line(files):
    assert_input_error(run("check", files / "keys.yaml"), "keys.yaml:3", "'verdict'")


def test_wrong_type_names_the_line(files):
    assert_input_error(run("check", files / "types.yaml"), "types.yaml:3", "id must be a string")


def test_claim_set_whose_sources_do_not_exist(files):
    assert_input_error(run("check", files / "nosrc.yaml"), "nosrc.yaml:1", "missing.txt")


def test_unknown_format():
    assert_input_error(run("sources", ARTICLE, "--format", "xml"), "--format", "xml")


def test_draft_with_no_prose_is_skipped_not_refused(files):
    """A stub or an index of links staged with real drafts must not block the hook."""
    (files / "draft.md").write_text("Officials in Malmö said the café was closed.\n")
    result = run("check", files / "noprose.md", files / "draft.md", "-s", files / "article.txt")
    assert result.exit_code in (0, 1), result.output
    assert result.stderr.count("\n") == 1
    assert "info: skipped 1 file with no prose to check" in result.stderr
    assert "noprose.md" in result.stderr and "draft.md:1:1" in result.stdout


def test_stdin_binary_is_refused():
    assert_input_error(
        run("check", "-", "-s", ARTICLE, input=b"\x00\x01binary"), "<stdin>", "binary"
    )


def test_check_never_writes_to_its_inputs(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    source = tmp_path / "source.txt"
    source.write_bytes(ARTICLE.read_bytes())
    draft = tmp_path / "draft.md"
    draft.write_text("Japan has agreed to sell 12 Patriot interceptors.\n", encoding="utf-8")
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (source, draft)}
    assert run("check", draft, "-s", source).exit_code == 1
    assert_input_error(run("check", draft, "-s", source, "-o", draft), "refusing to overwrite")
    assert_input_error(run("check", draft, "-s", source, "-o", source), "refusing to overwrite")
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (source, draft)} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.md", "source.txt"]


def test_interrupted_report_write_leaves_nothing(tmp_path, monkeypatch):
    target = tmp_path / "report.json"
    target.write_text("previous report", encoding="utf-8")

    def crash(*_):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "new report")
    assert target.read_text(encoding="utf-8") == "previous report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_write_atomic_into_missing_directory(tmp_path):
    with pytest.raises(FactcheckError, match="does not exist"):
        write_atomic(tmp_path / "no" / "report.json", "x")


PATHOLOGICAL = {
    "one 2 MB line": "word " * 400_000,
    "20,000 tiny sentences": "Go now.\n" * 20_000,
    "a 10,000-word sentence": " ".join(["alliance"] * 10_000) + ".",
    "unbalanced and nested quotes": 'He said “we will “win and ” go. ‘Yes” she said "no. ' * 500,
    "right-to-left and combining": "مرحبا بالعالم، قال المسؤولون. e\u0301\u0301 is fine. " * 500,
    "zero-width and control characters": "Pat\u200briot\u200d sale\x01\x07 said officials. " * 500,
}


@pytest.mark.parametrize("name", list(PATHOLOGICAL))
def test_pathological_text_is_segmented_with_exact_offsets(name):
    text = PATHOLOGICAL[name]
    source = parse_source(text, name)
    attribute(source.sentences, source.text)
    assert source.sentences
    for sentence in source.sentences:
        assert text[sentence.start : sentence.end] == sentence.text
    assert source.sentences[-1].end <= len(text)


def test_pathological_claims_are_checked():
    sources = load_sources([str(ARTICLE)])
    claims = parse_draft(
        "He said “we will “win and ” go. "
        + "x" * 20_000
        + " officials said.\n\n"
        + " ".join(["Patriot"] * 3000)
        + ".\n",
        "draft.md",
    )
    for result in check_claims(claims, sources):
        assert result.verdict in set(Verdict)


# --- properties -------------------------------------------------------------------------

TEXT = st.text(
    alphabet=st.sampled_from(
        list(string.ascii_letters + string.digits + " .,;:!?-'\"\n")
        + ["“", "”", "‘", "’", "—", "\u00a0", "\u200b", "é", "ß", "İ", "…", "\t"]
    ),
    max_size=400,
)


@given(TEXT)
def test_normalize_is_idempotent(text):
    assert normalize(normalize(text)) == normalize(text)


@given(TEXT)
def test_words_offsets_slice_their_text(text):
    for word in words(text):
        assert normalize(text[word.start : word.end]) == word.norm


@given(TEXT)
@settings(suppress_health_check=[HealthCheck.too_slow])
def test_sentence_offsets_slice_the_original(text):
    try:
        source = parse_source(text, "p.txt")
    except FactcheckError:
        return
    previous_end = 0
    for sentence in source.sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.start >= previous_end
        assert sentence.line == text.count("\n", 0, sentence.start) + 1
        previous_end = sentence.end


@given(TEXT)
def test_quote_finders_return_slices_in_order(text):
    quotes = find_quotes(text)
    for quote in quotes:
        assert text[quote.start : quote.end] == quote.text
    assert all(a.end <= b.start for a, b in zip(quotes, quotes[1:], strict=False))
    for span in quote_spans(text):
        assert 0 <= span.start < span.end <= len(text)


SMALL = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def spell(number):
    if number < 20:
        return SMALL[number]
    tens, units = divmod(number, 10)
    return TENS[tens] + ("-" + SMALL[units] if units else "")


@given(st.integers(min_value=0, max_value=10**9))
def test_digits_parse_to_their_value(number):
    [quantity] = quantities(f"They sent {number:,} ships.")
    assert (quantity.low, quantity.high, quantity.unit) == (number, number, "ship")


@given(st.integers(min_value=1, max_value=99))
def test_number_words_parse_to_their_value(number):
    [quantity] = quantities(f"They sent {spell(number)} ships.")
    assert quantity.low == quantity.high == number


SENTENCES = st.lists(
    st.sampled_from(
        [
            "Japan has agreed to sell {n} Patriot interceptors to the United States.",
            "A senior Japanese official said “We will {neg} change our course.”",
            "The forces are stationed at {base} Air Base outside Tokyo.",
            "Kamikawa said the alliance is “truly {adj}.”",
            "The {adj} plan was announced on {day}.",
            "[Link text](http://example.invalid) and **bold** claims about {base} here.",
        ]
    ),
    min_size=1,
    max_size=6,
)


@given(
    SENTENCES,
    st.integers(0, 100),
    st.sampled_from(["not", "never", ""]),
    st.sampled_from(["Yokota", "Kadena", "Misawa"]),
    st.sampled_from(["historic", "odd"]),
    st.sampled_from(["Sunday", "Monday"]),
)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_fuzzed_drafts_get_a_verdict_per_sentence(
    article_sources, templates, n, neg, base, adj, day
):
    draft = "\n\n".join(t.format(n=n, neg=neg, base=base, adj=adj, day=day) for t in templates)
    claims = parse_draft("# Draft\n\n" + draft + "\n", "fuzz.md")
    results = check_claims(claims, article_sources)
    assert len(results) == len(claims)
    for result in results:
        assert result.verdict in set(Verdict)
        for evidence in result.evidence:
            text = article_sources[0].text
            assert text[evidence.start : evidence.end].startswith(evidence.sentences[0].text)


@pytest.fixture(scope="module")
def article_sources():
    return load_sources([str(ARTICLE)])


@given(TEXT)
def test_content_words_match_word_by_word_normalisation(text):
    from factcheck.text import content_words, lexicon

    stop = lexicon("stopwords")
    assert content_words(text) == [w.norm for w in words(text) if w.norm not in stop]
