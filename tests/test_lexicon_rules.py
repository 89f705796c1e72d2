"""Each lexicon line below changes a verdict: these passages fail when the line is taken out
of its lexicon (an antonym pair, a quantifier class, a relation pair, a negative verb, a
generic speaker word, the hedge reach). Without them a lexicon could lose lines and every
test still pass. Passages are written for these tests, about no real article."""

import pytest
from helpers import claim, evidence

from factcheck.analysis import analyse_text
from factcheck.checks.speaker import same_source
from factcheck.model import Attribution, AttributionKind, Verdict
from factcheck.verify import verify


def codes_and_verdict(claim_text, source_text):
    result = verify(claim(claim_text), evidence(source_text))
    return result.verdict, {f.code for f in result.findings}


# (claim, source): each pair is defended by the lexicon/antonyms.txt line its words come
# from; WordNet's list and the negating prefixes do not cover these forms.
OPPOSITE_WORDS = [
    (
        "The council will allow street parking on Sundays.",
        "The council will prohibit street parking on Sundays.",
    ),
    ("The mayor opposed the new bridge toll.", "The mayor proposed the new bridge toll."),
    (
        "Bus fares decreased in the spring, the agency said.",
        "Bus fares increased in the spring, the agency said.",
    ),
    (
        "The Lions lost the regional final in Cardiff.",
        "The Lions won the regional final in Cardiff.",
    ),
    (
        "The treaty will weaken ties between the two ports.",
        "The treaty will strengthen ties between the two ports.",
    ),
    (
        "The new ferry makes the crossing slower for commuters.",
        "The new ferry makes the crossing faster for commuters.",
    ),
    ("The city is tightening rules on food trucks.", "The city is relaxing rules on food trucks."),
    (
        "The agency downgraded the storm warning for the coast.",
        "The agency upgraded the storm warning for the coast.",
    ),
    (
        "The farm bill passed with partisan support.",
        "The farm bill passed with bipartisan support.",
    ),
    (
        "The plan is at odds with the regional housing strategy.",
        "The plan is in line with the regional housing strategy.",
    ),
    (
        "The new ramp makes access harder for wheelchair users.",
        "The new ramp makes access easier for wheelchair users.",
    ),
    (
        "The board vetoed the library budget for next year.",
        "The board approved the library budget for next year.",
    ),
    # these also negate (negative_verbs.txt); the antonym line is what names the opposite
    (
        "The pilot scheme worked in the valley towns.",
        "The pilot scheme failed in the valley towns.",
    ),
    ("The union declined the pay offer on Monday.", "The union accepted the pay offer on Monday."),
    (
        "The clinic denied the report about staffing cuts.",
        "The clinic confirmed the report about staffing cuts.",
    ),
    (
        "Rescuers were unable to reach the village by road.",
        "Rescuers were able to reach the village by road.",
    ),
]


@pytest.mark.parametrize(("said", "source"), OPPOSITE_WORDS)
def test_a_word_or_phrase_opposite_to_the_source_contradicts_it(said, source):
    verdict, codes = codes_and_verdict(said, source)
    assert verdict is Verdict.CONTRADICTED and "antonym-mismatch" in codes


# lexicon/quantifiers.txt: a quantifier of one class where the source has another.
OTHER_QUANTIFIER = [
    (
        "The depot will store only diesel buses.",
        "The depot will store both diesel and electric buses.",
    ),
    ("Most residents backed the park plan.", "Few residents backed the park plan."),
    (
        "The night bus always stops at the hospital.",
        "The night bus rarely stops at the hospital.",
    ),
    (
        "The night bus rarely stops at the hospital.",
        "The night bus always stops at the hospital.",
    ),
    (
        "All members of the choir voted for the director.",
        "Some members of the choir voted for the director.",
    ),
    (
        "Some members of the choir voted for the director.",
        "All members of the choir voted for the director.",
    ),
    ("The earlier ferry leaves from Pier 4.", "The later ferry leaves from Pier 4."),
    (
        "The orchard produced more apples this autumn.",
        "The orchard produced fewer apples this autumn.",
    ),
]


@pytest.mark.parametrize(("said", "source"), OTHER_QUANTIFIER)
def test_a_quantifier_of_another_class_than_the_source_contradicts_it(said, source):
    verdict, codes = codes_and_verdict(said, source)
    assert verdict is Verdict.CONTRADICTED and "relation-mismatch" in codes


# lexicon/relations.txt: a relation word where the source has its opposite.
OPPOSITE_RELATION = [
    ("Grain moved to the eastern depot.", "Grain moved from the eastern depot."),
    ("Councillors voted for the ring road.", "Councillors voted against the ring road."),
    (
        "The market will open inside the old station.",
        "The market will open outside the old station.",
    ),
    ("The parade ended before the speeches.", "The parade ended after the speeches."),
    ("The drone flew above the cloud layer.", "The drone flew below the cloud layer."),
]


@pytest.mark.parametrize(("said", "source"), OPPOSITE_RELATION)
def test_a_relation_word_opposite_to_the_source_contradicts_it(said, source):
    verdict, codes = codes_and_verdict(said, source)
    assert verdict is Verdict.CONTRADICTED and "relation-mismatch" in codes


# lexicon/negative_verbs.txt: a verb that negates the verb it governs.
NEGATING_VERB = [
    (
        "The landlord renewed the bakery's lease.",
        "The landlord declined to renew the bakery's lease.",
    ),
    ("The committee stopped funding the night buses.", "The committee funded the night buses."),
    ("The union refused to sign the pay deal.", "The union signed the pay deal."),
    (
        "The ferry failed to reach the island on Tuesday.",
        "The ferry reached the island on Tuesday.",
    ),
    ("The council avoided raising parking charges.", "The council raised parking charges."),
    ("The mill halted production of wool blankets.", "The mill began production of wool blankets."),
    ("The club abandoned plans for a new stadium.", "The club announced plans for a new stadium."),
    ("The plant ceased making glass bottles.", "The plant kept making glass bottles."),
    ("The coach quit training the junior squad.", "The coach kept training the junior squad."),
    # also antonyms (antonyms.txt); the negative verb is what reads them as a negation
    (
        "The panel rejected the bid for the canal site.",
        "The panel accepted the bid for the canal site.",
    ),
    ("The driver denied speeding on the bypass.", "The driver admitted speeding on the bypass."),
]


@pytest.mark.parametrize(("said", "source"), NEGATING_VERB)
def test_a_negating_verb_reverses_what_it_governs(said, source):
    verdict, codes = codes_and_verdict(said, source)
    assert verdict is Verdict.CONTRADICTED and "negation-mismatch" in codes


# `infinitive`: an implicative verb negates only the infinitive after it
IMPLICATIVE_WITHOUT_INFINITIVE = [
    (
        "Ferry traffic began to decline while the bridge was open.",
        "Ferry traffic was in decline while the bridge was open.",
    ),
    (
        "The cooperative bank failed in the 1998 crisis.",
        "The cooperative bank collapsed in the 1998 crisis.",
    ),
]


@pytest.mark.parametrize(("said", "source"), IMPLICATIVE_WITHOUT_INFINITIVE)
def test_an_implicative_verb_without_its_infinitive_negates_nothing(said, source):
    _, codes = codes_and_verdict(said, source)
    assert "negation-mismatch" not in codes


def anonymous(speaker):
    return Attribution(AttributionKind.ANONYMOUS, speaker)


@pytest.mark.parametrize(
    "generic", ["officials", "a senior official", "a top official", "one official"]
)
def test_words_every_unnamed_source_shares_do_not_tell_two_sources_apart(generic):
    # lexicon/generic_speakers.txt: "a senior official" may well be "a port spokesman"
    assert same_source(anonymous(generic), anonymous("a port spokesman"))


def test_unnamed_sources_described_by_different_offices_still_differ():
    assert not same_source(anonymous("a port spokesman"), anonymous("a school inspector"))


def test_generic_speaker_words_keep_a_claim_about_an_unnamed_source_supported():
    result = verify(
        claim("A senior official said the harbour cranes have been idle since May."),
        evidence("The harbour cranes have been idle since May, a port spokesman said."),
    )
    assert result.verdict is Verdict.SUPPORTED


def test_a_hedge_qualifies_three_content_words_after_it_and_no_more():
    # analysis.HEDGE_REACH: "may [close] [the] [east] [gate]" - stopwords are not units
    ((hedge, qualified),) = analyse_text(
        "The zoo may close its east gate while keepers repaint the aviary walls."
    ).hedges
    assert hedge == "may"
    assert {"close", "east", "gate"} <= qualified
    assert not qualified & {"keeper", "keepers", "repaint", "aviary", "wall", "walls"}


def test_a_hedge_far_from_the_claimed_words_is_not_dropped():
    verdict, codes = codes_and_verdict(
        "Keepers will repaint the aviary walls in June.",
        "The zoo may close its east gate for a week while keepers repaint the aviary walls in "
        "June.",
    )
    assert "hedge-dropped" not in codes


# A word a claim negates, against its opposite in the source (antonyms.txt or WordNet): the
# claim says less than the source, and follows from it. The same claim without its "not",
# or the source's own word negated, is a contradiction.
DENIED_OPPOSITES = [
    (
        "The mayor will not attend the harbour festival in June.",
        "The mayor plans to skip the harbour festival in June.",
        "The mayor will attend the harbour festival in June.",
    ),
    (
        "The panel did not accept the bid for the canal site.",
        "The panel rejected the bid for the canal site.",
        "The panel did not reject the bid for the canal site.",
    ),
    (
        "Rents did not rise in the harbour district last year.",
        "Rents fell in the harbour district last year.",
        "Rents did not fall in the harbour district last year.",
    ),
]


def test_a_negative_verb_pairs_with_a_claims_not_through_itself():
    # "skip" governs itself: its scope holds no word of the claim's "not attend the harbour"
    verdict, codes = codes_and_verdict(
        "The mayor will not attend the harbour gala in Lima.",
        "The mayor will skip the harbour gala in Lima.",
    )
    assert verdict is Verdict.SUPPORTED, codes


@pytest.mark.parametrize(("said", "source", "wrong"), DENIED_OPPOSITES)
def test_a_negated_word_agrees_with_its_opposite(said, source, wrong):
    verdict, codes = codes_and_verdict(said, source)
    assert verdict is Verdict.SUPPORTED, codes
    assert codes_and_verdict(wrong, source)[0] is Verdict.CONTRADICTED


def test_a_denied_word_against_its_denied_opposite_is_a_contradiction():
    # both sides negate, but opposite things: "not rejected" is not "not accepted"
    verdict, codes = codes_and_verdict(
        "The council wanted a mayor who had not rejected money from developers.",
        "The council wanted a mayor who had not accepted money from developers.",
    )
    assert verdict is Verdict.CONTRADICTED and "antonym-mismatch" in codes
