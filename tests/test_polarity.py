from helpers import checker, claim, evidence

from factcheck.analysis import analyse_text
from factcheck.checks import polarity
from factcheck.checks.polarity import antonym_conflicts

check = checker(polarity.check)


def negation_conflicts(claim_text, source_text):
    return polarity.negation_conflicts(analyse_text(claim_text), analyse_text(source_text))


def test_dropped_negation_is_a_mismatch():
    assert negation_conflicts(
        "The announcement has already been made.", "The announcement has not yet been made."
    ) == [("made", "source")]


def test_a_negating_phrase_dropped_is_a_mismatch():
    # "no longer" is one phrase (the opposite of "still"), and it negates what follows
    assert negation_conflicts(
        "Okafor owns shares in the mine.", "Okafor no longer owns shares in the mine."
    ) == [("owns", "source")]
    assert (
        negation_conflicts(
            "Okafor no longer owns shares in the mine.", "Okafor no longer owns shares in the mine."
        )
        == []
    )


def test_a_negation_ending_its_clause_negates_what_stands_before_it():
    assert negation_conflicts(
        "Okafor and Mensah sent aides; Banda did.", "Okafor and Mensah sent aides; Banda did not."
    ) == [("banda", "source")]


def test_negation_reaches_the_verb_and_its_object():
    # "had not kept track" says what "did not track" says
    assert negation_conflicts("The agency had not kept track.", "The agency did not track.") == []


def test_added_negation_is_a_mismatch():
    assert negation_conflicts(
        "Details have not been finalized.", "Details have been finalized."
    ) == [("finalized", "claim")]


def test_matching_negation_is_fine():
    assert negation_conflicts("We will not change course.", "We will not change our course.") == []


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


def test_a_negator_governs_only_its_own_clause():
    # "no" governs "metric"; "don't" governs "know", in another clause
    assert negation_conflicts(
        "The panel was better on almost no measure, but we don't know why.",
        "The panel was better on almost every measure, but we don't know why.",
    ) == [("measure", "claim")]


def test_a_negative_verb_used_as_a_noun_negates_nothing():
    assert analyse_text("Exports are in decline after the strike.").negated == frozenset()
    assert analyse_text("Exports declined to rise after the strike.").negated


def test_a_negated_negative_verb_is_an_assertion():
    # "has not failed to publish" asserts publishing: its "not" answers nothing in the source
    assert negation_conflicts(
        "The board has not failed to publish the accounts.",
        "The board has failed to publish the accounts.",
    ) == [("failed", "claim")]
    assert negation_conflicts(
        "But the mayor did stop there.", "But the mayor didn't stop there."
    ) == [("stop", "source")]


def test_negators_pair_one_to_one():
    # the source's "not" answers the claim's "not political"; "without" stands alone
    assert negation_conflicts(
        "Their meeting without Okafor was not political.",
        "Their meeting with Okafor was not political.",
    ) == [("okafor", "claim")]


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
