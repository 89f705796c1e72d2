from helpers import checker, claim, evidence

from factcheck.checks import quotes
from factcheck.checks.quotes import is_verbatim, render_diff, word_diff

check = checker(quotes.check)

SOURCE = "“It is truly historic as it relates to the alliance,” said a senior official."


def test_faithful_partial_quote_passes():
    assert check(claim('An official called it "truly historic."'), evidence(SOURCE)) == []


def test_case_punctuation_and_ellipsis_are_allowed():
    assert is_verbatim("IT IS truly historic ... the alliance", SOURCE)
    assert not is_verbatim("the alliance ... truly historic", SOURCE)  # order matters


def test_altered_word_is_quote_altered_with_diff():
    found = check(
        claim("He said “It is truly historic as it relates to the treaty.”"), evidence(SOURCE)
    )
    assert [f.code for f in found] == ["quote-altered"]
    assert ("-", "alliance") in found[0].detail and ("+", "treaty") in found[0].detail
    assert "[-alliance-] {+treaty+}" in found[0].message


def test_invented_quote_is_not_found():
    found = check(claim('He said "we will double the defense budget by spring."'), evidence(SOURCE))
    assert [f.code for f in found] == ["quote-not-found"]


def test_word_diff_marks_insertions():
    diff = word_diff("we will never change our course", "We will not change our course.")
    assert render_diff(diff) == "we will [-not-] {+never+} change our course"
