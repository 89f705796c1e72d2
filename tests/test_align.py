"""The word alignment of a claim with one piece of evidence (align.py), on passages written
for each rule."""

from factcheck.align import align
from factcheck.analysis import analyse_text
from factcheck.model import WordStatus


def links(claim, evidence):
    units = list(analyse_text(claim).units)
    return [
        (
            claim[link.unit.start : link.unit.end],
            link.status,
            evidence[link.counterpart.start : link.counterpart.end] if link.counterpart else None,
        )
        for link in align(units, analyse_text(evidence)).links
    ]


def statuses(claim, evidence):
    return {word: (status, other) for word, status, other in links(claim, evidence)}


def test_same_words_in_other_inflections_match():
    found = statuses("Norway sold two frigates.", "Norway is selling two frigates.")
    assert all(status is WordStatus.MATCHED for status, _ in found.values())


def test_synonym_from_wordnet_matches():
    found = statuses("The council set up a panel.", "The council established a panel.")
    assert found["set up"][0] is WordStatus.MATCHED


def test_derived_form_matches():
    found = statuses(
        "Chile entered the alliance in 1990.", "Chile's entry into the alliance in 1990."
    )
    assert found["entered"][0] is WordStatus.MATCHED


def test_a_changed_name_is_substituted_with_its_counterpart():
    found = statuses("The envoy flew to Lagos on Monday.", "The envoy flew to Kano on Monday.")
    assert found["Lagos"] == (WordStatus.SUBSTITUTED, "Kano")
    found = statuses("The envoy flew to Ghana on Monday.", "The envoy flew to Kenya on Monday.")
    assert found["Ghana"] == (WordStatus.SUBSTITUTED, "Kenya")
    # a city for a country is no swap of one for the other: the claim names a new place
    found = statuses("The envoy flew to Lagos on Monday.", "The envoy flew to Kenya on Monday.")
    assert found["Lagos"][0] is WordStatus.ADDED


def test_an_appended_place_is_added():
    found = statuses(
        "The envoy flew to Nairobi on Monday with Kenya's president.",
        "The envoy flew to Nairobi on Monday.",
    )
    assert found["president"][0] is WordStatus.ADDED


def test_a_name_moved_into_another_relation_is_substituted():
    first, second = [
        (status, other)
        for word, status, other in links(
            "With fighting in Sudan, Chad agreed to send 300 doctors to Sudan.",
            "With fighting in Sudan, Chad agreed to send 300 doctors to Niger.",
        )
        if word == "Sudan"
    ]
    assert first[0] is WordStatus.MATCHED and second == (WordStatus.SUBSTITUTED, "Niger")
    found = statuses(
        "Chad agreed to send 300 doctors to Sudan.",
        "With fighting in Sudan, Chad agreed to send 300 doctors to Niger.",
    )
    assert found["Sudan"] == (WordStatus.SUBSTITUTED, "Niger")


def test_a_phrase_moved_whole_is_word_order():
    found = statuses(
        "Ana Lopez, Peru's former minister, criticised the plan.",
        "LIMA, May 3 — Former Peruvian minister Ana Lopez criticised the plan.",
    )
    assert found["Ana"][0] is WordStatus.MATCHED and found["Lopez"][0] is WordStatus.MATCHED


def test_opposite_relation_words_are_substituted():
    found = statuses("Exports to Chile rose.", "Exports from Chile rose.")
    assert found["to"] == (WordStatus.SUBSTITUTED, "from")


def test_quantifier_of_another_class_is_substituted():
    found = statuses(
        "The unit will command only Dutch troops.",
        "The unit will command both Dutch and Belgian troops.",
    )
    assert found["only"] == (WordStatus.SUBSTITUTED, "both")


def test_support_counts_matched_units_only():
    units = list(analyse_text("The mayor opened three new bridges.").units)
    alignment = align(units, analyse_text("The mayor closed three old bridges."))
    assert 0 < alignment.support < 1
    assert align(units, analyse_text("The mayor opened three new bridges.")).support == 1.0
