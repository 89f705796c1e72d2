import pytest
from helpers import checker, claim, evidence

from factcheck.analysis import analyse_text
from factcheck.checks import polarity
from factcheck.checks.polarity import antonym_conflicts

check = checker(polarity.check)


def negation_conflicts(claim_text, source_text):
    return polarity.negation_conflicts(analyse_text(claim_text), analyse_text(source_text))


# (claim, source, the conflicts found: (word, which side negates it)), one passage per rule
NEGATION_CONFLICTS = {
    "dropped negation": (
        "The announcement has already been made.",
        "The announcement has not yet been made.",
        [("made", "source")],
    ),
    "added negation": (
        "Details have not been finalized.",
        "Details have been finalized.",
        [("finalized", "claim")],
    ),
    "same negation": ("We will not change course.", "We will not change our course.", []),
    # "had not kept track" says what "did not track" says
    "negation reaches the verb and its object": (
        "The agency had not kept track.",
        "The agency did not track.",
        [],
    ),
    # "no longer" is one phrase (the opposite of "still"), and it negates what follows
    "negating phrase dropped": (
        "Okafor owns shares in the mine.",
        "Okafor no longer owns shares in the mine.",
        [("owns", "source")],
    ),
    "negating phrase kept": (
        "Okafor no longer owns shares in the mine.",
        "Okafor no longer owns shares in the mine.",
        [],
    ),
    # a negator ending its clause negates what stands before it
    "elliptical negation": (
        "Okafor and Mensah sent aides; Banda did.",
        "Okafor and Mensah sent aides; Banda did not.",
        [("banda", "source")],
    ),
    # "no" governs "measure"; "don't" governs "know", in another clause
    "negator governs its own clause": (
        "The panel was better on almost no measure, but we don't know why.",
        "The panel was better on almost every measure, but we don't know why.",
        [("measure", "claim")],
    ),
    # "has not failed to publish" asserts publishing: its "not" answers nothing in the source
    "negated negative verb": (
        "The board has not failed to publish the accounts.",
        "The board has failed to publish the accounts.",
        [("failed", "claim")],
    ),
    "negation dropped from 'did not stop'": (
        "But the mayor did stop there.",
        "But the mayor didn't stop there.",
        [("stop", "source")],
    ),
    # the source's "not" answers the claim's "not political"; "without" stands alone
    # the opposite particle answers the claim's "not", as an opposite word does
    "a denied phrasal verb against its opposite particle": (
        "Harbor fees did not go down in March.",
        "Harbor fees went up in March.",
        [],
    ),
    "a denied phrasal verb against the same one": (
        "Harbor fees did not go up in March.",
        "Harbor fees went up in March.",
        [("go up", "claim")],
    ),
    "negators pair one to one": (
        "Their meeting without Okafor was not political.",
        "Their meeting with Okafor was not political.",
        [("okafor", "claim")],
    ),
}


@pytest.mark.parametrize(
    ("claim_text", "source_text", "conflicts"), NEGATION_CONFLICTS.values(), ids=NEGATION_CONFLICTS
)
def test_negation_conflicts(claim_text, source_text, conflicts):
    assert negation_conflicts(claim_text, source_text) == conflicts


def test_prohibit_vs_allow():
    found = check(
        claim("The guidelines allow the transfer of lethal weapons."),
        evidence("The guidelines prohibit the transfer of lethal weapons."),
    )
    assert [f.code for f in found] == ["antonym-mismatch"]


def test_multiword_opposites():
    assert antonym_conflicts(
        "The plan is in line with the treaty.", "The plan is at odds with the treaty."
    )


def test_antonym_in_both_is_not_a_conflict():
    assert (
        antonym_conflicts("Revisions allow sales.", "Rules prohibit it but revisions allow sales.")
        == []
    )


def test_pair_evidence_is_checked_sentence_by_sentence():
    found = check(
        claim("The guidelines allow the transfer of lethal weapons."),
        evidence(
            "The guidelines prohibit the transfer of lethal weapons. "
            "But revisions allow sales to allies."
        ),
    )
    assert [f.code for f in found] == ["antonym-mismatch"]


def test_short_claim_with_an_opposite_is_contradicted():
    # four words, one of them the opposite: the rest of the claim still pins the fact
    found = check(
        claim("The board vetoed the library budget."),
        evidence("The board approved the library budget."),
    )
    assert [f.code for f in found] == ["antonym-mismatch"]


def test_negative_verb_against_the_plain_fact_is_a_negation_mismatch():
    found = check(
        claim("The owners neglected to repair the roof."),
        evidence("The owners repaired the roof."),
    )
    assert [f.code for f in found] == ["negation-mismatch"]


def test_a_negative_verb_used_as_a_noun_negates_nothing():
    assert analyse_text("Exports are in decline after the strike.").negated == frozenset()
    assert analyse_text("Exports declined to rise after the strike.").negated


def test_one_word_pairs_of_the_antonym_lexicon_match_inflected():
    # lexicon/antonyms.txt: end|terminate = extend|prolong
    assert antonym_conflicts("She extended the meeting.", "She ended the meeting.") == [
        ("extended", "ended")
    ]


def test_backers_and_critics_praise_and_criticism_are_opposites():
    assert antonym_conflicts(
        "Okafor is one of Banda's backers.", "Okafor is among Banda's critics."
    )
    assert antonym_conflicts("The mayor praised the plan.", "The mayor criticised the plan.")


def test_an_opposite_in_the_claims_place_counts_though_the_word_stands_elsewhere():
    found = check(
        claim("Okafor backed the levy and Mensah, as before, backed the bill."),
        evidence("Okafor backed the levy and Mensah, as before, opposed the bill."),
    )
    assert "antonym-mismatch" in [f.code for f in found]
    assert (
        check(
            claim("Okafor backed the levy and Mensah, as before, opposed the bill."),
            evidence("Okafor backed the levy and Mensah, as before, opposed the bill."),
        )
        == []
    )


# (claim, source, the conflicts found): a verb with one direction particle against the same
# verb with the other (lexicon/particles.txt, their opposites in lexicon/relations.txt)
PARTICLE_CONFLICTS = {
    "particle flipped, the verb as a phrase of its own": (
        "Rents in the harbour district went down sharply.",
        "Rents in the harbour district went up sharply.",
        [("went down", "went up")],
    ),
    "particle flipped, the verb inflected otherwise": (
        "The council will play up the cost of the bridge.",
        "The council played down the cost of the bridge.",
        [("play up", "played down")],
    ),
    "same particle": (
        "The union stepped up its campaign.",
        "The union stepped up its campaign.",
        [],
    ),
    # the source says it too, of something else: no flip of the claim's own words
    "both particles in the source": (
        "Fares went up in May.",
        "Fares went up in May while tolls went down.",
        [],
    ),
    # an ellipsis: the source's "up" has no verb before it, and still says the claim's thing
    "the claim's particle elsewhere in the source": (
        "Turnout was up in Iowa.",
        "Turnout was down in Ohio but up in Iowa.",
        [],
    ),
    "another verb's particle": (
        "The mayor stepped down in June.",
        "The mayor's rivals lined up in June.",
        [],
    ),
    # a verb without a particle: the antonym lists decide ("fell" / "rose"), not this rule
    "no particle in the claim": ("Turnout fell in the north.", "Turnout went down.", []),
}


@pytest.mark.parametrize(
    ("claim_text", "source_text", "conflicts"),
    PARTICLE_CONFLICTS.values(),
    ids=PARTICLE_CONFLICTS.keys(),
)
def test_particle_conflicts(claim_text, source_text, conflicts):
    assert polarity.particle_conflicts(claim_text, source_text) == conflicts


# (claim, source, the codes the polarity check finds) on whole cases
PARTICLE_FINDINGS = {
    "a flipped particle contradicts": (
        "The ferry company scaled up its winter timetable.",
        "The ferry company scaled down its winter timetable.",
        ["antonym-mismatch"],
    ),
    # both sides deny, and deny different things
    "both denied, opposite particles": (
        "The regulator was faulted for not taking up the complaints.",
        "The regulator was faulted for not taking down the complaints.",
        ["antonym-mismatch"],
    ),
}


@pytest.mark.parametrize(
    ("claim_text", "source_text", "codes"),
    PARTICLE_FINDINGS.values(),
    ids=PARTICLE_FINDINGS.keys(),
)
def test_particle_findings(claim_text, source_text, codes):
    assert [f.code for f in check(claim(claim_text), evidence(source_text))] == codes


def test_a_denied_flip_says_less_not_the_opposite():
    # "did not go down" is true where prices went up
    found = check(
        claim("Bread prices in the valley did not go down last winter."),
        evidence("Bread prices in the valley went up last winter."),
    )
    assert found == []
    # the reverse says more than the source ("did not go down" may be "stayed flat"): it
    # stays flagged
    found = check(
        claim("Bread prices in the valley went up last winter."),
        evidence("Bread prices in the valley did not go down last winter."),
    )
    assert "negation-mismatch" in [f.code for f in found]
