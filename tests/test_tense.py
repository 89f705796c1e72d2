"""Tense (checks/tense.py): a future stated as done, or a thing done stated as to come, on
passages written for each rule."""

import pytest
from helpers import checker, claim, evidence

from factcheck.checks import tense

check = checker(tense.check)


# (claim, source, whether the tense changed)
CASES = {
    "future stated as done": (
        "The port authority opened the new ferry terminal in March.",
        "The port authority will open the new ferry terminal in March.",
        True,
    ),
    "irregular past": (
        "The two mayors met in Lyon to sign the water agreement.",
        "The two mayors will meet in Lyon to sign the water agreement.",
        True,
    ),
    "a multiword marker, an adverb between": (
        "The museum reopened its east wing on Friday.",
        "The museum is set to formally reopen its east wing on Friday.",
        True,
    ),
    "a perfect stated as to come": (
        "The union will endorse the transit levy.",
        "The union has already endorsed the transit levy.",
        True,
    ),
    "same future": (
        "The port authority will open the new ferry terminal in March.",
        "The port authority will open the new ferry terminal in March.",
        False,
    ),
    "future perfect keeps the future": (
        "By March the port authority will have opened the new terminal.",
        "By March the port authority will open the new terminal.",
        False,
    ),
    # a participle alone is no event ("a terminal run by the city"): no perfect, no claim
    # that anything happened
    "a bare participle in the source": (
        "The terminal will be led by a port manager.",
        "The council voted for a terminal led by a port manager.",
        False,
    ),
    # the source states the claim's own form as well: the pair found is another mention
    # a quotation's words align with their first like in the source ("gotten" with "will
    # get"); the source states the claim's own form as well, so the pair is no change of tense
    "the claim's form stated too": (
        "\u201cWe will get the files out the way that Secretary Ames has gotten hers out.\u201d",
        "\u201cWe will get the files out the way that Secretary Ames has gotten hers out.\u201d",
        False,
    ),
    # evidence that does not bear on the claim says nothing of its time
    "evidence that does not bear on the claim": (
        "The minister opened a bakery in Lyon with her brother last spring.",
        "The minister will open the summit.",
        False,
    ),
}


@pytest.mark.parametrize(("claim_text", "source_text", "changed"), CASES.values(), ids=CASES.keys())
def test_tense_changed(claim_text, source_text, changed):
    found = check(claim(claim_text), evidence(source_text))
    assert [f.code for f in found] == (["tense-changed"] if changed else [])


@pytest.mark.parametrize(
    ("word", "is_past"),
    [
        ("announced", True),
        ("agreed", True),
        ("met", True),
        ("gone", True),
        ("announce", False),
        ("need", False),
        # "-ed" endings whose cut forms are no words
        ("proceed", False),
        ("succeed", False),
        ("hundred", False),
        ("red", False),
    ],
)
def test_past_forms(word, is_past):
    assert tense.past(word) is is_past


def test_markers():
    text = "Officials say the minister will not formally sign the deal."
    assert tense.future(text, text.index("sign")) == "will not formally"
    assert tense.future(text, text.index("deal")) is None
    assert tense.perfect("She has already signed it.", 16) == "has already"


def test_the_claims_own_form_stated_in_the_source_excuses_the_pair():
    # the alignment may pair the claim's "gotten" with the source's "will get" in a sentence
    # that says both; the source then states the claim's words as they are
    source = "We will get the forms out as the mayor has gotten hers out."
    assert tense.also_stated("gotten", None, source)
    assert tense.also_stated("get", "will", source)
    assert not tense.also_stated("got", None, source)
    assert not tense.also_stated("gotten", "will", source)


def test_the_claims_form_in_another_clause_excuses_no_phrase():
    # "did" stands in the source, but "did well" only as "will do well"
    found = check(
        claim("Okafor says she did poorly in June and is sure that she did well in Lagos."),
        evidence("Okafor says she did poorly in June and is sure that she will do well in Lagos."),
    )
    assert [f.code for f in found] == ["tense-changed"]
