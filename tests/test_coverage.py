from helpers import checker, claim, evidence

from factcheck.checks import coverage

check = checker(coverage.check)
SOURCE = "The ministry approved 40 new licences for wind farms in March, officials said."


def codes(text):
    return [f.code for f in check(claim(text), evidence(SOURCE))]


def test_claim_saying_what_the_source_says_passes():
    assert codes("The ministry approved 40 new licences for wind farms in March.") == []


def test_appended_fact_is_claim_adds():
    for added in ("for the first time", "by 2030", "in Lisbon"):
        text = f"The ministry approved 40 new licences for wind farms in March {added}."
        assert codes(text) == ["claim-adds"], added


def test_appended_phrase_of_plain_words_is_claim_adds():
    text = "The ministry approved 40 new licences for wind farms in March in a secret deal."
    assert codes(text) == ["claim-adds"]


def test_one_extra_plain_word_is_a_paraphrase():
    assert codes("The ministry formally approved 40 new licences for wind farms in March.") == []


def test_unrelated_claim_has_no_evidence():
    assert codes("The navy launched two submarines from Gdansk.") == ["no-evidence"]
